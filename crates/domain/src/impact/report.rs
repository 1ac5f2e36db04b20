//! The impact report's request (filters, title, publisher, the stories to
//! tell) and the words that describe what it covers: the period, the
//! default title, the period rule of « Méthode et limites ».

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ImpactFilters;
use crate::error::FieldError;
use crate::story::StorySummary;
use crate::text::{char_count, date_long_fr};

/// The longest title or publisher name, in characters.
pub const REPORT_TEXT_MAX: usize = 120;

/// The most stories one report tells (each takes a page or two).
pub const REPORT_STORIES_MAX: usize = 12;

/// What to print in an impact report.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ImpactReportRequest {
    /// The same filters as the Impact page: the report prints its figures.
    pub filters: ImpactFilters,
    /// The cover's title; empty: [`default_title`].
    pub title: String,
    /// Who publishes it (the Labo), on the cover; may be empty.
    pub publisher: String,
    /// The ids of the stories to tell, in order; `None`: every story of the
    /// partnerships in scope, the most recent first, at most
    /// [`REPORT_STORIES_MAX`].
    #[ts(type = "Array<string> | null")]
    pub stories: Option<Vec<String>>,
}

impl ImpactReportRequest {
    /// The request's errors: the filters', a title or publisher too long,
    /// too many stories or one chosen twice.
    ///
    /// # Errors
    /// A field error naming the field at fault.
    pub fn validate(&self) -> Result<(), FieldError> {
        self.filters.validate()?;
        for (field, text, fr, en) in [
            ("title", &self.title, "Le titre", "The title"),
            ("publisher", &self.publisher, "L'éditeur", "The publisher"),
        ] {
            if char_count(text.trim()) > REPORT_TEXT_MAX {
                return Err(FieldError::new(
                    field,
                    format!("{fr} dépasse {REPORT_TEXT_MAX} caractères : raccourcissez-le."),
                    format!("{en} is longer than {REPORT_TEXT_MAX} characters: shorten it."),
                ));
            }
        }
        let Some(stories) = &self.stories else {
            return Ok(());
        };
        if stories.len() > REPORT_STORIES_MAX {
            return Err(FieldError::new(
                "stories",
                format!(
                    "{} histoires choisies : un rapport en raconte au plus {REPORT_STORIES_MAX}, retirez-en quelques-unes.",
                    stories.len()
                ),
                format!(
                    "{} stories chosen: a report tells at most {REPORT_STORIES_MAX}, leave some out.",
                    stories.len()
                ),
            ));
        }
        for (i, id) in stories.iter().enumerate() {
            if stories[..i].contains(id) {
                return Err(FieldError::new(
                    "stories",
                    format!("L'histoire {id} est choisie deux fois : gardez-la une fois."),
                    format!("Story {id} is chosen twice: keep it once."),
                ));
            }
        }
        Ok(())
    }

    /// The title to print: the one typed, or [`default_title`].
    #[must_use]
    pub fn title_or_default(&self) -> String {
        let typed = self.title.trim();
        if typed.is_empty() {
            default_title(&self.filters)
        } else {
            typed.to_owned()
        }
    }
}

/// A story the report may tell: one of a partnership in scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportStoryChoice {
    pub partnership_id: String,
    pub partnership_title: String,
    pub story: StorySummary,
}

/// The period in words: « du 1er janvier 2026 au 31 décembre 2026 »,
/// « depuis le 1er mars 2026 », « jusqu'au … », « depuis le début ».
#[must_use]
pub fn period_fr(f: &ImpactFilters) -> String {
    match (f.from, f.to) {
        (None, None) => "depuis le début".to_owned(),
        (Some(a), None) => format!("depuis le {}", date_long_fr(a)),
        (None, Some(b)) => format!("jusqu'au {}", date_long_fr(b)),
        (Some(a), Some(b)) => format!("du {} au {}", date_long_fr(a), date_long_fr(b)),
    }
}

/// The calendar year the period covers exactly, if it does.
fn whole_year(f: &ImpactFilters) -> Option<i32> {
    let (from, to) = (f.from?, f.to?);
    let y = from.year();
    (NaiveDate::from_ymd_opt(y, 1, 1) == Some(from)
        && NaiveDate::from_ymd_opt(y, 12, 31) == Some(to))
    .then_some(y)
}

/// « Rapport d'impact 2026 » for a calendar year, « Rapport d'impact »
/// otherwise.
#[must_use]
pub fn default_title(f: &ImpactFilters) -> String {
    whole_year(f).map_or_else(
        || "Rapport d'impact".to_owned(),
        |y| format!("Rapport d'impact {y}"),
    )
}

/// « Méthode et limites »: which partnerships the period takes, as
/// `figures::in_scope` decides.
pub const PERIOD_RULE_FR: &str = "un partenariat compte s'il était actif à un moment de la période : créé avant sa fin et pas abandonné avant son début ; avec un thème choisi, s'il suit un indicateur de ce thème.";

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn a_calendar_year_names_the_title_and_other_periods_do_not() {
        let mut f = ImpactFilters {
            from: d(2026, 1, 1),
            to: d(2026, 12, 31),
            ..ImpactFilters::default()
        };
        assert_eq!(default_title(&f), "Rapport d'impact 2026");
        assert_eq!(period_fr(&f), "du 1er janvier 2026 au 31 décembre 2026");
        f.to = d(2026, 6, 30);
        assert_eq!(default_title(&f), "Rapport d'impact");
        f.from = None;
        assert_eq!(period_fr(&f), "jusqu'au 30 juin 2026");
        assert_eq!(period_fr(&ImpactFilters::default()), "depuis le début");
    }

    #[test]
    fn a_request_names_what_is_wrong() {
        let mut r = ImpactReportRequest {
            title: "  Bilan 2026 ".to_owned(),
            ..ImpactReportRequest::default()
        };
        assert_eq!(r.title_or_default(), "Bilan 2026");
        assert!(r.validate().is_ok());
        r.publisher = "x".repeat(REPORT_TEXT_MAX + 1);
        assert_eq!(r.validate().unwrap_err().field, "publisher");
        r.publisher.clear();
        r.stories = Some(vec!["a".to_owned(), "b".to_owned(), "a".to_owned()]);
        let e = r.validate().unwrap_err();
        assert_eq!(e.field, "stories");
        assert!(e.message.contains("deux fois"), "{}", e.message);
        r.stories = Some((0..=REPORT_STORIES_MAX).map(|i| i.to_string()).collect());
        assert!(r.validate().unwrap_err().message.contains("au plus"));
        r.stories = Some(vec![]);
        assert!(r.validate().is_ok());
    }
}
