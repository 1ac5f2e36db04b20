//! Queries on contacts, with their search index rows.

use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, OptionalExtension, Row, Transaction};
use tisserand_domain::contact::{invitation_exclusion, ValidContact};
use tisserand_domain::text::{fold, sort_key};
use tisserand_domain::{
    CommuneRef, Consent, Contact, ContactPage, ContactQuery, ContactSource, ContactSummary,
    LegalBasis,
};

use crate::actor::{kind_from, live_actor_rid, timestamp};
use crate::search::fts_query;
use crate::Entity;
use crate::{new_id, now, Result, Store, StoreError};

pub(crate) const CONTACT_COLUMNS: &str = "k.id, a.id, a.name, k.first_name, k.last_name, k.role, k.email, k.phone,
     k.legal_basis, k.source, k.informed_on, k.consents, k.last_initiated_on, k.notes, k.created_at, k.updated_at";

fn enum_from<T: serde::de::DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn enum_code<T: serde::Serialize>(value: &T) -> Result<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        other => Err(StoreError::Corrupt(format!("not a code: {other:?}"))),
    }
}

pub(crate) fn date_from(text: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

pub(crate) fn contact_from_row(r: &Row<'_>) -> rusqlite::Result<Contact> {
    let source: Option<String> = r.get(9)?;
    let consents: String = r.get(11)?;
    Ok(Contact {
        id: r.get(0)?,
        actor_id: r.get(1)?,
        actor_name: r.get(2)?,
        first_name: r.get(3)?,
        last_name: r.get(4)?,
        role: r.get(5)?,
        email: r.get(6)?,
        phone: r.get(7)?,
        legal_basis: enum_from::<LegalBasis>(&r.get::<_, String>(8)?)?,
        source: source
            .as_deref()
            .map(enum_from::<ContactSource>)
            .transpose()?,
        informed_on: date_from(r.get(10)?)?,
        consents: serde_json::from_str::<Vec<Consent>>(&consents).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(11, rusqlite::types::Type::Text, Box::new(e))
        })?,
        last_initiated_on: date_from(r.get(12)?)?,
        notes: r.get(13)?,
        created_at: timestamp(&r.get::<_, String>(14)?)?,
        updated_at: timestamp(&r.get::<_, String>(15)?)?,
    })
}

/// Writes the search row of contact `rid`: its text folded by
/// `domain::text::fold`, as queries are (`search.rs`).
fn index_contact(
    tx: &Transaction<'_>,
    rid: i64,
    first_name: &str,
    last_name: &str,
    organisation: Option<&str>,
    details: [Option<&str>; 3],
) -> Result<()> {
    let details: Vec<&str> = details.into_iter().flatten().collect();
    tx.prepare_cached(
        "INSERT INTO contacts_fts (rowid, name, organisation, details) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        rid,
        fold(&format!("{first_name} {last_name}")),
        fold(organisation.unwrap_or("")),
        fold(&details.join(" "))
    ])?;
    Ok(())
}

/// The stored values of the live contacts that the search index holds
/// (those of a deleted organisation are left out), in the order
/// `index_contact_row` reads them.
const INDEXED_CONTACTS: &str =
    "SELECT k.rid, k.first_name, k.last_name, a.name, k.role, k.email, k.notes
     FROM contacts k LEFT JOIN actors a ON a.rid = k.actor_rid
     WHERE k.deleted_at IS NULL AND (a.rid IS NULL OR a.deleted_at IS NULL)";

fn index_contact_row(tx: &Transaction<'_>, r: &Row<'_>) -> Result<()> {
    let organisation: Option<String> = r.get(3)?;
    let role: Option<String> = r.get(4)?;
    let email: Option<String> = r.get(5)?;
    let notes: Option<String> = r.get(6)?;
    index_contact(
        tx,
        r.get(0)?,
        &r.get::<_, String>(1)?,
        &r.get::<_, String>(2)?,
        organisation.as_deref(),
        [role.as_deref(), email.as_deref(), notes.as_deref()],
    )
}

/// Rewrites the search row of contact `rid` from its stored values.
pub(crate) fn reindex_contact(tx: &Transaction<'_>, rid: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM contacts_fts WHERE rowid = ?1")?
        .execute([rid])?;
    let mut stmt = tx.prepare_cached(&format!("{INDEXED_CONTACTS} AND k.rid = ?1"))?;
    let mut rows = stmt.query([rid])?;
    if let Some(r) = rows.next()? {
        index_contact_row(tx, r)?;
    }
    Ok(())
}

/// Writes the search rows of every live contact again, from their stored
/// values (after the folding changed: see `refold.rs`).
pub(crate) fn reindex_all_contacts(tx: &Transaction<'_>) -> Result<()> {
    tx.execute("DELETE FROM contacts_fts", [])?;
    let mut stmt = tx.prepare(INDEXED_CONTACTS)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        index_contact_row(tx, r)?;
    }
    Ok(())
}

