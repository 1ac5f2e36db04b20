//! The report's counts: presence, the funnel from meetings to contracted
//! partnerships, and the leads by mode.

use chrono::NaiveDate;
use rusqlite::{params, ToSql};
use tisserand_domain::event::{EventReport, Funnel, ModeFunnel, Presence};
use tisserand_domain::partnership::Stage;
use tisserand_domain::RameauMode;

use crate::partnership::code_from;
use crate::{Result, Store};

impl Store {
    /// The report's counts (untitled) of event `event_id`, or of all live
    /// events dated in `[from, to]` when it is `None`.
    ///
    /// # Errors
    /// A storage error.
    pub fn event_funnel(
        &self,
        event_id: Option<&str>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<EventReport> {
        let from = from.format("%Y-%m-%d").to_string();
        let to = to.format("%Y-%m-%d").to_string();
        let args = params![event_id, from, to];
        let (events, participants, present, absent, unrecorded) = self.funnel_presence(args)?;
        let contracted_stages = contracted_stages();
        Ok(EventReport {
            title: String::new(),
            events,
            participants,
            present,
            absent,
            unrecorded,
            funnel: self.funnel_counts(args, &contracted_stages)?,
            by_mode: self.funnel_by_mode(args, &contracted_stages)?,
        })
    }

    /// How many events and participants; how many present, absent, and
    /// whose presence was not recorded.
    fn funnel_presence(&self, args: FunnelArgs<'_>) -> Result<(u32, u32, u32, u32, u32)> {
        // Only recorded presence counts: « attendu » (expected) is neither
        // present nor absent, it is presence not recorded.
        Ok(self.conn.query_row(
            &format!(
                "SELECT count(DISTINCT e.rid), count(p.rid),
                    count(p.rid) FILTER (WHERE p.presence = '{present}'),
                    count(p.rid) FILTER (WHERE p.presence = '{absent}'),
                    count(p.rid) FILTER (WHERE p.presence = '{expected}')
                 FROM events e LEFT JOIN event_participants p ON p.event_rid = e.rid WHERE {FILTER}",
                present = Presence::Present.code(),
                absent = Presence::Absent.code(),
                expected = Presence::Expected.code(),
            ),
            args,
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?)
    }

    /// From meetings held to partnerships contracted, and the follow-ups.
    fn funnel_counts(&self, args: FunnelArgs<'_>, contracted_stages: &str) -> Result<Funnel> {
        // A meeting was held when its round has started, or once the
        // event's day has come (a gong rather than the room), or when
        // someone ticked it.
        let held = "m.round <= e.played_rounds OR e.date <= date('now', 'localtime') OR m.seated_tick OR m.visitor_tick";
        Ok(self.conn.query_row(
            &format!(
                "SELECT count(m.rid) FILTER (WHERE {held}),
                    count(m.rid) FILTER (WHERE m.seated_tick OR m.visitor_tick),
                    count(m.rid) FILTER (WHERE m.seated_tick AND m.visitor_tick),
                    count(pa.rid),
                    count(pa.rid) FILTER (WHERE pa.stage <> 'abandonne'),
                    count(pa.rid) FILTER (WHERE pa.stage IN ({contracted_stages})),
                    (SELECT count(*) FROM event_followups f JOIN events e ON e.rid = f.event_rid WHERE {FILTER}),
                    (SELECT count(*) FROM event_followups f JOIN events e ON e.rid = f.event_rid WHERE {FILTER} AND f.done_at IS NOT NULL)
                 FROM event_meetings m JOIN events e ON e.rid = m.event_rid
                 LEFT JOIN partnerships pa ON pa.rid = m.partnership_rid AND pa.deleted_at IS NULL
                 WHERE {FILTER}"
            ),
            args,
            |r| {
                Ok(Funnel {
                    meetings: r.get(0)?,
                    ticked: r.get(1)?,
                    mutual: r.get(2)?,
                    leads: r.get(3)?,
                    alive: r.get(4)?,
                    contracted: r.get(5)?,
                    follow_ups: r.get(6)?,
                    follow_ups_done: r.get(7)?,
                })
            },
        )?)
    }

    /// Leads and contracted partnerships by primary mode, in the scale's
    /// order, unclassified last.
    fn funnel_by_mode(
        &self,
        args: FunnelArgs<'_>,
        contracted_stages: &str,
    ) -> Result<Vec<ModeFunnel>> {
        let mut by_mode: Vec<ModeFunnel> = self
            .conn
            .prepare(&format!(
                "SELECT pa.primary_mode, count(*), count(*) FILTER (WHERE pa.stage IN ({contracted_stages}))
                 FROM event_meetings m JOIN events e ON e.rid = m.event_rid
                 JOIN partnerships pa ON pa.rid = m.partnership_rid AND pa.deleted_at IS NULL
                 WHERE {FILTER} GROUP BY pa.primary_mode"
            ))?
            .query_map(args, |r| {
                let mode: Option<String> = r.get(0)?;
                Ok(ModeFunnel {
                    mode: mode.as_deref().map(code_from::<RameauMode>).transpose()?,
                    leads: r.get(1)?,
                    contracted: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // The scale's order, unclassified last.
        by_mode.sort_by_key(|m| {
            m.mode.map_or(usize::MAX, |mode| {
                RameauMode::ALL
                    .iter()
                    .position(|x| *x == mode)
                    .unwrap_or(usize::MAX - 1)
            })
        });
        Ok(by_mode)
    }
}

/// The events counted: event `?1`, or the live events dated in `[?2, ?3]`.
const FILTER: &str =
    "e.deleted_at IS NULL AND (?1 IS NULL AND e.date BETWEEN ?2 AND ?3 OR e.id = ?1)";

/// The parameters of [`FILTER`]: the event's id (or null), from, to.
type FunnelArgs<'a> = &'a [&'a dyn ToSql];

/// The stages of a contracted partnership, as an SQL list.
fn contracted_stages() -> String {
    [
        Stage::Contractualisation,
        Stage::MiseEnOeuvre,
        Stage::Evaluation,
        Stage::Essaimage,
    ]
    .map(|s| format!("'{}'", s.code()))
    .join(", ")
}
