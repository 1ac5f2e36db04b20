//! Commands of the « Données » screen: imports (with progress events and
//! cancel), backups and restore. Files are chosen with native dialogs opened
//! from Rust; `TISSERAND_OPEN_FILE` replaces the open dialog with a fixed
//! file (WebDriver tests).

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;
use tisserand_app::{
    AppResult, ContactSelection, DuplicateEntity, Duplicates, ErasureSummary, ExportFormat,
    ExportKind, ExportSummary, ImportOptions, ImportPreview, ImportReport, ImportUndone,
    MailingExport, MergeOutcome, PersonExport,
};
use tisserand_domain::backup::{BackupEntry, BackupReason};
use tisserand_domain::import::ImportRecord;
use tisserand_domain::merge::{MergeChoices, MergeRecord};

use crate::commands::with_app;
use crate::documents::ask_save;
use crate::Shared;

/// The variable that replaces the open dialog with a fixed file.
pub(crate) const OPEN_FILE_ENV: &str = "TISSERAND_OPEN_FILE";

/// What a file is being chosen for.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum Purpose {
    Import,
    Restore,
}

/// Asks for a file to open; `null` when the person cancels.
#[tauri::command(async)]
pub(crate) fn file_pick(app: AppHandle, purpose: Purpose) -> Option<String> {
    if let Some(file) = std::env::var_os(OPEN_FILE_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(file).display().to_string());
    }
    let dialog = crate::documents::in_dialog_folder(&app, app.dialog().file());
    let dialog = match purpose {
        Purpose::Import => dialog
            .set_title("Choisir le fichier à importer")
            .add_filter(
                "Tableaux (CSV, Excel, OpenDocument)",
                &["csv", "txt", "tsv", "xlsx", "ods"],
            )
            .add_filter("Tous les fichiers", &["*"]),
        Purpose::Restore => dialog
            .set_title("Choisir la sauvegarde à restaurer")
            .add_filter("Sauvegardes Tisserand", &["sqlite3", "sqlite", "db", "bak"])
            .add_filter("Tous les fichiers", &["*"]),
    };
    let chosen = dialog.blocking_pick_file().and_then(|p| p.into_path().ok());
    crate::documents::remember_folder(&app, chosen.as_deref());
    chosen.map(|p| p.display().to_string())
}

#[tauri::command(async)]
pub(crate) fn import_preview(state: State<'_, Shared>, path: String) -> AppResult<ImportPreview> {
    with_app(&state, |a| a.preview_import(&PathBuf::from(path)))
}

/// Set by `import_cancel`, read every few hundred rows.
static CANCEL_IMPORT: AtomicBool = AtomicBool::new(false);

/// Stops the running import; nothing of it is kept.
#[tauri::command]
pub(crate) fn import_cancel() {
    CANCEL_IMPORT.store(true, Ordering::SeqCst);
}

/// Imports a file (or checks it, with `options.dryRun`), sending
/// `import-progress` events.
#[tauri::command(async)]
pub(crate) fn import_run(
    app: AppHandle,
    state: State<'_, Shared>,
    path: String,
    options: ImportOptions,
) -> AppResult<ImportReport> {
    CANCEL_IMPORT.store(false, Ordering::SeqCst);
    with_app(&state, |a| {
        a.import_actors(
            &PathBuf::from(&path),
            &options,
            &mut |p| {
                let _ = app.emit("import-progress", p);
            },
            &CANCEL_IMPORT,
        )
    })
}

#[tauri::command(async)]
pub(crate) fn imports_list(state: State<'_, Shared>) -> AppResult<Vec<ImportRecord>> {
    with_app(&state, |a| a.imports())
}

#[tauri::command(async)]
pub(crate) fn import_undo(state: State<'_, Shared>, id: String) -> AppResult<ImportUndone> {
    with_app(&state, |a| a.undo_import(&id))
}

#[tauri::command(async)]
pub(crate) fn backups_list(state: State<'_, Shared>) -> AppResult<Vec<BackupEntry>> {
    with_app(&state, |a| a.backups())
}

/// One step of a backup or restore, sent as event `backup-progress`.
#[derive(Clone, Serialize)]
struct Progress {
    done: u64,
    total: u64,
}

#[tauri::command(async)]
pub(crate) fn backup_create(app: AppHandle, state: State<'_, Shared>) -> AppResult<BackupEntry> {
    with_app(&state, |a| {
        a.backup_now(BackupReason::Manual, &mut |done, total| {
            let _ = app.emit("backup-progress", Progress { done, total });
        })
    })
}

