//! Impact: what partnerships produced, how their partners judge them, and the
//! figures a territory report rolls up (Le RAMEAU's three objects of
//! evaluation: what was produced, the balance between partners, the value of
//! each contribution).
//!
//! This module holds the shared vocabulary (indicator levels and themes,
//! evaluation by a party and the state it gives a partnership) and the shape
//! of the Impact page's figures, which the report PDF prints unchanged.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::ActorKind;
use crate::partnership::{ContributionKind, Party, Stage};
use crate::rameau::RameauMode;
use crate::text::fold;

pub mod figures;
mod slice;
mod units;
pub use figures::{
    impact_figures, signed_on, ImpactActor, ImpactData, ImpactPlace, ImpactRow, SIGNED_STAGES,
};
pub use slice::{in_slice, slice_ids, FunnelStep, ImpactSlice, YearStep};
mod evaluation;
#[cfg(test)]
mod evaluation_tests;
mod measured;
mod orders;
mod report;
mod value;
pub use evaluation::{
    latest_evaluations, EvaluationView, LatestEvaluation, PartyEvaluationInput, ValidEvaluation,
    EVALUATIONS_MAX, EVALUATION_TEXT_MAX,
};
pub use measured::{is_measured, is_unmeasured, unmeasured_cutoff, UNMEASURED_MONTHS};
pub use report::{
    default_title, period_fr, ImpactReportRequest, ReportStoryChoice, PERIOD_RULE_FR,
    REPORT_STORIES_MAX, REPORT_TEXT_MAX,
};
pub use units::{
    standard_unit, unit_key, unit_label_fr, StandardUnit, BENEFICIAIRES, STANDARD_UNITS,
};
pub use value::{contribution_values, ContributionValue, SKILLS_HOUR_RATE_CENTS};

/// The item of `all` whose code or French or English label is `text`,
/// accents and case ignored.
fn parse_named<T: Copy>(
    all: impl IntoIterator<Item = T>,
    text: &str,
    names: impl Fn(T) -> [&'static str; 3],
) -> Option<T> {
    let t = fold(text.trim());
    all.into_iter()
        .find(|item| names(*item).iter().any(|n| fold(n) == t))
}

/// Where an indicator sits on the value chain resources → activities →
/// outputs → results → impacts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IndicatorLevel {
    /// What was done (outputs): shows held, meals served.
    Realisation,
    /// What changed for the beneficiaries (results): people back in work.
    Resultat,
    /// What changed on the territory in the long run (impacts).
    Impact,
}

impl IndicatorLevel {
    pub const ALL: [Self; 3] = [Self::Realisation, Self::Resultat, Self::Impact];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Realisation => "realisation",
            Self::Resultat => "resultat",
            Self::Impact => "impact",
        }
    }

    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Realisation => "Réalisation",
            Self::Resultat => "Résultat",
            Self::Impact => "Impact",
        }
    }

    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Realisation => "Output",
            Self::Resultat => "Result",
            Self::Impact => "Impact",
        }
    }

    /// Reads a code or a French or English label, accents and case ignored.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        parse_named(Self::ALL, text, |l| [l.code(), l.label_fr(), l.label_en()])
    }
}

/// The shared list of themes an indicator counts towards, so that the same
/// indicator adds up across partnerships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImpactTheme {
    EmploiInsertion,
    EducationCulture,
    EnvironnementEconomieCirculaire,
    SanteSolidarite,
    Mobilite,
    Numerique,
    VieDuTerritoire,
}

