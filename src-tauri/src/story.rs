//! Commands of the « belles histoires »: write, edit, delete and restore a
//! story; add a photo chosen with the open dialog (`pick_file` with purpose
//! `photo`), caption it, mark it publishable, remove and restore it; show
//! its thumbnail; save the story's PDF where the facilitator chooses.

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use std::path::PathBuf;

use tauri::{AppHandle, State};
use tisserand_app::{AppResult, DialogLabels};
use tisserand_domain::story::{PhotoInput, Story, StoryDetail, StoryInput, StorySummary};
use tisserand_domain::FieldError;

use crate::commands::with_app;
use crate::documents::{ask_save, show, today};
use crate::Shared;

#[tauri::command(async)]
pub(crate) fn validate_story(
    state: State<'_, Shared>,
    partnership_id: String,
    input: StoryInput,
) -> AppResult<Vec<FieldError>> {
    with_app(&state, |a| a.validate_story(&partnership_id, &input))
}

#[tauri::command(async)]
pub(crate) fn create_story(
    state: State<'_, Shared>,
    partnership_id: String,
    input: StoryInput,
) -> AppResult<Story> {
    with_app(&state, |a| a.create_story(&partnership_id, &input))
}

#[tauri::command(async)]
pub(crate) fn update_story(
    state: State<'_, Shared>,
    id: String,
    version: u32,
    input: StoryInput,
) -> AppResult<Story> {
    with_app(&state, |a| a.update_story(&id, version, &input))
}

#[tauri::command(async)]
pub(crate) fn delete_story(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.delete_story(&id))
}

#[tauri::command(async)]
pub(crate) fn restore_story(state: State<'_, Shared>, id: String) -> AppResult<Story> {
    with_app(&state, |a| a.restore_story(&id))
}

#[tauri::command(async)]
pub(crate) fn list_stories(
    state: State<'_, Shared>,
    partnership_id: String,
) -> AppResult<Vec<StorySummary>> {
    with_app(&state, |a| a.list_stories(&partnership_id))
}

#[tauri::command(async)]
pub(crate) fn get_story(state: State<'_, Shared>, id: String) -> AppResult<StoryDetail> {
    with_app(&state, |a| a.get_story(&id))
}

/// Adds the photo at `path` (chosen with `pick_file`) to a story.
#[tauri::command(async)]
pub(crate) fn add_story_photo(
    state: State<'_, Shared>,
    id: String,
    path: String,
    meta: PhotoInput,
) -> AppResult<Story> {
    with_app(&state, |a| {
        a.add_story_photo(&id, &PathBuf::from(&path), &meta)
    })
}

#[tauri::command(async)]
pub(crate) fn update_story_photo(
    state: State<'_, Shared>,
    photo_id: String,
    meta: PhotoInput,
) -> AppResult<Story> {
    with_app(&state, |a| a.update_story_photo(&photo_id, &meta))
}

#[tauri::command(async)]
pub(crate) fn delete_story_photo(state: State<'_, Shared>, photo_id: String) -> AppResult<Story> {
    with_app(&state, |a| a.delete_story_photo(&photo_id))
}

#[tauri::command(async)]
pub(crate) fn restore_story_photo(state: State<'_, Shared>, photo_id: String) -> AppResult<Story> {
    with_app(&state, |a| a.restore_story_photo(&photo_id))
}

/// A photo as a `data:` URL (its thumbnail unless `thumbnail` is false).
#[tauri::command(async)]
pub(crate) fn get_story_photo(
    state: State<'_, Shared>,
    photo_id: String,
    thumbnail: bool,
) -> AppResult<String> {
    with_app(&state, |a| a.get_story_photo(&photo_id, thumbnail))
}

/// Writes the story's PDF (for publication: only what may be published)
/// where the facilitator chooses, then opens it; `null` when cancelled.
#[tauri::command(async)]
pub(crate) fn save_story_pdf(
    app: AppHandle,
    state: State<'_, Shared>,
    id: String,
    publication: bool,
    labels: Option<DialogLabels>,
) -> AppResult<Option<String>> {
    let name = with_app(&state, |a| a.story_file_name(&id))?;
    let Some(path) = ask_save(&app, &name, labels.as_ref(), &["pdf"]) else {
        return Ok(None);
    };
    let bytes = with_app(&state, |a| a.story_pdf(&id, publication, today()))?;
    tisserand_app::write_document(&path, &bytes)?;
    show(&path);
    Ok(Some(path.display().to_string()))
}
