//! Speed-dating events: the event row, its participants, wishes, meetings
//! (the plan and what was captured after each meeting), follow-ups, the room
//! clock, and the counts of the report.
//!
//! This module holds the event row (create, edit, delete, read) and the
//! helpers its submodules share: `participant` (who takes part, their
//! presence, side and table), `meeting` (wishes, the plan's meetings and
//! their ticks), `room` (the room clock), `lead` (leads and follow-ups) and
//! `report` (the funnel's counts).

mod lead;
mod meeting;
mod participant;
mod report;
mod room;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use tisserand_domain::event::{
    Event, EventDetail, EventMeeting, EventSide, EventSummary, FollowUp, Participant,
    ParticipantWish, PlanSummary, Presence, ValidEvent,
};
use tisserand_domain::planner::WishLevel;
use tisserand_domain::text::sort_key;
use tisserand_domain::{ActorKind, FieldError};

use crate::actor::timestamp;
use crate::partnership::{code_from, json};
use crate::{new_id, now, Entity, Result, Store, StoreError};

pub use lead::LeadMaker;

const EVENT_COLUMNS: &str = "e.id, e.name, e.date, e.venue, e.start_time, e.round_minutes, e.changeover_minutes,
     e.rounds, e.tables, e.breaks, e.seated_side, e.allow_partners, e.notes, e.played_rounds, e.plan_summary,
     e.planned_at, e.version, e.created_at, e.updated_at";

pub(super) fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub(super) fn corrupt(what: &str, text: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("{what}: {text}").into(),
    )
}

pub(super) fn side_from(text: &str) -> rusqlite::Result<EventSide> {
    EventSide::from_code(text).ok_or_else(|| corrupt("side", text))
}

pub(super) fn event_from_row(r: &Row<'_>) -> rusqlite::Result<Event> {
    let date: String = r.get(2)?;
    let start: String = r.get(4)?;
    let summary: Option<String> = r.get(14)?;
    let planned_at: Option<String> = r.get(15)?;
    Ok(Event {
        id: r.get(0)?,
        name: r.get(1)?,
        date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|_| corrupt("date", &date))?,
        venue: r.get(3)?,
        start_time: chrono::NaiveTime::parse_from_str(&start, "%H:%M")
            .map_err(|_| corrupt("start time", &start))?,
        round_minutes: r.get(5)?,
        changeover_minutes: r.get(6)?,
        rounds: r.get(7)?,
        tables: r.get(8)?,
        breaks: json(&r.get::<_, String>(9)?)?,
        seated_side: side_from(&r.get::<_, String>(10)?)?,
        allow_partners: r.get(11)?,
        notes: r.get(12)?,
        played_rounds: r.get(13)?,
        plan_summary: summary.as_deref().map(json::<PlanSummary>).transpose()?,
        planned_at: planned_at.as_deref().map(timestamp).transpose()?,
        version: r.get(16)?,
        created_at: timestamp(&r.get::<_, String>(17)?)?,
        updated_at: timestamp(&r.get::<_, String>(18)?)?,
    })
}

pub(super) fn not_found(entity: Entity, id: &str) -> StoreError {
    StoreError::NotFound {
        entity,
        id: id.to_owned(),
    }
}

pub(super) fn rule(field: &str, fr: impl Into<String>, en: impl Into<String>) -> StoreError {
    StoreError::Rule(FieldError::new(field, fr, en))
}

/// The live event's key and row.
pub(super) fn live_event(tx: &rusqlite::Connection, id: &str) -> Result<(i64, Event)> {
    tx.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS}, e.rid FROM events e WHERE e.id = ?1 AND e.deleted_at IS NULL"
    ))?
    .query_row([id], |r| Ok((r.get(19)?, event_from_row(r)?)))
    .optional()?
    .ok_or_else(|| not_found(Entity::Event, id))
}

/// Bumps the event's version (every change to it or its children).
pub(super) fn touch(tx: &Transaction<'_>, rid: i64) -> Result<()> {
    tx.prepare_cached("UPDATE events SET version = version + 1, updated_at = ?2 WHERE rid = ?1")?
        .execute(params![rid, now()])?;
    Ok(())
}

