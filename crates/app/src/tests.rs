use tisserand_domain::{ActorInput, ActorKind, ActorQuery, ContactInput};

use super::*;

fn app() -> App {
    App::open_in_memory().unwrap()
}

/// A fixed « now »: 10 March 2026, 10:00 in Strasbourg (UTC+1).
fn clock() -> Clock {
    at("2026-03-10T10:00:00+01:00")
}

fn at(rfc3339: &str) -> Clock {
    Clock::at(chrono::DateTime::parse_from_rfc3339(rfc3339).unwrap())
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
    let s = a.get_commune("67462").unwrap().unwrap();
    assert_eq!(s.name, "Sélestat");
    assert_eq!(s.departement.name, "Bas-Rhin");
    assert!(s.epci.is_some());
    assert_eq!(a.search_communes("selestat", 5).unwrap()[0].insee, "67462");
    assert_eq!(a.get_commune("68066").unwrap().unwrap().name, "Colmar");
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
    assert_eq!(a.get_app_info().unwrap().actor_count, 0);
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
    let page = a.get_actor(&actor.id, clock()).unwrap();
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
fn an_actor_page_says_which_contact_reviews_are_overdue_as_of_the_callers_day() {
    let mut a = app();
    let actor = a.create_actor(&input("Épicerie solidaire")).unwrap();
    let contact = |last: &str, on: &str| ContactInput {
        actor_id: Some(actor.id.clone()),
        last_name: last.into(),
        last_initiated_on: Some(on.into()),
        ..ContactInput::default()
    };
    // Reviews due on 2026-03-09 and 2026-03-10.
    a.create_contact(&contact("Ancien", "2023-03-09")).unwrap();
    a.create_contact(&contact("Juste", "2023-03-10")).unwrap();
    let page = a.get_actor(&actor.id, clock()).unwrap();
    let overdue = |name: &str| {
        page.contacts
            .iter()
            .find(|c| c.last_name == name)
            .map(|c| (c.review_due_on.to_string(), c.review_overdue))
            .unwrap()
    };
    assert_eq!(overdue("Ancien"), ("2026-03-09".into(), true));
    assert_eq!(overdue("Juste"), ("2026-03-10".into(), false));
    // Just before midnight UTC the local day is already the 11th.
    let late = a
        .get_actor(&actor.id, at("2026-03-11T00:30:00+01:00"))
        .unwrap();
    assert!(late.contacts.iter().all(|c| c.review_overdue));
}

#[test]
fn deleting_is_undoable() {
    let mut a = app();
    let actor = a.create_actor(&input("Banque alimentaire")).unwrap();
    a.delete_actor(&actor.id).unwrap();
    assert_eq!(
        a.get_actor(&actor.id, clock()).unwrap_err().kind,
        ErrorKind::NotFound
    );
    assert_eq!(a.list_actors(&ActorQuery::default()).unwrap().total, 0);
    a.restore_actor(&actor.id).unwrap();
    assert_eq!(a.list_actors(&ActorQuery::default()).unwrap().total, 1);
}

#[test]
fn the_demo_territory_loads_once_and_is_rich_enough() {
    let mut a = app();
    let summary = a.load_demo(clock()).unwrap();
    assert!(summary.actors >= 60, "{summary:?}");
    assert!(summary.contacts >= 80, "{summary:?}");
    let facets = a.get_actor_facets().unwrap();
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
    assert!(a.get_app_info().unwrap().demo);
    assert!(summary.partnerships >= 25, "{summary:?}");
    let all = a
        .list_partnerships(&tisserand_domain::PartnershipQuery::default(), clock())
        .unwrap();
    assert_eq!(
        usize::try_from(summary.partnerships).unwrap(),
        all.len(),
        "the summary counts every partnership the board shows, the event's leads included"
    );
    let stages: std::collections::BTreeSet<_> = all.iter().map(|p| p.stage.code()).collect();
    assert_eq!(
        stages.len(),
        tisserand_domain::Stage::ALL.len(),
        "every stage: {stages:?}"
    );
    let modes: std::collections::BTreeSet<_> = all.iter().filter_map(|p| p.modes.primary).collect();
    assert_eq!(modes.len(), 4, "every mode as primary: {modes:?}");
    assert!(
        all.iter().any(|p| {
            p.next_due_on.is_some_and(|d| {
                d < chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
            })
        }),
        "overdue actions"
    );
    assert_eq!(a.load_demo(clock()).unwrap_err().kind, ErrorKind::Conflict);
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

// --- Partnerships ---------------------------------------------------------

mod partnerships {
    use tisserand_domain::{
        Contribution, ContributionKind, Counterpart, Modes, PartnershipInput, PartnershipQuery,
        Party, PartyRole, Question, RameauMode, Stage,
    };

    use super::*;

    fn actors(a: &mut App) -> (String, String) {
        let mut company = input("Boulangerie Schmitt");
        company.kind = Some(ActorKind::Entreprise);
        let x = a.create_actor(&company).unwrap().id;
        let y = a.create_actor(&input("Restos du cœur 67")).unwrap().id;
        (x, y)
    }

    fn partnership(x: &str, y: &str) -> PartnershipInput {
        PartnershipInput {
            title: "Pain du lendemain".into(),
            territory: vec!["67482".into()],
            parties: vec![
                Party {
                    actor_id: x.into(),
                    role: PartyRole::Financeur,
                    contact_id: None,
                },
                Party {
                    actor_id: y.into(),
                    role: PartyRole::Beneficiaire,
                    contact_id: None,
                },
            ],
            modes: Modes {
                primary: Some(RameauMode::Mecenat),
                secondary: vec![],
                mecenat_kinds: vec![tisserand_domain::MecenatKind::EnNature],
            },
            contributions: vec![Contribution {
                actor_id: x.into(),
                kind: ContributionKind::Nature,
                value_cents: 1_000_000,
                minutes: 0,
                description: Some("Invendus".into()),
            }],
            counterparts: vec![Counterpart {
                given_by: y.into(),
                description: "Logo sur le camion".into(),
                value_cents: 300_000,
            }],
            ..PartnershipInput::default()
        }
    }

    #[test]
    fn an_actors_ties_say_what_its_deletion_touches() {
        let mut a = app();
        let (x, y) = actors(&mut a);
        for first_name in ["Léa", "Marc"] {
            a.create_contact(&ContactInput {
                actor_id: Some(y.clone()),
                first_name: first_name.into(),
                last_name: "Weber".into(),
                ..ContactInput::default()
            })
            .unwrap();
        }
        let event = small_event(&mut a);
        let seated = a.get_event(&event).unwrap().participants[0]
            .actor_id
            .clone();
        assert_eq!(
            a.get_actor_ties(&seated).unwrap().events,
            ["Speed-dating"],
            "the events it took part in"
        );
        let p = a.create_partnership(&partnership(&x, &y)).unwrap();
        let ties = a.get_actor_ties(&y).unwrap();
        assert_eq!(ties.contacts, 2);
        assert_eq!(ties.partnerships, ["Pain du lendemain"]);
        assert!(ties.events.is_empty());
        a.delete_partnership(&p.id).unwrap();
        assert!(a.get_actor_ties(&y).unwrap().partnerships.is_empty());
        a.delete_actor(&y).unwrap();
        assert_eq!(a.get_actor_ties(&y).unwrap_err().kind, ErrorKind::NotFound);
    }

    #[test]
    fn board_list_and_page_mark_late_actions_on_the_callers_today() {
        use tisserand_domain::{NextAction, PartnershipSort};
        let mut a = app();
        let (x, y) = actors(&mut a);
        let mut input = partnership(&x, &y);
        let action = |due: &str, done: bool| NextAction {
            text: format!("Relancer {due}"),
            owner: None,
            due_on: Some(due.parse().unwrap()),
            done,
        };
        // clock() is 10 March 2026: due the 9th is late, the 10th not yet.
        input.next_actions = vec![
            action("2026-03-09", false),
            action("2026-03-10", false),
            action("2026-03-01", true),
        ];
        let p = a.create_partnership(&input).unwrap();
        let q = PartnershipQuery::default();
        let card = |c: Clock| {
            let board = a.get_partnership_board(&q, 10, c).unwrap();
            let cards: Vec<_> = board.columns.into_iter().flat_map(|c| c.cards).collect();
            let page = a
                .get_partnership_page(&q, PartnershipSort::Stage, false, 0, 10, c)
                .unwrap();
            assert_eq!(
                page.items[0].overdue, cards[0].overdue,
                "page and board agree"
            );
            let listed = a.list_partnerships(&q, c).unwrap();
            assert_eq!(listed[0].overdue, cards[0].overdue, "list and board agree");
            cards[0].overdue
        };
        assert!(card(clock()));
        assert!(!card(at("2026-03-09T23:59:00+01:00")));
        assert_eq!(
            a.get_partnership(&p.id, clock()).unwrap().overdue_actions,
            [0]
        );
        let later = at("2026-03-11T08:00:00+01:00");
        assert_eq!(
            a.get_partnership(&p.id, later).unwrap().overdue_actions,
            [0, 1]
        );
    }

    #[test]
    fn board_list_and_page_count_days_in_stage_on_the_callers_clock() {
        use tisserand_domain::PartnershipSort;
        let mut a = app();
        let (x, y) = actors(&mut a);
        let p = a.create_partnership(&partnership(&x, &y)).unwrap();
        let paris = chrono::FixedOffset::east_opt(3600).unwrap();
        let three_days_later =
            Clock::at((p.stage_changed_at + chrono::Days::new(3)).with_timezone(&paris));
        let q = PartnershipQuery::default();
        let board = a.get_partnership_board(&q, 10, three_days_later).unwrap();
        let cards: Vec<_> = board.columns.into_iter().flat_map(|c| c.cards).collect();
        assert_eq!(cards[0].days_in_stage, 3);
        let page = a
            .get_partnership_page(&q, PartnershipSort::Stage, false, 0, 10, three_days_later)
            .unwrap();
        assert_eq!(page.items[0].days_in_stage, 3);
        assert_eq!(
            a.list_partnerships(&q, three_days_later).unwrap()[0].days_in_stage,
            3
        );
        let detail = a.get_partnership(&p.id, three_days_later).unwrap();
        assert_eq!(detail.days_in_stage, 3);
    }

    #[test]
    fn a_partnership_page_has_names_and_totals() {
        let mut a = app();
        let (x, y) = actors(&mut a);
        let p = a.create_partnership(&partnership(&x, &y)).unwrap();
        let d = a.get_partnership(&p.id, clock()).unwrap();
        assert_eq!(d.parties[0].actor_name, "Boulangerie Schmitt");
        assert_eq!(d.totals.value_cents, 1_000_000);
        let m = d.totals.mecenat.unwrap();
        assert!(m.over_limit);
        assert!(m.warning.unwrap().contains("30 %"));
        assert_eq!(m.estimated_tax_reduction_cents, 600_000);
        let q = PartnershipQuery {
            mode: Some(RameauMode::Mecenat),
            stage: Some(Stage::Rencontre),
            ..PartnershipQuery::default()
        };
        assert_eq!(a.list_partnerships(&q, clock()).unwrap().len(), 1);
    }

    #[test]
    fn bad_partnerships_say_what_to_fix_and_save_nothing() {
        let mut a = app();
        let (x, y) = actors(&mut a);
        let mut one = partnership(&x, &y);
        one.parties.pop();
        one.counterparts.clear();
        let err = a.create_partnership(&one).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Invalid);
        assert!(
            err.message.contains("au moins deux parties"),
            "{}",
            err.message
        );
        let mut twice = partnership(&x, &x);
        twice.counterparts.clear();
        let err = a.create_partnership(&twice).unwrap_err();
        assert!(err.message.contains("deux fois"), "{}", err.message);
        let ghost = partnership(&x, "01900000-0000-7000-8000-000000000000");
        let err = a.create_partnership(&ghost).unwrap_err();
        assert_eq!(err.fields[0].field, "parties");
        assert!(err.message.contains("n'existe pas"), "{}", err.message);
        let mut far = partnership(&x, &y);
        far.territory = vec!["67999".into()];
        assert_eq!(a.validate_partnership(&far)[0].field, "territory");
        assert_eq!(
            a.create_partnership(&far).unwrap_err().fields[0].field,
            "territory"
        );
        let mut huge = partnership(&x, &y);
        huge.contributions[0].value_cents = 20_000_000_000;
        let err = a.create_partnership(&huge).unwrap_err();
        assert!(err.message.contains("100 millions"), "{}", err.message);
        assert!(a
            .list_partnerships(&PartnershipQuery::default(), clock())
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_stale_edit_is_a_conflict() {
        let mut a = app();
        let (x, y) = actors(&mut a);
        let p = a.create_partnership(&partnership(&x, &y)).unwrap();
        a.move_partnership(&p.id, Stage::Exploration, None).unwrap();
        let mut edit = p.to_input();
        edit.title = "Pain solidaire".into();
        let err = a.update_partnership(&p.id, p.version, &edit).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Conflict);
        assert!(err.message.contains("rechargez"), "{}", err.message);
        let fresh = a.get_partnership(&p.id, clock()).unwrap().partnership;
        assert_eq!(fresh.title, "Pain du lendemain");
        let saved = a.update_partnership(&p.id, fresh.version, &edit).unwrap();
        assert_eq!(saved.title, "Pain solidaire");
        assert_eq!(saved.stage, Stage::Exploration);
    }

    #[test]
    fn moves_notes_and_deleted_partnerships() {
        let mut a = app();
        let (x, y) = actors(&mut a);
        let p = a.create_partnership(&partnership(&x, &y)).unwrap();
        let err = a
            .move_partnership(&p.id, Stage::Abandonne, None)
            .unwrap_err();
        assert_eq!(err.kind, ErrorKind::Invalid);
        assert_eq!(err.fields[0].field, "reason");
        a.move_partnership(&p.id, Stage::Abandonne, Some("Fermeture de la boulangerie"))
            .unwrap();
        assert!(a.note_partnership(&p.id, "  ").is_err());
        let p2 = a.note_partnership(&p.id, "Appel de la gérante").unwrap();
        assert_eq!(p2.timeline.len(), 3);
        a.delete_partnership(&p.id).unwrap();
        let err = a
            .move_partnership(&p.id, Stage::Exploration, None)
            .unwrap_err();
        assert_eq!(err.kind, ErrorKind::NotFound);
        assert!(
            err.message.starts_with("Ce partenariat n'existe pas"),
            "{}",
            err.message
        );
    }

    #[test]
    fn deleting_an_actor_of_a_live_partnership_is_refused_with_titles() {
        let mut a = app();
        let (x, y) = actors(&mut a);
        let p = a.create_partnership(&partnership(&x, &y)).unwrap();
        let err = a.delete_actor(&y).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Conflict);
        assert!(
            err.message.contains("« Pain du lendemain »"),
            "{}",
            err.message
        );
        assert!(a.get_actor(&y, clock()).is_ok());
        a.delete_partnership(&p.id).unwrap();
        a.delete_actor(&y).unwrap();
    }

    #[test]
    fn the_guided_classification_proposes_a_mode() {
        let a = app();
        let p = a.classify_partnership(&[Question::Q2, Question::Q1, Question::Q8]);
        assert_eq!(p.primary, Some(RameauMode::PratiquesResponsables));
        assert_eq!(p.secondary, [RameauMode::Mecenat]);
    }

    #[test]
    fn partners_do_not_meet_at_an_event_unless_allowed() {
        use tisserand_domain::event::EventInput;
        let mut a = app();
        let (x, y) = actors(&mut a);
        a.create_partnership(&partnership(&x, &y)).unwrap();
        let other = a.create_actor(&input("Secours du Ried")).unwrap().id;
        let mut settings = EventInput {
            name: "Rencontres".into(),
            date: "01/12/2026".into(),
            rounds: 2,
            tables: 2,
            ..EventInput::default()
        };
        let e = a.create_event(&settings).unwrap();
        for id in [&x, &y, &other] {
            a.add_event_participant(&e.id, id, None, None).unwrap();
        }
        let meets = |a: &App| {
            let d = a.get_event(&e.id).unwrap();
            let actor = |p: &str| {
                d.participants
                    .iter()
                    .find(|q| q.id == p)
                    .unwrap()
                    .actor_id
                    .clone()
            };
            d.meetings.iter().any(|m| {
                [actor(&m.seated), actor(&m.visitor)].contains(&x)
                    && [actor(&m.seated), actor(&m.visitor)].contains(&y)
            })
        };
        a.plan_event(&e.id).unwrap();
        assert!(!meets(&a), "partners are kept apart");
        settings.allow_partners = true;
        let version = a.get_event(&e.id).unwrap().event.version;
        a.update_event(&e.id, version, &settings).unwrap();
        a.plan_event(&e.id).unwrap();
        assert!(meets(&a), "allowed, they meet");
    }
}

#[test]
fn a_cancelled_export_of_briefs_leaves_nothing_behind() {
    let mut a = app();
    a.load_demo(clock()).unwrap();
    let items = a
        .briefs_to_export(&tisserand_domain::PartnershipQuery::default())
        .unwrap();
    assert!(items.len() >= 25);
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("fiches");
    // Cancelled after the third brief: the three files are removed.
    let mut seen = 0;
    let written = write_briefs(
        &items,
        &mut |id| a.document_data(id, on),
        &folder,
        &mut |done, _| {
            seen = done;
            done < 3
        },
    )
    .unwrap();
    assert!(written.is_none());
    assert_eq!(seen, 3);
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    // The combined file is not written at all.
    let file = dir.path().join("toutes.pdf");
    let n = write_combined_briefs(
        &items,
        &mut |id| a.document_data(id, on),
        on,
        &file,
        &mut |_, _| false,
    )
    .unwrap();
    assert!(n.is_none());
    assert!(!file.exists());
    // Not cancelled: one file per partnership, names unique.
    let written = write_briefs(
        &items,
        &mut |id| a.document_data(id, on),
        &folder,
        &mut |_, _| true,
    )
    .unwrap()
    .unwrap();
    assert_eq!(written.len(), items.len());
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), items.len());
}

