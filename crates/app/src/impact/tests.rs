//! The Impact figures against a brute-force computation over generated
//! partnerships (and over the demo territory), under many filters; every
//! figure's drill-down lists as many partnerships as it counts.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use tisserand_domain::impact::{
    unit_key, ImpactFigures, ImpactFilters, ImpactSlice, ImpactTheme, IndicatorLevel, YearStep,
    BENEFICIAIRES,
};
use tisserand_domain::text::fold;
use tisserand_domain::{
    ActorInput, ActorKind, Clock, Contribution, ContributionKind, Indicator, Measure, Modes,
    Partnership, PartnershipInput, PartnershipQuery, Party, PartyRole, RameauMode, Stage,
    TimelineFact,
};

use crate::App;

fn clock() -> Clock {
    Clock::at(chrono::DateTime::parse_from_rfc3339("2026-03-10T10:00:00+01:00").unwrap())
}

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let z = (self.0 ^ (self.0 >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        let z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }
    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }
}

const COMMUNES: &[&str] = &["67462", "67482", "68066", "68224", "67180", "68297"];
const UNITS: &[Option<&str>] = &[
    Some("personnes"),
    Some("pers."),
    Some("bénéficiaires"),
    Some("Bénéficiaire"),
    Some("t"),
    Some("Arbres plantés"),
    None,
];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn random_day(rng: &mut Rng) -> NaiveDate {
    day(2023, 1, 1) + chrono::Days::new(rng.next() % 1150)
}

fn indicator(rng: &mut Rng) -> Indicator {
    let measures = (0..rng.below(4))
        .map(|_| Measure {
            on: random_day(rng),
            value: f64::from(u32::try_from(rng.next() % 500).unwrap()),
        })
        .collect();
    Indicator {
        name: format!("Indicateur {}", rng.next() % 100),
        unit: rng.pick(UNITS).map(str::to_owned),
        baseline: None,
        target: None,
        measures,
        level: rng.pick(&[
            None,
            Some(IndicatorLevel::Realisation),
            Some(IndicatorLevel::Resultat),
        ]),
        theme: rng.pick(&[
            None,
            Some(ImpactTheme::EmploiInsertion),
            Some(ImpactTheme::Mobilite),
            Some(ImpactTheme::VieDuTerritoire),
        ]),
    }
}

fn input(rng: &mut Rng, actors: &[String], i: usize) -> PartnershipInput {
    let mut parties: Vec<String> = Vec::new();
    while parties.len() < 2 + rng.below(2) {
        let a = rng.pick(actors);
        if !parties.contains(&a) {
            parties.push(a);
        }
    }
    let contributions = (0..rng.below(4))
        .map(|_| Contribution {
            actor_id: rng.pick(&parties),
            kind: rng.pick(&ContributionKind::ALL),
            value_cents: i64::try_from(rng.next() % 500_000).unwrap(),
            minutes: i64::try_from(rng.next() % 3_000).unwrap(),
            description: None,
        })
        .collect();
    PartnershipInput {
        title: format!("Partenariat {i}"),
        territory: (0..1 + rng.below(2))
            .map(|_| rng.pick(COMMUNES).to_owned())
            .collect(),
        parties: parties
            .iter()
            .map(|a| Party {
                actor_id: a.clone(),
                role: PartyRole::Partenaire,
                contact_id: None,
            })
            .collect(),
        modes: Modes {
            primary: rng.pick(&[
                None,
                Some(RameauMode::Mecenat),
                Some(RameauMode::InnovationSocietale),
                Some(RameauMode::PratiquesResponsables),
            ]),
            ..Modes::default()
        },
        contributions,
        facilitator: rng
            .pick(&[None, Some("Anne Muller"), Some("Hugo"), Some("anne muller")])
            .map(str::to_owned),
        indicators: (0..rng.below(4)).map(|_| indicator(rng)).collect(),
        ..PartnershipInput::default()
    }
}

fn utc(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_hms_opt(9, 0, 0).unwrap())
}

