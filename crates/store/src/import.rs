//! Imports: the rows one import creates are written in one transaction and
//! tagged with it, so that the import lands whole or not at all, and one
//! action undoes it. The keys the duplicate checks need are read here too,
//! and the column mappings people chose are remembered by header.
//!
//! A large import writes faster with the secondary indexes of `actors` and
//! `actor_tags` set aside and built again before its commit, and with a
//! larger in-memory buffer for the actors' search index (figures in
//! `docs/benchmarks.md`).

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Transaction};
use tisserand_domain::actor::ValidActor;
use tisserand_domain::contact::ValidContact;
use tisserand_domain::import::ImportRecord;

use crate::actor::{insert_actor_cached, PlaceCache, TagKeys};
use crate::contact::{insert_contact_in, Organisations};
use crate::Entity;
use crate::{new_id, now, Result, Store, StoreError};

/// FTS5's default: the bytes of search index it keeps in memory before
/// writing them out as a new segment (to be merged with others later).
const FTS_HASH_SIZE: i64 = 1024 * 1024;
/// The same during an import: 16 times fewer segments to write and merge
/// (about 0.3 s of 3.5 s at 100,000 actors, for about 6 MB of memory).
const IMPORT_FTS_HASH_SIZE: i64 = 16 * 1024 * 1024;

/// Sets how much of the actors' search index FTS5 keeps in memory before
/// writing a segment (its `hashsize`, stored in `actors_fts_config`; an
/// import raises it and sets it back to the default before its commit, a
/// rollback undoes both). The contacts' index keeps the default: both
/// raised put an import of 100,000 actors with a contact each past 200 MB.
fn set_fts_hash_size(tx: &Transaction<'_>, bytes: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO actors_fts (actors_fts, rank) VALUES ('hashsize', ?1)",
        [bytes],
    )?;
    Ok(())
}

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
    tag_keys: TagKeys,
    organisations: Organisations,
    /// Actors written so far.
    actors: u64,
    /// Past this many actors, the secondary indexes of `actors` and
    /// `actor_tags` are set aside and built again, sorted, before the commit.
    set_aside_after: u64,
    /// The SQL of the indexes set aside, to build them again.
    set_aside: Vec<String>,
}

/// Imports smaller than this never set the indexes aside.
const MIN_SET_ASIDE: u64 = 5_000;

