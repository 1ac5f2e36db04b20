//! Scenarios of Réglages on the command line: settings set one by one and
//! read back, bad values refused by name with nothing lost, the logo, and
//! the letterhead on a brief (pdftotext).

use super::{pdf_text, temp_db, tisserand};

#[test]
fn settings_are_set_refused_by_name_and_head_the_brief() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    tisserand(
        &db,
        &[
            "settings",
            "set",
            "organisation.name",
            "Labo des partenariats d'Alsace",
        ],
    )
    .ok();
    tisserand(
        &db,
        &["settings", "set", "organisation.siret", "732 829 320 00074"],
    )
    .ok();
    let wrong = tisserand(
        &db,
        &["settings", "set", "organisation.siret", "732 829 320 00075"],
    )
    .fails();
    assert!(wrong.contains("clé de contrôle"), "{wrong}");
    assert_eq!(
        tisserand(&db, &["settings", "get", "organisation.siret"])
            .ok()
            .trim(),
        "73282932000074"
    );
    let unknown = tisserand(&db, &["settings", "set", "organisation.nom", "x"]).fails();
    assert!(unknown.contains("organisation.name"), "{unknown}");

    let not_image = dir.path().join("logo.txt");
    std::fs::write(&not_image, "pas une image").unwrap();
    let refused = tisserand(&db, &["settings", "logo", not_image.to_str().unwrap()]).fails();
    assert!(refused.contains("n'est pas une image"), "{refused}");
    let logo =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src-tauri/icons/128x128.png");
    tisserand(&db, &["settings", "logo", logo.to_str().unwrap()]).ok();
    let all = tisserand(&db, &["settings", "get", "--format", "json"]).json();
    assert_eq!(all["logoFile"], "128x128.png");
    assert_eq!(
        all["settings"]["organisation"]["name"],
        "Labo des partenariats d'Alsace"
    );

    let list = tisserand(&db, &["partnerships", "list", "--format", "json"]).json();
    let id = list[0]["id"].as_str().unwrap();
    let brief = dir.path().join("fiche.pdf");
    tisserand(&db, &["brief", id, "-o", brief.to_str().unwrap()]).ok();
    let text = pdf_text(&brief);
    for expected in [
        "Labo des partenariats d'Alsace",
        "SIRET 732 829 320 00074",
        "Labo des partenariats d'Alsace · fiche générée",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
}

#[test]
fn backups_are_copied_to_the_second_folder_and_a_missing_one_is_refused() {
    let (_dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let key = tempfile::tempdir().unwrap();
    let refused = tisserand(&db, &["backup", "--copy"]).fails();
    assert!(refused.contains("Aucun dossier de copie"), "{refused}");
    let relative = tisserand(&db, &["settings", "set", "backup.folder", "Sauvegardes"]).fails();
    assert!(
        relative.contains("n'est pas un chemin complet"),
        "{relative}"
    );
    let missing = tisserand(
        &db,
        &["settings", "set", "backup.folder", "/media/cle-absente"],
    )
    .fails();
    assert!(missing.contains("est introuvable"), "{missing}");
    tisserand(
        &db,
        &[
            "settings",
            "set",
            "backup.folder",
            key.path().to_str().unwrap(),
        ],
    )
    .ok();
    let out = tisserand(&db, &["backup", "--copy"]).ok();
    assert!(out.contains("copiée"), "{out}");
    let copies: Vec<_> = std::fs::read_dir(key.path()).unwrap().collect();
    assert_eq!(copies.len(), 1);
}
