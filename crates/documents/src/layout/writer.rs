//! Pagination: the writer places content on pages top to bottom, keeps
//! headings with what follows, and finishes the pages with their footer.

use printpdf::Op;

use super::lines::Breaker;
use super::table::CELL_PAD_Y;
use super::{span, Align, Para, Span, Style, FOOTER_H, MARGIN, PAGE_H, PAGE_W, RULE};
use crate::fonts::Fonts;

/// Places content on pages, top to bottom.
pub(crate) struct Writer<'f> {
    pub fonts: &'f Fonts,
    pub breaker: Breaker<'f>,
    pages: Vec<Vec<Op>>,
    pub(super) ops: Vec<Op>,
    /// Top of the next content, in points from the bottom of the page.
    pub y: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    /// Nothing was placed on the current page yet.
    fresh: bool,
    /// Space above and below the text of a table cell.
    pub cell_pad_y: f32,
    /// Space after a table.
    pub table_gap: f32,
}

impl<'f> Writer<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            breaker: Breaker::new(fonts),
            pages: Vec::new(),
            ops: Vec::new(),
            y: PAGE_H - MARGIN,
            left: MARGIN,
            right: PAGE_W - MARGIN,
            top: PAGE_H - MARGIN,
            bottom: MARGIN + FOOTER_H,
            fresh: true,
            cell_pad_y: CELL_PAD_Y,
            table_gap: 8.0,
        }
    }

    pub(crate) fn width(&self) -> f32 {
        self.right - self.left
    }

    /// The index of the current page (pages already finished).
    pub(crate) fn page_index(&self) -> usize {
        self.pages.len()
    }

    /// Nothing was drawn on the current page.
    pub(crate) fn page_is_blank(&self) -> bool {
        self.ops.is_empty()
    }

    pub(crate) fn new_page(&mut self) {
        let ops = std::mem::take(&mut self.ops);
        self.pages.push(ops);
        self.y = self.top;
        self.fresh = true;
    }

    /// Moves to a new page unless `h` points fit below the cursor.
    pub(crate) fn ensure(&mut self, h: f32) {
        if self.y - h < self.bottom && !self.fresh {
            self.new_page();
        }
    }

    /// Vertical space; none at the top of a page.
    pub(crate) fn space(&mut self, h: f32) {
        if !self.fresh {
            self.y -= h;
            if self.y < self.bottom {
                self.new_page();
            }
        }
    }

    pub(crate) fn room(&self) -> f32 {
        self.y - self.bottom
    }

    pub(super) fn mark(&mut self) {
        self.fresh = false;
    }

    /// A paragraph in the body, broken over pages as needed (never one
    /// lonely first line at the bottom of a page).
    pub(crate) fn paragraph(&mut self, spans: &[Span], para: Para) {
        let width = self.width() - para.indent;
        let lines = self.breaker.lines(spans, width);
        if let (Some(first), Some(second)) = (lines.first(), lines.get(1)) {
            self.ensure(first.height + second.height);
        }
        for line in &lines {
            self.ensure(line.height);
            let x = self.left
                + para.indent
                + match para.align {
                    Align::Left | Align::Justify => 0.0,
                    Align::Right => width - line.width,
                    Align::Center => (width - line.width) / 2.0,
                };
            let top = self.y;
            let last = std::ptr::eq(line, lines.last().unwrap_or(line));
            if para.align == Align::Justify && !last && !line.hard_end {
                self.draw_justified(line, x, top, width);
            } else {
                self.draw_line(line, x, top);
            }
            self.y -= line.height;
        }
        self.space(para.space_after);
    }

    /// A bulleted item.
    pub(crate) fn bullet(&mut self, bullet: &str, spans: &[Span], indent: f32, style: Style) {
        let lines = self.breaker.lines(spans, self.width() - indent - 12.0);
        if let Some(first) = lines.first() {
            self.ensure(first.height);
            let baseline = self.y - first.height * 0.5 - first.size * 0.34;
            self.text_at(self.left + indent, baseline, style, bullet);
        }
        for line in &lines {
            self.ensure(line.height);
            let top = self.y;
            self.draw_line(line, self.left + indent + 12.0, top);
            self.y -= line.height;
        }
        self.space(1.5);
    }

    /// A section heading kept with at least `keep` points of what follows.
    pub(crate) fn heading(&mut self, text: &str, style: Style, keep: f32, rule: bool) {
        let spans = [span(style, text)];
        let lines = self.breaker.lines(&spans, self.width());
        let h: f32 = lines.iter().map(|l| l.height).sum::<f32>() + if rule { 4.0 } else { 0.0 };
        self.ensure(h + keep);
        for line in &lines {
            self.ensure(line.height);
            let top = self.y;
            self.draw_line(line, self.left, top);
            self.y -= line.height;
        }
        if rule {
            let y = self.y - 1.0;
            self.hline(self.left, self.right, y, 0.6, RULE);
            self.y -= 4.0;
        }
    }

    /// Ruled blank lines to write on by hand.
    pub(crate) fn blank_lines(&mut self, n: usize, style: Style) {
        let h = style.line_height() * 1.45;
        for _ in 0..n {
            self.ensure(h);
            let y = self.y - h + 3.0;
            self.hline(self.left, self.right, y, 0.5, RULE);
            self.y -= h;
        }
        self.space(3.0);
    }

    /// Ends the last page and hands every page's operations to `footer`
    /// with its number and the total, so it can add « page X / Y ».
    pub(crate) fn finish(
        mut self,
        mut footer: impl FnMut(&mut Self, usize, usize),
    ) -> Vec<Vec<Op>> {
        if !self.ops.is_empty() || self.pages.is_empty() {
            let ops = std::mem::take(&mut self.ops);
            self.pages.push(ops);
        }
        let pages = std::mem::take(&mut self.pages);
        let total = pages.len();
        let mut out = Vec::with_capacity(total);
        for (i, ops) in pages.into_iter().enumerate() {
            self.ops = ops;
            footer(&mut self, i + 1, total);
            out.push(std::mem::take(&mut self.ops));
        }
        out
    }
}
