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

mod bench;
mod bench_data;
mod clock;
mod data;
mod documents;
mod events;
mod output;
mod partnerships;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use tisserand_app::{default_data_dir, App, AppError, ContactSelection, ErrorKind, DB_FILE_NAME};
use tisserand_domain::{
    ActorInput, ActorKind, ActorQuery, AssociationRegime, Consent, ContactInput, ContactQuery,
    RegisterCourt, Resource, ResourceCategory,
};

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

// Parsed once per run: the size of its largest variant (an actor's options)
// costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Load the demo territory (fictional actors in real Alsatian communes).
    Demo,
    /// Where the data lives and how much it holds.
    Info {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// The actor directory.
    #[command(subcommand)]
    Actors(ActorsCommand),
    /// Contacts (people) of the directory.
    #[command(subcommand)]
    Contacts(ContactsCommand),
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
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Import actors and contacts from a CSV, XLSX or ODS file; list or undo imports.
    #[command(subcommand)]
    Import(data::ImportCommand),
    /// Export actors, contacts or partnerships (CSV, XLSX, JSON), or everything as JSON.
    Export(data::ExportArgs),
    /// Personal-data requests about one person: export (access) or erase.
    #[command(subcommand)]
    Person(data::PersonCommand),
    /// Speed-dating events: plan the rounds.
    #[command(subcommand)]
    Event(events::EventCommand),
    /// Find possible duplicate actors and contacts.
    Duplicates(data::DuplicatesArgs),
    /// Merge a duplicate (actor or contact) into the record that stays.
    Merge(data::MergeArgs),
    /// Undo a merge.
    Unmerge(data::UnmergeArgs),
    /// List the merges, newest first.
    Merges(data::BackupsArgs),
    /// Back the database up now (into the backups folder beside it, or to -o FILE).
    Backup(data::BackupArgs),
    /// List the backups beside the database, newest first.
    Backups(data::BackupsArgs),
    /// Replace the database with a backup (checked first; the current state is backed up before).
    Restore(data::RestoreArgs),
    /// Measure the store on generated data and print the figures.
    Bench(bench::BenchArgs),
    /// Measure import, duplicate scan and backup on generated data.
    BenchData(bench_data::BenchDataArgs),
}

