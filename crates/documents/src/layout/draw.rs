//! Drawing: text, lines, rectangles and polygons as printpdf operations,
//! and laid-out lines drawn flush or justified.

use printpdf::{
    Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt, Rect, TextItem,
    WindingOrder,
};

use super::lines::{LaidLine, Run};
use super::writer::Writer;
use super::{Rgb3, Style};

impl Writer<'_> {
    pub(crate) fn text_at(&mut self, x: f32, baseline: f32, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        let face = self.fonts.face(style.face);
        let clean = face.sanitize(text).into_owned();
        push_text(&mut self.ops, face.id.clone(), x, baseline, style, clean);
        self.mark();
    }

    pub(crate) fn hline(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, color: Rgb3) {
        stroke_line(&mut self.ops, &[(x1, y), (x2, y)], thickness, color, false);
        self.mark();
    }

    pub(crate) fn polyline(
        &mut self,
        pts: &[(f32, f32)],
        thickness: f32,
        color: Rgb3,
        closed: bool,
    ) {
        stroke_line(&mut self.ops, pts, thickness, color, closed);
        self.mark();
    }

    /// A rectangle from its bottom-left corner.
    pub(crate) fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb3>,
        stroke: Option<(Rgb3, f32)>,
    ) {
        fill_rect(&mut self.ops, x, y, w, h, fill, stroke);
        self.mark();
    }

    pub(crate) fn polygon(&mut self, pts: &[(f32, f32)], fill: Rgb3) {
        self.ops.push(Op::SetFillColor { col: fill.color() });
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: points(pts),
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
        self.mark();
    }

    /// Places the image `id` (an XObject of the file) with its bottom-left
    /// corner at `(x, y)`, `w` × `h` points.
    pub(crate) fn image(&mut self, id: &printpdf::XObjectId, x: f32, y: f32, w: f32, h: f32) {
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: printpdf::XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(y)),
                scale_x: Some(w),
                scale_y: Some(h),
                ..Default::default()
            },
        });
        self.mark();
    }

    /// Draws a laid-out line with its top at `top`, starting at `x`.
    pub(crate) fn draw_line(&mut self, line: &LaidLine, x: f32, top: f32) {
        let baseline = top - line.height * 0.5 - line.size * 0.34;
        for run in &line.runs {
            match run {
                Run::Text { x: rx, style, text } => {
                    let face = self.fonts.face(style.face);
                    push_text(
                        &mut self.ops,
                        face.id.clone(),
                        x + rx,
                        baseline,
                        *style,
                        text.clone(),
                    );
                }
                Run::Blank {
                    x: rx,
                    style,
                    width,
                } => {
                    stroke_line(
                        &mut self.ops,
                        &[
                            (x + rx + 1.0, baseline - 1.5),
                            (x + rx + width - 1.0, baseline - 1.5),
                        ],
                        0.5,
                        style.color,
                        false,
                    );
                }
            }
        }
        self.mark();
    }

    /// Draws a line stretched to `width` by widening its spaces; a line
    /// that would look too loose stays flush left.
    pub(super) fn draw_justified(&mut self, line: &LaidLine, x: f32, top: f32, width: f32) {
        let spaces: usize = line
            .runs
            .iter()
            .map(|r| match r {
                Run::Text { text, .. } => text.matches(' ').count(),
                Run::Blank { .. } => 0,
            })
            .sum();
        let extra = if spaces == 0 {
            0.0
        } else {
            (width - line.width) / spaces as f32
        };
        if spaces == 0 || extra <= 0.0 || extra > line.size * 0.8 {
            self.draw_line(line, x, top);
            return;
        }
        let baseline = top - line.height * 0.5 - line.size * 0.34;
        let mut shift = 0.0;
        for run in &line.runs {
            match run {
                Run::Text { x: rx, style, text } => {
                    let face = self.fonts.face(style.face);
                    let space = face.width(" ", style.size);
                    let mut cursor = x + rx + shift;
                    for (k, word) in text.split(' ').enumerate() {
                        if k > 0 {
                            cursor += space + extra;
                            shift += extra;
                        }
                        if !word.is_empty() {
                            push_text(
                                &mut self.ops,
                                face.id.clone(),
                                cursor,
                                baseline,
                                *style,
                                word.to_owned(),
                            );
                            cursor += face.width(word, style.size);
                        }
                    }
                }
                Run::Blank {
                    x: rx,
                    style,
                    width,
                } => {
                    let x0 = x + rx + shift;
                    stroke_line(
                        &mut self.ops,
                        &[
                            (x0 + 1.0, baseline - 1.5),
                            (x0 + width - 1.0, baseline - 1.5),
                        ],
                        0.5,
                        style.color,
                        false,
                    );
                }
            }
        }
        self.mark();
    }
}

fn push_text(
    ops: &mut Vec<Op>,
    font: printpdf::FontId,
    x: f32,
    baseline: f32,
    style: Style,
    text: String,
) {
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFillColor {
        col: style.color.color(),
    });
    ops.push(Op::SetFont {
        font: PdfFontHandle::External(font),
        size: Pt(style.size),
    });
    ops.push(Op::SetTextCursor {
        pos: Point {
            x: Pt(x),
            y: Pt(baseline),
        },
    });
    ops.push(Op::ShowText {
        items: vec![TextItem::Text(text)],
    });
    ops.push(Op::EndTextSection);
}

fn stroke_line(ops: &mut Vec<Op>, pts: &[(f32, f32)], thickness: f32, color: Rgb3, closed: bool) {
    ops.push(Op::SetOutlineColor { col: color.color() });
    ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
    ops.push(Op::DrawLine {
        line: Line {
            points: points(pts),
            is_closed: closed,
        },
    });
}

/// Corners or ends as printpdf's straight-edged points.
fn points(pts: &[(f32, f32)]) -> Vec<LinePoint> {
    pts.iter()
        .map(|&(x, y)| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        })
        .collect()
}

fn fill_rect(
    ops: &mut Vec<Op>,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    fill: Option<Rgb3>,
    stroke: Option<(Rgb3, f32)>,
) {
    let mode = match (fill, stroke) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (None, Some(_)) => PaintMode::Stroke,
        (Some(_), None) => PaintMode::Fill,
        (None, None) => return,
    };
    if let Some(f) = fill {
        ops.push(Op::SetFillColor { col: f.color() });
    }
    if let Some((c, t)) = stroke {
        ops.push(Op::SetOutlineColor { col: c.color() });
        ops.push(Op::SetOutlineThickness { pt: Pt(t) });
    }
    ops.push(Op::DrawRectangle {
        rectangle: Rect {
            x: Pt(x),
            y: Pt(y),
            width: Pt(w),
            height: Pt(h),
            mode: Some(mode),
            winding_order: None,
        },
    });
}
