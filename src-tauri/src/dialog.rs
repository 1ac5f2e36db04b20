//! The native dialog that picks a file to open (an import, a backup to
//! restore, a story's photo), with the words the window sends in the person's language.
//! `TISSERAND_OPEN_FILE` replaces it with a fixed file (WebDriver tests).

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;
use tisserand_app::DialogLabels;

/// The variable that replaces the open dialog with a fixed file.
pub(crate) const OPEN_FILE_ENV: &str = "TISSERAND_OPEN_FILE";

/// What a file is being chosen for.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum Purpose {
    Import,
    Restore,
    /// A story's photo.
    Photo,
    /// The organisation's logo.
    Logo,
}

impl Purpose {
    /// The extensions of the files offered first.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Purpose::Import => &["csv", "txt", "tsv", "xlsx", "ods"],
            Purpose::Restore => &["sqlite3", "sqlite", "db", "bak"],
            Purpose::Photo => &["jpg", "jpeg", "png"],
            Purpose::Logo => &["png", "jpg", "jpeg", "svg"],
        }
    }
}

/// Asks for a folder (the second backup folder); `null` when the person
/// cancels.
#[tauri::command(async)]
pub(crate) fn pick_folder(app: AppHandle, labels: Option<DialogLabels>) -> Option<String> {
    let mut dialog = crate::documents::in_dialog_folder(&app, app.dialog().file());
    if let Some(labels) = &labels {
        dialog = dialog.set_title(&labels.title);
    }
    dialog
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string())
}

/// Asks for a file to open; `null` when the person cancels.
#[tauri::command(async)]
pub(crate) fn pick_file(
    app: AppHandle,
    purpose: Purpose,
    labels: Option<DialogLabels>,
) -> Option<String> {
    if let Some(file) = std::env::var_os(OPEN_FILE_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(file).display().to_string());
    }
    let dialog = crate::documents::in_dialog_folder(&app, app.dialog().file());
    let chosen = crate::documents::worded(dialog, labels.as_ref(), purpose.extensions())
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok());
    crate::documents::remember_folder(&app, chosen.as_deref());
    chosen.map(|p| p.display().to_string())
}
