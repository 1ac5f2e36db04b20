//! Horizontal bars, one series or stacked: a category's label on the left
//! (cut with « … » when too long), the bar, each part's number inside it
//! when it fits, and the bar's total at its end; ticks under the bars.

use super::hatch::hatched_rect;
use super::scale::{length, ticks};
use super::{baseline, draw_legend, ink_on, Series, AXIS, GRID, LABEL, VALUE};
use crate::layout::{span, Breaker, LaidLine, Writer, MUTED, RULE};

/// One bar: a value per series, stacked in the series' order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bar {
    pub label: String,
    pub parts: Vec<f64>,
    /// Each part as printed (« 12 », « 4 800 € »).
    pub texts: Vec<String>,
    /// The bar's total as printed at its end.
    pub total: String,
}

/// A bar chart: its series (one for plain bars: no legend then), its
/// bars, how ticks are printed and whether values are whole numbers.
pub(crate) struct BarChart {
    pub series: Vec<Series>,
    pub bars: Vec<Bar>,
    pub tick: fn(f64) -> String,
    pub integers: bool,
}

/// A part of a bar placed: from `x`, `w` wide, its number's start when
/// it fits inside.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Seg {
    pub x: f32,
    pub w: f32,
    pub series: usize,
    pub text_x: Option<f32>,
}

#[derive(Debug, Clone)]
pub(crate) struct BarRow {
    /// Top of the row's band.
    pub top: f32,
    pub label: LaidLine,
    pub segs: Vec<Seg>,
    /// Where the total's text starts.
    pub total_x: f32,
}

#[derive(Debug, Clone)]
pub(crate) struct BarLayout {
    pub plot_x: f32,
    pub plot_w: f32,
    /// Each tick's x and text.
    pub ticks: Vec<(f32, String)>,
    pub rows: Vec<BarRow>,
    /// Bottom of the last row (ticks go under it).
    pub bottom: f32,
}

pub(crate) const ROW_H: f32 = 17.0;
/// The most of the width labels take; longer ones end with « … ».
const LABEL_SHARE: f32 = 0.42;
const BAR_H: f32 = 11.0;
/// Room around a number inside a part.
const PAD: f32 = 3.0;

/// Places the bars of `chart` in a band from `x`, `width` wide, whose top
/// is `top`: labels take at most `LABEL_SHARE` of the width, totals the width of
/// the widest, bars the rest, scaled to the top tick.
pub(crate) fn bar_layout(b: &Breaker, chart: &BarChart, x: f32, top: f32, width: f32) -> BarLayout {
    let widest = |texts: &mut dyn Iterator<Item = &String>, st| {
        texts.map(|t| b.width(st, t)).fold(0.0_f32, f32::max)
    };
    let label_w =
        widest(&mut chart.bars.iter().map(|r| &r.label), LABEL).min(width * LABEL_SHARE) + 8.0;
    let total_w = widest(&mut chart.bars.iter().map(|r| &r.total), VALUE) + 8.0;
    let plot_x = x + label_w;
    let plot_w = (width - label_w - total_w).max(20.0);
    let max = chart
        .bars
        .iter()
        .map(|r| r.parts.iter().filter(|v| **v > 0.0).sum::<f64>())
        .fold(0.0, f64::max);
    let t = ticks(max, 5, chart.integers);
    let axis_top = t.last().copied().unwrap_or(1.0);
    let rows = chart
        .bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let row_top = top - i as f32 * ROW_H;
            bar_row(b, bar, (plot_x, plot_w, axis_top), row_top, label_w - 8.0)
        })
        .collect();
    BarLayout {
        plot_x,
        plot_w,
        ticks: t
            .iter()
            .map(|v| (plot_x + length(*v, axis_top, plot_w), (chart.tick)(*v)))
            .collect(),
        rows,
        bottom: top - chart.bars.len() as f32 * ROW_H,
    }
}

fn bar_row(
    b: &Breaker,
    bar: &Bar,
    (plot_x, plot_w, axis_top): (f32, f32, f64),
    top: f32,
    label_w: f32,
) -> BarRow {
    let label = b
        .clamp(&[span(LABEL, &bar.label)], label_w, 1)
        .into_iter()
        .next()
        .unwrap_or_default();
    let mut acc = 0.0;
    let mut segs = Vec::new();
    for (i, v) in bar.parts.iter().enumerate() {
        if *v <= 0.0 {
            continue;
        }
        let x0 = plot_x + length(acc, axis_top, plot_w);
        acc += v;
        let x1 = plot_x + length(acc, axis_top, plot_w);
        let tw = bar.texts.get(i).map_or(0.0, |t| b.width(VALUE, t));
        let fits = tw + 2.0 * PAD <= x1 - x0;
        segs.push(Seg {
            x: x0,
            w: x1 - x0,
            series: i,
            text_x: fits.then_some(x0 + (x1 - x0 - tw) / 2.0),
        });
    }
    BarRow {
        top,
        label,
        segs,
        total_x: plot_x + length(acc, axis_top, plot_w) + 4.0,
    }
}

/// A number over a hatched part, on a plain chip of the part's colour:
/// `at` is where its text starts and the bar's middle height.
fn number_chip(w: &mut Writer, (x, mid): (f32, f32), text: &str, colour: crate::layout::Rgb3) {
    let tw = w.breaker.width(VALUE, text);
    w.rect(x - 1.5, mid - 4.5, tw + 3.0, 9.0, Some(colour), None);
    w.text_at(
        x,
        baseline(mid, VALUE),
        VALUE.with_color(ink_on(colour)),
        text,
    );
}

