//! The pack's pages and the pieces every section shares: headers, the
//! name block, framed messages, the rules, tables whose header repeats.

use printpdf::Op;

use super::grid::{cell, GRow, Grid, Mark, PAD_X};
use super::index::Index;
use super::{
    PackParticipant, BOX_FILL, EVENT, HEAD, INFO, KICKER, NAME, RULES, RULES_MORE, SMALL, SUB,
};
use crate::fonts::{Face, Fonts};
use crate::layout::{
    span, Align, LaidLine, Rgb3, Span, Style, Writer, ACCENT, FOOTER_H, INK, MARGIN, MUTED, PAGE_H,
    PAGE_W, RULE, SHADE,
};
use crate::typo::{date_short, french_spacing as fr};

/// The footer and orientation of a section's pages.
#[derive(Clone)]
struct PageInfo {
    footer: String,
    landscape: bool,
}

/// The pack being written: the writer, the indexed data, and where each
/// section's pages start.
pub(super) struct Pack<'f, 'a> {
    pub(super) w: Writer<'f>,
    pub(super) ix: &'a Index<'a>,
    /// Where each section starts (page index) and its footer.
    infos: Vec<(usize, PageInfo)>,
}

impl<'f, 'a> Pack<'f, 'a> {
    pub(super) fn new(fonts: &'f Fonts, ix: &'a Index<'a>) -> Self {
        Self {
            w: Writer::new(fonts),
            ix,
            infos: Vec::new(),
        }
    }

    /// Starts a page (the first one is already there).
    pub(super) fn start(&mut self, footer: String, landscape: bool) {
        let w = &mut self.w;
        if !(w.page_index() == 0 && w.page_is_blank() && self.infos.is_empty()) {
            w.new_page();
        }
        let (pw, ph) = if landscape {
            (PAGE_H, PAGE_W)
        } else {
            (PAGE_W, PAGE_H)
        };
        w.left = MARGIN;
        w.right = pw - MARGIN;
        w.top = ph - MARGIN;
        w.bottom = MARGIN + FOOTER_H;
        w.y = w.top;
        self.infos
            .push((w.page_index(), PageInfo { footer, landscape }));
    }

    /// A new page for the same section.
    pub(super) fn continue_page(&mut self) {
        let info = self.infos.last().map_or_else(
            || PageInfo {
                footer: String::new(),
                landscape: false,
            },
            |(_, i)| i.clone(),
        );
        self.start(info.footer, info.landscape);
    }

    pub(super) fn finish(self) -> Vec<(Vec<Op>, bool)> {
        let infos = self.infos;
        let info_of = |n: usize| -> Option<&PageInfo> {
            infos.iter().rev().find(|(i, _)| *i < n).map(|(_, i)| i)
        };
        let event = fr(&self.ix.data.event_name);
        let on = date_short(self.ix.data.generated_on);
        let signature = fr(self.ix.data.letterhead.signature());
        let pages = self.w.finish(|w, n, total| {
            let info = info_of(n);
            let pw = if info.is_some_and(|i| i.landscape) {
                PAGE_H
            } else {
                PAGE_W
            };
            let y = MARGIN + 14.0;
            w.hline(MARGIN, pw - MARGIN, y, 0.5, RULE);
            let label = format!("page {n} / {total}");
            let lw = w.breaker.width(SMALL, &label);
            w.text_at(pw - MARGIN - lw, MARGIN + 3.0, SMALL, &label);
            let section = info.map_or("", |i| i.footer.as_str());
            let left = format!("{signature} · édité le {on} · {section} · {event}");
            let lines = w
                .breaker
                .clamp(&[span(SMALL, left)], pw - 2.0 * MARGIN - lw - 16.0, 1);
            if let Some(line) = lines.first() {
                let top = MARGIN + 3.0 + line.height * 0.5 + SMALL.size * 0.34;
                w.draw_line(line, MARGIN, top);
            }
        });
        pages
            .into_iter()
            .enumerate()
            .map(|(i, ops)| (ops, info_of(i + 1).is_some_and(|x| x.landscape)))
            .collect()
    }

    pub(super) fn empty(&mut self) {
        self.start("Dossier de l'événement".to_owned(), false);
        self.event_header("DOSSIER DE L'ÉVÉNEMENT");
        self.message(&[
            "Aucun participant ni aucune table pour cet événement.",
            "Ajoutez des participants et établissez le planning avant d'imprimer le dossier.",
        ]);
    }

    /// Draws lines from the cursor down, at `x`.
    pub(super) fn lines_at(&mut self, lines: &[LaidLine], x: f32) {
        for line in lines {
            let top = self.w.y;
            self.w.draw_line(line, x, top);
            self.w.y -= line.height;
        }
    }

