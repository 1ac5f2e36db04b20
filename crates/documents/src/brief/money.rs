//! The brief's section « Contributions et contreparties »: what each party
//! brings, what is given back, and for a mécénat the balance in a box.

use tisserand_domain::partnership::{
    MecenatBalance, Totals, COUNTERPART_LIMIT_PERCENT, TAX_REDUCTION_PERCENT,
};
use tisserand_domain::rameau::RameauMode;

use super::rameau_card::{darken, mode_look};
use super::{contribution_fr, muted, Look, BODY, CELL, HEAD, KEEP};
use crate::fonts::Face;
use crate::layout::{col, span, Align, Rgb3, Row, Span, Writer, WARN};
use crate::typo::{euros, french_spacing as fr, hours};
use crate::DocumentData;

pub(super) fn money(w: &mut Writer, data: &DocumentData, look: &Look) {
    let p = &data.partnership;
    let totals = p.totals();
    w.heading("Contributions et contreparties", look.h2, KEEP, true);
    if p.contributions.is_empty() {
        muted(w, look, "Aucune contribution renseignée.");
    } else {
        contributions(w, data, &totals);
    }
    if p.counterparts.is_empty() {
        muted(w, look, "Aucune contrepartie prévue.");
    } else {
        counterparts(w, data, &totals);
    }
    if let Some(m) = &totals.mecenat {
        mecenat(w, m, look);
    }
}

/// The contributions' table: who, kind, description, time and value, then
/// the totals.
fn contributions(w: &mut Writer, data: &DocumentData, totals: &Totals) {
    let mut rows: Vec<Row> = data
        .partnership
        .contributions
        .iter()
        .map(|c| Row {
            cells: vec![
                vec![span(CELL, fr(data.actor_name(&c.actor_id)))],
                vec![span(CELL, contribution_fr(c.kind))],
                vec![span(
                    CELL,
                    c.description.as_deref().map(fr).unwrap_or_default(),
                )],
                vec![span(
                    CELL,
                    if c.minutes > 0 {
                        hours(c.minutes)
                    } else {
                        String::new()
                    },
                )],
                vec![span(CELL, euros(c.value_cents))],
            ],
            total: false,
        })
        .collect();
    rows.push(Row {
        cells: vec![
            vec![span(CELL.with_face(Face::Bold), "Total")],
            vec![],
            vec![],
            vec![span(
                CELL.with_face(Face::Bold),
                if totals.minutes > 0 {
                    hours(totals.minutes)
                } else {
                    String::new()
                },
            )],
            vec![span(CELL.with_face(Face::Bold), euros(totals.value_cents))],
        ],
        total: true,
    });
    w.table(
        &[
            col("Apportée par", 0.25, Align::Left),
            col("Nature", 0.14, Align::Left),
            col("Description", 0.33, Align::Left),
            col("Temps", 0.11, Align::Right),
            col("Valeur", 0.17, Align::Right),
        ],
        &rows,
        HEAD,
        CELL,
    );
}

/// The counterparts' table: given by, what, value, then their total.
fn counterparts(w: &mut Writer, data: &DocumentData, totals: &Totals) {
    let mut rows: Vec<Row> = data
        .partnership
        .counterparts
        .iter()
        .map(|c| Row {
            cells: vec![
                vec![span(CELL, fr(data.actor_name(&c.given_by)))],
                vec![span(CELL, fr(&c.description))],
                vec![span(CELL, euros(c.value_cents))],
            ],
            total: false,
        })
        .collect();
    rows.push(Row {
        cells: vec![
            vec![span(CELL.with_face(Face::Bold), "Total des contreparties")],
            vec![],
            vec![span(
                CELL.with_face(Face::Bold),
                euros(totals.counterpart_cents),
            )],
        ],
        total: true,
    });
    w.table(
        &[
            col("Contrepartie donnée par", 0.3, Align::Left),
            col("Contrepartie", 0.53, Align::Left),
            col("Valeur", 0.17, Align::Right),
        ],
        &rows,
        HEAD,
        CELL,
    );
}

