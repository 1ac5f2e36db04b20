//! Merging duplicates: the kept actor (or contact) takes the chosen values,
//! the other's contacts and its places in partnerships move to it, and the
//! other becomes a tombstone pointing at the survivor. Everything a merge
//! changes is written beside it, so that one action undoes it — as long as
//! nobody changed those rows since.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use tisserand_domain::actor::ValidActor;
use tisserand_domain::contact::ValidContact;
use tisserand_domain::merge::MergeRecord;
use tisserand_domain::{MergedEntity, Party, TimelineEntry, TimelineFact};

use crate::actor::{live_actor_rid, soft_delete_actor_in, undelete_actor_in, update_actor_in};
use crate::contact::{
    live_contact_rid, soft_delete_contact_in, undelete_contact_in, update_contact_in,
};
use crate::Entity;
use crate::{new_id, now, Result, Store, StoreError};

/// The JSON columns of a partnership that may name an actor or a contact.
const REF_COLUMNS: [&str; 8] = [
    "parties",
    "contributions",
    "counterparts",
    "next_actions",
    "objectives",
    "indicators",
    "timeline",
    "agreement",
];

/// A partnership as it was before a merge rewrote it.
#[derive(Debug, Serialize, Deserialize)]
struct PartnershipBefore {
    rid: i64,
    columns: Vec<String>,
    /// The version the merge left, checked before undoing.
    version_after: i64,
}

/// What undoing a merge needs.
#[derive(Debug, Serialize, Deserialize)]
struct Undo {
    /// The kept row's input before the merge (JSON, as the app gave it).
    keep_before: serde_json::Value,
    keep_rid: i64,
    other_rid: i64,
    /// The kept row's `updated_at` right after the merge.
    keep_updated_after: String,
    /// Contacts moved from the other actor (actor merges).
    moved_contacts: Vec<i64>,
    partnerships: Vec<PartnershipBefore>,
    /// Event participations (actor or contact) moved from the other.
    #[serde(default)]
    moved_participations: Vec<i64>,
    /// Follow-ups whose actor (`.0`) or other actor (`.1`) moved.
    #[serde(default)]
    moved_follow_ups: (Vec<i64>, Vec<i64>),
}

