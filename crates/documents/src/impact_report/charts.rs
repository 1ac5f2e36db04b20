//! The chart sections: partnerships by stage and mode, contributions by
//! kind and mode, indicators by theme (one chart per unit), the funnel and
//! the years. Each chart is followed by the table of its numbers.

use std::collections::BTreeMap;

use tisserand_domain::impact::{ImpactFigures, ImpactTheme, IndicatorLevel, IndicatorTotal};
use tisserand_domain::partnership::{ContributionKind, Stage};

use super::{
    chart_title, mode_index, mode_series, muted, section, tables, titled_bars, Contents, SKY,
};
use crate::chart::{
    draw_columns, draw_funnel, draw_lines, Bar, BarChart, Column, Hatch, LineChart, Series, Step,
};
use crate::layout::{Rgb3, Writer, ACCENT};
use crate::typo::{euros_whole, number};

/// At most this many units get their own chart; the table has them all.
const UNIT_CHARTS: usize = 4;
const VERMILLION: Rgb3 = Rgb3(0.835, 0.369, 0.0);
const BLACK: Rgb3 = Rgb3(0.0, 0.0, 0.0);

/// A tick or a bar's number in euros, from a value in euros.
pub(super) fn euro_tick(v: f64) -> String {
    euros_whole((v * 100.0).round() as i64)
}

/// Stacked bars of one row per category, `parts[row][mode_index]`.
fn mode_bars(labels: Vec<String>, parts: Vec<Vec<f64>>, euros: bool) -> BarChart {
    let unclassified = parts.iter().any(|p| p.get(4).is_some_and(|v| *v > 0.0));
    let fmt: fn(f64) -> String = if euros { euro_tick } else { number };
    BarChart {
        series: mode_series(unclassified),
        bars: labels
            .into_iter()
            .zip(parts)
            .map(|(label, p)| Bar {
                label,
                texts: p.iter().map(|v| fmt(*v)).collect(),
                total: fmt(p.iter().sum()),
                parts: p,
            })
            .collect(),
        tick: fmt,
        integers: !euros,
    }
}

/// « Partenariats »: by stage and primary mode, chart then tables.
pub(super) fn partnerships(w: &mut Writer, f: &ImpactFigures, contents: &mut Contents) {
    section(w, contents, "Partenariats par étape et par mode", true);
    let mut parts = vec![vec![0.0; 5]; Stage::ALL.len()];
    for c in &f.by_stage_and_mode {
        if let Some(s) = Stage::ALL.iter().position(|x| *x == c.stage) {
            parts[s][mode_index(c.mode)] += f64::from(c.count);
        }
    }
    let labels = Stage::ALL.iter().map(|s| s.label_fr().to_owned()).collect();
    let chart = mode_bars(labels, parts, false);
    titled_bars(
        w,
        "Partenariats par étape et par mode principal",
        "Nombre de partenariats du périmètre à chaque étape, selon leur mode principal sur l'échelle du RAMEAU (de gauche à droite : mécénat, coopération économique, innovation sociétale, pratiques responsables).",
        &chart,
    );
    tables::stage_mode(w, f);
    tables::by_mode(w, f);
}

/// « Contributions »: value by kind and primary mode, chart then table.
pub(super) fn contributions(w: &mut Writer, f: &ImpactFigures, contents: &mut Contents) {
    section(w, contents, "Contributions des partenaires", false);
    let kinds: Vec<ContributionKind> = ContributionKind::ALL
        .into_iter()
        .filter(|k| f.contributions.iter().any(|c| c.kind == *k))
        .collect();
    if kinds.is_empty() {
        muted(w, "Aucune contribution enregistrée sur ce périmètre.");
        return;
    }
    let parts = kinds
        .iter()
        .map(|k| {
            let mut p = vec![0.0; 5];
            for c in f.contributions.iter().filter(|c| c.kind == *k) {
                p[mode_index(c.mode)] += c.value_cents as f64 / 100.0;
            }
            p
        })
        .collect();
    let labels = kinds
        .iter()
        .map(|k| crate::brief::contribution_fr(*k).to_owned())
        .collect();
    let chart = mode_bars(labels, parts, true);
    titled_bars(
        w,
        "Valeur apportée par nature et par mode principal",
        "En euros, valeur déclarée par les partenaires ; les heures de compétences sont valorisées comme chaque partenariat l'indique.",
        &chart,
    );
    tables::contributions(w, f, &kinds);
}

/// A theme's name, or « Sans thème ».
pub(super) fn theme_name(t: Option<ImpactTheme>) -> &'static str {
    t.map_or("Sans thème", ImpactTheme::label_fr)
}

/// A level's name, or « niveau non précisé ».
pub(super) fn level_name(l: Option<IndicatorLevel>) -> &'static str {
    l.map_or("Niveau non précisé", IndicatorLevel::label_fr)
}

/// A unit as printed, « sans unité » when there is none.
pub(super) fn unit_name(u: &str) -> &str {
    if u.trim().is_empty() {
        "sans unité"
    } else {
        u
    }
}