    /// Kicker (« PLANNING · ASSOCIATION »), event name, date, times, venue,
    /// who to contact; the organisation's logo on the right.
    pub(super) fn event_header(&mut self, kicker: &str) {
        let ix = self.ix;
        let top = self.w.y;
        let left = self.w.left;
        let logo_w = self.w.corner_logo(&ix.data.letterhead, top);
        self.w.text_at(left, top - 8.0, KICKER, kicker);
        self.w.y -= 13.0;
        let width = self.w.width() - logo_w;
        let name = self
            .w
            .breaker
            .clamp(&[span(EVENT, fr(&ix.data.event_name))], width, 2);
        self.lines_at(&name, left);
        let info = self
            .w
            .breaker
            .clamp(&[span(INFO, ix.event_line())], width, 2);
        self.lines_at(&info, left);
        if let Some(line) = ix.data.contact.as_ref().and_then(contact_line) {
            let contact = self.w.breaker.clamp(&[span(INFO, line)], width, 1);
            self.lines_at(&contact, left);
        }
        self.w.y -= 7.0;
    }

    /// The participant's name large, their side and contact, and a framed
    /// box on the right (their table, or that they move).
    pub(super) fn name_block(&mut self, name: &str, sub: &str, box_spans: &[Span]) {
        let w = &mut self.w;
        let box_w = w
            .breaker
            .lines(box_spans, 200.0)
            .iter()
            .map(|l| l.width)
            .fold(0.0, f32::max)
            .clamp(84.0, 150.0)
            + 20.0;
        let box_lines = w.breaker.lines(box_spans, box_w - 16.0);
        let name_w = w.width() - box_w - 14.0;
        let mut lines = w.breaker.clamp(&[span(NAME, fr(name))], name_w, 3);
        if !sub.is_empty() {
            lines.extend(w.breaker.clamp(&[span(SUB, fr(sub))], name_w, 2));
        }
        let block_h: f32 = lines.iter().map(|l| l.height).sum();
        let box_text_h: f32 = box_lines.iter().map(|l| l.height).sum();
        let box_h = (box_text_h + 14.0).max(block_h);
        let top = w.y;
        let bx = w.right - box_w;
        w.rect(
            bx,
            top - box_h,
            box_w,
            box_h,
            Some(BOX_FILL),
            Some((ACCENT, 1.0)),
        );
        let mut t = top - (box_h - box_text_h) / 2.0;
        for line in &box_lines {
            w.draw_line(line, bx + (box_w - line.width) / 2.0, t);
            t -= line.height;
        }
        let mut t = top;
        for line in &lines {
            w.draw_line(line, w.left, t);
            t -= line.height;
        }
        w.y = top - box_h.max(block_h) - 6.0;
        let (l, r, y) = (w.left, w.right, w.y);
        w.hline(l, r, y, 0.6, RULE);
        w.y -= 8.0;
    }

    pub(super) fn participant_header(&mut self, p: &PackParticipant, kicker: &str) {
        let side = p.side_label.to_uppercase();
        self.event_header(&format!("{kicker} · {side}"));
        let mut sub = p.side_label.clone();
        if let Some(c) = p.contact.as_deref().filter(|c| !c.trim().is_empty()) {
            sub.push_str(" · contact : ");
            sub.push_str(c);
        }
        let label = Style::new(Face::Regular, 10.0, INK);
        let box_spans = if p.seated {
            match self.ix.table_of(p) {
                Some(t) => vec![
                    span(label, fr("Votre table : ")),
                    span(Style::new(Face::Bold, 24.0, INK), t.to_string()),
                ],
                None => vec![span(label, fr("Votre table : à confirmer"))],
            }
        } else {
            vec![span(
                Style::new(Face::Regular, 8.5, INK),
                "Vous changez de table\nà chaque tour",
            )]
        };
        self.name_block(&p.name, &sub, &box_spans);
    }

    /// Paragraphs in a light frame with a bar on the left.
    pub(super) fn framed(&mut self, paras: &[Vec<Span>]) {
        let pad = 6.0;
        let inner = self.w.width() - 2.0 * pad - 3.0;
        let laid: Vec<LaidLine> = paras
            .iter()
            .flat_map(|p| self.w.breaker.lines(p, inner))
            .collect();
        let h = laid.iter().map(|l| l.height).sum::<f32>() + 2.0 * pad;
        if self.w.room() < h {
            self.continue_page();
        }
        let top = self.w.y;
        let (l, width) = (self.w.left, self.w.width());
        self.w
            .rect(l, top - h, width, h, Some(Rgb3(0.97, 0.975, 0.98)), None);
        self.w.rect(l, top - h, 3.0, h, Some(ACCENT), None);
        self.w.y -= pad;
        self.lines_at(&laid, l + 3.0 + pad);
        self.w.y = top - h - 8.0;
    }

