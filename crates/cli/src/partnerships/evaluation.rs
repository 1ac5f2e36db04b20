//! `tisserand partnerships evaluate|questionnaire`, and the evaluation
//! section `partnerships get` prints: a party's answers entered, the
//! questionnaire printed, the state, the latest answers and the value of
//! each party's contributions.

use clap::Args;
use tisserand_app::{App, AppError};
use tisserand_domain::impact::{EvaluationView, PartyEvaluationInput};
use tisserand_domain::partnership::format_euros;
use tisserand_domain::text::fold;
use tisserand_domain::PartnershipDetail;

use super::print::hours;
use crate::output::table;

/// A party's answers at the review meeting.
#[derive(Args)]
pub(crate) struct EvaluateArgs {
    id: String,
    /// The party who answers: its actor id or its name.
    #[arg(long)]
    actor: String,
    /// The date of the answers, JJ/MM/AAAA or AAAA-MM-JJ (default: today).
    #[arg(long)]
    on: Option<String>,
    /// Did it meet your objectives? pas_du_tout, plutot_non, plutot_oui, tout_a_fait
    /// (or in words: « plutôt oui »; or 1 to 4).
    #[arg(long)]
    objectives: Option<String>,
    /// Was the relationship balanced? Same scale.
    #[arg(long)]
    balanced: Option<String>,
    /// Would you go on? Same scale.
    #[arg(long = "continue")]
    would_continue: Option<String>,
    /// What the party brought.
    #[arg(long)]
    brought: Option<String>,
    /// What the party gained.
    #[arg(long)]
    gained: Option<String>,
    /// Who answered for the party.
    #[arg(long)]
    respondent: Option<String>,
    /// The version you loaded (`get` prints it); default: the current one.
    #[arg(long)]
    version: Option<u32>,
}

/// The party `who` names: an actor id, or a party's name (case and accents
/// ignored); else `who` as given, for the core to refuse.
fn party_id(d: &PartnershipDetail, who: &str) -> String {
    let who = who.trim();
    d.parties
        .iter()
        .find(|p| p.actor_id == who || fold(&p.actor_name) == fold(who))
        .map_or_else(|| who.to_owned(), |p| p.actor_id.clone())
}

pub(super) fn evaluate(app: &mut App, a: EvaluateArgs) -> Result<(), AppError> {
    let clock = crate::clock::now();
    let detail = app.get_partnership(&a.id, clock)?;
    let text = |t: Option<String>| t.unwrap_or_default();
    let input = PartyEvaluationInput {
        actor_id: party_id(&detail, &a.actor),
        on: text(a.on),
        objectives_met: text(a.objectives),
        balanced: text(a.balanced),
        would_continue: text(a.would_continue),
        brought: text(a.brought),
        gained: text(a.gained),
        respondent: text(a.respondent),
    };
    let version = a.version.unwrap_or(detail.partnership.version);
    let p = app.evaluate_partnership(&a.id, version, &input, clock)?;
    let index = p.evaluations.len();
    out!(
        "Évaluation enregistrée ({}). Pour l'annuler : tisserand partnerships delete-evaluation {} {index}",
        p.evaluation_state().label_fr(),
        p.id
    );
    Ok(())
}

/// Deletes evaluation `number` (from 1, as `get` numbers them).
pub(super) fn delete_evaluation(app: &mut App, id: &str, number: usize) -> Result<(), AppError> {
    let index = number.checked_sub(1).ok_or_else(|| {
        super::invalid(
            "Les évaluations sont numérotées à partir de 1 (voir partnerships get).".into(),
            "Evaluations are numbered from 1 (see partnerships get).".into(),
        )
    })?;
    let version = app
        .get_partnership(id, crate::clock::now())?
        .partnership
        .version;
    let p = app.delete_partnership_evaluation(id, version, index)?;
    out!(
        "Évaluation supprimée ({}).",
        p.evaluation_state().label_fr()
    );
    Ok(())
}

/// The « Évaluation » section of `partnerships get`.
pub(super) fn print_evaluation(d: &PartnershipDetail) {
    let e: &EvaluationView = &d.evaluation;
    out!("Évaluation :   {}", e.state.label_fr());
    if e.unmeasured {
        out!(
            "  En mise en œuvre depuis plus de {} mois sans aucune mesure.",
            e.unmeasured_months
        );
    }
    for latest in &e.latest {
        let name = &latest.party.actor_name;
        match (&latest.evaluation, latest.index) {
            (Some(ev), Some(i)) => {
                let r =
                    |x: Option<tisserand_domain::impact::Rating>| x.map_or("—", |r| r.label_fr());
                out!(
                    "  {}. {name} ({}) : objectifs {} · équilibre {} · poursuite {}",
                    i + 1,
                    ev.on.format("%d/%m/%Y"),
                    r(ev.objectives_met),
                    r(ev.balanced),
                    r(ev.would_continue)
                );
                for (label, text) in [("apporté", &ev.brought), ("retiré", &ev.gained)] {
                    if let Some(t) = text {
                        out!("     {label} : {t}");
                    }
                }
            }
            _ => out!("  {name} : pas encore évalué"),
        }
    }
    values(d);
}

/// The value of each party's contributions.
fn values(d: &PartnershipDetail) {
    let e = &d.evaluation;
    let rows: Vec<Vec<String>> = e
        .values
        .iter()
        .zip(&d.parties)
        .map(|(v, p)| {
            let skills = if v.skills_estimated_cents > 0 {
                format!(
                    "{} (dont {} estimés)",
                    format_euros(v.skills_cents),
                    format_euros(v.skills_estimated_cents)
                )
            } else {
                format_euros(v.skills_cents)
            };
            vec![
                p.actor_name.clone(),
                format_euros(v.money_cents),
                hours(v.skills_minutes),
                skills,
                format_euros(v.in_kind_cents),
                format_euros(v.total_cents),
            ]
        })
        .collect();
    out!("Valeur des contributions :");
    table(
        &[
            "PARTIE",
            "NUMÉRAIRE",
            "HEURES",
            "COMPÉTENCES",
            "EN NATURE",
            "TOTAL",
        ],
        &rows,
    );
    if e.values.iter().any(|v| v.skills_estimated_cents > 0) {
        out!(
            "  Heures sans valeur estimées à {} de l'heure (SMIC horaire brut).",
            format_euros(e.skills_hour_rate_cents)
        );
    }
}
