//! Data in and out through the command line: imports of the fixture files
//! (encodings, separators, workbooks, bad rows, bad files), undo, exports
//! that import back, duplicates and merges, personal-data requests,
//! backups and restore, and an import killed midway.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{count, temp_db, tisserand};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}

fn import(db: &Path, file: &str, extra: &[&str]) -> Value {
    let mut args = vec!["import", "actors", file, "--format", "json"];
    args.extend_from_slice(extra);
    tisserand(db, &args).json()
}

fn names(db: &Path) -> Vec<String> {
    let list = tisserand(db, &["actors", "list", "--format", "json"]).json();
    list.as_array()
        .expect("a list")
        .iter()
        .map(|a| a["name"].as_str().expect("a name").to_owned())
        .collect()
}

#[test]
fn french_excel_files_import_with_their_accents() {
    let (_dir, db) = temp_db();
    let r = import(&db, &fixture("windows1252-semicolon.csv"), &[]);
    assert_eq!(r["imported"], 4, "{r}");
    assert_eq!(r["skipped"], 0);
    assert!(r["errors"].as_array().unwrap().is_empty());
    let all = names(&db);
    assert!(
        all.iter().any(|n| n == "Épicerie solidaire du Ried"),
        "{all:?}"
    );
    let r = import(&db, &fixture("utf8-bom-comma.csv"), &[]);
    assert_eq!(r["errors"].as_array().unwrap().len(), 0, "{r}");
    assert!(r["imported"].as_u64().unwrap() + r["skipped"].as_u64().unwrap() == 3);
    // A quoted cell with a line break and a separator is one row.
    let r = import(&db, &fixture("multiline-quoted.csv"), &[]);
    assert_eq!(r["rows"], 3, "{r}");
    assert!(r["errors"].as_array().unwrap().is_empty(), "{r}");
}

#[test]
fn three_bad_rows_among_a_hundred_are_listed_and_the_rest_imported() {
    let (_dir, db) = temp_db();
    let r = import(&db, &fixture("bad-rows.csv"), &[]);
    assert_eq!(r["imported"], 97, "{r}");
    assert_eq!(r["skipped"], 3);
    let errors = r["errors"].as_array().unwrap();
    let rows: Vec<u64> = errors.iter().map(|e| e["row"].as_u64().unwrap()).collect();
    assert_eq!(rows, vec![18, 43, 78], "{errors:?}");
    assert_eq!(errors[0]["field"], "SIREN");
    assert!(errors[0]["message"].as_str().unwrap().contains("SIREN"));
    assert!(errors[2]["message"]
        .as_str()
        .unwrap()
        .contains("jean.dupont@"));
    assert_eq!(count(&db), 97);
}

#[test]
fn a_dry_run_writes_nothing_and_an_import_undoes_in_one_action() {
    let (_dir, db) = temp_db();
    let dry = import(&db, &fixture("bad-rows.csv"), &["--dry-run"]);
    assert_eq!(dry["imported"], 97);
    assert!(dry["importId"].is_null());
    assert_eq!(count(&db), 0);
    tisserand(&db, &["demo"]).ok();
    let before = count(&db);
    let r = import(&db, &fixture("bad-rows.csv"), &[]);
    assert_eq!(count(&db), before + 97);
    let id = r["importId"].as_str().unwrap();
    assert!(tisserand(&db, &["import", "undo", id])
        .ok()
        .contains("97 acteurs"));
    assert_eq!(count(&db), before);
    // Twice: a clear refusal.
    assert!(tisserand(&db, &["import", "undo", id])
        .fails()
        .contains("déjà été annulé"));
    let list = tisserand(&db, &["import", "list", "--format", "json"]).json();
    assert!(list[0]["undoneAt"].is_string());
}

#[test]
fn workbooks_import_like_csv() {
    for file in ["actors.xlsx", "actors.ods"] {
        let (_dir, db) = temp_db();
        let r = import(&db, &fixture(file), &[]);
        assert_eq!(r["rows"], 3, "{file}: {r}");
        assert_eq!(r["imported"], 3, "{file}: {r}");
        // The SIREN stored as a number comes back as its nine digits.
        let list = tisserand(&db, &["actors", "search", "552100554", "--format", "json"]).json();
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{file}: {list}");
    }
}

