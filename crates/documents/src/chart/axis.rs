//! A vertical value axis on the left of a chart's box, shared by columns
//! and lines: tick texts in a gutter, grid lines, the base line.

use super::scale::{length, ticks};
use super::{baseline, AXIS, GRID};
use crate::layout::{Breaker, Writer, MUTED, RULE};

/// Room under the base for the x labels.
pub(crate) const LABEL_ROOM: f32 = 14.0;
/// Room above the plot for the numbers over the highest value.
pub(crate) const VALUE_ROOM: f32 = 14.0;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ValueAxis {
    pub plot_x: f32,
    pub plot_w: f32,
    /// The base line (value zero).
    pub base: f32,
    pub plot_h: f32,
    /// The value at the top tick.
    pub top_value: f64,
    /// Each tick's height above the base and its text.
    pub ticks: Vec<(f32, String)>,
}

impl ValueAxis {
    /// The axis of values up to `max` in a box from `x`, `width` wide,
    /// whose top is `top`, `height` high: the gutter as wide as the widest
    /// tick text, rooms kept under and over the plot.
    pub(crate) fn new(
        b: &Breaker,
        (max, integers, tick): (f64, bool, fn(f64) -> String),
        (x, top, width, height): (f32, f32, f32, f32),
    ) -> Self {
        let t = ticks(max, 4, integers);
        let top_value = t.last().copied().unwrap_or(1.0);
        let texts: Vec<String> = t.iter().map(|v| tick(*v)).collect();
        let gutter = texts.iter().map(|s| b.width(AXIS, s)).fold(0.0, f32::max) + 6.0;
        let plot_h = (height - LABEL_ROOM - VALUE_ROOM).max(10.0);
        Self {
            plot_x: x + gutter,
            plot_w: (width - gutter).max(20.0),
            base: top - height + LABEL_ROOM,
            plot_h,
            top_value,
            ticks: t
                .iter()
                .zip(texts)
                .map(|(v, s)| (length(*v, top_value, plot_h), s))
                .collect(),
        }
    }

    /// How high `value` stands above the base.
    pub(crate) fn height(&self, value: f64) -> f32 {
        length(value, self.top_value, self.plot_h)
    }

    /// Grid lines and tick texts, the base line, the axis up to `top`.
    pub(crate) fn draw(&self, w: &mut Writer, top: f32) {
        for (h, t) in &self.ticks {
            let y = self.base + h;
            w.hline(self.plot_x, self.plot_x + self.plot_w, y, 0.4, GRID);
            let tw = w.breaker.width(AXIS, t);
            w.text_at(self.plot_x - 4.0 - tw, baseline(y, AXIS), AXIS, t);
        }
        w.hline(self.plot_x, self.plot_x + self.plot_w, self.base, 0.6, RULE);
        w.polyline(
            &[(self.plot_x, self.base), (self.plot_x, top)],
            0.6,
            MUTED,
            false,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Fonts;
    use crate::typo::number;

    #[test]
    fn the_axis_fills_its_box_below_the_room_for_numbers() {
        let b = Breaker::new(Fonts::get().expect("fonts"));
        let a = ValueAxis::new(&b, (1_000.0, true, number), (50.0, 600.0, 400.0, 150.0));
        assert_eq!(a.ticks.last().map(|t| t.1.as_str()), Some("1\u{202F}000"));
        let gutter = b.width(AXIS, "1\u{202F}000") + 6.0;
        assert!((a.plot_x - 50.0 - gutter).abs() < 0.01);
        assert!((a.plot_x + a.plot_w - 450.0).abs() < 0.01);
        assert!((a.base - (450.0 + LABEL_ROOM)).abs() < 0.01);
        assert!((a.base + a.height(1_000.0) + VALUE_ROOM - 600.0).abs() < 0.01);
        assert!((a.height(250.0) - a.plot_h / 4.0).abs() < 0.01);
    }
}
