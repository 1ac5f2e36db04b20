//! The pack's third section: a table card per table (landscape), the
//! table number large enough to read across a room, and the seated
//! participant's name.

use super::index::TableInfo;
use super::page::Pack;
use super::INFO;
use crate::fonts::Face;
use crate::layout::{span, LaidLine, Style, Writer, ACCENT, INK, MUTED};
use crate::typo::french_spacing as fr;

impl<'a> Pack<'_, 'a> {
    pub(super) fn table_card(&mut self, t: &TableInfo<'a>) {
        self.start(format!("chevalet de la table {}", t.number), true);
        let ix = self.ix;
        let w = &mut self.w;
        let (l, r, top) = (w.left, w.right, w.top);
        let width = r - l;
        let centre = |w: &mut Writer, line: &LaidLine, t: f32| {
            let x = l + (width - line.width) / 2.0;
            w.draw_line(line, x, t);
        };
        let ev = w
            .breaker
            .clamp(&[span(INFO, fr(&ix.data.event_name))], width, 1);
        let num = t.number.to_string();
        let unit = w.breaker.width(Style::new(Face::Bold, 1.0, INK), &num);
        let size = (width * 0.9 / unit.max(0.1)).min(300.0);
        let big = Style::new(Face::Bold, size, INK);
        let (name, sub) = match (t.seated, t.seated_id) {
            (Some(p), _) => (fr(&p.name), fr(&p.side_label)),
            (None, Some(id)) => (fr(id), String::new()),
            (None, None) => (String::new(), String::new()),
        };
        let mut lines = w
            .breaker
            .clamp(&[span(Style::new(Face::Bold, 28.0, INK), name)], width, 2);
        if !sub.is_empty() {
            lines.extend(w.breaker.clamp(
                &[span(Style::new(Face::Regular, 14.0, MUTED), sub)],
                width,
                1,
            ));
        }
        // Digits of DejaVu Sans Bold rise 0.73 em above the baseline.
        let label = Style::new(Face::Bold, 34.0, ACCENT);
        let (label_h, gap, digits_h) = (34.0 * 0.73, 34.0, size * 0.73);
        let names_h: f32 = lines.iter().map(|l| l.height).sum();
        let block = label_h + gap + digits_h + gap + names_h;
        let mut y = top;
        for line in &ev {
            centre(w, line, y);
            y -= line.height;
        }
        // The label, the number and the name, centred in what is left.
        y -= ((y - w.bottom - block) / 2.0).max(0.0);
        let lw = w.breaker.width(label, "TABLE");
        w.text_at(l + (width - lw) / 2.0, y - label_h, label, "TABLE");
        y -= label_h + gap;
        let nw = w.breaker.width(big, &num);
        w.text_at(l + (width - nw) / 2.0, y - digits_h, big, &num);
        y -= digits_h + gap;
        for line in &lines {
            centre(w, line, y);
            y -= line.height;
        }
        w.y = y;
    }
}
