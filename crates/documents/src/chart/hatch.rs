//! Hatching inside filled rectangles, so that series read in grayscale
//! too (the same patterns as the brief's Rameau card: mécénat diagonal,
//! coopération horizontal, innovation dotted, pratiques responsables a
//! grid).

use crate::layout::{Rgb3, Writer};

/// A series' pattern over its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hatch {
    Plain,
    Diagonal,
    Horizontal,
    Dots,
    Grid,
}

/// Distance between two lines or dots of a pattern.
const STEP: f32 = 3.5;

/// The pattern's strokes inside the rectangle from `(x, y)` (bottom left),
/// `w` × `h`, as segments; dots are short segments. Every end lies in the
/// rectangle.
pub(crate) fn strokes(hatch: Hatch, (x, y, w, h): (f32, f32, f32, f32)) -> Vec<[(f32, f32); 2]> {
    let mut out = Vec::new();
    let steps = |len: f32| (1..).map(|i| i as f32 * STEP).take_while(move |d| *d < len);
    match hatch {
        Hatch::Plain => {}
        Hatch::Horizontal => {
            out.extend(steps(h).map(|d| [(x, y + d), (x + w, y + d)]));
        }
        Hatch::Grid => {
            out.extend(steps(h).map(|d| [(x, y + d), (x + w, y + d)]));
            out.extend(steps(w).map(|d| [(x + d, y), (x + d, y + h)]));
        }
        Hatch::Diagonal => {
            // Lines x' − y' = c, c from −h to w, going up to the right.
            let mut c = -h + STEP;
            while c < w {
                let start = (c.max(0.0), (-c).max(0.0));
                let t = (w - start.0).min(h - start.1);
                out.push([
                    (x + start.0, y + start.1),
                    (x + start.0 + t, y + start.1 + t),
                ]);
                c += STEP;
            }
        }
        Hatch::Dots => {
            for dy in steps(h) {
                for dx in steps(w) {
                    out.push([(x + dx - 0.5, y + dy), (x + dx + 0.5, y + dy)]);
                }
            }
        }
    }
    out
}

/// A rectangle filled with `fill` and hatched with a darker shade of it.
pub(crate) fn hatched_rect(w: &mut Writer, rect: (f32, f32, f32, f32), fill: Rgb3, hatch: Hatch) {
    let (x, y, rw, rh) = rect;
    w.rect(x, y, rw, rh, Some(fill), None);
    let ink = Rgb3(fill.0 * 0.55, fill.1 * 0.55, fill.2 * 0.55);
    let thickness = if hatch == Hatch::Dots { 1.1 } else { 0.55 };
    for [a, b] in strokes(hatch, rect) {
        w.polyline(&[a, b], thickness, ink, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strokes_stay_inside_their_rectangle() {
        let rect = (10.0, 20.0, 37.0, 11.0);
        let inside = |(px, py): (f32, f32)| {
            (10.0 - 0.51..=47.0 + 0.51).contains(&px) && (20.0 - 1e-3..=31.0 + 1e-3).contains(&py)
        };
        for hatch in [Hatch::Diagonal, Hatch::Horizontal, Hatch::Dots, Hatch::Grid] {
            let s = strokes(hatch, rect);
            assert!(!s.is_empty(), "{hatch:?}");
            for [a, b] in &s {
                assert!(inside(*a) && inside(*b), "{hatch:?}: {a:?} {b:?}");
            }
        }
        assert!(strokes(Hatch::Plain, rect).is_empty());
        // Diagonals run at 45° and end on the rectangle's edges.
        for [a, b] in strokes(Hatch::Diagonal, rect) {
            assert!(((b.0 - a.0) - (b.1 - a.1)).abs() < 1e-4);
            assert!((b.0 - 47.0).abs() < 1e-3 || (b.1 - 31.0).abs() < 1e-3);
        }
        assert_eq!(strokes(Hatch::Horizontal, rect).len(), 3);
    }
}
