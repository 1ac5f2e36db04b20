//! The rules of the Impact figures: what counts as signed and evaluated, in
//! which period a partnership counts, which measure of an indicator counts,
//! how totals add up, and who was met at events first. The store reads the
//! few columns these rules need ([`ImpactRow`], [`ImpactActor`]); this module
//! folds them into [`ImpactFigures`]. docs/impact.md says the same in words.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::{
    unit_key, unit_label_fr, ContributionFigure, EvaluationState, ImpactFigures, ImpactFilters,
    ImpactFunnel, ImpactTheme, IndicatorLevel, IndicatorTotal, KindCount, StageModeCount,
    YearFigures, BENEFICIAIRES, STANDARD_UNITS,
};
use crate::actor::ActorKind;
use crate::partnership::{ContributionKind, Indicator, Stage};
use crate::rameau::RameauMode;

/// What one live partnership brings to the figures, as the store reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct ImpactRow {
    pub id: String,
    pub stage: Stage,
    /// The primary mode (the figures count each partnership under one mode).
    pub mode: Option<RameauMode>,
    /// The day it was created.
    pub started_on: NaiveDate,
    /// The day it entered its current stage.
    pub stage_since: NaiveDate,
    /// The day it was signed (see [`signed_on`]).
    pub signed_on: Option<NaiveDate>,
    /// Created from a meeting at a speed-dating event.
    pub lead: bool,
    /// The parties' actor ids.
    pub parties: Vec<String>,
    /// (kind, euro cents, minutes) of each contribution.
    pub contributions: Vec<(ContributionKind, i64, i64)>,
    pub indicators: Vec<Indicator>,
    /// Each indicator's unit key ([`unit_key`]), in the order of
    /// `indicators`: computed once when the row is read, not at every fold
    /// (a missing one is computed when needed).
    pub unit_keys: Vec<String>,
    pub evaluation: EvaluationState,
    /// Where it happens and who follows it, for the place and facilitator
    /// filters.
    pub place: ImpactPlace,
}

/// Where a partnership happens and who follows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImpactPlace {
    /// Its territory's communes (INSEE codes).
    pub communes: Vec<String>,
    /// Their départements and EPCIs (codes).
    pub departements: Vec<String>,
    pub epcis: Vec<String>,
    /// Its facilitator, folded (`text::fold`); empty when none.
    pub facilitator: String,
}

/// What the figures need of an actor party to a partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImpactActor {
    pub kind: ActorKind,
    /// The date of its first meeting held at a speed-dating event.
    pub first_met_on: Option<NaiveDate>,
    /// The day its first live partnership (in or out of scope) was created.
    pub first_partnership_on: Option<NaiveDate>,
}

/// Everything the figures are folded from: every live partnership (the
/// filters apply here, [`in_scope`]), their parties' actors, and the
/// meetings held in the period and place. Rows and actors are shared: the
/// store keeps them between writes, so a new filter costs only the fold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImpactData {
    pub rows: Arc<Vec<ImpactRow>>,
    pub actors: Arc<HashMap<String, ImpactActor>>,
    pub meetings: u32,
}

/// The stages of a signed partnership: it reached « mise en œuvre ».
pub const SIGNED_STAGES: [Stage; 3] = [Stage::MiseEnOeuvre, Stage::Evaluation, Stage::Essaimage];

/// The day a partnership was signed: the first time its timeline shows it
/// reaching « mise en œuvre » or a later stage (`reached`: the stages moved
/// to, oldest first, with when); a partnership that sits at such a stage
/// with no such move recorded was signed when it entered that stage.
/// Abandoning later does not unsign it.
#[must_use]
pub fn signed_on(
    reached: impl IntoIterator<Item = (DateTime<Utc>, Stage)>,
    stage: Stage,
    stage_changed_at: DateTime<Utc>,
) -> Option<NaiveDate> {
    reached
        .into_iter()
        .find(|(_, s)| SIGNED_STAGES.contains(s))
        .map(|(at, _)| at.date_naive())
        .or_else(|| {
            SIGNED_STAGES
                .contains(&stage)
                .then(|| stage_changed_at.date_naive())
        })
}

/// Whether `day` is on or before the period's end.
fn by_end(day: NaiveDate, f: &ImpactFilters) -> bool {
    f.to.is_none_or(|to| day <= to)
}

/// Whether `day` falls in the period.
fn within(day: NaiveDate, f: &ImpactFilters) -> bool {
    by_end(day, f) && f.from.is_none_or(|from| day >= from)
}

