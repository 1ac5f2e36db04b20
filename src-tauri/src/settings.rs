//! Commands of « Réglages »: the settings and their checks, the logo (a
//! file chosen with `pick_file`), and opening the data folder.

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use std::path::PathBuf;

use tauri::State;
use tisserand_app::{AppError, AppResult, ErrorKind, SettingsView};
use tisserand_domain::settings::SettingsInput;
use tisserand_domain::FieldError;

use crate::commands::with_app;
use crate::Shared;

#[tauri::command(async)]
pub(crate) fn get_settings(state: State<'_, Shared>) -> AppResult<SettingsView> {
    with_app(&state, |a| a.get_settings())
}

#[tauri::command(async)]
pub(crate) fn validate_settings(
    state: State<'_, Shared>,
    input: SettingsInput,
) -> AppResult<Vec<FieldError>> {
    with_app(&state, |a| Ok(a.validate_settings(&input)))
}

#[tauri::command(async)]
pub(crate) fn save_settings(
    state: State<'_, Shared>,
    input: SettingsInput,
) -> AppResult<SettingsView> {
    with_app(&state, |a| a.save_settings(&input))
}

/// Sets the logo from the file at `path` (chosen with `pick_file`).
#[tauri::command(async)]
pub(crate) fn set_logo(state: State<'_, Shared>, path: String) -> AppResult<SettingsView> {
    with_app(&state, |a| a.set_logo(&PathBuf::from(path)))
}

#[tauri::command(async)]
pub(crate) fn remove_logo(state: State<'_, Shared>) -> AppResult<SettingsView> {
    with_app(&state, tisserand_app::App::remove_logo)
}

/// Opens the folder the data lives in, in the system's file manager.
#[tauri::command(async)]
pub(crate) fn open_data_folder(state: State<'_, Shared>) -> AppResult<()> {
    let folder = with_app(&state, |a| a.get_app_info())?.data_dir;
    tauri_plugin_opener::open_path(&folder, None::<&str>).map_err(|e| {
        AppError::new(
            ErrorKind::Storage,
            format!("Le dossier {folder} n'a pas pu être ouvert : {e}"),
            format!("The folder {folder} could not be opened: {e}"),
        )
    })
}

/// Keeps an event form's timing as what new events start from.
#[tauri::command(async)]
pub(crate) fn save_event_defaults(
    state: State<'_, Shared>,
    input: tisserand_domain::event::EventInput,
) -> AppResult<SettingsView> {
    with_app(&state, |a| a.save_event_defaults(&input))
}

#[tauri::command(async)]
pub(crate) fn clear_event_defaults(state: State<'_, Shared>) -> AppResult<SettingsView> {
    with_app(&state, tisserand_app::App::clear_event_defaults)
}
