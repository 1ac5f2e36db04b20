//! Imports: the rows one import creates are written in one transaction and
//! tagged with it, so that the import lands whole or not at all, and one
//! action undoes it. The keys the duplicate checks need are read here too,
//! and the column mappings people chose are remembered by header.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Transaction};
use tisserand_domain::actor::ValidActor;
use tisserand_domain::contact::ValidContact;
use tisserand_domain::import::ImportRecord;

use crate::actor::{insert_actor_in, PlaceCache};
use crate::contact::{insert_contact_in, Organisations};
use crate::{new_id, now, Result, Store, StoreError};

/// What an import counted, written with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportTally {
    pub rows: u32,
    pub actors: u32,
    pub contacts: u32,
    pub skipped: u32,
}

/// The writes of one import, inside its transaction.
pub struct ImportWriter<'a> {
    tx: &'a Transaction<'a>,
    import_rid: i64,
    places: PlaceCache,
    organisations: Organisations,
}

impl ImportWriter<'_> {
    /// Creates an actor tagged with this import; returns its id.
    ///
    /// # Errors
    /// `NotFound` for an unknown commune; a storage error.
    pub fn add_actor(&mut self, a: &ValidActor) -> Result<String> {
        insert_actor_in(self.tx, a, &mut self.places, Some(self.import_rid))
    }

    /// Creates a contact tagged with this import; returns its id.
    ///
    /// # Errors
    /// `NotFound` when its organisation is not a live actor; a storage error.
    pub fn add_contact(&mut self, c: &ValidContact) -> Result<String> {
        insert_contact_in(self.tx, c, &mut self.organisations, Some(self.import_rid))
    }
}

/// Whether the import's transaction is kept.
pub enum ImportEnd<T> {
    /// Write the rows and the import's record.
    Commit(T, ImportTally),
    /// Roll everything back (a dry run, a cancel, nothing to import).
    Discard(T),
}

/// What the duplicate checks need of a live actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorKey {
    pub id: String,
    pub name: String,
    pub siren: Option<String>,
    pub rna: Option<String>,
    pub commune_insee: Option<String>,
}

/// What the duplicate checks need of a live contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactKey {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub actor_id: Option<String>,
}

