//! Commands of « Événements »: one per use case of `app::events`, plus the
//! room window (a second, full-screen window for the projector).

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use std::path::PathBuf;

use tauri::{AppHandle, Emitter, Manager, State, WebviewUrl, WebviewWindowBuilder};
use tisserand_app::{
    AppError, AppResult, DialogLabels, ErrorKind, EventWishSuggestions, ParticipantChange,
    QuickAdd, RoomAction, RoomState, WishPair,
};
use tisserand_domain::event::{
    Event, EventDetail, EventInput, EventMeeting, EventReport, EventSide, EventSummary,
    LeadsOutcome, MeetingCapture, OpenFollowUp,
};
use tisserand_domain::planner::WishLevel;
use tisserand_domain::FieldError;

use crate::commands::with_app;
use crate::Shared;

/// The room window's label.
const ROOM: &str = "room";

/// Where the windows keep their own storage (the same for both windows).
pub(crate) struct WebviewDir(pub(crate) PathBuf);

#[tauri::command(async)]
pub(crate) fn list_events(state: State<'_, Shared>) -> AppResult<Vec<EventSummary>> {
    with_app(&state, |a| a.list_events())
}

#[tauri::command(async)]
pub(crate) fn get_event(state: State<'_, Shared>, id: String) -> AppResult<EventDetail> {
    with_app(&state, |a| a.get_event(&id))
}

#[tauri::command(async)]
pub(crate) fn get_event_input(
    state: State<'_, Shared>,
    id: Option<String>,
) -> AppResult<EventInput> {
    with_app(&state, |a| a.get_event_input(id.as_deref()))
}

#[tauri::command(async)]
pub(crate) fn validate_event(
    state: State<'_, Shared>,
    input: EventInput,
) -> AppResult<Vec<FieldError>> {
    with_app(&state, |a| Ok(a.validate_event(&input)))
}

#[tauri::command(async)]
pub(crate) fn create_event(state: State<'_, Shared>, input: EventInput) -> AppResult<Event> {
    with_app(&state, |a| a.create_event(&input))
}

#[tauri::command(async)]
pub(crate) fn update_event(
    state: State<'_, Shared>,
    id: String,
    version: u32,
    input: EventInput,
) -> AppResult<Event> {
    with_app(&state, |a| a.update_event(&id, version, &input))
}

#[tauri::command(async)]
pub(crate) fn delete_event(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.delete_event(&id))
}

#[tauri::command(async)]
pub(crate) fn restore_event(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.restore_event(&id))
}

#[tauri::command(async)]
pub(crate) fn add_event_participant(
    state: State<'_, Shared>,
    id: String,
    actor_id: String,
    side: Option<EventSide>,
) -> AppResult<EventDetail> {
    with_app(&state, |a| {
        a.add_event_participant(&id, &actor_id, side, None)
    })
}

#[tauri::command(async)]
pub(crate) fn quick_add_event_participant(
    state: State<'_, Shared>,
    id: String,
    input: QuickAdd,
) -> AppResult<EventDetail> {
    with_app(&state, |a| a.quick_add_event_participant(&id, &input))
}

#[tauri::command(async)]
pub(crate) fn remove_event_participant(
    state: State<'_, Shared>,
    id: String,
    participant_id: String,
) -> AppResult<EventDetail> {
    with_app(&state, |a| a.remove_event_participant(&id, &participant_id))
}

#[tauri::command(async)]
pub(crate) fn change_event_participant(
    state: State<'_, Shared>,
    id: String,
    participant_id: String,
    change: ParticipantChange,
) -> AppResult<EventDetail> {
    with_app(&state, |a| {
        a.change_event_participant(&id, &participant_id, &change)
    })
}

#[tauri::command(async)]
pub(crate) fn set_event_wish(
    state: State<'_, Shared>,
    id: String,
    from: String,
    to: String,
    level: Option<WishLevel>,
) -> AppResult<EventDetail> {
    with_app(&state, |a| a.set_event_wish(&id, &from, &to, level))
}

#[tauri::command(async)]
pub(crate) fn list_event_wish_suggestions(
    state: State<'_, Shared>,
    id: String,
) -> AppResult<EventWishSuggestions> {
    with_app(&state, |a| a.list_event_wish_suggestions(&id))
}

#[tauri::command(async)]
pub(crate) fn accept_event_wish_suggestions(
    state: State<'_, Shared>,
    id: String,
    pairs: Vec<WishPair>,
) -> AppResult<EventDetail> {
    with_app(&state, |a| a.accept_event_wish_suggestions(&id, &pairs))
}

#[tauri::command(async)]
pub(crate) fn plan_event(state: State<'_, Shared>, id: String) -> AppResult<EventDetail> {
    with_app(&state, |a| a.plan_event(&id))
}

#[tauri::command(async)]
pub(crate) fn run_event_room(
    app: AppHandle,
    state: State<'_, Shared>,
    id: String,
    action: Option<RoomAction>,
) -> AppResult<RoomState> {
    let room = with_app(&state, |a| {
        a.run_event_room(&id, action, crate::clock::now())
    })?;
    if room.wrote {
        // The main window reloads the event (rounds started, clock).
        let _ = app.emit_to("main", "event-changed", &id);
    }
    Ok(room)
}

