//! What the Impact figures are folded from: the few columns of every live
//! partnership with its places and facilitator, their parties' actors (kind,
//! first meeting at an event, first partnership) — kept in the read cache
//! until the next write, so another filter or a drill-down costs only the
//! fold — and the meetings held. The rules, filters included, live in
//! `domain::impact::figures`.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension};
use serde::Deserialize;
use tisserand_domain::impact::{
    evaluation_state, signed_on, unit_key, ImpactActor, ImpactData, ImpactFilters, ImpactPlace,
    ImpactRow, PartyEvaluation, SIGNED_STAGES,
};
use tisserand_domain::text::fold;
use tisserand_domain::{ContributionKind, PartnershipSummary, Party, Stage};

use crate::actor::timestamp;
use crate::partnership::{code_from, json};
use crate::{Result, Store};

/// Every live partnership as the figures read it, and their actors.
pub(crate) type ImpactBase = (Arc<Vec<ImpactRow>>, Arc<HashMap<String, ImpactActor>>);

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
    let indicators: Vec<tisserand_domain::Indicator> = json(&r.get::<_, String>(8)?)?;
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
        unit_keys: indicators
            .iter()
            .map(|i| unit_key(i.unit.as_deref()))
            .collect(),
        indicators,
        place: ImpactPlace {
            facilitator: r
                .get::<_, Option<String>>(11)?
                .map(|f| fold(f.trim()))
                .unwrap_or_default(),
            ..ImpactPlace::default()
        },
    })
}

fn date_of(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(t.get(..10).unwrap_or(&t), "%Y-%m-%d").ok())
}

impl Store {
    /// What the Impact figures for `f` are folded from, on the caller's
    /// `today` (which decides whether an event's meetings were held): every
    /// live partnership and their actors — read once and kept until the
    /// next write, as the filters apply in the fold — and the meetings held
    /// in the period and place.
    ///
    /// # Errors
    /// A storage error.
    pub fn impact_data(&self, f: &ImpactFilters, today: NaiveDate) -> Result<ImpactData> {
        let (rows, actors) = self.impact_base(today)?;
        Ok(ImpactData {
            rows,
            actors,
            meetings: self.impact_meetings(f, today)?,
        })
    }

    /// Every live partnership as the figures read it, and their actors;
    /// from the cache when nothing was written since (on the same day).
    fn impact_base(&self, today: NaiveDate) -> Result<ImpactBase> {
        if let Some((day, base)) = &self.cache.borrow().impact {
            if *day == today {
                return Ok(base.clone());
            }
        }
        let rows = self
            .conn
            .prepare_cached(
                "SELECT p.id, p.stage, p.primary_mode, p.created_at, p.stage_changed_at, p.timeline,
                    p.parties, p.contributions, p.indicators, p.evaluations,
                    EXISTS (SELECT 1 FROM event_meetings m WHERE m.partnership_rid = p.rid),
                    p.facilitator
                 FROM partnerships p WHERE p.deleted_at IS NULL ORDER BY p.sort_key",
            )?
            .query_map([], impact_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut rows = rows;
        self.impact_places(&mut rows)?;
        let actors = self.impact_actors(today)?;
        let base = (Arc::new(rows), Arc::new(actors));
        self.cache.borrow_mut().impact = Some((today, base.clone()));
        Ok(base)
    }

    /// Each row's communes, their départements and EPCIs, in one read of
    /// the partnerships' territories.
    fn impact_places(&self, rows: &mut [ImpactRow]) -> Result<()> {
        let at: HashMap<String, usize> = rows
            .iter()
            .enumerate()
            .map(|(n, r)| (r.id.clone(), n))
            .collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, pc.commune_insee, pc.departement_code, c.epci_code
             FROM partnership_communes pc JOIN partnerships p ON p.rid = pc.partnership_rid
             LEFT JOIN communes c ON c.insee = pc.commune_insee
             WHERE p.deleted_at IS NULL",
        )?;
        let mut found = stmt.query([])?;
        while let Some(r) = found.next()? {
            let Some(&n) = at.get(&r.get::<_, String>(0)?) else {
                continue;
            };
            let place = &mut rows[n].place;
            place.communes.push(r.get(1)?);
            for (list, code) in [
                (&mut place.departements, r.get::<_, Option<String>>(2)?),
                (&mut place.epcis, r.get::<_, Option<String>>(3)?),
            ] {
                if let Some(code) = code.filter(|c| !list.contains(c)) {
                    list.push(code);
                }
            }
        }
        Ok(())
    }

    /// The actors party to a live partnership: kind, first meeting held at
    /// an event, and (for those met) the day of their first live partnership.
    fn impact_actors(&self, today: NaiveDate) -> Result<HashMap<String, ImpactActor>> {
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
                JOIN partnerships p ON p.rid = pp.partnership_rid WHERE p.deleted_at IS NULL)"
        );
        let mut stmt = self.conn.prepare_cached(&query)?;
        let rows = stmt.query_map([today.format("%Y-%m-%d").to_string()], |r| {
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
