//! Importing actors and their contacts from CSV, XLSX or ODS: a preview
//! with the guessed (or remembered) column mapping, then the import itself,
//! streamed row by row into one transaction after a backup. Every row is
//! validated; bad rows are listed (row number as the spreadsheet shows it,
//! column, reason) and skipped; rows naming an organisation already in the
//! directory (same SIREN or RNA, or same name in the same commune) add
//! their contact to it instead of creating a duplicate.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};
use tisserand_domain::backup::BackupReason;
use tisserand_domain::dedup::normalize_org_name;
use tisserand_domain::import::{
    check_mapping, guess_mapping, header_key, keep_first_of_each, read_row, ImportField,
    ImportRecord, PlaceText,
};
use tisserand_domain::{ActorInput, ContactInput, FieldError};
use tisserand_store::{ImportEnd, ImportTally};
use tisserand_tabular::{column_letter, Table, TabularError};
use ts_rs::TS;

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
    /// The field of each column: remembered from a previous import, or
    /// guessed from the header.
    pub mapping: Vec<Option<ImportField>>,
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

/// The communes of the referential, to resolve a row's place.
struct Communes {
    by_insee: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    by_postal: HashMap<String, Vec<usize>>,
    insee: Vec<String>,
    postal: Vec<String>,
}

