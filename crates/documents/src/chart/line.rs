//! Lines over years: a value axis on the left, one line per series with a
//! marker and its number at each year, numbers at one year kept apart.

use super::axis::ValueAxis;
use super::{draw_legend, Series, LABEL, VALUE};
use crate::layout::{Breaker, Writer};

/// Series of values over the same x labels (years).
pub(crate) struct LineChart {
    pub xs: Vec<String>,
    pub series: Vec<Series>,
    /// `values[s][i]`: series `s` at x `i`.
    pub values: Vec<Vec<f64>>,
    pub texts: Vec<Vec<String>>,
    pub tick: fn(f64) -> String,
    pub integers: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LineLayout {
    pub axis: ValueAxis,
    /// Each x label's centre.
    pub xs: Vec<f32>,
    /// `points[s][i]`: the marker's centre.
    pub points: Vec<Vec<(f32, f32)>>,
    /// `labels[s][i]`: where the number's text starts and its baseline.
    pub labels: Vec<Vec<(f32, f32)>>,
}

/// Least distance between two numbers' baselines at one x.
const LABEL_GAP: f32 = 8.5;

/// Moves baselines apart (each at least `gap` below the one above it),
/// keeping their order and moving them as little as that needs; then all
/// up when the lowest went under `floor`.
pub(crate) fn spread(ys: &mut [(usize, f32)], gap: f32, floor: f32) {
    ys.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    for k in 1..ys.len() {
        let limit = ys[k - 1].1 - gap;
        if ys[k].1 > limit {
            ys[k].1 = limit;
        }
    }
    if let Some(last) = ys.last() {
        let lift = floor - last.1;
        if lift > 0.0 {
            for y in ys.iter_mut() {
                y.1 += lift;
            }
        }
    }
}

/// Places the chart in a box from `x`, `width` wide, whose top is `top`,
/// `height` high.
pub(crate) fn line_layout(
    b: &Breaker,
    chart: &LineChart,
    (x, top, width, height): (f32, f32, f32, f32),
) -> LineLayout {
    let max = chart.values.iter().flatten().copied().fold(0.0, f64::max);
    let axis = ValueAxis::new(
        b,
        (max, chart.integers, chart.tick),
        (x, top, width, height),
    );
    let base = axis.base;
    let slot = axis.plot_w / chart.xs.len().max(1) as f32;
    let xs: Vec<f32> = (0..chart.xs.len())
        .map(|i| axis.plot_x + slot * (i as f32 + 0.5))
        .collect();
    let points: Vec<Vec<(f32, f32)>> = chart
        .values
        .iter()
        .map(|vs| {
            vs.iter()
                .zip(&xs)
                .map(|(v, cx)| (*cx, base + axis.height(*v)))
                .collect()
        })
        .collect();
    let mut labels: Vec<Vec<(f32, f32)>> =
        points.iter().map(|ps| vec![(0.0, 0.0); ps.len()]).collect();
    for (i, cx) in xs.iter().enumerate() {
        let mut ys: Vec<(usize, f32)> = points
            .iter()
            .enumerate()
            .filter_map(|(s, ps)| ps.get(i).map(|p| (s, p.1 + 4.0)))
            .collect();
        spread(&mut ys, LABEL_GAP, base + 2.0);
        for (s, y) in ys {
            labels[s][i] = (cx + 5.0, y.min(top - VALUE.size));
        }
    }
    LineLayout {
        axis,
        xs,
        points,
        labels,
    }
}

/// Draws the chart in a box `height` high under the cursor, its legend
/// under it.
pub(crate) fn draw_lines(w: &mut Writer, chart: &LineChart, height: f32) {
    w.ensure(height + 16.0);
    let l = line_layout(&w.breaker, chart, (w.left, w.y, w.width(), height));
    l.axis.draw(w, w.y);
    for (cx, label) in l.xs.iter().zip(&chart.xs) {
        let tw = w.breaker.width(LABEL, label);
        w.text_at(cx - tw / 2.0, l.axis.base - 10.0, LABEL, label);
    }
    for (s, ps) in l.points.iter().enumerate() {
        let colour = chart.series[s].colour;
        if ps.len() > 1 {
            w.polyline(ps, 1.6, colour, false);
        }
        for (i, (px, py)) in ps.iter().enumerate() {
            w.polygon(
                &[
                    (px - 3.0, *py),
                    (*px, py + 3.0),
                    (px + 3.0, *py),
                    (*px, py - 3.0),
                ],
                colour,
            );
            if let Some(t) = chart.texts[s].get(i) {
                let (tx, ty) = l.labels[s][i];
                w.text_at(tx, ty, VALUE.with_color(colour_text(colour)), t);
            }
        }
    }
    w.y -= height + 4.0;
    draw_legend(w, &chart.series);
    w.space(6.0);
}

/// Numbers take their series' colour, darkened so they read as text.
fn colour_text(c: crate::layout::Rgb3) -> crate::layout::Rgb3 {
    crate::layout::Rgb3(c.0 * 0.7, c.1 * 0.7, c.2 * 0.7)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Hatch;
    use crate::fonts::Fonts;
    use crate::layout::Rgb3;
    use crate::typo::number;

    #[test]
    fn close_numbers_at_one_year_are_kept_apart_in_order() {
        let mut ys = vec![(0, 100.0), (1, 101.0), (2, 60.0), (3, 100.5)];
        spread(&mut ys, 8.0, 0.0);
        let by: Vec<usize> = ys.iter().map(|y| y.0).collect();
        assert_eq!(by, vec![1, 3, 0, 2]);
        for pair in ys.windows(2) {
            assert!(pair[0].1 - pair[1].1 >= 8.0 - 1e-4, "{ys:?}");
        }
        assert_eq!(ys[0].1, 101.0, "the highest does not move");
        assert_eq!(ys[3].1, 60.0, "a far one does not move");
        let mut low = vec![(0, 5.0), (1, 5.0)];
        spread(&mut low, 8.0, 4.0);
        assert!(low.iter().all(|y| y.1 >= 4.0 - 1e-4), "{low:?}");
    }

    #[test]
    fn points_sit_on_their_year_and_value() {
        let b = Breaker::new(Fonts::get().expect("fonts"));
        let series = |l: &str| Series {
            label: l.to_owned(),
            colour: Rgb3(0.0, 0.0, 0.0),
            hatch: Hatch::Plain,
        };
        let values = vec![vec![4.0, 8.0, 2.0], vec![4.0, 1.0, 0.0]];
        let chart = LineChart {
            xs: vec!["2024".into(), "2025".into(), "2026".into()],
            series: vec![series("Engagés"), series("Signés")],
            texts: values
                .iter()
                .map(|v| v.iter().map(|x| number(*x)).collect())
                .collect(),
            values,
            tick: number,
            integers: true,
        };
        let l = line_layout(&b, &chart, (50.0, 700.0, 400.0, 160.0));
        let top_h = l.axis.ticks.last().expect("ticks").0;
        assert!(
            (l.points[0][1].1 - (l.axis.base + top_h)).abs() < 0.01,
            "8 is the top tick"
        );
        assert!((l.points[1][2].1 - l.axis.base).abs() < 0.01);
        assert!((l.points[0][0].1 - l.points[1][0].1).abs() < 0.01);
        // Equal values at 2024: both numbers printed, apart.
        assert!((l.labels[0][0].1 - l.labels[1][0].1).abs() >= LABEL_GAP - 1e-3);
        assert!(l.xs[0] < l.xs[1] && l.xs[2] <= 450.0);
        for s in &l.labels {
            for (_, y) in s {
                assert!(*y <= 700.0 && *y >= l.axis.base);
            }
        }
    }
}