impl ImpactTheme {
    pub const ALL: [Self; 7] = [
        Self::EmploiInsertion,
        Self::EducationCulture,
        Self::EnvironnementEconomieCirculaire,
        Self::SanteSolidarite,
        Self::Mobilite,
        Self::Numerique,
        Self::VieDuTerritoire,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::EmploiInsertion => "emploi_insertion",
            Self::EducationCulture => "education_culture",
            Self::EnvironnementEconomieCirculaire => "environnement_economie_circulaire",
            Self::SanteSolidarite => "sante_solidarite",
            Self::Mobilite => "mobilite",
            Self::Numerique => "numerique",
            Self::VieDuTerritoire => "vie_du_territoire",
        }
    }

    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::EmploiInsertion => "Emploi et insertion",
            Self::EducationCulture => "Éducation et culture",
            Self::EnvironnementEconomieCirculaire => "Environnement et économie circulaire",
            Self::SanteSolidarite => "Santé et solidarité",
            Self::Mobilite => "Mobilité",
            Self::Numerique => "Numérique",
            Self::VieDuTerritoire => "Vie du territoire",
        }
    }

    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Self::EmploiInsertion => "Employment and inclusion",
            Self::EducationCulture => "Education and culture",
            Self::EnvironnementEconomieCirculaire => "Environment and circular economy",
            Self::SanteSolidarite => "Health and solidarity",
            Self::Mobilite => "Mobility",
            Self::Numerique => "Digital",
            Self::VieDuTerritoire => "Local life",
        }
    }

    /// Reads a code or a French or English label, accents and case ignored.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        parse_named(Self::ALL, text, |l| [l.code(), l.label_fr(), l.label_en()])
    }
}

/// A party's answer on a four-step scale, at the review meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Rating {
    /// « Pas du tout ».
    PasDuTout,
    /// « Plutôt non ».
    PlutotNon,
    /// « Plutôt oui ».
    PlutotOui,
    /// « Tout à fait ».
    ToutAFait,
}

/// How one party judges the partnership, on a date: did it meet its
/// objectives, was the relationship balanced, would it go on, what it
/// brought and what it gained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartyEvaluation {
    /// The party (actor id) who answers.
    pub actor_id: String,
    #[ts(type = "string")]
    pub on: NaiveDate,
    #[serde(default)]
    pub objectives_met: Option<Rating>,
    #[serde(default)]
    pub balanced: Option<Rating>,
    #[serde(default)]
    pub would_continue: Option<Rating>,
    #[serde(default)]
    pub brought: Option<String>,
    #[serde(default)]
    pub gained: Option<String>,
    /// Who answered for the party (a contact's name), if known.
    #[serde(default)]
    pub respondent: Option<String>,
}

/// Where a partnership stands on its evaluation by its partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "state")]
#[ts(export)]
pub enum EvaluationState {
    /// No party has evaluated it.
    NotEvaluated,
    /// Some parties have, not all.
    InProgress,
    /// Every party has; `on` is the date of the last party's evaluation.
    Evaluated {
        #[ts(type = "string")]
        on: NaiveDate,
    },
}

/// The evaluation state given by `evaluations` of a partnership with
/// `parties`: evaluated once every party has answered at least once.
#[must_use]
pub fn evaluation_state(parties: &[Party], evaluations: &[PartyEvaluation]) -> EvaluationState {
    let answered = |p: &Party| evaluations.iter().any(|e| e.actor_id == p.actor_id);
    if evaluations.is_empty() {
        return EvaluationState::NotEvaluated;
    }
    if parties.is_empty() || !parties.iter().all(answered) {
        return EvaluationState::InProgress;
    }
    // The newest answer of each party, then the newest of those.
    let on = parties
        .iter()
        .filter_map(|p| {
            evaluations
                .iter()
                .filter(|e| e.actor_id == p.actor_id)
                .map(|e| e.on)
                .max()
        })
        .max()
        .unwrap_or(NaiveDate::MIN);
    EvaluationState::Evaluated { on }
}

/// What the Impact page and the report are computed over. Every filter is
/// optional; dates are inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ImpactFilters {
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub to: Option<NaiveDate>,
    pub departement: Option<String>,
    /// EPCI SIREN code.
    pub epci: Option<String>,
    /// Commune INSEE code.
    pub commune: Option<String>,
    pub mode: Option<RameauMode>,
    pub theme: Option<ImpactTheme>,
    pub facilitator: Option<String>,
}

