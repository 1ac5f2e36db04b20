//! Speed-dating events. For now the planner alone: who meets whom, in which
//! round, at which table, for an event described as data (the CLI's
//! `event plan`); events stored in the database come with issue 5's next
//! slices.

use tisserand_domain::planner::{self, Plan, PlanInput};

use crate::AppResult;

/// Plans (or re-plans, with `played`) an event optimally.
///
/// # Errors
/// `Invalid` naming what is wrong with the event (no rounds, more seated
/// people than tables, a wish naming someone unknown…).
pub fn plan_event(input: &PlanInput) -> AppResult<Plan> {
    Ok(planner::plan(input)?)
}

/// The round-by-round greedy plan of the same event, for comparison.
///
/// # Errors
/// As `plan_event`.
pub fn greedy_plan(input: &PlanInput) -> AppResult<Plan> {
    Ok(planner::greedy_plan(input)?)
}
