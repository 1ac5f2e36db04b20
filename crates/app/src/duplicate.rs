//! Duplicates on demand: the scan of the whole directory (`domain::duplicate`),
//! each pair shown side by side with why it matched, merges with a choice
//! per field after a backup, undo, and pairs dismissed for good.

use serde::{Deserialize, Serialize};
use tisserand_domain::backup::BackupReason;
use tisserand_domain::duplicate::{
    find_contact_duplicates, find_org_duplicates, ContactCandidate, DuplicatePair, MatchReason,
    OrgCandidate,
};
use tisserand_domain::merge::{
    actor_kept_by_default, contact_input, contact_kept_by_default, merge_actors, merge_contacts,
    preview_actor_merge, preview_contact_merge, MergeChoices, MergePreview, MergeRecord, PairSide,
};
use tisserand_domain::{Actor, ActorInput, Contact, ContactInput};
use tisserand_store::Entity;
use tisserand_store::{Restored, StoreError};
use ts_rs::TS;

use crate::{App, AppError, AppResult, ErrorKind};

/// Pairs sent at most per kind; the totals say how many there are.
const MAX_PAIRS: usize = 300;

/// One actor of a pair, with what a merge would move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActorSide {
    pub actor: Actor,
    pub contacts: u32,
    pub partnerships: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActorDuplicate {
    pub a: ActorSide,
    pub b: ActorSide,
    /// The record the merge keeps unless the person chooses the other.
    pub keep: PairSide,
    pub reasons: Vec<MatchReason>,
    /// The reasons in French, for people and the command line.
    pub why: Vec<String>,
    pub score: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactDuplicate {
    pub a: Contact,
    pub b: Contact,
    /// The record the merge keeps unless the person chooses the other.
    pub keep: PairSide,
    pub reasons: Vec<MatchReason>,
    pub why: Vec<String>,
    pub score: u32,
}

/// The result of a scan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Duplicates {
    pub actors: Vec<ActorDuplicate>,
    pub contacts: Vec<ContactDuplicate>,
    pub actor_pairs: u32,
    pub contact_pairs: u32,
    /// Pairs listed at most per kind.
    pub max_listed: u32,
}

/// Which kind of record a merge is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DuplicateEntity {
    Actor,
    Contact,
}

impl DuplicateEntity {
    fn code(self) -> &'static str {
        match self {
            Self::Actor => "actor",
            Self::Contact => "contact",
        }
    }
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MergeOutcome {
    pub merge_id: String,
    pub kept_id: String,
    pub backup: Option<String>,
}

