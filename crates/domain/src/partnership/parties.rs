//! Who takes part (parties and their roles) and under which of Le RAMEAU's modes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::rameau::{MecenatKind, RameauMode};
use crate::text::fold;

/// The role a party plays in a partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PartyRole {
    Porteur,
    Partenaire,
    Financeur,
    Beneficiaire,
    CollectiviteAssociee,
    Operateur,
    Investisseur,
    Evaluateur,
    Structurateur,
}

impl PartyRole {
    pub const ALL: [Self; 9] = [
        Self::Porteur,
        Self::Partenaire,
        Self::Financeur,
        Self::Beneficiaire,
        Self::CollectiviteAssociee,
        Self::Operateur,
        Self::Investisseur,
        Self::Evaluateur,
        Self::Structurateur,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Porteur => "porteur",
            Self::Partenaire => "partenaire",
            Self::Financeur => "financeur",
            Self::Beneficiaire => "beneficiaire",
            Self::CollectiviteAssociee => "collectivite_associee",
            Self::Operateur => "operateur",
            Self::Investisseur => "investisseur",
            Self::Evaluateur => "evaluateur",
            Self::Structurateur => "structurateur",
        }
    }

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = fold(text.trim()).replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|r| r.code() == t)
    }
}

/// One organisation taking part, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Party {
    pub actor_id: String,
    pub role: PartyRole,
    /// A contact (person) of that actor, if one is named.
    #[serde(default)]
    pub contact_id: Option<String>,
}

/// The partnership's modes: one primary (unknown while exploring), others
/// secondary, and what a mécénat gives.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Modes {
    pub primary: Option<RameauMode>,
    pub secondary: Vec<RameauMode>,
    pub mecenat_kinds: Vec<MecenatKind>,
}

impl Modes {
    /// Whether `mode` is the primary or a secondary mode.
    #[must_use]
    pub fn has(&self, mode: RameauMode) -> bool {
        self.primary == Some(mode) || self.secondary.contains(&mode)
    }
}
