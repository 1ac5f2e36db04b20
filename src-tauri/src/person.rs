//! Commands of a person's data (GDPR): everything about them, its export
//! where the facilitator chooses, the erasure and its confirmation.

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use tauri::{AppHandle, State};
use tisserand_app::{AppResult, DialogLabels, ErasureSummary, PersonExport};

use crate::commands::with_app;
use crate::documents::ask_save;
use crate::Shared;

/// Everything about a person, to show before exporting or erasing.
#[tauri::command(async)]
pub(crate) fn get_person(state: State<'_, Shared>, id: String) -> AppResult<PersonExport> {
    with_app(&state, |a| a.get_person(&id, crate::clock::now()))
}

/// Writes everything about a person as JSON where the facilitator chooses.
#[tauri::command(async)]
pub(crate) fn save_person_export(
    app: AppHandle,
    state: State<'_, Shared>,
    id: String,
    labels: Option<DialogLabels>,
) -> AppResult<Option<String>> {
    let (name, text) = with_app(&state, |a| a.export_person(&id, crate::clock::now()))?;
    let Some(path) = ask_save(&app, &name, labels.as_ref(), &["json"]) else {
        return Ok(None);
    };
    tisserand_app::write_document(&path, text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command(async)]
pub(crate) fn erase_person(state: State<'_, Shared>, id: String) -> AppResult<ErasureSummary> {
    with_app(&state, |a| a.erase_person(&id))
}

/// Whether `typed` names the person `expected` well enough to confirm an
/// erasure (`App::match_person_name`).
#[tauri::command(async)]
pub(crate) fn match_person_name(
    state: State<'_, Shared>,
    expected: String,
    typed: String,
) -> AppResult<bool> {
    with_app(&state, |a| Ok(a.match_person_name(&expected, &typed)))
}
