//! The cover (title, territory, period, contents) and the key figures.

use tisserand_domain::actor::ActorKind;
use tisserand_domain::rameau::RameauMode;

use super::{chart_title, plural, section, Contents, ImpactReportInput, SKY, SMALL};
use crate::chart::{percent, Bar, BarChart, Hatch, Series};
use crate::fonts::Face;
use crate::layout::{span, Para, Style, Writer, ACCENT, INK, MUTED, RULE, SHADE};
use crate::typo::{date_long, euros_whole, french_spacing as fr, hours_whole, number};

const KICKER: Style = Style::new(Face::Bold, 9.0, ACCENT);
const TITLE: Style = Style::new(Face::Bold, 26.0, INK);
const TILE_NUMBER: Style = Style::new(Face::Bold, 18.0, INK);
const TILE_LABEL: Style = Style::new(Face::Regular, 8.0, INK);
/// The contents' first line, from the bottom of the page.
const CONTENTS_TOP: f32 = 340.0;

/// The cover: the modes' colours as a band, the title, who publishes it,
/// the territory and the period, the date. The contents are drawn at the
/// end (`contents`), once every section's page is known.
pub(super) fn cover(w: &mut Writer, input: &ImpactReportInput) {
    let band = w.width() / 4.0;
    for (i, mode) in RameauMode::ALL.into_iter().enumerate() {
        let colour = crate::brief::mode_look(mode).0;
        w.rect(
            w.left + i as f32 * band,
            w.top - 6.0,
            band,
            6.0,
            Some(colour),
            None,
        );
    }
    w.y = w.top - 22.0;
    w.letterhead(&input.letterhead);
    w.y = w.y.min(w.top - 70.0);
    w.text_at(w.left, w.y, KICKER, "RAPPORT D'IMPACT");
    w.y -= 14.0;
    let para = |after: f32| Para {
        space_after: after,
        ..Para::default()
    };
    w.paragraph(&[span(TITLE, fr(&input.title))], para(10.0));
    if !input.publisher.trim().is_empty() {
        w.paragraph(
            &[span(
                Style::new(Face::Regular, 13.0, INK),
                fr(&input.publisher),
            )],
            para(10.0),
        );
    }
    w.hline(w.left, w.left + 60.0, w.y, 1.5, ACCENT);
    w.y -= 12.0;
    w.paragraph(
        &[span(
            Style::new(Face::Bold, 14.0, INK),
            fr(&input.territory),
        )],
        para(3.0),
    );
    w.paragraph(
        &[span(
            Style::new(Face::Regular, 12.0, MUTED),
            fr(&input.period),
        )],
        para(14.0),
    );
    w.paragraph(
        &[span(
            SMALL,
            fr(&format!(
                "Édité le {} avec Tisserand",
                date_long(input.generated_on)
            )),
        )],
        para(0.0),
    );
}

/// The contents on the cover: each section and the page it starts on.
pub(super) fn contents(w: &mut Writer, contents: &Contents) {
    let mut y = CONTENTS_TOP;
    w.text_at(w.left, y, KICKER, "SOMMAIRE");
    y -= 8.0;
    w.hline(w.left, w.right, y, 0.5, RULE);
    y -= 16.0;
    for (title, page) in &contents.entries {
        let n = page.to_string();
        let nw = w.breaker.width(TILE_LABEL, &n);
        let line = w
            .breaker
            .clamp(&[span(TILE_LABEL, fr(title))], w.width() - nw - 30.0, 1)
            .into_iter()
            .next()
            .unwrap_or_default();
        w.draw_line(&line, w.left, y + 8.0);
        let dots_from = w.left + line.width + 6.0;
        let dots_to = w.right - nw - 6.0;
        if dots_to > dots_from {
            w.hline(dots_from, dots_to, y - 1.5, 0.4, RULE);
        }
        w.text_at(w.right - nw, y - 3.0, TILE_LABEL, &n);
        y -= 17.0;
    }
}