/// 30 actors and 90 partnerships moved through random stages and backdated.
fn generated() -> App {
    let mut app = App::open_in_memory().unwrap();
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let inputs: Vec<ActorInput> = (0..30)
        .map(|i| ActorInput {
            kind: Some(rng.pick(&ActorKind::ALL)),
            name: format!("Acteur {i}"),
            ..ActorInput::default()
        })
        .collect();
    let actors = app.create_actors(&inputs).unwrap();
    for i in 0..90 {
        let id = app
            .create_partnership(&input(&mut rng, &actors, i))
            .unwrap()
            .id;
        let path = [
            Stage::Exploration,
            Stage::Contractualisation,
            Stage::MiseEnOeuvre,
            Stage::Evaluation,
        ];
        for stage in path.iter().take(rng.below(5)) {
            app.move_partnership(&id, *stage, None).unwrap();
        }
        if rng.below(5) == 0 {
            app.move_partnership(&id, Stage::Abandonne, Some("Plus de budget"))
                .unwrap();
        }
        let created = random_day(&mut rng);
        let since = created + chrono::Days::new(rng.next() % 400);
        app.store
            .backdate_partnership(&id, utc(created), utc(since))
            .unwrap();
    }
    app
}

/// A commune's département and EPCI codes.
type Place = (String, Option<String>);

/// Everything a brute-force computation needs, read the ordinary way.
struct World {
    partnerships: Vec<Partnership>,
    kinds: HashMap<String, ActorKind>,
    /// commune → (département, EPCI)
    places: HashMap<String, Place>,
}

fn world(app: &App) -> World {
    let partnerships: Vec<Partnership> = app
        .list_partnerships(&PartnershipQuery::default(), clock())
        .unwrap()
        .iter()
        .map(|s| app.store.partnership(&s.id).unwrap())
        .collect();
    let mut kinds = HashMap::new();
    let mut places = HashMap::new();
    for p in &partnerships {
        for party in &p.parties {
            let a = app.get_actor(&party.actor_id, clock()).unwrap();
            kinds.insert(party.actor_id.clone(), a.actor.kind);
        }
        for insee in &p.territory {
            let c = app.get_commune(insee).unwrap().unwrap();
            places.insert(insee.clone(), (c.departement.code, c.epci.map(|e| e.code)));
        }
    }
    World {
        partnerships,
        kinds,
        places,
    }
}

fn signed_day(p: &Partnership) -> Option<NaiveDate> {
    let signed = [Stage::MiseEnOeuvre, Stage::Evaluation, Stage::Essaimage];
    for e in &p.timeline {
        if let TimelineFact::Stage { to, .. } | TimelineFact::Reopened { to, .. } = &e.fact {
            if signed.contains(to) {
                return Some(e.at.date_naive());
            }
        }
    }
    signed
        .contains(&p.stage)
        .then(|| p.stage_changed_at.date_naive())
}

fn before_end(d: NaiveDate, f: &ImpactFilters) -> bool {
    f.to.is_none_or(|to| d <= to)
}

fn brute_in_scope(w: &World, p: &Partnership, f: &ImpactFilters) -> bool {
    let place =
        |keep: &dyn Fn(&str, &Place) -> bool| p.territory.iter().any(|c| keep(c, &w.places[c]));
    before_end(p.created_at.date_naive(), f)
        && !(p.stage == Stage::Abandonne
            && f.from
                .is_some_and(|from| p.stage_changed_at.date_naive() < from))
        && f.theme
            .is_none_or(|t| p.indicators.iter().any(|i| i.theme == Some(t)))
        && f.mode.is_none_or(|m| p.modes.primary == Some(m))
        && f.facilitator
            .as_ref()
            .is_none_or(|who| fold(p.facilitator.as_deref().unwrap_or("")) == fold(who))
        && f.commune
            .as_ref()
            .is_none_or(|code| place(&|c, _| c == code))
        && f.departement
            .as_ref()
            .is_none_or(|code| place(&|_, (d, _)| d == code))
        && f.epci
            .as_ref()
            .is_none_or(|code| place(&|_, (_, e)| e.as_deref() == Some(code)))
}

fn brute_latest(i: &Indicator, f: &ImpactFilters) -> Option<f64> {
    let mut best: Option<&Measure> = None;
    for m in &i.measures {
        if before_end(m.on, f) && best.is_none_or(|b| m.on >= b.on) {
            best = Some(m);
        }
    }
    best.map(|m| m.value)
}

