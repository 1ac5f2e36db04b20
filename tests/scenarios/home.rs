//! Scenarios of Accueil on the command line: `tisserand today` lists what
//! the window's Accueil shows, follows writes (an action done, an event's
//! pack printed) and speaks French to people.

use serde_json::Value;

use super::{temp_db, tisserand};

fn today(db: &std::path::Path) -> Value {
    tisserand(db, &["today", "--format", "json"]).json()
}

#[test]
fn today_lists_the_demo_day_and_follows_an_action_done_and_a_pack_printed() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let home = today(&db);
    for key in [
        "actions",
        "partnershipsOverdue",
        "followUps",
        "followUpsTotal",
        "nextEvent",
        "checks",
        "checksTotal",
        "stuck",
        "stuckTotal",
        "reviews",
        "reviewsTotal",
        "recent",
    ] {
        assert!(home.get(key).is_some(), "{key} in {home}");
    }
    let actions = home["actions"].as_array().expect("actions");
    assert!(!actions.is_empty() && actions.len() <= 20, "{actions:?}");
    let due: Vec<&str> = actions
        .iter()
        .map(|a| a["dueOn"].as_str().unwrap())
        .collect();
    let mut sorted = due.clone();
    sorted.sort_unstable();
    assert_eq!(due, sorted, "soonest first");

    // Marking the first action done (the partnership's command) takes it
    // off the list.
    let first = &actions[0];
    let (id, index) = (
        first["partnershipId"].as_str().unwrap(),
        first["index"].as_u64().unwrap() + 1,
    );
    tisserand(&db, &["partnerships", "complete", id, &index.to_string()]).ok();
    let after = today(&db);
    assert!(
        !after["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["partnershipId"] == first["partnershipId"] && a["index"] == first["index"]),
        "{after}"
    );

    // Undone, it is back.
    tisserand(&db, &["partnerships", "reopen", id, &index.to_string()]).ok();
    assert_eq!(today(&db)["actions"][0], *first);
    let again = tisserand(&db, &["partnerships", "reopen", id, &index.to_string()]).fails();
    assert!(again.contains("n'est pas faite"), "{again}");

    // The next event's pack, printed by the command line, is ready.
    let event = after["nextEvent"]["id"]
        .as_str()
        .expect("a demo event to come")
        .to_owned();
    assert_eq!(after["nextEvent"]["readiness"]["packPrinted"], false);
    let pack = dir.path().join("dossier.pdf");
    tisserand(
        &db,
        &["events", "pack", &event, "-o", pack.to_str().unwrap()],
    )
    .ok();
    assert_eq!(today(&db)["nextEvent"]["readiness"]["packPrinted"], true);

    let text = tisserand(&db, &["today"]).ok();
    for heading in [
        "Actions à faire",
        "Prochain événement",
        "Contacts à revoir (RGPD)",
        "Derniers changements",
    ] {
        assert!(text.contains(heading), "{heading} in {text}");
    }
}
