//! The writer's side of an import, on the caller's thread inside the
//! store's transaction: each prepared row checked against the directory and
//! the rows before it, then written (unless a dry run), with the report.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;

use tisserand_store::{ImportEnd, ImportTally, ImportWriter};

use super::reader::{Batch, Prepared, Valid};
use super::{
    ImportOptions, ImportProgress, ImportReport, RowDuplicate, RowProblem, MAX_IMPORT_ROWS,
    MAX_LISTED,
};
use crate::{AppError, ErrorKind};

/// Which existing (or already imported) organisation a row names.
#[derive(Default)]
pub(super) struct Known {
    by_siren: HashMap<String, usize>,
    by_rna: HashMap<String, usize>,
    /// Normalised name → entries (several communes may share a name).
    by_name: HashMap<String, Vec<usize>>,
    entries: Vec<KnownActor>,
}

pub(super) struct KnownActor {
    /// `None` while a dry run has not written it.
    pub(super) id: Option<String>,
    pub(super) name: String,
    pub(super) commune: Option<String>,
}

impl Known {
    pub(super) fn add(
        &mut self,
        a: KnownActor,
        siren: Option<&str>,
        rna: Option<&str>,
        key: String,
    ) {
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

/// What the writer keeps while the batches come: the directory as known so
/// far, the e-mail addresses already there, the report being filled, and
/// why the import stopped, if it did (nothing is then kept).
pub(super) struct Writer<'a> {
    pub(super) known: Known,
    pub(super) emails: HashSet<String>,
    pub(super) options: &'a ImportOptions,
    pub(super) report: ImportReport,
    pub(super) tally: ImportTally,
    pub(super) stop: Option<AppError>,
}

impl Writer<'_> {
    /// Writes the batches the reader sends until it is done; an unreadable
    /// file, too many rows, a cancel or a reader that stopped early discard
    /// everything (the reason is kept in `stop`).
    pub(super) fn write_batches(
        &mut self,
        w: &mut ImportWriter<'_>,
        receiver: Receiver<Batch>,
        total_bytes: u64,
        progress: &mut dyn FnMut(ImportProgress),
        cancel: &AtomicBool,
    ) -> tisserand_store::Result<ImportEnd<ImportReport>> {
        let mut complete = false;
        for batch in receiver {
            let (items, bytes_read) = match batch {
                Batch::Rows { items, bytes_read } => (items, bytes_read),
                Batch::Failed(e) => return Ok(self.discard(e)),
                Batch::Done => {
                    complete = true;
                    break;
                }
            };
            self.tally.rows += u32::try_from(items.len()).unwrap_or(u32::MAX);
            if let Some(refusal) = self.refusal(cancel) {
                return Ok(self.discard(refusal));
            }
            for item in items {
                self.write_row(w, item)?;
            }
            progress(ImportProgress {
                rows: self.tally.rows,
                bytes_read,
                total_bytes,
            });
        }
        if !complete {
            return Ok(self.discard(AppError::new(
                ErrorKind::Internal,
                "La lecture du fichier s'est arrêtée de façon inattendue : rien n'a été importé.",
                "Reading the file stopped unexpectedly: nothing was imported.",
            )));
        }
        progress(ImportProgress {
            rows: self.tally.rows,
            bytes_read: total_bytes,
            total_bytes,
        });
        Ok(self.finish())
    }

    /// Stops the import: nothing of it is kept.
    fn discard(&mut self, reason: AppError) -> ImportEnd<ImportReport> {
        self.stop = Some(reason);
        ImportEnd::Discard(ImportReport::default())
    }

    /// Why the import must stop before the next batch: too many rows, or
    /// cancelled.
    fn refusal(&self, cancel: &AtomicBool) -> Option<AppError> {
        if self.tally.rows > MAX_IMPORT_ROWS {
            return Some(AppError::new(
                ErrorKind::Invalid,
                format!("Le fichier dépasse {} lignes : découpez-le en plusieurs fichiers ; rien n'a été importé.", tisserand_domain::text::group_digits(MAX_IMPORT_ROWS as usize)),
                format!("The file has more than {MAX_IMPORT_ROWS} rows: split it into several files; nothing was imported."),
            ));
        }
        if cancel.load(Ordering::Relaxed) {
            return Some(AppError::new(
                ErrorKind::Conflict,
                "Import annulé : rien n'a été importé.",
                "Import cancelled: nothing was imported.",
            ));
        }
        None
    }

