//! Min-cost flow of any amount, by successive shortest paths.
//!
//! Primal–dual: Dijkstra on reduced costs (potentials start from a
//! Bellman–Ford pass, so arcs may have negative costs as long as the network
//! has no negative cycle), then every shortest augmenting path of that length
//! is pushed at once by a Dinic-style blocking flow on the arcs of zero
//! reduced cost. Augmenting stops as soon as the shortest path no longer
//! lowers the cost, so the result is a minimum-cost flow among flows of every
//! amount (the cost as a function of the amount is convex).
//!
//! Costs are `i128`: the planner packs several lexicographic levels into one
//! cost, and their product overflows `i64` for large events.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

pub(crate) type Cost = i128;

#[derive(Debug, Clone)]
struct Arc {
    to: usize,
    rev: usize,
    cap: i32,
    cost: Cost,
}

/// Where an arc sits, to read the flow it carries after solving.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ArcRef {
    from: usize,
    index: usize,
}

/// Buffers of one solve, reused from one augmentation to the next.
struct Scratch {
    dist: Vec<Cost>,
    done: Vec<bool>,
    level: Vec<u32>,
    iter: Vec<usize>,
    queue: Vec<usize>,
    heap: BinaryHeap<Reverse<(Cost, usize)>>,
}

impl Scratch {
    fn new(n: usize) -> Self {
        Self {
            dist: vec![Cost::MAX; n],
            done: vec![false; n],
            level: vec![u32::MAX; n],
            iter: vec![0usize; n],
            queue: Vec::with_capacity(n),
            heap: BinaryHeap::new(),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Network {
    graph: Vec<Vec<Arc>>,
}

impl Network {
    pub(crate) fn new(nodes: usize) -> Self {
        Self {
            graph: vec![Vec::new(); nodes],
        }
    }

    pub(crate) fn add_arc(&mut self, from: usize, to: usize, cap: i32, cost: Cost) -> ArcRef {
        let index = self.graph[from].len();
        let rev = self.graph[to].len() + usize::from(from == to);
        self.graph[from].push(Arc { to, rev, cap, cost });
        self.graph[to].push(Arc {
            to: from,
            rev: index,
            cap: 0,
            cost: -cost,
        });
        ArcRef { from, index }
    }

    /// Flow carried by an arc: what its reverse arc can send back.
    pub(crate) fn flow(&self, arc: ArcRef) -> i32 {
        let a = &self.graph[arc.from][arc.index];
        self.graph[a.to][a.rev].cap
    }

    /// Initial potentials: shortest distances from `source` (Bellman–Ford,
    /// quick on the planner's layered networks when nodes are numbered in
    /// layer order). Unreachable nodes keep 0: they stay unreachable.
    fn initial_potentials(&self, source: usize) -> Vec<Cost> {
        let n = self.graph.len();
        let mut dist: Vec<Option<Cost>> = vec![None; n];
        dist[source] = Some(0);
        for _ in 0..n {
            let mut changed = false;
            for (u, arcs) in self.graph.iter().enumerate() {
                let Some(du) = dist[u] else { continue };
                for a in arcs {
                    if a.cap > 0 {
                        let candidate = du + a.cost;
                        if dist[a.to].is_none_or(|d| candidate < d) {
                            dist[a.to] = Some(candidate);
                            changed = true;
                        }
                    }
                }
            }
            if !changed {
                break;
            }
        }
        dist.into_iter().map(|d| d.unwrap_or(0)).collect()
    }

    /// Pushes flow from `source` to `sink` while it lowers the total cost;
    /// returns the total cost of the flow sent (negative or zero).
    pub(crate) fn min_cost_flow(&mut self, source: usize, sink: usize) -> Cost {
        let mut pot = self.initial_potentials(source);
        let mut total: Cost = 0;
        let mut scratch = Scratch::new(self.graph.len());
        loop {
            if !self.shortest_distances(source, sink, &pot, &mut scratch) {
                break;
            }
            let reach = scratch.dist[sink];
            for (v, p) in pot.iter_mut().enumerate() {
                if scratch.done[v] {
                    *p += scratch.dist[v] - reach;
                }
            }
            let path_cost = pot[sink] - pot[source];
            if path_cost >= 0 {
                break;
            }
            // Every path of zero reduced cost costs exactly `path_cost`.
            total += self.blocking_flows(source, sink, &pot, &mut scratch) * path_cost;
        }
        total
    }

    /// Dijkstra on reduced costs, stopping once the sink is settled; whether
    /// the sink is reachable.
    fn shortest_distances(
        &self,
        source: usize,
        sink: usize,
        pot: &[Cost],
        s: &mut Scratch,
    ) -> bool {
        s.dist.fill(Cost::MAX);
        s.done.fill(false);
        s.dist[source] = 0;
        s.heap.clear();
        s.heap.push(Reverse((0, source)));
        while let Some(Reverse((d, u))) = s.heap.pop() {
            if s.done[u] {
                continue;
            }
            s.done[u] = true;
            if u == sink {
                break;
            }
            for a in &self.graph[u] {
                if a.cap <= 0 || s.done[a.to] {
                    continue;
                }
                let candidate = d + a.cost + pot[u] - pot[a.to];
                if candidate < s.dist[a.to] {
                    s.dist[a.to] = candidate;
                    s.heap.push(Reverse((candidate, a.to)));
                }
            }
        }
        s.done[sink]
    }

    /// Blocking flows on the arcs of zero reduced cost until the sink is
    /// cut off from them; the amount pushed.
    fn blocking_flows(
        &mut self,
        source: usize,
        sink: usize,
        pot: &[Cost],
        s: &mut Scratch,
    ) -> Cost {
        let mut pushed_total: Cost = 0;
        while self.zero_cost_levels(source, sink, pot, s) {
            s.iter.fill(0);
            loop {
                let pushed = self.augment(source, sink, i32::MAX, &s.level, &mut s.iter, pot);
                if pushed == 0 {
                    break;
                }
                pushed_total += Cost::from(pushed);
            }
        }
        pushed_total
    }

    /// Breadth-first levels from `source` over the arcs of zero reduced
    /// cost with capacity left; whether they reach the sink.
    fn zero_cost_levels(&self, source: usize, sink: usize, pot: &[Cost], s: &mut Scratch) -> bool {
        s.level.fill(u32::MAX);
        s.level[source] = 0;
        s.queue.clear();
        s.queue.push(source);
        let mut head = 0;
        while head < s.queue.len() {
            let u = s.queue[head];
            head += 1;
            for a in &self.graph[u] {
                if a.cap > 0 && s.level[a.to] == u32::MAX && a.cost + pot[u] - pot[a.to] == 0 {
                    s.level[a.to] = s.level[u] + 1;
                    s.queue.push(a.to);
                }
            }
        }
        s.level[sink] != u32::MAX
    }

    fn augment(
        &mut self,
        u: usize,
        sink: usize,
        limit: i32,
        level: &[u32],
        iter: &mut [usize],
        pot: &[Cost],
    ) -> i32 {
        if u == sink {
            return limit;
        }
        while iter[u] < self.graph[u].len() {
            let i = iter[u];
            let Arc { to, rev, cap, cost } = self.graph[u][i];
            if cap > 0 && level[to] == level[u] + 1 && cost + pot[u] - pot[to] == 0 {
                let pushed = self.augment(to, sink, limit.min(cap), level, iter, pot);
                if pushed > 0 {
                    self.graph[u][i].cap -= pushed;
                    self.graph[to][rev].cap += pushed;
                    return pushed;
                }
            }
            iter[u] += 1;
        }
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn planner_flow_picks_the_cheapest_amount() {
        // Two parallel routes, one profitable (-5), one not (+3).
        let mut net = Network::new(4);
        let a = net.add_arc(0, 1, 1, -5);
        let b = net.add_arc(0, 2, 1, 3);
        net.add_arc(1, 3, 1, 0);
        net.add_arc(2, 3, 1, 0);
        assert_eq!(net.min_cost_flow(0, 3), -5);
        assert_eq!(net.flow(a), 1);
        assert_eq!(net.flow(b), 0);
    }

    #[test]
    fn planner_flow_reroutes_along_residual_arcs() {
        // Assignment where the greedy first choice must be undone:
        // s->x1,x2 ; x1->y1 (-10), x1->y2 (-9), x2->y1 (-9) ; y->t.
        let mut net = Network::new(6);
        net.add_arc(0, 1, 1, 0);
        net.add_arc(0, 2, 1, 0);
        let x1y1 = net.add_arc(1, 3, 1, -10);
        let x1y2 = net.add_arc(1, 4, 1, -9);
        let x2y1 = net.add_arc(2, 3, 1, -9);
        net.add_arc(3, 5, 1, 0);
        net.add_arc(4, 5, 1, 0);
        assert_eq!(net.min_cost_flow(0, 5), -18);
        assert_eq!(net.flow(x1y1), 0);
        assert_eq!(net.flow(x1y2), 1);
        assert_eq!(net.flow(x2y1), 1);
    }
}
