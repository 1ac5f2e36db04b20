//! What the merge dialog shows before anything is written: which record is
//! kept by default, the fields where the two records disagree with the
//! sides the person may choose and the one preselected, and the merged
//! record's value of every field for each side — computed by the merge
//! itself, so the preview is what the merge will write.

use serde::Serialize;
use ts_rs::TS;

use super::{contact_input, merge_actors, merge_contacts, MergeChoices, MergeSide};
use crate::actor::{Actor, ActorInput, ResourceCategory};
use crate::contact::{Contact, ContactInput};

/// A scalar keeps one value; a list or a text may keep both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MergeFieldKind {
    Scalar,
    List,
    Text,
}

impl MergeFieldKind {
    /// The sides the person may choose: « les deux » only for lists and texts.
    #[must_use]
    pub fn sides(self) -> Vec<MergeSide> {
        match self {
            Self::Scalar => vec![MergeSide::Keep, MergeSide::Other],
            Self::List | Self::Text => vec![MergeSide::Keep, MergeSide::Other, MergeSide::Both],
        }
    }

    /// The side a field takes when the person chooses none: the kept value
    /// for a scalar, both for lists and texts (nothing written is dropped).
    #[must_use]
    pub fn default_side(self) -> MergeSide {
        match self {
            Self::Scalar => MergeSide::Keep,
            Self::List | Self::Text => MergeSide::Both,
        }
    }
}

/// One element of a list field: a tag, a consent, a need or an offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MergeItem {
    /// What tells two elements apart (`locaux:entrepôt` for a need).
    pub key: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub category: Option<ResourceCategory>,
}

/// A field's value: a text (codes as their code: `association`) or a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(untagged)]
#[ts(export)]
pub enum MergeValue {
    Text(String),
    List(Vec<MergeItem>),
}

impl MergeValue {
    /// The same value: texts trimmed, lists as sets.
    fn same(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Text(a), Self::Text(b)) => a.trim() == b.trim(),
            (Self::List(a), Self::List(b)) => {
                a.len() == b.len() && b.iter().all(|i| a.iter().any(|j| j.key == i.key))
            }
            _ => false,
        }
    }
}

/// Where a merged field's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MergeOrigin {
    Keep,
    Other,
    Both,
    /// Blank on both sides.
    None,
}

/// The merged record's value of a field when a side is chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MergeResult {
    pub side: MergeSide,
    pub value: Option<MergeValue>,
    pub origin: MergeOrigin,
}

/// One field of a merge: both records' values, the sides offered (none
/// when both agree or one is blank: a choice changes nothing), the side
/// preselected, and the merged value for each side offered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MergeFieldPreview {
    /// The input's field name, as `MergeChoices` names it (`name`, `tags`…).
    pub field: String,
    pub kind: MergeFieldKind,
    pub keep: Option<MergeValue>,
    pub other: Option<MergeValue>,
    pub sides: Vec<MergeSide>,
    pub default_side: MergeSide,
    /// One per side offered (only the default's when none is offered).
    pub results: Vec<MergeResult>,
}

/// What merging `other_id` into `keep_id` leaves, field by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MergePreview {
    pub keep_id: String,
    pub other_id: String,
    pub fields: Vec<MergeFieldPreview>,
}

/// Which record of a pair is kept unless the person says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PairSide {
    A,
    B,
}

/// The actor kept by default: the one in more partnerships, then with more
/// contacts, then `a`. Each side is `(partnerships, contacts)`.
#[must_use]
pub fn actor_kept_by_default(a: (u32, u32), b: (u32, u32)) -> PairSide {
    if b > a {
        PairSide::B
    } else {
        PairSide::A
    }
}

/// The contact kept by default: the one with more fields filled, then `a`.
#[must_use]
pub fn contact_kept_by_default(a: &Contact, b: &Contact) -> PairSide {
    let filled = |c: &Contact| {
        let input = contact_input(c);
        CONTACT_FIELDS
            .iter()
            .filter(|spec| (spec.get)(&input).is_some())
            .count()
    };
    if filled(b) > filled(a) {
        PairSide::B
    } else {
        PairSide::A
    }
}

