//! The territory's impact report: from the Impact page's figures
//! (`ImpactFigures`, printed unchanged), the stories chosen for it and the
//! partners who agreed to be named, to a PDF.
//!
//! Pages: cover (with the contents), key figures, partnerships by stage and
//! mode, contributions, indicators by theme, the funnel and the years, the
//! stories with their photos, the partners named, method and limits. The
//! same input gives the same bytes.

mod charts;
mod cover;
mod method;
mod stories;
mod tables;

use chrono::NaiveDate;
use printpdf::Op;
use tisserand_domain::impact::ImpactFigures;
use tisserand_domain::rameau::RameauMode;

use crate::chart::{bars_height, draw_bars, BarChart, Hatch, Series};
use crate::fonts::{Face, Fonts};
use crate::layout::{span, Para, Rgb3, Style, Writer, ACCENT, INK, MARGIN, MUTED, PAGE_W, RULE};
use crate::photo::{Photo, PhotoSheet};
use crate::typo::french_spacing as fr;
use crate::DocumentError;

/// Everything the impact report prints.
#[derive(Debug, Clone, PartialEq)]
pub struct ImpactReportInput {
    /// « Rapport d'impact 2026 ».
    pub title: String,
    /// Who publishes it (the Labo, the network), on the cover; may be empty.
    pub publisher: String,
    /// The territory's label: « Eurométropole de Strasbourg », « Bas-Rhin ».
    pub territory: String,
    /// The period's label: « du 1er janvier au 31 décembre 2026 ».
    pub period: String,
    /// Printed on the cover and in the footer; the file's dates.
    pub generated_on: NaiveDate,
    /// The figures of `App::get_impact` for the report's filters.
    pub figures: ImpactFigures,
    /// The stories chosen, in the order to print (only what may be
    /// published: the caller leaves out quotes and photos not cleared).
    pub stories: Vec<ReportStory>,
    /// Partners who agreed to be named, in the order to print.
    pub partners: Vec<NamedPartner>,
    pub method: ReportMethod,
    /// The organisation heading the cover (Réglages); empty: none.
    pub letterhead: crate::Letterhead,
}

/// A story (« belle histoire ») as the report tells it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportStory {
    pub headline: String,
    /// The partnership's title.
    pub partnership: String,
    /// The need on the territory.
    pub need: String,
    /// What the partners did.
    pub actions: String,
    /// What changed, in words.
    pub changes: String,
    /// What changed in figures, each as printed: « 14 personnes en emploi
    /// à 6 mois ».
    pub figures: Vec<String>,
    pub quotes: Vec<ReportQuote>,
    pub photos: Vec<ReportPhoto>,
}

impl ReportStory {
    /// A stored story as the report tells it, for publication: only the
    /// quotes and photos marked publishable (`Story::for_publication`), its
    /// measured indicators' latest values as figures (« 14 personnes —
    /// Personnes en emploi à 6 mois »), each photo's JPEG read by `jpeg`
    /// from its id.
    pub fn published<E>(
        detail: &tisserand_domain::story::StoryDetail,
        mut jpeg: impl FnMut(&str) -> Result<Vec<u8>, E>,
    ) -> Result<Self, E> {
        let story = detail.story.for_publication();
        let figures = detail
            .indicators
            .iter()
            .filter(|i| !i.missing)
            .filter_map(|i| {
                let v = i.value?;
                let value = match i.unit.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
                    Some(u) => format!("{}\u{A0}{u}", crate::typo::number(v)),
                    None => crate::typo::number(v),
                };
                Some(format!("{value} — {}", i.name))
            })
            .collect();
        let mut photos = Vec::with_capacity(story.photos.len());
        for p in &story.photos {
            photos.push(ReportPhoto {
                jpeg: jpeg(&p.id)?,
                caption: p.caption.clone(),
                credit: match p.credit.trim() {
                    "" => String::new(),
                    c if c.starts_with('©') => c.to_owned(),
                    c => format!("Photo\u{A0}: {c}"),
                },
            });
        }
        Ok(Self {
            headline: story.text.headline.clone(),
            partnership: detail.partnership_title.clone(),
            need: story.text.need.clone(),
            actions: story.text.action.clone(),
            changes: story.text.change.clone(),
            figures,
            quotes: story
                .text
                .quotes
                .iter()
                .map(|q| ReportQuote {
                    text: q.text.clone(),
                    author: q.author.clone(),
                })
                .collect(),
            photos,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportQuote {
    pub text: String,
    /// « Marie Dupont, directrice de l'association ».
    pub author: String,
}

/// A photo: a JPEG file's bytes, its caption and credit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportPhoto {
    pub jpeg: Vec<u8>,
    pub caption: String,
    /// « © Studio Lumière »; empty when none.
    pub credit: String,
}

/// A partner named in the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NamedPartner {
    pub name: String,
    /// « Entreprise · Colmar »; empty when none.
    pub detail: String,
}

/// The facts of « Méthode et limites » that the figures do not carry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportMethod {
    /// Which partnerships the period takes: « les partenariats actifs
    /// pendant la période (démarrés avant sa fin, ni clos ni abandonnés
    /// avant son début) ».
    pub period_rule: String,
    /// Further notes, one paragraph each.
    pub notes: Vec<String>,
}

