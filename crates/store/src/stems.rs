//! `actor_stems`: the stems of each live actor's needs (side 0) and offers
//! (side 1), by category, as `domain::possibles::words` reads them. Derived
//! data the « champ des possibles » short-lists candidates from
//! (`possibles.rs`); written by `actor::index_actor` with every actor write
//! (create, update, import, merge, restore), in the same transaction,
//! removed with the search rows when an actor is deleted, rebuilt by
//! `refold` (migration 0009).

use rusqlite::{params, Transaction};
use tisserand_domain::possibles::words::{stemmer, stems};
use tisserand_domain::{Resource, ResourceSubcategory};

use crate::partnership::json;
use crate::{Result, StoreError};

fn to_json(value: &[Resource]) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// The side of a need and of an offer in `actor_stems`.
pub(crate) const NEED: i64 = 0;
pub(crate) const OFFER: i64 = 1;

/// Writes the stem rows of actor `rid` (replacing any previous ones).
pub(crate) fn write_stems(
    tx: &Transaction<'_>,
    rid: i64,
    needs: &[Resource],
    offers: &[Resource],
    fresh: bool,
) -> Result<()> {
    if !fresh {
        delete_stems(tx, rid)?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO actor_stems (stem, side, category, actor_rid) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let s = stemmer();
    for (side, list) in [(NEED, needs), (OFFER, offers)] {
        for r in list {
            for stem in stems(&s, &r.text) {
                insert.execute(params![stem, side, r.category.code(), rid])?;
            }
        }
    }
    Ok(())
}

/// Removes the stem rows of actor `rid`.
pub(crate) fn delete_stems(tx: &Transaction<'_>, rid: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM actor_stems WHERE actor_rid = ?1")?
        .execute([rid])?;
    Ok(())
}

/// Migration 0009: gives every need and offer stored without a sub-category
/// the one its words suggest (what validation now does on every write).
/// The texts are never changed; a resource no word places keeps none.
pub(crate) fn fill_subcategories(tx: &Transaction<'_>) -> Result<()> {
    let changed: Vec<(i64, String, String)> = {
        let mut stmt = tx.prepare("SELECT rid, needs, offers FROM actors")?;
        let mut rows = stmt.query([])?;
        let mut changed = Vec::new();
        while let Some(r) = rows.next()? {
            let mut needs: Vec<Resource> = json(&r.get::<_, String>(1)?)?;
            let mut offers: Vec<Resource> = json(&r.get::<_, String>(2)?)?;
            let mut any = false;
            for res in needs.iter_mut().chain(offers.iter_mut()) {
                if res.subcategory.is_none() {
                    res.subcategory = ResourceSubcategory::guess(res.category, &res.text);
                    any |= res.subcategory.is_some();
                }
            }
            if any {
                changed.push((r.get(0)?, to_json(&needs)?, to_json(&offers)?));
            }
        }
        changed
    };
    let mut update = tx.prepare("UPDATE actors SET needs = ?2, offers = ?3 WHERE rid = ?1")?;
    for (rid, needs, offers) in changed {
        update.execute(params![rid, needs, offers])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;
    use tisserand_domain::actor::ValidActor;
    use tisserand_domain::{ActorInput, ActorKind, ResourceCategory as C};

    use super::*;
    use crate::{schema, ImportEnd, ImportTally, Restored, Store};

    fn actor(name: &str, needs: &[(C, &str)], offers: &[(C, &str)]) -> ValidActor {
        let res = |r: &[(C, &str)]| r.iter().map(|(c, t)| Resource::new(*c, *t)).collect();
        ActorInput {
            kind: Some(ActorKind::Association),
            name: name.into(),
            needs: res(needs),
            offers: res(offers),
            ..ActorInput::default()
        }
        .validate()
        .unwrap()
    }

    /// The stem rows of actor `id`, as « stem side category ».
    fn rows(s: &Store, id: &str) -> Vec<String> {
        let mut stmt = s
            .conn
            .prepare(
                "SELECT x.stem || ' ' || x.side || ' ' || x.category FROM actor_stems x
                 JOIN actors a ON a.rid = x.actor_rid WHERE a.id = ?1 ORDER BY 1",
            )
            .unwrap();
        stmt.query_map([id], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    fn total(s: &Store) -> i64 {
        s.conn
            .query_row("SELECT count(*) FROM actor_stems", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn the_stems_follow_every_write_of_an_actor() {
        let mut s = Store::open_in_memory().unwrap();
        let a = s
            .insert_actor(&actor(
                "A",
                &[(C::Materiel, "Un utilitaire")],
                &[(C::Locaux, "Un hangar")],
            ))
            .unwrap()
            .id;
        assert_eq!(rows(&s, &a), ["hangar 1 locaux", "utilitair 0 materiel"]);
        // Update.
        s.update_actor(&a, &actor("A", &[(C::Materiel, "Des ordinateurs")], &[]))
            .unwrap();
        assert_eq!(rows(&s, &a), ["ordin 0 materiel"]);
        // Delete, restore.
        s.delete_actor(&a).unwrap();
        assert_eq!(total(&s), 0);
        s.restore_actor(&a).unwrap();
        assert_eq!(rows(&s, &a), ["ordin 0 materiel"]);
        // Merge B into A, then undo the merge.
        let b = s
            .insert_actor(&actor("B", &[], &[(C::Materiel, "Une camionnette")]))
            .unwrap()
            .id;
        let merged = actor(
            "A",
            &[(C::Materiel, "Des ordinateurs")],
            &[(C::Materiel, "Une camionnette")],
        );
        let before = serde_json::to_value(ActorInput {
            kind: Some(ActorKind::Association),
            name: "A".into(),
            needs: vec![Resource::new(C::Materiel, "Des ordinateurs")],
            ..ActorInput::default()
        })
        .unwrap();
        let merge = s.merge_actors(&a, &b, &merged, before).unwrap();
        assert_eq!(rows(&s, &a), ["camionnet 1 materiel", "ordin 0 materiel"]);
        assert!(rows(&s, &b).is_empty());
        let restore = |_: &str, v: &serde_json::Value| -> Result<Restored> {
            let input: ActorInput = serde_json::from_value(v.clone()).unwrap();
            Ok(Restored::Actor(input.validate().unwrap()))
        };
        s.undo_merge(&merge, &restore).unwrap();
        assert_eq!(rows(&s, &a), ["ordin 0 materiel"]);
        assert_eq!(rows(&s, &b), ["camionnet 1 materiel"]);
        // An import writes them in its transaction; undoing it removes them.
        let ((), import) = s
            .import_rows("t.csv", "CSV", |w| {
                w.add_actor(&actor("C", &[(C::Locaux, "Un entrepôt")], &[]))?;
                Ok(ImportEnd::Commit((), ImportTally::default()))
            })
            .unwrap();
        assert_eq!(total(&s), 3);
        s.undo_import(&import.unwrap()).unwrap();
        assert_eq!(total(&s), 2);
        // A discarded import leaves none.
        s.import_rows("t.csv", "CSV", |w| {
            w.add_actor(&actor("D", &[(C::Locaux, "Un entrepôt")], &[]))?;
            Ok(ImportEnd::Discard(()))
        })
        .unwrap();
        assert_eq!(total(&s), 2);
    }

    /// A file at schema 8 (before 0009): needs and offers without
    /// sub-categories, no stems.
    fn version_8_file(path: &std::path::Path) {
        let mut conn = Connection::open(path).unwrap();
        schema::migrate_to(&mut conn, 8).unwrap();
        let t = "'2025-01-01T00:00:00.000Z'";
        conn.execute_batch(&format!(
            "INSERT INTO actors (id, kind, name, sort_key, needs, offers, created_at, updated_at) VALUES
               ('a1', 'association', 'Ried Insertion', 'ried insertion',
                '[{{\"category\":\"materiel\",\"text\":\"Un véhicule utilitaire d''occasion\"}},{{\"category\":\"benevolat\",\"text\":\"Des bras\"}}]',
                '[]', {t}, {t}),
               ('a2', 'entreprise', 'Garage', 'garage', '[]',
                '[{{\"category\":\"materiel\",\"text\":\"Deux véhicules d''occasion cédés\"}}]', {t}, {t});"
        ))
        .unwrap();
    }

    #[test]
    fn a_version_8_file_keeps_its_texts_and_gains_sub_categories_and_stems() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v8.sqlite3");
        version_8_file(&path);
        let s = Store::open(&path).unwrap();
        let a1 = s.actor("a1").unwrap();
        assert_eq!(a1.needs[0].text, "Un véhicule utilitaire d'occasion");
        assert_eq!(
            a1.needs[0].subcategory,
            Some(ResourceSubcategory::Vehicules)
        );
        assert_eq!(a1.needs[1].text, "Des bras");
        assert_eq!(a1.needs[1].subcategory, None);
        assert_eq!(a1.updated_at, s.actor("a2").unwrap().updated_at);
        assert!(rows(&s, "a1").contains(&"vehicul 0 materiel".to_owned()));
        let found = s.possibilities("a1", 5).unwrap();
        assert_eq!(found[0].actor_id, "a2");
        assert_eq!(found[0].matches[0].words[0].offer, "véhicules");
        // The same file restored into a current database is rebuilt too.
        let old = dir.path().join("old.sqlite3");
        version_8_file(&old);
        let mut current = Store::open(&dir.path().join("current.sqlite3")).unwrap();
        current.restore_from(&old, &mut |_, _| {}).unwrap();
        assert_eq!(rows(&current, "a2"), rows(&s, "a2"));
        assert_eq!(current.possibilities("a1", 5).unwrap()[0].actor_id, "a2");
    }
}
