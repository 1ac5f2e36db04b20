//! Scenarios of the partnership pipeline on the command line.

use std::path::Path;

use serde_json::Value;

use super::{temp_db, tisserand};

/// Creates an actor and returns its id.
fn actor(db: &Path, kind: &str, name: &str) -> String {
    tisserand(db, &["actors", "add", "--kind", kind, "--name", name])
        .ok()
        .trim()
        .to_owned()
}

fn party(id: &str, role: &str) -> String {
    format!("{id}:{role}")
}

fn list(db: &Path, filters: &[&str]) -> Vec<Value> {
    let mut args = vec!["partnerships", "list", "--format", "json"];
    args.extend_from_slice(filters);
    tisserand(db, &args)
        .json()
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn a_partnership_goes_through_the_pipeline() {
    let (_dir, db) = temp_db();
    let company = actor(&db, "entreprise", "Transports Kieffer");
    let asso = actor(&db, "association", "Cirque du Ried");
    let created = tisserand(
        &db,
        &[
            "partnerships",
            "add",
            "--title",
            "Billets de cirque",
            "--party",
            &party(&company, "financeur"),
            "--party",
            &party(&asso, "beneficiaire"),
            "--mode",
            "mecenat",
            "--secondary",
            "pratiques_responsables",
            "--gift",
            "financier",
            "--commune",
            "67462",
            "--contribution",
            &format!("{company}:numeraire:10 000:12,5:Billetterie"),
            "--counterpart",
            &format!("{asso}:3000:Logo sur le chapiteau"),
            "--action",
            "Appeler la DRH|Léa|2026-12-01",
            "--objective",
            &format!("{company}:Fierté des salariés"),
            "--objective",
            "Des enfants au spectacle : 200",
            "--indicator",
            "Enfants présents|enfants|0|200",
            "--format",
            "json",
        ],
    )
    .json();
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["stage"], "rencontre");
    assert_eq!(created["parties"][0]["actor_id"], company.as_str());
    assert_eq!(created["totals"]["valueCents"], 1_000_000);
    assert_eq!(created["totals"]["minutes"], 750);
    assert_eq!(created["totals"]["mecenat"]["overLimit"], true);
    assert_eq!(
        created["totals"]["mecenat"]["estimatedTaxReductionCents"],
        600_000
    );

    let rows = list(&db, &[]);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row["id"], id.as_str());
    assert_eq!(row["title"], "Billets de cirque");
    assert_eq!(row["stage"], "rencontre");
    assert_eq!(row["modes"]["primary"], "mecenat");
    assert_eq!(
        row["modes"]["secondary"],
        serde_json::json!(["pratiques_responsables"])
    );
    assert_eq!(row["parties"][0]["actor_id"], company.as_str());
    assert_eq!(row["parties"][1]["role"], "beneficiaire");

    assert!(
        tisserand(&db, &["partnerships", "move", &id, "exploration"])
            .ok()
            .contains("Exploration")
    );
    assert_eq!(list(&db, &["--stage", "exploration"]).len(), 1);
    assert!(list(&db, &["--stage", "rencontre"]).is_empty());
    assert_eq!(list(&db, &["--mode", "pratiques_responsables"]).len(), 1);
    assert!(list(&db, &["--mode", "innovation_societale"]).is_empty());

    tisserand(&db, &["partnerships", "note", &id, "Réunion au chapiteau"]).ok();
    tisserand(
        &db,
        &[
            "partnerships",
            "measure",
            &id,
            "1",
            "150",
            "--on",
            "2026-06-01",
        ],
    )
    .ok();
    let line = tisserand(&db, &["partnerships", "measure", &id, "2", "3"]).fails();
    assert!(line.contains("Cet indicateur"), "{line}");
    tisserand(&db, &["partnerships", "done", &id, "1"]).ok();
    let line = tisserand(&db, &["partnerships", "move", &id, "abandonne"]).fails();
    assert!(line.contains("pourquoi"), "{line}");
    tisserand(
        &db,
        &[
            "partnerships",
            "move",
            &id,
            "abandonne",
            "--reason",
            "Budget gelé",
        ],
    )
    .ok();
    tisserand(&db, &["partnerships", "move", &id, "preparation"]).ok();

    let shown = tisserand(&db, &["partnerships", "show", &id, "--format", "json"]).json();
    assert_eq!(shown["stage"], "preparation");
    assert_eq!(
        shown["modes"]["mecenatKinds"],
        serde_json::json!(["financier"])
    );
    assert_eq!(shown["contributions"][0]["valueCents"], 1_000_000);
    assert_eq!(shown["nextActions"][0]["done"], true);
    assert_eq!(shown["objectives"][0]["actorId"], company.as_str());
    assert!(shown["objectives"][1]["actorId"].is_null());
    assert_eq!(
        shown["objectives"][1]["text"],
        "Des enfants au spectacle : 200"
    );
    assert_eq!(shown["indicators"][0]["target"], 200.0);
    assert_eq!(shown["indicators"][0]["measures"][0]["value"], 150.0);
    let kinds: Vec<&str> = shown["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "created",
            "stage",
            "note",
            "measure",
            "action_done",
            "abandoned",
            "reopened"
        ]
    );
    let text = tisserand(&db, &["partnerships", "show", &id]).ok();
    assert!(
        text.contains("1. Enfants présents · départ 0 enfants · cible 200 enfants · dernier 150 enfants (2026-06-01)"),
        "{text}"
    );
    assert!(
        text.contains("Attention : Les contreparties représentent 30 %"),
        "{text}"
    );
    assert!(text.contains("estimation"), "{text}");
}

