//! The evaluation questionnaire for a partnership's review meeting: one
//! page per party with Le RAMEAU's questions on the balance between
//! partners — each on the four-step scale, boxes to tick — and blanks to
//! write what the party brought and gained. Same typography as the brief.

use printpdf::Op;
use tisserand_domain::impact::{contribution_values, ContributionValue, Rating};
use tisserand_domain::partnership::Party;

use crate::brief::{role_fr, BODY, SMALL};
use crate::fonts::{Face, Fonts};
use crate::layout::{span, Para, Style, Writer, ACCENT, INK, MARGIN, MUTED, PAGE_W, RULE};
use crate::typo::{date_short, euros, french_spacing as fr, hours};
use crate::DocumentData;

const TITLE: Style = Style::new(Face::Bold, 16.0, INK);
const H2: Style = Style::new(Face::Bold, 11.5, ACCENT);
const QUESTION: Style = Style::new(Face::Bold, 10.0, INK);
/// The side of a box to tick, in points.
const BOX: f32 = 9.0;

/// The three questions answered on the scale, in the order of the form.
const RATED: [&str; 3] = [
    "1. Le partenariat a-t-il atteint vos objectifs ?",
    "2. La relation entre partenaires a-t-elle été équilibrée ?",
    "3. Souhaitez-vous poursuivre ce partenariat ?",
];

/// The questionnaire's pages: one party after the other, each from a new
/// page; a partnership without parties gets one page with blank names.
pub(crate) fn pages(fonts: &Fonts, data: &DocumentData) -> Vec<Vec<Op>> {
    let mut w = Writer::new(fonts);
    let p = &data.partnership;
    let values = contribution_values(&p.parties, &p.contributions);
    if p.parties.is_empty() {
        party_pages(&mut w, data, None, None);
    }
    for (i, party) in p.parties.iter().enumerate() {
        if i > 0 {
            w.new_page();
        }
        party_pages(&mut w, data, Some(party), values.get(i));
    }
    footer(w, data)
}

/// One party's questionnaire.
fn party_pages(
    w: &mut Writer,
    data: &DocumentData,
    party: Option<&Party>,
    value: Option<&ContributionValue>,
) {
    header(w, data);
    let name = party.map_or("", |p| data.actor_name(&p.actor_id));
    let role = party.map(|p| format!(" ({})", role_fr(p.role).to_lowercase()));
    w.heading(
        &fr(&format!(
            "Questionnaire de : {name}{}",
            role.unwrap_or_default()
        )),
        H2,
        60.0,
        true,
    );
    respondent(w);
    if let Some(party) = party {
        reminders(w, data, party, value);
    }
    for question in RATED {
        scale_question(w, question);
    }
    open_question(w, "4. Qu'avez-vous apporté au partenariat ?", 5);
    open_question(w, "5. Qu'en avez-vous retiré ?", 5);
    open_question(w, "6. Remarques et suites à donner", 4);
}

/// « QUESTIONNAIRE D'ÉVALUATION », the title, the parties and the stage.
fn header(w: &mut Writer, data: &DocumentData) {
    let p = &data.partnership;
    let top = w.y;
    let accent = SMALL.with_face(Face::Bold).with_color(ACCENT);
    w.text_at(w.left, top - 8.0, accent, "QUESTIONNAIRE D'ÉVALUATION");
    let stage = fr(&format!("Étape : {}", p.stage.label_fr()));
    let sw = w.breaker.width(SMALL.with_face(Face::Bold), &stage);
    w.text_at(w.right - sw, top - 8.0, SMALL.with_face(Face::Bold), &stage);
    w.y -= 14.0;
    let tight = Para {
        space_after: 2.0,
        ..Para::default()
    };
    w.paragraph(&[span(TITLE, fr(&p.title))], tight);
    let parties: Vec<String> = p
        .parties
        .iter()
        .map(|party| {
            format!(
                "{} ({})",
                data.actor_name(&party.actor_id),
                role_fr(party.role).to_lowercase()
            )
        })
        .collect();
    let mut meta = vec![format!("Parties : {}", parties.join(", "))];
    if !data.territory.is_empty() {
        meta.push(format!("Territoire : {}", data.territory.join(", ")));
    }
    w.paragraph(&[span(SMALL, fr(&meta.join(" · ")))], tight);
    w.paragraph(
        &[span(
            SMALL.with_face(Face::Italic),
            fr("À remplir par chaque partie lors de la revue du partenariat : cochez une case par question, écrivez sur les lignes."),
        )],
        Para::default(),
    );
    w.space(6.0);
}

