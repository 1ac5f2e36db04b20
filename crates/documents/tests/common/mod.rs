//! The sample partnership (a fictional mécénat between a bakery and a
//! circus school, a town hall associated), read from
//! `tests/fixtures/sample.json`, and helpers shared by the tests, the
//! benchmark and the `render` example.
#![allow(dead_code)]

use serde_json::Value;
use tisserand_documents::{DocumentData, PartyData};

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
    }
}
