//! The demo territory's impact: each demo indicator given a level, a theme
//! and a standard unit (so totals add up across partnerships), two years of
//! quarterly measures on the partnerships that reached « mise en œuvre »,
//! and evaluations by their partners — some evaluated, some in progress —
//! while one partnership stays in « mise en œuvre » for months without any
//! measure, to be found.

use chrono::{Datelike, Months, NaiveDate};
use tisserand_domain::impact::{ImpactTheme, IndicatorLevel, PartyEvaluationInput, Rating};
use tisserand_domain::{Clock, Measure, Partnership, PartnershipQuery, PartyRole, Stage};

use crate::{App, AppResult};

use ImpactTheme as T;
use IndicatorLevel as L;

/// How the first indicator of a demo partnership (by title) counts.
struct Counted {
    title: &'static str,
    level: IndicatorLevel,
    theme: ImpactTheme,
    /// A standard unit replacing the demo's, where it counts people helped.
    unit: Option<&'static str>,
}

const fn counted(
    title: &'static str,
    level: IndicatorLevel,
    theme: ImpactTheme,
    unit: Option<&'static str>,
) -> Counted {
    Counted {
        title,
        level,
        theme,
        unit,
    }
}

const COUNTED: &[Counted] = &[
    counted(
        "Invendus de pain pour l'Étal solidaire",
        L::Realisation,
        T::SanteSolidarite,
        None,
    ),
    counted(
        "Ordinateurs reconditionnés pour Les Cigognes Numériques",
        L::Resultat,
        T::Numerique,
        None,
    ),
    counted(
        "Mécénat de compétences comptables pour Ried Insertion",
        L::Realisation,
        T::EmploiInsertion,
        None,
    ),
    counted(
        "Achats d'entretien auprès de Ried Insertion",
        L::Realisation,
        T::EmploiInsertion,
        None,
    ),
    counted(
        "Nouveaux usages des déchets verts avec le syndicat Thur-Doller",
        L::Resultat,
        T::EnvironnementEconomieCirculaire,
        None,
    ),
    counted(
        "Accueillir des salariés handicapés aux Textiles du Florival",
        L::Resultat,
        T::EmploiInsertion,
        None,
    ),
    counted(
        "Réduire les déchets de la Brasserie de l'Outre-Forêt",
        L::Resultat,
        T::EnvironnementEconomieCirculaire,
        None,
    ),
    counted(
        "Parrainage de jeunes par les cadres de Logistique Trois Frontières",
        L::Resultat,
        T::EmploiInsertion,
        None,
    ),
    counted(
        "Mobilité solidaire pour les bénéficiaires du CCAS de Colmar",
        L::Resultat,
        T::Mobilite,
        Some("bénéficiaires"),
    ),
    counted(
        "Équipe handisport soutenue par la Fondation Hardt Mécanique",
        L::Realisation,
        T::VieDuTerritoire,
        None,
    ),
    counted(
        "Vendanges solidaires aux Caves du Strengbach",
        L::Resultat,
        T::EmploiInsertion,
        Some("bénéficiaires"),
    ),
    counted(
        "Ateliers numériques pour les seniors de Saverne",
        L::Realisation,
        T::Numerique,
        None,
    ),
    counted(
        "Séjours de répit financés par la Caisse Solidaire",
        L::Realisation,
        T::SanteSolidarite,
        Some("bénéficiaires"),
    ),
    counted(
        "Mentorat d'entrepreneures par Ill-Rhin Business Angels",
        L::Impact,
        T::EmploiInsertion,
        None,
    ),
    counted(
        "Instruments pour Kinder Kultur Munster",
        L::Realisation,
        T::EducationCulture,
        None,
    ),
];

/// The partnership left without any measure in « mise en œuvre ».
const UNMEASURED: &str = "Achats d'entretien auprès de Ried Insertion";

/// Who evaluated which partnership: the number of its parties that
/// answered (in the parties' order), and their answers on the scale.
const EVALUATED: &[(&str, usize, [Rating; 3])] = &[
    (
        "Parrainage de jeunes par les cadres de Logistique Trois Frontières",
        2,
        [Rating::ToutAFait, Rating::PlutotOui, Rating::ToutAFait],
    ),
    (
        "Séjours de répit financés par la Caisse Solidaire",
        2,
        [Rating::PlutotOui, Rating::ToutAFait, Rating::PlutotOui],
    ),
    (
        "Mobilité solidaire pour les bénéficiaires du CCAS de Colmar",
        3,
        [Rating::ToutAFait, Rating::ToutAFait, Rating::ToutAFait],
    ),
    (
        "Vendanges solidaires aux Caves du Strengbach",
        1,
        [Rating::PlutotOui, Rating::PlutotNon, Rating::PlutotOui],
    ),
    (
        "Nouveaux usages des déchets verts avec le syndicat Thur-Doller",
        1,
        [Rating::PlutotOui, Rating::PlutotOui, Rating::ToutAFait],
    ),
];