/// Restores a backup (checked first; the current state is backed up
/// before, and that backup is returned).
#[tauri::command(async)]
pub(crate) fn backup_restore(
    app: AppHandle,
    state: State<'_, Shared>,
    path: String,
) -> AppResult<Option<BackupEntry>> {
    with_app(&state, |a| {
        a.restore_backup(&PathBuf::from(path), &mut |done, total| {
            let _ = app.emit("backup-progress", Progress { done, total });
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

fn today() -> chrono::NaiveDate {
    crate::clock::now().today()
}

/// Exports one kind of records where the person chooses; `null` when the
/// dialog was cancelled.
#[tauri::command(async)]
pub(crate) fn export_save(
    app: AppHandle,
    state: State<'_, Shared>,
    kind: ExportKind,
    format: ExportFormat,
) -> AppResult<Option<ExportSummary>> {
    let name = kind.file_name(format, today());
    let filter = match format {
        ExportFormat::Csv => ("CSV (Excel)", &["csv"][..]),
        ExportFormat::Xlsx => ("Classeur Excel", &["xlsx"][..]),
        ExportFormat::Json => ("JSON", &["json"][..]),
    };
    let Some(path) = ask_save(&app, &name, "Enregistrer l'export", filter) else {
        return Ok(None);
    };
    with_app(&state, |a| a.export(kind, format, &path)).map(Some)
}

/// Exports a selection of contacts for an invitation mailing (CSV or XLSX)
/// where the person chooses; `null` when the dialog was cancelled.
#[tauri::command(async)]
pub(crate) fn contacts_export_save(
    app: AppHandle,
    state: State<'_, Shared>,
    selection: ContactSelection,
    format: ExportFormat,
) -> AppResult<Option<MailingExport>> {
    let name = ContactSelection::file_name(format, today());
    let filter = match format {
        ExportFormat::Xlsx => ("Classeur Excel", &["xlsx"][..]),
        ExportFormat::Csv | ExportFormat::Json => ("CSV (Excel)", &["csv"][..]),
    };
    let Some(path) = ask_save(&app, &name, "Enregistrer la liste d'invitation", filter) else {
        return Ok(None);
    };
    with_app(&state, |a| a.export_mailing(&selection, format, &path)).map(Some)
}

/// Exports the whole database as JSON where the person chooses.
#[tauri::command(async)]
pub(crate) fn export_all_save(
    app: AppHandle,
    state: State<'_, Shared>,
) -> AppResult<Option<ExportSummary>> {
    let clock = crate::clock::now();
    let name = format!("tisserand-export-complet-{}.json", clock.today());
    let Some(path) = ask_save(
        &app,
        &name,
        "Enregistrer l'export complet",
        ("JSON", &["json"]),
    ) else {
        return Ok(None);
    };
    with_app(&state, |a| a.export_everything(&path, clock)).map(Some)
}

#[tauri::command(async)]
pub(crate) fn duplicates_scan(state: State<'_, Shared>) -> AppResult<Duplicates> {
    with_app(&state, |a| a.duplicates())
}

#[tauri::command(async)]
pub(crate) fn duplicates_merge(
    state: State<'_, Shared>,
    entity: DuplicateEntity,
    keep: String,
    other: String,
    choices: MergeChoices,
) -> AppResult<MergeOutcome> {
    with_app(&state, |a| match entity {
        DuplicateEntity::Actor => a.merge_actors(&keep, &other, &choices),
        DuplicateEntity::Contact => a.merge_contacts(&keep, &other, &choices),
    })
}

#[tauri::command(async)]
pub(crate) fn merge_undo(state: State<'_, Shared>, id: String) -> AppResult<MergeRecord> {
    with_app(&state, |a| a.undo_merge(&id))
}

#[tauri::command(async)]
pub(crate) fn merges_list(state: State<'_, Shared>) -> AppResult<Vec<MergeRecord>> {
    with_app(&state, |a| a.merges())
}

#[tauri::command(async)]
pub(crate) fn duplicate_dismiss(
    state: State<'_, Shared>,
    entity: DuplicateEntity,
    a: String,
    b: String,
) -> AppResult<()> {
    with_app(&state, |app| app.dismiss_duplicate(entity, &a, &b))
}

/// Everything about a person, to show before exporting or erasing.
#[tauri::command(async)]
pub(crate) fn person_get(state: State<'_, Shared>, id: String) -> AppResult<PersonExport> {
    with_app(&state, |a| a.person_export(&id, crate::clock::now()))
}

/// Writes everything about a person as JSON where the facilitator chooses.
#[tauri::command(async)]
pub(crate) fn person_export_save(
    app: AppHandle,
    state: State<'_, Shared>,
    id: String,
) -> AppResult<Option<String>> {
    let (name, text) = with_app(&state, |a| a.person_export_file(&id, crate::clock::now()))?;
    let Some(path) = ask_save(
        &app,
        &name,
        "Enregistrer les données de la personne",
        ("JSON", &["json"]),
    ) else {
        return Ok(None);
    };
    tisserand_app::write_document(&path, text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command(async)]
pub(crate) fn person_erase(state: State<'_, Shared>, id: String) -> AppResult<ErasureSummary> {
    with_app(&state, |a| a.person_erase(&id))
}
