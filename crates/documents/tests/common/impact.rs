//! A hand-built impact report input: the figures of a fictional Labo's
//! year in Centre-Alsace (42 partnerships), two stories with photos, a
//! dozen partners named; and a report the size of a year of 500
//! partnerships for the benchmark.

use chrono::NaiveDate;
use tisserand_documents::impact_report::{
    ImpactReportInput, NamedPartner, ReportMethod, ReportPhoto, ReportQuote, ReportStory,
};
use tisserand_domain::actor::ActorKind;
use tisserand_domain::impact::{
    ContributionFigure, ImpactFigures, ImpactFilters, ImpactFunnel, ImpactTheme, IndicatorLevel,
    IndicatorTotal, KindCount, StageModeCount, YearFigures,
};
use tisserand_domain::partnership::{ContributionKind, Stage};
use tisserand_domain::rameau::RameauMode;

pub const PHOTO: &[u8] = include_bytes!("../fixtures/photo.jpg");

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// Stage × mode counts: 42 partnerships, 3 without a primary mode.
fn by_stage() -> Vec<StageModeCount> {
    use RameauMode::*;
    let c = |stage, mode, count| StageModeCount { stage, mode, count };
    vec![
        c(Stage::Rencontre, Some(Mecenat), 3),
        c(Stage::Rencontre, None, 2),
        c(Stage::Exploration, Some(CooperationEconomique), 4),
        c(Stage::Exploration, Some(Mecenat), 2),
        c(Stage::Preparation, Some(InnovationSocietale), 3),
        c(Stage::Contractualisation, Some(Mecenat), 2),
        c(Stage::MiseEnOeuvre, Some(Mecenat), 7),
        c(Stage::MiseEnOeuvre, Some(CooperationEconomique), 4),
        c(Stage::MiseEnOeuvre, Some(PratiquesResponsables), 2),
        c(Stage::Evaluation, Some(Mecenat), 4),
        c(Stage::Evaluation, Some(InnovationSocietale), 3),
        c(Stage::Essaimage, Some(CooperationEconomique), 1),
        c(Stage::Abandonne, Some(Mecenat), 4),
        c(Stage::Abandonne, None, 1),
    ]
}

fn contributions() -> Vec<ContributionFigure> {
    use RameauMode::*;
    let c = |kind, mode, value_cents, minutes| ContributionFigure {
        kind,
        mode,
        value_cents,
        minutes,
    };
    vec![
        c(ContributionKind::Numeraire, Some(Mecenat), 4_850_000, 0),
        c(
            ContributionKind::Numeraire,
            Some(CooperationEconomique),
            1_200_000,
            0,
        ),
        c(ContributionKind::Nature, Some(Mecenat), 620_000, 0),
        c(
            ContributionKind::Nature,
            Some(InnovationSocietale),
            315_050,
            0,
        ),
        c(
            ContributionKind::Competences,
            Some(Mecenat),
            1_740_000,
            58 * 60,
        ),
        c(
            ContributionKind::Competences,
            Some(InnovationSocietale),
            960_000,
            32 * 60,
        ),
        c(
            ContributionKind::Competences,
            Some(PratiquesResponsables),
            300_000,
            10 * 60 + 30,
        ),
        c(ContributionKind::Logistique, None, 45_000, 0),
    ]
}

fn totals() -> Vec<IndicatorTotal> {
    use ImpactTheme::*;
    use IndicatorLevel::*;
    let t = |theme, level, unit: &str, total, partnerships| IndicatorTotal {
        theme,
        level,
        unit: unit.to_owned(),
        unit_en: unit.to_owned(),
        unit_key: tisserand_domain::impact::unit_key(Some(unit)),
        total,
        partnerships,
    };
    vec![
        t(Some(EmploiInsertion), Some(Resultat), "personnes", 14.0, 3),
        t(
            Some(EmploiInsertion),
            Some(Realisation),
            "personnes",
            56.0,
            4,
        ),
        t(
            Some(EducationCulture),
            Some(Realisation),
            "bénéficiaires",
            1_240.0,
            6,
        ),
        t(
            Some(EducationCulture),
            Some(Realisation),
            "ateliers",
            87.0,
            5,
        ),
        t(
            Some(EnvironnementEconomieCirculaire),
            Some(Resultat),
            "tonnes",
            12.5,
            2,
        ),
        t(
            Some(SanteSolidarite),
            Some(Realisation),
            "repas",
            3_650.0,
            2,
        ),
        t(Some(VieDuTerritoire), Some(Impact), "personnes", 230.0, 1),
        t(None, None, "arbres plantés", 120.0, 1),
    ]
}

