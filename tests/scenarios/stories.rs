//! Scenarios of the « belles histoires » on the command line: write a story
//! on a demo partnership, see its indicator's value follow the measures,
//! add a photo, refuse a file that is not one, print the PDF.

use std::path::{Path, PathBuf};

use super::{pdf_text, temp_db, tisserand};

fn demo_partnership(db: &Path, title_start: &str) -> String {
    tisserand(db, &["demo"]).ok();
    let list = tisserand(db, &["partnerships", "list", "--format", "json"]).json();
    let found = list
        .as_array()
        .expect("a list")
        .iter()
        .find(|p| {
            p["title"]
                .as_str()
                .is_some_and(|t| t.starts_with(title_start))
        })
        .expect("the demo partnership");
    found["id"].as_str().expect("its id").to_owned()
}

fn demo_photo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo/story-pain.jpg")
}

#[test]
fn a_story_is_written_illustrated_and_printed_from_the_command_line() {
    let (dir, db) = temp_db();
    let p = demo_partnership(&db, "Séjours de répit");
    let id = tisserand(
        &db,
        &[
            "stories",
            "create",
            &p,
            "--headline",
            "Souffler enfin",
            "--need",
            "Des aidants épuisés.",
            "--change",
            "Ils reviennent reposés.",
            "--indicator",
            "aidants accueillis",
            "--public-quote",
            "Une vraie nuit de sommeil|Une aidante",
            "--quote",
            "Le budget est serré|Le trésorier",
        ],
    )
    .ok()
    .trim()
    .to_owned();
    let stories = tisserand(&db, &["stories", "list", &p, "--format", "json"]).json();
    let ours = stories
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id.as_str())
        .unwrap();
    assert_eq!(ours["quoteCount"], 2);
    assert_eq!(ours["publishableCount"], 1);

    // The indicator's value is read when the story is, never copied.
    let value = |db: &Path| {
        tisserand(db, &["stories", "get", &id, "--format", "json"]).json()["indicators"][0]["value"]
            .as_f64()
    };
    let before = value(&db);
    tisserand(
        &db,
        &[
            "partnerships",
            "measure",
            &p,
            "1",
            "14",
            "--on",
            "2026-11-30",
        ],
    )
    .ok();
    assert_eq!(value(&db), Some(14.0), "was {before:?}");

    let photo = demo_photo();
    let photo_id = tisserand(
        &db,
        &[
            "stories",
            "add-photo",
            &id,
            photo.to_str().unwrap(),
            "--caption",
            "La tournée du soir",
            "--credit",
            "Relais Répit",
            "--publishable",
        ],
    )
    .ok()
    .trim()
    .to_owned();
    assert!(!photo_id.is_empty());

    let notes = dir.path().join("notes.png");
    std::fs::write(&notes, "pas une image").unwrap();
    let err = tisserand(&db, &["stories", "add-photo", &id, notes.to_str().unwrap()]).fails();
    assert!(
        err.contains("« notes.png » n'est pas une photo JPEG ou PNG"),
        "{err}"
    );
    let got = tisserand(&db, &["stories", "get", &id, "--format", "json"]).json();
    assert_eq!(got["story"]["photos"].as_array().unwrap().len(), 1);

    let public = dir.path().join("public.pdf");
    let again = dir.path().join("again.pdf");
    let internal = dir.path().join("internal.pdf");
    for (file, extra) in [(&public, true), (&again, true), (&internal, false)] {
        let mut args = vec![
            "story",
            &id,
            "-o",
            file.to_str().unwrap(),
            "--date",
            "2026-12-01",
        ];
        if extra {
            args.push("--publication");
        }
        tisserand(&db, &args).ok();
    }
    assert_eq!(
        std::fs::read(&public).unwrap(),
        std::fs::read(&again).unwrap()
    );
    let text = pdf_text(&public);
    for expected in [
        "Souffler enfin",
        "Une vraie nuit de sommeil",
        "14 bénéficiaires",
        "La tournée du soir",
        "Photo : Relais Répit",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    assert!(
        !text.contains("budget est serré"),
        "private quote printed for publication"
    );
    let text = pdf_text(&internal);
    assert!(
        text.contains("budget est serré") && text.contains("(non publiable)"),
        "{text}"
    );

    tisserand(&db, &["stories", "delete", &id]).ok();
    assert!(tisserand(&db, &["stories", "get", &id])
        .fails()
        .contains("histoire"));
    tisserand(&db, &["stories", "restore", &id]).ok();
    let bad = tisserand(
        &db,
        &[
            "stories",
            "update",
            &id,
            "--version",
            "1",
            "--indicator",
            "Tonnes",
        ],
    )
    .fails();
    assert!(bad.contains("« Tonnes »"), "{bad}");
}
