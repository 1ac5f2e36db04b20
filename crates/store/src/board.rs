//! The pipeline's reads: filters shared by the board, the list view and the
//! command line; the board (first cards of each stage and its count); a
//! sorted page; the overview's counts; essaimage links.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter};
use tisserand_domain::text::fold;
use tisserand_domain::{
    Board, BoardColumn, CountBy, MatrixCell, Modes, NextAction, Overview, PartnershipLink,
    PartnershipPage, PartnershipQuery, PartnershipSort, PartnershipSummary, Party, PartySummary,
    Stage,
};

use tisserand_domain::impact::{evaluation_state, unmeasured_cutoff, PartyEvaluation};

use crate::actor::timestamp;
use crate::partnership::{code_from, json, next_action};
use crate::{Result, Store};

/// A `WHERE` clause over `partnerships p` and its arguments.
struct Filter {
    sql: String,
    args: Vec<Value>,
}

impl Filter {
    fn arg(&mut self, v: impl Into<String>) -> usize {
        self.args.push(Value::Text(v.into()));
        self.args.len()
    }
}

fn present(s: Option<&String>) -> Option<&str> {
    s.map(|s| s.trim()).filter(|s| !s.is_empty())
}

/// Escapes `%`, `_` and `\` for `LIKE … ESCAPE '\'`.
fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

fn filter(q: &PartnershipQuery) -> Filter {
    let mut f = Filter {
        sql: String::new(),
        args: Vec::new(),
    };
    let mut clauses = vec!["p.deleted_at IS NULL".to_owned()];
    if let Some(stage) = q.stage {
        let n = f.arg(stage.code());
        clauses.push(format!("p.stage = ?{n}"));
    }
    if q.unclassified {
        clauses.push("p.primary_mode IS NULL".to_owned());
    } else if let Some(mode) = q.mode {
        let n = f.arg(mode.code());
        clauses.push(if q.primary_only {
            format!("p.primary_mode = ?{n}")
        } else {
            format!(
                "(p.primary_mode = ?{n} OR EXISTS (SELECT 1 FROM json_each(p.secondary_modes) WHERE value = ?{n}))"
            )
        });
    }
    if let Some(actor) = present(q.actor_id.as_ref()) {
        let n = f.arg(actor);
        clauses.push(format!(
            "p.rid IN (SELECT pp.partnership_rid FROM partnership_parties pp JOIN actors a ON a.rid = pp.actor_rid WHERE a.id = ?{n})"
        ));
    }
    if let Some(commune) = present(q.commune.as_ref()) {
        let n = f.arg(commune.to_uppercase());
        clauses.push(format!(
            "p.rid IN (SELECT partnership_rid FROM partnership_communes WHERE commune_insee = ?{n})"
        ));
    }
    if let Some(dep) = q.departement.as_ref().map(|d| d.trim()) {
        if dep.is_empty() {
            clauses.push(
                "NOT EXISTS (SELECT 1 FROM partnership_communes pc WHERE pc.partnership_rid = p.rid)"
                    .to_owned(),
            );
        } else {
            let n = f.arg(dep.to_uppercase());
            clauses.push(format!(
                "p.rid IN (SELECT partnership_rid FROM partnership_communes WHERE departement_code = ?{n})"
            ));
        }
    }
    if let Some(who) = q.facilitator.as_ref().map(|s| s.trim()) {
        let n = f.arg(fold(who));
        clauses.push(format!("fold(coalesce(p.facilitator, '')) = ?{n}"));
    }
    if let Some(tag) = present(q.tag.as_ref()) {
        let n = f.arg(fold(tag.trim_start_matches('#')));
        clauses.push(format!(
            "EXISTS (SELECT 1 FROM json_each(p.tags) WHERE fold(value) = ?{n})"
        ));
    }
    if q.overdue {
        clauses.push("p.next_due_on < date('now', 'localtime')".to_owned());
    }
    if q.unmeasured {
        unmeasured(q, &mut f, &mut clauses);
    }
    if let Some(text) = present(q.text.as_ref()) {
        for word in fold(text).split_whitespace() {
            let n = f.arg(format!("%{}%", like_escape(word)));
            clauses.push(format!("p.sort_key LIKE ?{n} ESCAPE '\\'"));
        }
    }
    f.sql = clauses.join(" AND ");
    f
}