/// « Répondant·e : ____  Date : ____ ».
fn respondent(w: &mut Writer) {
    w.paragraph(
        &[
            span(BODY.with_face(Face::Bold), fr("Personne qui répond : ")),
            crate::layout::Span::Blank(BODY, 220.0),
            span(BODY.with_face(Face::Bold), fr("   Date : ")),
            crate::layout::Span::Blank(BODY, 90.0),
        ],
        Para {
            space_after: 8.0,
            ..Para::default()
        },
    );
}

/// What the party said it wanted and what it brought, as recorded, to
/// help it answer.
fn reminders(
    w: &mut Writer,
    data: &DocumentData,
    party: &Party,
    value: Option<&ContributionValue>,
) {
    let objectives: Vec<&str> = data
        .partnership
        .objectives
        .iter()
        .filter(|o| o.actor_id.as_deref() == Some(party.actor_id.as_str()))
        .map(|o| o.text.as_str())
        .collect();
    let label = BODY.with_face(Face::Bold).with_color(MUTED);
    let text = BODY.with_color(MUTED);
    if !objectives.is_empty() {
        w.paragraph(
            &[
                span(label, fr("Vos objectifs déclarés : ")),
                span(text, fr(&objectives.join(" ; "))),
            ],
            Para::default(),
        );
    }
    if let Some(v) = value.filter(|v| v.total_cents > 0 || v.skills_minutes > 0) {
        w.paragraph(
            &[
                span(label, fr("Vos contributions enregistrées : ")),
                span(text, fr(&contributions_line(v))),
            ],
            Para::default(),
        );
    }
    w.space(4.0);
}

/// « 5 000,00 € en numéraire, 12 h de compétences (142,56 €), 300,00 € en nature ».
fn contributions_line(v: &ContributionValue) -> String {
    let mut parts = Vec::new();
    if v.money_cents > 0 {
        parts.push(format!("{} en numéraire", euros(v.money_cents)));
    }
    if v.skills_minutes > 0 || v.skills_cents > 0 {
        let estimated = if v.skills_estimated_cents > 0 {
            ", estimé"
        } else {
            ""
        };
        parts.push(format!(
            "{} de compétences ({}{estimated})",
            hours(v.skills_minutes),
            euros(v.skills_cents)
        ));
    }
    if v.in_kind_cents > 0 {
        parts.push(format!("{} en nature", euros(v.in_kind_cents)));
    }
    parts.join(", ")
}

/// A question with the four boxes of the scale under it.
fn scale_question(w: &mut Writer, question: &str) {
    let row = BODY.line_height() + 16.0;
    w.heading(&fr(question), QUESTION, row, false);
    w.ensure(row);
    let baseline = w.y - BODY.line_height();
    let step = w.width() / 4.0;
    for (i, rating) in Rating::ALL.into_iter().enumerate() {
        let x = w.left + step * f32::from(u8::try_from(i).unwrap_or(0));
        w.rect(x, baseline - 1.0, BOX, BOX, None, Some((INK, 0.8)));
        w.text_at(x + BOX + 5.0, baseline, BODY, rating.label_fr());
    }
    w.y -= row;
}

/// A question to answer in writing on `lines` ruled lines.
fn open_question(w: &mut Writer, question: &str, lines: usize) {
    w.space(2.0);
    w.heading(&fr(question), QUESTION, 40.0, false);
    w.blank_lines(lines, BODY);
}

/// « Tisserand · questionnaire généré le … » and « page N / M ».
fn footer(w: Writer, data: &DocumentData) -> Vec<Vec<Op>> {
    let on = date_short(data.generated_on);
    w.finish(|w, n, total| {
        w.hline(MARGIN, PAGE_W - MARGIN, MARGIN + 14.0, 0.5, RULE);
        let left = format!("Tisserand · questionnaire généré le {on}");
        w.text_at(MARGIN, MARGIN + 3.0, SMALL, &left);
        let label = format!("page {n} / {total}");
        let lw = w.breaker.width(SMALL, &label);
        w.text_at(PAGE_W - MARGIN - lw, MARGIN + 3.0, SMALL, &label);
    })
}
