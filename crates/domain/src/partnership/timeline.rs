//! The timeline: what happened to a partnership, as data, and its French wording.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Modes, Stage};
use crate::rameau::RameauMode;

/// What happened, as data: the reader words it in their language (the
/// window through its i18n, the PDF brief and the command line in French
/// with [`TimelineFact::text_fr`]). Only what a person typed (a note, a
/// reason, an action's text) is kept as text, as typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum TimelineFact {
    /// Created, with these modes.
    Created { modes: Modes },
    /// Created from a speed-dating meeting where both sides ticked « à revoir ».
    EventLead {
        event: String,
        #[ts(type = "string")]
        date: NaiveDate,
        round: u32,
        table: u32,
    },
    /// Created by spreading partnership `origin` (its title), with these modes.
    SpawnedFrom { origin: String, modes: Modes },
    /// Spread into a new partnership titled `title`.
    Spawned { title: String },
    /// Moved from one stage to the next (or back).
    Stage {
        from: Stage,
        to: Stage,
        #[serde(default)]
        reason: Option<String>,
    },
    /// Abandoned while at stage `from`.
    Abandoned {
        from: Stage,
        #[serde(default)]
        reason: Option<String>,
    },
    /// Reopened at stage `to`.
    Reopened {
        to: Stage,
        #[serde(default)]
        reason: Option<String>,
    },
    /// The primary or secondary modes changed.
    Modes { from: Modes, to: Modes },
    /// A note as the person typed it; also a sentence written before
    /// timeline entries were data that could not be read back (shown as is).
    Note { text: String },
    /// A next action was marked done.
    ActionDone {
        action: String,
        #[serde(default)]
        owner: Option<String>,
    },
    /// A new value of an indicator, measured on `on`.
    Measure {
        indicator: String,
        value: f64,
        #[serde(default)]
        unit: Option<String>,
        #[ts(type = "string")]
        on: NaiveDate,
    },
    /// The agreement's text (preamble, clauses) was changed.
    AgreementEdited,
    /// Party `actor` (its name) evaluated the partnership on `on`.
    Evaluated {
        actor: String,
        #[ts(type = "string")]
        on: NaiveDate,
    },
    /// The evaluation party `actor` gave on `on` was deleted.
    EvaluationDeleted {
        actor: String,
        #[ts(type = "string")]
        on: NaiveDate,
    },
    /// Duplicates merged: the record `from` (an organisation or a contact)
    /// was merged into `into`, which this partnership now names.
    Merged {
        entity: MergedEntity,
        from: String,
        into: String,
    },
}

/// What kind of record a merge joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MergedEntity {
    Actor,
    Contact,
}

/// « Mécénat + Coopération économique », « à préciser » without a primary mode.
fn modes_fr(m: &Modes) -> String {
    let Some(primary) = m.primary else {
        return "à préciser".to_owned();
    };
    std::iter::once(primary)
        .chain(m.secondary.iter().copied())
        .map(RameauMode::label_fr)
        .collect::<Vec<_>>()
        .join(" + ")
}

/// « 12,5 » : a measured value as French writes it.
fn number_fr(v: f64) -> String {
    v.to_string().replace('.', ",")
}

impl TimelineFact {
    /// The entry as a French sentence (PDF brief, command line, personal
    /// data reports).
    #[must_use]
    pub fn text_fr(&self) -> String {
        let because =
            |r: &Option<String>| r.as_ref().map(|r| format!(" : {r}")).unwrap_or_default();
        match self {
            Self::Created { modes } => format!("Partenariat créé (mode : {}).", modes_fr(modes)),
            Self::EventLead { event, date, round, table } => format!(
                "Rencontre au speed-dating « {event} » ({}), tour {round}, table {table} : les deux ont coché « à revoir ».",
                crate::text::date_long_fr(*date)
            ),
            Self::SpawnedFrom { origin, modes } => format!(
                "Partenariat essaimé depuis « {origin} » (mode : {}).",
                modes_fr(modes)
            ),
            Self::Spawned { title } => format!("Essaimé : « {title} »."),
            Self::Stage { from, to, reason } => {
                format!("{} → {}{}.", from.label_fr(), to.label_fr(), because(reason))
            }
            Self::Abandoned { from, reason } => {
                format!("Abandonné à l'étape « {} »{}.", from.label_fr(), because(reason))
            }
            Self::Reopened { to, reason } => {
                format!("Rouvert à l'étape « {} »{}.", to.label_fr(), because(reason))
            }
            Self::Modes { from, to } => format!("Mode : {} → {}.", modes_fr(from), modes_fr(to)),
            Self::Note { text } => text.clone(),
            Self::ActionDone { action, owner } => {
                let owner = owner.as_ref().map(|o| format!(" ({o})")).unwrap_or_default();
                format!("Action faite : {action}{owner}")
            }
            Self::Measure { indicator, value, unit, on } => {
                let unit = unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
                format!(
                    "Indicateur « {indicator} » : {}{unit} au {}.",
                    number_fr(*value),
                    on.format("%d/%m/%Y")
                )
            }
            Self::AgreementEdited => {
                "Texte de la convention modifié (préambule, clauses).".to_owned()
            }
            Self::Evaluated { actor, on } => format!(
                "Évaluation de « {actor} » du {}.",
                crate::text::date_long_fr(*on)
            ),
            Self::EvaluationDeleted { actor, on } => format!(
                "Évaluation de « {actor} » du {} supprimée.",
                crate::text::date_long_fr(*on)
            ),
            Self::Merged { entity, from, into } => match entity {
                MergedEntity::Actor => {
                    format!("Doublons fusionnés : « {from} » a été fusionné dans « {into} ».")
                }
                MergedEntity::Contact => format!(
                    "Doublons fusionnés : le contact « {from} » a été fusionné dans « {into} »."
                ),
            },
        }
    }

    /// Every text of the entry that came from people (titles, names,
    /// notes, reasons), for the personal-data search and erasure.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        match self {
            Self::Created { .. } | Self::Modes { .. } | Self::AgreementEdited => Vec::new(),
            Self::EventLead { event, .. } => vec![event],
            Self::SpawnedFrom { origin, .. } => vec![origin],
            Self::Spawned { title } => vec![title],
            Self::Stage { reason, .. }
            | Self::Abandoned { reason, .. }
            | Self::Reopened { reason, .. } => reason.iter_mut().collect(),
            Self::Note { text } => vec![text],
            Self::ActionDone { action, owner } => {
                std::iter::once(action).chain(owner.iter_mut()).collect()
            }
            Self::Measure {
                indicator, unit, ..
            } => std::iter::once(indicator).chain(unit.iter_mut()).collect(),
            Self::Merged { from, into, .. } => vec![from, into],
            Self::Evaluated { actor, .. } | Self::EvaluationDeleted { actor, .. } => vec![actor],
        }
    }
}

/// One dated event of a partnership's life: when, and what happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TimelineEntry {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub fact: TimelineFact,
}

impl TimelineEntry {
    /// The entry as a French sentence.
    #[must_use]
    pub fn text_fr(&self) -> String {
        self.fact.text_fr()
    }
}
