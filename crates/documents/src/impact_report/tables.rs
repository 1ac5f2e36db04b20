//! The data tables under the charts: every number a chart draws, and
//! those it does not (hours, partnerships per total).

use tisserand_domain::impact::{ImpactFigures, IndicatorTotal, YearFigures};
use tisserand_domain::partnership::{ContributionKind, Stage};
use tisserand_domain::rameau::RameauMode;

use super::charts::{level_name, theme_name, unit_name};
use super::{mode_index, mode_name, CELL, HEAD, SMALL};
use crate::fonts::Face;
use crate::layout::{col, span, Align, Row, Span, Writer};
use crate::typo::{euros_whole, hours_whole, number};

fn cell(text: impl Into<String>) -> Vec<Span> {
    vec![span(CELL, text)]
}

fn bold(text: impl Into<String>) -> Vec<Span> {
    vec![span(CELL.with_face(Face::Bold), text)]
}

fn count(n: u32) -> String {
    number(f64::from(n))
}

/// A table under its caption: columns as (title, share, alignment).
fn data_table(w: &mut Writer, caption: &str, cols: &[(&str, f32, Align)], rows: &[Row]) {
    w.heading(caption, SMALL.with_face(Face::Bold), 40.0, false);
    w.space(2.0);
    let cols: Vec<_> = cols.iter().map(|(t, s, a)| col(t, *s, *a)).collect();
    w.table(&cols, rows, HEAD, CELL);
}

/// Every mode a figure may carry, in the scale's order, then none.
fn modes() -> Vec<Option<RameauMode>> {
    RameauMode::ALL
        .into_iter()
        .map(Some)
        .chain(std::iter::once(None))
        .collect()
}

/// `labels` in rows, the modes in columns (`grid[row][mode_index]`),
/// totals on the right and below, each printed by `fmt`.
fn mode_matrix(
    w: &mut Writer,
    title: &str,
    (first, labels): (&str, &[&str]),
    grid: &[[i64; 5]],
    fmt: fn(i64) -> String,
) {
    let mut columns = vec![(first, 0.18, Align::Left)];
    for m in modes() {
        columns.push((mode_name(m), 0.138, Align::Right));
    }
    columns.push(("Total", 0.13, Align::Right));
    let mut rows: Vec<Row> = labels
        .iter()
        .zip(grid)
        .map(|(label, line)| {
            let mut cells = vec![cell(*label)];
            cells.extend(line.iter().map(|n| cell(fmt(*n))));
            cells.push(bold(fmt(line.iter().sum())));
            Row {
                cells,
                total: false,
            }
        })
        .collect();
    let mut totals = vec![bold("Total")];
    for m in 0..5 {
        totals.push(bold(fmt(grid.iter().map(|l| l[m]).sum())));
    }
    totals.push(bold(fmt(grid.iter().flatten().sum())));
    rows.push(Row {
        cells: totals,
        total: true,
    });
    data_table(w, title, &columns, &rows);
}

fn count_i64(n: i64) -> String {
    number(n as f64)
}

/// Stages in rows, modes in columns: every number of the stacked bars.
pub(super) fn stage_mode(w: &mut Writer, f: &ImpactFigures) {
    let mut grid = [[0i64; 5]; 8];
    for c in &f.by_stage_and_mode {
        if let Some(s) = Stage::ALL.iter().position(|x| *x == c.stage) {
            grid[s][mode_index(c.mode)] += i64::from(c.count);
        }
    }
    let labels: Vec<&str> = Stage::ALL.iter().map(|s| s.label_fr()).collect();
    mode_matrix(
        w,
        "Données : partenariats par étape et par mode principal",
        ("Étape", &labels),
        &grid,
        count_i64,
    );
}

