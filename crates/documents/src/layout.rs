//! A small page-layout engine over printpdf's `Op` API: styled spans,
//! greedy line breaking by measured glyph widths, paragraphs, headings kept
//! with what follows, tables whose rows split across pages with the header
//! repeated, and pages finished with a footer once their count is known.

use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt, Rect,
    Rgb, TextItem, WindingOrder,
};

use crate::fonts::{Face, Fonts};

/// A4 in points.
pub(crate) const PAGE_W: f32 = 595.276;
pub(crate) const PAGE_H: f32 = 841.89;
/// Nothing is drawn closer to the paper's edge than this (18 mm).
pub(crate) const MARGIN: f32 = 51.02;
/// Room kept at the bottom of the body for the footer.
pub(crate) const FOOTER_H: f32 = 30.0;

/// An RGB colour, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb3(pub f32, pub f32, pub f32);

pub(crate) const INK: Rgb3 = Rgb3(0.11, 0.13, 0.16);
pub(crate) const MUTED: Rgb3 = Rgb3(0.38, 0.41, 0.45);
pub(crate) const RULE: Rgb3 = Rgb3(0.78, 0.8, 0.83);
pub(crate) const ACCENT: Rgb3 = Rgb3(0.16, 0.24, 0.36);
pub(crate) const SHADE: Rgb3 = Rgb3(0.93, 0.94, 0.95);
pub(crate) const WARN: Rgb3 = Rgb3(0.62, 0.18, 0.1);

impl Rgb3 {
    pub(crate) fn color(self) -> Color {
        Color::Rgb(Rgb::new(self.0, self.1, self.2, None))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub face: Face,
    pub size: f32,
    pub color: Rgb3,
}

impl Style {
    pub(crate) const fn new(face: Face, size: f32, color: Rgb3) -> Self {
        Self { face, size, color }
    }
    pub(crate) const fn with_face(self, face: Face) -> Self {
        Self { face, ..self }
    }
    pub(crate) const fn with_color(self, color: Rgb3) -> Self {
        Self { color, ..self }
    }
    pub(crate) fn line_height(self) -> f32 {
        self.size * 1.38
    }
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Span {
    Text(Style, String),
    /// A ruled blank to fill in by hand, this many points wide.
    Blank(Style, f32),
}

pub(crate) fn span(style: Style, text: impl Into<String>) -> Span {
    Span::Text(style, text.into())
}

/// One measured unit of a line.
#[derive(Debug, Clone)]
enum Token {
    Word {
        style: Style,
        text: String,
        width: f32,
    },
    Space {
        style: Style,
        width: f32,
    },
    Blank {
        style: Style,
        width: f32,
    },
    Break,
}

/// A laid-out line: runs at x offsets from the line's start.
#[derive(Debug, Clone, Default)]
pub(crate) struct LaidLine {
    runs: Vec<Run>,
    pub width: f32,
    pub height: f32,
    /// The largest font size on the line (for the baseline).
    size: f32,
    /// The line ends a paragraph of the source text (a hard break).
    hard_end: bool,
}

#[derive(Debug, Clone)]
enum Run {
    Text { x: f32, style: Style, text: String },
    Blank { x: f32, style: Style, width: f32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    /// Flush left and right, the last line of a paragraph flush left.
    Justify,
    Right,
    Center,
}

/// Line breaking over measured widths.
pub(crate) struct Breaker<'f> {
    fonts: &'f Fonts,
}

impl<'f> Breaker<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Self {
        Self { fonts }
    }

    pub(crate) fn width(&self, style: Style, text: &str) -> f32 {
        let face = self.fonts.face(style.face);
        face.width(&face.sanitize(text), style.size)
    }

