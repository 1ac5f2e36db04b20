//! Speed-dating planner: who meets whom, in which round, at which table.
//!
//! One side stays seated (a table each), the other side visits. The planner
//! is pure: the same [`PlanInput`] always gives the byte-identical [`Plan`]
//! (no hash-map order, no randomness, no clock). Times and breaks are not its
//! business: the app turns round numbers into times.
//!
//! # Rules that always hold
//!
//! No pair meets twice (counting the rounds already played); nobody is in two
//! places in a round; a seated participant is always at their own table; a
//! pair where either side said « no » never meets (« no » wins over a « must »
//! in the other direction); excluded pairs (already partners…) never meet;
//! absent participants get no meeting in the rounds still to play; played
//! rounds come back exactly as given, first.
//!
//! # What is optimised, in order
//!
//! Counted over the whole event (played and planned rounds), each level is
//! maximised before the next one is looked at:
//!
//! 1. meetings where both sides said « must » toward each other;
//! 2. other meetings where at least one side said « must »;
//! 3. the fairness floor: the largest `L` such that every present
//!    participant has at least `min(L, ceiling)` meetings, where a
//!    participant's ceiling is what they could get on their own (meetings
//!    played + min(rounds left, partners still allowed)). Someone who
//!    refused everybody cannot hold everyone else's floor down. Maximising
//!    this floor also maximises [`PlanObjective::min_meetings`], the fewest
//!    meetings of any present participant;
//! 4. meetings where at least one side said « would » (and neither « must »);
//! 5. the total number of meetings;
//!
//! then, as tie-breaks, evenness (the sum over present participants of the
//! square of their number of meetings, smallest first) and improbable
//! meetings (both sectors known and different, most first).
//!
//! # Method, and why it is exact
//!
//! Every present participant can take one meeting per round left, so
//! choosing *which* pairs meet is a b-matching on the bipartite graph
//! seated × visitors restricted to the allowed pairs, with `b` = rounds left.
//! Conversely any such choice fits in the rounds left: a bipartite graph of
//! largest degree `R` splits into `R` matchings (König's edge-colouring
//! theorem), which `colouring.rs` computes by alternating paths. So the best
//! schedule is exactly the best b-matching, and the order of rounds does not
//! matter to any objective.
//!
//! The best b-matching is a minimum-cost flow (`flow.rs`): source → seated
//! (one arc per unit of capacity), seated → visitor (one arc per allowed
//! pair), visitor → sink. Levels 1, 2, 4 and 5 and the improbable count are
//! sums over chosen pairs, so they are arc gains on the pair arcs. Evenness is
//! a convex function of each degree: the `k`-th unit arc of a participant who
//! already has `p` meetings costs `(p + k)² − (p + k − 1)²`, increasing with
//! `k`, so a minimum-cost flow uses a participant's units in order and pays
//! exactly the sum of squares. All levels are packed in one `i128` cost with
//! weights chosen so that the largest possible swing of all lower levels is
//! smaller than one unit of the level above (`Weights`): the minimum cost is
//! then the lexicographic optimum. Magnitudes: for 150 × 150 and 15 rounds
//! the top weight is about 8·10²¹ (too much for `i64`, hence `i128`); at the
//! limits [`MAX_SIDE`] × [`MAX_SIDE`] and [`MAX_ROUNDS`] every cost and
//! potential stays below 10³⁶, inside `i128` (1.7·10³⁸).
//!
//! Level 3 is not a sum, so it is searched. For a candidate floor `L`, each
//! participant's first `min(L, ceiling) − played` unit arcs carry a bonus
//! whose weight sits between level 2 and level 4: a soft lower bound, the
//! classic big-M form of a flow with lower bounds. Because the bonus is
//! below levels 1 and 2, levels 1 and 2 are always at their unconstrained
//! optimum, and `L` is reachable without losing them exactly when every bonus
//! unit is used. Reachability is monotone in `L`, so the largest reachable
//! `L` is found by trying its upper bound first (the largest ceiling,
//! lowered by a counting argument on both sides; usually reachable: one
//! solve) and otherwise by binary search, each solve also raising the lower
//! end to the floor it happens to reach. The solve at the best `L` maximises
//! levels 4, 5 and the tie-breaks among all plans that keep levels 1–3 at
//! their optimum, which is the lexicographic optimum.
//!
//! [`greedy_plan`] is the naive baseline (one best matching per round, no
//! global view), kept for the benchmark and the tests.
//!
//! # Re-plan
//!
//! A re-plan is [`plan`] with `played` holding the rounds already held,
//! `absent` updated (late arrivals are simply no longer absent) and
//! quick-added participants as new entries. Only the rounds not yet played
//! are planned; played rounds and their meetings count in every objective
//! (a played meeting of a pair that has since said « no » counts only in the
//! total). Re-planning once every round is played is an error.
//!
//! # Bounds
//!
//! [`PlanBound`] comes from the input alone: for a class of pairs, the
//! played meetings plus `min(Σ seated min(rounds left, class degree),
//! Σ visitors min(rounds left, class degree))`; for the fewest meetings, the
//! smallest ceiling; for the floor, the largest ceiling, lowered while the
//! new meetings it asks of one side exceed what the other side can take.
//! The total is exact: the played meetings plus a maximum b-matching of the
//! allowed pairs (each present participant at most one meeting per round
//! left), by max flow. It is « the possible meetings » every screen shows
//! ([`possible_meetings`]), whether or not the event is planned yet.
//!
//! # Bad input
//!
//! Everything wrong is reported at once as [`ValidationErrors`] (field,
//! French and English message): no or too many rounds, zero tables, an
//! empty or oversized side, more seated participants than tables, a table
//! out of range or taken twice, an id missing, repeated or on both sides,
//! wishes, exclusions or absences naming unknown participants or linking
//! the same side, more played rounds than rounds, and played meetings with
//! unknown people, the wrong table or someone twice in a round. Sectors
//! are compared folded (case and accents ignored). Without `tables`, there
//! are as many tables as seated participants (or the highest table given).

