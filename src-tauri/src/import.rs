//! Commands of the import: the preview of a file, the check of a mapping,
//! the import itself (with `import-progress` events and cancel), the past
//! imports and their undo.

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{AppHandle, Emitter, State};
use tisserand_app::{AppResult, ImportOptions, ImportPreview, ImportReport, ImportUndone};
use tisserand_domain::import::{ImportField, ImportRecord, MappingIssue};

use crate::commands::with_app;
use crate::Shared;

#[tauri::command(async)]
pub(crate) fn preview_import(state: State<'_, Shared>, path: String) -> AppResult<ImportPreview> {
    with_app(&state, |a| a.preview_import(&PathBuf::from(path)))
}

/// What is wrong with the mapping the person is choosing.
#[tauri::command(async)]
pub(crate) fn validate_import_mapping(
    state: State<'_, Shared>,
    headers: Vec<String>,
    mapping: Vec<Option<ImportField>>,
) -> AppResult<Vec<MappingIssue>> {
    with_app(
        &state,
        |a| Ok(a.validate_import_mapping(&headers, &mapping)),
    )
}

/// Set by `cancel_import`, read every few hundred rows.
static CANCEL_IMPORT: AtomicBool = AtomicBool::new(false);

/// Stops the running import; nothing of it is kept.
#[tauri::command]
pub(crate) fn cancel_import() {
    CANCEL_IMPORT.store(true, Ordering::SeqCst);
}

/// Imports a file (or checks it, with `options.dryRun`), sending
/// `import-progress` events.
#[tauri::command(async)]
pub(crate) fn import_actors(
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
pub(crate) fn list_imports(state: State<'_, Shared>) -> AppResult<Vec<ImportRecord>> {
    with_app(&state, |a| a.list_imports())
}

#[tauri::command(async)]
pub(crate) fn undo_import(state: State<'_, Shared>, id: String) -> AppResult<ImportUndone> {
    with_app(&state, |a| a.undo_import(&id))
}
