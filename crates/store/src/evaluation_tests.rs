use chrono::{DateTime, Utc};
use tisserand_domain::commune::parse_referential;
use tisserand_domain::impact::PartyEvaluationInput;
use tisserand_domain::{
    ActorInput, ActorKind, Clock, Indicator, Modes, PartnershipInput, PartnershipQuery, Party,
    PartyRole, Stage, TimelineFact,
};

use crate::{Entity, Store, StoreError};

const COMMUNES: &str =
    "67462\tSélestat\t67600\t67\tBas-Rhin\t44\tGrand Est\t246700967\tCC de Sélestat\n";

/// A store with one partnership between a company and an association: the
/// store, the partnership's id and the two actors' ids.
fn partnership() -> (Store, String, String, String) {
    let mut s = Store::open_in_memory().unwrap();
    s.load_referential("test", &parse_referential(COMMUNES).unwrap())
        .unwrap();
    let mut actor = |kind, name: &str| {
        let input = ActorInput {
            kind: Some(kind),
            name: name.into(),
            ..ActorInput::default()
        };
        s.insert_actor(&input.validate().unwrap()).unwrap().id
    };
    let a = actor(ActorKind::Entreprise, "Transports Kieffer");
    let b = actor(ActorKind::Association, "Cirque du Ried");
    let party = |id: &String, role| Party {
        actor_id: id.clone(),
        role,
        contact_id: None,
    };
    let input = PartnershipInput {
        title: "Cirque et transport".into(),
        parties: vec![
            party(&a, PartyRole::Financeur),
            party(&b, PartyRole::Porteur),
        ],
        modes: Modes::default(),
        indicators: vec![Indicator {
            name: "Enfants accueillis".into(),
            unit: Some("enfants".into()),
            baseline: None,
            target: None,
            measures: Vec::new(),
            level: None,
            theme: None,
        }],
        ..PartnershipInput::default()
    };
    let id = s.insert_partnership(&input.validate().unwrap()).unwrap().id;
    (s, id, a, b)
}

fn clock() -> Clock {
    Clock::at(DateTime::parse_from_rfc3339("2026-03-15T12:00:00+01:00").unwrap())
}

fn answers(actor: &str) -> PartyEvaluationInput {
    PartyEvaluationInput {
        actor_id: actor.into(),
        on: "10/03/2026".into(),
        objectives_met: "plutot_oui".into(),
        ..PartyEvaluationInput::default()
    }
}

#[test]
fn an_evaluation_is_written_with_its_timeline_entry_and_deleted_back() {
    let (mut s, id, a, _) = partnership();
    let p = s.partnership(&id).unwrap();
    let valid = answers(&a).validate(&p.parties, clock()).unwrap();
    let after = s
        .add_partnership_evaluation(&id, p.version, &valid)
        .unwrap();
    assert_eq!(after.evaluations.len(), 1);
    assert_eq!(after.evaluations[0].actor_id, a);
    assert_eq!(after.version, p.version + 1);
    let last = &after.timeline.last().unwrap().fact;
    assert!(
        matches!(last, TimelineFact::Evaluated { actor, .. } if actor == "Transports Kieffer"),
        "{last:?}"
    );
    // Read back from the column by a fresh read.
    assert_eq!(s.partnership(&id).unwrap().evaluations, after.evaluations);
    // An edit made on the version loaded before is refused, nothing written.
    let stale = s.add_partnership_evaluation(&id, p.version, &valid);
    assert!(
        matches!(stale, Err(StoreError::Conflict { .. })),
        "{stale:?}"
    );
    assert_eq!(s.partnership(&id).unwrap().evaluations.len(), 1);
    // Deleting an evaluation that is not there names it.
    let missing = s.delete_partnership_evaluation(&id, after.version, 3);
    assert!(matches!(
        missing,
        Err(StoreError::NotFound {
            entity: Entity::Evaluation,
            ..
        })
    ));
    let undone = s
        .delete_partnership_evaluation(&id, after.version, 0)
        .unwrap();
    assert!(undone.evaluations.is_empty());
    assert!(matches!(
        undone.timeline.last().unwrap().fact,
        TimelineFact::EvaluationDeleted { .. }
    ));
}

fn ago(days: i64) -> DateTime<Utc> {
    clock().utc() - chrono::Duration::days(days)
}

fn unmeasured_ids(s: &Store) -> Vec<String> {
    let query = PartnershipQuery {
        unmeasured: true,
        ..PartnershipQuery::default()
    }
    .on(clock());
    s.list_partnerships(&query)
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect()
}

#[test]
fn mise_en_oeuvre_for_over_six_months_without_a_measure_is_found() {
    let (mut s, id, _, _) = partnership();
    for stage in [
        Stage::Exploration,
        Stage::Preparation,
        Stage::Contractualisation,
        Stage::MiseEnOeuvre,
    ] {
        s.move_partnership(&id, stage, None).unwrap();
    }
    s.backdate_partnership(&id, ago(400), ago(150)).unwrap();
    assert!(unmeasured_ids(&s).is_empty(), "five months is not six");
    s.backdate_partnership(&id, ago(400), ago(200)).unwrap();
    assert_eq!(unmeasured_ids(&s), std::slice::from_ref(&id));
    let summary = s.list_partnerships(&PartnershipQuery::default()).unwrap();
    let summary = summary[0].clone().on(clock());
    assert!(summary.unmeasured && !summary.measured);
    // One measure, even an old one, takes it off the list.
    let on = chrono::NaiveDate::from_ymd_opt(2025, 1, 10);
    s.record_partnership_measure(&id, None, 0, on, 12.0)
        .unwrap();
    s.backdate_partnership(&id, ago(400), ago(200)).unwrap();
    assert!(unmeasured_ids(&s).is_empty());
    let summary = s.list_partnerships(&PartnershipQuery::default()).unwrap();
    assert!(summary[0].measured && !summary[0].clone().on(clock()).unmeasured);
}
