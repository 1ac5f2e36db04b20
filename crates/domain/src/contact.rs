//! Contacts: the people of an organisation, with what the GDPR asks a
//! facilitator to keep about them (legal basis, source, consents, dates).

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::{check_length, LONG_TEXT_MAX, NAME_MAX, SHORT_TEXT_MAX};
use crate::error::{FieldError, ValidationErrors};
use crate::identifiers::{normalize_email, normalize_phone};
pub use crate::text::parse_date;

/// Why the facilitator may keep this person's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LegalBasis {
    /// Professional contact (the usual case).
    InteretLegitime,
    /// The person agreed (newsletter, sharing lists at an event).
    Consentement,
    /// Needed for a contract, such as an event registration.
    Contrat,
}

/// Where the contact came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ContactSource {
    CarteDeVisite,
    Evenement,
    SiteWeb,
    Recommandation,
    Import,
    Autre,
}

/// A consent the person gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Consent {
    /// Receives the newsletter.
    Newsletter,
    /// Appears on participant lists shared at events.
    ListeParticipants,
    /// Photos of them may be published.
    Photos,
}

/// Retention reference: years after the last contact the person initiated.
pub const RETENTION_YEARS: u32 = 3;

/// What a form or the command line sends to create or edit a contact.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ContactInput {
    /// The organisation the person belongs to, if any.
    pub actor_id: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub legal_basis: Option<LegalBasis>,
    pub source: Option<ContactSource>,
    /// As typed: `jj/mm/aaaa` or ISO `aaaa-mm-jj`.
    pub informed_on: Option<String>,
    pub consents: Vec<Consent>,
    /// As typed: `jj/mm/aaaa` or ISO `aaaa-mm-jj`.
    pub last_initiated_on: Option<String>,
    pub notes: Option<String>,
}

/// A contact input that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContact {
    pub actor_id: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub legal_basis: LegalBasis,
    pub source: Option<ContactSource>,
    pub informed_on: Option<NaiveDate>,
    pub consents: Vec<Consent>,
    pub last_initiated_on: Option<NaiveDate>,
    pub notes: Option<String>,
}