/// Meetings of rounds already held where participant `prid` sat (or, with
/// `seated_only` false, took part at all).
pub(super) fn held_meetings(
    tx: &rusqlite::Connection,
    event_rid: i64,
    played: u32,
    prid: i64,
    seated_only: bool,
) -> Result<u32> {
    Ok(tx
        .prepare_cached(
            "SELECT count(*) FROM event_meetings WHERE event_rid = ?1 AND round <= ?2
               AND (seated_rid = ?3 OR (NOT ?4 AND visitor_rid = ?3))",
        )?
        .query_row(params![event_rid, played, prid, seated_only], |r| r.get(0))?)
}

pub(super) fn participant_rid(tx: &rusqlite::Connection, event_rid: i64, id: &str) -> Result<i64> {
    tx.prepare_cached("SELECT rid FROM event_participants WHERE id = ?1 AND event_rid = ?2")?
        .query_row(params![id, event_rid], |r| r.get(0))
        .optional()?
        .ok_or_else(|| not_found(Entity::Participant, id))
}

pub(super) const PARTICIPANT_COLUMNS: &str = "p.id, a.id, a.name, a.kind, a.sector, cm.name, c.id,
     c.first_name || ' ' || c.last_name, p.side, p.table_no, p.presence, p.quick_added";

pub(super) fn participant_from_row(r: &Row<'_>) -> rusqlite::Result<Participant> {
    let presence: String = r.get(10)?;
    Ok(Participant {
        id: r.get(0)?,
        actor_id: r.get(1)?,
        actor_name: r.get(2)?,
        actor_kind: code_from::<ActorKind>(&r.get::<_, String>(3)?)?,
        sector: r.get(4)?,
        commune: r.get(5)?,
        contact_id: r.get(6)?,
        contact_name: r.get(7)?,
        side: side_from(&r.get::<_, String>(8)?)?,
        table: r.get(9)?,
        presence: Presence::from_code(&presence).ok_or_else(|| corrupt("presence", &presence))?,
        quick_added: r.get(11)?,
    })
}

pub(super) const MEETING_COLUMNS: &str =
    "m.round, m.table_no, s.id, v.id, m.seated_tick, m.visitor_tick,
     m.seated_note, m.visitor_note, pa.id, pa.title";

pub(super) fn meeting_from_row(r: &Row<'_>) -> rusqlite::Result<EventMeeting> {
    Ok(EventMeeting {
        round: r.get(0)?,
        table: r.get(1)?,
        seated: r.get(2)?,
        visitor: r.get(3)?,
        seated_tick: r.get(4)?,
        visitor_tick: r.get(5)?,
        seated_note: r.get(6)?,
        visitor_note: r.get(7)?,
        partnership_id: r.get(8)?,
        partnership_title: r.get(9)?,
    })
}

pub(super) const MEETING_FROM: &str = "event_meetings m
     JOIN event_participants s ON s.rid = m.seated_rid
     JOIN event_participants v ON v.rid = m.visitor_rid
     LEFT JOIN partnerships pa ON pa.rid = m.partnership_rid AND pa.deleted_at IS NULL";

pub(super) const FOLLOW_UP_SELECT: &str =
    "SELECT f.id, e.id, e.name, m.round, a.id, a.name, o.id, o.name, f.due, f.done_at IS NOT NULL
     FROM event_followups f
     JOIN events e ON e.rid = f.event_rid
     JOIN event_meetings m ON m.rid = f.meeting_rid
     JOIN actors a ON a.rid = f.actor_rid
     JOIN actors o ON o.rid = f.other_rid";

pub(super) fn follow_up_from_row(r: &Row<'_>) -> rusqlite::Result<FollowUp> {
    let due: String = r.get(8)?;
    Ok(FollowUp {
        id: r.get(0)?,
        event_id: r.get(1)?,
        event_name: r.get(2)?,
        round: r.get(3)?,
        actor_id: r.get(4)?,
        actor_name: r.get(5)?,
        other_id: r.get(6)?,
        other_name: r.get(7)?,
        due: NaiveDate::parse_from_str(&due, "%Y-%m-%d").map_err(|_| corrupt("due", &due))?,
        done: r.get(9)?,
    })
}

