//! Queries on partnerships: writes (with their party index rows in the same
//! transaction), stage moves and notes on the timeline, optimistic
//! concurrency on edits, reads and the board list.
//!
//! Children (parties, contributions, counterparts, actions, timeline) are
//! JSON columns of the partnership's row: see `0002_partnerships.sql` for why.

use rusqlite::{params, OptionalExtension, Row, Transaction};
use tisserand_domain::agreement::AgreementText;
use tisserand_domain::partnership::ValidPartnership;
use tisserand_domain::text::sort_key;
use tisserand_domain::{
    Modes, NextAction, Partnership, Party, PartySummary, RameauMode, Stage, TimelineEntry,
    TimelineFact,
};

use crate::actor::{live_actor_rid, timestamp};
use crate::Entity;
use crate::{new_id, now, Result, Store, StoreError};

pub(crate) const COLUMNS: &str = "p.id, p.title, p.summary, p.territory, p.parties, p.primary_mode, p.secondary_modes,
     p.mecenat_kinds, p.contributions, p.counterparts, p.facilitator, p.tags, p.origin, p.next_actions,
     p.stage, p.abandon_reason, p.timeline, p.version, p.created_at, p.updated_at, p.objectives, p.indicators, p.stage_changed_at,
     p.spawned_from, p.evaluations";

pub(crate) fn json<T: serde::de::DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Reads an enum stored as its JSON code (`"mecenat"` stored as `mecenat`).
pub(crate) fn code_from<T: serde::de::DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    json(&format!("\"{text}\""))
}

pub(crate) fn partnership_from_row(r: &Row<'_>) -> rusqlite::Result<Partnership> {
    let primary: Option<String> = r.get(5)?;
    Ok(Partnership {
        id: r.get(0)?,
        title: r.get(1)?,
        summary: r.get(2)?,
        territory: json(&r.get::<_, String>(3)?)?,
        parties: json(&r.get::<_, String>(4)?)?,
        modes: Modes {
            primary: primary.as_deref().map(code_from).transpose()?,
            secondary: json(&r.get::<_, String>(6)?)?,
            mecenat_kinds: json(&r.get::<_, String>(7)?)?,
        },
        contributions: json(&r.get::<_, String>(8)?)?,
        counterparts: json(&r.get::<_, String>(9)?)?,
        facilitator: r.get(10)?,
        tags: json(&r.get::<_, String>(11)?)?,
        origin: r.get(12)?,
        next_actions: json(&r.get::<_, String>(13)?)?,
        stage: code_from(&r.get::<_, String>(14)?)?,
        abandon_reason: r.get(15)?,
        timeline: json(&r.get::<_, String>(16)?)?,
        version: r.get(17)?,
        created_at: timestamp(&r.get::<_, String>(18)?)?,
        updated_at: timestamp(&r.get::<_, String>(19)?)?,
        stage_changed_at: timestamp(&r.get::<_, String>(22)?)?,
        objectives: json(&r.get::<_, String>(20)?)?,
        indicators: json(&r.get::<_, String>(21)?)?,
        spawned_from: r.get(23)?,
        evaluations: json(&r.get::<_, String>(24)?)?,
    })
}

/// A live partnership's integer key and row, or `NotFound`.
pub(crate) fn live_partnership(tx: &rusqlite::Connection, id: &str) -> Result<(i64, Partnership)> {
    tx.prepare_cached(&format!(
        "SELECT {COLUMNS}, p.rid FROM partnerships p WHERE p.id = ?1 AND p.deleted_at IS NULL"
    ))?
    .query_row([id], |r| Ok((r.get(25)?, partnership_from_row(r)?)))
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        entity: Entity::Partnership,
        id: id.to_owned(),
    })
}

/// The current instant, as stored and as a timeline value.
pub(crate) fn instant() -> Result<(String, chrono::DateTime<chrono::Utc>)> {
    let at = now();
    let parsed = timestamp(&at)?;
    Ok((at, parsed))
}

