//! Commands of the Impact page: its figures for a set of filters, and the
//! partnerships behind one figure.

// Tauri hands commands their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use tauri::State;
use tisserand_app::AppResult;
use tisserand_domain::impact::{ImpactFigures, ImpactFilters, ImpactSlice};
use tisserand_domain::PartnershipSummary;

use crate::commands::with_app;
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