/// Levels, themes, units and measures, then the evaluations, on the demo
/// partnerships already loaded.
pub(crate) fn load(app: &mut App, clock: Clock) -> AppResult<()> {
    let all = app.list_partnerships(&PartnershipQuery::default(), clock)?;
    for summary in all {
        let p = app.store.partnership(&summary.id)?;
        if let Some(c) = COUNTED.iter().find(|c| c.title == p.title) {
            count(app, &p, c, clock)?;
        }
    }
    for (title, answered, ratings) in EVALUATED {
        let found = app
            .list_partnerships(&PartnershipQuery::default(), clock)?
            .into_iter()
            .find(|s| s.title == *title);
        if let Some(s) = found {
            evaluate(app, &s.id, *answered, *ratings, clock)?;
        }
    }
    Ok(())
}

/// Gives the first indicator its level, theme and unit and, once the
/// partnership is carried out, its quarterly measures.
fn count(app: &mut App, p: &Partnership, c: &Counted, clock: Clock) -> AppResult<()> {
    let mut input = p.to_input();
    let Some(indicator) = input.indicators.first_mut() else {
        return Ok(());
    };
    indicator.level = Some(c.level);
    indicator.theme = Some(c.theme);
    if let Some(unit) = c.unit {
        indicator.unit = Some(unit.to_owned());
    }
    let carried_out = matches!(
        p.stage,
        Stage::MiseEnOeuvre | Stage::Evaluation | Stage::Essaimage
    );
    indicator.measures = if p.title == UNMEASURED || !carried_out {
        Vec::new()
    } else {
        let start = indicator.baseline.unwrap_or(0.0);
        let end = indicator
            .measures
            .last()
            .map(|m| m.value)
            .or(indicator.target.map(|t| t * 0.8))
            .unwrap_or(100.0);
        quarterly(p.created_at.date_naive(), clock.today(), start, end)
    };
    app.update_partnership(&p.id, p.version, &input)?;
    Ok(())
}

/// Measures at the end of each quarter after `from` up to `today` (the
/// last eight at most: two years), going evenly from `start` to `end`.
fn quarterly(from: NaiveDate, today: NaiveDate, start: f64, end: f64) -> Vec<Measure> {
    let mut days = Vec::new();
    let mut month = NaiveDate::from_ymd_opt(from.year(), 1, 1).unwrap_or(from);
    while month <= today {
        // The last day of the quarter that begins at `month`.
        let end_of_quarter = month
            .checked_add_months(Months::new(3))
            .and_then(|d| d.pred_opt())
            .unwrap_or(month);
        if end_of_quarter > from && end_of_quarter <= today {
            days.push(end_of_quarter);
        }
        month = month
            .checked_add_months(Months::new(3))
            .unwrap_or(today.succ_opt().unwrap_or(today));
    }
    let days: Vec<NaiveDate> = days.split_off(days.len().saturating_sub(8));
    let n = days.len();
    (1..=n)
        .zip(days)
        .map(|(k, on)| {
            let share = k as f64 / n as f64;
            Measure {
                on,
                value: (start + (end - start) * share).round(),
            }
        })
        .collect()
}

/// The first `answered` parties of partnership `id` evaluate it, some
/// weeks after it reached its stage (never after today).
fn evaluate(
    app: &mut App,
    id: &str,
    answered: usize,
    ratings: [Rating; 3],
    clock: Clock,
) -> AppResult<()> {
    let p = app.store.partnership(id)?;
    let since = p.stage_changed_at.date_naive();
    for (i, party) in p.parties.iter().take(answered).enumerate() {
        let on = (since + chrono::Duration::days(12 + 9 * i as i64)).min(clock.today());
        let respondent = party
            .contact_id
            .as_deref()
            .and_then(|c| app.store.contact(c).ok())
            .map(|c| c.display_name())
            .unwrap_or_default();
        let brought = p
            .contributions
            .iter()
            .find(|c| c.actor_id == party.actor_id)
            .and_then(|c| c.description.clone())
            .unwrap_or_else(|| {
                "Du temps de coordination et la connaissance des personnes accompagnées.".to_owned()
            });
        let gained = match party.role {
            PartyRole::Beneficiaire | PartyRole::Porteur => {
                "Des moyens pour accompagner plus de personnes, et un partenaire fiable."
            }
            _ => "Des salariés fiers de l'engagement local et de nouveaux liens sur le territoire.",
        };
        let input = PartyEvaluationInput {
            actor_id: party.actor_id.clone(),
            on: on.format("%Y-%m-%d").to_string(),
            objectives_met: ratings[0].code().to_owned(),
            balanced: ratings[1].code().to_owned(),
            would_continue: ratings[2].code().to_owned(),
            brought,
            gained: gained.to_owned(),
            respondent,
        };
        let version = app.store.partnership(id)?.version;
        app.evaluate_partnership(id, version, &input, clock)?;
    }
    Ok(())
}
