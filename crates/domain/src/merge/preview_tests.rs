//! The merge dialog's preview: the record kept by default, the fields that
//! differ, the sides offered and preselected, and the merged values.

use super::tests::actor;
use super::*;
use crate::contact::Consent;

/// Jean Koenig of the Restos du Cœur, nothing else filled.
fn contact(id: &str) -> Contact {
    let json = format!(
        r#"{{"id":"{id}","actorId":"act-1","actorName":"Restos du Cœur","firstName":"Jean","lastName":"Koenig",
        "legalBasis":"interet_legitime","consents":[],"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}}"#
    );
    serde_json::from_str(&json).unwrap()
}

fn differing(p: &MergePreview) -> Vec<&str> {
    p.fields
        .iter()
        .filter(|f| !f.sides.is_empty())
        .map(|f| f.field.as_str())
        .collect()
}

fn field<'a>(p: &'a MergePreview, name: &str) -> &'a MergeFieldPreview {
    p.fields.iter().find(|f| f.field == name).expect(name)
}

fn result(p: &MergePreview, name: &str, side: MergeSide) -> MergeResult {
    let f = field(p, name);
    f.results
        .iter()
        .find(|r| r.side == side)
        .expect("side offered")
        .clone()
}

fn default_result(p: &MergePreview, name: &str) -> MergeResult {
    result(p, name, field(p, name).default_side)
}

fn text(v: &str) -> Option<MergeValue> {
    Some(MergeValue::Text(v.into()))
}

fn keys(v: Option<MergeValue>) -> Vec<String> {
    match v {
        Some(MergeValue::List(items)) => items.into_iter().map(|i| i.key).collect(),
        other => panic!("not a list: {other:?}"),
    }
}

#[test]
fn the_actor_kept_has_more_partnerships_then_more_contacts_then_is_a() {
    assert_eq!(actor_kept_by_default((0, 9), (1, 0)), PairSide::B);
    assert_eq!(actor_kept_by_default((2, 0), (1, 5)), PairSide::A);
    assert_eq!(actor_kept_by_default((1, 1), (1, 3)), PairSide::B);
    assert_eq!(actor_kept_by_default((1, 3), (1, 3)), PairSide::A);
}

#[test]
fn the_contact_kept_is_the_fuller_one_then_a() {
    let a = contact("a");
    let mut b = contact("b");
    b.email = Some("j@x.fr".into());
    b.phone = Some("06".into());
    assert_eq!(contact_kept_by_default(&a, &b), PairSide::B);
    assert_eq!(contact_kept_by_default(&b, &a), PairSide::A);
    assert_eq!(contact_kept_by_default(&a, &contact("b")), PairSide::A);
}

#[test]
fn only_fields_where_both_hold_different_values_are_offered() {
    let mut keep = actor("k", "Restos du Cœur");
    keep.siren = Some("552100554".into());
    keep.tags = vec!["alimentation".into()];
    keep.notes = Some("Vu en mars.".into());
    let mut other = actor("o", "Les Restos du coeur");
    other.siren = Some("552100554".into());
    other.tags = vec!["solidarité".into()];
    other.website = Some("https://x.fr".into());
    other.notes = Some(" Vu en mars. ".into());
    let p = preview_actor_merge(&keep, &other);
    assert_eq!((p.keep_id.as_str(), p.other_id.as_str()), ("k", "o"));
    assert_eq!(differing(&p), ["name", "tags"]);
    // A blank is filled from the other side whatever the choice.
    assert_eq!(field(&p, "website").results.len(), 1);
    assert_eq!(default_result(&p, "website").value, text("https://x.fr"));
    assert_eq!(default_result(&p, "website").origin, MergeOrigin::Other);
}

#[test]
fn contacts_compare_lists_as_sets_and_names_in_full() {
    let mut keep = contact("k");
    keep.consents = vec![Consent::Newsletter, Consent::Photos];
    let mut other = contact("o");
    other.consents = vec![Consent::Photos, Consent::Newsletter];
    other.last_name = "König".into();
    let p = preview_contact_merge(&keep, &other);
    assert_eq!(differing(&p), ["lastName"]);
    assert_eq!(field(&p, "lastName").keep, text("Jean Koenig"));
    assert_eq!(
        result(&p, "lastName", MergeSide::Other).value,
        text("Jean König")
    );
}

