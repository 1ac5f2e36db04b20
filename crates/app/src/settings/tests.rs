//! Réglages: saved and read back, refused by field with nothing lost, the
//! logo from a file, and the letterhead on the brief and the agreement.

use tisserand_domain::settings::SettingsInput;
use tisserand_domain::{ActorInput, ActorKind, PartnershipInput, Party, PartyRole};

use crate::{App, DocumentKind};

fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("doc.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).replace(['\u{202F}', '\u{A0}'], " ")
}

fn organisation() -> SettingsInput {
    SettingsInput {
        facilitator_name: "Léa Muller".into(),
        facilitator_email: "lea@labo-alsace.fr".into(),
        organisation_name: "Labo des partenariats d'Alsace".into(),
        organisation_address: "3 rue des Tisserands\n68000 Colmar".into(),
        organisation_siret: "732 829 320 00074".into(),
        agreement_place: "Colmar".into(),
        agreement_court: "tribunal judiciaire de Colmar".into(),
        agreement_originals: "3".into(),
        ..SettingsInput::default()
    }
}

fn partnership(app: &mut App) -> String {
    let ids: Vec<String> = [
        ("Banque Alimentaire", ActorKind::Association),
        ("Garage Meyer", ActorKind::Entreprise),
    ]
    .into_iter()
    .map(|(name, kind)| {
        app.create_actor(&ActorInput {
            kind: Some(kind),
            name: name.into(),
            ..ActorInput::default()
        })
        .unwrap()
        .id
    })
    .collect();
    app.create_partnership(&PartnershipInput {
        title: "Collecte de Noël".into(),
        parties: ids
            .iter()
            .map(|a| Party {
                actor_id: a.clone(),
                role: PartyRole::Partenaire,
                contact_id: None,
            })
            .collect(),
        ..PartnershipInput::default()
    })
    .unwrap()
    .id
}

#[test]
fn settings_are_saved_read_back_and_refused_by_field_without_losing_any() {
    let mut app = App::open_in_memory().unwrap();
    assert_eq!(app.get_settings().unwrap().input, SettingsInput::default());
    let saved = app.save_settings(&organisation()).unwrap();
    assert_eq!(
        saved.settings.organisation.siret.as_deref(),
        Some("73282932000074")
    );
    let mut wrong = organisation();
    wrong.organisation_siret = "732 829 320 00075".into();
    let err = app.save_settings(&wrong).unwrap_err();
    assert_eq!(err.fields[0].field, "organisationSiret");
    assert!(
        err.fields[0].message.contains("732 829 320 00075"),
        "{}",
        err.fields[0].message
    );
    assert_eq!(app.get_settings().unwrap(), saved, "nothing lost");
    // One by one, as the command line does.
    app.set_setting("agreement.place", "Sélestat").unwrap();
    assert_eq!(app.get_setting("agreement.place").unwrap(), "Sélestat");
    assert_eq!(
        app.get_setting("organisation.name").unwrap(),
        "Labo des partenariats d'Alsace"
    );
    assert!(app.set_setting("agreement.originals", "0").is_err());
    assert!(app.get_setting("organisation.nom").is_err());
}

#[test]
fn the_facilitator_is_the_default_of_new_partnerships() {
    let mut app = App::open_in_memory().unwrap();
    app.save_settings(&organisation()).unwrap();
    let id = partnership(&mut app);
    assert_eq!(
        app.store.partnership(&id).unwrap().facilitator.as_deref(),
        Some("Léa Muller")
    );
}

#[test]
fn a_logo_must_be_an_image_of_at_most_5_mo_and_a_refusal_keeps_the_one_in_place() {
    let mut app = App::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("logo.png");
    image::RgbaImage::from_pixel(900, 300, image::Rgba([20, 60, 140, 255]))
        .save(&png)
        .unwrap();
    let view = app.set_logo(&png).unwrap();
    assert_eq!(view.logo_file.as_deref(), Some("logo.png"));
    // An SVG is drawn once, when chosen.
    let svg = dir.path().join("logo.svg");
    std::fs::write(
        &svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100" fill="#1f4e9c"/><circle cx="50" cy="50" r="30" fill="#e69f00"/></svg>"##,
    )
    .unwrap();
    assert_eq!(
        app.set_logo(&svg).unwrap().logo_file.as_deref(),
        Some("logo.svg")
    );
    let broken = dir.path().join("casse.svg");
    std::fs::write(&broken, "<svg xmlns='http://www.w3.org/2000/svg'><rect").unwrap();
    let err = app.set_logo(&broken).unwrap_err();
    assert!(
        err.message.contains("« casse.svg » est une image SVG"),
        "{}",
        err.message
    );
    app.set_logo(&png).unwrap();
    let text = dir.path().join("logo.txt");
    std::fs::write(&text, "pas une image").unwrap();
    let err = app.set_logo(&text).unwrap_err();
    assert!(
        err.message.contains("« logo.txt » n'est pas une image"),
        "{}",
        err.message
    );
    let big = dir.path().join("enorme.png");
    std::fs::write(&big, vec![0u8; 5 * 1024 * 1024 + 1]).unwrap();
    let err = app.set_logo(&big).unwrap_err();
    assert!(err.message.contains("5 Mo"), "{}", err.message);
    assert_eq!(
        app.get_settings().unwrap().logo_file.as_deref(),
        Some("logo.png")
    );
    assert_eq!(app.remove_logo().unwrap().logo_file, None);
}

