//! `tisserand partnerships …`: the partnership pipeline on the command line.
//!
//! In JSON output, parties are written with snake_case keys (`actor_id`,
//! `actor_name`, `role`, `contact_id`), as scripts were promised; the other
//! fields keep the window's camelCase.

mod evaluation;
mod input;
mod print;
mod show;

use clap::{Args, Subcommand};
use tisserand_app::{App, AppError};
use tisserand_domain::{
    EssaimagePlan, PartnershipQuery, PartnershipSort, PartnershipSummary, Question,
};

pub(crate) use input::{date_of, mode_of, stage_of};
use input::{edited, input_of, invalid, number_of, sort_of};
pub(crate) use print::print_possibilities;
use print::{detail_json, print_list, print_overview, print_proposal};
use show::print_detail;

use crate::output::json;
use crate::{Format, FormatArg};

#[derive(Subcommand)]
pub(crate) enum PartnershipsCommand {
    /// List partnerships by stage, then title.
    List {
        #[command(flatten)]
        filter: ModeStage,
        /// Only the partnerships this actor (id) is a party of.
        #[arg(long)]
        actor: Option<String>,
        #[command(flatten)]
        filters: ListFilters,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Counts: mode × stage, by département, by facilitator, by tag.
    Overview(FormatArg),
    /// Spread a partnership to another territory (« essaimer »): a new one at stage
    /// rencontre with the same structure, one --actor per original party, in order.
    Essaimer(EssaimerArgs),
    /// Create a partnership (at stage rencontre); prints its id.
    #[command(alias = "add")]
    Create(Box<AddArgs>),
    /// Edit a partnership loaded at --version (see `get`): refused if it changed since.
    #[command(alias = "edit")]
    Update(Box<EditArgs>),
    /// Move a partnership to another stage (abandonne needs --reason).
    Move {
        id: String,
        stage: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Show one partnership: parties, modes, contributions, totals, actions, timeline.
    #[command(alias = "show")]
    Get {
        id: String,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Add a dated note to the timeline.
    Note { id: String, text: String },
    /// Record a value of indicator number N (from 1, as `get` numbers them).
    Measure {
        id: String,
        number: usize,
        value: String,
        /// The date of the value, YYYY-MM-DD (default: today).
        #[arg(long)]
        on: Option<String>,
    },
    /// Mark next action number N (from 1, as `get` numbers them) done.
    #[command(alias = "done")]
    Complete { id: String, number: usize },
    /// Undo `complete`: next action number N is to do again.
    Reopen { id: String, number: usize },
    /// Delete a partnership (undo with `partnerships restore`).
    Delete { id: String },
    /// Undo the deletion of a partnership.
    Restore { id: String },
    /// Enter a party's evaluation (review meeting): three answers on the scale
    /// pas du tout / plutôt non / plutôt oui / tout à fait, what it brought and gained.
    Evaluate(Box<evaluation::EvaluateArgs>),
    /// Delete evaluation number N (from 1, as `get` numbers them).
    DeleteEvaluation { id: String, number: usize },
    /// Write the evaluation questionnaire (one page per party) as a PDF.
    Questionnaire(crate::documents::DocumentArgs),
    /// Propose a mode from yes/no questions (without --yes: list the questions).
    Classify {
        /// The questions answered yes, comma-separated: q1,q3…
        #[arg(long, value_delimiter = ',')]
        yes: Vec<String>,
        #[command(flatten)]
        fmt: FormatArg,
    },
}

/// `--mode` and `--stage`: the filters of the partnership list, also used to
/// choose the briefs to print.
#[derive(Args)]
pub(crate) struct ModeStage {
    /// mecenat, cooperation_economique, innovation_societale, pratiques_responsables (primary or secondary).
    #[arg(long)]
    mode: Option<String>,
    /// rencontre, exploration, preparation, contractualisation, mise_en_oeuvre, evaluation, essaimage, abandonne.
    #[arg(long)]
    stage: Option<String>,
}

impl ModeStage {
    /// The query these filters make, with no other filter.
    pub(crate) fn query(&self) -> Result<PartnershipQuery, AppError> {
        Ok(PartnershipQuery {
            mode: self.mode.as_deref().map(mode_of).transpose()?,
            stage: self.stage.as_deref().map(stage_of).transpose()?,
            ..PartnershipQuery::default()
        })
    }
}

/// Filters and order of `partnerships list` beyond mode, stage and actor.
#[derive(Args)]
pub(crate) struct ListFilters {
    /// Commune INSEE code of the territory.
    #[arg(long)]
    commune: Option<String>,
    /// Département code of the territory (67, 2A…).
    #[arg(long)]
    departement: Option<String>,
    #[arg(long)]
    facilitator: Option<String>,
    #[arg(long)]
    tag: Option<String>,
    /// Only those with an action past its due date.
    #[arg(long)]
    overdue: bool,
    /// Only those in mise en œuvre for more than six months without any measure.
    #[arg(long)]
    unmeasured: bool,
    /// Words of the title.
    #[arg(long)]
    text: Option<String>,
    /// stage (default), title, mode, facilitator, days (in stage), due (next due date), updated.
    #[arg(long)]
    sort: Option<String>,
    /// Reverse the sort.
    #[arg(long)]
    desc: bool,
}

/// A partnership spread to another territory.
#[derive(Args)]
pub(crate) struct EssaimerArgs {
    id: String,
    #[arg(long)]
    title: String,
    /// Commune INSEE code; repeat for several.
    #[arg(long = "commune", required = true)]
    communes: Vec<String>,
    /// The actor (id) taking each original party's place, in order; repeat.
    #[arg(long = "actor")]
    actors: Vec<String>,
    #[arg(long)]
    facilitator: Option<String>,
    #[command(flatten)]
    fmt: FormatArg,
}

/// `--mode`, `--secondary`, `--gift`: a partnership's modes, as created or edited.
#[derive(Args)]
pub(crate) struct ModeArgs {
    /// The primary mode.
    #[arg(long)]
    mode: Option<String>,
    /// A secondary mode. Repeatable; with `update`, the ones given replace the secondary modes.
    #[arg(long = "secondary")]
    secondary: Vec<String>,
    /// What a mécénat gives: financier, en_nature, logistique, competences. Repeatable;
    /// with `update`, the ones given replace the mécénat kinds.
    #[arg(long = "gift")]
    gifts: Vec<String>,
}

#[derive(Args)]
pub(crate) struct AddArgs {
    #[arg(long)]
    title: String,
    /// ACTOR_ID:ROLE[:CONTACT_ID]; roles: porteur, partenaire, financeur, beneficiaire,
    /// collectivite_associee, operateur, investisseur, evaluateur, structurateur. Repeat (two or more).
    #[arg(long = "party")]
    parties: Vec<String>,
    #[command(flatten)]
    modes: ModeArgs,
    #[arg(long)]
    summary: Option<String>,
    /// A commune (INSEE code) of the territory. Repeatable.
    #[arg(long = "commune")]
    communes: Vec<String>,
    /// ACTOR_ID:KIND:EUROS[:HOURS[:DESCRIPTION]]; kinds: numeraire, nature, competences,
    /// logistique, achats, autre. Repeatable.
    #[arg(long = "contribution")]
    contributions: Vec<String>,
    /// ACTOR_ID:EUROS:DESCRIPTION, given by that party. Repeatable.
    #[arg(long = "counterpart")]
    counterparts: Vec<String>,
    /// TEXT[|OWNER[|YYYY-MM-DD]]. Repeatable.
    #[arg(long = "action")]
    actions: Vec<String>,
    /// [ACTOR_ID:]TEXT: a party's objective, or the common good's without an actor. Repeatable.
    #[arg(long = "objective")]
    objectives: Vec<String>,
    /// NAME[|UNIT[|BASELINE[|TARGET[|LEVEL[|THEME]]]]]; level: realisation, resultat, impact;
    /// theme: emploi_insertion, education_culture, environnement_economie_circulaire,
    /// sante_solidarite, mobilite, numerique, vie_du_territoire (or their French names). Repeatable.
    #[arg(long = "indicator")]
    indicators: Vec<String>,
    #[arg(long)]
    facilitator: Option<String>,
    #[arg(long)]
    origin: Option<String>,
    /// Repeatable.
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[command(flatten)]
    fmt: FormatArg,
}

#[derive(Args)]
pub(crate) struct EditArgs {
    id: String,
    /// The version you loaded (`get` prints it); the edit is refused if the partnership changed since.
    #[arg(long)]
    version: u32,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    summary: Option<String>,
    /// Replaces the parties when given: ACTOR_ID:ROLE[:CONTACT_ID]. Repeatable.
    #[arg(long = "party")]
    parties: Vec<String>,
    #[command(flatten)]
    modes: ModeArgs,
    #[arg(long)]
    facilitator: Option<String>,
    #[arg(long)]
    origin: Option<String>,
    /// Adds a next action: TEXT[|OWNER[|YYYY-MM-DD]]. Repeatable.
    #[arg(long = "action")]
    actions: Vec<String>,
    #[command(flatten)]
    fmt: FormatArg,
}

pub(crate) fn run(app: &mut App, cmd: PartnershipsCommand) -> Result<(), AppError> {
    match cmd {
        PartnershipsCommand::List {
            filter,
            actor,
            filters,
            fmt,
        } => list(app, &filter, actor, filters, fmt.format),
        PartnershipsCommand::Overview(a) => {
            print_overview(&app.get_partnership_overview()?, a.format);
            Ok(())
        }
        PartnershipsCommand::Essaimer(args) => essaimer(app, args),
        PartnershipsCommand::Create(args) => add(app, &args),
        PartnershipsCommand::Update(args) => edit(app, &args),
        PartnershipsCommand::Move { id, stage, reason } => {
            move_to(app, &id, &stage, reason.as_deref())
        }
        PartnershipsCommand::Get { id, fmt } => {
            print_detail(&app.get_partnership(&id, crate::clock::now())?, fmt.format);
            Ok(())
        }
        PartnershipsCommand::Note { id, text } => note(app, &id, &text),
        PartnershipsCommand::Measure {
            id,
            number,
            value,
            on,
        } => measure(app, &id, number, &value, on.as_deref()),
        PartnershipsCommand::Complete { id, number } => done(app, &id, number, true),
        PartnershipsCommand::Reopen { id, number } => done(app, &id, number, false),
        PartnershipsCommand::Delete { id } => delete(app, &id),
        PartnershipsCommand::Restore { id } => restore(app, &id),
        PartnershipsCommand::Classify { yes, fmt } => classify(app, &yes, fmt.format),
        PartnershipsCommand::Evaluate(args) => evaluation::evaluate(app, *args),
        PartnershipsCommand::DeleteEvaluation { id, number } => {
            evaluation::delete_evaluation(app, &id, number)
        }
        PartnershipsCommand::Questionnaire(a) => {
            crate::documents::one(app, tisserand_app::DocumentKind::Questionnaire, &a)
        }
    }
}

/// The list, in the default order from the store at once, else page by page.
fn list(
    app: &App,
    filter: &ModeStage,
    actor: Option<String>,
    f: ListFilters,
    format: Format,
) -> Result<(), AppError> {
    let query = PartnershipQuery {
        actor_id: actor,
        commune: f.commune,
        departement: f.departement,
        facilitator: f.facilitator,
        tag: f.tag,
        overdue: f.overdue,
        unmeasured: f.unmeasured,
        text: f.text,
        ..filter.query()?
    };
    let sort = f.sort.as_deref().map(sort_of).transpose()?;
    let rows = match sort {
        None if !f.desc => app.list_partnerships(&query, crate::clock::now())?,
        _ => all_pages(app, &query, sort.unwrap_or_default(), f.desc)?,
    };
    print_list(&rows, format);
    Ok(())
}

/// Every page of the sorted list.
fn all_pages(
    app: &App,
    query: &PartnershipQuery,
    sort: PartnershipSort,
    descending: bool,
) -> Result<Vec<PartnershipSummary>, AppError> {
    const PAGE: u32 = 1_000;
    let mut rows = Vec::new();
    loop {
        let offset = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        let page =
            app.get_partnership_page(query, sort, descending, offset, PAGE, crate::clock::now())?;
        let done = page.items.len() < PAGE as usize;
        rows.extend(page.items);
        if done || rows.len() >= page.total as usize {
            return Ok(rows);
        }
    }
}

/// Spreads the partnership; prints the new one's id (or it all as JSON).
fn essaimer(app: &mut App, args: EssaimerArgs) -> Result<(), AppError> {
    let plan = EssaimagePlan {
        title: args.title,
        territory: args.communes,
        actors: args.actors,
        facilitator: args.facilitator,
    };
    let p = app.essaimer_partnership(&args.id, &plan)?;
    match args.fmt.format {
        Format::Json => json(&detail_json(
            &app.get_partnership(&p.id, crate::clock::now())?,
        )),
        Format::Table => out!("{}", p.id),
    }
    Ok(())
}

fn add(app: &mut App, args: &AddArgs) -> Result<(), AppError> {
    let p = app.create_partnership(&input_of(args)?)?;
    match args.fmt.format {
        Format::Json => json(&detail_json(
            &app.get_partnership(&p.id, crate::clock::now())?,
        )),
        Format::Table => out!("{}", p.id),
    }
    Ok(())
}

/// The partnership as loaded, with the options' changes, saved at the
/// version given.
fn edit(app: &mut App, args: &EditArgs) -> Result<(), AppError> {
    let current = app
        .get_partnership(&args.id, crate::clock::now())?
        .partnership;
    let input = edited(current.to_input(), args)?;
    let p = app.update_partnership(&args.id, args.version, &input)?;
    match args.fmt.format {
        Format::Json => json(&detail_json(
            &app.get_partnership(&p.id, crate::clock::now())?,
        )),
        Format::Table => out!(
            "Partenariat « {} » enregistré (version {}).",
            p.title,
            p.version
        ),
    }
    Ok(())
}

fn move_to(app: &mut App, id: &str, stage: &str, reason: Option<&str>) -> Result<(), AppError> {
    let p = app.move_partnership(id, stage_of(stage)?, reason)?;
    out!(
        "Partenariat « {} » : étape {}.",
        p.title,
        p.stage.label_fr()
    );
    Ok(())
}

fn note(app: &mut App, id: &str, text: &str) -> Result<(), AppError> {
    app.note_partnership(id, text)?;
    out!("Note ajoutée à l'historique.");
    Ok(())
}

/// Records a value of indicator `number`, numbered from 1.
fn measure(
    app: &mut App,
    id: &str,
    number: usize,
    value: &str,
    on: Option<&str>,
) -> Result<(), AppError> {
    let index = number.checked_sub(1).ok_or_else(|| {
        invalid(
            "Les indicateurs sont numérotés à partir de 1 (voir partnerships get).".into(),
            "Indicators are numbered from 1 (see partnerships get).".into(),
        )
    })?;
    let on = on.map(date_of).transpose()?;
    app.measure_partnership(id, None, index, on, number_of(value, value)?)?;
    out!("Valeur enregistrée.");
    Ok(())
}

/// Marks next action `number`, numbered from 1, done.
/// Marks next action `number` (from 1) done, or to do again.
fn done(app: &mut App, id: &str, number: usize, done: bool) -> Result<(), AppError> {
    let index = number.checked_sub(1).ok_or_else(|| {
        invalid(
            "Les actions sont numérotées à partir de 1 (voir partnerships get).".into(),
            "Actions are numbered from 1 (see partnerships get).".into(),
        )
    })?;
    if done {
        app.complete_partnership_action(id, index)?;
        out!("Action {number} faite. Pour annuler : tisserand partnerships reopen {id} {number}");
    } else {
        app.reopen_partnership_action(id, index)?;
        out!("Action {number} de nouveau à faire.");
    }
    Ok(())
}

fn delete(app: &mut App, id: &str) -> Result<(), AppError> {
    app.delete_partnership(id)?;
    out!("Partenariat supprimé. Pour annuler : tisserand partnerships restore {id}");
    Ok(())
}

fn restore(app: &mut App, id: &str) -> Result<(), AppError> {
    app.restore_partnership(id)?;
    out!("Partenariat restauré.");
    Ok(())
}

/// The guided classification from the questions answered yes (or, with
/// none, the questions).
fn classify(app: &App, yes: &[String], format: Format) -> Result<(), AppError> {
    let questions = yes
        .iter()
        .filter(|q| !q.trim().is_empty())
        .map(|q| {
            Question::parse(q).ok_or_else(|| {
                invalid(
                    format!("Question inconnue « {q} » : écrivez q1 à q8 (sans --yes : la liste)."),
                    format!("Unknown question \"{q}\": write q1 to q8 (without --yes: the list)."),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let asked = !yes.is_empty();
    print_proposal(&app.classify_partnership(&questions), asked, format);
    Ok(())
}
