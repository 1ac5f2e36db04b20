//! The end of the agreement: « Fait en N exemplaires » and a signature
//! block per party.

use super::{b, blank, t, PARA};
use crate::fonts::Face;
use crate::layout::{Span, Style, Writer, MUTED};
use crate::DocumentData;

/// « Fait en N exemplaires » and one block per party, two per row.
pub(super) fn signatures(w: &mut Writer, data: &DocumentData) {
    let p = &data.partnership;
    let parties = p.parties.len().max(2);
    let n = data
        .agreement_defaults
        .originals
        .map_or(parties, |n| usize::try_from(n).unwrap_or(parties));
    w.space(10.0);
    let each = if n == parties {
        ", un pour chaque Partie"
    } else {
        ""
    };
    w.paragraph(
        &[t(&format!("Fait en {n} exemplaires originaux{each}."))],
        PARA,
    );
    let place = data.agreement_defaults.place.as_deref();
    w.space(4.0);
    let gap = 18.0;
    let bw = (w.width() - gap) / 2.0;
    let names: Vec<Option<&str>> = if p.parties.is_empty() {
        vec![None, None]
    } else {
        p.parties
            .iter()
            .map(|x| Some(x.actor_id.as_str()))
            .collect()
    };
    for pair in names.chunks(2) {
        // Lay out each block's lines first to know the row's height.
        let blocks: Vec<Vec<Vec<Span>>> = pair
            .iter()
            .map(|id| {
                let d = id.and_then(|id| data.party(id));
                let contact = d.and_then(|d| d.contact.as_ref());
                vec![
                    match id {
                        Some(id) => vec![t("Pour "), b(data.actor_name(id))],
                        None => vec![t("Pour "), blank(150.0)],
                    },
                    match contact {
                        Some(c) => vec![t("Nom : "), t(&c.display_name())],
                        None => vec![t("Nom : "), blank(bw - 40.0)],
                    },
                    match contact.and_then(|c| c.role.as_deref()) {
                        Some(r) => vec![t("Qualité : "), t(r)],
                        None => vec![t("Qualité : "), blank(bw - 55.0)],
                    },
                    match place {
                        Some(place) => vec![t("Fait à "), t(place), t(" le "), blank(bw * 0.3)],
                        None => vec![t("Fait à "), blank(bw * 0.42), t(" le "), blank(bw * 0.3)],
                    },
                ]
            })
            .collect();
        let laid: Vec<Vec<crate::layout::LaidLine>> = blocks
            .iter()
            .map(|paras| paras.iter().flat_map(|s| w.breaker.lines(s, bw)).collect())
            .collect();
        let text_h = laid
            .iter()
            .map(|ls| ls.iter().map(|l| l.height + 3.0).sum::<f32>())
            .fold(0.0, f32::max);
        let sign_h = 70.0;
        w.ensure(text_h + sign_h + 10.0);
        let top = w.y;
        for (k, ls) in laid.iter().enumerate() {
            let x = w.left + k as f32 * (bw + gap);
            let mut y = top;
            for line in ls {
                w.draw_line(line, x, y);
                y -= line.height + 3.0;
            }
            let by = top - text_h - 4.0 - sign_h;
            w.rect(x, by, bw, sign_h, None, Some((MUTED, 0.6)));
            w.text_at(
                x + 4.0,
                by + sign_h - 9.0,
                Style::new(Face::Italic, 7.0, MUTED),
                "Signature (et cachet)",
            );
        }
        w.y = top - text_h - 4.0 - sign_h - 14.0;
    }
}
