//! The « champ des possibles » on the demo territory (issue 14): the
//! matches a facilitator sees on an actor's page make sense.

use tisserand_domain::{ActorQuery, Possibility};

use super::*;

fn demo() -> App {
    let mut a = App::open_in_memory().unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-03-10T10:00:00+01:00").unwrap();
    a.load_demo(Clock::at(now)).unwrap();
    a
}

fn actor_id(a: &App, name: &str) -> String {
    let page = a
        .list_actors(&ActorQuery {
            text: Some(name.into()),
            ..ActorQuery::default()
        })
        .unwrap();
    page.rows
        .into_iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("{name} in the demo"))
        .id
}

/// The offers proposed for the explored actor's need starting with `need`.
fn offers_for<'p>(list: &'p [Possibility], need: &str) -> Vec<(&'p str, &'p str)> {
    list.iter()
        .flat_map(|p| {
            p.matches
                .iter()
                .filter(|m| m.own_need && m.need.starts_with(need))
                .map(|m| (p.actor_name.as_str(), m.offer.as_str()))
        })
        .collect()
}

#[test]
fn ried_insertion_s_van_brings_the_garage_and_no_cheese_or_wood() {
    let a = demo();
    let ried = actor_id(&a, "Ried Insertion");
    let list = a.list_possibles(&ried, 20).unwrap();
    let names: Vec<&str> = list.iter().map(|p| p.actor_name.as_str()).collect();
    assert!(
        names
            .iter()
            .take(3)
            .any(|n| *n == "Garage des Vosges du Nord"),
        "{names:?}"
    );
    let van = offers_for(&list, "Un véhicule utilitaire");
    assert!(
        van.iter()
            .any(|(n, o)| *n == "Garage des Vosges du Nord" && o.starts_with("Deux véhicules")),
        "{van:?}"
    );
    for (name, offer) in &van {
        let o = tisserand_domain::text::fold(offer);
        assert!(
            !o.contains("fromage") && !o.contains("bois") && !o.contains("lait"),
            "{name}: « {offer} » answers a van"
        );
    }
    // The premises need is not met by visits of the cheese dairy, the
    // accounting need not by an energy audit.
    for (name, offer) in offers_for(&list, "Un local de 100") {
        assert!(!offer.contains("Visites"), "{name}: « {offer} »");
    }
    for (name, offer) in offers_for(&list, "Un appui en comptabilité") {
        assert!(!offer.contains("énergétique"), "{name}: « {offer} »");
    }
    assert!(
        offers_for(&list, "Un appui en comptabilité")
            .iter()
            .any(|(n, _)| *n == "Fiduciaire de l'Ill Conseil"),
        "the accounting firm's skills answer the accounting need"
    );
    // The reason names the words that matched.
    let garage = list
        .iter()
        .find(|p| p.actor_name == "Garage des Vosges du Nord")
        .unwrap();
    assert!(
        garage
            .reasons
            .iter()
            .any(|r| r.contains("(véhicule ↔ véhicules, occasion)")),
        "{:?}",
        garage.reasons
    );
}

#[test]
fn every_demo_proposal_names_the_words_that_matched() {
    let a = demo();
    let page = a.list_actors(&ActorQuery::default()).unwrap();
    let mut proposals = 0;
    for row in page.rows {
        for p in a.list_possibles(&row.id, 10).unwrap() {
            assert!(!p.matches.is_empty(), "{} → {}", row.name, p.actor_name);
            assert!(p.matches.iter().all(|m| !m.words.is_empty()));
            proposals += 1;
        }
    }
    assert!(proposals > 100, "{proposals} proposals on the demo");
}

#[test]
fn a_lexicon_in_the_data_folder_adds_groups_and_a_bad_line_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(paths::DB_FILE_NAME);
    std::fs::write(
        dir.path().join(LEXICON_FILE_NAME),
        "# Nos mots\ntriporteur, vélo cargo\n",
    )
    .unwrap();
    let a = App::open(&db).unwrap();
    let s = tisserand_domain::possibles::words::stemmer();
    let stems = tisserand_domain::possibles::words::stems(&s, "un triporteur");
    assert!(!a.store.lexicon().concepts(&stems).is_empty());
    drop(a);
    std::fs::write(
        dir.path().join(LEXICON_FILE_NAME),
        "triporteur, vélo cargo\nremorque,\n",
    )
    .unwrap();
    let e = App::open(&db).err().unwrap();
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert!(e.message.contains("ligne 2"), "{}", e.message);
}
