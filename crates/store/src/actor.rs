//! Queries on actors: writes (with their tag index and search index rows in
//! the same transaction), reads, the directory list and its facets.

use chrono::{DateTime, Utc};
use rusqlite::{params, params_from_iter, OptionalExtension, Row, Transaction};
use tisserand_domain::actor::ValidActor;
use tisserand_domain::possibles::category_mask;
use tisserand_domain::text::{fold, sort_key};
use tisserand_domain::{
    Actor, ActorKind, ActorPage, ActorQuery, ActorSummary, AssociationRegime, CommuneRef, Facet,
    Facets, RegisterCourt, Resource, SizeBand,
};

use crate::search::fts_query;
use crate::Entity;
use crate::{new_id, now, Result, Store, StoreError};

pub(crate) const ACTOR_COLUMNS: &str = "a.id, a.kind, a.name, a.siren, a.siret, a.rna, a.address, a.commune_insee, c.name,
     a.sector, a.size_band, a.website, a.needs, a.offers, a.stakes, a.tags, a.notes, a.created_at, a.updated_at,
     a.legal_regime, a.legal_regime_chosen, a.register_court, a.register_volume, a.register_folio, a.register_number,
     a.named_partner_since";

fn json<T: serde::de::DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// A code the store wrote (`parse`), or a conversion error naming it.
fn code_from<T>(
    text: Option<String>,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> rusqlite::Result<Option<T>> {
    text.map(|t| {
        parse(&t).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("unknown {what} {t:?}").into(),
            )
        })
    })
    .transpose()
}

pub(crate) fn kind_from(text: &str) -> rusqlite::Result<ActorKind> {
    ActorKind::parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown actor kind {text:?}").into(),
        )
    })
}

pub(crate) fn timestamp(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

pub(crate) fn actor_from_row(r: &Row<'_>) -> rusqlite::Result<Actor> {
    let insee: Option<String> = r.get(7)?;
    let commune_name: Option<String> = r.get(8)?;
    let size: Option<String> = r.get(10)?;
    Ok(Actor {
        id: r.get(0)?,
        kind: kind_from(&r.get::<_, String>(1)?)?,
        name: r.get(2)?,
        siren: r.get(3)?,
        siret: r.get(4)?,
        rna: r.get(5)?,
        address: r.get(6)?,
        commune: insee.map(|insee| CommuneRef {
            name: commune_name.unwrap_or_else(|| insee.clone()),
            insee,
        }),
        sector: r.get(9)?,
        size_band: size.as_deref().and_then(SizeBand::parse),
        website: r.get(11)?,
        needs: json::<Vec<Resource>>(&r.get::<_, String>(12)?)?,
        offers: json::<Vec<Resource>>(&r.get::<_, String>(13)?)?,
        stakes: r.get(14)?,
        tags: json::<Vec<String>>(&r.get::<_, String>(15)?)?,
        notes: r.get(16)?,
        created_at: timestamp(&r.get::<_, String>(17)?)?,
        updated_at: timestamp(&r.get::<_, String>(18)?)?,
        legal_regime: code_from(r.get(19)?, AssociationRegime::parse, "legal regime")?,
        legal_regime_chosen: r.get(20)?,
        register_court: code_from(r.get(21)?, RegisterCourt::parse, "register court")?,
        register_volume: r.get(22)?,
        register_folio: r.get(23)?,
        register_number: r.get(24)?,
        named_partner_since: crate::contact::date_from(r.get(25)?)?,
    })
}

/// An actor by integer key, live or not.
pub(crate) fn actor_by_rid(tx: &rusqlite::Connection, rid: i64) -> Result<Actor> {
    Ok(tx
        .prepare_cached(&format!(
            "SELECT {ACTOR_COLUMNS} FROM actors a LEFT JOIN communes c ON c.insee = a.commune_insee WHERE a.rid = ?1"
        ))?
        .query_row([rid], actor_from_row)?)
}

/// The live actor's integer key, or `NotFound`.
pub(crate) fn live_actor_rid(tx: &rusqlite::Connection, id: &str) -> Result<i64> {
    tx.prepare_cached("SELECT rid FROM actors WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            entity: Entity::Actor,
            id: id.to_owned(),
        })
}

