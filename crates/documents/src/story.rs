//! The one-page story (« belle histoire ») of a partnership: headline, the
//! partners, photos with caption and credit, the need, what was done, what
//! changed with the linked indicators' values as they stand, and quotes
//! with their authors. Printed for publication, it shows only the quotes
//! and photos marked publishable; for internal use, all of them, the
//! others marked « non publiable ».

use chrono::NaiveDate;
use printpdf::Op;
use tisserand_domain::story::{Story, StoryDetail, StoryIndicator, StoryPhoto};

use crate::brief::{BODY, SMALL};
use crate::fonts::{Face, Fonts};
use crate::layout::{
    span, Align, Para, Style, Writer, ACCENT, INK, MARGIN, PAGE_W, RULE, SHADE, WARN,
};
use crate::photo::{fitted, Frame, PhotoSheet};
use crate::typo::{date_long, date_short, french_spacing as fr, number};

const H2: Style = Style::new(Face::Bold, 11.0, ACCENT);
const QUOTE: Style = Style::new(Face::Italic, 10.5, INK);
const FIGURE: Style = Style::new(Face::Bold, 15.0, ACCENT);
/// Room a heading keeps for what follows it.
const KEEP: f32 = 30.0;
const GAP: f32 = 8.0;

/// Everything the story PDF prints.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryDocument {
    /// The story with its partners and its indicators' values as they
    /// stand on `generated_on`.
    pub detail: StoryDetail,
    /// The image of each photo by photo id (the stored JPEG bytes); a
    /// photo without readable bytes prints as its caption alone.
    pub photos: Vec<(String, Vec<u8>)>,
    /// Only what may be published (quotes and photos marked so).
    pub publication: bool,
    /// Printed in the footer and used as the file's dates.
    pub generated_on: NaiveDate,
}

impl StoryDocument {
    /// The story as this document prints it.
    fn story(&self) -> Story {
        if self.publication {
            self.detail.story.for_publication()
        } else {
            self.detail.story.clone()
        }
    }

    fn bytes_of(&self, photo: &StoryPhoto) -> Option<&[u8]> {
        self.photos
            .iter()
            .find(|(id, _)| *id == photo.id)
            .map(|(_, b)| b.as_slice())
    }
}

/// How large the photos print: the first photo's frame height, then the
/// others'. Smaller sizes are tried until the story fits on one page.
const SIZES: [(f32, f32); 3] = [(210.0, 110.0), (150.0, 80.0), (100.0, 60.0)];

/// The story's pages (one whenever it fits) and the photos they show.
pub(crate) fn pages(fonts: &Fonts, data: &StoryDocument) -> (Vec<Vec<Op>>, PhotoSheet) {
    let mut last = None;
    for size in SIZES {
        let laid = laid_out(fonts, data, size);
        if laid.0.len() == 1 {
            return laid;
        }
        last = Some(laid);
    }
    last.unwrap_or_else(|| laid_out(fonts, data, SIZES[0]))
}

fn laid_out(fonts: &Fonts, data: &StoryDocument, size: (f32, f32)) -> (Vec<Vec<Op>>, PhotoSheet) {
    let story = data.story();
    let mut w = Writer::new(fonts);
    let mut sheet = PhotoSheet::default();
    header(&mut w, data, &story);
    photos(&mut w, &mut sheet, data, &story, size);
    section(&mut w, "Le besoin", &story.text.need);
    section(
        &mut w,
        "Ce que les partenaires ont fait",
        &story.text.action,
    );
    section(&mut w, "Ce qui a changé", &story.text.change);
    indicators(&mut w, &data.detail.indicators, data.generated_on);
    quotes(&mut w, &story, data.publication);
    (footer(w, data), sheet)
}

