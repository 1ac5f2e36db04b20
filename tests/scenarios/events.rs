//! A whole speed-dating through the command line: the event, its
//! participants and wishes, the optimal plan, rounds held, a no-show and a
//! late registration absorbed by a re-plan, the « à revoir » ticks, the
//! leads, the report and the printed pack; and what is refused.

use std::path::Path;

use serde_json::Value;

use super::data::actor_id;
use super::{pdf_text, temp_db, tisserand};

fn event_json(db: &Path, id: &str) -> Value {
    tisserand(db, &["events", "show", id, "--format", "json"]).json()
}

fn participant(detail: &Value, name: &str) -> String {
    detail["participants"]
        .as_array()
        .expect("participants")
        .iter()
        .find(|p| p["actorName"] == name)
        .unwrap_or_else(|| panic!("{name} takes part"))["id"]
        .as_str()
        .expect("an id")
        .to_owned()
}

fn meetings_of(detail: &Value, round: u64) -> Vec<(u64, String, String)> {
    detail["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .filter(|m| m["round"] == round)
        .map(|m| {
            (
                m["table"].as_u64().expect("a table"),
                m["seated"].as_str().expect("seated").to_owned(),
                m["visitor"].as_str().expect("visitor").to_owned(),
            )
        })
        .collect()
}

const ASSOCIATIONS: [&str; 3] = [
    "Bretzel & Partage",
    "Chantier Forêt Doller",
    "Graines de Moder",
];
const COMPANIES: [&str; 3] = [
    "Cartonnages de la Moder",
    "Caves du Strengbach",
    "Agence Kaleido Com",
];

#[test]
fn a_whole_event_from_registration_to_leads() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let id = tisserand(
        &db,
        &[
            "events",
            "create",
            "--name",
            "Speed-dating de Sélestat",
            "--date",
            "26/11/2026",
            "--start",
            "14:30",
            "--rounds",
            "4",
            "--tables",
            "3",
            "--break",
            "2:15",
        ],
    )
    .ok()
    .trim()
    .to_owned();
    for name in ASSOCIATIONS.iter().chain(COMPANIES.iter()) {
        tisserand(&db, &["events", "add", &id, &actor_id(&db, name)]).ok();
    }
    // The same actor twice is refused.
    let twice = tisserand(
        &db,
        &["events", "add", &id, &actor_id(&db, "Graines de Moder")],
    )
    .fails();
    assert!(twice.contains("participe déjà"), "{twice}");

    let d = event_json(&db, &id);
    let bretzel = participant(&d, "Bretzel & Partage");
    let caves = participant(&d, "Caves du Strengbach");
    let kaleido = participant(&d, "Agence Kaleido Com");
    // Caves must meet Bretzel; Kaleido wants nothing to do with Bretzel.
    tisserand(&db, &["events", "wish", &id, &caves, &bretzel, "must"]).ok();
    tisserand(&db, &["events", "wish", &id, &kaleido, &bretzel, "no"]).ok();
    let same_side = tisserand(&db, &["events", "wish", &id, &caves, &kaleido, "must"]).fails();
    assert!(same_side.contains("autre côté"), "{same_side}");

    let planned = tisserand(&db, &["events", "replan", &id, "--format", "json"]).json();
    let all: Vec<(u64, String, String)> = (1..=4).flat_map(|r| meetings_of(&planned, r)).collect();
    assert!(
        all.iter().any(|(_, s, v)| *s == bretzel && *v == caves),
        "the must pair meets"
    );
    assert!(
        !all.iter().any(|(_, s, v)| *s == bretzel && *v == kaleido),
        "no thanks is respected"
    );
    let mut pairs: Vec<(&String, &String)> = all.iter().map(|(_, s, v)| (s, v)).collect();
    pairs.sort();
    let n = pairs.len();
    pairs.dedup();
    assert_eq!(pairs.len(), n, "no pair meets twice");
    assert_eq!(planned["event"]["planSummary"]["objective"]["mustOne"], 1);

    // Two rounds held; Caves leaves, a late company registers at the door.
    tisserand(&db, &["events", "played", &id, "2"]).ok();
    let held: Vec<_> = (1..=2).map(|r| meetings_of(&planned, r)).collect();
    tisserand(&db, &["events", "presence", &id, &caves, "absent"]).ok();
    let late = tisserand(
        &db,
        &[
            "events",
            "quick-add",
            &id,
            "--name",
            "Menuiserie Hoffmann",
            "--kind",
            "entreprise",
            "--first-name",
            "Luc",
            "--last-name",
            "Hoffmann",
        ],
    )
    .ok()
    .trim()
    .to_owned();
    let replanned = tisserand(&db, &["events", "replan", &id, "--format", "json"]).json();
    for (r, round) in held.iter().enumerate() {
        assert_eq!(
            &meetings_of(&replanned, r as u64 + 1),
            round,
            "round {} kept",
            r + 1
        );
    }
    let later: Vec<_> = (3..=4).flat_map(|r| meetings_of(&replanned, r)).collect();
    assert!(
        later.iter().all(|(_, _, v)| *v != caves),
        "the absent get nothing"
    );
    assert!(
        later.iter().any(|(_, _, v)| *v == late),
        "the late arrival meets people"
    );

    // Ticks: round 1, table 1 both ways (a lead), table 2 one way (a follow-up).
    let m1 = meetings_of(&replanned, 1);
    tisserand(
        &db,
        &[
            "events",
            "capture",
            &id,
            "--round",
            "1",
            "--table",
            "1",
            "--seated-tick",
            "--visitor-tick",
            "--seated-note",
            "Des cartons pour les colis",
        ],
    )
    .ok();
    tisserand(
        &db,
        &[
            "events",
            "capture",
            &id,
            "--round",
            "1",
            "--table",
            "2",
            "--visitor-tick",
        ],
    )
    .ok();
    let leads = tisserand(&db, &["events", "leads", &id, "--format", "json"]).json();
    assert_eq!(
        leads["partnerships"].as_array().map(Vec::len),
        Some(1),
        "{leads}"
    );
    assert_eq!(leads["followUps"], 1);
    // Again: nothing new.
    let again = tisserand(&db, &["events", "leads", &id, "--format", "json"]).json();
    assert_eq!(again["partnerships"].as_array().map(Vec::len), Some(0));
    assert_eq!(again["already"], 1);

    let lead_id = leads["partnerships"][0].as_str().expect("a lead");
    let lead = tisserand(&db, &["partnerships", "show", lead_id, "--format", "json"]).json();
    let text = lead.to_string();
    assert_eq!(lead["stage"], "rencontre", "{text}");
    assert_eq!(lead["origin"], "Speed-dating de Sélestat", "{text}");
    let met = lead["timeline"]
        .as_array()
        .and_then(|t| t.iter().find(|e| e["kind"] == "event_lead"))
        .unwrap_or_else(|| panic!("the meeting on the timeline: {text}"));
    assert_eq!(
        (met["round"].as_u64(), met["table"].as_u64()),
        (Some(1), Some(1)),
        "{text}"
    );
    let parties: Vec<&str> = lead["parties"]
        .as_array()
        .expect("parties")
        .iter()
        .map(|p| p["actor_id"].as_str().unwrap_or(""))
        .collect();
    let seated_actor = replanned["participants"]
        .as_array()
        .expect("p")
        .iter()
        .find(|p| p["id"] == m1[0].1)
        .expect("seated")["actorId"]
        .as_str()
        .expect("actor")
        .to_owned();
    assert!(parties.contains(&seated_actor.as_str()), "{parties:?}");

    let report = tisserand(&db, &["events", "report", &id, "--format", "json"]).json();
    assert_eq!(
        report["funnel"]["meetings"].as_u64(),
        Some(later.len() as u64 + held.iter().map(Vec::len).sum::<usize>() as u64)
    );
    assert_eq!(report["funnel"]["mutual"], 1);
    assert_eq!(report["funnel"]["leads"], 1);
    assert_eq!(report["funnel"]["followUps"], 1);
    // Only recorded presence counts: Caves marked absent, Menuiserie
    // Hoffmann present (registered at the door), everyone else « attendu ».
    let registered = ASSOCIATIONS.len() + COMPANIES.len() + 1;
    assert_eq!(report["participants"].as_u64(), Some(registered as u64));
    assert_eq!(report["present"], 1, "{report}");
    assert_eq!(report["absent"], 1, "{report}");
    assert_eq!(
        report["unrecorded"].as_u64(),
        Some(registered as u64 - 2),
        "{report}"
    );
    let text = tisserand(&db, &["events", "report", &id]).ok();
    assert!(
        text.contains(&format!(
            "{registered} participants (1 présent, 1 absent, présence non relevée pour {})",
            registered - 2
        )),
        "{text}"
    );
    let year = tisserand(
        &db,
        &["events", "report", "--year", "2026", "--format", "json"],
    )
    .json();
    // The demo's own events may fall in 2026 too.
    assert!(year["events"].as_u64() >= Some(1), "{year}");
    assert!(year["funnel"]["leads"].as_u64() >= Some(1), "{year}");

    // The pack, and one planning reprinted alone.
    let pack = dir.path().join("pack.pdf");
    tisserand(
        &db,
        &["events", "pack", &id, "-o", pack.to_str().expect("path")],
    )
    .ok();
    let text = pdf_text(&pack);
    assert!(
        text.contains("Speed-dating de Sélestat") && text.contains("Menuiserie Hoffmann"),
        "{text}"
    );
    let one = dir.path().join("one.pdf");
    tisserand(
        &db,
        &[
            "events",
            "pack",
            &id,
            "-o",
            one.to_str().expect("path"),
            "--participant",
            &late,
        ],
    )
    .ok();
    let text = pdf_text(&one);
    assert!(
        text.contains("Menuiserie Hoffmann") && !text.contains("FICHE DE TABLE"),
        "{text}"
    );

    // Every round has started: a re-plan has nothing left to change.
    tisserand(&db, &["events", "played", &id, "4"]).ok();
    let after = tisserand(&db, &["events", "replan", &id]).fails();
    assert!(after.contains("ont tous commencé"), "{after}");
}

