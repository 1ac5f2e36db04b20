//! Accueil read from real writes: actions by due date with done and undo,
//! stalled partnerships, reviews coming due, the next event's readiness.

use chrono::{NaiveDate, TimeZone, Utc};
use tisserand_domain::event::EventInput;
use tisserand_domain::home::{DueGroup, RecentKind};
use tisserand_domain::partnership::NextAction;
use tisserand_domain::{
    ActorInput, ActorKind, Clock, ContactInput, PartnershipInput, Party, PartyRole,
};

use crate::App;

/// Wednesday 9 December 2026, 10:00 in Strasbourg.
fn clock() -> Clock {
    Clock::at(chrono::DateTime::parse_from_rfc3339("2026-12-09T10:00:00+01:00").unwrap())
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn actor(app: &mut App, name: &str, kind: ActorKind) -> String {
    app.create_actor(&ActorInput {
        kind: Some(kind),
        name: name.into(),
        ..ActorInput::default()
    })
    .unwrap()
    .id
}

fn partnership(
    app: &mut App,
    title: &str,
    parties: &[&String],
    actions: Vec<NextAction>,
) -> String {
    app.create_partnership(&PartnershipInput {
        title: title.into(),
        parties: parties
            .iter()
            .map(|a| Party {
                actor_id: (*a).clone(),
                role: PartyRole::Partenaire,
                contact_id: None,
            })
            .collect(),
        next_actions: actions,
        ..PartnershipInput::default()
    })
    .unwrap()
    .id
}

fn due(text: &str, on: NaiveDate) -> NextAction {
    NextAction {
        text: text.into(),
        owner: Some("Léa".into()),
        due_on: Some(on),
        done: false,
    }
}

#[test]
fn actions_come_by_due_date_and_a_done_one_comes_back_with_undo() {
    let mut app = App::open_in_memory().unwrap();
    let a = actor(&mut app, "Banque Alimentaire", ActorKind::Association);
    let b = actor(&mut app, "Garage Meyer", ActorKind::Entreprise);
    let p = partnership(
        &mut app,
        "Collecte de Noël",
        &[&a, &b],
        vec![
            due("Appeler le garage", day(2026, 12, 1)),
            NextAction {
                text: "Sans date".into(),
                owner: None,
                due_on: None,
                done: false,
            },
            due("Envoyer la convention", day(2026, 12, 11)),
            due("Bilan", day(2027, 2, 1)),
        ],
    );
    let home = app.get_home(clock()).unwrap();
    let seen: Vec<_> = home
        .actions
        .iter()
        .map(|x| (x.text.as_str(), x.index, x.group))
        .collect();
    assert_eq!(
        seen,
        [
            ("Appeler le garage", 0, DueGroup::Overdue),
            ("Envoyer la convention", 2, DueGroup::ThisWeek),
            ("Bilan", 3, DueGroup::Later),
        ]
    );
    assert_eq!(home.partnerships_overdue, 1);

    let before = app.store.partnership(&p).unwrap().timeline.len();
    app.complete_partnership_action(&p, 0).unwrap();
    let home = app.get_home(clock()).unwrap();
    assert_eq!(home.actions[0].text, "Envoyer la convention");
    assert_eq!(home.partnerships_overdue, 0);
    app.reopen_partnership_action(&p, 0).unwrap();
    let home = app.get_home(clock()).unwrap();
    assert_eq!(home.actions[0].text, "Appeler le garage");
    assert_eq!(
        app.store.partnership(&p).unwrap().timeline.len(),
        before,
        "the undo takes the « action faite » entry back"
    );
    let again = app.reopen_partnership_action(&p, 0).unwrap_err();
    assert!(
        again.message.contains("n'est pas faite"),
        "{}",
        again.message
    );
    assert_eq!(home.recent[0].kind, RecentKind::Partnership);
    assert_eq!(home.recent[0].label, "Collecte de Noël");
}

#[test]
fn stalled_partnerships_and_reviews_due_show_with_their_totals() {
    let mut app = App::open_in_memory().unwrap();
    let a = actor(&mut app, "Banque Alimentaire", ActorKind::Association);
    let b = actor(&mut app, "Garage Meyer", ActorKind::Entreprise);
    let old = partnership(&mut app, "Ancienne piste", &[&a, &b], vec![]);
    let fresh = partnership(&mut app, "Piste récente", &[&a, &b], vec![]);
    let at = |d: NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(9, 0, 0).unwrap());
    app.store
        .backdate_partnership(&old, at(day(2026, 6, 1)), at(day(2026, 8, 1)))
        .unwrap();
    app.store
        .backdate_partnership(&fresh, at(day(2026, 6, 1)), at(day(2026, 11, 1)))
        .unwrap();
    for (first, last_initiated) in [
        ("Ancien", "01/11/2023"),
        ("Récent", "01/06/2026"),
        ("Bientôt", "20/12/2023"),
    ] {
        app.create_contact(&ContactInput {
            actor_id: Some(a.clone()),
            first_name: first.into(),
            last_name: "Contact".into(),
            last_initiated_on: Some(last_initiated.into()),
            ..ContactInput::default()
        })
        .unwrap();
    }
    let home = app.get_home(clock()).unwrap();
    assert_eq!(
        home.stuck
            .iter()
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>(),
        ["Ancienne piste"]
    );
    assert_eq!(home.stuck_total, 1);
    assert_eq!(home.stuck[0].since, day(2026, 8, 1));
    let reviews: Vec<_> = home
        .reviews
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                r.due_on,
                r.overdue,
                r.actor_name.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        reviews,
        [
            (
                "Ancien Contact",
                day(2026, 11, 1),
                true,
                Some("Banque Alimentaire")
            ),
            (
                "Bientôt Contact",
                day(2026, 12, 20),
                false,
                Some("Banque Alimentaire")
            ),
        ]
    );
    assert_eq!(home.reviews_total, 2);
    // A note moves the partnership: it is no longer stalled.
    app.note_partnership(&old, "Relance faite").unwrap();
    assert_eq!(app.get_home(clock()).unwrap().stuck_total, 0);
}