mod colouring;
mod flow;
mod greedy;
mod levels;
mod output;
#[cfg(test)]
mod tests;
mod validate;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ValidationErrors;

use levels::pick;

pub use greedy::greedy_plan;

/// Most rounds an event may have.
pub const MAX_ROUNDS: u32 = 100;
/// Most participants on one side. With [`MAX_ROUNDS`], this keeps the packed
/// lexicographic costs far inside `i128` (below 10³⁶).
pub const MAX_SIDE: usize = 500;

/// A participant of the seated side, with their table (tables are numbered
/// from 1; without one, the next free table in input order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanSeated {
    pub id: String,
    #[serde(default)]
    pub table: Option<u32>,
    #[serde(default)]
    pub sector: Option<String>,
}

/// A participant of the visiting side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanVisitor {
    pub id: String,
    #[serde(default)]
    pub sector: Option<String>,
}

/// How much a participant wants to meet another one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum WishLevel {
    /// « Je dois le rencontrer ».
    Must,
    /// « J'aimerais le rencontrer ».
    Would,
    /// « Non merci »: the pair never meets.
    No,
}

/// A wish from one participant toward someone of the other side (either
/// side may wish).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Wish {
    pub from: String,
    pub to: String,
    pub level: WishLevel,
}

/// One meeting: a visitor at a seated participant's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Meeting {
    pub table: u32,
    pub seated: String,
    pub visitor: String,
}

/// What the planner is asked: the event's shape, its participants, their
/// wishes and, for a re-plan, the rounds already played.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanInput {
    /// Number of rounds of the whole event (played ones included).
    pub rounds: u32,
    /// Number of tables; by default the number of seated participants (or
    /// the highest table given, if larger).
    #[serde(default)]
    pub tables: Option<u32>,
    pub seated: Vec<PlanSeated>,
    pub visitors: Vec<PlanVisitor>,
    #[serde(default)]
    pub wishes: Vec<Wish>,
    /// Ids of participants who will not attend the rounds left.
    #[serde(default)]
    pub absent: Vec<String>,
    /// Rounds already held, in order: they stay exactly as given.
    #[serde(default)]
    pub played: Vec<Vec<Meeting>>,
    /// Pairs (seated, visitor — either order) that must not meet, e.g.
    /// already partners.
    #[serde(default)]
    pub excluded: Vec<(String, String)>,
}