/// A commune name as the referential folds it (`domain::commune::name_key`),
/// with « St » spelt out and « Cedex » dropped.
fn commune_key(name: &str) -> String {
    let key = tisserand_domain::commune::name_key(name);
    let mut words: Vec<&str> = key.split(' ').collect();
    if let Some(cedex) = words.iter().position(|w| *w == "cedex") {
        words.truncate(cedex);
    }
    words
        .iter()
        .map(|w| match *w {
            "st" => "saint",
            "ste" => "sainte",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Communes {
    fn load(app: &App) -> AppResult<Self> {
        let rows = app.store.commune_places()?;
        let mut c = Self {
            by_insee: HashMap::with_capacity(rows.len()),
            by_name: HashMap::with_capacity(rows.len()),
            by_postal: HashMap::new(),
            insee: Vec::with_capacity(rows.len()),
            postal: Vec::with_capacity(rows.len()),
        };
        for (i, (insee, name_key, postal)) in rows.into_iter().enumerate() {
            c.by_insee.insert(insee.clone(), i);
            c.by_name.entry(name_key).or_default().push(i);
            for code in postal.split_whitespace() {
                c.by_postal.entry(code.to_owned()).or_default().push(i);
            }
            c.insee.push(insee);
            c.postal.push(postal);
        }
        Ok(c)
    }

    /// The commune a row names, or a reason it cannot be told.
    fn resolve(&self, place: &PlaceText) -> Result<Option<String>, (&'static str, String, String)> {
        if let Some(code) = &place.insee {
            return match self.by_insee.get(code.trim()) {
                Some(&i) => Ok(Some(self.insee[i].clone())),
                None => Err((
                    "communeInsee",
                    format!("le code INSEE « {code} » ne correspond à aucune commune : la commune est laissée vide"),
                    format!("INSEE code \"{code}\" matches no commune: the commune is left empty"),
                )),
            };
        }
        let postal = place
            .postal_code
            .as_deref()
            .map(|p| p.trim().trim_start_matches("F-").to_owned())
            .map(|p| {
                if p.len() == 4 && p.chars().all(|c| c.is_ascii_digit()) {
                    format!("0{p}")
                } else {
                    p
                }
            });
        if let Some(name) = &place.commune {
            let found: Vec<usize> = self
                .by_name
                .get(&commune_key(name))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&i| {
                    postal
                        .as_deref()
                        .is_none_or(|p| self.postal[i].split_whitespace().any(|c| c == p))
                })
                .collect();
            return match found.as_slice() {
                [one] => Ok(Some(self.insee[*one].clone())),
                [] if postal.is_some() => self.by_postal_only(postal.as_deref(), Some(name)),
                [] => Err((
                    "commune",
                    format!("la commune « {name} » est introuvable : elle est laissée vide (ajoutez le code postal ou corrigez l'orthographe)"),
                    format!("commune \"{name}\" was not found: it is left empty (add the postal code or fix the spelling)"),
                )),
                _ => Err((
                    "commune",
                    format!("plusieurs communes s'appellent « {name} » : ajoutez le code postal pour choisir ; elle est laissée vide"),
                    format!("several communes are called \"{name}\": add the postal code to choose; it is left empty"),
                )),
            };
        }
        self.by_postal_only(postal.as_deref(), None)
    }

    fn by_postal_only(
        &self,
        postal: Option<&str>,
        name: Option<&String>,
    ) -> Result<Option<String>, (&'static str, String, String)> {
        let Some(postal) = postal else {
            return Ok(None);
        };
        match self.by_postal.get(postal).map(Vec::as_slice) {
            Some([one]) if name.is_none() => Ok(Some(self.insee[*one].clone())),
            Some(_) if name.is_none() => Err((
                "postalCode",
                format!("le code postal {postal} couvre plusieurs communes : ajoutez le nom de la commune ; elle est laissée vide"),
                format!("postal code {postal} covers several communes: add the commune's name; it is left empty"),
            )),
            _ => Err((
                "postalCode",
                match name {
                    Some(n) => format!("aucune commune « {n} » n'a le code postal {postal} : la commune est laissée vide"),
                    None => format!("le code postal {postal} est inconnu : la commune est laissée vide"),
                },
                format!("no commune matches postal code {postal}: the commune is left empty"),
            )),
        }
    }
}

/// Which existing (or already imported) organisation a row names.
#[derive(Default)]
struct Known {
    by_siren: HashMap<String, usize>,
    by_rna: HashMap<String, usize>,
    /// Normalised name → entries (several communes may share a name).
    by_name: HashMap<String, Vec<usize>>,
    entries: Vec<KnownActor>,
}

struct KnownActor {
    /// `None` while a dry run has not written it.
    id: Option<String>,
    name: String,
    commune: Option<String>,
}

impl Known {
    fn add(&mut self, a: KnownActor, siren: Option<&str>, rna: Option<&str>, key: String) {
        let i = self.entries.len();
        if let Some(s) = siren {
            self.by_siren.entry(s.to_owned()).or_insert(i);
        }
        if let Some(r) = rna {
            self.by_rna.entry(r.to_owned()).or_insert(i);
        }
        if !key.is_empty() {
            self.by_name.entry(key).or_default().push(i);
        }
        self.entries.push(a);
    }

    /// The entry a valid actor duplicates, and why.
    fn find(
        &self,
        a: &tisserand_domain::actor::ValidActor,
        key: &str,
    ) -> Option<(usize, &'static str)> {
        if let Some(i) = a.siren.as_ref().and_then(|s| self.by_siren.get(s)) {
            return Some((*i, "même SIREN"));
        }
        if let Some(i) = a.rna.as_ref().and_then(|r| self.by_rna.get(r)) {
            return Some((*i, "même numéro RNA"));
        }
        let same_name = self.by_name.get(key)?;
        same_name
            .iter()
            .find(|&&i| {
                let other = &self.entries[i].commune;
                other.is_none() || a.commune_insee.is_none() || *other == a.commune_insee
            })
            .map(|&i| {
                if a.commune_insee.is_some() && self.entries[i].commune == a.commune_insee {
                    (i, "même nom dans la même commune")
                } else {
                    (i, "même nom")
                }
            })
    }
}

/// Field errors of the actor or contact validation, placed on the file's
/// columns.
struct Columns<'a> {
    headers: &'a [String],
    mapping: &'a [Option<ImportField>],
}

impl Columns<'_> {
    fn problem(
        &self,
        row: u64,
        input_field: &str,
        message: String,
        message_en: String,
    ) -> RowProblem {
        // `needs.2.text` → `needs`; `contact.email` stays.
        let base = input_field
            .split('.')
            .take(if input_field.starts_with("contact.") {
                2
            } else {
                1
            })
            .collect::<Vec<_>>()
            .join(".");
        let column = self
            .mapping
            .iter()
            .position(|m| m.is_some_and(|f| f.input_field() == base || f.code() == base));
        RowProblem {
            row,
            field: column.map(|i| self.headers[i].clone()).unwrap_or_default(),
            column: column.map(column_letter),
            message,
            message_en,
        }
    }

    fn field_problem(&self, row: u64, e: FieldError, prefix: &str) -> RowProblem {
        self.problem(
            row,
            &format!("{prefix}{}", e.field),
            e.message,
            e.message_en,
        )
    }
}

