//! Suggested wishes at an event: for each participant, the participants of
//! the other side the « champ des possibles » ranks best for it (« vous
//! devriez rencontrer… »), which the facilitator accepts in one action
//! before planning.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use tisserand_domain::event::{EventDetail, EventSide, Presence};
use tisserand_domain::planner::WishLevel;
use tisserand_domain::{ActorKind, FieldError, RameauMode};
use ts_rs::TS;

use crate::{App, AppError, AppResult};

/// How many people a participant is suggested to wish to meet, counting
/// the wishes it already made (« non merci » aside).
pub const SUGGESTIONS_PER_PARTICIPANT: u32 = 3;

/// The level an accepted suggestion gets: « aimerait rencontrer » — a wish
/// the planner serves after the « à rencontrer absolument » ones, never a
/// « must » the participant did not say.
pub const SUGGESTED_WISH: WishLevel = WishLevel::Would;

/// A participant of the other side suggested to one participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WishSuggestion {
    /// The suggested participant's id.
    pub to: String,
    pub actor_id: String,
    pub actor_name: String,
    pub actor_kind: ActorKind,
    pub score: u32,
    /// The plausible modes, most plausible first.
    pub modes: Vec<RameauMode>,
    /// Why, strongest first (French, then English).
    pub reasons: Vec<String>,
    pub reasons_en: Vec<String>,
}

/// The suggestions for one participant, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ParticipantWishSuggestions {
    /// The participant's id (the wishes' `from`).
    pub participant_id: String,
    pub actor_name: String,
    pub side: EventSide,
    pub suggestions: Vec<WishSuggestion>,
}

/// An event's suggested wishes: the participants that have some, in the
/// event's order, and the level accepting them sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventWishSuggestions {
    pub participants: Vec<ParticipantWishSuggestions>,
    /// How many suggestions in all.
    pub total: u32,
    pub level: WishLevel,
}

impl EventWishSuggestions {
    /// Every suggested pair, in the order shown.
    #[must_use]
    pub fn pairs(&self) -> Vec<WishPair> {
        self.participants
            .iter()
            .flat_map(|p| {
                p.suggestions.iter().map(|x| WishPair {
                    from: p.participant_id.clone(),
                    to: x.to.clone(),
                })
            })
            .collect()
    }
}

/// One wish to add: participant `from` wants to meet participant `to`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WishPair {
    pub from: String,
    pub to: String,
}

/// Wishes only matter while a round is left to plan.
fn check_rounds_left(detail: &EventDetail) -> AppResult<()> {
    let e = &detail.event;
    if e.played_rounds >= e.rounds {
        return Err(AppError::field(FieldError::new(
            "wishes",
            format!(
                "Les {} tours de « {} » ont tous commencé : un souhait ne changerait plus le planning.",
                e.rounds, e.name
            ),
            format!(
                "Every round of \"{}\" has started: a wish would no longer change the plan.",
                e.name
            ),
        )));
    }
    Ok(())
}

/// The pairs (either way) not to suggest: those with a wish, and the
/// `partners` the planner keeps apart.
fn kept_apart<'a>(
    detail: &'a EventDetail,
    partners: &'a [(String, String)],
) -> HashSet<(&'a str, &'a str)> {
    detail
        .wishes
        .iter()
        .map(|w| (w.from.as_str(), w.to.as_str()))
        .chain(partners.iter().map(|(s, v)| (s.as_str(), v.as_str())))
        .flat_map(|(a, b)| [(a, b), (b, a)])
        .collect()
}

impl App {
    /// For each participant not marked absent, the present participants of
    /// the other side it should meet, best first, as many as it lacks to
    /// wish to meet `SUGGESTIONS_PER_PARTICIPANT` people: ranked by the
    /// « champ des possibles » among them, leaving out pairs that already have a wish (either way,
    /// « non merci » included) and, unless the event allows it, pairs
    /// already partners (they would not meet).
    ///
    /// # Errors
    /// `NotFound`; `Invalid` once every round has started; a storage error.
    pub fn list_event_wish_suggestions(&self, event_id: &str) -> AppResult<EventWishSuggestions> {
        let detail = self.get_event(event_id)?;
        check_rounds_left(&detail)?;
        let partners = if detail.event.allow_partners {
            Vec::new()
        } else {
            self.store.event_partner_pairs(event_id)?
        };
        let kept_apart = kept_apart(&detail, &partners);
        let present: Vec<_> = detail
            .participants
            .iter()
            .filter(|p| p.presence != Presence::Absent)
            .collect();
        let mut out = EventWishSuggestions {
            participants: Vec::new(),
            total: 0,
            level: SUGGESTED_WISH,
        };
        for p in &present {
            let others: BTreeMap<&str, &str> = present
                .iter()
                .filter(|o| {
                    o.side != p.side && !kept_apart.contains(&(p.id.as_str(), o.id.as_str()))
                })
                .map(|o| (o.actor_id.as_str(), o.id.as_str()))
                .collect();
            if others.is_empty() {
                continue;
            }
            let among: Vec<String> = others.keys().map(|&a| a.to_owned()).collect();
            let wished = detail
                .wishes
                .iter()
                .filter(|w| w.from == p.id && w.level != WishLevel::No)
                .count();
            let room = SUGGESTIONS_PER_PARTICIPANT
                .saturating_sub(u32::try_from(wished).unwrap_or(u32::MAX));
            if room == 0 {
                continue;
            }
            let ranked = self.store.possibilities_among(&p.actor_id, &among, room)?;
            let suggestions: Vec<WishSuggestion> = ranked
                .into_iter()
                .filter_map(|x| {
                    Some(WishSuggestion {
                        to: (*others.get(x.actor_id.as_str())?).to_owned(),
                        actor_id: x.actor_id,
                        actor_name: x.actor_name,
                        actor_kind: x.actor_kind,
                        score: x.score,
                        modes: x.modes,
                        reasons: x.reasons,
                        reasons_en: x.reasons_en,
                    })
                })
                .collect();
            if suggestions.is_empty() {
                continue;
            }
            out.total += u32::try_from(suggestions.len()).unwrap_or(0);
            out.participants.push(ParticipantWishSuggestions {
                participant_id: p.id.clone(),
                actor_name: p.actor_name.clone(),
                side: p.side,
                suggestions,
            });
        }
        Ok(out)
    }

    /// Adds the accepted suggestions as « aimerait rencontrer » wishes
    /// (`SUGGESTED_WISH`), all in one transaction: all or none.
    ///
    /// # Errors
    /// `NotFound` (event, participant); `Invalid` for no pair, a pair on
    /// one side, a pair that already has a wish, or once every round has
    /// started; a storage error.
    pub fn accept_event_wish_suggestions(
        &mut self,
        event_id: &str,
        pairs: &[WishPair],
    ) -> AppResult<EventDetail> {
        let detail = self.get_event(event_id)?;
        check_rounds_left(&detail)?;
        let mut seen = HashSet::new();
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .filter(|p| seen.insert(*p))
            .map(|p| (p.from.clone(), p.to.clone()))
            .collect();
        if pairs.is_empty() {
            return Err(AppError::field(FieldError::new(
                "wishes",
                "Aucun souhait à ajouter : cochez au moins une suggestion.",
                "No wish to add: tick at least one suggestion.",
            )));
        }
        self.store.add_wishes(event_id, &pairs, SUGGESTED_WISH)?;
        self.get_event(event_id)
    }
}

#[cfg(test)]
#[path = "event_wish_tests.rs"]
mod tests;
