//! Merging two duplicates into one: which value of each field survives.
//! The person chooses per field; by default the kept record's value wins
//! when it has one, the other's fills its blanks, and lists (needs, offers,
//! tags) and notes keep both sides, so a merge never silently drops what
//! someone wrote.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::{Actor, ActorInput};
use crate::contact::{Contact, ContactInput};

mod preview;

pub use preview::{
    actor_kept_by_default, contact_kept_by_default, preview_actor_merge, preview_contact_merge,
    MergeFieldKind, MergeFieldPreview, MergeItem, MergeOrigin, MergePreview, MergeResult,
    MergeValue, PairSide,
};

/// A merge as the history lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MergeRecord {
    pub id: String,
    /// `actor` or `contact`.
    pub entity: String,
    pub kept_id: String,
    pub merged_id: String,
    pub created_at: String,
    pub undone_at: Option<String>,
}

/// Which side a merged field comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MergeSide {
    Keep,
    Other,
    /// Both values (lists joined without repeats, texts one after the other).
    Both,
}

/// The person's choice per field (by the input's field name: `name`,
/// `siren`, `communeInsee`, `email`…); fields not named take the default.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct MergeChoices {
    pub fields: BTreeMap<String, MergeSide>,
}

impl MergeChoices {
    fn side(&self, field: &str, default: MergeSide) -> MergeSide {
        self.fields.get(field).copied().unwrap_or(default)
    }
}

fn pick<T: Clone>(
    choices: &MergeChoices,
    field: &str,
    keep: &Option<T>,
    other: &Option<T>,
) -> Option<T> {
    match choices.side(field, MergeFieldKind::Scalar.default_side()) {
        MergeSide::Other => other.clone().or_else(|| keep.clone()),
        MergeSide::Keep | MergeSide::Both => keep.clone().or_else(|| other.clone()),
    }
}

fn pick_text(
    choices: &MergeChoices,
    field: &str,
    keep: &Option<String>,
    other: &Option<String>,
) -> Option<String> {
    match (
        choices.side(field, MergeFieldKind::Text.default_side()),
        keep,
        other,
    ) {
        (MergeSide::Both, Some(k), Some(o)) if k.trim() != o.trim() => Some(format!("{k}\n\n{o}")),
        (MergeSide::Other, _, Some(o)) => Some(o.clone()),
        (MergeSide::Other, k, None) => k.clone(),
        (_, k, o) => k.clone().or_else(|| o.clone()),
    }
}

fn pick_list<T: Clone + PartialEq>(
    choices: &MergeChoices,
    field: &str,
    keep: &[T],
    other: &[T],
) -> Vec<T> {
    match choices.side(field, MergeFieldKind::List.default_side()) {
        MergeSide::Keep => keep.to_vec(),
        MergeSide::Other => other.to_vec(),
        MergeSide::Both => {
            let mut all = keep.to_vec();
            for item in other {
                if !all.contains(item) {
                    all.push(item.clone());
                }
            }
            all
        }
    }
}

