//! The pipeline's stages and the moves between them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::SHORT_TEXT_MAX;
use crate::clock::Clock;
use crate::error::FieldError;
use crate::text::fold;

/// A stage of the pipeline, after the MEDEF–RAMEAU guide "Construire ensemble".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    Rencontre,
    Exploration,
    Preparation,
    Contractualisation,
    MiseEnOeuvre,
    Evaluation,
    Essaimage,
    Abandonne,
}

impl Stage {
    pub const ALL: [Self; 8] = [
        Self::Rencontre,
        Self::Exploration,
        Self::Preparation,
        Self::Contractualisation,
        Self::MiseEnOeuvre,
        Self::Evaluation,
        Self::Essaimage,
        Self::Abandonne,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Rencontre => "rencontre",
            Self::Exploration => "exploration",
            Self::Preparation => "preparation",
            Self::Contractualisation => "contractualisation",
            Self::MiseEnOeuvre => "mise_en_oeuvre",
            Self::Evaluation => "evaluation",
            Self::Essaimage => "essaimage",
            Self::Abandonne => "abandonne",
        }
    }

    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Rencontre => "Rencontre",
            Self::Exploration => "Exploration",
            Self::Preparation => "Préparation",
            Self::Contractualisation => "Contractualisation",
            Self::MiseEnOeuvre => "Mise en œuvre",
            Self::Evaluation => "Évaluation",
            Self::Essaimage => "Essaimage",
            Self::Abandonne => "Abandonné",
        }
    }

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let t = fold(text.trim())
            .replace(['-', ' '], "_")
            .replace("œ", "oe");
        let t = if t == "abandonnee" || t == "abandon" {
            "abandonne".to_owned()
        } else {
            t
        };
        Self::ALL.into_iter().find(|s| s.code() == t)
    }

    /// The stage after this one in the flow, where a card steps forward by
    /// keyboard: none after `essaimage`, and none into or out of `abandonne`
    /// (abandoning needs a reason; reopening, a chosen stage).
    #[must_use]
    pub fn next(self) -> Option<Self> {
        self.step(1)
    }

    /// The stage before this one in the flow (see [`Stage::next`]).
    #[must_use]
    pub fn previous(self) -> Option<Self> {
        self.step(-1)
    }

    fn step(self, by: isize) -> Option<Self> {
        if self == Self::Abandonne {
            return None;
        }
        let at = Self::ALL.iter().position(|s| *s == self)?;
        Self::ALL
            .get(at.checked_add_signed(by)?)
            .copied()
            .filter(|s| *s != Self::Abandonne)
    }

    /// Checks a move from `self` to `to`. Any move between the active stages
    /// is allowed (forward, or back when a step must be redone); abandoning,
    /// from any stage, needs a reason; an abandoned partnership is reopened
    /// by moving it to an active stage.
    ///
    /// # Errors
    /// A `stage` or `reason` field error.
    pub fn check_move(self, to: Self, reason: Option<&str>) -> Result<(), FieldError> {
        if self == to {
            return Err(FieldError::new(
                "stage",
                format!("Le partenariat est déjà à l'étape « {} ».", to.label_fr()),
                format!("The partnership is already at stage \"{}\".", to.code()),
            ));
        }
        let reason = reason.map(str::trim).unwrap_or_default();
        if to == Self::Abandonne && reason.is_empty() {
            return Err(FieldError::new(
                "reason",
                "Indiquez pourquoi le partenariat est abandonné (--reason).",
                "Say why the partnership is abandoned (--reason).",
            ));
        }
        if crate::text::char_count(reason) > SHORT_TEXT_MAX {
            return Err(FieldError::new(
                "reason",
                format!("La raison est trop longue : {SHORT_TEXT_MAX} caractères au plus."),
                format!("The reason is too long: at most {SHORT_TEXT_MAX} characters."),
            ));
        }
        Ok(())
    }
}

/// Whole days on the caller's calendar since a partnership entered its
/// stage at `changed_at`: 0 the same day (or for a date after today).
#[must_use]
pub fn days_in_stage(changed_at: DateTime<Utc>, clock: Clock) -> u32 {
    let offset = clock.local() - clock.utc().naive_utc();
    let entered = (changed_at.naive_utc() + offset).date();
    let days = (clock.today() - entered).num_days().max(0);
    u32::try_from(days).unwrap_or(u32::MAX)
}
