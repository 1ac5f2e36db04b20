//! `tisserand bench`: generates a large directory in a fresh database file
//! and prints how long the store takes for the directory's everyday work.
//! Figures, not pass/fail: these machines are shared and noisy.

use std::time::{Duration, Instant};

use clap::{Args, Subcommand};
use tisserand_app::{App, AppError, ErrorKind};
use tisserand_domain::impact::{ImpactFilters, ImpactSlice, ImpactTheme, IndicatorLevel};
use tisserand_domain::{
    ActorInput, ActorKind, ActorQuery, ContactInput, Contribution, ContributionKind, Indicator,
    Measure, Modes, NextAction, PartnershipInput, PartnershipQuery, PartnershipSort, Party,
    PartyRole, RameauMode, Resource, ResourceCategory, Stage,
};

#[derive(Args)]
pub(crate) struct BenchArgs {
    #[arg(long, default_value_t = 100_000)]
    actors: usize,
    #[arg(long, default_value_t = 200_000)]
    contacts: usize,
    #[arg(long, default_value_t = 10_000)]
    partnerships: usize,
    /// Keep the generated database at this path (for measuring the window).
    #[arg(long, value_name = "PATH")]
    keep: Option<std::path::PathBuf>,
    #[command(subcommand)]
    what: Option<BenchWhat>,
}

/// A bench of one part only, instead of the directory's and the pipeline's.
#[derive(Subcommand, Clone, Copy)]
enum BenchWhat {
    /// The Impact page's figures over --partnerships partnerships with
    /// contributions, measured indicators and signatures (no contacts).
    Impact,
}

/// A small deterministic generator (xorshift), so every run measures the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let n = u64::try_from(items.len()).unwrap_or(1);
        &items[usize::try_from(self.next() % n).unwrap_or(0)]
    }
}

pub(crate) const FIRST: &[&str] = &[
    "Anne", "Jean", "Léa", "Hugo", "Chloé", "Karim", "Aïcha", "Théo", "Inès", "Lucas", "Zoé",
    "Mathis", "Émilie", "Nour", "Pierre", "Camille", "Yasmine", "Julien", "Sophie", "Mehdi",
];
pub(crate) const LAST: &[&str] = &[
    "Muller",
    "Schmitt",
    "Meyer",
    "Weber",
    "Klein",
    "Fischer",
    "Wagner",
    "Hoffmann",
    "Bauer",
    "Schneider",
    "Benali",
    "Nguyen",
    "Diallo",
    "Rodrigues",
    "Yilmaz",
    "Martin",
    "Bernard",
    "Keller",
    "Roth",
    "Koenig",
];
const HEAD: &[&str] = &[
    "Atelier",
    "Association",
    "Collectif",
    "Menuiserie",
    "Boulangerie",
    "Épicerie",
    "Transports",
    "Jardins",
    "Maison",
    "Compagnie",
    "Cabinet",
    "Garage",
    "Fondation",
    "Ressourcerie",
    "Brasserie",
    "Imprimerie",
    "Chantier",
    "École",
    "Centre",
    "Réseau",
];
const TAIL: &[&str] = &[
    "du Ried",
    "de l'Ill",
    "des Vosges",
    "solidaire",
    "Saint-Nicolas",
    "du Kochersberg",
    "de la Hardt",
    "Outre-Forêt",
    "du Vignoble",
    "des Trois Frontières",
    "Rhénan",
    "d'Alsace",
    "Bleu Ciel",
    "des Cigognes",
    "du Florival",
    "Sundgau",
    "de la Bruche",
    "Ackerland",
    "Hirondelle",
    "Zorn",
];
const COMMUNES: &[&str] = &[
    "67482", "67462", "68066", "68224", "67180", "67437", "67348", "68297", "67218", "68269",
    "67130", "67544", "67046", "68112", "67267", "68019", "67447", "67043", "68376", "67001",
];
const TAGS: &[&str] = &[
    "insertion",
    "numérique",
    "environnement",
    "handicap",
    "jeunesse",
    "alimentation",
    "mobilité",
    "culture",
    "économie circulaire",
    "sport",
    "santé",
    "logement",
];
const NEEDS: &[&str] = &[
    "Une salle de réunion le samedi",
    "Aide en comptabilité",
    "Un véhicule utilitaire",
    "Financement d'un poste",
    "Bénévoles pour la collecte",
    "Conseil juridique",
    "Ordinateurs reconditionnés",
    "Visibilité auprès des salariés",
];

