//! « Belles histoires »: the story of a partnership told for others — the
//! need on the territory, what the partners did, what changed — with the
//! partnership's indicators linked by name (their values stay live: a story
//! shows each indicator's latest measure when it is read, never a copied
//! number), quotes with their author and photos with their caption and
//! credit, each marked as publishable or not.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{FieldError, ValidationErrors};
use crate::partnership::Indicator;
use crate::text::fold;
use crate::valid::Valid;

#[cfg(test)]
mod tests;

/// Longest headline, in characters.
pub const HEADLINE_MAX: usize = 160;
/// Longest text of the need, the action or the change, in characters.
pub const STORY_TEXT_MAX: usize = 4_000;
/// Longest quote, in characters.
pub const QUOTE_MAX: usize = 800;
/// Longest author of a quote or credit of a photo, in characters.
pub const AUTHOR_MAX: usize = 160;
/// Longest caption of a photo, in characters.
pub const CAPTION_MAX: usize = 300;
/// Most quotes in one story.
pub const QUOTES_MAX: usize = 12;
/// Most indicators linked to one story.
pub const STORY_INDICATORS_MAX: usize = 12;
/// Most photos in one story.
pub const PHOTOS_MAX: usize = 12;

/// Something a partner or a beneficiary said, and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Quote {
    pub text: String,
    /// Who said it: « Marie Dupont, directrice de l'école ».
    pub author: String,
    /// The author agreed to see it printed for publication.
    pub publishable: bool,
}

/// What a person writes in the story form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct StoryInput {
    pub headline: String,
    /// The need on the territory.
    pub need: String,
    /// What the partners did.
    pub action: String,
    /// What changed.
    pub change: String,
    /// Names of the partnership's indicators that show the change.
    pub indicators: Vec<String>,
    pub quotes: Vec<Quote>,
}

/// A story that passed its validation.
pub type ValidStory = Valid<StoryInput>;

/// What a person says of a photo: its caption, its credit and whether it
/// may be published.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PhotoInput {
    pub caption: String,
    /// Who took it (« Photo : Jean Martin »).
    pub credit: String,
    pub publishable: bool,
}

/// A photo's caption, credit and publication that passed their validation.
pub type ValidPhoto = Valid<PhotoInput>;

/// A stored photo, without its bytes (the window asks for those apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StoryPhoto {
    pub id: String,
    pub caption: String,
    pub credit: String,
    pub publishable: bool,
    /// Size of the stored (resized) image, in pixels.
    pub width: u32,
    pub height: u32,
    /// The file it came from, as the person chose it.
    pub file_name: String,
}

/// A stored story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Story {
    pub id: String,
    pub partnership_id: String,
    /// What was written: headline, need, action, change, linked
    /// indicators and quotes (flattened in JSON).
    #[serde(flatten)]
    pub text: StoryInput,
    /// In the order they were added.
    pub photos: Vec<StoryPhoto>,
    /// Increases on every write; an edit sends the version it loaded.
    pub version: u32,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

impl Story {
    /// The input that would recreate this story, for the edit form.
    #[must_use]
    pub fn to_input(&self) -> StoryInput {
        self.text.clone()
    }

    /// The story as printed for publication: only the quotes and photos
    /// their authors agreed to publish.
    #[must_use]
    pub fn for_publication(&self) -> Self {
        let mut story = self.clone();
        story.text.quotes.retain(|q| q.publishable);
        story.photos.retain(|p| p.publishable);
        story
    }
}

/// A linked indicator as it stands when the story is read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StoryIndicator {
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// Its latest measure, if any.
    pub value: Option<f64>,
    #[ts(type = "string | null")]
    pub measured_on: Option<NaiveDate>,
    /// The partnership no longer has an indicator of that name (renamed
    /// or removed since the story was written).
    pub missing: bool,
}