/// The period rule: a partnership counts when it was alive at some point
/// of the period — created on or before its end, and not abandoned before
/// its start.
#[must_use]
pub fn alive_in_period(row: &ImpactRow, f: &ImpactFilters) -> bool {
    by_end(row.started_on, f)
        && !(row.stage == Stage::Abandonne && f.from.is_some_and(|from| row.stage_since < from))
}

/// Whether an indicator counts under the theme filter.
fn theme_matches(i: &Indicator, f: &ImpactFilters) -> bool {
    f.theme.is_none_or(|t| i.theme == Some(t))
}

/// In the place, mode and facilitator filtered: a commune of its territory
/// is the commune, or in the département or EPCI; its primary mode; its
/// facilitator (accents and case ignored).
#[must_use]
pub fn in_place(row: &ImpactRow, f: &ImpactFilters) -> bool {
    fn code(c: &Option<String>) -> Option<&str> {
        c.as_deref().map(str::trim).filter(|c| !c.is_empty())
    }
    let has =
        |list: &[String], c: &Option<String>| code(c).is_none_or(|c| list.iter().any(|x| x == c));
    let p = &row.place;
    has(&p.communes, &f.commune)
        && has(&p.departements, &f.departement)
        && has(&p.epcis, &f.epci)
        && f.mode.is_none_or(|m| row.mode == Some(m))
        && code(&f.facilitator).is_none_or(|who| crate::text::fold(who) == p.facilitator)
}

/// In scope: in the place, mode and facilitator filtered, alive in the
/// period and, with a theme filter, measuring an indicator of that theme.
#[must_use]
pub fn in_scope(row: &ImpactRow, f: &ImpactFilters) -> bool {
    in_place(row, f)
        && alive_in_period(row, f)
        && (f.theme.is_none() || row.indicators.iter().any(|i| theme_matches(i, f)))
}

/// Signed on or before the period's end.
#[must_use]
pub fn is_signed(row: &ImpactRow, f: &ImpactFilters) -> bool {
    row.signed_on.is_some_and(|d| by_end(d, f))
}

/// The day a signed partnership was evaluated by every party, if by the
/// period's end.
#[must_use]
pub fn evaluated_on(row: &ImpactRow, f: &ImpactFilters) -> Option<NaiveDate> {
    match row.evaluation {
        EvaluationState::Evaluated { on } if is_signed(row, f) && by_end(on, f) => Some(on),
        _ => None,
    }
}

/// The value an indicator counts with: its latest measure on or before the
/// period's end (the last one entered for a day measured twice).
#[must_use]
pub fn latest_measure(i: &Indicator, f: &ImpactFilters) -> Option<f64> {
    i.measures
        .iter()
        .enumerate()
        .filter(|(_, m)| by_end(m.on, f))
        .max_by_key(|(n, m)| (m.on, *n))
        .map(|(_, m)| m.value)
}

/// The grouping key of an indicator's total: theme, level, unit key.
pub type TotalKey<'a> = (Option<ImpactTheme>, Option<IndicatorLevel>, Cow<'a, str>);

/// The indicators of a row that add to totals, with their key and value.
pub fn counted_indicators<'a>(
    row: &'a ImpactRow,
    f: &'a ImpactFilters,
) -> impl Iterator<Item = (TotalKey<'a>, &'a Indicator, f64)> + 'a {
    row.indicators
        .iter()
        .enumerate()
        .filter(|(_, i)| theme_matches(i, f))
        .filter_map(|(n, i)| {
            let value = latest_measure(i, f)?;
            let key = row.unit_keys.get(n).map_or_else(
                || Cow::Owned(unit_key(i.unit.as_deref())),
                |k| Cow::Borrowed(k.as_str()),
            );
            Some(((i.theme, i.level, key), i, value))
        })
}

