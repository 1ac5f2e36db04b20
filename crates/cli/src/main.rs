//! `tisserand`: the command line over the same use cases as the window.
//! Scripting, demo data, benchmarks, and the way scenario tests drive the app.

/// `println!` that ends the program quietly when the reader has gone (a
/// closed pipe, as in `tisserand actors list | head`), instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

mod actors;
mod backups;
mod bench;
mod bench_data;
mod bench_possibles;
mod clock;
mod contacts;
mod documents;
mod duplicates;
mod events;
mod export;
mod impact;
mod import;
mod output;
mod partnerships;
mod person;
mod settings;
mod stories;
mod today;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use tisserand_app::{default_data_dir, App, AppError, ErrorKind, DB_FILE_NAME};

#[derive(Parser)]
#[command(
    name = "tisserand",
    version,
    about = "Tisserand : l'atelier des partenariats d'un territoire (ligne de commande)"
)]
struct Cli {
    /// Database file (default: the app's data folder, or $TISSERAND_DATA_DIR).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum Format {
    #[default]
    Table,
    Json,
}

/// `--format table|json`, shared by every command that prints for people or scripts.
#[derive(Args, Clone, Copy)]
pub(crate) struct FormatArg {
    /// table for people, json for scripts.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
}

/// `-o, --output FILE`: the file a command writes.
#[derive(Args)]
pub(crate) struct OutputFile {
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: PathBuf,
}

// Parsed once per run: the size of its largest variant (an actor's options)
// costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Load the demo territory (fictional actors in real Alsatian communes).
    Demo,
    /// Where the data lives and how much it holds.
    Info(FormatArg),
    /// The actor directory.
    #[command(subcommand)]
    Actors(actors::ActorsCommand),
    /// Contacts (people) of the directory.
    #[command(subcommand)]
    Contacts(contacts::ContactsCommand),
    /// Partnerships and their pipeline.
    #[command(subcommand)]
    Partnerships(partnerships::PartnershipsCommand),
    /// Write the brief (fiche partenariat) of a partnership as a PDF.
    Brief(documents::DocumentArgs),
    /// Write the agreement (convention) of a partnership as a PDF.
    Agreement(documents::DocumentArgs),
    /// Write the briefs of the partnerships matching the filters: one PDF each into a folder, or --combined.
    Briefs(documents::BriefsArgs),
    /// Look communes up in the offline referential.
    Communes {
        /// A name (accents optional), a postal code or an INSEE code.
        text: String,
        #[arg(long, default_value_t = 10)]
        limit: u32,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Import actors and contacts from a CSV, XLSX or ODS file; list or undo imports.
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// Export actors, contacts or partnerships (CSV, XLSX, JSON), or everything as JSON.
    Export(export::ExportArgs),
    /// Personal-data requests about one person: export (access) or erase.
    #[command(subcommand)]
    Person(person::PersonCommand),
    /// Speed-dating events: participants, wishes, the plan of rounds, ticks, leads and reports.
    #[command(subcommand, alias = "event")]
    Events(events::EventsCommand),
    /// Find possible duplicate actors and contacts.
    Duplicates(FormatArg),
    /// Merge a duplicate (actor or contact) into the record that stays.
    Merge(duplicates::MergeArgs),
    /// Undo a merge.
    Unmerge(duplicates::UnmergeArgs),
    /// List the merges, newest first.
    Merges(FormatArg),
    /// Back the database up now (into the backups folder beside it, or to -o FILE).
    Backup(backups::BackupArgs),
    /// List the backups beside the database, newest first.
    Backups(FormatArg),
    /// Replace the database with a backup (checked first; the current state is backed up before).
    Restore(backups::RestoreArgs),
    /// Réglages: the facilitator, the organisation and its logo (the PDFs' letterhead), the agreements' defaults.
    #[command(subcommand)]
    Settings(settings::SettingsCommand),
    /// What needs you today, as the Accueil page shows it: next actions, follow-ups, the next event, measurements due, stalled partnerships, contacts to review, last changes.
    Today(FormatArg),
    /// The Impact figures for a period and a territory (--format json: see docs/impact.md).
    Impact(impact::ImpactArgs),
    /// Write the impact report's PDF for a period and a territory (the same figures as `impact`).
    Report(impact::ReportArgs),
    /// The « belles histoires » of partnerships: write, list, edit, photos.
    #[command(subcommand)]
    Stories(stories::StoriesCommand),
    /// Write a story's one-page PDF (--publication: only what may be published).
    Story(stories::StoryArgs),
    /// Measure the store on generated data and print the figures.
    Bench(bench::BenchArgs),
    /// Measure import, duplicate scan and backup on generated data.
    BenchData(bench_data::BenchDataArgs),
    /// Measure the quality of the champ des possibles on the labelled set.
    BenchPossibles(bench_possibles::BenchPossiblesArgs),
}

