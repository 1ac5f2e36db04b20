//! The demo territory: fictional actors and contacts in real Alsatian
//! communes, embedded from assets/demo/territory.json.

use std::collections::HashMap;

use chrono::{NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use tisserand_domain::event::{EventBreak, EventInput, MeetingCapture};
use tisserand_domain::planner::WishLevel;
use tisserand_domain::ActorKind;
use tisserand_domain::{
    ActorInput, Clock, ContactInput, Contribution, ContributionKind, Counterpart, Indicator, Modes,
    NextAction, Objective, PartnershipInput, Party, PartyRole, Stage,
};
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
struct DemoParty {
    actor: String,
    role: PartyRole,
}

#[derive(Deserialize)]
struct DemoContribution {
    actor: String,
    kind: ContributionKind,
    euros: i64,
    hours: i64,
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DemoCounterpart {
    given_by: String,
    description: String,
    euros: i64,
}

/// A partnership of the demo, with the stage it has reached and when.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DemoPartnership {
    title: String,
    summary: Option<String>,
    parties: Vec<DemoParty>,
    modes: Modes,
    #[serde(default)]
    contributions: Vec<DemoContribution>,
    #[serde(default)]
    counterparts: Vec<DemoCounterpart>,
    #[serde(default)]
    next_actions: Vec<NextAction>,
    #[serde(default)]
    indicators: Vec<Indicator>,
    #[serde(default)]
    objectives: Vec<Objective>,
    #[serde(default)]
    territory: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    facilitator: Option<String>,
    stage: Stage,
    abandon_reason: Option<String>,
    created_on: NaiveDate,
    stage_since: NaiveDate,
}

#[derive(Deserialize)]
struct Territory {
    actors: Vec<DemoActor>,
    contacts: Vec<DemoContact>,
    #[serde(default)]
    partnerships: Vec<DemoPartnership>,
}

/// How much the demo added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DemoSummary {
    pub actors: u32,
    pub contacts: u32,
    pub partnerships: u32,
}

fn internal(e: impl std::fmt::Display) -> AppError {
    AppError::new(
        ErrorKind::Internal,
        format!("Le territoire de démonstration intégré est illisible : {e}."),
        format!("The embedded demo territory is unreadable: {e}."),
    )
}

pub(crate) fn load(app: &mut App, clock: Clock) -> AppResult<DemoSummary> {
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
    let by_key: HashMap<&str, &String> = territory
        .actors
        .iter()
        .map(|a| a.key.as_str())
        .zip(ids.iter())
        .collect();
    let contact_ids = load_contacts(app, &territory, &by_key)?;
    load_partnerships(app, &territory, &by_key, &contact_ids)?;
    crate::demo_impact::load(app, clock)?;
    crate::demo_story::load(app, clock)?;
    let kinds: Vec<(String, tisserand_domain::ActorKind)> = territory
        .actors
        .iter()
        .zip(ids.iter())
        .filter_map(|(a, id)| Some((id.clone(), a.input.kind?)))
        .collect();
    // The past event's mutual ticks become partnerships too: count them, so
    // the summary says what the board shows.
    let leads = load_events(app, &kinds, clock)?;
    app.store_mut()
        .set_meta(DEMO_KEY, &clock.utc().to_rfc3339())?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(DemoSummary {
        actors: count(ids.len()),
        contacts: count(contact_ids.len()),
        partnerships: count(territory.partnerships.len() + leads),
    })
}

/// The demo's contacts, each in its actor (named by key); their ids, in the
/// territory's order.
fn load_contacts(
    app: &mut App,
    territory: &Territory,
    by_key: &HashMap<&str, &String>,
) -> AppResult<Vec<String>> {
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
    app.create_contacts(&contacts)
}

