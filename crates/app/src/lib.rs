//! Tisserand's use cases: one method per user action, plain data in and out.
//! The desktop shell (src-tauri) and the command line (cli) both call this
//! crate and nothing below it, so a behaviour tested here is the behaviour
//! of both.

mod backup;
mod backup_copy;
mod demo;
mod demo_impact;
mod demo_story;
mod dialog;
mod documents;
mod duplicate;
mod error;
mod evaluation;
mod event;
mod event_pack;
mod event_wish;
mod export;
mod home;
mod impact;
mod import;
mod partnership;
mod paths;
mod person;
mod photo;
mod referential;
mod settings;
mod story;

use std::path::{Path, PathBuf};

use serde::Serialize;
use tisserand_domain::contact::ContactCard;
use tisserand_domain::{
    Actor, ActorDetail, ActorInput, ActorPage, ActorQuery, Clock, Commune, Contact, ContactInput,
    ContactPage, ContactQuery, Facets, FieldError, RegisterHint, SearchHit,
};
use tisserand_store::Entity;
use tisserand_store::{Store, StoreError};
use ts_rs::TS;

pub use backup::{check_backup_file, daily_backup_if_due, BackupProgress};
pub use backup_copy::{copy_backup_to, CopyStatus};
pub use demo::DemoSummary;
pub use dialog::DialogLabels;
pub use documents::{
    write_briefs, write_combined_briefs, write_document, BriefsExport, BriefsProgress, DocumentKind,
};
pub use duplicate::{
    ActorDuplicate, ActorSide, ContactDuplicate, DuplicateEntity, Duplicates, MergeOutcome,
};
pub use error::{AppError, AppResult, ErrorKind};
pub use event::{
    greedy_plan, plan_described_event, ParticipantChange, QuickAdd, RoomAction, RoomState,
    RoomTable,
};
pub use event_wish::{
    EventWishSuggestions, ParticipantWishSuggestions, WishPair, WishSuggestion, SUGGESTED_WISH,
    SUGGESTIONS_PER_PARTICIPANT,
};
pub use export::{
    ContactSelection, ExportFormat, ExportKind, ExportSummary, LeftOut, MailingExport,
};
pub use import::{
    ImportOptions, ImportPreview, ImportProgress, ImportReport, ImportUndone, PreviewRow,
    RowDuplicate, RowProblem, MAX_IMPORT_ROWS,
};
pub use paths::{data_dir_from_env, default_data_dir, DATA_DIR_ENV, DB_FILE_NAME};
pub use person::{ErasureSummary, PersonExport, PersonMention, PersonPartnership};
pub use photo::{PHOTO_FILE_MAX, PHOTO_SIDE_MAX};
pub use settings::SettingsView;

/// What the window shows about the open database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub db_path: String,
    pub actor_count: u32,
    pub contact_count: u32,
    /// The demo territory has been loaded into this database.
    pub demo: bool,
}

/// The `meta` key of the folder file dialogs open in (`App::get_dialog_folder`).
const DIALOG_FOLDER_KEY: &str = "dialog_folder";

/// One open Tisserand database and the actions on it.
pub struct App {
    store: Store,
}

fn validation_result(r: Result<impl Sized, tisserand_domain::ValidationErrors>) -> Vec<FieldError> {
    r.err().map(|e| e.0).unwrap_or_default()
}

impl App {
    /// Opens (or creates) the database at `db_path` and makes sure the
    /// communes referential is loaded.
    ///
    /// # Errors
    /// An `AppError` saying what is wrong with the file.
    pub fn open(db_path: &Path) -> AppResult<Self> {
        let mut store = Store::open(db_path)?;
        referential::ensure_loaded(&mut store)?;
        if let Some(dir) = db_path.parent() {
            extend_lexicon(&mut store, &dir.join(LEXICON_FILE_NAME))?;
        }
        Ok(Self { store })
    }

    /// An in-memory database with the referential, for tests and benchmarks.
    ///
    /// # Errors
    /// A storage error.
    pub fn open_in_memory() -> AppResult<Self> {
        let mut store = Store::open_in_memory()?;
        referential::ensure_loaded(&mut store)?;
        Ok(Self { store })
    }

