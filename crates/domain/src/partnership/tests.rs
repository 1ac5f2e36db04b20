use super::*;
use crate::rameau::MecenatKind;

fn party(id: &str, role: PartyRole) -> Party {
    Party {
        actor_id: id.into(),
        role,
        contact_id: None,
    }
}

fn input() -> PartnershipInput {
    PartnershipInput {
        title: "Billets de cirque".into(),
        parties: vec![
            party("a", PartyRole::Financeur),
            party("b", PartyRole::Beneficiaire),
        ],
        modes: Modes {
            primary: Some(RameauMode::Mecenat),
            ..Modes::default()
        },
        ..PartnershipInput::default()
    }
}

fn fields(i: &PartnershipInput) -> Vec<String> {
    i.validate()
        .unwrap_err()
        .0
        .into_iter()
        .map(|e| e.field)
        .collect()
}

fn contribution(actor: &str, cents: i64, minutes: i64) -> Contribution {
    Contribution {
        actor_id: actor.into(),
        kind: ContributionKind::Numeraire,
        value_cents: cents,
        minutes,
        description: None,
    }
}

#[test]
fn a_valid_input_is_trimmed() {
    let mut i = input();
    i.title = "  Billets  ".into();
    i.tags = vec!["#culture".into(), "Culture".into()];
    i.territory = vec!["67462".into(), " 67462".into(), "2a004".into()];
    let v = i.validate().unwrap();
    assert_eq!(v.title, "Billets");
    assert_eq!(v.tags, ["culture"]);
    assert_eq!(v.territory, ["67462", "2A004"]);
}

#[test]
fn two_distinct_parties_are_required() {
    let mut i = input();
    i.parties.pop();
    assert_eq!(fields(&i), ["parties"]);
    let mut i = input();
    i.parties[1].actor_id = "a".into();
    let err = i.validate().unwrap_err();
    assert_eq!(err.0[0].field, "parties.1.actorId");
    assert!(err.0[0].message.contains("deux fois"));
}

#[test]
fn modes_are_checked() {
    let mut i = input();
    i.modes.secondary = vec![
        RameauMode::Mecenat,
        RameauMode::InnovationSocietale,
        RameauMode::InnovationSocietale,
    ];
    assert_eq!(fields(&i), ["modes.secondary", "modes.secondary"]);
    let mut i = input();
    i.modes = Modes {
        primary: None,
        secondary: vec![RameauMode::Mecenat],
        mecenat_kinds: vec![],
    };
    assert_eq!(fields(&i), ["modes.primary"]);
    let mut i = input();
    i.modes = Modes {
        primary: Some(RameauMode::PratiquesResponsables),
        secondary: vec![RameauMode::InnovationSocietale, RameauMode::Mecenat],
        mecenat_kinds: vec![MecenatKind::Competences, MecenatKind::Financier],
    };
    let v = i.validate().unwrap();
    assert_eq!(
        v.modes.secondary,
        [RameauMode::Mecenat, RameauMode::InnovationSocietale]
    );
    assert_eq!(
        v.modes.mecenat_kinds,
        [MecenatKind::Financier, MecenatKind::Competences]
    );
    i.modes.secondary = vec![];
    assert_eq!(fields(&i), ["modes.mecenatKinds"]);
}

#[test]
fn amounts_must_be_plausible_and_from_parties() {
    let mut i = input();
    i.contributions = vec![
        contribution("a", -1, 0),
        contribution("a", AMOUNT_MAX_CENTS + 1, 0),
        contribution("z", 100, -5),
        contribution("b", AMOUNT_MAX_CENTS, 60),
    ];
    i.counterparts = vec![Counterpart {
        given_by: "q".into(),
        description: " ".into(),
        value_cents: 5,
    }];
    assert_eq!(
        fields(&i),
        [
            "contributions.0.valueCents",
            "contributions.1.valueCents",
            "contributions.2.actorId",
            "contributions.2.minutes",
            "counterparts.0.givenBy",
            "counterparts.0.description"
        ]
    );
    let err = i.validate().unwrap_err();
    assert!(
        err.0[1].message.contains("100 millions"),
        "{}",
        err.0[1].message
    );
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let mut i = input();
    i.title = " ".into();
    i.territory = vec!["6746".into()];
    i.next_actions = vec![NextAction {
        text: String::new(),
        owner: None,
        due_on: None,
        done: false,
    }];
    assert_eq!(fields(&i), ["title", "territory", "nextActions.0.text"]);
}