fn actor(rng: &mut Rng, i: usize) -> ActorInput {
    let kind = *rng.pick(&ActorKind::ALL);
    let category = *rng.pick(&ResourceCategory::ALL);
    ActorInput {
        kind: Some(kind),
        name: format!("{} {} {i}", rng.pick(HEAD), rng.pick(TAIL)),
        commune_insee: Some((*rng.pick(COMMUNES)).to_owned()),
        sector: Some("Économie sociale et solidaire".to_owned()),
        needs: vec![Resource {
            category,
            subcategory: None,
            text: (*rng.pick(NEEDS)).to_owned(),
        }],
        offers: vec![Resource {
            category: *rng.pick(&ResourceCategory::ALL),
            subcategory: None,
            text: (*rng.pick(NEEDS)).to_owned(),
        }],
        tags: vec![(*rng.pick(TAGS)).to_owned(), (*rng.pick(TAGS)).to_owned()],
        notes: Some(format!(
            "Rencontré au forum n° {}. Intéressé par un partenariat.",
            rng.next() % 100
        )),
        ..ActorInput::default()
    }
}

struct Samples(Vec<Duration>);

impl Samples {
    fn percentile(&mut self, p: f64) -> Duration {
        self.0.sort();
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let idx = (((self.0.len() as f64) * p).ceil() as usize).saturating_sub(1);
        self.0.get(idx).copied().unwrap_or_default()
    }
    fn report(&mut self, what: &str) {
        let n = self.0.len();
        let p50 = self.percentile(0.50);
        let p95 = self.percentile(0.95);
        let max = self.0.last().copied().unwrap_or_default();
        out!(
            "{what:<40} n={n:<5} p50={:>8.3} ms  p95={:>8.3} ms  max={:>8.3} ms",
            ms(p50),
            ms(p95),
            ms(max)
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

pub(crate) fn run(args: &BenchArgs) -> Result<(), AppError> {
    let dir = std::env::temp_dir().join(format!("tisserand-bench-{}", std::process::id()));
    let path = args
        .keep
        .clone()
        .unwrap_or_else(|| dir.join("bench.sqlite3"));
    let mut app = open_new(&path, args)?;
    let mut rng = Rng(0x5eed_cafe_f00d_1234);
    let ids = insert_actors(&mut app, &mut rng, args.actors)?;
    if matches!(args.what, Some(BenchWhat::Impact)) {
        impact(&mut app, &mut rng, &ids, args.partnerships)?;
        drop(app);
        if args.keep.is_none() {
            let _ = std::fs::remove_dir_all(&dir);
        }
        return Ok(());
    }
    insert_contacts(&mut app, &mut rng, &ids, args.contacts)?;
    search(&app)?;
    list_pages(&app, &mut rng, args.actors)?;
    open_actors(&app, &mut rng, &ids)?;
    let (r, t) = time(|| app.get_actor_facets());
    r?;
    out!("{:<40} {:>8.1} ms", "filter facets", ms(t));
    if args.partnerships > 0 && ids.len() >= 2 {
        partnerships(&mut app, &mut rng, &ids, args.partnerships)?;
    }
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    out!("{:<40} {:>8.1} MB", "database file", size as f64 / 1e6);
    drop(app);
    if args.keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}

/// Opens a new database at `path` (refused when the file exists), timed.
fn open_new(path: &std::path::Path, args: &BenchArgs) -> Result<App, AppError> {
    if path.exists() {
        return Err(AppError::new(
            ErrorKind::Conflict,
            format!(
                "Le fichier {} existe déjà : choisissez un autre chemin.",
                path.display()
            ),
            format!("{} already exists: choose another path.", path.display()),
        ));
    }
    let (app, open_time) = time(|| App::open(path));
    let app = app?;
    out!(
        "Tisserand bench: {} actors, {} contacts, database {}",
        args.actors,
        args.contacts,
        path.display()
    );
    out!(
        "{:<40} {:>8.1} ms",
        "open + load communes referential",
        ms(open_time)
    );
    Ok(app)
}

/// Inserts `n` generated actors in one transaction; their ids.
fn insert_actors(app: &mut App, rng: &mut Rng, n: usize) -> Result<Vec<String>, AppError> {
    let inputs: Vec<ActorInput> = (0..n).map(|i| actor(rng, i)).collect();
    let (ids, t) = time(|| app.create_actors(&inputs));
    let ids = ids?;
    out!(
        "{:<40} {:>8.1} ms  ({:.0} actors/s)",
        format!("insert {} actors (one transaction)", ids.len()),
        ms(t),
        ids.len() as f64 / t.as_secs_f64().max(1e-9)
    );
    Ok(ids)
}

/// Inserts `n` generated contacts of the actors `ids`.
fn insert_contacts(app: &mut App, rng: &mut Rng, ids: &[String], n: usize) -> Result<(), AppError> {
    let contacts: Vec<ContactInput> = (0..n)
        .map(|i| {
            let first = *rng.pick(FIRST);
            let last = *rng.pick(LAST);
            ContactInput {
                actor_id: Some(rng.pick(ids).clone()),
                first_name: first.to_owned(),
                last_name: last.to_owned(),
                role: Some("Chargée de mission".to_owned()),
                email: Some(format!("contact{i}@exemple.fr")),
                ..ContactInput::default()
            }
        })
        .collect();
    if !contacts.is_empty() {
        let (n, t) = time(|| app.create_contacts(&contacts));
        out!(
            "{:<40} {:>8.1} ms",
            format!("insert {} contacts", n?.len()),
            ms(t)
        );
    }
    Ok(())
}

/// Twenty everyday searches, ten times each.
fn search(app: &App) -> Result<(), AppError> {
    let queries = [
        "selestat",
        "sel",
        "colmar",
        "muller",
        "atelier ried",
        "insertion",
        "jardins vosges",
        "comptabilité",
        "schmitt",
        "épicerie solidaire",
        "mulhouse",
        "numérique",
        "salle samedi",
        "hugo weber",
        "transports",
        "ecole",
        "brasserie zorn",
        "cigognes",
        "haguenau",
        "fondation",
    ];
    let mut search = Samples(Vec::new());
    for _ in 0..10 {
        for q in queries {
            let (r, t) = time(|| app.search(q, 20));
            r?;
            search.0.push(t);
        }
    }
    search.report("search (20 hits, actors + contacts)");
    Ok(())
}

/// Pages of the directory at random offsets, and first pages of filters.
fn list_pages(app: &App, rng: &mut Rng, actors: usize) -> Result<(), AppError> {
    let mut list = Samples(Vec::new());
    let mut filtered = Samples(Vec::new());
    for i in 0..200u32 {
        let offset =
            u32::try_from(rng.next() % u64::try_from(actors.max(1)).unwrap_or(1)).unwrap_or(0);
        let (r, t) = time(|| {
            app.list_actors(&ActorQuery {
                offset,
                limit: 100,
                ..ActorQuery::default()
            })
        });
        r?;
        list.0.push(t);
        let q = match i % 4 {
            0 => ActorQuery {
                kind: Some(ActorKind::Association),
                ..ActorQuery::default()
            },
            1 => ActorQuery {
                departement: Some("68".into()),
                ..ActorQuery::default()
            },
            2 => ActorQuery {
                tag: Some("insertion".into()),
                ..ActorQuery::default()
            },
            _ => ActorQuery {
                text: Some("jardins".into()),
                ..ActorQuery::default()
            },
        };
        let (r, t) = time(|| app.list_actors(&ActorQuery { limit: 100, ..q }));
        r?;
        filtered.0.push(t);
    }
    list.report("page of 100 rows (random offset)");
    filtered.report("page of 100 rows (filtered, first page)");
    Ok(())
}

/// Opens 500 random actors.
fn open_actors(app: &App, rng: &mut Rng, ids: &[String]) -> Result<(), AppError> {
    let mut open = Samples(Vec::new());
    for _ in 0..500 {
        let id = rng.pick(ids).clone();
        let (r, t) = time(|| app.get_actor(&id, crate::clock::now()));
        r?;
        open.0.push(t);
    }
    open.report("open an actor (with commune, contacts)");
    Ok(())
}

fn partnership(rng: &mut Rng, ids: &[String], i: usize) -> PartnershipInput {
    let a = rng.pick(ids).clone();
    let mut b = rng.pick(ids).clone();
    while b == a {
        b = rng.pick(ids).clone();
    }
    let mode = *rng.pick(&[
        RameauMode::Mecenat,
        RameauMode::CooperationEconomique,
        RameauMode::InnovationSocietale,
        RameauMode::PratiquesResponsables,
    ]);
    PartnershipInput {
        title: format!("Partenariat {} n° {i}", rng.pick(TAIL)),
        summary: None,
        territory: vec![(*rng.pick(COMMUNES)).to_owned()],
        parties: vec![
            Party {
                actor_id: a.clone(),
                role: PartyRole::Financeur,
                contact_id: None,
            },
            Party {
                actor_id: b,
                role: PartyRole::Beneficiaire,
                contact_id: None,
            },
        ],
        modes: Modes {
            primary: Some(mode),
            secondary: Vec::new(),
            mecenat_kinds: Vec::new(),
        },
        contributions: vec![Contribution {
            actor_id: a,
            kind: ContributionKind::Numeraire,
            value_cents: i64::try_from(rng.next() % 1_000_000).unwrap_or(0),
            minutes: 0,
            description: None,
        }],
        counterparts: Vec::new(),
        facilitator: Some((*rng.pick(FIRST)).to_owned()),
        tags: vec![(*rng.pick(TAGS)).to_owned()],
        origin: None,
        next_actions: vec![NextAction {
            text: "Relancer les deux parties".to_owned(),
            owner: None,
            // A third overdue, the rest within the year.
            due_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
                .and_then(|d| d.checked_add_days(chrono::Days::new(rng.next() % 540))),
            done: false,
        }],
        objectives: Vec::new(),
        indicators: Vec::new(),
    }
}

fn partnerships(app: &mut App, rng: &mut Rng, ids: &[String], n: usize) -> Result<(), AppError> {
    let (created, t) = time(|| {
        (0..n)
            .map(|i| {
                app.create_partnership(&partnership(rng, ids, i))
                    .map(|p| p.id)
            })
            .collect::<Result<Vec<_>, _>>()
    });
    let created = created?;
    println!(
        "{:<40} {:>8.1} ms",
        format!("create {n} partnerships (one by one)"),
        ms(t)
    );
    let mut moved = Samples(Vec::new());
    for id in created.iter().take(300) {
        let stage = *rng.pick(&Stage::ALL[1..7]);
        let (r, t) = time(|| app.move_partnership(id, stage, None));
        r?;
        moved.0.push(t);
    }
    boards(app)?;
    partnership_lists(app, n)?;
    let mut possible = Samples(Vec::new());
    for _ in 0..50 {
        let id = rng.pick(ids);
        let (r, t) = time(|| app.list_possibles(id, 20));
        r?;
        possible.0.push(t);
    }
    possible.report(&format!("champ des possibles (of {} actors)", ids.len()));
    moved.report("move a card to another stage");
    home(app, &created)
}

/// The Accueil page: its first read (every list, the running partnerships'
/// measurements read once), after a write (an action marked done), and
/// again.
fn home(app: &mut App, partnerships: &[String]) -> Result<(), AppError> {
    let now = crate::clock::now;
    app.forget_reads();
    let (r, t) = time(|| app.get_home(now()));
    r?;
    out!("{:<40} {:>8.1} ms", "accueil: first read", ms(t));
    let mut after_write = Samples(Vec::new());
    for id in partnerships.iter().take(10) {
        app.note_partnership(id, "Relance faite")?;
        let (r, t) = time(|| app.get_home(now()));
        r?;
        after_write.0.push(t);
    }
    after_write.report("accueil: after a write");
    let mut again = Samples(Vec::new());
    for _ in 0..20 {
        let (r, t) = time(|| app.get_home(now()));
        r?;
        again.0.push(t);
    }
    again.report("accueil: again");
    Ok(())
}

/// The board with no filter and with each kind of filter.
fn boards(app: &App) -> Result<(), AppError> {
    let queries = [
        (
            "board: 50 cards a column, no filter",
            PartnershipQuery::default(),
        ),
        (
            "board: one mode",
            PartnershipQuery {
                mode: Some(RameauMode::Mecenat),
                ..PartnershipQuery::default()
            },
        ),
        (
            "board: one département",
            PartnershipQuery {
                departement: Some("67".to_owned()),
                ..PartnershipQuery::default()
            },
        ),
        (
            "board: overdue",
            PartnershipQuery {
                overdue: true,
                ..PartnershipQuery::default()
            },
        ),
    ];
    for (what, q) in &queries {
        let mut board = Samples(Vec::new());
        for _ in 0..20 {
            let (r, t) = time(|| app.get_partnership_board(q, 50, crate::clock::now()));
            r?;
            board.0.push(t);
        }
        board.report(what);
    }
    Ok(())
}

/// The list view's first page, the overview, and every card at once.
fn partnership_lists(app: &App, n: usize) -> Result<(), AppError> {
    let mut page = Samples(Vec::new());
    let mut overview = Samples(Vec::new());
    let mut all = Samples(Vec::new());
    for _ in 0..10 {
        let q = PartnershipQuery::default();
        let (r, t) = time(|| {
            app.get_partnership_page(
                &q,
                PartnershipSort::NextDue,
                false,
                0,
                100,
                crate::clock::now(),
            )
        });
        r?;
        page.0.push(t);
        let (r, t) = time(|| app.get_partnership_overview());
        r?;
        overview.0.push(t);
        let (r, t) = time(|| app.list_partnerships(&q, crate::clock::now()));
        r?;
        all.0.push(t);
    }
    page.report("list view: 100 rows by next due date");
    overview.report("overview: matrix and counts");
    all.report(&format!("every card at once ({n}, command line)"));
    Ok(())
}

/// A partnership as the Impact bench creates it: `partnership` plus three
/// measured indicators and skills given.
fn impact_partnership(rng: &mut Rng, ids: &[String], i: usize) -> PartnershipInput {
    let mut p = partnership(rng, ids, i);
    let giver = p.parties[0].actor_id.clone();
    p.contributions.push(Contribution {
        actor_id: giver,
        kind: ContributionKind::Competences,
        value_cents: i64::try_from(rng.next() % 300_000).unwrap_or(0),
        minutes: i64::try_from(rng.next() % 6_000).unwrap_or(0),
        description: Some("Mécénat de compétences".to_owned()),
    });
    let units = ["bénéficiaires", "personnes", "tonnes"];
    p.indicators = units
        .iter()
        .enumerate()
        .map(|(k, unit)| Indicator {
            name: format!("Indicateur {k}"),
            unit: Some((*unit).to_owned()),
            baseline: None,
            target: Some(100.0),
            measures: (0..4u64)
                .map(|m| Measure {
                    on: chrono::NaiveDate::from_ymd_opt(2024, 1, 15)
                        .and_then(|d| {
                            d.checked_add_days(chrono::Days::new(m * 120 + rng.next() % 90))
                        })
                        .unwrap_or_default(),
                    value: f64::from(u32::try_from(rng.next() % 200).unwrap_or(0)),
                })
                .collect(),
            level: Some(*rng.pick(&IndicatorLevel::ALL)),
            theme: Some(*rng.pick(&ImpactTheme::ALL)),
        })
        .collect();
    p
}

/// Creates `n` partnerships for the Impact bench, half of them signed.
fn impact(app: &mut App, rng: &mut Rng, ids: &[String], n: usize) -> Result<(), AppError> {
    let (created, t) = time(|| {
        (0..n)
            .map(|i| {
                let id = app.create_partnership(&impact_partnership(rng, ids, i))?.id;
                for stage in &Stage::ALL[1..=(rng.next() % 6) as usize] {
                    app.move_partnership(&id, *stage, None)?;
                }
                Ok(id)
            })
            .collect::<Result<Vec<_>, AppError>>()
    });
    let created = created?;
    out!(
        "{:<40} {:>8.1} ms",
        format!("create and move {} partnerships", created.len()),
        ms(t)
    );
    // The very first figures read every partnership and actor; after a
    // write only what it touched is read again; the next ones (another
    // filter, a drill-down) fold what was read.
    let mut cold = Samples(Vec::new());
    for _ in 0..5 {
        app.forget_reads();
        let (r, t) = time(|| app.get_impact(&ImpactFilters::default(), crate::clock::now()));
        r?;
        cold.0.push(t);
    }
    cold.report("impact: first figures, nothing read yet");
    let mut first = Samples(Vec::new());
    for i in 0..10 {
        app.note_partnership(&created[i % created.len()], "Relance faite")?;
        let (r, t) = time(|| app.get_impact(&ImpactFilters::default(), crate::clock::now()));
        r?;
        first.0.push(t);
    }
    first.report("impact: first figures after a write");
    let filters = [
        ("impact: no filter", ImpactFilters::default()),
        (
            "impact: one mode, 2026",
            ImpactFilters {
                mode: Some(RameauMode::Mecenat),
                from: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
                to: chrono::NaiveDate::from_ymd_opt(2026, 12, 31),
                ..ImpactFilters::default()
            },
        ),
        (
            "impact: one département, one theme",
            ImpactFilters {
                departement: Some("68".to_owned()),
                theme: Some(ImpactTheme::EmploiInsertion),
                ..ImpactFilters::default()
            },
        ),
    ];
    for (what, f) in &filters {
        let mut figures = Samples(Vec::new());
        for _ in 0..20 {
            let (r, t) = time(|| app.get_impact(f, crate::clock::now()));
            r?;
            figures.0.push(t);
        }
        figures.report(what);
    }
    let mut list = Samples(Vec::new());
    for _ in 0..10 {
        let (r, t) = time(|| {
            app.list_impact_partnerships(
                &ImpactFilters::default(),
                &ImpactSlice::Signed,
                crate::clock::now(),
            )
        });
        r?;
        list.0.push(t);
    }
    list.report("impact drill-down: every signed one");
    Ok(())
}
