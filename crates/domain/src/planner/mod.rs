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
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{FieldError, ValidationErrors};
use crate::text::fold;

use flow::{Cost, Network};

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

/// Weights packing the lexicographic levels into one cost (see the module
/// documentation). The improbable tie-break has weight 1.
#[derive(Debug, Clone, Copy)]
struct Weights {
    must_both: Cost,
    must_one: Cost,
    floor: Cost,
    would: Cost,
    meeting: Cost,
    evenness: Cost,
}

impl Weights {
    fn new(seated: &SideSpec, visitors: &SideSpec) -> Self {
        let units = |side: &SideSpec| -> Cost { side.units.iter().map(|&u| Cost::from(u)).sum() };
        let squares = |side: &SideSpec| -> Cost {
            side.base
                .iter()
                .zip(&side.units)
                .map(|(&b, &u)| {
                    let (b, u) = (Cost::from(b), Cost::from(u));
                    (b + u) * (b + u) - b * b
                })
                .sum()
        };
        // Most meetings any solve can choose, most bonus units, largest
        // evenness swing.
        let meetings = units(seated).min(units(visitors));
        let bonus_units = units(seated) + units(visitors);
        let even_range = squares(seated) + squares(visitors);
        let evenness = meetings + 1;
        let mut lower = evenness * even_range + meetings;
        let meeting = lower + 1;
        lower += meeting * meetings;
        let would = lower + 1;
        lower += would * meetings;
        let floor = lower + 1;
        lower += floor * bonus_units;
        let must_one = lower + 1;
        lower += must_one * meetings;
        let must_both = lower + 1;
        Self {
            must_both,
            must_one,
            floor,
            would,
            meeting,
            evenness,
        }
    }
}

impl Problem {
    fn nv(&self) -> usize {
        self.visitor_ids.len()
    }

    fn flag(&self, s: usize, v: usize) -> u8 {
        self.flags[s * self.nv() + v]
    }

    /// What a meeting of this pair counts for; « no » wins over any other
    /// wish, so a refused pair (only possible in played rounds) is plain.
    fn class(&self, s: usize, v: usize) -> Class {
        let f = self.flag(s, v);
        if f & (S_NO | V_NO) != 0 {
            Class::Plain
        } else if f & S_MUST != 0 && f & V_MUST != 0 {
            Class::MustBoth
        } else if f & (S_MUST | V_MUST) != 0 {
            Class::MustOne
        } else if f & (S_WOULD | V_WOULD) != 0 {
            Class::Would
        } else {
            Class::Plain
        }
    }

    fn improbable(&self, s: usize, v: usize) -> bool {
        matches!(
            (&self.seated_sector[s], &self.visitor_sector[v]),
            (Some(a), Some(b)) if a != b
        )
    }

    /// Pairs that may meet in the rounds left, seated-major in input order.
    fn allowed_edges(&self) -> Vec<(usize, usize)> {
        let mut edges = Vec::new();
        if self.remaining == 0 {
            return edges;
        }
        for s in 0..self.seated_ids.len() {
            if !self.present_s[s] {
                continue;
            }
            for v in 0..self.nv() {
                if self.present_v[v] && self.flag(s, v) & (S_NO | V_NO | EXCLUDED | MET) == 0 {
                    edges.push((s, v));
                }
            }
        }
        edges
    }

    /// Units (meetings each participant can still take) given the edges.
    fn units(&self, edges: &[(usize, usize)]) -> (Vec<u32>, Vec<u32>) {
        let mut ds = vec![0u32; self.seated_ids.len()];
        let mut dv = vec![0u32; self.nv()];
        for &(s, v) in edges {
            ds[s] += 1;
            dv[v] += 1;
        }
        let cap = u32::try_from(self.remaining).unwrap_or(u32::MAX);
        for d in ds.iter_mut().chain(dv.iter_mut()) {
            *d = (*d).min(cap);
        }
        (ds, dv)
    }

    /// The fairness ceilings: played + units, for present participants.
    fn ceilings(&self, edges: &[(usize, usize)]) -> (Vec<u32>, Vec<u32>) {
        let (us, uv) = self.units(edges);
        let cs = us.iter().zip(&self.played_s).map(|(u, p)| u + p).collect();
        let cv = uv.iter().zip(&self.played_v).map(|(u, p)| u + p).collect();
        (cs, cv)
    }

