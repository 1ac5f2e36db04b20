//! `tisserand brief|agreement|briefs`: print-ready PDFs of partnerships.

use std::path::PathBuf;

use clap::Args;
use tisserand_app::{App, AppError, DocumentKind};

use crate::partnerships::ModeStage;

/// One document of one partnership.
#[derive(Args)]
pub(crate) struct DocumentArgs {
    /// The partnership's id.
    id: String,
    /// Where to write the PDF.
    #[arg(short = 'o', long)]
    output: PathBuf,
    /// The « generated on » date printed in the footer, YYYY-MM-DD (default: today).
    #[arg(long)]
    date: Option<String>,
}

/// The briefs of every partnership matching the filters.
#[derive(Args)]
pub(crate) struct BriefsArgs {
    #[command(flatten)]
    filter: ModeStage,
    /// The folder to write one PDF per partnership into (created if needed).
    #[arg(short = 'o', long, required_unless_present = "combined")]
    output: Option<PathBuf>,
    /// Write all the briefs as one PDF file instead.
    #[arg(long, conflicts_with = "output")]
    combined: Option<PathBuf>,
    #[arg(long)]
    date: Option<String>,
}

/// The « generated on » date: the one given, else today.
fn date_of(text: Option<&str>) -> Result<chrono::NaiveDate, AppError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(crate::clock::now().today()),
        Some(t) => crate::partnerships::date_of(t),
    }
}

pub(crate) fn one(app: &App, kind: DocumentKind, a: &DocumentArgs) -> Result<(), AppError> {
    let on = date_of(a.date.as_deref())?;
    app.save_document(&a.id, kind, on, &a.output)?;
    out!("PDF écrit : {}", a.output.display());
    Ok(())
}

pub(crate) fn many(app: &App, a: &BriefsArgs) -> Result<(), AppError> {
    let on = date_of(a.date.as_deref())?;
    let query = a.filter.query()?;
    // Progress on stderr, so stdout stays the result.
    let mut progress = |done: usize, total: usize| {
        if done == total || done.is_multiple_of(50) {
            eprint!("\r{done} / {total} fiches");
            if done == total {
                eprintln!();
            }
        }
    };
    if let Some(file) = &a.combined {
        let n = app.export_briefs_combined(&query, on, file, &mut progress)?;
        out!("{n} fiches dans {}", file.display());
    } else if let Some(dir) = &a.output {
        let files = app.export_briefs(&query, on, dir, &mut progress)?;
        out!("{} fiches écrites dans {}", files.len(), dir.display());
    }
    Ok(())
}