/// Whether an actor was met at an event before its first partnership
/// (on the same day counts: a lead is created from the meeting).
#[must_use]
pub fn met_at_events_first(a: &ImpactActor) -> bool {
    match (a.first_met_on, a.first_partnership_on) {
        (Some(met), Some(first)) => met <= first,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The position of a mode in the scale's order, unclassified last.
fn mode_rank(m: Option<RameauMode>) -> usize {
    m.and_then(|m| RameauMode::ALL.iter().position(|x| *x == m))
        .unwrap_or(RameauMode::ALL.len())
}

/// The Impact page's figures for `filters` over `data`.
#[must_use]
pub fn impact_figures(data: &ImpactData, filters: &ImpactFilters) -> ImpactFigures {
    let f = filters;
    let rows: Vec<&ImpactRow> = data.rows.iter().filter(|r| in_scope(r, f)).collect();
    let signed = count(&rows, |r| is_signed(r, f));
    let evaluated = count(&rows, |r| evaluated_on(r, f).is_some());
    let indicator_totals = indicator_totals(&rows, f);
    let beneficiaries = indicator_totals
        .iter()
        .filter(|t| t.unit_key == BENEFICIAIRES)
        .map(|t| t.total)
        // From +0: an empty f64 sum is -0, which prints « -0 ».
        .fold(0.0, |a, b| a + b);
    let (actors_involved, actors_by_kind, actors_met_at_events) = actors(&rows, &data.actors);
    let contributions = contributions(&rows, f);
    ImpactFigures {
        filters: f.clone(),
        partnerships: count(&rows, |_| true),
        by_stage_and_mode: by_stage_and_mode(&rows),
        actors_involved,
        actors_by_kind,
        actors_met_at_events,
        value_cents: contributions
            .iter()
            .map(|c| c.value_cents)
            .fold(0, i64::saturating_add),
        minutes: contributions
            .iter()
            .map(|c| c.minutes)
            .fold(0, i64::saturating_add),
        contributions,
        beneficiaries,
        indicator_totals,
        signed,
        evaluated,
        evaluated_share: (signed > 0).then(|| f64::from(evaluated) / f64::from(signed)),
        funnel: ImpactFunnel {
            meetings: data.meetings,
            leads: count(&rows, |r| r.lead),
            signed: count(&rows, |r| r.lead && is_signed(r, f)),
            evaluated: count(&rows, |r| r.lead && evaluated_on(r, f).is_some()),
        },
        years: years(&rows, f),
    }
}

fn count(rows: &[&ImpactRow], keep: impl Fn(&ImpactRow) -> bool) -> u32 {
    u32::try_from(rows.iter().filter(|r| keep(r)).count()).unwrap_or(u32::MAX)
}

/// Partnerships by current stage (the pipeline's order) and primary mode
/// (the scale's order, unclassified last); only the pairs that occur.
fn by_stage_and_mode(rows: &[&ImpactRow]) -> Vec<StageModeCount> {
    let mut counts: BTreeMap<(Stage, usize), (Option<RameauMode>, u32)> = BTreeMap::new();
    for r in rows {
        counts
            .entry((r.stage, mode_rank(r.mode)))
            .or_insert((r.mode, 0))
            .1 += 1;
    }
    counts
        .into_iter()
        .map(|((stage, _), (mode, count))| StageModeCount { stage, mode, count })
        .collect()
}

/// Distinct actors party to the rows; by kind; met at events first.
fn actors(rows: &[&ImpactRow], known: &HashMap<String, ImpactActor>) -> (u32, Vec<KindCount>, u32) {
    let ids: HashSet<&str> = rows
        .iter()
        .flat_map(|r| r.parties.iter().map(String::as_str))
        .filter(|id| known.contains_key(*id))
        .collect();
    let mut by_kind = [0u32; ActorKind::ALL.len()];
    let mut met = 0;
    for a in ids.iter().filter_map(|id| known.get(*id)) {
        if let Some(i) = ActorKind::ALL.iter().position(|k| *k == a.kind) {
            by_kind[i] += 1;
        }
        met += u32::from(met_at_events_first(a));
    }
    let kinds = ActorKind::ALL
        .into_iter()
        .zip(by_kind)
        .filter(|(_, n)| *n > 0)
        .map(|(kind, count)| KindCount { kind, count })
        .collect();
    (u32::try_from(ids.len()).unwrap_or(u32::MAX), kinds, met)
}

/// What signed partnerships contributed, by kind and primary mode: a
/// contribution counts once its partnership is signed (before, it is an
/// intention).
fn contributions(rows: &[&ImpactRow], f: &ImpactFilters) -> Vec<ContributionFigure> {
    let mut sums: BTreeMap<(usize, usize), ContributionFigure> = BTreeMap::new();
    for r in rows.iter().filter(|r| is_signed(r, f)) {
        for (kind, cents, minutes) in &r.contributions {
            let k = ContributionKind::ALL
                .iter()
                .position(|x| x == kind)
                .unwrap_or(0);
            let e = sums
                .entry((k, mode_rank(r.mode)))
                .or_insert(ContributionFigure {
                    kind: *kind,
                    mode: r.mode,
                    value_cents: 0,
                    minutes: 0,
                });
            e.value_cents = e.value_cents.saturating_add(*cents);
            e.minutes = e.minutes.saturating_add(*minutes);
        }
    }
    sums.into_values().collect()
}

/// Indicator totals by theme, level and unit key, themes in the shared
/// list's order (none last), then levels, then units.
fn indicator_totals(rows: &[&ImpactRow], f: &ImpactFilters) -> Vec<IndicatorTotal> {
    /// A total being added up: its unit as first written, the sum, the
    /// partnerships counted and the last one seen (rows come once each).
    struct Sum<'a> {
        written: &'a str,
        total: f64,
        partnerships: u32,
        last_row: usize,
    }
    let mut sums: HashMap<TotalKey<'_>, Sum<'_>> = HashMap::new();
    for (n, r) in rows.iter().enumerate() {
        for (key, i, value) in counted_indicators(r, f) {
            let e = sums.entry(key).or_insert_with(|| Sum {
                written: i.unit.as_deref().unwrap_or_default(),
                total: 0.0,
                partnerships: 0,
                last_row: usize::MAX,
            });
            e.total += value;
            if e.last_row != n {
                e.last_row = n;
                e.partnerships += 1;
            }
        }
    }
    let rank = |k: &TotalKey<'_>| {
        (
            k.0.map_or(usize::MAX, |t| {
                ImpactTheme::ALL.iter().position(|x| *x == t).unwrap_or(0)
            }),
            k.1.map_or(usize::MAX, |l| {
                IndicatorLevel::ALL
                    .iter()
                    .position(|x| *x == l)
                    .unwrap_or(0)
            }),
            k.2.to_string(),
        )
    };
    let mut sums: Vec<(TotalKey<'_>, Sum<'_>)> = sums.into_iter().collect();
    sums.sort_by_cached_key(|(k, _)| rank(k));
    sums.into_iter()
        .map(|((theme, level, key), sum)| IndicatorTotal {
            theme,
            level,
            unit: unit_label_fr(&key, sum.written),
            unit_en: STANDARD_UNITS
                .iter()
                .find(|u| u.code == key)
                .map_or_else(|| sum.written.trim().to_owned(), |u| u.en.to_owned()),
            unit_key: key.into_owned(),
            total: sum.total,
            partnerships: sum.partnerships,
        })
        .collect()
}

