//! Importing actors and their contacts from CSV, XLSX or ODS: a preview
//! with the guessed (or remembered) column mapping, then the import itself,
//! streamed row by row into one transaction after a backup. Every row is
//! validated; bad rows are listed (row number as the spreadsheet shows it,
//! column, reason) and skipped; rows naming an organisation already in the
//! directory (same SIREN or RNA, or same name in the same commune) add
//! their contact to it instead of creating a duplicate.

mod communes;
mod reader;
mod writer;

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};
use tisserand_domain::backup::BackupReason;
use tisserand_domain::duplicate::normalize_org_name;
use tisserand_domain::import::{
    check_mapping, field_catalogue, guess_mapping, header_key, keep_first_of_each, mapping_issues,
    ImportField, ImportFieldInfo, ImportRecord, MappingIssue,
};
use tisserand_store::ImportTally;
use tisserand_tabular::{column_letter, Table, TabularError};
use ts_rs::TS;

use self::communes::Communes;
use self::reader::{prepare_rows, Batch, Columns};
use self::writer::{Known, KnownActor, Writer};
use crate::{App, AppError, AppResult, ErrorKind};

/// Rows one import takes at most; a larger file is refused (and nothing
/// of it kept), so memory and the transaction stay bounded.
pub const MAX_IMPORT_ROWS: u32 = 500_000;
/// Files larger than this are refused before any row is read: about
/// twice the size of 500,000 rows of a generous directory.
pub const MAX_IMPORT_BYTES: u64 = 512 * 1024 * 1024;
/// Problems listed one by one; beyond, they are only counted.
const MAX_LISTED: usize = 1_000;
/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 20;

/// What the window shows before importing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    pub file_name: String,
    /// « CSV », « Excel (XLSX) », « OpenDocument (ODS) ».
    pub format: String,
    /// « UTF-8 », « Windows-1252 (Excel) »… (CSV only).
    pub encoding: Option<String>,
    /// « ; », « , », « tabulation » (CSV only).
    pub delimiter: Option<String>,
    pub headers: Vec<String>,
    /// Each column's letter, as a spreadsheet and the report name it (A, B… AA).
    pub letters: Vec<String>,
    /// The field of each column: remembered from a previous import, or
    /// guessed from the header.
    pub mapping: Vec<Option<ImportField>>,
    /// What is wrong with `mapping` (see `App::validate_import_mapping`).
    pub issues: Vec<MappingIssue>,
    /// The fields a column may go to, in the order the selects list them.
    pub fields: Vec<ImportFieldInfo>,
    /// Whether each column's field was remembered (rather than guessed).
    pub remembered: Vec<bool>,
    /// The first rows, as the file has them.
    pub sample: Vec<PreviewRow>,
    #[ts(type = "number")]
    pub total_bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewRow {
    #[ts(type = "number")]
    pub number: u64,
    pub cells: Vec<String>,
}

/// How to import.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ImportOptions {
    /// The field of each column (`null`: ignored); guessed when absent.
    pub mapping: Option<Vec<Option<ImportField>>>,
    /// Check everything, write nothing.
    pub dry_run: bool,
    /// Create rows even when the organisation is already in the directory.
    pub keep_duplicates: bool,
}

/// One problem, placed as the person will look for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RowProblem {
    /// The row number the spreadsheet shows (header = 1).
    #[ts(type = "number")]
    pub row: u64,
    /// The column's header, as written in the file (empty: the whole row).
    pub field: String,
    /// The column's letter (A, B… AA).
    pub column: Option<String>,
    pub message: String,
    pub message_en: String,
}

/// A row whose organisation is already in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RowDuplicate {
    #[ts(type = "number")]
    pub row: u64,
    pub name: String,
    pub existing_id: Option<String>,
    pub existing_name: String,
    /// « même SIREN », « même nom dans la même commune »…
    pub reason: String,
    /// Whether the row's contact was added to the existing organisation.
    pub contact_added: bool,
}

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    /// The import's id, to undo it (`None` for a dry run or when nothing
    /// was imported).
    pub import_id: Option<String>,
    pub dry_run: bool,
    /// Data rows read.
    pub rows: u32,
    /// Actors created.
    pub imported: u32,
    pub contacts: u32,
    /// Rows that created no actor (errors and duplicates).
    pub skipped: u32,
    pub errors: Vec<RowProblem>,
    /// How many errors in all (the list stops at 1,000).
    pub error_count: u32,
    /// Rows imported with something left out (an unknown commune…).
    pub warnings: Vec<RowProblem>,
    pub duplicates: Vec<RowDuplicate>,
    pub duplicate_count: u32,
    /// The backup taken before the import.
    pub backup: Option<String>,
}

/// What undoing an import removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportUndone {
    pub actors: u32,
    pub contacts: u32,
}

/// Progress of a running import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportProgress {
    pub rows: u32,
    #[ts(type = "number")]
    pub bytes_read: u64,
    #[ts(type = "number")]
    pub total_bytes: u64,
}

