//! `Store::possibilities_among`: the ranking of `possibilities`, among given
//! actors only.

use tisserand_domain::actor::ValidActor;
use tisserand_domain::commune::parse_referential;
use tisserand_domain::{ActorInput, ActorKind, Resource, ResourceCategory};

use crate::{Entity, Store, StoreError};

const COMMUNES: &str =
    "67462\tSélestat\t67600\t67\tBas-Rhin\t44\tGrand Est\t246700967\tCC de Sélestat
68066\tColmar\t68000\t68\tHaut-Rhin\t44\tGrand Est\t246800726\tColmar Agglomération
";

/// An actor of `kind` in commune `insee` with at most one need and one
/// offer.
fn actor(
    (kind, name, insee): (ActorKind, &str, &str),
    need: Option<(ResourceCategory, &str)>,
    offer: Option<(ResourceCategory, &str)>,
) -> ValidActor {
    let one = |r: Option<(ResourceCategory, &str)>| {
        r.map(|(category, text)| Resource::new(category, text))
            .into_iter()
            .collect()
    };
    let mut input = ActorInput::default();
    (input.kind, input.name) = (Some(kind), name.to_owned());
    input.commune_insee = Some(insee.to_owned());
    (input.needs, input.offers) = (one(need), one(offer));
    input.validate().unwrap()
}

/// A theatre needing a hall; four companies offering premises (one far,
/// one deleted), one with nothing for it. Their ids, the theatre first.
fn territory() -> (Store, Vec<String>) {
    use ResourceCategory::{Locaux, Materiel};
    let mut s = Store::open_in_memory().unwrap();
    s.load_referential("test", &parse_referential(COMMUNES).unwrap())
        .unwrap();
    let hall = Some((Locaux, "Une salle"));
    let (asso, company) = (ActorKind::Association, ActorKind::Entreprise);
    let actors = [
        actor(
            (asso, "Théâtre du Ried", "67462"),
            Some((Locaux, "Une salle de répétition")),
            None,
        ),
        actor(
            (company, "Hôtel de Sélestat", "67462"),
            None,
            Some((Locaux, "Une salle de séminaire")),
        ),
        actor((company, "Garage de Colmar", "68066"), None, hall),
        actor((company, "Cave de Sélestat", "67462"), None, hall),
        actor(
            (company, "Menuiserie", "67462"),
            None,
            Some((Materiel, "Des planches")),
        ),
        actor((company, "Fermée", "67462"), None, hall),
    ];
    let ids: Vec<String> = actors
        .iter()
        .map(|a| s.insert_actor(a).unwrap().id)
        .collect();
    s.delete_actor(&ids[5]).unwrap();
    (s, ids)
}

#[test]
fn only_the_given_live_actors_are_ranked_as_the_whole_field_ranks_them() {
    let (mut s, ids) = territory();
    let theatre = &ids[0];
    // The whole field, then the field among the hotel, the garage, the
    // joinery (nothing for it), the deleted one, an unknown id, itself.
    let all = s.possibilities(theatre, 10).unwrap();
    let among: Vec<String> = [&ids[2], &ids[1], &ids[4], &ids[5], theatre, &ids[1]]
        .into_iter()
        .cloned()
        .chain(["nobody".to_owned()])
        .collect();
    let some = s.possibilities_among(theatre, &among, 10).unwrap();
    let names = |l: &[tisserand_domain::Possibility]| -> Vec<String> {
        l.iter().map(|p| p.actor_name.clone()).collect()
    };
    assert_eq!(names(&some), ["Hôtel de Sélestat", "Garage de Colmar"]);
    // The same scores, reasons and proposals as the whole field's.
    let expected: Vec<_> = all
        .iter()
        .filter(|p| p.actor_id == ids[1] || p.actor_id == ids[2])
        .cloned()
        .collect();
    assert_eq!(some, expected);
    // The cave, left out of `among`, ranks in the whole field.
    assert!(all.iter().any(|p| p.actor_id == ids[3]));
    // A limit keeps the best.
    assert_eq!(
        names(&s.possibilities_among(theatre, &among, 1).unwrap()),
        ["Hôtel de Sélestat"]
    );
    assert!(s.possibilities_among(theatre, &[], 5).unwrap().is_empty());
    // A partnership they share is counted, as in the whole field.
    let p = some[0].proposal.validate().unwrap();
    s.insert_partnership(&p).unwrap();
    let again = s.possibilities_among(theatre, &among, 1).unwrap();
    assert_eq!(again[0].shared_partnerships, 1);
    let whole = s.possibilities(theatre, 10).unwrap();
    assert!(whole.contains(&again[0]));
}

#[test]
fn an_actor_that_is_not_live_is_not_found() {
    let (s, ids) = territory();
    for id in ["nobody", ids[5].as_str()] {
        assert!(matches!(
            s.possibilities_among(id, &ids, 5),
            Err(StoreError::NotFound {
                entity: Entity::Actor,
                ..
            })
        ));
    }
}
