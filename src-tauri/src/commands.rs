//! One thin `#[tauri::command]` per use case of the `app` crate. Commands
//! run off the main thread (`async`), so the window never freezes.

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use tauri::State;
use tisserand_app::{App, AppError, AppInfo, AppResult, DemoSummary, ErrorKind};
use tisserand_domain::{
    Actor, ActorDetail, ActorInput, ActorPage, ActorQuery, ClassificationProposal, Commune,
    Contact, ContactInput, ContactPage, ContactQuery, Facets, FieldError, Partnership,
    PartnershipDetail, PartnershipInput, PartnershipQuery, PartnershipSummary, Question, SearchHit,
    Stage,
};
use tisserand_domain::{
    Board, EssaimagePlan, Overview, PartnershipPage, PartnershipSort, Possibility, RegisterHint,
};

use tisserand_domain::agreement::AgreementText;

use crate::Shared;

pub(crate) fn with_app<T>(
    state: &State<'_, Shared>,
    f: impl FnOnce(&mut App) -> AppResult<T>,
) -> AppResult<T> {
    let lock = state.inner().as_ref().map_err(Clone::clone)?;
    let mut app = lock.lock().map_err(|_| {
        AppError::new(
            ErrorKind::Internal,
            "Une action précédente a échoué de façon inattendue : redémarrez Tisserand. Rien de ce qui était enregistré n'est perdu.",
            "A previous action failed unexpectedly: restart Tisserand. Nothing saved was lost.",
        )
    })?;
    f(&mut app)
}

#[tauri::command(async)]
fn app_info(state: State<'_, Shared>) -> AppResult<AppInfo> {
    // The window asks for this first, once its page has loaded: the moment
    // it becomes usable (scripts/bench-window.sh reads this line).
    static FIRST: std::sync::Once = std::sync::Once::new();
    FIRST.call_once(|| {
        let ms = crate::STARTED.get().map_or(0, |t| t.elapsed().as_millis());
        tracing::info!(ms, "window ready: first call from the page");
    });
    with_app(&state, |a| a.info())
}

#[tauri::command(async)]
fn actors_list(state: State<'_, Shared>, query: ActorQuery) -> AppResult<ActorPage> {
    with_app(&state, |a| a.list_actors(&query))
}

#[tauri::command(async)]
fn contacts_list(state: State<'_, Shared>, query: ContactQuery) -> AppResult<ContactPage> {
    with_app(&state, |a| a.list_contacts(&query))
}

#[tauri::command(async)]
fn actors_facets(state: State<'_, Shared>) -> AppResult<Facets> {
    with_app(&state, |a| a.actor_facets())
}

#[tauri::command(async)]
fn actor_get(state: State<'_, Shared>, id: String) -> AppResult<ActorDetail> {
    with_app(&state, |a| a.actor(&id))
}

#[tauri::command(async)]
fn actor_validate(state: State<'_, Shared>, input: ActorInput) -> AppResult<Vec<FieldError>> {
    with_app(&state, |a| Ok(a.validate_actor(&input)))
}

#[tauri::command(async)]
fn association_register_hint(
    state: State<'_, Shared>,
    commune_insee: Option<String>,
) -> AppResult<RegisterHint> {
    with_app(&state, |a| {
        Ok(a.association_register_hint(commune_insee.as_deref()))
    })
}

#[tauri::command(async)]
fn actor_create(state: State<'_, Shared>, input: ActorInput) -> AppResult<Actor> {
    with_app(&state, |a| a.create_actor(&input))
}

#[tauri::command(async)]
fn actor_update(state: State<'_, Shared>, id: String, input: ActorInput) -> AppResult<Actor> {
    with_app(&state, |a| a.update_actor(&id, &input))
}

#[tauri::command(async)]
fn actor_delete(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.delete_actor(&id))
}

#[tauri::command(async)]
fn actor_ties(state: State<'_, Shared>, id: String) -> AppResult<tisserand_domain::ActorTies> {
    with_app(&state, |a| a.actor_ties(&id))
}

#[tauri::command(async)]
fn actor_restore(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.restore_actor(&id))
}