/// Live organisations already looked up in one transaction: id -> (rid, name).
pub(crate) type Organisations = std::collections::HashMap<String, (i64, String)>;

fn organisation(
    tx: &Transaction<'_>,
    cache: &mut Organisations,
    c: &ValidContact,
) -> Result<Option<(i64, String)>> {
    let Some(id) = c.actor_id.as_deref() else {
        return Ok(None);
    };
    if let Some(found) = cache.get(id) {
        return Ok(Some(found.clone()));
    }
    let found: (i64, String) = tx
        .prepare_cached("SELECT rid, name FROM actors WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            entity: Entity::Actor,
            id: id.to_owned(),
        })?;
    cache.insert(id.to_owned(), found.clone());
    Ok(Some(found))
}

/// Writes a contact's columns with `sql`: `?1` the row's key (new id or rid),
/// `?2` to `?14` the fields, `?15` the time of the write, `?16` the import
/// that created it.
fn write_contact_row(
    tx: &Transaction<'_>,
    sql: &str,
    key: &dyn rusqlite::ToSql,
    actor_rid: Option<i64>,
    c: &ValidContact,
    import_rid: Option<i64>,
) -> Result<()> {
    tx.prepare_cached(sql)?.execute(params![
        key,
        actor_rid,
        c.first_name,
        c.last_name,
        sort_key(&format!("{} {}", c.last_name, c.first_name)),
        c.role,
        c.email,
        c.phone,
        enum_code(&c.legal_basis)?,
        c.source.as_ref().map(enum_code).transpose()?,
        c.informed_on.map(|d| d.to_string()),
        serde_json::to_string(&c.consents).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        c.last_initiated_on.map(|d| d.to_string()),
        c.notes,
        now(),
        import_rid
    ])?;
    Ok(())
}

const INSERT_CONTACT: &str = "INSERT INTO contacts (id, actor_rid, first_name, last_name, sort_key, role, email, phone,
        legal_basis, source, informed_on, consents, last_initiated_on, notes, created_at, updated_at, import_rid)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16)";

const UPDATE_CONTACT: &str = "UPDATE contacts SET actor_rid = ?2, first_name = ?3, last_name = ?4, sort_key = ?5,
        role = ?6, email = ?7, phone = ?8, legal_basis = ?9, source = ?10, informed_on = ?11, consents = ?12,
        last_initiated_on = ?13, notes = ?14, updated_at = ?15, import_rid = coalesce(?16, import_rid)
     WHERE rid = ?1";

pub(crate) fn insert_contact_in(
    tx: &Transaction<'_>,
    c: &ValidContact,
    cache: &mut Organisations,
    import_rid: Option<i64>,
) -> Result<String> {
    let id = new_id();
    let org = organisation(tx, cache, c)?;
    write_contact_row(
        tx,
        INSERT_CONTACT,
        &id,
        org.as_ref().map(|o| o.0),
        c,
        import_rid,
    )?;
    let rid = tx.last_insert_rowid();
    index_contact(
        tx,
        rid,
        &c.first_name,
        &c.last_name,
        org.as_ref().map(|o| o.1.as_str()),
        [c.role.as_deref(), c.email.as_deref(), c.notes.as_deref()],
    )?;
    Ok(id)
}

/// Replaces the fields of contact `rid` and its search row.
pub(crate) fn update_contact_in(tx: &Transaction<'_>, rid: i64, c: &ValidContact) -> Result<()> {
    let actor_rid = organisation(tx, &mut Organisations::new(), c)?.map(|o| o.0);
    write_contact_row(tx, UPDATE_CONTACT, &rid, actor_rid, c, None)?;
    reindex_contact(tx, rid)
}

/// Tombstones contact `rid` (optionally as merged into another).
pub(crate) fn soft_delete_contact_in(
    tx: &Transaction<'_>,
    rid: i64,
    merged_into: Option<&str>,
) -> Result<()> {
    tx.execute(
        "UPDATE contacts SET deleted_at = ?2, updated_at = ?2, merged_into = ?3 WHERE rid = ?1",
        params![rid, now(), merged_into],
    )?;
    tx.execute("DELETE FROM contacts_fts WHERE rowid = ?1", [rid])?;
    Ok(())
}

/// Brings a tombstoned contact back with its search row.
pub(crate) fn undelete_contact_in(tx: &Transaction<'_>, rid: i64) -> Result<()> {
    tx.execute(
        "UPDATE contacts SET deleted_at = NULL, merged_into = NULL, updated_at = ?2 WHERE rid = ?1",
        params![rid, now()],
    )?;
    reindex_contact(tx, rid)
}