/// The values of the objectives for a plan, over the whole event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanObjective {
    /// Level 1: meetings where both sides said « must ».
    pub must_both: u32,
    /// Level 2: other meetings where at least one side said « must ».
    pub must_one: u32,
    /// The fewest meetings of any present participant (implied by level 3).
    pub min_meetings: u32,
    /// Level 3: the largest `L` such that every present participant has at
    /// least `min(L, their own ceiling)` meetings.
    pub floor: u32,
    /// Level 4: meetings where at least one side said « would » and
    /// neither « must ».
    pub would: u32,
    /// Level 5: all meetings.
    pub total: u32,
    /// Tie-break: sum over present participants of the square of their
    /// number of meetings (smaller is more even).
    pub evenness: u32,
    /// Tie-break: meetings between different sectors (larger is better).
    pub improbable: u32,
}

/// Upper bounds on each level, computed from the input alone (not from the
/// plan): how far any plan could possibly go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanBound {
    pub must_both: u32,
    pub must_one: u32,
    pub min_meetings: u32,
    pub floor: u32,
    pub would: u32,
    pub total: u32,
}

/// The planned event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Plan {
    /// Every round: played ones unchanged and first, then planned ones,
    /// each sorted by table.
    pub rounds: Vec<Vec<Meeting>>,
    /// Per round, the present participants (seated then visitors, in input
    /// order) who do not meet anyone: a pause on their planning.
    pub byes: Vec<Vec<String>>,
    pub objective: PlanObjective,
    pub bound: PlanBound,
    /// True when the plan is proven optimal (the planner); false for the
    /// greedy baseline.
    pub optimal: bool,
}

/// Plans the rounds not yet played, optimally for the objectives of the
/// module documentation.
///
/// # Errors
/// When the input is inconsistent (see [`PlanInput`]): each problem comes
/// with its field and a French and an English message.
pub fn plan(input: &PlanInput) -> Result<Plan, ValidationErrors> {
    let problem = Problem::from_input(input)?;
    let edges = problem.allowed_edges();
    let chosen = problem.best_choice(&edges);
    let planned = pick(&edges, &chosen);
    let colours = colouring::colour_edges(
        problem.seated_ids.len(),
        problem.visitor_ids.len(),
        &planned,
        problem.remaining,
    )
    .unwrap_or_else(|| unreachable!("degrees are capped by the rounds left"));
    let mut rounds = vec![Vec::new(); problem.remaining];
    for (&pair, &c) in planned.iter().zip(&colours) {
        rounds[c].push(pair);
    }
    Ok(problem.build_plan(input, rounds, true))
}

/// Upper bounds on each level for an event as it stands, without planning
/// it (see the module documentation, « Bounds »): the same numbers as the
/// `bound` of [`plan`] on the same input.
///
/// # Errors
/// As [`plan`].
pub fn plan_bound(input: &PlanInput) -> Result<PlanBound, ValidationErrors> {
    let problem = Problem::from_input(input)?;
    Ok(problem.bound(&problem.allowed_edges()))
}

/// The most meetings the event can hold as it stands: those already held
/// plus the most the rounds left allow among present participants, without
/// pairs already met, excluded (partners) or refused (« non merci »). The
/// one number behind every « rencontres possibles ».
///
/// # Errors
/// As [`plan`].
pub fn possible_meetings(input: &PlanInput) -> Result<u32, ValidationErrors> {
    Ok(plan_bound(input)?.total)
}

// ---------------------------------------------------------------------------
// The checked problem, with participants as indices.

const S_MUST: u8 = 1;
const S_WOULD: u8 = 2;
const S_NO: u8 = 4;
const V_MUST: u8 = 8;
const V_WOULD: u8 = 16;
const V_NO: u8 = 32;
const EXCLUDED: u8 = 64;
const MET: u8 = 128;

/// What a pair counts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    MustBoth,
    MustOne,
    Would,
    Plain,
}

#[derive(Debug, Clone)]
struct Problem {
    remaining: usize,
    seated_ids: Vec<String>,
    tables: Vec<u32>,
    visitor_ids: Vec<String>,
    seated_sector: Vec<Option<String>>,
    visitor_sector: Vec<Option<String>>,
    present_s: Vec<bool>,
    present_v: Vec<bool>,
    /// Per pair `s * nv + v`: wish, exclusion and already-met bits.
    flags: Vec<u8>,
    played: Vec<Vec<(usize, usize)>>,
    played_s: Vec<u32>,
    played_v: Vec<u32>,
}

/// One side of the problem as seen by a solve: per participant, meetings
/// already counted, unit arcs available and bonus units (the floor).
#[derive(Debug, Clone)]
struct SideSpec {
    base: Vec<u32>,
    units: Vec<u32>,
    demand: Vec<u32>,
}