/// What the list and the search index need to know of an actor's commune.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    departement: String,
    /// Commune name, postal codes and département name, for search.
    text: String,
}

/// The commune `insee` as a `Place`, or `NotFound` when the referential
/// does not know it.
fn place_of(tx: &rusqlite::Connection, insee: Option<&String>) -> Result<Option<Place>> {
    let Some(insee) = insee else { return Ok(None) };
    tx.prepare_cached(
        "SELECT c.name || ' ' || c.postal_codes || ' ' || d.name, c.departement_code
         FROM communes c JOIN departements d ON d.code = c.departement_code WHERE c.insee = ?1",
    )?
    .query_row([insee], |r| {
        Ok(Place {
            text: r.get(0)?,
            departement: r.get(1)?,
        })
    })
    .optional()?
    .map(Some)
    .ok_or_else(|| StoreError::NotFound {
        entity: Entity::Commune,
        id: insee.clone(),
    })
}

/// The fields of an actor that the search index holds.
struct Indexed<'a> {
    name: &'a str,
    siren: Option<&'a str>,
    rna: Option<&'a str>,
    register_number: Option<&'a str>,
    address: Option<&'a str>,
    sector: Option<&'a str>,
    needs: &'a [Resource],
    offers: &'a [Resource],
    tags: &'a [String],
    stakes: Option<&'a str>,
    notes: Option<&'a str>,
}

impl<'a> From<&'a ValidActor> for Indexed<'a> {
    fn from(a: &'a ValidActor) -> Self {
        Self {
            name: &a.name,
            siren: a.siren.as_deref(),
            rna: a.rna.as_deref(),
            register_number: a.register_number.as_deref(),
            address: a.address.as_deref(),
            sector: a.sector.as_deref(),
            needs: &a.needs,
            offers: &a.offers,
            tags: &a.tags,
            stakes: a.stakes.as_deref(),
            notes: a.notes.as_deref(),
        }
    }
}

impl<'a> From<&'a Actor> for Indexed<'a> {
    fn from(a: &'a Actor) -> Self {
        Self {
            name: &a.name,
            siren: a.siren.as_deref(),
            rna: a.rna.as_deref(),
            register_number: a.register_number.as_deref(),
            address: a.address.as_deref(),
            sector: a.sector.as_deref(),
            needs: &a.needs,
            offers: &a.offers,
            tags: &a.tags,
            stakes: a.stakes.as_deref(),
            notes: a.notes.as_deref(),
        }
    }
}

fn join_present(parts: &[Option<&str>]) -> String {
    parts
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes the search row of actor `rid` (replacing any previous one): its
/// text folded by `domain::text::fold`, as queries are (`search.rs`); and
/// the stems of its needs and offers (`stems.rs`).
fn index_actor(
    tx: &Transaction<'_>,
    rid: i64,
    a: &Indexed<'_>,
    place: Option<&Place>,
    fresh: bool,
) -> Result<()> {
    if !fresh {
        tx.prepare_cached("DELETE FROM actors_fts WHERE rowid = ?1")?
            .execute([rid])?;
    }
    crate::stems::write_stems(tx, rid, a.needs, a.offers, fresh)?;
    let resources: Vec<Option<&str>> = std::iter::once(a.sector)
        .chain(
            a.needs
                .iter()
                .chain(a.offers)
                .map(|r| Some(r.text.as_str())),
        )
        .collect();
    tx.prepare_cached(
        "INSERT INTO actors_fts (rowid, name, place, tags, resources, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        rid,
        fold(&join_present(&[Some(a.name), a.siren, a.rna, a.register_number])),
        fold(&join_present(&[place.map(|p| p.text.as_str()), a.address])),
        fold(&a.tags.join(" ")),
        fold(&join_present(&resources)),
        fold(&join_present(&[a.stakes, a.notes])),
    ])?;
    Ok(())
}

