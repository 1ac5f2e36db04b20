//! Réglages: who the facilitator is (the default facilitator of new
//! partnerships, printed where a facilitator is named), the organisation
//! whose letterhead the PDFs carry (name, address, SIRET, logo), and the
//! agreement's defaults (place of signature, court, number of originals).
//! What a form sends is forgiving; `validate` says what is wrong by field.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{FieldError, ValidationErrors};
use crate::identifiers::{normalize_email, normalize_phone, normalize_siret};

/// Longest name (facilitator, organisation, place, court).
pub const NAME_MAX: usize = 120;
/// Longest postal address.
pub const ADDRESS_MAX: usize = 300;
/// Most originals an agreement can say it is signed in.
pub const ORIGINALS_MAX: u32 = 20;
/// The largest logo file accepted, in bytes (5 Mo).
pub const LOGO_FILE_MAX: u64 = 5 * 1024 * 1024;
/// How many copies the second backup folder keeps when nothing is said.
pub const COPIES_KEPT: u32 = 10;
/// The most copies it can be asked to keep.
pub const COPIES_MAX: u32 = 365;

/// The facilitator using this laptop.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Facilitator {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The organisation whose name heads what is printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Organisation {
    pub name: String,
    /// Postal address, lines separated by newlines.
    pub address: Option<String>,
    /// 14 digits, as stored; `None` when not given.
    pub siret: Option<String>,
}

/// What an agreement prints when nothing else is said.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct AgreementDefaults {
    /// « Fait à … ».
    pub place: Option<String>,
    /// The court disputes go to (« tribunal judiciaire de Colmar »).
    pub court: Option<String>,
    /// How many originals are signed; one per party when `None`.
    pub originals: Option<u32>,
}

/// A second folder (a USB key, a network drive) that receives a copy of
/// the backups, every day and on demand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct BackupCopy {
    /// An absolute path; `None`: no copy.
    pub folder: Option<String>,
    /// How many copies it keeps (the newest); [`COPIES_KEPT`] when `None`.
    pub keep: Option<u32>,
}

impl BackupCopy {
    /// How many copies the folder keeps.
    #[must_use]
    pub fn kept(&self) -> usize {
        usize::try_from(self.keep.unwrap_or(COPIES_KEPT)).unwrap_or(usize::MAX)
    }
}

/// The territory the filters of the board, the directory and Impact start
/// from: a département or an intercommunality (EPCI), not both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct HomeTerritory {
    /// « 68 », « 2A », « 974 ».
    pub departement: Option<String>,
    /// The EPCI's SIREN, 9 digits.
    pub epci: Option<String>,
}

/// The settings as stored and shown (the logo apart: `has_logo`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Settings {
    pub facilitator: Facilitator,
    pub organisation: Organisation,
    pub agreement: AgreementDefaults,
    pub backup_copy: BackupCopy,
    pub home: HomeTerritory,
    /// What a new event's form starts from (its timing: start, rounds,
    /// their length, changeovers, tables, breaks, seated side); `None`: the
    /// built-in values. Name, date, venue and notes stay empty.
    pub event_defaults: Option<crate::event::EventInput>,
}

/// The fields of an event's form that belong to one event, not to the
/// defaults of the next ones.
pub const EVENT_OWN_FIELDS: [&str; 4] = ["name", "date", "venue", "notes"];

/// `input`'s timing as the defaults of new events: what belongs to one
/// event emptied.
#[must_use]
pub fn event_defaults_of(input: &crate::event::EventInput) -> crate::event::EventInput {
    crate::event::EventInput {
        name: String::new(),
        date: String::new(),
        venue: None,
        notes: None,
        ..input.clone()
    }
}

/// What the form sends: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct SettingsInput {
    pub facilitator_name: String,
    pub facilitator_email: String,
    pub facilitator_phone: String,
    pub organisation_name: String,
    pub organisation_address: String,
    pub organisation_siret: String,
    pub agreement_place: String,
    pub agreement_court: String,
    /// As typed (« 2 »); empty for one per party.
    pub agreement_originals: String,
    /// The second backup folder, an absolute path; empty: none.
    pub backup_folder: String,
    /// How many copies it keeps, as typed; empty: [`COPIES_KEPT`].
    pub backup_keep: String,
    /// A département code, as typed; empty: none.
    pub home_departement: String,
    /// An EPCI's SIREN, as typed; empty: none.
    pub home_epci: String,
}

