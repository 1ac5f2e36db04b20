//! « Essaimer »: spreading a partnership that works to another territory as
//! a new partnership with the same structure (modes, roles, kinds of
//! contribution, objectives, indicators) but its own actors, amounts and
//! history.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{FieldError, ValidationErrors};
use crate::partnership::{
    Contribution, Counterpart, Indicator, Objective, Partnership, PartnershipInput, Party,
};

/// What the facilitator chooses when spreading a partnership.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct EssaimagePlan {
    /// The new partnership's title.
    pub title: String,
    /// Its communes (INSEE codes).
    pub territory: Vec<String>,
    /// The actor taking each original party's place, in the origin's party
    /// order (the same actor may stay, e.g. a company present on both
    /// territories).
    pub actors: Vec<String>,
    pub facilitator: Option<String>,
}

impl Partnership {
    /// The new partnership an essaimage creates: the structure is kept,
    /// each party's role goes to the actor chosen for it, amounts and hours
    /// start at zero, indicators lose their measurements, and no action or
    /// history is carried over. The result still goes through
    /// `PartnershipInput::validate`.
    ///
    /// # Errors
    /// When the plan does not name one actor per original party, or has no
    /// territory (an essaimage goes somewhere).
    pub fn essaimage_input(
        &self,
        plan: &EssaimagePlan,
    ) -> Result<PartnershipInput, ValidationErrors> {
        self.check_plan(plan)?;
        let new_id = |old: &str| -> String {
            self.parties
                .iter()
                .position(|p| p.actor_id == old)
                .and_then(|i| plan.actors.get(i))
                .map_or_else(|| old.to_owned(), |a| a.trim().to_owned())
        };
        Ok(PartnershipInput {
            title: plan.title.clone(),
            summary: self.summary.clone(),
            territory: plan.territory.clone(),
            parties: self.spread_parties(plan),
            modes: self.modes.clone(),
            contributions: self
                .contributions
                .iter()
                .map(|c| Contribution {
                    actor_id: new_id(&c.actor_id),
                    kind: c.kind,
                    value_cents: 0,
                    minutes: 0,
                    description: c.description.clone(),
                })
                .collect(),
            counterparts: self
                .counterparts
                .iter()
                .map(|c| Counterpart {
                    given_by: new_id(&c.given_by),
                    description: c.description.clone(),
                    value_cents: 0,
                })
                .collect(),
            facilitator: plan
                .facilitator
                .clone()
                .filter(|f| !f.trim().is_empty())
                .or_else(|| self.facilitator.clone()),
            tags: self.tags.clone(),
            origin: Some(format!("Essaimage de « {} »", self.title)),
            next_actions: Vec::new(),
            objectives: self
                .objectives
                .iter()
                .map(|o| Objective {
                    actor_id: o.actor_id.as_deref().map(new_id),
                    axis: o.axis,
                    text: o.text.clone(),
                })
                .collect(),
            indicators: self
                .indicators
                .iter()
                .map(|i| Indicator {
                    measures: Vec::new(),
                    ..i.clone()
                })
                .collect(),
        })
    }

    /// The plan names one actor per original party and a territory.
    fn check_plan(&self, plan: &EssaimagePlan) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        if plan.actors.len() != self.parties.len() {
            errors.push(FieldError::new(
                "actors",
                format!(
                    "Choisissez un acteur pour chacun des {} rôles du partenariat d'origine.",
                    self.parties.len()
                ),
                format!(
                    "Choose an actor for each of the origin's {} roles.",
                    self.parties.len()
                ),
            ));
        }
        if plan.territory.iter().all(|c| c.trim().is_empty()) {
            errors.push(FieldError::new(
                "territory",
                "Choisissez au moins une commune : où ce partenariat essaime-t-il ?",
                "Choose at least one commune: where does this partnership spread to?",
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(errors))
        }
    }