fn header(w: &mut Writer, data: &StoryDocument, story: &Story) {
    let top = w.y;
    let kicker = SMALL.with_face(Face::Bold).with_color(ACCENT);
    w.text_at(w.left, top - 8.0, kicker, "BELLE HISTOIRE");
    let purpose = if data.publication {
        "Version pour publication"
    } else {
        "Usage interne"
    };
    let pw = w.breaker.width(kicker, purpose);
    w.text_at(w.right - pw, top - 8.0, kicker.with_color(INK), purpose);
    w.y -= 14.0;
    w.paragraph(
        &[span(
            Style::new(Face::Bold, 20.0, INK),
            fr(&story.text.headline),
        )],
        Para {
            space_after: 3.0,
            ..Para::default()
        },
    );
    let mut who = vec![span(
        BODY.with_face(Face::Bold),
        fr(&data.detail.partnership_title),
    )];
    if !data.detail.partners.is_empty() {
        who.push(span(
            BODY,
            format!(" · {}", fr(&data.detail.partners.join(", "))),
        ));
    }
    w.paragraph(&who, Para::default());
    let y = w.y - 2.0;
    w.hline(w.left, w.right, y, 0.6, RULE);
    w.y -= 10.0;
}

/// The first photo across the page, the others in a row of up to three,
/// each with its caption and credit.
fn photos(
    w: &mut Writer,
    sheet: &mut PhotoSheet,
    data: &StoryDocument,
    story: &Story,
    (first_h, others_h): (f32, f32),
) {
    let Some((first, others)) = story.photos.split_first() else {
        return;
    };
    let frame = Frame {
        x: w.left,
        top: w.y,
        w: w.width(),
        h: first_h,
    };
    photo_with_caption(w, sheet, data, first, frame, data.publication);
    for row in others.chunks(3) {
        let cell = (w.width() - 2.0 * GAP) / 3.0;
        let top = w.y;
        let mut lowest = top;
        for (i, photo) in row.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let x = w.left + i as f32 * (cell + GAP);
            w.y = top;
            let frame = Frame {
                x,
                top,
                w: cell,
                h: others_h,
            };
            let (left, right) = (w.left, w.right);
            w.left = x;
            w.right = x + cell;
            photo_with_caption(w, sheet, data, photo, frame, data.publication);
            w.left = left;
            w.right = right;
            lowest = lowest.min(w.y);
        }
        w.y = lowest;
    }
    w.space(4.0);
}

fn photo_with_caption(
    w: &mut Writer,
    sheet: &mut PhotoSheet,
    data: &StoryDocument,
    photo: &StoryPhoto,
    frame: Frame,
    publication: bool,
) {
    let (pw, ph) = fitted(photo.width, photo.height, frame);
    w.ensure(ph + 20.0);
    let frame = Frame { top: w.y, ..frame };
    let drawn = data.bytes_of(photo).and_then(|bytes| {
        w.photo(
            sheet,
            bytes,
            Frame {
                w: pw,
                h: ph,
                x: frame.x + (frame.w - pw) / 2.0,
                ..frame
            },
        )
    });
    if drawn.is_some() {
        w.y -= ph + 3.0;
    }
    let mut caption = Vec::new();
    if !photo.caption.is_empty() {
        caption.push(span(SMALL.with_color(INK), fr(&photo.caption)));
    }
    if !photo.credit.is_empty() {
        let sep = if caption.is_empty() { "" } else { " · " };
        caption.push(span(SMALL, format!("{sep}Photo\u{A0}: {}", photo.credit)));
    }
    if !publication && !photo.publishable {
        caption.push(span(SMALL.with_color(WARN), " (non publiable)"));
    }
    if !caption.is_empty() {
        w.paragraph(
            &caption,
            Para {
                space_after: 6.0,
                align: Align::Center,
                ..Para::default()
            },
        );
    } else {
        w.space(6.0);
    }
}

fn section(w: &mut Writer, title: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    w.heading(title, H2, KEEP, false);
    w.space(1.0);
    for para in text.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
        w.paragraph(
            &[span(BODY, fr(para))],
            Para {
                space_after: 3.0,
                align: Align::Justify,
                ..Para::default()
            },
        );
    }
    w.space(GAP / 2.0);
}