type Totals =
    BTreeMap<(Option<ImpactTheme>, Option<IndicatorLevel>, String), (f64, BTreeSet<String>)>;

/// Compares every figure with its brute-force count.
fn check(w: &World, got: &ImpactFigures, f: &ImpactFilters) {
    let scope: Vec<&Partnership> = w
        .partnerships
        .iter()
        .filter(|p| brute_in_scope(w, p, f))
        .collect();
    assert_eq!(got.partnerships as usize, scope.len(), "{f:?}");
    let mut stage_mode = BTreeMap::new();
    for p in &scope {
        *stage_mode.entry((p.stage, p.modes.primary)).or_insert(0u32) += 1;
    }
    let got_stage_mode: BTreeMap<_, _> = got
        .by_stage_and_mode
        .iter()
        .map(|c| ((c.stage, c.mode), c.count))
        .collect();
    assert_eq!(got_stage_mode, stage_mode);
    let signed: Vec<&&Partnership> = scope
        .iter()
        .filter(|p| signed_day(p).is_some_and(|d| before_end(d, f)))
        .collect();
    assert_eq!(got.signed as usize, signed.len());
    let mut money: HashMap<(ContributionKind, Option<RameauMode>), (i64, i64)> = HashMap::new();
    for p in &signed {
        for c in &p.contributions {
            let e = money.entry((c.kind, p.modes.primary)).or_default();
            e.0 += c.value_cents;
            e.1 += c.minutes;
        }
    }
    let got_money: HashMap<_, _> = got
        .contributions
        .iter()
        .map(|c| ((c.kind, c.mode), (c.value_cents, c.minutes)))
        .collect();
    assert_eq!(got_money, money);
    assert_eq!(got.value_cents, money.values().map(|m| m.0).sum::<i64>());
    assert_eq!(got.minutes, money.values().map(|m| m.1).sum::<i64>());
    let mut totals: Totals = BTreeMap::new();
    for p in &scope {
        for i in p
            .indicators
            .iter()
            .filter(|i| f.theme.is_none_or(|t| i.theme == Some(t)))
        {
            if let Some(v) = brute_latest(i, f) {
                let e = totals
                    .entry((i.theme, i.level, unit_key(i.unit.as_deref())))
                    .or_default();
                e.0 += v;
                e.1.insert(p.id.clone());
            }
        }
    }
    assert_eq!(got.indicator_totals.len(), totals.len());
    for t in &got.indicator_totals {
        let (total, ids) = &totals[&(t.theme, t.level, t.unit_key.clone())];
        assert!((t.total - total).abs() < 1e-6, "{t:?}");
        assert_eq!(t.partnerships as usize, ids.len());
    }
    let beneficiaries: f64 = totals
        .iter()
        .filter(|(k, _)| k.2 == BENEFICIAIRES)
        .map(|(_, v)| v.0)
        .sum();
    assert!((got.beneficiaries - beneficiaries).abs() < 1e-6);
    let actors: BTreeSet<&String> = scope
        .iter()
        .flat_map(|p| p.parties.iter().map(|x| &x.actor_id))
        .collect();
    assert_eq!(got.actors_involved as usize, actors.len());
    for k in &got.actors_by_kind {
        assert_eq!(
            k.count as usize,
            actors.iter().filter(|a| w.kinds[**a] == k.kind).count()
        );
    }
    let leads = scope
        .iter()
        .filter(|p| {
            p.timeline
                .iter()
                .any(|e| matches!(e.fact, TimelineFact::EventLead { .. }))
        })
        .count();
    assert_eq!(got.funnel.leads as usize, leads);
    check_years(got, &scope, f);
}

