//! The organisation's letterhead (Réglages): its logo, name, address and
//! SIRET at the top of a document's first page, and its name in the
//! footers. No organisation set: nothing is drawn and the footers say
//! « Tisserand », as before. The logo is a JPEG the app prepared (see
//! `app::photo`); it is one image resource of the file, named `Logo`,
//! however many pages or briefs show it.

use printpdf::XObjectId;

use crate::fonts::Face;
use crate::layout::{Style, Writer, INK, MUTED, RULE};
use crate::photo::{fitted, Frame, Photo};

/// What heads the documents of an organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letterhead {
    pub name: String,
    /// Lines separated by newlines.
    pub address: Option<String>,
    /// 14 digits.
    pub siret: Option<String>,
    /// A JPEG.
    pub logo: Option<Vec<u8>>,
}

/// The logo's resource name in the file.
const LOGO_ID: &str = "Logo";
/// The largest logo drawn, in points.
const LOGO_W: f32 = 120.0;
const LOGO_H: f32 = 44.0;

const NAME: Style = Style::new(Face::Bold, 10.0, INK);
const LINE: Style = Style::new(Face::Regular, 8.0, MUTED);

/// « 732 829 320 00074 ».
fn siret_spaced(d: &str) -> String {
    if d.len() == 14 && d.is_ascii() {
        format!("{} {} {} {}", &d[..3], &d[3..6], &d[6..9], &d[9..])
    } else {
        d.to_owned()
    }
}

impl Letterhead {
    /// Nothing to print: no name and no logo.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.logo.is_none()
    }

    /// Who the footers name: the organisation, or « Tisserand ».
    #[must_use]
    pub fn signature(&self) -> &str {
        let name = self.name.trim();
        if name.is_empty() {
            "Tisserand"
        } else {
            name
        }
    }

    /// The logo as an image resource, when there is a readable one.
    pub(crate) fn logo_image(&self) -> Option<Photo> {
        self.logo
            .as_deref()
            .and_then(|bytes| Photo::jpeg(bytes, LOGO_ID))
    }

    /// The lines under the name.
    fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .address
            .iter()
            .flat_map(|a| a.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if let Some(s) = &self.siret {
            lines.push(format!("SIRET {}", siret_spaced(s)));
        }
        lines
    }
}

impl Writer<'_> {
    /// Draws `head`'s logo, small, in the top right corner below `top`;
    /// returns the width it takes (0 without a logo), text kept clear of it.
    pub(crate) fn corner_logo(&mut self, head: &Letterhead, top: f32) -> f32 {
        let Some(logo) = head.logo_image() else {
            return 0.0;
        };
        let (w, h) = logo.fit(90.0, 30.0);
        self.image(
            &XObjectId(LOGO_ID.to_owned()),
            self.right - w,
            top - h,
            w,
            h,
        );
        w + 12.0
    }

    /// Draws `head` at the top of the current page and moves below it;
    /// nothing when it is empty.
    pub(crate) fn letterhead(&mut self, head: &Letterhead) {
        if head.is_empty() {
            return;
        }
        let top = self.y;
        let mut x = self.left;
        let mut bottom = top;
        if let Some(logo) = head.logo_image() {
            let frame = Frame {
                x,
                top,
                w: LOGO_W,
                h: LOGO_H,
            };
            let (w, h) = fitted(logo.width, logo.height, frame);
            self.image(&XObjectId(LOGO_ID.to_owned()), x, top - h, w, h);
            x += w + 12.0;
            bottom = bottom.min(top - h);
        }
        let mut baseline = top - 9.0;
        if !head.name.trim().is_empty() {
            self.text_at(x, baseline, NAME, head.name.trim());
            baseline -= 12.0;
        }
        for line in head.lines() {
            self.text_at(x, baseline, LINE, &line);
            baseline -= 10.0;
        }
        bottom = bottom.min(baseline + 6.0);
        let rule = bottom - 6.0;
        self.hline(self.left, self.right, rule, 0.5, RULE);
        self.y = rule - 12.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_letterhead_signs_tisserand() {
        let head = Letterhead::default();
        assert!(head.is_empty());
        assert_eq!(head.signature(), "Tisserand");
        let head = Letterhead {
            name: " Labo d'Alsace ".into(),
            address: Some("3 rue des Tisserands\n\n68000 Colmar".into()),
            siret: Some("73282932000074".into()),
            logo: None,
        };
        assert_eq!(head.signature(), "Labo d'Alsace");
        assert_eq!(
            head.lines(),
            [
                "3 rue des Tisserands",
                "68000 Colmar",
                "SIRET 732 829 320 00074"
            ]
        );
    }
}
