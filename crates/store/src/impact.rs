//! What the Impact figures are folded from: the few columns of every live
//! partnership with its places and facilitator, their parties' actors (kind,
//! first meeting at an event, first partnership) — kept in the read cache,
//! so another filter or a drill-down costs only the fold — and the meetings
//! held. The rules, filters included, live in `domain::impact::figures`.
//!
//! The cache follows writes row by row: temporary triggers (on this
//! connection only, never in the file) note in `temp.impact_touched` which
//! partnerships and actors each write touched, and the next read re-reads
//! just those. A commit by another connection (`PRAGMA data_version`), a new
//! day, a deletion of rows or a referential change reads everything again.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension};
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
type ImpactBase = (Arc<Vec<ImpactRow>>, Arc<HashMap<String, ImpactActor>>);

/// A row's sort key and rid: the order rows are kept in.
type RowKey = (String, i64);

/// Every live partnership as the figures read it (by sort key), and their
/// actors, as kept between reads.
pub(crate) struct ImpactCache {
    /// The day it was read on: whether a meeting was held depends on it.
    day: NaiveDate,
    /// `PRAGMA data_version` then: it moves when another connection commits.
    data_version: i64,
    rows: Arc<Vec<ImpactRow>>,
    /// Each row's sort key and rid, in the same order (the order of the
    /// full read, which decides the unit label written first).
    keys: Vec<RowKey>,
    actors: Arc<HashMap<String, ImpactActor>>,
}

/// What a write to each table touches, as an SQL `SELECT` of
/// `(what, rid)` over its row `R` (`OLD`, `NEW` or both): `p` a
/// partnership, `a` an actor, `*` everything (rare writes: hard deletions,
/// the referential).
const WATCHED: &[(&str, &[&str], &str)] = &[
    ("partnerships", &["INSERT", "UPDATE"],
        "SELECT 'p', R.rid UNION ALL SELECT 'a', actor_rid FROM partnership_parties WHERE partnership_rid = R.rid"),
    ("partnerships", &["DELETE"], "SELECT '*', 0"),
    ("partnership_parties", &["INSERT", "UPDATE", "DELETE"],
        "SELECT 'p', R.partnership_rid UNION ALL SELECT 'a', R.actor_rid"),
    ("partnership_communes", &["INSERT", "UPDATE", "DELETE"], "SELECT 'p', R.partnership_rid"),
    ("actors", &["UPDATE OF kind"], "SELECT 'a', R.rid"),
    ("actors", &["DELETE"], "SELECT '*', 0"),
    ("events", &["UPDATE"], "SELECT 'a', actor_rid FROM event_participants WHERE event_rid = R.rid"),
    ("events", &["DELETE"], "SELECT '*', 0"),
    ("event_participants", &["UPDATE", "DELETE"], "SELECT 'a', R.actor_rid"),
    ("event_meetings", &["INSERT", "UPDATE", "DELETE"],
        "SELECT 'p', R.partnership_rid WHERE R.partnership_rid IS NOT NULL
         UNION ALL SELECT 'a', actor_rid FROM event_participants WHERE rid IN (R.seated_rid, R.visitor_rid)"),
    ("communes", &["INSERT", "UPDATE", "DELETE"], "SELECT '*', 0"),
];

/// Above this many partnerships touched, one full read is cheaper.
const REREAD_ALL_ABOVE: usize = 2_000;

/// Creates `temp.impact_touched` and the triggers that fill it; on this
/// connection only (temporary objects never reach the file or a backup).
pub(crate) fn watch_writes(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    let mut sql = String::from(
        "CREATE TEMP TABLE IF NOT EXISTS impact_touched (
            what TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (what, rid)) WITHOUT ROWID;\n",
    );
    for (n, (table, events, touched)) in WATCHED.iter().enumerate() {
        for event in *events {
            let rows: &[&str] = match *event {
                "INSERT" => &["NEW"],
                "DELETE" => &["OLD"],
                _ => &["OLD", "NEW"],
            };
            let name = event.split(' ').next().unwrap_or_default().to_lowercase();
            let body: String = rows
                .iter()
                .map(|r| {
                    format!(
                        "INSERT OR IGNORE INTO temp.impact_touched (what, rid) {};\n",
                        touched.replace("R.", &format!("{r}."))
                    )
                })
                .collect();
            sql.push_str(&format!(
                "CREATE TEMP TRIGGER IF NOT EXISTS impact_{table}_{name}_{n} AFTER {event} ON main.{table}
                 BEGIN {body} END;\n"
            ));
        }
    }
    conn.execute_batch(&sql)
}