#[test]
fn bad_files_are_refused_with_one_clear_line_and_nothing_written() {
    let (_dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let before = count(&db);
    for (file, words) in [
        ("empty.csv", "vide"),
        ("binary.csv", "binaires"),
        ("headers-only.csv", "en-têtes"),
        ("one-column.csv", "une colonne"),
        ("duplicate-headers.csv", "deux fois"),
        ("unbalanced-quotes.csv", "ligne 12"),
    ] {
        let line = tisserand(&db, &["import", "actors", &fixture(file)]).fails();
        assert!(line.contains(words), "{file}: {line}");
    }
    let missing = tisserand(&db, &["import", "actors", "/nonexistent/file.csv"]).fails();
    assert!(missing.contains("introuvable"), "{missing}");
    assert_eq!(count(&db), before);
    assert!(tisserand(&db, &["import", "list", "--format", "json"])
        .json()
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn a_one_gigabyte_file_is_refused_at_once_and_nothing_written() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let before = count(&db);
    let big = dir.path().join("enorme.csv");
    generated_csv(&big, 1_000);
    // Grown to 1 GB without writing it (a sparse file): the size is refused
    // before any row is read.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let started = std::time::Instant::now();
    let line = tisserand(&db, &["import", "actors", big.to_str().unwrap()]).fails();
    assert!(
        line.contains("1024 Mo") && line.contains("Découpez-le"),
        "{line}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert_eq!(count(&db), before);
}

#[test]
fn a_mapping_file_names_the_columns() {
    let (dir, db) = temp_db();
    let csv = dir.path().join("liste.csv");
    std::fs::write(
        &csv,
        "Structure;Qui;Ville;Genre\nLes Amis du Rail;Marie Curie;Sélestat;association\n",
    )
    .unwrap();
    let map = dir.path().join("map.json");
    std::fs::write(
        &map,
        r#"{ "Structure": "name", "Qui": "contactFullName", "Genre": "kind" }"#,
    )
    .unwrap();
    let r = import(
        &db,
        csv.to_str().unwrap(),
        &["--mapping", map.to_str().unwrap()],
    );
    assert_eq!(r["imported"], 1, "{r}");
    assert_eq!(r["contacts"], 1);
    std::fs::write(&map, r#"{ "Nope": "name" }"#).unwrap();
    let line = tisserand(
        &db,
        &[
            "import",
            "actors",
            csv.to_str().unwrap(),
            "--mapping",
            map.to_str().unwrap(),
        ],
    )
    .fails();
    assert!(line.contains("« Nope »"), "{line}");
    std::fs::write(&map, r#"{ "Structure": "nom" }"#).unwrap();
    let line = tisserand(
        &db,
        &[
            "import",
            "actors",
            csv.to_str().unwrap(),
            "--mapping",
            map.to_str().unwrap(),
        ],
    )
    .fails();
    assert!(line.contains("champ inconnu « nom »"), "{line}");
}

#[test]
fn exports_open_in_french_excel_and_import_back() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let n = count(&db);
    for (what, format) in [
        ("actors", "csv"),
        ("actors", "xlsx"),
        ("contacts", "csv"),
        ("partnerships", "xlsx"),
        ("partnerships", "json"),
    ] {
        let file = dir.path().join(format!("{what}.{format}"));
        tisserand(
            &db,
            &[
                "export",
                what,
                "--format",
                format,
                "-o",
                file.to_str().unwrap(),
            ],
        )
        .ok();
        assert!(file.metadata().unwrap().len() > 100, "{what}.{format}");
    }
    let csv = std::fs::read(dir.path().join("actors.csv")).unwrap();
    assert!(
        csv.starts_with(b"\xEF\xBB\xBFNom;Type;SIREN"),
        "BOM and semicolons"
    );
    // Into a fresh database: every actor comes back.
    let (_dir2, other) = temp_db();
    let r = import(&other, dir.path().join("actors.csv").to_str().unwrap(), &[]);
    assert_eq!(r["errors"].as_array().unwrap().len(), 0, "{r}");
    assert_eq!(count(&other), n);
    let all = dir.path().join("all.json");
    tisserand(&db, &["export", "all", "-o", all.to_str().unwrap()]).ok();
    let doc: Value = serde_json::from_slice(&std::fs::read(&all).unwrap()).unwrap();
    assert_eq!(doc["format"], "tisserand-export");
    assert_eq!(doc["actors"].as_array().unwrap().len(), n);
    assert!(doc["partnerships"].as_array().unwrap().len() >= 20);
    // An unwritable place: a clear line, no file.
    let line = tisserand(&db, &["export", "actors", "-o", "/nonexistent/dir/a.csv"]).fails();
    assert!(line.contains("/nonexistent/dir/a.csv"), "{line}");
}

/// The id of the first actor named `name`.
pub(crate) fn actor_id(db: &Path, name: &str) -> String {
    let list = tisserand(db, &["actors", "list", "--format", "json"]).json();
    let found = list
        .as_array()
        .expect("a list")
        .iter()
        .find(|a| a["name"] == name)
        .unwrap_or_else(|| panic!("no {name}"));
    found["id"].as_str().expect("an id").to_owned()
}

#[test]
fn a_merge_moves_contacts_and_partnerships_and_can_be_undone() {
    let (_dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    // A second record of a demo association, with a contact, in a partnership.
    let keep = actor_id(&db, "Numéris Alsace");
    let partner = actor_id(&db, "Caves du Strengbach");
    let other = tisserand(
        &db,
        &[
            "actors",
            "add",
            "--kind",
            "entreprise",
            "--name",
            "NUMERIS ALSACE SAS",
            "--format",
            "json",
        ],
    );
    let other = if other.code == 0 {
        serde_json::from_str::<Value>(&other.stdout).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    } else {
        panic!("{}", other.stderr)
    };
    tisserand(
        &db,
        &[
            "contacts",
            "add",
            "--actor",
            &other,
            "--first-name",
            "Zoé",
            "--last-name",
            "Kern",
        ],
    )
    .ok();
    let p = tisserand(
        &db,
        &[
            "partnerships",
            "add",
            "--title",
            "Potager partagé",
            "--party",
            &format!("{other}:porteur"),
            "--party",
            &format!("{partner}:partenaire"),
            "--format",
            "json",
        ],
    )
    .json();
    let pid = p["id"].as_str().unwrap().to_owned();
    let dups = tisserand(&db, &["duplicates", "--format", "json"]).json();
    assert!(
        dups["actors"].as_array().unwrap().iter().any(|d| {
            let ids = [
                d["a"]["actor"]["id"].as_str().unwrap(),
                d["b"]["actor"]["id"].as_str().unwrap(),
            ];
            ids.contains(&keep.as_str()) && ids.contains(&other.as_str())
        }),
        "{dups}"
    );
    let before = count(&db);
    let m = tisserand(&db, &["merge", &keep, &other, "--format", "json"]).json();
    assert_eq!(count(&db), before - 1);
    let shown = tisserand(&db, &["actors", "show", &keep, "--format", "json"]).json();
    assert!(shown.to_string().contains("Kern"), "contact moved: {shown}");
    let p = tisserand(&db, &["partnerships", "show", &pid, "--format", "json"]).json();
    assert!(
        p.to_string().contains(&keep) && !p.to_string().contains(&other),
        "party moved: {p}"
    );
    tisserand(&db, &["unmerge", m["mergeId"].as_str().unwrap()]).ok();
    assert_eq!(count(&db), before);
    let p = tisserand(&db, &["partnerships", "show", &pid, "--format", "json"]).json();
    assert!(p.to_string().contains(&other), "party back: {p}");
    let shown = tisserand(&db, &["actors", "show", &other, "--format", "json"]).json();
    assert!(shown.to_string().contains("Kern"), "contact back: {shown}");
}

#[test]
fn a_person_is_exported_then_erased_leaving_only_a_trace() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let org = actor_id(&db, "Numéris Alsace");
    let partner = actor_id(&db, "Caves du Strengbach");
    let c = tisserand(
        &db,
        &[
            "contacts",
            "add",
            "--actor",
            &org,
            "--first-name",
            "Zoé",
            "--last-name",
            "Kern",
            "--email",
            "zoe.kern@example.org",
            "--format",
            "json",
        ],
    )
    .json();
    let cid = c["id"].as_str().unwrap().to_owned();
    let p = tisserand(
        &db,
        &[
            "partnerships",
            "add",
            "--title",
            "Potager partagé",
            "--party",
            &format!("{org}:porteur:{cid}"),
            "--party",
            &format!("{partner}:partenaire"),
            "--format",
            "json",
        ],
    )
    .json();
    let pid = p["id"].as_str().unwrap().to_owned();
    tisserand(
        &db,
        &[
            "partnerships",
            "note",
            &pid,
            "Appel de Zoé Kern : d'accord pour mars.",
        ],
    )
    .ok();
    let file = dir.path().join("zoe.json");
    tisserand(
        &db,
        &["person", "export", &cid, "-o", file.to_str().unwrap()],
    )
    .ok();
    let doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(doc["contact"]["email"], "zoe.kern@example.org");
    assert_eq!(doc["partnerships"][0]["id"], pid.as_str());
    assert!(
        doc["mentions"].to_string().contains("d'accord pour mars"),
        "{doc}"
    );
    assert!(tisserand(&db, &["person", "erase", &cid])
        .ok()
        .contains("effacé"));
    let p = tisserand(&db, &["partnerships", "show", &pid, "--format", "json"])
        .json()
        .to_string();
    assert!(!p.contains("Zoé Kern") && !p.contains(&cid), "{p}");
    assert!(p.contains("[personne effacée]"), "{p}");
    assert!(tisserand(&db, &["person", "export", &cid])
        .fails()
        .contains("n'existe pas"));
    let all = dir.path().join("all.json");
    tisserand(&db, &["export", "all", "-o", all.to_str().unwrap()]).ok();
    let text = std::fs::read_to_string(&all).unwrap();
    assert!(
        !text.contains("zoe.kern") && !text.contains("Kern"),
        "no trace of the person"
    );
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["erasures"].as_array().unwrap().len(), 1);
}

#[test]
fn backups_list_restore_and_refuse_what_is_not_one() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let n = count(&db);
    assert!(tisserand(&db, &["backup"])
        .ok()
        .contains("Sauvegarde écrite"));
    let list = tisserand(&db, &["backups", "--format", "json"]).json();
    let first = list[0]["path"].as_str().unwrap().to_owned();
    assert_eq!(list[0]["reason"], "manual");
    import(&db, &fixture("bad-rows.csv"), &[]);
    assert_eq!(count(&db), n + 97);
    tisserand(&db, &["restore", &first]).ok();
    assert_eq!(count(&db), n);
    // The state before the restore was kept, and can be restored in turn.
    let list = tisserand(&db, &["backups", "--format", "json"]).json();
    let before_restore = list
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["reason"] == "beforeRestore")
        .map(|b| b["path"].as_str().unwrap().to_owned())
        .unwrap();
    tisserand(&db, &["restore", &before_restore]).ok();
    assert_eq!(count(&db), n + 97);
    let text = dir.path().join("notes.sqlite3");
    std::fs::write(&text, "pas une base").unwrap();
    assert!(tisserand(&db, &["restore", text.to_str().unwrap()])
        .fails()
        .contains("pas une base de données Tisserand"));
    let other = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;")
        .unwrap();
    assert!(tisserand(&db, &["restore", other.to_str().unwrap()])
        .fails()
        .contains("pas une sauvegarde de Tisserand"));
    let newer: PathBuf = dir.path().join("newer.sqlite3");
    tisserand(&db, &["backup", "-o", newer.to_str().unwrap()]).ok();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    assert!(tisserand(&db, &["restore", newer.to_str().unwrap()])
        .fails()
        .contains("plus récente"));
    assert_eq!(count(&db), n + 97);
}

/// Writes `rows` actor rows as a CSV French Excel would.
pub(crate) fn generated_csv(path: &Path, rows: usize) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create the CSV"));
    writeln!(
        out,
        "Raison sociale;Type;Code postal;Ville;Besoins;Offres;Tags;Courriel"
    )
    .expect("write the CSV");
    let kinds = ["association", "entreprise", "fondation", "collectivité"];
    let towns = [
        ("67600", "Sélestat"),
        ("68000", "Colmar"),
        ("67000", "Strasbourg"),
        ("68100", "Mulhouse"),
    ];
    for i in 0..rows {
        let (cp, town) = towns[i % towns.len()];
        writeln!(
            out,
            "Structure {i} du Ried;{};{cp};{town};locaux : salle de réunion {i};compétences : comptabilité;solidarité, insertion;contact{i}@exemple.fr",
            kinds[i % kinds.len()]
        )
        .expect("write the CSV");
    }
}

