//! `tisserand person …`: personal-data requests about one person (access,
//! erasure).

use std::io::IsTerminal;
use std::path::PathBuf;

use tisserand_app::{App, AppError};

use crate::output::{self, count};

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

pub(crate) fn run(app: &mut App, cmd: PersonCommand) -> Result<(), AppError> {
    match cmd {
        PersonCommand::Export { id, output } => export(app, &id, output),
        PersonCommand::Erase { id, yes } => erase(app, &id, yes),
    }
}

/// Everything kept about the person, printed or written to `output`.
fn export(app: &App, id: &str, output: Option<PathBuf>) -> Result<(), AppError> {
    match output {
        None => output::json(&app.get_person(id, crate::clock::now())?),
        Some(file) => {
            let (_, text) = app.export_person(id, crate::clock::now())?;
            tisserand_app::write_document(&file, text.as_bytes())?;
            out!("Données de la personne écrites dans {}.", file.display());
        }
    }
    Ok(())
}

/// Erases the person, after asking on a terminal unless `yes`.
fn erase(app: &mut App, id: &str, yes: bool) -> Result<(), AppError> {
    let contact = app.get_person(id, crate::clock::now())?.contact;
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
    let summary = app.erase_person(id)?;
    out!(
        "{} a été effacé(e) : {} modifiés ou supprimés ; seule la trace qu'un effacement a eu lieu est gardée.",
        contact.display_name(),
        count(summary.records, "enregistrement", "enregistrements")
    );
    if let Some(b) = summary.backup {
        out!("La sauvegarde prise juste avant ({b}) contient encore ces données ; elle disparaîtra avec la rotation des sauvegardes (4 semaines au plus).");
    }
    Ok(())
}