#[test]
fn bad_partnerships_fail_with_one_french_line_and_save_nothing() {
    let (_dir, db) = temp_db();
    let a = actor(&db, "entreprise", "Boulangerie Schmitt");
    let b = actor(&db, "association", "Restos du cœur 67");
    let add = |extra: &[&str]| {
        let mut args = vec!["partnerships", "add", "--title", "Pain du lendemain"];
        args.extend_from_slice(extra);
        tisserand(&db, &args)
    };
    let pa = party(&a, "financeur");
    let pb = party(&b, "beneficiaire");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["--party".into(), pa.clone()], "au moins deux parties"),
        (
            vec![
                "--party".into(),
                pa.clone(),
                "--party".into(),
                party(&a, "porteur"),
            ],
            "deux fois",
        ),
        (
            vec![
                "--party".into(),
                pa.clone(),
                "--party".into(),
                "inconnu:porteur".into(),
            ],
            "n'existe pas",
        ),
        (
            vec![
                "--party".into(),
                pa.clone(),
                "--party".into(),
                party(&b, "chef"),
            ],
            "Rôle inconnu",
        ),
        (
            vec![
                "--party".into(),
                pa.clone(),
                "--party".into(),
                pb.clone(),
                "--contribution".into(),
                format!("{a}:numeraire:-10"),
            ],
            "négatif",
        ),
        (
            vec![
                "--party".into(),
                pa.clone(),
                "--party".into(),
                pb.clone(),
                "--contribution".into(),
                format!("{a}:numeraire:150000000"),
            ],
            "100 millions",
        ),
        (
            vec![
                "--party".into(),
                pa.clone(),
                "--party".into(),
                pb.clone(),
                "--mode".into(),
                "mecenat".into(),
                "--secondary".into(),
                "mecenat".into(),
            ],
            "déjà le mode principal",
        ),
        (
            vec![
                "--party".into(),
                pa.clone(),
                "--party".into(),
                pb.clone(),
                "--mode".into(),
                "philanthropie".into(),
            ],
            "Mode inconnu",
        ),
        (
            vec![
                "--party".into(),
                pa.clone(),
                "--party".into(),
                pb.clone(),
                "--commune".into(),
                "67999".into(),
            ],
            "inconnue",
        ),
    ];
    for (args, expected) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let line = add(&args).fails();
        assert!(line.starts_with("erreur : "), "{line}");
        assert!(line.contains(expected), "{expected}: {line}");
    }
    assert!(list(&db, &[]).is_empty());
    let line = tisserand(&db, &["partnerships", "list", "--stage", "fini"]).fails();
    assert!(line.contains("Étape inconnue"), "{line}");
}