fn not_dismissed(
    pairs: Vec<DuplicatePair>,
    dismissed: &std::collections::HashSet<(String, String)>,
) -> Vec<DuplicatePair> {
    pairs
        .into_iter()
        .filter(|p| {
            let key = if p.a <= p.b {
                (p.a.clone(), p.b.clone())
            } else {
                (p.b.clone(), p.a.clone())
            };
            !dismissed.contains(&key)
        })
        .collect()
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn undo_refused(e: StoreError) -> AppError {
    match e {
        StoreError::Conflict { id, .. } => AppError::new(
            ErrorKind::Conflict,
            format!("Cette fusion ne peut plus être annulée : une fiche qu'elle a touchée a été modifiée depuis (identifiant {id}). Rien n'a été changé."),
            format!("This merge can no longer be undone: a record it touched was changed since (id {id}). Nothing was changed."),
        ),
        StoreError::NotFound { entity: Entity::Merge, .. } => AppError::new(
            ErrorKind::NotFound,
            "Cette fusion n'existe pas ou a déjà été annulée.",
            "This merge does not exist or was already undone.",
        ),
        other => other.into(),
    }
}

impl App {
    /// Scans the directory for duplicate actors and contacts, leaving out
    /// pairs dismissed before.
    ///
    /// # Errors
    /// A storage error.
    pub fn scan_duplicates(&self) -> AppResult<Duplicates> {
        let actor_keys = self.store.actor_keys()?;
        let orgs: Vec<OrgCandidate<'_>> = actor_keys
            .iter()
            .map(|k| OrgCandidate {
                id: &k.id,
                name: &k.name,
                siren: k.siren.as_deref(),
                rna: k.rna.as_deref(),
                commune_insee: k.commune_insee.as_deref(),
            })
            .collect();
        let actor_pairs = not_dismissed(
            find_org_duplicates(&orgs),
            &self.store.dismissed_duplicates("actor")?,
        );
        let contact_keys = self.store.contact_keys()?;
        let people: Vec<ContactCandidate<'_>> = contact_keys
            .iter()
            .map(|k| ContactCandidate {
                id: &k.id,
                first_name: &k.first_name,
                last_name: &k.last_name,
                email: k.email.as_deref(),
                actor_id: k.actor_id.as_deref(),
            })
            .collect();
        let contact_pairs = not_dismissed(
            find_contact_duplicates(&people),
            &self.store.dismissed_duplicates("contact")?,
        );
        let side = |id: &str| -> AppResult<ActorSide> {
            let (contacts, partnerships) = self.store.actor_relations(id)?;
            Ok(ActorSide {
                actor: self.store.actor(id)?,
                contacts,
                partnerships,
            })
        };
        let actors = actor_pairs
            .iter()
            .take(MAX_PAIRS)
            .map(|p| {
                let (a, b) = (side(&p.a)?, side(&p.b)?);
                Ok(ActorDuplicate {
                    keep: actor_kept_by_default(
                        (a.partnerships, a.contacts),
                        (b.partnerships, b.contacts),
                    ),
                    a,
                    b,
                    why: p.reasons.iter().map(MatchReason::label_fr).collect(),
                    reasons: p.reasons.clone(),
                    score: p.score,
                })
            })
            .collect::<AppResult<_>>()?;
        let contacts = contact_pairs
            .iter()
            .take(MAX_PAIRS)
            .map(|p| {
                let (a, b) = (self.store.contact(&p.a)?, self.store.contact(&p.b)?);
                Ok(ContactDuplicate {
                    keep: contact_kept_by_default(&a, &b),
                    a,
                    b,
                    why: p.reasons.iter().map(MatchReason::label_fr).collect(),
                    reasons: p.reasons.clone(),
                    score: p.score,
                })
            })
            .collect::<AppResult<_>>()?;
        Ok(Duplicates {
            actors,
            contacts,
            actor_pairs: to_u32(actor_pairs.len()),
            contact_pairs: to_u32(contact_pairs.len()),
            max_listed: to_u32(MAX_PAIRS),
        })
    }

    /// What merging `other` into `keep` would leave, field by field and
    /// for each side the person may choose, for the merge dialog (nothing
    /// is written).
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn get_merge_preview(
        &self,
        entity: DuplicateEntity,
        keep: &str,
        other: &str,
    ) -> AppResult<MergePreview> {
        Ok(match entity {
            DuplicateEntity::Actor => {
                preview_actor_merge(&self.store.actor(keep)?, &self.store.actor(other)?)
            }
            DuplicateEntity::Contact => {
                preview_contact_merge(&self.store.contact(keep)?, &self.store.contact(other)?)
            }
        })
    }

    /// Merges actor `other` into `keep` after a backup: `keep` takes the
    /// chosen values, `other`'s contacts and partnerships move to it.
    ///
    /// # Errors
    /// `NotFound`; `Invalid` when the merged values are not valid (two
    /// chosen fields that contradict); a storage error (nothing changed).
    pub fn merge_actors(
        &mut self,
        keep: &str,
        other: &str,
        choices: &MergeChoices,
    ) -> AppResult<MergeOutcome> {
        let kept = self.store.actor(keep)?;
        let merged = merge_actors(&kept, &self.store.actor(other)?, choices).validate()?;
        let before = serde_json::to_value(kept.to_input()).map_err(|e| internal(&e))?;
        let backup = self
            .backup_before(BackupReason::BeforeMerge)?
            .map(|b| b.path);
        let merge_id = self.store.merge_actors(keep, other, &merged, before)?;
        Ok(MergeOutcome {
            merge_id,
            kept_id: keep.to_owned(),
            backup,
        })
    }

    /// Merges contact `other` into `keep` after a backup.
    ///
    /// # Errors
    /// As `merge_actors`.
    pub fn merge_contacts(
        &mut self,
        keep: &str,
        other: &str,
        choices: &MergeChoices,
    ) -> AppResult<MergeOutcome> {
        let kept = self.store.contact(keep)?;
        let merged = merge_contacts(&kept, &self.store.contact(other)?, choices).validate()?;
        let before = serde_json::to_value(contact_input(&kept)).map_err(|e| internal(&e))?;
        let backup = self
            .backup_before(BackupReason::BeforeMerge)?
            .map(|b| b.path);
        let merge_id = self.store.merge_contacts(keep, other, &merged, before)?;
        Ok(MergeOutcome {
            merge_id,
            kept_id: keep.to_owned(),
            backup,
        })
    }

    /// Undoes a merge, unless what it touched changed since.
    ///
    /// # Errors
    /// `NotFound`, `Conflict`; a storage error (nothing changed).
    pub fn undo_merge(&mut self, id: &str) -> AppResult<MergeRecord> {
        let restore =
            |entity: &str, before: &serde_json::Value| -> tisserand_store::Result<Restored> {
                let corrupt = |e: &dyn std::fmt::Display| StoreError::Corrupt(e.to_string());
                if entity == "actor" {
                    let input: ActorInput =
                        serde_json::from_value(before.clone()).map_err(|e| corrupt(&e))?;
                    Ok(Restored::Actor(input.validate().map_err(|e| corrupt(&e))?))
                } else {
                    let input: ContactInput =
                        serde_json::from_value(before.clone()).map_err(|e| corrupt(&e))?;
                    Ok(Restored::Contact(
                        input.validate().map_err(|e| corrupt(&e))?,
                    ))
                }
            };
        self.store.undo_merge(id, &restore).map_err(undo_refused)
    }

    /// The merges, newest first.
    ///
    /// # Errors
    /// A storage error.
    pub fn list_merges(&self) -> AppResult<Vec<MergeRecord>> {
        Ok(self.store.merges(50)?)
    }

    /// Says two records are not duplicates: the pair is not proposed again.
    ///
    /// # Errors
    /// A storage error.
    pub fn dismiss_duplicate(
        &mut self,
        entity: DuplicateEntity,
        a: &str,
        b: &str,
    ) -> AppResult<()> {
        Ok(self.store.dismiss_duplicate(entity.code(), a, b)?)
    }
}

fn internal(e: &dyn std::fmt::Display) -> AppError {
    AppError::new(
        ErrorKind::Internal,
        format!("Erreur inattendue : {e}. Rien n'a été changé."),
        format!("Unexpected error: {e}. Nothing was changed."),
    )
}

#[cfg(test)]
mod tests {
    use tisserand_domain::merge::{MergeOrigin, MergeSide, MergeValue};
    use tisserand_domain::{ActorKind, ContactInput};

    use super::*;

    fn actor(app: &mut App, name: &str, siren: &str) -> String {
        let input = ActorInput {
            kind: Some(ActorKind::Entreprise),
            name: name.into(),
            siren: Some(siren.into()),
            ..ActorInput::default()
        };
        app.create_actor(&input).unwrap().id
    }

    #[test]
    fn the_scan_says_which_record_to_keep_and_the_preview_what_a_merge_leaves() {
        let mut app = App::open_in_memory().unwrap();
        let a = actor(&mut app, "Boulangerie Koenig", "552032534");
        let b = actor(&mut app, "Boulangerie Koenig et Fils", "552032534");
        let contact = ContactInput {
            actor_id: Some(b.clone()),
            last_name: "Koenig".into(),
            ..ContactInput::default()
        };
        app.create_contact(&contact).unwrap();
        let scan = app.scan_duplicates().unwrap();
        assert_eq!(scan.max_listed, 300);
        let pair = &scan.actors[0];
        let kept = if pair.b.actor.id == b {
            PairSide::B
        } else {
            PairSide::A
        };
        assert_eq!(pair.keep, kept, "the record with a contact is kept");

        let preview = app
            .get_merge_preview(DuplicateEntity::Actor, &b, &a)
            .unwrap();
        let name = preview.fields.iter().find(|f| f.field == "name").unwrap();
        assert_eq!(name.sides, [MergeSide::Keep, MergeSide::Other]);
        let other = name
            .results
            .iter()
            .find(|r| r.side == MergeSide::Other)
            .unwrap();
        assert_eq!(
            other.value,
            Some(MergeValue::Text("Boulangerie Koenig".into()))
        );
        assert_eq!(other.origin, MergeOrigin::Other);
        assert!(app
            .get_merge_preview(DuplicateEntity::Contact, &b, &a)
            .is_err());
    }
}
