//! The editable text of a partnership's agreement (convention): a preamble
//! and free clauses appended as articles after the standard ones.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{FieldError, ValidationErrors};
use crate::text::char_count;

/// Longest preamble, in characters.
pub const PREAMBLE_MAX: usize = 50_000;
/// Most free clauses on one agreement.
pub const CLAUSES_MAX: usize = 60;
/// Longest clause title, in characters.
pub const CLAUSE_TITLE_MAX: usize = 200;
/// Longest clause body, in characters.
pub const CLAUSE_BODY_MAX: usize = 20_000;

/// The limits of an agreement's text, sent to the window so that its
/// editor counts against the core's numbers (the errors come from
/// [`AgreementText::validate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgreementLimits {
    /// [`PREAMBLE_MAX`].
    pub preamble_max: u32,
    /// [`CLAUSES_MAX`].
    pub clauses_max: u32,
    /// [`CLAUSE_TITLE_MAX`].
    pub clause_title_max: u32,
    /// [`CLAUSE_BODY_MAX`].
    pub clause_body_max: u32,
}

impl AgreementLimits {
    /// The limits [`AgreementText::validate`] applies.
    #[must_use]
    pub fn current() -> Self {
        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Self {
            preamble_max: n(PREAMBLE_MAX),
            clauses_max: n(CLAUSES_MAX),
            clause_title_max: n(CLAUSE_TITLE_MAX),
            clause_body_max: n(CLAUSE_BODY_MAX),
        }
    }
}

/// One free clause, printed as an article of its own.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct FreeClause {
    pub title: String,
    pub body: String,
}

/// What a person writes into a partnership's agreement beyond what the
/// partnership itself says.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct AgreementText {
    /// Context and history of the partnership; the summary is used when absent.
    pub preamble: Option<String>,
    pub clauses: Vec<FreeClause>,
}

impl AgreementText {
    /// Normalises (trims, drops an empty preamble) and validates the text,
    /// returning every field error at once.
    ///
    /// # Errors
    /// One `FieldError` per field at fault (`preamble`, `clauses`,
    /// `clauses.N.title`, `clauses.N.body`).
    pub fn validate(&self) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let preamble = self
            .preamble
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        if let Some(p) = &preamble {
            let n = char_count(p);
            if n > PREAMBLE_MAX {
                errors.push(FieldError::new(
                    "preamble",
                    format!("Le préambule est trop long : {n} caractères, {PREAMBLE_MAX} au plus."),
                    format!("The preamble is too long: {n} characters, at most {PREAMBLE_MAX}."),
                ));
            }
        }
        if self.clauses.len() > CLAUSES_MAX {
            errors.push(FieldError::new(
                "clauses",
                format!(
                    "Trop de clauses : {}, {CLAUSES_MAX} au plus.",
                    self.clauses.len()
                ),
                format!(
                    "Too many clauses: {}, at most {CLAUSES_MAX}.",
                    self.clauses.len()
                ),
            ));
        }
        let mut clauses = Vec::with_capacity(self.clauses.len());
        for (i, c) in self.clauses.iter().enumerate() {
            let title = c.title.trim().to_owned();
            let body = c.body.trim().to_owned();
            if title.is_empty() {
                errors.push(FieldError::new(
                    format!("clauses.{i}.title"),
                    "Donnez un titre à la clause (par exemple : Assurances), ou retirez-la.",
                    "Give the clause a title (for example: Insurance), or remove it.",
                ));
            } else if char_count(&title) > CLAUSE_TITLE_MAX {
                errors.push(FieldError::new(
                    format!("clauses.{i}.title"),
                    format!("Le titre de la clause est trop long : {CLAUSE_TITLE_MAX} caractères au plus."),
                    format!("The clause's title is too long: at most {CLAUSE_TITLE_MAX} characters."),
                ));
            }
            if char_count(&body) > CLAUSE_BODY_MAX {
                errors.push(FieldError::new(
                    format!("clauses.{i}.body"),
                    format!("Le texte de la clause est trop long : {CLAUSE_BODY_MAX} caractères au plus."),
                    format!("The clause's text is too long: at most {CLAUSE_BODY_MAX} characters."),
                ));
            }
            clauses.push(FreeClause { title, body });
        }
        errors.into_result(Self { preamble, clauses })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(title: &str, body: &str) -> FreeClause {
        FreeClause {
            title: title.into(),
            body: body.into(),
        }
    }

    #[test]
    fn valid_text_is_trimmed() {
        let text = AgreementText {
            preamble: Some("  Contexte.  ".into()),
            clauses: vec![clause(" Assurances ", " Chaque partie est assurée. ")],
        };
        let valid = text.validate().expect("valid");
        assert_eq!(valid.preamble.as_deref(), Some("Contexte."));
        assert_eq!(valid.clauses[0].title, "Assurances");
        assert_eq!(valid.clauses[0].body, "Chaque partie est assurée.");
        let blank = AgreementText {
            preamble: Some("   ".into()),
            clauses: vec![],
        };
        assert_eq!(blank.validate().expect("valid").preamble, None);
    }

    #[test]
    fn each_fault_names_its_field() {
        let text = AgreementText {
            preamble: Some("a".repeat(PREAMBLE_MAX + 1)),
            clauses: vec![
                clause("", "x"),
                clause("t", &"b".repeat(CLAUSE_BODY_MAX + 1)),
            ],
        };
        let errors = text.validate().expect_err("invalid");
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["preamble", "clauses.0.title", "clauses.1.body"]);
    }

    #[test]
    fn too_many_clauses_are_refused() {
        let text = AgreementText {
            preamble: None,
            clauses: vec![clause("t", "b"); CLAUSES_MAX + 1],
        };
        let errors = text.validate().expect_err("invalid");
        assert_eq!(errors.0[0].field, "clauses");
        let ok = AgreementText {
            preamble: None,
            clauses: vec![clause("t", "b"); CLAUSES_MAX],
        };
        assert!(ok.validate().is_ok());
    }
}
