//! A grid of rows drawn by hand, and how dense a timetable's rows are.

use crate::layout::{Align, LaidLine, Rgb3, RULE};

/// How much of a counterpart a row shows; the pack takes the richest one
/// that keeps a planning on its page.
#[derive(Clone, Copy)]
pub(super) struct Density {
    pub(super) size: f32,
    pub(super) name_lines: usize,
    /// Lines of presentation under the name; 0: the presentation follows
    /// the name on its line.
    pub(super) pres_lines: usize,
    /// Needs and offers: type size and whether each has its own line.
    pub(super) wants: Option<(f32, bool)>,
    pub(super) pad: f32,
}

pub(super) const DENSITIES: [Density; 5] = [
    Density {
        size: 9.5,
        name_lines: 2,
        pres_lines: 2,
        wants: Some((8.0, true)),
        pad: 4.0,
    },
    Density {
        size: 9.0,
        name_lines: 2,
        pres_lines: 1,
        wants: Some((7.5, false)),
        pad: 3.0,
    },
    Density {
        size: 8.5,
        name_lines: 2,
        pres_lines: 0,
        wants: Some((7.0, false)),
        pad: 2.5,
    },
    Density {
        size: 8.0,
        name_lines: 1,
        pres_lines: 0,
        wants: Some((6.5, false)),
        pad: 1.5,
    },
    Density {
        size: 8.0,
        name_lines: 1,
        pres_lines: 0,
        wants: None,
        pad: 2.0,
    },
];

// ---- a grid of rows drawn by hand ----

pub(super) const PAD_X: f32 = 4.0;

pub(super) struct Cell {
    pub(super) col: usize,
    pub(super) span: usize,
    pub(super) lines: Vec<LaidLine>,
    pub(super) align: Align,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Mark {
    None,
    /// A box to tick in column `tick`, ruled lines to write on in `note`.
    Tick {
        tick: usize,
        note: usize,
    },
}

pub(super) struct GRow {
    pub(super) cells: Vec<Cell>,
    pub(super) fill: Option<Rgb3>,
    pub(super) pad: f32,
    pub(super) min_h: f32,
    pub(super) mark: Mark,
    /// The rule under the row: thickness and colour.
    pub(super) sep: (f32, Rgb3),
}

impl GRow {
    pub(super) fn new(cells: Vec<Cell>, pad: f32) -> Self {
        Self {
            cells,
            fill: None,
            pad,
            min_h: 0.0,
            mark: Mark::None,
            sep: (0.4, RULE),
        }
    }

    pub(super) fn height(&self) -> f32 {
        let content = self
            .cells
            .iter()
            .map(|c| c.lines.iter().map(|l| l.height).sum::<f32>())
            .fold(0.0, f32::max);
        (content + 2.0 * self.pad).max(self.min_h)
    }
}

pub(super) fn cell(col: usize, lines: Vec<LaidLine>) -> Cell {
    Cell {
        col,
        span: 1,
        lines,
        align: Align::Left,
    }
}

/// Column edges, left to right.
pub(super) struct Grid {
    pub(super) xs: Vec<f32>,
}

impl Grid {
    /// Columns of the given widths, the last one taking what is left.
    pub(super) fn new(left: f32, right: f32, widths: &[f32]) -> Self {
        let mut xs = vec![left];
        let mut x = left;
        for w in widths {
            x += w;
            xs.push(x);
        }
        xs.push(right);
        Self { xs }
    }

    pub(super) fn inner(&self, col: usize, span: usize) -> f32 {
        self.xs[col + span] - self.xs[col] - 2.0 * PAD_X
    }

    pub(super) fn left(&self) -> f32 {
        self.xs[0]
    }

    pub(super) fn right(&self) -> f32 {
        self.xs[self.xs.len() - 1]
    }
}

pub(super) fn rows_height(rows: &[GRow]) -> f32 {
    rows.iter().map(GRow::height).sum()
}
