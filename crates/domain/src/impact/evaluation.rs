//! A party's evaluation as typed (in the window's form or on the command
//! line), read and checked into a [`PartyEvaluation`]; the scale's words;
//! what the partnership page shows of its evaluations.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{PartyEvaluation, Rating};
use crate::actor::{check_length, NAME_MAX};
use crate::clock::Clock;
use crate::error::{FieldError, ValidationErrors};
use crate::partnership::{Party, PartySummary};
use crate::text::{fold, parse_date};
use crate::valid::Valid;

/// The longest answer to « what it brought » or « what it gained ».
pub const EVALUATION_TEXT_MAX: usize = 2_000;
/// Most evaluations kept on one partnership (every party may answer at
/// each yearly review for a long time).
pub const EVALUATIONS_MAX: usize = 500;

impl Rating {
    /// The scale, from « pas du tout » to « tout à fait ».
    pub const ALL: [Self; 4] = [
        Self::PasDuTout,
        Self::PlutotNon,
        Self::PlutotOui,
        Self::ToutAFait,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::PasDuTout => "pas_du_tout",
            Self::PlutotNon => "plutot_non",
            Self::PlutotOui => "plutot_oui",
            Self::ToutAFait => "tout_a_fait",
        }
    }

    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::PasDuTout => "Pas du tout",
            Self::PlutotNon => "Plutôt non",
            Self::PlutotOui => "Plutôt oui",
            Self::ToutAFait => "Tout à fait",
        }
    }

    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Self::PasDuTout => "Not at all",
            Self::PlutotNon => "Rather not",
            Self::PlutotOui => "Rather yes",
            Self::ToutAFait => "Completely",
        }
    }

    /// Reads a code, a French or English label (accents, case, dashes and
    /// underscores ignored) or the step's number from 1 to 4.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let key = |s: &str| fold(s.trim()).replace(['_', '-'], " ");
        let t = key(text);
        if let Ok(n) = t.parse::<usize>() {
            return n.checked_sub(1).and_then(|i| Self::ALL.get(i).copied());
        }
        Self::ALL.into_iter().find(|r| {
            [r.code(), r.label_fr(), r.label_en()]
                .iter()
                .any(|s| key(s) == t)
        })
    }
}

/// A party's evaluation as typed: every field as text (a date as people
/// write it, a rating as a code or in words); empty means not answered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PartyEvaluationInput {
    pub actor_id: String,
    /// The date of the answers; empty is today.
    pub on: String,
    pub objectives_met: String,
    pub balanced: String,
    pub would_continue: String,
    pub brought: String,
    pub gained: String,
    pub respondent: String,
}

/// An evaluation that passed its checks: by a party, not in the future.
pub type ValidEvaluation = Valid<PartyEvaluation>;

fn filled(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// One rating read from its words, or an error naming the question.
fn read_rating(
    errors: &mut ValidationErrors,
    field: &str,
    question_fr: &str,
    text: &str,
) -> Option<Rating> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let rating = Rating::parse(t);
    if rating.is_none() {
        errors.push(FieldError::new(
            field,
            format!(
                "« {t} » n'est pas une réponse à « {question_fr} » : écrivez pas du tout, plutôt non, plutôt oui ou tout à fait."
            ),
            format!("\"{t}\" is not an answer: write not at all, rather not, rather yes or completely."),
        ));
    }
    rating
}

/// The date of the answers: today when empty, never after today.
fn read_on(errors: &mut ValidationErrors, text: &str, clock: Clock) -> NaiveDate {
    let today = clock.today();
    if text.trim().is_empty() {
        return today;
    }
    match parse_date("on", text) {
        Ok(on) if on > today => {
            errors.push(FieldError::new(
                "on",
                format!(
                    "La date de l'évaluation ({}) est après aujourd'hui : une évaluation se saisit une fois faite.",
                    on.format("%d/%m/%Y")
                ),
                format!(
                    "The evaluation's date ({}) is after today: enter an evaluation once it is done.",
                    on.format("%d/%m/%Y")
                ),
            ));
            on
        }
        Ok(on) => on,
        Err(e) => {
            errors.push(e);
            today
        }
    }
}

/// The party who answers: required, and one of `parties`.
fn check_party(errors: &mut ValidationErrors, actor_id: &str, parties: &[Party]) {
    if actor_id.is_empty() {
        errors.push(FieldError::new(
            "actorId",
            "Choisissez la partie qui répond.",
            "Choose the party who answers.",
        ));
    } else if !parties.iter().any(|p| p.actor_id == actor_id) {
        errors.push(FieldError::new(
            "actorId",
            format!("L'acteur {actor_id} n'est pas une partie de ce partenariat : seules ses parties l'évaluent."),
            format!("Actor {actor_id} is not a party of this partnership: only its parties evaluate it."),
        ));
    }
}

/// What it brought, what it gained and who answered, trimmed, within their limits.
fn read_texts(
    errors: &mut ValidationErrors,
    input: &PartyEvaluationInput,
) -> (Option<String>, Option<String>, Option<String>) {
    let brought = filled(&input.brought);
    let gained = filled(&input.gained);
    let respondent = filled(&input.respondent);
    let long = [
        (
            "brought",
            "Ce que la partie a apporté",
            "What it brought",
            &brought,
        ),
        (
            "gained",
            "Ce que la partie a gagné",
            "What it gained",
            &gained,
        ),
    ];
    for (field, fr, en, text) in long {
        check_length(errors, field, fr, en, text.as_deref(), EVALUATION_TEXT_MAX);
    }
    let (fr, en) = ("Le nom de la personne qui répond", "The respondent's name");
    check_length(
        errors,
        "respondent",
        fr,
        en,
        respondent.as_deref(),
        NAME_MAX,
    );
    (brought, gained, respondent)
}