    fn present_ceilings(&self, edges: &[(usize, usize)]) -> Vec<u32> {
        let (cs, cv) = self.ceilings(edges);
        cs.into_iter()
            .zip(&self.present_s)
            .chain(cv.into_iter().zip(&self.present_v))
            .filter(|(_, &present)| present)
            .map(|(c, _)| c)
            .collect()
    }

    /// Degrees over the whole event: played plus `planned`.
    fn degrees(&self, planned: &[(usize, usize)]) -> (Vec<u32>, Vec<u32>) {
        let mut ds = self.played_s.clone();
        let mut dv = self.played_v.clone();
        for &(s, v) in planned {
            ds[s] += 1;
            dv[v] += 1;
        }
        (ds, dv)
    }

    /// Level 3 of a plan: the largest `L ≤ max ceiling` such that each
    /// present participant has at least `min(L, ceiling)` meetings.
    fn floor_of(&self, edges: &[(usize, usize)], planned: &[(usize, usize)]) -> u32 {
        let (cs, cv) = self.ceilings(edges);
        let (ds, dv) = self.degrees(planned);
        let mut floor = self.present_ceilings(edges).into_iter().max().unwrap_or(0);
        let sides = [(&cs, &ds, &self.present_s), (&cv, &dv, &self.present_v)];
        for (ceil, deg, present) in sides {
            for i in 0..ceil.len() {
                if present[i] && deg[i] < ceil[i] {
                    floor = floor.min(deg[i]);
                }
            }
        }
        floor
    }

    /// The objective of a whole plan (played rounds plus `planned`).
    fn objective(&self, edges: &[(usize, usize)], planned: &[(usize, usize)]) -> PlanObjective {
        let mut o = PlanObjective::default();
        for &(s, v) in self.played.iter().flatten().chain(planned) {
            match self.class(s, v) {
                Class::MustBoth => o.must_both += 1,
                Class::MustOne => o.must_one += 1,
                Class::Would => o.would += 1,
                Class::Plain => {}
            }
            o.total += 1;
            if self.improbable(s, v) {
                o.improbable += 1;
            }
        }
        let (ds, dv) = self.degrees(planned);
        let present: Vec<u32> = ds
            .iter()
            .zip(&self.present_s)
            .chain(dv.iter().zip(&self.present_v))
            .filter(|(_, &p)| p)
            .map(|(&d, _)| d)
            .collect();
        o.min_meetings = present.iter().copied().min().unwrap_or(0);
        o.evenness = present.iter().map(|d| d * d).sum();
        o.floor = self.floor_of(edges, planned);
        o
    }

    /// Upper bounds from the input alone.
    fn bound(&self, edges: &[(usize, usize)]) -> PlanBound {
        let cap = u32::try_from(self.remaining).unwrap_or(u32::MAX);
        let class_bound = |keep: &dyn Fn(Class) -> bool| -> u32 {
            let mut ds = vec![0u32; self.seated_ids.len()];
            let mut dv = vec![0u32; self.nv()];
            for &(s, v) in edges {
                if keep(self.class(s, v)) {
                    ds[s] += 1;
                    dv[v] += 1;
                }
            }
            let side = |d: &[u32]| d.iter().map(|&x| x.min(cap)).sum::<u32>();
            side(&ds).min(side(&dv))
        };
        let mut played = PlanObjective::default();
        for &(s, v) in self.played.iter().flatten() {
            match self.class(s, v) {
                Class::MustBoth => played.must_both += 1,
                Class::MustOne => played.must_one += 1,
                Class::Would => played.would += 1,
                Class::Plain => {}
            }
            played.total += 1;
        }
        let ceilings = self.present_ceilings(edges);
        PlanBound {
            must_both: played.must_both + class_bound(&|c| c == Class::MustBoth),
            must_one: played.must_one + class_bound(&|c| c == Class::MustOne),
            min_meetings: ceilings.iter().copied().min().unwrap_or(0),
            floor: self.floor_top(edges),
            would: played.would + class_bound(&|c| c == Class::Would),
            total: played.total + self.max_meetings(edges),
        }
    }