/// The figures of the sample year.
pub fn figures() -> ImpactFigures {
    let kinds = [
        (ActorKind::Entreprise, 38),
        (ActorKind::Association, 29),
        (ActorKind::Collectivite, 9),
        (ActorKind::Fondation, 4),
        (ActorKind::Financeur, 3),
        (ActorKind::EtablissementPublic, 2),
        (ActorKind::Autre, 2),
    ];
    ImpactFigures {
        filters: ImpactFilters {
            from: Some(date(2026, 1, 1)),
            to: Some(date(2026, 12, 31)),
            departement: Some("68".to_owned()),
            ..ImpactFilters::default()
        },
        partnerships: 42,
        by_stage_and_mode: by_stage(),
        actors_involved: 87,
        actors_by_kind: kinds
            .into_iter()
            .map(|(kind, count)| KindCount { kind, count })
            .collect(),
        actors_met_at_events: 31,
        value_cents: contributions().iter().map(|c| c.value_cents).sum(),
        minutes: contributions().iter().map(|c| c.minutes).sum(),
        contributions: contributions(),
        beneficiaries: 1_240.0,
        indicator_totals: totals(),
        signed: 21,
        evaluated: 7,
        evaluated_share: Some(7.0 / 21.0),
        funnel: ImpactFunnel {
            meetings: 312,
            leads: 64,
            signed: 21,
            evaluated: 7,
        },
        years: vec![
            YearFigures {
                year: 2025,
                started: 17,
                signed: 9,
                evaluated: 2,
                value_cents: 3_905_000,
                minutes: 41 * 60,
            },
            YearFigures {
                year: 2026,
                started: 25,
                signed: 12,
                evaluated: 5,
                value_cents: 6_125_050,
                minutes: 59 * 60 + 30,
            },
        ],
    }
}

fn photo(caption: &str, credit: &str) -> ReportPhoto {
    ReportPhoto {
        jpeg: PHOTO.to_vec(),
        caption: caption.to_owned(),
        credit: credit.to_owned(),
    }
}

fn stories() -> Vec<ReportStory> {
    vec![
        ReportStory {
            headline: "Du pain et des cabrioles : la boulangerie qui fait voler le cirque".to_owned(),
            partnership: "Mécénat Boulangerie Hæberlé – École de cirque Les Étincelles".to_owned(),
            need: "À Guebwiller, l'école de cirque accueillait 40 enfants des quartiers prioritaires mais ne pouvait plus payer le chapiteau d'hiver.".to_owned(),
            actions: "La boulangerie a financé le chapiteau, ses salariés ont tenu la buvette des spectacles et la mairie a prêté un terrain.".to_owned(),
            changes: "L'école a rouvert en hiver et accueille désormais des enfants de trois quartiers.".to_owned(),
            figures: vec!["56 enfants inscrits (40 l'an dernier)".to_owned(), "12 spectacles donnés".to_owned()],
            quotes: vec![ReportQuote {
                text: "Nos salariés se battent pour tenir la buvette !".to_owned(),
                author: "Claire Hæberlé, gérante de la boulangerie".to_owned(),
            }],
            photos: vec![photo("Le chapiteau d'hiver monté sur le terrain prêté par la mairie", "© Les Étincelles")],
        },
        ReportStory {
            headline: "Des vélos remis en selle par des jeunes en insertion".to_owned(),
            partnership: "Atelier vélo solidaire".to_owned(),
            need: "Des vélos abandonnés s'entassaient à la déchetterie pendant que des jeunes cherchaient un premier emploi.".to_owned(),
            actions: "Le chantier d'insertion répare les vélos collectés par la communauté de communes ; un vélociste forme les encadrants.".to_owned(),
            changes: "Les vélos réparés sont vendus à petit prix aux habitants.".to_owned(),
            figures: vec!["14 personnes en emploi à six mois".to_owned(), "12,5 tonnes détournées de la déchetterie".to_owned()],
            quotes: vec![
                ReportQuote { text: "J'ai trouvé un métier que j'aime.".to_owned(), author: "Yanis, 22 ans".to_owned() },
                ReportQuote { text: "Le partenariat nous a ouvert un vivier de recrutement.".to_owned(), author: "Le vélociste partenaire".to_owned() },
            ],
            photos: vec![photo("L'atelier", "© CC Région de Guebwiller"), photo("Vente de printemps", "")],
        },
    ]
}

