//! The rights of a person whose details the facilitator keeps (RGPD):
//! access (everything about them, as JSON) and erasure (removed from
//! contacts, partnerships, notes and timelines, after a backup; only a
//! record that an erasure took place remains).

use serde::Serialize;
use tisserand_domain::backup::BackupReason;
use tisserand_domain::{Clock, Contact};
use ts_rs::TS;

use crate::{App, AppResult};

/// Everything Tisserand holds about one person.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonExport {
    /// What this document is, in the person's language.
    pub about: String,
    pub exported_at: String,
    pub contact: Contact,
    /// Earlier records of the same person, merged into this one.
    pub merged_records: Vec<Contact>,
    pub partnerships: Vec<PersonPartnership>,
    pub mentions: Vec<PersonMention>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonPartnership {
    pub id: String,
    pub title: String,
    pub stage: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonMention {
    pub entity: String,
    pub id: String,
    /// The partnership's title, the event's, the actor's or contact's name.
    pub title: String,
    pub field: String,
    /// As French words it (a timeline entry) or as typed.
    pub text: String,
    pub at: Option<String>,
    /// A timeline entry as data: the window words it in its language.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fact: Option<tisserand_domain::TimelineFact>,
    /// For the notes of a speed-dating meeting: its round and table.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub round: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub table: Option<u32>,
}

/// What an erasure did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ErasureSummary {
    /// Records removed or changed.
    pub records: u32,
    pub backup: Option<String>,
}

/// The texts that identify the person in free text: the full name (both
/// orders) when first and last names are known — a lone last name would
/// erase namesakes —, the e-mail and the phone.
fn needles(c: &Contact) -> Vec<String> {
    let mut n = Vec::new();
    let (first, last) = (c.first_name.trim(), c.last_name.trim());
    if !first.is_empty() && !last.is_empty() {
        n.push(format!("{first} {last}"));
        n.push(format!("{last} {first}"));
    }
    n.extend(c.email.iter().cloned());
    if let Some(phone) = &c.phone {
        n.push(phone.clone());
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 6 {
            n.push(digits);
        }
    }
    n
}

impl App {
    /// Everything about contact `id` (live or deleted): the right of access,
    /// exported at `clock`'s instant.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn get_person(&self, id: &str, clock: Clock) -> AppResult<PersonExport> {
        let contact = self.store.any_contact(id)?;
        let merged_records = self.store.merged_into(id)?;
        let mut all_needles = needles(&contact);
        for m in &merged_records {
            all_needles.extend(needles(m));
        }
        let partnerships = self
            .store
            .partnerships_naming(id)?
            .into_iter()
            .map(|p| PersonPartnership {
                id: p.id,
                title: p.title,
                stage: p.stage,
                role: p.role,
            })
            .collect();
        let mentions = self
            .store
            .mentions_of(&all_needles, id)?
            .into_iter()
            .map(|m| PersonMention {
                entity: m.entity,
                id: m.id,
                title: m.title,
                field: m.field,
                text: m.text,
                at: m.at,
                fact: m.fact,
                round: m.meeting.map(|(round, _)| round),
                table: m.meeting.map(|(_, table)| table),
            })
            .collect();
        Ok(PersonExport {
            about: "Données personnelles conservées par Tisserand (droit d'accès, RGPD article 15) : \
                    la fiche de contact, ses doublons fusionnés, les partenariats où la personne est nommée \
                    et les textes qui la mentionnent."
                .to_owned(),
            exported_at: clock.utc().to_rfc3339(),
            contact,
            merged_records,
            partnerships,
            mentions,
        })
    }

    /// The file name offered for a person's export (dated `clock`'s local
    /// day), and its pretty JSON.
    ///
    /// # Errors
    /// As `get_person`.
    pub fn export_person(&self, id: &str, clock: Clock) -> AppResult<(String, String)> {
        let export = self.get_person(id, clock)?;
        let slug: String = export
            .contact
            .display_name()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let text = serde_json::to_string_pretty(&export).map_err(|e| {
            crate::AppError::new(
                crate::ErrorKind::Internal,
                format!("Export impossible : {e}."),
                format!("Export failed: {e}."),
            )
        })?;
        Ok((
            format!("donnees-personnelles-{slug}-{}.json", clock.today()),
            text,
        ))
    }

    /// Whether `typed` names the person `expected` well enough to confirm an
    /// erasure (`domain::contact::erasure_name_matches`).
    #[must_use]
    pub fn match_person_name(&self, expected: &str, typed: &str) -> bool {
        tisserand_domain::contact::erasure_name_matches(expected, typed)
    }

    /// Erases contact `id` after a backup (see `Store::erase_contact`).
    ///
    /// # Errors
    /// `NotFound`; a storage error (nothing changed).
    pub fn erase_person(&mut self, id: &str) -> AppResult<ErasureSummary> {
        let contact = self.store.any_contact(id)?;
        let mut all_needles = needles(&contact);
        for m in self.store.merged_into(id)? {
            all_needles.extend(needles(&m));
        }
        let backup = self
            .backup_before(BackupReason::BeforeErasure)?
            .map(|b| b.path);
        let records = self.store.erase_contact(id, &all_needles)?;
        Ok(ErasureSummary { records, backup })
    }
}