#[test]
fn objectives_and_indicators_are_checked() {
    let mut i = input();
    i.objectives = vec![
        Objective {
            actor_id: Some("a".into()),
            axis: Some(ObjectiveAxis::RessourcesHumaines),
            text: "Engager les salariés".into(),
        },
        Objective {
            actor_id: None,
            axis: None,
            text: "Des enfants au spectacle".into(),
        },
    ];
    let on = |d: &str| d.parse::<NaiveDate>().unwrap();
    i.indicators = vec![Indicator {
        level: None,
        theme: None,
        name: " Enfants présents ".into(),
        unit: Some("enfants".into()),
        baseline: Some(0.0),
        target: Some(200.0),
        measures: vec![
            Measure {
                on: on("2026-06-01"),
                value: 150.0,
            },
            Measure {
                on: on("2026-03-01"),
                value: 40.0,
            },
        ],
    }];
    let v = i.validate().unwrap();
    assert_eq!(v.indicators[0].name, "Enfants présents");
    assert_eq!(v.indicators[0].measures[0].value, 40.0);
    i.objectives[0].actor_id = Some("z".into());
    i.objectives[1].text = " ".into();
    i.indicators[0].target = Some(f64::NAN);
    i.indicators[0].measures[1].value = 1e15;
    assert_eq!(
        fields(&i),
        [
            "objectives.0.actorId",
            "objectives.1.text",
            "indicators.0.target",
            "indicators.0.measures.1.value"
        ]
    );
    // A target needs a unit; a name alone does not.
    let mut i = input();
    i.indicators = vec![Indicator {
        level: None,
        theme: None,
        name: "Enfants".into(),
        unit: Some("  ".into()),
        baseline: None,
        target: Some(200.0),
        measures: Vec::new(),
    }];
    let err = i.validate().unwrap_err();
    assert_eq!(err.0[0].field, "indicators.0.unit");
    assert!(err.0[0]
        .message
        .contains("unité de la cible de « Enfants »"));
    i.indicators[0].target = None;
    assert!(i.validate().is_ok());
}

#[test]
fn keyboard_steps_walk_the_flow_and_never_touch_abandonne() {
    use Stage::{Abandonne, Essaimage, Evaluation, Exploration, Rencontre};
    assert_eq!(Rencontre.next(), Some(Exploration));
    assert_eq!(Exploration.previous(), Some(Rencontre));
    assert_eq!(Evaluation.next(), Some(Essaimage));
    assert_eq!(Rencontre.previous(), None);
    assert_eq!(Essaimage.next(), None);
    assert_eq!(Abandonne.next(), None);
    assert_eq!(Abandonne.previous(), None);
    let mut flow = vec![Rencontre];
    while let Some(s) = flow.last().and_then(|s| s.next()) {
        flow.push(s);
    }
    assert_eq!(flow, Stage::ALL[..7]);
    for s in &flow {
        assert!(s.next().is_none_or(|n| s.check_move(n, None).is_ok()));
        assert!(s.previous().is_none_or(|p| p.next() == Some(*s)));
    }
}

#[test]
fn stage_rules() {
    use Stage::{Abandonne, Contractualisation, Exploration, Rencontre};
    assert!(Rencontre.check_move(Exploration, None).is_ok());
    assert!(Rencontre.check_move(Contractualisation, None).is_ok());
    assert!(Contractualisation.check_move(Exploration, None).is_ok());
    assert_eq!(
        Rencontre.check_move(Rencontre, None).unwrap_err().field,
        "stage"
    );
    assert_eq!(
        Exploration.check_move(Abandonne, None).unwrap_err().field,
        "reason"
    );
    assert_eq!(
        Exploration
            .check_move(Abandonne, Some("  "))
            .unwrap_err()
            .field,
        "reason"
    );
    assert!(Exploration
        .check_move(Abandonne, Some("Budget gelé"))
        .is_ok());
    assert!(Abandonne.check_move(Exploration, None).is_ok());
    assert!(Abandonne.check_move(Abandonne, Some("x")).is_err());
    for s in Stage::ALL {
        assert_eq!(Stage::parse(s.code()), Some(s));
        assert_eq!(
            serde_json::to_value(s).unwrap(),
            serde_json::Value::String(s.code().into())
        );
    }
    assert_eq!(Stage::parse("Mise en œuvre"), Some(Stage::MiseEnOeuvre));
    assert_eq!(Stage::parse("abandonné"), Some(Stage::Abandonne));
}

