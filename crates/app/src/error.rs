//! The one error type that crosses to the window and the command line: a
//! machine-readable kind, a French and an English sentence, and the fields
//! at fault for invalid input.

use std::path::Path;

use serde::Serialize;
use tisserand_domain::{FieldError, ValidationErrors};
use tisserand_store::{Entity, StoreError};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorKind {
    NotFound,
    Invalid,
    Conflict,
    ReadOnly,
    DiskFull,
    TooNew,
    NotADatabase,
    Storage,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
#[error("{message}")]
pub struct AppError {
    pub kind: ErrorKind,
    pub message: String,
    pub message_en: String,
    pub fields: Vec<FieldError>,
}

impl AppError {
    #[must_use]
    pub fn new(kind: ErrorKind, fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            kind,
            message: fr.into(),
            message_en: en.into(),
            fields: Vec::new(),
        }
    }

    /// An invalid-input error about one field.
    #[must_use]
    pub fn field(field: FieldError) -> Self {
        Self {
            kind: ErrorKind::Invalid,
            message: field.message.clone(),
            message_en: field.message_en.clone(),
            fields: vec![field],
        }
    }

    pub(crate) fn not_found(entity: Entity, id: &str) -> Self {
        let (fr, en) = entity.this();
        Self::new(
            ErrorKind::NotFound,
            format!("{fr} n'existe pas ou a été supprimé (identifiant {id})."),
            format!("{en} does not exist or was deleted (id {id})."),
        )
    }
}

