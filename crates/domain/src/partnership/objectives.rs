//! What comes next and what is expected: next actions, objectives and the
//! indicators that measure them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::impact::{ImpactTheme, IndicatorLevel};

/// Something to do next, by someone, by a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NextAction {
    pub text: String,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub due_on: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

impl NextAction {
    /// « En retard »: not done and due strictly before `today` (an action
    /// due today is not late yet).
    #[must_use]
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.done && is_overdue(self.due_on, today)
    }
}

/// A due date strictly before `today` is overdue; none never is.
#[must_use]
pub fn is_overdue(due_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    due_on.is_some_and(|d| d < today)
}

/// The four objectives of Le RAMEAU's "carré magique", the same for every party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ObjectiveAxis {
    /// Human resources and skills.
    RessourcesHumaines,
    /// Relations with stakeholders.
    RelationsPartiesPrenantes,
    Innovation,
    /// Financial resources or economic performance.
    PerformanceEconomique,
}

/// What a party (or the common good) expects from the partnership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Objective {
    /// The party (actor id) it belongs to; `None` for the common good.
    #[serde(default)]
    pub actor_id: Option<String>,
    #[serde(default)]
    pub axis: Option<ObjectiveAxis>,
    pub text: String,
}

/// One measured value of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Measure {
    #[ts(type = "string")]
    pub on: NaiveDate,
    pub value: f64,
}

/// Something counted to see whether an objective is met: children who
/// attended a show, people back in work at 3 months, tonnes diverted…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Indicator {
    pub name: String,
    /// As typed, except that a standard unit's spelling (« pers. ») is
    /// stored as its French label (« personnes ») on validation.
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub baseline: Option<f64>,
    #[serde(default)]
    pub target: Option<f64>,
    /// Oldest first.
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Where it sits on the value chain, once said.
    #[serde(default)]
    pub level: Option<IndicatorLevel>,
    /// The shared theme it counts towards, once said.
    #[serde(default)]
    pub theme: Option<ImpactTheme>,
}

/// The largest magnitude accepted for an indicator's value.
pub const INDICATOR_MAX: f64 = 1e12;
