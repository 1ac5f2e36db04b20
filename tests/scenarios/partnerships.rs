//! Scenarios of the partnership pipeline on the command line.

use std::path::Path;

use serde_json::Value;

use super::{pdf_text, temp_db, tisserand};

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

#[test]
fn the_demo_board_filters_sorts_and_counts() {
    let (_dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let all = list(&db, &[]);
    assert!(all.len() >= 25);
    let overdue = list(&db, &["--overdue"]);
    assert!(!overdue.is_empty() && overdue.len() < all.len());
    let haut_rhin = list(&db, &["--departement", "68"]);
    assert!(!haut_rhin.is_empty() && haut_rhin.len() < all.len());
    let karim = list(&db, &["--facilitator", "karim benali"]);
    assert!(karim.iter().all(|p| p["facilitator"] == "Karim Benali"));
    // Sorted by title, then reversed.
    let titles = |rows: &[Value]| -> Vec<String> {
        rows.iter()
            .map(|p| p["title"].as_str().unwrap().to_owned())
            .collect()
    };
    let by_title = titles(&list(&db, &["--sort", "title"]));
    let mut reversed = titles(&list(&db, &["--sort", "title", "--desc"]));
    reversed.reverse();
    assert_eq!(by_title, reversed);
    assert_eq!(by_title.len(), all.len());
    let err = tisserand(&db, &["partnerships", "list", "--sort", "taille"]).fails();
    assert!(err.contains("Tri inconnu « taille »"), "{err}");
    // The overview adds up to the list.
    let o = tisserand(&db, &["partnerships", "overview", "--format", "json"]).json();
    let cells: u64 = o["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert_eq!(cells, all.len() as u64);
    assert_eq!(o["overdue"].as_u64().unwrap(), overdue.len() as u64);
    let table = tisserand(&db, &["partnerships", "overview"]).ok();
    assert!(
        table.contains("Haut-Rhin") && table.contains("mécénat"),
        "{table}"
    );
}

#[test]
fn possibilities_then_essaimage_from_the_command_line() {
    let (_dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let actors = tisserand(&db, &["actors", "list", "--format", "json"]).json();
    let company = actors
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Agence Kaleido Com")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let found = tisserand(
        &db,
        &[
            "actors",
            "possibles",
            &company,
            "--limit",
            "5",
            "--format",
            "json",
        ],
    )
    .json();
    let found = found.as_array().unwrap();
    assert!(!found.is_empty() && found.len() <= 5);
    let scores: Vec<u64> = found.iter().map(|p| p["score"].as_u64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(found[0]["reasons"][0].as_str().unwrap().contains('↔'));
    assert!(found[0]["modes"].as_array().is_some_and(|m| !m.is_empty()));
    let table = tisserand(&db, &["actors", "possibles", &company]).ok();
    assert!(table.contains("MODES PLAUSIBLES"), "{table}");
    assert!(tisserand(&db, &["actors", "possibles", "nobody"])
        .fails()
        .contains("nobody"));

    // Essaimer an evaluated partnership to Colmar with a new association.
    let origin = list(&db, &["--stage", "evaluation"])[0].clone();
    let id = origin["id"].as_str().unwrap();
    let parties = origin["parties"].as_array().unwrap();
    let newcomer = actor(&db, "association", "Nouvelle association de Colmar");
    let mut args = vec![
        "partnerships".to_owned(),
        "essaimer".to_owned(),
        id.to_owned(),
        "--title".to_owned(),
        "Essaimage à Colmar".to_owned(),
        "--commune".to_owned(),
        "68066".to_owned(),
    ];
    for (i, p) in parties.iter().enumerate() {
        args.push("--actor".to_owned());
        args.push(if i == 1 {
            newcomer.clone()
        } else {
            p["actor_id"].as_str().unwrap().to_owned()
        });
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    // One actor short: refused, nothing created.
    let short: Vec<&str> = refs[..refs.len() - 2].to_vec();
    let err = tisserand(&db, &short).fails();
    assert!(err.contains("Choisissez un acteur pour chacun"), "{err}");
    let child_id = tisserand(&db, &refs).ok().trim().to_owned();
    let child = tisserand(
        &db,
        &["partnerships", "show", &child_id, "--format", "json"],
    )
    .json();
    assert_eq!(child["stage"], "rencontre");
    assert_eq!(child["spawnedFrom"], id);
    assert_eq!(child["modes"], origin["modes"]);
    assert_eq!(child["parties"][1]["actor_id"], newcomer.as_str());
    assert!(child["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["valueCents"] == 0));
    let shown = tisserand(&db, &["partnerships", "show", id]).ok();
    assert!(
        shown.contains("Essaimé vers") && shown.contains("Colmar"),
        "{shown}"
    );
    let origin_json = tisserand(&db, &["partnerships", "show", id, "--format", "json"]).json();
    assert_eq!(origin_json["children"][0]["id"], child_id.as_str());
}

#[test]
fn briefs_and_agreements_are_printed_from_the_command_line() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let p = list(&db, &["--stage", "contractualisation"])[0].clone();
    let id = p["id"].as_str().unwrap();
    let title = p["title"].as_str().unwrap();
    let brief = dir.path().join("fiche.pdf");
    let brief_arg = brief.to_str().unwrap();
    let said = tisserand(&db, &["brief", id, "-o", brief_arg, "--date", "2026-11-26"]).ok();
    assert!(said.contains("PDF écrit"), "{said}");
    let text = pdf_text(&brief);
    assert!(text.contains("FICHE PARTENARIAT"), "{text}");
    assert!(
        text.contains(title.split_whitespace().next().unwrap()),
        "{text}"
    );
    assert!(
        text.contains("26 novembre 2026") || text.contains("26 nov. 2026"),
        "{text}"
    );
    // The same data and date give the same bytes.
    let again = dir.path().join("fiche-2.pdf");
    tisserand(
        &db,
        &[
            "brief",
            id,
            "-o",
            again.to_str().unwrap(),
            "--date",
            "2026-11-26",
        ],
    )
    .ok();
    assert_eq!(
        std::fs::read(&brief).unwrap(),
        std::fs::read(&again).unwrap()
    );

    let agreement = dir.path().join("convention.pdf");
    tisserand(&db, &["agreement", id, "-o", agreement.to_str().unwrap()]).ok();
    let text = pdf_text(&agreement);
    assert!(text.contains("CONVENTION DE"), "{text}");
    assert!(text.contains("Article 1"), "{text}");

    // One file per partnership of a stage, then all in one.
    let folder = dir.path().join("fiches");
    let said = tisserand(
        &db,
        &[
            "briefs",
            "--stage",
            "contractualisation",
            "-o",
            folder.to_str().unwrap(),
        ],
    )
    .ok();
    let n = list(&db, &["--stage", "contractualisation"]).len();
    assert!(said.contains(&format!("{n} fiches")), "{said}");
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), n);
    let all = dir.path().join("toutes.pdf");
    tisserand(&db, &["briefs", "--combined", all.to_str().unwrap()]).ok();
    assert!(pdf_text(&all).contains(title.split_whitespace().next().unwrap()));

    // Bad input: one clear line, nothing written.
    let nowhere = dir.path().join("rien.pdf");
    let err = tisserand(
        &db,
        &["brief", "pas-un-id", "-o", nowhere.to_str().unwrap()],
    )
    .fails();
    assert!(
        err.contains("pas-un-id") || err.contains("introuvable"),
        "{err}"
    );
    let err = tisserand(
        &db,
        &[
            "brief",
            id,
            "-o",
            nowhere.to_str().unwrap(),
            "--date",
            "26/13/2026",
        ],
    )
    .fails();
    assert!(err.contains("Date illisible"), "{err}");
    assert!(!nowhere.exists());
}
