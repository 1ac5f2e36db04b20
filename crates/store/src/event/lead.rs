//! Leads and follow-ups: mutual ticks become partnerships at stage
//! « rencontre », one-sided ticks follow-ups.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;
use tisserand_domain::event::{EventMeeting, FollowUp, LeadsOutcome, Participant};
use tisserand_domain::partnership::{TimelineEntry, TimelineFact, ValidPartnership};
use tisserand_domain::FieldError;

use super::{follow_up_from_row, live_event, not_found, to_json, touch, FOLLOW_UP_SELECT};
use crate::Entity;
use crate::{new_id, now, Result, Store, StoreError};

/// Builds a lead's partnership from a meeting, its seated and its visiting
/// participant.
pub type LeadMaker<'a> = dyn Fn(
        &EventMeeting,
        &Participant,
        &Participant,
    ) -> std::result::Result<ValidPartnership, FieldError>
    + 'a;

impl Store {
    /// Turns mutual ticks into partnerships (built by `lead` from the
    /// meeting, the seated and the visiting participant; created at stage
    /// « rencontre » with `timeline` as their first entry's text) and
    /// one-sided ticks into follow-ups due on `due`. Meetings that already
    /// have their lead or follow-up are left alone, so running it twice
    /// creates nothing new.
    ///
    /// # Errors
    /// `NotFound`; the errors of creating a partnership; a storage error.
    pub fn create_event_leads(
        &mut self,
        event_id: &str,
        due: NaiveDate,
        lead: &LeadMaker<'_>,
    ) -> Result<LeadsOutcome> {
        let detail = self.event_detail(event_id)?;
        self.with_tx(|tx| {
            let (event_rid, _) = live_event(tx, event_id)?;
            let by_id: HashMap<&str, &Participant> =
                detail.participants.iter().map(|p| (p.id.as_str(), p)).collect();
            let mut outcome = LeadsOutcome::default();
            for m in &detail.meetings {
                let (Some(s), Some(v)) = (by_id.get(m.seated.as_str()), by_id.get(m.visitor.as_str()))
                else {
                    continue;
                };
                let meeting_rid: i64 = tx.query_row(
                    "SELECT rid FROM event_meetings WHERE event_rid = ?1 AND round = ?2 AND table_no = ?3",
                    params![event_rid, m.round, m.table],
                    |r| r.get(0),
                )?;
                if m.mutual() {
                    if m.partnership_id.is_some() {
                        outcome.already += 1;
                        continue;
                    }
                    let p = lead(m, s, v).map_err(StoreError::Rule)?;
                    let id = crate::partnership::insert_in(tx, &p, None)?;
                    let prid: i64 = tx.query_row(
                        "SELECT rid FROM partnerships WHERE id = ?1",
                        [&id],
                        |r| r.get(0),
                    )?;
                    let entry = TimelineEntry {
                        at: crate::clock().utc(),
                        fact: TimelineFact::EventLead {
                            event: detail.event.name.clone(),
                            date: detail.event.date,
                            round: m.round,
                            table: m.table,
                        },
                    };
                    tx.execute(
                        "UPDATE partnerships SET timeline = ?2 WHERE rid = ?1",
                        params![prid, to_json(&[entry])?],
                    )?;
                    tx.execute(
                        "UPDATE event_meetings SET partnership_rid = ?2 WHERE rid = ?1",
                        params![meeting_rid, prid],
                    )?;
                    tx.execute("DELETE FROM event_followups WHERE meeting_rid = ?1", [meeting_rid])?;
                    outcome.partnerships.push(id);
                } else if m.seated_tick || m.visitor_tick {
                    let (who, other) = if m.seated_tick { (s, v) } else { (v, s) };
                    let n = tx.execute(
                        "INSERT INTO event_followups (id, event_rid, meeting_rid, actor_rid, other_rid, due, created_at)
                         SELECT ?1, ?2, ?3, a.rid, o.rid, ?6, ?7 FROM actors a, actors o WHERE a.id = ?4 AND o.id = ?5
                         ON CONFLICT (meeting_rid) DO NOTHING",
                        params![
                            new_id(),
                            event_rid,
                            meeting_rid,
                            who.actor_id,
                            other.actor_id,
                            due.format("%Y-%m-%d").to_string(),
                            now()
                        ],
                    )?;
                    outcome.follow_ups += u32::try_from(n).unwrap_or(0);
                }
            }
            touch(tx, event_rid)?;
            Ok(outcome)
        })
    }

    /// Marks a follow-up done (or not).
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn set_follow_up_done(&mut self, id: &str, done: bool) -> Result<()> {
        self.with_tx(|tx| {
            let n = tx.execute(
                "UPDATE event_followups SET done_at = CASE WHEN ?2 THEN ?3 ELSE NULL END WHERE id = ?1",
                params![id, done, now()],
            )?;
            if n == 0 {
                return Err(not_found(Entity::FollowUp, id));
            }
            Ok(())
        })
    }

    /// Follow-ups not done yet, of live events, the oldest due first.
    ///
    /// # Errors
    /// A storage error.
    pub fn open_follow_ups(&self, limit: u32) -> Result<Vec<FollowUp>> {
        let rows = self
            .conn
            .prepare_cached(&format!(
                "{FOLLOW_UP_SELECT} WHERE f.done_at IS NULL AND e.deleted_at IS NULL ORDER BY f.due, f.rid LIMIT ?1"
            ))?
            .query_map([limit], follow_up_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
