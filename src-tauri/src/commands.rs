//! One thin `#[tauri::command]` per use case of the `app` crate. Commands
//! run off the main thread (`async`), so the window never freezes.

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use tauri::State;
use tisserand_app::{App, AppError, AppInfo, AppResult, DemoSummary, ErrorKind};
use tisserand_domain::{
    Actor, ActorDetail, ActorInput, ActorPage, ActorQuery, ClassificationProposal,
    ClassificationQuestion, Commune, Contact, ContactInput, ContactPage, ContactQuery, Facets,
    FieldError, Partnership, PartnershipDetail, PartnershipInput, PartnershipQuery,
    PartnershipSummary, Question, SearchHit, Stage,
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
fn get_app_info(state: State<'_, Shared>) -> AppResult<AppInfo> {
    // The window asks for this first, once its page has loaded: the moment
    // it becomes usable (scripts/bench-window.sh reads this line).
    static FIRST: std::sync::Once = std::sync::Once::new();
    FIRST.call_once(|| {
        let ms = crate::STARTED.get().map_or(0, |t| t.elapsed().as_millis());
        tracing::info!(ms, "window ready: first call from the page");
    });
    with_app(&state, |a| a.get_app_info())
}

#[tauri::command(async)]
fn list_actors(state: State<'_, Shared>, query: ActorQuery) -> AppResult<ActorPage> {
    with_app(&state, |a| a.list_actors(&query))
}

#[tauri::command(async)]
fn list_contacts(state: State<'_, Shared>, query: ContactQuery) -> AppResult<ContactPage> {
    with_app(&state, |a| a.list_contacts(&query))
}

#[tauri::command(async)]
fn get_actor_facets(state: State<'_, Shared>) -> AppResult<Facets> {
    with_app(&state, |a| a.get_actor_facets())
}

#[tauri::command(async)]
fn get_actor(state: State<'_, Shared>, id: String) -> AppResult<ActorDetail> {
    with_app(&state, |a| a.get_actor(&id, crate::clock::now()))
}

#[tauri::command(async)]
fn validate_actor(state: State<'_, Shared>, input: ActorInput) -> AppResult<Vec<FieldError>> {
    with_app(&state, |a| Ok(a.validate_actor(&input)))
}

#[tauri::command(async)]
fn get_association_register_hint(
    state: State<'_, Shared>,
    commune_insee: Option<String>,
) -> AppResult<RegisterHint> {
    with_app(&state, |a| {
        Ok(a.get_association_register_hint(commune_insee.as_deref()))
    })
}

#[tauri::command(async)]
fn create_actor(state: State<'_, Shared>, input: ActorInput) -> AppResult<Actor> {
    with_app(&state, |a| a.create_actor(&input))
}

#[tauri::command(async)]
fn update_actor(state: State<'_, Shared>, id: String, input: ActorInput) -> AppResult<Actor> {
    with_app(&state, |a| a.update_actor(&id, &input))
}

#[tauri::command(async)]
fn delete_actor(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.delete_actor(&id))
}

#[tauri::command(async)]
fn get_actor_ties(state: State<'_, Shared>, id: String) -> AppResult<tisserand_domain::ActorTies> {
    with_app(&state, |a| a.get_actor_ties(&id))
}

#[tauri::command(async)]
fn restore_actor(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.restore_actor(&id))
}

#[tauri::command(async)]
fn validate_contact(state: State<'_, Shared>, input: ContactInput) -> AppResult<Vec<FieldError>> {
    with_app(&state, |a| Ok(a.validate_contact(&input)))
}

#[tauri::command(async)]
fn create_contact(state: State<'_, Shared>, input: ContactInput) -> AppResult<Contact> {
    with_app(&state, |a| a.create_contact(&input))
}

#[tauri::command(async)]
fn update_contact(state: State<'_, Shared>, id: String, input: ContactInput) -> AppResult<Contact> {
    with_app(&state, |a| a.update_contact(&id, &input))
}

#[tauri::command(async)]
fn delete_contact(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.delete_contact(&id))
}

#[tauri::command(async)]
fn restore_contact(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.restore_contact(&id))
}

#[tauri::command(async)]
fn search(state: State<'_, Shared>, text: String, limit: u32) -> AppResult<Vec<SearchHit>> {
    with_app(&state, |a| a.search(&text, limit))
}

#[tauri::command(async)]
fn search_communes(state: State<'_, Shared>, text: String, limit: u32) -> AppResult<Vec<Commune>> {
    with_app(&state, |a| a.search_communes(&text, limit))
}

