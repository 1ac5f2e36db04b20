//! Tables whose header repeats on each page they span, a row too tall for
//! one page split between pages.

use super::writer::Writer;
use super::{span, Align, LaidLine, Span, Style, INK, MUTED, RULE, SHADE};

/// A table column: title, share of the width, alignment.
pub(crate) struct Column {
    pub title: String,
    pub share: f32,
    pub align: Align,
}

pub(crate) fn col(title: &str, share: f32, align: Align) -> Column {
    Column {
        title: title.to_owned(),
        share,
        align,
    }
}

pub(crate) struct Row {
    pub cells: Vec<Vec<Span>>,
    /// A totals row: a heavier rule above, shaded.
    pub total: bool,
}

const CELL_PAD_X: f32 = 4.0;
pub(super) const CELL_PAD_Y: f32 = 3.5;

/// What every row of a table needs: its columns and their widths, the
/// header's lines and height, the least height of a row.
struct Frame<'c> {
    cols: &'c [Column],
    widths: Vec<f32>,
    head_lines: Vec<Vec<LaidLine>>,
    head_h: f32,
    first_row_h: f32,
}

impl Writer<'_> {
    /// A table with its header repeated on each page it spans; a row too
    /// tall for one page is split between pages.
    pub(crate) fn table(&mut self, cols: &[Column], rows: &[Row], head: Style, body: Style) {
        let f = self.table_frame(cols, head, body);
        self.ensure(f.head_h + f.first_row_h);
        self.table_header(&f);
        for row in rows {
            self.table_row(&f, row);
        }
        self.space(self.table_gap);
    }

    /// The columns' widths from their shares, and the header laid out.
    fn table_frame<'c>(&self, cols: &'c [Column], head: Style, body: Style) -> Frame<'c> {
        let total_share: f32 = cols.iter().map(|c| c.share).sum::<f32>().max(0.01);
        let widths: Vec<f32> = cols
            .iter()
            .map(|c| c.share / total_share * self.width())
            .collect();
        let head_lines: Vec<Vec<LaidLine>> = cols
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                self.breaker
                    .lines(&[span(head, &c.title)], w - 2.0 * CELL_PAD_X)
            })
            .collect();
        let head_h = head_lines
            .iter()
            .map(|ls| ls.iter().map(|l| l.height).sum::<f32>())
            .fold(0.0, f32::max)
            + 2.0 * self.cell_pad_y;
        Frame {
            cols,
            widths,
            head_lines,
            head_h,
            first_row_h: body.line_height() + 2.0 * self.cell_pad_y,
        }
    }

    /// One row: on a new page when it does not fit here but fits on a page
    /// (or hardly any room is left), else what fits here and the rest on
    /// the next pages, the header repeated.
    fn table_row(&mut self, f: &Frame, row: &Row) {
        let cells: Vec<Vec<LaidLine>> = row
            .cells
            .iter()
            .zip(&f.widths)
            .map(|(c, w)| self.breaker.lines(c, w - 2.0 * CELL_PAD_X))
            .collect();
        let mut next: Vec<usize> = vec![0; cells.len()];
        loop {
            let remaining_h = cells
                .iter()
                .zip(&next)
                .map(|(ls, &from)| ls[from..].iter().map(|l| l.height).sum::<f32>())
                .fold(0.0, f32::max)
                + 2.0 * self.cell_pad_y;
            let page_h = self.top - self.bottom - f.head_h;
            if remaining_h > self.room() && (remaining_h <= page_h || self.room() < f.first_row_h) {
                self.new_page();
                self.table_header(f);
                continue;
            }
            next = self.row_part(f, row.total, &cells, &next);
            if cells.iter().zip(&next).all(|(ls, &n)| n >= ls.len()) {
                break;
            }
            self.new_page();
            self.table_header(f);
        }
    }

    /// Draws what fits on this page of each cell's lines from `next` on,
    /// shaded and ruled above for a totals row; returns where each cell
    /// stopped.
    fn row_part(
        &mut self,
        f: &Frame,
        total: bool,
        cells: &[Vec<LaidLine>],
        next: &[usize],
    ) -> Vec<usize> {
        let avail = self.room() - 2.0 * self.cell_pad_y;
        let mut chunk_h: f32 = 0.0;
        let mut ends = next.to_vec();
        for (i, ls) in cells.iter().enumerate() {
            let mut h = 0.0;
            let mut j = next[i];
            while j < ls.len() && h + ls[j].height <= avail + 0.01 {
                h += ls[j].height;
                j += 1;
            }
            ends[i] = j;
            chunk_h = chunk_h.max(h);
        }
        let row_h = chunk_h + 2.0 * self.cell_pad_y;
        let top = self.y;
        if total {
            self.rect(
                self.left,
                top - row_h,
                self.width(),
                row_h,
                Some(SHADE),
                None,
            );
            self.hline(self.left, self.right, top, 0.9, INK);
        }
        let parts: Vec<&[LaidLine]> = cells
            .iter()
            .enumerate()
            .map(|(i, ls)| &ls[next[i]..ends[i]])
            .collect();
        self.draw_cells(f, &parts, top);
        self.y -= row_h;
        self.hline(self.left, self.right, self.y, 0.4, RULE);
        ends
    }

    /// Draws the lines of each cell of one table row from `top`, aligned in
    /// its column.
    fn draw_cells(&mut self, f: &Frame, cells: &[&[LaidLine]], top: f32) {
        let mut x = self.left;
        for (i, lines) in cells.iter().enumerate() {
            let mut t = top - self.cell_pad_y;
            for line in *lines {
                let inner = f.widths[i] - 2.0 * CELL_PAD_X;
                let dx = match f.cols[i].align {
                    Align::Left | Align::Justify => 0.0,
                    Align::Right => inner - line.width,
                    Align::Center => (inner - line.width) / 2.0,
                };
                self.draw_line(line, x + CELL_PAD_X + dx, t);
                t -= line.height;
            }
            x += f.widths[i];
        }
    }

    /// The header row, shaded, with a heavier rule under it.
    fn table_header(&mut self, f: &Frame) {
        let h = f.head_h;
        let top = self.y;
        self.rect(self.left, top - h, self.width(), h, Some(SHADE), None);
        let parts: Vec<&[LaidLine]> = f.head_lines.iter().map(Vec::as_slice).collect();
        self.draw_cells(f, &parts, top);
        self.y -= h;
        self.hline(self.left, self.right, self.y, 0.6, MUTED);
    }
}
