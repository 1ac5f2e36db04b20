//! Scenario tests: the `tisserand` command line, run as a person or a script
//! would run it, each on its own temporary database.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod contacts;
mod data;
mod evaluation;
mod events;
mod home;
mod impact;
mod partnerships;
mod settings;
mod stories;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn ok(self) -> String {
        assert_eq!(self.code, 0, "stderr: {}", self.stderr);
        self.stdout
    }

    fn json(self) -> Value {
        let out = self.ok();
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
    }

    /// A failure: non-zero exit and exactly one line on stderr, returned.
    fn fails(self) -> String {
        assert_ne!(self.code, 0, "should fail; stdout: {}", self.stdout);
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one line on stderr, got: {:?}", self.stderr);
        lines[0].to_owned()
    }
}

fn tisserand(db: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_tisserand"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("TISSERAND_DATA_DIR")
        .output()
        .expect("run tisserand");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("tisserand.sqlite3");
    (dir, db)
}

/// The text of a PDF (poppler's `pdftotext`).
fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn count(db: &Path) -> usize {
    tisserand(db, &["actors", "list", "--format", "json"])
        .json()
        .as_array()
        .map_or(0, Vec::len)
}

#[test]
fn the_demo_territory_lists_as_json_with_communes() {
    let (_dir, db) = temp_db();
    assert!(tisserand(&db, &["demo"]).ok().contains("acteurs"));
    let list = tisserand(&db, &["actors", "list", "--format", "json"]).json();
    let rows = list.as_array().unwrap();
    assert!(rows.len() >= 60, "{} actors", rows.len());
    for row in rows {
        assert!(
            row["id"].is_string() && row["kind"].is_string() && row["name"].is_string(),
            "{row}"
        );
        assert!(
            row["commune"].is_null() || row["commune"]["insee"].as_str().unwrap().len() == 5,
            "{row}"
        );
    }
    let kinds: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.len(), 7, "{kinds:?}");
    let associations = tisserand(
        &db,
        &[
            "actors",
            "list",
            "--kind",
            "association",
            "--format",
            "json",
        ],
    )
    .json();
    assert!(associations
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["kind"] == "association"));
    // Loading it twice is refused, and nothing is duplicated.
    assert!(tisserand(&db, &["demo"]).fails().contains("déjà chargé"));
    assert_eq!(count(&db), rows.len());
}

#[test]
fn an_actor_with_accents_is_found_without_them() {
    let (_dir, db) = temp_db();
    let created = tisserand(
        &db,
        &[
            "actors",
            "add",
            "--kind",
            "association",
            "--name",
            "Écrivains publics de Sélestat",
            "--commune",
            "67462",
            "--court",
            "colmar",
            "--volume",
            "42",
            "--folio",
            "17",
            "--tag",
            "Accès aux droits",
            "--need",
            "locaux:Un bureau pour les permanences",
            "--format",
            "json",
        ],
    )
    .json();
    let id = created["id"].as_str().unwrap();
    assert_eq!(
        created["commune"],
        serde_json::json!({ "insee": "67462", "name": "Sélestat" })
    );
    for query in [
        "ecrivains",
        "SELESTAT",
        "sele",
        "acces droits",
        "permanences",
    ] {
        let hits = tisserand(&db, &["actors", "search", query, "--format", "json"]).json();
        assert_eq!(hits[0]["id"], id, "query {query}: {hits}");
    }
    let shown = tisserand(&db, &["actors", "show", id, "--format", "json"]).json();
    assert_eq!(shown["name"], "Écrivains publics de Sélestat");
    assert_eq!(shown["communeDetail"]["departement"]["name"], "Bas-Rhin");
    let table = tisserand(&db, &["actors", "show", id]).ok();
    assert!(table.contains("Sélestat (67462) · Bas-Rhin"), "{table}");
}

