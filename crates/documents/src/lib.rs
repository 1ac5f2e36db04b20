//! Print-ready PDF documents of a partnership: the brief (fiche
//! partenariat) and the agreement (convention de partenariat ou de
//! mécénat); and the event pack of a speed-dating event (plannings, table
//! sheets, table cards, « À revoir » tick sheets, see `event_pack`).
//!
//! Pure: input is domain values, output is the PDF's bytes. Nothing here
//! reads the database, the clock or files. The same [`DocumentData`] gives
//! byte-identical bytes: dates come from `generated_on`, ids from the
//! content.
//!
//! Layout is done here over printpdf's `Op` API (see `layout`): text is
//! measured with the embedded DejaVu Sans faces, broken into lines, paged
//! with headings kept with what follows and tables whose header repeats.

mod agreement;
mod brief;
mod chart;
mod event_pack;
mod fonts;
pub mod impact_report;
mod layout;
mod letterhead;
mod photo;
mod questionnaire;
mod story;
pub mod typo;

use chrono::NaiveDate;
use printpdf::{OffsetDateTime, PdfDocument, PdfPage, PdfSaveOptions};
use tisserand_domain::actor::Actor;
use tisserand_domain::agreement::AgreementText;
use tisserand_domain::contact::Contact;
use tisserand_domain::hash::fnv1a;
use tisserand_domain::partnership::Partnership;

pub use event_pack::{
    render_event_pack, EventPackData, PackMeeting, PackParticipant, PackRound, PackSelection,
};
pub use letterhead::Letterhead;
pub use story::StoryDocument;
pub use typo::french_spacing;

/// One party's actor and, when one is named, its contact person.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyData {
    pub actor: Actor,
    pub contact: Option<Contact>,
}

/// Everything a document shows. `parties` are matched to
/// `partnership.parties` by actor id; a party without data is printed with
/// its id and blanks to fill in.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentData {
    pub partnership: Partnership,
    pub parties: Vec<PartyData>,
    /// Names of the territory's communes, in the order to print.
    pub territory: Vec<String>,
    /// Preamble and free clauses of the agreement.
    pub agreement: AgreementText,
    /// Printed in the footer and used as the file's dates.
    pub generated_on: NaiveDate,
    /// The organisation heading the first page (Réglages); empty: none.
    pub letterhead: Letterhead,
    /// Place of signature, court and originals (Réglages).
    pub agreement_defaults: tisserand_domain::settings::AgreementDefaults,
    /// The facilitator of Réglages: their e-mail and phone follow their
    /// name where the partnership names them.
    pub facilitator: tisserand_domain::settings::Facilitator,
}

impl DocumentData {
    /// The data of the party whose actor is `actor_id`.
    #[must_use]
    pub fn party(&self, actor_id: &str) -> Option<&PartyData> {
        self.parties.iter().find(|p| p.actor.id == actor_id)
    }

    /// The name of the actor `actor_id`, or the id itself when unknown.
    #[must_use]
    pub fn actor_name<'a>(&'a self, actor_id: &'a str) -> &'a str {
        self.party(actor_id)
            .map_or(actor_id, |p| p.actor.name.as_str())
    }
}

/// Why a document could not be made. With the embedded fonts this does not
/// happen in practice; it is kept so callers can show a message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("Police intégrée illisible : {0}")]
    Font(String),
    /// A planning was asked for a participant the event does not list.
    #[error("Aucun participant « {0} » dans cet événement : vérifiez la liste des participants avant de réimprimer son planning")]
    UnknownParticipant(String),
    /// A story's photo is not a JPEG file that can be read.
    #[error("La photo « {photo} » de l'histoire « {story} » n'est pas une image JPEG lisible : remplacez-la avant d'imprimer le rapport")]
    Photo { story: String, photo: String },
}

/// Renders the brief (fiche partenariat), A4, usually one or two pages.
///
/// # Errors
/// [`DocumentError::Font`] if the embedded fonts cannot be read.
pub fn render_brief(data: &DocumentData) -> Result<Vec<u8>, DocumentError> {
    let fonts = fonts::Fonts::get()?;
    let pages = brief::pages(fonts, data);
    let title = format!("Fiche partenariat — {}", data.partnership.title);
    Ok(save_headed(
        fonts,
        &title,
        data.generated_on,
        pages,
        &data.letterhead,
    ))
}

/// Renders the briefs of several partnerships into one PDF, each brief on
/// its own pages with its own « page X / Y ».
///
/// # Errors
/// [`DocumentError::Font`] if the embedded fonts cannot be read.
pub fn render_briefs(
    items: &[DocumentData],
    generated_on: NaiveDate,
) -> Result<Vec<u8>, DocumentError> {
    let fonts = fonts::Fonts::get()?;
    let mut pages = Vec::new();
    for data in items {
        pages.extend(brief::pages(fonts, data));
    }
    let head = items
        .first()
        .map(|d| d.letterhead.clone())
        .unwrap_or_default();
    Ok(save_headed(
        fonts,
        "Fiches partenariat",
        generated_on,
        pages,
        &head,
    ))
}

/// Renders the agreement: « Convention de mécénat » when the primary mode
/// is mécénat, « Convention de partenariat » otherwise.
///
/// # Errors
/// [`DocumentError::Font`] if the embedded fonts cannot be read.
pub fn render_agreement(data: &DocumentData) -> Result<Vec<u8>, DocumentError> {
    let fonts = fonts::Fonts::get()?;
    let pages = agreement::pages(fonts, data);
    let title = format!("{} — {}", agreement::title(data), data.partnership.title);
    Ok(save_headed(
        fonts,
        &title,
        data.generated_on,
        pages,
        &data.letterhead,
    ))
}

