//! The « Données » commands: backups and restore, imports, exports,
//! duplicates and merges, personal-data requests.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use clap::Args;
use tisserand_app::{
    App, AppError, ErrorKind, ExportFormat, ExportKind, ImportOptions, ImportReport,
};
use tisserand_domain::backup::{BackupEntry, BackupReason};
use tisserand_domain::import::{header_key, ImportField};
use tisserand_domain::merge::{MergeChoices, MergeSide};

use crate::output;
use crate::Format;

#[derive(Args)]
pub(crate) struct BackupArgs {
    /// Write the copy to FILE instead of the backups folder beside the database.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args)]
pub(crate) struct BackupsArgs {
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

#[derive(Args)]
pub(crate) struct RestoreArgs {
    /// The backup to restore (checked first; the current state is backed up before).
    file: PathBuf,
}

/// « 1,4 Mo »
pub(crate) fn size_text(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)]
    let b = bytes as f64;
    if b >= 1_048_576.0 {
        format!("{:.1} Mo", b / 1_048_576.0).replace('.', ",")
    } else {
        format!("{} ko", (b / 1024.0).ceil())
    }
}

fn show(entry: &BackupEntry) -> String {
    format!(
        "{} ({}, {})",
        entry.path,
        entry.reason.label_fr().to_lowercase(),
        size_text(entry.size_bytes)
    )
}

fn tisserand_store_dir(app: &App) -> String {
    app.backups_dir().display().to_string()
}

pub(crate) fn backup(app: &App, args: &BackupArgs) -> Result<(), AppError> {
    if let Some(file) = &args.output {
        app.backup_to(file)?;
        out!("Copie de sauvegarde écrite : {}", file.display());
    } else {
        let entry = app.backup_now(BackupReason::Manual, &mut |_, _| {})?;
        out!("Sauvegarde écrite : {}", show(&entry));
    }
    Ok(())
}

pub(crate) fn backups(app: &App, args: &BackupsArgs) -> Result<(), AppError> {
    let list = app.backups()?;
    match args.format {
        Format::Json => output::json(&list),
        Format::Table if list.is_empty() => {
            out!("Aucune sauvegarde pour l'instant (tisserand backup en crée une).");
        }
        Format::Table => {
            out!("Dossier : {}", tisserand_store_dir(app));
            output::table(
                &["Prise le", "Raison", "Taille", "Fichier"],
                &list
                    .iter()
                    .map(|e| {
                        vec![
                            e.taken_at.format("%d/%m/%Y %H:%M:%S").to_string(),
                            e.reason.label_fr().to_owned(),
                            size_text(e.size_bytes),
                            e.file_name.clone(),
                        ]
                    })
                    .collect::<Vec<_>>(),
            );
        }
    }
    Ok(())
}

pub(crate) fn restore(app: &mut App, args: &RestoreArgs) -> Result<(), AppError> {
    let before = app.restore_backup(&args.file, &mut |_, _| {})?;
    out!("Sauvegarde restaurée : {}", args.file.display());
    if let Some(before) = before {
        out!("L'état précédent a été sauvegardé : {}", show(&before));
    }
    Ok(())
}