#[test]
fn ligatures_are_found_however_they_are_typed() {
    let (_dir, db) = temp_db();
    let add = |name: &str, tag: &str| -> String {
        let created = tisserand(
            &db,
            &[
                "actors",
                "add",
                "--kind",
                "association",
                "--name",
                name,
                "--tag",
                tag,
                "--format",
                "json",
            ],
        )
        .json();
        created["id"].as_str().unwrap().to_owned()
    };
    let restos = add("Les Restos du Cœur du Ried", "Aide alimentaire");
    let oeuvre = add("L’Œuvre Notre\u{2011}Dame", "Patrimoine");
    let koenig = add("Garage Kœnig", "Mobilité");
    let schoeller = add("Boulangerie Schœller", "Œuvre\u{a0}sociale");
    let cases: [(&str, &[&str]); 4] = [
        (
            &restos,
            &["coeur", "cœur", "Cœur", "COEUR", "CŒUR", "restos du coeur"],
        ),
        (
            &oeuvre,
            &[
                "oeuvre",
                "Œuvre",
                "l'oeuvre",
                "L´ŒUVRE",
                "notre-dame",
                "notre dame",
            ],
        ),
        (&koenig, &["koenig", "Kœnig", "KOENIG"]),
        (&schoeller, &["schoeller", "Schœller", "SCHOELLER"]),
    ];
    for (id, queries) in cases {
        for query in queries {
            let hits = tisserand(&db, &["actors", "search", query, "--format", "json"]).json();
            let found: Vec<&str> = hits
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["id"].as_str().unwrap())
                .collect();
            // Name matches come first; « oeuvre » also finds the tag « Œuvre sociale ».
            assert_eq!(found.first(), Some(&id), "query « {query} »: {hits}");
        }
    }
    let hits = tisserand(&db, &["actors", "search", "oeuvre", "--format", "json"]).json();
    assert_eq!(hits.as_array().unwrap().len(), 2, "{hits}");
    assert_eq!(hits[1]["id"], schoeller.as_str());
    // The people's view (a table) names what was found.
    let table = tisserand(&db, &["actors", "search", "coeur"]).ok();
    assert!(table.contains("Les Restos du Cœur du Ried"), "{table}");
    // The tag filter folds the same way: « Œuvre sociale » however typed.
    for tag in ["oeuvre sociale", "ŒUVRE SOCIALE", "Œuvre\u{a0}sociale"] {
        let listed = tisserand(&db, &["actors", "list", "--tag", tag, "--format", "json"]).json();
        assert_eq!(
            listed.as_array().unwrap().len(),
            1,
            "tag « {tag} »: {listed}"
        );
        assert_eq!(listed[0]["id"], schoeller.as_str());
    }
}

#[test]
fn bad_input_gives_one_clear_line_and_loses_nothing() {
    let (_dir, db) = temp_db();
    tisserand(
        &db,
        &[
            "actors",
            "add",
            "--kind",
            "entreprise",
            "--name",
            "Menuiserie Koenig",
        ],
    )
    .ok();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--kind", "association", "--name", "   "],
            "Le nom est obligatoire.",
        ),
        (
            &[
                "--kind",
                "entreprise",
                "--name",
                "X",
                "--siren",
                "123456789",
            ],
            "Le SIREN 123 456 789 est invalide",
        ),
        (
            &["--kind", "association", "--name", "X", "--rna", "672001234"],
            "RNA « 672001234 » est invalide",
        ),
        (
            &[
                "--kind",
                "association",
                "--name",
                "X",
                "--website",
                "pas un site",
            ],
            "site « pas un site » est invalide",
        ),
        (
            &["--kind", "banane", "--name", "X"],
            "Type d'acteur inconnu « banane »",
        ),
        (
            &["--kind", "autre", "--name", "X", "--commune", "67999"],
            "commune de code 67999 est inconnue",
        ),
        (
            &[
                "--kind",
                "autre",
                "--name",
                "X",
                "--need",
                "argent:beaucoup",
            ],
            "Catégorie inconnue « argent »",
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["actors", "add"];
        all.extend_from_slice(args);
        let line = tisserand(&db, &all).fails();
        assert!(
            line.starts_with("erreur : ") && line.contains(expected),
            "{args:?}: {line}"
        );
    }
    let long_name = "N".repeat(10_000);
    let line = tisserand(
        &db,
        &["actors", "add", "--kind", "autre", "--name", &long_name],
    )
    .fails();
    assert!(line.contains("200 au plus"), "{line}");
    let contact = tisserand(
        &db,
        &[
            "contacts",
            "add",
            "--last-name",
            "Meyer",
            "--email",
            "meyer@",
            "--phone",
            "12",
        ],
    )
    .fails();
    assert!(
        contact.contains("e-mail") && contact.contains("téléphone"),
        "{contact}"
    );
    assert!(tisserand(&db, &["actors", "show", "inconnu"])
        .fails()
        .contains("n'existe pas"));
    assert_eq!(
        count(&db),
        1,
        "the first actor is still there, nothing else was added"
    );
}