#[test]
fn briefs_and_agreements_carry_the_letterhead_and_the_agreement_defaults() {
    let mut app = App::open_in_memory().unwrap();
    let id = partnership(&mut app);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
    let plain = pdf_text(&app.document_pdf(&id, DocumentKind::Brief, day).unwrap());
    assert!(plain.contains("Tisserand · fiche générée"), "{plain}");
    assert!(!plain.contains("Labo des partenariats"), "{plain}");

    app.save_settings(&organisation()).unwrap();
    let brief = pdf_text(&app.document_pdf(&id, DocumentKind::Brief, day).unwrap());
    // Created before Réglages named a facilitator: no contact to print.
    assert!(!brief.contains("lea@labo-alsace.fr"), "{brief}");
    let other = partnership(&mut app);
    let named = pdf_text(&app.document_pdf(&other, DocumentKind::Brief, day).unwrap());
    assert!(
        named.contains("Facilitation : Léa Muller (lea@labo-alsace.fr)"),
        "{named}"
    );
    for expected in [
        "Labo des partenariats d'Alsace",
        "68000 Colmar",
        "SIRET 732 829 320 00074",
    ] {
        assert!(brief.contains(expected), "{expected} in {brief}");
    }
    let agreement = pdf_text(&app.document_pdf(&id, DocumentKind::Agreement, day).unwrap());
    for expected in [
        "Labo des partenariats d'Alsace",
        "Fait en 3 exemplaires originaux",
        "Fait à Colmar",
        "tribunal judiciaire de Colmar",
    ] {
        assert!(agreement.contains(expected), "{expected} in {agreement}");
    }
}

