//! The demo territory: fictional actors and contacts in real Alsatian
//! communes, embedded from assets/demo/territory.json.

use serde::{Deserialize, Serialize};
use tisserand_domain::{ActorInput, ContactInput};
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorKind};
use crate::App;

pub(crate) const DEMO_KEY: &str = "demo_loaded";
const TERRITORY_JSON: &str = include_str!("../../../assets/demo/territory.json");

#[derive(Deserialize)]
struct DemoActor {
    key: String,
    #[serde(flatten)]
    input: ActorInput,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DemoContact {
    actor: String,
    #[serde(flatten)]
    input: ContactInput,
}

#[derive(Deserialize)]
struct Territory {
    actors: Vec<DemoActor>,
    contacts: Vec<DemoContact>,
}

/// How much the demo added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DemoSummary {
    pub actors: u32,
    pub contacts: u32,
}

fn internal(e: impl std::fmt::Display) -> AppError {
    AppError::new(
        ErrorKind::Internal,
        format!("Le territoire de démonstration intégré est illisible : {e}."),
        format!("The embedded demo territory is unreadable: {e}."),
    )
}

pub(crate) fn load(app: &mut App) -> AppResult<DemoSummary> {
    if app.store.meta(DEMO_KEY)?.is_some() {
        return Err(AppError::new(
            ErrorKind::Conflict,
            "Le territoire de démonstration est déjà chargé dans ce fichier.",
            "The demo territory is already loaded in this file.",
        ));
    }
    let territory: Territory = serde_json::from_str(TERRITORY_JSON).map_err(internal)?;
    let inputs: Vec<ActorInput> = territory.actors.iter().map(|a| a.input.clone()).collect();
    let ids = app.create_actors(&inputs)?;
    let by_key: std::collections::HashMap<&str, &String> = territory
        .actors
        .iter()
        .map(|a| a.key.as_str())
        .zip(ids.iter())
        .collect();
    let contacts = territory
        .contacts
        .iter()
        .map(|c| {
            let id = by_key
                .get(c.actor.as_str())
                .ok_or_else(|| internal(format!("unknown actor key {}", c.actor)))?;
            Ok(ContactInput {
                actor_id: Some((*id).clone()),
                ..c.input.clone()
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    let contact_ids = app.create_contacts(&contacts)?;
    app.store_mut()
        .set_meta(DEMO_KEY, &chrono::Utc::now().to_rfc3339())?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(DemoSummary {
        actors: count(ids.len()),
        contacts: count(contact_ids.len()),
    })
}
