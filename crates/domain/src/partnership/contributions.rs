//! What each party brings (contributions, counterparts), amounts as people
//! write them, and the totals with the mécénat balance.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Modes, Party, PartyRole};
use crate::rameau::RameauMode;
use crate::text::fold;

/// The largest amount accepted for one contribution or counterpart:
/// 100 million euros, in cents.
pub const AMOUNT_MAX_CENTS: i64 = 10_000_000_000;
/// The largest duration accepted for one contribution: 100,000 hours, in minutes.
pub const MINUTES_MAX: i64 = 6_000_000;
/// A gift's counterparts must stay below this share of it (in percent) for
/// the gift to count as mécénat.
pub const COUNTERPART_LIMIT_PERCENT: i64 = 25;
/// The reduction of a company's tax on a mécénat gift, in percent (an
/// estimate: ceilings and carry-overs are not applied).
pub const TAX_REDUCTION_PERCENT: i64 = 60;

/// What a contribution is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ContributionKind {
    Numeraire,
    Nature,
    Competences,
    Logistique,
    Achats,
    Autre,
}

impl ContributionKind {
    pub const ALL: [Self; 6] = [
        Self::Numeraire,
        Self::Nature,
        Self::Competences,
        Self::Logistique,
        Self::Achats,
        Self::Autre,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Numeraire => "numeraire",
            Self::Nature => "nature",
            Self::Competences => "competences",
            Self::Logistique => "logistique",
            Self::Achats => "achats",
            Self::Autre => "autre",
        }
    }

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = fold(text.trim()).replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|k| k.code() == t)
    }
}

/// What one party brings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Contribution {
    /// The party (actor id) who brings it.
    pub actor_id: String,
    pub kind: ContributionKind,
    /// Value in euro cents.
    #[ts(type = "number")]
    pub value_cents: i64,
    /// Time given, in minutes.
    #[serde(default)]
    #[ts(type = "number")]
    pub minutes: i64,
    #[serde(default)]
    pub description: Option<String>,
}

/// What a party gives back (visibility, tickets, a logo on a poster…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Counterpart {
    /// The party (actor id) who gives it.
    pub given_by: String,
    pub description: String,
    #[ts(type = "number")]
    pub value_cents: i64,
}

/// An amount in cents written the French way: "1 234,50 €".
#[must_use]
pub fn format_euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let euros = usize::try_from(abs / 100).unwrap_or(usize::MAX);
    format!(
        "{sign}{},{:02} €",
        crate::text::group_digits(euros),
        abs % 100
    )
}

/// Reads a decimal number with at most two decimals ("1 500,50", "12.5",
/// "-3") as hundredths. `None` when it is not a number or overflows.
fn parse_hundredths(text: &str) -> Option<i64> {
    let t: String = text
        .trim()
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.replace(',', ".")),
        None => (false, t.replace(',', ".")),
    };
    let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
    if (int.is_empty() && frac.is_empty())
        || !int.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
    {
        return None;
    }
    let whole: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let part: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    let value = whole.checked_mul(100)?.checked_add(part)?;
    Some(if negative { -value } else { value })
}

/// Reads an amount in euros as people write it ("1 500", "1500,50 €",
/// "12.5") into cents. Negative amounts are read, for validation to refuse.
#[must_use]
pub fn parse_euros(text: &str) -> Option<i64> {
    parse_hundredths(text)
}

/// Reads a number of hours ("12", "1,5") into minutes.
#[must_use]
pub fn parse_hours(text: &str) -> Option<i64> {
    parse_hundredths(text)?.checked_mul(60).map(|m| m / 100)
}

/// What one party brings in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartyTotal {
    pub actor_id: String,
    #[ts(type = "number")]
    pub value_cents: i64,
    #[ts(type = "number")]
    pub minutes: i64,
    /// What this party gives back.
    #[ts(type = "number")]
    pub counterpart_cents: i64,
}

