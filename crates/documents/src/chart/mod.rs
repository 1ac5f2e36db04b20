//! Vector charts drawn with printpdf operations (no SVG): horizontal bars,
//! single or stacked with a legend (`bars`), vertical bars (`columns`), a
//! funnel (`funnel`) and lines over years (`line`). Every bar and point
//! has its number printed, axes have their labels, and all text is real
//! text (selectable, found by `pdftotext`).
//!
//! Each chart is a pure layout function — data and measured text in,
//! positions out, tested without rendering — and a `draw_*` function that
//! turns the layout into the writer's operations.

mod axis;
mod bars;
mod columns;
mod funnel;
mod hatch;
mod line;
mod scale;

pub(crate) use bars::{bars_height, draw_bars, Bar, BarChart};
pub(crate) use columns::{draw_columns, Column};
pub(crate) use funnel::{draw_funnel, Step};
pub(crate) use hatch::Hatch;
pub(crate) use line::{draw_lines, LineChart};
pub(crate) use scale::percent;

use crate::fonts::Face;
use crate::layout::{Breaker, Rgb3, Style, Writer, INK, MUTED};

/// A category's name on an axis.
pub(crate) const LABEL: Style = Style::new(Face::Regular, 7.5, INK);
/// A number printed on or beside a bar or point.
pub(crate) const VALUE: Style = Style::new(Face::Bold, 7.5, INK);
/// Tick labels and axis titles.
pub(crate) const AXIS: Style = Style::new(Face::Regular, 6.5, MUTED);
const WHITE: Rgb3 = Rgb3(1.0, 1.0, 1.0);
/// Light lines behind the bars, one per tick.
const GRID: Rgb3 = Rgb3(0.88, 0.89, 0.91);

/// One series of a chart: its name in the legend, colour, and its
/// hatching so the chart reads in grayscale.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Series {
    pub label: String,
    pub colour: Rgb3,
    pub hatch: Hatch,
}

/// Ink that reads on `bg`: white on dark fills, the text colour on light
/// ones (relative luminance, sRGB weights).
pub(crate) fn ink_on(bg: Rgb3) -> Rgb3 {
    let lum = 0.2126 * bg.0 + 0.7152 * bg.1 + 0.0722 * bg.2;
    if lum < 0.45 {
        WHITE
    } else {
        INK
    }
}

/// The baseline that centres text of `style` vertically on `mid`.
pub(crate) fn baseline(mid: f32, style: Style) -> f32 {
    mid - style.size * 0.34
}

/// A legend item placed: the swatch's bottom-left corner, then the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LegendItem {
    pub x: f32,
    pub y: f32,
    pub series: usize,
    pub text_x: f32,
}

const SWATCH: f32 = 10.0;
const LEGEND_ROW: f32 = 13.0;

/// The legend's items flowed left to right from `x`, wrapping before
/// `x + width`, the first row's top at `top`; and the legend's height.
pub(crate) fn legend_layout(
    b: &Breaker,
    series: &[Series],
    x: f32,
    top: f32,
    width: f32,
) -> (Vec<LegendItem>, f32) {
    let mut items = Vec::with_capacity(series.len());
    let (mut cx, mut row) = (x, 0usize);
    for (i, s) in series.iter().enumerate() {
        let w = SWATCH + 4.0 + b.width(LABEL, &s.label);
        if cx > x && cx + w > x + width {
            cx = x;
            row += 1;
        }
        let y = top - row as f32 * LEGEND_ROW - SWATCH - 1.0;
        items.push(LegendItem {
            x: cx,
            y,
            series: i,
            text_x: cx + SWATCH + 4.0,
        });
        cx += w + 12.0;
    }
    let rows = if series.is_empty() { 0 } else { row + 1 };
    (items, rows as f32 * LEGEND_ROW)
}

/// Draws the legend under the cursor and moves the cursor below it.
pub(crate) fn draw_legend(w: &mut Writer, series: &[Series]) {
    let (_, h) = legend_layout(&w.breaker, series, w.left, w.y, w.width());
    w.ensure(h);
    let (items, _) = legend_layout(&w.breaker, series, w.left, w.y, w.width());
    for it in &items {
        let s = &series[it.series];
        hatch::hatched_rect(w, (it.x, it.y, SWATCH, SWATCH), s.colour, s.hatch);
        w.text_at(
            it.text_x,
            baseline(it.y + SWATCH / 2.0, LABEL),
            LABEL,
            &s.label,
        );
    }
    w.y -= h;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Fonts;

    fn series(n: usize) -> Vec<Series> {
        (0..n)
            .map(|i| Series {
                label: format!("Série numéro {i} au nom assez long"),
                colour: Rgb3(0.1, 0.2, 0.3),
                hatch: Hatch::Plain,
            })
            .collect()
    }

    #[test]
    fn legend_wraps_inside_its_width_without_overlap() {
        let b = Breaker::new(Fonts::get().expect("fonts"));
        let s = series(7);
        let (items, h) = legend_layout(&b, &s, 50.0, 500.0, 300.0);
        assert_eq!(items.len(), 7);
        assert!(h >= 2.0 * LEGEND_ROW, "{h}");
        for (i, it) in items.iter().enumerate() {
            let end = it.text_x + b.width(LABEL, &s[i].label);
            assert!(
                end <= 350.0 + 0.01 || it.x == 50.0,
                "item {i} ends at {end}"
            );
            assert!(it.y + SWATCH <= 500.0 && it.y >= 500.0 - h);
            if let Some(next) = items.get(i + 1) {
                if (next.y - it.y).abs() < 0.01 {
                    assert!(next.x > end, "items {i} and {} overlap", i + 1);
                }
            }
        }
        assert_eq!(legend_layout(&b, &[], 0.0, 0.0, 100.0).1, 0.0);
    }

    #[test]
    fn ink_reads_on_its_fill() {
        assert_eq!(ink_on(Rgb3(0.0, 0.447, 0.698)), WHITE);
        assert_eq!(ink_on(Rgb3(0.902, 0.624, 0.0)), INK);
        assert_eq!(ink_on(Rgb3(0.93, 0.94, 0.95)), INK);
    }
}