    /// The most meetings `edges` can give in the rounds left: a maximum
    /// b-matching, each participant taking at most one meeting per round
    /// left, by max flow (every augmenting path costs -1, so the min-cost
    /// flow is a maximum flow).
    fn max_meetings(&self, edges: &[(usize, usize)]) -> u32 {
        let (us, uv) = self.units(edges);
        let ns = self.seated_ids.len();
        let nv = self.nv();
        let sink = ns + nv + 1;
        let mut net = Network::new(ns + nv + 2);
        let cap = |u: u32| i32::try_from(u).unwrap_or(i32::MAX);
        for (s, &u) in us.iter().enumerate() {
            if u > 0 {
                net.add_arc(0, 1 + s, cap(u), 0);
            }
        }
        for &(s, v) in edges {
            net.add_arc(1 + s, 1 + ns + v, 1, -1);
        }
        for (v, &u) in uv.iter().enumerate() {
            if u > 0 {
                net.add_arc(1 + ns + v, sink, cap(u), 0);
            }
        }
        u32::try_from(-net.min_cost_flow(0, sink)).unwrap_or(u32::MAX)
    }

    /// One min-cost-flow solve: which of `edges` to choose, for the given
    /// per-participant bases, units and bonus units.
    fn solve(&self, edges: &[(usize, usize)], seated: &SideSpec, visitors: &SideSpec) -> Vec<bool> {
        let w = Weights::new(seated, visitors);
        let ns = self.seated_ids.len();
        let nv = self.nv();
        let source = 0;
        let sink = ns + nv + 1;
        let mut net = Network::new(ns + nv + 2);
        let unit_cost = |side: &SideSpec, i: usize, k: u32| -> Cost {
            let degree = Cost::from(side.base[i] + k);
            let bonus = if k <= side.demand[i] { w.floor } else { 0 };
            w.evenness * (2 * degree - 1) - bonus
        };
        for s in 0..ns {
            for k in 1..=seated.units[s] {
                net.add_arc(source, 1 + s, 1, unit_cost(seated, s, k));
            }
        }
        let arcs: Vec<_> = edges
            .iter()
            .map(|&(s, v)| {
                let gain = w.meeting
                    + Cost::from(self.improbable(s, v))
                    + match self.class(s, v) {
                        Class::MustBoth => w.must_both,
                        Class::MustOne => w.must_one,
                        Class::Would => w.would,
                        Class::Plain => 0,
                    };
                net.add_arc(1 + s, 1 + ns + v, 1, -gain)
            })
            .collect();
        for v in 0..nv {
            for k in 1..=visitors.units[v] {
                net.add_arc(1 + ns + v, sink, 1, unit_cost(visitors, v, k));
            }
        }
        net.min_cost_flow(source, sink);
        arcs.into_iter().map(|a| net.flow(a) > 0).collect()
    }

    /// An upper bound on level 3 from the input alone: the largest ceiling,
    /// lowered while the new meetings a floor asks of one side exceed what
    /// the other side can still take in all.
    fn floor_top(&self, edges: &[(usize, usize)]) -> u32 {
        let (us, uv) = self.units(edges);
        let (cs, cv) = self.ceilings(edges);
        let need = |played: &[u32], ceil: &[u32], floor: u32| -> u64 {
            played
                .iter()
                .zip(ceil)
                .map(|(&p, &c)| u64::from(floor.min(c).saturating_sub(p)))
                .sum()
        };
        let supply_s: u64 = us.iter().map(|&u| u64::from(u)).sum();
        let supply_v: u64 = uv.iter().map(|&u| u64::from(u)).sum();
        let mut top = self.present_ceilings(edges).into_iter().max().unwrap_or(0);
        while top > 0
            && (need(&self.played_s, &cs, top) > supply_v
                || need(&self.played_v, &cv, top) > supply_s)
        {
            top -= 1;
        }
        top
    }

