//! Commands of the exports: one kind of records, the invitation mailing of
//! a selection of contacts, everything as JSON; each where the person
//! chooses, in a save dialog worded by the window.

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use tauri::{AppHandle, State};
use tisserand_app::{
    AppResult, ContactSelection, DialogLabels, ExportFormat, ExportKind, ExportSummary,
    MailingExport,
};

use crate::commands::with_app;
use crate::documents::ask_save;
use crate::Shared;

/// Exports one kind of records where the person chooses; `null` when the
/// dialog was cancelled.
#[tauri::command(async)]
pub(crate) fn save_export(
    app: AppHandle,
    state: State<'_, Shared>,
    kind: ExportKind,
    format: ExportFormat,
    labels: Option<DialogLabels>,
) -> AppResult<Option<ExportSummary>> {
    let name = kind.file_name(format, crate::clock::now().today());
    let extensions = match format {
        ExportFormat::Csv => &["csv"][..],
        ExportFormat::Xlsx => &["xlsx"][..],
        ExportFormat::Json => &["json"][..],
    };
    let Some(path) = ask_save(&app, &name, labels.as_ref(), extensions) else {
        return Ok(None);
    };
    with_app(&state, |a| a.export(kind, format, &path)).map(Some)
}

/// Exports a selection of contacts for an invitation mailing (CSV or XLSX)
/// where the person chooses; `null` when the dialog was cancelled.
#[tauri::command(async)]
pub(crate) fn save_contacts_export(
    app: AppHandle,
    state: State<'_, Shared>,
    selection: ContactSelection,
    format: ExportFormat,
    labels: Option<DialogLabels>,
) -> AppResult<Option<MailingExport>> {
    let name = ContactSelection::file_name(format, crate::clock::now().today());
    let extensions = match format {
        ExportFormat::Xlsx => &["xlsx"][..],
        ExportFormat::Csv | ExportFormat::Json => &["csv"][..],
    };
    let Some(path) = ask_save(&app, &name, labels.as_ref(), extensions) else {
        return Ok(None);
    };
    with_app(&state, |a| a.export_contacts(&selection, format, &path)).map(Some)
}

/// Exports the whole database as JSON where the person chooses.
#[tauri::command(async)]
pub(crate) fn save_export_all(
    app: AppHandle,
    state: State<'_, Shared>,
    labels: Option<DialogLabels>,
) -> AppResult<Option<ExportSummary>> {
    let clock = crate::clock::now();
    let name = format!("tisserand-export-complet-{}.json", clock.today());
    let Some(path) = ask_save(&app, &name, labels.as_ref(), &["json"]) else {
        return Ok(None);
    };
    with_app(&state, |a| a.export_all(&path, clock)).map(Some)
}