pub(crate) const BODY: Style = Style::new(Face::Regular, 9.5, INK);
pub(crate) const SMALL: Style = Style::new(Face::Regular, 8.0, MUTED);
pub(crate) const H1: Style = Style::new(Face::Bold, 16.0, ACCENT);
pub(crate) const H2: Style = Style::new(Face::Bold, 11.0, ACCENT);
pub(crate) const HEAD: Style = Style::new(Face::Bold, 8.0, INK);
pub(crate) const CELL: Style = Style::new(Face::Regular, 8.5, INK);
/// Room a heading keeps for what follows it.
pub(crate) const KEEP: f32 = 60.0;
/// Partnerships without a primary mode yet.
pub(crate) const UNCLASSIFIED: Rgb3 = Rgb3(0.62, 0.64, 0.67);
/// Bars that are not about modes (Okabe–Ito sky blue).
pub(crate) const SKY: Rgb3 = Rgb3(0.337, 0.706, 0.914);

/// The report's sections as the cover lists them, and where each starts.
pub(crate) struct Contents {
    pub entries: Vec<(String, usize)>,
}

impl Contents {
    /// Records that `title` starts on the writer's current page.
    pub(crate) fn start(&mut self, w: &Writer, title: &str) {
        self.entries.push((title.to_owned(), w.page_index() + 1));
    }
}

/// Renders the impact report, A4 portrait.
///
/// # Errors
/// [`DocumentError::Photo`] when a story's photo is not a readable JPEG;
/// [`DocumentError::Font`] if the embedded fonts cannot be read.
pub fn render(input: &ImpactReportInput) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::get()?;
    let photos = photos(input)?;
    let mut w = Writer::new(fonts);
    let mut contents = Contents {
        entries: Vec::new(),
    };
    cover::cover(&mut w, input);
    w.new_page();
    cover::key_figures(&mut w, input, &mut contents);
    charts::partnerships(&mut w, &input.figures, &mut contents);
    charts::contributions(&mut w, &input.figures, &mut contents);
    charts::indicators(&mut w, &input.figures, &mut contents);
    charts::funnel_and_years(&mut w, &input.figures, &mut contents);
    stories::stories(&mut w, input, &photos, &mut contents);
    stories::partners(&mut w, input, &mut contents);
    method::method(&mut w, input, &mut contents);
    let pages = finish(w, input, &contents);
    let pages = pages.into_iter().map(|ops| (ops, false)).collect();
    let photos = PhotoSheet {
        photos: photos
            .into_iter()
            .flatten()
            .chain(input.letterhead.logo_image())
            .collect(),
    };
    Ok(crate::save_doc(
        fonts,
        &input.title,
        input.generated_on,
        pages,
        photos,
    ))
}

/// Each story's photos read as JPEG images, named by their place.
fn photos(input: &ImpactReportInput) -> Result<Vec<Vec<Photo>>, DocumentError> {
    input
        .stories
        .iter()
        .enumerate()
        .map(|(s, story)| {
            story
                .photos
                .iter()
                .enumerate()
                .map(|(p, photo)| {
                    Photo::jpeg(&photo.jpeg, &format!("IMG{}_{}", s + 1, p + 1)).ok_or_else(|| {
                        DocumentError::Photo {
                            story: story.headline.clone(),
                            photo: photo.caption.clone(),
                        }
                    })
                })
                .collect()
        })
        .collect()
}

