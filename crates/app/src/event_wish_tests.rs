//! Suggested wishes at an event.

use std::collections::HashMap;

use tisserand_domain::event::{EventInput, Presence};
use tisserand_domain::planner::WishLevel;
use tisserand_domain::{ActorInput, ActorKind, Resource, ResourceCategory};

use super::*;
use crate::{ErrorKind, ParticipantChange};

/// Needs or offers: (category, text).
type Res<'a> = &'a [(ResourceCategory, &'a str)];

fn resources(r: Res<'_>) -> Vec<Resource> {
    r.iter()
        .map(|(category, text)| Resource::new(*category, *text))
        .collect()
}

/// An event (3 rounds) with three associations and three companies; the
/// event's id and the participant ids by actor name.
fn event() -> (App, String, HashMap<String, String>) {
    use ResourceCategory::{Locaux, Materiel};
    let mut a = App::open_in_memory().unwrap();
    let e = a
        .create_event(&EventInput {
            name: "Speed-dating".into(),
            date: "26/11/2026".into(),
            rounds: 3,
            tables: 3,
            ..EventInput::default()
        })
        .unwrap();
    let actors: [(&str, ActorKind, Res, Res); 7] = [
        (
            "Théâtre",
            ActorKind::Association,
            &[(Locaux, "Une salle de répétition")],
            &[],
        ),
        (
            "Banque alimentaire",
            ActorKind::Association,
            &[(Materiel, "Une camionnette")],
            &[],
        ),
        (
            "Maison des jeunes",
            ActorKind::Association,
            &[],
            &[(Locaux, "Une salle")],
        ),
        (
            "Hôtel",
            ActorKind::Entreprise,
            &[],
            &[(Locaux, "Une salle de séminaire ou de répétition")],
        ),
        (
            "Garage",
            ActorKind::Entreprise,
            &[],
            &[(Materiel, "Une camionnette")],
        ),
        ("Cave", ActorKind::Entreprise, &[], &[(Locaux, "Une salle")]),
        (
            "Ferme",
            ActorKind::Entreprise,
            &[],
            &[(Locaux, "Une salle de réception à la ferme")],
        ),
    ];
    for (name, kind, needs, offers) in actors {
        let actor = a
            .create_actor(&ActorInput {
                kind: Some(kind),
                name: name.into(),
                needs: resources(needs),
                offers: resources(offers),
                ..ActorInput::default()
            })
            .unwrap();
        a.add_event_participant(&e.id, &actor.id, None, None)
            .unwrap();
    }
    let ids = a
        .get_event(&e.id)
        .unwrap()
        .participants
        .into_iter()
        .map(|p| (p.actor_name, p.id))
        .collect();
    (a, e.id, ids)
}

/// (from, to) by actor names.
fn named(s: &EventWishSuggestions) -> Vec<(String, String)> {
    s.participants
        .iter()
        .flat_map(|p| {
            p.suggestions
                .iter()
                .map(|x| (p.actor_name.clone(), x.actor_name.clone()))
        })
        .collect()
}

fn pair(ids: &HashMap<String, String>, from: &str, to: &str) -> WishPair {
    WishPair {
        from: ids[from].clone(),
        to: ids[to].clone(),
    }
}

#[test]
fn suggestions_go_across_sides_only_best_first_with_their_reasons() {
    let (a, id, _) = event();
    let s = a.list_event_wish_suggestions(&id).unwrap();
    let pairs = named(&s);
    // The theatre's hall: the hotel (shares « salle », « répétition »), the
    // cave (« salle »), the farm;
    // never the youth centre, an association like it.
    let theatre: Vec<&str> = pairs
        .iter()
        .filter(|(f, _)| f == "Théâtre")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(theatre, ["Hôtel", "Cave", "Ferme"]);
    assert!(pairs.contains(&("Banque alimentaire".into(), "Garage".into())));
    // The companies are suggested the associations their offers serve.
    assert!(pairs.contains(&("Garage".into(), "Banque alimentaire".into())));
    assert!(!pairs
        .iter()
        .any(|(f, t)| f == "Maison des jeunes" || t == "Maison des jeunes"));
    let detail = a.get_event(&id).unwrap();
    let side = |pid: &str| {
        detail
            .participants
            .iter()
            .find(|p| p.id == pid)
            .unwrap()
            .side
    };
    for p in &s.participants {
        assert!(p.suggestions.len() <= SUGGESTIONS_PER_PARTICIPANT as usize);
        for x in &p.suggestions {
            assert_ne!(side(&p.participant_id), side(&x.to));
            assert!(!x.reasons.is_empty() && x.reasons.len() == x.reasons_en.len());
        }
    }
    let theatre = &s
        .participants
        .iter()
        .find(|p| p.actor_name == "Théâtre")
        .unwrap()
        .suggestions;
    assert!(theatre[0].score > theatre[1].score);
    assert!(theatre[0].reasons[0].contains("salle de séminaire"));
    assert_eq!(s.total as usize, pairs.len());
    assert_eq!(s.level, WishLevel::Would);
}

#[test]
fn pairs_with_a_wish_either_way_absent_people_and_partners_are_left_out() {
    let (mut a, id, ids) = event();
    a.set_event_wish(&id, &ids["Hôtel"], &ids["Théâtre"], Some(WishLevel::No))
        .unwrap();
    a.change_event_participant(
        &id,
        &ids["Cave"],
        &ParticipantChange {
            presence: Some(Presence::Absent),
            ..ParticipantChange::default()
        },
    )
    .unwrap();
    let pairs = named(&a.list_event_wish_suggestions(&id).unwrap());
    assert!(!pairs
        .iter()
        .any(|(f, t)| (f == "Théâtre" && t == "Hôtel") || (f == "Hôtel" && t == "Théâtre")));
    assert!(!pairs.iter().any(|(f, t)| f == "Cave" || t == "Cave"));
    let theatre: Vec<&str> = pairs
        .iter()
        .filter(|(f, _)| f == "Théâtre")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(theatre, ["Ferme"]);
    // The garage and the food bank become partners: they would not meet.
    let garage = a.list_event_wish_suggestions(&id).unwrap();
    let food = garage
        .participants
        .iter()
        .find(|p| p.actor_name == "Banque alimentaire")
        .unwrap();
    let proposal = a.list_possibles(&food.suggestions[0].actor_id, 5).unwrap();
    let with_food = proposal
        .into_iter()
        .find(|p| p.actor_name == "Banque alimentaire")
        .unwrap()
        .proposal;
    a.create_partnership(&with_food).unwrap();
    let pairs = named(&a.list_event_wish_suggestions(&id).unwrap());
    assert!(!pairs
        .iter()
        .any(|(f, t)| f == "Garage" && t == "Banque alimentaire"));
}

#[test]
fn wishes_already_made_count_toward_the_three() {
    let (mut a, id, ids) = event();
    a.set_event_wish(&id, &ids["Théâtre"], &ids["Garage"], Some(WishLevel::Must))
        .unwrap();
    let theatre = |a: &App| -> Vec<String> {
        named(&a.list_event_wish_suggestions(&id).unwrap())
            .into_iter()
            .filter(|(f, _)| f == "Théâtre")
            .map(|(_, t)| t)
            .collect()
    };
    assert_eq!(theatre(&a), ["Hôtel", "Cave"]);
    // « Non merci » is not a wish to meet: it does not count.
    a.set_event_wish(&id, &ids["Théâtre"], &ids["Garage"], Some(WishLevel::No))
        .unwrap();
    assert_eq!(theatre(&a), ["Hôtel", "Cave", "Ferme"]);
}

#[test]
fn accepting_adds_would_wishes_at_once_and_they_are_no_longer_suggested() {
    let (mut a, id, ids) = event();
    let s = a.list_event_wish_suggestions(&id).unwrap();
    let all = s.pairs();
    let version = a.get_event(&id).unwrap().event.version;
    let mut twice = all.clone();
    twice.push(all[0].clone());
    let detail = a.accept_event_wish_suggestions(&id, &twice).unwrap();
    assert_eq!(detail.wishes.len(), all.len());
    assert!(detail.wishes.iter().all(|w| w.level == WishLevel::Would));
    assert!(all.iter().all(|p| detail
        .wishes
        .iter()
        .any(|w| w.from == p.from && w.to == p.to)));
    assert_eq!(detail.event.version, version + 1);
    assert_eq!(a.list_event_wish_suggestions(&id).unwrap().total, 0);
    // Accepting a pair again is refused: its wish is not replaced.
    let err = a
        .accept_event_wish_suggestions(&id, &[pair(&ids, "Théâtre", "Hôtel")])
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    assert!(
        err.message
            .contains("Théâtre a déjà un souhait envers Hôtel"),
        "{}",
        err.message
    );
    // Nor against a « non merci » the other side said.
    a.set_event_wish(
        &id,
        &ids["Cave"],
        &ids["Banque alimentaire"],
        Some(WishLevel::No),
    )
    .unwrap();
    let err = a
        .accept_event_wish_suggestions(&id, &[pair(&ids, "Banque alimentaire", "Cave")])
        .unwrap_err();
    assert!(
        err.message
            .contains("Cave a répondu « non merci » à Banque alimentaire"),
        "{}",
        err.message
    );
}

#[test]
fn bad_pairs_and_ids_are_refused_clearly_and_add_nothing() {
    let (mut a, id, ids) = event();
    let good = pair(&ids, "Théâtre", "Hôtel");
    let err = a.list_event_wish_suggestions("nowhere").unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    let err = a
        .accept_event_wish_suggestions("nowhere", std::slice::from_ref(&good))
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    let unknown = WishPair {
        from: ids["Théâtre"].clone(),
        to: "nobody".into(),
    };
    let err = a
        .accept_event_wish_suggestions(&id, &[good.clone(), unknown])
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(err.message.contains("nobody"), "{}", err.message);
    let same_side = pair(&ids, "Théâtre", "Maison des jeunes");
    let err = a
        .accept_event_wish_suggestions(&id, &[good.clone(), same_side])
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    assert!(err.message.contains("même côté"));
    let err = a.accept_event_wish_suggestions(&id, &[]).unwrap_err();
    assert_eq!(err.fields[0].field, "wishes");
    // All or none: the good pair was not added either.
    assert!(a.get_event(&id).unwrap().wishes.is_empty());
}

#[test]
fn once_every_round_has_started_wishes_are_no_longer_suggested() {
    let (mut a, id, ids) = event();
    a.plan_event(&id).unwrap();
    a.set_event_played_rounds(&id, 3).unwrap();
    let err = a.list_event_wish_suggestions(&id).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    assert!(err.message.contains("ont tous commencé"), "{}", err.message);
    let err = a
        .accept_event_wish_suggestions(&id, &[pair(&ids, "Théâtre", "Hôtel")])
        .unwrap_err();
    assert_eq!(err.fields[0].field, "wishes");
    assert!(a.get_event(&id).unwrap().wishes.is_empty());
}
