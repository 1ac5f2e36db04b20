//! The naive baseline: round after round, the best single matching among
//! the pairs that have not met yet (same wish priorities, evenness and
//! improbable tie-breaks as the planner, but no view of the rounds to come
//! and no fairness floor). It is what most matchmaking tools do; the
//! benchmark and the tests compare it with the exact planner.

use super::{pick, Plan, PlanInput, Problem, SideSpec, MET};
use crate::error::ValidationErrors;

/// Plans the rounds not yet played greedily, one maximum-weight matching per
/// round. `optimal` is false in the result.
///
/// # Errors
/// The same as [`super::plan`].
pub fn greedy_plan(input: &PlanInput) -> Result<Plan, ValidationErrors> {
    let mut problem = Problem::from_input(input)?;
    let original = problem.clone();
    let nv = problem.nv();
    let mut rounds = Vec::with_capacity(problem.remaining);
    let (mut base_s, mut base_v) = (problem.played_s.clone(), problem.played_v.clone());
    for _ in 0..problem.remaining {
        let edges = problem.allowed_edges();
        let one = |n: usize, edges: &[(usize, usize)], seated: bool| -> Vec<u32> {
            let mut units = vec![0u32; n];
            for &(s, v) in edges {
                units[if seated { s } else { v }] = 1;
            }
            units
        };
        let seated = SideSpec {
            base: base_s.clone(),
            units: one(problem.seated_ids.len(), &edges, true),
            demand: vec![0; problem.seated_ids.len()],
        };
        let visitors = SideSpec {
            base: base_v.clone(),
            units: one(nv, &edges, false),
            demand: vec![0; nv],
        };
        let chosen = problem.solve(&edges, &seated, &visitors);
        let round = pick(&edges, &chosen);
        for &(s, v) in &round {
            problem.flags[s * nv + v] |= MET;
            base_s[s] += 1;
            base_v[v] += 1;
        }
        rounds.push(round);
    }
    Ok(original.build_plan(input, rounds, false))
}