/// The totals in the themes' then levels' order, then by unit.
pub(super) fn sorted_totals(f: &ImpactFigures) -> Vec<&IndicatorTotal> {
    let mut t: Vec<&IndicatorTotal> = f.indicator_totals.iter().collect();
    let theme = |x: Option<ImpactTheme>| x.map_or(usize::MAX, |x| x as usize);
    let level = |x: Option<IndicatorLevel>| x.map_or(usize::MAX, |x| x as usize);
    t.sort_by(|a, b| {
        (theme(a.theme), level(a.level), &a.unit).cmp(&(theme(b.theme), level(b.level), &b.unit))
    });
    t
}

/// « Indicateurs par thème »: one chart per unit (the units most used),
/// bars by theme and level, then the table of every total.
pub(super) fn indicators(w: &mut Writer, f: &ImpactFigures, contents: &mut Contents) {
    section(w, contents, "Indicateurs par thème", true);
    let totals = sorted_totals(f);
    if totals.is_empty() {
        muted(w, "Aucun indicateur mesuré sur ce périmètre.");
        return;
    }
    let mut by_unit: BTreeMap<&str, Vec<&IndicatorTotal>> = BTreeMap::new();
    for t in &totals {
        by_unit.entry(t.unit.as_str()).or_default().push(t);
    }
    let mut units: Vec<(&str, Vec<&IndicatorTotal>)> = by_unit.into_iter().collect();
    units.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    super::text(
        w,
        "Seuls s'additionnent les indicateurs de même thème, même niveau et même unité : chaque graphique porte sur une unité.",
    );
    for (unit, rows) in units.iter().take(UNIT_CHARTS) {
        let bars = rows
            .iter()
            .map(|t| Bar {
                label: format!("{} · {}", theme_name(t.theme), level_name(t.level)),
                parts: vec![t.total],
                texts: vec![number(t.total)],
                total: number(t.total),
            })
            .collect();
        let chart = BarChart {
            series: vec![Series {
                label: unit_name(unit).to_owned(),
                colour: SKY,
                hatch: Hatch::Plain,
            }],
            bars,
            tick: number,
            integers: false,
        };
        let title = format!("Indicateurs en {}", unit_name(unit));
        titled_bars(w, &title, "", &chart);
    }
    if units.len() > UNIT_CHARTS {
        muted(w, "Les autres unités figurent dans le tableau ci-dessous.");
    }
    tables::themes(w, &totals);
}

/// « De la rencontre à l'évaluation »: the funnel, then the years.
pub(super) fn funnel_and_years(w: &mut Writer, f: &ImpactFigures, contents: &mut Contents) {
    section(w, contents, "De la rencontre à l'évaluation", true);
    chart_title(
        w,
        "Entonnoir",
        "Rencontres tenues lors des événements de speed-dating, pistes qui en sont nées, partenariats signés, puis évalués par tous leurs partenaires ; à droite, la part de l'étape précédente.",
        150.0,
    );
    let fu = &f.funnel;
    let steps = [
        ("Rencontres aux événements", fu.meetings),
        ("Pistes", fu.leads),
        ("Partenariats signés", fu.signed),
        ("Partenariats évalués", fu.evaluated),
    ]
    .map(|(label, v)| Step {
        label: label.to_owned(),
        value: f64::from(v),
        text: number(f64::from(v)),
    });
    draw_funnel(w, &steps, ACCENT);
    years(w, f);
}

/// The evolution by year: counts as lines, value as columns, the table.
fn years(w: &mut Writer, f: &ImpactFigures) {
    let mut years = f.years.clone();
    years.sort_by_key(|y| y.year);
    w.space(10.0);
    chart_title(
        w,
        "Évolution par année",
        "Partenariats engagés, signés et évalués chaque année.",
        170.0,
    );
    if years.is_empty() {
        muted(w, "Aucune année à montrer sur ce périmètre.");
        return;
    }
    let counts: Vec<Vec<f64>> = vec![
        years.iter().map(|y| f64::from(y.started)).collect(),
        years.iter().map(|y| f64::from(y.signed)).collect(),
        years.iter().map(|y| f64::from(y.evaluated)).collect(),
    ];
    let series =
        [("Engagés", SKY), ("Signés", VERMILLION), ("Évalués", BLACK)].map(|(l, c)| Series {
            label: l.to_owned(),
            colour: c,
            hatch: Hatch::Plain,
        });
    let chart = LineChart {
        xs: years.iter().map(|y| y.year.to_string()).collect(),
        series: series.to_vec(),
        texts: counts
            .iter()
            .map(|v| v.iter().map(|x| number(*x)).collect())
            .collect(),
        values: counts,
        tick: number,
        integers: true,
    };
    draw_lines(w, &chart, 150.0);
    chart_title(
        w,
        "Valeur apportée par année",
        "En euros, valeur déclarée.",
        130.0,
    );
    let cols: Vec<Column> = years
        .iter()
        .map(|y| Column {
            label: y.year.to_string(),
            value: y.value_cents as f64 / 100.0,
            text: euros_whole(y.value_cents),
        })
        .collect();
    draw_columns(w, &cols, euro_tick, SKY, 120.0);
    tables::years(w, &years);
}
