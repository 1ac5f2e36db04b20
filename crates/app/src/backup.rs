//! Backups as use cases: the daily one at start, one before every risky
//! operation (import, merge, restore, erasure; migrations are the store's),
//! listing, and restoring a chosen file after backing up the current state.

use std::path::Path;

use tisserand_domain::backup::{BackupEntry, BackupReason};
use tisserand_domain::Clock;

use crate::{App, AppError, AppResult, ErrorKind};

/// One step of a backup or a restore: `done` of `total` pages copied (the
/// shell sends it as event `backup-progress`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}
/// Takes the daily backup of the database at `db_path` when none was taken
/// on `clock`'s day, named by `clock`'s local time, through a connection of
/// its own (the desktop shell runs it on a background thread at start).
///
/// # Errors
/// A storage error naming the file.
pub fn daily_backup_if_due(db_path: &Path, clock: Clock) -> AppResult<Option<BackupEntry>> {
    let existing = tisserand_store::list_backups_in(&tisserand_store::backups_dir(db_path))?;
    let now = clock.local();
    if !tisserand_domain::backup::daily_due(&existing, now.date()) {
        return Ok(None);
    }
    Ok(Some(tisserand_store::backup_file(
        db_path,
        BackupReason::Daily,
        now,
    )?))
}

/// Checks that a file is a sound Tisserand backup this version can restore
/// (header, schema version, tables, `PRAGMA integrity_check`).
///
/// # Errors
/// What is wrong with the file.
pub fn check_backup_file(path: &Path) -> AppResult<()> {
    tisserand_store::check_backup(path)?;
    Ok(())
}

impl App {
    /// The backups beside the database, newest first.
    ///
    /// # Errors
    /// The folder cannot be read.
    pub fn list_backups(&self) -> AppResult<Vec<BackupEntry>> {
        Ok(self.store.backups()?)
    }

    /// The folder holding the backups.
    #[must_use]
    pub fn backups_dir(&self) -> std::path::PathBuf {
        tisserand_store::backups_dir(self.store.path())
    }

    /// Takes a backup now into the backups folder, named by the store's
    /// clock.
    ///
    /// # Errors
    /// A storage error naming the file (disk full…).
    pub fn create_backup(
        &self,
        reason: BackupReason,
        progress: &mut dyn FnMut(u64, u64),
    ) -> AppResult<BackupEntry> {
        if self.store.path() == Path::new(":memory:") {
            return Err(AppError::new(
                ErrorKind::Storage,
                "Une base en mémoire ne se sauvegarde pas.",
                "An in-memory database cannot be backed up.",
            ));
        }
        Ok(self.store.backup_stamped(reason, progress)?)
    }

    /// The backup taken before a risky operation; in-memory databases
    /// (tests, benchmarks) have none.
    pub(crate) fn backup_before(&self, reason: BackupReason) -> AppResult<Option<BackupEntry>> {
        if self.store.path() == Path::new(":memory:") {
            return Ok(None);
        }
        self.create_backup(reason, &mut |_, _| {}).map(Some)
    }

    /// Replaces the database with the backup at `path`: checks it first
    /// (Tisserand database, not newer, `integrity_check`), then backs up the
    /// current state, then restores. Returns the backup of the state that
    /// was replaced, so it can be restored in turn.
    ///
    /// # Errors
    /// The file is not a sound Tisserand backup (nothing changed); a
    /// storage error.
    pub fn restore_backup(
        &mut self,
        path: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> AppResult<Option<BackupEntry>> {
        let checked = tisserand_store::check_backup(path)?;
        let before = self.backup_before(BackupReason::BeforeRestore)?;
        self.store.restore_checked(path, checked, progress)?;
        crate::referential::ensure_loaded(&mut self.store)?;
        Ok(before)
    }
}
