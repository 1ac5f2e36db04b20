//! Commands that write PDFs: a save dialog (or a folder for many briefs),
//! the file written atomically, then opened in the system viewer. The
//! database lock is held only to read each partnership, never while a
//! dialog is open or a document is laid out.
//!
//! With `TISSERAND_DOCUMENTS_DIR` set, no dialog opens and no viewer starts:
//! files go to that folder (for WebDriver tests and scripted setups).

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};
use tisserand_app::{AppResult, BriefsExport, BriefsProgress, DialogLabels, DocumentKind};
use tisserand_domain::agreement::AgreementText;
use tisserand_domain::{Partnership, PartnershipQuery};

use crate::commands::with_app;
use crate::Shared;

/// The variable that replaces the dialogs with a fixed folder.
pub(crate) const DOCUMENTS_DIR_ENV: &str = "TISSERAND_DOCUMENTS_DIR";

fn fixed_dir() -> Option<PathBuf> {
    let dir = std::env::var_os(DOCUMENTS_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)?;
    if let Err(e) = std::fs::create_dir_all(&dir) {
        tracing::warn!("could not create {}: {e}", dir.display());
    }
    Some(dir)
}

pub(crate) fn today() -> chrono::NaiveDate {
    crate::clock::now().today()
}

/// Opens `path` in the system's PDF viewer, unless files go to a fixed folder.
pub(crate) fn show(path: &std::path::Path) {
    if fixed_dir().is_none() {
        if let Err(e) = tauri_plugin_opener::open_path(path, None::<&str>) {
            tracing::warn!("could not open {}: {e}", path.display());
        }
    }
}

/// Asks where to save `name`, offering files with `extensions`, worded by
/// the window's `labels`; `None` when the person cancels. With
/// `TISSERAND_DOCUMENTS_DIR` set, the file goes there without asking.
pub(crate) fn ask_save(
    app: &AppHandle,
    name: &str,
    labels: Option<&DialogLabels>,
    extensions: &[&str],
) -> Option<PathBuf> {
    if let Some(dir) = fixed_dir() {
        return Some(dir.join(name));
    }
    let dialog = in_dialog_folder(app, app.dialog().file()).set_file_name(name);
    let chosen = worded(dialog, labels, extensions)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok());
    remember_folder(app, chosen.as_deref());
    chosen
}

/// `dialog` opening in the folder the core chooses (the last one used, else
/// Documents), never in the program's working folder.
pub(crate) fn in_dialog_folder(
    app: &AppHandle,
    dialog: FileDialogBuilder<tauri::Wry>,
) -> FileDialogBuilder<tauri::Wry> {
    let state = app.state::<Shared>();
    match with_app(&state, |a| Ok(a.get_dialog_folder()))
        .ok()
        .flatten()
    {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

/// `dialog` with the title and file filters the window sent, in the
/// person's language (its i18n holds the words). Without them (a window
/// that sent none) the system's default title shows and the filter is
/// named by its extensions.
pub(crate) fn worded(
    dialog: FileDialogBuilder<tauri::Wry>,
    labels: Option<&DialogLabels>,
    extensions: &[&str],
) -> FileDialogBuilder<tauri::Wry> {
    let Some(labels) = labels else {
        return dialog.add_filter(extensions.join(", ").to_uppercase(), extensions);
    };
    let dialog = dialog
        .set_title(&labels.title)
        .add_filter(&labels.files, extensions);
    match &labels.all_files {
        Some(all) => dialog.add_filter(all, &["*"]),
        None => dialog,
    }
}

/// Remembers the folder of what the person chose, for the next dialog.
pub(crate) fn remember_folder(app: &AppHandle, chosen: Option<&std::path::Path>) {
    if let Some(path) = chosen {
        let state = app.state::<Shared>();
        if let Err(e) = with_app(&state, |a| a.remember_dialog_folder(path)) {
            tracing::warn!("could not remember the dialog's folder: {}", e.message);
        }
    }
}

/// Writes one document of a partnership where the person chooses, then
/// opens it; returns the path, or `null` when the dialog was cancelled.
#[tauri::command(async)]
pub(crate) fn save_document(
    app: AppHandle,
    state: State<'_, Shared>,
    id: String,
    kind: DocumentKind,
    labels: Option<DialogLabels>,
) -> AppResult<Option<String>> {
    let name = with_app(&state, |a| a.document_file_name(&id, kind))?;
    let Some(path) = ask_save(&app, &name, labels.as_ref(), &["pdf"]) else {
        return Ok(None);
    };
    let bytes = with_app(&state, |a| a.document_pdf(&id, kind, today()))?;
    tisserand_app::write_document(&path, &bytes)?;
    show(&path);
    Ok(Some(path.display().to_string()))
}

/// Set by `cancel_briefs_export`, read between two briefs.
static CANCEL_EXPORT: AtomicBool = AtomicBool::new(false);

/// Stops the running export of briefs after the brief being written; the
/// files it wrote are removed.
#[tauri::command]
pub(crate) fn cancel_briefs_export() {
    CANCEL_EXPORT.store(true, Ordering::SeqCst);
}

/// Writes the briefs of the partnerships matching `query`: one PDF each
/// into a chosen folder, or all in one chosen file (`combined`). Sends
/// `briefs-progress` events; returns `null` when the dialog or the export
/// was cancelled (`cancel_briefs_export`).
#[tauri::command(async)]
pub(crate) fn export_briefs(
    app: AppHandle,
    state: State<'_, Shared>,
    query: PartnershipQuery,
    combined: bool,
    labels: Option<DialogLabels>,
) -> AppResult<Option<BriefsExport>> {
    let items = with_app(&state, |a| a.briefs_to_export(&query))?;
    let on = today();
    let target = if combined {
        ask_save(&app, "fiches-partenariats.pdf", labels.as_ref(), &["pdf"])
    } else if let Some(dir) = fixed_dir() {
        Some(dir.join("fiches"))
    } else {
        let mut dialog = in_dialog_folder(&app, app.dialog().file());
        if let Some(labels) = &labels {
            dialog = dialog.set_title(&labels.title);
        }
        let chosen = dialog
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok());
        remember_folder(&app, chosen.as_deref());
        chosen
    };
    let Some(target) = target else {
        return Ok(None);
    };
    CANCEL_EXPORT.store(false, Ordering::SeqCst);
    let mut progress = |done: usize, total: usize| {
        let _ = app.emit("briefs-progress", BriefsProgress { done, total });
        !CANCEL_EXPORT.load(Ordering::SeqCst)
    };
    let mut load = |id: &str| with_app(&state, |a| a.document_data(id, on));
    let count = if combined {
        tisserand_app::write_combined_briefs(&items, &mut load, on, &target, &mut progress)?
    } else {
        tisserand_app::write_briefs(&items, &mut load, &target, &mut progress)?.map(|f| f.len())
    };
    let Some(count) = count else {
        return Ok(None);
    };
    show(&target);
    Ok(Some(BriefsExport {
        path: target.display().to_string(),
        count: u32::try_from(count).unwrap_or(u32::MAX),
    }))
}

/// Saves the agreement's preamble and free clauses, edited on `version`.
#[tauri::command(async)]
pub(crate) fn set_partnership_agreement(
    state: State<'_, Shared>,
    id: String,
    version: u32,
    text: AgreementText,
) -> AppResult<Partnership> {
    with_app(&state, |a| a.set_partnership_agreement(&id, version, &text))
}
