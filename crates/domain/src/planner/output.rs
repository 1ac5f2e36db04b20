//! The plan as returned: played rounds as given, then the planned rounds
//! with tables, ids and byes, and the objective reached against the bound.

use std::collections::BTreeSet;

use super::{Meeting, Plan, PlanInput, Problem};

impl Problem {
    /// Assembles the plan: played rounds as given, then `planned` rounds.
    pub(super) fn build_plan(
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