/// « Chiffres clés »: eight tiles, then the actors by kind.
pub(super) fn key_figures(w: &mut Writer, input: &ImpactReportInput, contents: &mut Contents) {
    let f = &input.figures;
    section(w, contents, "Chiffres clés", true);
    let value: i64 = f.contributions.iter().map(|c| c.value_cents).sum();
    let minutes: i64 = f.contributions.iter().map(|c| c.minutes).sum();
    let share = percent(f64::from(f.evaluated), f64::from(f.signed));
    let n = |v: u32| number(f64::from(v));
    let tiles = [
        (
            n(f.partnerships),
            plural(f.partnerships, "partenariat suivi", "partenariats suivis").to_owned(),
        ),
        (
            n(f.signed),
            plural(f.signed, "partenariat signé", "partenariats signés").to_owned(),
        ),
        (
            n(f.evaluated),
            format!(
                "{}, soit {share} des signés",
                plural(
                    f.evaluated,
                    "évalué par tous ses partenaires",
                    "évalués par tous leurs partenaires"
                )
            ),
        ),
        (
            n(f.actors_involved),
            plural(f.actors_involved, "acteur impliqué", "acteurs impliqués").to_owned(),
        ),
        (
            n(f.actors_met_at_events),
            plural(
                f.actors_met_at_events,
                "acteur rencontré d'abord lors d'un événement",
                "acteurs rencontrés d'abord lors d'un événement",
            )
            .to_owned(),
        ),
        (
            euros_whole(value),
            "apportés par les partenaires (valeur déclarée)".to_owned(),
        ),
        (hours_whole(minutes), "de compétences apportées".to_owned()),
        (number(f.beneficiaries), "bénéficiaires".to_owned()),
    ];
    tiles_grid(w, &tiles);
    actors_by_kind(w, input);
}

/// Tiles four to a row: a big number, what it counts under it.
fn tiles_grid(w: &mut Writer, tiles: &[(String, String)]) {
    let gap = 8.0;
    let tw = (w.width() - 3.0 * gap) / 4.0;
    let th = 74.0;
    for row in tiles.chunks(4) {
        w.ensure(th + gap);
        let top = w.y;
        for (i, (figure, label)) in row.iter().enumerate() {
            let x = w.left + i as f32 * (tw + gap);
            w.rect(x, top - th, tw, th, Some(SHADE), None);
            w.rect(x, top - th, 3.0, th, Some(ACCENT), None);
            w.text_at(x + 10.0, top - 26.0, fitted(w, figure, tw - 16.0), figure);
            let lines = w
                .breaker
                .clamp(&[span(TILE_LABEL, fr(label))], tw - 16.0, 3);
            let mut t = top - 36.0;
            for line in &lines {
                w.draw_line(line, x + 10.0, t);
                t -= line.height;
            }
        }
        w.y = top - th - gap;
    }
    w.space(10.0);
}

/// The tiles' number style, smaller when `figure` would not fit in
/// `width` (a number is never cut).
fn fitted(w: &Writer, figure: &str, width: f32) -> Style {
    let full = w.breaker.width(TILE_NUMBER, figure);
    if full <= width {
        return TILE_NUMBER;
    }
    Style {
        size: (TILE_NUMBER.size * width / full).max(6.0),
        ..TILE_NUMBER
    }
}

/// « Acteurs impliqués par type », bars in the kinds' order.
fn actors_by_kind(w: &mut Writer, input: &ImpactReportInput) {
    let f = &input.figures;
    let mut kinds = f.actors_by_kind.clone();
    kinds.sort_by_key(|k| ActorKind::ALL.iter().position(|x| *x == k.kind));
    if kinds.is_empty() {
        chart_title(w, "Acteurs impliqués par type", "", 20.0);
        super::muted(w, "Aucun acteur impliqué sur ce périmètre.");
        return;
    }
    let chart = BarChart {
        series: vec![Series {
            label: "Acteurs".to_owned(),
            colour: SKY,
            hatch: Hatch::Plain,
        }],
        bars: kinds
            .iter()
            .map(|k| Bar {
                label: k.kind.label_fr().to_owned(),
                parts: vec![f64::from(k.count)],
                texts: vec![number(f64::from(k.count))],
                total: number(f64::from(k.count)),
            })
            .collect(),
        tick: number,
        integers: true,
    };
    super::titled_bars(
        w,
        "Acteurs impliqués par type",
        "Acteurs distincts parties à au moins un partenariat du périmètre.",
        &chart,
    );
}