/// Checks that every party is a live actor, that a named contact belongs to
/// its party's actor, and that every commune is known; returns the actors'
/// integer keys in the parties' order.
fn check_references(tx: &Transaction<'_>, p: &ValidPartnership) -> Result<Vec<i64>> {
    let mut rids = Vec::new();
    for party in &p.parties {
        let rid = live_actor_rid(tx, &party.actor_id)?;
        if let Some(contact) = &party.contact_id {
            let found: Option<i64> = tx
                .prepare_cached(
                    "SELECT rid FROM contacts WHERE id = ?1 AND actor_rid = ?2 AND deleted_at IS NULL",
                )?
                .query_row(params![contact, rid], |r| r.get(0))
                .optional()?;
            if found.is_none() {
                return Err(StoreError::NotFound {
                    entity: Entity::Contact,
                    id: contact.clone(),
                });
            }
        }
        rids.push(rid);
    }
    for insee in &p.territory {
        let known: Option<i64> = tx
            .prepare_cached("SELECT 1 FROM communes WHERE insee = ?1")?
            .query_row([insee], |r| r.get(0))
            .optional()?;
        if known.is_none() {
            return Err(StoreError::NotFound {
                entity: Entity::Commune,
                id: insee.clone(),
            });
        }
    }
    Ok(rids)
}

fn write_parties(tx: &Transaction<'_>, rid: i64, parties: &[Party], actors: &[i64]) -> Result<()> {
    tx.prepare_cached("DELETE FROM partnership_parties WHERE partnership_rid = ?1")?
        .execute([rid])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO partnership_parties (actor_rid, partnership_rid, role) VALUES (?1, ?2, ?3)",
    )?;
    for (party, actor) in parties.iter().zip(actors) {
        insert.execute(params![actor, rid, party.role.code()])?;
    }
    Ok(())
}

/// Rewrites the derived rows of a partnership's territory (communes with
/// their département).
fn write_communes(tx: &Transaction<'_>, rid: i64, territory: &[String]) -> Result<()> {
    tx.prepare_cached("DELETE FROM partnership_communes WHERE partnership_rid = ?1")?
        .execute([rid])?;
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO partnership_communes (commune_insee, partnership_rid, departement_code)
         SELECT ?1, ?2, (SELECT departement_code FROM communes WHERE insee = ?1)",
    )?;
    for insee in territory {
        insert.execute(params![insee, rid])?;
    }
    Ok(())
}

/// The earliest due date of the actions not done, as stored in `next_due_on`.
fn next_due_on(actions: &[NextAction]) -> Option<String> {
    actions
        .iter()
        .filter(|a| !a.done)
        .filter_map(|a| a.due_on)
        .min()
        .map(|d| d.to_string())
}

/// Timeline entries for actions that are done now and were not before.
fn newly_done(
    old: &[NextAction],
    new: &[NextAction],
    at: chrono::DateTime<chrono::Utc>,
) -> Vec<TimelineEntry> {
    let mut before: Vec<&str> = old
        .iter()
        .filter(|a| a.done)
        .map(|a| a.text.as_str())
        .collect();
    let mut entries = Vec::new();
    for a in new.iter().filter(|a| a.done) {
        if let Some(i) = before.iter().position(|t| *t == a.text) {
            before.remove(i);
        } else {
            entries.push(action_done_entry(a, at));
        }
    }
    entries
}

fn action_done_entry(a: &NextAction, at: chrono::DateTime<chrono::Utc>) -> TimelineEntry {
    TimelineEntry {
        at,
        fact: TimelineFact::ActionDone {
            action: a.text.clone(),
            owner: a.owner.clone(),
        },
    }
}

