//! `tisserand import …`: actors and their contacts from CSV, XLSX or ODS;
//! the list of imports and undoing one.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use clap::Args;
use tisserand_app::{App, AppError, ErrorKind, ImportOptions, ImportReport};
use tisserand_domain::import::{header_key, ImportField};

use crate::output::{self, count};
use crate::{Format, FormatArg};

#[derive(clap::Subcommand)]
pub(crate) enum ImportCommand {
    /// Import actors (and the person to reach at each) from CSV, XLSX or ODS.
    Actors(ImportArgs),
    /// List the imports, newest first.
    List(FormatArg),
    /// Undo an import: its actors and contacts are removed.
    Undo {
        /// The import's id (see `tisserand import list`).
        id: String,
    },
}

#[derive(Args)]
pub(crate) struct ImportArgs {
    /// The file: CSV (any usual encoding and separator), XLSX or ODS.
    file: PathBuf,
    /// JSON object mapping header text to a field code (null: ignore the
    /// column); columns it does not name are recognised from their header.
    #[arg(long, value_name = "MAP.json")]
    mapping: Option<PathBuf>,
    /// Check every row and report, without writing anything.
    #[arg(long)]
    dry_run: bool,
    /// Create rows even when the organisation is already in the directory.
    #[arg(long)]
    keep_duplicates: bool,
    #[command(flatten)]
    fmt: FormatArg,
}

/// Reads a mapping file into one field per column of `file`.
fn mapping_for(
    app: &App,
    file: &std::path::Path,
    map_file: &std::path::Path,
) -> Result<Vec<Option<ImportField>>, AppError> {
    let text = std::fs::read_to_string(map_file).map_err(|e| {
        AppError::new(
            ErrorKind::Invalid,
            format!(
                "Impossible de lire la correspondance {} : {e}.",
                map_file.display()
            ),
            format!("Cannot read mapping {}: {e}.", map_file.display()),
        )
    })?;
    let bad = |detail: String| {
        AppError::new(
            ErrorKind::Invalid,
            format!(
                "La correspondance {} n'est pas valide : {detail}. Attendu : un objet JSON {{ \"en-tête\": \"champ\" ou null }}.",
                map_file.display()
            ),
            format!(
                "Mapping {} is not valid: {detail}. Expected a JSON object {{ \"header\": \"field\" or null }}.",
                map_file.display()
            ),
        )
    };
    let map: std::collections::BTreeMap<String, Option<String>> =
        serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
    let preview = app.preview_import(file)?;
    let mut mapping = preview.mapping;
    let mut used = vec![false; map.len()];
    for (i, header) in preview.headers.iter().enumerate() {
        let key = header_key(header);
        if let Some((j, (_, field))) = map
            .iter()
            .enumerate()
            .find(|(_, (h, _))| header_key(h) == key)
        {
            used[j] = true;
            mapping[i] = match field.as_deref().filter(|f| !f.is_empty()) {
                None => None,
                Some(code) => Some(ImportField::parse(code).ok_or_else(|| {
                    bad(format!(
                        "champ inconnu « {code} » (champs : {})",
                        ImportField::ALL.map(ImportField::code).join(", ")
                    ))
                })?),
            };
        }
    }
    if let Some((name, _)) = map.iter().zip(&used).find(|(_, u)| !**u).map(|(m, _)| m) {
        return Err(bad(format!(
            "la colonne « {name} » n'existe pas dans {}",
            file.display()
        )));
    }
    Ok(mapping)
}

pub(crate) fn run(app: &mut App, cmd: ImportCommand) -> Result<(), AppError> {
    match cmd {
        ImportCommand::Actors(args) => actors(app, &args),
        ImportCommand::List(a) => list(app, a.format),
        ImportCommand::Undo { id } => undo(app, &id),
    }
}

/// Imports the file, with a progress line on a terminal, and prints the report.
fn actors(app: &mut App, args: &ImportArgs) -> Result<(), AppError> {
    let mapping = args
        .mapping
        .as_deref()
        .map(|m| mapping_for(app, &args.file, m))
        .transpose()?;
    let options = ImportOptions {
        mapping,
        dry_run: args.dry_run,
        keep_duplicates: args.keep_duplicates,
    };
    let show_progress = std::io::stderr().is_terminal() && args.fmt.format == Format::Table;
    let mut last = 0;
    let report = app.import_actors(
        &args.file,
        &options,
        &mut |p| {
            if show_progress && p.rows >= last + 10_000 {
                last = p.rows;
                eprint!("\r{} lignes lues…", p.rows);
            }
        },
        &AtomicBool::new(false),
    )?;
    if show_progress && last > 0 {
        eprintln!();
    }
    match args.fmt.format {
        Format::Json => output::json(&report),
        Format::Table => print_report(&report),
    }
    Ok(())
}

fn list(app: &App, format: Format) -> Result<(), AppError> {
    let list = app.list_imports()?;
    match format {
        Format::Json => output::json(&list),
        Format::Table => output::table(
            &[
                "Identifiant",
                "Le",
                "Fichier",
                "Acteurs",
                "Contacts",
                "Écartées",
                "État",
            ],
            &list
                .iter()
                .map(|i| {
                    vec![
                        i.id.clone(),
                        i.created_at
                            .chars()
                            .take(16)
                            .collect::<String>()
                            .replace('T', " "),
                        i.file_name.clone(),
                        i.actors.to_string(),
                        i.contacts.to_string(),
                        i.skipped.to_string(),
                        if i.undone_at.is_some() {
                            "annulé".into()
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect::<Vec<_>>(),
        ),
    }
    Ok(())
}

fn undo(app: &mut App, id: &str) -> Result<(), AppError> {
    let u = app.undo_import(id)?;
    out!(
        "Import annulé : {} et {} retirés.",
        count(u.actors, "acteur", "acteurs"),
        count(u.contacts, "contact", "contacts")
    );
    Ok(())
}

fn print_report(r: &ImportReport) {
    let verb = if r.dry_run {
        "à importer"
    } else {
        "importés"
    };
    out!(
        "{} lues : {} et {} {verb}, {} ({} en erreur, {} déjà dans l'annuaire).",
        count(r.rows, "ligne", "lignes"),
        count(r.imported, "acteur", "acteurs"),
        count(r.contacts, "contact", "contacts"),
        count(r.skipped, "ligne écartée", "lignes écartées"),
        r.error_count,
        r.duplicate_count
    );
    for e in &r.errors {
        let column = e
            .column
            .as_ref()
            .map(|c| format!(", colonne {c} « {} »", e.field))
            .unwrap_or_default();
        out!("  ligne {}{column} : {}", e.row, e.message);
    }
    if (r.error_count as usize) > r.errors.len() {
        out!(
            "  … et {} autres erreurs.",
            r.error_count as usize - r.errors.len()
        );
    }
    for w in &r.warnings {
        out!("  ligne {} (importée) : {}", w.row, w.message);
    }
    for d in &r.duplicates {
        let contact = if d.contact_added {
            " ; son contact y a été ajouté"
        } else {
            ""
        };
        out!(
            "  ligne {} : « {} » est déjà dans l'annuaire (« {} », {}){contact}",
            d.row,
            d.name,
            d.existing_name,
            d.reason
        );
    }
    if let Some(id) = &r.import_id {
        out!("Pour annuler cet import : tisserand import undo {id}");
    }
    if let Some(b) = &r.backup {
        out!("Sauvegarde prise avant l'import : {b}");
    }
}