impl Store {
    /// Runs one import in one transaction: `f` writes rows through the
    /// writer and says whether to keep them. Kept, the import is recorded
    /// with its tally and its id returned.
    ///
    /// # Errors
    /// Whatever `f` returns (everything is then rolled back); a storage error.
    pub fn import_rows<T>(
        &mut self,
        file_name: &str,
        format: &str,
        f: impl FnOnce(&mut ImportWriter<'_>) -> Result<ImportEnd<T>>,
    ) -> Result<(T, Option<String>)> {
        let path = self.path.clone();
        *self.cache.get_mut() = crate::ReadCache::default();
        self.conn
            .pragma_update(None, "cache_size", crate::BULK_CACHE_KIB)?;
        let result = (|| {
            let tx = self
                .conn
                .transaction()
                .map_err(|e| StoreError::at(&path, e))?;
            let id = new_id();
            tx.execute(
                "INSERT INTO imports (id, file_name, format, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![id, file_name, format, now()],
            )?;
            let import_rid = tx.last_insert_rowid();

            let mut writer = ImportWriter {
                tx: &tx,
                import_rid,
                places: PlaceCache::new(),
                organisations: Organisations::new(),
            };
            match f(&mut writer).map_err(|e| StoreError::at(&path, e))? {
                ImportEnd::Discard(value) => Ok((value, None)),
                ImportEnd::Commit(value, t) => {
                    tx.execute(
                        "UPDATE imports SET rows = ?2, actors = ?3, contacts = ?4, skipped = ?5 WHERE rid = ?1",
                        params![import_rid, t.rows, t.actors, t.contacts, t.skipped],
                    )?;
                    tx.commit().map_err(|e| StoreError::at(&path, e))?;
                    Ok((value, Some(id)))
                }
            }
        })();
        self.conn
            .pragma_update(None, "cache_size", crate::NORMAL_CACHE_KIB)?;
        result
    }

    /// The imports, newest first.
    ///
    /// # Errors
    /// A storage error.
    pub fn imports(&self, limit: u32) -> Result<Vec<ImportRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, file_name, format, rows, actors, contacts, skipped, created_at, undone_at
             FROM imports ORDER BY rid DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| {
            Ok(ImportRecord {
                id: r.get(0)?,
                file_name: r.get(1)?,
                format: r.get(2)?,
                rows: r.get(3)?,
                actors: r.get(4)?,
                contacts: r.get(5)?,
                skipped: r.get(6)?,
                created_at: r.get(7)?,
                undone_at: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Undoes an import: its actors and contacts that are still live are
    /// deleted (tombstones, like any delete). Refused while one of its
    /// actors is a party of a live partnership. Returns how many actors and
    /// contacts were removed.
    ///
    /// # Errors
    /// `NotFound` for an unknown or already undone import; `InUse` naming
    /// the partnerships; a storage error.
    pub fn undo_import(&mut self, id: &str) -> Result<(u32, u32)> {
        self.with_tx(|tx| {
            let rid: i64 = tx
                .query_row(
                    "SELECT rid FROM imports WHERE id = ?1 AND undone_at IS NULL",
                    [id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound {
                    entity: "import",
                    id: id.to_owned(),
                })?;
            let used_by: Vec<String> = tx
                .prepare(
                    "SELECT DISTINCT p.title FROM actors a
                     JOIN partnership_parties pp ON pp.actor_rid = a.rid
                     JOIN partnerships p ON p.rid = pp.partnership_rid AND p.deleted_at IS NULL
                     WHERE a.import_rid = ?1 AND a.deleted_at IS NULL ORDER BY p.sort_key LIMIT 10",
                )?
                .query_map([rid], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if !used_by.is_empty() {
                return Err(StoreError::InUse {
                    entity: "import",
                    id: id.to_owned(),
                    used_by,
                });
            }
            let at = now();
            tx.execute(
                "DELETE FROM contacts_fts WHERE rowid IN (
                   SELECT k.rid FROM contacts k LEFT JOIN actors a ON a.rid = k.actor_rid
                   WHERE k.deleted_at IS NULL AND (k.import_rid = ?1 OR a.import_rid = ?1))",
                [rid],
            )?;
            let contacts = tx.execute(
                "UPDATE contacts SET deleted_at = ?2, updated_at = ?2
                 WHERE import_rid = ?1 AND deleted_at IS NULL",
                params![rid, at],
            )?;
            tx.execute(
                "DELETE FROM actors_fts WHERE rowid IN (
                   SELECT rid FROM actors WHERE import_rid = ?1 AND deleted_at IS NULL)",
                [rid],
            )?;
            tx.execute(
                "DELETE FROM actor_tags WHERE actor_rid IN (
                   SELECT rid FROM actors WHERE import_rid = ?1 AND deleted_at IS NULL)",
                [rid],
            )?;
            let actors = tx.execute(
                "UPDATE actors SET deleted_at = ?2, updated_at = ?2
                 WHERE import_rid = ?1 AND deleted_at IS NULL",
                params![rid, at],
            )?;
            tx.execute(
                "UPDATE imports SET undone_at = ?2 WHERE rid = ?1",
                params![rid, at],
            )?;
            Ok((
                u32::try_from(actors).unwrap_or(u32::MAX),
                u32::try_from(contacts).unwrap_or(u32::MAX),
            ))
        })
    }

    /// What the duplicate checks need of every live actor, in directory order.
    ///
    /// # Errors
    /// A storage error.
    pub fn actor_keys(&self) -> Result<Vec<ActorKey>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, siren, rna, commune_insee FROM actors WHERE deleted_at IS NULL ORDER BY sort_key, rid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ActorKey {
                id: r.get(0)?,
                name: r.get(1)?,
                siren: r.get(2)?,
                rna: r.get(3)?,
                commune_insee: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What the duplicate checks need of every live contact.
    ///
    /// # Errors
    /// A storage error.
    pub fn contact_keys(&self) -> Result<Vec<ContactKey>> {
        let mut stmt = self.conn.prepare(
            "SELECT k.id, k.first_name, k.last_name, k.email, a.id FROM contacts k
             LEFT JOIN actors a ON a.rid = k.actor_rid
             WHERE k.deleted_at IS NULL ORDER BY k.sort_key, k.rid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ContactKey {
                id: r.get(0)?,
                first_name: r.get(1)?,
                last_name: r.get(2)?,
                email: r.get(3)?,
                actor_id: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Calls `f` with every live actor, in directory order, one at a time
    /// (exports of any size in bounded memory).
    ///
    /// # Errors
    /// Whatever `f` returns; a storage error.
    pub fn for_each_actor(
        &self,
        f: &mut dyn FnMut(tisserand_domain::Actor) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM actors a LEFT JOIN communes c ON c.insee = a.commune_insee
             WHERE a.deleted_at IS NULL ORDER BY a.sort_key, a.rid",
            crate::actor::ACTOR_COLUMNS
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            f(crate::actor::actor_from_row(row)?)?;
        }
        Ok(())
    }

    /// Calls `f` with every live contact, sorted by name.
    ///
    /// # Errors
    /// Whatever `f` returns; a storage error.
    pub fn for_each_contact(
        &self,
        f: &mut dyn FnMut(tisserand_domain::Contact) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM contacts k LEFT JOIN actors a ON a.rid = k.actor_rid
             WHERE k.deleted_at IS NULL ORDER BY k.sort_key, k.rid",
            crate::contact::CONTACT_COLUMNS
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            f(crate::contact::contact_from_row(row)?)?;
        }
        Ok(())
    }

    /// Calls `f` with every live partnership, sorted by title.
    ///
    /// # Errors
    /// Whatever `f` returns; a storage error.
    pub fn for_each_partnership(
        &self,
        f: &mut dyn FnMut(tisserand_domain::Partnership) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM partnerships p WHERE p.deleted_at IS NULL ORDER BY p.sort_key, p.rid",
            crate::partnership::COLUMNS
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            f(crate::partnership::partnership_from_row(row)?)?;
        }
        Ok(())
    }

    /// Every commune of the referential: INSEE code, folded name, postal
    /// codes (space-separated), to resolve the places a file names.
    ///
    /// # Errors
    /// A storage error.
    pub fn commune_places(&self) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT insee, name_key, postal_codes FROM communes")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The fields remembered for these header keys.
    ///
    /// # Errors
    /// A storage error.
    pub fn remembered_mapping(&self, keys: &[String]) -> Result<HashMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT field FROM import_mappings WHERE header_key = ?1")?;
        let mut found = HashMap::new();
        for key in keys {
            if let Some(field) = stmt
                .query_row([key], |r| r.get::<_, String>(0))
                .optional()?
            {
                found.insert(key.clone(), field);
            }
        }
        Ok(found)
    }

    /// Remembers which field each header went to (an empty field: ignored).
    ///
    /// # Errors
    /// A storage error.
    pub fn remember_mapping(&mut self, pairs: &[(String, String)]) -> Result<()> {
        self.with_tx(|tx| {
            let mut upsert = tx.prepare_cached(
                "INSERT INTO import_mappings (header_key, field, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (header_key) DO UPDATE SET field = excluded.field, updated_at = excluded.updated_at",
            )?;
            let at = now();
            for (key, field) in pairs.iter().filter(|(k, _)| !k.is_empty()) {
                upsert.execute(params![key, field, at])?;
            }
            Ok(())
        })
    }
}