#[derive(clap::Subcommand)]
pub(crate) enum ImportCommand {
    /// Import actors (and the person to reach at each) from CSV, XLSX or ODS.
    Actors(ImportArgs),
    /// List the imports, newest first.
    List {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
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
    #[arg(long, value_enum, default_value_t)]
    format: Format,
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

pub(crate) fn import(app: &mut App, cmd: ImportCommand) -> Result<(), AppError> {
    let args = match cmd {
        ImportCommand::Actors(args) => args,
        ImportCommand::List { format } => {
            let list = app.imports()?;
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
            return Ok(());
        }
        ImportCommand::Undo { id } => {
            let u = app.undo_import(&id)?;
            out!(
                "Import annulé : {} et {} retirés.",
                count(u.actors, "acteur", "acteurs"),
                count(u.contacts, "contact", "contacts")
            );
            return Ok(());
        }
    };
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
    let show_progress = std::io::stderr().is_terminal() && args.format == Format::Table;
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
    match args.format {
        Format::Json => output::json(&report),
        Format::Table => print_report(&report),
    }
    Ok(())
}

/// « 1 acteur », « 0 acteur », « 3 acteurs » (French: singular below 2).
pub(crate) fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n < 2 { one } else { many })
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

#[derive(Args)]
pub(crate) struct DuplicatesArgs {
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub(crate) fn duplicates(app: &App, args: &DuplicatesArgs) -> Result<(), AppError> {
    let found = app.duplicates()?;
    if args.format == Format::Json {
        output::json(&found);
        return Ok(());
    }
    out!(
        "{} d'acteurs, {} de contacts.",
        count(found.actor_pairs, "doublon possible", "doublons possibles"),
        count(
            found.contact_pairs,
            "doublon possible",
            "doublons possibles"
        )
    );
    for d in &found.actors {
        out!(
            "  {} « {} » ({}) ↔ {} « {} » ({}) : {}",
            d.a.actor.id,
            d.a.actor.name,
            d.a.actor
                .commune
                .as_ref()
                .map_or("sans commune", |c| c.name.as_str()),
            d.b.actor.id,
            d.b.actor.name,
            d.b.actor
                .commune
                .as_ref()
                .map_or("sans commune", |c| c.name.as_str()),
            d.why.join(" ; ")
        );
    }
    for d in &found.contacts {
        out!(
            "  {} {} ↔ {} {} : {}",
            d.a.id,
            d.a.display_name(),
            d.b.id,
            d.b.display_name(),
            d.why.join(" ; ")
        );
    }
    if !found.actors.is_empty() || !found.contacts.is_empty() {
        out!("Pour fusionner : tisserand merge ID_GARDÉ ID_FUSIONNÉ");
    }
    Ok(())
}

#[derive(Args)]
pub(crate) struct MergeArgs {
    /// The record that stays.
    keep: String,
    /// The duplicate merged into it (its contacts and partnerships move).
    other: String,
    /// Fields whose value comes from the duplicate (name, siren, email…).
    #[arg(long = "take", value_name = "FIELD")]
    take: Vec<String>,
    /// Fields that keep only the kept record's value (lists and notes
    /// otherwise join both).
    #[arg(long = "only-kept", value_name = "FIELD")]
    only_kept: Vec<String>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub(crate) fn merge(app: &mut App, args: &MergeArgs) -> Result<(), AppError> {
    let mut choices = MergeChoices::default();
    for f in &args.take {
        choices.fields.insert(f.clone(), MergeSide::Other);
    }
    for f in &args.only_kept {
        choices.fields.insert(f.clone(), MergeSide::Keep);
    }
    let is_actor = app.actor(&args.keep).is_ok();
    let outcome = if is_actor {
        app.merge_actors(&args.keep, &args.other, &choices)?
    } else {
        app.merge_contacts(&args.keep, &args.other, &choices)?
    };
    match args.format {
        Format::Json => output::json(&outcome),
        Format::Table => {
            out!(
                "Fusion faite : {} a été fusionné dans {}.",
                args.other,
                args.keep
            );
            out!("Pour l'annuler : tisserand unmerge {}", outcome.merge_id);
        }
    }
    Ok(())
}

#[derive(Args)]
pub(crate) struct UnmergeArgs {
    /// The merge's id (printed by `tisserand merge`, listed by `tisserand merges`).
    id: String,
}

pub(crate) fn unmerge(app: &mut App, args: &UnmergeArgs) -> Result<(), AppError> {
    let r = app.undo_merge(&args.id)?;
    out!(
        "Fusion annulée : {} est de retour à côté de {}.",
        r.merged_id,
        r.kept_id
    );
    Ok(())
}

pub(crate) fn merges(app: &App, args: &BackupsArgs) -> Result<(), AppError> {
    let list = app.merges()?;
    match args.format {
        Format::Json => output::json(&list),
        Format::Table => output::table(
            &["Identifiant", "Le", "Type", "Gardé", "Fusionné", "État"],
            &list
                .iter()
                .map(|m| {
                    vec![
                        m.id.clone(),
                        m.created_at
                            .chars()
                            .take(16)
                            .collect::<String>()
                            .replace('T', " "),
                        if m.entity == "actor" {
                            "acteur".into()
                        } else {
                            "contact".into()
                        },
                        m.kept_id.clone(),
                        m.merged_id.clone(),
                        if m.undone_at.is_some() {
                            "annulée".into()
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

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExportWhat {
    Actors,
    Contacts,
    Partnerships,
    /// The whole database as one JSON document.
    All,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExportAs {
    Csv,
    Xlsx,
    Json,
}

#[derive(Args)]
pub(crate) struct ExportArgs {
    #[arg(value_enum)]
    what: ExportWhat,
    /// csv (UTF-8 with BOM and `;`, as French Excel opens it), xlsx or json; `all` is always JSON.
    #[arg(long, value_enum, default_value = "csv")]
    format: ExportAs,
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

pub(crate) fn export(app: &App, args: &ExportArgs) -> Result<(), AppError> {
    let format = match args.format {
        ExportAs::Csv => ExportFormat::Csv,
        ExportAs::Xlsx => ExportFormat::Xlsx,
        ExportAs::Json => ExportFormat::Json,
    };
    let summary = match args.what {
        ExportWhat::All => app.export_everything(&args.output, crate::clock::now())?,
        ExportWhat::Actors => app.export(ExportKind::Actors, format, &args.output)?,
        ExportWhat::Contacts => app.export(ExportKind::Contacts, format, &args.output)?,
        ExportWhat::Partnerships => app.export(ExportKind::Partnerships, format, &args.output)?,
    };
    out!(
        "{} écrites dans {}.",
        count(summary.rows, "ligne", "lignes"),
        summary.path
    );
    Ok(())
}

#[derive(clap::Subcommand)]
pub(crate) enum PersonCommand {
    /// Everything kept about a person (right of access), as JSON.
    Export {
        /// The contact's id.
        id: String,
        /// Write to FILE instead of printing.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Erase a person from contacts, partnerships, notes and timelines (right to erasure).
    Erase {
        /// The contact's id.
        id: String,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
}

pub(crate) fn person(app: &mut App, cmd: PersonCommand) -> Result<(), AppError> {
    match cmd {
        PersonCommand::Export { id, output } => match output {
            None => output::json(&app.person_export(&id, crate::clock::now())?),
            Some(file) => {
                let (_, text) = app.person_export_file(&id, crate::clock::now())?;
                tisserand_app::write_document(&file, text.as_bytes())?;
                out!("Données de la personne écrites dans {}.", file.display());
            }
        },
        PersonCommand::Erase { id, yes } => {
            let contact = app.person_export(&id, crate::clock::now())?.contact;
            if !yes && std::io::stdin().is_terminal() {
                eprint!(
                    "Effacer définitivement {} de Tisserand (contacts, partenariats, notes, historiques) ? [o/N] ",
                    contact.display_name()
                );
                let mut answer = String::new();
                let _ = std::io::stdin().read_line(&mut answer);
                if !matches!(answer.trim(), "o" | "O" | "oui" | "y" | "yes") {
                    out!("Rien n'a été effacé.");
                    return Ok(());
                }
            }
            let summary = app.person_erase(&id)?;
            out!(
                "{} a été effacé(e) : {} modifiés ou supprimés ; seule la trace qu'un effacement a eu lieu est gardée.",
                contact.display_name(),
                count(summary.records, "enregistrement", "enregistrements")
            );
            if let Some(b) = summary.backup {
                out!("La sauvegarde prise juste avant ({b}) contient encore ces données ; elle disparaîtra avec la rotation des sauvegardes (4 semaines au plus).");
            }
        }
    }
    Ok(())
}