fn small_event(a: &mut App) -> String {
    use tisserand_domain::event::EventInput;
    let e = a
        .create_event(&EventInput {
            name: "Speed-dating".into(),
            date: "26/11/2026".into(),
            rounds: 3,
            tables: 2,
            ..EventInput::default()
        })
        .unwrap();
    for (name, kind) in [
        ("Asso A", ActorKind::Association),
        ("Asso B", ActorKind::Association),
        ("Entreprise C", ActorKind::Entreprise),
        ("Entreprise D", ActorKind::Entreprise),
    ] {
        let actor = a
            .create_actor(&ActorInput {
                kind: Some(kind),
                ..input(name)
            })
            .unwrap();
        a.add_event_participant(&e.id, &actor.id, None, None)
            .unwrap();
    }
    a.plan_event(&e.id).unwrap();
    e.id
}

#[test]
fn the_room_runs_from_the_stored_clock_and_records_started_rounds() {
    let mut a = app();
    let id = small_event(&mut a);
    let ready = a.run_event_room(&id, None, clock()).unwrap();
    assert_eq!(
        ready.view.clock.phase,
        tisserand_domain::event::RoomPhase::Ready
    );
    assert_eq!(ready.round_ms, 7 * 60_000);
    assert_eq!(ready.tables.len(), 2);
    assert!(
        ready.tables.iter().all(|t| t.visitor.is_some()),
        "{:?}",
        ready.tables
    );
    let started = a
        .run_event_room(&id, Some(RoomAction::Start), clock())
        .unwrap();
    assert!(started.wrote);
    assert_eq!(
        a.get_event(&id).unwrap().event.played_rounds,
        1,
        "a started round is kept by a re-plan"
    );
    // During the changeover the room shows the next round's tables.
    let gap = a
        .run_event_room(&id, Some(RoomAction::Next), clock())
        .unwrap();
    assert_eq!(
        (gap.view.clock.phase, gap.shown_round),
        (tisserand_domain::event::RoomPhase::Gap, 2)
    );
    // A re-plan keeps round 1 exactly.
    let before: Vec<_> = a
        .get_event(&id)
        .unwrap()
        .meetings
        .into_iter()
        .filter(|m| m.round == 1)
        .collect();
    a.plan_event(&id).unwrap();
    let after: Vec<_> = a
        .get_event(&id)
        .unwrap()
        .meetings
        .into_iter()
        .filter(|m| m.round == 1)
        .collect();
    assert_eq!(before, after);
}

