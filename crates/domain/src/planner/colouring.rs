//! Bipartite edge colouring with as many colours as the largest degree
//! (König's line colouring theorem), by alternating-path recolouring.
//!
//! Edges are coloured one by one in the given order. For an edge `(u, v)`,
//! take the first colour `a` free at `u` and the first colour `b` free at
//! `v`. If `a` is also free at `v`, use it. Otherwise swap `a` and `b` along
//! the path leaving `v` by its `a` edge and alternating `a`, `b`: in a
//! bipartite graph that path cannot reach `u` (it would arrive there by an
//! `a` edge, and `a` is free at `u`), so after the swap `a` is free at both
//! ends. Everything is deterministic: same edges, same order, same colours.

const FREE: usize = usize::MAX;

/// Colours `edges` (left index, right index) with `colours` colours, given
/// that no vertex has more than `colours` edges. Returns each edge's colour.
/// Returns `None` if some vertex has more edges than colours.
pub(crate) fn colour_edges(
    left: usize,
    right: usize,
    edges: &[(usize, usize)],
    colours: usize,
) -> Option<Vec<usize>> {
    if edges.is_empty() {
        return Some(Vec::new());
    }
    if colours == 0 {
        return None;
    }
    // at_left[u * colours + c] = right vertex joined to u by colour c.
    let mut at_left = vec![FREE; left * colours];
    let mut at_right = vec![FREE; right * colours];
    let free_at = |table: &[usize], x: usize| -> Option<usize> {
        (0..colours).find(|&c| table[x * colours + c] == FREE)
    };
    for &(u, v) in edges {
        let a = free_at(&at_left, u)?;
        let b = free_at(&at_right, v)?;
        if at_right[v * colours + a] != FREE {
            // Collect the a/b alternating path from v: (left, right, colour).
            let mut path = Vec::new();
            let mut r = v;
            loop {
                let l = at_right[r * colours + a];
                if l == FREE {
                    break;
                }
                path.push((l, r, a));
                let next = at_left[l * colours + b];
                if next == FREE {
                    break;
                }
                path.push((l, next, b));
                r = next;
            }
            for &(l, r, c) in &path {
                at_left[l * colours + c] = FREE;
                at_right[r * colours + c] = FREE;
            }
            for &(l, r, c) in &path {
                let swapped = if c == a { b } else { a };
                at_left[l * colours + swapped] = r;
                at_right[r * colours + swapped] = l;
            }
        }
        at_left[u * colours + a] = v;
        at_right[v * colours + a] = u;
    }
    let mut result = Vec::with_capacity(edges.len());
    for &(u, v) in edges {
        let c = (0..colours).find(|&c| at_left[u * colours + c] == v)?;
        result.push(c);
    }
    Some(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn planner_colouring_complete_bipartite_uses_degree_colours() {
        for n in 1..7 {
            let edges: Vec<(usize, usize)> =
                (0..n).flat_map(|u| (0..n).map(move |v| (u, v))).collect();
            let colours = colour_edges(n, n, &edges, n).expect("colourable");
            let mut seen = std::collections::BTreeSet::new();
            for (&(u, v), &c) in edges.iter().zip(&colours) {
                assert!(c < n);
                assert!(seen.insert((0, u, c)), "left {u} twice in colour {c}");
                assert!(seen.insert((1, v, c)), "right {v} twice in colour {c}");
            }
        }
    }

    #[test]
    fn planner_colouring_refuses_too_few_colours() {
        assert!(colour_edges(1, 2, &[(0, 0), (0, 1)], 1).is_none());
    }
}