pub(super) fn write_event(
    tx: &Transaction<'_>,
    sql: &str,
    key: &dyn rusqlite::ToSql,
    e: &ValidEvent,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(sql)?.execute(params![
        key,
        e.name,
        sort_key(&e.name),
        e.date.format("%Y-%m-%d").to_string(),
        e.venue,
        e.start_time.format("%H:%M").to_string(),
        e.round_minutes,
        e.changeover_minutes,
        e.rounds,
        e.tables,
        to_json(&e.breaks)?,
        e.seated_side.code(),
        e.allow_partners,
        e.notes,
        at,
    ])?;
    Ok(())
}

impl Store {
    /// Creates an event (no participants yet).
    ///
    /// # Errors
    /// A storage error.
    pub fn insert_event(&mut self, e: &ValidEvent) -> Result<Event> {
        let id = new_id();
        self.with_tx(|tx| {
            write_event(
                tx,
                "INSERT INTO events (id, name, sort_key, date, venue, start_time, round_minutes, changeover_minutes,
                    rounds, tables, breaks, seated_side, allow_partners, notes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
                &id,
                e,
                &now(),
            )
        })?;
        self.event(&id)
    }

    /// Replaces an event's settings. Refused when the event changed since
    /// `version` was loaded, when fewer rounds than already held are asked,
    /// or when a seated participant's table is beyond the new number of
    /// tables. Meetings planned beyond the new number of rounds or tables are
    /// dropped (the app re-plans).
    ///
    /// # Errors
    /// `NotFound`, `Conflict`, `Rule`; a storage error.
    pub fn update_event(&mut self, id: &str, version: u32, e: &ValidEvent) -> Result<Event> {
        self.with_tx(|tx| {
            let (rid, old) = live_event(tx, id)?;
            if old.version != version {
                return Err(StoreError::Conflict {
                    entity: Entity::Event,
                    id: id.to_owned(),
                    expected: version,
                    found: old.version,
                });
            }
            if e.rounds < old.played_rounds {
                return Err(rule(
                    "rounds",
                    format!(
                        "{} tours ont déjà eu lieu : l'événement ne peut pas en compter moins.",
                        old.played_rounds
                    ),
                    "Fewer rounds than already held.",
                ));
            }
            let beyond: Option<u32> = tx
                .query_row(
                    "SELECT max(table_no) FROM event_participants WHERE event_rid = ?1",
                    [rid],
                    |r| r.get(0),
                )?;
            if let Some(t) = beyond.filter(|t| *t > e.tables) {
                return Err(rule(
                    "tables",
                    format!("Un participant est assis à la table {t} : gardez au moins {t} tables ou changez-le de table."),
                    format!("A participant sits at table {t}."),
                ));
            }
            let held: Option<u32> = tx.query_row(
                "SELECT max(table_no) FROM event_meetings WHERE event_rid = ?1 AND round <= ?2",
                params![rid, old.played_rounds],
                |r| r.get(0),
            )?;
            if let Some(t) = held.filter(|t| *t > e.tables) {
                return Err(rule(
                    "tables",
                    format!("La table {t} a déjà servi : gardez au moins {t} tables."),
                    format!("Table {t} was already used."),
                ));
            }
            write_event(
                tx,
                "UPDATE events SET name = ?2, sort_key = ?3, date = ?4, venue = ?5, start_time = ?6,
                    round_minutes = ?7, changeover_minutes = ?8, rounds = ?9, tables = ?10, breaks = ?11,
                    seated_side = ?12, allow_partners = ?13, notes = ?14, updated_at = ?15, version = version + 1
                 WHERE rid = ?1",
                &rid,
                e,
                &now(),
            )?;
            if e.seated_side != old.seated_side {
                // The sides swap roles: tables belong to the new seated side.
                tx.execute(
                    "UPDATE event_participants SET table_no = NULL WHERE event_rid = ?1",
                    [rid],
                )?;
            }
            tx.execute(
                "DELETE FROM event_meetings WHERE event_rid = ?1 AND round > ?2
                   AND (round > ?3 OR table_no > ?4 OR ?5)",
                params![rid, old.played_rounds, e.rounds, e.tables, e.seated_side != old.seated_side],
            )?;
            Ok(())
        })?;
        self.event(id)
    }

