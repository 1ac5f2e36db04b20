//! Commands of a partnership's evaluation by its parties: one evaluation
//! entered (checked by the core on the shell's clock), one deleted (the
//! undo). The questionnaire's PDF goes through `save_document`.

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use tauri::State;
use tisserand_app::AppResult;
use tisserand_domain::impact::PartyEvaluationInput;
use tisserand_domain::Partnership;

use crate::commands::with_app;
use crate::Shared;

#[tauri::command(async)]
pub(crate) fn evaluate_partnership(
    state: State<'_, Shared>,
    id: String,
    version: u32,
    input: PartyEvaluationInput,
) -> AppResult<Partnership> {
    with_app(&state, |a| {
        a.evaluate_partnership(&id, version, &input, crate::clock::now())
    })
}

#[tauri::command(async)]
pub(crate) fn delete_partnership_evaluation(
    state: State<'_, Shared>,
    id: String,
    version: u32,
    index: usize,
) -> AppResult<Partnership> {
    with_app(&state, |a| {
        a.delete_partnership_evaluation(&id, version, index)
    })
}
