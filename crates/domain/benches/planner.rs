//! Speed-dating planner benchmark: 150 seated × 150 visitors, 15 rounds,
//! 20 wishes each (must / would / no), then a re-plan after 5 played rounds
//! with 10 absent and 2 quick-added visitors, and the greedy round-by-round
//! baseline on the same input. Targets: plan ≤ 1 s, re-plan ≤ 300 ms.
//!
//! `cargo bench -p tisserand-domain --bench planner`

use std::time::Instant;

use tisserand_domain::planner::{
    greedy_plan, plan, PlanInput, PlanSeated, PlanVisitor, Wish, WishLevel,
};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }
}

const SIDE: usize = 150;
const SECTORS: [&str; 5] = ["culture", "industrie", "social", "sport", "numerique"];

fn event(rng: &mut Rng) -> PlanInput {
    let mut input = PlanInput {
        rounds: 15,
        ..PlanInput::default()
    };
    for i in 0..SIDE {
        input.seated.push(PlanSeated {
            id: format!("a{i}"),
            table: None,
            sector: Some(SECTORS[rng.below(SECTORS.len())].to_owned()),
        });
        input.visitors.push(PlanVisitor {
            id: format!("c{i}"),
            sector: Some(SECTORS[rng.below(SECTORS.len())].to_owned()),
        });
    }
    // 20 wishes per participant toward the other side.
    for i in 0..SIDE {
        for (me, other) in [("a", "c"), ("c", "a")] {
            for _ in 0..20 {
                let level = match rng.below(10) {
                    0..=2 => WishLevel::Must,
                    3..=7 => WishLevel::Would,
                    _ => WishLevel::No,
                };
                input.wishes.push(Wish {
                    from: format!("{me}{i}"),
                    to: format!("{other}{}", rng.below(SIDE)),
                    level,
                });
            }
        }
    }
    input
}

fn main() {
    let mut rng = Rng(0x5EED_CAFE_F00D_1234);
    let input = event(&mut rng);

    let start = Instant::now();
    let planned = match plan(&input) {
        Ok(p) => p,
        Err(e) => panic!("plan: {e}"),
    };
    let plan_time = start.elapsed();

    let start = Instant::now();
    let greedy = match greedy_plan(&input) {
        Ok(p) => p,
        Err(e) => panic!("greedy: {e}"),
    };
    let greedy_time = start.elapsed();

    // Re-plan after 5 rounds: 10 absent, 2 quick-added visitors.
    let mut again = input.clone();
    again.played = planned.rounds[..5].to_vec();
    for _ in 0..10 {
        let id = if rng.below(2) == 0 {
            format!("a{}", rng.below(SIDE))
        } else {
            format!("c{}", rng.below(SIDE))
        };
        if !again.absent.contains(&id) {
            again.absent.push(id);
        }
    }
    for (k, sector) in SECTORS.iter().enumerate().take(2) {
        again.visitors.push(PlanVisitor {
            id: format!("new{k}"),
            sector: Some((*sector).to_owned()),
        });
    }
    let start = Instant::now();
    let replanned = match plan(&again) {
        Ok(p) => p,
        Err(e) => panic!("re-plan: {e}"),
    };
    let replan_time = start.elapsed();

    println!(
        "planner 150 x 150, 15 rounds, 20 wishes each ({} wishes)",
        input.wishes.len()
    );
    println!("plan:    {plan_time:>10.1?}  (target 1 s)");
    println!(
        "re-plan: {replan_time:>10.1?}  (target 300 ms; 5 played, {} absent, 2 new)",
        again.absent.len()
    );
    println!("greedy:  {greedy_time:>10.1?}");
    println!("planner objective: {:?}", planned.objective);
    println!("greedy objective:  {:?}", greedy.objective);
    println!("upper bound:       {:?}", planned.bound);
    println!("re-plan objective: {:?}", replanned.objective);
    println!("re-plan bound:     {:?}", replanned.bound);

    // Same event without wishes: everyone may meet everyone (dense graph).
    let mut dense = input.clone();
    dense.wishes.clear();
    let start = Instant::now();
    let dense_plan = match plan(&dense) {
        Ok(p) => p,
        Err(e) => panic!("dense: {e}"),
    };
    println!(
        "no wishes (22,500 pairs): {:>10.1?}  {:?}",
        start.elapsed(),
        dense_plan.objective
    );
}
