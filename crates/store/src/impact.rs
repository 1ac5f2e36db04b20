//! What the Impact figures are folded from: the few columns of the live
//! partnerships in scope by place, mode and facilitator, their parties'
//! actors (kind, first meeting at an event, first partnership), and the
//! meetings held. The rules live in `domain::impact::figures`.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension};
use serde::Deserialize;
use tisserand_domain::impact::{
    evaluation_state, signed_on, ImpactActor, ImpactData, ImpactFilters, ImpactRow,
    PartyEvaluation, SIGNED_STAGES,
};
use tisserand_domain::text::fold;
use tisserand_domain::{ContributionKind, PartnershipSummary, Party, Stage};

use crate::actor::timestamp;
use crate::partnership::{code_from, json};
use crate::{Result, Store};

/// A `WHERE` clause and its positional arguments.
struct Clause {
    sql: Vec<String>,
    args: Vec<Value>,
}

impl Clause {
    fn push(&mut self, sql: &str, value: impl Into<String>) {
        self.args.push(Value::Text(value.into()));
        self.sql
            .push(sql.replace("?N", &format!("?{}", self.args.len())));
    }
    fn text(&self) -> String {
        self.sql.join(" AND ")
    }
}

fn present(s: Option<&String>) -> Option<&str> {
    s.map(|s| s.trim()).filter(|s| !s.is_empty())
}

/// The live partnerships matching the place, mode and facilitator filters.
fn partnership_clause(f: &ImpactFilters) -> Clause {
    let mut c = Clause {
        sql: vec!["p.deleted_at IS NULL".to_owned()],
        args: Vec::new(),
    };
    if let Some(code) = present(f.commune.as_ref()) {
        c.push(
            "p.rid IN (SELECT partnership_rid FROM partnership_communes WHERE commune_insee = ?N)",
            code,
        );
    }
    if let Some(code) = present(f.departement.as_ref()) {
        c.push("p.rid IN (SELECT partnership_rid FROM partnership_communes WHERE departement_code = ?N)", code);
    }
    if let Some(code) = present(f.epci.as_ref()) {
        c.push(
            "p.rid IN (SELECT pc.partnership_rid FROM partnership_communes pc
                JOIN communes c ON c.insee = pc.commune_insee WHERE c.epci_code = ?N)",
            code,
        );
    }
    if let Some(mode) = f.mode {
        c.push("p.primary_mode = ?N", mode.code());
    }
    if let Some(who) = present(f.facilitator.as_ref()) {
        c.push("fold(coalesce(p.facilitator, '')) = ?N", fold(who));
    }
    c
}

/// A meeting was held when its round has started, once the event's day has
/// come, or when someone ticked it (as the event report counts them);
/// `?1` is the caller's today.
const HELD: &str = "e.deleted_at IS NULL AND (m.round <= e.played_rounds OR e.date <= ?1 OR m.seated_tick OR m.visitor_tick)";

