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

mod figures {
    use std::collections::HashMap;

    use chrono::NaiveDate;

    use crate::actor::ActorKind;
    use crate::impact::{
        impact_figures, slice_ids, EvaluationState, FunnelStep, ImpactActor, ImpactData,
        ImpactFilters, ImpactPlace, ImpactRow, ImpactSlice, YearStep,
    };
    use crate::partnership::Stage;

    fn day(n: u64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(n)
    }

    /// Rows whose leads, signatures, evaluations and actors met at events
    /// vary with `i`.
    fn data() -> ImpactData {
        let mut actors = HashMap::new();
        for a in 0..12u64 {
            actors.insert(
                format!("a{a}"),
                ImpactActor {
                    kind: ActorKind::ALL[usize::try_from(a).unwrap() % ActorKind::ALL.len()],
                    first_met_on: (a % 3 != 0).then(|| day(a * 40)),
                    first_partnership_on: Some(day(200)),
                },
            );
        }
        let rows = (0..40u64)
            .map(|i| ImpactRow {
                id: format!("p{i}"),
                stage: Stage::ALL[usize::try_from(i).unwrap() % Stage::ALL.len()],
                mode: None,
                started_on: day(i * 20),
                stage_since: day(i * 20 + 30),
                signed_on: (i % 2 == 0).then(|| day(i * 20 + 60)),
                lead: i % 3 == 0,
                parties: vec![format!("a{}", i % 12), format!("a{}", (i + 5) % 12)],
                contributions: Vec::new(),
                indicators: Vec::new(),
                unit_keys: Vec::new(),
                evaluation: if i % 4 == 0 {
                    EvaluationState::Evaluated {
                        on: day(i * 20 + 90),
                    }
                } else {
                    EvaluationState::NotEvaluated
                },
                place: ImpactPlace::default(),
            })
            .collect::<Vec<_>>();
        ImpactData {
            rows: rows.into(),
            actors: actors.into(),
            meetings: 77,
        }
    }

    #[test]
    fn met_at_events_evaluated_and_the_funnel_count_as_their_rules_say() {
        let d = data();
        let f = ImpactFilters {
            to: Some(day(500)),
            ..ImpactFilters::default()
        };
        let got = impact_figures(&d, &f);
        let scope: Vec<&ImpactRow> = d.rows.iter().filter(|r| r.started_on <= day(500)).collect();
        assert_eq!(got.partnerships as usize, scope.len());
        // Met first: a meeting on or before the first partnership (day 200).
        let involved: std::collections::BTreeSet<&String> =
            scope.iter().flat_map(|r| &r.parties).collect();
        let met = involved
            .iter()
            .filter(|a| d.actors[**a].first_met_on.is_some_and(|m| m <= day(200)))
            .count();
        assert_eq!(got.actors_met_at_events as usize, met);
        assert!(met > 0 && met < involved.len());
        let signed = |r: &&&ImpactRow| r.signed_on.is_some_and(|s| s <= day(500));
        let evaluated = |r: &&&ImpactRow| {
            signed(r) && matches!(r.evaluation, EvaluationState::Evaluated { on } if on <= day(500))
        };
        assert_eq!(got.signed as usize, scope.iter().filter(signed).count());
        assert_eq!(
            got.evaluated as usize,
            scope.iter().filter(evaluated).count()
        );
        assert!(got.evaluated > 0 && got.evaluated < got.signed);
        assert_eq!(
            got.evaluated_share,
            Some(f64::from(got.evaluated) / f64::from(got.signed))
        );
        assert_eq!(got.funnel.meetings, 77);
        assert_eq!(
            got.funnel.leads as usize,
            scope.iter().filter(|r| r.lead).count()
        );
        assert_eq!(
            got.funnel.signed as usize,
            scope.iter().filter(|r| r.lead).filter(signed).count()
        );
        assert_eq!(
            got.funnel.evaluated as usize,
            scope.iter().filter(|r| r.lead).filter(evaluated).count()
        );
        let len = |s: ImpactSlice| slice_ids(&d, &s, &f).len();
        assert_eq!(
            len(ImpactSlice::Funnel {
                step: FunnelStep::Leads
            }),
            got.funnel.leads as usize
        );
        assert_eq!(
            len(ImpactSlice::Funnel {
                step: FunnelStep::Signed
            }),
            got.funnel.signed as usize
        );
        assert_eq!(
            len(ImpactSlice::Funnel {
                step: FunnelStep::Evaluated
            }),
            got.funnel.evaluated as usize
        );
        assert_eq!(len(ImpactSlice::Evaluated), got.evaluated as usize);
        for y in &got.years {
            let step = YearStep::Evaluated;
            assert_eq!(
                len(ImpactSlice::Year { year: y.year, step }),
                y.evaluated as usize
            );
        }
        // The partnerships of actors met first hold every such actor.
        let ids = slice_ids(&d, &ImpactSlice::MetAtEvents, &f);
        let listed: std::collections::BTreeSet<&String> = d
            .rows
            .iter()
            .filter(|r| ids.contains(&r.id))
            .flat_map(|r| &r.parties)
            .filter(|a| d.actors[*a].first_met_on.is_some_and(|m| m <= day(200)))
            .collect();
        assert_eq!(listed.len(), met);
        for k in &got.actors_by_kind {
            let ids = slice_ids(&d, &ImpactSlice::ActorKind { actor_kind: k.kind }, &f);
            let of_kind: std::collections::BTreeSet<&String> = d
                .rows
                .iter()
                .filter(|r| ids.contains(&r.id))
                .flat_map(|r| &r.parties)
                .filter(|a| d.actors[*a].kind == k.kind)
                .collect();
            assert_eq!(of_kind.len(), k.count as usize);
        }
    }

    #[test]
    fn a_partnership_abandoned_before_the_period_does_not_count() {
        let mut d = data();
        let rows = std::sync::Arc::make_mut(&mut d.rows);
        rows.truncate(1);
        rows[0].stage = Stage::Abandonne;
        rows[0].stage_since = day(10);
        let during = |from| ImpactFilters {
            from: Some(day(from)),
            ..ImpactFilters::default()
        };
        assert_eq!(impact_figures(&d, &during(5)).partnerships, 1);
        assert_eq!(impact_figures(&d, &during(11)).partnerships, 0);
    }

    #[test]
    fn signed_is_the_first_move_into_mise_en_oeuvre_or_later() {
        use chrono::{TimeZone, Utc};
        let t = |d: u32| Utc.with_ymd_and_hms(2025, 3, d, 10, 0, 0).unwrap();
        let moves = [
            (t(2), Stage::Preparation),
            (t(5), Stage::Evaluation),
            (t(9), Stage::MiseEnOeuvre),
        ];
        assert_eq!(
            crate::impact::signed_on(moves, Stage::Abandonne, t(20)),
            Some(t(5).date_naive())
        );
        assert_eq!(
            crate::impact::signed_on([], Stage::MiseEnOeuvre, t(7)),
            Some(t(7).date_naive())
        );
        assert_eq!(
            crate::impact::signed_on([(t(2), Stage::Preparation)], Stage::Preparation, t(7)),
            None
        );
    }
}