/// Writes the editable columns of a partnership: `?1` the key (new id or
/// rid), `?2`–`?15` the fields, `?16` the time of the write, `?17`–`?18`
/// objectives and indicators, `?19` the next due date (derived).
fn write_row(
    tx: &Transaction<'_>,
    sql: &str,
    key: &dyn rusqlite::ToSql,
    p: &ValidPartnership,
) -> Result<()> {
    tx.prepare_cached(sql)?.execute(params![
        key,
        p.title,
        sort_key(&p.title),
        p.summary,
        to_json(&p.territory)?,
        to_json(&p.parties)?,
        p.modes.primary.map(RameauMode::code),
        to_json(&p.modes.secondary)?,
        to_json(&p.modes.mecenat_kinds)?,
        to_json(&p.contributions)?,
        to_json(&p.counterparts)?,
        p.facilitator,
        to_json(&p.tags)?,
        p.origin,
        to_json(&p.next_actions)?,
        now(),
        to_json(&p.objectives)?,
        to_json(&p.indicators)?,
        next_due_on(&p.next_actions),
    ])?;
    Ok(())
}

const INSERT: &str = "INSERT INTO partnerships (id, title, sort_key, summary, territory, parties, primary_mode,
        secondary_modes, mecenat_kinds, contributions, counterparts, facilitator, tags, origin, next_actions,
        stage, stage_changed_at, timeline, version, created_at, updated_at, objectives, indicators, next_due_on)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 'rencontre', ?16, '[]', 1, ?16, ?16,
        ?17, ?18, ?19)";

const UPDATE: &str = "UPDATE partnerships SET title = ?2, sort_key = ?3, summary = ?4, territory = ?5, parties = ?6,
        primary_mode = ?7, secondary_modes = ?8, mecenat_kinds = ?9, contributions = ?10, counterparts = ?11,
        facilitator = ?12, tags = ?13, origin = ?14, next_actions = ?15, updated_at = ?16, objectives = ?17, indicators = ?18,
        next_due_on = ?19, version = version + 1
     WHERE rid = ?1";

/// Appends entries to a partnership's timeline and bumps its version.
pub(crate) fn append_timeline(
    tx: &Transaction<'_>,
    rid: i64,
    timeline: &[TimelineEntry],
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "UPDATE partnerships SET timeline = ?2, updated_at = ?3, version = version + 1 WHERE rid = ?1",
    )?
    .execute(params![rid, to_json(&timeline)?, at])?;
    Ok(())
}

/// Inserts a partnership at stage `rencontre` with its first timeline
/// entry; returns its id.
pub(crate) fn insert_in(
    tx: &Transaction<'_>,
    p: &ValidPartnership,
    origin: Option<&Partnership>,
) -> Result<String> {
    let actors = check_references(tx, p)?;
    let id = new_id();
    write_row(tx, INSERT, &id, p)?;
    let rid = tx.last_insert_rowid();
    write_parties(tx, rid, &p.parties, &actors)?;
    write_communes(tx, rid, &p.territory)?;
    let (at, at_dt) = instant()?;
    let fact = match origin {
        Some(o) => TimelineFact::SpawnedFrom {
            origin: o.title.clone(),
            modes: p.modes.clone(),
        },
        None => TimelineFact::Created {
            modes: p.modes.clone(),
        },
    };
    let entry = TimelineEntry { at: at_dt, fact };
    tx.prepare_cached(
        "UPDATE partnerships SET timeline = ?2, stage_changed_at = ?3, spawned_from = ?4 WHERE rid = ?1",
    )?
    .execute(params![rid, to_json(&[entry])?, at, origin.map(|o| &o.id)])?;
    Ok(id)
}

impl Store {
    /// Creates a partnership at stage `rencontre`, with a first timeline entry.
    ///
    /// # Errors
    /// `NotFound` for a party that is not a live actor, a contact not of its
    /// party's actor, or an unknown commune; a storage error.
    pub fn insert_partnership(&mut self, p: &ValidPartnership) -> Result<Partnership> {
        let id = self.with_tx(|tx| insert_in(tx, p, None))?;
        self.partnership(&id)
    }

