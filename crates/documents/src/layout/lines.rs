//! Line breaking: spans cut into words measured with the embedded faces,
//! laid greedily into lines of a given width, clamped with « … ».

use super::{Span, Style};
use crate::fonts::Fonts;

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
    pub(super) runs: Vec<Run>,
    pub width: f32,
    pub height: f32,
    /// The largest font size on the line (for the baseline).
    pub(super) size: f32,
    /// The line ends a paragraph of the source text (a hard break).
    pub(super) hard_end: bool,
}

#[derive(Debug, Clone)]
pub(super) enum Run {
    Text { x: f32, style: Style, text: String },
    Blank { x: f32, style: Style, width: f32 },
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
        let mut out = Lines::default();
        for tok in self.tokens(spans) {
            match tok {
                Token::Break => out.hard_break(),
                Token::Space { style, width: w } => out.space(style, w),
                Token::Blank { style, width: w } => out.blank(style, w.min(width), width),
                Token::Word {
                    style,
                    text,
                    width: w,
                } => {
                    if !out.word(style, &text, w, width) {
                        self.cut_word(&mut out, style, &text, width);
                    }
                }
            }
        }
        out.finish()
    }

    /// A word longer than the line, cut between characters over as many
    /// lines as it needs; its last piece starts the current line.
    fn cut_word(&self, out: &mut Lines, style: Style, text: &str, width: f32) {
        let face = self.fonts.face(style.face);
        let mut piece = String::new();
        let mut pw = 0.0;
        for c in text.chars() {
            let mut buf = [0u8; 4];
            let cw = face.width(c.encode_utf8(&mut buf), style.size);
            if pw + cw > width && !piece.is_empty() {
                out.cur.push_text(style, &piece, pw);
                out.end_line();
                piece.clear();
                pw = 0.0;
            }
            piece.push(c);
            pw += cw;
        }
        if !piece.is_empty() {
            out.cur.push_text(style, &piece, pw);
        }
    }
}

/// The lines being broken: those done, the current one, and a space seen
/// after its last word (written only if another word follows on the line).
#[derive(Default)]
struct Lines {
    done: Vec<LaidLine>,
    cur: LineBuilder,
    pending_space: Option<(Style, f32)>,
}

impl Lines {
    /// Ends the current line and starts an empty one.
    fn end_line(&mut self) {
        self.done.push(std::mem::take(&mut self.cur).finish());
    }

    /// A line break in the text: the line ends a paragraph.
    fn hard_break(&mut self) {
        let mut line = std::mem::take(&mut self.cur).finish();
        line.hard_end = true;
        self.done.push(line);
        self.pending_space = None;
    }

    /// A space, kept for the next word unless the line is empty.
    fn space(&mut self, style: Style, w: f32) {
        if !self.cur.is_empty() {
            self.pending_space = Some((style, w));
        }
    }

    /// A ruled blank `w` wide, on a new line when it does not fit.
    fn blank(&mut self, style: Style, w: f32, width: f32) {
        let sp = self.pending_space.take().filter(|_| !self.cur.is_empty());
        let need = sp.map_or(0.0, |s| s.1) + w;
        if !self.cur.is_empty() && self.cur.width + need > width {
            self.end_line();
        } else if let Some((s, sw)) = sp {
            self.cur.push_text(s, " ", sw);
        }
        self.cur.push_blank(style, w);
    }

    /// Places a word on this line, or on the next when it does not fit;
    /// false when it is wider than a whole line (the caller cuts it, on a
    /// fresh line).
    fn word(&mut self, style: Style, text: &str, w: f32, width: f32) -> bool {
        let sp = self.pending_space.take().filter(|_| !self.cur.is_empty());
        let need = sp.map_or(0.0, |s| s.1) + w;
        if self.cur.width + need <= width {
            if let Some((s, sw)) = sp {
                self.cur.push_text(s, " ", sw);
            }
            self.cur.push_text(style, text, w);
            return true;
        }
        if !self.cur.is_empty() {
            self.end_line();
        }
        if w <= width {
            self.cur.push_text(style, text, w);
            return true;
        }
        false
    }

    fn finish(mut self) -> Vec<LaidLine> {
        if !self.cur.is_empty() || self.done.is_empty() {
            self.end_line();
        }
        self.done
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Face;
    use crate::layout::{span, INK};

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