#[tauri::command(async)]
pub(crate) fn capture_event_meeting(
    state: State<'_, Shared>,
    id: String,
    capture: MeetingCapture,
) -> AppResult<EventMeeting> {
    with_app(&state, |a| a.capture_event_meeting(&id, &capture))
}

#[tauri::command(async)]
pub(crate) fn create_event_leads(state: State<'_, Shared>, id: String) -> AppResult<LeadsOutcome> {
    with_app(&state, |a| a.create_event_leads(&id, crate::clock::now()))
}

#[tauri::command(async)]
pub(crate) fn set_follow_up_done(
    state: State<'_, Shared>,
    id: String,
    done: bool,
) -> AppResult<()> {
    with_app(&state, |a| a.set_follow_up_done(&id, done))
}

#[tauri::command(async)]
pub(crate) fn list_open_follow_ups(state: State<'_, Shared>) -> AppResult<Vec<OpenFollowUp>> {
    with_app(&state, |a| a.list_open_follow_ups(200, crate::clock::now()))
}

#[tauri::command(async)]
pub(crate) fn get_event_report(state: State<'_, Shared>, id: String) -> AppResult<EventReport> {
    with_app(&state, |a| a.get_event_report(&id))
}

#[tauri::command(async)]
pub(crate) fn get_events_year_report(
    state: State<'_, Shared>,
    year: i32,
) -> AppResult<EventReport> {
    with_app(&state, |a| a.get_events_year_report(year))
}

/// Opens the room window on event `id` (full screen), or brings the open one
/// to this event. `title` is the window's title in the person's language
/// (the window's i18n); without it, « Tisserand ».
#[tauri::command]
pub(crate) fn open_event_room(
    app: AppHandle,
    state: State<'_, Shared>,
    dir: State<'_, WebviewDir>,
    id: String,
    title: Option<String>,
) -> AppResult<()> {
    // Refuse an unknown event here rather than in an empty window.
    with_app(&state, |a| a.get_event(&id).map(|_| ()))?;
    // Event ids are UUIDs; anything else would not be one.
    if !id.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Err(AppError::new(
            ErrorKind::NotFound,
            "Cet événement n'existe pas.",
            "This event does not exist.",
        ));
    }
    let hash = format!("#/salle/{id}");
    let fail = |e: tauri::Error| {
        AppError::new(
            ErrorKind::Internal,
            format!("La fenêtre de la salle n'a pas pu s'ouvrir : {e}."),
            format!("The room window could not open: {e}."),
        )
    };
    if let Some(window) = app.get_webview_window(ROOM) {
        window
            .eval(format!("window.location.hash = '{hash}'"))
            .map_err(fail)?;
        let _ = window.unminimize();
        let _ = window.set_focus();
        return Ok(());
    }
    WebviewWindowBuilder::new(&app, ROOM, WebviewUrl::App("index.html".into()))
        .title(title.as_deref().unwrap_or("Tisserand"))
        .initialization_script(format!(
            "if (window.location.hash === '' || window.location.hash === '#/') {{ window.location.hash = '{hash}'; }}"
        ))
        .inner_size(1280.0, 720.0)
        .fullscreen(std::env::var_os("TISSERAND_ROOM_WINDOWED").is_none())
        .data_directory(dir.0.clone())
        .build()
        .map_err(fail)?;
    Ok(())
}

/// Full screen on or off for the window that asks (F11 in the room).
#[tauri::command]
pub(crate) fn set_fullscreen(window: tauri::WebviewWindow, on: bool) -> AppResult<()> {
    window.set_fullscreen(on).map_err(|e| {
        AppError::new(
            ErrorKind::Internal,
            format!("Plein écran impossible : {e}."),
            format!("Full screen failed: {e}."),
        )
    })
}

/// Closes the window that asks (the room's « Fermer »).
#[tauri::command]
pub(crate) fn close_window(window: tauri::WebviewWindow) -> AppResult<()> {
    window.close().map_err(|e| {
        AppError::new(
            ErrorKind::Internal,
            format!("Fermeture impossible : {e}."),
            format!("Closing failed: {e}."),
        )
    })
}

/// Writes the event pack (or one participant's planning) where the person
/// chooses, then opens it; `null` when the dialog was cancelled.
#[tauri::command(async)]
pub(crate) fn save_event_pack(
    app: AppHandle,
    state: State<'_, Shared>,
    id: String,
    participant_id: Option<String>,
    labels: Option<DialogLabels>,
) -> AppResult<Option<String>> {
    let name = with_app(&state, |a| {
        a.event_pack_file_name(&id, participant_id.as_deref())
    })?;
    let Some(path) = crate::documents::ask_save(&app, &name, labels.as_ref(), &["pdf"]) else {
        return Ok(None);
    };
    let today = crate::documents::today();
    with_app(&state, |a| {
        a.write_event_pack(&id, participant_id.as_deref(), &path, today)
    })?;
    crate::documents::show(&path);
    Ok(Some(path.display().to_string()))
}