#[tauri::command(async)]
fn load_demo(state: State<'_, Shared>) -> AppResult<DemoSummary> {
    with_app(&state, |a| a.load_demo(crate::clock::now()))
}

#[tauri::command(async)]
fn list_partnerships(
    state: State<'_, Shared>,
    query: PartnershipQuery,
) -> AppResult<Vec<PartnershipSummary>> {
    with_app(&state, |a| a.list_partnerships(&query, crate::clock::now()))
}

#[tauri::command(async)]
fn get_partnership(state: State<'_, Shared>, id: String) -> AppResult<PartnershipDetail> {
    with_app(&state, |a| a.get_partnership(&id, crate::clock::now()))
}

#[tauri::command(async)]
fn validate_partnership(
    state: State<'_, Shared>,
    input: PartnershipInput,
) -> AppResult<Vec<FieldError>> {
    with_app(&state, |a| Ok(a.validate_partnership(&input)))
}

#[tauri::command(async)]
fn parse_partnership_row(
    state: State<'_, Shared>,
    typed: tisserand_domain::partnership::TypedRow,
) -> AppResult<tisserand_domain::partnership::ReadRow> {
    with_app(&state, |a| Ok(a.parse_partnership_row(&typed)))
}

#[tauri::command(async)]
fn validate_agreement_text(
    state: State<'_, Shared>,
    text: AgreementText,
) -> AppResult<Vec<FieldError>> {
    with_app(&state, |a| Ok(a.validate_agreement_text(&text)))
}

#[tauri::command(async)]
fn create_partnership(state: State<'_, Shared>, input: PartnershipInput) -> AppResult<Partnership> {
    with_app(&state, |a| a.create_partnership(&input))
}

#[tauri::command(async)]
fn update_partnership(
    state: State<'_, Shared>,
    id: String,
    version: u32,
    input: PartnershipInput,
) -> AppResult<Partnership> {
    with_app(&state, |a| a.update_partnership(&id, version, &input))
}

#[tauri::command(async)]
fn move_partnership(
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
fn note_partnership(state: State<'_, Shared>, id: String, text: String) -> AppResult<Partnership> {
    with_app(&state, |a| a.note_partnership(&id, &text))
}

#[tauri::command(async)]
fn complete_partnership_action(
    state: State<'_, Shared>,
    id: String,
    index: usize,
) -> AppResult<Partnership> {
    with_app(&state, |a| a.complete_partnership_action(&id, index))
}

/// Undoes marking next action `index` done (Accueil's and the page's undo).
#[tauri::command(async)]
fn reopen_partnership_action(
    state: State<'_, Shared>,
    id: String,
    index: usize,
) -> AppResult<Partnership> {
    with_app(&state, |a| a.reopen_partnership_action(&id, index))
}

/// The Accueil page on today's local date.
#[tauri::command(async)]
fn get_home(state: State<'_, Shared>) -> AppResult<tisserand_domain::home::Home> {
    with_app(&state, |a| a.get_home(crate::clock::now()))
}

/// Records a dated value of indicator `index`; `on` is "YYYY-MM-DD", today
/// when absent; `version` (what the page loaded) refuses a stale measure.
#[tauri::command(async)]
fn measure_partnership(
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
        a.measure_partnership(&id, version, index, on, value)
    })
}

#[tauri::command(async)]
fn delete_partnership(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.delete_partnership(&id))
}

#[tauri::command(async)]
fn restore_partnership(state: State<'_, Shared>, id: String) -> AppResult<()> {
    with_app(&state, |a| a.restore_partnership(&id))
}

#[tauri::command(async)]
fn classify_partnership(
    state: State<'_, Shared>,
    yes: Vec<Question>,
) -> AppResult<ClassificationProposal> {
    with_app(&state, |a| Ok(a.classify_partnership(&yes)))
}

#[tauri::command(async)]
fn list_classification_questions(
    state: State<'_, Shared>,
) -> AppResult<Vec<ClassificationQuestion>> {
    with_app(&state, |a| Ok(a.list_classification_questions()))
}

#[tauri::command(async)]
fn get_partnership_board(
    state: State<'_, Shared>,
    query: PartnershipQuery,
    per_column: u32,
) -> AppResult<Board> {
    with_app(&state, |a| {
        a.get_partnership_board(&query, per_column, crate::clock::now())
    })
}

#[tauri::command(async)]
fn get_partnership_page(
    state: State<'_, Shared>,
    query: PartnershipQuery,
    sort: PartnershipSort,
    descending: bool,
    offset: u32,
    limit: u32,
) -> AppResult<PartnershipPage> {
    with_app(&state, |a| {
        a.get_partnership_page(&query, sort, descending, offset, limit, crate::clock::now())
    })
}