    fn tokens(&self, spans: &[Span]) -> Vec<Token> {
        let mut out = Vec::new();
        for s in spans {
            match s {
                Span::Blank(style, w) => out.push(Token::Blank {
                    style: *style,
                    width: *w,
                }),
                Span::Text(style, text) => {
                    let face = self.fonts.face(style.face);
                    let clean = face.sanitize(text);
                    let space = face.width(" ", style.size);
                    for (i, para) in clean.split('\n').enumerate() {
                        if i > 0 {
                            out.push(Token::Break);
                        }
                        for (j, word) in para.split(' ').enumerate() {
                            if j > 0 {
                                out.push(Token::Space {
                                    style: *style,
                                    width: space,
                                });
                            }
                            if !word.is_empty() {
                                out.push(Token::Word {
                                    style: *style,
                                    text: word.to_owned(),
                                    width: face.width(word, style.size),
                                });
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// Breaks `spans` into lines at most `width` points wide. A word longer
    /// than the line is cut between characters.
    pub(crate) fn lines(&self, spans: &[Span], width: f32) -> Vec<LaidLine> {
        let width = width.max(10.0);
        let mut lines = Vec::new();
        let mut cur = LineBuilder::default();
        let mut pending_space: Option<(Style, f32)> = None;
        for tok in self.tokens(spans) {
            match tok {
                Token::Break => {
                    let mut line = cur.finish();
                    line.hard_end = true;
                    lines.push(line);
                    cur = LineBuilder::default();
                    pending_space = None;
                }
                Token::Space { style, width: w } => {
                    if !cur.is_empty() {
                        pending_space = Some((style, w));
                    }
                }
                Token::Blank { style, width: w } => {
                    let w = w.min(width);
                    let sp = pending_space.take().filter(|_| !cur.is_empty());
                    let need = sp.map_or(0.0, |s| s.1) + w;
                    if !cur.is_empty() && cur.width + need > width {
                        lines.push(cur.finish());
                        cur = LineBuilder::default();
                    } else if let Some((s, sw)) = sp {
                        cur.push_text(s, " ", sw);
                    }
                    cur.push_blank(style, w);
                }
                Token::Word {
                    style,
                    text,
                    width: w,
                } => {
                    let sp = pending_space.take().filter(|_| !cur.is_empty());
                    let need = sp.map_or(0.0, |s| s.1) + w;
                    if cur.width + need <= width {
                        if let Some((s, sw)) = sp {
                            cur.push_text(s, " ", sw);
                        }
                        cur.push_text(style, &text, w);
                        continue;
                    }
                    if !cur.is_empty() {
                        lines.push(cur.finish());
                        cur = LineBuilder::default();
                    }
                    if w <= width {
                        cur.push_text(style, &text, w);
                        continue;
                    }
                    // A word longer than the line: cut it.
                    let face = self.fonts.face(style.face);
                    let mut piece = String::new();
                    let mut pw = 0.0;
                    for c in text.chars() {
                        let mut buf = [0u8; 4];
                        let cw = face.width(c.encode_utf8(&mut buf), style.size);
                        if pw + cw > width && !piece.is_empty() {
                            cur.push_text(style, &piece, pw);
                            lines.push(cur.finish());
                            cur = LineBuilder::default();
                            piece.clear();
                            pw = 0.0;
                        }
                        piece.push(c);
                        pw += cw;
                    }
                    if !piece.is_empty() {
                        cur.push_text(style, &piece, pw);
                    }
                }
            }
        }
        if !cur.is_empty() || lines.is_empty() {
            lines.push(cur.finish());
        }
        lines
    }
}

impl Breaker<'_> {
    /// Like [`Breaker::lines`], but at most `max_lines` lines: when text is
    /// left over, the last line kept ends with « … » (its words trimmed
    /// until the ellipsis fits).
    pub(crate) fn clamp(&self, spans: &[Span], width: f32, max_lines: usize) -> Vec<LaidLine> {
        let max_lines = max_lines.max(1);
        let mut lines = self.lines(spans, width);
        if lines.len() <= max_lines {
            return lines;
        }
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            self.ellipsise(last, width.max(10.0));
        }
        lines
    }

    /// Appends « … » to `line`, removing characters from its end until it
    /// fits in `width`.
    fn ellipsise(&self, line: &mut LaidLine, width: f32) {
        let Some(style) = line.runs.iter().rev().find_map(|r| match r {
            Run::Text { style, .. } => Some(*style),
            Run::Blank { .. } => None,
        }) else {
            return;
        };
        let dots = self.width(style, "…");
        loop {
            let end = match line.runs.last() {
                None => 0.0,
                Some(Run::Text { x, style, text }) => {
                    if text.is_empty() {
                        line.runs.pop();
                        continue;
                    }
                    x + self.width(*style, text)
                }
                Some(Run::Blank { x, width, .. }) => x + width,
            };
            line.width = end;
            let trailing_space = matches!(
                line.runs.last(),
                Some(Run::Text { text, .. }) if text.ends_with([' ', '\u{A0}', '\u{202F}'])
            );
            if (end + dots <= width && !trailing_space) || line.runs.is_empty() {
                break;
            }
            match line.runs.last_mut() {
                Some(Run::Text { text, .. }) => {
                    text.pop();
                }
                Some(Run::Blank { .. }) => {
                    line.runs.pop();
                }
                None => break,
            }
        }
        let at = line.width;
        match line.runs.last_mut() {
            Some(Run::Text { style: s, text, .. }) if *s == style => text.push('…'),
            _ => line.runs.push(Run::Text {
                x: at,
                style,
                text: "…".to_owned(),
            }),
        }
        line.width = at + dots;
        line.size = line.size.max(style.size);
        line.height = line.height.max(style.line_height());
    }
}

#[derive(Default)]
struct LineBuilder {
    runs: Vec<Run>,
    width: f32,
    size: f32,
    height: f32,
}

impl LineBuilder {
    fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    fn grow(&mut self, style: Style) {
        self.size = self.size.max(style.size);
        self.height = self.height.max(style.line_height());
    }

    fn push_text(&mut self, style: Style, text: &str, w: f32) {
        self.grow(style);
        if let Some(Run::Text {
            style: s, text: t, ..
        }) = self.runs.last_mut()
        {
            if *s == style {
                t.push_str(text);
                self.width += w;
                return;
            }
        }
        self.runs.push(Run::Text {
            x: self.width,
            style,
            text: text.to_owned(),
        });
        self.width += w;
    }

    fn push_blank(&mut self, style: Style, w: f32) {
        self.grow(style);
        self.runs.push(Run::Blank {
            x: self.width,
            style,
            width: w,
        });
        self.width += w;
    }

    fn finish(self) -> LaidLine {
        // Spaces are only added before a word that fits, so no line ends
        // with one.
        let runs = self.runs;
        let width = self.width;
        let size = if self.size > 0.0 { self.size } else { 10.0 };
        let height = if self.height > 0.0 {
            self.height
        } else {
            size * 1.38
        };
        LaidLine {
            runs,
            width: width.max(0.0),
            height,
            size,
            hard_end: false,
        }
    }
}

/// Options of a paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Para {
    /// Left indent from the body's left edge.
    pub indent: f32,
    pub space_after: f32,
    pub align: Align,
}

impl Default for Para {
    fn default() -> Self {
        Self {
            indent: 0.0,
            space_after: 4.0,
            align: Align::Left,
        }
    }
}

/// A table column: title, share of the width, alignment.
pub(crate) struct Column {
    pub title: String,
    pub share: f32,
    pub align: Align,
}

pub(crate) fn col(title: &str, share: f32, align: Align) -> Column {
    Column {
        title: title.to_owned(),
        share,
        align,
    }
}

pub(crate) struct Row {
    pub cells: Vec<Vec<Span>>,
    /// A totals row: a heavier rule above, shaded.
    pub total: bool,
}

const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.5;

/// Places content on pages, top to bottom.
pub(crate) struct Writer<'f> {
    pub fonts: &'f Fonts,
    pub breaker: Breaker<'f>,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// Top of the next content, in points from the bottom of the page.
    pub y: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    /// Nothing was placed on the current page yet.
    fresh: bool,
    /// Space above and below the text of a table cell.
    pub cell_pad_y: f32,
    /// Space after a table.
    pub table_gap: f32,
}

impl<'f> Writer<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            breaker: Breaker::new(fonts),
            pages: Vec::new(),
            ops: Vec::new(),
            y: PAGE_H - MARGIN,
            left: MARGIN,
            right: PAGE_W - MARGIN,
            top: PAGE_H - MARGIN,
            bottom: MARGIN + FOOTER_H,
            fresh: true,
            cell_pad_y: CELL_PAD_Y,
            table_gap: 8.0,
        }
    }