/// A timeline entry, read only as far as the signature needs.
#[derive(Deserialize)]
struct Move {
    at: String,
    kind: String,
    #[serde(default)]
    to: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Given {
    kind: ContributionKind,
    #[serde(default)]
    value_cents: i64,
    #[serde(default)]
    minutes: i64,
}

/// The stages a timeline shows the partnership reaching, with when; only
/// signed stages are kept (the rest does not change the signature).
fn signing_moves(timeline: &str) -> rusqlite::Result<Vec<(chrono::DateTime<chrono::Utc>, Stage)>> {
    let moves: Vec<Move> = json(timeline)?;
    let mut out = Vec::new();
    for m in moves {
        if m.kind != "stage" && m.kind != "reopened" {
            continue;
        }
        let Some(stage) =
            m.to.as_ref()
                .and_then(|v| v.as_str())
                .and_then(Stage::parse)
        else {
            continue;
        };
        if SIGNED_STAGES.contains(&stage) {
            out.push((timestamp(&m.at)?, stage));
        }
    }
    Ok(out)
}

/// The UTC day of a stored RFC 3339 instant.
fn day_of(stamp: &str) -> rusqlite::Result<NaiveDate> {
    Ok(timestamp(stamp)?.date_naive())
}

fn impact_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ImpactRow> {
    let stage: Stage = code_from(&r.get::<_, String>(1)?)?;
    let mode: Option<String> = r.get(2)?;
    let changed = timestamp(&r.get::<_, String>(4)?)?;
    let parties: Vec<Party> = json(&r.get::<_, String>(6)?)?;
    let given: Vec<Given> = json(&r.get::<_, String>(7)?)?;
    let evaluations: Vec<PartyEvaluation> = json(&r.get::<_, String>(9)?)?;
    Ok(ImpactRow {
        id: r.get(0)?,
        stage,
        mode: mode.as_deref().map(code_from).transpose()?,
        started_on: day_of(&r.get::<_, String>(3)?)?,
        stage_since: changed.date_naive(),
        signed_on: signed_on(signing_moves(&r.get::<_, String>(5)?)?, stage, changed),
        lead: r.get(10)?,
        evaluation: evaluation_state(&parties, &evaluations),
        parties: parties.into_iter().map(|p| p.actor_id).collect(),
        contributions: given
            .into_iter()
            .map(|g| (g.kind, g.value_cents, g.minutes))
            .collect(),
        indicators: json(&r.get::<_, String>(8)?)?,
    })
}

fn date_of(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(t.get(..10).unwrap_or(&t), "%Y-%m-%d").ok())
}

impl Store {
    /// What the Impact figures for `f` are folded from, on the caller's
    /// `today` (which decides whether an event's meetings were held).
    ///
    /// # Errors
    /// A storage error.
    pub fn impact_data(&self, f: &ImpactFilters, today: NaiveDate) -> Result<ImpactData> {
        let c = partnership_clause(f);
        let rows = self
            .conn
            .prepare_cached(&format!(
                "SELECT p.id, p.stage, p.primary_mode, p.created_at, p.stage_changed_at, p.timeline,
                    p.parties, p.contributions, p.indicators, p.evaluations,
                    EXISTS (SELECT 1 FROM event_meetings m WHERE m.partnership_rid = p.rid)
                 FROM partnerships p WHERE {} ORDER BY p.sort_key",
                c.text()
            ))?
            .query_map(params_from_iter(&c.args), impact_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ImpactData {
            rows,
            actors: self.impact_actors(&c, today)?,
            meetings: self.impact_meetings(f, today)?,
        })
    }

