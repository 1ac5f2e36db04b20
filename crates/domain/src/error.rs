//! Validation errors: one per field at fault, each with a French and an
//! English message that say what is wrong and how to fix it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One field at fault. `field` is the input's field name in camelCase, as
/// the window's forms name it (`siren`, `email`, `needs.2.text`…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    pub message_en: String,
    /// Other fields whose value makes this one wrong (a SIRET that does not
    /// start with the SIREN): a form shows the error as soon as any of them
    /// is edited, not only `field`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub depends_on: Option<Vec<String>>,
}

impl FieldError {
    #[must_use]
    pub fn new(field: impl Into<String>, fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: fr.into(),
            message_en: en.into(),
            depends_on: None,
        }
    }

    /// The same error, also caused by the value of `fields`.
    #[must_use]
    pub fn depending_on(mut self, fields: &[&str]) -> Self {
        self.depends_on = Some(fields.iter().map(|f| (*f).to_owned()).collect());
        self
    }
}

/// Every field error found in one input, in the order of the form.
#[derive(Debug, Clone, PartialEq, Eq, Default, thiserror::Error)]
#[error("{}", self.summary())]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The French messages joined in one line, for the command line.
    #[must_use]
    pub fn summary(&self) -> String {
        self.0
            .iter()
            .map(|e| e.message.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// `Ok(value)` when no error was found.
    ///
    /// # Errors
    /// Returns `self` when it holds at least one error.
    pub fn into_result<T>(self, value: T) -> Result<T, Self> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}
