//! The drill-down: which partnerships are behind a figure of the Impact page.
//! Membership uses the very rules the figures count with (figures.rs).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::figures::{
    counted_indicators, evaluated_on, in_scope, is_signed, met_at_events_first, year_event_on,
    ImpactData, ImpactRow, YearEvent,
};
use super::{ImpactFilters, ImpactTheme, IndicatorLevel, BENEFICIAIRES};
use crate::actor::ActorKind;
use crate::partnership::{ContributionKind, Stage};
use crate::rameau::RameauMode;

/// A step of the funnel that partnerships make up (meetings are not
/// partnerships).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FunnelStep {
    Leads,
    Signed,
    Evaluated,
}

/// Which count of a year was clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum YearStep {
    Started,
    Signed,
    Evaluated,
}

/// The figure clicked on the Impact page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "slice")]
#[ts(export)]
pub enum ImpactSlice {
    /// Every partnership in scope.
    All,
    /// A bar segment: current stage and primary mode (`None`: not classified).
    StageMode {
        stage: Stage,
        mode: Option<RameauMode>,
    },
    /// Partnerships with a party of this kind.
    #[serde(rename_all = "camelCase")]
    ActorKind {
        actor_kind: ActorKind,
    },
    /// Partnerships with a party met at an event before its first partnership.
    MetAtEvents,
    /// Signed partnerships of this primary mode with a contribution of this kind.
    #[serde(rename_all = "camelCase")]
    Contribution {
        contribution_kind: ContributionKind,
        mode: Option<RameauMode>,
    },
    /// Partnerships adding to one indicator total.
    #[serde(rename_all = "camelCase")]
    Indicator {
        theme: Option<ImpactTheme>,
        level: Option<IndicatorLevel>,
        unit_key: String,
    },
    /// Partnerships adding to the beneficiaries.
    Beneficiaries,
    Signed,
    Evaluated,
    Funnel {
        step: FunnelStep,
    },
    Year {
        year: i32,
        step: YearStep,
    },
}

/// Whether `row` (in scope or not) is behind the figure `slice`.
#[must_use]
pub fn in_slice(
    row: &ImpactRow,
    slice: &ImpactSlice,
    data: &ImpactData,
    f: &ImpactFilters,
) -> bool {
    if !in_scope(row, f) {
        return false;
    }
    let has_party = |keep: &dyn Fn(&super::figures::ImpactActor) -> bool| {
        row.parties
            .iter()
            .filter_map(|id| data.actors.get(id))
            .any(keep)
    };
    match slice {
        ImpactSlice::All => true,
        ImpactSlice::StageMode { stage, mode } => row.stage == *stage && row.mode == *mode,
        ImpactSlice::ActorKind { actor_kind } => has_party(&|a| a.kind == *actor_kind),
        ImpactSlice::MetAtEvents => has_party(&met_at_events_first),
        ImpactSlice::Contribution {
            contribution_kind,
            mode,
        } => {
            is_signed(row, f)
                && row.mode == *mode
                && row.contributions.iter().any(|c| c.0 == *contribution_kind)
        }
        ImpactSlice::Indicator {
            theme,
            level,
            unit_key,
        } => counted_indicators(row, f)
            .any(|(k, _, _)| k.0 == *theme && k.1 == *level && k.2 == unit_key.as_str()),
        ImpactSlice::Beneficiaries => {
            counted_indicators(row, f).any(|(k, _, _)| k.2 == BENEFICIAIRES)
        }
        ImpactSlice::Signed => is_signed(row, f),
        ImpactSlice::Evaluated => evaluated_on(row, f).is_some(),
        ImpactSlice::Funnel { step } => {
            row.lead
                && match step {
                    FunnelStep::Leads => true,
                    FunnelStep::Signed => is_signed(row, f),
                    FunnelStep::Evaluated => evaluated_on(row, f).is_some(),
                }
        }
        ImpactSlice::Year { year, step } => {
            let event = match step {
                YearStep::Started => YearEvent::Started,
                YearStep::Signed => YearEvent::Signed,
                YearStep::Evaluated => YearEvent::Evaluated,
            };
            year_event_on(row, event, f).is_some_and(|d| chrono::Datelike::year(&d) == *year)
        }
    }
}

/// The ids of the partnerships behind `slice`, in the rows' order.
#[must_use]
pub fn slice_ids(data: &ImpactData, slice: &ImpactSlice, f: &ImpactFilters) -> Vec<String> {
    data.rows
        .iter()
        .filter(|r| in_slice(r, slice, data, f))
        .map(|r| r.id.clone())
        .collect()
}