#[test]
fn an_actor_of_a_live_partnership_cannot_be_deleted() {
    let (_dir, db) = temp_db();
    let a = actor(&db, "entreprise", "Boulangerie Schmitt");
    let b = actor(&db, "association", "Restos du cœur 67");
    let id = tisserand(
        &db,
        &[
            "partnerships",
            "add",
            "--title",
            "Pain du lendemain",
            "--party",
            &party(&a, "financeur"),
            "--party",
            &party(&b, "beneficiaire"),
        ],
    )
    .ok()
    .trim()
    .to_owned();
    let line = tisserand(&db, &["actors", "delete", &b]).fails();
    assert!(line.contains("« Pain du lendemain »"), "{line}");
    tisserand(&db, &["actors", "show", &b]).ok();
    // A deleted partnership no longer holds the actor, and cannot move.
    tisserand(&db, &["partnerships", "delete", &id]).ok();
    let line = tisserand(&db, &["partnerships", "move", &id, "exploration"]).fails();
    assert!(line.contains("n'existe pas ou a été supprimé"), "{line}");
    tisserand(&db, &["actors", "delete", &b]).ok();
}

#[test]
fn the_guided_classification_prints_a_proposal() {
    let (_dir, db) = temp_db();
    let questions = tisserand(&db, &["partnerships", "classify"]).ok();
    assert!(questions.contains("q4"), "{questions}");
    let p = tisserand(
        &db,
        &[
            "partnerships",
            "classify",
            "--yes",
            "q1,q3,q8",
            "--format",
            "json",
        ],
    )
    .json();
    assert_eq!(p["primary"], "cooperation_economique");
    assert_eq!(p["secondary"], serde_json::json!(["mecenat"]));
    assert_eq!(p["mecenatKinds"], serde_json::json!(["competences"]));
    assert!(p["reason"]
        .as_str()
        .unwrap()
        .starts_with("Mode principal : coopération économique"));
    let text = tisserand(&db, &["partnerships", "classify", "--yes", "q4"]).ok();
    assert!(text.contains("innovation_societale"), "{text}");
    let line = tisserand(&db, &["partnerships", "classify", "--yes", "q9"]).fails();
    assert!(line.contains("Question inconnue"), "{line}");
}

#[test]
fn an_edit_made_on_a_stale_version_is_refused() {
    let (_dir, db) = temp_db();
    let a = actor(&db, "entreprise", "Boulangerie Schmitt");
    let b = actor(&db, "association", "Restos du cœur 67");
    let id = tisserand(
        &db,
        &[
            "partnerships",
            "add",
            "--title",
            "Pain du lendemain",
            "--party",
            &party(&a, "financeur"),
            "--party",
            &party(&b, "beneficiaire"),
        ],
    )
    .ok()
    .trim()
    .to_owned();
    let loaded = tisserand(&db, &["partnerships", "show", &id, "--format", "json"]).json();
    assert_eq!(loaded["version"], 1);
    // Someone else edits first…
    let saved = tisserand(
        &db,
        &[
            "partnerships",
            "edit",
            &id,
            "--version",
            "1",
            "--mode",
            "mecenat",
            "--gift",
            "en_nature",
            "--format",
            "json",
        ],
    )
    .json();
    assert_eq!(saved["version"], 2);
    assert_eq!(saved["modes"]["primary"], "mecenat");
    // …so an edit of version 1 is refused and changes nothing.
    let line = tisserand(
        &db,
        &[
            "partnerships",
            "edit",
            &id,
            "--version",
            "1",
            "--title",
            "Pain solidaire",
        ],
    )
    .fails();
    assert!(line.contains("modifié ailleurs"), "{line}");
    let now = tisserand(&db, &["partnerships", "show", &id, "--format", "json"]).json();
    assert_eq!(now["title"], "Pain du lendemain");
    assert_eq!(
        now["modes"]["mecenatKinds"],
        serde_json::json!(["en_nature"])
    );
    tisserand(
        &db,
        &[
            "partnerships",
            "edit",
            &id,
            "--version",
            "2",
            "--title",
            "Pain solidaire",
        ],
    )
    .ok();
}