#[test]
fn totals_per_party_and_overall() {
    let parties = [
        party("a", PartyRole::Financeur),
        party("b", PartyRole::Beneficiaire),
    ];
    let contributions = [
        contribution("a", 100_000, 0),
        contribution("a", 50_000, 120),
        contribution("b", 20_000, 600),
    ];
    let counterparts = [Counterpart {
        given_by: "b".into(),
        description: "Logo".into(),
        value_cents: 30_000,
    }];
    let modes = Modes {
        primary: Some(RameauMode::CooperationEconomique),
        ..Modes::default()
    };
    let t = totals(&parties, &modes, &contributions, &counterparts);
    assert_eq!(t.per_party[0].value_cents, 150_000);
    assert_eq!(t.per_party[0].minutes, 120);
    assert_eq!(t.per_party[1].value_cents, 20_000);
    assert_eq!(t.per_party[1].counterpart_cents, 30_000);
    assert_eq!(
        (t.value_cents, t.minutes, t.counterpart_cents),
        (170_000, 720, 30_000)
    );
    assert!(t.mecenat.is_none());
    let modes = Modes {
        primary: Some(RameauMode::CooperationEconomique),
        secondary: vec![RameauMode::Mecenat],
        mecenat_kinds: vec![],
    };
    let m = totals(&parties, &modes, &contributions, &counterparts)
        .mecenat
        .unwrap();
    assert_eq!(m.gift_cents, 150_000);
    assert_eq!(m.ratio_basis_points, Some(2_000));
    assert!(!m.over_limit);
    assert_eq!(m.estimated_tax_reduction_cents, 90_000);
}

#[test]
fn counterpart_ratio_table() {
    // (gift, counterparts, basis points, over the 25 % limit)
    let cases = [
        (0, 0, None, false),
        (0, 500, None, false),
        (100_000, 0, Some(0), false),
        (100_000, 25_000, Some(2_500), false),
        (100_000, 25_001, Some(2_500), true),
        (100_000, 40_000, Some(4_000), true),
        (3, 1, Some(3_333), true),
        (
            AMOUNT_MAX_CENTS * 200,
            AMOUNT_MAX_CENTS * 200,
            Some(10_000),
            true,
        ),
    ];
    for (gift, back, bp, over) in cases {
        let m = mecenat_balance(gift, back);
        assert_eq!(m.ratio_basis_points, bp, "{gift} {back}");
        assert_eq!(m.over_limit, over, "{gift} {back}");
        assert_eq!(m.warning.is_some(), over);
    }
    let m = mecenat_balance(100_000, 40_000);
    assert_eq!(
        m.warning.unwrap(),
        "Les contreparties représentent 40 % du don : au-delà de 25 %, le don risque de ne plus être reconnu comme du mécénat."
    );
    assert_eq!(
        mecenat_balance(12_345, 0).estimated_tax_reduction_cents,
        7_407
    );
}

#[test]
fn euros_and_hours_are_read_as_people_write_them() {
    let cases = [
        ("1500", Some(150_000)),
        ("1 500,50 €", Some(150_050)),
        ("12.5", Some(1_250)),
        (",5", Some(50)),
        ("-3", Some(-300)),
        ("1.234", None),
        ("douze", None),
        ("", None),
        ("99999999999999999999", None),
    ];
    for (text, cents) in cases {
        assert_eq!(parse_euros(text), cents, "{text}");
    }
    assert_eq!(parse_hours("1,5"), Some(90));
    assert_eq!(parse_hours("12"), Some(720));
}

#[test]
fn euros_are_written_the_french_way() {
    assert_eq!(format_euros(12_345_678), "123\u{202f}456,78 €");
    assert_eq!(format_euros(5), "0,05 €");
}