/// « Sans mesure » : in « mise en œuvre » since before the query's cutoff
/// (`impact::unmeasured_cutoff`, on the caller's clock when the use case
/// set it) and no indicator measured, as `impact::is_unmeasured` says.
fn unmeasured(q: &PartnershipQuery, f: &mut Filter, clauses: &mut Vec<String>) {
    let cutoff = q
        .unmeasured_before
        .unwrap_or_else(|| unmeasured_cutoff(crate::clock()));
    let n = f.arg(cutoff.to_rfc3339_opts(chrono::SecondsFormat::Millis, true));
    clauses.push(format!(
        "p.stage = 'mise_en_oeuvre' AND p.stage_changed_at < ?{n} AND NOT ({MEASURED})"
    ));
}

/// Some indicator of `p` has a measure (SQL).
macro_rules! measured {
    () => {
        "EXISTS (SELECT 1 FROM json_each(p.indicators) i, json_each(i.value, '$.measures'))"
    };
}
const MEASURED: &str = measured!();

const STAGE_ORDER: &str = "CASE p.stage WHEN 'rencontre' THEN 0 WHEN 'exploration' THEN 1
    WHEN 'preparation' THEN 2 WHEN 'contractualisation' THEN 3 WHEN 'mise_en_oeuvre' THEN 4
    WHEN 'evaluation' THEN 5 WHEN 'essaimage' THEN 6 ELSE 7 END";

const MODE_ORDER: &str =
    "CASE p.primary_mode WHEN 'mecenat' THEN 0 WHEN 'cooperation_economique' THEN 1
    WHEN 'innovation_societale' THEN 2 WHEN 'pratiques_responsables' THEN 3 ELSE 4 END";

/// The `ORDER BY` of a sort; `descending` turns its first key around.
fn order_by(sort: PartnershipSort, descending: bool) -> String {
    let dir = |asc: bool| if asc != descending { "ASC" } else { "DESC" };
    match sort {
        PartnershipSort::Stage => format!("{STAGE_ORDER} {}, p.sort_key, p.rid", dir(true)),
        PartnershipSort::Title => format!("p.sort_key {}, p.rid", dir(true)),
        PartnershipSort::Mode => format!("{MODE_ORDER} {}, p.sort_key, p.rid", dir(true)),
        PartnershipSort::Facilitator => format!(
            "p.facilitator IS NULL, fold(p.facilitator) {}, p.sort_key, p.rid",
            dir(true)
        ),
        PartnershipSort::DaysInStage => {
            format!("p.stage_changed_at {}, p.sort_key, p.rid", dir(true))
        }
        PartnershipSort::NextDue => format!(
            "p.next_due_on IS NULL, p.next_due_on {}, p.sort_key, p.rid",
            dir(true)
        ),
        PartnershipSort::Updated => format!("p.updated_at {}, p.rid", dir(false)),
    }
}

const SUMMARY_COLUMNS: &str = concat!(
    "p.id, p.title, p.stage, p.primary_mode, p.secondary_modes, p.mecenat_kinds,
    p.parties, p.facilitator, p.next_actions, p.stage_changed_at, p.tags, p.updated_at, p.evaluations, ",
    measured!()
);

/// A summary row before its parties' names are known.
struct Row {
    summary: PartnershipSummary,
    parties: Vec<Party>,
}

fn summary_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let primary: Option<String> = r.get(3)?;
    let actions: Vec<NextAction> = json(&r.get::<_, String>(8)?)?;
    let parties: Vec<Party> = json(&r.get::<_, String>(6)?)?;
    let evaluations: Vec<PartyEvaluation> = json(&r.get::<_, String>(12)?)?;
    let evaluation = evaluation_state(&parties, &evaluations);
    Ok(Row {
        parties,
        summary: PartnershipSummary {
            id: r.get(0)?,
            title: r.get(1)?,
            stage: code_from(&r.get::<_, String>(2)?)?,
            modes: Modes {
                primary: primary.as_deref().map(code_from).transpose()?,
                secondary: json(&r.get::<_, String>(4)?)?,
                mecenat_kinds: json(&r.get::<_, String>(5)?)?,
            },
            parties: Vec::new(),
            facilitator: r.get(7)?,
            next_due_on: actions
                .iter()
                .filter(|a| !a.done)
                .filter_map(|a| a.due_on)
                .min(),
            next_action: next_action(&actions).map(|a| a.text.clone()),
            // Set by the use cases that know the caller's today.
            overdue: false,
            days_in_stage: 0,
            stage_changed_at: timestamp(&r.get::<_, String>(9)?)?,
            tags: json(&r.get::<_, String>(10)?)?,
            updated_at: timestamp(&r.get::<_, String>(11)?)?,
            evaluation,
            measured: r.get(13)?,
            // Set by the use cases that know the caller's today.
            unmeasured: false,
        },
    })
}