/// Writes the tag and search rows of every live actor again, from their
/// stored values (after the folding changed: see `refold.rs`). An actor
/// whose commune the referential no longer knows is indexed without it.
pub(crate) fn reindex_all_actors(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch("DELETE FROM actor_tags; DELETE FROM actors_fts; DELETE FROM actor_stems;")?;
    let mut places = PlaceCache::new();
    let mut tag_keys = TagKeys::default();
    let mut stmt = tx.prepare(&format!(
        "SELECT {ACTOR_COLUMNS}, a.rid AS reindexed_rid FROM actors a LEFT JOIN communes c ON c.insee = a.commune_insee
         WHERE a.deleted_at IS NULL"
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let actor = actor_from_row(r)?;
        let rid: i64 = r.get("reindexed_rid")?;
        let insee = actor.commune.as_ref().map(|c| &c.insee);
        let place = match cached_place(tx, &mut places, insee) {
            Ok(place) => place,
            Err(StoreError::NotFound { .. }) => None,
            Err(e) => return Err(e),
        };
        write_tags(tx, rid, &actor.tags, true, &mut tag_keys)?;
        index_actor(tx, rid, &Indexed::from(&actor), place.as_ref(), true)?;
    }
    Ok(())
}

/// Folded tags already computed in one transaction (an import writes the
/// same few tags on thousands of rows).
#[derive(Default)]
pub(crate) struct TagKeys(std::collections::HashMap<String, String>);

/// Distinct tags remembered at most; beyond, they are folded each time.
const MAX_TAG_KEYS: usize = 10_000;

impl TagKeys {
    fn key(&mut self, tag: &str) -> String {
        if let Some(key) = self.0.get(tag) {
            return key.clone();
        }
        let key = fold(tag);
        if self.0.len() < MAX_TAG_KEYS {
            self.0.insert(tag.to_owned(), key.clone());
        }
        key
    }
}

fn write_tags(
    tx: &Transaction<'_>,
    rid: i64,
    tags: &[String],
    fresh: bool,
    keys: &mut TagKeys,
) -> Result<()> {
    if !fresh {
        tx.prepare_cached("DELETE FROM actor_tags WHERE actor_rid = ?1")?
            .execute([rid])?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO actor_tags (tag_key, actor_rid, tag) VALUES (?1, ?2, ?3)",
    )?;
    for tag in tags {
        insert.execute(params![keys.key(tag), rid, tag])?;
    }
    Ok(())
}

/// Rewrites the search rows of the live contacts of actor `rid` (they carry
/// the organisation's name).
pub(crate) fn reindex_contacts_of(tx: &Transaction<'_>, rid: i64) -> Result<()> {
    let contacts: Vec<i64> = tx
        .prepare_cached("SELECT rid FROM contacts WHERE actor_rid = ?1 AND deleted_at IS NULL")?
        .query_map([rid], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for contact in contacts {
        crate::contact::reindex_contact(tx, contact)?;
    }
    Ok(())
}

/// Communes already looked up in one transaction.
pub(crate) type PlaceCache = std::collections::HashMap<String, Option<Place>>;

fn cached_place(
    tx: &Transaction<'_>,
    cache: &mut PlaceCache,
    insee: Option<&String>,
) -> Result<Option<Place>> {
    let Some(code) = insee else { return Ok(None) };
    if let Some(place) = cache.get(code) {
        return Ok(place.clone());
    }
    let place = place_of(tx, insee)?;
    cache.insert(code.clone(), place.clone());
    Ok(place)
}

/// Writes an actor's columns with `sql`, whose `?1` is the row's key (the
/// new id, or the rid to update), `?2` to `?18` the fields in the order of
/// `ACTOR_WRITE_COLUMNS`, `?19` the time of the write, `?20`–`?21` the
/// category masks of needs and offers, `?22` the import that created it,
/// `?23`–`?28` the association's regime and register entry, `?29` the
/// agreement to be named as a partner (its day is the write's, kept while
/// it stands).
fn write_actor_row(
    tx: &Transaction<'_>,
    sql: &str,
    key: &dyn rusqlite::ToSql,
    a: &ValidActor,
    place: Option<&Place>,
    import_rid: Option<i64>,
) -> Result<()> {
    tx.prepare_cached(sql)?.execute(params![
        key,
        a.kind.code(),
        a.name,
        sort_key(&a.name),
        a.siren,
        a.siret,
        a.rna,
        a.address,
        a.commune_insee,
        place.map(|p| &p.departement),
        a.sector,
        a.size_band.map(SizeBand::code),
        a.website,
        to_json(&a.needs)?,
        to_json(&a.offers)?,
        a.stakes,
        to_json(&a.tags)?,
        a.notes,
        now(),
        category_mask(&a.needs),
        category_mask(&a.offers),
        import_rid,
        a.legal_regime.map(AssociationRegime::code),
        a.legal_regime_chosen,
        a.register_court.map(RegisterCourt::code),
        a.register_volume,
        a.register_folio,
        a.register_number,
        a.named_partner,
    ])?;
    Ok(())
}

const INSERT_ACTOR: &str = "INSERT INTO actors (id, kind, name, sort_key, siren, siret, rna, address, commune_insee,
        departement_code, sector, size_band, website, needs, offers, stakes, tags, notes, created_at, updated_at,
        need_mask, offer_mask, import_rid, legal_regime, legal_regime_chosen, register_court, register_volume,
        register_folio, register_number, named_partner_since)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19, ?20, ?21, ?22,
        ?23, ?24, ?25, ?26, ?27, ?28, CASE WHEN ?29 THEN substr(?19, 1, 10) END)";