    #[must_use]
    pub fn db_path(&self) -> PathBuf {
        self.store.path().to_owned()
    }

    /// # Errors
    /// A storage error.
    pub fn get_app_info(&self) -> AppResult<AppInfo> {
        let db = self.store.path();
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: db
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            db_path: db.display().to_string(),
            actor_count: self.store.actor_count()?,
            contact_count: self.store.contact_count()?,
            demo: self.store.meta(demo::DEMO_KEY)?.is_some(),
        })
    }

    // --- Actors -----------------------------------------------------------

    /// For an association seated in `commune_insee`: the regime the seat
    /// implies, the courts whose register it can be inscribed at, and the
    /// court to suggest (the actor form asks as the commune changes).
    #[must_use]
    pub fn get_association_register_hint(&self, commune_insee: Option<&str>) -> RegisterHint {
        tisserand_domain::register::register_hint(commune_insee)
    }

    /// The field errors of an actor input (empty when it is valid), for
    /// validation as the person types.
    #[must_use]
    pub fn validate_actor(&self, input: &ActorInput) -> Vec<FieldError> {
        let mut errors = validation_result(input.validate());
        if let Some(insee) = input
            .commune_insee
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            if tisserand_domain::identifiers::is_insee_code(insee)
                && matches!(self.store.commune(insee), Ok(None))
            {
                errors.push(unknown_commune(insee));
            }
        }
        errors
    }

    /// # Errors
    /// `Invalid` with the fields at fault; a storage error.
    pub fn create_actor(&mut self, input: &ActorInput) -> AppResult<Actor> {
        let valid = input.validate()?;
        Ok(self.store.insert_actor(&valid)?)
    }

    /// Forgets every answer the store keeps between reads: the next read
    /// is a first one (benchmarks of a cold start).
    pub fn forget_reads(&mut self) {
        self.store.forget_reads();
    }

    /// # Errors
    /// `NotFound`, `Invalid` with the fields at fault, a storage error.
    pub fn update_actor(&mut self, id: &str, input: &ActorInput) -> AppResult<Actor> {
        let valid = input.validate()?;
        Ok(self.store.update_actor(id, &valid)?)
    }

    /// Soft delete: `restore_actor` undoes it. Refused while the actor is a
    /// party of a live partnership.
    ///
    /// # Errors
    /// `NotFound`; `Conflict` naming its live partnerships; a storage error.
    pub fn delete_actor(&mut self, id: &str) -> AppResult<()> {
        Ok(self.store.delete_actor(id)?)
    }

    /// The folder a file dialog opens in: the last one a file was saved to
    /// or picked from, while it still exists; else the person's Documents
    /// folder; else their home folder. Never the program's working folder.
    #[must_use]
    pub fn get_dialog_folder(&self) -> Option<std::path::PathBuf> {
        let remembered = self
            .store
            .meta(DIALOG_FOLDER_KEY)
            .ok()
            .flatten()
            .map(std::path::PathBuf::from)
            .filter(|p| p.is_dir());
        // Without XDG user folders configured, `document_dir` is None on
        // Linux: ~/Documents is still the usual place.
        let documents = dirs::document_dir()
            .or_else(|| dirs::home_dir().map(|h| h.join("Documents")))
            .filter(|p| p.is_dir());
        remembered.or(documents).or_else(dirs::home_dir)
    }

    /// Remembers where the person saved or picked `path` (a file, or a
    /// folder), so that the next dialog opens there.
    ///
    /// # Errors
    /// A storage error.
    pub fn remember_dialog_folder(&mut self, path: &std::path::Path) -> AppResult<()> {
        let folder = if path.is_dir() {
            Some(path)
        } else {
            path.parent()
        };
        match folder.filter(|f| f.is_dir()) {
            Some(folder) => Ok(self
                .store
                .set_meta(DIALOG_FOLDER_KEY, &folder.to_string_lossy())?),
            None => Ok(()),
        }
    }

    /// What deleting the actor would touch, for the confirmation to say.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn get_actor_ties(&self, id: &str) -> AppResult<tisserand_domain::ActorTies> {
        Ok(self.store.actor_ties(id)?)
    }

    /// # Errors
    /// `NotFound` when the actor is not deleted; a storage error.
    pub fn restore_actor(&mut self, id: &str) -> AppResult<()> {
        Ok(self.store.restore_actor(id)?)
    }

    /// An actor page; each contact says whether its data review is overdue
    /// as of `clock`'s local date.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn get_actor(&self, id: &str, clock: Clock) -> AppResult<ActorDetail> {
        let actor = self.store.actor(id)?;
        let commune = match &actor.commune {
            Some(c) => self.store.commune(&c.insee)?,
            None => None,
        };
        let contacts = self
            .store
            .contacts_of(id)?
            .into_iter()
            .map(|c| ContactCard::new(c, clock.today()))
            .collect();
        Ok(ActorDetail {
            actor,
            commune,
            contacts,
        })
    }

    /// # Errors
    /// A storage error.
    pub fn list_actors(&self, query: &ActorQuery) -> AppResult<ActorPage> {
        Ok(self.store.list_actors(query)?)
    }

    /// # Errors
    /// A storage error.
    pub fn get_actor_facets(&self) -> AppResult<Facets> {
        Ok(self.store.actor_facets()?)
    }

    /// Creates many actors at once (all or none). Used by the demo loader and
    /// the benchmarks.
    ///
    /// # Errors
    /// `Invalid` naming the first bad input by its position; a storage error.
    pub fn create_actors(&mut self, inputs: &[ActorInput]) -> AppResult<Vec<String>> {
        let valid = inputs
            .iter()
            .enumerate()
            .map(|(i, input)| input.validate().map_err(|e| at_position(i, e)))
            .collect::<AppResult<Vec<_>>>()?;
        Ok(self.store.insert_actors(&valid)?)
    }

    // --- Contacts ---------------------------------------------------------

    #[must_use]
    pub fn validate_contact(&self, input: &ContactInput) -> Vec<FieldError> {
        validation_result(input.validate())
    }

    /// # Errors
    /// `Invalid` with the fields at fault (an unknown organisation is the
    /// `actorId` field); a storage error.
    pub fn create_contact(&mut self, input: &ContactInput) -> AppResult<Contact> {
        let valid = input.validate()?;
        self.store
            .insert_contact(&valid)
            .map_err(organisation_error)
    }

    /// # Errors
    /// `NotFound`, `Invalid`; a storage error.
    pub fn update_contact(&mut self, id: &str, input: &ContactInput) -> AppResult<Contact> {
        let valid = input.validate()?;
        self.store
            .update_contact(id, &valid)
            .map_err(organisation_error)
    }

    /// # Errors
    /// `NotFound`; a storage error.
    pub fn delete_contact(&mut self, id: &str) -> AppResult<()> {
        Ok(self.store.delete_contact(id)?)
    }

    /// # Errors
    /// `NotFound`; a storage error.
    pub fn restore_contact(&mut self, id: &str) -> AppResult<()> {
        Ok(self.store.restore_contact(id)?)
    }

    /// One window of the contacts list (Annuaire › Contacts), with why an
    /// invitation mailing would leave each contact out.
    ///
    /// # Errors
    /// A storage error.
    pub fn list_contacts(&self, query: &ContactQuery) -> AppResult<ContactPage> {
        Ok(self.store.list_contacts(query)?)
    }

    /// Creates many contacts at once (all or none).
    ///
    /// # Errors
    /// `Invalid` naming the first bad input by its position; a storage error.
    pub fn create_contacts(&mut self, inputs: &[ContactInput]) -> AppResult<Vec<String>> {
        let valid = inputs
            .iter()
            .enumerate()
            .map(|(i, input)| input.validate().map_err(|e| at_position(i, e)))
            .collect::<AppResult<Vec<_>>>()?;
        self.store
            .insert_contacts(&valid)
            .map_err(organisation_error)
    }

    // --- Search and referential -------------------------------------------

    /// # Errors
    /// A storage error.
    pub fn search(&self, text: &str, limit: u32) -> AppResult<Vec<SearchHit>> {
        Ok(self.store.search(text, limit)?)
    }

    /// # Errors
    /// A storage error.
    pub fn search_communes(&self, text: &str, limit: u32) -> AppResult<Vec<Commune>> {
        Ok(self.store.search_communes(text, limit.clamp(1, 100))?)
    }

    /// # Errors
    /// A storage error.
    pub fn get_commune(&self, insee: &str) -> AppResult<Option<Commune>> {
        Ok(self.store.commune(insee)?)
    }

    // --- Demo and backups -------------------------------------------------

    /// Loads the demo territory (fictional actors and contacts in real
    /// Alsatian communes) in one transaction; its events are dated from
    /// `clock`'s day (one held seven weeks before, one two weeks after).
    ///
    /// # Errors
    /// `Conflict` when it is already loaded; a storage error.
    pub fn load_demo(&mut self, clock: Clock) -> AppResult<DemoSummary> {
        demo::load(self, clock)
    }

    /// Writes a consistent copy of the database to `dest` (never overwrites).
    ///
    /// # Errors
    /// A storage error naming the file.
    pub fn create_backup_to(&self, dest: &Path) -> AppResult<()> {
        if dest.exists() {
            return Err(AppError::new(
                ErrorKind::Conflict,
                format!(
                    "Le fichier {} existe déjà : choisissez un autre nom pour la copie.",
                    dest.display()
                ),
                format!(
                    "{} already exists: choose another name for the copy.",
                    dest.display()
                ),
            ));
        }
        Ok(self.store.backup_to(dest)?)
    }

    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }
}

