use chrono::NaiveDate;

use super::*;
use crate::impact::ImpactPlace;
use crate::partnership::{Indicator, Measure};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn dates_fall_in_overdue_today_this_week_or_later() {
    // Wednesday 9 December 2026: the week ends on Sunday the 13th.
    let today = day(2026, 12, 9);
    assert_eq!(due_group(day(2026, 12, 8), today), DueGroup::Overdue);
    assert_eq!(due_group(today, today), DueGroup::Today);
    assert_eq!(due_group(day(2026, 12, 10), today), DueGroup::ThisWeek);
    assert_eq!(due_group(day(2026, 12, 13), today), DueGroup::ThisWeek);
    assert_eq!(due_group(day(2026, 12, 14), today), DueGroup::Later);
    // On a Sunday, the week is that day only.
    let sunday = day(2026, 12, 13);
    assert_eq!(due_group(day(2026, 12, 14), sunday), DueGroup::Later);
}

fn action(text: &str, due: Option<NaiveDate>, done: bool) -> NextAction {
    NextAction {
        text: text.into(),
        owner: None,
        due_on: due,
        done,
    }
}

#[test]
fn actions_keep_the_dated_ones_not_done_soonest_first_with_their_index() {
    let today = day(2026, 12, 9);
    let actions = home_actions(
        vec![
            (
                "p1".into(),
                "Bravo".into(),
                vec![
                    action("Done already", Some(day(2026, 12, 1)), true),
                    action("No date", None, false),
                    action("Call back", Some(day(2026, 12, 20)), false),
                ],
            ),
            (
                "p2".into(),
                "Alpha".into(),
                vec![action("Send the draft", Some(day(2026, 12, 2)), false)],
            ),
        ],
        today,
    );
    let seen: Vec<_> = actions
        .iter()
        .map(|a| (a.text.as_str(), a.index, a.group))
        .collect();
    assert_eq!(
        seen,
        [
            ("Send the draft", 0, DueGroup::Overdue),
            ("Call back", 2, DueGroup::Later)
        ]
    );
    let many = (0..30)
        .map(|n| {
            (
                format!("p{n}"),
                format!("T{n}"),
                vec![action("a", Some(today), false)],
            )
        })
        .collect();
    assert_eq!(home_actions(many, today).len(), ACTIONS_SHOWN);
}

fn row(id: &str, stage: Stage, signed: Option<NaiveDate>) -> ImpactRow {
    ImpactRow {
        id: id.into(),
        stage,
        mode: None,
        started_on: day(2025, 1, 1),
        stage_since: day(2025, 1, 1),
        signed_on: signed,
        lead: false,
        parties: vec![],
        contributions: vec![],
        indicators: vec![],
        unit_keys: vec![],
        evaluation: EvaluationState::NotEvaluated,
        place: ImpactPlace::default(),
    }
}

fn indicator(name: &str, measured: &[NaiveDate]) -> Indicator {
    Indicator {
        name: name.into(),
        unit: None,
        baseline: None,
        target: None,
        measures: measured
            .iter()
            .map(|on| Measure {
                on: *on,
                value: 1.0,
            })
            .collect(),
        level: None,
        theme: None,
    }
}

#[test]
fn running_partnerships_are_measured_twice_a_year_and_evaluated_yearly() {
    let today = day(2026, 12, 9);
    let mut signed = row("signed", Stage::MiseEnOeuvre, Some(day(2026, 1, 15)));
    signed.indicators = vec![
        indicator("Jeunes accueillis", &[]),
        indicator("Heures de mentorat", &[day(2026, 11, 2)]),
        indicator("Repas servis", &[day(2026, 6, 20)]),
    ];
    let mut evaluated = row("evaluated", Stage::Evaluation, Some(day(2025, 1, 10)));
    evaluated.evaluation = EvaluationState::Evaluated {
        on: day(2026, 1, 5),
    };
    let abandoned = row("abandoned", Stage::Abandonne, Some(day(2024, 1, 1)));
    let unsigned = row("unsigned", Stage::Exploration, None);
    let due = checks_due(&[signed, evaluated, abandoned, unsigned], today);
    let seen: Vec<_> = due
        .iter()
        .map(|c| {
            (
                c.partnership_id.as_str(),
                c.what.clone(),
                c.due_on,
                c.overdue,
            )
        })
        .collect();
    let measure = |name: &str| CheckKind::Measure {
        indicator: name.into(),
    };
    assert_eq!(
        seen,
        [
            // Never measured: six months after the signature.
            (
                "signed",
                measure("Jeunes accueillis"),
                day(2026, 7, 15),
                true
            ),
            // Measured in June: due in December, within the 30 days ahead.
            ("signed", measure("Repas servis"), day(2026, 12, 20), false),
            // Evaluated in January: due a year later, within 30 days.
            ("evaluated", CheckKind::Evaluation, day(2027, 1, 5), false),
        ]
    );
}

#[test]
fn contacts_are_shown_thirty_days_before_their_review() {
    let today = day(2026, 12, 9);
    let from = review_shown_from(today);
    assert_eq!(from, day(2024, 1, 8));
    assert_eq!(
        crate::contact::review_due_from(from),
        today + Days::new(AHEAD_DAYS)
    );
    assert_eq!(stuck_before(today), day(2026, 9, 10));
}