/// For a mécénat, in a box with the mode's colour: the gift against its
/// counterparts, a warning beyond the usual limit, the estimated tax
/// reduction.
fn mecenat(w: &mut Writer, m: &MecenatBalance, look: &Look) {
    let mut spans = vec![
        span(BODY.with_face(Face::Bold), fr("Mécénat : ")),
        span(
            BODY,
            format!(
                "don de {} ; contreparties de {}",
                euros(m.gift_cents),
                euros(m.counterpart_cents)
            ),
        ),
    ];
    match m.ratio_basis_points {
        Some(bp) => spans.push(span(
            BODY,
            format!(
                ", soit {},{:02} % du don (usage : {COUNTERPART_LIMIT_PERCENT} % au plus).",
                bp / 100,
                bp % 100
            ),
        )),
        None => spans.push(span(BODY, " (aucun don chiffré).")),
    }
    let mut all = vec![spans];
    if let Some(warn) = &m.warning {
        all.push(vec![span(
            BODY.with_face(Face::Bold).with_color(WARN),
            format!("Attention : {warn}"),
        )]);
    }
    all.push(vec![
        span(BODY.with_face(Face::Bold), format!("Réduction d'impôt estimée : {}", euros(m.estimated_tax_reduction_cents))),
        span(
            BODY,
            format!(
                " ({TAX_REDUCTION_PERCENT} % du don). Estimation indicative, avant plafonds (20 000 € ou 0,5 % du chiffre d'affaires) et reports : à vérifier selon la loi en vigueur."
            ),
        ),
    ]);
    let all: Vec<Vec<Span>> = all
        .into_iter()
        .map(|s| {
            s.into_iter()
                .map(|sp| match sp {
                    Span::Text(st, t) => Span::Text(st, fr(&t)),
                    b @ Span::Blank(..) => b,
                })
                .collect()
        })
        .collect();
    boxed(w, &all, mode_look(RameauMode::Mecenat).0, look);
}

/// Paragraphs in a frame with a coloured bar on the left; the frame is
/// drawn per page when the text runs over a page break.
fn boxed(w: &mut Writer, paras: &[Vec<Span>], bar: Rgb3, look: &Look) {
    let pad = if look.compact { 5.0 } else { 7.0 };
    let inner = w.width() - 2.0 * pad - 3.0;
    let laid: Vec<Vec<_>> = paras.iter().map(|p| w.breaker.lines(p, inner)).collect();
    let total: f32 = laid.iter().flatten().map(|l| l.height).sum::<f32>()
        + 2.0 * pad
        + 3.0 * (laid.len() as f32 - 1.0);
    w.ensure(total.min(w.top - w.bottom));
    let mut start = w.y;
    let mut first = true;
    let frame = |w: &mut Writer, from: f32, to: f32| {
        w.rect(
            w.left,
            to,
            w.width(),
            from - to,
            Some(Rgb3(0.985, 0.97, 0.94)),
            None,
        );
        w.rect(w.left, to, 3.0, from - to, Some(darken(bar, 0.1)), None);
    };
    // Backgrounds must be drawn under the text: lay out per page, then draw.
    let mut pending: Vec<(f32, &crate::layout::LaidLine)> = Vec::new();
    w.y -= pad;
    for (k, lines) in laid.iter().enumerate() {
        if k > 0 {
            w.y -= 3.0;
        }
        for line in lines {
            if w.y - line.height < w.bottom {
                let end = w.y - pad / 2.0;
                frame(w, start, end.max(w.bottom));
                for (t, l) in pending.drain(..) {
                    w.draw_line(l, w.left + pad + 3.0, t);
                }
                w.new_page();
                start = w.y;
                w.y -= pad;
                first = false;
            }
            pending.push((w.y, line));
            w.y -= line.height;
        }
    }
    let _ = first;
    let end = w.y - pad;
    frame(w, start, end);
    for (t, l) in pending.drain(..) {
        w.draw_line(l, w.left + pad + 3.0, t);
    }
    w.y = end;
    w.space(if look.compact { 5.0 } else { 8.0 });
}
