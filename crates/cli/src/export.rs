//! `tisserand export …`: actors, contacts or partnerships as CSV, XLSX or
//! JSON, or the whole database as JSON.

use clap::Args;
use tisserand_app::{App, AppError, ExportFormat, ExportKind};

use crate::output::count;
use crate::OutputFile;

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
    #[command(flatten)]
    file: OutputFile,
}

pub(crate) fn run(app: &App, args: &ExportArgs) -> Result<(), AppError> {
    let format = match args.format {
        ExportAs::Csv => ExportFormat::Csv,
        ExportAs::Xlsx => ExportFormat::Xlsx,
        ExportAs::Json => ExportFormat::Json,
    };
    let summary = match args.what {
        ExportWhat::All => app.export_all(&args.file.output, crate::clock::now())?,
        ExportWhat::Actors => app.export(ExportKind::Actors, format, &args.file.output)?,
        ExportWhat::Contacts => app.export(ExportKind::Contacts, format, &args.file.output)?,
        ExportWhat::Partnerships => {
            app.export(ExportKind::Partnerships, format, &args.file.output)?
        }
    };
    out!(
        "{} écrites dans {}.",
        count(summary.rows, "ligne", "lignes"),
        summary.path
    );
    Ok(())
}