impl PartyEvaluationInput {
    /// Reads and checks the answers of one of `parties`, dated on or before
    /// `clock`'s today.
    ///
    /// # Errors
    /// Every field at fault: not a party, a date unreadable or after today,
    /// a rating not on the scale, nothing answered, a text too long.
    pub fn validate(
        &self,
        parties: &[Party],
        clock: Clock,
    ) -> Result<ValidEvaluation, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let actor_id = self.actor_id.trim().to_owned();
        check_party(&mut errors, &actor_id, parties);
        let on = read_on(&mut errors, &self.on, clock);
        let e = &mut errors;
        let objectives_met = read_rating(
            e,
            "objectivesMet",
            "a-t-il atteint vos objectifs ?",
            &self.objectives_met,
        );
        let balanced = read_rating(
            e,
            "balanced",
            "la relation était-elle équilibrée ?",
            &self.balanced,
        );
        let would_continue = read_rating(
            e,
            "wouldContinue",
            "continueriez-vous ?",
            &self.would_continue,
        );
        let (brought, gained, respondent) = read_texts(&mut errors, self);
        let answered = [objectives_met, balanced, would_continue]
            .iter()
            .any(Option::is_some)
            || brought.is_some()
            || gained.is_some();
        if !answered && errors.is_empty() {
            errors.push(FieldError::new(
                "objectivesMet",
                "Aucune réponse : cochez au moins une des trois questions ou écrivez ce que la partie a apporté ou gagné.",
                "No answer: tick at least one of the three questions or write what the party brought or gained.",
            ));
        }
        errors.into_result(Valid::new(PartyEvaluation {
            actor_id,
            on,
            objectives_met,
            balanced,
            would_continue,
            brought,
            gained,
            respondent,
        }))
    }
}

/// A party's latest answers, with its name, as the page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LatestEvaluation {
    pub party: PartySummary,
    /// Its newest evaluation, if it answered; `index` in the partnership's
    /// `evaluations` (what a delete names).
    pub evaluation: Option<PartyEvaluation>,
    pub index: Option<u32>,
}

/// Each party (in the parties' order) with its newest evaluation: the
/// latest date, and the latest entered on that date.
#[must_use]
pub fn latest_evaluations(
    parties: &[PartySummary],
    evaluations: &[PartyEvaluation],
) -> Vec<LatestEvaluation> {
    parties
        .iter()
        .map(|p| {
            let newest = (0u32..)
                .zip(evaluations)
                .filter(|(_, e)| e.actor_id == p.actor_id)
                .max_by_key(|(i, e)| (e.on, *i));
            LatestEvaluation {
                party: p.clone(),
                evaluation: newest.map(|(_, e)| e.clone()),
                index: newest.map(|(i, _)| i),
            }
        })
        .collect()
}

/// What the partnership page's « Évaluation » section shows, computed once
/// in the core: the state, each party's latest answers, the value of each
/// party's contributions and whether measures are missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EvaluationView {
    pub state: super::EvaluationState,
    /// Every party, in order, with its newest answers.
    pub latest: Vec<LatestEvaluation>,
    /// How many evaluations are kept in all.
    pub count: u32,
    pub values: Vec<super::ContributionValue>,
    /// The rate skills hours without a value are estimated at (cents per hour).
    #[ts(type = "number")]
    pub skills_hour_rate_cents: i64,
    /// In « mise en œuvre » for more than `unmeasured_months` without any measure.
    pub unmeasured: bool,
    pub unmeasured_months: u32,
}

impl EvaluationView {
    /// The section for `p`, whose parties with their names are `parties`,
    /// on `clock`'s calendar.
    #[must_use]
    pub fn of(p: &crate::partnership::Partnership, parties: &[PartySummary], clock: Clock) -> Self {
        let measured = super::is_measured(&p.indicators);
        Self {
            state: p.evaluation_state(),
            latest: latest_evaluations(parties, &p.evaluations),
            count: u32::try_from(p.evaluations.len()).unwrap_or(u32::MAX),
            values: super::contribution_values(&p.parties, &p.contributions),
            skills_hour_rate_cents: super::SKILLS_HOUR_RATE_CENTS,
            unmeasured: super::is_unmeasured(p.stage, p.stage_changed_at, measured, clock),
            unmeasured_months: super::UNMEASURED_MONTHS,
        }
    }
}

impl super::EvaluationState {
    /// « Non évalué », « En cours », « Évalué le 12 mars 2026 » (command
    /// line, PDFs; the window words it through its i18n).
    #[must_use]
    pub fn label_fr(&self) -> String {
        match self {
            Self::NotEvaluated => "Non évalué".to_owned(),
            Self::InProgress => "En cours".to_owned(),
            Self::Evaluated { on } => format!("Évalué le {}", crate::text::date_long_fr(*on)),
        }
    }
}