const UPDATE_ACTOR: &str = "UPDATE actors SET kind = ?2, name = ?3, sort_key = ?4, siren = ?5, siret = ?6, rna = ?7,
        address = ?8, commune_insee = ?9, departement_code = ?10, sector = ?11, size_band = ?12, website = ?13,
        needs = ?14, offers = ?15, stakes = ?16, tags = ?17, notes = ?18, updated_at = ?19,
        need_mask = ?20, offer_mask = ?21, import_rid = coalesce(?22, import_rid),
        legal_regime = ?23, legal_regime_chosen = ?24, register_court = ?25, register_volume = ?26,
        register_folio = ?27, register_number = ?28,
        named_partner_since = CASE WHEN ?29 THEN coalesce(named_partner_since, substr(?19, 1, 10)) END
     WHERE rid = ?1";

pub(crate) fn insert_actor_in(
    tx: &Transaction<'_>,
    a: &ValidActor,
    cache: &mut PlaceCache,
    import_rid: Option<i64>,
) -> Result<String> {
    insert_actor_cached(tx, a, cache, &mut TagKeys::default(), import_rid)
}

/// `insert_actor_in` with the tag keys of earlier rows of the transaction.
pub(crate) fn insert_actor_cached(
    tx: &Transaction<'_>,
    a: &ValidActor,
    cache: &mut PlaceCache,
    tag_keys: &mut TagKeys,
    import_rid: Option<i64>,
) -> Result<String> {
    let id = new_id();
    let place = cached_place(tx, cache, a.commune_insee.as_ref())?;
    write_actor_row(tx, INSERT_ACTOR, &id, a, place.as_ref(), import_rid)?;
    let rid = tx.last_insert_rowid();
    write_tags(tx, rid, &a.tags, true, tag_keys)?;
    index_actor(tx, rid, &Indexed::from(a), place.as_ref(), true)?;
    Ok(id)
}

/// Replaces the fields of actor `rid` with its tags and search rows.
pub(crate) fn update_actor_in(tx: &Transaction<'_>, rid: i64, a: &ValidActor) -> Result<()> {
    let place = place_of(tx, a.commune_insee.as_ref())?;
    write_actor_row(tx, UPDATE_ACTOR, &rid, a, place.as_ref(), None)?;
    write_tags(tx, rid, &a.tags, false, &mut TagKeys::default())?;
    index_actor(tx, rid, &Indexed::from(a), place.as_ref(), false)?;
    reindex_contacts_of(tx, rid)
}

