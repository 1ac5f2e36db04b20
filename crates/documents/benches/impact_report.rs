//! Timing of the impact report, release build:
//! `cargo bench -p tisserand-documents --bench impact_report`.
//!
//! Renders the report of a year of 500 partnerships (`big_report` in
//! `tests/common/impact.rs`: every theme and level measured in four units,
//! five stories with two photos each, 700 partners named — 36 pages) 20
//! times and prints the median and the 95th percentile. Target: ≤ 1 s.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let input = common::impact::big_report();
    let first = tisserand_documents::impact_report::render(&input).expect("report");
    let mut times = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let bytes = tisserand_documents::impact_report::render(&input).expect("report");
        times.push(t.elapsed());
        assert_eq!(bytes.len(), first.len());
    }
    times.sort();
    let med = times[times.len() / 2];
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    println!(
        "impact report, 500 partnerships ({} KiB): median {:.1} ms, p95 {:.1} ms (target ≤ 1000 ms)",
        first.len() / 1024,
        ms(med),
        ms(p95)
    );
}
