//! A funnel: one centred bar per step, as wide as its count against the
//! first step's, joined by shaded trapezoids; the step's name on the left,
//! its number in (or beside) the bar, and on the right the share of the
//! step before that went on.

use super::scale::{length, percent};
use super::{baseline, ink_on, LABEL, VALUE};
use crate::layout::{span, Breaker, LaidLine, Rgb3, Writer, MUTED};

/// A step of the funnel, its count and how it is printed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Step {
    pub label: String,
    pub value: f64,
    pub text: String,
}

#[derive(Debug, Clone)]
pub(crate) struct StepPlace {
    pub top: f32,
    pub x: f32,
    pub w: f32,
    pub label: LaidLine,
    pub text_x: f32,
    /// The number is drawn inside the bar (else beside it).
    pub inside: bool,
    /// The share of the previous step, centred in the right column.
    pub rate: Option<(f32, String)>,
}

pub(crate) const STEP_H: f32 = 22.0;
pub(crate) const GAP: f32 = 12.0;
const MIN_W: f32 = 3.0;

/// Places `steps` from `x`, `width` wide, the first step's top at `top`.
pub(crate) fn funnel_layout(
    b: &Breaker,
    steps: &[Step],
    (x, top, width): (f32, f32, f32),
) -> Vec<StepPlace> {
    let label_w = steps
        .iter()
        .map(|s| b.width(LABEL, &s.label))
        .fold(0.0, f32::max)
        .min(width * 0.3)
        + 10.0;
    let rate_w = b.width(VALUE, "100\u{202F}%") + 36.0;
    let area_x = x + label_w;
    let area_w = (width - label_w - rate_w).max(20.0);
    let centre = area_x + area_w / 2.0;
    let max = steps.iter().map(|s| s.value).fold(0.0, f64::max);
    let mut out: Vec<StepPlace> = Vec::with_capacity(steps.len());
    for (i, s) in steps.iter().enumerate() {
        let w = length(s.value, max, area_w).max(MIN_W);
        let tw = b.width(VALUE, &s.text);
        let inside = tw + 8.0 <= w;
        let step_top = top - i as f32 * (STEP_H + GAP);
        let label = b
            .clamp(&[span(LABEL, &s.label)], label_w - 10.0, 1)
            .into_iter()
            .next()
            .unwrap_or_default();
        let rate = (i > 0).then(|| {
            let prev = steps[i - 1].value;
            (step_top + GAP / 2.0, percent(s.value, prev))
        });
        out.push(StepPlace {
            top: step_top,
            x: centre - w / 2.0,
            w,
            label,
            text_x: if inside {
                centre - tw / 2.0
            } else {
                centre + w / 2.0 + 4.0
            },
            inside,
            rate,
        });
    }
    out
}

/// Draws the funnel under the cursor in `colour`, and moves below it.
pub(crate) fn draw_funnel(w: &mut Writer, steps: &[Step], colour: Rgb3) {
    let n = steps.len() as f32;
    let h = n * STEP_H + (n - 1.0).max(0.0) * GAP;
    w.ensure(h + 6.0);
    let places = funnel_layout(&w.breaker, steps, (w.left, w.y, w.width()));
    let light = Rgb3(
        colour.0 + (1.0 - colour.0) * 0.7,
        colour.1 + (1.0 - colour.1) * 0.7,
        colour.2 + (1.0 - colour.2) * 0.7,
    );
    for pair in places.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (ya, yb) = (a.top - STEP_H, b.top);
        w.polygon(
            &[(a.x, ya), (a.x + a.w, ya), (b.x + b.w, yb), (b.x, yb)],
            light,
        );
    }
    for (p, s) in places.iter().zip(steps) {
        let mid = p.top - STEP_H / 2.0;
        w.rect(p.x, p.top - STEP_H, p.w, STEP_H, Some(colour), None);
        w.draw_line(&p.label, w.left, mid + p.label.height / 2.0);
        let st = if p.inside {
            VALUE.with_color(ink_on(colour))
        } else {
            VALUE
        };
        w.text_at(p.text_x, baseline(mid, VALUE), st, &s.text);
        if let Some((y, rate)) = &p.rate {
            let text = format!("↓ {rate}");
            let st = LABEL.with_color(MUTED);
            let tw = w.breaker.width(st, &text);
            w.text_at(w.right - tw, baseline(*y, st), st, &text);
        }
    }
    w.y -= h + 6.0;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Fonts;
    use crate::typo::number;

    fn steps(values: &[f64]) -> Vec<Step> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| Step {
                label: format!("Étape {i}"),
                value: *v,
                text: number(*v),
            })
            .collect()
    }

    #[test]
    fn steps_are_centred_proportional_and_rated_against_the_previous() {
        let b = Breaker::new(Fonts::get().expect("fonts"));
        let p = funnel_layout(&b, &steps(&[200.0, 50.0, 10.0, 0.0]), (50.0, 700.0, 480.0));
        let centre = p[0].x + p[0].w / 2.0;
        for s in &p {
            assert!((s.x + s.w / 2.0 - centre).abs() < 0.01);
        }
        assert!((p[1].w / p[0].w - 0.25).abs() < 0.001);
        assert!((p[3].w - MIN_W).abs() < 0.01, "an empty step stays visible");
        assert_eq!(p[0].rate, None);
        assert_eq!(
            p[1].rate.as_ref().map(|r| r.1.as_str()),
            Some("25\u{202F}%")
        );
        assert_eq!(
            p[2].rate.as_ref().map(|r| r.1.as_str()),
            Some("20\u{202F}%")
        );
        assert!(p[0].inside && !p[3].inside);
        assert!(p[3].text_x >= p[3].x + p[3].w, "beside a thin bar");
        assert!((p[0].top - p[1].top - (STEP_H + GAP)).abs() < 0.01);
        // Nothing reaches into the rates' column.
        let rate_x = 530.0 - b.width(LABEL, "↓ 100\u{202F}%");
        for s in &p {
            assert!(s.x + s.w <= rate_x);
        }
        let zero_first = funnel_layout(&b, &steps(&[0.0, 3.0]), (0.0, 100.0, 400.0));
        assert_eq!(zero_first[1].rate.as_ref().map(|r| r.1.as_str()), Some("—"));
    }
}