#[tauri::command(async)]
fn contact_validate(state: State<'_, Shared>, input: ContactInput) -> AppResult<Vec<FieldError>> {
    with_app(&state, |a| Ok(a.validate_contact(&input)))
}

#[tauri::command(async)]
fn contact_create(state: State<'_, Shared>, input: ContactInput) -> AppResult<Contact> {
    with_app(&state, |a| a.create_contact(&input))
}

#[tauri::command(async)]
fn contact_update(state: State<'_, Shared>, id: String, input: ContactInput) -> AppResult<Contact> {
    with_app(&state, |a| a.update_contact(&id, &input))
}

#[tauri::command(async)]
fn contact_delete(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.delete_contact(&id))
}

#[tauri::command(async)]
fn contact_restore(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.restore_contact(&id))
}

#[tauri::command(async)]
fn search(state: State<'_, Shared>, text: String, limit: u32) -> AppResult<Vec<SearchHit>> {
    with_app(&state, |a| a.search(&text, limit))
}

#[tauri::command(async)]
fn communes_search(state: State<'_, Shared>, text: String, limit: u32) -> AppResult<Vec<Commune>> {
    with_app(&state, |a| a.search_communes(&text, limit))
}

#[tauri::command(async)]
fn demo_load(state: State<'_, Shared>) -> AppResult<DemoSummary> {
    with_app(&state, |a| a.load_demo(crate::clock::now()))
}

#[tauri::command(async)]
fn partnerships_list(
    state: State<'_, Shared>,
    query: PartnershipQuery,
) -> AppResult<Vec<PartnershipSummary>> {
    with_app(&state, |a| a.list_partnerships(&query))
}

#[tauri::command(async)]
fn partnership_get(state: State<'_, Shared>, id: String) -> AppResult<PartnershipDetail> {
    with_app(&state, |a| a.partnership(&id))
}

#[tauri::command(async)]
fn partnership_validate(
    state: State<'_, Shared>,
    input: PartnershipInput,
) -> AppResult<Vec<FieldError>> {
    with_app(&state, |a| Ok(a.validate_partnership(&input)))
}

#[tauri::command(async)]
fn agreement_validate(state: State<'_, Shared>, text: AgreementText) -> AppResult<Vec<FieldError>> {
    with_app(&state, |a| Ok(a.validate_agreement_text(&text)))
}

#[tauri::command(async)]
fn partnership_create(state: State<'_, Shared>, input: PartnershipInput) -> AppResult<Partnership> {
    with_app(&state, |a| a.create_partnership(&input))
}

#[tauri::command(async)]
fn partnership_update(
    state: State<'_, Shared>,
    id: String,
    version: u32,
    input: PartnershipInput,
) -> AppResult<Partnership> {
    with_app(&state, |a| a.update_partnership(&id, version, &input))
}

#[tauri::command(async)]
fn partnership_move(
    state: State<'_, Shared>,
    id: String,
    stage: Stage,
    reason: Option<String>,
) -> AppResult<Partnership> {
    with_app(&state, |a| {
        a.move_partnership(&id, stage, reason.as_deref())
    })
}

#[tauri::command(async)]
fn partnership_note(state: State<'_, Shared>, id: String, text: String) -> AppResult<Partnership> {
    with_app(&state, |a| a.add_partnership_note(&id, &text))
}

#[tauri::command(async)]
fn partnership_action_done(
    state: State<'_, Shared>,
    id: String,
    index: usize,
) -> AppResult<Partnership> {
    with_app(&state, |a| a.complete_partnership_action(&id, index))
}

/// Records a dated value of indicator `index`; `on` is "YYYY-MM-DD", today
/// when absent; `version` (what the page loaded) refuses a stale measure.
#[tauri::command(async)]
fn partnership_measure(
    state: State<'_, Shared>,
    id: String,
    version: Option<u32>,
    index: usize,
    on: Option<String>,
    value: f64,
) -> AppResult<Partnership> {
    let on = on
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|text| tisserand_domain::text::parse_date("on", text))
        .transpose()
        .map_err(AppError::field)?;
    with_app(&state, |a| {
        a.record_indicator_value(&id, version, index, on, value)
    })
}