#[tauri::command(async)]
fn get_partnership_overview(state: State<'_, Shared>) -> AppResult<Overview> {
    with_app(&state, |a| a.get_partnership_overview())
}

#[tauri::command(async)]
fn list_possibles(state: State<'_, Shared>, id: String, limit: u32) -> AppResult<Vec<Possibility>> {
    with_app(&state, |a| a.list_possibles(&id, limit))
}

#[tauri::command(async)]
fn essaimer_partnership(
    state: State<'_, Shared>,
    id: String,
    plan: EssaimagePlan,
) -> AppResult<Partnership> {
    with_app(&state, |a| a.essaimer_partnership(&id, &plan))
}

pub(crate) fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        get_app_info,
        list_actors,
        list_contacts,
        get_actor_facets,
        get_actor,
        validate_actor,
        get_association_register_hint,
        create_actor,
        update_actor,
        delete_actor,
        get_actor_ties,
        restore_actor,
        validate_contact,
        create_contact,
        update_contact,
        delete_contact,
        restore_contact,
        search,
        search_communes,
        load_demo,
        list_partnerships,
        get_partnership,
        validate_partnership,
        parse_partnership_row,
        validate_agreement_text,
        create_partnership,
        update_partnership,
        move_partnership,
        note_partnership,
        complete_partnership_action,
        reopen_partnership_action,
        get_home,
        measure_partnership,
        delete_partnership,
        restore_partnership,
        classify_partnership,
        list_classification_questions,
        get_partnership_board,
        get_partnership_page,
        get_partnership_overview,
        list_possibles,
        essaimer_partnership,
        crate::documents::save_document,
        crate::documents::export_briefs,
        crate::documents::cancel_briefs_export,
        crate::documents::set_partnership_agreement,
        crate::event::list_events,
        crate::event::get_event,
        crate::event::get_event_input,
        crate::event::validate_event,
        crate::event::create_event,
        crate::event::update_event,
        crate::event::delete_event,
        crate::event::restore_event,
        crate::event::add_event_participant,
        crate::event::quick_add_event_participant,
        crate::event::remove_event_participant,
        crate::event::change_event_participant,
        crate::event::set_event_wish,
        crate::event::list_event_wish_suggestions,
        crate::event::accept_event_wish_suggestions,
        crate::event::plan_event,
        crate::event::run_event_room,
        crate::event::open_event_room,
        crate::event::set_fullscreen,
        crate::event::close_window,
        crate::event::capture_event_meeting,
        crate::event::create_event_leads,
        crate::event::set_follow_up_done,
        crate::event::list_open_follow_ups,
        crate::event::get_event_report,
        crate::event::get_events_year_report,
        crate::event::save_event_pack,
        crate::dialog::pick_file,
        crate::import::preview_import,
        crate::import::validate_import_mapping,
        crate::import::import_actors,
        crate::import::cancel_import,
        crate::import::list_imports,
        crate::import::undo_import,
        crate::backup::list_backups,
        crate::backup::create_backup,
        crate::backup::restore_backup,
        crate::export::save_export,
        crate::export::save_export_all,
        crate::export::save_contacts_export,
        crate::duplicate::scan_duplicates,
        crate::duplicate::get_merge_preview,
        crate::duplicate::merge_duplicates,
        crate::duplicate::undo_merge,
        crate::duplicate::list_merges,
        crate::duplicate::dismiss_duplicate,
        crate::person::get_person,
        crate::person::save_person_export,
        crate::person::erase_person,
        crate::person::match_person_name,
        crate::impact::get_impact,
        crate::settings::get_settings,
        crate::settings::validate_settings,
        crate::settings::save_settings,
        crate::settings::set_logo,
        crate::settings::remove_logo,
        crate::settings::open_data_folder,
        crate::settings::save_event_defaults,
        crate::settings::clear_event_defaults,
        crate::backup::copy_backup_now,
        crate::dialog::pick_folder,
        crate::impact::list_impact_partnerships,
        crate::impact::list_impact_stories,
        crate::impact::save_impact_report,
        crate::story::validate_story,
        crate::story::create_story,
        crate::story::update_story,
        crate::story::delete_story,
        crate::story::restore_story,
        crate::story::list_stories,
        crate::story::get_story,
        crate::story::add_story_photo,
        crate::story::update_story_photo,
        crate::story::delete_story_photo,
        crate::story::restore_story_photo,
        crate::story::get_story_photo,
        crate::story::save_story_pdf,
        crate::evaluation::evaluate_partnership,
        crate::evaluation::delete_partnership_evaluation,
    ]
}