/// The actor the merge leaves: `keep`'s identity with the chosen values.
#[must_use]
pub fn merge_actors(keep: &Actor, other: &Actor, choices: &MergeChoices) -> ActorInput {
    let k = keep.to_input();
    let o = other.to_input();
    let name = match choices.side("name", MergeFieldKind::Scalar.default_side()) {
        MergeSide::Other => o.name.clone(),
        _ => k.name.clone(),
    };
    // A register entry (court, volume, folio, number) is kept whole, from
    // one side: `keep`'s when it has one, unless « other » is chosen.
    let has_entry = |a: &ActorInput| {
        a.register_court.is_some()
            || a.register_volume.is_some()
            || a.register_folio.is_some()
            || a.register_number.is_some()
    };
    let register = match choices.side("registerCourt", MergeFieldKind::Scalar.default_side()) {
        MergeSide::Other if has_entry(&o) => &o,
        _ if has_entry(&k) => &k,
        _ => &o,
    };
    ActorInput {
        kind: pick(choices, "kind", &k.kind, &o.kind),
        name,
        siren: pick(choices, "siren", &k.siren, &o.siren),
        siret: pick(choices, "siret", &k.siret, &o.siret),
        rna: pick(choices, "rna", &k.rna, &o.rna),
        legal_regime: pick(choices, "legalRegime", &k.legal_regime, &o.legal_regime),
        register_court: register.register_court,
        register_volume: register.register_volume.clone(),
        register_folio: register.register_folio.clone(),
        register_number: register.register_number.clone(),
        address: pick(choices, "address", &k.address, &o.address),
        commune_insee: pick(choices, "communeInsee", &k.commune_insee, &o.commune_insee),
        sector: pick(choices, "sector", &k.sector, &o.sector),
        size_band: pick(choices, "sizeBand", &k.size_band, &o.size_band),
        website: pick(choices, "website", &k.website, &o.website),
        needs: pick_list(choices, "needs", &k.needs, &o.needs),
        offers: pick_list(choices, "offers", &k.offers, &o.offers),
        stakes: pick_text(choices, "stakes", &k.stakes, &o.stakes),
        tags: pick_list(choices, "tags", &k.tags, &o.tags),
        notes: pick_text(choices, "notes", &k.notes, &o.notes),
        // A consent to be named is given by the organisation kept: the
        // other record's is not carried over.
        named_partner: k.named_partner,
    }
}

/// The contact the merge leaves: `keep`'s identity with the chosen values.
/// The organisation is `keep`'s unless « other » is chosen for `actorId`.
#[must_use]
pub fn merge_contacts(keep: &Contact, other: &Contact, choices: &MergeChoices) -> ContactInput {
    let k = contact_input(keep);
    let o = contact_input(other);
    let name_side = choices.side("lastName", MergeFieldKind::Scalar.default_side());
    let (first_name, last_name) = match name_side {
        MergeSide::Other => (o.first_name.clone(), o.last_name.clone()),
        _ => (k.first_name.clone(), k.last_name.clone()),
    };
    ContactInput {
        actor_id: pick(choices, "actorId", &k.actor_id, &o.actor_id),
        first_name,
        last_name,
        role: pick(choices, "role", &k.role, &o.role),
        email: pick(choices, "email", &k.email, &o.email),
        phone: pick(choices, "phone", &k.phone, &o.phone),
        legal_basis: pick(choices, "legalBasis", &k.legal_basis, &o.legal_basis),
        source: pick(choices, "source", &k.source, &o.source),
        informed_on: pick(choices, "informedOn", &k.informed_on, &o.informed_on),
        consents: pick_list(choices, "consents", &k.consents, &o.consents),
        // The most recent contact the person initiated, whoever recorded it.
        last_initiated_on: match (&k.last_initiated_on, &o.last_initiated_on) {
            (Some(a), Some(b)) => Some(if keep.last_initiated_on >= other.last_initiated_on {
                a.clone()
            } else {
                b.clone()
            }),
            (a, b) => a.clone().or_else(|| b.clone()),
        },
        notes: pick_text(choices, "notes", &k.notes, &o.notes),
    }
}