/// The parties with their actors' names; an unknown actor shows its id.
pub(crate) fn named(parties: &[Party], names: &HashMap<String, String>) -> Vec<PartySummary> {
    parties
        .iter()
        .map(|p| PartySummary {
            actor_name: names
                .get(&p.actor_id)
                .cloned()
                .unwrap_or_else(|| p.actor_id.clone()),
            actor_id: p.actor_id.clone(),
            role: p.role,
        })
        .collect()
}

fn u32_of(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Store {
    /// Runs `SELECT SUMMARY_COLUMNS … {tail}` and names the parties, with one
    /// query for every actor name the rows need.
    pub(crate) fn summaries(&self, tail: &str, args: &[Value]) -> Result<Vec<PartnershipSummary>> {
        let rows = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM partnerships p {tail}"
            ))?
            .query_map(params_from_iter(args), summary_row)?
            .collect::<rusqlite::Result<Vec<Row>>>()?;
        let ids: Vec<&str> = rows
            .iter()
            .flat_map(|r| r.parties.iter().map(|p| p.actor_id.as_str()))
            .collect();
        let names = self.actor_names(&ids)?;
        Ok(rows
            .into_iter()
            .map(|row| PartnershipSummary {
                parties: named(&row.parties, &names),
                ..row.summary
            })
            .collect())
    }

    /// The names of actors `ids` (deleted ones included, so history still
    /// reads), in one query.
    pub(crate) fn actor_names(&self, ids: &[&str]) -> Result<HashMap<String, String>> {
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, name FROM actors WHERE id IN (SELECT value FROM json_each(?1))",
            )?
            .query_map([serde_json::to_string(&ids).unwrap_or_default()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    fn count_partnerships(&self, f: &Filter) -> Result<u32> {
        let n: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM partnerships p WHERE {}",
                f.sql
            ))?
            .query_row(params_from_iter(&f.args), |r| r.get(0))?;
        Ok(u32_of(n))
    }

    /// Every live partnership matching `q`, by stage (the board's columns)
    /// then title: the command line's list.
    ///
    /// # Errors
    /// A storage error (an unknown actor filter matches nothing).
    pub fn list_partnerships(&self, q: &PartnershipQuery) -> Result<Vec<PartnershipSummary>> {
        let f = filter(q);
        self.summaries(
            &format!(
                "WHERE {} ORDER BY {}",
                f.sql,
                order_by(PartnershipSort::Stage, false)
            ),
            &f.args,
        )
    }

    /// The board for `q`: for each stage, its count and its first
    /// `per_column` cards by title. Reads only the cards shown, through the
    /// (stage, sort_key) index.
    ///
    /// # Errors
    /// A storage error.
    pub fn partnership_board(&self, q: &PartnershipQuery, per_column: u32) -> Result<Board> {
        let f = filter(q);
        let counts: HashMap<String, i64> = self
            .conn
            .prepare_cached(&format!(
                "SELECT p.stage, count(*) FROM partnerships p WHERE {} GROUP BY p.stage",
                f.sql
            ))?
            .query_map(params_from_iter(&f.args), |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut columns = Vec::new();
        for stage in Stage::ALL {
            let total = counts.get(stage.code()).copied().unwrap_or(0);
            let cards = if total > 0 && per_column > 0 {
                let mut args = f.args.clone();
                args.push(Value::Text(stage.code().to_owned()));
                let n = args.len();
                args.push(Value::Integer(i64::from(per_column)));
                self.summaries(
                    &format!(
                        "WHERE {} AND p.stage = ?{n} ORDER BY p.sort_key, p.rid LIMIT ?{}",
                        f.sql,
                        n + 1
                    ),
                    &args,
                )?
            } else {
                Vec::new()
            };
            columns.push(BoardColumn {
                stage,
                previous: stage.previous(),
                next: stage.next(),
                total: u32_of(total),
                cards,
            });
        }
        Ok(Board {
            total: columns.iter().map(|c| c.total).sum(),
            columns,
        })
    }

    /// One page of the list view: `limit` partnerships from `offset`, in
    /// `sort` order, and how many match in all.
    ///
    /// # Errors
    /// A storage error.
    pub fn partnership_page(
        &self,
        q: &PartnershipQuery,
        sort: PartnershipSort,
        descending: bool,
        offset: u32,
        limit: u32,
    ) -> Result<PartnershipPage> {
        let f = filter(q);
        let mut args = f.args.clone();
        let n = args.len();
        args.push(Value::Integer(i64::from(limit)));
        args.push(Value::Integer(i64::from(offset)));
        let items = self.summaries(
            &format!(
                "WHERE {} ORDER BY {} LIMIT ?{} OFFSET ?{}",
                f.sql,
                order_by(sort, descending),
                n + 1,
                n + 2
            ),
            &args,
        )?;
        Ok(PartnershipPage {
            items,
            total: self.count_partnerships(&f)?,
        })
    }

    /// Counts of every live partnership: mode × stage, by département, by
    /// facilitator, by tag, and how many are overdue.
    ///
    /// # Errors
    /// A storage error.
    pub fn partnership_overview(&self) -> Result<Overview> {
        let matrix = self
            .conn
            .prepare_cached(
                "SELECT primary_mode, stage, count(*) FROM partnerships
                 WHERE deleted_at IS NULL GROUP BY primary_mode, stage",
            )?
            .query_map([], |r| {
                let mode: Option<String> = r.get(0)?;
                Ok(MatrixCell {
                    mode: mode.as_deref().map(code_from).transpose()?,
                    stage: code_from(&r.get::<_, String>(1)?)?,
                    count: u32_of(r.get(2)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let counts = |sql: &str| -> Result<Vec<CountBy>> {
            Ok(self
                .conn
                .prepare_cached(sql)?
                .query_map([], |r| {
                    Ok(CountBy {
                        code: r.get(0)?,
                        label: r.get(1)?,
                        count: u32_of(r.get(2)?),
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?)
        };
        let mut by_departement = counts(
            "SELECT coalesce(pc.departement_code, '?'), coalesce(d.name, pc.departement_code, '?'),
                    count(DISTINCT p.rid)
             FROM partnerships p JOIN partnership_communes pc ON pc.partnership_rid = p.rid
             LEFT JOIN departements d ON d.code = pc.departement_code
             WHERE p.deleted_at IS NULL GROUP BY 1 ORDER BY 3 DESC, 2",
        )?;
        let nowhere = self.count_partnerships(&filter(&PartnershipQuery {
            departement: Some(String::new()),
            ..PartnershipQuery::default()
        }))?;
        if nowhere > 0 {
            by_departement.push(CountBy {
                code: String::new(),
                label: String::new(),
                count: nowhere,
            });
        }
        // Spellings that fold the same (« Élodie », « elodie ») count as one.
        let by_facilitator = counts(
            "SELECT min(coalesce(facilitator, '')), min(coalesce(facilitator, '')), count(*)
             FROM partnerships WHERE deleted_at IS NULL
             GROUP BY fold(coalesce(facilitator, ''))
             ORDER BY 3 DESC, fold(min(coalesce(facilitator, '')))",
        )?;
        let by_tag = counts(
            "SELECT min(t.value), min(t.value), count(DISTINCT p.rid) FROM partnerships p, json_each(p.tags) t
             WHERE p.deleted_at IS NULL GROUP BY fold(t.value) ORDER BY 3 DESC, fold(min(t.value)) LIMIT 100",
        )?;
        Ok(Overview {
            total: matrix.iter().map(|c| c.count).sum(),
            matrix,
            by_departement,
            by_facilitator,
            by_tag,
            overdue: self.count_partnerships(&filter(&PartnershipQuery {
                overdue: true,
                ..PartnershipQuery::default()
            }))?,
        })
    }

    fn link(&self, r: &rusqlite::Row<'_>) -> rusqlite::Result<PartnershipLink> {
        let territory: String = r.get(3)?;
        let places = self
            .conn
            .prepare_cached(
                "SELECT c.name FROM json_each(?1) t JOIN communes c ON c.insee = t.value ORDER BY t.key",
            )?
            .query_map([territory], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(PartnershipLink {
            id: r.get(0)?,
            title: r.get(1)?,
            stage: code_from(&r.get::<_, String>(2)?)?,
            places,
        })
    }

    /// The live partnership `spawned_from` names, and the live partnerships
    /// spread from `id`, oldest first.
    ///
    /// # Errors
    /// A storage error.
    pub fn partnership_lineage(
        &self,
        id: &str,
        spawned_from: Option<&str>,
    ) -> Result<(Option<PartnershipLink>, Vec<PartnershipLink>)> {
        let origin = match spawned_from {
            Some(origin) => self
                .conn
                .prepare_cached(
                    "SELECT id, title, stage, territory FROM partnerships WHERE id = ?1 AND deleted_at IS NULL",
                )?
                .query_map([origin], |r| self.link(r))?
                .next()
                .transpose()?,
            None => None,
        };
        let children = self
            .conn
            .prepare_cached(
                "SELECT id, title, stage, territory FROM partnerships
                 WHERE spawned_from = ?1 AND deleted_at IS NULL ORDER BY created_at, rid",
            )?
            .query_map(params![id], |r| self.link(r))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((origin, children))
    }
}