#[test]
fn a_room_on_a_deleted_event_says_so_and_an_undo_brings_it_back() {
    let mut a = app();
    let id = small_event(&mut a);
    a.run_event_room(&id, Some(RoomAction::Start), clock())
        .unwrap();
    a.delete_event(&id).unwrap();
    let err = a.run_event_room(&id, None, clock()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(err.message.contains("Cet événement"), "{}", err.message);
    a.restore_event(&id).unwrap();
    let back = a.run_event_room(&id, None, clock()).unwrap();
    assert_eq!(
        back.view.clock.phase,
        tisserand_domain::event::RoomPhase::Round
    );
}

#[test]
fn file_dialogs_open_in_the_last_folder_used_while_it_exists() {
    let mut a = app();
    let first = a.get_dialog_folder();
    assert_eq!(
        first,
        dirs::document_dir()
            .or_else(|| dirs::home_dir().map(|h| h.join("Documents")))
            .filter(|d| d.is_dir())
            .or_else(dirs::home_dir),
        "the person's Documents folder (or home), not the program's working folder"
    );
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("exports");
    std::fs::create_dir(&sub).unwrap();
    a.remember_dialog_folder(&sub.join("fiche.pdf")).unwrap();
    assert_eq!(a.get_dialog_folder().as_deref(), Some(sub.as_path()));
    a.remember_dialog_folder(dir.path()).unwrap();
    assert_eq!(a.get_dialog_folder().as_deref(), Some(dir.path()));
    // A folder that went away (a USB key pulled out) is forgotten.
    a.remember_dialog_folder(&sub.join("x.csv")).unwrap();
    std::fs::remove_dir(&sub).unwrap();
    assert_eq!(a.get_dialog_folder(), first);
}

#[test]
fn a_mailing_export_leaves_out_who_objected_or_lacks_consent() {
    use tisserand_domain::{Consent, ContactQuery, LegalBasis, MailingExclusion};
    let mut a = app();
    let org = a.create_actor(&input("Épicerie solidaire")).unwrap();
    let person = |first: &str,
                  email: Option<&str>,
                  basis: LegalBasis,
                  informed: bool,
                  consents: Vec<Consent>| ContactInput {
        actor_id: Some(org.id.clone()),
        first_name: first.into(),
        last_name: "Martin".into(),
        email: email.map(Into::into),
        legal_basis: Some(basis),
        informed_on: informed.then(|| "2026-01-05".into()),
        consents,
        ..ContactInput::default()
    };
    a.create_contacts(&[
        person(
            "Anne",
            Some("anne@x.fr"),
            LegalBasis::InteretLegitime,
            true,
            vec![],
        ),
        person(
            "Bruno",
            Some("bruno@x.fr"),
            LegalBasis::Consentement,
            true,
            vec![Consent::Newsletter],
        ),
        person(
            "Chloé",
            Some("chloe@x.fr"),
            LegalBasis::InteretLegitime,
            true,
            vec![Consent::Objection],
        ),
        person("David", None, LegalBasis::InteretLegitime, true, vec![]),
        person(
            "Emma",
            Some("emma@x.fr"),
            LegalBasis::Contrat,
            true,
            vec![Consent::Photos],
        ),
        person(
            "Farid",
            Some("farid@x.fr"),
            LegalBasis::InteretLegitime,
            false,
            vec![],
        ),
    ])
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("invitations.csv");
    let all = ContactSelection::default();
    let done = a.export_contacts(&all, ExportFormat::Csv, &dest).unwrap();
    assert_eq!(done.rows, 2);
    let reasons: Vec<(MailingExclusion, u32)> =
        done.left_out.iter().map(|l| (l.reason, l.count)).collect();
    assert_eq!(
        reasons,
        [
            (MailingExclusion::Objected, 1),
            (MailingExclusion::NoEmail, 1),
            (MailingExclusion::ConsentMissing, 1),
            (MailingExclusion::NotInformed, 1),
        ]
    );
    assert!(
        done.sentence_fr()
            .contains("4 laissé(s) de côté : opposition aux envois (1), sans e-mail (1)"),
        "{}",
        done.sentence_fr()
    );
    let csv = std::fs::read_to_string(&dest).unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Prénom;Nom;Organisation;Type d'organisation;Fonction;E-mail;Téléphone;Commune"
    );
    assert_eq!(lines.len(), 3);
    assert!(
        lines[1].starts_with("Anne;Martin;Épicerie solidaire;Association;;anne@x.fr"),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("Bruno;"));
    assert!(!csv.contains("chloe@x.fr"));

    // Ticked rows only; a selection nobody in which may be invited writes nothing.
    let page = a
        .list_contacts(&ContactQuery {
            text: Some("chloe".into()),
            ..ContactQuery::default()
        })
        .unwrap();
    assert_eq!(
        page.rows[0].mailing_exclusion,
        Some(MailingExclusion::Objected)
    );
    let only = ContactSelection {
        ids: Some(vec![page.rows[0].id.clone()]),
        ..ContactSelection::default()
    };
    let dest2 = dir.path().join("none.xlsx");
    let err = a
        .export_contacts(&only, ExportFormat::Xlsx, &dest2)
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    assert!(
        err.message.contains("opposition aux envois (1)"),
        "{}",
        err.message
    );
    assert!(!dest2.exists());
    let xlsx = a
        .export_contacts(
            &ContactSelection {
                ids: Some(vec![]),
                ..ContactSelection::default()
            },
            ExportFormat::Xlsx,
            &dest2,
        )
        .unwrap_err();
    assert!(xlsx.message.contains("aucun contact"));
    assert!(a.export_contacts(&all, ExportFormat::Json, &dest2).is_err());
    let done = a.export_contacts(&all, ExportFormat::Xlsx, &dest2).unwrap();
    assert_eq!(done.rows, 2);
    assert!(tisserand_tabular::Table::open(&dest2).is_ok());
}