    /// The actors party to the partnerships of `c`: kind, first meeting held
    /// at an event, and (for those met) the day of their first live partnership.
    fn impact_actors(&self, c: &Clause, today: NaiveDate) -> Result<HashMap<String, ImpactActor>> {
        let mut args = vec![Value::Text(today.format("%Y-%m-%d").to_string())];
        args.extend(c.args.iter().cloned());
        // The partnership clause's ?k become ?(k+1) after today's ?1.
        let mut sql = c.text();
        for k in (1..=c.args.len()).rev() {
            sql = sql.replace(&format!("?{k}"), &format!("?{}", k + 1));
        }
        let query = format!(
            "WITH met(actor_rid, day) AS (
                SELECT ep.actor_rid, e.date FROM event_meetings m JOIN events e ON e.rid = m.event_rid
                    JOIN event_participants ep ON ep.rid = m.seated_rid WHERE {HELD}
                UNION ALL
                SELECT ep.actor_rid, e.date FROM event_meetings m JOIN events e ON e.rid = m.event_rid
                    JOIN event_participants ep ON ep.rid = m.visitor_rid WHERE {HELD}),
             first_met AS MATERIALIZED (SELECT actor_rid, min(day) AS day FROM met GROUP BY actor_rid)
             SELECT a.id, a.kind, fm.day,
                CASE WHEN fm.day IS NULL THEN NULL ELSE (
                    SELECT min(p2.created_at) FROM partnership_parties pp2
                    JOIN partnerships p2 ON p2.rid = pp2.partnership_rid
                    WHERE pp2.actor_rid = a.rid AND p2.deleted_at IS NULL) END
             FROM actors a LEFT JOIN first_met fm ON fm.actor_rid = a.rid
             WHERE a.rid IN (SELECT pp.actor_rid FROM partnership_parties pp
                JOIN partnerships p ON p.rid = pp.partnership_rid WHERE {sql})"
        );
        let mut stmt = self.conn.prepare_cached(&query)?;
        let rows = stmt.query_map(params_from_iter(&args), |r| {
            Ok((
                r.get::<_, String>(0)?,
                ImpactActor {
                    kind: code_from(&r.get::<_, String>(1)?)?,
                    first_met_on: date_of(r.get(2)?),
                    first_partnership_on: date_of(r.get(3)?),
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Meetings held at live events dated in the period, between actors of
    /// whom one at least is in the place filtered (mode, theme and
    /// facilitator do not apply to meetings).
    fn impact_meetings(&self, f: &ImpactFilters, today: NaiveDate) -> Result<u32> {
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let mut c = Clause {
            sql: vec![HELD.to_owned()],
            args: vec![Value::Text(day(today))],
        };
        if let Some(from) = f.from {
            c.push("e.date >= ?N", day(from));
        }
        if let Some(to) = f.to {
            c.push("e.date <= ?N", day(to));
        }
        let place = [
            (present(f.commune.as_ref()), "a.commune_insee = ?N"),
            (present(f.departement.as_ref()), "a.departement_code = ?N"),
            (
                present(f.epci.as_ref()),
                "a.commune_insee IN (SELECT insee FROM communes WHERE epci_code = ?N)",
            ),
        ];
        for (code, test) in place {
            if let Some(code) = code {
                c.push(
                    &format!(
                        "EXISTS (SELECT 1 FROM event_participants ep JOIN actors a ON a.rid = ep.actor_rid
                            WHERE ep.rid IN (m.seated_rid, m.visitor_rid) AND {test})"
                    ),
                    code,
                );
            }
        }
        let n: i64 = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM event_meetings m JOIN events e ON e.rid = m.event_rid WHERE {}",
                c.text()
            ),
            params_from_iter(&c.args),
            |r| r.get(0),
        )?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// The summaries of the live partnerships `ids`, by title.
    ///
    /// # Errors
    /// A storage error.
    pub fn partnership_summaries(&self, ids: &[String]) -> Result<Vec<PartnershipSummary>> {
        let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned());
        self.summaries(
            "WHERE p.deleted_at IS NULL AND p.id IN (SELECT value FROM json_each(?1)) ORDER BY p.sort_key",
            &[Value::Text(list)],
        )
    }

    /// Whether a commune, département or EPCI code is in the referential.
    ///
    /// # Errors
    /// A storage error.
    pub fn area_known(&self, area: Area, code: &str) -> Result<bool> {
        Ok(self.area_name(area, code)?.is_some())
    }

    /// The name of a commune, département or EPCI of the referential.
    ///
    /// # Errors
    /// A storage error.
    pub fn area_name(&self, area: Area, code: &str) -> Result<Option<String>> {
        let sql = match area {
            Area::Commune => "SELECT name FROM communes WHERE insee = ?1",
            Area::Departement => "SELECT name FROM departements WHERE code = ?1",
            Area::Epci => "SELECT name FROM epcis WHERE code = ?1",
        };
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row([code], |r| r.get(0))
            .optional()?)
    }

    /// Among the actors `ids`, the live ones that agreed to be named as
    /// partners in publications: name, kind and commune name, by name.
    ///
    /// # Errors
    /// A storage error.
    pub fn named_partners(&self, ids: &[String]) -> Result<Vec<NamedActor>> {
        let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned());
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.name, a.kind, c.name FROM actors a
             LEFT JOIN communes c ON c.insee = a.commune_insee
             WHERE a.deleted_at IS NULL AND a.named_partner_since IS NOT NULL
               AND a.id IN (SELECT value FROM json_each(?1))
             ORDER BY a.sort_key, a.id",
        )?;
        let rows = stmt.query_map([list], |r| {
            Ok(NamedActor {
                name: r.get(0)?,
                kind: code_from(&r.get::<_, String>(1)?)?,
                commune: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// An actor that agreed to be named as a partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedActor {
    pub name: String,
    pub kind: tisserand_domain::ActorKind,
    /// Its commune's name, when known.
    pub commune: Option<String>,
}

/// An area of the referential a filter can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Commune,
    Departement,
    Epci,
}
