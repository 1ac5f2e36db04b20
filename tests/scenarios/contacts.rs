//! Annuaire › Contacts through the command line: the list and its filters,
//! the export of a selection for an invitation mailing that honours
//! consents, and the general contacts an import creates, which are never
//! proposed as duplicates of each other.

use super::{temp_db, tisserand};

#[test]
fn general_contacts_of_an_import_are_not_duplicates_of_each_other() {
    let (dir, db) = temp_db();
    let file = dir.path().join("annuaire.csv");
    std::fs::write(
        &file,
        "Nom;Type;Commune;Code postal;E-mail;Téléphone\n\
         Épicerie du Ried;association;Sélestat;67600;contact@epicerie-ried.fr;\n\
         Épicerie du Ried;association;Sélestat;67600;;03 88 11 22 33\n\
         Fédé Sport A;association;Colmar;68000;info@fede-sport.fr;\n\
         Fédé Sport B;association;Colmar;68000;INFO@fede-sport.fr;\n",
    )
    .unwrap();
    let r = tisserand(
        &db,
        &[
            "import",
            "actors",
            file.to_str().unwrap(),
            "--format",
            "json",
        ],
    )
    .json();
    assert_eq!(
        (r["imported"].as_u64(), r["contacts"].as_u64()),
        (Some(3), Some(4)),
        "{r}"
    );
    let dups = tisserand(&db, &["duplicates", "--format", "json"]).json();
    assert_eq!(dups["contacts"].as_array().map(Vec::len), Some(0), "{dups}");
    let general = tisserand(
        &db,
        &[
            "contacts", "list", "--search", "general", "--format", "json",
        ],
    )
    .json();
    assert_eq!(general.as_array().map(Vec::len), Some(4), "{general}");
}

#[test]
fn contacts_list_filters_and_export_a_mailing_honouring_consents() {
    let (dir, db) = temp_db();
    tisserand(&db, &["demo"]).ok();
    let all = tisserand(&db, &["contacts", "list", "--format", "json"]).json();
    let all = all.as_array().unwrap();
    assert!(all.len() >= 100, "{}", all.len());
    let assoc = tisserand(
        &db,
        &[
            "contacts",
            "list",
            "--kind",
            "association",
            "--format",
            "json",
        ],
    )
    .json();
    let assoc = assoc.as_array().unwrap();
    assert!(!assoc.is_empty() && assoc.len() < all.len());
    assert!(
        assoc.iter().all(|c| c["actorKind"] == "association"),
        "{assoc:?}"
    );
    let objected = tisserand(
        &db,
        &[
            "contacts",
            "list",
            "--consent",
            "objection",
            "--format",
            "json",
        ],
    )
    .json();
    let objected = objected.as_array().unwrap();
    assert_eq!(objected.len(), 2, "{objected:?}");
    assert!(objected.iter().all(|c| c["mailingExclusion"] == "objected"));
    let csv = tisserand(
        &db,
        &[
            "contacts",
            "list",
            "--consent",
            "objection",
            "--format",
            "csv",
        ],
    )
    .ok();
    assert!(csv.contains("Prénom;Nom;Organisation"), "{csv}");
    assert!(csv.contains("opposition aux envois"), "{csv}");
    let line = tisserand(&db, &["contacts", "list", "--consent", "oui"]).fails();
    assert!(line.contains("Consentement inconnu « oui »"), "{line}");

    // The whole directory: who may not be invited is left out, and counted.
    let out = dir.path().join("invitations.csv");
    let said = tisserand(
        &db,
        &[
            "contacts",
            "export",
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
        ],
    )
    .ok();
    let invitable = all
        .iter()
        .filter(|c| c["mailingExclusion"].is_null())
        .count();
    assert!(
        said.starts_with(&format!("{invitable} contact(s) exporté(s)")),
        "{said}"
    );
    assert!(said.contains("opposition aux envois (2)"), "{said}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), invitable + 1);
    for c in objected {
        assert!(!text.contains(c["email"].as_str().unwrap()), "{c}");
    }

    // Chosen rows only, as XLSX.
    let ids: Vec<&str> = assoc
        .iter()
        .take(3)
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let xlsx = dir.path().join("trois.xlsx");
    let mut args = vec![
        "contacts",
        "export",
        "--format",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ];
    for id in &ids {
        args.extend(["--id", id]);
    }
    let said = tisserand(&db, &args).ok();
    let kept = assoc
        .iter()
        .take(3)
        .filter(|c| c["mailingExclusion"].is_null())
        .count();
    assert!(said.starts_with(&format!("{kept} contact(s)")), "{said}");
    assert!(xlsx.exists());
}