#[test]
fn the_demo_associations_are_inscribed_at_their_courts_register() {
    use tisserand_domain::AssociationRegime;
    let mut a = app();
    a.load_demo(clock()).unwrap();
    let page = a
        .list_actors(&ActorQuery {
            limit: 500,
            ..ActorQuery::default()
        })
        .unwrap();
    let mut associations = 0;
    for row in &page.rows {
        let actor = a.get_actor(&row.id, clock()).unwrap().actor;
        assert_eq!(actor.rna, None, "{} has an RNA number", actor.name);
        if actor.kind == ActorKind::Association {
            associations += 1;
            assert_eq!(
                actor.legal_regime,
                Some(AssociationRegime::DroitLocal),
                "{}",
                actor.name
            );
            assert!(actor.register_court.is_some(), "{}", actor.name);
            assert!(actor.register_entry_fr().is_some(), "{}", actor.name);
        } else {
            assert_eq!(actor.legal_regime, None, "{}", actor.name);
        }
    }
    assert!(associations >= 20, "{associations} associations");
}

#[test]
fn the_report_counts_only_recorded_presence() {
    use tisserand_domain::event::Presence;
    let mut a = app();
    let id = small_event(&mut a);
    // Nobody's presence recorded: « attendu » is not « présent ».
    let none = a.get_event_report(&id).unwrap();
    assert_eq!(
        (
            none.participants,
            none.present,
            none.absent,
            none.unrecorded
        ),
        (4, 0, 0, 4)
    );
    let year = a.get_events_year_report(2026).unwrap();
    assert_eq!((year.present, year.unrecorded), (0, 4));
    // Two marked present, one absent, one never checked in.
    let people: Vec<String> = a
        .get_event(&id)
        .unwrap()
        .participants
        .into_iter()
        .map(|p| p.id)
        .collect();
    for (who, presence) in [
        (&people[0], Presence::Present),
        (&people[1], Presence::Absent),
        (&people[2], Presence::Present),
    ] {
        a.change_event_participant(
            &id,
            who,
            &ParticipantChange {
                presence: Some(presence),
                ..ParticipantChange::default()
            },
        )
        .unwrap();
    }
    let some = a.get_event_report(&id).unwrap();
    assert_eq!(
        (
            some.participants,
            some.present,
            some.absent,
            some.unrecorded
        ),
        (4, 2, 1, 1)
    );
    let year = a.get_events_year_report(2026).unwrap();
    assert_eq!((year.present, year.absent, year.unrecorded), (2, 1, 1));
    assert_eq!(a.get_events_year_report(2025).unwrap().participants, 0);
}