#[test]
fn impossible_events_are_refused_with_the_reason() {
    let (_dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let zero = tisserand(
        &db,
        &[
            "events",
            "create",
            "--name",
            "X",
            "--date",
            "01/12/2026",
            "--rounds",
            "0",
            "--tables",
            "0",
        ],
    )
    .fails();
    assert!(zero.contains("tours") && zero.contains("tables"), "{zero}");
    let bad_date = tisserand(
        &db,
        &["events", "create", "--name", "X", "--date", "31/02/2026"],
    )
    .fails();
    assert!(bad_date.contains("31/02/2026"), "{bad_date}");

    let id = tisserand(
        &db,
        &[
            "events",
            "create",
            "--name",
            "Petit",
            "--date",
            "01/12/2026",
            "--rounds",
            "1",
            "--tables",
            "1",
        ],
    )
    .ok()
    .trim()
    .to_owned();
    // One side empty.
    tisserand(
        &db,
        &["events", "add", &id, &actor_id(&db, "Bretzel & Partage")],
    )
    .ok();
    let empty = tisserand(&db, &["events", "replan", &id]).fails();
    assert!(empty.contains("Aucune entreprise"), "{empty}");
    // More people than one round at one table can serve.
    for name in COMPANIES {
        tisserand(&db, &["events", "add", &id, &actor_id(&db, name)]).ok();
    }
    let full = tisserand(&db, &["events", "replan", &id]).fails();
    assert!(full.contains("n'offrent que 1 rencontre"), "{full}");
    // More seated than tables.
    tisserand(
        &db,
        &[
            "events",
            "add",
            &id,
            &actor_id(&db, "Chantier Forêt Doller"),
        ],
    )
    .ok();
    let seats = tisserand(&db, &["events", "replan", &id]).fails();
    assert!(seats.contains("pour 1 tables"), "{seats}");

    // A deleted event is gone for every command.
    tisserand(&db, &["events", "delete", &id]).ok();
    let gone = tisserand(&db, &["events", "show", &id]).fails();
    assert!(gone.contains("n'existe pas"), "{gone}");
}

#[test]
fn an_event_described_in_json_is_planned_with_its_bound() {
    let (dir, _db) = temp_db();
    let input = dir.path().join("event.json");
    std::fs::write(
        &input,
        r#"{ "rounds": 3,
             "seated": [{ "id": "a1", "table": 1, "sector": "culture" }, { "id": "a2", "table": 2 }],
             "visitors": [{ "id": "c1", "sector": "industrie" }, { "id": "c2" }, { "id": "c3" }],
             "wishes": [{ "from": "c1", "to": "a1", "level": "must" }, { "from": "a2", "to": "c3", "level": "no" }],
             "absent": ["c2"],
             "played": [[{ "table": 1, "seated": "a1", "visitor": "c2" }]] }"#,
    )
    .expect("write the event");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tisserand"))
        .args(["events", "plan", "--input"])
        .arg(&input)
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rounds = plan["rounds"].as_array().expect("rounds");
    assert_eq!(rounds.len(), 3);
    assert_eq!(
        rounds[0],
        serde_json::json!([{ "table": 1, "seated": "a1", "visitor": "c2" }]),
        "played round kept"
    );
    let later = rounds[1..]
        .iter()
        .flat_map(|r| r.as_array().expect("a round"))
        .collect::<Vec<_>>();
    assert!(
        later
            .iter()
            .any(|m| m["seated"] == "a1" && m["visitor"] == "c1"),
        "the must pair"
    );
    assert!(
        !later
            .iter()
            .any(|m| m["seated"] == "a2" && m["visitor"] == "c3"),
        "no thanks"
    );
    assert!(!later.iter().any(|m| m["visitor"] == "c2"), "absent");
    assert!(plan["objective"]["total"].as_u64() <= plan["bound"]["total"].as_u64());
}