/// Tombstones actor `rid` (optionally as merged into another) and removes
/// its derived rows and its contacts' search rows.
pub(crate) fn soft_delete_actor_in(
    tx: &Transaction<'_>,
    rid: i64,
    merged_into: Option<&str>,
) -> Result<()> {
    tx.execute(
        "UPDATE actors SET deleted_at = ?2, updated_at = ?2, merged_into = ?3 WHERE rid = ?1",
        params![rid, now(), merged_into],
    )?;
    tx.execute("DELETE FROM actors_fts WHERE rowid = ?1", [rid])?;
    tx.execute("DELETE FROM actor_tags WHERE actor_rid = ?1", [rid])?;
    crate::stems::delete_stems(tx, rid)?;
    tx.execute(
        "DELETE FROM contacts_fts WHERE rowid IN (SELECT rid FROM contacts WHERE actor_rid = ?1)",
        [rid],
    )?;
    Ok(())
}

/// Brings a tombstoned actor back with its derived rows.
pub(crate) fn undelete_actor_in(tx: &Transaction<'_>, rid: i64) -> Result<()> {
    tx.execute(
        "UPDATE actors SET deleted_at = NULL, merged_into = NULL, updated_at = ?2 WHERE rid = ?1",
        params![rid, now()],
    )?;
    reindex_actor(tx, rid)?;
    reindex_contacts_of(tx, rid)
}

/// Rewrites the tag and search rows of actor `rid` from its stored values.
pub(crate) fn reindex_actor(tx: &Transaction<'_>, rid: i64) -> Result<()> {
    let actor = actor_by_rid(tx, rid)?;
    let place = place_of(tx, actor.commune.as_ref().map(|c| &c.insee))?;
    write_tags(tx, rid, &actor.tags, false, &mut TagKeys::default())?;
    index_actor(tx, rid, &Indexed::from(&actor), place.as_ref(), false)
}

/// The WHERE clause of a directory query and its parameters; `None` when
/// its text matches nothing that can be searched.
fn actor_filter(q: &ActorQuery) -> Option<(String, Vec<String>)> {
    let mut clauses = vec!["a.deleted_at IS NULL".to_owned()];
    let mut args: Vec<String> = Vec::new();
    if let Some(kind) = q.kind {
        args.push(kind.code().to_owned());
        clauses.push(format!("a.kind = ?{}", args.len()));
    }
    if let Some(insee) = q.commune_insee.as_ref().filter(|s| !s.is_empty()) {
        args.push(insee.clone());
        clauses.push(format!("a.commune_insee = ?{}", args.len()));
    }
    if let Some(dep) = q.departement.as_ref().filter(|s| !s.is_empty()) {
        args.push(dep.clone());
        clauses.push(format!("a.departement_code = ?{}", args.len()));
    }
    if let Some(tag) = q.tag.as_ref().filter(|s| !s.trim().is_empty()) {
        args.push(fold(tag.trim()));
        clauses.push(format!(
            "a.rid IN (SELECT actor_rid FROM actor_tags WHERE tag_key = ?{})",
            args.len()
        ));
    }
    if let Some(text) = q.text.as_deref().filter(|t| !t.trim().is_empty()) {
        args.push(fts_query(text)?);
        clauses.push(format!(
            "a.rid IN (SELECT rowid FROM actors_fts WHERE actors_fts MATCH ?{})",
            args.len()
        ));
    }
    Some((clauses.join(" AND "), args))
}

impl Store {
    /// Creates an actor and returns it as stored.
    ///
    /// # Errors
    /// `NotFound` for an unknown commune; a storage error.
    pub fn insert_actor(&mut self, a: &ValidActor) -> Result<Actor> {
        let id = self.with_tx(|tx| insert_actor_in(tx, a, &mut PlaceCache::new(), None))?;
        self.actor(&id)
    }

    /// Creates many actors in one transaction (all or none); returns their ids
    /// in order.
    ///
    /// # Errors
    /// `NotFound` for an unknown commune; a storage error.
    pub fn insert_actors(&mut self, actors: &[ValidActor]) -> Result<Vec<String>> {
        self.with_bulk_tx(|tx| {
            let mut cache = PlaceCache::new();
            let mut tag_keys = TagKeys::default();
            actors
                .iter()
                .map(|a| insert_actor_cached(tx, a, &mut cache, &mut tag_keys, None))
                .collect()
        })
    }