fn clean(text: Option<&String>) -> Option<String> {
    text.map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

fn check_date(
    errors: &mut ValidationErrors,
    field: &str,
    raw: Option<&String>,
) -> Option<NaiveDate> {
    let raw = clean(raw)?;
    match parse_date(field, &raw) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

impl ContactInput {
    /// Normalises and validates the input. The legal basis defaults to
    /// legitimate interest, the usual one for a professional contact.
    ///
    /// # Errors
    /// One `FieldError` per field at fault.
    pub fn validate(&self) -> Result<ValidContact, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let first_name = self.first_name.trim().to_owned();
        let last_name = self.last_name.trim().to_owned();
        if first_name.is_empty() && last_name.is_empty() {
            errors.push(FieldError::new(
                "lastName",
                "Indiquez au moins le nom ou le prénom de la personne.",
                "Give at least the person's last or first name.",
            ));
        }
        check_length(
            &mut errors,
            "firstName",
            "Le prénom",
            "The first name",
            Some(&first_name),
            NAME_MAX,
        );
        check_length(
            &mut errors,
            "lastName",
            "Le nom",
            "The last name",
            Some(&last_name),
            NAME_MAX,
        );
        let role = clean(self.role.as_ref());
        check_length(
            &mut errors,
            "role",
            "La fonction",
            "The role",
            role.as_deref(),
            SHORT_TEXT_MAX,
        );
        let email = clean(self.email.as_ref()).and_then(|e| match normalize_email("email", &e) {
            Ok(v) => Some(v),
            Err(err) => {
                errors.push(err);
                None
            }
        });
        let phone = clean(self.phone.as_ref()).and_then(|p| match normalize_phone("phone", &p) {
            Ok(v) => Some(v),
            Err(err) => {
                errors.push(err);
                None
            }
        });
        let notes = clean(self.notes.as_ref());
        check_length(
            &mut errors,
            "notes",
            "Le texte des notes",
            "The notes",
            notes.as_deref(),
            LONG_TEXT_MAX,
        );
        let informed_on = check_date(&mut errors, "informedOn", self.informed_on.as_ref());
        let last_initiated_on = check_date(
            &mut errors,
            "lastInitiatedOn",
            self.last_initiated_on.as_ref(),
        );
        let mut consents = self.consents.clone();
        consents.dedup();
        errors.into_result(ValidContact {
            actor_id: clean(self.actor_id.as_ref()),
            first_name,
            last_name,
            role,
            email,
            phone,
            legal_basis: self.legal_basis.unwrap_or(LegalBasis::InteretLegitime),
            source: self.source,
            informed_on,
            consents,
            last_initiated_on,
            notes,
        })
    }
}

/// A contact as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Contact {
    pub id: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub legal_basis: LegalBasis,
    pub source: Option<ContactSource>,
    #[ts(type = "string | null")]
    pub informed_on: Option<NaiveDate>,
    pub consents: Vec<Consent>,
    #[ts(type = "string | null")]
    pub last_initiated_on: Option<NaiveDate>,
    pub notes: Option<String>,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

impl Contact {
    /// "Prénom Nom", or whichever of the two is known.
    #[must_use]
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_owned()
    }

    /// The date from which the data should be reviewed (asked again or
    /// deleted): three years after the last contact the person initiated, or
    /// after the record was created when that is unknown.
    #[must_use]
    pub fn review_due_on(&self) -> NaiveDate {
        let from = self
            .last_initiated_on
            .unwrap_or_else(|| self.created_at.date_naive());
        from.checked_add_months(Months::new(12 * RETENTION_YEARS))
            .unwrap_or(from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_needed_and_the_basis_defaults() {
        let err = ContactInput::default().validate().unwrap_err();
        assert_eq!(err.0[0].field, "lastName");
        let ok = ContactInput {
            first_name: "Aïcha".into(),
            ..ContactInput::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.legal_basis, LegalBasis::InteretLegitime);
    }

    #[test]
    fn bad_email_and_phone_are_named() {
        let i = ContactInput {
            last_name: "Muller".into(),
            email: Some("muller@".into()),
            phone: Some("12".into()),
            ..ContactInput::default()
        };
        let fields: Vec<_> = i
            .validate()
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["email", "phone"]);
    }

    #[test]
    fn dates_are_read_the_french_way() {
        let d = |s: &str| parse_date("d", s);
        assert_eq!(
            d("26/11/2026").unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
        );
        assert_eq!(
            d("1/2/2026").unwrap(),
            NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()
        );
        assert_eq!(
            d("2026-11-26").unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
        );
        assert!(d("31/02/2026")
            .unwrap_err()
            .message
            .contains("« 31/02/2026 » n'est pas valide"));
        assert!(d("hier").is_err());
        let i = ContactInput {
            last_name: "Klein".into(),
            informed_on: Some("32/01/2026".into()),
            ..ContactInput::default()
        };
        assert_eq!(i.validate().unwrap_err().0[0].field, "informedOn");
    }

    #[test]
    fn review_is_due_three_years_after_last_contact() {
        let c = Contact {
            id: "x".into(),
            actor_id: None,
            actor_name: None,
            first_name: "Jean".into(),
            last_name: "Klein".into(),
            role: None,
            email: None,
            phone: None,
            legal_basis: LegalBasis::InteretLegitime,
            source: None,
            informed_on: None,
            consents: vec![],
            last_initiated_on: NaiveDate::from_ymd_opt(2024, 2, 29),
            notes: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        assert_eq!(
            c.review_due_on(),
            NaiveDate::from_ymd_opt(2027, 2, 28).unwrap()
        );
    }
}