fn check_years(got: &ImpactFigures, scope: &[&Partnership], f: &ImpactFilters) {
    let within = |d: NaiveDate| before_end(d, f) && f.from.is_none_or(|from| d >= from);
    let mut started: BTreeMap<i32, u32> = BTreeMap::new();
    let mut signed: BTreeMap<i32, u32> = BTreeMap::new();
    for p in scope {
        let d = p.created_at.date_naive();
        if within(d) {
            *started.entry(d.year()).or_default() += 1;
        }
        if let Some(d) = signed_day(p).filter(|d| within(*d)) {
            *signed.entry(d.year()).or_default() += 1;
        }
    }
    for y in &got.years {
        assert_eq!(
            y.started,
            started.get(&y.year).copied().unwrap_or(0),
            "{}",
            y.year
        );
        assert_eq!(
            y.signed,
            signed.get(&y.year).copied().unwrap_or(0),
            "{}",
            y.year
        );
    }
    assert_eq!(
        got.years.iter().map(|y| y.started).sum::<u32>(),
        started.values().sum::<u32>()
    );
    assert_eq!(
        got.years.iter().map(|y| y.signed).sum::<u32>(),
        signed.values().sum::<u32>()
    );
}

/// Every figure's drill-down lists as many partnerships as it counts.
fn check_slices(app: &App, got: &ImpactFigures, f: &ImpactFilters) {
    let len = |slice: ImpactSlice| {
        app.list_impact_partnerships(f, &slice, clock())
            .unwrap()
            .len()
    };
    assert_eq!(len(ImpactSlice::All), got.partnerships as usize);
    assert_eq!(len(ImpactSlice::Signed), got.signed as usize);
    assert_eq!(len(ImpactSlice::Evaluated), got.evaluated as usize);
    for c in &got.by_stage_and_mode {
        assert_eq!(
            len(ImpactSlice::StageMode {
                stage: c.stage,
                mode: c.mode
            }),
            c.count as usize
        );
    }
    for t in &got.indicator_totals {
        let slice = ImpactSlice::Indicator {
            theme: t.theme,
            level: t.level,
            unit_key: t.unit_key.clone(),
        };
        assert_eq!(len(slice), t.partnerships as usize);
    }
    for y in &got.years {
        assert_eq!(
            len(ImpactSlice::Year {
                year: y.year,
                step: YearStep::Started
            }),
            y.started as usize
        );
        assert_eq!(
            len(ImpactSlice::Year {
                year: y.year,
                step: YearStep::Signed
            }),
            y.signed as usize
        );
        assert_eq!(
            len(ImpactSlice::Year {
                year: y.year,
                step: YearStep::Evaluated
            }),
            y.evaluated as usize
        );
    }
    for c in &got.contributions {
        let listed = app
            .list_impact_partnerships(
                f,
                &ImpactSlice::Contribution {
                    contribution_kind: c.kind,
                    mode: c.mode,
                },
                clock(),
            )
            .unwrap();
        let cents: i64 = listed
            .iter()
            .flat_map(|s| app.store.partnership(&s.id).unwrap().contributions)
            .filter(|x| x.kind == c.kind)
            .map(|x| x.value_cents)
            .sum();
        assert_eq!(cents, c.value_cents, "{c:?}");
    }
}

fn filter_sets() -> Vec<ImpactFilters> {
    let base = ImpactFilters::default;
    vec![
        base(),
        ImpactFilters {
            from: Some(day(2024, 1, 1)),
            to: Some(day(2024, 12, 31)),
            ..base()
        },
        ImpactFilters {
            from: Some(day(2025, 6, 1)),
            ..base()
        },
        ImpactFilters {
            to: Some(day(2024, 6, 30)),
            ..base()
        },
        ImpactFilters {
            mode: Some(RameauMode::Mecenat),
            ..base()
        },
        ImpactFilters {
            departement: Some("68".into()),
            ..base()
        },
        ImpactFilters {
            commune: Some("67462".into()),
            mode: Some(RameauMode::InnovationSocietale),
            ..base()
        },
        ImpactFilters {
            facilitator: Some("ANNE MÜLLER".into()),
            ..base()
        },
        ImpactFilters {
            theme: Some(ImpactTheme::EmploiInsertion),
            to: Some(day(2025, 12, 31)),
            ..base()
        },
    ]
}

