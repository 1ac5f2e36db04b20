//! The sample partnership (a fictional mécénat between a bakery and a
//! circus school, a town hall associated), read from
//! `tests/fixtures/sample.json`, and helpers shared by the tests, the
//! benchmark and the `render` example.
#![allow(dead_code)]

pub mod impact;
pub mod pdf;

use chrono::{NaiveDate, NaiveTime};
use serde_json::Value;
use tisserand_documents::{
    DocumentData, EventPackData, PackMeeting, PackParticipant, PackRound, PartyData,
};

const SAMPLE: &str = include_str!("../fixtures/sample.json");

fn take<T: serde::de::DeserializeOwned>(v: &Value, key: &str) -> T {
    serde_json::from_value(v[key].clone()).unwrap_or_else(|e| panic!("sample.json {key}: {e}"))
}

/// The sample data.
pub fn sample() -> DocumentData {
    let v: Value = serde_json::from_str(SAMPLE).expect("sample.json");
    let parties = v["parties"]
        .as_array()
        .expect("parties")
        .iter()
        .map(|p| PartyData {
            actor: take(p, "actor"),
            contact: take(p, "contact"),
        })
        .collect();
    DocumentData {
        partnership: take(&v, "partnership"),
        parties,
        territory: take(&v, "territory"),
        agreement: take(&v, "agreement"),
        generated_on: take(&v, "generatedOn"),
        letterhead: tisserand_documents::Letterhead::default(),
        agreement_defaults: Default::default(),
        facilitator: Default::default(),
    }
}

const EVENT_PACK: &str = include_str!("../fixtures/event_pack.json");

/// A small speed-dating event, read from `tests/fixtures/event_pack.json`:
/// 4 associations seated at tables 1–4, 5 companies visiting, 4 rounds with
/// a 15-minute break after round 2; the Garage Schneider pauses in round 3
/// (so table 4 has no visitor then) and Nouvelle Pousse SAS meets nobody.
pub fn event_pack() -> tisserand_documents::EventPackData {
    serde_json::from_str(EVENT_PACK).expect("event_pack.json")
}

/// `n` seated and `n` visitors, `rounds` rounds of 7 minutes every 10, a
/// break after every fifth round; visitor v meets seated (v + r) mod n in
/// round r, except that visitor 0 pauses in round 2. Long presentations,
/// needs and offers.
pub fn big_event(n: u32, rounds: u32) -> EventPackData {
    let t = |m: u32| NaiveTime::from_hms_opt(9 + m / 60, m % 60, 0).expect("time");
    let mut minute = 0;
    let rounds: Vec<PackRound> = (1..=rounds)
        .map(|r| {
            let brk = (r % 5 == 0).then_some(15);
            let round = PackRound {
                number: r,
                start: t(minute),
                end: t(minute + 7),
                break_after_minutes: brk,
            };
            minute += 10 + brk.unwrap_or(0);
            round
        })
        .collect();
    let person = |seated: bool, i: u32| {
        PackParticipant {
        id: format!("{}{i}", if seated { "s" } else { "v" }),
        name: if seated {
            format!("Association numéro {i} pour l'insertion par l'activité économique du territoire")
        } else {
            format!("Entreprise {i} de services numériques et de conseil")
        },
        seated,
        side_label: if seated { "Association" } else { "Entreprise" }.into(),
        table: seated.then_some(i + 1),
        presentation: Some("Une présentation d'une ligne qui déborde volontiers parce que les gens en disent toujours beaucoup sur eux-mêmes et sur leurs projets".into()),
        needs: vec!["Mécénat de compétences juridiques".into(), "Locaux".into(), "Bénévoles le week-end".into()],
        offers: vec!["Ateliers pour les salariés".into(), "Visibilité sur nos réseaux".into(), "Salle de réunion".into()],
        contact: Some("Marie-Christine Dupont-Lefebvre".into()),
    }
    };
    let participants = (0..n)
        .map(|i| person(true, i))
        .chain((0..n).map(|i| person(false, i)))
        .collect();
    let meetings = (1..=rounds.len() as u32)
        .flat_map(|r| {
            (0..n).filter_map(move |v| {
                if v == 0 && r == 2 {
                    return None;
                }
                let s = (v + r) % n;
                Some(PackMeeting {
                    round: r,
                    table: s + 1,
                    seated: format!("s{s}"),
                    visitor: format!("v{v}"),
                })
            })
        })
        .collect();
    EventPackData {
        event_name: "Grand speed dating".into(),
        date: NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"),
        venue: None,
        generated_on: NaiveDate::from_ymd_opt(2026, 11, 26).expect("date"),
        rounds,
        participants,
        meetings,
        letterhead: tisserand_documents::Letterhead::default(),
        contact: None,
    }
}
