//! Wishes between participants, the plan's meetings, and the ticks and
//! notes captured after each meeting.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};
use tisserand_domain::event::{Event, EventMeeting, MeetingCapture, PlanSummary};
use tisserand_domain::planner::{Meeting, WishLevel};

use super::{
    live_event, meeting_from_row, not_found, participant_rid, rule, to_json, touch,
    MEETING_COLUMNS, MEETING_FROM,
};
use crate::Entity;
use crate::{now, Result, Store, StoreError};

impl Store {
    /// Sets (or with `None` clears) `from`'s wish toward `to`.
    ///
    /// # Errors
    /// `NotFound`, `Rule` (same side, or oneself); a storage error.
    pub fn set_wish(
        &mut self,
        event_id: &str,
        from: &str,
        to: &str,
        level: Option<WishLevel>,
    ) -> Result<()> {
        self.with_tx(|tx| {
            let (event_rid, _) = live_event(tx, event_id)?;
            let (f, t) = wish_pair(tx, event_rid, from, to)?;
            match level {
                Some(level) => tx.execute(
                    "INSERT INTO event_wishes (event_rid, from_rid, to_rid, level) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (from_rid, to_rid) DO UPDATE SET level = excluded.level",
                    params![event_rid, f, t, level_code(level)],
                )?,
                None => tx.execute(
                    "DELETE FROM event_wishes WHERE from_rid = ?1 AND to_rid = ?2",
                    params![f, t],
                )?,
            };
            touch(tx, event_rid)
        })
    }