fn push_capped(list: &mut Vec<RowProblem>, p: RowProblem) {
    if list.len() < MAX_LISTED {
        list.push(p);
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
            headers,
            mapping,
            remembered: from_memory,
            sample,
            total_bytes,
        })
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
        let mut emails: std::collections::HashSet<String> = self
            .store
            .contact_keys()?
            .into_iter()
            .filter_map(|c| c.email.map(|e| e.to_lowercase()))
            .collect();
        let backup = if options.dry_run {
            None
        } else {
            self.backup_before(BackupReason::BeforeImport)?
                .map(|b| b.path)
        };
        let format = table.format().label().to_owned();
        let total_bytes = table.total_bytes();
        let columns = Columns {
            headers: &headers,
            mapping: &mapping,
        };
        let mut report = ImportReport {
            dry_run: options.dry_run,
            backup,
            ..ImportReport::default()
        };
        let rows = table.rows();
        let mut stop: Option<AppError> = None;
        let store = &mut self.store;
        let (report, import_id) = std::thread::scope(|scope| {
            // Reading, parsing and validating run on a thread of their own,
            // ahead of the writes (the slower half) on this one.
            let (sender, receiver) = std::sync::mpsc::sync_channel::<Batch>(16);
            let columns = &columns;
            let communes = &communes;
            let reader = scope.spawn(move || prepare_rows(rows, columns, communes, &sender));
            let written = store.import_rows(&display_name(path), &format, |w| {
                let mut tally = ImportTally::default();
                let mut complete = false;
                for batch in receiver {
                    let (items, bytes_read, end) = match batch {
                        Batch::Rows { items, bytes_read } => (items, bytes_read, None),
                        Batch::Failed(e) => (Vec::new(), 0, Some(e)),
                        Batch::Done => {
                            complete = true;
                            break;
                        }
                    };
                    if let Some(e) = end {
                        stop = Some(e);
                        return Ok(ImportEnd::Discard(ImportReport::default()));
                    }
                    tally.rows += u32::try_from(items.len()).unwrap_or(u32::MAX);
                    if tally.rows > MAX_IMPORT_ROWS {
                        stop = Some(AppError::new(
                            ErrorKind::Invalid,
                            format!("Le fichier dépasse {} lignes : découpez-le en plusieurs fichiers ; rien n'a été importé.", tisserand_domain::text::group_digits(MAX_IMPORT_ROWS as usize)),
                            format!("The file has more than {MAX_IMPORT_ROWS} rows: split it into several files; nothing was imported."),
                        ));
                        return Ok(ImportEnd::Discard(ImportReport::default()));
                    }
                    if cancel.load(Ordering::Relaxed) {
                        stop = Some(AppError::new(
                            ErrorKind::Conflict,
                            "Import annulé : rien n'a été importé.",
                            "Import cancelled: nothing was imported.",
                        ));
                        return Ok(ImportEnd::Discard(ImportReport::default()));
                    }
                    for item in items {
                        write_row(w, item, &mut known, &mut emails, options, &mut report, &mut tally)?;
                    }
                    progress(ImportProgress {
                        rows: tally.rows,
                        bytes_read,
                        total_bytes,
                    });
                }
                if !complete {
                    stop = Some(AppError::new(
                        ErrorKind::Internal,
                        "La lecture du fichier s'est arrêtée de façon inattendue : rien n'a été importé.",
                        "Reading the file stopped unexpectedly: nothing was imported.",
                    ));
                    return Ok(ImportEnd::Discard(ImportReport::default()));
                }
                progress(ImportProgress {
                    rows: tally.rows,
                    bytes_read: total_bytes,
                    total_bytes,
                });
                report.rows = tally.rows;
                report.imported = tally.actors;
                report.contacts = tally.contacts;
                report.skipped = tally.skipped;
                if options.dry_run || (tally.actors == 0 && tally.contacts == 0) {
                    Ok(ImportEnd::Discard(report))
                } else {
                    Ok(ImportEnd::Commit(report, tally))
                }
            });
            // The writer has stopped listening: the reader stops at its next send.
            let _ = reader.join();
            written
        })?;
        if let Some(e) = stop {
            return Err(e);
        }
        let mut report = report;
        report.import_id = import_id;
        if !options.dry_run {
            let pairs: Vec<(String, String)> = headers
                .iter()
                .zip(&mapping)
                .map(|(h, m)| {
                    (
                        header_key(h),
                        m.map(|f| f.code().to_owned()).unwrap_or_default(),
                    )
                })
                .collect();
            self.store.remember_mapping(&pairs)?;
        }
        Ok(report)
    }

    /// The imports, newest first.
    ///
    /// # Errors
    /// A storage error.
    pub fn imports(&self) -> AppResult<Vec<ImportRecord>> {
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

/// Rows sent from the reader to the writer.
const BATCH: usize = 256;

/// What the reader sends.
enum Batch {
    Rows {
        items: Vec<Prepared>,
        bytes_read: u64,
    },
    /// The file could not be read further (an unclosed quote…).
    Failed(AppError),
    /// Every row was sent: without it, the reader stopped unexpectedly and
    /// nothing is kept.
    Done,
}

/// One row, read and validated.
struct Prepared {
    row: u64,
    outcome: Result<Valid, Vec<RowProblem>>,
    /// Reported only if the row is imported.
    warnings: Vec<RowProblem>,
}

struct Valid {
    actor: tisserand_domain::actor::ValidActor,
    contact: Option<tisserand_domain::contact::ValidContact>,
    /// The normalised name, for the duplicate check.
    name_key: String,
}

/// The reader's loop: every non-blank row prepared and sent in batches,
/// until the file ends, fails, or the writer stops listening.
fn prepare_rows(
    rows: tisserand_tabular::Rows,
    columns: &Columns<'_>,
    communes: &Communes,
    sender: &std::sync::mpsc::SyncSender<Batch>,
) {
    let mut rows = rows;
    let mut items = Vec::with_capacity(BATCH);
    loop {
        match rows.next() {
            None => break,
            Some(Err(e)) => {
                let _ = sender.send(Batch::Failed(tabular_error(&e)));
                return;
            }
            Some(Ok(row)) => {
                if row.cells.iter().all(String::is_empty) {
                    continue;
                }
                items.push(prepare_row(&row, columns, communes));
                if items.len() == BATCH {
                    let batch = Batch::Rows {
                        items: std::mem::take(&mut items),
                        bytes_read: rows.bytes_read(),
                    };
                    if sender.send(batch).is_err() {
                        return;
                    }
                    items.reserve(BATCH);
                }
            }
        }
    }
    if !items.is_empty()
        && sender
            .send(Batch::Rows {
                items,
                bytes_read: rows.bytes_read(),
            })
            .is_err()
    {
        return;
    }
    let _ = sender.send(Batch::Done);
}

/// One row: read through the mapping, resolve its commune, validate.
fn prepare_row(
    row: &tisserand_tabular::Row,
    columns: &Columns<'_>,
    communes: &Communes,
) -> Prepared {
    let n = row.number;
    let read = read_row(columns.mapping, &row.cells);
    let mut kind_reported = read.errors.iter().any(|e| e.field == "kind");
    let mut problems: Vec<RowProblem> = read
        .errors
        .into_iter()
        .map(|e| columns.field_problem(n, e, ""))
        .collect();
    let mut actor: ActorInput = read.actor;
    let mut warnings = Vec::new();
    match communes.resolve(&read.place) {
        Ok(insee) => actor.commune_insee = insee,
        Err((field, fr, en)) => {
            warnings.push(columns.problem(n, field, capitalise(&fr), capitalise(&en)));
        }
    }
    if actor.kind.is_none() && !kind_reported && !actor.name.trim().is_empty() {
        kind_reported = true;
        problems.push(columns.problem(
            n,
            "kind",
            format!("Le type de « {} » manque : ajoutez une colonne Type (entreprise, association, collectivité…).", actor.name.trim()),
            format!("The type of \"{}\" is missing: add a Type column (entreprise, association, collectivite…).", actor.name.trim()),
        ));
    }
    let valid = actor.validate();
    let valid_contact = read.contact.as_ref().map(ContactInput::validate);
    if let Err(errors) = &valid {
        problems.extend(
            errors
                .0
                .iter()
                .filter(|e| e.field != "kind" || !kind_reported)
                .map(|e| columns.field_problem(n, e.clone(), "")),
        );
    }
    if let Some(Err(errors)) = &valid_contact {
        problems.extend(
            errors
                .0
                .iter()
                .map(|e| columns.field_problem(n, e.clone(), "contact.")),
        );
    }
    if row.extra_cells > 0 {
        warnings.push(columns.problem(
            n,
            "",
            format!(
                "{} cellule(s) au-delà de la dernière colonne ont été ignorées",
                row.extra_cells
            ),
            format!(
                "{} cell(s) beyond the last column were ignored",
                row.extra_cells
            ),
        ));
    }
    let outcome = match (valid, valid_contact.transpose()) {
        (Ok(actor), Ok(contact)) if problems.is_empty() => Ok(Valid {
            name_key: normalize_org_name(&actor.name),
            actor,
            contact,
        }),
        _ => Err(problems),
    };
    Prepared {
        row: n,
        outcome,
        warnings,
    }
}

/// One prepared row: checked against the directory and the rows before it,
/// then written (unless a dry run).
fn write_row(
    w: &mut tisserand_store::ImportWriter<'_>,
    item: Prepared,
    known: &mut Known,
    emails: &mut std::collections::HashSet<String>,
    options: &ImportOptions,
    report: &mut ImportReport,
    tally: &mut ImportTally,
) -> tisserand_store::Result<()> {
    let n = item.row;
    let valid = match item.outcome {
        Ok(valid) => valid,
        Err(problems) => {
            tally.skipped += 1;
            report.error_count += 1;
            for p in problems {
                push_capped(&mut report.errors, p);
            }
            return Ok(());
        }
    };
    let Valid {
        actor,
        contact,
        name_key,
    } = valid;
    let duplicate = if options.keep_duplicates {
        None
    } else {
        known.find(&actor, &name_key)
    };
    let actor_id = if let Some((i, reason)) = duplicate {
        tally.skipped += 1;
        report.duplicate_count += 1;
        let existing = &known.entries[i];
        let contact_is_new = contact.as_ref().is_some_and(|c| {
            c.email
                .as_ref()
                .is_none_or(|e| !emails.contains(&e.to_lowercase()))
        });
        if report.duplicates.len() < MAX_LISTED {
            report.duplicates.push(RowDuplicate {
                row: n,
                name: actor.name.clone(),
                existing_id: existing.id.clone(),
                existing_name: existing.name.clone(),
                reason: reason.to_owned(),
                contact_added: contact_is_new,
            });
        }
        if !contact_is_new {
            return Ok(());
        }
        existing.id.clone()
    } else {
        let id = if options.dry_run {
            None
        } else {
            Some(w.add_actor(&actor)?)
        };
        tally.actors += 1;
        known.add(
            KnownActor {
                id: id.clone(),
                name: actor.name.clone(),
                commune: actor.commune_insee.clone(),
            },
            actor.siren.as_deref(),
            actor.rna.as_deref(),
            name_key,
        );
        for warning in item.warnings {
            push_capped(&mut report.warnings, warning);
        }
        id
    };
    if let Some(mut c) = contact {
        if let Some(e) = &c.email {
            emails.insert(e.to_lowercase());
        }
        if !options.dry_run {
            c.actor_id = actor_id;
            w.add_contact(&c)?;
        }
        tally.contacts += 1;
    }
    Ok(())
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
