//! What can go wrong with a table: each error says what is wrong and how to
//! fix it, in English (`Display`) and in French (`message_fr`).

use std::path::PathBuf;

use crate::{column_letter, Format};

/// Everything that can go wrong while reading or writing a table.
///
/// `Display` gives the English message; [`TabularError::message_fr`] the
/// French one, for the window and the command line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TabularError {
    /// The file could not be opened or read.
    #[error("Cannot read {}: {message}.", path.display())]
    Io {
        path: PathBuf,
        kind: std::io::ErrorKind,
        message: String,
    },

    /// Writing the output failed (disk full, closed pipe…).
    #[error("Cannot write the table: {message}.")]
    Write { message: String },

    /// Zero bytes, or only blanks (and maybe a byte order mark).
    #[error("The file is empty.")]
    Empty,

    /// NUL bytes or many control characters: an image, an archive…
    #[error(
        "This file is not a readable table (CSV, Excel or OpenDocument): it holds binary data."
    )]
    Binary,

    /// An Excel 97-2003 workbook (`.xls`).
    #[error(
        "This file is an Excel 97-2003 workbook (.xls), which cannot be read: \
         save it again as .xlsx (Excel workbook) or CSV and import that file."
    )]
    LegacyExcel,

    /// A header row and nothing below it.
    #[error("The file only holds the header row: there is no row to import.")]
    HeadersOnly,

    /// The header row has a single column.
    #[error("{}", one_column_en(*.format))]
    OneColumn { format: Format },

    /// Two headers are the same once case, accents and blanks are ignored.
    /// `first` and `second` are 0-based column indexes.
    #[error(
        "Column \"{name}\" appears twice (columns {} and {}): rename one of them.",
        column_letter(*.first),
        column_letter(*.second)
    )]
    DuplicateHeader {
        name: String,
        first: usize,
        second: usize,
    },

    /// A quote opened on `row` is never closed: the rest of the file would
    /// have been swallowed into one cell.
    #[error("Unclosed quote starting at row {row}: check the quotes of that row.")]
    UnbalancedQuote { row: u64 },

    /// A row longer than any sane table row (see [`crate::MAX_ROW_BYTES`]).
    #[error(
        "Row {row} is too long (over {} MB): check that the file is really a table.",
        crate::MAX_ROW_BYTES / 1_000_000
    )]
    RowTooLong { row: u64 },

    /// The workbook could not be read (damaged, encrypted…).
    #[error("Cannot read this {} workbook: {message}. Open it in your spreadsheet, save it again and retry.", format.label())]
    Workbook { format: Format, message: String },

    /// The workbook has no worksheet, or its first worksheet is empty.
    #[error("{}", empty_sheet_en(.sheet.as_deref()))]
    EmptySheet { sheet: Option<String> },

    /// The XLSX writer failed.
    #[error("Cannot write the Excel file: {message}.")]
    WriteXlsx { message: String },

    /// More rows than a worksheet holds.
    #[error(
        "Too many rows for one Excel worksheet (at most {max}): export fewer rows or use CSV."
    )]
    TooManyRows { max: u32 },
}

fn one_column_en(format: Format) -> String {
    match format {
        Format::Csv => "The file has a single column: its delimiter was not recognised \
                        (expected: semicolon, comma or tab)."
            .to_owned(),
        Format::Xlsx | Format::Ods => "The first worksheet has a single column: put each field \
                                      in its own column, with its name on the first row."
            .to_owned(),
    }
}

fn empty_sheet_en(sheet: Option<&str>) -> String {
    match sheet {
        Some(name) => format!(
            "Worksheet \"{name}\" is empty: put the table in the first worksheet of the workbook."
        ),
        None => "The workbook has no worksheet.".to_owned(),
    }
}

impl TabularError {
    /// The message in French: what is wrong, and how to fix it.
    #[must_use]
    pub fn message_fr(&self) -> String {
        match self {
            Self::Io { path, kind, message } => {
                let path = path.display();
                match kind {
                    std::io::ErrorKind::NotFound => format!(
                        "Le fichier {path} est introuvable : vérifiez son nom et son dossier."
                    ),
                    std::io::ErrorKind::PermissionDenied => format!(
                        "Le fichier {path} ne peut pas être lu (accès refusé) : vérifiez ses droits ou fermez le programme qui l'utilise."
                    ),
                    _ => format!(
                        "Impossible de lire le fichier {path} ({message}) : vérifiez qu'il n'est pas ouvert dans un autre programme, puis réessayez."
                    ),
                }
            }
            Self::Write { message } => format!(
                "Impossible d'écrire le tableau : {message}. Vérifiez la place disponible sur le disque puis réessayez."
            ),
            Self::Empty => "Le fichier est vide.".to_owned(),
            Self::Binary => "Ce fichier n'est pas un tableau lisible (CSV, Excel ou OpenDocument) : il contient des données binaires.".to_owned(),
            Self::LegacyExcel => "Ce fichier est un classeur Excel 97-2003 (.xls), qui ne peut pas être lu : enregistrez-le de nouveau au format .xlsx (Classeur Excel) ou CSV, puis importez ce fichier.".to_owned(),
            Self::HeadersOnly => "Le fichier ne contient que la ligne d'en-têtes : aucune ligne à importer.".to_owned(),
            Self::OneColumn { format: Format::Csv } => "Le fichier n'a qu'une colonne : le séparateur n'a pas été reconnu (attendu : point-virgule, virgule ou tabulation).".to_owned(),
            Self::OneColumn { .. } => "La première feuille n'a qu'une colonne : mettez chaque information dans sa propre colonne, avec son nom sur la première ligne.".to_owned(),
            Self::DuplicateHeader { name, first, second } => format!(
                "La colonne « {name} » apparaît deux fois (colonnes {} et {}) : renommez l'une d'elles.",
                column_letter(*first),
                column_letter(*second)
            ),
            Self::UnbalancedQuote { row } => format!(
                "Guillemet non refermé à partir de la ligne {row} : vérifiez les guillemets de cette ligne."
            ),
            Self::RowTooLong { row } => format!(
                "La ligne {row} est beaucoup trop longue (plus de {} Mo) : vérifiez que le fichier est bien un tableau.",
                crate::MAX_ROW_BYTES / 1_000_000
            ),
            Self::Workbook { format, message } => format!(
                "Impossible de lire ce classeur {} : {message}. Ouvrez-le dans votre tableur, enregistrez-le de nouveau puis réessayez.",
                format.label()
            ),
            Self::EmptySheet { sheet: Some(name) } => format!(
                "La feuille « {name} » est vide : placez le tableau dans la première feuille du classeur."
            ),
            Self::EmptySheet { sheet: None } => "Le classeur ne contient aucune feuille.".to_owned(),
            Self::WriteXlsx { message } => format!(
                "Impossible d'écrire le fichier Excel : {message}. Vérifiez la place disponible sur le disque puis réessayez."
            ),
            Self::TooManyRows { max } => format!(
                "Trop de lignes pour une feuille Excel (au plus {max}) : exportez moins de lignes ou choisissez le format CSV."
            ),
        }
    }

    /// The message in English (same as `Display`).
    #[must_use]
    pub fn message_en(&self) -> String {
        self.to_string()
    }

    pub(crate) fn io(path: &std::path::Path, e: &std::io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}