#[test]
fn figures_equal_a_brute_force_count_under_every_filter() {
    let app = generated();
    let w = world(&app);
    for f in filter_sets() {
        let got = app.get_impact(&f, clock()).unwrap();
        check(&w, &got, &f);
        check_slices(&app, &got, &f);
    }
    let all = app.get_impact(&ImpactFilters::default(), clock()).unwrap();
    assert!(
        all.signed > 5 && all.signed < all.partnerships,
        "the data covers both"
    );
    assert!(all.indicator_totals.len() > 3 && all.beneficiaries > 0.0);
    assert!(all.years.len() >= 3);
}

#[test]
fn an_epci_filter_keeps_the_partnerships_of_its_communes() {
    let app = generated();
    let w = world(&app);
    let epci = app
        .get_commune("67462")
        .unwrap()
        .unwrap()
        .epci
        .unwrap()
        .code;
    let f = ImpactFilters {
        epci: Some(epci),
        ..ImpactFilters::default()
    };
    let got = app.get_impact(&f, clock()).unwrap();
    assert!(got.partnerships > 0);
    check(&w, &got, &f);
}

#[test]
fn the_demo_figures_equal_a_brute_force_count() {
    let mut app = App::open_in_memory().unwrap();
    app.load_demo(clock()).unwrap();
    let w = world(&app);
    for f in [
        ImpactFilters::default(),
        ImpactFilters {
            mode: Some(RameauMode::Mecenat),
            ..ImpactFilters::default()
        },
    ] {
        let got = app.get_impact(&f, clock()).unwrap();
        check(&w, &got, &f);
        check_slices(&app, &got, &f);
    }
}

#[test]
fn bad_filters_are_refused_by_name() {
    let app = App::open_in_memory().unwrap();
    let field = |f: ImpactFilters| {
        app.get_impact(&f, clock()).unwrap_err().fields[0]
            .field
            .clone()
    };
    let base = ImpactFilters::default;
    assert_eq!(
        field(ImpactFilters {
            from: Some(day(2025, 2, 1)),
            to: Some(day(2025, 1, 1)),
            ..base()
        }),
        "to"
    );
    assert_eq!(
        field(ImpactFilters {
            commune: Some("99999".into()),
            ..base()
        }),
        "commune"
    );
    assert_eq!(
        field(ImpactFilters {
            departement: Some("999".into()),
            ..base()
        }),
        "departement"
    );
    assert_eq!(
        field(ImpactFilters {
            epci: Some("123".into()),
            ..base()
        }),
        "epci"
    );
}

/// The figures are read once and kept until the next write: every kind of
/// write shows at once (a new partnership, a move, a deletion).
#[test]
fn the_figures_follow_every_write() {
    let mut app = generated();
    let all = ImpactFilters::default();
    let mut rng = Rng(7);
    let actors: Vec<String> = world(&app).kinds.keys().take(5).cloned().collect();
    let before = app.get_impact(&all, clock()).unwrap();
    let id = app
        .create_partnership(&input(&mut rng, &actors, 999))
        .unwrap()
        .id;
    let created = app.get_impact(&all, clock()).unwrap();
    assert_eq!(created.partnerships, before.partnerships + 1);
    check(&world(&app), &created, &all);
    for stage in [
        Stage::Exploration,
        Stage::Contractualisation,
        Stage::MiseEnOeuvre,
    ] {
        app.move_partnership(&id, stage, None).unwrap();
    }
    let moved = app.get_impact(&all, clock()).unwrap();
    check(&world(&app), &moved, &all);
    app.delete_partnership(&id).unwrap();
    let deleted = app.get_impact(&all, clock()).unwrap();
    assert_eq!(deleted, before);
}

/// What the store keeps between reads equals a fresh read, and so do the
/// figures folded from it.
fn kept_is_fresh(app: &mut App, after: &str) {
    let all = ImpactFilters::default();
    let today = clock().today();
    let kept = app.store.impact_data(&all, today).unwrap();
    let kept_figures = app.get_impact(&all, clock()).unwrap();
    app.store.forget_reads();
    let fresh = app.store.impact_data(&all, today).unwrap();
    assert_eq!(kept.rows, fresh.rows, "rows after {after}");
    assert_eq!(kept.actors, fresh.actors, "actors after {after}");
    assert_eq!(kept.meetings, fresh.meetings, "meetings after {after}");
    assert_eq!(
        kept_figures,
        app.get_impact(&all, clock()).unwrap(),
        "figures after {after}"
    );
    check(&world(app), &kept_figures, &all);
}

