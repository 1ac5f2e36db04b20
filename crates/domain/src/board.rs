//! What the pipeline screens read: the board's columns (first cards and a
//! count per stage), a sortable page of the list view, and the overview's
//! counts.

use crate::clock::Clock;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::partnership::{PartnershipSummary, Stage};
use crate::rameau::RameauMode;

/// One column of the board: the stage's first cards in board order, and how
/// many match in all (the column loads more on demand).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BoardColumn {
    pub stage: Stage,
    /// Where Alt+← moves a card of this column (`Stage::previous`).
    pub previous: Option<Stage>,
    /// Where Alt+→ moves a card of this column (`Stage::next`).
    pub next: Option<Stage>,
    pub total: u32,
    pub cards: Vec<PartnershipSummary>,
}

/// The board: one column per stage, in pipeline order, `abandonne` last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Board {
    pub columns: Vec<BoardColumn>,
    /// Partnerships matching the filters, every stage together.
    pub total: u32,
}

impl Board {
    /// The board with each card's `overdue` and `days_in_stage` set on `clock`'s today.
    #[must_use]
    pub fn on(mut self, clock: Clock) -> Self {
        for column in &mut self.columns {
            column.cards = std::mem::take(&mut column.cards)
                .into_iter()
                .map(|c| c.on(clock))
                .collect();
        }
        self
    }
}

/// The list view's sort keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PartnershipSort {
    /// By stage in pipeline order, then title: the board's order.
    #[default]
    Stage,
    Title,
    /// By primary mode in the scale's order, unclassified last.
    Mode,
    Facilitator,
    /// Longest in its stage first (ascending `stage_changed_at`).
    DaysInStage,
    /// Earliest next due date first; none last.
    NextDue,
    /// Most recently changed first.
    Updated,
}

/// One page of the list view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartnershipPage {
    pub items: Vec<PartnershipSummary>,
    /// How many match in all.
    pub total: u32,
}

impl PartnershipPage {
    /// The page with each row's `overdue` and `days_in_stage` set on `clock`'s today.
    #[must_use]
    pub fn on(mut self, clock: Clock) -> Self {
        self.items = self.items.into_iter().map(|c| c.on(clock)).collect();
        self
    }
}

/// A count of partnerships in one cell of the mode × stage matrix. `mode`
/// is the primary mode; `None` for partnerships not classified yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MatrixCell {
    pub mode: Option<RameauMode>,
    pub stage: Stage,
    pub count: u32,
}

/// A count by département, facilitator or tag; `code` is what a filter
/// takes, `label` what a person reads (the département's name; `code` empty
/// for partnerships with no facilitator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CountBy {
    pub code: String,
    pub label: String,
    pub count: u32,
}

/// The overview of every live partnership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Overview {
    pub total: u32,
    /// Non-empty cells only.
    pub matrix: Vec<MatrixCell>,
    /// A partnership whose territory spans two départements counts in both;
    /// `code` "" counts those with no territory.
    pub by_departement: Vec<CountBy>,
    pub by_facilitator: Vec<CountBy>,
    pub by_tag: Vec<CountBy>,
    /// Partnerships with an action past its due date.
    pub overdue: u32,
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::partnership::{is_overdue, NextAction};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_due_date_before_today_is_overdue_and_today_is_not_yet() {
        let today = day("2026-11-26");
        assert!(is_overdue(Some(day("2026-11-25")), today));
        assert!(!is_overdue(Some(day("2026-11-26")), today));
        assert!(!is_overdue(Some(day("2026-12-01")), today));
        assert!(!is_overdue(None, today));
    }

    #[test]
    fn a_done_action_is_never_overdue() {
        let today = day("2026-11-26");
        let mut action = NextAction {
            text: "Relancer".into(),
            owner: None,
            due_on: Some(day("2026-11-20")),
            done: false,
        };
        assert!(action.is_overdue(today));
        action.done = true;
        assert!(!action.is_overdue(today));
    }
}
