//! Data leaving Tisserand: actors, contacts and partnerships as CSV that
//! French Excel opens by double-click (UTF-8 with BOM, `;`), as XLSX, or as
//! JSON; and the whole database as one JSON document. Rows are streamed
//! from the store, so memory stays bounded; files are written under a
//! temporary name and renamed, so a failed export leaves no half file.
//!
//! The CSV and XLSX headers are the ones the import recognises, so an
//! export imports back into another Tisserand.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tisserand_domain::{
    Actor, AssociationRegime, Clock, Contact, ContactQuery, ContactSummary, MailingExclusion,
    Partnership, Resource,
};
use tisserand_tabular::Cell;
use ts_rs::TS;

use crate::import::tabular_error;
use crate::{App, AppError, AppResult, ErrorKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExportKind {
    Actors,
    Contacts,
    Partnerships,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Json,
}

impl ExportFormat {
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Json => "json",
        }
    }
}

impl ExportKind {
    /// The file name offered by default: `acteurs-2026-11-26.csv`.
    #[must_use]
    pub fn file_name(self, format: ExportFormat, on: chrono::NaiveDate) -> String {
        let stem = match self {
            Self::Actors => "acteurs",
            Self::Contacts => "contacts",
            Self::Partnerships => "partenariats",
        };
        format!("{stem}-{on}.{}", format.extension())
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportSummary {
    pub path: String,
    pub rows: u32,
}

const ACTOR_HEADERS: [&str; 25] = [
    "Nom",
    "Type",
    "SIREN",
    "SIRET",
    "RNA",
    "Régime",
    "Tribunal du registre",
    "Volume",
    "Folio",
    "Numéro au registre",
    "Adresse",
    "Code INSEE",
    "Commune",
    "Secteur",
    "Taille",
    "Site web",
    "Besoins",
    "Offres",
    "Enjeux",
    "Tags",
    "Notes",
    "Accepte d'être cité depuis le",
    "Créé le",
    "Modifié le",
    "Identifiant",
];

const CONTACT_HEADERS: [&str; 14] = [
    "Prénom",
    "Nom",
    "Organisation",
    "Fonction",
    "E-mail",
    "Téléphone",
    "Base légale",
    "Source",
    "Informé le",
    "Consentements",
    "Dernier contact à son initiative",
    "Notes",
    "Créé le",
    "Identifiant",
];

/// The columns of an invitation mailing, for a mail merge.
const MAILING_HEADERS: [&str; 8] = [
    "Prénom",
    "Nom",
    "Organisation",
    "Type d'organisation",
    "Fonction",
    "E-mail",
    "Téléphone",
    "Commune",
];

/// Which contacts an invitation mailing is for: the rows ticked in the list
/// (`ids`), or, without them, every contact the filters of `query` match.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ContactSelection {
    pub query: ContactQuery,
    pub ids: Option<Vec<String>>,
}

/// Contacts of a selection left out of a mailing for one reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LeftOut {
    pub reason: MailingExclusion,
    pub count: u32,
}

/// What an invitation mailing export wrote, and whom it left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MailingExport {
    pub path: String,
    /// Contacts written.
    pub rows: u32,
    /// Contacts of the selection left out, by reason, in the order of
    /// [`MailingExclusion::ALL`]; reasons that left nobody out are omitted.
    pub left_out: Vec<LeftOut>,
}

impl MailingExport {
    /// « 12 contact(s) exporté(s) dans … ; 3 laissé(s) de côté : opposition
    /// aux envois (1), sans e-mail (2). » — for the command line.
    #[must_use]
    pub fn sentence_fr(&self) -> String {
        let mut s = format!("{} contact(s) exporté(s) dans {}", self.rows, self.path);
        if !self.left_out.is_empty() {
            let total: u32 = self.left_out.iter().map(|l| l.count).sum();
            let parts: Vec<String> = self
                .left_out
                .iter()
                .map(|l| format!("{} ({})", l.reason.label_fr(), l.count))
                .collect();
            s.push_str(&format!(
                " ; {total} laissé(s) de côté : {}",
                parts.join(", ")
            ));
        }
        s.push('.');
        s
    }
}

impl ContactSelection {
    /// The file name offered by default: `invitations-2026-11-26.csv`.
    #[must_use]
    pub fn file_name(format: ExportFormat, on: chrono::NaiveDate) -> String {
        format!("invitations-{on}.{}", format.extension())
    }
}