pub(crate) fn live_contact_rid(tx: &Transaction<'_>, id: &str) -> Result<i64> {
    tx.query_row(
        "SELECT rid FROM contacts WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        entity: Entity::Contact,
        id: id.to_owned(),
    })
}

impl Store {
    /// Creates a contact.
    ///
    /// # Errors
    /// `NotFound` when its organisation is not a live actor.
    pub fn insert_contact(&mut self, c: &ValidContact) -> Result<Contact> {
        let id = self.with_tx(|tx| insert_contact_in(tx, c, &mut Organisations::new(), None))?;
        self.contact(&id)
    }

    /// Creates many contacts in one transaction (all or none).
    ///
    /// # Errors
    /// `NotFound` when an organisation is not a live actor.
    pub fn insert_contacts(&mut self, contacts: &[ValidContact]) -> Result<Vec<String>> {
        self.with_bulk_tx(|tx| {
            let mut cache = Organisations::new();
            contacts
                .iter()
                .map(|c| insert_contact_in(tx, c, &mut cache, None))
                .collect()
        })
    }

    /// Replaces a live contact's fields.
    ///
    /// # Errors
    /// `NotFound` for the contact or its organisation.
    pub fn update_contact(&mut self, id: &str, c: &ValidContact) -> Result<Contact> {
        self.with_tx(|tx| {
            let rid = live_contact_rid(tx, id)?;
            update_contact_in(tx, rid, c)
        })?;
        self.contact(id)
    }

    /// Soft-deletes a contact.
    ///
    /// # Errors
    /// `NotFound`.
    pub fn delete_contact(&mut self, id: &str) -> Result<()> {
        self.with_tx(|tx| {
            let rid = live_contact_rid(tx, id)?;
            soft_delete_contact_in(tx, rid, None)
        })
    }

    /// Undoes a soft delete of a contact.
    ///
    /// # Errors
    /// `NotFound` when there is no deleted contact `id`.
    pub fn restore_contact(&mut self, id: &str) -> Result<()> {
        self.with_tx(|tx| {
            let rid: i64 = tx
                .query_row(
                    "SELECT rid FROM contacts WHERE id = ?1 AND deleted_at IS NOT NULL",
                    [id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound {
                    entity: Entity::Contact,
                    id: id.to_owned(),
                })?;
            undelete_contact_in(tx, rid)
        })
    }

    /// A live contact.
    ///
    /// # Errors
    /// `NotFound`.
    pub fn contact(&self, id: &str) -> Result<Contact> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {CONTACT_COLUMNS} FROM contacts k LEFT JOIN actors a ON a.rid = k.actor_rid
                 WHERE k.id = ?1 AND k.deleted_at IS NULL"
            ))?
            .query_row([id], contact_from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                entity: Entity::Contact,
                id: id.to_owned(),
            })
    }

    /// The live contacts of a live actor, sorted by last name.
    ///
    /// # Errors
    /// `NotFound` for the actor.
    pub fn contacts_of(&self, actor_id: &str) -> Result<Vec<Contact>> {
        let rid = live_actor_rid(&self.conn, actor_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CONTACT_COLUMNS} FROM contacts k LEFT JOIN actors a ON a.rid = k.actor_rid
             WHERE k.actor_rid = ?1 AND k.deleted_at IS NULL ORDER BY k.sort_key"
        ))?;
        let rows = stmt.query_map([rid], contact_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// How many live contacts there are.
    ///
    /// # Errors
    /// A storage error.
    pub fn contact_count(&self) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM contacts WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?)
    }
}

/// The columns of a contacts-list row (see `summary_from_row`).
const SUMMARY_COLUMNS: &str =
    "k.id, k.first_name, k.last_name, k.role, k.email, k.phone, a.id, a.name, a.kind,
     a.commune_insee, c.name, k.legal_basis, k.informed_on, k.consents";

