//! Speed-dating events: the event row, its participants, wishes, meetings
//! (the plan and what was captured after each meeting), follow-ups, the room
//! clock, and the counts of the report.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use tisserand_domain::actor::ValidActor;
use tisserand_domain::contact::ValidContact;
use tisserand_domain::event::{
    Event, EventDetail, EventMeeting, EventReport, EventSide, EventSummary, FollowUp, Funnel,
    LeadsOutcome, MeetingCapture, ModeFunnel, Participant, ParticipantWish, PlanSummary, Presence,
    RoomClock, ValidEvent,
};
use tisserand_domain::partnership::{Stage, TimelineEntry, TimelineFact, ValidPartnership};
use tisserand_domain::planner::{Meeting, WishLevel};
use tisserand_domain::text::sort_key;
use tisserand_domain::{ActorKind, FieldError, RameauMode};

use crate::actor::{insert_actor_in, live_actor_rid, timestamp, PlaceCache};
use crate::contact::{insert_contact_in, live_contact_rid};
use crate::partnership::{code_from, json};
use crate::Entity;
use crate::{new_id, now, Result, Store, StoreError};

const EVENT_COLUMNS: &str = "e.id, e.name, e.date, e.venue, e.start_time, e.round_minutes, e.changeover_minutes,
     e.rounds, e.tables, e.breaks, e.seated_side, e.allow_partners, e.notes, e.played_rounds, e.plan_summary,
     e.planned_at, e.version, e.created_at, e.updated_at";

/// Builds a lead's partnership from a meeting, its seated and its visiting
/// participant.
pub type LeadMaker<'a> = dyn Fn(
        &EventMeeting,
        &Participant,
        &Participant,
    ) -> std::result::Result<ValidPartnership, FieldError>
    + 'a;

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn corrupt(what: &str, text: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("{what}: {text}").into(),
    )
}

fn side_from(text: &str) -> rusqlite::Result<EventSide> {
    EventSide::from_code(text).ok_or_else(|| corrupt("side", text))
}

fn event_from_row(r: &Row<'_>) -> rusqlite::Result<Event> {
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

fn not_found(entity: Entity, id: &str) -> StoreError {
    StoreError::NotFound {
        entity,
        id: id.to_owned(),
    }
}

fn rule(field: &str, fr: impl Into<String>, en: impl Into<String>) -> StoreError {
    StoreError::Rule(FieldError::new(field, fr, en))
}

/// The live event's key and row.
fn live_event(tx: &rusqlite::Connection, id: &str) -> Result<(i64, Event)> {
    tx.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS}, e.rid FROM events e WHERE e.id = ?1 AND e.deleted_at IS NULL"
    ))?
    .query_row([id], |r| Ok((r.get(19)?, event_from_row(r)?)))
    .optional()?
    .ok_or_else(|| not_found(Entity::Event, id))
}

/// Bumps the event's version (every change to it or its children).
fn touch(tx: &Transaction<'_>, rid: i64) -> Result<()> {
    tx.prepare_cached("UPDATE events SET version = version + 1, updated_at = ?2 WHERE rid = ?1")?
        .execute(params![rid, now()])?;
    Ok(())
}

