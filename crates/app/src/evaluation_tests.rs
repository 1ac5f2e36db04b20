use tisserand_domain::impact::{EvaluationState, PartyEvaluationInput};
use tisserand_domain::{
    ActorInput, ActorKind, Clock, Contribution, ContributionKind, PartnershipInput, Party,
    PartyRole,
};

use crate::{App, ErrorKind};

/// 10 March 2026, 10:00 in Strasbourg.
fn clock() -> Clock {
    Clock::at(chrono::DateTime::parse_from_rfc3339("2026-03-10T10:00:00+01:00").unwrap())
}

/// An app with one partnership between a company giving skills hours
/// without a value and an association: the app, its id, the two actors.
fn partnership() -> (App, String, String, String) {
    let mut app = App::open_in_memory().unwrap();
    let mut actor = |kind, name: &str| {
        let input = ActorInput {
            kind: Some(kind),
            name: name.into(),
            ..ActorInput::default()
        };
        app.create_actor(&input).unwrap().id
    };
    let x = actor(ActorKind::Entreprise, "Boulangerie Schmitt");
    let y = actor(ActorKind::Association, "Restos du cœur 67");
    let party = |id: &String, role| Party {
        actor_id: id.clone(),
        role,
        contact_id: None,
    };
    let input = PartnershipInput {
        title: "Pain du lendemain".into(),
        parties: vec![
            party(&x, PartyRole::Financeur),
            party(&y, PartyRole::Beneficiaire),
        ],
        contributions: vec![Contribution {
            actor_id: x.clone(),
            kind: ContributionKind::Competences,
            value_cents: 0,
            minutes: 120,
            description: None,
        }],
        ..PartnershipInput::default()
    };
    let id = app.create_partnership(&input).unwrap().id;
    (app, id, x, y)
}

fn answers(actor: &str, on: &str) -> PartyEvaluationInput {
    PartyEvaluationInput {
        actor_id: actor.into(),
        on: on.into(),
        objectives_met: "Tout à fait".into(),
        balanced: "plutôt oui".into(),
        would_continue: "tout_a_fait".into(),
        brought: "Deux heures de conseil".into(),
        ..PartyEvaluationInput::default()
    }
}

#[test]
fn both_parties_evaluate_then_an_undo_puts_it_back_in_progress() {
    let (mut app, id, x, y) = partnership();
    let detail = app.get_partnership(&id, clock()).unwrap();
    assert_eq!(detail.evaluation.state, EvaluationState::NotEvaluated);
    // Two hours of skills without a value are estimated at the SMIC rate.
    assert_eq!(detail.evaluation.values[0].skills_cents, 2 * 1_188);
    assert_eq!(
        detail.evaluation.values[0].skills_estimated_cents,
        2 * 1_188
    );
    let v = detail.partnership.version;
    let p = app
        .evaluate_partnership(&id, v, &answers(&x, "01/03/2026"), clock())
        .unwrap();
    let detail = app.get_partnership(&id, clock()).unwrap();
    assert_eq!(detail.evaluation.state, EvaluationState::InProgress);
    assert_eq!(detail.evaluation.latest[0].index, Some(0));
    assert!(detail.evaluation.latest[1].evaluation.is_none());
    let p = app
        .evaluate_partnership(&id, p.version, &answers(&y, "2026-03-09"), clock())
        .unwrap();
    let on = chrono::NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
    assert_eq!(p.evaluation_state(), EvaluationState::Evaluated { on });
    let page = app
        .list_partnerships(&tisserand_domain::PartnershipQuery::default(), clock())
        .unwrap();
    assert_eq!(page[0].evaluation, EvaluationState::Evaluated { on });
    // Undo: the last one added goes, the partnership is in progress again.
    let p = app
        .delete_partnership_evaluation(&id, p.version, 1)
        .unwrap();
    assert_eq!(p.evaluation_state(), EvaluationState::InProgress);
}

#[test]
fn a_bad_evaluation_says_what_to_fix_and_saves_nothing() {
    let (mut app, id, x, _) = partnership();
    let v = app
        .get_partnership(&id, clock())
        .unwrap()
        .partnership
        .version;
    let err = app
        .evaluate_partnership(&id, v, &answers(&x, "11/03/2026"), clock())
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    assert_eq!(err.fields[0].field, "on");
    let err = app
        .evaluate_partnership(&id, v, &answers("someone-else", ""), clock())
        .unwrap_err();
    assert_eq!(err.fields[0].field, "actorId");
    // A stale version is a conflict, in French.
    app.note_partnership(&id, "Réunion de bilan").unwrap();
    let err = app
        .evaluate_partnership(&id, v, &answers(&x, ""), clock())
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert!(err.message.contains("modifié ailleurs"));
    assert!(app
        .get_partnership(&id, clock())
        .unwrap()
        .partnership
        .evaluations
        .is_empty());
}
