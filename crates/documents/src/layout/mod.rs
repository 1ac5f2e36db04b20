//! A small page-layout engine over printpdf's `Op` API: styled spans,
//! greedy line breaking by measured glyph widths, paragraphs, headings kept
//! with what follows, tables whose rows split across pages with the header
//! repeated, and pages finished with a footer once their count is known.
//!
//! `lines` breaks text into lines, `writer` pages content (paragraphs,
//! bullets, headings, footers), `table` lays out tables, `draw` turns
//! shapes and lines into printpdf operations.

mod draw;
mod lines;
mod table;
mod writer;

use printpdf::{Color, Rgb};

use crate::fonts::Face;
pub(crate) use lines::{Breaker, LaidLine};
pub(crate) use table::{col, Row};
pub(crate) use writer::Writer;

/// A4 in points.
pub(crate) const PAGE_W: f32 = 595.276;
pub(crate) const PAGE_H: f32 = 841.89;
/// Nothing is drawn closer to the paper's edge than this (18 mm).
pub(crate) const MARGIN: f32 = 51.02;
/// Room kept at the bottom of the body for the footer.
pub(crate) const FOOTER_H: f32 = 30.0;

/// An RGB colour, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb3(pub f32, pub f32, pub f32);

pub(crate) const INK: Rgb3 = Rgb3(0.11, 0.13, 0.16);
pub(crate) const MUTED: Rgb3 = Rgb3(0.38, 0.41, 0.45);
pub(crate) const RULE: Rgb3 = Rgb3(0.78, 0.8, 0.83);
pub(crate) const ACCENT: Rgb3 = Rgb3(0.16, 0.24, 0.36);
pub(crate) const SHADE: Rgb3 = Rgb3(0.93, 0.94, 0.95);
pub(crate) const WARN: Rgb3 = Rgb3(0.62, 0.18, 0.1);

impl Rgb3 {
    pub(crate) fn color(self) -> Color {
        Color::Rgb(Rgb::new(self.0, self.1, self.2, None))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub face: Face,
    pub size: f32,
    pub color: Rgb3,
}

impl Style {
    pub(crate) const fn new(face: Face, size: f32, color: Rgb3) -> Self {
        Self { face, size, color }
    }
    pub(crate) const fn with_face(self, face: Face) -> Self {
        Self { face, ..self }
    }
    pub(crate) const fn with_color(self, color: Rgb3) -> Self {
        Self { color, ..self }
    }
    pub(crate) fn line_height(self) -> f32 {
        self.size * 1.38
    }
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Span {
    Text(Style, String),
    /// A ruled blank to fill in by hand, this many points wide.
    Blank(Style, f32),
}

pub(crate) fn span(style: Style, text: impl Into<String>) -> Span {
    Span::Text(style, text.into())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    /// Flush left and right, the last line of a paragraph flush left.
    Justify,
    Right,
    Center,
}

/// Options of a paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Para {
    /// Left indent from the body's left edge.
    pub indent: f32,
    pub space_after: f32,
    pub align: Align,
}

impl Default for Para {
    fn default() -> Self {
        Self {
            indent: 0.0,
            space_after: 4.0,
            align: Align::Left,
        }
    }
}