/// Reads one of a closed set of codes (a kind, a stage, a mode…), or says
/// which word was not understood and lists the accepted ones.
/// `unknown_fr` / `unknown_en` start the message ("Étape inconnue",
/// "Unknown stage").
pub(crate) fn parse_choice<T>(
    text: &str,
    parse: impl FnOnce(&str) -> Option<T>,
    codes: &[&str],
    unknown_fr: &str,
    unknown_en: &str,
) -> Result<T, AppError> {
    parse(text).ok_or_else(|| {
        let all = codes.join(", ");
        AppError::new(
            ErrorKind::Invalid,
            format!("{unknown_fr} « {text} » : choisissez parmi {all}."),
            format!("{unknown_en} \"{text}\": choose among {all}."),
        )
    })
}

fn open(db: Option<PathBuf>) -> Result<App, AppError> {
    let path = db.unwrap_or_else(|| default_data_dir().join(DB_FILE_NAME));
    App::open(&path)
}

fn run(cli: Cli) -> Result<(), AppError> {
    if let Command::Bench(args) = &cli.command {
        return bench::run(args);
    }
    if let Command::BenchData(args) = &cli.command {
        return bench_data::run(args);
    }
    if let Command::BenchPossibles(args) = &cli.command {
        return bench_possibles::run(args);
    }
    if let Command::Events(events::EventsCommand::Plan(args)) = &cli.command {
        return events::plan(args);
    }
    let mut app = open(cli.db)?;
    match cli.command {
        Command::Demo => demo(&mut app)?,
        Command::Info(a) => output::info(&app.get_app_info()?, a.format),
        Command::Actors(cmd) => actors::run(&mut app, cmd)?,
        Command::Contacts(cmd) => contacts::run(&mut app, cmd)?,
        Command::Partnerships(cmd) => partnerships::run(&mut app, cmd)?,
        Command::Communes { text, limit, fmt } => {
            output::communes(&app.search_communes(&text, limit)?, fmt.format);
        }
        Command::Import(c) => import::run(&mut app, c)?,
        Command::Export(a) => export::run(&app, &a)?,
        Command::Person(c) => person::run(&mut app, c)?,
        Command::Duplicates(a) => duplicates::duplicates(&app, a.format)?,
        Command::Merge(a) => duplicates::merge(&mut app, &a)?,
        Command::Unmerge(a) => duplicates::unmerge(&mut app, &a)?,
        Command::Merges(a) => duplicates::merges(&app, a.format)?,
        Command::Backup(a) => backups::backup(&mut app, &a)?,
        Command::Backups(a) => backups::backups(&app, a.format)?,
        Command::Restore(a) => backups::restore(&mut app, &a)?,
        Command::Brief(a) => documents::one(&app, tisserand_app::DocumentKind::Brief, &a)?,
        Command::Agreement(a) => documents::one(&app, tisserand_app::DocumentKind::Agreement, &a)?,
        Command::Briefs(a) => documents::many(&app, &a)?,
        Command::Events(cmd) => events::run(&mut app, cmd)?,
        Command::Today(a) => today::run(&app, a)?,
        Command::Settings(cmd) => settings::run(&mut app, cmd)?,
        Command::Impact(a) => impact::run(&app, &a)?,
        Command::Report(a) => impact::report(&app, &a)?,
        Command::Stories(cmd) => stories::run(&mut app, cmd)?,
        Command::Story(a) => stories::pdf(&app, &a)?,
        Command::Bench(_) | Command::BenchData(_) | Command::BenchPossibles(_) => {
            unreachable!("handled above")
        }
    }
    Ok(())
}

fn demo(app: &mut App) -> Result<(), AppError> {
    let s = app.load_demo(clock::now())?;
    out!(
        "Territoire de démonstration chargé : {} acteurs, {} contacts, {} partenariats.",
        s.actors,
        s.contacts,
        s.partnerships
    );
    Ok(())
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("TISSERAND_LOG"))
        .with_writer(std::io::stderr)
        .init();
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let line = e.message.replace('\n', " ");
            eprintln!("erreur : {line}");
            ExitCode::from(match e.kind {
                ErrorKind::Invalid => 2,
                ErrorKind::NotFound => 3,
                _ => 1,
            })
        }
    }
}
