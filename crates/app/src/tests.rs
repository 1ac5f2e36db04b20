use tisserand_domain::{ActorInput, ActorKind, ActorQuery, ContactInput};

use super::*;

fn app() -> App {
    App::open_in_memory().unwrap()
}

fn input(name: &str) -> ActorInput {
    ActorInput {
        kind: Some(ActorKind::Association),
        name: name.into(),
        ..ActorInput::default()
    }
}

#[test]
fn the_embedded_referential_knows_alsace() {
    let a = app();
    let s = a.commune("67462").unwrap().unwrap();
    assert_eq!(s.name, "Sélestat");
    assert_eq!(s.departement.name, "Bas-Rhin");
    assert!(s.epci.is_some());
    assert_eq!(a.search_communes("selestat", 5).unwrap()[0].insee, "67462");
    assert_eq!(a.commune("68066").unwrap().unwrap().name, "Colmar");
}

#[test]
fn invalid_input_names_each_field() {
    let mut a = app();
    let mut i = input("");
    i.siren = Some("123 456 789".into());
    let err = a.create_actor(&i).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    let fields: Vec<_> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["name", "siren"]);
    assert!(err.message.contains("Le SIREN 123 456 789 est invalide"));
    assert_eq!(a.info().unwrap().actor_count, 0);
}

#[test]
fn an_unknown_commune_is_a_field_error() {
    let mut a = app();
    let mut i = input("Les Jardins de la Montagne Verte");
    i.commune_insee = Some("67999".into());
    assert_eq!(a.validate_actor(&i)[0].field, "communeInsee");
    let err = a.create_actor(&i).unwrap_err();
    assert_eq!(err.fields[0].field, "communeInsee");
}

#[test]
fn an_actor_page_has_its_commune_and_contacts() {
    let mut a = app();
    let mut i = input("Épicerie solidaire");
    i.commune_insee = Some("67462".into());
    let actor = a.create_actor(&i).unwrap();
    let c = ContactInput {
        actor_id: Some(actor.id.clone()),
        first_name: "Léa".into(),
        last_name: "Weber".into(),
        ..ContactInput::default()
    };
    a.create_contact(&c).unwrap();
    let page = a.actor(&actor.id).unwrap();
    assert_eq!(page.commune.unwrap().epci.unwrap().code.len(), 9);
    assert_eq!(page.contacts[0].display_name(), "Léa Weber");
    let bad = ContactInput {
        actor_id: Some("gone".into()),
        last_name: "X".into(),
        ..ContactInput::default()
    };
    assert_eq!(
        a.create_contact(&bad).unwrap_err().fields[0].field,
        "actorId"
    );
}

#[test]
fn deleting_is_undoable() {
    let mut a = app();
    let actor = a.create_actor(&input("Banque alimentaire")).unwrap();
    a.delete_actor(&actor.id).unwrap();
    assert_eq!(a.actor(&actor.id).unwrap_err().kind, ErrorKind::NotFound);
    assert_eq!(a.list_actors(&ActorQuery::default()).unwrap().total, 0);
    a.restore_actor(&actor.id).unwrap();
    assert_eq!(a.list_actors(&ActorQuery::default()).unwrap().total, 1);
}

#[test]
fn the_demo_territory_loads_once_and_is_rich_enough() {
    let mut a = app();
    let summary = a.load_demo().unwrap();
    assert!(summary.actors >= 60, "{summary:?}");
    assert!(summary.contacts >= 80, "{summary:?}");
    let facets = a.actor_facets().unwrap();
    assert_eq!(
        facets.kinds.len(),
        ActorKind::ALL.len(),
        "every kind is present"
    );
    assert!(
        facets.communes.len() >= 25,
        "{} communes",
        facets.communes.len()
    );
    assert!(a.info().unwrap().demo);
    assert_eq!(a.load_demo().unwrap_err().kind, ErrorKind::Conflict);
    assert!(!a.search("selestat", 5).unwrap().is_empty());
}

#[test]
fn store_errors_become_french_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.sqlite3");
    std::fs::write(&path, "pas une base").unwrap();
    let err = App::open(&path).err().unwrap();
    assert_eq!(err.kind, ErrorKind::NotADatabase);
    assert!(
        err.message
            .contains("n'est pas une base de données Tisserand"),
        "{}",
        err.message
    );
}