    pub(super) fn message(&mut self, paras: &[&str]) {
        let body = Style::new(Face::Regular, 10.0, INK);
        let all: Vec<Vec<Span>> = paras
            .iter()
            .enumerate()
            .map(|(i, p)| {
                vec![span(
                    if i == 0 {
                        body.with_face(Face::Bold)
                    } else {
                        body
                    },
                    fr(p),
                )]
            })
            .collect();
        self.w.y -= 6.0;
        self.framed(&all);
    }

    pub(super) fn rules(&mut self) {
        let s = Style::new(Face::Regular, 8.5, INK);
        self.framed(&[vec![
            span(s.with_face(Face::Bold), fr("Règles du jeu : ")),
            span(s, fr(RULES)),
            span(s.with_color(MUTED), format!(" {}", fr(RULES_MORE))),
        ]]);
    }

    pub(super) fn rules_height(&self) -> f32 {
        let s = Style::new(Face::Regular, 8.5, INK);
        let lines = self.w.breaker.lines(
            &[
                span(s.with_face(Face::Bold), fr("Règles du jeu : ")),
                span(s, fr(RULES)),
                span(s, format!(" {}", fr(RULES_MORE))),
            ],
            self.w.width() - 15.0,
        );
        lines.iter().map(|l| l.height).sum::<f32>() + 12.0 + 8.0
    }

    /// The rows under a repeated header row, onto new pages as needed.
    pub(super) fn table(&mut self, g: &Grid, head: &GRow, rows: &[GRow]) {
        let hh = head.height();
        let first = rows.first().map_or(0.0, GRow::height);
        if self.w.room() < hh + first {
            self.continue_page();
        }
        self.row(g, head);
        for r in rows {
            if self.w.room() < r.height() {
                self.continue_page();
                self.row(g, head);
            }
            self.row(g, r);
        }
        self.w.y -= 8.0;
    }

    fn row(&mut self, g: &Grid, row: &GRow) {
        let h = row.height();
        let top = self.w.y;
        let w = &mut self.w;
        if let Some(f) = row.fill {
            w.rect(g.left(), top - h, g.right() - g.left(), h, Some(f), None);
        }
        if let Mark::Tick { tick, note } = row.mark {
            let s = 11.0;
            let x = (g.xs[tick] + g.xs[tick + 1] - s) / 2.0;
            let first = row
                .cells
                .first()
                .and_then(|c| c.lines.first())
                .map_or(12.0, |l| l.height);
            let y = top - row.pad - first / 2.0 - s / 2.0;
            w.rect(x, y, s, s, Some(Rgb3(1.0, 1.0, 1.0)), Some((INK, 0.9)));
            let (x1, x2) = (g.xs[note] + PAD_X, g.xs[note + 1] - PAD_X);
            let mut ly = top - h + 6.0;
            while ly < top - 10.0 {
                w.hline(x1, x2, ly, 0.4, Rgb3(0.7, 0.72, 0.75));
                ly += 13.0;
            }
        }
        for c in &row.cells {
            let x0 = g.xs[c.col] + PAD_X;
            let inner = g.inner(c.col, c.span);
            let mut t = top - row.pad;
            for line in &c.lines {
                let dx = match c.align {
                    Align::Left | Align::Justify => 0.0,
                    Align::Right => inner - line.width,
                    Align::Center => (inner - line.width) / 2.0,
                };
                w.draw_line(line, x0 + dx, t);
                t -= line.height;
            }
        }
        w.y = top - h;
        let (l, r, y) = (g.left(), g.right(), w.y);
        w.hline(l, r, y, row.sep.0, row.sep.1);
    }

    pub(super) fn head_row(&self, g: &Grid, titles: &[&str]) -> GRow {
        let cells = titles
            .iter()
            .enumerate()
            .map(|(i, t)| {
                cell(
                    i,
                    self.w.breaker.clamp(&[span(HEAD, fr(t))], g.inner(i, 1), 1),
                )
            })
            .collect();
        let mut r = GRow::new(cells, 4.0);
        r.fill = Some(SHADE);
        r.sep = (0.6, MUTED);
        r
    }
}

/// « Contact : Léa Muller · lea@labo-alsace.fr · 03 89 00 00 00 ».
fn contact_line(f: &tisserand_domain::settings::Facilitator) -> Option<String> {
    let name = f.name.trim();
    if name.is_empty() {
        return None;
    }
    let parts: Vec<&str> = [Some(name), f.email.as_deref(), f.phone.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    Some(fr(&format!("Contact : {}", parts.join(" · "))))
}