    /// Each original party's role, given to the actor chosen for it.
    fn spread_parties(&self, plan: &EssaimagePlan) -> Vec<Party> {
        self.parties
            .iter()
            .zip(&plan.actors)
            .map(|(p, actor)| Party {
                actor_id: actor.trim().to_owned(),
                role: p.role,
                // A contact belongs to its actor: kept only when the actor is.
                contact_id: p.contact_id.clone().filter(|_| actor.trim() == p.actor_id),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partnership::{
        ContributionKind, Measure, Modes, NextAction, ObjectiveAxis, PartyRole, Stage,
    };
    use crate::rameau::{MecenatKind, RameauMode};

    fn origin() -> Partnership {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-01T10:00:00Z")
            .unwrap()
            .to_utc();
        Partnership {
            id: "p1".into(),
            title: "Paniers solidaires".into(),
            summary: Some("Des paniers de légumes pour l'épicerie solidaire.".into()),
            territory: vec!["67482".into()],
            parties: vec![
                Party {
                    actor_id: "coop".into(),
                    role: PartyRole::Financeur,
                    contact_id: Some("c1".into()),
                },
                Party {
                    actor_id: "asso".into(),
                    role: PartyRole::Beneficiaire,
                    contact_id: Some("c2".into()),
                },
            ],
            modes: Modes {
                primary: Some(RameauMode::Mecenat),
                secondary: vec![RameauMode::InnovationSocietale],
                mecenat_kinds: vec![MecenatKind::EnNature],
            },
            contributions: vec![Contribution {
                actor_id: "coop".into(),
                kind: ContributionKind::Nature,
                value_cents: 120_000,
                minutes: 600,
                description: Some("Légumes invendus".into()),
            }],
            counterparts: vec![Counterpart {
                given_by: "asso".into(),
                description: "Logo sur les paniers".into(),
                value_cents: 10_000,
            }],
            facilitator: Some("Awa".into()),
            tags: vec!["alimentation".into()],
            origin: Some("Forum 2025".into()),
            next_actions: vec![NextAction {
                text: "Signer".into(),
                owner: None,
                due_on: None,
                done: false,
            }],
            objectives: vec![
                Objective {
                    actor_id: Some("asso".into()),
                    axis: Some(ObjectiveAxis::PerformanceEconomique),
                    text: "Servir 200 familles".into(),
                },
                Objective {
                    actor_id: None,
                    axis: None,
                    text: "Moins de gaspillage".into(),
                },
            ],
            indicators: vec![Indicator {
                level: None,
                theme: None,
                name: "Familles servies".into(),
                unit: Some("familles".into()),
                baseline: Some(0.0),
                target: Some(200.0),
                measures: vec![Measure {
                    on: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
                    value: 120.0,
                }],
            }],
            stage: Stage::Evaluation,
            abandon_reason: None,
            timeline: Vec::new(),
            version: 7,
            created_at: at,
            updated_at: at,
            stage_changed_at: at,
            spawned_from: None,
            evaluations: Vec::new(),
        }
    }

    fn plan(actors: &[&str]) -> EssaimagePlan {
        EssaimagePlan {
            title: "Paniers solidaires — Sélestat".into(),
            territory: vec!["67462".into()],
            actors: actors.iter().map(|a| (*a).to_owned()).collect(),
            facilitator: None,
        }
    }

    #[test]
    fn the_structure_is_kept_with_the_new_actors() {
        let input = origin().essaimage_input(&plan(&["coop", "asso2"])).unwrap();
        assert_eq!(input.parties[0].actor_id, "coop");
        assert_eq!(input.parties[0].contact_id.as_deref(), Some("c1"));
        assert_eq!(input.parties[1].actor_id, "asso2");
        assert_eq!(input.parties[1].role, PartyRole::Beneficiaire);
        assert_eq!(input.parties[1].contact_id, None);
        assert_eq!(input.modes, origin().modes);
        assert_eq!(input.contributions[0].kind, ContributionKind::Nature);
        assert_eq!(input.contributions[0].value_cents, 0);
        assert_eq!(input.contributions[0].minutes, 0);
        assert_eq!(input.counterparts[0].given_by, "asso2");
        assert_eq!(input.counterparts[0].value_cents, 0);
        assert_eq!(input.objectives[0].actor_id.as_deref(), Some("asso2"));
        assert_eq!(input.objectives[1].actor_id, None);
        assert!(input.indicators[0].measures.is_empty());
        assert_eq!(input.indicators[0].target, Some(200.0));
        assert!(input.next_actions.is_empty());
        assert_eq!(input.facilitator.as_deref(), Some("Awa"));
        assert_eq!(
            input.origin.as_deref(),
            Some("Essaimage de « Paniers solidaires »")
        );
        assert!(input.validate().is_ok());
    }

    #[test]
    fn a_plan_names_one_actor_per_role_and_a_territory() {
        let err = origin().essaimage_input(&plan(&["coop"])).unwrap_err();
        assert_eq!(err.0[0].field, "actors");
        let mut p = plan(&["coop", "asso2"]);
        p.territory.clear();
        let err = origin().essaimage_input(&p).unwrap_err();
        assert_eq!(err.0[0].field, "territory");
    }

    #[test]
    fn the_same_actor_twice_is_refused_by_validation() {
        let input = origin().essaimage_input(&plan(&["coop", "coop"])).unwrap();
        assert!(input.validate().is_err());
    }
}
