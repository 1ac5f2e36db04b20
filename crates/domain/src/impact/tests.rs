use chrono::NaiveDate;

use super::*;
use crate::partnership::PartyRole;

fn party(id: &str) -> Party {
    Party {
        actor_id: id.into(),
        role: PartyRole::Partenaire,
        contact_id: None,
    }
}

fn answer(id: &str, on: &str) -> PartyEvaluation {
    PartyEvaluation {
        actor_id: id.into(),
        on: NaiveDate::parse_from_str(on, "%Y-%m-%d").unwrap(),
        objectives_met: Some(Rating::PlutotOui),
        balanced: None,
        would_continue: None,
        brought: None,
        gained: None,
        respondent: None,
    }
}

#[test]
fn a_partnership_is_evaluated_once_every_party_has_answered() {
    let parties = [party("a"), party("b")];
    assert_eq!(
        evaluation_state(&parties, &[]),
        EvaluationState::NotEvaluated
    );
    let one = [answer("a", "2026-03-01")];
    assert_eq!(
        evaluation_state(&parties, &one),
        EvaluationState::InProgress
    );
    let both = [
        answer("a", "2026-03-01"),
        answer("b", "2026-04-02"),
        answer("a", "2026-02-01"),
    ];
    assert_eq!(
        evaluation_state(&parties, &both),
        EvaluationState::Evaluated {
            on: NaiveDate::from_ymd_opt(2026, 4, 2).unwrap()
        }
    );
    // An answer from someone who is no longer a party does not complete it.
    let stranger = [answer("a", "2026-03-01"), answer("z", "2026-03-01")];
    assert_eq!(
        evaluation_state(&parties, &stranger),
        EvaluationState::InProgress
    );
}

#[test]
fn levels_and_themes_read_their_codes_and_labels() {
    for l in IndicatorLevel::ALL {
        assert_eq!(IndicatorLevel::parse(l.code()), Some(l));
        assert_eq!(IndicatorLevel::parse(l.label_fr()), Some(l));
        assert_eq!(IndicatorLevel::parse(l.label_en()), Some(l));
    }
    for t in ImpactTheme::ALL {
        assert_eq!(ImpactTheme::parse(t.code()), Some(t));
        assert_eq!(ImpactTheme::parse(t.label_fr()), Some(t));
        assert_eq!(ImpactTheme::parse(t.label_en()), Some(t));
    }
    assert_eq!(ImpactTheme::parse("MOBILITE"), Some(ImpactTheme::Mobilite));
    assert_eq!(ImpactTheme::parse("sport"), None);
}
