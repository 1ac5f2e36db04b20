//! Contacts: the people of an organisation, with what the GDPR asks a
//! facilitator to keep about them (legal basis, source, consents, dates).

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::{
    check_identifier, check_length, ActorKind, LONG_TEXT_MAX, NAME_MAX, SHORT_TEXT_MAX,
};
use crate::commune::CommuneRef;
use crate::error::{FieldError, ValidationErrors};
use crate::identifiers::{normalize_email, normalize_phone};
use crate::text::fold;
pub use crate::text::parse_date;

/// The last name of the contact an import creates for a row that gives an
/// organisation's e-mail or phone but names no person.
pub const GENERAL_CONTACT_NAME: &str = "Contact général";

/// Whether a contact is an organisation's general contact rather than a
/// person: no first name and [`GENERAL_CONTACT_NAME`] as last name (accents,
/// case and spaces aside).
#[must_use]
pub fn is_general_contact(first_name: &str, last_name: &str) -> bool {
    first_name.trim().is_empty()
        && fold(last_name)
            .split_whitespace()
            .eq(fold(GENERAL_CONTACT_NAME).split_whitespace())
}

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
    /// Not a consent but its opposite: the person objected to receiving
    /// mailings (invitations, newsletter). It overrides everything else for
    /// a mailing, and cannot go with the newsletter consent.
    Objection,
}

/// Why a contact is left out of an invitation mailing (a mail merge of the
/// facilitator's invitations to events and meetings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MailingExclusion {
    /// The person objected to mailings.
    Objected,
    /// No e-mail address to write to.
    NoEmail,
    /// Kept on consent or for a contract (an event registration) and never
    /// agreed to receive mailings.
    ConsentMissing,
    /// A professional contact never informed of how their data is used.
    NotInformed,
}

impl MailingExclusion {
    /// Every reason, in the order reports list them.
    pub const ALL: [Self; 4] = [
        Self::Objected,
        Self::NoEmail,
        Self::ConsentMissing,
        Self::NotInformed,
    ];

    /// Why, in French, for a report line: « opposition aux envois (3) ».
    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Objected => "opposition aux envois",
            Self::NoEmail => "sans e-mail",
            Self::ConsentMissing => {
                "pas de consentement aux envois (base légale consentement ou contrat, sans la lettre d'information)"
            }
            Self::NotInformed => {
                "jamais informé de l'usage de ses données (date d'information vide)"
            }
        }
    }

    /// Why, in English.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Objected => "objected to mailings",
            Self::NoEmail => "no e-mail",
            Self::ConsentMissing => {
                "no consent to mailings (consent or contract basis, without the newsletter)"
            }
            Self::NotInformed => "never informed of how their data is used (no information date)",
        }
    }
}

/// Whether a contact may receive an invitation mailing, and if not, why.
///
/// The rule, after the CNIL's guidance on e-mail prospection:
/// - an objection always wins (right to object, art. 21 GDPR);
/// - an e-mail is needed;
/// - the newsletter consent covers mailings whatever the legal basis;
/// - otherwise a professional contact kept on legitimate interest may be
///   invited about their professional activity (B2B), provided they were
///   informed of it when their data was collected (`informed_on` set) and so
///   could object;
/// - a contact kept on consent for something else (participant lists,
///   photos) or for a contract (an event registration, which covers that
///   event only) needs the newsletter consent.
#[must_use]
pub fn invitation_exclusion(
    email: Option<&str>,
    legal_basis: LegalBasis,
    informed_on: Option<NaiveDate>,
    consents: &[Consent],
) -> Option<MailingExclusion> {
    if consents.contains(&Consent::Objection) {
        return Some(MailingExclusion::Objected);
    }
    if email.is_none_or(|e| e.trim().is_empty()) {
        return Some(MailingExclusion::NoEmail);
    }
    if consents.contains(&Consent::Newsletter) {
        return None;
    }
    match legal_basis {
        LegalBasis::InteretLegitime if informed_on.is_some() => None,
        LegalBasis::InteretLegitime => Some(MailingExclusion::NotInformed),
        LegalBasis::Consentement | LegalBasis::Contrat => Some(MailingExclusion::ConsentMissing),
    }
}

/// Retention reference: years after the last contact the person initiated.
pub const RETENTION_YEARS: u32 = 3;

/// The day a contact's data should be reviewed, counted from `from`: the
/// last contact the person initiated, or the record's creation.
#[must_use]
pub fn review_due_from(from: NaiveDate) -> NaiveDate {
    from.checked_add_months(Months::new(12 * RETENTION_YEARS))
        .unwrap_or(from)
}

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
        let (first_name, last_name) = check_names(&mut errors, &self.first_name, &self.last_name);
        let role = clean(self.role.as_ref());
        check_length(
            &mut errors,
            "role",
            "La fonction",
            "The role",
            role.as_deref(),
            SHORT_TEXT_MAX,
        );
        let email = check_identifier(&mut errors, self.email.as_ref(), normalize_email, "email");
        let phone = check_identifier(&mut errors, self.phone.as_ref(), normalize_phone, "phone");
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
        let consents = check_consents(&mut errors, &self.consents);
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