    /// Creates partnership `p` spread from live partnership `origin_id`
    /// (« essaimage »): it links to its origin, and both timelines say so.
    ///
    /// # Errors
    /// `NotFound` for the origin; the errors of `insert_partnership`.
    pub fn insert_spawned_partnership(
        &mut self,
        origin_id: &str,
        p: &ValidPartnership,
    ) -> Result<Partnership> {
        let id = self.with_tx(|tx| {
            let (origin_rid, origin) = live_partnership(tx, origin_id)?;
            let id = insert_in(tx, p, Some(&origin))?;
            let (at, at_dt) = instant()?;
            let mut timeline = origin.timeline;
            timeline.push(TimelineEntry {
                at: at_dt,
                fact: TimelineFact::Spawned {
                    title: p.title.clone(),
                },
            });
            append_timeline(tx, origin_rid, &timeline, &at)?;
            Ok(id)
        })?;
        self.partnership(&id)
    }

    /// Replaces a live partnership's editable fields, provided it is still
    /// at `expected_version` (the version the editor loaded). Actions now
    /// done and changed modes go on the timeline.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` when the row changed since it was loaded; the
    /// errors of `insert_partnership`.
    pub fn update_partnership(
        &mut self,
        id: &str,
        expected_version: u32,
        p: &ValidPartnership,
    ) -> Result<Partnership> {
        self.with_tx(|tx| {
            let (rid, old) = live_partnership(tx, id)?;
            if old.version != expected_version {
                return Err(StoreError::Conflict {
                    entity: Entity::Partnership,
                    id: id.to_owned(),
                    expected: expected_version,
                    found: old.version,
                });
            }
            let actors = check_references(tx, p)?;
            write_row(tx, UPDATE, &rid, p)?;
            write_parties(tx, rid, &p.parties, &actors)?;
            write_communes(tx, rid, &p.territory)?;
            let (at, at_dt) = instant()?;
            let mut timeline = old.timeline;
            let before = timeline.len();
            if old.modes.primary != p.modes.primary || old.modes.secondary != p.modes.secondary {
                timeline.push(TimelineEntry {
                    at: at_dt,
                    fact: TimelineFact::Modes {
                        from: old.modes.clone(),
                        to: p.modes.clone(),
                    },
                });
            }
            timeline.extend(newly_done(&old.next_actions, &p.next_actions, at_dt));
            if timeline.len() > before {
                tx.prepare_cached(
                    "UPDATE partnerships SET timeline = ?2, updated_at = ?3 WHERE rid = ?1",
                )?
                .execute(params![rid, to_json(&timeline)?, at])?;
            }
            Ok(())
        })?;
        self.partnership(id)
    }

    /// Moves a live partnership to `to` (checked by `Stage::check_move`),
    /// recording the move on its timeline. Abandoning keeps the reason;
    /// moving out of `abandonne` reopens it.
    ///
    /// # Errors
    /// `NotFound` (a deleted partnership cannot move); `Rule` for a move the
    /// rules refuse; a storage error.
    pub fn move_partnership(
        &mut self,
        id: &str,
        to: Stage,
        reason: Option<&str>,
    ) -> Result<Partnership> {
        self.with_tx(|tx| {
            let (rid, p) = live_partnership(tx, id)?;
            p.stage.check_move(to, reason).map_err(StoreError::Rule)?;
            let reason = reason.map(str::trim).filter(|r| !r.is_empty());
            let (at, at_dt) = instant()?;
            let typed = reason.map(str::to_owned);
            let fact = match (p.stage, to) {
                (from, Stage::Abandonne) => TimelineFact::Abandoned {
                    from,
                    reason: typed,
                },
                (Stage::Abandonne, to) => TimelineFact::Reopened { to, reason: typed },
                (from, to) => TimelineFact::Stage {
                    from,
                    to,
                    reason: typed,
                },
            };
            let entry = TimelineEntry { at: at_dt, fact };
            let mut timeline = p.timeline;
            timeline.push(entry);
            let abandon_reason = (to == Stage::Abandonne).then_some(reason).flatten();
            tx.prepare_cached(
                "UPDATE partnerships SET stage = ?2, abandon_reason = ?3, stage_changed_at = ?4 WHERE rid = ?1",
            )?
            .execute(params![rid, to.code(), abandon_reason, at])?;
            append_timeline(tx, rid, &timeline, &at)
        })?;
        self.partnership(id)
    }