/// The input that would recreate `c` (dates as ISO text).
#[must_use]
pub fn contact_input(c: &Contact) -> ContactInput {
    ContactInput {
        actor_id: c.actor_id.clone(),
        first_name: c.first_name.clone(),
        last_name: c.last_name.clone(),
        role: c.role.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        legal_basis: Some(c.legal_basis),
        source: c.source,
        informed_on: c.informed_on.map(|d| d.to_string()),
        consents: c.consents.clone(),
        last_initiated_on: c.last_initiated_on.map(|d| d.to_string()),
        notes: c.notes.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::{ActorKind, Resource, ResourceCategory};
    use chrono::{TimeZone, Utc};

    pub(super) fn actor(id: &str, name: &str) -> Actor {
        Actor {
            id: id.into(),
            kind: ActorKind::Association,
            name: name.into(),
            siren: None,
            siret: None,
            rna: None,
            legal_regime: None,
            legal_regime_chosen: false,
            register_court: None,
            register_volume: None,
            register_folio: None,
            register_number: None,
            address: None,
            commune: None,
            sector: None,
            size_band: None,
            website: None,
            needs: vec![],
            offers: vec![],
            stakes: None,
            tags: vec![],
            notes: None,
            named_partner_since: None,
            created_at: Utc.with_ymd_and_hms(2026, 1, 15, 9, 0, 0).unwrap(),
            updated_at: Utc.with_ymd_and_hms(2026, 1, 15, 9, 0, 0).unwrap(),
        }
    }

    #[test]
    fn by_default_keep_wins_blanks_are_filled_and_lists_join() {
        let mut keep = actor("k", "Restos du Cœur");
        keep.siren = Some("552100554".into());
        keep.tags = vec!["alimentation".into()];
        keep.notes = Some("Vu en mars.".into());
        let mut other = actor("o", "Les Restos du coeur");
        other.siren = Some("732829320".into());
        other.website = Some("https://restosducoeur.org".into());
        other.tags = vec!["alimentation".into(), "hiver".into()];
        other.notes = Some("Contact via la mairie.".into());
        other.needs = vec![Resource {
            category: ResourceCategory::Locaux,
            subcategory: None,
            text: "entrepôt".into(),
        }];
        let m = merge_actors(&keep, &other, &MergeChoices::default());
        assert_eq!(m.name, "Restos du Cœur");
        assert_eq!(m.siren.as_deref(), Some("552100554"));
        assert_eq!(m.website.as_deref(), Some("https://restosducoeur.org"));
        assert_eq!(m.tags, vec!["alimentation", "hiver"]);
        assert_eq!(
            m.notes.as_deref(),
            Some("Vu en mars.\n\nContact via la mairie.")
        );
        assert_eq!(m.needs.len(), 1);
    }

    #[test]
    fn a_choice_per_field_is_followed() {
        let mut keep = actor("k", "A");
        keep.siren = Some("552100554".into());
        keep.tags = vec!["x".into()];
        keep.notes = Some("n1".into());
        let mut other = actor("o", "B");
        other.siren = Some("732829320".into());
        other.tags = vec!["y".into()];
        other.notes = Some("n2".into());
        let choices = MergeChoices {
            fields: [
                ("name".to_owned(), MergeSide::Other),
                ("siren".to_owned(), MergeSide::Other),
                ("tags".to_owned(), MergeSide::Keep),
                ("notes".to_owned(), MergeSide::Other),
            ]
            .into(),
        };
        let m = merge_actors(&keep, &other, &choices);
        assert_eq!(m.name, "B");
        assert_eq!(m.siren.as_deref(), Some("732829320"));
        assert_eq!(m.tags, vec!["x"]);
        assert_eq!(m.notes.as_deref(), Some("n2"));
    }

    #[test]
    fn a_register_entry_is_kept_whole_from_one_side() {
        use crate::register::RegisterCourt;
        let mut keep = actor("k", "A");
        keep.register_number = Some("AM-2024-17".into());
        let mut other = actor("o", "B");
        other.register_court = Some(RegisterCourt::Colmar);
        other.register_volume = Some("42".into());
        other.register_folio = Some("17".into());
        let m = merge_actors(&keep, &other, &MergeChoices::default());
        assert_eq!(m.register_number.as_deref(), Some("AM-2024-17"));
        assert_eq!((m.register_court, m.register_volume), (None, None));
        let m = merge_actors(&other, &keep, &MergeChoices::default());
        assert_eq!(m.register_court, Some(RegisterCourt::Colmar));
        assert_eq!(m.register_number, None);
        let choices = MergeChoices {
            fields: [("registerCourt".to_owned(), MergeSide::Other)].into(),
        };
        let m = merge_actors(&keep, &other, &choices);
        assert_eq!(m.register_folio.as_deref(), Some("17"));
        assert_eq!(m.register_number, None);
    }
}

#[cfg(test)]
mod preview_tests;
