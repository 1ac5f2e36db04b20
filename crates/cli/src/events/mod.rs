//! `tisserand events …`: speed-dating events.

mod plan;
mod print;
mod wish;

use std::path::PathBuf;

use clap::{Args, Subcommand};
use tisserand_app::{App, AppError, ErrorKind, ParticipantChange, QuickAdd};
use tisserand_domain::event::{
    EventBreak, EventDetail, EventInput, EventSide, MeetingCapture, Participant, Presence,
};
use tisserand_domain::planner::WishLevel;

pub(crate) use plan::{plan, PlanArgs};
use print::{print_detail, print_report};

use crate::actors::kind_of;
use crate::{output, Format, FormatArg};

#[derive(Subcommand)]
pub(crate) enum EventsCommand {
    /// Plan an event described in JSON (docs/events.md): optimal rounds and tables.
    Plan(PlanArgs),
    /// Create an event; prints its id.
    Create(EventArgs),
    /// Change an event's settings.
    #[command(alias = "edit")]
    Update {
        id: String,
        #[command(flatten)]
        settings: EventArgs,
    },
    /// List the events.
    List(FormatArg),
    /// An event: settings, participants, plan, ticks.
    #[command(alias = "show")]
    Get {
        id: String,
        #[command(flatten)]
        fmt: FormatArg,
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
    QuickAdd(QuickAddArgs),
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
    /// Suggested wishes: for each participant, who of the other side it should meet
    /// (« champ des possibles »); --accept adds them all as « would » wishes.
    SuggestWishes {
        id: String,
        #[arg(long)]
        accept: bool,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Plan the stored event optimally, or re-plan the rounds not started yet.
    Replan {
        id: String,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Record the rounds started so far (the room does this as it runs).
    Played { id: String, rounds: u32 },
    /// Enter one meeting's « à revoir » ticks and notes.
    Capture {
        id: String,
        #[command(flatten)]
        capture: CaptureArgs,
    },
    /// Turn mutual ticks into partnership leads, one-sided ones into follow-ups.
    Leads {
        id: String,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Print the event pack (plannings, table sheets, table cards, tick sheets) as PDF.
    Pack(PackArgs),
    /// The report of one event, or of a year with --year.
    Report {
        id: Option<String>,
        #[arg(long)]
        year: Option<i32>,
        #[command(flatten)]
        fmt: FormatArg,
    },
}

/// Someone added at the door.
#[derive(Args)]
pub(crate) struct QuickAddArgs {
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
}

/// One meeting's ticks and notes.
#[derive(Args)]
pub(crate) struct CaptureArgs {
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
}

/// The event pack, or one participant's planning.
#[derive(Args)]
pub(crate) struct PackArgs {
    id: String,
    #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
    output: PathBuf,
    /// Only this participant's planning (participant or actor id), to reprint after a re-plan.
    #[arg(long)]
    participant: Option<String>,
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
    /// 14:30. Not given: the event's own (when updating), else the new
    /// events' defaults of Réglages (14:00 built in); the same for the
    /// timing options below.
    #[arg(long)]
    start: Option<String>,
    /// Built in: 8.
    #[arg(long)]
    rounds: Option<u32>,
    /// Built in: 10.
    #[arg(long)]
    tables: Option<u32>,
    /// Built in: 7.
    #[arg(long)]
    round_minutes: Option<u32>,
    /// Built in: 2.
    #[arg(long)]
    changeover: Option<u32>,
    /// A break: ROUND:MINUTES (after round ROUND), repeatable.
    #[arg(long = "break", value_name = "ROUND:MINUTES")]
    breaks: Vec<String>,
    /// The side that stays seated: associations or entreprises.
    #[arg(long)]
    seated: Option<String>,
    /// Let pairs who are already partners meet again.
    #[arg(long)]
    allow_partners: bool,
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

/// The event `a` describes, what it does not say taken from `base`.
fn input_of(a: &EventArgs, base: EventInput) -> Result<EventInput, AppError> {
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
        venue: a.venue.clone().or(base.venue),
        start_time: a.start.clone().unwrap_or(base.start_time),
        round_minutes: a.round_minutes.unwrap_or(base.round_minutes),
        changeover_minutes: a.changeover.unwrap_or(base.changeover_minutes),
        rounds: a.rounds.unwrap_or(base.rounds),
        tables: a.tables.unwrap_or(base.tables),
        breaks: if a.breaks.is_empty() {
            base.breaks
        } else {
            breaks
        },
        seated_side: a
            .seated
            .as_deref()
            .map(side_of)
            .transpose()?
            .unwrap_or(base.seated_side),
        allow_partners: a.allow_partners,
        notes: base.notes,
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
    Ok(participant(&app.get_event(id)?, who)?.id.clone())
}

pub(crate) fn run(app: &mut App, cmd: EventsCommand) -> Result<(), AppError> {
    match cmd {
        EventsCommand::Plan(args) => plan(&args),
        EventsCommand::Create(a) => create(app, &a),
        EventsCommand::Update { id, settings } => edit(app, &id, &settings),
        EventsCommand::List(a) => list(app, a.format),
        EventsCommand::Get { id, fmt } => show(app, &id, fmt.format),
        EventsCommand::Delete { id } => app.delete_event(&id),
        EventsCommand::Add {
            id,
            actor,
            side,
            contact,
        } => add(app, &id, &actor, side.as_deref(), contact.as_deref()),
        EventsCommand::QuickAdd(args) => quick_add(app, args),
        EventsCommand::Remove { id, who } => remove(app, &id, &who),
        EventsCommand::Presence { id, who, presence } => set_presence(app, &id, &who, &presence),
        EventsCommand::Table { id, who, table } => set_table(app, &id, &who, &table),
        EventsCommand::Wish {
            id,
            from,
            to,
            level,
        } => set_wish(app, &id, &from, &to, &level),
        EventsCommand::SuggestWishes { id, accept, fmt } => {
            wish::suggest_wishes(app, &id, accept, fmt.format)
        }
        EventsCommand::Replan { id, fmt } => replan(app, &id, fmt.format),
        EventsCommand::Played { id, rounds } => app.set_event_played_rounds(&id, rounds),
        EventsCommand::Capture { id, capture } => capture_meeting(app, &id, capture),
        EventsCommand::Leads { id, fmt } => leads(app, &id, fmt.format),
        EventsCommand::Pack(args) => pack(app, args),
        EventsCommand::Report { id, year, fmt } => report(app, id, year, fmt.format),
    }
}

fn create(app: &mut App, a: &EventArgs) -> Result<(), AppError> {
    let e = app.create_event(&input_of(a, app.get_event_input(None)?)?)?;
    out!("{}", e.id);
    Ok(())
}

fn edit(app: &mut App, id: &str, settings: &EventArgs) -> Result<(), AppError> {
    let e = app.get_event(id)?.event;
    app.update_event(
        id,
        e.version,
        &input_of(settings, app.get_event_input(Some(id))?)?,
    )?;
    Ok(())
}

fn list(app: &App, format: Format) -> Result<(), AppError> {
    let events = app.list_events()?;
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
    Ok(())
}

fn show(app: &App, id: &str, format: Format) -> Result<(), AppError> {
    let d = app.get_event(id)?;
    match format {
        Format::Json => output::json(&d),
        Format::Table => print_detail(&d),
    }
    Ok(())
}

fn add(
    app: &mut App,
    id: &str,
    actor: &str,
    side: Option<&str>,
    contact: Option<&str>,
) -> Result<(), AppError> {
    let side = side.map(side_of).transpose()?;
    app.add_event_participant(id, actor, side, contact)?;
    Ok(())
}

/// Adds someone at the door and prints their participant id.
fn quick_add(app: &mut App, args: QuickAddArgs) -> Result<(), AppError> {
    let q = QuickAdd {
        kind: args.kind.as_deref().map(kind_of).transpose()?,
        side: args.side.as_deref().map(side_of).transpose()?,
        name: args.name,
        first_name: args.first_name,
        last_name: args.last_name,
        email: None,
    };
    let d = app.quick_add_event_participant(&args.id, &q)?;
    if let Some(p) = d
        .participants
        .iter()
        .filter(|p| p.quick_added)
        .max_by_key(|p| p.id.clone())
    {
        out!("{}", p.id);
    }
    Ok(())
}

fn remove(app: &mut App, id: &str, who: &str) -> Result<(), AppError> {
    let p = participant_id(app, id, who)?;
    app.remove_event_participant(id, &p)?;
    Ok(())
}

fn set_presence(app: &mut App, id: &str, who: &str, presence: &str) -> Result<(), AppError> {
    let presence = crate::parse_choice(
        presence,
        Presence::from_code,
        &["present", "absent", "expected"],
        "Présence inconnue",
        "Unknown presence",
    )?;
    let p = participant_id(app, id, who)?;
    app.change_event_participant(
        id,
        &p,
        &ParticipantChange {
            presence: Some(presence),
            ..ParticipantChange::default()
        },
    )?;
    Ok(())
}

/// Seats a participant at table `table`, or with `none` lets the plan choose.
fn set_table(app: &mut App, id: &str, who: &str, table: &str) -> Result<(), AppError> {
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
    let p = participant_id(app, id, who)?;
    app.change_event_participant(
        id,
        &p,
        &ParticipantChange {
            table,
            clear_table: table.is_none(),
            ..ParticipantChange::default()
        },
    )?;
    Ok(())
}

/// Sets `from`'s wish toward `to`, or with `none` clears it.
fn set_wish(app: &mut App, id: &str, from: &str, to: &str, level: &str) -> Result<(), AppError> {
    let level = if level == "none" {
        None
    } else {
        Some(crate::parse_choice(
            level,
            |l| serde_json::from_value::<WishLevel>(serde_json::Value::String(l.to_owned())).ok(),
            &["must", "would", "no", "none"],
            "Souhait inconnu",
            "Unknown wish",
        )?)
    };
    let f = participant_id(app, id, from)?;
    let t = participant_id(app, id, to)?;
    app.set_event_wish(id, &f, &t, level)?;
    Ok(())
}

fn replan(app: &mut App, id: &str, format: Format) -> Result<(), AppError> {
    let d = app.plan_event(id)?;
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
    Ok(())
}

fn capture_meeting(app: &mut App, id: &str, c: CaptureArgs) -> Result<(), AppError> {
    let capture = MeetingCapture {
        round: c.round,
        table: c.table,
        seated_tick: c.seated_tick,
        visitor_tick: c.visitor_tick,
        seated_note: c.seated_note,
        visitor_note: c.visitor_note,
    };
    app.capture_event_meeting(id, &capture)?;
    Ok(())
}

fn leads(app: &mut App, id: &str, format: Format) -> Result<(), AppError> {
    let o = app.create_event_leads(id, crate::clock::now())?;
    match format {
        Format::Json => output::json(&o),
        Format::Table => out!(
            "{} piste(s) de partenariat créée(s), {} relance(s), {} déjà créée(s) avant.",
            o.partnerships.len(),
            o.follow_ups,
            o.already
        ),
    }
    Ok(())
}

/// Writes the event pack, or one participant's planning, and prints its path.
fn pack(app: &mut App, args: PackArgs) -> Result<(), AppError> {
    let PackArgs {
        id,
        output,
        participant: who,
    } = args;
    let who = match who {
        Some(w) => Some(participant_id(app, &id, &w)?),
        None => None,
    };
    app.write_event_pack(&id, who.as_deref(), &output, crate::clock::now().today())?;
    out!("{}", output.display());
    Ok(())
}

/// The report of event `id`, or of year `year`: one of them, not both.
fn report(
    app: &App,
    id: Option<String>,
    year: Option<i32>,
    format: Format,
) -> Result<(), AppError> {
    let r = match (id, year) {
        (Some(id), None) => app.get_event_report(&id)?,
        (None, Some(year)) => app.get_events_year_report(year)?,
        _ => {
            return Err(invalid(
                "Donnez soit l'identifiant d'un événement, soit --year ANNÉE.".into(),
                "Give either an event id or --year YEAR.".into(),
            ))
        }
    };
    print_report(&r, format);
    Ok(())
}