    pub(crate) fn width(&self) -> f32 {
        self.right - self.left
    }

    /// The index of the current page (pages already finished).
    pub(crate) fn page_index(&self) -> usize {
        self.pages.len()
    }

    /// Nothing was drawn on the current page.
    pub(crate) fn page_is_blank(&self) -> bool {
        self.ops.is_empty()
    }

    pub(crate) fn new_page(&mut self) {
        let ops = std::mem::take(&mut self.ops);
        self.pages.push(ops);
        self.y = self.top;
        self.fresh = true;
    }

    /// Moves to a new page unless `h` points fit below the cursor.
    pub(crate) fn ensure(&mut self, h: f32) {
        if self.y - h < self.bottom && !self.fresh {
            self.new_page();
        }
    }

    /// Vertical space; none at the top of a page.
    pub(crate) fn space(&mut self, h: f32) {
        if !self.fresh {
            self.y -= h;
            if self.y < self.bottom {
                self.new_page();
            }
        }
    }

    pub(crate) fn room(&self) -> f32 {
        self.y - self.bottom
    }

    fn mark(&mut self) {
        self.fresh = false;
    }

    // ---- drawing primitives ----

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
                    points: pts
                        .iter()
                        .map(|&(x, y)| LinePoint {
                            p: Point { x: Pt(x), y: Pt(y) },
                            bezier: false,
                        })
                        .collect(),
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
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
    fn draw_justified(&mut self, line: &LaidLine, x: f32, top: f32, width: f32) {
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

    // ---- flow ----

    /// A paragraph in the body, broken over pages as needed (never one
    /// lonely first line at the bottom of a page).
    pub(crate) fn paragraph(&mut self, spans: &[Span], para: Para) {
        let width = self.width() - para.indent;
        let lines = self.breaker.lines(spans, width);
        if let (Some(first), Some(second)) = (lines.first(), lines.get(1)) {
            self.ensure(first.height + second.height);
        }
        for line in &lines {
            self.ensure(line.height);
            let x = self.left
                + para.indent
                + match para.align {
                    Align::Left | Align::Justify => 0.0,
                    Align::Right => width - line.width,
                    Align::Center => (width - line.width) / 2.0,
                };
            let top = self.y;
            let last = std::ptr::eq(line, lines.last().unwrap_or(line));
            if para.align == Align::Justify && !last && !line.hard_end {
                self.draw_justified(line, x, top, width);
            } else {
                self.draw_line(line, x, top);
            }
            self.y -= line.height;
        }
        self.space(para.space_after);
    }

    /// A bulleted item.
    pub(crate) fn bullet(&mut self, bullet: &str, spans: &[Span], indent: f32, style: Style) {
        let lines = self.breaker.lines(spans, self.width() - indent - 12.0);
        if let Some(first) = lines.first() {
            self.ensure(first.height);
            let baseline = self.y - first.height * 0.5 - first.size * 0.34;
            self.text_at(self.left + indent, baseline, style, bullet);
        }
        for line in &lines {
            self.ensure(line.height);
            let top = self.y;
            self.draw_line(line, self.left + indent + 12.0, top);
            self.y -= line.height;
        }
        self.space(1.5);
    }

    /// A section heading kept with at least `keep` points of what follows.
    pub(crate) fn heading(&mut self, text: &str, style: Style, keep: f32, rule: bool) {
        let spans = [span(style, text)];
        let lines = self.breaker.lines(&spans, self.width());
        let h: f32 = lines.iter().map(|l| l.height).sum::<f32>() + if rule { 4.0 } else { 0.0 };
        self.ensure(h + keep);
        for line in &lines {
            self.ensure(line.height);
            let top = self.y;
            self.draw_line(line, self.left, top);
            self.y -= line.height;
        }
        if rule {
            let y = self.y - 1.0;
            self.hline(self.left, self.right, y, 0.6, RULE);
            self.y -= 4.0;
        }
    }

    /// Ruled blank lines to write on by hand.
    pub(crate) fn blank_lines(&mut self, n: usize, style: Style) {
        let h = style.line_height() * 1.45;
        for _ in 0..n {
            self.ensure(h);
            let y = self.y - h + 3.0;
            self.hline(self.left, self.right, y, 0.5, RULE);
            self.y -= h;
        }
        self.space(3.0);
    }

    /// A table with its header repeated on each page it spans; a row too
    /// tall for one page is split between pages.
    pub(crate) fn table(&mut self, cols: &[Column], rows: &[Row], head: Style, body: Style) {
        let total_share: f32 = cols.iter().map(|c| c.share).sum::<f32>().max(0.01);
        let widths: Vec<f32> = cols
            .iter()
            .map(|c| c.share / total_share * self.width())
            .collect();
        let head_lines: Vec<Vec<LaidLine>> = cols
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                self.breaker
                    .lines(&[span(head, &c.title)], w - 2.0 * CELL_PAD_X)
            })
            .collect();
        let head_h = head_lines
            .iter()
            .map(|ls| ls.iter().map(|l| l.height).sum::<f32>())
            .fold(0.0, f32::max)
            + 2.0 * self.cell_pad_y;
        let first_row_h = body.line_height() + 2.0 * self.cell_pad_y;
        self.ensure(head_h + first_row_h);
        self.table_header(cols, &widths, &head_lines, head_h);
        for row in rows {
            let cells: Vec<Vec<LaidLine>> = row
                .cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| self.breaker.lines(c, w - 2.0 * CELL_PAD_X))
                .collect();
            let mut next: Vec<usize> = vec![0; cells.len()];
            loop {
                let remaining_h = cells
                    .iter()
                    .zip(&next)
                    .map(|(ls, &from)| ls[from..].iter().map(|l| l.height).sum::<f32>())
                    .fold(0.0, f32::max)
                    + 2.0 * self.cell_pad_y;
                let page_h = self.top - self.bottom - head_h;
                if remaining_h > self.room() && (remaining_h <= page_h || self.room() < first_row_h)
                {
                    self.new_page();
                    self.table_header(cols, &widths, &head_lines, head_h);
                    continue;
                }
                // Place what fits of each cell.
                let avail = self.room() - 2.0 * self.cell_pad_y;
                let mut chunk_h: f32 = 0.0;
                let mut ends = next.clone();
                for (i, ls) in cells.iter().enumerate() {
                    let mut h = 0.0;
                    let mut j = next[i];
                    while j < ls.len() && h + ls[j].height <= avail + 0.01 {
                        h += ls[j].height;
                        j += 1;
                    }
                    ends[i] = j;
                    chunk_h = chunk_h.max(h);
                }
                let row_h = chunk_h + 2.0 * self.cell_pad_y;
                let top = self.y;
                if row.total {
                    self.rect(
                        self.left,
                        top - row_h,
                        self.width(),
                        row_h,
                        Some(SHADE),
                        None,
                    );
                    self.hline(self.left, self.right, top, 0.9, INK);
                }
                let parts: Vec<&[LaidLine]> = cells
                    .iter()
                    .enumerate()
                    .map(|(i, ls)| &ls[next[i]..ends[i]])
                    .collect();
                self.draw_cells(cols, &widths, &parts, top);
                self.y -= row_h;
                self.hline(self.left, self.right, self.y, 0.4, RULE);
                next = ends;
                if cells.iter().zip(&next).all(|(ls, &n)| n >= ls.len()) {
                    break;
                }
                self.new_page();
                self.table_header(cols, &widths, &head_lines, head_h);
            }
        }
        self.space(self.table_gap);
    }

    /// Draws the lines of each cell of one table row from `top`, aligned in
    /// its column.
    fn draw_cells(&mut self, cols: &[Column], widths: &[f32], cells: &[&[LaidLine]], top: f32) {
        let mut x = self.left;
        for (i, lines) in cells.iter().enumerate() {
            let mut t = top - self.cell_pad_y;
            for line in *lines {
                let inner = widths[i] - 2.0 * CELL_PAD_X;
                let dx = match cols[i].align {
                    Align::Left | Align::Justify => 0.0,
                    Align::Right => inner - line.width,
                    Align::Center => (inner - line.width) / 2.0,
                };
                self.draw_line(line, x + CELL_PAD_X + dx, t);
                t -= line.height;
            }
            x += widths[i];
        }
    }

    fn table_header(&mut self, cols: &[Column], widths: &[f32], lines: &[Vec<LaidLine>], h: f32) {
        let top = self.y;
        self.rect(self.left, top - h, self.width(), h, Some(SHADE), None);
        let parts: Vec<&[LaidLine]> = lines.iter().map(Vec::as_slice).collect();
        self.draw_cells(cols, widths, &parts, top);
        self.y -= h;
        self.hline(self.left, self.right, self.y, 0.6, MUTED);
    }

    /// Ends the last page and hands every page's operations to `footer`
    /// with its number and the total, so it can add « page X / Y ».
    pub(crate) fn finish(
        mut self,
        mut footer: impl FnMut(&mut Self, usize, usize),
    ) -> Vec<Vec<Op>> {
        if !self.ops.is_empty() || self.pages.is_empty() {
            let ops = std::mem::take(&mut self.ops);
            self.pages.push(ops);
        }
        let pages = std::mem::take(&mut self.pages);
        let total = pages.len();
        let mut out = Vec::with_capacity(total);
        for (i, ops) in pages.into_iter().enumerate() {
            self.ops = ops;
            footer(&mut self, i + 1, total);
            out.push(std::mem::take(&mut self.ops));
        }
        out
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
            points: pts
                .iter()
                .map(|&(x, y)| LinePoint {
                    p: Point { x: Pt(x), y: Pt(y) },
                    bezier: false,
                })
                .collect(),
            is_closed: closed,
        },
    });
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

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: Style = Style::new(Face::Regular, 10.0, INK);

    fn text_of(line: &LaidLine) -> String {
        line.runs
            .iter()
            .map(|r| match r {
                Run::Text { text, .. } => text.clone(),
                Run::Blank { .. } => "___".to_owned(),
            })
            .collect()
    }

    #[test]
    fn lines_fit_their_width_and_keep_every_word() {
        let fonts = Fonts::get().expect("fonts");
        let b = Breaker::new(fonts);
        let text = "Les Parties s'efforcent de régler à l'amiable tout différend relatif à l'exécution de la présente convention.";
        let lines = b.lines(&[span(BODY, text)], 150.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.width <= 150.0 + 0.01, "{} > 150", l.width);
            assert!((b.width(BODY, &text_of(l)) - l.width).abs() < 0.5);
        }
        let joined: Vec<String> = lines.iter().map(text_of).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        let fonts = Fonts::get().expect("fonts");
        let b = Breaker::new(fonts);
        let word = "anticonstitutionnellement".repeat(8);
        let lines = b.lines(&[span(BODY, format!("Avant {word} après"))], 120.0);
        assert!(lines.len() >= 4);
        for l in &lines {
            assert!(l.width <= 120.0 + 0.01);
        }
        let all: String = lines.iter().map(text_of).collect();
        assert_eq!(all.replace(' ', ""), format!("Avant{word}après"));
    }

    #[test]
    fn hard_breaks_and_blanks() {
        let fonts = Fonts::get().expect("fonts");
        let b = Breaker::new(fonts);
        let lines = b.lines(
            &[
                span(BODY, "Un\nDeux "),
                Span::Blank(BODY, 60.0),
                span(BODY, " fin"),
            ],
            400.0,
        );
        assert_eq!(lines.len(), 2);
        assert_eq!(text_of(&lines[1]), "Deux ___ fin");
    }

    #[test]
    fn clamped_text_ends_with_an_ellipsis_that_fits() {
        let fonts = Fonts::get().expect("fonts");
        let b = Breaker::new(fonts);
        let text = "Ateliers de science pour les enfants des quartiers prioritaires";
        let lines = b.clamp(&[span(BODY, text)], 120.0, 1);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].width <= 120.0 + 0.01, "{}", lines[0].width);
        let kept = text_of(&lines[0]);
        assert!(kept.ends_with('…') && !kept.ends_with(" …"), "{kept}");
        assert!(text.starts_with(kept.trim_end_matches('…')));
        assert!((b.width(BODY, &kept) - lines[0].width).abs() < 0.5);
        let short = b.clamp(&[span(BODY, "Court")], 120.0, 1);
        assert_eq!(text_of(&short[0]), "Court");
        let two = b.clamp(&[span(BODY, text)], 120.0, 2);
        assert_eq!(two.len(), 2);
        assert!(text_of(&two[1]).ends_with('…'));
    }

    #[test]
    fn missing_glyphs_are_replaced_visibly() {
        let fonts = Fonts::get().expect("fonts");
        let face = fonts.face(Face::Regular);
        assert_eq!(face.sanitize("Bravo 🎉\u{FE0F} !"), "Bravo □ !");
        assert_eq!(
            face.sanitize("Hæberlé « œuvre » 1\u{202F}234\u{A0}€"),
            "Hæberlé « œuvre » 1\u{202F}234\u{A0}€"
        );
    }
}
