use chrono::{DateTime, NaiveDate};

use super::*;
use crate::clock::Clock;
use crate::partnership::{
    Contribution, ContributionKind, Indicator, Measure, PartnershipInput, PartyRole, PartySummary,
    Stage,
};

fn party(id: &str) -> Party {
    Party {
        actor_id: id.into(),
        role: PartyRole::Partenaire,
        contact_id: None,
    }
}

/// Noon on 15 March 2026 in Strasbourg (winter time).
fn clock() -> Clock {
    Clock::at(DateTime::parse_from_rfc3339("2026-03-15T12:00:00+01:00").unwrap())
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn input(actor: &str) -> PartyEvaluationInput {
    PartyEvaluationInput {
        actor_id: actor.into(),
        on: "12/03/2026".into(),
        objectives_met: "plutôt oui".into(),
        balanced: "tout_a_fait".into(),
        would_continue: "3".into(),
        brought: " Des bénévoles ".into(),
        gained: String::new(),
        respondent: "Claire Martin".into(),
    }
}

fn fields(e: &crate::error::ValidationErrors) -> Vec<&str> {
    e.0.iter().map(|f| f.field.as_str()).collect()
}

#[test]
fn ratings_are_read_in_words_codes_or_steps() {
    for (text, r) in [
        ("Plutôt oui", Rating::PlutotOui),
        ("plutot_non", Rating::PlutotNon),
        ("TOUT A FAIT", Rating::ToutAFait),
        ("tout-à-fait", Rating::ToutAFait),
        ("not at all", Rating::PasDuTout),
        ("1", Rating::PasDuTout),
        ("4", Rating::ToutAFait),
    ] {
        assert_eq!(Rating::parse(text), Some(r), "{text}");
    }
    for text in ["5", "0", "oui", ""] {
        assert_eq!(Rating::parse(text), None, "{text}");
    }
}

#[test]
fn a_partys_answers_are_read_and_trimmed() {
    let valid = input("a")
        .validate(&[party("a"), party("b")], clock())
        .unwrap();
    assert_eq!(valid.on, date("2026-03-12"));
    assert_eq!(valid.objectives_met, Some(Rating::PlutotOui));
    assert_eq!(valid.balanced, Some(Rating::ToutAFait));
    assert_eq!(valid.would_continue, Some(Rating::PlutotOui));
    assert_eq!(valid.brought.as_deref(), Some("Des bénévoles"));
    assert_eq!(valid.gained, None);
    // No date: today on the caller's clock.
    let mut undated = input("a");
    undated.on = " ".into();
    assert_eq!(
        undated.validate(&[party("a")], clock()).unwrap().on,
        date("2026-03-15")
    );
}

#[test]
fn only_a_party_evaluates_and_not_in_the_future() {
    let err = input("z").validate(&[party("a")], clock()).unwrap_err();
    assert_eq!(fields(&err), ["actorId"]);
    assert!(err.0[0].message.contains("n'est pas une partie"));
    let mut future = input("a");
    future.on = "16/03/2026".into();
    let err = future.validate(&[party("a")], clock()).unwrap_err();
    assert_eq!(fields(&err), ["on"]);
    assert!(
        err.0[0].message.contains("après aujourd'hui"),
        "{}",
        err.0[0].message
    );
    // Today itself is fine.
    future.on = "15/03/2026".into();
    assert!(future.validate(&[party("a")], clock()).is_ok());
}

#[test]
fn unreadable_answers_name_their_field() {
    let mut bad = input("a");
    bad.on = "31/02/2026".into();
    bad.balanced = "bof".into();
    bad.brought = "x".repeat(EVALUATION_TEXT_MAX + 1);
    bad.respondent = "y".repeat(201);
    let err = bad.validate(&[party("a")], clock()).unwrap_err();
    assert_eq!(fields(&err), ["on", "balanced", "brought", "respondent"]);
    assert!(err.0[1].message.contains("« bof »"));
    let empty = PartyEvaluationInput {
        actor_id: "a".into(),
        ..PartyEvaluationInput::default()
    };
    let err = empty.validate(&[party("a")], clock()).unwrap_err();
    assert_eq!(fields(&err), ["objectivesMet"]);
    assert!(err.0[0].message.starts_with("Aucune réponse"));
}

#[test]
fn each_party_shows_its_newest_answers() {
    let named = |id: &str| PartySummary {
        actor_id: id.into(),
        actor_name: id.to_uppercase(),
        role: PartyRole::Partenaire,
    };
    let answer = |id: &str, on: &str, r: Rating| PartyEvaluation {
        actor_id: id.into(),
        on: date(on),
        objectives_met: Some(r),
        balanced: None,
        would_continue: None,
        brought: None,
        gained: None,
        respondent: None,
    };
    let evaluations = [
        answer("a", "2026-02-01", Rating::PlutotOui),
        answer("a", "2025-02-01", Rating::PasDuTout),
        answer("a", "2026-02-01", Rating::ToutAFait),
    ];
    let latest = latest_evaluations(&[named("a"), named("b")], &evaluations);
    assert_eq!(latest.len(), 2);
    assert_eq!(latest[0].index, Some(2));
    assert_eq!(
        latest[0].evaluation.as_ref().unwrap().objectives_met,
        Some(Rating::ToutAFait)
    );
    assert_eq!(latest[1].evaluation, None);
    assert_eq!(latest[1].index, None);
}

fn contribution(actor: &str, kind: ContributionKind, cents: i64, minutes: i64) -> Contribution {
    Contribution {
        actor_id: actor.into(),
        kind,
        value_cents: cents,
        minutes,
        description: None,
    }
}

#[test]
fn contributions_are_valued_by_kind_and_unvalued_hours_at_the_rate() {
    let values = contribution_values(
        &[party("a"), party("b"), party("c")],
        &[
            contribution("a", ContributionKind::Numeraire, 500_000, 0),
            contribution("a", ContributionKind::Competences, 0, 600),
            contribution("a", ContributionKind::Competences, 40_000, 120),
            contribution("b", ContributionKind::Nature, 12_000, 0),
            contribution("b", ContributionKind::Logistique, 3_000, 30),
            contribution("b", ContributionKind::Achats, 1_000, 0),
        ],
    );
    let a = &values[0];
    assert_eq!(a.money_cents, 500_000);
    assert_eq!(a.skills_minutes, 720);
    // Ten hours at 11,88 €, plus the 400 € stated.
    assert_eq!(a.skills_estimated_cents, 11_880);
    assert_eq!(a.skills_cents, 51_880);
    assert_eq!(a.in_kind_cents, 0);
    assert_eq!(a.total_cents, 551_880);
    let b = &values[1];
    assert_eq!(
        (b.money_cents, b.skills_cents, b.in_kind_cents),
        (0, 0, 16_000)
    );
    assert_eq!(b.total_cents, 16_000);
    assert_eq!(values[2].total_cents, 0);
}

fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

#[test]
fn six_months_in_mise_en_oeuvre_without_a_measure_is_flagged() {
    // Today is 15 March 2026 in Strasbourg: the cutoff is local midnight
    // starting 15 September 2025, at the clock's offset (UTC+1: a clock
    // knows only today's offset, an hour off across a change of time).
    assert_eq!(unmeasured_cutoff(clock()), at("2025-09-14T23:00:00Z"));
    let flagged = |since: &str, measured: bool, stage: Stage| {
        is_unmeasured(stage, at(since), measured, clock())
    };
    assert!(flagged("2025-09-14T22:59:59Z", false, Stage::MiseEnOeuvre));
    assert!(!flagged("2025-09-14T23:00:00Z", false, Stage::MiseEnOeuvre));
    assert!(!flagged("2025-01-01T00:00:00Z", true, Stage::MiseEnOeuvre));
    assert!(!flagged("2025-01-01T00:00:00Z", false, Stage::Evaluation));
    let measured = Indicator {
        name: "x".into(),
        unit: None,
        baseline: None,
        target: None,
        measures: vec![Measure {
            on: date("2025-01-01"),
            value: 1.0,
        }],
        level: None,
        theme: None,
    };
    assert!(is_measured(std::slice::from_ref(&measured)));
    assert!(!is_measured(&[Indicator {
        measures: Vec::new(),
        ..measured
    }]));
}

#[test]
fn a_standard_units_spelling_is_stored_as_its_french_label() {
    let indicator = |unit: &str| Indicator {
        name: "Personnes accompagnées".into(),
        unit: Some(unit.into()),
        baseline: None,
        target: None,
        measures: Vec::new(),
        level: Some(IndicatorLevel::Resultat),
        theme: Some(ImpactTheme::EmploiInsertion),
    };
    let input = PartnershipInput {
        title: "T".into(),
        parties: vec![party("a"), party("b")],
        indicators: vec![
            indicator(" pers. "),
            indicator("Arbres plantés"),
            indicator("T"),
        ],
        ..PartnershipInput::default()
    };
    let valid = input.validate().unwrap();
    let units: Vec<_> = valid
        .indicators
        .iter()
        .map(|i| i.unit.as_deref().unwrap())
        .collect();
    assert_eq!(units, ["personnes", "Arbres plantés", "tonnes"]);
    assert_eq!(valid.indicators[0].level, Some(IndicatorLevel::Resultat));
    assert_eq!(
        valid.indicators[0].theme,
        Some(ImpactTheme::EmploiInsertion)
    );
}

#[test]
fn the_state_reads_in_french() {
    assert_eq!(EvaluationState::NotEvaluated.label_fr(), "Non évalué");
    assert_eq!(EvaluationState::InProgress.label_fr(), "En cours");
    let on = date("2026-03-12");
    assert_eq!(
        EvaluationState::Evaluated { on }.label_fr(),
        "Évalué le 12 mars 2026"
    );
}
