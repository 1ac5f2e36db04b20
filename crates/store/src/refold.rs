//! Text stored folded (by `domain::text::fold`), rebuilt when the folding
//! changes: the search index, the tag index, sort keys, commune keys, the
//! stems of needs and offers (and, from 0009, the sub-categories their words
//! suggest where none is set). A
//! migration that changes what `fold` returns marks the database (meta key
//! `refold`, see `migrations/0006_search_folding.sql`); opening it then
//! rebuilds everything from the source rows, in one transaction that also
//! removes the mark. A crash before that commit leaves the mark and the old
//! derived rows, and the next opening starts again: the rebuild reads only
//! source rows, so running it twice gives the same result as once.
//!
//! It runs after every migration, so it reads the latest schema with the
//! store's ordinary code.

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use tisserand_domain::commune::name_key;
use tisserand_domain::text::sort_key;

use crate::{Result, Store, StoreError, BULK_CACHE_KIB, NORMAL_CACHE_KIB};

/// The meta key a migration sets when the folded text must be rebuilt.
pub(crate) const STALE_KEY: &str = "refold";

fn is_stale(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM meta WHERE key = ?1 AND deleted_at IS NULL",
            [STALE_KEY],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Rewrites `target` of every row of `table` as `key_of(text)` where it
/// differs; `text` is an SQL expression over the row, `id` its key column.
fn rekey(
    tx: &Transaction<'_>,
    table: &str,
    id: &str,
    text: &str,
    target: &str,
    key_of: fn(&str) -> String,
) -> Result<()> {
    let changed: Vec<(Value, String)> = {
        let mut stmt = tx.prepare(&format!("SELECT {id}, {text}, {target} FROM {table}"))?;
        let mut rows = stmt.query([])?;
        let mut changed = Vec::new();
        while let Some(r) = rows.next()? {
            let text: String = r.get(1)?;
            let old: String = r.get(2)?;
            let key = key_of(&text);
            if key != old {
                changed.push((r.get(0)?, key));
            }
        }
        changed
    };
    let mut update = tx.prepare(&format!("UPDATE {table} SET {target} = ?2 WHERE {id} = ?1"))?;
    for (id, key) in changed {
        update.execute(params![id, key])?;
    }
    Ok(())
}

/// Rebuilds every text stored folded from its source rows.
pub(crate) fn refold(tx: &Transaction<'_>) -> Result<()> {
    rekey(tx, "actors", "rid", "name", "sort_key", sort_key)?;
    // As `contact::write_contact_row` computes it.
    rekey(
        tx,
        "contacts",
        "rid",
        "last_name || ' ' || first_name",
        "sort_key",
        sort_key,
    )?;
    rekey(tx, "partnerships", "rid", "title", "sort_key", sort_key)?;
    rekey(tx, "events", "rid", "name", "sort_key", sort_key)?;
    rekey(tx, "communes", "insee", "name", "name_key", name_key)?;
    crate::stems::fill_subcategories(tx)?;
    crate::actor::reindex_all_actors(tx)?;
    crate::contact::reindex_all_contacts(tx)?;
    Ok(())
}

impl Store {
    /// Rebuilds the folded text when a migration marked it stale (see the
    /// module's documentation); does nothing otherwise.
    ///
    /// # Errors
    /// A storage error (the mark then stays for the next opening).
    pub(crate) fn refold_if_stale(&mut self) -> Result<()> {
        if !is_stale(&self.conn).map_err(|e| StoreError::at(&self.path, e))? {
            return Ok(());
        }
        tracing::info!("rebuilding the search index and sort keys with the new folding");
        self.conn
            .pragma_update(None, "cache_size", BULK_CACHE_KIB)?;
        let result = refold_in_tx(&mut self.conn);
        self.conn
            .pragma_update(None, "cache_size", NORMAL_CACHE_KIB)?;
        result.map_err(|e| StoreError::at(&self.path, e))
    }
}

/// One immediate transaction: another process opening the same file waits
/// (busy timeout), then finds the mark gone and does nothing.
fn refold_in_tx(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if is_stale(&tx)? {
        refold(&tx)?;
        tx.execute("DELETE FROM meta WHERE key = ?1", [STALE_KEY])?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use rusqlite::Connection;
    use tisserand_domain::{ActorQuery, SearchEntity};

    use crate::{schema, Store};

    /// A file at schema 5 as Tisserand wrote it before 0006: the search
    /// index holds text as typed (so « Cœur » is the token « cœur »), and
    /// sort, tag and commune keys come from the old folding, which kept ’,
    /// non-breaking hyphens and no-break spaces.
    fn version_5_file(path: &Path) {
        let mut conn = Connection::open(path).unwrap();
        schema::migrate_to(&mut conn, 5).unwrap();
        conn.execute_batch(
            "INSERT INTO regions VALUES ('44', 'Grand Est');
             INSERT INTO departements VALUES ('68', 'Haut-Rhin', '44');
             INSERT INTO communes (insee, name, name_key, postal_codes, departement_code)
               VALUES ('68297', 'Saint\u{2011}Louis', 'saint\u{2011}louis', '68300', '68');
             INSERT INTO actors (rid, id, kind, name, sort_key, commune_insee, departement_code, tags,
                                 created_at, updated_at, deleted_at) VALUES
               (1, 'a1', 'association', 'Les Restos du Cœur du Ried', 'les restos du coeur du ried',
                '68297', '68', '[\"Œuvre\u{a0}sociale\"]', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', NULL),
               (2, 'a2', 'association', 'L’Œuvre de Kœnig', 'l’oeuvre de koenig',
                NULL, NULL, '[]', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', NULL),
               (3, 'a3', 'entreprise', 'Ancienne maison Schœller', 'ancienne maison schoeller',
                NULL, NULL, '[]', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z');
             INSERT INTO actor_tags VALUES ('oeuvre\u{a0}sociale', 1, 'Œuvre\u{a0}sociale');
             INSERT INTO actors_fts (rowid, name, place, tags, resources, notes) VALUES
               (1, 'Les Restos du Cœur du Ried', 'Saint\u{2011}Louis 68300 Haut-Rhin', 'Œuvre\u{a0}sociale', '', ''),
               (2, 'L’Œuvre de Kœnig', '', '', '', '');
             INSERT INTO contacts (rid, id, actor_rid, first_name, last_name, sort_key, legal_basis,
                                   created_at, updated_at)
               VALUES (1, 'c1', 1, 'Anne', 'Schœller', 'schoeller anne', 'interet_legitime',
                       '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
             INSERT INTO contacts_fts (rowid, name, organisation, details)
               VALUES (1, 'Anne Schœller', 'Les Restos du Cœur du Ried', '  ');
             INSERT INTO partnerships (id, title, sort_key, stage, stage_changed_at, created_at, updated_at)
               VALUES ('p1', 'L’été du Cœur', 'l’ete du coeur', 'rencontre', '2025-01-01T00:00:00.000Z',
                       '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');",
        )
        .unwrap();
    }

    fn matches(conn: &Connection, query: &str) -> i64 {
        conn.query_row(
            "SELECT count(*) FROM actors_fts WHERE actors_fts MATCH ?1",
            [query],
            |r| r.get(0),
        )
        .unwrap()
    }

    /// The actors `q` finds.
    fn ids(s: &Store, q: &str) -> Vec<String> {
        s.search(q, 10)
            .unwrap()
            .into_iter()
            .filter(|h| h.entity == SearchEntity::Actor)
            .map(|h| h.id)
            .collect()
    }

    fn one(s: &Store, sql: &str) -> String {
        s.conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    /// Everything the rebuild writes, to compare two states.
    fn derived(s: &Store) -> Vec<String> {
        let mut out = Vec::new();
        for sql in [
            "SELECT rowid || '|' || name || '|' || place || '|' || tags || '|' || resources || '|' || notes
             FROM actors_fts ORDER BY rowid",
            "SELECT rowid || '|' || name || '|' || organisation || '|' || details FROM contacts_fts ORDER BY rowid",
            "SELECT tag_key || '|' || actor_rid || '|' || tag FROM actor_tags ORDER BY 1",
            "SELECT rid || '|' || sort_key FROM actors ORDER BY rid",
            "SELECT rid || '|' || sort_key FROM contacts ORDER BY rid",
            "SELECT rid || '|' || sort_key FROM partnerships ORDER BY rid",
            "SELECT insee || '|' || name_key FROM communes ORDER BY insee",
        ] {
            let mut stmt = s.conn.prepare(sql).unwrap();
            let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
            out.extend(rows.map(Result::unwrap));
        }
        out
    }

    #[test]
    fn a_version_5_file_is_found_by_every_spelling_after_the_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v5.sqlite3");
        version_5_file(&path);
        {
            // The bug, as shipped: the index does not know « coeur ».
            let conn = Connection::open(&path).unwrap();
            assert_eq!(matches(&conn, "\"coeur\"*"), 0);
            assert_eq!(matches(&conn, "\"cœur\"*"), 1);
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.meta(super::STALE_KEY).unwrap(), None);
        for q in [
            "coeur",
            "cœur",
            "Cœur",
            "COEUR",
            "CŒUR",
            "restos du coeur",
            "saint-louis",
        ] {
            assert_eq!(ids(&s, q), ["a1"], "query « {q} »");
        }
        for q in ["koenig", "Kœnig", "l'oeuvre", "L’Œuvre", "oeuvre de koenig"] {
            assert_eq!(ids(&s, q), ["a2"], "query « {q} »");
        }
        // The contact, not the deleted actor of the same name.
        for q in ["schoeller", "Schœller", "anne SCHOELLER"] {
            let hits = s.search(q, 10).unwrap();
            assert_eq!(hits.len(), 1, "query « {q} »: {hits:?}");
            assert_eq!(
                (hits[0].entity, hits[0].id.as_str()),
                (SearchEntity::Contact, "c1")
            );
        }
        // The directory's filters, the tag index and its facet.
        let listed = |q: ActorQuery| s.list_actors(&q).unwrap().rows.len();
        assert_eq!(
            listed(ActorQuery {
                text: Some("coeur".into()),
                ..ActorQuery::default()
            }),
            1
        );
        assert_eq!(
            listed(ActorQuery {
                tag: Some("oeuvre sociale".into()),
                ..ActorQuery::default()
            }),
            1
        );
        assert_eq!(
            listed(ActorQuery {
                tag: Some("ŒUVRE SOCIALE".into()),
                ..ActorQuery::default()
            }),
            1
        );
        assert_eq!(s.actor_facets().unwrap().tags[0].value, "oeuvre sociale");
        // Sort keys and commune keys, folded the new way.
        assert_eq!(
            one(&s, "SELECT sort_key FROM actors WHERE rid = 2"),
            "l'oeuvre de koenig"
        );
        assert_eq!(
            one(&s, "SELECT sort_key FROM partnerships"),
            "l'ete du coeur"
        );
        assert_eq!(one(&s, "SELECT name_key FROM communes"), "saint louis");
        let communes = s.search_communes("saint louis", 5).unwrap();
        assert_eq!(communes.len(), 1);
        // Live rows only in the index.
        assert_eq!(one(&s, "SELECT group_concat(rowid) FROM actors_fts"), "1,2");
    }

    #[test]
    fn sql_reaches_the_same_folding() {
        let s = Store::open_in_memory().unwrap();
        let (text, null, number): (String, Option<String>, String) = s
            .conn
            .query_row(
                "SELECT fold('L’Œuvre\u{a0}ﬁne'), fold(NULL), fold(12)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(text, tisserand_domain::text::fold("L’Œuvre\u{a0}ﬁne"));
        assert_eq!(text, "l'oeuvre fine");
        assert_eq!((null, number.as_str()), (None, "12"));
        assert!(s
            .conn
            .query_row("SELECT fold(x'00')", [], |r| r.get::<_, String>(0))
            .is_err());
    }

    #[test]
    fn a_restored_version_5_backup_is_searchable_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("v5.sqlite3");
        version_5_file(&old);
        let mut s = Store::open(&dir.path().join("current.sqlite3")).unwrap();
        s.restore_from(&old, &mut |_, _| {}).unwrap();
        assert_eq!(s.meta(super::STALE_KEY).unwrap(), None);
        assert_eq!(ids(&s, "coeur"), ["a1"]);
        assert_eq!(ids(&s, "l'oeuvre"), ["a2"]);
    }

    #[test]
    fn the_rebuild_is_all_or_nothing_and_can_run_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v5.sqlite3");
        version_5_file(&path);
        {
            // A crash in the middle of the rebuild: migrated, marked, and
            // the rebuild's transaction never committed.
            let mut conn = Connection::open(&path).unwrap();
            super::super::add_functions(&conn).unwrap();
            schema::migrate(&mut conn).unwrap();
            let tx = conn.transaction().unwrap();
            super::refold(&tx).unwrap();
            drop(tx);
            assert_eq!(matches(&conn, "\"coeur\"*"), 0);
            let marked: i64 = conn
                .query_row("SELECT count(*) FROM meta WHERE key = 'refold'", [], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(marked, 1);
        }
        // The next opening rebuilds.
        let mut s = Store::open(&path).unwrap();
        assert_eq!(ids(&s, "coeur"), ["a1"]);
        let first = derived(&s);
        assert!(
            first
                .iter()
                .any(|r| r.starts_with("1|les restos du coeur du ried|saint-louis 68300")),
            "{first:?}"
        );
        // Marked again (as a later migration would): the same result.
        s.set_meta(super::STALE_KEY, "again").unwrap();
        drop(s);
        let s = Store::open(&path).unwrap();
        assert_eq!(s.meta(super::STALE_KEY).unwrap(), None);
        assert_eq!(derived(&s), first);
    }
}