impl StoryIndicator {
    /// The indicator named `name` among `indicators` (accents and case
    /// ignored), with its latest measure.
    #[must_use]
    pub fn live(name: &str, indicators: &[Indicator]) -> Self {
        let key = fold(name.trim());
        let Some(found) = indicators.iter().find(|i| fold(i.name.trim()) == key) else {
            return Self {
                name: name.to_owned(),
                unit: None,
                baseline: None,
                target: None,
                value: None,
                measured_on: None,
                missing: true,
            };
        };
        let latest = found.measures.iter().max_by_key(|m| m.on);
        Self {
            name: found.name.clone(),
            unit: found.unit.clone(),
            baseline: found.baseline,
            target: found.target,
            value: latest.map(|m| m.value),
            measured_on: latest.map(|m| m.on),
            missing: false,
        }
    }
}

/// A story with what it shows live: its partnership's title and partners,
/// and its indicators' latest values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StoryDetail {
    pub story: Story,
    pub partnership_title: String,
    /// The partners' names, in the partnership's order.
    pub partners: Vec<String>,
    pub indicators: Vec<StoryIndicator>,
}

/// One line of a partnership's list of stories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StorySummary {
    pub id: String,
    pub headline: String,
    pub quote_count: u32,
    pub photo_count: u32,
    /// Quotes and photos that may be published.
    pub publishable_count: u32,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

impl From<&Story> for StorySummary {
    fn from(s: &Story) -> Self {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let publishable = s.text.quotes.iter().filter(|q| q.publishable).count()
            + s.photos.iter().filter(|p| p.publishable).count();
        Self {
            id: s.id.clone(),
            headline: s.text.headline.clone(),
            quote_count: count(s.text.quotes.len()),
            photo_count: count(s.photos.len()),
            publishable_count: count(publishable),
            updated_at: s.updated_at,
        }
    }
}

fn too_long(field: &str, what_fr: &str, what_en: &str, max: usize) -> FieldError {
    FieldError::new(
        field,
        format!("{what_fr} dépasse {max} caractères : raccourcissez-le."),
        format!("{what_en} is longer than {max} characters: shorten it."),
    )
}

/// `text` trimmed, with an error when it is longer than `max` characters.
fn bounded(
    errors: &mut ValidationErrors,
    text: &str,
    (field, fr, en): (&str, &str, &str),
    max: usize,
) -> String {
    let text = text.trim().to_owned();
    if text.chars().count() > max {
        errors.push(too_long(field, fr, en, max));
    }
    text
}

impl StoryInput {
    /// Checks the story against the partnership's `indicators` (a linked
    /// indicator must be one of them) and cleans it (trimmed texts, linked
    /// names as the partnership spells them).
    ///
    /// # Errors
    /// One error per field at fault, in the form's order, in French and
    /// English.
    pub fn validate(&self, indicators: &[Indicator]) -> Result<ValidStory, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let headline = bounded(
            &mut errors,
            &self.headline,
            ("headline", "Le titre", "The headline"),
            HEADLINE_MAX,
        );
        if headline.is_empty() {
            errors.push(FieldError::new(
                "headline",
                "Le titre est vide : donnez un titre à l'histoire (« Des élèves au cirque »).",
                "The headline is empty: give the story a headline.",
            ));
        }
        let need = bounded(
            &mut errors,
            &self.need,
            ("need", "Le besoin", "The need"),
            STORY_TEXT_MAX,
        );
        let action = bounded(
            &mut errors,
            &self.action,
            (
                "action",
                "Ce que les partenaires ont fait",
                "What the partners did",
            ),
            STORY_TEXT_MAX,
        );
        let change = bounded(
            &mut errors,
            &self.change,
            ("change", "Ce qui a changé", "What changed"),
            STORY_TEXT_MAX,
        );
        let linked = check_indicators(&mut errors, &self.indicators, indicators);
        let quotes = check_quotes(&mut errors, &self.quotes);
        errors.into_result(Valid::new(Self {
            headline,
            need,
            action,
            change,
            indicators: linked,
            quotes,
        }))
    }
}