impl ImportWriter<'_> {
    /// Creates an actor tagged with this import; returns its id.
    ///
    /// # Errors
    /// `NotFound` for an unknown commune; a storage error.
    pub fn add_actor(&mut self, a: &ValidActor) -> Result<String> {
        if self.actors == self.set_aside_after {
            self.set_aside_indexes()?;
        }
        self.actors += 1;
        insert_actor_cached(
            self.tx,
            a,
            &mut self.places,
            &mut self.tag_keys,
            Some(self.import_rid),
        )
    }

    /// Drops the secondary indexes of `actors` and `actor_tags` (their SQL
    /// kept): an import as large as the directory builds them faster
    /// sorted, at the end, than row by row (most are keyed by the sort key,
    /// in random order). Same transaction: a rollback brings them back as
    /// they were. Unique indexes stay, so that a conflict is still reported
    /// on its row.
    fn set_aside_indexes(&mut self) -> Result<()> {
        let indexes: Vec<(String, String)> = self
            .tx
            .prepare(
                "SELECT name, sql FROM sqlite_schema
                 WHERE type = 'index' AND tbl_name IN ('actors', 'actor_tags') AND sql IS NOT NULL
                   AND upper(sql) NOT LIKE 'CREATE UNIQUE%' ORDER BY name",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, sql) in indexes {
            self.tx
                .execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
            self.set_aside.push(sql);
        }
        Ok(())
    }

    /// Builds the indexes set aside again.
    fn restore_indexes(&mut self) -> Result<()> {
        for sql in self.set_aside.drain(..) {
            self.tx.execute_batch(&sql)?;
        }
        Ok(())
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
            // Rows of `actors`, deleted ones included: all are in its indexes.
            let existing: i64 = tx.query_row("SELECT count(*) FROM actors", [], |r| r.get(0))?;

            set_fts_hash_size(&tx, IMPORT_FTS_HASH_SIZE)?;
            let mut writer = ImportWriter {
                tx: &tx,
                import_rid,
                places: PlaceCache::new(),
                tag_keys: TagKeys::default(),
                organisations: Organisations::new(),
                actors: 0,
                set_aside_after: u64::try_from(existing)
                    .unwrap_or(u64::MAX)
                    .max(MIN_SET_ASIDE),
                set_aside: Vec::new(),
            };
            match f(&mut writer).map_err(|e| StoreError::at(&path, e))? {
                // The rollback brings back any index set aside.
                ImportEnd::Discard(value) => Ok((value, None)),
                ImportEnd::Commit(value, t) => {
                    writer.restore_indexes()?;
                    set_fts_hash_size(&tx, FTS_HASH_SIZE)?;
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
                    entity: Entity::Import,
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
                    entity: Entity::Import,
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
            tx.execute(
                "DELETE FROM actor_stems WHERE actor_rid IN (
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

#[cfg(test)]
mod tests {
    use tisserand_domain::commune::parse_referential;
    use tisserand_domain::{ActorInput, ActorKind, ActorQuery};

    use super::*;

    const COMMUNES: &str =
        "67462\tSélestat\t67600\t67\tBas-Rhin\t44\tGrand Est\t246700967\tCC de Sélestat
68066\tColmar\t68000\t68\tHaut-Rhin\t44\tGrand Est\t246800726\tColmar Agglomération
";

    fn actor(i: u64) -> ValidActor {
        ActorInput {
            kind: Some(if i.is_multiple_of(2) {
                ActorKind::Association
            } else {
                ActorKind::Entreprise
            }),
            name: format!("Atelier {} n° {i}", (i * 7_919) % 10_007),
            commune_insee: Some(
                if i.is_multiple_of(3) {
                    "67462"
                } else {
                    "68066"
                }
                .into(),
            ),
            tags: vec!["Solidarité".into(), format!("lot {}", i % 5)],
            ..ActorInput::default()
        }
        .validate()
        .unwrap()
    }

    fn indexes(s: &Store) -> Vec<(String, String)> {
        let mut stmt = s
            .conn
            .prepare(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0).unwrap(), r.get(1).unwrap())))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    fn hash_size(s: &Store) -> Option<i64> {
        s.conn
            .query_row(
                "SELECT v FROM actors_fts_config WHERE k = 'hashsize'",
                [],
                |r| r.get(0),
            )
            .optional()
            .unwrap()
    }

    fn import(s: &mut Store, from: u64, to: u64, keep: bool) {
        s.import_rows("t.csv", "CSV", |w| {
            for i in from..to {
                w.add_actor(&actor(i))?;
            }
            let tally = ImportTally {
                rows: u32::try_from(to - from).unwrap(),
                actors: u32::try_from(to - from).unwrap(),
                ..ImportTally::default()
            };
            Ok(if keep {
                ImportEnd::Commit((), tally)
            } else {
                ImportEnd::Discard(())
            })
        })
        .unwrap();
    }

    #[test]
    fn a_large_import_builds_the_indexes_it_set_aside_again() {
        let mut s = Store::open_in_memory().unwrap();
        s.load_referential("test", &parse_referential(COMMUNES).unwrap())
            .unwrap();
        let before = indexes(&s);
        assert!(before.iter().any(|(n, _)| n == "actors_live_sort"));
        // Below the threshold, then past it, then past it and rolled back.
        import(&mut s, 0, 100, true);
        import(&mut s, 100, 100 + MIN_SET_ASIDE + 500, true);
        import(&mut s, 10_000, 10_000 + MIN_SET_ASIDE + 10, false);
        assert_eq!(indexes(&s), before);
        assert!(s.integrity_ok().unwrap());
        assert_eq!(hash_size(&s), Some(FTS_HASH_SIZE));
        let total = 100 + MIN_SET_ASIDE + 500;
        let page = s
            .list_actors(&ActorQuery {
                limit: 3,
                ..ActorQuery::default()
            })
            .unwrap();
        assert_eq!(u64::from(page.total), total);
        let plan: String = s
            .conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT rid FROM actors WHERE deleted_at IS NULL ORDER BY sort_key LIMIT 3",
                [],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("actors_live_sort"), "{plan}");
        let tagged: i64 = s
            .conn
            .query_row(
                "SELECT count(*) FROM actor_tags WHERE tag_key = 'solidarite'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(u64::try_from(tagged).unwrap(), total);
        assert_eq!(s.search("atelier", 5).unwrap().len(), 5);
    }
}