    /// The report's counts, and whether to keep what was written (not for a
    /// dry run, nor when nothing was imported).
    fn finish(&mut self) -> ImportEnd<ImportReport> {
        let tally = std::mem::take(&mut self.tally);
        let mut report = std::mem::take(&mut self.report);
        report.rows = tally.rows;
        report.imported = tally.actors;
        report.contacts = tally.contacts;
        report.skipped = tally.skipped;
        if self.options.dry_run || (tally.actors == 0 && tally.contacts == 0) {
            ImportEnd::Discard(report)
        } else {
            ImportEnd::Commit(report, tally)
        }
    }

    /// One prepared row: skipped with its problems, or its contact added to
    /// the organisation it duplicates, or written as a new actor (with its
    /// contact).
    fn write_row(
        &mut self,
        w: &mut ImportWriter<'_>,
        item: Prepared,
    ) -> tisserand_store::Result<()> {
        let Valid {
            actor,
            contact,
            name_key,
        } = match item.outcome {
            Ok(valid) => valid,
            Err(problems) => {
                self.skip_invalid(problems);
                return Ok(());
            }
        };
        let duplicate = if self.options.keep_duplicates {
            None
        } else {
            self.known.find(&actor, &name_key)
        };
        let actor_id = if let Some((i, reason)) = duplicate {
            if !self.note_duplicate(item.row, &actor, contact.as_ref(), i, reason) {
                return Ok(());
            }
            self.known.entries[i].id.clone()
        } else {
            self.add_actor(w, &actor, name_key, item.warnings)?
        };
        if let Some(c) = contact {
            self.add_contact(w, c, actor_id)?;
        }
        Ok(())
    }

    /// A row with problems: skipped, its problems listed.
    fn skip_invalid(&mut self, problems: Vec<RowProblem>) {
        self.tally.skipped += 1;
        self.report.error_count += 1;
        for p in problems {
            push_capped(&mut self.report.errors, p);
        }
    }

    /// A row naming the organisation at `existing`: skipped and listed;
    /// returns whether its contact is new (then added to that organisation).
    fn note_duplicate(
        &mut self,
        row: u64,
        actor: &tisserand_domain::actor::ValidActor,
        contact: Option<&tisserand_domain::contact::ValidContact>,
        existing: usize,
        reason: &str,
    ) -> bool {
        self.tally.skipped += 1;
        self.report.duplicate_count += 1;
        let existing = &self.known.entries[existing];
        let contact_is_new = contact.is_some_and(|c| {
            c.email
                .as_ref()
                .is_none_or(|e| !self.emails.contains(&e.to_lowercase()))
        });
        if self.report.duplicates.len() < MAX_LISTED {
            self.report.duplicates.push(RowDuplicate {
                row,
                name: actor.name.clone(),
                existing_id: existing.id.clone(),
                existing_name: existing.name.clone(),
                reason: reason.to_owned(),
                contact_added: contact_is_new,
            });
        }
        contact_is_new
    }

    /// A new organisation: written (unless a dry run), known from now on,
    /// its row's warnings reported. Returns its id (`None` in a dry run).
    fn add_actor(
        &mut self,
        w: &mut ImportWriter<'_>,
        actor: &tisserand_domain::actor::ValidActor,
        name_key: String,
        warnings: Vec<RowProblem>,
    ) -> tisserand_store::Result<Option<String>> {
        let id = if self.options.dry_run {
            None
        } else {
            Some(w.add_actor(actor)?)
        };
        self.tally.actors += 1;
        self.known.add(
            KnownActor {
                id: id.clone(),
                name: actor.name.clone(),
                commune: actor.commune_insee.clone(),
            },
            actor.siren.as_deref(),
            actor.rna.as_deref(),
            name_key,
        );
        for warning in warnings {
            push_capped(&mut self.report.warnings, warning);
        }
        Ok(id)
    }

    /// A row's contact person, attached to `actor_id`.
    fn add_contact(
        &mut self,
        w: &mut ImportWriter<'_>,
        mut c: tisserand_domain::contact::ValidContact,
        actor_id: Option<String>,
    ) -> tisserand_store::Result<()> {
        if let Some(e) = &c.email {
            self.emails.insert(e.to_lowercase());
        }
        if !self.options.dry_run {
            c.actor_id = actor_id;
            w.add_contact(&c)?;
        }
        self.tally.contacts += 1;
        Ok(())
    }
}

fn push_capped(list: &mut Vec<RowProblem>, p: RowProblem) {
    if list.len() < MAX_LISTED {
        list.push(p);
    }
}