    /// The optimal choice of pairs among `edges` (see the module docs).
    fn best_choice(&self, edges: &[(usize, usize)]) -> Vec<bool> {
        let (us, uv) = self.units(edges);
        let (cs, cv) = self.ceilings(edges);
        let top = self.floor_top(edges);
        let spec = |base: &[u32], units: &[u32], ceil: &[u32], floor: u32| SideSpec {
            base: base.to_vec(),
            units: units.to_vec(),
            demand: base
                .iter()
                .zip(ceil)
                .map(|(&b, &c)| floor.min(c).saturating_sub(b))
                .collect(),
        };
        let solve_at = |floor: u32| -> (Vec<bool>, u32) {
            let seated = spec(&self.played_s, &us, &cs, floor);
            let visitors = spec(&self.played_v, &uv, &cv, floor);
            let chosen = self.solve(edges, &seated, &visitors);
            let planned = pick(edges, &chosen);
            let reached = self.floor_of(edges, &planned);
            (chosen, reached)
        };
        let mut solved: BTreeMap<u32, Vec<bool>> = BTreeMap::new();
        let (chosen, reached) = solve_at(top);
        if reached >= top {
            return chosen;
        }
        solved.insert(top, chosen);
        let (mut lo, mut hi) = (reached, top - 1);
        while lo < hi {
            let mid = lo + (hi - lo).div_ceil(2);
            let (chosen, reached) = solve_at(mid);
            if reached >= mid {
                lo = reached;
            } else {
                hi = mid - 1;
                lo = lo.max(reached);
            }
            solved.insert(mid, chosen);
        }
        match solved.remove(&lo) {
            Some(chosen) => chosen,
            None => solve_at(lo).0,
        }
    }

    /// Assembles the plan: played rounds as given, then `planned` rounds.
    fn build_plan(
        &self,
        input: &PlanInput,
        planned: Vec<Vec<(usize, usize)>>,
        optimal: bool,
    ) -> Plan {
        let edges = self.allowed_edges();
        let flat: Vec<(usize, usize)> = planned.iter().flatten().copied().collect();
        let mut rounds: Vec<Vec<Meeting>> = input.played.clone();
        let mut pairs: Vec<Vec<(usize, usize)>> = self.played.clone();
        for mut round in planned {
            round.sort_by_key(|&(s, v)| (self.tables[s], v));
            rounds.push(
                round
                    .iter()
                    .map(|&(s, v)| Meeting {
                        table: self.tables[s],
                        seated: self.seated_ids[s].clone(),
                        visitor: self.visitor_ids[v].clone(),
                    })
                    .collect(),
            );
            pairs.push(round);
        }
        let byes = pairs
            .iter()
            .map(|round| {
                let busy_s: BTreeSet<usize> = round.iter().map(|&(s, _)| s).collect();
                let busy_v: BTreeSet<usize> = round.iter().map(|&(_, v)| v).collect();
                let seated = (0..self.seated_ids.len())
                    .filter(|s| self.present_s[*s] && !busy_s.contains(s))
                    .map(|s| self.seated_ids[s].clone());
                let visitors = (0..self.nv())
                    .filter(|v| self.present_v[*v] && !busy_v.contains(v))
                    .map(|v| self.visitor_ids[v].clone());
                seated.chain(visitors).collect()
            })
            .collect();
        Plan {
            rounds,
            byes,
            objective: self.objective(&edges, &flat),
            bound: self.bound(&edges),
            optimal,
        }
    }
}

fn pick(edges: &[(usize, usize)], chosen: &[bool]) -> Vec<(usize, usize)> {
    edges
        .iter()
        .zip(chosen)
        .filter(|(_, &c)| c)
        .map(|(&e, _)| e)
        .collect()
}

// ---------------------------------------------------------------------------
// Validation.

fn err(errors: &mut ValidationErrors, field: impl Into<String>, fr: String, en: String) {
    errors.push(FieldError::new(field, fr, en));
}

/// Which side an id is on, and its index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Seated(usize),
    Visitor(usize),
}

fn sector(raw: Option<&String>) -> Option<String> {
    raw.map(|s| fold(s.trim())).filter(|s| !s.is_empty())
}