fn unknown_commune(insee: &str) -> FieldError {
    FieldError::new(
        "communeInsee",
        format!("La commune de code {insee} est inconnue : choisissez-la dans la liste."),
        format!("Commune code {insee} is unknown: pick it from the list."),
    )
}

fn unknown_organisation(id: &str) -> AppError {
    AppError::field(FieldError::new(
        "actorId",
        format!("L'organisation {id} n'existe pas ou a été supprimée : choisissez-en une autre."),
        format!("Organisation {id} does not exist or was deleted: choose another one."),
    ))
}

/// A store error where an unknown actor means the contact's organisation field.
fn organisation_error(e: StoreError) -> AppError {
    match e {
        StoreError::NotFound {
            entity: Entity::Actor,
            id,
        } => unknown_organisation(&id),
        other => other.into(),
    }
}

/// The facilitator's own lexicon, beside the database in the data folder:
/// groups of related words added to the built-in ones
/// (`assets/lexicon.txt`, same format) for the « champ des possibles ».
pub const LEXICON_FILE_NAME: &str = "lexique.txt";

/// Adds the groups of the lexicon file at `path`, when there is one.
///
/// # Errors
/// `Invalid` naming the file and the line that cannot be read; an unreadable
/// file.
fn extend_lexicon(store: &mut Store, path: &Path) -> AppResult<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(AppError::new(
                ErrorKind::Invalid,
                format!("Le lexique {} ne se lit pas : {e}.", path.display()),
                format!("The lexicon {} cannot be read: {e}.", path.display()),
            ))
        }
    };
    store
        .extend_lexicon(&path.display().to_string(), &text)
        .map_err(|e| {
            AppError::new(
                ErrorKind::Invalid,
                format!(
                    "Le lexique {}, ligne {} : {}. Corrigez la ligne ou retirez le fichier.",
                    e.source_name, e.line, e.message_fr
                ),
                format!(
                    "The lexicon {}, line {}: {}. Correct the line or remove the file.",
                    e.source_name, e.line, e.message_en
                ),
            )
        })
}

fn at_position(i: usize, e: tisserand_domain::ValidationErrors) -> AppError {
    let mut err = AppError::from(e);
    err.message = format!("Élément n° {} : {}", i + 1, err.message);
    err.message_en = format!("Item {}: {}", i + 1, err.message_en);
    err
}

#[cfg(test)]
mod possibility_tests;
#[cfg(test)]
mod tests;