/// A field of the dialog: its name, kind and value in an input.
struct FieldSpec<T> {
    field: &'static str,
    kind: MergeFieldKind,
    get: fn(&T) -> Option<MergeValue>,
}

const fn spec<T>(
    field: &'static str,
    kind: MergeFieldKind,
    get: fn(&T) -> Option<MergeValue>,
) -> FieldSpec<T> {
    FieldSpec { field, kind, get }
}

fn text(value: Option<&str>) -> Option<MergeValue> {
    value
        .filter(|v| !v.trim().is_empty())
        .map(|v| MergeValue::Text(v.to_owned()))
}

/// A code as it is written in JSON (`etablissement_public`).
fn code<T: Serialize>(value: Option<&T>) -> Option<MergeValue> {
    let code = serde_json::to_value(value?).ok()?;
    text(code.as_str())
}

fn list<T>(items: &[T], item: impl Fn(&T) -> MergeItem) -> Option<MergeValue> {
    (!items.is_empty()).then(|| MergeValue::List(items.iter().map(item).collect()))
}

fn words(items: &[String]) -> Option<MergeValue> {
    list(items, |w| MergeItem {
        key: w.clone(),
        text: w.clone(),
        category: None,
    })
}

fn resources(items: &[crate::actor::Resource]) -> Option<MergeValue> {
    list(items, |r| MergeItem {
        key: format!("{}:{}", code_str(&r.category), r.text),
        text: r.text.clone(),
        category: Some(r.category),
    })
}

fn code_str<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// An association's register entry as one value: court, volume, folio,
/// number (merged whole, from one side).
fn register_entry(a: &ActorInput) -> Option<MergeValue> {
    let parts: Vec<String> = [
        a.register_court.map(|c| c.code().to_owned()),
        a.register_volume.clone(),
        a.register_folio.clone(),
        a.register_number.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| MergeValue::Text(parts.join(" · ")))
}

use MergeFieldKind::{List, Scalar, Text};

const ACTOR_FIELDS: [FieldSpec<ActorInput>; 17] = [
    spec("name", Scalar, |a| text(Some(&a.name))),
    spec("kind", Scalar, |a| code(a.kind.as_ref())),
    spec("siren", Scalar, |a| text(a.siren.as_deref())),
    spec("siret", Scalar, |a| text(a.siret.as_deref())),
    spec("rna", Scalar, |a| text(a.rna.as_deref())),
    // A regime guessed from the seat is not in the input: the merged
    // record guesses it again.
    spec("legalRegime", Scalar, |a| code(a.legal_regime.as_ref())),
    spec("registerCourt", Scalar, register_entry),
    spec("address", Scalar, |a| text(a.address.as_deref())),
    spec("communeInsee", Scalar, |a| text(a.commune_insee.as_deref())),
    spec("sector", Scalar, |a| text(a.sector.as_deref())),
    spec("sizeBand", Scalar, |a| code(a.size_band.as_ref())),
    spec("website", Scalar, |a| text(a.website.as_deref())),
    spec("needs", List, |a| resources(&a.needs)),
    spec("offers", List, |a| resources(&a.offers)),
    spec("stakes", Text, |a| text(a.stakes.as_deref())),
    spec("tags", List, |a| words(&a.tags)),
    spec("notes", Text, |a| text(a.notes.as_deref())),
];