#[test]
fn every_screen_reads_one_number_of_possible_meetings() {
    let mut a = app();
    a.load_demo(clock()).unwrap();
    // The demo's coming event: eight tables, eight rounds, eight on each
    // side (64 slots), planned.
    let coming = a
        .list_events()
        .unwrap()
        .into_iter()
        .find(|e| e.name.contains("Colmar"))
        .unwrap();
    let d = a.get_event(&coming.id).unwrap();
    let summary = d.event.plan_summary.unwrap();
    assert_eq!(d.possible_meetings, Some(summary.bound.total));
    assert!(summary.objective.total <= summary.bound.total);
    // Two of them become partners: that pair may no longer meet, so one
    // meeting fewer is possible, before and after a re-plan.
    let slots = d.event.tables * d.event.rounds;
    let excluded = a.event_plan_input(&coming.id).unwrap().excluded;
    let (seated, visitor) = d
        .participants
        .iter()
        .filter(|p| p.side == d.event.seated_side)
        .flat_map(|s| {
            d.participants
                .iter()
                .filter(|v| v.side != d.event.seated_side)
                .map(move |v| (s, v))
        })
        .find(|(s, v)| !excluded.contains(&(s.id.clone(), v.id.clone())))
        .unwrap();
    let before = d.possible_meetings.unwrap();
    assert!(before <= slots);
    a.create_partnership(&tisserand_domain::partnership::PartnershipInput {
        title: "Déjà partenaires".into(),
        parties: vec![
            tisserand_domain::partnership::Party {
                actor_id: seated.actor_id.clone(),
                role: tisserand_domain::partnership::PartyRole::Porteur,
                contact_id: None,
            },
            tisserand_domain::partnership::Party {
                actor_id: visitor.actor_id.clone(),
                role: tisserand_domain::partnership::PartyRole::Partenaire,
                contact_id: None,
            },
        ],
        ..tisserand_domain::partnership::PartnershipInput::default()
    })
    .unwrap();
    let after = a.get_event(&coming.id).unwrap().possible_meetings.unwrap();
    assert_eq!(after, before - 1, "{after} of {slots} slots");
    let replanned = a.plan_event(&coming.id).unwrap();
    assert_eq!(replanned.possible_meetings, Some(after));
    assert_eq!(
        replanned.event.plan_summary.unwrap().bound.total,
        after,
        "the planning tab and the participants tab agree"
    );
}