/// Renders the one-page story (« belle histoire ») of a partnership, for
/// publication (only what may be published) or internal use.
///
/// # Errors
/// [`DocumentError::Font`] if the embedded fonts cannot be read.
pub fn render_story(data: &StoryDocument) -> Result<Vec<u8>, DocumentError> {
    let fonts = fonts::Fonts::get()?;
    let (pages, photos) = story::pages(fonts, data);
    let title = format!("Belle histoire — {}", data.detail.story.text.headline);
    let pages = pages.into_iter().map(|ops| (ops, false)).collect();
    Ok(save_doc(fonts, &title, data.generated_on, pages, photos))
}

/// Renders the evaluation questionnaire for the review meeting: one page
/// per party, the scale's boxes to tick and blanks to write on.
///
/// # Errors
/// [`DocumentError::Font`] if the embedded fonts cannot be read.
pub fn render_questionnaire(data: &DocumentData) -> Result<Vec<u8>, DocumentError> {
    let fonts = fonts::Fonts::get()?;
    let pages = questionnaire::pages(fonts, data);
    let title = format!("Questionnaire d'évaluation — {}", data.partnership.title);
    Ok(save(fonts, &title, data.generated_on, pages))
}

/// A file name for a document: « fiche-petit-cirque.pdf ».
#[must_use]
pub fn file_name(prefix: &str, title: &str) -> String {
    let folded = tisserand_domain::text::fold(title);
    let mut slug = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        format!("{prefix}.pdf")
    } else {
        format!("{prefix}-{slug}.pdf")
    }
}

/// Saves A4 portrait pages without photos.
fn save(
    fonts: &fonts::Fonts,
    title: &str,
    on: NaiveDate,
    pages: Vec<Vec<printpdf::Op>>,
) -> Vec<u8> {
    let pages = pages.into_iter().map(|ops| (ops, false)).collect();
    save_doc(fonts, title, on, pages, photo::PhotoSheet::default())
}

/// Saves A4 portrait pages that show `head`'s logo (the `Logo` resource).
fn save_headed(
    fonts: &fonts::Fonts,
    title: &str,
    on: NaiveDate,
    pages: Vec<Vec<printpdf::Op>>,
    head: &Letterhead,
) -> Vec<u8> {
    let pages = pages.into_iter().map(|ops| (ops, false)).collect();
    let photos = photo::PhotoSheet {
        photos: head.logo_image().into_iter().collect(),
    };
    save_doc(fonts, title, on, pages, photos)
}

/// Saves pages that are A4 portrait, or A4 landscape when their flag is
/// set, with the photos they place (see `photo`) in the file's resources.
fn save_doc(
    fonts: &fonts::Fonts,
    title: &str,
    on: NaiveDate,
    pages: Vec<(Vec<printpdf::Op>, bool)>,
    photos: photo::PhotoSheet,
) -> Vec<u8> {
    let mut doc = PdfDocument::new(&truncate_chars(title, 300));
    let date = on
        .and_hms_opt(0, 0, 0)
        .map_or(0, |d| d.and_utc().timestamp());
    let stamp = OffsetDateTime::from_unix_timestamp(date)
        .or_else(|_| OffsetDateTime::from_unix_timestamp(0));
    if let Ok(stamp) = stamp {
        doc.metadata.info.creation_date = stamp;
        doc.metadata.info.modification_date = stamp;
        doc.metadata.info.metadata_date = stamp;
    }
    doc.metadata.info.creator = "Tisserand".to_owned();
    doc.metadata.info.producer = "Tisserand (printpdf)".to_owned();
    for (id, font) in fonts.resources() {
        doc.resources.fonts.map.insert(id, font);
    }
    for image in photos.photos {
        doc.resources.xobjects.map.insert(image.id, image.xobject);
    }
    let pages: Vec<PdfPage> = pages
        .into_iter()
        .map(|(ops, landscape)| {
            if landscape {
                PdfPage::new(printpdf::Mm(297.0), printpdf::Mm(210.0), ops)
            } else {
                PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), ops)
            }
        })
        .collect();
    doc.with_pages(pages);
    let mut warnings = Vec::new();
    let mut bytes = doc.save(&PdfSaveOptions::default(), &mut warnings);
    fix_trailer_id(&mut bytes);
    bytes
}

fn truncate_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// printpdf writes a pseudo-random `/ID` in the trailer; replace both of
/// its strings (same length, so no offset moves) with a hash of the file.
fn fix_trailer_id(bytes: &mut [u8]) {
    let Some(at) = find_last(bytes, b"/ID") else {
        return;
    };
    let hash = fnv1a(&bytes[..at]);
    let hex = format!("{hash:016x}{:016x}", fnv1a(&hash.to_le_bytes()));
    let mut i = at + 3;
    for _ in 0..2 {
        let Some(open) = bytes[i..].iter().position(|&b| b == b'(').map(|p| p + i) else {
            return;
        };
        let Some(close) = bytes[open..]
            .iter()
            .position(|&b| b == b')')
            .map(|p| p + open)
        else {
            return;
        };
        let inner = &mut bytes[open + 1..close];
        for (k, b) in inner.iter_mut().enumerate() {
            *b = hex.as_bytes()[k % hex.len()];
        }
        i = close + 1;
    }
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}