    /// Replaces a live actor's fields.
    ///
    /// # Errors
    /// `NotFound` when there is no live actor `id` or the commune is unknown.
    pub fn update_actor(&mut self, id: &str, a: &ValidActor) -> Result<Actor> {
        self.with_tx(|tx| {
            let rid = live_actor_rid(tx, id)?;
            update_actor_in(tx, rid, a)
        })?;
        self.actor(id)
    }

    /// Soft-deletes an actor (a tombstone); its contacts stay attached and
    /// come back with it on restore. Refused while it is a party of a live
    /// partnership.
    ///
    /// # Errors
    /// `NotFound` when there is no live actor `id`; `InUse` with the titles
    /// of its live partnerships.
    pub fn delete_actor(&mut self, id: &str) -> Result<()> {
        self.with_tx(|tx| {
            let rid = live_actor_rid(tx, id)?;
            let used_by = Store::partnership_titles_of(tx, rid)?;
            if !used_by.is_empty() {
                return Err(StoreError::InUse {
                    entity: Entity::Actor,
                    id: id.to_owned(),
                    used_by,
                });
            }
            soft_delete_actor_in(tx, rid, None)
        })
    }

    /// What deleting live actor `id` would touch (see `ActorTies`).
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn actor_ties(&self, id: &str) -> Result<tisserand_domain::ActorTies> {
        let rid = live_actor_rid(&self.conn, id)?;
        let contacts: u32 = self.conn.query_row(
            "SELECT count(*) FROM contacts WHERE actor_rid = ?1 AND deleted_at IS NULL",
            [rid],
            |r| r.get(0),
        )?;
        let events = self
            .conn
            .prepare_cached(
                "SELECT e.name FROM events e
                 WHERE e.deleted_at IS NULL
                   AND EXISTS (SELECT 1 FROM event_participants p
                               WHERE p.event_rid = e.rid AND p.actor_rid = ?1)
                 ORDER BY e.date DESC, e.sort_key",
            )?
            .query_map([rid], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(tisserand_domain::ActorTies {
            contacts,
            partnerships: Store::partnership_titles_of(&self.conn, rid)?,
            events,
        })
    }

    /// Undoes a soft delete.
    ///
    /// # Errors
    /// `NotFound` when there is no deleted actor `id`.
    pub fn restore_actor(&mut self, id: &str) -> Result<()> {
        self.with_tx(|tx| {
            let rid: i64 = tx
                .query_row(
                    "SELECT rid FROM actors WHERE id = ?1 AND deleted_at IS NOT NULL",
                    [id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound {
                    entity: Entity::Actor,
                    id: id.to_owned(),
                })?;
            undelete_actor_in(tx, rid)
        })
    }

    /// A live actor.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn actor(&self, id: &str) -> Result<Actor> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {ACTOR_COLUMNS} FROM actors a LEFT JOIN communes c ON c.insee = a.commune_insee
                 WHERE a.id = ?1 AND a.deleted_at IS NULL"
            ))?
            .query_row([id], actor_from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Actor, id: id.to_owned() })
    }

    /// How many live actors there are.
    ///
    /// # Errors
    /// A storage error.
    pub fn actor_count(&self) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM actors WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?)
    }

    /// One window of the directory, sorted by name, and the total matching.
    /// The total is remembered per filter until the next write, so scrolling
    /// a long list costs one window at a time.
    ///
    /// # Errors
    /// A storage error.
    pub fn list_actors(&self, q: &ActorQuery) -> Result<ActorPage> {
        let Some((filter, args)) = actor_filter(q) else {
            return Ok(ActorPage {
                total: 0,
                offset: q.offset,
                rows: Vec::new(),
            });
        };
        let total = self.actor_total(&filter, &args)?;
        let limit = match q.limit {
            0 => 100,
            n => n.min(500),
        };
        let rows = self.actor_window(&filter, &args, limit, q.offset)?;
        Ok(ActorPage {
            total,
            offset: q.offset,
            rows,
        })
    }

    /// How many live actors match `filter`, remembered until the next write.
    fn actor_total(&self, filter: &str, args: &[String]) -> Result<u32> {
        let cache_key = format!("{filter}\u{1f}{}", args.join("\u{1f}"));
        let cached = self.cache.borrow().totals.get(&cache_key).copied();
        Ok(match cached {
            Some(total) => total,
            None => {
                let total: u32 = self
                    .conn
                    .prepare_cached(&format!("SELECT count(*) FROM actors a WHERE {filter}"))?
                    .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
                self.cache.borrow_mut().totals.insert(cache_key, total);
                total
            }
        })
    }

    /// The rows of one window of the directory sorted by name.
    fn actor_window(
        &self,
        filter: &str,
        args: &[String],
        limit: u32,
        offset: u32,
    ) -> Result<Vec<ActorSummary>> {
        // The window's keys come from the covering sort index alone; the
        // joins and counts run for the rows shown only.
        let sql = format!(
            "WITH page AS (
                SELECT a.rid, a.sort_key FROM actors a WHERE {filter}
                ORDER BY a.sort_key, a.rid LIMIT {limit} OFFSET {offset}
             )
             SELECT a.id, a.kind, a.name, a.commune_insee, c.name, d.name, a.sector, a.tags,
                    (SELECT count(*) FROM contacts k WHERE k.actor_rid = a.rid AND k.deleted_at IS NULL)
             FROM page JOIN actors a ON a.rid = page.rid
             LEFT JOIN communes c ON c.insee = a.commune_insee
             LEFT JOIN departements d ON d.code = a.departement_code
             ORDER BY page.sort_key, page.rid"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                let insee: Option<String> = r.get(3)?;
                let commune_name: Option<String> = r.get(4)?;
                Ok(ActorSummary {
                    id: r.get(0)?,
                    kind: kind_from(&r.get::<_, String>(1)?)?,
                    name: r.get(2)?,
                    commune: insee.map(|insee| CommuneRef {
                        name: commune_name.unwrap_or_else(|| insee.clone()),
                        insee,
                    }),
                    departement: r.get(5)?,
                    sector: r.get(6)?,
                    tags: json(&r.get::<_, String>(7)?)?,
                    contact_count: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The values the directory's filters offer, with counts of live actors.
    /// Remembered until the next write.
    ///
    /// # Errors
    /// A storage error.
    pub fn actor_facets(&self) -> Result<Facets> {
        if let Some(facets) = &self.cache.borrow().facets {
            return Ok(facets.clone());
        }
        let collect = |sql: &str| -> Result<Vec<Facet>> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map([], |r| {
                Ok(Facet {
                    value: r.get(0)?,
                    label: r.get(1)?,
                    count: r.get(2)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        };
        let mut kinds = collect(
            "SELECT kind, kind, count(*) FROM actors WHERE deleted_at IS NULL GROUP BY kind",
        )?;
        for k in &mut kinds {
            if let Some(kind) = ActorKind::parse(&k.value) {
                k.label = kind.label_fr().to_owned();
            }
        }
        let facets = Facets {
            kinds,
            departements: collect(
                "SELECT f.code, d.code || ' · ' || d.name, f.n FROM
                   (SELECT departement_code AS code, count(*) AS n FROM actors
                    WHERE deleted_at IS NULL AND departement_code IS NOT NULL GROUP BY departement_code) f
                 JOIN departements d ON d.code = f.code ORDER BY f.code",
            )?,
            communes: collect(
                "SELECT f.insee, c.name || ' (' || c.departement_code || ')', f.n FROM
                   (SELECT commune_insee AS insee, count(*) AS n FROM actors
                    WHERE deleted_at IS NULL AND commune_insee IS NOT NULL GROUP BY commune_insee) f
                 JOIN communes c ON c.insee = f.insee ORDER BY c.name_key LIMIT 2000",
            )?,
            tags: collect(
                "SELECT tag_key, min(tag), count(*) FROM actor_tags
                 GROUP BY tag_key ORDER BY count(*) DESC, tag_key LIMIT 500",
            )?,
        };
        self.cache.borrow_mut().facets = Some(facets.clone());
        Ok(facets)
    }
}