/// The demo's partnerships, each party with its actor's first contact, and
/// a territory of the parties' communes where the demo names none.
fn load_partnerships(
    app: &mut App,
    territory: &Territory,
    by_key: &HashMap<&str, &String>,
    contact_ids: &[String],
) -> AppResult<()> {
    let actor = |key: &str| -> AppResult<String> {
        by_key
            .get(key)
            .map(|id| (*id).clone())
            .ok_or_else(|| internal(format!("unknown actor key {key}")))
    };
    let communes: HashMap<&str, &str> = territory
        .actors
        .iter()
        .filter_map(|a| Some((a.key.as_str(), a.input.commune_insee.as_deref()?)))
        .collect();
    // Each party's contact person: its actor's first contact.
    let mut first_contact: HashMap<&str, &String> = HashMap::new();
    for (c, id) in territory.contacts.iter().zip(contact_ids) {
        first_contact.entry(c.actor.as_str()).or_insert(id);
    }
    let contact = |key: &str| first_contact.get(key).map(|id| (*id).clone());
    for p in &territory.partnerships {
        // Where the demo names no territory, it is the parties' communes.
        let mut places = p.territory.clone();
        if places.is_empty() {
            for party in &p.parties {
                if let Some(c) = communes.get(party.actor.as_str()) {
                    if !places.iter().any(|x| x == c) {
                        places.push((*c).to_owned());
                    }
                }
            }
        }
        load_partnership(app, p, &places, &actor, &contact)?;
    }
    Ok(())
}

/// Creates one demo partnership, walks it through the pipeline to its stage
/// (so its timeline tells the story) and dates that story in the past.
fn load_partnership(
    app: &mut App,
    p: &DemoPartnership,
    territory: &[String],
    actor: &dyn Fn(&str) -> AppResult<String>,
    contact: &dyn Fn(&str) -> Option<String>,
) -> AppResult<()> {
    let input = PartnershipInput {
        title: p.title.clone(),
        summary: p.summary.clone(),
        territory: territory.to_vec(),
        parties: p
            .parties
            .iter()
            .map(|party| {
                Ok(Party {
                    actor_id: actor(&party.actor)?,
                    role: party.role,
                    contact_id: contact(&party.actor),
                })
            })
            .collect::<AppResult<_>>()?,
        modes: p.modes.clone(),
        contributions: p
            .contributions
            .iter()
            .map(|c| {
                Ok(Contribution {
                    actor_id: actor(&c.actor)?,
                    kind: c.kind,
                    value_cents: c.euros * 100,
                    minutes: c.hours * 60,
                    description: c.description.clone(),
                })
            })
            .collect::<AppResult<_>>()?,
        counterparts: p
            .counterparts
            .iter()
            .map(|c| {
                Ok(Counterpart {
                    given_by: actor(&c.given_by)?,
                    description: c.description.clone(),
                    value_cents: c.euros * 100,
                })
            })
            .collect::<AppResult<_>>()?,
        facilitator: p.facilitator.clone(),
        tags: p.tags.clone(),
        origin: Some("Territoire de démonstration".to_owned()),
        next_actions: p.next_actions.clone(),
        objectives: p.objectives.clone(),
        indicators: p.indicators.clone(),
    };
    let id = app.create_partnership(&input)?.id;
    let steps: Vec<Stage> = if p.stage == Stage::Abandonne {
        vec![Stage::Exploration, Stage::Abandonne]
    } else {
        Stage::ALL
            .into_iter()
            .take_while(|s| *s != p.stage)
            .skip(1)
            .chain([p.stage])
            .filter(|s| *s != Stage::Rencontre)
            .collect()
    };
    for stage in steps {
        app.move_partnership(&id, stage, p.abandon_reason.as_deref())?;
    }
    let noon = |d: NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(9, 30, 0).unwrap_or_default());
    app.store_mut()
        .backdate_partnership(&id, noon(p.created_on), noon(p.stage_since))?;
    Ok(())
}

/// Two speed-datings: one held seven weeks before `clock`'s day (ticks
/// captured, leads created, follow-ups), one two weeks after (planned, not
/// started). Returns the number of partnerships the leads created.
fn load_events(app: &mut App, actors: &[(String, ActorKind)], clock: Clock) -> AppResult<usize> {
    let of = |kind: ActorKind| -> Vec<&String> {
        actors
            .iter()
            .filter(|(_, k)| *k == kind)
            .map(|(id, _)| id)
            .collect()
    };
    let associations = of(ActorKind::Association);
    let companies = of(ActorKind::Entreprise);
    let leads = load_held_event(app, &associations, &companies, clock)?;
    load_coming_event(app, &associations, &companies, clock.today())?;
    Ok(leads)
}

