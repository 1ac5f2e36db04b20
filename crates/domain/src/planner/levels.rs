//! The lexicographic levels: what a choice of pairs counts for, the bounds
//! from the input alone, and the min-cost-flow solves that reach the optimum
//! (see the module documentation of `planner`).

use std::collections::BTreeMap;

use super::flow::{Cost, Network};
use super::{
    Class, PlanBound, PlanObjective, Problem, SideSpec, EXCLUDED, MET, S_MUST, S_NO, S_WOULD,
    V_MUST, V_NO, V_WOULD,
};

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
    pub(super) fn nv(&self) -> usize {
        self.visitor_ids.len()
    }

    pub(super) fn flag(&self, s: usize, v: usize) -> u8 {
        self.flags[s * self.nv() + v]
    }

    /// What a meeting of this pair counts for; « no » wins over any other
    /// wish, so a refused pair (only possible in played rounds) is plain.
    pub(super) fn class(&self, s: usize, v: usize) -> Class {
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

    pub(super) fn improbable(&self, s: usize, v: usize) -> bool {
        matches!(
            (&self.seated_sector[s], &self.visitor_sector[v]),
            (Some(a), Some(b)) if a != b
        )
    }

    /// Pairs that may meet in the rounds left, seated-major in input order.
    pub(super) fn allowed_edges(&self) -> Vec<(usize, usize)> {
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
    pub(super) fn units(&self, edges: &[(usize, usize)]) -> (Vec<u32>, Vec<u32>) {
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
    pub(super) fn ceilings(&self, edges: &[(usize, usize)]) -> (Vec<u32>, Vec<u32>) {
        let (us, uv) = self.units(edges);
        let cs = us.iter().zip(&self.played_s).map(|(u, p)| u + p).collect();
        let cv = uv.iter().zip(&self.played_v).map(|(u, p)| u + p).collect();
        (cs, cv)
    }

    pub(super) fn present_ceilings(&self, edges: &[(usize, usize)]) -> Vec<u32> {
        let (cs, cv) = self.ceilings(edges);
        cs.into_iter()
            .zip(&self.present_s)
            .chain(cv.into_iter().zip(&self.present_v))
            .filter(|(_, &present)| present)
            .map(|(c, _)| c)
            .collect()
    }

    /// Degrees over the whole event: played plus `planned`.
    pub(super) fn degrees(&self, planned: &[(usize, usize)]) -> (Vec<u32>, Vec<u32>) {
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
    pub(super) fn floor_of(&self, edges: &[(usize, usize)], planned: &[(usize, usize)]) -> u32 {
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
    pub(super) fn objective(
        &self,
        edges: &[(usize, usize)],
        planned: &[(usize, usize)],
    ) -> PlanObjective {
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
    pub(super) fn bound(&self, edges: &[(usize, usize)]) -> PlanBound {
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
    pub(super) fn max_meetings(&self, edges: &[(usize, usize)]) -> u32 {
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
    pub(super) fn solve(
        &self,
        edges: &[(usize, usize)],
        seated: &SideSpec,
        visitors: &SideSpec,
    ) -> Vec<bool> {
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
    pub(super) fn floor_top(&self, edges: &[(usize, usize)]) -> u32 {
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
    pub(super) fn best_choice(&self, edges: &[(usize, usize)]) -> Vec<bool> {
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
}

/// The pairs of `edges` that `chosen` marks.
pub(super) fn pick(edges: &[(usize, usize)], chosen: &[bool]) -> Vec<(usize, usize)> {
    edges
        .iter()
        .zip(chosen)
        .filter(|(_, &c)| c)
        .map(|(&e, _)| e)
        .collect()
}