/// The linked indicators as boxes: the latest value large, its name, when
/// it was measured and against what target.
fn indicators(w: &mut Writer, indicators: &[StoryIndicator], on: NaiveDate) {
    if indicators.is_empty() {
        return;
    }
    let per_row = indicators.len().clamp(1, 3);
    #[allow(clippy::cast_precision_loss)]
    let cell = (w.width() - GAP * (per_row as f32 - 1.0)) / per_row as f32;
    let box_h = 58.0;
    for row in indicators.chunks(per_row) {
        w.ensure(box_h + GAP);
        let top = w.y;
        for (i, ind) in row.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let x = w.left + i as f32 * (cell + GAP);
            indicator_box(
                w,
                ind,
                Frame {
                    x,
                    top,
                    w: cell,
                    h: box_h,
                },
            );
        }
        w.y = top - box_h - GAP;
    }
    w.paragraph(
        &[span(
            SMALL,
            format!("Valeurs des indicateurs au {}.", date_long(on)),
        )],
        Para::default(),
    );
}

fn indicator_box(w: &mut Writer, ind: &StoryIndicator, f: Frame) {
    w.rect(f.x, f.top - f.h, f.w, f.h, Some(SHADE), None);
    let pad = 7.0;
    let value = match (ind.missing, ind.value) {
        (true, _) => "—".to_owned(),
        (false, None) => "pas encore mesuré".to_owned(),
        (false, Some(v)) => match &ind.unit {
            Some(u) => format!("{}\u{A0}{u}", number(v)),
            None => number(v),
        },
    };
    let style = if ind.value.is_some() {
        FIGURE
    } else {
        SMALL.with_face(Face::Bold)
    };
    w.text_at(f.x + pad, f.top - pad - 13.0, style, &value);
    w.text_at(
        f.x + pad,
        f.top - pad - 29.0,
        SMALL.with_color(INK).with_face(Face::Bold),
        &fr(&ind.name),
    );
    let note = if ind.missing {
        "indicateur retiré du partenariat".to_owned()
    } else {
        let mut parts = Vec::new();
        if let Some(d) = ind.measured_on {
            parts.push(format!("mesuré le {}", date_short(d)));
        }
        if let Some(t) = ind.target {
            parts.push(format!("objectif\u{A0}: {}", number(t)));
        }
        parts.join(" · ")
    };
    w.text_at(f.x + pad, f.top - pad - 42.0, SMALL, &note);
}

fn quotes(w: &mut Writer, story: &Story, publication: bool) {
    if story.text.quotes.is_empty() {
        return;
    }
    w.heading("Ils en parlent", H2, KEEP, false);
    w.space(2.0);
    for q in &story.text.quotes {
        w.paragraph(
            &[span(QUOTE, fr(&format!("« {} »", q.text.trim())))],
            Para {
                indent: 14.0,
                space_after: 1.0,
                ..Para::default()
            },
        );
        let mut by = vec![span(
            SMALL.with_face(Face::Bold),
            format!("— {}", fr(&q.author)),
        )];
        if !publication && !q.publishable {
            by.push(span(SMALL.with_color(WARN), " (non publiable)"));
        }
        w.paragraph(
            &by,
            Para {
                indent: 14.0,
                space_after: 6.0,
                ..Para::default()
            },
        );
    }
}

fn footer(w: Writer, data: &StoryDocument) -> Vec<Vec<Op>> {
    let on = date_short(data.generated_on);
    w.finish(|w, n, total| {
        w.hline(MARGIN, PAGE_W - MARGIN, MARGIN + 14.0, 0.5, RULE);
        w.text_at(
            MARGIN,
            MARGIN + 3.0,
            SMALL,
            &format!("Tisserand · histoire générée le {on}"),
        );
        if total > 1 {
            let label = format!("page {n} / {total}");
            let lw = w.breaker.width(SMALL, &label);
            w.text_at(PAGE_W - MARGIN - lw, MARGIN + 3.0, SMALL, &label);
        }
    })
}