/// A demo event `days` from `today`, from 14:00, rounds of seven minutes,
/// a break of a quarter of an hour half-way.
fn demo_event(
    today: NaiveDate,
    name: &str,
    days: i64,
    (rounds, tables): (u32, u32),
    venue: &str,
) -> EventInput {
    EventInput {
        name: name.into(),
        date: (today + chrono::Duration::days(days))
            .format("%d/%m/%Y")
            .to_string(),
        venue: Some(venue.into()),
        start_time: "14:00".into(),
        round_minutes: 7,
        changeover_minutes: 2,
        rounds,
        tables,
        breaks: vec![EventBreak {
            after_round: rounds / 2,
            minutes: 15,
        }],
        ..EventInput::default()
    }
}

/// The held event: six associations, seven companies, six rounds, wishes,
/// every round played, ticks captured and the leads created. Returns the
/// number of partnerships the leads created.
fn load_held_event(
    app: &mut App,
    associations: &[&String],
    companies: &[&String],
    clock: Clock,
) -> AppResult<usize> {
    let past = app.create_event(&demo_event(
        clock.today(),
        "Speed-dating entreprises–associations de Haguenau",
        -49,
        (6, 6),
        "Espace Saint-Martin, Haguenau",
    ))?;
    for id in associations.iter().take(6).chain(companies.iter().take(7)) {
        app.add_event_participant(&past.id, id, None, None)?;
    }
    set_demo_wishes(app, &past.id)?;
    let planned = app.plan_event(&past.id)?;
    app.set_event_played_rounds(&past.id, planned.event.rounds)?;
    for (i, m) in planned.meetings.iter().enumerate() {
        let (seated_tick, visitor_tick) = (i % 3 == 0, i % 4 == 0 || i % 7 == 1);
        if seated_tick || visitor_tick {
            app.capture_event_meeting(
                &past.id,
                &MeetingCapture {
                    round: m.round,
                    table: m.table,
                    seated_tick,
                    visitor_tick,
                    seated_note: seated_tick
                        .then(|| "Échanger sur nos besoins en bénévoles".to_owned()),
                    visitor_note: None,
                },
            )?;
        }
    }
    Ok(app.create_event_leads(&past.id, clock)?.partnerships.len())
}

/// Each visitor must see one seated participant; seated participants would
/// see a visitor two places on.
fn set_demo_wishes(app: &mut App, event_id: &str) -> AppResult<()> {
    let detail = app.get_event(event_id)?;
    let seated: Vec<&str> = detail
        .participants
        .iter()
        .filter(|p| p.side == detail.event.seated_side)
        .map(|p| p.id.as_str())
        .collect();
    let visitors: Vec<&str> = detail
        .participants
        .iter()
        .filter(|p| p.side != detail.event.seated_side)
        .map(|p| p.id.as_str())
        .collect();
    for (i, v) in visitors.iter().enumerate() {
        if let Some(s) = seated.get(i % seated.len()) {
            app.set_event_wish(event_id, v, s, Some(WishLevel::Must))?;
        }
        if let Some(s) = seated.get((i + 2) % seated.len()) {
            app.set_event_wish(event_id, s, v, Some(WishLevel::Would))?;
        }
    }
    Ok(())
}

/// The coming event: eight associations, eight companies, eight rounds,
/// planned.
fn load_coming_event(
    app: &mut App,
    associations: &[&String],
    companies: &[&String],
    today: NaiveDate,
) -> AppResult<()> {
    let next = app.create_event(&demo_event(
        today,
        "Rencontres entreprises–associations de Colmar",
        14,
        (8, 8),
        "Salle des Catherinettes, Colmar",
    ))?;
    for id in associations
        .iter()
        .rev()
        .take(8)
        .chain(companies.iter().rev().take(8))
    {
        app.add_event_participant(&next.id, id, None, None)?;
    }
    app.plan_event(&next.id)?;
    Ok(())
}
