//! A partnership's evaluations by its parties: one added or deleted, in the
//! same transaction as its timeline entry, on the version the form loaded.

use rusqlite::{params, OptionalExtension, Transaction};
use tisserand_domain::impact::{PartyEvaluation, ValidEvaluation, EVALUATIONS_MAX};
use tisserand_domain::{FieldError, Partnership, TimelineEntry, TimelineFact};

use crate::partnership::{append_timeline, instant, live_partnership, to_json};
use crate::{Entity, Result, Store, StoreError};

/// The live partnership `id` at `expected` version, or `Conflict`.
fn at_version(tx: &Transaction<'_>, id: &str, expected: u32) -> Result<(i64, Partnership)> {
    let (rid, p) = live_partnership(tx, id)?;
    if p.version != expected {
        return Err(StoreError::Conflict {
            entity: Entity::Partnership,
            id: id.to_owned(),
            expected,
            found: p.version,
        });
    }
    Ok((rid, p))
}

/// The actor's name for the timeline (its id when it is gone).
fn actor_name(tx: &Transaction<'_>, actor_id: &str) -> Result<String> {
    Ok(tx
        .prepare_cached("SELECT name FROM actors WHERE id = ?1")?
        .query_row([actor_id], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| actor_id.to_owned()))
}

/// Writes the evaluations and a timeline entry saying what happened.
fn write(
    tx: &Transaction<'_>,
    rid: i64,
    p: Partnership,
    evaluations: &[PartyEvaluation],
    fact: TimelineFact,
) -> Result<()> {
    let (at, at_dt) = instant()?;
    tx.prepare_cached("UPDATE partnerships SET evaluations = ?2 WHERE rid = ?1")?
        .execute(params![rid, to_json(&evaluations)?])?;
    let mut timeline = p.timeline;
    timeline.push(TimelineEntry { at: at_dt, fact });
    append_timeline(tx, rid, &timeline, &at)
}

impl Store {
    /// Adds a party's evaluation to partnership `id`, loaded at `version`.
    /// The evaluation was checked against the parties of that version, so a
    /// partnership changed since is refused.
    ///
    /// # Errors
    /// `NotFound`; `Conflict`; `Rule` when the partnership already keeps
    /// the most evaluations allowed; a storage error.
    pub fn add_partnership_evaluation(
        &mut self,
        id: &str,
        version: u32,
        evaluation: &ValidEvaluation,
    ) -> Result<Partnership> {
        self.with_tx(|tx| {
            let (rid, p) = at_version(tx, id, version)?;
            if p.evaluations.len() >= EVALUATIONS_MAX {
                return Err(StoreError::Rule(FieldError::new(
                    "evaluations",
                    format!("Ce partenariat garde déjà {EVALUATIONS_MAX} évaluations : supprimez-en d'anciennes."),
                    format!("This partnership already keeps {EVALUATIONS_MAX} evaluations: delete old ones."),
                )));
            }
            let mut evaluations = p.evaluations.clone();
            evaluations.push(PartyEvaluation::clone(evaluation));
            let fact = TimelineFact::Evaluated {
                actor: actor_name(tx, &evaluation.actor_id)?,
                on: evaluation.on,
            };
            write(tx, rid, p, &evaluations, fact)
        })?;
        self.partnership(id)
    }

    /// Deletes evaluation `index` (from 0) of partnership `id`, loaded at
    /// `version` (the undo of an addition).
    ///
    /// # Errors
    /// `NotFound` for the partnership or the evaluation; `Conflict`; a
    /// storage error.
    pub fn delete_partnership_evaluation(
        &mut self,
        id: &str,
        version: u32,
        index: usize,
    ) -> Result<Partnership> {
        self.with_tx(|tx| {
            let (rid, p) = at_version(tx, id, version)?;
            if index >= p.evaluations.len() {
                return Err(StoreError::NotFound {
                    entity: Entity::Evaluation,
                    id: (index + 1).to_string(),
                });
            }
            let mut evaluations = p.evaluations.clone();
            let gone = evaluations.remove(index);
            let fact = TimelineFact::EvaluationDeleted {
                actor: actor_name(tx, &gone.actor_id)?,
                on: gone.on,
            };
            write(tx, rid, p, &evaluations, fact)
        })?;
        self.partnership(id)
    }
}

#[cfg(test)]
#[path = "evaluation_tests.rs"]
mod tests;
