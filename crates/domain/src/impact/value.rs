//! The value of each party's contributions (Le RAMEAU's third object of
//! evaluation): money, skills (hours and their valuation) and in kind,
//! computed from the contributions stored.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::partnership::{Contribution, ContributionKind, Party};

/// What an hour of skills is valued at when a contribution gives hours but
/// no value, in euro cents: 11,88 €, the gross hourly SMIC in force since
/// 1 November 2024 (décret n° 2024-951). It is the floor French practice
/// uses to value donated time (volunteering in an association's accounts):
/// a partner's real cost (salary and charges, what mécénat de compétences
/// is valued at) is higher, so an estimate at this rate never overstates
/// what was given. Update it with the SMIC; a contribution that states its
/// value is never revalued.
pub const SKILLS_HOUR_RATE_CENTS: i64 = 1_188;

/// The contributions of one party, by what they are made of.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContributionValue {
    pub actor_id: String,
    /// In cash (« numéraire »).
    #[ts(type = "number")]
    pub money_cents: i64,
    /// Skills: hours given, in minutes.
    #[ts(type = "number")]
    pub skills_minutes: i64,
    /// Skills: their value, as stated, plus the estimate at
    /// [`SKILLS_HOUR_RATE_CENTS`] of the hours given without a value.
    #[ts(type = "number")]
    pub skills_cents: i64,
    /// The part of `skills_cents` estimated at the rate (0 when every
    /// skills contribution stated its value).
    #[ts(type = "number")]
    pub skills_estimated_cents: i64,
    /// In kind: goods, logistics, purchases and anything else, at the
    /// value stated.
    #[ts(type = "number")]
    pub in_kind_cents: i64,
    /// Money, skills and in kind.
    #[ts(type = "number")]
    pub total_cents: i64,
}

/// Which column a contribution's kind goes to: cash is money, skills are
/// skills, everything else (goods, logistics, purchases, other) is in kind.
fn add(value: &mut ContributionValue, c: &Contribution) {
    match c.kind {
        ContributionKind::Numeraire => value.money_cents += c.value_cents,
        ContributionKind::Competences => {
            value.skills_minutes += c.minutes;
            if c.value_cents == 0 && c.minutes > 0 {
                let estimate = c.minutes * SKILLS_HOUR_RATE_CENTS / 60;
                value.skills_cents += estimate;
                value.skills_estimated_cents += estimate;
            } else {
                value.skills_cents += c.value_cents;
            }
        }
        ContributionKind::Nature
        | ContributionKind::Logistique
        | ContributionKind::Achats
        | ContributionKind::Autre => value.in_kind_cents += c.value_cents,
    }
}

/// The value of each party's contributions, in the parties' order (a party
/// that brings nothing has a row of zeros).
#[must_use]
pub fn contribution_values(
    parties: &[Party],
    contributions: &[Contribution],
) -> Vec<ContributionValue> {
    parties
        .iter()
        .map(|p| {
            let mut value = ContributionValue {
                actor_id: p.actor_id.clone(),
                ..ContributionValue::default()
            };
            for c in contributions.iter().filter(|c| c.actor_id == p.actor_id) {
                add(&mut value, c);
            }
            value.total_cents = value.money_cents + value.skills_cents + value.in_kind_cents;
            value
        })
        .collect()
}
