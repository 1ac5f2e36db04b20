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
pub(crate) fn person_get(state: State<'_, Shared>, id: String) -> AppResult<PersonExport> {
    with_app(&state, |a| a.person_export(&id, crate::clock::now()))
}

/// Writes everything about a person as JSON where the facilitator chooses.
#[tauri::command(async)]
pub(crate) fn person_export_save(
    app: AppHandle,
    state: State<'_, Shared>,
    id: String,
    labels: Option<DialogLabels>,
) -> AppResult<Option<String>> {
    let (name, text) = with_app(&state, |a| a.person_export_file(&id, crate::clock::now()))?;
    let Some(path) = ask_save(&app, &name, labels.as_ref(), &["json"]) else {
        return Ok(None);
    };
    tisserand_app::write_document(&path, text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command(async)]
pub(crate) fn person_erase(state: State<'_, Shared>, id: String) -> AppResult<ErasureSummary> {
    with_app(&state, |a| a.person_erase(&id))
}

/// Whether `typed` names the person `expected` well enough to confirm an
/// erasure (`domain::contact::erasure_name_matches`).
#[tauri::command]
pub(crate) fn person_name_matches(expected: String, typed: String) -> bool {
    tisserand_domain::contact::erasure_name_matches(&expected, &typed)
}
