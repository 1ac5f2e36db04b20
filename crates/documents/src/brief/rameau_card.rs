//! The brief's Rameau card: Le RAMEAU's four modes side by side, drawn as
//! vectors so the card reads in grayscale too.

use tisserand_domain::partnership::Modes;
use tisserand_domain::rameau::RameauMode;

use super::Look;
use crate::fonts::Face;
use crate::layout::{span, Rgb3, Style, Writer, INK, MUTED, RULE};
use crate::DocumentData;

/// A mode's name in its card.
const LABEL: Style = Style::new(Face::Bold, 8.5, INK);
/// « ✓ principal », and the kinds of mécénat.
const STATUS: Style = Style::new(Face::Regular, 7.5, INK);

/// Colour, letter and the upper-case label of a mode (see the UI guide).
pub(crate) fn mode_look(mode: RameauMode) -> (Rgb3, &'static str, &'static str) {
    match mode {
        RameauMode::Mecenat => (Rgb3(0.902, 0.624, 0.0), "M", "Mécénat"),
        RameauMode::CooperationEconomique => {
            (Rgb3(0.0, 0.447, 0.698), "C", "Coopération économique")
        }
        RameauMode::InnovationSocietale => (Rgb3(0.0, 0.62, 0.451), "I", "Innovation sociétale"),
        RameauMode::PratiquesResponsables => {
            (Rgb3(0.8, 0.475, 0.655), "P", "Pratiques responsables")
        }
    }
}

fn mix(c: Rgb3, t: f32) -> Rgb3 {
    Rgb3(
        c.0 + (1.0 - c.0) * t,
        c.1 + (1.0 - c.1) * t,
        c.2 + (1.0 - c.2) * t,
    )
}

pub(super) fn darken(c: Rgb3, t: f32) -> Rgb3 {
    Rgb3(c.0 * (1.0 - t), c.1 * (1.0 - t), c.2 * (1.0 - t))
}

/// The four modes in the scale's order, the chosen ones marked by a heavy
/// frame, a check mark and words; each mode has its own hatching and letter
/// so the card reads in grayscale.
pub(super) fn rameau_card(w: &mut Writer, data: &DocumentData, look: &Look) {
    let modes = &data.partnership.modes;
    let gap = 6.0;
    let cw = (w.width() - 3.0 * gap) / 4.0;
    let card_h = look.card_h;
    w.ensure(card_h + 26.0);
    let cap = Style::new(Face::Bold, 7.5, MUTED);
    let cy = w.y - 8.0;
    w.text_at(w.left, cy, cap, "MODES DE PARTENARIAT — ÉCHELLE DU RAMEAU");
    w.y -= 13.0;
    let top = w.y;
    for (i, mode) in RameauMode::ALL.into_iter().enumerate() {
        let x = w.left + i as f32 * (cw + gap);
        mode_card(w, modes, mode, (x, top, cw), look);
    }
    w.y = top - card_h - 5.0;
    scale_direction(w);
}

/// One mode's card, its top left corner at `(x, top)`, `cw` wide: frame,
/// hatched swatch and letter, check mark when chosen, name, and for
/// mécénat its kinds.
fn mode_card(
    w: &mut Writer,
    modes: &Modes,
    mode: RameauMode,
    (x, top, cw): (f32, f32, f32),
    look: &Look,
) {
    let (colour, letter, name) = mode_look(mode);
    let chosen = modes.has(mode);
    let primary = modes.primary == Some(mode);
    let card_h = look.card_h;
    let bottom = top - card_h;
    if chosen {
        w.rect(
            x,
            bottom,
            cw,
            card_h,
            Some(mix(colour, 0.86)),
            Some((darken(colour, 0.45), if primary { 2.0 } else { 1.1 })),
        );
    } else {
        w.rect(x, bottom, cw, card_h, None, Some((RULE, 0.6)));
    }
    // Swatch with the mode's pattern.
    let s = look.swatch;
    let sx = x + 7.0;
    let sy = top - 7.0 - s;
    let ink = if chosen {
        darken(colour, 0.2)
    } else {
        Rgb3(0.72, 0.74, 0.77)
    };
    w.rect(sx, sy, s, s, Some(Rgb3(1.0, 1.0, 1.0)), Some((ink, 0.8)));
    pattern(w, mode, sx, sy, s, ink);
    let letter_style = Style::new(
        Face::Bold,
        look.letter,
        if chosen { INK } else { Rgb3(0.6, 0.62, 0.65) },
    );
    w.text_at(sx + s + 6.0, sy + s * 0.21, letter_style, letter);
    if chosen {
        let mark = if primary {
            "✓ principal"
        } else {
            "✓ secondaire"
        };
        let mw = w.breaker.width(STATUS.with_face(Face::Bold), mark);
        w.text_at(
            x + cw - 6.0 - mw,
            sy + s - 7.5 - look.swatch / 16.0,
            STATUS.with_face(Face::Bold),
            mark,
        );
    }
    card_words(w, modes, mode, name, (x, sy, cw));
}

