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
/// day), so the window opens without waiting for it.
pub(crate) fn daily_backup_in_background(db_path: PathBuf) {
    std::thread::spawn(move || {
        match tisserand_app::daily_backup_if_due(&db_path, crate::clock::now()) {
            Ok(Some(entry)) => tracing::info!(path = %entry.path, "daily backup taken"),
            Ok(None) => {}
            Err(e) => tracing::warn!("daily backup failed: {}", e.message_en),
        }
    });
}