// Parsed once per run: the size difference between variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum ActorsCommand {
    /// List actors, sorted by name.
    List {
        #[arg(long)]
        kind: Option<String>,
        /// Département code (67, 68, 2A…).
        #[arg(long)]
        departement: Option<String>,
        /// Commune INSEE code.
        #[arg(long)]
        commune: Option<String>,
        #[arg(long)]
        tag: Option<String>,
        #[arg(long, default_value_t = 500)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Find actors and contacts by any word (prefixes, accents optional).
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Create an actor; prints its id.
    Add(ActorArgs),
    /// Show one actor with its contacts.
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// « Champ des possibles »: the actors this one could build a partnership with, best first.
    Possibles {
        id: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Delete an actor (undo with `actors restore`).
    Delete { id: String },
    /// Undo the deletion of an actor.
    Restore { id: String },
}

#[derive(Args)]
struct ActorArgs {
    /// entreprise, association, collectivite, fondation, financeur, etablissement_public, autre.
    #[arg(long)]
    kind: String,
    #[arg(long)]
    name: String,
    /// Commune INSEE code (see `tisserand communes NAME`).
    #[arg(long)]
    commune: Option<String>,
    #[arg(long)]
    siren: Option<String>,
    #[arg(long)]
    siret: Option<String>,
    #[arg(long)]
    rna: Option<String>,
    /// Associations: loi_1901 or droit_local (default: guessed from the commune, droit local in 57, 67 and 68).
    #[arg(long)]
    regime: Option<String>,
    /// Droit-local associations: the court keeping their register (strasbourg, saverne, colmar, mulhouse, metz, thionville, sarreguemines).
    #[arg(long)]
    court: Option<String>,
    /// Droit-local associations: the volume of their register entry.
    #[arg(long)]
    volume: Option<String>,
    /// Droit-local associations: the folio of their register entry.
    #[arg(long)]
    folio: Option<String>,
    /// Droit-local associations: their number in the electronic register.
    #[arg(long)]
    register_number: Option<String>,
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    sector: Option<String>,
    #[arg(long)]
    website: Option<String>,
    /// A need as CATEGORY:TEXT (categories: competences, locaux, materiel, financement, achats, benevolat, visibilite, autre). Repeatable.
    #[arg(long = "need")]
    needs: Vec<String>,
    /// An offer as CATEGORY:TEXT. Repeatable.
    #[arg(long = "offer")]
    offers: Vec<String>,
    #[arg(long)]
    stakes: Option<String>,
    /// Repeatable.
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[arg(long)]
    notes: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

#[derive(Subcommand)]
enum ContactsCommand {
    /// Create a contact; prints its id.
    Add {
        /// The organisation's actor id.
        #[arg(long)]
        actor: Option<String>,
        #[arg(long, default_value = "")]
        first_name: String,
        #[arg(long, default_value = "")]
        last_name: String,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Delete a contact.
    Delete { id: String },
    /// List contacts (Annuaire › Contacts), sorted by last name, with why an
    /// invitation mailing would leave each one out.
    List {
        #[command(flatten)]
        filters: ContactFilters,
        #[arg(long, default_value_t = 500)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        /// table, json, or csv (UTF-8 with BOM and `;`, as French Excel opens it).
        #[arg(long, value_enum, default_value_t)]
        format: ListFormat,
    },
    /// Export contacts for an invitation mailing (a mail merge), leaving out
    /// those who objected or lack the consent it needs, and saying how many.
    Export {
        #[command(flatten)]
        filters: ContactFilters,
        /// Export these contacts only (repeatable); the filters are then ignored.
        #[arg(long = "id", value_name = "ID")]
        ids: Vec<String>,
        /// csv or xlsx.
        #[arg(long, value_enum, default_value = "csv")]
        format: MailingFormat,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

/// The filters of the contacts list.
#[derive(Args)]
struct ContactFilters {
    /// Words of the name, organisation, role, e-mail or notes.
    #[arg(long)]
    search: Option<String>,
    /// The organisation's kind (entreprise, association…).
    #[arg(long)]
    kind: Option<String>,
    /// The organisation's commune INSEE code.
    #[arg(long)]
    commune: Option<String>,
    /// One of the organisation's tags.
    #[arg(long)]
    tag: Option<String>,
    /// newsletter, liste_participants, photos, or objection (who objected to mailings).
    #[arg(long)]
    consent: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
enum ListFormat {
    #[default]
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MailingFormat {
    Csv,
    Xlsx,
}

impl ContactFilters {
    fn query(&self) -> Result<ContactQuery, AppError> {
        let consent = self
            .consent
            .as_deref()
            .map(|text| {
                parse_choice(
                    text,
                    |t| {
                        serde_json::from_value::<Consent>(serde_json::Value::String(
                            t.trim().to_lowercase(),
                        ))
                        .ok()
                    },
                    &["newsletter", "liste_participants", "photos", "objection"],
                    "Consentement inconnu",
                    "Unknown consent",
                )
            })
            .transpose()?;
        Ok(ContactQuery {
            text: self.search.clone(),
            kind: self.kind.as_deref().map(kind_of).transpose()?,
            commune_insee: self.commune.clone(),
            tag: self.tag.clone(),
            consent,
            offset: 0,
            limit: 0,
        })
    }
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

fn kind_of(text: &str) -> Result<ActorKind, AppError> {
    parse_choice(
        text,
        ActorKind::parse,
        &ActorKind::ALL.map(ActorKind::code),
        "Type d'acteur inconnu",
        "Unknown actor kind",
    )
}

fn resource_of(text: &str) -> Result<Resource, AppError> {
    let (cat, what) = text.split_once(':').unwrap_or(("autre", text));
    let category = ResourceCategory::ALL
        .into_iter()
        .find(|c| serde_json::to_value(c).ok().and_then(|v| v.as_str().map(str::to_owned)).as_deref() == Some(cat.trim()))
        .ok_or_else(|| {
            AppError::new(
                ErrorKind::Invalid,
                format!("Catégorie inconnue « {cat} » dans « {text} » : competences, locaux, materiel, financement, achats, benevolat, visibilite ou autre."),
                format!("Unknown category \"{cat}\" in \"{text}\": competences, locaux, materiel, financement, achats, benevolat, visibilite or autre."),
            )
        })?;
    Ok(Resource {
        category,
        text: what.trim().to_owned(),
    })
}

fn actor_input(a: &ActorArgs) -> Result<ActorInput, AppError> {
    Ok(ActorInput {
        kind: Some(kind_of(&a.kind)?),
        name: a.name.clone(),
        siren: a.siren.clone(),
        siret: a.siret.clone(),
        rna: a.rna.clone(),
        legal_regime: a
            .regime
            .as_deref()
            .map(|r| {
                parse_choice(
                    r,
                    AssociationRegime::parse,
                    &AssociationRegime::ALL.map(AssociationRegime::code),
                    "Régime inconnu",
                    "Unknown regime",
                )
            })
            .transpose()?,
        register_court: a
            .court
            .as_deref()
            .map(|c| {
                parse_choice(
                    c,
                    RegisterCourt::parse,
                    &RegisterCourt::ALL.map(RegisterCourt::code),
                    "Tribunal inconnu",
                    "Unknown court",
                )
            })
            .transpose()?,
        register_volume: a.volume.clone(),
        register_folio: a.folio.clone(),
        register_number: a.register_number.clone(),
        address: a.address.clone(),
        commune_insee: a.commune.clone(),
        sector: a.sector.clone(),
        size_band: None,
        website: a.website.clone(),
        needs: a
            .needs
            .iter()
            .map(|n| resource_of(n))
            .collect::<Result<_, _>>()?,
        offers: a
            .offers
            .iter()
            .map(|n| resource_of(n))
            .collect::<Result<_, _>>()?,
        stakes: a.stakes.clone(),
        tags: a.tags.clone(),
        notes: a.notes.clone(),
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
    if let Command::Event(events::EventCommand::Plan(args)) = &cli.command {
        return events::plan(args);
    }
    let mut app = open(cli.db)?;
    match cli.command {
        Command::Demo => {
            let s = app.load_demo(clock::now())?;
            out!(
                "Territoire de démonstration chargé : {} acteurs, {} contacts, {} partenariats.",
                s.actors,
                s.contacts,
                s.partnerships
            );
        }
        Command::Info { format } => output::info(&app.info()?, format),
        Command::Actors(cmd) => actors(&mut app, cmd)?,
        Command::Contacts(cmd) => contacts(&mut app, cmd)?,
        Command::Partnerships(cmd) => partnerships::run(&mut app, cmd)?,
        Command::Communes {
            text,
            limit,
            format,
        } => output::communes(&app.search_communes(&text, limit)?, format),
        Command::Import(c) => data::import(&mut app, c)?,
        Command::Export(a) => data::export(&app, &a)?,
        Command::Person(c) => data::person(&mut app, c)?,
        Command::Duplicates(a) => data::duplicates(&app, &a)?,
        Command::Merge(a) => data::merge(&mut app, &a)?,
        Command::Unmerge(a) => data::unmerge(&mut app, &a)?,
        Command::Merges(a) => data::merges(&app, &a)?,
        Command::Backup(a) => data::backup(&app, &a)?,
        Command::Backups(a) => data::backups(&app, &a)?,
        Command::Restore(a) => data::restore(&mut app, &a)?,
        Command::Brief(a) => documents::one(&app, tisserand_app::DocumentKind::Brief, &a)?,
        Command::Agreement(a) => documents::one(&app, tisserand_app::DocumentKind::Agreement, &a)?,
        Command::Briefs(a) => documents::many(&app, &a)?,
        Command::Event(cmd) => events::run(&mut app, cmd)?,
        Command::Bench(_) | Command::BenchData(_) => {
            unreachable!("handled above")
        }
    }
    Ok(())
}

fn actors(app: &mut App, cmd: ActorsCommand) -> Result<(), AppError> {
    match cmd {
        ActorsCommand::List {
            kind,
            departement,
            commune,
            tag,
            limit,
            offset,
            format,
        } => {
            let query = ActorQuery {
                text: None,
                kind: kind.as_deref().map(kind_of).transpose()?,
                commune_insee: commune,
                departement,
                tag,
                offset,
                limit: limit.max(1),
            };
            output::actor_page(&app.list_actors(&query)?, format);
        }
        ActorsCommand::Search {
            query,
            limit,
            format,
        } => output::hits(&app.search(&query, limit)?, format),
        ActorsCommand::Add(args) => {
            let actor = app.create_actor(&actor_input(&args)?)?;
            output::created(&actor, &actor.id, args.format);
        }
        ActorsCommand::Show { id, format } => output::actor_detail(&app.actor(&id)?, format),
        ActorsCommand::Possibles { id, limit, format } => {
            partnerships::possibilities(&app.possibilities(&id, limit)?, format);
        }
        ActorsCommand::Delete { id } => {
            app.delete_actor(&id)?;
            out!("Acteur supprimé. Pour annuler : tisserand actors restore {id}");
        }
        ActorsCommand::Restore { id } => {
            app.restore_actor(&id)?;
            out!("Acteur restauré.");
        }
    }
    Ok(())
}

fn contacts(app: &mut App, cmd: ContactsCommand) -> Result<(), AppError> {
    match cmd {
        ContactsCommand::Add {
            actor,
            first_name,
            last_name,
            role,
            email,
            phone,
            format,
        } => {
            let input = ContactInput {
                actor_id: actor,
                first_name,
                last_name,
                role,
                email,
                phone,
                ..ContactInput::default()
            };
            let contact = app.create_contact(&input)?;
            output::created(&contact, &contact.id, format);
        }
        ContactsCommand::Delete { id } => {
            app.delete_contact(&id)?;
            out!("Contact supprimé.");
        }
        ContactsCommand::List {
            filters,
            limit,
            offset,
            format,
        } => {
            let query = ContactQuery {
                offset,
                limit: limit.max(1),
                ..filters.query()?
            };
            let page = app.list_contacts(&query)?;
            match format {
                ListFormat::Table => output::contact_page(&page, Format::Table),
                ListFormat::Json => output::contact_page(&page, Format::Json),
                ListFormat::Csv => output::contact_csv(&page)?,
            }
        }
        ContactsCommand::Export {
            filters,
            ids,
            format,
            output,
        } => {
            let selection = ContactSelection {
                query: filters.query()?,
                ids: (!ids.is_empty()).then_some(ids),
            };
            let format = match format {
                MailingFormat::Csv => tisserand_app::ExportFormat::Csv,
                MailingFormat::Xlsx => tisserand_app::ExportFormat::Xlsx,
            };
            out!(
                "{}",
                app.export_mailing(&selection, format, &output)?
                    .sentence_fr()
            );
        }
    }
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