/// The tables a contacts-list query reads.
const SUMMARY_FROM: &str = "contacts k LEFT JOIN actors a ON a.rid = k.actor_rid
     LEFT JOIN communes c ON c.insee = a.commune_insee";

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<ContactSummary> {
    let email: Option<String> = r.get(4)?;
    let kind: Option<String> = r.get(8)?;
    let insee: Option<String> = r.get(9)?;
    let commune_name: Option<String> = r.get(10)?;
    let legal_basis = enum_from::<LegalBasis>(&r.get::<_, String>(11)?)?;
    let informed_on = date_from(r.get(12)?)?;
    let consents: Vec<Consent> = serde_json::from_str(&r.get::<_, String>(13)?).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(13, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(ContactSummary {
        id: r.get(0)?,
        first_name: r.get(1)?,
        last_name: r.get(2)?,
        role: r.get(3)?,
        mailing_exclusion: invitation_exclusion(
            email.as_deref(),
            legal_basis,
            informed_on,
            &consents,
        ),
        email,
        phone: r.get(5)?,
        actor_id: r.get(6)?,
        actor_name: r.get(7)?,
        actor_kind: kind.as_deref().map(kind_from).transpose()?,
        commune: insee.map(|insee| CommuneRef {
            name: commune_name.unwrap_or_else(|| insee.clone()),
            insee,
        }),
        legal_basis,
        consents,
    })
}

/// The `WHERE` clause and its arguments for the filters of `q` (its window
/// aside); `None` when the text can match nothing.
fn contact_filter(q: &ContactQuery) -> Result<Option<(String, Vec<String>)>> {
    // Contacts of a deleted organisation are hidden with it.
    let mut clauses =
        vec!["k.deleted_at IS NULL AND (a.rid IS NULL OR a.deleted_at IS NULL)".to_owned()];
    let mut args: Vec<String> = Vec::new();
    if let Some(kind) = q.kind {
        args.push(kind.code().to_owned());
        clauses.push(format!("a.kind = ?{}", args.len()));
    }
    if let Some(insee) = q.commune_insee.as_ref().filter(|s| !s.trim().is_empty()) {
        args.push(insee.trim().to_owned());
        clauses.push(format!("a.commune_insee = ?{}", args.len()));
    }
    if let Some(tag) = q.tag.as_ref().filter(|s| !s.trim().is_empty()) {
        args.push(fold(tag.trim()));
        clauses.push(format!(
            "k.actor_rid IN (SELECT actor_rid FROM actor_tags WHERE tag_key = ?{})",
            args.len()
        ));
    }
    if let Some(consent) = q.consent {
        args.push(enum_code(&consent)?);
        clauses.push(format!(
            "EXISTS (SELECT 1 FROM json_each(k.consents) j WHERE j.value = ?{})",
            args.len()
        ));
    }
    if let Some(text) = q.text.as_deref().filter(|t| !t.trim().is_empty()) {
        let Some(m) = fts_query(text) else {
            return Ok(None);
        };
        args.push(m);
        clauses.push(format!(
            "k.rid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?{})",
            args.len()
        ));
    }
    Ok(Some((clauses.join(" AND "), args)))
}

impl Store {
    /// One window of the contacts list, sorted by last then first name, and
    /// the total matching (remembered per filter until the next write).
    ///
    /// # Errors
    /// A storage error.
    pub fn list_contacts(&self, q: &ContactQuery) -> Result<ContactPage> {
        let Some((filter, args)) = contact_filter(q)? else {
            return Ok(ContactPage {
                total: 0,
                offset: q.offset,
                rows: Vec::new(),
            });
        };
        let cache_key = format!("contacts\u{1f}{filter}\u{1f}{}", args.join("\u{1f}"));
        let cached = self.cache.borrow().totals.get(&cache_key).copied();
        let total = match cached {
            Some(total) => total,
            None => {
                let total: u32 = self
                    .conn
                    .prepare_cached(&format!(
                        "SELECT count(*) FROM contacts k LEFT JOIN actors a ON a.rid = k.actor_rid WHERE {filter}"
                    ))?
                    .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
                self.cache.borrow_mut().totals.insert(cache_key, total);
                total
            }
        };
        let limit = match q.limit {
            0 => 100,
            n => n.min(500),
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM} WHERE {filter}
             ORDER BY k.sort_key, k.rid LIMIT {limit} OFFSET {}",
            q.offset
        ))?;
        let rows = stmt
            .query_map(params_from_iter(args.iter()), summary_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ContactPage {
            total,
            offset: q.offset,
            rows,
        })
    }

    /// Every contact a selection names, in the list's order: the live
    /// contacts `ids` when given (the filters of `q` are then ignored), else
    /// every contact matching `q` (its window ignored).
    ///
    /// # Errors
    /// A storage error.
    pub fn selected_contacts(
        &self,
        q: &ContactQuery,
        ids: Option<&[String]>,
    ) -> Result<Vec<ContactSummary>> {
        let (filter, args) = match ids {
            Some(ids) => (
                "k.deleted_at IS NULL AND (a.rid IS NULL OR a.deleted_at IS NULL)
                 AND k.id IN (SELECT value FROM json_each(?1))"
                    .to_owned(),
                vec![serde_json::to_string(ids).map_err(|e| StoreError::Corrupt(e.to_string()))?],
            ),
            None => match contact_filter(q)? {
                Some(found) => found,
                None => return Ok(Vec::new()),
            },
        };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM} WHERE {filter} ORDER BY k.sort_key, k.rid"
        ))?;
        let rows = stmt
            .query_map(params_from_iter(args.iter()), summary_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