/// A mécénat's gift against its counterparts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MecenatBalance {
    /// What the parties other than beneficiaries bring.
    #[ts(type = "number")]
    pub gift_cents: i64,
    /// What is given back, by whoever.
    #[ts(type = "number")]
    pub counterpart_cents: i64,
    /// Counterparts over gift, in basis points (2500 = 25 %); `None` without a gift.
    pub ratio_basis_points: Option<u32>,
    /// The counterparts exceed 25 % of the gift.
    pub over_limit: bool,
    /// French warning when over the limit.
    pub warning: Option<String>,
    pub warning_en: Option<String>,
    /// An ESTIMATE: 60 % of the gift, before ceilings (0.5 % of turnover or
    /// 20,000 €) and carry-overs.
    #[ts(type = "number")]
    pub estimated_tax_reduction_cents: i64,
}

/// Sums of contributions per party and overall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Totals {
    /// In the order of the parties.
    pub per_party: Vec<PartyTotal>,
    #[ts(type = "number")]
    pub value_cents: i64,
    #[ts(type = "number")]
    pub minutes: i64,
    #[ts(type = "number")]
    pub counterpart_cents: i64,
    /// Present when mécénat is among the modes.
    pub mecenat: Option<MecenatBalance>,
}

/// The balance of a gift and its counterparts: the ratio, a warning above
/// 25 %, and an estimated tax reduction of 60 % of the gift.
#[must_use]
pub fn mecenat_balance(gift_cents: i64, counterpart_cents: i64) -> MecenatBalance {
    let ratio_basis_points = (gift_cents > 0).then(|| {
        let bp = i128::from(counterpart_cents) * 10_000 / i128::from(gift_cents);
        u32::try_from(bp.max(0)).unwrap_or(u32::MAX)
    });
    let over_limit = gift_cents > 0
        && i128::from(counterpart_cents) * 100
            > i128::from(gift_cents) * i128::from(COUNTERPART_LIMIT_PERCENT);
    let (warning, warning_en) = if over_limit {
        let pct = ratio_basis_points.map_or(0, |bp| bp / 100);
        (
            Some(format!(
                "Les contreparties représentent {pct} % du don : au-delà de {COUNTERPART_LIMIT_PERCENT} %, \
                 le don risque de ne plus être reconnu comme du mécénat."
            )),
            Some(format!(
                "Counterparts are {pct} % of the gift: above {COUNTERPART_LIMIT_PERCENT} %, the gift may no \
                 longer count as mécénat."
            )),
        )
    } else {
        (None, None)
    };
    MecenatBalance {
        gift_cents,
        counterpart_cents,
        ratio_basis_points,
        over_limit,
        warning,
        warning_en,
        estimated_tax_reduction_cents: gift_cents.max(0) * TAX_REDUCTION_PERCENT / 100,
    }
}

/// Totals per party (in the parties' order) and overall; the mécénat balance
/// when mécénat is among the modes, the gift being what the parties other
/// than beneficiaries bring.
#[must_use]
pub fn totals(
    parties: &[Party],
    modes: &Modes,
    contributions: &[Contribution],
    counterparts: &[Counterpart],
) -> Totals {
    let per_party: Vec<PartyTotal> = parties
        .iter()
        .map(|p| PartyTotal {
            actor_id: p.actor_id.clone(),
            value_cents: contributions
                .iter()
                .filter(|c| c.actor_id == p.actor_id)
                .map(|c| c.value_cents)
                .sum(),
            minutes: contributions
                .iter()
                .filter(|c| c.actor_id == p.actor_id)
                .map(|c| c.minutes)
                .sum(),
            counterpart_cents: counterparts
                .iter()
                .filter(|c| c.given_by == p.actor_id)
                .map(|c| c.value_cents)
                .sum(),
        })
        .collect();
    let value_cents = contributions.iter().map(|c| c.value_cents).sum();
    let minutes = contributions.iter().map(|c| c.minutes).sum();
    let counterpart_cents = counterparts.iter().map(|c| c.value_cents).sum();
    let mecenat = modes.has(RameauMode::Mecenat).then(|| {
        let gift = parties
            .iter()
            .zip(&per_party)
            .filter(|(p, _)| p.role != PartyRole::Beneficiaire)
            .map(|(_, t)| t.value_cents)
            .sum();
        mecenat_balance(gift, counterpart_cents)
    });
    Totals {
        per_party,
        value_cents,
        minutes,
        counterpart_cents,
        mecenat,
    }
}
