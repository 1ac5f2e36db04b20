//! The embedded DejaVu Sans faces and their glyph widths.
//!
//! The fonts are parsed once per process; each document embeds a subset of
//! the glyphs it uses. Characters a face lacks are replaced by a visible
//! "□" before they are measured or drawn, so the file never refers to a
//! missing glyph.

use std::borrow::Cow;
use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont, PdfFont};

use crate::DocumentError;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");
const OBLIQUE: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Oblique.ttf");

/// Shown instead of a character the font lacks (emoji…).
pub(crate) const REPLACEMENT: char = '□';
/// Characters below this code point have their advance in a table.
const TABLE_LEN: usize = 0x3000;
const MISSING: u16 = u16::MAX;

/// One of the three faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
    Italic,
}

pub(crate) struct FaceData {
    pub(crate) parsed: ParsedFont,
    /// Resource name in the PDF; its first six letters are the subset tag.
    pub(crate) id: FontId,
    units_per_em: f32,
    /// Advance of each code point below `TABLE_LEN`, `MISSING` when absent.
    advances: Vec<u16>,
    replacement: char,
}

impl FaceData {
    fn new(bytes: &[u8], id: &str) -> Result<Self, DocumentError> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| DocumentError::Font(format!("{id}: {warnings:?}")))?;
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        let mut advances = vec![MISSING; TABLE_LEN];
        for (cp, slot) in advances.iter_mut().enumerate() {
            let Ok(cp) = u32::try_from(cp) else { break };
            if let Some(gid) = parsed.lookup_glyph_index(cp) {
                if gid != 0 {
                    *slot = parsed.get_horizontal_advance(gid).min(MISSING - 1);
                }
            }
        }
        let replacement = if advances[REPLACEMENT as usize] == MISSING {
            '?'
        } else {
            REPLACEMENT
        };
        Ok(Self {
            parsed,
            id: FontId(id.to_owned()),
            units_per_em,
            advances,
            replacement,
        })
    }

    /// The advance of `c` in font units, `None` when the face lacks it.
    fn advance(&self, c: char) -> Option<u16> {
        let cp = c as usize;
        if cp < TABLE_LEN {
            let a = self.advances[cp];
            (a != MISSING).then_some(a)
        } else {
            let cp = u32::from(c);
            self.parsed
                .lookup_glyph_index(cp)
                .filter(|g| *g != 0)
                .map(|g| self.parsed.get_horizontal_advance(g))
        }
    }

    /// Whether `c` is drawn as is.
    fn has(&self, c: char) -> bool {
        self.advance(c).is_some()
    }

    /// Width of `text` (already sanitised) at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| u32::from(self.advance(c).unwrap_or(0)))
            .sum();
        units as f32 * size / self.units_per_em
    }

    /// `text` with invisible format characters dropped, tabs as spaces and
    /// characters the face lacks replaced by a visible mark.
    pub(crate) fn sanitize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if text
            .chars()
            .all(|c| c == '\n' || (!is_dropped(c) && self.has(c)))
        {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if is_dropped(c) {
                continue;
            }
            if c == '\t' {
                out.push(' ');
            } else if c == '\n' {
                out.push('\n');
            } else if self.has(c) {
                out.push(c);
            } else {
                out.push(self.replacement);
            }
        }
        Cow::Owned(out)
    }
}

/// Zero-width and control characters that have no place in print.
fn is_dropped(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}')
        || ('\u{E0000}'..='\u{E007F}').contains(&c)
        || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

pub(crate) struct Fonts {
    regular: FaceData,
    bold: FaceData,
    italic: FaceData,
}

impl Fonts {
    /// The fonts, parsed on first use.
    pub(crate) fn get() -> Result<&'static Self, DocumentError> {
        static FONTS: OnceLock<Result<Fonts, DocumentError>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                Ok(Self {
                    regular: FaceData::new(REGULAR, "DJVSRG")?,
                    bold: FaceData::new(BOLD, "DJVSBD")?,
                    italic: FaceData::new(OBLIQUE, "DJVSOB")?,
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    pub(crate) fn face(&self, face: Face) -> &FaceData {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Italic => &self.italic,
        }
    }

    /// The three faces as PDF font resources.
    pub(crate) fn resources(&self) -> [(FontId, PdfFont); 3] {
        [&self.regular, &self.bold, &self.italic]
            .map(|f| (f.id.clone(), PdfFont::new(f.parsed.clone())))
    }
}