#[test]
fn merges_move_participations_and_erasure_removes_the_person_from_events() {
    let (_dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let id = tisserand(
        &db,
        &[
            "events",
            "create",
            "--name",
            "Rencontres",
            "--date",
            "01/12/2026",
            "--rounds",
            "2",
            "--tables",
            "2",
        ],
    )
    .ok()
    .trim()
    .to_owned();
    tisserand(
        &db,
        &["events", "add", &id, &actor_id(&db, "Bretzel & Partage")],
    )
    .ok();
    // A duplicate registered at the door, with the person who came.
    let dup = tisserand(
        &db,
        &[
            "events",
            "quick-add",
            &id,
            "--name",
            "Bretzel et Partage",
            "--kind",
            "association",
            "--first-name",
            "Aline",
            "--last-name",
            "Zeller",
        ],
    )
    .ok()
    .trim()
    .to_owned();
    tisserand(
        &db,
        &["events", "add", &id, &actor_id(&db, "Caves du Strengbach")],
    )
    .ok();
    tisserand(&db, &["events", "replan", &id]).ok();
    let d = event_json(&db, &id);
    let dup_actor = d["participants"]
        .as_array()
        .expect("p")
        .iter()
        .find(|p| p["id"] == dup.as_str())
        .expect("dup")["actorId"]
        .as_str()
        .expect("actor")
        .to_owned();
    let contact = d["participants"]
        .as_array()
        .expect("p")
        .iter()
        .find(|p| p["id"] == dup.as_str())
        .expect("dup")["contactId"]
        .as_str()
        .expect("a contact")
        .to_owned();
    // Whoever meets Aline notes her name.
    let m = d["meetings"]
        .as_array()
        .expect("m")
        .iter()
        .find(|m| m["seated"] == dup.as_str())
        .expect("she meets someone")
        .clone();
    tisserand(
        &db,
        &[
            "events",
            "capture",
            &id,
            "--round",
            &m["round"].to_string(),
            "--table",
            &m["table"].to_string(),
            "--visitor-tick",
            "--visitor-note",
            "Rappeler Aline Zeller lundi",
        ],
    )
    .ok();

    // Merging the duplicate into the directory's record moves its participation; undo moves it back.
    let keep = actor_id(&db, "Bretzel & Partage");
    let merge = tisserand(&db, &["merge", &keep, &dup_actor, "--format", "json"]).json();
    let names: Vec<String> = event_json(&db, &id)["participants"]
        .as_array()
        .expect("p")
        .iter()
        .map(|p| p["actorName"].as_str().unwrap_or("").to_owned())
        .collect();
    assert_eq!(
        names.iter().filter(|n| *n == "Bretzel & Partage").count(),
        2,
        "{names:?}"
    );
    assert!(
        !names.contains(&"Bretzel et Partage".to_owned()),
        "{names:?}"
    );
    let merge_id = merge["mergeId"]
        .as_str()
        .or_else(|| merge["id"].as_str())
        .expect("the merge's id")
        .to_owned();
    tisserand(&db, &["unmerge", &merge_id]).ok();
    let names = event_json(&db, &id).to_string();
    assert!(names.contains("Bretzel et Partage"), "{names}");

    // Erasing Aline: the participation stays (the organisation came), she does not.
    tisserand(&db, &["person", "erase", &contact, "--yes"]).ok();
    let after = event_json(&db, &id);
    let text = after.to_string();
    assert!(
        !text.contains("Zeller") && !text.contains("Aline"),
        "{text}"
    );
    assert!(
        text.contains("[personne effacée]"),
        "the note is scrubbed: {text}"
    );
    assert!(text.contains("Bretzel et Partage"), "{text}");
}
