//! Scenarios of a partnership's evaluation on the command line: indicators
//! with a level and a theme, answers entered in words or codes, the state in
//! `get`, the undo, the questionnaire, the « sans mesure » filter.

use std::path::Path;

use super::{pdf_text, temp_db, tisserand};

fn actor(db: &Path, kind: &str, name: &str) -> String {
    tisserand(db, &["actors", "add", "--kind", kind, "--name", name])
        .ok()
        .trim()
        .to_owned()
}

/// A partnership between a company and an association, with one indicator
/// counted as a result in « emploi et insertion »; its id.
fn partnership(db: &Path) -> String {
    let company = actor(db, "entreprise", "Transports Kieffer");
    let asso = actor(db, "association", "Cirque du Ried");
    tisserand(
        db,
        &[
            "partnerships",
            "create",
            "--title",
            "Billets de cirque",
            "--party",
            &format!("{company}:financeur"),
            "--party",
            &format!("{asso}:beneficiaire"),
            "--contribution",
            &format!("{company}:competences:0:10:Conseil"),
            "--indicator",
            "Jeunes en emploi|pers.|0|20|résultat|Emploi et insertion",
        ],
    )
    .ok()
    .trim()
    .to_owned()
}

#[test]
fn partners_evaluate_in_words_and_the_state_follows() {
    let (_dir, db) = temp_db();
    let id = partnership(&db);
    let p = tisserand(&db, &["partnerships", "get", &id, "--format", "json"]).json();
    let indicator = &p["indicators"][0];
    assert_eq!(indicator["level"], "resultat");
    assert_eq!(indicator["theme"], "emploi_insertion");
    // « pers. » is stored as the standard unit's French label.
    assert_eq!(indicator["unit"], "personnes");
    assert_eq!(p["evaluationState"], "Non évalué");
    // Ten hours of skills without a value, at the SMIC rate.
    assert_eq!(p["evaluation"]["values"][0]["skillsCents"], 11_880);

    let out = tisserand(
        &db,
        &[
            "partnerships",
            "evaluate",
            &id,
            "--actor",
            "transports kieffer",
            "--on",
            "01/03/2026",
            "--objectives",
            "plutôt oui",
            "--balanced",
            "tout_a_fait",
            "--continue",
            "4",
            "--brought",
            "Des billets",
            "--gained",
            "De la fierté",
            "--respondent",
            "Léa Kieffer",
        ],
    )
    .ok();
    assert!(out.contains("En cours"), "{out}");
    let text = tisserand(&db, &["partnerships", "get", &id]).ok();
    assert!(text.contains("Évaluation :   En cours"), "{text}");
    assert!(
        text.contains("objectifs Plutôt oui · équilibre Tout à fait · poursuite Tout à fait"),
        "{text}"
    );
    assert!(
        text.contains("Cirque du Ried : pas encore évalué"),
        "{text}"
    );

    let asso = p["parties"][1]["actor_id"].as_str().unwrap().to_owned();
    tisserand(
        &db,
        &[
            "partnerships",
            "evaluate",
            &id,
            "--actor",
            &asso,
            "--on",
            "2026-03-02",
            "--objectives",
            "plutot_non",
        ],
    )
    .ok();
    let p = tisserand(&db, &["partnerships", "get", &id, "--format", "json"]).json();
    assert_eq!(p["evaluationState"], "Évalué le 2 mars 2026");
    assert_eq!(p["evaluation"]["state"]["state"], "evaluated");

    // Undo the last one: in progress again.
    let out = tisserand(&db, &["partnerships", "delete-evaluation", &id, "2"]).ok();
    assert!(out.contains("En cours"), "{out}");
}

/// `partnerships evaluate ID` with `args`, which should fail: its one line.
fn refused(db: &Path, id: &str, args: &[&str]) -> String {
    let mut all = vec!["partnerships", "evaluate", id];
    all.extend_from_slice(args);
    tisserand(db, &all).fails()
}

#[test]
fn bad_answers_are_refused_with_one_clear_line() {
    let (_dir, db) = temp_db();
    let id = partnership(&db);
    let err = refused(
        &db,
        &id,
        &["--actor", "Cirque du Ried", "--objectives", "bof"],
    );
    assert!(err.contains("« bof » n'est pas une réponse"), "{err}");
    let err = refused(&db, &id, &["--actor", "Quelqu'un", "--objectives", "1"]);
    assert!(err.contains("n'est pas une partie"), "{err}");
    let late = [
        "--actor",
        "Cirque du Ried",
        "--on",
        "01/01/2100",
        "--objectives",
        "1",
    ];
    let err = refused(&db, &id, &late);
    assert!(err.contains("après aujourd'hui"), "{err}");
    let err = tisserand(
        &db,
        &[
            "partnerships",
            "create",
            "--title",
            "X",
            "--indicator",
            "A|t|||niveau",
        ],
    )
    .fails();
    assert!(
        err.contains("Niveau d'indicateur inconnu « niveau »"),
        "{err}"
    );
    let p = tisserand(&db, &["partnerships", "get", &id, "--format", "json"]).json();
    assert_eq!(p["evaluations"].as_array().unwrap().len(), 0);
}

#[test]
fn the_questionnaire_has_a_page_per_party_and_the_unmeasured_are_listed() {
    let (dir, db) = temp_db();
    let id = partnership(&db);
    let pdf = dir.path().join("q.pdf");
    tisserand(
        &db,
        &[
            "partnerships",
            "questionnaire",
            &id,
            "-o",
            pdf.to_str().unwrap(),
            "--date",
            "2026-03-10",
        ],
    )
    .ok();
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Questionnaire de : Transports Kieffer"),
        "{text}"
    );
    assert!(text.contains("Questionnaire de : Cirque du Ried"), "{text}");
    assert!(
        text.contains("questionnaire généré le 10 mars 2026"),
        "{text}"
    );
    // A fresh partnership is not in « mise en œuvre »: not listed.
    let list = tisserand(
        &db,
        &["partnerships", "list", "--unmeasured", "--format", "json"],
    )
    .json();
    assert_eq!(list.as_array().unwrap().len(), 0);
    // The demo has one, carried out for months without any measure.
    let (_d2, demo) = temp_db();
    tisserand(&demo, &["demo"]).ok();
    let list = tisserand(
        &demo,
        &["partnerships", "list", "--unmeasured", "--format", "json"],
    )
    .json();
    let titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Achats d'entretien auprès de Ried Insertion"]);
    assert_eq!(list[0]["unmeasured"], true);
}
