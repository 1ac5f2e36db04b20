//! Réglages: read and save the settings (`domain::settings` checks them),
//! the organisation's logo from a file, and the letterhead every document
//! is printed with.

use std::path::Path;

use serde::Serialize;
use tisserand_documents::Letterhead;
use tisserand_domain::event::EventInput;
use tisserand_domain::settings::{
    event_defaults_of, setting_key, Settings, SettingsInput, EVENT_OWN_FIELDS,
};
use tisserand_domain::{FieldError, ValidationErrors};
use tisserand_store::Area;
use ts_rs::TS;

use crate::{App, AppError, AppResult};

/// What the Réglages page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SettingsView {
    pub settings: Settings,
    /// The form, filled with the settings.
    pub input: SettingsInput,
    /// The name of the file the logo came from, when one is set.
    pub logo_file: Option<String>,
    /// How the last copy into the second backup folder went.
    pub copy_status: Option<crate::CopyStatus>,
    /// What a new event's form starts from: `settings.event_defaults`, or
    /// the built-in values.
    pub new_event: EventInput,
    /// The home territory's name in the referential (« Haut-Rhin »).
    pub home_name: Option<String>,
}

/// The home territory's field error when the referential does not know it.
fn unknown_home(app: &App, settings: &Settings) -> AppResult<Option<FieldError>> {
    let home = &settings.home;
    let (field, area, code) = match (&home.departement, &home.epci) {
        (Some(d), _) => ("homeDepartement", Area::Departement, d),
        (None, Some(e)) => ("homeEpci", Area::Epci, e),
        (None, None) => return Ok(None),
    };
    Ok((!app.store.area_known(area, code)?).then(|| {
        FieldError::new(
            field,
            format!("Le code « {code} » n'est pas dans le référentiel des communes de Tisserand."),
            format!("Code \"{code}\" is not in Tisserand's communes referential."),
        )
    }))
}

/// The second backup folder's field error when `settings` name one that is
/// not there (a key pulled out) — a fact of this computer, checked here
/// rather than in the domain.
fn missing_folder(settings: &Settings) -> Option<FieldError> {
    let folder = settings.backup_copy.folder.as_deref()?;
    (!Path::new(folder).is_dir()).then(|| {
        FieldError::new(
            "backupFolder",
            format!("Le dossier « {folder} » est introuvable : branchez la clé USB ou le lecteur réseau, ou choisissez un autre dossier."),
            format!("Folder \"{folder}\" cannot be found: connect the USB key or the network drive, or choose another folder."),
        )
    })
}

impl App {
    /// The settings and their form.
    ///
    /// # Errors
    /// A storage error.
    pub fn get_settings(&self) -> AppResult<SettingsView> {
        let settings = self.store.settings()?;
        Ok(SettingsView {
            input: SettingsInput::of(&settings),
            logo_file: self.store.logo()?.map(|l| l.file_name),
            copy_status: self.copy_status()?,
            new_event: settings.event_defaults.clone().unwrap_or_default(),
            home_name: match (&settings.home.departement, &settings.home.epci) {
                (Some(d), _) => self.store.area_name(Area::Departement, d)?,
                (None, Some(e)) => self.store.area_name(Area::Epci, e)?,
                (None, None) => None,
            },
            settings,
        })
    }

    /// The errors `input` would be refused with (none: it can be saved).
    #[must_use]
    pub fn validate_settings(&self, input: &SettingsInput) -> Vec<FieldError> {
        match input.validate() {
            Ok(settings) => missing_folder(&settings)
                .into_iter()
                .chain(unknown_home(self, &settings).ok().flatten())
                .collect(),
            Err(e) => e.0,
        }
    }

    /// Checks and saves the settings.
    ///
    /// # Errors
    /// `Invalid` naming each field at fault (nothing is saved then); a
    /// storage error.
    pub fn save_settings(&mut self, input: &SettingsInput) -> AppResult<SettingsView> {
        let mut settings = input.validate()?;
        if let Some(wrong) = missing_folder(&settings).or(unknown_home(self, &settings)?) {
            return Err(AppError::field(wrong));
        }
        // What the form does not show is kept.
        settings.event_defaults = self.store.settings()?.event_defaults;
        self.store.save_settings(&settings)?;
        self.get_settings()
    }

    /// Sets one setting by its command-line name (`organisation.name`),
    /// the others kept, checked like the form.
    ///
    /// # Errors
    /// `Invalid` for an unknown key or a value the form would refuse; a
    /// storage error.
    pub fn set_setting(&mut self, key: &str, value: &str) -> AppResult<SettingsView> {
        let key = setting_key(key).map_err(AppError::field)?;
        let mut input = SettingsInput::of(&self.store.settings()?);
        key.set(&mut input, value.to_owned());
        self.save_settings(&input)
    }

    /// One setting's value by its command-line name, as the form shows it.
    ///
    /// # Errors
    /// `Invalid` for an unknown key; a storage error.
    pub fn get_setting(&self, key: &str) -> AppResult<String> {
        let key = setting_key(key).map_err(AppError::field)?;
        Ok(key
            .get(&SettingsInput::of(&self.store.settings()?))
            .to_owned())
    }

    /// Keeps `input`'s timing (start, rounds, their length, changeovers,
    /// tables, breaks, seated side) as what new events start from; checked
    /// as the event form is, but for the fields of one event (name, date).
    ///
    /// # Errors
    /// `Invalid` naming the fields at fault; a storage error.
    pub fn save_event_defaults(&mut self, input: &EventInput) -> AppResult<SettingsView> {
        if let Err(errors) = input.validate() {
            let timing: Vec<FieldError> = errors
                .0
                .into_iter()
                .filter(|e| !EVENT_OWN_FIELDS.contains(&e.field.as_str()))
                .collect();
            if !timing.is_empty() {
                return Err(ValidationErrors(timing).into());
            }
        }
        let mut settings = self.store.settings()?;
        settings.event_defaults = Some(event_defaults_of(input));
        self.store.save_settings(&settings)?;
        self.get_settings()
    }

    /// New events start from the built-in values again.
    ///
    /// # Errors
    /// A storage error.
    pub fn clear_event_defaults(&mut self) -> AppResult<SettingsView> {
        let mut settings = self.store.settings()?;
        settings.event_defaults = None;
        self.store.save_settings(&settings)?;
        self.get_settings()
    }

    /// Sets the organisation's logo from the PNG or JPEG file at `path` (at
    /// most 5 Mo): reduced, flattened on white and kept as JPEG.
    ///
    /// # Errors
    /// `Invalid` naming the file when it is too large, not an image or
    /// damaged (the logo in place is kept); a storage error.
    pub fn set_logo(&mut self, path: &Path) -> AppResult<SettingsView> {
        let logo = crate::photo::prepare_logo(path)?;
        self.store.set_logo(&logo)?;
        self.get_settings()
    }

    /// Removes the logo.
    ///
    /// # Errors
    /// A storage error.
    pub fn remove_logo(&mut self) -> AppResult<SettingsView> {
        self.store.remove_logo()?;
        self.get_settings()
    }

    /// What heads the documents: the organisation and its logo.
    ///
    /// # Errors
    /// A storage error.
    pub(crate) fn letterhead(&self) -> AppResult<Letterhead> {
        let organisation = self.store.settings()?.organisation;
        Ok(Letterhead {
            name: organisation.name,
            address: organisation.address,
            siret: organisation.siret,
            logo: self.store.logo()?.map(|l| l.jpeg),
        })
    }
}

#[cfg(test)]
mod tests;