#[test]
fn unusual_text_is_stored_exactly_as_typed() {
    let (_dir, db) = temp_db();
    let notes = "Très long. ".repeat(1_000);
    for name in [
        "Robert'); DROP TABLE actors;--",
        "Café 🦓 « Zèbre »",
        "جمعية الأمل",
    ] {
        let created = tisserand(
            &db,
            &[
                "actors",
                "add",
                "--kind",
                "association",
                "--name",
                name,
                "--notes",
                &notes,
                "--format",
                "json",
            ],
        )
        .json();
        let shown = tisserand(
            &db,
            &[
                "actors",
                "show",
                created["id"].as_str().unwrap(),
                "--format",
                "json",
            ],
        )
        .json();
        assert_eq!(shown["name"], name);
        assert_eq!(shown["notes"].as_str().unwrap(), notes.trim());
    }
    assert_eq!(count(&db), 3);
    assert_eq!(
        tisserand(&db, &["actors", "search", "drop table", "--format", "json"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn delete_and_restore() {
    let (_dir, db) = temp_db();
    let id = tisserand(
        &db,
        &[
            "actors",
            "add",
            "--kind",
            "fondation",
            "--name",
            "Fondation Rhin Vivant",
        ],
    )
    .ok();
    let id = id.trim();
    assert!(tisserand(&db, &["actors", "delete", id])
        .ok()
        .contains("actors restore"));
    assert_eq!(count(&db), 0);
    tisserand(&db, &["actors", "restore", id]).ok();
    assert_eq!(count(&db), 1);
}

#[test]
fn a_database_from_a_newer_tisserand_is_refused_and_untouched() {
    let (_dir, db) = temp_db();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA user_version = 42;",
        )
        .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let line = tisserand(&db, &["actors", "list"]).fails();
    assert!(line.contains("version plus récente"), "{line}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_untouched() {
    let (dir, _) = temp_db();
    let file = dir.path().join("participants.csv");
    std::fs::write(&file, "nom;prénom\nMuller;Anne\n").unwrap();
    let line = tisserand(&file, &["actors", "list"]).fails();
    assert!(
        line.contains("n'est pas une base de données Tisserand"),
        "{line}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "nom;prénom\nMuller;Anne\n"
    );
}

#[test]
fn a_read_only_database_is_refused_with_a_clear_message() {
    let (_dir, db) = temp_db();
    tisserand(
        &db,
        &["actors", "add", "--kind", "autre", "--name", "Gardé"],
    )
    .ok();
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms).unwrap();
    let line = tisserand(
        &db,
        &["actors", "add", "--kind", "autre", "--name", "Refusé"],
    )
    .fails();
    assert!(line.contains("lecture seule"), "{line}");
}

#[test]
fn communes_are_looked_up_offline() {
    let (_dir, db) = temp_db();
    let found = tisserand(&db, &["communes", "selestat", "--format", "json"]).json();
    assert_eq!(found[0]["insee"], "67462");
    assert_eq!(found[0]["postalCodes"][0], "67600");
    let by_postcode = tisserand(&db, &["communes", "68000"]).ok();
    assert!(by_postcode.contains("Colmar"), "{by_postcode}");
}

#[test]
fn a_backup_is_a_working_database() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let copy = dir.path().join("copie.sqlite3");
    tisserand(&db, &["backup", "-o", copy.to_str().unwrap()]).ok();
    assert_eq!(count(&copy), count(&db));
    assert!(tisserand(&db, &["backup", "-o", copy.to_str().unwrap()])
        .fails()
        .contains("copie.sqlite3"));
}

#[test]
fn an_association_of_alsace_is_inscribed_at_a_court_not_in_the_rna() {
    let (dir, db) = temp_db();
    // Seated in Colmar: droit local, so an RNA number is refused with the reason.
    let refused = tisserand(
        &db,
        &[
            "actors",
            "add",
            "--kind",
            "association",
            "--name",
            "Roule Solidaire",
            "--commune",
            "68066",
            "--rna",
            "W682009236",
        ],
    )
    .fails();
    assert!(
        refused.contains(
            "Le siège de l'association est dans le Haut-Rhin : elle relève du droit local"
        ),
        "{refused}"
    );
    let id = tisserand(
        &db,
        &[
            "actors",
            "add",
            "--kind",
            "association",
            "--name",
            "Roule Solidaire",
            "--commune",
            "68066",
            "--court",
            "Colmar",
            "--volume",
            "42",
            "--folio",
            "17",
        ],
    )
    .ok()
    .trim()
    .to_owned();
    let shown = tisserand(&db, &["actors", "show", &id]).ok();
    assert!(
        shown.contains("Association de droit local (Alsace-Moselle) (d'après le siège)"),
        "{shown}"
    );
    assert!(
        shown.contains("tribunal judiciaire de Colmar, volume 42, folio 17"),
        "{shown}"
    );
    let json = tisserand(&db, &["actors", "show", &id, "--format", "json"]).json();
    assert_eq!(json["legalRegime"], "droit_local");
    assert_eq!(json["registerCourt"], "colmar");
    // A court that keeps no register of associations is named.
    let bad_court = tisserand(
        &db,
        &[
            "actors",
            "add",
            "--kind",
            "association",
            "--name",
            "X",
            "--commune",
            "68066",
            "--court",
            "Nancy",
        ],
    )
    .fails();
    assert!(
        bad_court.contains("Tribunal inconnu « Nancy »"),
        "{bad_court}"
    );
    // Its agreement names its register entry.
    let company = tisserand(
        &db,
        &[
            "actors",
            "add",
            "--kind",
            "entreprise",
            "--name",
            "Garage Kieffer",
        ],
    )
    .ok()
    .trim()
    .to_owned();
    let p = tisserand(
        &db,
        &[
            "partnerships",
            "add",
            "--title",
            "Vélos réparés",
            "--party",
            &format!("{company}:financeur"),
            "--party",
            &format!("{id}:beneficiaire"),
            "--mode",
            "mecenat",
            "--format",
            "json",
        ],
    )
    .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let pdf = dir.path().join("convention.pdf");
    tisserand(&db, &["agreement", &p, "-o", pdf.to_str().unwrap()]).ok();
    let text = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(
            "Roule Solidaire, association inscrite au registre des associations du tribunal judiciaire de Colmar, volume 42, folio 17"
        ),
        "{text}"
    );
}