/// `text` trimmed, `None` when empty, with an error past `max` characters.
fn optional(
    errors: &mut ValidationErrors,
    text: &str,
    field: &str,
    (fr, en): (&str, &str),
    max: usize,
) -> Option<String> {
    let text = text.trim();
    if text.chars().count() > max {
        errors.push(FieldError::new(
            field,
            format!("{fr} est trop long : {max} caractères au plus."),
            format!("{en} is too long: at most {max} characters."),
        ));
    }
    (!text.is_empty()).then(|| text.to_owned())
}

/// A count typed in `raw`, from 1 to `max`; `None` when empty; an error
/// naming what was typed otherwise (`what`: its name and what empty means).
fn count_in(
    errors: &mut ValidationErrors,
    raw: &str,
    field: &str,
    max: u32,
    (what, empty): (&str, &str),
    (what_en, empty_en): (&str, &str),
) -> Option<u32> {
    match raw.trim() {
        "" => None,
        raw => match raw.parse::<u32>() {
            Ok(n) if (1..=max).contains(&n) => Some(n),
            _ => {
                errors.push(FieldError::new(
                    field,
                    format!("{what} doit être un nombre entre 1 et {max} ; « {raw} » n'en est pas un. {empty}"),
                    format!("{what_en} must be a number from 1 to {max}; \"{raw}\" is not. {empty_en}"),
                ));
                None
            }
        },
    }
}

/// The home territory typed: a département code (« 68 », « 2a », « 974 »)
/// or an EPCI's SIREN (spaces allowed), not both; whether the referential
/// knows it is the app's check.
fn home_territory(errors: &mut ValidationErrors, departement: &str, epci: &str) -> HomeTerritory {
    let departement = departement.trim().to_uppercase();
    let epci: String = epci.chars().filter(|c| !c.is_whitespace()).collect();
    let mut home = HomeTerritory::default();
    if !departement.is_empty() {
        let digits = departement.chars().all(|c| c.is_ascii_digit());
        let ok = (digits && departement.len() == 2 && departement != "20")
            || departement == "2A"
            || departement == "2B"
            || (digits && departement.len() == 3 && departement.starts_with("97"));
        if ok {
            home.departement = Some(departement);
        } else {
            errors.push(FieldError::new(
                "homeDepartement",
                format!("« {departement} » n'est pas un code de département : écrivez par exemple 67, 2A ou 974."),
                format!("\"{departement}\" is not a département code: write for instance 67, 2A or 974."),
            ));
        }
    }
    if !epci.is_empty() {
        if epci.len() == 9 && epci.chars().all(|c| c.is_ascii_digit()) {
            home.epci = Some(epci);
        } else {
            errors.push(FieldError::new(
                "homeEpci",
                format!("« {epci} » n'est pas le SIREN d'une intercommunalité (9 chiffres)."),
                format!("\"{epci}\" is not an intercommunality's SIREN (9 digits)."),
            ));
        }
    }
    if home.departement.is_some() && home.epci.is_some() {
        errors.push(
            FieldError::new(
                "homeEpci",
                "Choisissez un département ou une intercommunalité, pas les deux.",
                "Choose a département or an intercommunality, not both.",
            )
            .depending_on(&["homeDepartement"]),
        );
    }
    home
}

/// A check that gives a normalised value or an error for the field.
fn checked(
    errors: &mut ValidationErrors,
    raw: &str,
    field: &str,
    check: fn(&str, &str) -> Result<String, FieldError>,
) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match check(field, raw) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

impl SettingsInput {
    /// The form of `settings`.
    #[must_use]
    pub fn of(settings: &Settings) -> Self {
        let text = |o: &Option<String>| o.clone().unwrap_or_default();
        Self {
            facilitator_name: settings.facilitator.name.clone(),
            facilitator_email: text(&settings.facilitator.email),
            facilitator_phone: text(&settings.facilitator.phone),
            organisation_name: settings.organisation.name.clone(),
            organisation_address: text(&settings.organisation.address),
            organisation_siret: text(&settings.organisation.siret),
            agreement_place: text(&settings.agreement.place),
            agreement_court: text(&settings.agreement.court),
            agreement_originals: settings
                .agreement
                .originals
                .map(|n| n.to_string())
                .unwrap_or_default(),
            backup_folder: text(&settings.backup_copy.folder),
            backup_keep: settings
                .backup_copy
                .keep
                .map(|n| n.to_string())
                .unwrap_or_default(),
            home_departement: text(&settings.home.departement),
            home_epci: text(&settings.home.epci),
        }
    }

