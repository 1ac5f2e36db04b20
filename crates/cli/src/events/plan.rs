//! `tisserand events plan`: plan an event described in a JSON file, without
//! a database.

use std::path::PathBuf;

use clap::Args;
use tisserand_app::{AppError, ErrorKind};
use tisserand_domain::planner::{Plan, PlanInput};

use crate::{output, Format, FormatArg};

#[derive(Args)]
pub(crate) struct PlanArgs {
    /// The event: rounds, seated and visiting participants, wishes, absent, rounds played.
    #[arg(long, value_name = "EVENT.json")]
    input: PathBuf,
    /// Also plan greedily round by round and print both objectives.
    #[arg(long)]
    compare: bool,
    #[command(flatten)]
    fmt: FormatArg,
}

fn read_input(path: &PathBuf) -> Result<PlanInput, AppError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        AppError::new(
            ErrorKind::Invalid,
            format!("Impossible de lire {} : {e}.", path.display()),
            format!("Cannot read {}: {e}.", path.display()),
        )
    })?;
    serde_json::from_str(&text).map_err(|e| {
        AppError::new(
            ErrorKind::Invalid,
            format!(
                "{} ne décrit pas un événement : {e} (voir docs/events.md).",
                path.display()
            ),
            format!(
                "{} does not describe an event: {e} (see docs/events.md).",
                path.display()
            ),
        )
    })
}

fn print_plan(plan: &Plan) {
    for (i, round) in plan.rounds.iter().enumerate() {
        let meetings = round
            .iter()
            .map(|m| format!("table {} : {} ↔ {}", m.table, m.seated, m.visitor))
            .collect::<Vec<_>>()
            .join(" ; ");
        out!("Manche {} — {meetings}", i + 1);
        if let Some(byes) = plan.byes.get(i).filter(|b| !b.is_empty()) {
            out!("  en pause : {}", byes.join(", "));
        }
    }
    let o = &plan.objective;
    let b = &plan.bound;
    out!(
        "Rencontres « à rencontrer » des deux côtés : {} (borne {})",
        o.must_both,
        b.must_both
    );
    out!(
        "Autres rencontres souhaitées « à rencontrer » : {} (borne {})",
        o.must_one,
        b.must_one
    );
    out!(
        "Rencontres minimum par participant : {} (plancher {}, borne {})",
        o.min_meetings,
        o.floor,
        b.floor
    );
    out!("Rencontres « aimerait » : {} (borne {})", o.would, b.would);
    out!("Rencontres en tout : {} (borne {})", o.total, b.total);
}

pub(crate) fn plan(args: &PlanArgs) -> Result<(), AppError> {
    let input = read_input(&args.input)?;
    let plan = tisserand_app::plan_described_event(&input)?;
    let greedy = if args.compare {
        Some(tisserand_app::greedy_plan(&input)?)
    } else {
        None
    };
    match args.fmt.format {
        Format::Json => match &greedy {
            None => output::json(&plan),
            Some(g) => output::json(&serde_json::json!({
                "rounds": plan.rounds, "byes": plan.byes, "objective": plan.objective,
                "bound": plan.bound, "optimal": plan.optimal, "greedy": g.objective,
            })),
        },
        Format::Table => {
            print_plan(&plan);
            if let Some(g) = greedy {
                out!(
                    "Glouton manche par manche : {} / {} / {} / {} / {} (optimal : {} / {} / {} / {} / {})",
                    g.objective.must_both, g.objective.must_one, g.objective.floor, g.objective.would, g.objective.total,
                    plan.objective.must_both, plan.objective.must_one, plan.objective.floor, plan.objective.would, plan.objective.total
                );
            }
        }
    }
    Ok(())
}
