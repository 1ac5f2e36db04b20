//! Vertical bars (columns), one series: a value axis on the left with its
//! ticks, each column's number above it and its label under it.

use super::scale::{length, ticks};
use super::{baseline, AXIS, GRID, LABEL, VALUE};
use crate::layout::{span, Breaker, LaidLine, Rgb3, Writer, MUTED, RULE};

/// One column: its label under the axis, its value and how it is printed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    pub label: String,
    pub value: f64,
    pub text: String,
}

#[derive(Debug, Clone)]
pub(crate) struct ColumnPlace {
    pub x: f32,
    pub w: f32,
    pub h: f32,
    /// Start of the number, centred above the column.
    pub text_x: f32,
    pub label: LaidLine,
    pub label_x: f32,
}

#[derive(Debug, Clone)]
pub(crate) struct ColumnLayout {
    pub plot_x: f32,
    pub plot_w: f32,
    /// The axis line (the columns' foot).
    pub base: f32,
    /// Each tick's height above the base and its text.
    pub ticks: Vec<(f32, String)>,
    pub cols: Vec<ColumnPlace>,
}

const LABEL_ROOM: f32 = 14.0;
const VALUE_ROOM: f32 = 12.0;

/// Places `cols` in a box from `x`, `width` wide, whose top is `top`,
/// `height` high: tick texts on the left, a label row under the base, a
/// number's room above the tallest column.
pub(crate) fn column_layout(
    b: &Breaker,
    cols: &[Column],
    tick: fn(f64) -> String,
    (x, top, width, height): (f32, f32, f32, f32),
) -> ColumnLayout {
    let max = cols.iter().map(|c| c.value).fold(0.0, f64::max);
    let t = ticks(max, 4, false);
    let axis_top = t.last().copied().unwrap_or(1.0);
    let texts: Vec<String> = t.iter().map(|v| tick(*v)).collect();
    let gutter = texts.iter().map(|s| b.width(AXIS, s)).fold(0.0, f32::max) + 6.0;
    let plot_x = x + gutter;
    let plot_w = (width - gutter).max(20.0);
    let base = top - height + LABEL_ROOM;
    let plot_h = (height - LABEL_ROOM - VALUE_ROOM).max(10.0);
    let slot = plot_w / cols.len().max(1) as f32;
    let bar_w = (slot * 0.6).min(46.0);
    let places = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cx = plot_x + slot * (i as f32 + 0.5);
            let label = b
                .clamp(&[span(LABEL, &c.label)], slot - 4.0, 1)
                .into_iter()
                .next()
                .unwrap_or_default();
            ColumnPlace {
                x: cx - bar_w / 2.0,
                w: bar_w,
                h: length(c.value, axis_top, plot_h),
                text_x: cx - b.width(VALUE, &c.text) / 2.0,
                label_x: cx - label.width / 2.0,
                label,
            }
        })
        .collect();
    ColumnLayout {
        plot_x,
        plot_w,
        base,
        ticks: t
            .iter()
            .zip(texts)
            .map(|(v, s)| (length(*v, axis_top, plot_h), s))
            .collect(),
        cols: places,
    }
}

/// Draws the columns in a box `height` high under the cursor, in `colour`.
pub(crate) fn draw_columns(
    w: &mut Writer,
    cols: &[Column],
    tick: fn(f64) -> String,
    colour: Rgb3,
    height: f32,
) {
    w.ensure(height);
    let l = column_layout(&w.breaker, cols, tick, (w.left, w.y, w.width(), height));
    for (h, t) in &l.ticks {
        let y = l.base + h;
        w.hline(l.plot_x, l.plot_x + l.plot_w, y, 0.4, GRID);
        let tw = w.breaker.width(AXIS, t);
        w.text_at(l.plot_x - 4.0 - tw, baseline(y, AXIS), AXIS, t);
    }
    for (p, c) in l.cols.iter().zip(cols) {
        w.rect(p.x, l.base, p.w, p.h, Some(colour), None);
        w.text_at(p.text_x, l.base + p.h + 3.5, VALUE, &c.text);
        w.draw_line(&p.label, p.label_x, l.base - 2.0);
    }
    w.hline(l.plot_x, l.plot_x + l.plot_w, l.base, 0.6, RULE);
    w.polyline(&[(l.plot_x, l.base), (l.plot_x, w.y)], 0.6, MUTED, false);
    w.y -= height + 6.0;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Fonts;
    use crate::typo::number;

    #[test]
    fn columns_share_the_width_and_scale_to_the_top_tick() {
        let b = Breaker::new(Fonts::get().expect("fonts"));
        let cols: Vec<Column> = [("2025", 300.0), ("2026", 1_000.0)]
            .iter()
            .map(|(l, v)| Column {
                label: (*l).to_owned(),
                value: *v,
                text: number(*v),
            })
            .collect();
        let l = column_layout(&b, &cols, number, (50.0, 600.0, 400.0, 150.0));
        assert_eq!(l.cols.len(), 2);
        let top_tick = l.ticks.last().expect("ticks");
        assert_eq!(top_tick.1, "1\u{202F}000");
        assert!(
            (l.cols[1].h - top_tick.0).abs() < 0.01,
            "the max reaches the top tick"
        );
        assert!((l.cols[0].h / l.cols[1].h - 0.3).abs() < 0.001);
        assert!(l.cols[0].x + l.cols[0].w < l.cols[1].x);
        assert!(l.cols[1].x + l.cols[1].w <= 450.0);
        // The number above the tallest column stays in the box.
        assert!(l.base + l.cols[1].h + VALUE_ROOM <= 600.0 + 0.01);
        assert!(l.base - LABEL_ROOM >= 450.0 - 0.01);
        for c in &l.cols {
            let centre = c.x + c.w / 2.0;
            assert!((c.label_x + c.label.width / 2.0 - centre).abs() < 0.01);
        }
    }
}
