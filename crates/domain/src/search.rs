//! Results of the global search box: actors and contacts together.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::ActorKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SearchEntity {
    Actor,
    Contact,
}

/// One search result. For a contact, `actor_id` is its organisation, and
/// `kind` that organisation's kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    pub entity: SearchEntity,
    pub id: String,
    pub actor_id: Option<String>,
    pub kind: Option<ActorKind>,
    pub title: String,
    pub subtitle: String,
}
