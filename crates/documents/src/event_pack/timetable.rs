//! The rows of a timetable (planning and table sheet), who a participant
//! is at a given density, and the densest fit.

use super::grid::{cell, rows_height, Cell, Density, GRow, Grid, DENSITIES};
use super::index::{break_after, time_range};
use super::page::Pack;
use super::{PackParticipant, PAUSE_FILL};
use crate::fonts::Face;
use crate::layout::{span, Align, LaidLine, Span, Style, INK, MUTED, SHADE};
use crate::typo::french_spacing as fr;

impl<'a> Pack<'_, 'a> {
    /// The name, contact, presentation, needs and offers of `id`, at a
    /// density, in `width` points.
    pub(super) fn who(&self, id: &str, d: Density, width: f32) -> Vec<LaidLine> {
        let b = &self.w.breaker;
        let bold = Style::new(Face::Bold, d.size, INK);
        let Some(p) = self.ix.by_id.get(id) else {
            return b.clamp(&[span(bold, fr(id))], width, d.name_lines);
        };
        let mut name = vec![span(bold, fr(&p.name))];
        if let Some(c) = p.contact.as_deref().filter(|c| !c.trim().is_empty()) {
            name.push(span(
                Style::new(Face::Regular, d.size - 0.5, MUTED),
                format!(" ·\u{A0}{}", fr(c)),
            ));
        }
        let pres = p
            .presentation
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(fr);
        let pres_style = Style::new(Face::Italic, d.size - 1.0, INK);
        let mut lines = if d.pres_lines == 0 {
            let n = b.lines(&name, width).len().clamp(1, d.name_lines);
            if let Some(pres) = pres {
                name.push(span(pres_style, format!(" — {pres}")));
            }
            b.clamp(&name, width, n)
        } else {
            let mut l = b.clamp(&name, width, d.name_lines);
            if let Some(pres) = pres {
                l.extend(b.clamp(&[span(pres_style, pres)], width, d.pres_lines));
            }
            l
        };
        if let Some((size, split)) = d.wants {
            lines.extend(self.wants(p, size, split, width));
        }
        lines
    }

    /// « Cherche : … » and « Propose : … » of `p` in type of `size`: each
    /// on its own line when `split`, else both on one line.
    fn wants(&self, p: &PackParticipant, size: f32, split: bool, width: f32) -> Vec<LaidLine> {
        let b = &self.w.breaker;
        let label = Style::new(Face::Bold, size, MUTED);
        let text = Style::new(Face::Regular, size, INK);
        let list = |v: &[String]| {
            v.iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(fr)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (needs, offers) = (list(&p.needs), list(&p.offers));
        let mut parts: Vec<Vec<Span>> = Vec::new();
        if !needs.is_empty() {
            parts.push(vec![span(label, fr("Cherche : ")), span(text, needs)]);
        }
        if !offers.is_empty() {
            parts.push(vec![span(label, fr("Propose : ")), span(text, offers)]);
        }
        let mut lines = Vec::new();
        if split {
            for part in &parts {
                lines.extend(b.clamp(part, width, 1));
            }
        } else if !parts.is_empty() {
            let mut joined = Vec::new();
            for (i, part) in parts.into_iter().enumerate() {
                if i > 0 {
                    joined.push(span(text.with_color(MUTED), "  ·  "));
                }
                joined.extend(part);
            }
            lines.extend(b.clamp(&joined, width, 1));
        }
        lines
    }

    /// Rows of a timetable (planning or table sheet): one per round with
    /// the meetings `of` gives, a pause row for a round without one, the
    /// breaks between rounds.
    pub(super) fn timetable_rows(
        &self,
        g: &Grid,
        d: Density,
        of: &dyn Fn(u32) -> Vec<(u32, &'a str)>,
        with_table: bool,
        pause: &str,
    ) -> Vec<GRow> {
        let b = &self.w.breaker;
        let plain = Style::new(Face::Regular, d.size, INK);
        let bold = plain.with_face(Face::Bold);
        let who_col = if with_table { 3 } else { 2 };
        let mut rows = Vec::new();
        let n = self.ix.slots.len();
        for (k, slot) in self.ix.slots.iter().enumerate() {
            let found = of(slot.number);
            let mut head = Some([
                cell(
                    0,
                    b.lines(&[span(bold, slot.number.to_string())], g.inner(0, 1)),
                ),
                cell(1, b.lines(&[span(plain, time_range(*slot))], g.inner(1, 1))),
            ]);
            if found.is_empty() {
                let mut cells: Vec<Cell> = head.take().into_iter().flatten().collect();
                let muted = Style::new(Face::Italic, d.size, MUTED);
                if with_table {
                    cells.push(Cell {
                        align: Align::Center,
                        ..cell(2, b.lines(&[span(muted, "—")], g.inner(2, 1)))
                    });
                }
                cells.push(cell(
                    who_col,
                    b.clamp(&[span(muted, fr(pause))], g.inner(who_col, 1), 1),
                ));
                let mut r = GRow::new(cells, d.pad);
                r.fill = Some(PAUSE_FILL);
                rows.push(r);
            }
            for (table, other) in &found {
                let mut cells: Vec<Cell> = head.take().into_iter().flatten().collect();
                if with_table {
                    cells.push(Cell {
                        align: Align::Center,
                        ..cell(2, b.lines(&[span(bold, table.to_string())], g.inner(2, 1)))
                    });
                }
                cells.push(cell(who_col, self.who(other, d, g.inner(who_col, 1))));
                rows.push(GRow::new(cells, d.pad));
            }
            if let Some(text) = break_after(*slot, k + 1 == n) {
                let s = Style::new(Face::Italic, d.size - 0.5, INK);
                let mut r = GRow::new(
                    vec![Cell {
                        col: 1,
                        span: g.xs.len() - 2,
                        lines: b.clamp(&[span(s, fr(&text))], g.inner(1, g.xs.len() - 2), 1),
                        align: Align::Left,
                    }],
                    d.pad,
                );
                r.fill = Some(SHADE);
                rows.push(r);
            }
        }
        rows
    }

    /// The rows at the richest density that fits in `avail` points; the
    /// densest when none does.
    pub(super) fn densest_fit(
        &self,
        avail: f32,
        make: impl Fn(&Self, Density) -> Vec<GRow>,
    ) -> Vec<GRow> {
        let mut last = Vec::new();
        for d in DENSITIES {
            last = make(self, d);
            if rows_height(&last) <= avail {
                break;
            }
        }
        last
    }
}
