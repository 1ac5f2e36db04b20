//! Value axes: round ticks from zero, and values mapped to lengths.

/// Ticks from zero up to a round maximum at least `max`: steps of 1, 2,
/// 2.5 or 5 × 10^k, at most `most` intervals. With `integers`, steps are
/// whole numbers (no 2.5 below 10, never below 1). A maximum of zero or
/// less still gives an axis, 0 to 1.
pub(crate) fn ticks(max: f64, most: usize, integers: bool) -> Vec<f64> {
    let most = most.max(1) as f64;
    if max <= 0.0 || !max.is_finite() {
        return vec![0.0, 1.0];
    }
    let raw = max / most;
    let mag = 10f64.powf(raw.log10().floor());
    let mults: &[f64] = if integers && mag < 10.0 {
        &[1.0, 2.0, 5.0, 10.0]
    } else {
        &[1.0, 2.0, 2.5, 5.0, 10.0]
    };
    let mut step = mults
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * mag);
    if integers {
        step = step.max(1.0).round();
    }
    let n = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// The length of `value` on an axis where `top` is `len` long (never
/// negative, never beyond the axis).
pub(crate) fn length(value: f64, top: f64, len: f32) -> f32 {
    if top <= 0.0 || !value.is_finite() {
        return 0.0;
    }
    ((value / top).clamp(0.0, 1.0) as f32) * len
}

/// A percentage rounded to a whole number, « — » when `of` is zero.
pub(crate) fn percent(part: f64, of: f64) -> String {
    if of <= 0.0 {
        return "—".to_owned();
    }
    format!("{}\u{202F}%", (part / of * 100.0).round())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(ticks(7.0, 5, true), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(ticks(3.0, 5, true), vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(ticks(1.0, 5, true), vec![0.0, 1.0]);
        assert_eq!(
            ticks(12_400.0, 5, false),
            vec![0.0, 2500.0, 5000.0, 7500.0, 10_000.0, 12_500.0]
        );
        assert_eq!(ticks(100.0, 4, true), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(ticks(0.0, 5, true), vec![0.0, 1.0]);
        assert_eq!(ticks(f64::NAN, 5, true), vec![0.0, 1.0]);
        for max in [0.3, 1.7, 9.0, 11.0, 999.0, 1234.5, 987_654.0] {
            for integers in [true, false] {
                let t = ticks(max, 5, integers);
                let top = *t.last().expect("ticks");
                assert!(top >= max, "{max}: {t:?}");
                assert!(t.len() <= 6 + 1, "{max}: {t:?}");
                assert!(top < max * 2.6 + 1.0, "{max}: {t:?}");
                if integers {
                    assert!(t.iter().all(|v| v.fract() == 0.0), "{max}: {t:?}");
                }
            }
        }
    }

    #[test]
    fn lengths_are_proportional_and_clamped() {
        assert!((length(5.0, 10.0, 200.0) - 100.0).abs() < 1e-4);
        assert_eq!(length(20.0, 10.0, 200.0), 200.0);
        assert_eq!(length(-1.0, 10.0, 200.0), 0.0);
        assert_eq!(length(1.0, 0.0, 200.0), 0.0);
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(1.0, 3.0), "33\u{202F}%");
        assert_eq!(percent(2.0, 0.0), "—");
        assert_eq!(percent(5.0, 5.0), "100\u{202F}%");
    }
}