impl Problem {
    fn from_input(input: &PlanInput) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if input.rounds == 0 {
            err(
                &mut errors,
                "rounds",
                "Il faut au moins une manche.".into(),
                "At least one round is needed.".into(),
            );
        }
        if input.rounds > MAX_ROUNDS {
            err(
                &mut errors,
                "rounds",
                format!(
                    "{} manches : un événement en compte au plus {MAX_ROUNDS}.",
                    input.rounds
                ),
                format!(
                    "{} rounds: an event has at most {MAX_ROUNDS}.",
                    input.rounds
                ),
            );
        }
        for (field, n) in [
            ("seated", input.seated.len()),
            ("visitors", input.visitors.len()),
        ] {
            if n > MAX_SIDE {
                err(
                    &mut errors,
                    field,
                    format!("{n} participants d'un même côté : le planificateur en accepte au plus {MAX_SIDE}."),
                    format!("{n} participants on one side: the planner takes at most {MAX_SIDE}."),
                );
            }
        }
        if input.tables == Some(0) {
            err(
                &mut errors,
                "tables",
                "Il faut au moins une table.".into(),
                "At least one table is needed.".into(),
            );
        }
        if input.seated.is_empty() {
            err(
                &mut errors,
                "seated",
                "Aucun participant assis : il faut au moins un participant de chaque côté.".into(),
                "No seated participant: each side needs at least one participant.".into(),
            );
        }
        if input.visitors.is_empty() {
            err(
                &mut errors,
                "visitors",
                "Aucun participant visiteur : il faut au moins un participant de chaque côté."
                    .into(),
                "No visiting participant: each side needs at least one participant.".into(),
            );
        }

