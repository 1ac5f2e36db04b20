//! Commands of the Impact page: its figures for a set of filters, the
//! partnerships behind one figure, and the impact report (the stories it
//! may tell, its PDF saved where the person chooses).

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use tauri::{AppHandle, State};
use tisserand_app::{App, AppResult, DialogLabels};
use tisserand_domain::impact::{
    ImpactFigures, ImpactFilters, ImpactReportRequest, ImpactSlice, ReportStoryChoice,
};
use tisserand_domain::PartnershipSummary;

use crate::commands::with_app;
use crate::documents::{ask_save, show};
use crate::Shared;

#[tauri::command(async)]
pub(crate) fn get_impact(
    state: State<'_, Shared>,
    filters: ImpactFilters,
) -> AppResult<ImpactFigures> {
    with_app(&state, |a| a.get_impact(&filters, crate::clock::now()))
}

#[tauri::command(async)]
pub(crate) fn list_impact_partnerships(
    state: State<'_, Shared>,
    filters: ImpactFilters,
    slice: ImpactSlice,
) -> AppResult<Vec<PartnershipSummary>> {
    with_app(&state, |a| {
        a.list_impact_partnerships(&filters, &slice, crate::clock::now())
    })
}

#[tauri::command(async)]
pub(crate) fn list_impact_stories(
    state: State<'_, Shared>,
    filters: ImpactFilters,
) -> AppResult<Vec<ReportStoryChoice>> {
    with_app(&state, |a| {
        a.list_impact_stories(&filters, crate::clock::now())
    })
}

/// Asks where to save the report, then writes it; `None` when the person
/// cancels. The request is checked before the dialog opens.
#[tauri::command(async)]
pub(crate) fn save_impact_report(
    app: AppHandle,
    state: State<'_, Shared>,
    request: ImpactReportRequest,
    labels: Option<DialogLabels>,
) -> AppResult<Option<String>> {
    request.validate().map_err(tisserand_app::AppError::field)?;
    let name = App::impact_report_file_name(&request);
    let Some(path) = ask_save(&app, &name, labels.as_ref(), &["pdf"]) else {
        return Ok(None);
    };
    let bytes = with_app(&state, |a| {
        a.impact_report_pdf(&request, crate::clock::now())
    })?;
    tisserand_app::write_document(&path, &bytes)?;
    show(&path);
    Ok(Some(path.display().to_string()))
}
