//! `tisserand event`: speed-dating events.

use std::path::PathBuf;

use std::collections::HashMap;

use clap::{Args, Subcommand};
use tisserand_app::{App, AppError, ErrorKind, ParticipantChange, QuickAdd};
use tisserand_domain::event::{
    format_time, EventBreak, EventDetail, EventInput, EventReport, EventSide, MeetingCapture,
    Participant, Presence,
};
use tisserand_domain::planner::{Plan, PlanInput, WishLevel};

use crate::output;
use crate::Format;

#[derive(Subcommand)]
pub(crate) enum EventCommand {
    /// Plan an event described in JSON (docs/events.md): optimal rounds and tables.
    Plan(PlanArgs),
    /// Create an event; prints its id.
    Create(EventArgs),
    /// Change an event's settings.
    Edit {
        id: String,
        #[command(flatten)]
        settings: EventArgs,
    },
    /// List the events.
    List {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// An event: settings, participants, plan, ticks.
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Delete an event.
    Delete { id: String },
    /// Add a directory actor (companies and funders default to the companies' side).
    Add {
        id: String,
        actor: String,
        #[arg(long)]
        side: Option<String>,
        #[arg(long)]
        contact: Option<String>,
    },
    /// Add someone at the door: creates a minimal actor, present.
    QuickAdd {
        id: String,
        #[arg(long)]
        name: String,
        /// entreprise, association, collectivite…
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        side: Option<String>,
        #[arg(long, default_value = "")]
        first_name: String,
        #[arg(long, default_value = "")]
        last_name: String,
    },
    /// Remove a participant (participant or actor id) who has met no one yet.
    Remove { id: String, who: String },
    /// Mark a participant (participant or actor id) present, absent or expected.
    Presence {
        id: String,
        who: String,
        /// present, absent or expected.
        presence: String,
    },
    /// Seat a participant at a table (or `none` to let the plan choose).
    Table {
        id: String,
        who: String,
        table: String,
    },
    /// Set a wish: FROM wants to meet TO (must, would, no; none clears it).
    Wish {
        id: String,
        from: String,
        to: String,
        level: String,
    },
    /// Plan the stored event optimally, or re-plan the rounds not started yet.
    Replan {
        id: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Record the rounds started so far (the room does this as it runs).
    Played { id: String, rounds: u32 },
    /// Enter one meeting's « à revoir » ticks and notes.
    Capture {
        id: String,
        #[arg(long)]
        round: u32,
        #[arg(long)]
        table: u32,
        #[arg(long)]
        seated_tick: bool,
        #[arg(long)]
        visitor_tick: bool,
        #[arg(long)]
        seated_note: Option<String>,
        #[arg(long)]
        visitor_note: Option<String>,
    },
    /// Turn mutual ticks into partnership leads, one-sided ones into follow-ups.
    Leads {
        id: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print the event pack (plannings, table sheets, table cards, tick sheets) as PDF.
    Pack {
        id: String,
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
        output: PathBuf,
        /// Only this participant's planning (participant or actor id), to reprint after a re-plan.
        #[arg(long)]
        participant: Option<String>,
    },
    /// The report of one event, or of a year with --year.
    Report {
        id: Option<String>,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

/// An event's settings, as options.
#[derive(Args)]
pub(crate) struct EventArgs {
    #[arg(long)]
    name: String,
    /// JJ/MM/AAAA or AAAA-MM-JJ.
    #[arg(long)]
    date: String,
    #[arg(long)]
    venue: Option<String>,
    /// 14:30.
    #[arg(long, default_value = "14:00")]
    start: String,
    #[arg(long, default_value_t = 8)]
    rounds: u32,
    #[arg(long, default_value_t = 10)]
    tables: u32,
    #[arg(long, default_value_t = 7)]
    round_minutes: u32,
    #[arg(long, default_value_t = 2)]
    changeover: u32,
    /// A break: ROUND:MINUTES (after round ROUND), repeatable.
    #[arg(long = "break", value_name = "ROUND:MINUTES")]
    breaks: Vec<String>,
    /// The side that stays seated: associations or entreprises.
    #[arg(long, default_value = "associations")]
    seated: String,
    /// Let pairs who are already partners meet again.
    #[arg(long)]
    allow_partners: bool,
}

#[derive(Args)]
pub(crate) struct PlanArgs {
    /// The event: rounds, seated and visiting participants, wishes, absent, rounds played.
    #[arg(long, value_name = "EVENT.json")]
    input: PathBuf,
    /// Also plan greedily round by round and print both objectives.
    #[arg(long)]
    compare: bool,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
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
    let plan = tisserand_app::plan_event(&input)?;
    let greedy = if args.compare {
        Some(tisserand_app::greedy_plan(&input)?)
    } else {
        None
    };
    match args.format {
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

fn invalid(fr: String, en: String) -> AppError {
    AppError::new(ErrorKind::Invalid, fr, en)
}

fn side_of(text: &str) -> Result<EventSide, AppError> {
    crate::parse_choice(
        text,
        EventSide::from_code,
        &["associations", "entreprises"],
        "Côté inconnu",
        "Unknown side",
    )
}

fn input_of(a: &EventArgs) -> Result<EventInput, AppError> {
    let breaks = a
        .breaks
        .iter()
        .map(|b| {
            b.split_once(':')
                .and_then(|(r, m)| {
                    Some(EventBreak {
                        after_round: r.trim().parse().ok()?,
                        minutes: m.trim().parse().ok()?,
                    })
                })
                .ok_or_else(|| {
                    invalid(
                        format!(
                            "Pause illisible « {b} » : écrivez TOUR:MINUTES, par exemple 4:15."
                        ),
                        format!("Unreadable break \"{b}\": write ROUND:MINUTES, e.g. 4:15."),
                    )
                })
        })
        .collect::<Result<_, _>>()?;
    Ok(EventInput {
        name: a.name.clone(),
        date: a.date.clone(),
        venue: a.venue.clone(),
        start_time: a.start.clone(),
        round_minutes: a.round_minutes,
        changeover_minutes: a.changeover,
        rounds: a.rounds,
        tables: a.tables,
        breaks,
        seated_side: side_of(&a.seated)?,
        allow_partners: a.allow_partners,
        notes: None,
    })
}

/// A participant named by its participant id or its actor's id.
fn participant<'a>(detail: &'a EventDetail, who: &str) -> Result<&'a Participant, AppError> {
    detail
        .participants
        .iter()
        .find(|p| p.id == who || p.actor_id == who)
        .ok_or_else(|| {
            AppError::new(
                ErrorKind::NotFound,
                format!(
                    "« {who} » ne participe pas à l'événement « {} ».",
                    detail.event.name
                ),
                format!(
                    "\"{who}\" does not take part in event \"{}\".",
                    detail.event.name
                ),
            )
        })
}

/// The participant id of `who` (a participant or an actor id) in event `id`.
fn participant_id(app: &App, id: &str, who: &str) -> Result<String, AppError> {
    Ok(participant(&app.event(id)?, who)?.id.clone())
}

fn print_detail(d: &EventDetail) {
    let e = &d.event;
    out!(
        "{} — {} à {}{} ; {} tours de {} min (+{} min), {} tables ; {} tours commencés",
        e.name,
        e.date.format("%d/%m/%Y"),
        format_time(e.start_time),
        e.venue
            .as_ref()
            .map_or_else(String::new, |v| format!(", {v}")),
        e.rounds,
        e.round_minutes,
        e.changeover_minutes,
        e.tables,
        e.played_rounds
    );
    if let Some(n) = d.possible_meetings {
        out!("Rencontres possibles au plus : {n}");
    }
    let names: HashMap<&str, &str> = d
        .participants
        .iter()
        .map(|p| (p.id.as_str(), p.actor_name.as_str()))
        .collect();
    let rows: Vec<Vec<String>> = d
        .participants
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                p.actor_name.clone(),
                if p.side == e.seated_side {
                    "assis"
                } else {
                    "tourne"
                }
                .to_owned(),
                p.table.map_or_else(String::new, |t| t.to_string()),
                p.presence.code().to_owned(),
            ]
        })
        .collect();
    output::table(&["ID", "PARTICIPANT", "CÔTÉ", "TABLE", "PRÉSENCE"], &rows);
    for m in &d.meetings {
        let tick = |t: bool| if t { "✓" } else { " " };
        out!(
            "Tour {} table {} : {} [{}] ↔ {} [{}]{}",
            m.round,
            m.table,
            names.get(m.seated.as_str()).unwrap_or(&"?"),
            tick(m.seated_tick),
            names.get(m.visitor.as_str()).unwrap_or(&"?"),
            tick(m.visitor_tick),
            m.partnership_title
                .as_ref()
                .map_or_else(String::new, |t| format!(" → « {t} »"))
        );
    }
}

/// « 2 présents, 1 absent, présence non relevée pour 13 », or « présence
/// non relevée » when nobody's presence was recorded.
fn presence_fr(r: &EventReport) -> String {
    if r.participants > 0 && r.unrecorded == r.participants {
        return "présence non relevée".into();
    }
    let mut parts = vec![format!(
        "{} présent{}",
        r.present,
        if r.present > 1 { "s" } else { "" }
    )];
    if r.absent > 0 {
        parts.push(format!(
            "{} absent{}",
            r.absent,
            if r.absent > 1 { "s" } else { "" }
        ));
    }
    if r.unrecorded > 0 {
        parts.push(format!("présence non relevée pour {}", r.unrecorded));
    }
    parts.join(", ")
}

fn print_report(r: &EventReport, format: Format) {
    match format {
        Format::Json => output::json(r),
        Format::Table => {
            let f = &r.funnel;
            out!(
                "{} : {} événement(s), {} participants ({})",
                r.title,
                r.events,
                r.participants,
                presence_fr(r)
            );
            out!("Rencontres : {}", f.meetings);
            out!("Au moins un « à revoir » : {}", f.ticked);
            out!("« À revoir » des deux côtés : {}", f.mutual);
            out!(
                "Pistes de partenariat : {} (encore vivantes : {})",
                f.leads,
                f.alive
            );
            out!("Contractualisées ou au-delà : {}", f.contracted);
            out!(
                "Relances : {} (faites : {})",
                f.follow_ups,
                f.follow_ups_done
            );
            for m in &r.by_mode {
                out!(
                    "  {} : {} pistes, {} contractualisées",
                    m.mode.map_or("Mode à préciser", |m| m.label_fr()),
                    m.leads,
                    m.contracted
                );
            }
        }
    }
}

pub(crate) fn run(app: &mut App, cmd: EventCommand) -> Result<(), AppError> {
    match cmd {
        EventCommand::Plan(args) => plan(&args)?,
        EventCommand::Create(a) => {
            let e = app.create_event(&input_of(&a)?)?;
            out!("{}", e.id);
        }
        EventCommand::Edit { id, settings } => {
            let e = app.event(&id)?.event;
            app.update_event(&id, e.version, &input_of(&settings)?)?;
        }
        EventCommand::List { format } => {
            let events = app.events()?;
            match format {
                Format::Json => output::json(&events),
                Format::Table => {
                    let rows: Vec<Vec<String>> = events
                        .iter()
                        .map(|e| {
                            vec![
                                e.id.clone(),
                                e.date.format("%d/%m/%Y").to_string(),
                                e.name.clone(),
                                e.participants.to_string(),
                                format!("{}/{}", e.played_rounds, e.rounds),
                                e.leads.to_string(),
                            ]
                        })
                        .collect();
                    output::table(
                        &["ID", "DATE", "NOM", "PARTICIPANTS", "TOURS", "PISTES"],
                        &rows,
                    );
                }
            }
        }
        EventCommand::Show { id, format } => {
            let d = app.event(&id)?;
            match format {
                Format::Json => output::json(&d),
                Format::Table => print_detail(&d),
            }
        }
        EventCommand::Delete { id } => app.delete_event(&id)?,
        EventCommand::Add {
            id,
            actor,
            side,
            contact,
        } => {
            let side = side.as_deref().map(side_of).transpose()?;
            app.add_event_participant(&id, &actor, side, contact.as_deref())?;
        }
        EventCommand::QuickAdd {
            id,
            name,
            kind,
            side,
            first_name,
            last_name,
        } => {
            let kind = kind
                .as_deref()
                .map(|k| {
                    crate::parse_choice(
                        k,
                        tisserand_domain::ActorKind::parse,
                        &tisserand_domain::ActorKind::ALL.map(tisserand_domain::ActorKind::code),
                        "Type d'acteur inconnu",
                        "Unknown actor kind",
                    )
                })
                .transpose()?;
            let q = QuickAdd {
                name,
                kind,
                side: side.as_deref().map(side_of).transpose()?,
                first_name,
                last_name,
                email: None,
            };
            let d = app.quick_add_participant(&id, &q)?;
            if let Some(p) = d
                .participants
                .iter()
                .filter(|p| p.quick_added)
                .max_by_key(|p| p.id.clone())
            {
                out!("{}", p.id);
            }
        }
        EventCommand::Remove { id, who } => {
            let p = participant_id(app, &id, &who)?;
            app.remove_event_participant(&id, &p)?;
        }
        EventCommand::Presence { id, who, presence } => {
            let presence = crate::parse_choice(
                &presence,
                Presence::from_code,
                &["present", "absent", "expected"],
                "Présence inconnue",
                "Unknown presence",
            )?;
            let p = participant_id(app, &id, &who)?;
            app.change_event_participant(
                &id,
                &p,
                &ParticipantChange {
                    presence: Some(presence),
                    ..ParticipantChange::default()
                },
            )?;
        }
        EventCommand::Table { id, who, table } => {
            let table = if table == "none" {
                None
            } else {
                Some(table.parse::<u32>().map_err(|_| {
                    invalid(
                        format!("Table illisible « {table} » : un numéro, ou none."),
                        format!("Unreadable table \"{table}\": a number, or none."),
                    )
                })?)
            };
            let p = participant_id(app, &id, &who)?;
            app.change_event_participant(
                &id,
                &p,
                &ParticipantChange {
                    table,
                    clear_table: table.is_none(),
                    ..ParticipantChange::default()
                },
            )?;
        }
        EventCommand::Wish {
            id,
            from,
            to,
            level,
        } => {
            let level = if level == "none" {
                None
            } else {
                Some(crate::parse_choice(
                    &level,
                    |l| {
                        serde_json::from_value::<WishLevel>(serde_json::Value::String(l.to_owned()))
                            .ok()
                    },
                    &["must", "would", "no", "none"],
                    "Souhait inconnu",
                    "Unknown wish",
                )?)
            };
            let f = participant_id(app, &id, &from)?;
            let t = participant_id(app, &id, &to)?;
            app.set_event_wish(&id, &f, &t, level)?;
        }
        EventCommand::Replan { id, format } => {
            let d = app.plan_stored_event(&id)?;
            match format {
                Format::Json => output::json(&d),
                Format::Table => {
                    print_detail(&d);
                    if let Some(s) = &d.event.plan_summary {
                        out!(
                            "Objectifs : {} / {} / plancher {} / {} / {} rencontres (bornes {} / {} / {} / {} / {})",
                            s.objective.must_both, s.objective.must_one, s.objective.floor, s.objective.would, s.objective.total,
                            s.bound.must_both, s.bound.must_one, s.bound.floor, s.bound.would, s.bound.total
                        );
                    }
                }
            }
        }
        EventCommand::Played { id, rounds } => app.set_event_played_rounds(&id, rounds)?,
        EventCommand::Capture {
            id,
            round,
            table,
            seated_tick,
            visitor_tick,
            seated_note,
            visitor_note,
        } => {
            app.capture_event_meeting(
                &id,
                &MeetingCapture {
                    round,
                    table,
                    seated_tick,
                    visitor_tick,
                    seated_note,
                    visitor_note,
                },
            )?;
        }
        EventCommand::Leads { id, format } => {
            let o = app.create_event_leads(&id, crate::clock::now())?;
            match format {
                Format::Json => output::json(&o),
                Format::Table => out!(
                    "{} piste(s) de partenariat créée(s), {} relance(s), {} déjà créée(s) avant.",
                    o.partnerships.len(),
                    o.follow_ups,
                    o.already
                ),
            }
        }
        EventCommand::Pack {
            id,
            output,
            participant: who,
        } => {
            let who = match who {
                Some(w) => Some(participant_id(app, &id, &w)?),
                None => None,
            };
            let bytes = app.event_pack(&id, who.as_deref(), crate::clock::now().today())?;
            tisserand_app::write_document(&output, &bytes)?;
            out!("{}", output.display());
        }
        EventCommand::Report { id, year, format } => {
            let r = match (id, year) {
                (Some(id), None) => app.event_report(&id)?,
                (None, Some(year)) => app.events_year_report(year)?,
                _ => {
                    return Err(invalid(
                        "Donnez soit l'identifiant d'un événement, soit --year ANNÉE.".into(),
                        "Give either an event id or --year YEAR.".into(),
                    ))
                }
            };
            print_report(&r, format);
        }
    }
    Ok(())
}