    /// Checks and cleans the form: e-mail and phone as for contacts, the
    /// SIRET's key, lengths, the number of originals.
    ///
    /// # Errors
    /// One error per field at fault, in French and English.
    pub fn validate(&self) -> Result<Settings, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let facilitator = Facilitator {
            name: optional(
                &mut e,
                &self.facilitator_name,
                "facilitatorName",
                ("Le nom", "The name"),
                NAME_MAX,
            )
            .unwrap_or_default(),
            email: checked(
                &mut e,
                &self.facilitator_email,
                "facilitatorEmail",
                normalize_email,
            ),
            phone: checked(
                &mut e,
                &self.facilitator_phone,
                "facilitatorPhone",
                normalize_phone,
            ),
        };
        let organisation = Organisation {
            name: optional(
                &mut e,
                &self.organisation_name,
                "organisationName",
                ("Le nom", "The name"),
                NAME_MAX,
            )
            .unwrap_or_default(),
            address: optional(
                &mut e,
                &self.organisation_address,
                "organisationAddress",
                ("L'adresse", "The address"),
                ADDRESS_MAX,
            ),
            siret: checked(
                &mut e,
                &self.organisation_siret,
                "organisationSiret",
                normalize_siret,
            ),
        };
        let originals = count_in(
            &mut e,
            &self.agreement_originals,
            "agreementOriginals",
            ORIGINALS_MAX,
            (
                "Le nombre d'exemplaires",
                "Laissez vide pour un exemplaire par partie.",
            ),
            (
                "The number of originals",
                "Leave it empty for one per party.",
            ),
        );
        let folder = optional(
            &mut e,
            &self.backup_folder,
            "backupFolder",
            ("Le dossier", "The folder"),
            ADDRESS_MAX,
        );
        if let Some(f) = folder
            .as_deref()
            .filter(|f| !std::path::Path::new(f).is_absolute())
        {
            e.push(FieldError::new(
                "backupFolder",
                format!("« {f} » n'est pas un chemin complet : choisissez le dossier avec « Choisir… » (par exemple /media/lea/CLE ou E:\\Sauvegardes)."),
                format!("\"{f}\" is not a full path: choose the folder with \"Choose…\"."),
            ));
        }
        let keep = count_in(
            &mut e,
            &self.backup_keep,
            "backupKeep",
            COPIES_MAX,
            (
                "Le nombre de copies gardées",
                "Laissez vide pour en garder 10.",
            ),
            ("The number of copies kept", "Leave it empty to keep 10."),
        );
        let agreement = AgreementDefaults {
            place: optional(
                &mut e,
                &self.agreement_place,
                "agreementPlace",
                ("Le lieu", "The place"),
                NAME_MAX,
            ),
            court: optional(
                &mut e,
                &self.agreement_court,
                "agreementCourt",
                ("Le tribunal", "The court"),
                NAME_MAX,
            ),
            originals,
        };
        let home = home_territory(&mut e, &self.home_departement, &self.home_epci);
        e.into_result(Settings {
            facilitator,
            organisation,
            agreement,
            backup_copy: BackupCopy { folder, keep },
            home,
            event_defaults: None,
        })
    }
}

/// A setting the command line reads or writes by name.
#[derive(Debug, Clone, Copy)]
pub struct SettingKey {
    /// As typed on the command line (`organisation.name`).
    pub key: &'static str,
    get: fn(&SettingsInput) -> &String,
    set: fn(&mut SettingsInput, String),
}

impl SettingKey {
    /// Its value in `input`.
    #[must_use]
    pub fn get<'a>(&self, input: &'a SettingsInput) -> &'a str {
        (self.get)(input)
    }

    /// `input` with it set to `value`.
    pub fn set(&self, input: &mut SettingsInput, value: String) {
        (self.set)(input, value);
    }
}

macro_rules! keys {
    ($($key:literal => $field:ident),* $(,)?) => {
        /// Every setting the command line knows, in the page's order.
        pub const SETTING_KEYS: &[SettingKey] = &[$(SettingKey {
            key: $key,
            get: |i| &i.$field,
            set: |i, v| i.$field = v,
        }),*];
    };
}