    /// Adds a dated note to a live partnership's timeline.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn add_partnership_note(&mut self, id: &str, text: &str) -> Result<Partnership> {
        self.with_tx(|tx| {
            let (rid, p) = live_partnership(tx, id)?;
            let (at, at_dt) = instant()?;
            let mut timeline = p.timeline;
            timeline.push(TimelineEntry {
                at: at_dt,
                fact: TimelineFact::Note {
                    text: text.to_owned(),
                },
            });
            append_timeline(tx, rid, &timeline, &at)
        })?;
        self.partnership(id)
    }

    /// Marks next action number `index` (from 0) done and records it on the
    /// timeline.
    ///
    /// # Errors
    /// `NotFound` for the partnership or the action (`entity` "action");
    /// `Rule` when it is already done; a storage error.
    pub fn complete_partnership_action(&mut self, id: &str, index: usize) -> Result<Partnership> {
        self.with_tx(|tx| {
            let (rid, p) = live_partnership(tx, id)?;
            let mut actions = p.next_actions;
            let Some(action) = actions.get_mut(index) else {
                return Err(StoreError::NotFound {
                    entity: Entity::Action,
                    id: (index + 1).to_string(),
                });
            };
            if action.done {
                return Err(StoreError::Rule(tisserand_domain::FieldError::new(
                    format!("nextActions.{index}.done"),
                    format!("L'action « {} » est déjà faite.", action.text),
                    format!("Action \"{}\" is already done.", action.text),
                )));
            }
            action.done = true;
            let (at, at_dt) = instant()?;
            let mut timeline = p.timeline;
            timeline.push(action_done_entry(action, at_dt));
            tx.prepare_cached(
                "UPDATE partnerships SET next_actions = ?2, next_due_on = ?3 WHERE rid = ?1",
            )?
            .execute(params![rid, to_json(&actions)?, next_due_on(&actions)])?;
            append_timeline(tx, rid, &timeline, &at)
        })?;
        self.partnership(id)
    }

    /// Undoes [`Store::complete_partnership_action`]: next action `index`
    /// is to do again, and the timeline's entry saying it was done goes when
    /// it is the last one (an undo right after); otherwise it stays, as the
    /// history of what was said.
    ///
    /// # Errors
    /// `NotFound`; `Rule` when it is not done; a storage error.
    pub fn reopen_partnership_action(&mut self, id: &str, index: usize) -> Result<Partnership> {
        self.with_tx(|tx| {
            let (rid, p) = live_partnership(tx, id)?;
            let mut actions = p.next_actions;
            let Some(action) = actions.get_mut(index) else {
                return Err(StoreError::NotFound {
                    entity: Entity::Action,
                    id: (index + 1).to_string(),
                });
            };
            if !action.done {
                return Err(StoreError::Rule(tisserand_domain::FieldError::new(
                    format!("nextActions.{index}.done"),
                    format!("L'action « {} » n'est pas faite.", action.text),
                    format!("Action \"{}\" is not done.", action.text),
                )));
            }
            action.done = false;
            let mut timeline = p.timeline;
            let said_done = matches!(
                timeline.last().map(|e| &e.fact),
                Some(TimelineFact::ActionDone { action: text, .. }) if *text == action.text
            );
            if said_done {
                timeline.pop();
            }
            tx.prepare_cached(
                "UPDATE partnerships SET next_actions = ?2, next_due_on = ?3 WHERE rid = ?1",
            )?
            .execute(params![rid, to_json(&actions)?, next_due_on(&actions)])?;
            let (at, _) = instant()?;
            append_timeline(tx, rid, &timeline, &at)
        })?;
        self.partnership(id)
    }

    /// Records a value of indicator number `index` (from 0) on `on` (today
    /// when `None`), keeping measures in date order, and notes it on the
    /// timeline.
    ///
    /// # Errors
    /// `NotFound` for the partnership or the indicator (`entity`
    /// "indicator"); `Conflict` when `expected_version` is given and the
    /// partnership has moved on (the indicators may have been reordered);
    /// `Rule` for a value that is not a plausible number; a storage error.
    pub fn record_partnership_measure(
        &mut self,
        id: &str,
        expected_version: Option<u32>,
        index: usize,
        on: Option<chrono::NaiveDate>,
        value: f64,
    ) -> Result<Partnership> {
        self.with_tx(|tx| {
            let (rid, p) = live_partnership(tx, id)?;
            if let Some(expected) = expected_version.filter(|v| *v != p.version) {
                return Err(StoreError::Conflict {
                    entity: Entity::Partnership,
                    id: id.to_owned(),
                    expected,
                    found: p.version,
                });
            }
            if !value.is_finite() || value.abs() > tisserand_domain::partnership::INDICATOR_MAX {
                return Err(StoreError::Rule(tisserand_domain::FieldError::new(
                    "value",
                    "Valeur invraisemblable : écrivez un nombre (mille milliards au plus).",
                    "Implausible value: write a number (at most a trillion).",
                )));
            }
            let mut indicators = p.indicators;
            let Some(indicator) = indicators.get_mut(index) else {
                return Err(StoreError::NotFound {
                    entity: Entity::Indicator,
                    id: (index + 1).to_string(),
                });
            };
            let (at, at_dt) = instant()?;
            let on = on.unwrap_or_else(|| at_dt.date_naive());
            indicator
                .measures
                .push(tisserand_domain::Measure { on, value });
            indicator.measures.sort_by_key(|m| m.on);
            let mut timeline = p.timeline;
            timeline.push(TimelineEntry {
                at: at_dt,
                fact: TimelineFact::Measure {
                    indicator: indicator.name.clone(),
                    value,
                    unit: indicator.unit.clone(),
                    on,
                },
            });
            tx.prepare_cached("UPDATE partnerships SET indicators = ?2 WHERE rid = ?1")?
                .execute(params![rid, to_json(&indicators)?])?;
            append_timeline(tx, rid, &timeline, &at)
        })?;
        self.partnership(id)
    }

    /// Soft-deletes a partnership.
    ///
    /// # Errors
    /// `NotFound` when there is no live partnership `id`.
    pub fn delete_partnership(&mut self, id: &str) -> Result<()> {
        self.with_tx(|tx| {
            let (rid, _) = live_partnership(tx, id)?;
            tx.execute(
                "UPDATE partnerships SET deleted_at = ?2, updated_at = ?2, version = version + 1 WHERE rid = ?1",
                params![rid, now()],
            )?;
            Ok(())
        })
    }

    /// Undoes a soft delete, provided its parties are still live actors.
    ///
    /// # Errors
    /// `NotFound` when there is no deleted partnership `id`, or a party's
    /// actor was deleted meanwhile; a storage error.
    pub fn restore_partnership(&mut self, id: &str) -> Result<()> {
        self.with_tx(|tx| {
            let found: Option<(i64, String)> = tx
                .query_row(
                    "SELECT rid, parties FROM partnerships WHERE id = ?1 AND deleted_at IS NOT NULL",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (rid, parties) = found.ok_or_else(|| StoreError::NotFound {
                entity: Entity::Partnership,
                id: id.to_owned(),
            })?;
            let parties: Vec<Party> = json(&parties)?;
            for party in &parties {
                live_actor_rid(tx, &party.actor_id)?;
            }
            tx.execute(
                "UPDATE partnerships SET deleted_at = NULL, updated_at = ?2, version = version + 1 WHERE rid = ?1",
                params![rid, now()],
            )?;
            Ok(())
        })
    }

    /// A live partnership.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn partnership(&self, id: &str) -> Result<Partnership> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM partnerships p WHERE p.id = ?1 AND p.deleted_at IS NULL"
            ))?
            .query_row([id], partnership_from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                entity: Entity::Partnership,
                id: id.to_owned(),
            })
    }

    /// The parties of `parties` with their actors' names (deleted actors
    /// included, so history still reads).
    ///
    /// # Errors
    /// A storage error.
    pub fn party_summaries(&self, parties: &[Party]) -> Result<Vec<PartySummary>> {
        let ids: Vec<&str> = parties.iter().map(|p| p.actor_id.as_str()).collect();
        let names = self.actor_names(&ids)?;
        Ok(crate::board::named(parties, &names))
    }

    /// Gives a partnership an earlier history: created at `created`, in its
    /// stage since `stage_since`, its timeline entries spread evenly between
    /// the two in their order. For bringing in partnerships that began before
    /// they were entered (the demo territory, imports).
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn backdate_partnership(
        &mut self,
        id: &str,
        created: chrono::DateTime<chrono::Utc>,
        stage_since: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        self.with_tx(|tx| {
            let (rid, mut p) = live_partnership(tx, id)?;
            let n = p.timeline.len();
            let span = stage_since - created;
            for (i, entry) in p.timeline.iter_mut().enumerate() {
                let step = if n > 1 { i32::try_from(i).unwrap_or(0) } else { 0 };
                let parts = if n > 1 { i32::try_from(n - 1).unwrap_or(1) } else { 1 };
                entry.at = created + span / parts * step;
            }
            let stamp = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            tx.execute(
                "UPDATE partnerships SET timeline = ?2, created_at = ?3, stage_changed_at = ?4, updated_at = ?4
                 WHERE rid = ?1",
                params![rid, to_json(&p.timeline)?, stamp(created), stamp(stage_since)],
            )?;
            Ok(())
        })
    }

    /// The titles of the live partnerships actor `actor_rid` is a party of.
    pub(crate) fn partnership_titles_of(
        tx: &rusqlite::Connection,
        actor_rid: i64,
    ) -> Result<Vec<String>> {
        Ok(tx
            .prepare_cached(
                "SELECT p.title FROM partnership_parties pp JOIN partnerships p ON p.rid = pp.partnership_rid
                 WHERE pp.actor_rid = ?1 AND p.deleted_at IS NULL ORDER BY p.sort_key",
            )?
            .query_map([actor_rid], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?)
    }
}