/// The first and last names, trimmed: at least one, neither too long.
fn check_names(errors: &mut ValidationErrors, first: &str, last: &str) -> (String, String) {
    let first_name = first.trim().to_owned();
    let last_name = last.trim().to_owned();
    if first_name.is_empty() && last_name.is_empty() {
        errors.push(FieldError::new(
            "lastName",
            "Indiquez au moins le nom ou le prénom de la personne.",
            "Give at least the person's last or first name.",
        ));
    }
    check_length(
        errors,
        "firstName",
        "Le prénom",
        "The first name",
        Some(&first_name),
        NAME_MAX,
    );
    check_length(
        errors,
        "lastName",
        "Le nom",
        "The last name",
        Some(&last_name),
        NAME_MAX,
    );
    (first_name, last_name)
}

/// The consents, each once, in the order given; an objection to mailings
/// and the newsletter exclude each other.
fn check_consents(errors: &mut ValidationErrors, given: &[Consent]) -> Vec<Consent> {
    let mut consents: Vec<Consent> = Vec::with_capacity(given.len());
    for c in given {
        if !consents.contains(c) {
            consents.push(*c);
        }
    }
    if consents.contains(&Consent::Objection) && consents.contains(&Consent::Newsletter) {
        errors.push(FieldError::new(
            "consents",
            "Une personne qui s'oppose aux envois ne peut pas recevoir la lettre d'information : décochez l'un des deux.",
            "A person who objected to mailings cannot receive the newsletter: untick one of the two.",
        ));
    }
    consents
}

/// Filters and window of the contacts list. Empty filters match everything;
/// the kind, commune and tag are the organisation's.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ContactQuery {
    /// Words to find in the name, organisation, role, e-mail or notes
    /// (prefix, accent- and case-insensitive).
    pub text: Option<String>,
    pub kind: Option<ActorKind>,
    pub commune_insee: Option<String>,
    pub tag: Option<String>,
    /// Contacts who gave this consent (or, for `objection`, who objected).
    pub consent: Option<Consent>,
    pub offset: u32,
    /// At most 500; 100 when 0.
    pub limit: u32,
}

/// One row of the contacts list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactSummary {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub actor_kind: Option<ActorKind>,
    /// The organisation's commune.
    pub commune: Option<CommuneRef>,
    pub legal_basis: LegalBasis,
    pub consents: Vec<Consent>,
    /// Why an invitation mailing leaves this contact out (`None`: it may
    /// be invited), by [`invitation_exclusion`].
    pub mailing_exclusion: Option<MailingExclusion>,
}

/// One window of the contacts list and how many rows match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<ContactSummary>,
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
        review_due_from(
            self.last_initiated_on
                .unwrap_or_else(|| self.created_at.date_naive()),
        )
    }

    /// Why an invitation mailing leaves this contact out, if it does.
    #[must_use]
    pub fn invitation_exclusion(&self) -> Option<MailingExclusion> {
        invitation_exclusion(
            self.email.as_deref(),
            self.legal_basis,
            self.informed_on,
            &self.consents,
        )
    }
}

/// A contact as its organisation's page shows it: the stored contact, the
/// date from which its data should be reviewed
/// ([`Contact::review_due_on`]) and whether that date has passed, so that
/// the window shows the core's date and warning rather than computing its
/// own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactCard {
    #[serde(flatten)]
    pub contact: Contact,
    #[ts(type = "string")]
    pub review_due_on: NaiveDate,
    /// The review date is before `today` (the caller's local date).
    pub review_overdue: bool,
}

impl ContactCard {
    /// The card of `contact` as of `today`.
    #[must_use]
    pub fn new(contact: Contact, today: NaiveDate) -> Self {
        let review_due_on = contact.review_due_on();
        Self {
            review_overdue: review_due_on < today,
            review_due_on,
            contact,
        }
    }
}

impl std::ops::Deref for ContactCard {
    type Target = Contact;

    fn deref(&self) -> &Contact {
        &self.contact
    }
}