/// What writes touched since the last read of the Impact base.
#[derive(Default)]
struct Touched {
    all: bool,
    partnerships: Vec<i64>,
    actors: Vec<i64>,
}

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

/// A JSON array of rids, for `json_each`.
fn rid_list(rids: &[i64]) -> String {
    serde_json::to_string(rids).unwrap_or_else(|_| "[]".to_owned())
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

    /// What writes touched since the last call, forgotten as it is read.
    fn take_touched(&self) -> Result<Touched> {
        let mut touched = Touched::default();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT what, rid FROM temp.impact_touched")?;
        let mut found = stmt.query([])?;
        let mut any = false;
        while let Some(r) = found.next()? {
            any = true;
            let rid: i64 = r.get(1)?;
            match r.get_ref(0)?.as_str().unwrap_or("*") {
                "p" => touched.partnerships.push(rid),
                "a" => touched.actors.push(rid),
                _ => touched.all = true,
            }
        }
        if any {
            self.conn
                .prepare_cached("DELETE FROM temp.impact_touched")?
                .execute([])?;
        }
        Ok(touched)
    }

    /// Every live partnership as the figures read it, and their actors:
    /// from the cache, with the rows and actors written since read again.
    fn impact_base(&self, today: NaiveDate) -> Result<ImpactBase> {
        let data_version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        let touched = self.take_touched()?;
        let kept = self.cache.borrow_mut().impact.take().filter(|c| {
            c.day == today
                && c.data_version == data_version
                && !touched.all
                && touched.partnerships.len() <= REREAD_ALL_ABOVE
        });
        let cache = match kept {
            Some(mut cache) => {
                self.reread_rows(&mut cache, &touched.partnerships)?;
                self.reread_actors(&mut cache, &touched.actors, today)?;
                cache
            }
            None => {
                let (rows, keys) = self.read_rows(None)?;
                ImpactCache {
                    day: today,
                    data_version,
                    rows: Arc::new(rows),
                    keys,
                    actors: Arc::new(self.impact_actors(None, today)?),
                }
            }
        };
        let base = (cache.rows.clone(), cache.actors.clone());
        self.cache.borrow_mut().impact = Some(cache);
        Ok(base)
    }

    /// The live partnerships among `rids` (all when `None`) as the figures
    /// read them, by sort key, with each one's sort key and rid.
    fn read_rows(&self, rids: Option<&[i64]>) -> Result<(Vec<ImpactRow>, Vec<RowKey>)> {
        let only = if rids.is_some() {
            "AND p.rid IN (SELECT value FROM json_each(?1))"
        } else {
            ""
        };
        let sql = format!(
            "SELECT p.id, p.stage, p.primary_mode, p.created_at, p.stage_changed_at, p.timeline,
                p.parties, p.contributions, p.indicators, p.evaluations,
                EXISTS (SELECT 1 FROM event_meetings m WHERE m.partnership_rid = p.rid),
                p.facilitator, p.sort_key, p.rid
             FROM partnerships p WHERE p.deleted_at IS NULL {only} ORDER BY p.sort_key, p.rid"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let read = |r: &rusqlite::Row<'_>| Ok((impact_row(r)?, (r.get(12)?, r.get(13)?)));
        let found = match rids {
            Some(rids) => stmt.query_map([rid_list(rids)], read)?,
            None => stmt.query_map([], read)?,
        };
        let (mut rows, keys): (Vec<ImpactRow>, Vec<RowKey>) = found
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .unzip();
        self.impact_places(&mut rows, rids)?;
        Ok((rows, keys))
    }

    /// Reads the partnerships `rids` again into `cache`: out when no
    /// longer live, in at their place by sort key.
    fn reread_rows(&self, cache: &mut ImpactCache, rids: &[i64]) -> Result<()> {
        if rids.is_empty() {
            return Ok(());
        }
        let (fresh, fresh_keys) = self.read_rows(Some(rids))?;
        let gone: std::collections::HashSet<i64> = rids.iter().copied().collect();
        let rows = Arc::make_mut(&mut cache.rows);
        let mut kept = cache.keys.iter().map(|(_, rid)| !gone.contains(rid));
        rows.retain(|_| kept.next().unwrap_or(false));
        cache.keys.retain(|(_, rid)| !gone.contains(rid));
        for (row, key) in fresh.into_iter().zip(fresh_keys) {
            let at = cache.keys.binary_search(&key).unwrap_or_else(|at| at);
            cache.keys.insert(at, key);
            rows.insert(at, row);
        }
        Ok(())
    }

    /// Reads the actors `rids` again into `cache` (out when no longer party
    /// to a live partnership).
    fn reread_actors(&self, cache: &mut ImpactCache, rids: &[i64], today: NaiveDate) -> Result<()> {
        if rids.is_empty() {
            return Ok(());
        }
        let list = rid_list(rids);
        let actors = Arc::make_mut(&mut cache.actors);
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM actors WHERE rid IN (SELECT value FROM json_each(?1))",
        )?;
        for id in stmt.query_map([&list], |r| r.get::<_, String>(0))? {
            actors.remove(&id?);
        }
        actors.extend(self.impact_actors(Some(&list), today)?);
        Ok(())
    }

    /// Each row's communes, their départements and EPCIs, in one read of
    /// the partnerships' territories.
    /// Among the partnerships `rids` when given.
    fn impact_places(&self, rows: &mut [ImpactRow], rids: Option<&[i64]>) -> Result<()> {
        let at: HashMap<String, usize> = rows
            .iter()
            .enumerate()
            .map(|(n, r)| (r.id.clone(), n))
            .collect();
        let only = if rids.is_some() {
            "AND pc.partnership_rid IN (SELECT value FROM json_each(?1))"
        } else {
            ""
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT p.id, pc.commune_insee, pc.departement_code, c.epci_code
             FROM partnership_communes pc JOIN partnerships p ON p.rid = pc.partnership_rid
             LEFT JOIN communes c ON c.insee = pc.commune_insee
             WHERE p.deleted_at IS NULL {only}"
        ))?;
        let mut found = match rids {
            Some(rids) => stmt.query([rid_list(rids)])?,
            None => stmt.query([])?,
        };
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
    /// an event, and (for those met) the day of their first live
    /// partnership; only those of the JSON list of rids `only` when given.
    fn impact_actors(
        &self,
        only: Option<&str>,
        today: NaiveDate,
    ) -> Result<HashMap<String, ImpactActor>> {
        // A party to a live partnership: all of them read at once, a few
        // looked up one by one.
        let (met_among, actors) = match only {
            Some(_) => (
                "AND ep.actor_rid IN (SELECT value FROM json_each(?2))",
                "a.rid IN (SELECT value FROM json_each(?2)) AND EXISTS (SELECT 1 FROM partnership_parties pp
                    JOIN partnerships p ON p.rid = pp.partnership_rid
                    WHERE pp.actor_rid = a.rid AND p.deleted_at IS NULL)",
            ),
            None => (
                "",
                "a.rid IN (SELECT pp.actor_rid FROM partnership_parties pp
                    JOIN partnerships p ON p.rid = pp.partnership_rid WHERE p.deleted_at IS NULL)",
            ),
        };
        let query = format!(
            "WITH met(actor_rid, day) AS (
                SELECT ep.actor_rid, e.date FROM event_meetings m JOIN events e ON e.rid = m.event_rid
                    JOIN event_participants ep ON ep.rid = m.seated_rid WHERE {HELD} {met_among}
                UNION ALL
                SELECT ep.actor_rid, e.date FROM event_meetings m JOIN events e ON e.rid = m.event_rid
                    JOIN event_participants ep ON ep.rid = m.visitor_rid WHERE {HELD} {met_among}),
             first_met AS MATERIALIZED (SELECT actor_rid, min(day) AS day FROM met GROUP BY actor_rid)
             SELECT a.id, a.kind, fm.day,
                CASE WHEN fm.day IS NULL THEN NULL ELSE (
                    SELECT min(p2.created_at) FROM partnership_parties pp2
                    JOIN partnerships p2 ON p2.rid = pp2.partnership_rid
                    WHERE pp2.actor_rid = a.rid AND p2.deleted_at IS NULL) END
             FROM actors a LEFT JOIN first_met fm ON fm.actor_rid = a.rid
             WHERE {actors}"
        );
        let mut stmt = self.conn.prepare_cached(&query)?;
        let day = today.format("%Y-%m-%d").to_string();
        let read = |r: &rusqlite::Row<'_>| {
            Ok((
                r.get::<_, String>(0)?,
                ImpactActor {
                    kind: code_from(&r.get::<_, String>(1)?)?,
                    first_met_on: date_of(r.get(2)?),
                    first_partnership_on: date_of(r.get(3)?),
                },
            ))
        };
        let rows = match only {
            Some(list) => stmt.query_map(params![day, list], read)?,
            None => stmt.query_map([day], read)?,
        };
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
