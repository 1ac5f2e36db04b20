//! Partnerships: who takes part (parties and roles), which of Le RAMEAU's
//! modes, what each one brings (contributions, counterparts), where it stands
//! in the pipeline (stages, timeline) and what comes next (actions).

mod contributions;
mod objectives;
mod parties;
mod stage;
#[cfg(test)]
mod tests;
mod timeline;
mod typed;
mod validate;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::Clock;
use crate::impact::{
    evaluation_state, is_unmeasured, unmeasured_cutoff, EvaluationState, PartyEvaluation,
};
use crate::rameau::RameauMode;
use crate::valid::Valid;

pub use contributions::{
    format_euros, mecenat_balance, parse_euros, parse_hours, totals, Contribution,
    ContributionKind, Counterpart, MecenatBalance, PartyTotal, Totals, AMOUNT_MAX_CENTS,
    COUNTERPART_LIMIT_PERCENT, MINUTES_MAX, TAX_REDUCTION_PERCENT,
};
pub use objectives::{
    is_overdue, Indicator, Measure, NextAction, Objective, ObjectiveAxis, INDICATOR_MAX,
};
pub use parties::{Modes, Party, PartyRole};
pub use stage::{days_in_stage, Stage};
pub use timeline::{MergedEntity, TimelineEntry, TimelineFact};
pub use typed::{parse_decimal, parse_row, ReadRow, RowValues, TypedRow};

/// Most parties, contributions, counterparts, actions or communes on one partnership.
pub const ITEMS_MAX: usize = 200;

/// What a form or the command line sends to create or edit a partnership.
/// The stage and the timeline are not part of it: they change through moves
/// and notes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PartnershipInput {
    pub title: String,
    pub summary: Option<String>,
    /// Commune INSEE codes.
    pub territory: Vec<String>,
    pub parties: Vec<Party>,
    pub modes: Modes,
    pub contributions: Vec<Contribution>,
    pub counterparts: Vec<Counterpart>,
    pub facilitator: Option<String>,
    pub tags: Vec<String>,
    pub origin: Option<String>,
    pub next_actions: Vec<NextAction>,
    pub objectives: Vec<Objective>,
    pub indicators: Vec<Indicator>,
}

/// A partnership input that passed validation (texts trimmed, empty ones
/// absent, tags and communes deduplicated).
pub type ValidPartnership = Valid<PartnershipInput>;

/// A partnership as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Partnership {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub territory: Vec<String>,
    pub parties: Vec<Party>,
    pub modes: Modes,
    pub contributions: Vec<Contribution>,
    pub counterparts: Vec<Counterpart>,
    pub facilitator: Option<String>,
    pub tags: Vec<String>,
    pub origin: Option<String>,
    pub next_actions: Vec<NextAction>,
    pub objectives: Vec<Objective>,
    pub indicators: Vec<Indicator>,
    pub stage: Stage,
    /// Why it was abandoned, while it is.
    pub abandon_reason: Option<String>,
    /// Oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Increases on every write; an edit sends the version it loaded.
    pub version: u32,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
    /// When it entered its current stage.
    #[ts(type = "string")]
    pub stage_changed_at: DateTime<Utc>,
    /// The partnership this one was spread from (« essaimé depuis »).
    #[serde(default)]
    pub spawned_from: Option<String>,
    /// How each party judged it, oldest first.
    #[serde(default)]
    pub evaluations: Vec<PartyEvaluation>,
}

impl Partnership {
    /// The input that would recreate this partnership, for edit forms.
    #[must_use]
    pub fn to_input(&self) -> PartnershipInput {
        PartnershipInput {
            title: self.title.clone(),
            summary: self.summary.clone(),
            territory: self.territory.clone(),
            parties: self.parties.clone(),
            modes: self.modes.clone(),
            contributions: self.contributions.clone(),
            counterparts: self.counterparts.clone(),
            facilitator: self.facilitator.clone(),
            tags: self.tags.clone(),
            origin: self.origin.clone(),
            next_actions: self.next_actions.clone(),
            objectives: self.objectives.clone(),
            indicators: self.indicators.clone(),
        }
    }

    /// Where it stands on its evaluation by its partners.
    #[must_use]
    pub fn evaluation_state(&self) -> EvaluationState {
        evaluation_state(&self.parties, &self.evaluations)
    }

    /// The totals of what each party brings and, for mécénat, the balance.
    #[must_use]
    pub fn totals(&self) -> Totals {
        totals(
            &self.parties,
            &self.modes,
            &self.contributions,
            &self.counterparts,
        )
    }
}