/// Whether `typed` names the person `expected` well enough to confirm an
/// erasure: the same words once folded by [`fold`] (case, accents,
/// ligatures aside), punctuation and spaces between them aside. A person
/// without a name needs nothing typed.
#[must_use]
pub fn erasure_name_matches(expected: &str, typed: &str) -> bool {
    fn words(s: &str) -> Vec<String> {
        fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }
    let expected = words(expected);
    expected.is_empty() || words(typed) == expected
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
    fn general_contacts_are_told_from_people() {
        assert!(is_general_contact("", GENERAL_CONTACT_NAME));
        assert!(is_general_contact("  ", "contact  GENERAL"));
        assert!(!is_general_contact("Marie", GENERAL_CONTACT_NAME));
        assert!(!is_general_contact("", "Contact"));
    }

    #[test]
    fn who_may_receive_an_invitation_mailing() {
        use Consent::{ListeParticipants, Newsletter, Objection, Photos};
        use LegalBasis::{Consentement, Contrat, InteretLegitime};
        use MailingExclusion::{ConsentMissing, NoEmail, NotInformed, Objected};
        let informed = NaiveDate::from_ymd_opt(2026, 1, 5);
        let mail = Some("a@b.fr");
        for (email, basis, informed_on, consents, expected) in [
            (mail, InteretLegitime, informed, vec![], None),
            (mail, InteretLegitime, None, vec![], Some(NotInformed)),
            (mail, InteretLegitime, None, vec![Newsletter], None),
            (
                mail,
                InteretLegitime,
                informed,
                vec![Objection],
                Some(Objected),
            ),
            (mail, Consentement, informed, vec![Newsletter, Photos], None),
            (
                mail,
                Consentement,
                informed,
                vec![ListeParticipants],
                Some(ConsentMissing),
            ),
            (mail, Contrat, informed, vec![], Some(ConsentMissing)),
            (mail, Contrat, informed, vec![Newsletter], None),
            (
                None,
                InteretLegitime,
                informed,
                vec![Newsletter],
                Some(NoEmail),
            ),
            (Some(" "), InteretLegitime, informed, vec![], Some(NoEmail)),
            (
                None,
                Consentement,
                informed,
                vec![Objection],
                Some(Objected),
            ),
        ] {
            assert_eq!(
                invitation_exclusion(email, basis, informed_on, &consents),
                expected,
                "{email:?} {basis:?} {informed_on:?} {consents:?}"
            );
        }
    }

    #[test]
    fn an_objection_cannot_go_with_the_newsletter() {
        let i = ContactInput {
            last_name: "Klein".into(),
            consents: vec![Consent::Objection, Consent::Photos, Consent::Newsletter],
            ..ContactInput::default()
        };
        let err = i.validate().unwrap_err();
        assert_eq!(err.0[0].field, "consents");
        assert!(err.0[0].message.contains("s'oppose aux envois"));
        let ok = ContactInput {
            consents: vec![Consent::Photos, Consent::Objection, Consent::Photos],
            ..i
        }
        .validate()
        .unwrap();
        assert_eq!(ok.consents, [Consent::Photos, Consent::Objection]);
    }

    /// Jean Klein, created at `created_at`, who last got in touch on
    /// `last_initiated_on`.
    fn klein(last_initiated_on: Option<NaiveDate>, created_at: DateTime<Utc>) -> Contact {
        Contact {
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
            last_initiated_on,
            notes: None,
            created_at,
            updated_at: created_at,
        }
    }

    #[test]
    fn review_is_due_three_years_after_last_contact() {
        let c = klein(NaiveDate::from_ymd_opt(2024, 2, 29), DateTime::UNIX_EPOCH);
        assert_eq!(
            c.review_due_on(),
            NaiveDate::from_ymd_opt(2027, 2, 28).unwrap()
        );
    }

    #[test]
    fn a_card_carries_the_review_date_from_creation_when_no_contact_is_known() {
        let created = DateTime::parse_from_rfc3339("2026-03-14T09:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let c = klein(None, created);
        let card = ContactCard::new(c, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
        assert_eq!(
            card.review_due_on,
            NaiveDate::from_ymd_opt(2029, 3, 14).unwrap()
        );
        assert_eq!(card.display_name(), "Jean Klein");
        let json = serde_json::to_value(&card).unwrap();
        assert_eq!(json["reviewDueOn"], "2029-03-14");
        assert_eq!(json["firstName"], "Jean");
        let back: ContactCard = serde_json::from_value(json).unwrap();
        assert_eq!(back, card);
    }

    #[test]
    fn a_card_is_overdue_only_after_its_review_date() {
        // Review due on 2027-02-28 (three years after 2024-02-29).
        let c = klein(NaiveDate::from_ymd_opt(2024, 2, 29), DateTime::UNIX_EPOCH);
        let on = |y, m, d| ContactCard::new(c.clone(), NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert!(!on(2027, 2, 27).review_overdue);
        assert!(
            !on(2027, 2, 28).review_overdue,
            "due today is not overdue yet"
        );
        assert!(on(2027, 3, 1).review_overdue);
        let json = serde_json::to_value(on(2027, 3, 1)).unwrap();
        assert_eq!(json["reviewOverdue"], true);
    }

    #[test]
    fn an_erasure_needs_the_name_typed_case_accents_and_punctuation_aside() {
        assert!(erasure_name_matches(
            "Jean Kœnig-Müller",
            "jean kœnig muller"
        ));
        assert!(erasure_name_matches(
            "Jean Kœnig-Müller",
            "  JEAN KOENIG MÜLLER "
        ));
        assert!(erasure_name_matches("Jean Koenig", "Jean Koenig"));
        assert!(!erasure_name_matches("Jean Koenig", "Jean"));
        assert!(!erasure_name_matches("Jean Koenig", ""));
        assert!(erasure_name_matches("", ""));
        assert!(erasure_name_matches("", "anything"));
    }
}