fn mailing_cells(c: &ContactSummary) -> Vec<Cell> {
    // An organisation's general address greets nobody by name: a mail merge
    // must not write « Bonjour Contact général ».
    let general = tisserand_domain::contact::is_general_contact(&c.first_name, &c.last_name);
    let name = |n: &String| {
        if general {
            Cell::Empty
        } else {
            text(n.clone())
        }
    };
    vec![
        name(&c.first_name),
        name(&c.last_name),
        opt(c.actor_name.as_ref()),
        c.actor_kind.map_or(Cell::Empty, |k| text(k.label_fr())),
        opt(c.role.as_ref()),
        opt(c.email.as_ref()),
        opt(c.phone.as_ref()),
        opt(c.commune.as_ref().map(|c| &c.name)),
    ]
}

const PARTNERSHIP_HEADERS: [&str; 13] = [
    "Titre",
    "Étape",
    "Mode principal",
    "Autres modes",
    "Parties",
    "Facilitateur",
    "Tags",
    "Prochaine échéance",
    "Territoire (INSEE)",
    "Résumé",
    "Créé le",
    "Modifié le",
    "Identifiant",
];

/// The serde code of an enum value (`interet_legitime`).
fn code<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn resources(list: &[Resource]) -> String {
    list.iter()
        .map(|r| format!("{} : {}", r.category.label_fr(), r.text))
        .collect::<Vec<_>>()
        .join(" ; ")
}

fn date(d: chrono::NaiveDate) -> Cell {
    use chrono::Datelike;
    Cell::Date(
        u16::try_from(d.year()).unwrap_or(1900),
        u8::try_from(d.month()).unwrap_or(1),
        u8::try_from(d.day()).unwrap_or(1),
    )
}

fn text(s: impl Into<String>) -> Cell {
    Cell::from(s.into())
}

fn opt(s: Option<&String>) -> Cell {
    s.map_or(Cell::Empty, |s| text(s.clone()))
}

fn actor_cells(a: &Actor) -> Vec<Cell> {
    vec![
        text(a.name.clone()),
        text(a.kind.label_fr()),
        opt(a.siren.as_ref()),
        opt(a.siret.as_ref()),
        opt(a.rna.as_ref()),
        a.legal_regime.map_or(Cell::Empty, |r| {
            text(match r {
                AssociationRegime::Loi1901 => "loi 1901",
                AssociationRegime::DroitLocal => "droit local",
            })
        }),
        a.register_court.map_or(Cell::Empty, |c| text(c.city())),
        opt(a.register_volume.as_ref()),
        opt(a.register_folio.as_ref()),
        opt(a.register_number.as_ref()),
        opt(a.address.as_ref()),
        opt(a.commune.as_ref().map(|c| &c.insee)),
        opt(a.commune.as_ref().map(|c| &c.name)),
        opt(a.sector.as_ref()),
        a.size_band.map_or(Cell::Empty, |s| text(s.code())),
        opt(a.website.as_ref()),
        text(resources(&a.needs)),
        text(resources(&a.offers)),
        opt(a.stakes.as_ref()),
        text(a.tags.join(" ; ")),
        opt(a.notes.as_ref()),
        a.named_partner_since.map_or(Cell::Empty, date),
        date(a.created_at.date_naive()),
        date(a.updated_at.date_naive()),
        text(a.id.clone()),
    ]
}

fn contact_cells(c: &Contact) -> Vec<Cell> {
    vec![
        text(c.first_name.clone()),
        text(c.last_name.clone()),
        opt(c.actor_name.as_ref()),
        opt(c.role.as_ref()),
        opt(c.email.as_ref()),
        opt(c.phone.as_ref()),
        text(code(&c.legal_basis)),
        c.source.map_or(Cell::Empty, |s| text(code(&s))),
        c.informed_on.map_or(Cell::Empty, date),
        text(c.consents.iter().map(code).collect::<Vec<_>>().join(" ; ")),
        c.last_initiated_on.map_or(Cell::Empty, date),
        opt(c.notes.as_ref()),
        date(c.created_at.date_naive()),
        text(c.id.clone()),
    ]
}