/// A party in a list, with its actor's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartySummary {
    pub actor_id: String,
    pub actor_name: String,
    pub role: PartyRole,
}

/// One row of the partnership list or board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartnershipSummary {
    pub id: String,
    pub title: String,
    pub stage: Stage,
    pub modes: Modes,
    pub parties: Vec<PartySummary>,
    pub facilitator: Option<String>,
    /// The earliest due date of the actions not done.
    #[ts(type = "string | null")]
    pub next_due_on: Option<NaiveDate>,
    /// What to do next: the earliest due action not done, else the first not done.
    pub next_action: Option<String>,
    /// « En retard »: `next_due_on` is before the caller's today.
    pub overdue: bool,
    /// When the partnership entered its current stage (for "days in stage").
    #[ts(type = "string")]
    pub stage_changed_at: DateTime<Utc>,
    /// Whole days at this stage on the caller's calendar (0 today).
    pub days_in_stage: u32,
    pub tags: Vec<String>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
    /// Where it stands on its evaluation by its partners.
    pub evaluation: EvaluationState,
    /// Some indicator has a measure.
    pub measured: bool,
    /// « Sans mesure » : in « mise en œuvre » for more than six months on
    /// the caller's calendar without any measure.
    pub unmeasured: bool,
}

impl PartnershipSummary {
    /// The summary with `overdue`, `days_in_stage` and `unmeasured` set on
    /// `clock`'s today.
    #[must_use]
    pub fn on(mut self, clock: Clock) -> Self {
        self.overdue = is_overdue(self.next_due_on, clock.today());
        self.days_in_stage = days_in_stage(self.stage_changed_at, clock);
        self.unmeasured = is_unmeasured(self.stage, self.stage_changed_at, self.measured, clock);
        self
    }
}

/// Filters of the partnership list. Empty filters match everything.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PartnershipQuery {
    /// Primary or secondary mode (primary only with `primary_only`).
    pub mode: Option<RameauMode>,
    /// `mode` matches the primary mode only (the overview counts by it).
    pub primary_only: bool,
    /// Only partnerships with no mode chosen yet.
    pub unclassified: bool,
    pub stage: Option<Stage>,
    /// A party's actor id.
    pub actor_id: Option<String>,
    /// A commune (INSEE code) of the territory.
    pub commune: Option<String>,
    /// A département code of the territory.
    pub departement: Option<String>,
    /// The facilitator in charge, as written (case and accents ignored).
    pub facilitator: Option<String>,
    pub tag: Option<String>,
    /// Only partnerships with an action not done past its due date.
    pub overdue: bool,
    /// Words of the title (accents and case ignored).
    pub text: Option<String>,
    /// Only partnerships in « mise en œuvre » for more than six months
    /// without any measure (see `impact::is_unmeasured`).
    pub unmeasured: bool,
    /// The instant `unmeasured` compares the stage change with, set from
    /// the caller's clock by [`PartnershipQuery::on`]; never sent.
    #[serde(skip)]
    #[ts(skip)]
    pub unmeasured_before: Option<DateTime<Utc>>,
}

impl PartnershipQuery {
    /// The query with the « sans mesure » cutoff on `clock`'s calendar.
    #[must_use]
    pub fn on(mut self, clock: Clock) -> Self {
        self.unmeasured_before = Some(unmeasured_cutoff(clock));
        self
    }
}

/// A partnership page: the partnership, its parties' names and its totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartnershipDetail {
    pub partnership: Partnership,
    /// The parties with their actors' names, in order.
    pub parties: Vec<PartySummary>,
    pub totals: Totals,
    /// The partnership it was spread from, if it still exists.
    pub spawned_from: Option<PartnershipLink>,
    /// The live partnerships spread from it, oldest first.
    pub children: Vec<PartnershipLink>,
    /// The agreement's preamble and free clauses.
    pub agreement: crate::agreement::AgreementText,
    /// The limits its editor counts against.
    pub agreement_limits: crate::agreement::AgreementLimits,
    /// Indexes (from 0) of the next actions late on the caller's today.
    pub overdue_actions: Vec<u32>,
    /// Whole days at its stage on the caller's calendar (0 today).
    pub days_in_stage: u32,
    /// The « Évaluation » section: state, latest answers, contributions' value.
    pub evaluation: crate::impact::EvaluationView,
}

/// Another partnership named on a page: essaimage origin or child.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartnershipLink {
    pub id: String,
    pub title: String,
    pub stage: Stage,
    /// Its territory's communes, by name.
    pub places: Vec<String>,
}