        // Ids: unique, on one side only.
        let mut ids: BTreeMap<&str, Side> = BTreeMap::new();
        let all = input
            .seated
            .iter()
            .enumerate()
            .map(|(i, p)| (&p.id, Side::Seated(i), format!("seated.{i}.id")))
            .chain(
                input
                    .visitors
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (&p.id, Side::Visitor(i), format!("visitors.{i}.id"))),
            );
        for (id, side, field) in all {
            if id.trim().is_empty() {
                err(
                    &mut errors,
                    field,
                    "Un participant n'a pas d'identifiant.".into(),
                    "A participant has no id.".into(),
                );
                continue;
            }
            match ids.get(id.as_str()) {
                None => {
                    ids.insert(id, side);
                }
                Some(seen) => {
                    let both = matches!(
                        (seen, side),
                        (Side::Seated(_), Side::Visitor(_)) | (Side::Visitor(_), Side::Seated(_))
                    );
                    if both {
                        err(
                            &mut errors,
                            field,
                            format!(
                                "« {id} » est à la fois assis et visiteur : un participant n'est que d'un côté."
                            ),
                            format!(
                                "\"{id}\" is both seated and visiting: a participant is on one side only."
                            ),
                        );
                    } else {
                        err(
                            &mut errors,
                            field,
                            format!("L'identifiant « {id} » apparaît deux fois."),
                            format!("The id \"{id}\" appears twice."),
                        );
                    }
                }
            }
        }

        // Tables.
        let ns = input.seated.len();
        let nv = input.visitors.len();
        let highest = input
            .seated
            .iter()
            .filter_map(|p| p.table)
            .max()
            .unwrap_or(0);
        let count = u32::try_from(ns).unwrap_or(u32::MAX);
        let tables = input.tables.unwrap_or(count.max(highest));
        if tables > 0 && count > tables {
            err(
                &mut errors,
                "seated",
                format!(
                    "{count} participants assis pour {tables} tables : ajoutez des tables ou faites tourner une partie d'entre eux."
                ),
                format!(
                    "{count} seated participants for {tables} tables: add tables or have some of them rotate."
                ),
            );
        }
        let mut taken: BTreeMap<u32, usize> = BTreeMap::new();
        for (i, p) in input.seated.iter().enumerate() {
            let Some(t) = p.table else { continue };
            if t == 0 || t > tables {
                err(
                    &mut errors,
                    format!("seated.{i}.table"),
                    format!(
                        "La table {t} de « {} » n'existe pas : les tables vont de 1 à {tables}.",
                        p.id
                    ),
                    format!(
                        "Table {t} of \"{}\" does not exist: tables go from 1 to {tables}.",
                        p.id
                    ),
                );
            } else if let Some(&other) = taken.get(&t) {
                let first = &input.seated[other].id;
                err(
                    &mut errors,
                    format!("seated.{i}.table"),
                    format!(
                        "« {first} » et « {} » sont tous deux à la table {t} : une table ne reçoit qu'un participant assis.",
                        p.id
                    ),
                    format!(
                        "\"{first}\" and \"{}\" are both at table {t}: a table seats one participant.",
                        p.id
                    ),
                );
            } else {
                taken.insert(t, i);
            }
        }
        let mut next = 1u32;
        let mut seat_tables = Vec::with_capacity(ns);
        for p in &input.seated {
            if let Some(t) = p.table {
                seat_tables.push(t);
            } else {
                while taken.contains_key(&next) {
                    next += 1;
                }
                seat_tables.push(next);
                next += 1;
            }
        }

        let lookup = |id: &str| ids.get(id).copied();
        let mut flags = vec![0u8; ns * nv];
        let unknown =
            |errors: &mut ValidationErrors, field: String, id: &str, what: &str, what_en: &str| {
                err(
                    errors,
                    field,
                    format!("{what} nomme « {id} », participant inconnu."),
                    format!("{what_en} names \"{id}\", an unknown participant."),
                );
            };
        let same_side = |errors: &mut ValidationErrors,
                         field: String,
                         a: &str,
                         b: &str,
                         what: &str,
                         what_en: &str| {
            err(
                errors,
                field,
                format!(
                    "{what} relie « {a} » et « {b} », du même côté : il doit relier un assis et un visiteur."
                ),
                format!(
                    "{what_en} links \"{a}\" and \"{b}\", on the same side: it must link a seated participant and a visitor."
                ),
            );
        };
        // Wishes. Every bit is kept, so « no » wins whatever the order.
        for (i, w) in input.wishes.iter().enumerate() {
            let what = format!("Le souhait n° {}", i + 1);
            let what_en = format!("Wish {}", i + 1);
            let from = lookup(&w.from);
            let to = lookup(&w.to);
            if from.is_none() {
                unknown(
                    &mut errors,
                    format!("wishes.{i}.from"),
                    &w.from,
                    &what,
                    &what_en,
                );
            }
            if to.is_none() {
                unknown(
                    &mut errors,
                    format!("wishes.{i}.to"),
                    &w.to,
                    &what,
                    &what_en,
                );
            }
            let (Some(from), Some(to)) = (from, to) else {
                continue;
            };
            let (s, v, from_seated) = match (from, to) {
                (Side::Seated(s), Side::Visitor(v)) => (s, v, true),
                (Side::Visitor(v), Side::Seated(s)) => (s, v, false),
                _ => {
                    same_side(
                        &mut errors,
                        format!("wishes.{i}.to"),
                        &w.from,
                        &w.to,
                        &what,
                        &what_en,
                    );
                    continue;
                }
            };
            let bit = match (w.level, from_seated) {
                (WishLevel::Must, true) => S_MUST,
                (WishLevel::Would, true) => S_WOULD,
                (WishLevel::No, true) => S_NO,
                (WishLevel::Must, false) => V_MUST,
                (WishLevel::Would, false) => V_WOULD,
                (WishLevel::No, false) => V_NO,
            };
            flags[s * nv + v] |= bit;
        }
        // Exclusions.
        for (i, (a, b)) in input.excluded.iter().enumerate() {
            let what = format!("L'exclusion n° {}", i + 1);
            let what_en = format!("Exclusion {}", i + 1);
            let (x, y) = (lookup(a), lookup(b));
            if x.is_none() {
                unknown(&mut errors, format!("excluded.{i}"), a, &what, &what_en);
            }
            if y.is_none() {
                unknown(&mut errors, format!("excluded.{i}"), b, &what, &what_en);
            }
            match (x, y) {
                (Some(Side::Seated(s)), Some(Side::Visitor(v)))
                | (Some(Side::Visitor(v)), Some(Side::Seated(s))) => {
                    flags[s * nv + v] |= EXCLUDED;
                }
                (Some(_), Some(_)) => {
                    same_side(&mut errors, format!("excluded.{i}"), a, b, &what, &what_en);
                }
                _ => {}
            }
        }
        // Absent.
        let mut present_s = vec![true; ns];
        let mut present_v = vec![true; nv];
        for (i, id) in input.absent.iter().enumerate() {
            match lookup(id) {
                Some(Side::Seated(s)) => present_s[s] = false,
                Some(Side::Visitor(v)) => present_v[v] = false,
                None => err(
                    &mut errors,
                    format!("absent.{i}"),
                    format!("La liste des absents nomme « {id} », participant inconnu."),
                    format!("The absent list names \"{id}\", an unknown participant."),
                ),
            }
        }
        // Played rounds.
        let rounds = input.rounds as usize;
        if input.played.len() > rounds {
            err(
                &mut errors,
                "played",
                format!(
                    "{} manches jouées pour {rounds} manches prévues.",
                    input.played.len()
                ),
                format!(
                    "{} rounds played for {rounds} rounds planned.",
                    input.played.len()
                ),
            );
        } else if rounds > 0 && input.played.len() == rounds {
            err(
                &mut errors,
                "played",
                "Toutes les manches ont déjà eu lieu : il n'y a plus rien à replanifier.".into(),
                "Every round has already been played: there is nothing left to re-plan.".into(),
            );
        }
        let mut played = Vec::with_capacity(input.played.len());
        let mut played_s = vec![0u32; ns];
        let mut played_v = vec![0u32; nv];
        for (r, round) in input.played.iter().enumerate() {
            let n = r + 1;
            let mut pairs = Vec::with_capacity(round.len());
            let mut busy: BTreeSet<&str> = BTreeSet::new();
            for (m, meeting) in round.iter().enumerate() {
                let field = format!("played.{r}.{m}");
                let s = match lookup(&meeting.seated) {
                    Some(Side::Seated(s)) => Some(s),
                    Some(Side::Visitor(_)) => {
                        err(
                            &mut errors,
                            format!("{field}.seated"),
                            format!(
                                "Manche {n} : « {} » est visiteur, pas assis.",
                                meeting.seated
                            ),
                            format!(
                                "Round {n}: \"{}\" is a visitor, not seated.",
                                meeting.seated
                            ),
                        );
                        None
                    }
                    None => {
                        err(
                            &mut errors,
                            format!("{field}.seated"),
                            format!(
                                "Manche {n} : « {} » est un participant inconnu.",
                                meeting.seated
                            ),
                            format!(
                                "Round {n}: \"{}\" is an unknown participant.",
                                meeting.seated
                            ),
                        );
                        None
                    }
                };
                let v = match lookup(&meeting.visitor) {
                    Some(Side::Visitor(v)) => Some(v),
                    Some(Side::Seated(_)) => {
                        err(
                            &mut errors,
                            format!("{field}.visitor"),
                            format!(
                                "Manche {n} : « {} » est assis, pas visiteur.",
                                meeting.visitor
                            ),
                            format!(
                                "Round {n}: \"{}\" is seated, not a visitor.",
                                meeting.visitor
                            ),
                        );
                        None
                    }
                    None => {
                        err(
                            &mut errors,
                            format!("{field}.visitor"),
                            format!(
                                "Manche {n} : « {} » est un participant inconnu.",
                                meeting.visitor
                            ),
                            format!(
                                "Round {n}: \"{}\" is an unknown participant.",
                                meeting.visitor
                            ),
                        );
                        None
                    }
                };
                if let Some(s) = s {
                    if seat_tables[s] != meeting.table {
                        err(
                            &mut errors,
                            format!("{field}.table"),
                            format!(
                                "Manche {n} : « {} » est à la table {}, pas à la table {}.",
                                meeting.seated, seat_tables[s], meeting.table
                            ),
                            format!(
                                "Round {n}: \"{}\" sits at table {}, not table {}.",
                                meeting.seated, seat_tables[s], meeting.table
                            ),
                        );
                    }
                }
                for id in [&meeting.seated, &meeting.visitor] {
                    if !busy.insert(id.as_str()) {
                        err(
                            &mut errors,
                            field.clone(),
                            format!("Manche {n} : « {id} » apparaît dans deux rencontres."),
                            format!("Round {n}: \"{id}\" appears in two meetings."),
                        );
                    }
                }
                if let (Some(s), Some(v)) = (s, v) {
                    pairs.push((s, v));
                    flags[s * nv + v] |= MET;
                    played_s[s] += 1;
                    played_v[v] += 1;
                }
            }
            played.push(pairs);
        }
        let problem = Self {
            remaining: rounds.saturating_sub(input.played.len()),
            seated_ids: input.seated.iter().map(|p| p.id.clone()).collect(),
            tables: seat_tables,
            visitor_ids: input.visitors.iter().map(|p| p.id.clone()).collect(),
            seated_sector: input
                .seated
                .iter()
                .map(|p| sector(p.sector.as_ref()))
                .collect(),
            visitor_sector: input
                .visitors
                .iter()
                .map(|p| sector(p.sector.as_ref()))
                .collect(),
            present_s,
            present_v,
            flags,
            played,
            played_s,
            played_v,
        };
        errors.into_result(problem)
    }
}
