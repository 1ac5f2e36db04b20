//! The agreement (convention de partenariat, or de mécénat when mécénat is
//! the primary mode): numbered articles filled from the partnership, ruled
//! blanks where a value is missing, free clauses, signature blocks.
//!
//! `articles` writes each numbered article, `signatures` the signature
//! blocks; this file lists the articles in order and pages the document.

mod articles;
mod signatures;

use printpdf::Op;
use tisserand_domain::rameau::RameauMode;

use crate::fonts::{Face, Fonts};
use crate::layout::{
    span, Align, Para, Span, Style, Writer, ACCENT, INK, MARGIN, MUTED, PAGE_W, RULE,
};
use crate::typo::{date_long, french_spacing as fr};
use crate::DocumentData;
use articles::{
    commitments, communication, counterparts, disputes, duration, evaluation, object, parties,
    personal_data, preamble, termination,
};
use signatures::signatures;

const BODY: Style = Style::new(Face::Regular, 10.0, INK);
const SMALL: Style = Style::new(Face::Regular, 8.0, MUTED);
const ARTICLE: Style = Style::new(Face::Bold, 11.5, ACCENT);
const SUB: Style = Style::new(Face::Bold, 10.0, INK);
const HEAD: Style = Style::new(Face::Bold, 8.5, INK);
const CELL: Style = Style::new(Face::Regular, 9.0, INK);
const KEEP: f32 = 44.0;
const PARA: Para = Para {
    indent: 0.0,
    space_after: 5.0,
    align: Align::Justify,
};

/// « Convention de mécénat » when the primary mode is mécénat.
pub(crate) fn title(data: &DocumentData) -> &'static str {
    if data.partnership.modes.primary == Some(RameauMode::Mecenat) {
        "Convention de mécénat"
    } else {
        "Convention de partenariat"
    }
}

fn blank(w: f32) -> Span {
    Span::Blank(BODY, w)
}

fn t(text: &str) -> Span {
    span(BODY, fr(text))
}

fn b(text: &str) -> Span {
    span(BODY.with_face(Face::Bold), fr(text))
}

/// Text that may hold several paragraphs (blank lines between them).
fn text_block(w: &mut Writer, text: &str) {
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        w.paragraph(&[t(para)], PARA);
    }
}

/// The articles being written: the writer and the last article's number.
struct Articles<'w, 'f> {
    w: &'w mut Writer<'f>,
    n: usize,
}

impl Articles<'_, '_> {
    fn next(&mut self, name: &str) {
        self.n += 1;
        self.w.space(6.0);
        self.w.heading(
            &fr(&format!("Article {} — {name}", self.n)),
            ARTICLE,
            KEEP,
            false,
        );
        self.w.space(2.0);
    }
}

/// The numbered articles of the agreement, in the order they print; the
/// free clauses follow them.
const ARTICLES: [fn(&mut Articles, &DocumentData); 11] = [
    parties,
    preamble,
    object,
    commitments,
    counterparts,
    communication,
    duration,
    termination,
    evaluation,
    personal_data,
    disputes,
];

pub(crate) fn pages(fonts: &Fonts, data: &DocumentData) -> Vec<Vec<Op>> {
    let mut w = Writer::new(fonts);
    w.letterhead(&data.letterhead);
    heading(&mut w, data);
    let mut a = Articles { w: &mut w, n: 0 };
    for article in ARTICLES {
        article(&mut a, data);
    }
    free_clauses(&mut a, data);
    signatures(&mut w, data);
    footer(w, data)
}

/// The document's title, the partnership's name and a short rule.
fn heading(w: &mut Writer, data: &DocumentData) {
    w.paragraph(
        &[span(
            Style::new(Face::Bold, 19.0, INK),
            title(data).to_uppercase(),
        )],
        Para {
            align: Align::Center,
            space_after: 3.0,
            ..PARA
        },
    );
    w.paragraph(
        &[span(
            Style::new(Face::Regular, 12.5, ACCENT),
            fr(&format!("« {} »", data.partnership.title)),
        )],
        Para {
            align: Align::Center,
            space_after: 4.0,
            ..PARA
        },
    );
    let y = w.y - 2.0;
    let mid = (w.left + w.right) / 2.0;
    w.hline(mid - 60.0, mid + 60.0, y, 0.8, ACCENT);
    w.y -= 14.0;
}

/// The agreement's free clauses, one numbered article each.
fn free_clauses(a: &mut Articles, data: &DocumentData) {
    for c in &data.agreement.clauses {
        let name = if c.title.trim().is_empty() {
            "Clause particulière"
        } else {
            c.title.trim()
        };
        a.next(name);
        if c.body.trim().is_empty() {
            a.w.blank_lines(3, BODY);
        } else {
            text_block(a.w, &c.body);
        }
    }
}

/// Pages the document with its footer: title, « page N / M », the date,
/// and a box for the initials.
fn footer(w: Writer, data: &DocumentData) -> Vec<Vec<Op>> {
    let footer_title = format!("{} — {}", title(data), data.partnership.title);
    let on = date_long(data.generated_on);
    w.finish(|w, n, total| {
        let rule_y = MARGIN + 24.0;
        let box_w = 92.0;
        let box_h = 20.0;
        let bx = PAGE_W - MARGIN - box_w;
        w.hline(MARGIN, PAGE_W - MARGIN, rule_y, 0.5, RULE);
        let text_w = bx - MARGIN - 12.0;
        let left = ellipsize(w, SMALL, &footer_title, text_w);
        w.text_at(MARGIN, MARGIN + 11.0, SMALL, &left);
        w.text_at(
            MARGIN,
            MARGIN + 1.5,
            SMALL,
            &format!("page {n} / {total} · document préparé le {on}"),
        );
        w.rect(bx, MARGIN, box_w, box_h, None, Some((MUTED, 0.6)));
        w.text_at(
            bx + 3.0,
            MARGIN + box_h - 7.0,
            Style::new(Face::Regular, 6.0, MUTED),
            "Paraphes",
        );
    })
}

/// `text` cut with « … » to fit `width`.
fn ellipsize(w: &Writer, style: Style, text: &str, width: f32) -> String {
    if w.breaker.width(style, text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if w.breaker.width(style, &out) + w.breaker.width(style, "…") > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}