impl From<ValidationErrors> for AppError {
    fn from(e: ValidationErrors) -> Self {
        let first = e.0.first();
        let message = match e.0.len() {
            1 => first.map(|f| f.message.clone()).unwrap_or_default(),
            n => format!("{n} champs sont à corriger : {}", e.summary()),
        };
        let message_en = match e.0.len() {
            1 => first.map(|f| f.message_en.clone()).unwrap_or_default(),
            n => format!(
                "{n} fields need fixing: {}",
                e.0.iter()
                    .map(|f| f.message_en.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        };
        Self {
            kind: ErrorKind::Invalid,
            message,
            message_en,
            fields: e.0,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { entity, id } => not_found(entity, &id),
            StoreError::Rule(field) => Self::field(field),
            StoreError::Conflict { entity, id, .. } => conflict(entity, &id),
            StoreError::InUse {
                entity,
                id,
                used_by,
            } => in_use(entity, &id, &used_by),
            StoreError::Io {
                path,
                kind,
                message,
            } => io_error(&path, kind, &message),
            other => file_error(other),
        }
    }
}

/// A row that is not there: an unknown commune is the form's field.
fn not_found(entity: Entity, id: &str) -> AppError {
    match entity {
        Entity::Commune => AppError::field(FieldError::new(
            "communeInsee",
            format!("La commune de code {id} est inconnue : choisissez-la dans la liste."),
            format!("Commune code {id} is unknown: pick it from the list."),
        )),
        _ => AppError::not_found(entity, id),
    }
}

/// A row changed since the editor loaded it.
fn conflict(entity: Entity, id: &str) -> AppError {
    AppError::new(
        ErrorKind::Conflict,
        format!("Cet élément a été modifié ailleurs depuis que vous l'avez ouvert (identifiant {id}) : rechargez-le puis refaites votre modification."),
        format!("This {entity} was changed elsewhere since you opened it (id {id}): reload it and redo your change."),
    )
}

/// A row still used by live rows of another table: nothing was deleted.
fn in_use(entity: Entity, id: &str, used_by: &[String]) -> AppError {
    if entity == Entity::Actor {
        let titles = used_by
            .iter()
            .map(|t| format!("« {t} »"))
            .collect::<Vec<_>>()
            .join(", ");
        let titles_en = used_by
            .iter()
            .map(|t| format!("\"{t}\""))
            .collect::<Vec<_>>()
            .join(", ");
        return AppError::new(
            ErrorKind::Conflict,
            format!("Cet acteur est partie prenante de partenariats en cours : {titles}. Retirez-le de ces partenariats (ou supprimez-les) avant de le supprimer ; rien n'a été supprimé."),
            format!("This actor is a party of live partnerships: {titles_en}. Remove it from them (or delete them) before deleting it; nothing was deleted."),
        );
    }
    AppError::new(
        ErrorKind::Conflict,
        format!(
            "Cet élément est encore utilisé par : {} ; rien n'a été supprimé.",
            used_by.join(", ")
        ),
        format!(
            "This {entity} ({id}) is still used by: {}; nothing was deleted.",
            used_by.join(", ")
        ),
    )
}

/// A file that cannot be read or written, in the words of what went wrong.
fn io_error(path: &Path, kind: std::io::ErrorKind, message: &str) -> AppError {
    let path = path.display();
    let (fr, en) = match kind {
        std::io::ErrorKind::NotFound => (
            format!("Le fichier {path} est introuvable : vérifiez son nom et son dossier."),
            format!("{path} was not found: check its name and folder."),
        ),
        std::io::ErrorKind::PermissionDenied => (
            format!("Tisserand n'a pas le droit d'accéder à {path} : vérifiez ses droits."),
            format!("Tisserand may not access {path}: check its permissions."),
        ),
        std::io::ErrorKind::AlreadyExists => (
            format!("Le fichier {path} existe déjà : choisissez un autre nom."),
            format!("{path} already exists: choose another name."),
        ),
        _ => (
            format!("Impossible d'accéder à {path} : {message}."),
            format!("Cannot access {path}: {message}."),
        ),
    };
    AppError::new(ErrorKind::Storage, fr, en)
}

/// The database file itself: too new, not a database, not Tisserand's,
/// damaged; else its disk.
fn file_error(e: StoreError) -> AppError {
    match e {
        StoreError::TooNew { path, found, supported } => AppError::new(
            ErrorKind::TooNew,
            format!(
                "Le fichier {} a été enregistré par une version plus récente de Tisserand (schéma {found} ; \
                 cette version connaît le schéma {supported} au plus). Mettez Tisserand à jour : \
                 le fichier n'a pas été modifié.",
                path.display()
            ),
            format!(
                "{} was written by a newer Tisserand (schema {found}; this version knows up to \
                 {supported}). Update Tisserand: the file was left untouched.",
                path.display()
            ),
        ),
        StoreError::NotADatabase { path } => AppError::new(
            ErrorKind::NotADatabase,
            format!(
                "Le fichier {} n'est pas une base de données Tisserand. Il n'a pas été modifié.",
                path.display()
            ),
            format!("{} is not a Tisserand database. It was left untouched.", path.display()),
        ),
        StoreError::NotTisserand { path } => AppError::new(
            ErrorKind::NotADatabase,
            format!(
                "Le fichier {} est une base SQLite, mais pas une sauvegarde de Tisserand : rien n'a été restauré.",
                path.display()
            ),
            format!("{} is an SQLite file but not a Tisserand backup: nothing was restored.", path.display()),
        ),
        StoreError::Damaged { path, detail } => AppError::new(
            ErrorKind::NotADatabase,
            format!(
                "La sauvegarde {} est abîmée (contrôle d'intégrité : {detail}) : rien n'a été restauré. \
                 Choisissez une sauvegarde plus ancienne.",
                path.display()
            ),
            format!(
                "Backup {} is damaged (integrity check: {detail}): nothing was restored. Choose an older backup.",
                path.display()
            ),
        ),
        other => disk_error(other),
    }
}

/// The disk under the database file: read-only, full, busy; anything else is
/// a storage error that lost nothing.
fn disk_error(e: StoreError) -> AppError {
    match e {
        StoreError::ReadOnly { path } => AppError::new(
            ErrorKind::ReadOnly,
            format!(
                "Le fichier {} est en lecture seule : Tisserand ne peut pas y enregistrer. \
                 Vérifiez ses droits ou choisissez un autre dossier.",
                path.display()
            ),
            format!(
                "{} is read-only: Tisserand cannot save to it. Check its permissions or choose another folder.",
                path.display()
            ),
        ),
        StoreError::DiskFull { path } => AppError::new(
            ErrorKind::DiskFull,
            format!(
                "Le disque qui contient {} est plein : l'enregistrement a été annulé, rien de ce qui était \
                 enregistré n'est perdu. Libérez de la place puis réessayez.",
                path.display()
            ),
            format!(
                "The disk holding {} is full: the change was cancelled and nothing saved before was lost. \
                 Free some space and try again.",
                path.display()
            ),
        ),
        StoreError::Busy { path } => AppError::new(
            ErrorKind::Storage,
            format!(
                "Le fichier {} est utilisé par un autre programme. Fermez-le puis réessayez.",
                path.display()
            ),
            format!("{} is in use by another program. Close it and try again.", path.display()),
        ),
        other => AppError::new(
            ErrorKind::Storage,
            format!("Erreur de la base de données : {other}. Rien de ce qui était enregistré n'est perdu."),
            format!("Database error: {other}. Nothing saved before was lost."),
        ),
    }
}

pub type AppResult<T> = Result<T, AppError>;
