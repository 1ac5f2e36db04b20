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