/// `lastName` stands for the first and last names together, as the merge
/// takes them.
const CONTACT_FIELDS: [FieldSpec<ContactInput>; 10] = [
    spec("lastName", Scalar, |c| {
        text(Some(format!("{} {}", c.first_name, c.last_name).trim()))
    }),
    spec("actorId", Scalar, |c| text(c.actor_id.as_deref())),
    spec("role", Scalar, |c| text(c.role.as_deref())),
    spec("email", Scalar, |c| text(c.email.as_deref())),
    spec("phone", Scalar, |c| text(c.phone.as_deref())),
    spec("legalBasis", Scalar, |c| code(c.legal_basis.as_ref())),
    spec("source", Scalar, |c| code(c.source.as_ref())),
    spec("informedOn", Scalar, |c| text(c.informed_on.as_deref())),
    spec("consents", List, |c| {
        list(&c.consents, |x| {
            let code = code_str(x);
            MergeItem {
                key: code.clone(),
                text: code,
                category: None,
            }
        })
    }),
    spec("notes", Text, |c| text(c.notes.as_deref())),
];

const SIDES: [MergeSide; 3] = [MergeSide::Keep, MergeSide::Other, MergeSide::Both];

/// Choices naming `side` for every field (a scalar's « both » is its « keep »).
fn everywhere<T>(fields: &[FieldSpec<T>], side: MergeSide) -> MergeChoices {
    MergeChoices {
        fields: fields.iter().map(|f| (f.field.to_owned(), side)).collect(),
    }
}

fn origin(
    value: Option<&MergeValue>,
    keep: Option<&MergeValue>,
    other: Option<&MergeValue>,
) -> MergeOrigin {
    let same = |x: Option<&MergeValue>| x.is_some_and(|x| value.is_some_and(|v| v.same(x)));
    match value {
        None => MergeOrigin::None,
        Some(_) if same(keep) => MergeOrigin::Keep,
        Some(_) if same(other) => MergeOrigin::Other,
        Some(_) => MergeOrigin::Both,
    }
}

/// Every field of the dialog; `merged[i]` is the merge with `SIDES[i]`
/// chosen everywhere (fields are merged independently of one another).
fn preview_fields<T>(
    fields: &[FieldSpec<T>],
    keep: &T,
    other: &T,
    merged: &[T; 3],
) -> Vec<MergeFieldPreview> {
    fields
        .iter()
        .map(|spec| {
            let k = (spec.get)(keep);
            let o = (spec.get)(other);
            let differs = matches!((&k, &o), (Some(k), Some(o)) if !k.same(o));
            let sides = if differs {
                spec.kind.sides()
            } else {
                Vec::new()
            };
            let default_side = spec.kind.default_side();
            let offered = if differs {
                sides.clone()
            } else {
                vec![default_side]
            };
            let results = offered
                .into_iter()
                .map(|side| {
                    let index = SIDES.iter().position(|s| *s == side).unwrap_or(0);
                    let value = (spec.get)(&merged[index]);
                    let origin = origin(value.as_ref(), k.as_ref(), o.as_ref());
                    MergeResult {
                        side,
                        value,
                        origin,
                    }
                })
                .collect();
            MergeFieldPreview {
                field: spec.field.to_owned(),
                kind: spec.kind,
                keep: k,
                other: o,
                sides,
                default_side,
                results,
            }
        })
        .collect()
}

/// What merging actor `other` into `keep` leaves, for each choice.
#[must_use]
pub fn preview_actor_merge(keep: &Actor, other: &Actor) -> MergePreview {
    let merged = SIDES.map(|side| merge_actors(keep, other, &everywhere(&ACTOR_FIELDS, side)));
    MergePreview {
        keep_id: keep.id.clone(),
        other_id: other.id.clone(),
        fields: preview_fields(&ACTOR_FIELDS, &keep.to_input(), &other.to_input(), &merged),
    }
}

/// What merging contact `other` into `keep` leaves, for each choice.
#[must_use]
pub fn preview_contact_merge(keep: &Contact, other: &Contact) -> MergePreview {
    let merged = SIDES.map(|side| merge_contacts(keep, other, &everywhere(&CONTACT_FIELDS, side)));
    MergePreview {
        keep_id: keep.id.clone(),
        other_id: other.id.clone(),
        fields: preview_fields(
            &CONTACT_FIELDS,
            &contact_input(keep),
            &contact_input(other),
            &merged,
        ),
    }
}
