//! Commands of the backups: the list, a backup now, a restore (with
//! `backup-progress` events), and the daily backup taken at start.

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use std::path::PathBuf;

use tauri::{AppHandle, Emitter, State};
use tisserand_app::{AppResult, BackupProgress};
use tisserand_domain::backup::{BackupEntry, BackupReason};

use crate::commands::with_app;
use crate::Shared;

#[tauri::command(async)]
pub(crate) fn list_backups(state: State<'_, Shared>) -> AppResult<Vec<BackupEntry>> {
    with_app(&state, |a| a.list_backups())
}

#[tauri::command(async)]
pub(crate) fn create_backup(app: AppHandle, state: State<'_, Shared>) -> AppResult<BackupEntry> {
    with_app(&state, |a| {
        a.create_backup(BackupReason::Manual, &mut |done, total| {
            let _ = app.emit("backup-progress", BackupProgress { done, total });
        })
    })
}

/// Restores a backup (checked first; the current state is backed up
/// before, and that backup is returned).
#[tauri::command(async)]
pub(crate) fn restore_backup(
    app: AppHandle,
    state: State<'_, Shared>,
    path: String,
) -> AppResult<Option<BackupEntry>> {
    with_app(&state, |a| {
        a.restore_backup(&PathBuf::from(path), &mut |done, total| {
            let _ = app.emit("backup-progress", BackupProgress { done, total });
        })
    })
}

/// The daily backup, taken at start on a thread of its own (at most once a
/// day), so the window opens without waiting for it; then copied into the
/// second folder of Réglages when one is set (the database is locked only
/// to read that setting and to note how the copy went).
pub(crate) fn daily_backup_in_background(db_path: PathBuf, handle: tauri::AppHandle) {
    use tauri::Manager;
    std::thread::spawn(move || {
        let entry = match tisserand_app::daily_backup_if_due(&db_path, crate::clock::now()) {
            Ok(Some(entry)) => entry,
            Ok(None) => return,
            Err(e) => {
                tracing::warn!("daily backup failed: {}", e.message_en);
                return;
            }
        };
        tracing::info!(path = %entry.path, "daily backup taken");
        let state = handle.state::<crate::Shared>();
        let Ok(copy) = with_app(&state, |a| a.backup_copy()) else {
            return;
        };
        if copy.folder.is_none() {
            return;
        }
        let copied = tisserand_app::copy_backup_to(std::path::Path::new(&entry.path), &copy);
        match &copied {
            Ok(path) => tracing::info!(path = %path.display(), "daily backup copied"),
            Err(e) => tracing::warn!("daily backup copy failed: {}", e.message_en),
        }
        let _ = with_app(&state, |a| a.note_copy(&copied, crate::clock::now()));
    });
}

/// Takes a backup now and copies it into the second folder of Réglages.
#[tauri::command(async)]
pub(crate) fn copy_backup_now(state: State<'_, Shared>) -> AppResult<BackupEntry> {
    with_app(&state, |a| a.copy_backup_now(crate::clock::now()))
}