/// The action to show on a card: the earliest due among those not done,
/// else the first not done.
pub(crate) fn next_action(actions: &[NextAction]) -> Option<&NextAction> {
    let open = actions.iter().filter(|a| !a.done);
    open.clone()
        .filter(|a| a.due_on.is_some())
        .min_by_key(|a| a.due_on)
        .or_else(|| open.into_iter().next())
}

impl Store {
    /// The agreement text (preamble, free clauses) of a live partnership.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn partnership_agreement(&self, id: &str) -> Result<AgreementText> {
        let text: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT agreement FROM partnerships WHERE id = ?1 AND deleted_at IS NULL",
            )?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let text = text.ok_or_else(|| StoreError::NotFound {
            entity: Entity::Partnership,
            id: id.to_owned(),
        })?;
        Ok(json(&text)?)
    }

    /// Replaces the agreement text of a live partnership still at
    /// `expected_version`, noting it on the timeline.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` when the partnership changed since it was
    /// loaded; a storage error.
    pub fn set_partnership_agreement(
        &mut self,
        id: &str,
        expected_version: u32,
        text: &AgreementText,
    ) -> Result<Partnership> {
        self.with_tx(|tx| {
            let (rid, p) = live_partnership(tx, id)?;
            if p.version != expected_version {
                return Err(StoreError::Conflict {
                    entity: Entity::Partnership,
                    id: id.to_owned(),
                    expected: expected_version,
                    found: p.version,
                });
            }
            let (at, at_dt) = instant()?;
            tx.prepare_cached("UPDATE partnerships SET agreement = ?2 WHERE rid = ?1")?
                .execute(params![rid, to_json(text)?])?;
            let mut timeline = p.timeline;
            timeline.push(TimelineEntry {
                at: at_dt,
                fact: TimelineFact::AgreementEdited,
            });
            append_timeline(tx, rid, &timeline, &at)
        })?;
        self.partnership(id)
    }
}
