//! The second backup folder of Réglages (a USB key, a network drive): a
//! copy of the daily backup, and of one taken on demand, keeping the newest
//! copies. A folder that is missing or refuses writing is said plainly; the
//! backup beside the database is made all the same. How the last copy went
//! is remembered (`meta` key `backup_copy_status`) for Réglages to show.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tisserand_domain::backup::{BackupEntry, BackupReason};
use tisserand_domain::settings::BackupCopy;
use tisserand_domain::Clock;
use ts_rs::TS;

use crate::{App, AppError, AppResult, ErrorKind};

/// The `meta` key of the last copy's outcome.
const STATUS_KEY: &str = "backup_copy_status";

/// How the last copy into the second folder went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CopyStatus {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// The copy written, when it went well.
    pub file: Option<String>,
    /// Why it failed, in French and English, when it did.
    pub error: Option<String>,
    pub error_en: Option<String>,
}

fn no_folder() -> AppError {
    AppError::new(
        ErrorKind::Invalid,
        "Aucun dossier de copie n'est choisi : choisissez-en un dans Réglages, « Copie des sauvegardes ».",
        "No copy folder is chosen: choose one in Settings, \"Backup copies\".",
    )
}

fn folder_error(folder: &Path, fr: &str, en: &str) -> AppError {
    AppError::new(
        ErrorKind::Storage,
        format!("Le dossier de copie « {} » {fr}", folder.display()),
        format!("The copy folder \"{}\" {en}", folder.display()),
    )
}

/// Copies the backup file `backup` into `copy`'s folder (to a temporary name
/// first, so a pulled-out key never leaves a half copy under a backup's
/// name), then removes the oldest copies beyond what it keeps. Returns the
/// copy's path.
///
/// # Errors
/// `Invalid` when no folder is set; `Storage` when the folder is missing,
/// read-only or full, naming it.
pub fn copy_backup_to(backup: &Path, copy: &BackupCopy) -> AppResult<PathBuf> {
    let Some(folder) = copy.folder.as_deref().map(PathBuf::from) else {
        return Err(no_folder());
    };
    if !folder.is_dir() {
        return Err(folder_error(
            &folder,
            "est introuvable : la clé USB ou le lecteur réseau est-il branché ? La sauvegarde sur cet ordinateur, elle, est faite.",
            "cannot be found: is the USB key or the network drive connected? The backup on this computer is made all the same.",
        ));
    }
    let name = backup.file_name().unwrap_or_default();
    let target = folder.join(name);
    let part = folder.join(format!(".{}.part", name.to_string_lossy()));
    let written = std::fs::copy(backup, &part).and_then(|_| std::fs::rename(&part, &target));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&part);
        return Err(folder_error(
            &folder,
            &format!("n'accepte pas la copie (lecture seule ou plein ?) : {e}. La sauvegarde sur cet ordinateur, elle, est faite."),
            &format!("does not accept the copy (read-only or full?): {e}. The backup on this computer is made all the same."),
        ));
    }
    let copies = tisserand_store::list_backups_in(&folder)?;
    for old in copies.iter().skip(copy.kept()) {
        let _ = std::fs::remove_file(&old.path);
    }
    Ok(target)
}

impl App {
    /// Takes a backup now and copies it into the second folder of Réglages.
    ///
    /// # Errors
    /// As [`copy_backup_to`] (the backup beside the database is kept); a
    /// storage error.
    pub fn copy_backup_now(&mut self, clock: Clock) -> AppResult<BackupEntry> {
        let copy = self.store.settings()?.backup_copy;
        if copy.folder.is_none() {
            return Err(no_folder());
        }
        let entry = self.create_backup(BackupReason::Manual, &mut |_, _| {})?;
        let copied = copy_backup_to(Path::new(&entry.path), &copy);
        self.note_copy(&copied, clock)?;
        let target = copied?;
        Ok(BackupEntry {
            path: target.display().to_string(),
            ..entry
        })
    }

    /// Remembers how the last copy went, for Réglages.
    ///
    /// # Errors
    /// A storage error.
    pub fn note_copy(
        &mut self,
        outcome: &Result<PathBuf, AppError>,
        clock: Clock,
    ) -> AppResult<()> {
        let status = CopyStatus {
            at: clock.utc(),
            file: outcome.as_ref().ok().map(|p| p.display().to_string()),
            error: outcome.as_ref().err().map(|e| e.message.clone()),
            error_en: outcome.as_ref().err().map(|e| e.message_en.clone()),
        };
        let text = serde_json::to_string(&status).unwrap_or_default();
        Ok(self.store.set_meta(STATUS_KEY, &text)?)
    }

    /// How the last copy went, if one was tried.
    ///
    /// # Errors
    /// A storage error.
    pub fn copy_status(&self) -> AppResult<Option<CopyStatus>> {
        Ok(self
            .store
            .meta(STATUS_KEY)?
            .and_then(|t| serde_json::from_str(&t).ok()))
    }

    /// The second folder's settings (the shell copies the daily backup).
    ///
    /// # Errors
    /// A storage error.
    pub fn backup_copy(&self) -> AppResult<BackupCopy> {
        Ok(self.store.settings()?.backup_copy)
    }
}