#[test]
fn the_next_event_says_whether_it_is_planned_and_its_pack_printed() {
    let mut app = App::open_in_memory().unwrap();
    let past = app
        .create_event(&EventInput {
            name: "Rencontres d'automne".into(),
            date: "05/10/2026".into(),
            rounds: 2,
            tables: 2,
            ..EventInput::default()
        })
        .unwrap();
    let next = app
        .create_event(&EventInput {
            name: "Speed-dating de janvier".into(),
            date: "14/01/2027".into(),
            rounds: 2,
            tables: 2,
            ..EventInput::default()
        })
        .unwrap();
    assert_ne!(past.id, next.id);
    for (n, kind) in [
        ActorKind::Association,
        ActorKind::Association,
        ActorKind::Entreprise,
        ActorKind::Entreprise,
    ]
    .into_iter()
    .enumerate()
    {
        let a = actor(&mut app, &format!("Participant {n}"), kind);
        app.add_event_participant(&next.id, &a, None, None).unwrap();
    }
    let ready = |app: &App| app.get_home(clock()).unwrap().next_event.unwrap();
    let unplanned = ready(&app);
    assert_eq!(unplanned.name, "Speed-dating de janvier");
    assert_eq!(unplanned.readiness.days_left, 36);
    assert_eq!(unplanned.readiness.participants, 4);
    assert!(!unplanned.readiness.planned && !unplanned.readiness.pack_printed);

    app.plan_event(&next.id).unwrap();
    assert!(ready(&app).readiness.planned);
    assert!(!ready(&app).readiness.pack_printed);
    let folder = tempfile::tempdir().unwrap();
    let pack = folder.path().join("dossier.pdf");
    let first = app.get_event(&next.id).unwrap().participants[0].id.clone();
    app.write_event_pack(&next.id, Some(&first), &pack, day(2026, 12, 9))
        .unwrap();
    assert!(
        !ready(&app).readiness.pack_printed,
        "one planning is not the pack"
    );
    app.write_event_pack(&next.id, None, &pack, day(2026, 12, 9))
        .unwrap();
    assert!(ready(&app).readiness.pack_printed);

    // A late registration: not seated by the plan, and the printed pack
    // no longer matches once the event is planned again.
    let late = actor(&mut app, "Retardataire", ActorKind::Entreprise);
    app.add_event_participant(&next.id, &late, None, None)
        .unwrap();
    assert_eq!(ready(&app).readiness.unplanned, 1);
    std::thread::sleep(std::time::Duration::from_millis(5));
    app.plan_event(&next.id).unwrap();
    let replanned = ready(&app);
    assert_eq!(replanned.readiness.unplanned, 0);
    assert!(!replanned.readiness.pack_printed);
    assert!(app
        .write_event_pack("missing", None, &pack, day(2026, 12, 9))
        .is_err());
}