/// The mode's name wrapped in its card under the swatch (at `sy`), and for
/// a chosen mécénat the kinds of gift on one line.
fn card_words(
    w: &mut Writer,
    modes: &Modes,
    mode: RameauMode,
    name: &str,
    (x, sy, cw): (f32, f32, f32),
) {
    let chosen = modes.has(mode);
    let name_style = if chosen {
        LABEL
    } else {
        LABEL.with_face(Face::Regular).with_color(MUTED)
    };
    let lines = w.breaker.lines(&[span(name_style, name)], cw - 12.0);
    let mut t = sy - 4.0;
    for line in lines.iter().take(2) {
        w.draw_line(line, x + 7.0, t);
        t -= line.height;
    }
    if mode == RameauMode::Mecenat && chosen && !modes.mecenat_kinds.is_empty() {
        let kinds: Vec<&str> = modes.mecenat_kinds.iter().map(|k| k.label_fr()).collect();
        let lines = w.breaker.lines(
            &[span(STATUS.with_color(MUTED), kinds.join(", "))],
            cw - 12.0,
        );
        for line in lines.iter().take(1) {
            w.draw_line(line, x + 7.0, t);
        }
    }
}

/// Under the cards, the scale's direction: « donner hors de son cœur
/// d'activité » → « transformer ses propres pratiques ».
fn scale_direction(w: &mut Writer) {
    let ay = w.y - 5.0;
    let note = Style::new(Face::Italic, 7.5, MUTED);
    let from = "donner hors de son cœur d'activité";
    let to = "transformer ses propres pratiques";
    let tw = w.breaker.width(note, to);
    w.text_at(w.left, ay - 3.0, note, from);
    w.text_at(w.right - tw, ay - 3.0, note, to);
    let fw = w.breaker.width(note, from);
    let (x1, x2) = (w.left + fw + 8.0, w.right - tw - 8.0);
    if x2 - x1 > 20.0 {
        w.hline(x1, x2 - 4.0, ay, 0.7, MUTED);
        w.polygon(
            &[(x2, ay), (x2 - 6.0, ay + 2.6), (x2 - 6.0, ay - 2.6)],
            MUTED,
        );
    }
    w.y = ay - 12.0;
}

/// Hatching that tells the modes apart without colour: mécénat diagonal,
/// coopération horizontal, innovation dotted, pratiques responsables a grid.
fn pattern(w: &mut Writer, mode: RameauMode, x: f32, y: f32, s: f32, ink: Rgb3) {
    let step = 4.0;
    let n = (s / step) as usize;
    match mode {
        RameauMode::Mecenat => {
            let mut u = step;
            while u < 2.0 * s {
                let a = ((u - s).max(0.0), u.min(s));
                let b = (u.min(s), (u - s).max(0.0));
                w.polyline(&[(x + a.0, y + a.1), (x + b.0, y + b.1)], 0.9, ink, false);
                u += step;
            }
        }
        RameauMode::CooperationEconomique => {
            for i in 1..n {
                let yy = y + i as f32 * step;
                w.hline(x, x + s, yy, 1.1, ink);
            }
        }
        RameauMode::InnovationSocietale => {
            for i in 1..n {
                for j in 1..n {
                    let (cx, cy) = (x + i as f32 * step, y + j as f32 * step);
                    w.rect(cx - 0.9, cy - 0.9, 1.8, 1.8, Some(ink), None);
                }
            }
        }
        RameauMode::PratiquesResponsables => {
            for i in 1..n {
                let d = i as f32 * step;
                w.hline(x, x + s, y + d, 0.6, ink);
                w.polyline(&[(x + d, y), (x + d, y + s)], 0.6, ink, false);
            }
        }
    }
}