/// Opens a file to import, refusing one too large to import at once.
fn open_table(path: &Path) -> AppResult<Table> {
    let table = Table::open(path).map_err(|e| tabular_error(&e))?;
    let size = table.total_bytes();
    if size > MAX_IMPORT_BYTES {
        #[allow(clippy::cast_precision_loss)]
        let mb = size as f64 / 1_048_576.0;
        return Err(AppError::new(
            ErrorKind::Invalid,
            format!(
                "Le fichier {} fait {mb:.0} Mo : Tisserand importe au plus 512 Mo (500 000 lignes) à la fois. Découpez-le en plusieurs fichiers ; rien n'a été importé.",
                display_name(path)
            ),
            format!(
                "{} is {mb:.0} MB: Tisserand imports at most 512 MB (500,000 rows) at once. Split it into several files; nothing was imported.",
                display_name(path)
            ),
        ));
    }
    Ok(table)
}

pub(crate) fn tabular_error(e: &TabularError) -> AppError {
    let kind = match e {
        TabularError::Io { .. } | TabularError::Write { .. } => ErrorKind::Storage,
        _ => ErrorKind::Invalid,
    };
    AppError::new(kind, e.message_fr(), e.message_en())
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn delimiter_label(d: char) -> String {
    match d {
        '\t' => "tabulation".to_owned(),
        other => other.to_string(),
    }
}

impl App {
    /// Opens a file, reads its header and first rows, and proposes the
    /// column mapping (remembered from a previous import when the headers
    /// match, else guessed). Nothing is written.
    ///
    /// # Errors
    /// `Invalid` with a sentence naming what is wrong with the file (empty,
    /// binary, headers only, one column, duplicate headers, open quote…).
    pub fn preview_import(&self, path: &Path) -> AppResult<ImportPreview> {
        let table = open_table(path)?;
        let headers = table.headers().to_vec();
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let remembered = self.store.remembered_mapping(&keys)?;
        let mut mapping = guess_mapping(&headers);
        let mut from_memory = vec![false; headers.len()];
        for (i, key) in keys.iter().enumerate() {
            if let Some(code) = remembered.get(key) {
                mapping[i] = ImportField::parse(code);
                from_memory[i] = true;
            }
        }
        // What memory brought back may clash with a guess: keep the first.
        keep_first_of_each(&mut mapping);
        let format = table.format().label().to_owned();
        let encoding = table.encoding().map(|e| e.label_fr().to_owned());
        let delimiter = table.delimiter().map(delimiter_label);
        let total_bytes = table.total_bytes();
        let mut sample = Vec::new();
        for row in table.rows().take(PREVIEW_ROWS) {
            let row = row.map_err(|e| tabular_error(&e))?;
            sample.push(PreviewRow {
                number: row.number,
                cells: row.cells,
            });
        }
        Ok(ImportPreview {
            file_name: display_name(path),
            format,
            encoding,
            delimiter,
            letters: (0..headers.len()).map(column_letter).collect(),
            issues: mapping_issues(&headers, &mapping),
            fields: field_catalogue(),
            headers,
            mapping,
            remembered: from_memory,
            sample,
            total_bytes,
        })
    }

    /// What is wrong with a mapping of a file's columns (its headers as the
    /// preview gave them): a missing name column, fields taken by several
    /// columns, in French and English with the columns concerned. The
    /// import refuses the first of them; nothing is read or written.
    #[must_use]
    pub fn validate_import_mapping(
        &self,
        headers: &[String],
        mapping: &[Option<ImportField>],
    ) -> Vec<MappingIssue> {
        mapping_issues(headers, mapping)
    }

    /// Imports the actors (and contacts) of a file in one transaction,
    /// after a backup. `progress` hears about every few hundred rows;
    /// `cancel` set stops the import and keeps nothing of it.
    ///
    /// # Errors
    /// `Invalid` for an unreadable file or a bad mapping, `Conflict` when
    /// cancelled or too large (nothing kept); a storage error.
    pub fn import_actors(
        &mut self,
        path: &Path,
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress),
        cancel: &AtomicBool,
    ) -> AppResult<ImportReport> {
        let table = open_table(path)?;
        let headers = table.headers().to_vec();
        let mapping = options
            .mapping
            .clone()
            .unwrap_or_else(|| guess_mapping(&headers));
        check_mapping(&headers, &mapping).map_err(AppError::field)?;
        let communes = Communes::load(self)?;
        let (known, emails) = self.known_directory()?;
        let backup = if options.dry_run {
            None
        } else {
            self.backup_before(BackupReason::BeforeImport)?
                .map(|b| b.path)
        };
        let mut writer = Writer {
            known,
            emails,
            options,
            report: ImportReport {
                dry_run: options.dry_run,
                backup,
                ..ImportReport::default()
            },
            tally: ImportTally::default(),
            stop: None,
        };
        let format = table.format().label().to_owned();
        let total_bytes = table.total_bytes();
        let columns = Columns {
            headers: &headers,
            mapping: &mapping,
        };
        let rows = table.rows();
        let store = &mut self.store;
        let (mut report, import_id) = std::thread::scope(|scope| {
            // Reading, parsing and validating run on a thread of their own,
            // ahead of the writes (the slower half) on this one.
            let (sender, receiver) = std::sync::mpsc::sync_channel::<Batch>(16);
            let columns = &columns;
            let communes = &communes;
            let reader = scope.spawn(move || prepare_rows(rows, columns, communes, &sender));
            let written = store.import_rows(&display_name(path), &format, |w| {
                writer.write_batches(w, receiver, total_bytes, progress, cancel)
            });
            // The writer has stopped listening: the reader stops at its next send.
            let _ = reader.join();
            written
        })?;
        if let Some(e) = writer.stop {
            return Err(e);
        }
        report.import_id = import_id;
        if !options.dry_run {
            self.remember_mapping(&headers, &mapping)?;
        }
        Ok(report)
    }

    /// The organisations already in the directory (for the duplicate
    /// checks) and the contacts' e-mail addresses, lowercased.
    fn known_directory(&self) -> AppResult<(Known, HashSet<String>)> {
        let mut known = Known::default();
        for k in self.store.actor_keys()? {
            let key = normalize_org_name(&k.name);
            known.add(
                KnownActor {
                    id: Some(k.id),
                    name: k.name,
                    commune: k.commune_insee,
                },
                k.siren.as_deref(),
                k.rna.as_deref(),
                key,
            );
        }
        let emails = self
            .store
            .contact_keys()?
            .into_iter()
            .filter_map(|c| c.email.map(|e| e.to_lowercase()))
            .collect();
        Ok((known, emails))
    }

    /// Remembers the mapping used, by header, for the next file with the
    /// same headers.
    fn remember_mapping(
        &mut self,
        headers: &[String],
        mapping: &[Option<ImportField>],
    ) -> AppResult<()> {
        let pairs: Vec<(String, String)> = headers
            .iter()
            .zip(mapping)
            .map(|(h, m)| {
                (
                    header_key(h),
                    m.map(|f| f.code().to_owned()).unwrap_or_default(),
                )
            })
            .collect();
        Ok(self.store.remember_mapping(&pairs)?)
    }

    /// The imports, newest first.
    ///
    /// # Errors
    /// A storage error.
    pub fn list_imports(&self) -> AppResult<Vec<ImportRecord>> {
        Ok(self.store.imports(50)?)
    }

    /// Undoes an import: removes the actors and contacts it created (they
    /// stay restorable like any deleted row).
    ///
    /// # Errors
    /// `NotFound`; `Conflict` when one of its actors is now in a
    /// partnership; a storage error.
    pub fn undo_import(&mut self, id: &str) -> AppResult<ImportUndone> {
        self.store.undo_import(id).map(|(actors, contacts)| ImportUndone { actors, contacts }).map_err(|e| match e {
            tisserand_store::StoreError::InUse { used_by, .. } => AppError::new(
                ErrorKind::Conflict,
                format!(
                    "Des acteurs de cet import sont maintenant parties de partenariats ({}) : retirez-les de ces partenariats avant d'annuler l'import ; rien n'a été supprimé.",
                    used_by.iter().map(|t| format!("« {t} »")).collect::<Vec<_>>().join(", ")
                ),
                format!(
                    "Actors of this import are now parties of partnerships ({}): remove them first; nothing was deleted.",
                    used_by.join(", ")
                ),
            ),
            tisserand_store::StoreError::NotFound { .. } => AppError::new(
                ErrorKind::NotFound,
                "Cet import n'existe pas ou a déjà été annulé.",
                "This import does not exist or was already undone.",
            ),
            other => other.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use tisserand_domain::import::MappingIssueKind;

    use super::*;

    #[test]
    fn the_preview_carries_the_fields_the_letters_and_what_its_mapping_lacks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("forum.csv");
        std::fs::write(&path, "Ville;Courriel\nSélestat;a@b.fr\n").unwrap();
        let app = App::open_in_memory().unwrap();
        let preview = app.preview_import(&path).unwrap();
        assert_eq!(preview.letters, ["A", "B"]);
        assert_eq!(preview.fields.len(), ImportField::ALL.len());
        let kinds: Vec<MappingIssueKind> = preview.issues.iter().map(|i| i.kind).collect();
        assert_eq!(kinds, [MappingIssueKind::MissingName]);
        let fixed = [Some(ImportField::Name), preview.mapping[1]];
        assert_eq!(app.validate_import_mapping(&preview.headers, &fixed), []);
        let twice = [Some(ImportField::Name), Some(ImportField::Name)];
        let issues = app.validate_import_mapping(&preview.headers, &twice);
        assert_eq!(issues[0].columns, [0, 1]);
        assert!(issues[0].message.contains("« Ville » et « Courriel »"));
    }
}