keys! {
    "facilitator.name" => facilitator_name,
    "facilitator.email" => facilitator_email,
    "facilitator.phone" => facilitator_phone,
    "organisation.name" => organisation_name,
    "organisation.address" => organisation_address,
    "organisation.siret" => organisation_siret,
    "agreement.place" => agreement_place,
    "agreement.court" => agreement_court,
    "agreement.originals" => agreement_originals,
    "backup.folder" => backup_folder,
    "backup.keep" => backup_keep,
    "home.departement" => home_departement,
    "home.epci" => home_epci,
}

/// The setting named `key`.
///
/// # Errors
/// A message listing the known keys.
pub fn setting_key(key: &str) -> Result<SettingKey, FieldError> {
    SETTING_KEYS
        .iter()
        .find(|k| k.key == key.trim())
        .copied()
        .ok_or_else(|| {
            let known: Vec<&str> = SETTING_KEYS.iter().map(|k| k.key).collect();
            FieldError::new(
                "key",
                format!(
                    "Réglage inconnu : « {key} ». Réglages possibles : {}.",
                    known.join(", ")
                ),
                format!(
                    "Unknown setting \"{key}\". Known settings: {}.",
                    known.join(", ")
                ),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_is_checked_field_by_field_and_cleaned() {
        let input = SettingsInput {
            facilitator_name: "  Léa Muller ".into(),
            facilitator_email: "LEA@labo-alsace.fr".into(),
            facilitator_phone: "03 89 00 00 00".into(),
            organisation_name: "Labo des partenariats d'Alsace".into(),
            organisation_siret: "732 829 320 00074".into(),
            agreement_originals: "3".into(),
            ..SettingsInput::default()
        };
        let s = input.validate().unwrap();
        assert_eq!(s.facilitator.name, "Léa Muller");
        assert_eq!(s.organisation.siret.as_deref(), Some("73282932000074"));
        assert_eq!(s.agreement.originals, Some(3));
        assert_eq!(s.agreement.place, None);
        assert_eq!(SettingsInput::of(&s).validate().unwrap(), s);
    }

    #[test]
    fn a_wrong_siret_key_and_a_bad_count_are_named() {
        let input = SettingsInput {
            organisation_siret: "732 829 320 00075".into(),
            agreement_originals: "deux".into(),
            facilitator_email: "lea@".into(),
            ..SettingsInput::default()
        };
        let errors = input.validate().unwrap_err().0;
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "facilitatorEmail",
                "organisationSiret",
                "agreementOriginals"
            ]
        );
        assert!(
            errors[2].message.contains("« deux »"),
            "{}",
            errors[2].message
        );
    }

    #[test]
    fn a_home_territory_is_a_departement_or_an_epci_not_both() {
        let typed = |d: &str, e: &str| SettingsInput {
            home_departement: d.into(),
            home_epci: e.into(),
            ..SettingsInput::default()
        };
        assert_eq!(
            typed("2a", "")
                .validate()
                .unwrap()
                .home
                .departement
                .as_deref(),
            Some("2A")
        );
        assert_eq!(
            typed("", "246 800 726")
                .validate()
                .unwrap()
                .home
                .epci
                .as_deref(),
            Some("246800726")
        );
        let fields = |d: &str, e: &str| -> Vec<String> {
            typed(d, e)
                .validate()
                .unwrap_err()
                .0
                .into_iter()
                .map(|f| f.field)
                .collect()
        };
        assert_eq!(fields("Haut-Rhin", ""), ["homeDepartement"]);
        assert_eq!(fields("", "1234"), ["homeEpci"]);
        assert_eq!(fields("68", "246800726"), ["homeEpci"]);
    }

    #[test]
    fn keys_read_and_write_the_form() {
        let mut input = SettingsInput::default();
        setting_key("organisation.name")
            .unwrap()
            .set(&mut input, "Labo".into());
        assert_eq!(input.organisation_name, "Labo");
        assert_eq!(
            setting_key("organisation.name").unwrap().get(&input),
            "Labo"
        );
        let unknown = setting_key("organisation.nom").unwrap_err();
        assert!(
            unknown.message.contains("organisation.name"),
            "{}",
            unknown.message
        );
    }
}