#[test]
fn both_is_offered_only_for_lists_and_texts_and_the_merge_default_is_preselected() {
    let mut keep = actor("k", "A");
    keep.tags = vec!["x".into()];
    keep.notes = Some("n1".into());
    keep.stakes = Some("s1".into());
    let mut other = actor("o", "B");
    other.tags = vec!["y".into()];
    other.notes = Some("n2".into());
    other.stakes = Some("s2".into());
    let p = preview_actor_merge(&keep, &other);
    assert_eq!(differing(&p), ["name", "stakes", "tags", "notes"]);
    assert_eq!(field(&p, "name").sides, [MergeSide::Keep, MergeSide::Other]);
    assert_eq!(
        field(&p, "tags").sides,
        [MergeSide::Keep, MergeSide::Other, MergeSide::Both]
    );
    let defaults: Vec<MergeSide> = ["name", "stakes", "tags", "notes"]
        .iter()
        .map(|f| field(&p, f).default_side)
        .collect();
    assert_eq!(
        defaults,
        [
            MergeSide::Keep,
            MergeSide::Both,
            MergeSide::Both,
            MergeSide::Both
        ]
    );
    // The preselected sides are what the merge does with no choice.
    let merged = merge_actors(&keep, &other, &MergeChoices::default());
    assert_eq!(
        default_result(&p, "notes").value,
        text(merged.notes.as_deref().unwrap())
    );
    assert_eq!(keys(default_result(&p, "tags").value), merged.tags);
}

#[test]
fn merged_values_follow_the_merge() {
    let mut keep = actor("k", "A");
    keep.notes = Some("a".into());
    keep.stakes = Some("a".into());
    keep.tags = vec!["x".into()];
    keep.website = Some("https://k.fr".into());
    let mut other = actor("o", "B");
    other.notes = Some("b".into());
    other.stakes = Some(" a ".into());
    other.tags = vec!["x".into(), "y".into()];
    other.siren = Some("552100554".into());
    let p = preview_actor_merge(&keep, &other);
    // The kept value wins, a blank is filled from the other side.
    assert_eq!(default_result(&p, "siren").value, text("552100554"));
    assert_eq!(default_result(&p, "website").value, text("https://k.fr"));
    // Texts one after the other, unless they are the same.
    assert_eq!(result(&p, "notes", MergeSide::Both).value, text("a\n\nb"));
    assert_eq!(result(&p, "notes", MergeSide::Other).value, text("b"));
    assert_eq!(default_result(&p, "stakes").value, text("a"));
    // Lists joined without repeats.
    assert_eq!(keys(result(&p, "tags", MergeSide::Both).value), ["x", "y"]);
    assert_eq!(keys(result(&p, "tags", MergeSide::Keep).value), ["x"]);
}

#[test]
fn each_merged_value_says_where_it_comes_from() {
    let mut keep = actor("k", "A");
    keep.tags = vec!["x".into()];
    let mut other = actor("o", "B");
    other.siren = Some("552100554".into());
    other.tags = vec!["y".into()];
    let p = preview_actor_merge(&keep, &other);
    assert_eq!(
        result(&p, "name", MergeSide::Other).origin,
        MergeOrigin::Other
    );
    assert_eq!(
        result(&p, "name", MergeSide::Keep).origin,
        MergeOrigin::Keep
    );
    assert_eq!(default_result(&p, "kind").origin, MergeOrigin::Keep);
    assert_eq!(default_result(&p, "siren").origin, MergeOrigin::Other);
    assert_eq!(default_result(&p, "tags").origin, MergeOrigin::Both);
    assert_eq!(default_result(&p, "notes").origin, MergeOrigin::None);
    assert_eq!(default_result(&p, "notes").value, None);
}

#[test]
fn a_register_entry_is_one_value() {
    use crate::register::RegisterCourt;
    let mut keep = actor("k", "A");
    keep.register_number = Some("AM-2024-17".into());
    let mut other = actor("o", "A");
    other.register_court = Some(RegisterCourt::Colmar);
    other.register_volume = Some("42".into());
    let p = preview_actor_merge(&keep, &other);
    assert_eq!(differing(&p), ["registerCourt"]);
    assert_eq!(
        result(&p, "registerCourt", MergeSide::Keep).value,
        text("AM-2024-17")
    );
    assert_eq!(
        result(&p, "registerCourt", MergeSide::Other).value,
        text("colmar · 42")
    );
}