#[test]
fn timeline_entries_are_data_worded_in_french_on_demand() {
    let at: DateTime<Utc> = "2026-03-12T09:00:00Z".parse().unwrap();
    let modes = Modes {
        primary: Some(RameauMode::Mecenat),
        secondary: vec![RameauMode::CooperationEconomique],
        mecenat_kinds: vec![],
    };
    let entry = TimelineEntry {
        at,
        fact: TimelineFact::Stage {
            from: Stage::Rencontre,
            to: Stage::Exploration,
            reason: Some("premier rendez-vous".into()),
        },
    };
    let json = serde_json::to_value(&entry).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"at": "2026-03-12T09:00:00Z", "kind": "stage", "from": "rencontre",
            "to": "exploration", "reason": "premier rendez-vous"})
    );
    assert_eq!(
        serde_json::from_value::<TimelineEntry>(json).unwrap(),
        entry
    );
    assert_eq!(
        entry.text_fr(),
        "Rencontre → Exploration : premier rendez-vous."
    );
    let read: TimelineEntry = serde_json::from_str(
        r#"{"at":"2026-03-12T09:00:00Z","kind":"abandoned","from":"preparation"}"#,
    )
    .unwrap();
    assert_eq!(read.text_fr(), "Abandonné à l'étape « Préparation ».");
    let cases = [
        (TimelineFact::Created { modes: modes.clone() }, "Partenariat créé (mode : mécénat + coopération économique)."),
        (TimelineFact::Created { modes: Modes::default() }, "Partenariat créé (mode : à préciser)."),
        (
            TimelineFact::EventLead { event: "Cafés RSE".into(), date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), round: 2, table: 5 },
            "Rencontre au speed-dating « Cafés RSE » (1er mars 2026), tour 2, table 5 : les deux ont coché « à revoir ».",
        ),
        (TimelineFact::Modes { from: Modes::default(), to: modes }, "Mode : à préciser → mécénat + coopération économique."),
        (TimelineFact::ActionDone { action: "Appeler".into(), owner: Some("Léa".into()) }, "Action faite : Appeler (Léa)"),
        (
            TimelineFact::Measure { indicator: "Élèves".into(), value: 12.5, unit: Some("h".into()), on: NaiveDate::from_ymd_opt(2026, 4, 2).unwrap() },
            "Indicateur « Élèves » : 12,5 h au 02/04/2026.",
        ),
        (TimelineFact::Merged { entity: MergedEntity::Contact, from: "Jean K.".into(), into: "Jean Koenig".into() },
            "Doublons fusionnés : le contact « Jean K. » a été fusionné dans « Jean Koenig »."),
        (TimelineFact::Reopened { to: Stage::Exploration, reason: None }, "Rouvert à l'étape « Exploration »."),
    ];
    for (fact, text) in cases {
        assert_eq!(fact.text_fr(), text);
    }
}

#[test]
fn every_typed_text_of_an_entry_can_be_scrubbed() {
    let mut fact = TimelineFact::ActionDone {
        action: "Appeler Léa".into(),
        owner: Some("Léa".into()),
    };
    for t in fact.texts_mut() {
        *t = t.replace("Léa", "[effacé]");
    }
    assert_eq!(fact.text_fr(), "Action faite : Appeler [effacé] ([effacé])");
}

#[test]
fn days_in_stage_are_whole_days_on_the_callers_calendar() {
    let now = crate::clock::Clock::at(
        chrono::DateTime::parse_from_rfc3339("2026-11-26T09:00:00+01:00").unwrap(),
    );
    let utc = |text: &str| {
        chrono::DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    };
    assert_eq!(days_in_stage(utc("2026-11-26T08:00:00+01:00"), now), 0);
    // 23:30 local the day before is 22:30 UTC: one day, on the local calendar.
    assert_eq!(days_in_stage(utc("2026-11-25T23:30:00+01:00"), now), 1);
    assert_eq!(days_in_stage(utc("2026-11-14T12:00:00+01:00"), now), 12);
    // A clock slightly behind never gives a negative count.
    assert_eq!(days_in_stage(utc("2026-11-27T00:00:00+01:00"), now), 0);
}