/// Moves the rows of `table` whose `column` is `from` to `to`; returns
/// their keys so an undo can move them back.
fn move_refs(
    tx: &Transaction<'_>,
    table: &str,
    column: &str,
    from: i64,
    to: i64,
) -> Result<Vec<i64>> {
    let rids: Vec<i64> = tx
        .prepare(&format!("SELECT rid FROM {table} WHERE {column} = ?1"))?
        .query_map([from], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute(
        &format!("UPDATE {table} SET {column} = ?2 WHERE {column} = ?1"),
        params![from, to],
    )?;
    Ok(rids)
}

/// Moves rows `rids` of `table` back from `to` to `from`.
fn move_back(
    tx: &Transaction<'_>,
    table: &str,
    column: &str,
    rids: &[i64],
    from: i64,
    to: i64,
) -> Result<()> {
    let mut stmt = tx.prepare(&format!(
        "UPDATE {table} SET {column} = ?2 WHERE rid = ?1 AND {column} = ?3"
    ))?;
    for &rid in rids {
        stmt.execute(params![rid, from, to])?;
    }
    Ok(())
}

fn updated_at(tx: &Transaction<'_>, table: &str, rid: i64) -> Result<String> {
    Ok(tx.query_row(
        &format!("SELECT updated_at FROM {table} WHERE rid = ?1"),
        [rid],
        |r| r.get(0),
    )?)
}

/// Replaces `old` (an id, as a JSON string) by `new` in every reference
/// column of the partnerships that mention it; parties named twice keep
/// their first place. Returns the partnerships as they were.
fn rewrite_partnerships(
    tx: &Transaction<'_>,
    old: &str,
    new: &str,
    fact: &TimelineFact,
) -> Result<Vec<PartnershipBefore>> {
    let cols = REF_COLUMNS.join(", ");
    let needle = format!("\"{old}\"");
    let mut stmt = tx.prepare(&format!(
        "SELECT rid, {cols} FROM partnerships WHERE instr(parties, ?1) > 0 OR instr(contributions, ?1) > 0
           OR instr(counterparts, ?1) > 0 OR instr(objectives, ?1) > 0 OR instr(next_actions, ?1) > 0
           OR instr(indicators, ?1) > 0"
    ))?;
    let found: Vec<(i64, Vec<String>)> = stmt
        .query_map([&needle], |r| {
            let mut columns = Vec::with_capacity(REF_COLUMNS.len());
            for i in 0..REF_COLUMNS.len() {
                columns.push(r.get(i + 1)?);
            }
            Ok((r.get(0)?, columns))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let replacement = format!("\"{new}\"");
    let at = now();
    let mut before = Vec::new();
    for (rid, columns) in found {
        let mut updated: Vec<String> = columns
            .iter()
            .map(|c| c.replace(&needle, &replacement))
            .collect();
        let mut parties: Vec<Party> =
            serde_json::from_str(&updated[0]).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut seen = Vec::new();
        parties.retain(|p| {
            let first = !seen.contains(&p.actor_id);
            seen.push(p.actor_id.clone());
            first
        });
        updated[0] =
            serde_json::to_string(&parties).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut timeline: Vec<TimelineEntry> =
            serde_json::from_str(&updated[6]).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        timeline.push(TimelineEntry {
            at: crate::actor::timestamp(&at)?,
            fact: fact.clone(),
        });
        updated[6] =
            serde_json::to_string(&timeline).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        write_columns(tx, rid, &updated, &at)?;
        let version_after: i64 = tx.query_row(
            "SELECT version FROM partnerships WHERE rid = ?1",
            [rid],
            |r| r.get(0),
        )?;
        before.push(PartnershipBefore {
            rid,
            columns,
            version_after,
        });
    }
    Ok(before)
}

/// Writes the reference columns of partnership `rid`, bumps its version and
/// rewrites its parties' derived rows.
fn write_columns(tx: &Transaction<'_>, rid: i64, columns: &[String], at: &str) -> Result<()> {
    let sets = REF_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 3))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "UPDATE partnerships SET {sets}, updated_at = ?2, version = version + 1 WHERE rid = ?1"
    );
    let mut values: Vec<&dyn rusqlite::ToSql> = vec![&rid, &at];
    for c in columns {
        values.push(c);
    }
    tx.execute(&sql, values.as_slice())?;
    let parties: Vec<Party> =
        serde_json::from_str(&columns[0]).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.execute(
        "DELETE FROM partnership_parties WHERE partnership_rid = ?1",
        [rid],
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO partnership_parties (actor_rid, partnership_rid, role)
         SELECT a.rid, ?2, ?3 FROM actors a WHERE a.id = ?1",
    )?;
    for p in &parties {
        insert.execute(params![p.actor_id, rid, p.role.code()])?;
    }
    Ok(())
}

fn record(
    tx: &Transaction<'_>,
    entity: &str,
    kept: &str,
    merged: &str,
    undo: &Undo,
) -> Result<String> {
    let id = new_id();
    tx.execute(
        "INSERT INTO merges (id, entity, kept_id, merged_id, undo, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            entity,
            kept,
            merged,
            serde_json::to_string(undo).map_err(|e| StoreError::Corrupt(e.to_string()))?,
            now()
        ],
    )?;
    Ok(id)
}

fn name_of(tx: &Transaction<'_>, table: &str, rid: i64) -> Result<String> {
    let sql = match table {
        "actors" => "SELECT name FROM actors WHERE rid = ?1",
        _ => "SELECT trim(first_name || ' ' || last_name) FROM contacts WHERE rid = ?1",
    };
    Ok(tx.query_row(sql, [rid], |r| r.get(0))?)
}