#[test]
fn an_import_killed_midway_leaves_all_or_nothing() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let before = count(&db);
    let csv = dir.path().join("big.csv");
    generated_csv(&csv, 100_000);
    for delay_ms in [150, 600] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tisserand"))
            .arg("--db")
            .arg(&db)
            .args(["import", "actors", csv.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        // SIGKILL: no chance to clean up.
        child.kill().unwrap();
        child.wait().unwrap();
        let conn = rusqlite::Connection::open(&db).unwrap();
        let verdict: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(verdict, "ok");
        let imported: i64 = conn
            .query_row(
                "SELECT count(*) FROM actors WHERE name LIKE 'Structure % du Ried'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            imported == 0 || imported == 100_000,
            "all or none, found {imported}"
        );
        drop(conn);
        let now = count(&db);
        assert!(now == before || now == before + 100_000, "{now}");
        if now != before {
            break;
        }
    }
}

#[test]
fn duplicate_contacts_merge_and_unmerge() {
    let (_dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let org = actor_id(&db, "Numéris Alsace");
    let a = tisserand(
        &db,
        &[
            "contacts",
            "add",
            "--actor",
            &org,
            "--first-name",
            "Zoé",
            "--last-name",
            "Kern",
            "--email",
            "zoe.kern@example.org",
            "--format",
            "json",
        ],
    )
    .json();
    let b = tisserand(
        &db,
        &[
            "contacts",
            "add",
            "--actor",
            &org,
            "--first-name",
            "Zoe",
            "--last-name",
            "KERN",
            "--phone",
            "03 88 12 34 56",
            "--email",
            "Zoe.Kern@example.org",
            "--format",
            "json",
        ],
    )
    .json();
    let (a, b) = (
        a["id"].as_str().unwrap().to_owned(),
        b["id"].as_str().unwrap().to_owned(),
    );
    let dups = tisserand(&db, &["duplicates", "--format", "json"]).json();
    let pair = dups["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| [d["a"]["id"].as_str(), d["b"]["id"].as_str()].contains(&Some(a.as_str())))
        .unwrap_or_else(|| panic!("pair of Zoé Kern: {dups}"));
    assert!(pair["why"].to_string().contains("e-mail"), "{pair}");
    let m = tisserand(&db, &["merge", &a, &b, "--format", "json"]).json();
    let shown = tisserand(&db, &["actors", "show", &org, "--format", "json"])
        .json()
        .to_string();
    assert_eq!(
        shown.matches("zoe.kern@example.org").count(),
        1,
        "one Zoé left: {shown}"
    );
    assert!(
        shown.contains("03 88 12 34 56"),
        "the phone filled the blank: {shown}"
    );
    tisserand(&db, &["unmerge", m["mergeId"].as_str().unwrap()]).ok();
    let shown = tisserand(&db, &["actors", "show", &org, "--format", "json"])
        .json()
        .to_string();
    assert!(shown.contains(&b), "both back: {shown}");
}

#[test]
fn an_import_whose_actors_joined_a_partnership_is_not_undone() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let csv = dir.path().join("liste.csv");
    std::fs::write(&csv, "Nom;Type\nLes Amis du Rail;association\n").unwrap();
    let r = import(&db, csv.to_str().unwrap(), &[]);
    let new = actor_id(&db, "Les Amis du Rail");
    let partner = actor_id(&db, "Caves du Strengbach");
    tisserand(
        &db,
        &[
            "partnerships",
            "add",
            "--title",
            "Train des vignes",
            "--party",
            &format!("{new}:porteur"),
            "--party",
            &format!("{partner}:partenaire"),
        ],
    )
    .ok();
    let line = tisserand(&db, &["import", "undo", r["importId"].as_str().unwrap()]).fails();
    assert!(line.contains("« Train des vignes »"), "{line}");
    assert_eq!(actor_id(&db, "Les Amis du Rail"), new);
}
