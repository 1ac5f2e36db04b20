//! The close-name search (the PassJoin partition filter, then a banded
//! Levenshtein): see « How the close-name search stays fast » in the
//! documentation of `dedup`.

use super::{close_name_max_edits, to_u32, FastMap, CLOSE_NAME_MIN_CHARS, MAX_EDITS};

/// The close-name search over a list of distinct names, with buffers kept
/// from one commune to the next.
#[derive(Default)]
pub(super) struct CloseNameSearch {
    /// Characters of every name, one after the other.
    chars: Vec<char>,
    /// Per name: start in `chars`, length in characters, start in `prefix`.
    spans: Vec<(usize, usize, usize)>,
    /// Per name, `len + 1` prefix hashes.
    prefix: Vec<u64>,
    /// Powers of the hash base.
    powers: Vec<u64>,
    /// Segment key → names (positions in the list) holding that segment.
    index: FastMap<u64, Vec<u32>>,
    /// Per name, the last name that checked it, so each pair is verified once.
    checked_by: Vec<usize>,
    /// Per name, a hash of its digits in order: names whose numbers differ
    /// (« Lycée 1 » and « Lycée 2 », « Restos 67 » and « Restos 68 ») are
    /// different bodies, never close names.
    numbers: Vec<u64>,
    order: Vec<usize>,
    rows: (Vec<usize>, Vec<usize>),
}

const HASH_BASE: u64 = 0x0000_0100_0000_01b3;

impl CloseNameSearch {
    /// Pairs `(x, y, distance)` of positions in `names`, `x < y`, whose names
    /// are distinct and within [`close_name_max_edits`] of each other.
    pub(super) fn run(&mut self, names: &[&str]) -> Vec<(usize, usize, u32)> {
        self.load(names);
        let mut out = Vec::new();
        for at in 0..self.order.len() {
            let t = self.order[at];
            let lt = self.spans[t].1;
            let lowest = lt.saturating_sub(MAX_EDITS).max(CLOSE_NAME_MIN_CHARS);
            for l in lowest..=lt {
                let Some(k) = close_name_max_edits(l) else {
                    continue;
                };
                if lt - l > k {
                    continue;
                }
                for (seg, (pos, width)) in segments(l, k).enumerate() {
                    let first = pos.saturating_sub(k);
                    let last = (pos + k).min(lt - width);
                    for start in first..=last {
                        let key = segment_key(self.substring_hash(t, start, width), l, seg);
                        let Some(holders) = self.index.get(&key) else {
                            continue;
                        };
                        for &c in holders {
                            let c = c as usize;
                            if self.checked_by[c] == t {
                                continue;
                            }
                            self.checked_by[c] = t;
                            if self.numbers[c] != self.numbers[t] {
                                continue;
                            }
                            let (ta, tl) = (self.spans[t].0, self.spans[t].1);
                            let (ca, cl) = (self.spans[c].0, self.spans[c].1);
                            let d = bounded_levenshtein(
                                &self.chars[ca..ca + cl],
                                &self.chars[ta..ta + tl],
                                k,
                                &mut self.rows,
                            );
                            if let Some(d) = d.filter(|&d| d > 0) {
                                out.push((c.min(t), c.max(t), to_u32(d)));
                            }
                        }
                    }
                }
            }
            let k = close_name_max_edits(lt).unwrap_or(MAX_EDITS);
            for (seg, (pos, width)) in segments(lt, k).enumerate() {
                let key = segment_key(self.substring_hash(t, pos, width), lt, seg);
                self.index.entry(key).or_default().push(to_u32(t));
            }
        }
        out
    }

    /// Fills the buffers for `names`: characters, prefix hashes, and the
    /// names long enough sorted by length (then position).
    fn load(&mut self, names: &[&str]) {
        self.chars.clear();
        self.spans.clear();
        self.prefix.clear();
        self.index.clear();
        self.order.clear();
        self.checked_by.clear();
        self.checked_by.resize(names.len(), usize::MAX);
        self.numbers.clear();
        self.numbers.extend(names.iter().map(|n| {
            n.chars().filter(char::is_ascii_digit).fold(0u64, |h, c| {
                h.wrapping_mul(HASH_BASE).wrapping_add(u64::from(c))
            })
        }));
        let mut longest = 0;
        for name in names {
            let start = self.chars.len();
            let hstart = self.prefix.len();
            let mut h = 0u64;
            self.prefix.push(h);
            for c in name.chars() {
                self.chars.push(c);
                h = h.wrapping_mul(HASH_BASE).wrapping_add(u64::from(c) + 1);
                self.prefix.push(h);
            }
            let len = self.chars.len() - start;
            longest = longest.max(len);
            self.spans.push((start, len, hstart));
        }
        while self.powers.len() <= longest {
            let next = self.powers.last().map_or(1, |p| p.wrapping_mul(HASH_BASE));
            self.powers.push(next);
        }
        self.order
            .extend((0..names.len()).filter(|&i| self.spans[i].1 >= CLOSE_NAME_MIN_CHARS));
        let spans = &self.spans;
        self.order.sort_unstable_by_key(|&i| (spans[i].1, i));
    }

    fn substring_hash(&self, name: usize, start: usize, width: usize) -> u64 {
        let h = self.spans[name].2 + start;
        self.prefix[h + width].wrapping_sub(self.prefix[h].wrapping_mul(self.powers[width]))
    }
}

/// The `k + 1` segments (start, width) a string of `len` characters is cut
/// into, the last ones one character longer when `len` does not divide.
fn segments(len: usize, k: usize) -> impl Iterator<Item = (usize, usize)> {
    let parts = k + 1;
    let base = len / parts;
    let longer_from = parts - len % parts;
    (0..parts).map(move |i| {
        let start = i * base + i.saturating_sub(longer_from);
        let width = base + usize::from(i >= longer_from);
        (start, width)
    })
}

fn segment_key(hash: u64, len: usize, seg: usize) -> u64 {
    hash ^ (len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ (seg as u64 + 1).wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
}

/// Levenshtein distance between `a` and `b` if it is at most `k`, computed on
/// the diagonal band of width `2k + 1` only, stopping as soon as a whole row
/// exceeds `k`. `rows` are scratch buffers.
pub(super) fn bounded_levenshtein(
    a: &[char],
    b: &[char],
    k: usize,
    rows: &mut (Vec<usize>, Vec<usize>),
) -> Option<usize> {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > k {
        return None;
    }
    let common_prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[common_prefix..], &b[common_prefix..]);
    let common_suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - common_suffix], &b[..b.len() - common_suffix]);
    let (n, m) = (a.len(), b.len());
    if n == 0 {
        return Some(m); // m <= k, checked above
    }
    let over = k + 1;
    let (prev, cur) = rows;
    prev.clear();
    prev.extend((0..=m).map(|j| j.min(over)));
    cur.clear();
    cur.resize(m + 1, over);
    for i in 1..=n {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(m);
        cur[lo - 1] = if lo == 1 { i.min(over) } else { over };
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let v = (prev[j - 1] + cost)
                .min(prev[j] + 1)
                .min(cur[j - 1] + 1)
                .min(over);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if hi < m {
            cur[hi + 1] = over;
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(prev, cur);
    }
    let d = prev[m];
    (d <= k).then_some(d)
}