#[test]
fn a_mailing_greets_nobody_by_the_general_contact_name() {
    use tisserand_domain::contact::GENERAL_CONTACT_NAME;
    use tisserand_domain::LegalBasis;
    let mut a = app();
    let org = a.create_actor(&input("Épicerie solidaire")).unwrap();
    a.create_contact(&ContactInput {
        actor_id: Some(org.id.clone()),
        last_name: GENERAL_CONTACT_NAME.into(),
        email: Some("contact@epicerie.fr".into()),
        legal_basis: Some(LegalBasis::InteretLegitime),
        informed_on: Some("2026-01-05".into()),
        ..ContactInput::default()
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("invitations.csv");
    let done = a
        .export_contacts(&ContactSelection::default(), ExportFormat::Csv, &dest)
        .unwrap();
    assert_eq!(done.rows, 1, "the organisation's address is invited");
    let csv = std::fs::read_to_string(&dest).unwrap();
    assert!(csv.contains("contact@epicerie.fr"), "{csv}");
    assert!(!csv.contains(GENERAL_CONTACT_NAME), "{csv}");
}

#[test]
fn follow_ups_fall_due_a_week_after_the_local_day_not_the_utc_one() {
    use tisserand_domain::event::MeetingCapture;
    let mut a = app();
    let id = small_event(&mut a);
    let m = a.get_event(&id).unwrap().meetings[0].clone();
    a.capture_event_meeting(
        &id,
        &MeetingCapture {
            round: m.round,
            table: m.table,
            seated_tick: true,
            visitor_tick: false,
            seated_note: None,
            visitor_note: None,
        },
    )
    .unwrap();
    // Twenty past midnight on 10 December in Strasbourg: still the 9th in
    // UTC. The event (26 November) is past: due a week after the local day.
    let outcome = a
        .create_event_leads(&id, at("2026-12-10T00:20:00+01:00"))
        .unwrap();
    assert!(outcome.partnerships.is_empty());
    let due: Vec<_> = a
        .list_open_follow_ups(10, clock())
        .unwrap()
        .into_iter()
        .map(|f| f.due)
        .collect();
    assert_eq!(
        due,
        vec![chrono::NaiveDate::from_ymd_opt(2026, 12, 17).unwrap()]
    );
}

#[test]
fn the_event_form_starts_from_the_cores_defaults_or_the_events_settings() {
    use tisserand_domain::event::EventSide;
    let mut a = app();
    let new = a.get_event_input(None).unwrap();
    assert_eq!(
        (
            new.start_time.as_str(),
            new.round_minutes,
            new.changeover_minutes
        ),
        ("14:00", 7, 2)
    );
    assert_eq!((new.rounds, new.tables), (8, 10));
    assert_eq!(new.seated_side, EventSide::Associations);
    assert!(new.name.is_empty() && new.date.is_empty() && !new.allow_partners);
    let id = small_event(&mut a);
    let edit = a.get_event_input(Some(&id)).unwrap();
    assert_eq!(edit.date, "26/11/2026");
    assert_eq!(edit.start_time, "14:00");
    assert_eq!((edit.rounds, edit.tables), (3, 2));
    assert_eq!(a.validate_event(&edit), vec![]);
    assert_eq!(
        a.get_event_input(Some("gone")).unwrap_err().kind,
        ErrorKind::NotFound
    );
}

/// Ticks « à revoir » on the event's first meeting: (seated, visitor).
fn tick_first_meeting(a: &mut App, event_id: &str, (seated_tick, visitor_tick): (bool, bool)) {
    let m = a.get_event(event_id).unwrap().meetings[0].clone();
    let capture = tisserand_domain::event::MeetingCapture {
        round: m.round,
        table: m.table,
        seated_tick,
        visitor_tick,
        ..Default::default()
    };
    a.capture_event_meeting(event_id, &capture).unwrap();
}

#[test]
fn an_event_page_carries_its_plan_grid_pauses_and_pending_leads() {
    let mut a = app();
    let id = small_event(&mut a);
    let detail = a.get_event(&id).unwrap();
    // Two seated, two visitors, three rounds: every table has a row, each
    // round's visitors are all busy or paused.
    assert_eq!(detail.plan.len(), 2);
    assert!(detail.plan.iter().all(|r| r.visitors.len() == 3));
    assert_eq!(detail.pauses.len(), 3);
    for (round, paused) in detail.pauses.iter().enumerate() {
        let busy = detail
            .plan
            .iter()
            .filter(|r| r.visitors[round].is_some())
            .count();
        assert_eq!(busy + paused.len(), 2);
    }
    assert_eq!(detail.pending_leads, 0);
    // A mutual tick awaits its lead until leads are created.
    tick_first_meeting(&mut a, &id, (true, true));
    assert_eq!(a.get_event(&id).unwrap().pending_leads, 1);
    a.create_event_leads(&id, clock()).unwrap();
    assert_eq!(a.get_event(&id).unwrap().pending_leads, 0);
}

#[test]
fn an_open_follow_up_is_overdue_only_after_its_due_day() {
    let mut a = app();
    let id = small_event(&mut a);
    tick_first_meeting(&mut a, &id, (true, false));
    // The event is on 26 November: due a week after, on 3 December.
    a.create_event_leads(&id, at("2026-11-20T10:00:00+01:00"))
        .unwrap();
    let on = |when: &str| {
        let open = a.list_open_follow_ups(10, at(when)).unwrap();
        assert_eq!(open[0].due.to_string(), "2026-12-03");
        open[0].overdue
    };
    assert!(!on("2026-12-03T23:50:00+01:00"));
    // Ten past midnight in Strasbourg: still the 3rd in UTC, the 4th here.
    assert!(on("2026-12-04T00:10:00+01:00"));
}

#[test]
fn a_typed_row_is_read_by_the_core_with_its_errors_by_field() {
    use tisserand_domain::partnership::TypedRow;
    let app = app();
    let read = app.parse_partnership_row(&TypedRow {
        amount: Some("1 234,50".into()),
        hours: Some("beaucoup".into()),
        due_on: Some("26/11/2026".into()),
        ..TypedRow::default()
    });
    assert_eq!(read.values.value_cents, Some(123_450));
    assert_eq!(
        read.values.due_on,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
    );
    let fields: Vec<_> = read.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["minutes"]);
}