#[tauri::command(async)]
fn partnership_delete(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.delete_partnership(&id))
}

#[tauri::command(async)]
fn partnership_restore(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.restore_partnership(&id))
}

#[tauri::command(async)]
fn partnership_classify(
    state: State<'_, Shared>,
    yes: Vec<Question>,
) -> AppResult<ClassificationProposal> {
    with_app(&state, |a| Ok(a.classify_partnership(&yes)))
}

#[tauri::command(async)]
fn partnerships_board(
    state: State<'_, Shared>,
    query: PartnershipQuery,
    per_column: u32,
) -> AppResult<Board> {
    with_app(&state, |a| a.partnership_board(&query, per_column))
}

#[tauri::command(async)]
fn partnerships_page(
    state: State<'_, Shared>,
    query: PartnershipQuery,
    sort: PartnershipSort,
    descending: bool,
    offset: u32,
    limit: u32,
) -> AppResult<PartnershipPage> {
    with_app(&state, |a| {
        a.partnership_page(&query, sort, descending, offset, limit)
    })
}

#[tauri::command(async)]
fn partnerships_overview(state: State<'_, Shared>) -> AppResult<Overview> {
    with_app(&state, |a| a.partnership_overview())
}

#[tauri::command(async)]
fn actor_possibilities(
    state: State<'_, Shared>,
    id: String,
    limit: u32,
) -> AppResult<Vec<Possibility>> {
    with_app(&state, |a| a.possibilities(&id, limit))
}

#[tauri::command(async)]
fn partnership_essaimer(
    state: State<'_, Shared>,
    id: String,
    plan: EssaimagePlan,
) -> AppResult<Partnership> {
    with_app(&state, |a| a.essaimer(&id, &plan))
}

pub(crate) fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app_info,
        actors_list,
        contacts_list,
        actors_facets,
        actor_get,
        actor_validate,
        association_register_hint,
        actor_create,
        actor_update,
        actor_delete,
        actor_ties,
        actor_restore,
        contact_validate,
        contact_create,
        contact_update,
        contact_delete,
        contact_restore,
        search,
        communes_search,
        demo_load,
        partnerships_list,
        partnership_get,
        partnership_validate,
        agreement_validate,
        partnership_create,
        partnership_update,
        partnership_move,
        partnership_note,
        partnership_action_done,
        partnership_measure,
        partnership_delete,
        partnership_restore,
        partnership_classify,
        partnerships_board,
        partnerships_page,
        partnerships_overview,
        actor_possibilities,
        partnership_essaimer,
        crate::documents::document_save,
        crate::documents::briefs_export,
        crate::documents::briefs_export_cancel,
        crate::documents::partnership_agreement_set,
        crate::event::events_list,
        crate::event::event_get,
        crate::event::event_validate,
        crate::event::event_create,
        crate::event::event_update,
        crate::event::event_delete,
        crate::event::event_restore,
        crate::event::event_participant_add,
        crate::event::event_quick_add,
        crate::event::event_participant_remove,
        crate::event::event_participant_change,
        crate::event::event_wish_set,
        crate::event::event_plan,
        crate::event::event_room,
        crate::event::event_room_open,
        crate::event::window_fullscreen,
        crate::event::window_close,
        crate::event::event_capture,
        crate::event::event_leads,
        crate::event::follow_up_done,
        crate::event::follow_ups_open,
        crate::event::event_report,
        crate::event::events_year_report,
        crate::event::event_pack_save,
        crate::dialog::file_pick,
        crate::import::import_preview,
        crate::import::import_run,
        crate::import::import_cancel,
        crate::import::imports_list,
        crate::import::import_undo,
        crate::backups::backups_list,
        crate::backups::backup_create,
        crate::backups::backup_restore,
        crate::export::export_save,
        crate::export::export_all_save,
        crate::export::contacts_export_save,
        crate::duplicates::duplicates_scan,
        crate::duplicates::duplicates_merge,
        crate::duplicates::merge_undo,
        crate::duplicates::merges_list,
        crate::duplicates::duplicate_dismiss,
        crate::person::person_get,
        crate::person::person_export_save,
        crate::person::person_erase,
        crate::person::person_name_matches,
    ]
}