impl Store {
    /// Merges actor `other_id` into `keep_id`, which takes the values of
    /// `merged`. `keep_before` is the kept actor's input before the merge,
    /// written beside it for `undo_merge`. Returns the merge's id.
    ///
    /// # Errors
    /// `NotFound` for either actor; `Rule` when they are the same; a
    /// storage error (nothing changed).
    pub fn merge_actors(
        &mut self,
        keep_id: &str,
        other_id: &str,
        merged: &ValidActor,
        keep_before: serde_json::Value,
    ) -> Result<String> {
        same_refused(keep_id, other_id)?;
        self.with_tx(|tx| {
            let keep_rid = live_actor_rid(tx, keep_id)?;
            let other_rid = live_actor_rid(tx, other_id)?;
            let fact = TimelineFact::Merged {
                entity: MergedEntity::Actor,
                from: name_of(tx, "actors", other_rid)?,
                into: merged.name.clone(),
            };
            update_actor_in(tx, keep_rid, merged)?;
            let moved_contacts: Vec<i64> = tx
                .prepare("SELECT rid FROM contacts WHERE actor_rid = ?1")?
                .query_map([other_rid], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            tx.execute(
                "UPDATE contacts SET actor_rid = ?2, updated_at = ?3 WHERE actor_rid = ?1",
                params![other_rid, keep_rid, now()],
            )?;
            for &c in &moved_contacts {
                crate::contact::reindex_contact(tx, c)?;
            }
            let partnerships = rewrite_partnerships(tx, other_id, keep_id, &fact)?;
            let moved_participations =
                move_refs(tx, "event_participants", "actor_rid", other_rid, keep_rid)?;
            let moved_follow_ups = (
                move_refs(tx, "event_followups", "actor_rid", other_rid, keep_rid)?,
                move_refs(tx, "event_followups", "other_rid", other_rid, keep_rid)?,
            );
            soft_delete_actor_in(tx, other_rid, Some(keep_id))?;
            let undo = Undo {
                keep_before,
                keep_rid,
                other_rid,
                keep_updated_after: updated_at(tx, "actors", keep_rid)?,
                moved_contacts,
                partnerships,
                moved_participations,
                moved_follow_ups,
            };
            record(tx, "actor", keep_id, other_id, &undo)
        })
    }

    /// Merges contact `other_id` into `keep_id` (see `merge_actors`).
    ///
    /// # Errors
    /// `NotFound` for either contact; a storage error (nothing changed).
    pub fn merge_contacts(
        &mut self,
        keep_id: &str,
        other_id: &str,
        merged: &ValidContact,
        keep_before: serde_json::Value,
    ) -> Result<String> {
        same_refused(keep_id, other_id)?;
        self.with_tx(|tx| {
            let keep_rid = live_contact_rid(tx, keep_id)?;
            let other_rid = live_contact_rid(tx, other_id)?;
            let fact = TimelineFact::Merged {
                entity: MergedEntity::Contact,
                from: name_of(tx, "contacts", other_rid)?,
                into: format!("{} {}", merged.first_name, merged.last_name)
                    .trim()
                    .to_owned(),
            };
            update_contact_in(tx, keep_rid, merged)?;
            let partnerships = rewrite_partnerships(tx, other_id, keep_id, &fact)?;
            let moved_participations =
                move_refs(tx, "event_participants", "contact_rid", other_rid, keep_rid)?;
            soft_delete_contact_in(tx, other_rid, Some(keep_id))?;
            let undo = Undo {
                keep_before,
                keep_rid,
                other_rid,
                keep_updated_after: updated_at(tx, "contacts", keep_rid)?,
                moved_contacts: Vec::new(),
                partnerships,
                moved_participations,
                moved_follow_ups: (Vec::new(), Vec::new()),
            };
            record(tx, "contact", keep_id, other_id, &undo)
        })
    }

    /// Undoes a merge: the kept row gets its values back (`restore` turns
    /// the recorded input into a valid actor or contact), the other comes
    /// back with its contacts, and partnerships are as they were. Refused
    /// when any of these rows changed since the merge.
    ///
    /// # Errors
    /// `NotFound` (unknown or undone merge); `Conflict` when something
    /// changed since; a storage error (nothing changed).
    pub fn undo_merge(
        &mut self,
        id: &str,
        restore: &dyn Fn(&str, &serde_json::Value) -> Result<Restored>,
    ) -> Result<MergeRecord> {
        self.with_tx(|tx| {
            let (entity, kept_id, merged_id, created_at, undo): (String, String, String, String, String) = tx
                .query_row(
                    "SELECT entity, kept_id, merged_id, created_at, undo FROM merges WHERE id = ?1 AND undone_at IS NULL",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound { entity: Entity::Merge, id: id.to_owned() })?;
            let undo: Undo = serde_json::from_str(&undo).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let table = if entity == "actor" { "actors" } else { "contacts" };
            let changed = |what: &str| StoreError::Conflict {
                entity: Entity::Merge,
                id: what.to_owned(),
                expected: 0,
                found: 1,
            };
            if updated_at(tx, table, undo.keep_rid)? != undo.keep_updated_after {
                return Err(changed(&kept_id));
            }
            for p in &undo.partnerships {
                let version: i64 = tx.query_row("SELECT version FROM partnerships WHERE rid = ?1", [p.rid], |r| r.get(0))?;
                if version != p.version_after {
                    let pid: String = tx.query_row("SELECT id FROM partnerships WHERE rid = ?1", [p.rid], |r| r.get(0))?;
                    return Err(changed(&pid));
                }
            }
            let at = now();
            for p in &undo.partnerships {
                write_columns(tx, p.rid, &p.columns, &at)?;
            }
            match restore(&entity, &undo.keep_before)? {
                Restored::Actor(a) => update_actor_in(tx, undo.keep_rid, &a)?,
                Restored::Contact(c) => update_contact_in(tx, undo.keep_rid, &c)?,
            }
            if entity == "actor" {
                undelete_actor_in(tx, undo.other_rid)?;
                let mut moved = tx.prepare("UPDATE contacts SET actor_rid = ?2 WHERE rid = ?1 AND actor_rid = ?3")?;
                for &c in &undo.moved_contacts {
                    moved.execute(params![c, undo.other_rid, undo.keep_rid])?;
                    crate::contact::reindex_contact(tx, c)?;
                }
                move_back(tx, "event_participants", "actor_rid", &undo.moved_participations, undo.other_rid, undo.keep_rid)?;
                move_back(tx, "event_followups", "actor_rid", &undo.moved_follow_ups.0, undo.other_rid, undo.keep_rid)?;
                move_back(tx, "event_followups", "other_rid", &undo.moved_follow_ups.1, undo.other_rid, undo.keep_rid)?;
            } else {
                undelete_contact_in(tx, undo.other_rid)?;
                move_back(tx, "event_participants", "contact_rid", &undo.moved_participations, undo.other_rid, undo.keep_rid)?;
            }
            tx.execute("UPDATE merges SET undone_at = ?2 WHERE id = ?1", params![id, at])?;
            Ok(MergeRecord {
                id: id.to_owned(),
                entity,
                kept_id,
                merged_id,
                created_at,
                undone_at: Some(at),
            })
        })
    }

    /// The merges, newest first.
    ///
    /// # Errors
    /// A storage error.
    pub fn merges(&self, limit: u32) -> Result<Vec<MergeRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, entity, kept_id, merged_id, created_at, undone_at FROM merges ORDER BY rid DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| {
            Ok(MergeRecord {
                id: r.get(0)?,
                entity: r.get(1)?,
                kept_id: r.get(2)?,
                merged_id: r.get(3)?,
                created_at: r.get(4)?,
                undone_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Remembers that two records are not duplicates.
    ///
    /// # Errors
    /// A storage error.
    pub fn dismiss_duplicate(&mut self, entity: &str, a: &str, b: &str) -> Result<()> {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        self.with_tx(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO duplicate_dismissals (entity, a_id, b_id, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![entity, a, b, now()],
            )?;
            Ok(())
        })
    }

    /// How many live contacts and live partnerships an actor has.
    ///
    /// # Errors
    /// A storage error.
    pub fn actor_relations(&self, id: &str) -> Result<(u32, u32)> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM contacts k WHERE k.actor_rid = a.rid AND k.deleted_at IS NULL),
                    (SELECT count(*) FROM partnership_parties pp JOIN partnerships p ON p.rid = pp.partnership_rid
                      WHERE pp.actor_rid = a.rid AND p.deleted_at IS NULL)
             FROM actors a WHERE a.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// The pairs said not to be duplicates, each as (smaller id, larger id).
    ///
    /// # Errors
    /// A storage error.
    pub fn dismissed_duplicates(
        &self,
        entity: &str,
    ) -> Result<std::collections::HashSet<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT a_id, b_id FROM duplicate_dismissals WHERE entity = ?1")?;
        let rows = stmt.query_map([entity], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The kept row's values before the merge, validated again by the app.
pub enum Restored {
    Actor(ValidActor),
    Contact(ValidContact),
}

fn same_refused(keep: &str, other: &str) -> Result<()> {
    if keep == other {
        return Err(StoreError::Rule(tisserand_domain::FieldError::new(
            "otherId",
            "On ne fusionne pas une fiche avec elle-même : choisissez deux fiches différentes.",
            "A record cannot be merged with itself: choose two different records.",
        )));
    }
    Ok(())
}