impl ImpactFilters {
    /// The filters' errors: a period that ends before it starts, an empty
    /// or unknown code is left to the caller (the referential knows codes).
    ///
    /// # Errors
    /// A field error on `to` when `to` is before `from`.
    pub fn validate(&self) -> Result<(), crate::error::FieldError> {
        match (self.from, self.to) {
            (Some(from), Some(to)) if to < from => Err(crate::error::FieldError::new(
                "to",
                format!(
                    "La fin de la période ({}) précède son début ({}) : choisissez une date de fin après le début.",
                    crate::text::date_long_fr(to),
                    crate::text::date_long_fr(from)
                ),
                format!("The period's end ({to}) is before its start ({from}): choose an end after the start."),
            )),
            _ => Ok(()),
        }
    }
}

/// A count for one stage and primary mode (`None`: not classified yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StageModeCount {
    pub stage: Stage,
    pub mode: Option<RameauMode>,
    pub count: u32,
}

/// Actors of one kind involved in the partnerships in scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KindCount {
    pub kind: ActorKind,
    pub count: u32,
}

/// What was contributed, of one kind, in partnerships of one primary mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContributionFigure {
    pub kind: ContributionKind,
    pub mode: Option<RameauMode>,
    /// Euro cents, as stored (skills' hours valued as the partnership states).
    #[ts(type = "number")]
    pub value_cents: i64,
    #[ts(type = "number")]
    pub minutes: i64,
}

/// The sum of one indicator across partnerships: same theme, level and
/// standard unit add up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IndicatorTotal {
    pub theme: Option<ImpactTheme>,
    pub level: Option<IndicatorLevel>,
    /// The unit, as written once normalised (« personnes », « tonnes »…).
    pub unit: String,
    /// The unit in English (a standard unit's English name, else as written).
    pub unit_en: String,
    /// The grouping key of the unit (`unit_key`): names the total in a drill-down.
    pub unit_key: String,
    /// The sum of the latest measure of each partnership's indicator.
    pub total: f64,
    /// How many partnerships it comes from.
    pub partnerships: u32,
}

/// From event meetings to evaluated partnerships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImpactFunnel {
    /// Meetings held at speed-dating events.
    pub meetings: u32,
    /// Leads taken from them.
    pub leads: u32,
    /// Partnerships signed (that reached « mise en œuvre »).
    pub signed: u32,
    /// Signed partnerships evaluated by every party.
    pub evaluated: u32,
}

/// One year's figures, for the evolution chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct YearFigures {
    pub year: i32,
    pub started: u32,
    pub signed: u32,
    pub evaluated: u32,
    #[ts(type = "number")]
    pub value_cents: i64,
    #[ts(type = "number")]
    pub minutes: i64,
}

/// Everything the Impact page shows and the report prints, for one set of
/// filters. Computed once in the core; the window and the PDF only lay it out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImpactFigures {
    pub filters: ImpactFilters,
    /// Partnerships in scope.
    pub partnerships: u32,
    pub by_stage_and_mode: Vec<StageModeCount>,
    /// Distinct actors party to a partnership in scope.
    pub actors_involved: u32,
    pub actors_by_kind: Vec<KindCount>,
    /// Actors in scope whose first meeting at a Tisserand event predates
    /// their first partnership.
    pub actors_met_at_events: u32,
    pub contributions: Vec<ContributionFigure>,
    /// Every contribution of signed partnerships in scope: euro cents, minutes.
    #[ts(type = "number")]
    pub value_cents: i64,
    #[ts(type = "number")]
    pub minutes: i64,
    /// The sum of indicators counted in beneficiaries.
    pub beneficiaries: f64,
    pub indicator_totals: Vec<IndicatorTotal>,
    /// Signed partnerships in scope, and those evaluated by every party.
    pub signed: u32,
    pub evaluated: u32,
    /// `evaluated / signed` (0 to 1); `None` when nothing is signed.
    pub evaluated_share: Option<f64>,
    pub funnel: ImpactFunnel,
    pub years: Vec<YearFigures>,
}

#[cfg(test)]
mod tests;