#[test]
fn the_event_pack_and_the_impact_report_are_signed_by_the_organisation() {
    let mut app = App::open_in_memory().unwrap();
    let clock = tisserand_domain::Clock::at(
        chrono::DateTime::parse_from_rfc3339("2026-12-09T10:00:00+01:00").unwrap(),
    );
    app.load_demo(clock).unwrap();
    app.save_settings(&organisation()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let logo = dir.path().join("logo.png");
    image::RgbaImage::from_pixel(300, 100, image::Rgba([20, 60, 140, 255]))
        .save(&logo)
        .unwrap();
    app.set_logo(&logo).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
    let planned = app
        .list_events()
        .unwrap()
        .into_iter()
        .find(|e| app.get_event(&e.id).is_ok_and(|d| !d.meetings.is_empty()))
        .expect("a planned demo event");
    let pack = pdf_text(&app.event_pack_pdf(&planned.id, None, day).unwrap());
    assert!(
        pack.contains("Labo des partenariats d'Alsace · édité le"),
        "{pack}"
    );
    assert!(
        pack.contains("Contact : Léa Muller · lea@labo-alsace.fr"),
        "{pack}"
    );
    let report = app
        .impact_report_pdf(
            &tisserand_domain::impact::ImpactReportRequest::default(),
            clock,
        )
        .unwrap();
    let text = pdf_text(&report);
    for expected in [
        "Labo des partenariats d'Alsace",
        "SIRET 732 829 320 00074",
        "RAPPORT D'IMPACT",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
}

#[test]
fn backups_are_copied_to_the_second_folder_which_keeps_the_newest_and_a_missing_one_is_said() {
    let home = tempfile::tempdir().unwrap();
    let key = tempfile::tempdir().unwrap();
    let mut app = App::open(&home.path().join("tisserand.sqlite3")).unwrap();
    let clock = tisserand_domain::Clock::at(
        chrono::DateTime::parse_from_rfc3339("2026-12-09T10:00:00+01:00").unwrap(),
    );
    // Three older copies already on the key.
    for day in 1..=3 {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, day)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let name =
            tisserand_domain::backup::file_name(at, tisserand_domain::backup::BackupReason::Daily);
        std::fs::write(key.path().join(name), b"old").unwrap();
    }
    let err = app.copy_backup_now(clock).unwrap_err();
    assert!(
        err.message.contains("Aucun dossier de copie"),
        "{}",
        err.message
    );

    let mut input = SettingsInput {
        backup_folder: key.path().display().to_string(),
        backup_keep: "2".into(),
        ..SettingsInput::default()
    };
    app.save_settings(&input).unwrap();
    let copied = app.copy_backup_now(clock).unwrap();
    assert!(std::path::Path::new(&copied.path).starts_with(key.path()));
    let mut left: Vec<String> = std::fs::read_dir(key.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(
        left[0].contains("2026-12-03"),
        "the newest old copy stays: {left:?}"
    );
    assert_eq!(
        app.get_settings()
            .unwrap()
            .copy_status
            .unwrap()
            .file
            .as_deref(),
        Some(copied.path.as_str())
    );

    // The key is pulled out: the copy says so, the backup beside the
    // database is made, the settings are kept.
    let gone = key.path().display().to_string();
    drop(key);
    let before = app.list_backups().unwrap().len();
    let err = app.copy_backup_now(clock).unwrap_err();
    assert!(err.message.contains("est introuvable"), "{}", err.message);
    assert!(err.message.contains(&gone), "{}", err.message);
    assert_eq!(app.list_backups().unwrap().len(), before + 1);
    let status = app.get_settings().unwrap().copy_status.unwrap();
    assert!(status.error.unwrap().contains("est introuvable"));
    // Saving the settings with that folder is refused by field.
    input.organisation_name = "Labo".into();
    let err = app.save_settings(&input).unwrap_err();
    assert_eq!(err.fields[0].field, "backupFolder");
    assert_eq!(app.validate_settings(&input)[0].field, "backupFolder");
}

#[test]
fn an_event_form_s_timing_becomes_what_new_events_start_from() {
    use tisserand_domain::event::EventInput;
    let mut app = App::open_in_memory().unwrap();
    assert_eq!(app.get_event_input(None).unwrap(), EventInput::default());
    let form = EventInput {
        name: "Forum de printemps".into(),
        date: "12/03/2027".into(),
        venue: Some("Sélestat".into()),
        start_time: "9h30".into(),
        round_minutes: 6,
        rounds: 10,
        tables: 14,
        ..EventInput::default()
    };
    app.save_event_defaults(&form).unwrap();
    let next = app.get_event_input(None).unwrap();
    assert_eq!((next.round_minutes, next.rounds, next.tables), (6, 10, 14));
    assert_eq!(next.start_time, "9h30");
    assert!(next.name.is_empty() && next.date.is_empty() && next.venue.is_none());
    // A name and a date are not needed; a bad timing is refused by field.
    let bad = EventInput {
        rounds: 0,
        ..EventInput::default()
    };
    let err = app.save_event_defaults(&bad).unwrap_err();
    assert_eq!(err.fields.len(), 1, "{:?}", err.fields);
    assert_eq!(err.fields[0].field, "rounds");
    // Saving the settings form keeps them; they can be forgotten.
    app.save_settings(&organisation()).unwrap();
    assert_eq!(app.get_event_input(None).unwrap().rounds, 10);
    app.clear_event_defaults().unwrap();
    assert_eq!(app.get_event_input(None).unwrap(), EventInput::default());
}

#[test]
fn the_home_territory_must_be_in_the_referential_and_is_named() {
    let mut app = App::open_in_memory().unwrap();
    let mut input = SettingsInput {
        home_departement: "68".into(),
        ..SettingsInput::default()
    };
    let view = app.save_settings(&input).unwrap();
    assert_eq!(view.home_name.as_deref(), Some("Haut-Rhin"));
    input.home_departement = "99".into();
    let err = app.save_settings(&input).unwrap_err();
    assert_eq!(err.fields[0].field, "homeDepartement");
    assert!(
        err.fields[0].message.contains("référentiel"),
        "{}",
        err.fields[0].message
    );
    assert_eq!(app.validate_settings(&input)[0].field, "homeDepartement");
    assert_eq!(
        app.get_settings().unwrap().home_name.as_deref(),
        Some("Haut-Rhin"),
        "nothing lost"
    );
}