/// The footer of every page but the cover, and the contents on the cover.
fn finish(w: Writer, input: &ImpactReportInput, contents: &Contents) -> Vec<Vec<Op>> {
    let left = fr(&format!(
        "{} · {} · {} · {}",
        input.letterhead.signature(),
        input.title,
        input.territory,
        input.period
    ));
    w.finish(|w, n, total| {
        if n == 1 {
            cover::contents(w, contents);
            return;
        }
        let y = MARGIN + 14.0;
        w.hline(MARGIN, PAGE_W - MARGIN, y, 0.5, RULE);
        let label = format!("page {n} / {total}");
        let lw = w.breaker.width(SMALL, &label);
        w.text_at(PAGE_W - MARGIN - lw, MARGIN + 3.0, SMALL, &label);
        let lines = w
            .breaker
            .clamp(&[span(SMALL, &left)], PAGE_W - 2.0 * MARGIN - lw - 16.0, 1);
        if let Some(line) = lines.first() {
            let top = MARGIN + 3.0 + line.height * 0.5 + SMALL.size * 0.34;
            w.draw_line(line, MARGIN, top);
        }
    })
}

/// A section's title, starting a new page unless the page is empty, and
/// recorded in the contents.
pub(crate) fn section(w: &mut Writer, contents: &mut Contents, title: &str, new_page: bool) {
    if new_page && !w.page_is_blank() {
        w.new_page();
    } else {
        w.space(14.0);
    }
    w.ensure(KEEP + 30.0);
    contents.start(w, title);
    w.heading(title, H1, KEEP, true);
    w.space(4.0);
}

/// A chart's title and, under it, what it shows; kept on one page with
/// `keep` points of what follows (the chart).
pub(crate) fn chart_title(w: &mut Writer, title: &str, note: &str, keep: f32) {
    let note = fr(note);
    let note_h: f32 = if note.is_empty() {
        0.0
    } else {
        let lines = w.breaker.lines(&[span(SMALL, note.as_str())], w.width());
        lines.iter().map(|l| l.height).sum::<f32>() + 6.0
    };
    w.heading(&fr(title), H2, keep + note_h + 4.0, false);
    if !note.is_empty() {
        w.paragraph(
            &[span(SMALL, note)],
            Para {
                space_after: 6.0,
                ..Para::default()
            },
        );
    }
}

/// A bar chart under its title and note, all on one page.
pub(crate) fn titled_bars(w: &mut Writer, title: &str, note: &str, chart: &BarChart) {
    chart_title(w, title, note, bars_height(chart));
    draw_bars(w, chart);
}

/// `one` for 0 and 1, `many` above, as French counts.
pub(crate) fn plural<'a>(n: u32, one: &'a str, many: &'a str) -> &'a str {
    if n > 1 {
        many
    } else {
        one
    }
}

/// A paragraph of body text.
pub(crate) fn text(w: &mut Writer, text: &str) {
    w.paragraph(&[span(BODY, fr(text))], Para::default());
}

/// Said in grey italics when a part has nothing to show.
pub(crate) fn muted(w: &mut Writer, text: &str) {
    w.paragraph(
        &[span(
            BODY.with_face(Face::Italic).with_color(MUTED),
            fr(text),
        )],
        Para::default(),
    );
}

/// The series of a chart split by primary mode: the four modes in the
/// scale's order, then « Non classé » when `unclassified`.
pub(crate) fn mode_series(unclassified: bool) -> Vec<Series> {
    let mut out: Vec<Series> = RameauMode::ALL
        .into_iter()
        .map(|m| {
            let (colour, _, name) = crate::brief::mode_look(m);
            let hatch = match m {
                RameauMode::Mecenat => Hatch::Diagonal,
                RameauMode::CooperationEconomique => Hatch::Horizontal,
                RameauMode::InnovationSocietale => Hatch::Dots,
                RameauMode::PratiquesResponsables => Hatch::Grid,
            };
            Series {
                label: name.to_owned(),
                colour,
                hatch,
            }
        })
        .collect();
    if unclassified {
        out.push(Series {
            label: "Non classé".to_owned(),
            colour: UNCLASSIFIED,
            hatch: Hatch::Plain,
        });
    }
    out
}

/// The index of `mode` among `mode_series`: the scale's order, then
/// unclassified.
pub(crate) fn mode_index(mode: Option<RameauMode>) -> usize {
    mode.and_then(|m| RameauMode::ALL.iter().position(|x| *x == m))
        .unwrap_or(RameauMode::ALL.len())
}

/// A mode's name as tables print it.
pub(crate) fn mode_name(mode: Option<RameauMode>) -> &'static str {
    mode.map_or("Non classé", |m| crate::brief::mode_look(m).2)
}