fn partners(n: usize) -> Vec<NamedPartner> {
    let base = [
        ("Boulangerie Hæberlé", "Entreprise · Guebwiller"),
        ("École de cirque Les Étincelles", "Association · Guebwiller"),
        ("Ville de Guebwiller", "Collectivité"),
        ("Communauté de communes de la Région de Guebwiller", "Collectivité"),
        ("Fondation du Crédit Mutuel Alsace", "Fondation · Strasbourg"),
        ("Chantier d'insertion Rebond", "Association · Soultz-Haut-Rhin"),
        ("Cycles Schmitt", "Entreprise · Issenheim"),
        ("Association intercommunale pour le développement de l'économie sociale et solidaire du Florival et des vallées voisines", "Association · Buhl"),
    ];
    (0..n)
        .map(|i| {
            let (name, detail) = base[i % base.len()];
            NamedPartner {
                name: if i < base.len() {
                    name.to_owned()
                } else {
                    format!("{name} {}", i / base.len() + 1)
                },
                detail: detail.to_owned(),
            }
        })
        .collect()
}

/// The sample report of 42 partnerships.
pub fn report() -> ImpactReportInput {
    ImpactReportInput {
        title: "Rapport d'impact 2026".to_owned(),
        publisher: "Labo des partenariats du Haut-Rhin".to_owned(),
        territory: "Haut-Rhin (68)".to_owned(),
        period: "du 1er janvier au 31 décembre 2026".to_owned(),
        generated_on: date(2027, 1, 15),
        figures: figures(),
        stories: stories(),
        partners: partners(8),
        method: ReportMethod {
            period_rule: "un partenariat compte s'il était actif pendant la période : engagé avant sa fin, ni clos ni abandonné avant son début.".to_owned(),
            notes: vec!["Les montants sont arrondis à l'euro, les heures à l'heure.".to_owned()],
        },
        letterhead: tisserand_documents::Letterhead::default(),
    }
}

/// A report the size of a year of 500 partnerships: every theme, level
/// and a few units measured, 5 stories of 2 photos, 700 partners named.
pub fn big_report() -> ImpactReportInput {
    let mut r = report();
    let f = &mut r.figures;
    f.partnerships = 500;
    for c in &mut f.by_stage_and_mode {
        c.count *= 12;
    }
    f.actors_involved = 1_034;
    f.indicator_totals = ImpactTheme::ALL
        .into_iter()
        .flat_map(|theme| {
            IndicatorLevel::ALL.into_iter().flat_map(move |level| {
                ["personnes", "heures", "tonnes", "bénéficiaires"]
                    .into_iter()
                    .enumerate()
                    .map(move |(k, unit)| IndicatorTotal {
                        theme: Some(theme),
                        level: Some(level),
                        unit: unit.to_owned(),
                        unit_en: unit.to_owned(),
                        unit_key: tisserand_domain::impact::unit_key(Some(unit)),
                        total: (theme as usize * 100 + level as usize * 10 + k) as f64 * 3.5,
                        partnerships: (k + 1) as u32 * 3,
                    })
            })
        })
        .collect();
    let two = r.stories.clone();
    r.stories = (0..5).map(|i| two[i % 2].clone()).collect();
    for s in &mut r.stories {
        s.photos = vec![
            photo("Une photo", "© Labo"),
            photo("Une autre photo", "© Labo"),
        ];
    }
    r.partners = partners(700);
    r
}