/// Meetings of rounds already held where participant `prid` sat (or, with
/// `seated_only` false, took part at all).
fn held_meetings(
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

fn participant_rid(tx: &rusqlite::Connection, event_rid: i64, id: &str) -> Result<i64> {
    tx.prepare_cached("SELECT rid FROM event_participants WHERE id = ?1 AND event_rid = ?2")?
        .query_row(params![id, event_rid], |r| r.get(0))
        .optional()?
        .ok_or_else(|| not_found(Entity::Participant, id))
}

const PARTICIPANT_COLUMNS: &str = "p.id, a.id, a.name, a.kind, a.sector, cm.name, c.id,
     c.first_name || ' ' || c.last_name, p.side, p.table_no, p.presence, p.quick_added";

fn participant_from_row(r: &Row<'_>) -> rusqlite::Result<Participant> {
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

const MEETING_COLUMNS: &str = "m.round, m.table_no, s.id, v.id, m.seated_tick, m.visitor_tick,
     m.seated_note, m.visitor_note, pa.id, pa.title";

fn meeting_from_row(r: &Row<'_>) -> rusqlite::Result<EventMeeting> {
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

const MEETING_FROM: &str = "event_meetings m
     JOIN event_participants s ON s.rid = m.seated_rid
     JOIN event_participants v ON v.rid = m.visitor_rid
     LEFT JOIN partnerships pa ON pa.rid = m.partnership_rid AND pa.deleted_at IS NULL";

const FOLLOW_UP_SELECT: &str =
    "SELECT f.id, e.id, e.name, m.round, a.id, a.name, o.id, o.name, f.due, f.done_at IS NOT NULL
     FROM event_followups f
     JOIN events e ON e.rid = f.event_rid
     JOIN event_meetings m ON m.rid = f.meeting_rid
     JOIN actors a ON a.rid = f.actor_rid
     JOIN actors o ON o.rid = f.other_rid";

fn follow_up_from_row(r: &Row<'_>) -> rusqlite::Result<FollowUp> {
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

fn write_event(
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
        Ok(EventDetail {
            slots: event.timing().slots(),
            event,
            participants,
            wishes,
            meetings,
            follow_ups,
            // Computed by the planner (app), not stored.
            possible_meetings: None,
        })
    }

    /// Adds live actor `actor_id` to the event on `side`, with the contact
    /// who comes. Refused when the actor already takes part.
    ///
    /// # Errors
    /// `NotFound` (event, actor, or a contact not of that actor), `Rule`; a
    /// storage error.
    pub fn add_participant(
        &mut self,
        event_id: &str,
        actor_id: &str,
        side: EventSide,
        contact_id: Option<&str>,
    ) -> Result<String> {
        self.with_tx(|tx| {
            let (event_rid, _) = live_event(tx, event_id)?;
            let actor_rid = live_actor_rid(tx, actor_id)?;
            add_participant_in(tx, event_rid, actor_rid, side, contact_id, false)
        })
    }

    /// Quick-add at the door: creates a minimal actor (and its contact
    /// person when given) and adds it, in one transaction.
    ///
    /// # Errors
    /// `NotFound` for the event; a storage error.
    pub fn quick_add_participant(
        &mut self,
        event_id: &str,
        actor: &ValidActor,
        contact: Option<&ValidContact>,
        side: EventSide,
    ) -> Result<String> {
        self.with_tx(|tx| {
            let (event_rid, _) = live_event(tx, event_id)?;
            let actor_id = insert_actor_in(tx, actor, &mut PlaceCache::new(), None)?;
            let actor_rid = live_actor_rid(tx, &actor_id)?;
            let contact_id = match contact {
                Some(c) => {
                    let c = ValidContact {
                        actor_id: Some(actor_id.clone()),
                        ..c.clone()
                    };
                    Some(insert_contact_in(tx, &c, &mut HashMap::new(), None)?)
                }
                None => None,
            };
            add_participant_in(tx, event_rid, actor_rid, side, contact_id.as_deref(), true)
        })
    }

    /// Removes a participant who has not met anyone yet in a held round;
    /// their wishes and planned meetings go with them.
    ///
    /// # Errors
    /// `NotFound`, `Rule` (already met someone); a storage error.
    pub fn remove_participant(&mut self, event_id: &str, participant_id: &str) -> Result<()> {
        self.with_tx(|tx| {
            let (event_rid, event) = live_event(tx, event_id)?;
            let prid = participant_rid(tx, event_rid, participant_id)?;
            let held = held_meetings(tx, event_rid, event.played_rounds, prid, false)?;
            if held > 0 {
                return Err(rule(
                    "participant",
                    "Ce participant a déjà fait des rencontres : marquez-le absent plutôt que de le retirer.",
                    "This participant already met people: mark them absent instead.",
                ));
            }
            tx.execute(
                "DELETE FROM event_meetings WHERE event_rid = ?1 AND (seated_rid = ?2 OR visitor_rid = ?2)",
                params![event_rid, prid],
            )?;
            tx.execute("DELETE FROM event_participants WHERE rid = ?1", [prid])?;
            touch(tx, event_rid)
        })
    }

    /// Changes a participant's presence, table or side (each when given).
    /// A table already taken by someone else on the seated side is refused.
    ///
    /// # Errors
    /// `NotFound`, `Rule`; a storage error.
    pub fn set_participant(
        &mut self,
        event_id: &str,
        participant_id: &str,
        presence: Option<Presence>,
        table: Option<Option<u32>>,
        side: Option<EventSide>,
    ) -> Result<()> {
        self.with_tx(|tx| {
            let (event_rid, event) = live_event(tx, event_id)?;
            let prid = participant_rid(tx, event_rid, participant_id)?;
            if let Some(p) = presence {
                tx.execute(
                    "UPDATE event_participants SET presence = ?2 WHERE rid = ?1",
                    params![prid, p.code()],
                )?;
            }
            if let Some(side) = side {
                let held = held_meetings(tx, event_rid, event.played_rounds, prid, false)?;
                if held > 0 {
                    return Err(rule(
                        "side",
                        "Ce participant a déjà fait des rencontres de ce côté : il ne peut plus changer de côté.",
                        "This participant already met people on this side.",
                    ));
                }
                tx.execute(
                    "UPDATE event_participants SET side = ?2, table_no = NULL WHERE rid = ?1",
                    params![prid, side.code()],
                )?;
                tx.execute(
                    "DELETE FROM event_wishes WHERE (from_rid = ?1 OR to_rid = ?1) AND
                       (SELECT side FROM event_participants WHERE rid = from_rid) =
                       (SELECT side FROM event_participants WHERE rid = to_rid)",
                    [prid],
                )?;
            }
            if let Some(table) = table {
                let current: Option<u32> = tx.query_row(
                    "SELECT table_no FROM event_participants WHERE rid = ?1",
                    [prid],
                    |r| r.get(0),
                )?;
                let held = held_meetings(tx, event_rid, event.played_rounds, prid, true)?;
                if held > 0 && current != table {
                    return Err(rule(
                        "table",
                        "Ce participant a déjà reçu à sa table pendant des tours joués : il la garde jusqu'à la fin.",
                        "This participant already hosted meetings at this table.",
                    ));
                }
                if let Some(t) = table {
                    if t == 0 || t > event.tables {
                        return Err(rule(
                            "table",
                            format!("Les tables vont de 1 à {}.", event.tables),
                            format!("Tables go from 1 to {}.", event.tables),
                        ));
                    }
                    let taken: Option<String> = tx
                        .query_row(
                            "SELECT a.name FROM event_participants p JOIN actors a ON a.rid = p.actor_rid
                             WHERE p.event_rid = ?1 AND p.table_no = ?2 AND p.rid <> ?3",
                            params![event_rid, t, prid],
                            |r| r.get(0),
                        )
                        .optional()?;
                    if let Some(name) = taken {
                        return Err(rule(
                            "table",
                            format!("La table {t} est déjà celle de « {name} »."),
                            format!("Table {t} is already {name}'s."),
                        ));
                    }
                }
                tx.execute(
                    "UPDATE event_participants SET table_no = ?2 WHERE rid = ?1",
                    params![prid, table],
                )?;
            }
            touch(tx, event_rid)
        })
    }

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

    /// Pairs of participants (seated, visitor) whose actors are already
    /// parties of the same live, not abandoned partnership.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn event_partner_pairs(&self, event_id: &str) -> Result<Vec<(String, String)>> {
        let (rid, event) = live_event(&self.conn, event_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT s.id, v.id FROM event_participants s
             JOIN event_participants v ON v.event_rid = s.event_rid AND v.side <> s.side
             JOIN partnership_parties ps ON ps.actor_rid = s.actor_rid
             JOIN partnership_parties pv ON pv.actor_rid = v.actor_rid AND pv.partnership_rid = ps.partnership_rid
             JOIN partnerships pa ON pa.rid = ps.partnership_rid AND pa.deleted_at IS NULL AND pa.stage <> 'abandonne'
             WHERE s.event_rid = ?1 AND s.side = ?2
             ORDER BY s.rid, v.rid",
        )?;
        let rows = stmt.query_map(params![rid, event.seated_side.code()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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

    /// The room clock as stored (`None` before the room first started).
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn event_room(&self, event_id: &str) -> Result<(Event, Option<RoomClock>)> {
        let (rid, event) = live_event(&self.conn, event_id)?;
        let room: Option<String> =
            self.conn
                .query_row("SELECT room FROM events WHERE rid = ?1", [rid], |r| {
                    r.get(0)
                })?;
        Ok((event, room.as_deref().map(json::<RoomClock>).transpose()?))
    }

    /// Stores the room clock and raises the rounds held to `started_rounds`
    /// (never lowers it). Does not bump the version when only the clock
    /// moved, so an open edit form is not refused because time passed.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn set_event_room(
        &mut self,
        event_id: &str,
        clock: &RoomClock,
        started_rounds: u32,
    ) -> Result<Event> {
        self.with_tx(|tx| {
            let (rid, event) = live_event(tx, event_id)?;
            tx.execute(
                "UPDATE events SET room = ?2 WHERE rid = ?1",
                params![rid, to_json(clock)?],
            )?;
            if started_rounds > event.played_rounds {
                tx.execute(
                    "UPDATE events SET played_rounds = ?2, version = version + 1, updated_at = ?3 WHERE rid = ?1",
                    params![rid, started_rounds.min(event.rounds), now()],
                )?;
            }
            Ok(())
        })?;
        self.event(event_id)
    }

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
        let filter =
            "e.deleted_at IS NULL AND (?1 IS NULL AND e.date BETWEEN ?2 AND ?3 OR e.id = ?1)";
        let args = params![
            event_id,
            from.format("%Y-%m-%d").to_string(),
            to.format("%Y-%m-%d").to_string()
        ];
        // Only recorded presence counts: « attendu » (expected) is neither
        // present nor absent, it is presence not recorded.
        let (events, participants, present, absent, unrecorded): (u32, u32, u32, u32, u32) =
            self.conn.query_row(
                &format!(
                    "SELECT count(DISTINCT e.rid), count(p.rid),
                        count(p.rid) FILTER (WHERE p.presence = '{present}'),
                        count(p.rid) FILTER (WHERE p.presence = '{absent}'),
                        count(p.rid) FILTER (WHERE p.presence = '{expected}')
                     FROM events e LEFT JOIN event_participants p ON p.event_rid = e.rid WHERE {filter}",
                    present = Presence::Present.code(),
                    absent = Presence::Absent.code(),
                    expected = Presence::Expected.code(),
                ),
                args,
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )?;
        // A meeting was held when its round has started, or once the
        // event's day has come (a gong rather than the room), or when
        // someone ticked it.
        let held = "m.round <= e.played_rounds OR e.date <= date('now', 'localtime') OR m.seated_tick OR m.visitor_tick";
        let contracted_stages = [
            Stage::Contractualisation,
            Stage::MiseEnOeuvre,
            Stage::Evaluation,
            Stage::Essaimage,
        ]
        .map(|s| format!("'{}'", s.code()))
        .join(", ");
        let funnel = self.conn.query_row(
            &format!(
                "SELECT count(m.rid) FILTER (WHERE {held}),
                    count(m.rid) FILTER (WHERE m.seated_tick OR m.visitor_tick),
                    count(m.rid) FILTER (WHERE m.seated_tick AND m.visitor_tick),
                    count(pa.rid),
                    count(pa.rid) FILTER (WHERE pa.stage <> 'abandonne'),
                    count(pa.rid) FILTER (WHERE pa.stage IN ({contracted_stages})),
                    (SELECT count(*) FROM event_followups f JOIN events e ON e.rid = f.event_rid WHERE {filter}),
                    (SELECT count(*) FROM event_followups f JOIN events e ON e.rid = f.event_rid WHERE {filter} AND f.done_at IS NOT NULL)
                 FROM event_meetings m JOIN events e ON e.rid = m.event_rid
                 LEFT JOIN partnerships pa ON pa.rid = m.partnership_rid AND pa.deleted_at IS NULL
                 WHERE {filter}"
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
        )?;
        let mut by_mode: Vec<ModeFunnel> = self
            .conn
            .prepare(&format!(
                "SELECT pa.primary_mode, count(*), count(*) FILTER (WHERE pa.stage IN ({contracted_stages}))
                 FROM event_meetings m JOIN events e ON e.rid = m.event_rid
                 JOIN partnerships pa ON pa.rid = m.partnership_rid AND pa.deleted_at IS NULL
                 WHERE {filter} GROUP BY pa.primary_mode"
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
        Ok(EventReport {
            title: String::new(),
            events,
            participants,
            present,
            absent,
            unrecorded,
            funnel,
            by_mode,
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

fn add_participant_in(
    tx: &Transaction<'_>,
    event_rid: i64,
    actor_rid: i64,
    side: EventSide,
    contact_id: Option<&str>,
    quick_added: bool,
) -> Result<String> {
    let already: Option<String> = tx
        .query_row(
            "SELECT a.name FROM event_participants p JOIN actors a ON a.rid = p.actor_rid
             WHERE p.event_rid = ?1 AND p.actor_rid = ?2",
            params![event_rid, actor_rid],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(name) = already {
        return Err(rule(
            "actor",
            format!("« {name} » participe déjà à cet événement."),
            format!("{name} already takes part in this event."),
        ));
    }
    let contact_rid = match contact_id {
        Some(c) => {
            let rid = live_contact_rid(tx, c)?;
            let of_actor: bool = tx.query_row(
                "SELECT actor_rid = ?2 FROM contacts WHERE rid = ?1",
                params![rid, actor_rid],
                |r| r.get::<_, Option<bool>>(0).map(|b| b.unwrap_or(false)),
            )?;
            if !of_actor {
                return Err(rule(
                    "contact",
                    "Ce contact n'appartient pas à cet acteur.",
                    "This contact is not of this actor.",
                ));
            }
            Some(rid)
        }
        None => None,
    };
    let id = new_id();
    tx.execute(
        "INSERT INTO event_participants (id, event_rid, actor_rid, contact_rid, side, quick_added, presence, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?6 THEN 'present' ELSE 'expected' END, ?7)",
        params![id, event_rid, actor_rid, contact_rid, side.code(), quick_added, now()],
    )?;
    touch(tx, event_rid)?;
    Ok(id)
}