/// What happened in one year, for the evolution chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearEvent {
    Started,
    Signed,
    Evaluated,
}

/// The day a row's `event` happened, if in the period.
#[must_use]
pub fn year_event_on(row: &ImpactRow, event: YearEvent, f: &ImpactFilters) -> Option<NaiveDate> {
    let day = match event {
        YearEvent::Started => Some(row.started_on),
        YearEvent::Signed => row.signed_on.filter(|_| is_signed(row, f)),
        YearEvent::Evaluated => evaluated_on(row, f),
    }?;
    within(day, f).then_some(day)
}

/// Year by year, from the first to the last year something happened in the
/// period (years with nothing in between show zeros): partnerships started,
/// signed (with what they contributed) and evaluated that year.
fn years(rows: &[&ImpactRow], f: &ImpactFilters) -> Vec<YearFigures> {
    let mut by_year: BTreeMap<i32, YearFigures> = BTreeMap::new();
    let blank = |year| YearFigures {
        year,
        started: 0,
        signed: 0,
        evaluated: 0,
        value_cents: 0,
        minutes: 0,
    };
    for r in rows {
        for event in [YearEvent::Started, YearEvent::Signed, YearEvent::Evaluated] {
            let Some(day) = year_event_on(r, event, f) else {
                continue;
            };
            let y = by_year
                .entry(day.year())
                .or_insert_with(|| blank(day.year()));
            match event {
                YearEvent::Started => y.started += 1,
                YearEvent::Evaluated => y.evaluated += 1,
                YearEvent::Signed => {
                    y.signed += 1;
                    for (_, cents, minutes) in &r.contributions {
                        y.value_cents = y.value_cents.saturating_add(*cents);
                        y.minutes = y.minutes.saturating_add(*minutes);
                    }
                }
            }
        }
    }
    let (Some(first), Some(last)) = (
        by_year.keys().next().copied(),
        by_year.keys().last().copied(),
    ) else {
        return Vec::new();
    };
    (first..=last)
        .map(|y| by_year.remove(&y).unwrap_or_else(|| blank(y)))
        .collect()
}