fn check_indicators(
    errors: &mut ValidationErrors,
    names: &[String],
    indicators: &[Indicator],
) -> Vec<String> {
    if names.len() > STORY_INDICATORS_MAX {
        errors.push(FieldError::new(
            "indicators",
            format!("Une histoire montre au plus {STORY_INDICATORS_MAX} indicateurs : retirez-en."),
            format!("A story shows at most {STORY_INDICATORS_MAX} indicators: remove some."),
        ));
    }
    let mut linked: Vec<String> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let key = fold(name.trim());
        let Some(found) = indicators.iter().find(|ind| fold(ind.name.trim()) == key) else {
            errors.push(FieldError::new(
                format!("indicators.{i}"),
                format!(
                    "Le partenariat n'a pas d'indicateur « {} » : choisissez-en un de sa liste.",
                    name.trim()
                ),
                format!(
                    "The partnership has no indicator \"{}\": choose one of its list.",
                    name.trim()
                ),
            ));
            continue;
        };
        if linked.iter().any(|l| fold(l) == key) {
            errors.push(FieldError::new(
                format!("indicators.{i}"),
                format!("L'indicateur « {} » est choisi deux fois.", found.name),
                format!("Indicator \"{}\" is chosen twice.", found.name),
            ));
            continue;
        }
        linked.push(found.name.trim().to_owned());
    }
    linked
}

fn check_quotes(errors: &mut ValidationErrors, quotes: &[Quote]) -> Vec<Quote> {
    if quotes.len() > QUOTES_MAX {
        errors.push(FieldError::new(
            "quotes",
            format!("Une histoire garde au plus {QUOTES_MAX} citations : retirez-en."),
            format!("A story keeps at most {QUOTES_MAX} quotes: remove some."),
        ));
    }
    let mut kept = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        let n = i + 1;
        let text = bounded(
            errors,
            &q.text,
            (
                &format!("quotes.{i}.text"),
                &format!("La citation n° {n}"),
                &format!("Quote {n}"),
            ),
            QUOTE_MAX,
        );
        let author = bounded(
            errors,
            &q.author,
            (
                &format!("quotes.{i}.author"),
                &format!("L'auteur de la citation n° {n}"),
                &format!("The author of quote {n}"),
            ),
            AUTHOR_MAX,
        );
        if text.is_empty() {
            errors.push(FieldError::new(
                format!("quotes.{i}.text"),
                format!("La citation n° {n} est vide : écrivez-la ou retirez-la."),
                format!("Quote {n} is empty: write it or remove it."),
            ));
        }
        if author.is_empty() {
            errors.push(FieldError::new(
                format!("quotes.{i}.author"),
                format!("La citation n° {n} n'a pas d'auteur : dites qui l'a dite."),
                format!("Quote {n} has no author: say who said it."),
            ));
        }
        kept.push(Quote {
            text,
            author,
            publishable: q.publishable,
        });
    }
    kept
}

impl PhotoInput {
    /// Checks a photo's caption and credit; a photo to publish needs its
    /// credit (who took it).
    ///
    /// # Errors
    /// One error per field at fault, in French and English.
    pub fn validate(&self) -> Result<ValidPhoto, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let caption = bounded(
            &mut errors,
            &self.caption,
            ("caption", "La légende", "The caption"),
            CAPTION_MAX,
        );
        let credit = bounded(
            &mut errors,
            &self.credit,
            ("credit", "Le crédit photo", "The photo credit"),
            AUTHOR_MAX,
        );
        if self.publishable && credit.is_empty() {
            errors.push(FieldError::new(
                "credit",
                "Une photo à publier a besoin de son crédit : dites qui l'a prise.",
                "A photo to publish needs its credit: say who took it.",
            ));
        }
        errors.into_result(Valid::new(Self {
            caption,
            credit,
            publishable: self.publishable,
        }))
    }
}