/// The figures kept between reads follow each kind of write row by row
/// (parties, territory, evaluations, an actor's kind, an event's meetings
/// and leads, deletions and undos) and equal a fresh read every time.
#[test]
fn the_kept_figures_equal_a_fresh_read_after_every_kind_of_write() {
    use tisserand_domain::event::{EventInput, MeetingCapture};
    let mut app = generated();
    let mut rng = Rng(11);
    let actors: Vec<String> = world(&app).kinds.keys().cloned().collect();
    kept_is_fresh(&mut app, "the first read");

    let id = app
        .create_partnership(&input(&mut rng, &actors, 500))
        .unwrap()
        .id;
    kept_is_fresh(&mut app, "a creation");
    for stage in [
        Stage::Exploration,
        Stage::Contractualisation,
        Stage::MiseEnOeuvre,
    ] {
        app.move_partnership(&id, stage, None).unwrap();
    }
    kept_is_fresh(&mut app, "moves to a signed stage");

    let p = app.store.partnership(&id).unwrap();
    let mut other = input(&mut rng, &actors, 501);
    other.title = "A — first by title now".into();
    let p = app.update_partnership(&id, p.version, &other).unwrap();
    kept_is_fresh(&mut app, "new parties, territory and title");

    let answers = tisserand_domain::impact::PartyEvaluationInput {
        actor_id: p.parties[0].actor_id.clone(),
        on: "01/03/2026".into(),
        objectives_met: "Tout à fait".into(),
        balanced: "plutôt oui".into(),
        would_continue: "tout_a_fait".into(),
        ..tisserand_domain::impact::PartyEvaluationInput::default()
    };
    app.evaluate_partnership(&id, p.version, &answers, clock())
        .unwrap();
    kept_is_fresh(&mut app, "an evaluation");

    let party = app.store.actor(&p.parties[1].actor_id).unwrap();
    let kind = ActorKind::ALL
        .into_iter()
        .find(|k| Some(*k) != Some(party.kind))
        .unwrap();
    let mut edited = party.to_input();
    edited.kind = Some(kind);
    app.update_actor(&party.id, &edited).unwrap();
    kept_is_fresh(&mut app, "a party's new kind");

    let event = app
        .create_event(&EventInput {
            name: "Speed-dating".into(),
            date: "05/03/2026".into(),
            rounds: 2,
            tables: 2,
            ..EventInput::default()
        })
        .unwrap();
    for (n, kind) in [
        ActorKind::Association,
        ActorKind::Association,
        ActorKind::Entreprise,
        ActorKind::Entreprise,
    ]
    .into_iter()
    .enumerate()
    {
        let actor = app
            .create_actor(&ActorInput {
                kind: Some(kind),
                name: format!("Participant {n}"),
                ..ActorInput::default()
            })
            .unwrap();
        app.add_event_participant(&event.id, &actor.id, None, None)
            .unwrap();
    }
    app.plan_event(&event.id).unwrap();
    kept_is_fresh(&mut app, "a planned event");
    let meeting = app.get_event(&event.id).unwrap().meetings[0].clone();
    app.capture_event_meeting(
        &event.id,
        &MeetingCapture {
            round: meeting.round,
            table: meeting.table,
            seated_tick: true,
            visitor_tick: true,
            seated_note: None,
            visitor_note: None,
        },
    )
    .unwrap();
    app.create_event_leads(&event.id, clock()).unwrap();
    kept_is_fresh(&mut app, "a lead from a meeting");
    app.set_event_played_rounds(&event.id, 2).unwrap();
    kept_is_fresh(&mut app, "rounds played");
    app.delete_event(&event.id).unwrap();
    kept_is_fresh(&mut app, "an event deleted");
    app.restore_event(&event.id).unwrap();
    kept_is_fresh(&mut app, "an event's undo");

    app.delete_partnership(&id).unwrap();
    kept_is_fresh(&mut app, "a deletion");
    app.restore_partnership(&id).unwrap();
    kept_is_fresh(&mut app, "an undo");
}