/// Per primary mode: partnerships, value contributed, hours.
pub(super) fn by_mode(w: &mut Writer, f: &ImpactFigures) {
    let rows: Vec<Row> = modes()
        .into_iter()
        .map(|m| {
            let n: u32 = f
                .by_stage_and_mode
                .iter()
                .filter(|c| c.mode == m)
                .map(|c| c.count)
                .sum();
            let of_mode = f.contributions.iter().filter(|c| c.mode == m);
            let value: i64 = of_mode.clone().map(|c| c.value_cents).sum();
            let minutes: i64 = of_mode.map(|c| c.minutes).sum();
            Row {
                cells: vec![
                    cell(mode_name(m)),
                    cell(count(n)),
                    cell(euros_whole(value)),
                    cell(hours_whole(minutes)),
                ],
                total: false,
            }
        })
        .collect();
    data_table(
        w,
        "Par mode principal",
        &[
            ("Mode principal", 0.34, Align::Left),
            ("Partenariats", 0.2, Align::Right),
            ("Valeur apportée", 0.26, Align::Right),
            ("Heures de compétences", 0.2, Align::Right),
        ],
        &rows,
    );
}

/// Per kind of contribution: value and hours, and the total.
pub(super) fn contributions(w: &mut Writer, f: &ImpactFigures, kinds: &[ContributionKind]) {
    let sums = |k: Option<ContributionKind>| {
        let of = f
            .contributions
            .iter()
            .filter(|c| k.is_none_or(|k| c.kind == k));
        let value: i64 = of.clone().map(|c| c.value_cents).sum();
        (value, of.map(|c| c.minutes).sum::<i64>())
    };
    let mut rows: Vec<Row> = kinds
        .iter()
        .map(|k| {
            let (value, minutes) = sums(Some(*k));
            Row {
                cells: vec![
                    cell(crate::brief::contribution_fr(*k)),
                    cell(euros_whole(value)),
                    cell(hours_whole(minutes)),
                ],
                total: false,
            }
        })
        .collect();
    let (value, minutes) = sums(None);
    rows.push(Row {
        cells: vec![
            bold("Total"),
            bold(euros_whole(value)),
            bold(hours_whole(minutes)),
        ],
        total: true,
    });
    let mut grid = vec![[0i64; 5]; kinds.len()];
    for c in &f.contributions {
        if let Some(k) = kinds.iter().position(|x| *x == c.kind) {
            grid[k][mode_index(c.mode)] += c.value_cents;
        }
    }
    let labels: Vec<&str> = kinds
        .iter()
        .map(|k| crate::brief::contribution_fr(*k))
        .collect();
    mode_matrix(
        w,
        "Données : valeur apportée par nature et par mode principal",
        ("Nature", &labels),
        &grid,
        euros_whole,
    );
    data_table(
        w,
        "Données : contributions par nature",
        &[
            ("Nature", 0.4, Align::Left),
            ("Valeur apportée", 0.3, Align::Right),
            ("Heures de compétences", 0.3, Align::Right),
        ],
        &rows,
    );
}

/// Every indicator total: theme, level, unit, total, how many
/// partnerships it comes from.
pub(super) fn themes(w: &mut Writer, totals: &[&IndicatorTotal]) {
    let rows: Vec<Row> = totals
        .iter()
        .map(|t| Row {
            cells: vec![
                cell(theme_name(t.theme)),
                cell(level_name(t.level)),
                cell(unit_name(&t.unit)),
                bold(number(t.total)),
                cell(count(t.partnerships)),
            ],
            total: false,
        })
        .collect();
    data_table(
        w,
        "Données : totaux des indicateurs par thème, niveau et unité",
        &[
            ("Thème", 0.3, Align::Left),
            ("Niveau", 0.16, Align::Left),
            ("Unité", 0.2, Align::Left),
            ("Total", 0.17, Align::Right),
            ("Partenariats", 0.17, Align::Right),
        ],
        &rows,
    );
}

/// One row per year.
pub(super) fn years(w: &mut Writer, years: &[YearFigures]) {
    let rows: Vec<Row> = years
        .iter()
        .map(|y| Row {
            cells: vec![
                bold(y.year.to_string()),
                cell(count(y.started)),
                cell(count(y.signed)),
                cell(count(y.evaluated)),
                cell(euros_whole(y.value_cents)),
                cell(hours_whole(y.minutes)),
            ],
            total: false,
        })
        .collect();
    data_table(
        w,
        "Données : par année",
        &[
            ("Année", 0.12, Align::Left),
            ("Engagés", 0.15, Align::Right),
            ("Signés", 0.15, Align::Right),
            ("Évalués", 0.15, Align::Right),
            ("Valeur apportée", 0.23, Align::Right),
            ("Heures", 0.2, Align::Right),
        ],
        &rows,
    );
}