/// The height `draw_bars` takes: the rows, the ticks, the legend (two
/// rows at most for a few series).
pub(crate) fn bars_height(chart: &BarChart) -> f32 {
    let legend = if chart.series.len() > 1 { 26.0 } else { 0.0 };
    chart.bars.len() as f32 * ROW_H + 16.0 + legend
}

/// Draws `chart` under the cursor, with its legend when it has several
/// series, and moves the cursor below.
pub(crate) fn draw_bars(w: &mut Writer, chart: &BarChart) {
    w.ensure(bars_height(chart));
    let l = bar_layout(&w.breaker, chart, w.left, w.y, w.width());
    for (x, _) in &l.ticks {
        w.polyline(&[(*x, w.y), (*x, l.bottom)], 0.4, GRID, false);
    }
    for (row, bar) in l.rows.iter().zip(&chart.bars) {
        let mid = row.top - ROW_H / 2.0;
        let lx = l.plot_x - 6.0 - row.label.width;
        w.draw_line(&row.label, lx, mid + row.label.height / 2.0);
        for seg in &row.segs {
            let s = &chart.series[seg.series % chart.series.len().max(1)];
            let rect = (seg.x, mid - BAR_H / 2.0, seg.w, BAR_H);
            hatched_rect(w, rect, s.colour, s.hatch);
            if let (Some(tx), Some(t)) = (seg.text_x, bar.texts.get(seg.series)) {
                if chart.series.len() > 1 {
                    number_chip(w, (tx, mid), t, s.colour);
                }
            }
        }
        w.text_at(row.total_x, baseline(mid, VALUE), VALUE, &bar.total);
    }
    w.hline(l.plot_x, l.plot_x + l.plot_w, l.bottom, 0.6, RULE);
    w.polyline(&[(l.plot_x, w.y), (l.plot_x, l.bottom)], 0.6, MUTED, false);
    for (x, t) in &l.ticks {
        let tw = w.breaker.width(AXIS, t);
        w.text_at(x - tw / 2.0, l.bottom - 9.0, AXIS, t);
    }
    w.y = l.bottom - 16.0;
    if chart.series.len() > 1 {
        draw_legend(w, &chart.series);
    }
    w.space(6.0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Hatch;
    use crate::fonts::Fonts;
    use crate::layout::Rgb3;
    use crate::typo::number;

    fn chart(rows: &[(&str, &[f64])]) -> BarChart {
        let series = (0..rows.first().map_or(1, |r| r.1.len()))
            .map(|i| Series {
                label: format!("S{i}"),
                colour: Rgb3(0.2, 0.3, 0.4),
                hatch: Hatch::Plain,
            })
            .collect();
        BarChart {
            series,
            bars: rows
                .iter()
                .map(|(l, parts)| Bar {
                    label: (*l).to_owned(),
                    parts: parts.to_vec(),
                    texts: parts.iter().map(|v| number(*v)).collect(),
                    total: number(parts.iter().sum()),
                })
                .collect(),
            tick: number,
            integers: true,
        }
    }

    #[test]
    fn stacked_parts_follow_each_other_and_scale_to_the_top_tick() {
        let b = Breaker::new(Fonts::get().expect("fonts"));
        let c = chart(&[
            ("Rencontre", &[3.0, 0.0, 4.0]),
            ("Exploration", &[1.0, 1.0, 1.0]),
        ]);
        let l = bar_layout(&b, &c, 50.0, 700.0, 400.0);
        // max 7 → ticks 0..8 step 2.
        assert_eq!(l.ticks.len(), 5);
        assert_eq!(l.ticks[4].1, "8");
        let r0 = &l.rows[0];
        assert_eq!(r0.segs.len(), 2, "a zero part is not drawn");
        assert_eq!(r0.segs[1].series, 2);
        assert!((r0.segs[0].x + r0.segs[0].w - r0.segs[1].x).abs() < 0.01);
        let end = r0.segs[1].x + r0.segs[1].w;
        assert!((end - (l.plot_x + l.plot_w * 7.0 / 8.0)).abs() < 0.01);
        assert!(r0.total_x > end);
        assert!((l.rows[1].top - (700.0 - ROW_H)).abs() < 0.01);
        assert!((l.bottom - (700.0 - 2.0 * ROW_H)).abs() < 0.01);
    }

    #[test]
    fn numbers_sit_inside_parts_only_when_they_fit() {
        let b = Breaker::new(Fonts::get().expect("fonts"));
        let c = chart(&[("A", &[1000.0, 1.0])]);
        let l = bar_layout(&b, &c, 0.0, 500.0, 300.0);
        let wide = &l.rows[0].segs[0];
        let tx = wide.text_x.expect("fits");
        let tw = b.width(VALUE, "1\u{202F}000");
        assert!(tx >= wide.x + PAD && tx + tw <= wide.x + wide.w - PAD + 0.01);
        assert_eq!(l.rows[0].segs[1].text_x, None, "a sliver has no room");
    }

    #[test]
    fn long_labels_are_cut_and_everything_stays_in_the_band() {
        let b = Breaker::new(Fonts::get().expect("fonts"));
        let long =
            "Association intercommunale pour le développement de l'économie sociale et solidaire";
        let c = chart(&[(long, &[12_345.0]), ("Court", &[2.0])]);
        let l = bar_layout(&b, &c, 40.0, 500.0, 400.0);
        assert!(l.rows[0].label.width <= 400.0 * LABEL_SHARE + 0.01);
        assert!(l.plot_x - 40.0 <= 400.0 * LABEL_SHARE + 8.01);
        assert!(
            b.width(LABEL, long) > 400.0 * LABEL_SHARE,
            "the label was cut"
        );
        let total_end = l.rows[0].total_x + b.width(VALUE, &number(12_345.0));
        assert!(total_end <= 440.0 + 0.01, "{total_end}");
    }
}