fn partnership_cells(
    p: &Partnership,
    names: &std::collections::HashMap<String, String>,
) -> Vec<Cell> {
    let parties = p
        .parties
        .iter()
        .map(|party| {
            let name = names
                .get(&party.actor_id)
                .map_or(party.actor_id.as_str(), String::as_str);
            format!("{name} ({})", party.role.code())
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let due = p
        .next_actions
        .iter()
        .filter(|a| !a.done)
        .filter_map(|a| a.due_on)
        .min();
    vec![
        text(p.title.clone()),
        text(p.stage.label_fr()),
        p.modes.primary.map_or(Cell::Empty, |m| text(m.label_fr())),
        text(
            p.modes
                .secondary
                .iter()
                .map(|m| m.label_fr())
                .collect::<Vec<_>>()
                .join(" ; "),
        ),
        text(parties),
        opt(p.facilitator.as_ref()),
        text(p.tags.join(" ; ")),
        due.map_or(Cell::Empty, date),
        text(p.territory.join(" ; ")),
        opt(p.summary.as_ref()),
        date(p.created_at.date_naive()),
        date(p.updated_at.date_naive()),
        text(p.id.clone()),
    ]
}

/// A cell as CSV text. A text Excel would read as a formula (`=…`, `@…`,
/// `+A1`…) gets a leading apostrophe, as Excel itself writes it.
fn csv_text(cell: Cell) -> String {
    match cell {
        Cell::Text(s) => {
            let risky = s.starts_with(['=', '@'])
                || (s.starts_with(['+', '-'])
                    && !s[1..]
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit()));
            if risky {
                format!("'{s}")
            } else {
                s
            }
        }
        Cell::Number(n) => n.to_string(),
        Cell::Date(y, m, d) => format!("{d:02}/{m:02}/{y}"),
        Cell::Empty => String::new(),
    }
}

fn io_error(path: &Path, e: &dyn std::fmt::Display) -> AppError {
    AppError::new(
        ErrorKind::Storage,
        format!(
            "Impossible d'écrire {} : {e}. Rien n'a été écrit.",
            path.display()
        ),
        format!("Cannot write {}: {e}. Nothing was written.", path.display()),
    )
}

/// Runs `write` on a temporary file beside `dest`, then renames it to
/// `dest`; on failure the temporary file is removed and `dest` untouched.
fn write_atomically(
    dest: &Path,
    write: impl FnOnce(&Path) -> AppResult<u32>,
) -> AppResult<ExportSummary> {
    let mut name = dest.file_name().unwrap_or_default().to_os_string();
    name.push(".partiel");
    let tmp: PathBuf = dest.with_file_name(name);
    let rows = write(&tmp).and_then(|rows| {
        std::fs::rename(&tmp, dest).map_err(|e| io_error(dest, &e))?;
        Ok(rows)
    });
    match rows {
        Ok(rows) => Ok(ExportSummary {
            path: dest.display().to_string(),
            rows,
        }),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Writes the records `stream` sends as a JSON array's items, one per line.
fn json_items(
    out: &mut impl Write,
    dest: &Path,
    stream: impl FnOnce(&mut Sink<'_>) -> AppResult<u32>,
) -> AppResult<u32> {
    out.write_all(b"[\n").map_err(|e| io_error(dest, &e))?;
    let mut first = true;
    let rows = stream(&mut Sink::Json(&mut |value| {
        if !first {
            out.write_all(b",\n").map_err(|e| io_error(dest, &e))?;
        }
        first = false;
        serde_json::to_writer(&mut *out, &value).map_err(|e| io_error(dest, &e))
    }))?;
    out.write_all(b"\n]").map_err(|e| io_error(dest, &e))?;
    Ok(rows)
}

/// Streams rows of one kind, calling `row` with each record as cells or
/// as JSON.
enum Sink<'a> {
    Cells(&'a mut dyn FnMut(Vec<Cell>) -> AppResult<()>),
    Json(&'a mut dyn FnMut(serde_json::Value) -> AppResult<()>),
}

fn store_err(e: AppError) -> tisserand_store::StoreError {
    tisserand_store::StoreError::Corrupt(e.message_en)
}

impl App {
    fn stream(&self, kind: ExportKind, sink: &mut Sink<'_>) -> AppResult<u32> {
        let mut rows = 0u32;
        let mut failure: Option<AppError> = None;
        let mut emit =
            |cells: Vec<Cell>, value: serde_json::Value| -> tisserand_store::Result<()> {
                rows += 1;
                let r = match sink {
                    Sink::Cells(f) => f(cells),
                    Sink::Json(f) => f(value),
                };
                r.map_err(|e| {
                    failure = Some(e.clone());
                    store_err(e)
                })
            };
        let result = match kind {
            ExportKind::Actors => self.store.for_each_actor(&mut |a| {
                emit(
                    actor_cells(&a),
                    serde_json::to_value(&a).unwrap_or_default(),
                )
            }),
            ExportKind::Contacts => self.store.for_each_contact(&mut |c| {
                emit(
                    contact_cells(&c),
                    serde_json::to_value(&c).unwrap_or_default(),
                )
            }),
            ExportKind::Partnerships => {
                let names: std::collections::HashMap<String, String> = self
                    .store
                    .actor_keys()?
                    .into_iter()
                    .map(|k| (k.id, k.name))
                    .collect();
                self.store.for_each_partnership(&mut |p| {
                    emit(
                        partnership_cells(&p, &names),
                        serde_json::to_value(&p).unwrap_or_default(),
                    )
                })
            }
        };
        if let Some(e) = failure {
            return Err(e);
        }
        result?;
        Ok(rows)
    }

    /// Exports one kind of records to `dest` (replacing it).
    ///
    /// # Errors
    /// The file cannot be written (nothing is left behind); a storage error.
    pub fn export(
        &self,
        kind: ExportKind,
        format: ExportFormat,
        dest: &Path,
    ) -> AppResult<ExportSummary> {
        let headers: &[&str] = match kind {
            ExportKind::Actors => &ACTOR_HEADERS,
            ExportKind::Contacts => &CONTACT_HEADERS,
            ExportKind::Partnerships => &PARTNERSHIP_HEADERS,
        };
        write_atomically(dest, |tmp| match format {
            ExportFormat::Csv => {
                // Rows are gathered as text first: the CSV writer takes an
                // iterator; the text of 100,000 rows is a few tens of MB.
                let mut lines: Vec<Vec<String>> = Vec::new();
                let rows = self.stream(
                    kind,
                    &mut Sink::Cells(&mut |cells| {
                        lines.push(cells.into_iter().map(csv_text).collect());
                        Ok(())
                    }),
                )?;
                let file = std::fs::File::create(tmp).map_err(|e| io_error(dest, &e))?;
                tisserand_tabular::write_csv(
                    std::io::BufWriter::new(file),
                    headers,
                    lines.into_iter(),
                )
                .map_err(|e| tabular_error(&e))?;
                Ok(rows)
            }
            ExportFormat::Xlsx => {
                let mut all: Vec<Vec<Cell>> = Vec::new();
                let rows = self.stream(
                    kind,
                    &mut Sink::Cells(&mut |cells| {
                        all.push(cells);
                        Ok(())
                    }),
                )?;
                let sheet = match kind {
                    ExportKind::Actors => "Acteurs",
                    ExportKind::Contacts => "Contacts",
                    ExportKind::Partnerships => "Partenariats",
                };
                tisserand_tabular::write_xlsx(tmp, sheet, headers, all.into_iter())
                    .map_err(|e| tabular_error(&e))?;
                Ok(rows)
            }
            ExportFormat::Json => {
                let file = std::fs::File::create(tmp).map_err(|e| io_error(dest, &e))?;
                let mut out = std::io::BufWriter::new(file);
                let rows = json_items(&mut out, dest, |sink| self.stream(kind, sink))?;
                out.write_all(b"\n").map_err(|e| io_error(dest, &e))?;
                out.flush().map_err(|e| io_error(dest, &e))?;
                Ok(rows)
            }
        })
    }

    /// Exports a selection of contacts for an invitation mailing (a mail
    /// merge), as CSV or XLSX, honouring what each person agreed to: the
    /// contacts [`tisserand_domain::contact::invitation_exclusion`] leaves
    /// out (objection, no e-mail, consent missing, never informed) are not
    /// written, and counted by reason.
    ///
    /// # Errors
    /// `Invalid` for JSON, an empty selection, or a selection nobody in which
    /// may be invited (nothing is written); the file cannot be written
    /// (nothing is left behind); a storage error.
    pub fn export_contacts(
        &self,
        selection: &ContactSelection,
        format: ExportFormat,
        dest: &Path,
    ) -> AppResult<MailingExport> {
        if format == ExportFormat::Json {
            return Err(AppError::new(
                ErrorKind::Invalid,
                "Un publipostage s'exporte en CSV ou en XLSX, pas en JSON.",
                "A mailing is exported as CSV or XLSX, not JSON.",
            ));
        }
        let selected = self
            .store
            .selected_contacts(&selection.query, selection.ids.as_deref())?;
        let mut counts = std::collections::BTreeMap::<MailingExclusion, u32>::new();
        let mut kept: Vec<&ContactSummary> = Vec::with_capacity(selected.len());
        for c in &selected {
            match c.mailing_exclusion {
                Some(reason) => *counts.entry(reason).or_default() += 1,
                None => kept.push(c),
            }
        }
        let left_out: Vec<LeftOut> = counts
            .into_iter()
            .map(|(reason, count)| LeftOut { reason, count })
            .collect();
        if selected.is_empty() {
            return Err(AppError::new(
                ErrorKind::Invalid,
                "La sélection ne contient aucun contact : cochez des contacts ou élargissez les filtres ; rien n'a été écrit.",
                "The selection holds no contact: tick contacts or widen the filters; nothing was written.",
            ));
        }
        if kept.is_empty() {
            let why_fr: Vec<String> = left_out
                .iter()
                .map(|l| format!("{} ({})", l.reason.label_fr(), l.count))
                .collect();
            let why_en: Vec<String> = left_out
                .iter()
                .map(|l| format!("{} ({})", l.reason.label_en(), l.count))
                .collect();
            return Err(AppError::new(
                ErrorKind::Invalid,
                format!(
                    "Aucun contact de la sélection ne peut recevoir d'invitation : {} ; rien n'a été écrit.",
                    why_fr.join(", ")
                ),
                format!(
                    "No contact of the selection may receive an invitation: {}; nothing was written.",
                    why_en.join(", ")
                ),
            ));
        }
        let rows = u32::try_from(kept.len()).unwrap_or(u32::MAX);
        let written = write_atomically(dest, |tmp| {
            let cells = kept.iter().map(|c| mailing_cells(c));
            if format == ExportFormat::Csv {
                let file = std::fs::File::create(tmp).map_err(|e| io_error(dest, &e))?;
                tisserand_tabular::write_csv(
                    std::io::BufWriter::new(file),
                    &MAILING_HEADERS,
                    cells.map(|row| row.into_iter().map(csv_text).collect()),
                )
                .map_err(|e| tabular_error(&e))?;
            } else {
                tisserand_tabular::write_xlsx(tmp, "Invitations", &MAILING_HEADERS, cells)
                    .map_err(|e| tabular_error(&e))?;
            }
            Ok(rows)
        })?;
        Ok(MailingExport {
            path: written.path,
            rows: written.rows,
            left_out,
        })
    }

    /// Writes the whole database as one JSON document: actors, contacts,
    /// partnerships, imports, merges and erasure records, with the format
    /// and schema versions, stamped with `clock`'s instant.
    ///
    /// # Errors
    /// The file cannot be written (nothing is left behind); a storage error.
    pub fn export_all(&self, dest: &Path, clock: Clock) -> AppResult<ExportSummary> {
        write_atomically(dest, |tmp| {
            let file = std::fs::File::create(tmp).map_err(|e| io_error(dest, &e))?;
            let mut out = std::io::BufWriter::new(file);
            let head = serde_json::json!({
                "format": "tisserand-export",
                "formatVersion": 1,
                "schemaVersion": tisserand_store::SCHEMA_VERSION,
                "application": format!("Tisserand {}", env!("CARGO_PKG_VERSION")),
                "exportedAt": clock.utc().to_rfc3339(),
            });
            let head = serde_json::to_string(&head).map_err(|e| io_error(dest, &e))?;
            // The head object without its closing brace, then the arrays.
            out.write_all(&head.as_bytes()[..head.len() - 1])
                .map_err(|e| io_error(dest, &e))?;
            let mut total = 0;
            for (key, kind) in [
                ("actors", ExportKind::Actors),
                ("contacts", ExportKind::Contacts),
                ("partnerships", ExportKind::Partnerships),
            ] {
                write!(out, ",\n\"{key}\": ").map_err(|e| io_error(dest, &e))?;
                total += json_items(&mut out, dest, |sink| self.stream(kind, sink))?;
            }
            let history = serde_json::json!({
                "imports": self.store.imports(u32::MAX)?,
                "merges": self.store.merges(u32::MAX)?,
                "erasures": self.store.erasures()?,
            });
            for (key, value) in history.as_object().into_iter().flatten() {
                write!(out, ",\n\"{key}\": ").map_err(|e| io_error(dest, &e))?;
                serde_json::to_writer(&mut out, value).map_err(|e| io_error(dest, &e))?;
            }
            out.write_all(b"\n}\n").map_err(|e| io_error(dest, &e))?;
            out.flush().map_err(|e| io_error(dest, &e))?;
            Ok(total)
        })
    }
}
