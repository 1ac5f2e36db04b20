//! Vertical bars (columns), one series: a value axis on the left with its
//! ticks, each column's number above it and its label under it.

use super::axis::ValueAxis;
use super::{LABEL, VALUE};
use crate::layout::{span, Breaker, LaidLine, Rgb3, Writer};

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

/// Places `cols` over a value axis in the box `(x, top, width, height)`.
pub(crate) fn column_layout(
    b: &Breaker,
    cols: &[Column],
    tick: fn(f64) -> String,
    frame: (f32, f32, f32, f32),
) -> (ValueAxis, Vec<ColumnPlace>) {
    let max = cols.iter().map(|c| c.value).fold(0.0, f64::max);
    let axis = ValueAxis::new(b, (max, false, tick), frame);
    let slot = axis.plot_w / cols.len().max(1) as f32;
    let bar_w = (slot * 0.6).min(46.0);
    let places = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cx = axis.plot_x + slot * (i as f32 + 0.5);
            let label = b
                .clamp(&[span(LABEL, &c.label)], slot - 4.0, 1)
                .into_iter()
                .next()
                .unwrap_or_default();
            ColumnPlace {
                x: cx - bar_w / 2.0,
                w: bar_w,
                h: axis.height(c.value),
                text_x: cx - b.width(VALUE, &c.text) / 2.0,
                label_x: cx - label.width / 2.0,
                label,
            }
        })
        .collect();
    (axis, places)
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
    let (axis, places) = column_layout(&w.breaker, cols, tick, (w.left, w.y, w.width(), height));
    axis.draw(w, w.y);
    for (p, c) in places.iter().zip(cols) {
        w.rect(p.x, axis.base, p.w, p.h, Some(colour), None);
        w.text_at(p.text_x, axis.base + p.h + 3.5, VALUE, &c.text);
        w.draw_line(&p.label, p.label_x, axis.base - 2.0);
    }
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
        let (axis, p) = column_layout(&b, &cols, number, (50.0, 600.0, 400.0, 150.0));
        assert_eq!(p.len(), 2);
        let top_tick = axis.ticks.last().expect("ticks");
        assert!(
            (p[1].h - top_tick.0).abs() < 0.01,
            "the max reaches the top tick"
        );
        assert!((p[0].h / p[1].h - 0.3).abs() < 0.001);
        assert!(p[0].x + p[0].w < p[1].x);
        assert!(p[0].x >= axis.plot_x && p[1].x + p[1].w <= 450.0);
        for c in &p {
            let centre = c.x + c.w / 2.0;
            assert!((c.label_x + c.label.width / 2.0 - centre).abs() < 0.01);
            assert!((c.text_x - centre).abs() < 30.0 && c.text_x < centre);
        }
    }
}