    /// Adds `level` wishes for the pairs (from, to) in one transaction:
    /// all of them, or none when one is refused.
    ///
    /// # Errors
    /// `NotFound`; `Rule` (same side, oneself, `from` already has a wish
    /// toward `to`, or `to` said « non merci » to `from`); a storage error.
    pub fn add_wishes(
        &mut self,
        event_id: &str,
        pairs: &[(String, String)],
        level: WishLevel,
    ) -> Result<()> {
        self.with_tx(|tx| {
            let (event_rid, _) = live_event(tx, event_id)?;
            for (from, to) in pairs {
                let (f, t) = wish_pair(tx, event_rid, from, to)?;
                let existing: Option<(String, String, bool)> = tx
                    .query_row(
                        "SELECT a.name, b.name, w.from_rid = ?1 FROM event_wishes w
                         JOIN event_participants pa ON pa.rid = w.from_rid JOIN actors a ON a.rid = pa.actor_rid
                         JOIN event_participants pb ON pb.rid = w.to_rid JOIN actors b ON b.rid = pb.actor_rid
                         WHERE (w.from_rid = ?1 AND w.to_rid = ?2) OR (w.from_rid = ?2 AND w.to_rid = ?1 AND w.level = 'no')",
                        params![f, t],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()?;
                match existing {
                    Some((a, b, true)) => return Err(rule(
                        "wish",
                        format!("{a} a déjà un souhait envers {b} : il n'est pas remplacé. Rouvrez les suggestions."),
                        format!("{a} already has a wish toward {b}: it is not replaced. Open the suggestions again."),
                    )),
                    Some((a, b, false)) => return Err(rule(
                        "wish",
                        format!("{a} a répondu « non merci » à {b} : ils ne se rencontreront pas. Rouvrez les suggestions."),
                        format!("{a} said \"no thanks\" to {b}: they will not meet. Open the suggestions again."),
                    )),
                    None => {}
                }
                tx.execute(
                    "INSERT INTO event_wishes (event_rid, from_rid, to_rid, level) VALUES (?1, ?2, ?3, ?4)",
                    params![event_rid, f, t, level_code(level)],
                )?;
            }
            touch(tx, event_rid)
        })
    }

    /// Replaces the meetings of rounds after `kept_rounds` with `rounds`
    /// (which lists every round, the kept ones first, as the planner returns
    /// them), records the plan's figures, and sets the tables the planner
    /// gave to seated participants. Captured ticks of kept rounds stay.
    ///
    /// # Errors
    /// `NotFound`, `Conflict` (the event changed since `version`); a
    /// storage error.
    pub fn save_event_plan(
        &mut self,
        event_id: &str,
        version: u32,
        kept_rounds: u32,
        rounds: &[Vec<Meeting>],
        summary: &PlanSummary,
    ) -> Result<Event> {
        self.with_tx(|tx| {
            let (event_rid, event) = live_event(tx, event_id)?;
            if event.version != version {
                return Err(StoreError::Conflict {
                    entity: Entity::Event,
                    id: event_id.to_owned(),
                    expected: version,
                    found: event.version,
                });
            }
            let keys: HashMap<String, i64> = tx
                .prepare_cached("SELECT id, rid FROM event_participants WHERE event_rid = ?1")?
                .query_map([event_rid], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let key = |id: &str| keys.get(id).copied().ok_or_else(|| not_found(Entity::Participant, id));
            tx.execute(
                "DELETE FROM event_meetings WHERE event_rid = ?1 AND round > ?2",
                params![event_rid, kept_rounds],
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO event_meetings (event_rid, round, table_no, seated_rid, visitor_rid) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut seat = tx.prepare_cached(
                "UPDATE event_participants SET table_no = ?2 WHERE rid = ?1 AND table_no IS NULL",
            )?;
            for (i, round) in rounds.iter().enumerate() {
                let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
                for m in round {
                    let s = key(&m.seated)?;
                    seat.execute(params![s, m.table])?;
                    if number > kept_rounds {
                        insert.execute(params![event_rid, number, m.table, s, key(&m.visitor)?])?;
                    }
                }
            }
            tx.execute(
                "UPDATE events SET plan_summary = ?2, planned_at = ?3, played_rounds = max(played_rounds, ?4),
                    version = version + 1, updated_at = ?3 WHERE rid = ?1",
                params![event_rid, to_json(summary)?, now(), kept_rounds],
            )?;
            Ok(())
        })?;
        self.event(event_id)
    }

    /// Records a meeting's ticks and notes.
    ///
    /// # Errors
    /// `NotFound` (event, or no meeting at that round and table); a storage
    /// error.
    pub fn capture_meeting(&mut self, event_id: &str, c: &MeetingCapture) -> Result<EventMeeting> {
        self.with_tx(|tx| {
            let (event_rid, _) = live_event(tx, event_id)?;
            let n = tx.execute(
                "UPDATE event_meetings SET seated_tick = ?4, visitor_tick = ?5, seated_note = ?6, visitor_note = ?7
                 WHERE event_rid = ?1 AND round = ?2 AND table_no = ?3",
                params![
                    event_rid,
                    c.round,
                    c.table,
                    c.seated_tick,
                    c.visitor_tick,
                    c.seated_note,
                    c.visitor_note
                ],
            )?;
            if n == 0 {
                return Err(not_found(Entity::Meeting, &format!("{}/{}", c.round, c.table)));
            }
            touch(tx, event_rid)?;
            Ok(tx
                .prepare_cached(&format!(
                    "SELECT {MEETING_COLUMNS} FROM {MEETING_FROM}
                     WHERE m.event_rid = ?1 AND m.round = ?2 AND m.table_no = ?3"
                ))?
                .query_row(params![event_rid, c.round, c.table], meeting_from_row)?)
        })
    }
}

const fn level_code(level: WishLevel) -> &'static str {
    match level {
        WishLevel::Must => "must",
        WishLevel::Would => "would",
        WishLevel::No => "no",
    }
}

/// The keys of participants `from` and `to` of the event, who must be on
/// opposite sides for a wish.
fn wish_pair(
    tx: &rusqlite::Connection,
    event_rid: i64,
    from: &str,
    to: &str,
) -> Result<(i64, i64)> {
    let f = participant_rid(tx, event_rid, from)?;
    let t = participant_rid(tx, event_rid, to)?;
    let same: bool = tx.query_row(
        "SELECT (SELECT side FROM event_participants WHERE rid = ?1) = (SELECT side FROM event_participants WHERE rid = ?2)",
        params![f, t],
        |r| r.get(0),
    )?;
    if same {
        return Err(rule(
            "wish",
            "Un souhait vise quelqu'un de l'autre côté : les deux participants sont du même côté.",
            "A wish names someone on the other side.",
        ));
    }
    Ok((f, t))
}
