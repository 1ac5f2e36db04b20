//! « Belles histoires » with their photos, and the partners named.

use super::{
    muted, section, Contents, ImpactReportInput, NamedPartner, ReportPhoto, ReportStory, BODY,
    SMALL,
};
use crate::fonts::Face;
use crate::layout::{col, span, Align, Para, Row, Style, Writer, ACCENT, INK, MUTED, RULE};
use crate::photo::Photo;
use crate::typo::{french_spacing as fr, number};

const HEADLINE: Style = Style::new(Face::Bold, 13.0, INK);
const QUOTE: Style = Style::new(Face::Italic, 10.0, INK);
/// The tallest a photo is printed, alone or two side by side.
const PHOTO_H: f32 = 220.0;
const PHOTOS_H: f32 = 150.0;

/// Each chosen story, in order.
pub(super) fn stories(
    w: &mut Writer,
    input: &ImpactReportInput,
    photos: &[Vec<Photo>],
    contents: &mut Contents,
) {
    section(w, contents, "Belles histoires", true);
    if input.stories.is_empty() {
        muted(w, "Aucune histoire choisie pour ce rapport.");
        return;
    }
    for (i, (story, pics)) in input.stories.iter().zip(photos).enumerate() {
        if i > 0 {
            w.space(10.0);
            w.ensure(200.0);
            w.hline(w.left, w.right, w.y, 0.5, RULE);
            w.space(10.0);
        }
        story_head(w, story, first_row_height(w, pics));
        story_photos(w, &story.photos, pics);
        story_text(w, story);
    }
}

fn run_in(w: &mut Writer, label: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    w.paragraph(
        &[
            span(BODY.with_face(Face::Bold).with_color(ACCENT), fr(label)),
            span(BODY, fr(text)),
        ],
        Para {
            align: Align::Justify,
            ..Para::default()
        },
    );
}

/// Headline and partnership, kept with at least `photo_h` points of the
/// story's first photos.
fn story_head(w: &mut Writer, s: &ReportStory, photo_h: f32) {
    w.heading(&fr(&s.headline), HEADLINE, 40.0 + photo_h, false);
    if !s.partnership.trim().is_empty() {
        w.paragraph(
            &[span(
                SMALL,
                fr(&format!("Partenariat « {} »", s.partnership)),
            )],
            Para {
                space_after: 2.0,
                ..Para::default()
            },
        );
    }
}

/// Need, actions, changes and their figures, quotes.
fn story_text(w: &mut Writer, s: &ReportStory) {
    w.space(6.0);
    run_in(w, "Le besoin. ", &s.need);
    run_in(w, "Ce qu'ont fait les partenaires. ", &s.actions);
    run_in(w, "Ce qui a changé. ", &s.changes);
    for f in &s.figures {
        w.bullet(
            "▸",
            &[span(BODY.with_face(Face::Bold), fr(f))],
            6.0,
            BODY.with_color(ACCENT),
        );
    }
    for q in &s.quotes {
        w.space(4.0);
        w.paragraph(
            &[span(QUOTE, fr(&format!("« {} »", q.text.trim())))],
            Para {
                indent: 18.0,
                space_after: 1.0,
                align: Align::Left,
            },
        );
        if !q.author.trim().is_empty() {
            w.paragraph(
                &[span(SMALL, fr(&format!("— {}", q.author.trim())))],
                Para {
                    indent: 18.0,
                    space_after: 4.0,
                    align: Align::Left,
                },
            );
        }
    }
}

/// The height of the first row of photos as `story_photos` prints it (its
/// captions aside), so the headline is never left alone at a page's foot.
fn first_row_height(w: &Writer, pics: &[Photo]) -> f32 {
    let (per_row, max_h) = if pics.len() == 1 {
        (1, PHOTO_H)
    } else {
        (2, PHOTOS_H)
    };
    let cell_w = (w.width() - 12.0 * (per_row as f32 - 1.0)) / per_row as f32;
    pics.iter()
        .take(per_row)
        .map(|p| p.fit(cell_w, max_h).1 + 30.0)
        .fold(0.0, f32::max)
}

/// One photo full width, or two side by side, each with its caption and
/// credit under it.
fn story_photos(w: &mut Writer, data: &[ReportPhoto], pics: &[Photo]) {
    let per_row = if pics.len() == 1 { 1 } else { 2 };
    let gap = 12.0;
    let cell_w = (w.width() - gap * (per_row as f32 - 1.0)) / per_row as f32;
    let max_h = if per_row == 1 { PHOTO_H } else { PHOTOS_H };
    for (row, chunk) in pics.chunks(per_row).enumerate() {
        let captions: Vec<_> = chunk
            .iter()
            .enumerate()
            .map(|(k, _)| caption_lines(w, &data[row * per_row + k], cell_w))
            .collect();
        let sizes: Vec<(f32, f32)> = chunk.iter().map(|p| p.fit(cell_w, max_h)).collect();
        let cap_h = captions
            .iter()
            .map(|c| c.iter().map(|l| l.height).sum::<f32>())
            .fold(0.0, f32::max);
        let img_h = sizes.iter().map(|s| s.1).fold(0.0, f32::max);
        w.space(6.0);
        w.ensure(img_h + cap_h + 4.0);
        let top = w.y;
        for (k, (pic, (pw, ph))) in chunk.iter().zip(&sizes).enumerate() {
            let x = w.left + k as f32 * (cell_w + gap);
            w.image(&pic.id, x, top - ph, *pw, *ph);
            let mut t = top - ph - 3.0;
            for line in &captions[k] {
                w.draw_line(line, x, t);
                t -= line.height;
            }
        }
        w.y = top - img_h - cap_h - 4.0;
    }
}

/// « Caption — © credit », on at most three lines.
fn caption_lines(w: &Writer, p: &ReportPhoto, width: f32) -> Vec<crate::layout::LaidLine> {
    let mut spans = vec![span(
        SMALL.with_face(Face::Italic).with_color(INK),
        fr(p.caption.trim()),
    )];
    if !p.credit.trim().is_empty() {
        spans.push(span(
            SMALL.with_color(MUTED),
            format!(" — {}", fr(p.credit.trim())),
        ));
    }
    w.breaker.clamp(&spans, width, 3)
}

/// « Partenaires cités »: three to a row, in the order given (a long list
/// reads across then down, page after page).
pub(super) fn partners(w: &mut Writer, input: &ImpactReportInput, contents: &mut Contents) {
    section(w, contents, "Partenaires cités", true);
    let list = &input.partners;
    if list.is_empty() {
        muted(w, "Aucun partenaire n'a encore accepté d'être cité.");
        return;
    }
    super::text(
        w,
        &format!(
            "Les {} partenaires suivants ont accepté que leur nom figure dans ce rapport.",
            number(list.len() as f64)
        ),
    );
    let entry = |p: &NamedPartner| {
        let mut s = vec![span(Style::new(Face::Bold, 8.5, INK), fr(&p.name))];
        if !p.detail.trim().is_empty() {
            s.push(span(SMALL, format!("\n{}", fr(p.detail.trim()))));
        }
        s
    };
    let rows: Vec<Row> = list
        .chunks(3)
        .map(|three| {
            let mut cells: Vec<_> = three.iter().map(entry).collect();
            cells.resize_with(3, Vec::new);
            Row {
                cells,
                total: false,
            }
        })
        .collect();
    let head = col("Partenaires", 1.0, Align::Left);
    let column = || col("", 1.0, Align::Left);
    w.table(
        &[head, column(), column()],
        &rows,
        SMALL.with_face(Face::Bold),
        BODY,
    );
}
