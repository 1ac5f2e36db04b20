//! The reader's side of an import, on a thread of its own: rows read
//! through the mapping, their commune resolved, validated, and sent to the
//! writer in batches.

use tisserand_domain::duplicate::normalize_org_name;
use tisserand_domain::import::{read_row, ImportField};
use tisserand_domain::{ActorInput, ContactInput, FieldError};
use tisserand_tabular::column_letter;

use super::communes::Communes;
use super::{tabular_error, RowProblem};
use crate::AppError;

/// Rows sent from the reader to the writer.
const BATCH: usize = 256;

/// What the reader sends.
pub(super) enum Batch {
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
pub(super) struct Prepared {
    pub(super) row: u64,
    pub(super) outcome: Result<Valid, Vec<RowProblem>>,
    /// Reported only if the row is imported.
    pub(super) warnings: Vec<RowProblem>,
}

pub(super) struct Valid {
    pub(super) actor: tisserand_domain::actor::ValidActor,
    pub(super) contact: Option<tisserand_domain::contact::ValidContact>,
    /// The normalised name, for the duplicate check.
    pub(super) name_key: String,
}

/// The reader's loop: every non-blank row prepared and sent in batches,
/// until the file ends, fails, or the writer stops listening.
pub(super) fn prepare_rows(
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

/// Field errors of the actor or contact validation, placed on the file's
/// columns.
pub(super) struct Columns<'a> {
    pub(super) headers: &'a [String],
    pub(super) mapping: &'a [Option<ImportField>],
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

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