    /// Soft-deletes an event (undoable with [`Store::restore_event`]).
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn delete_event(&mut self, id: &str) -> Result<()> {
        self.with_tx(|tx| {
            let (rid, _) = live_event(tx, id)?;
            tx.execute(
                "UPDATE events SET deleted_at = ?2, version = version + 1 WHERE rid = ?1",
                params![rid, now()],
            )?;
            Ok(())
        })
    }

    /// Undoes a soft delete.
    ///
    /// # Errors
    /// `NotFound` when there is no deleted event `id`.
    pub fn restore_event(&mut self, id: &str) -> Result<()> {
        self.with_tx(|tx| {
            let n = tx.execute(
                "UPDATE events SET deleted_at = NULL, version = version + 1 WHERE id = ?1 AND deleted_at IS NOT NULL",
                [id],
            )?;
            if n == 0 {
                return Err(not_found(Entity::Event, id));
            }
            Ok(())
        })
    }

    /// A live event.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn event(&self, id: &str) -> Result<Event> {
        Ok(live_event(&self.conn, id)?.1)
    }

    /// Live events, the most recent date first, with their counts.
    ///
    /// # Errors
    /// A storage error.
    pub fn events(&self) -> Result<Vec<EventSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.name, e.date, e.venue, e.rounds, e.played_rounds,
                (SELECT count(*) FROM event_participants p WHERE p.event_rid = e.rid),
                (SELECT count(*) FROM event_meetings m WHERE m.event_rid = e.rid),
                (SELECT count(*) FROM event_meetings m WHERE m.event_rid = e.rid AND m.partnership_rid IS NOT NULL)
             FROM events e WHERE e.deleted_at IS NULL ORDER BY e.date DESC, e.sort_key",
        )?;
        let rows = stmt.query_map([], |r| {
            let date: String = r.get(2)?;
            Ok(EventSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                date: NaiveDate::parse_from_str(&date, "%Y-%m-%d")
                    .map_err(|_| corrupt("date", &date))?,
                venue: r.get(3)?,
                rounds: r.get(4)?,
                played_rounds: r.get(5)?,
                participants: r.get(6)?,
                meetings: r.get(7)?,
                leads: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An event with its participants (by side, then name), wishes, meetings
    /// (by round, then table) and follow-ups.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn event_detail(&self, id: &str) -> Result<EventDetail> {
        let (rid, event) = live_event(&self.conn, id)?;
        let participants = self
            .conn
            .prepare_cached(&format!(
                "SELECT {PARTICIPANT_COLUMNS} FROM event_participants p
                 JOIN actors a ON a.rid = p.actor_rid
                 LEFT JOIN communes cm ON cm.insee = a.commune_insee
                 LEFT JOIN contacts c ON c.rid = p.contact_rid
                 WHERE p.event_rid = ?1 ORDER BY p.side, a.sort_key, p.rid"
            ))?
            .query_map([rid], participant_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let wishes = self
            .conn
            .prepare_cached(
                "SELECT f.id, t.id, w.level FROM event_wishes w
                 JOIN event_participants f ON f.rid = w.from_rid
                 JOIN event_participants t ON t.rid = w.to_rid
                 WHERE w.event_rid = ?1 ORDER BY f.rid, t.rid",
            )?
            .query_map([rid], |r| {
                Ok(ParticipantWish {
                    from: r.get(0)?,
                    to: r.get(1)?,
                    level: code_from::<WishLevel>(&r.get::<_, String>(2)?)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let meetings = self
            .conn
            .prepare_cached(&format!(
                "SELECT {MEETING_COLUMNS} FROM {MEETING_FROM} WHERE m.event_rid = ?1 ORDER BY m.round, m.table_no"
            ))?
            .query_map([rid], meeting_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let follow_ups = self
            .conn
            .prepare_cached(&format!(
                "{FOLLOW_UP_SELECT} WHERE f.event_rid = ?1 ORDER BY m.round, a.sort_key"
            ))?
            .query_map([rid], follow_up_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(EventDetail::new(
            event,
            participants,
            wishes,
            meetings,
            follow_ups,
        ))
    }
}
