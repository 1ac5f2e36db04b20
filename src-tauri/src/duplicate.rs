//! Commands of the duplicates: the scan, a merge's preview, merges and
//! their undo, dismissals.

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use tauri::State;
use tisserand_app::{AppResult, DuplicateEntity, Duplicates, MergeOutcome};
use tisserand_domain::merge::{MergeChoices, MergePreview, MergeRecord};

use crate::commands::with_app;
use crate::Shared;

#[tauri::command(async)]
pub(crate) fn scan_duplicates(state: State<'_, Shared>) -> AppResult<Duplicates> {
    with_app(&state, |a| a.scan_duplicates())
}

#[tauri::command(async)]
pub(crate) fn get_merge_preview(
    state: State<'_, Shared>,
    entity: DuplicateEntity,
    keep: String,
    other: String,
) -> AppResult<MergePreview> {
    with_app(&state, |a| a.get_merge_preview(entity, &keep, &other))
}

#[tauri::command(async)]
pub(crate) fn merge_duplicates(
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
pub(crate) fn undo_merge(state: State<'_, Shared>, id: String) -> AppResult<MergeRecord> {
    with_app(&state, |a| a.undo_merge(&id))
}

#[tauri::command(async)]
pub(crate) fn list_merges(state: State<'_, Shared>) -> AppResult<Vec<MergeRecord>> {
    with_app(&state, |a| a.list_merges())
}

#[tauri::command(async)]
pub(crate) fn dismiss_duplicate(
    state: State<'_, Shared>,
    entity: DuplicateEntity,
    a: String,
    b: String,
) -> AppResult<()> {
    with_app(&state, |app| app.dismiss_duplicate(entity, &a, &b))
}
