//! The one-page story PDF, checked with poppler's tools: its text, only
//! what may be published when printed for publication, the photos embedded
//! (`pdfimages`), one page, and the same bytes for the same input.

mod common;

use chrono::{DateTime, NaiveDate};
use common::pdf::{pages, run, text, write};
use tisserand_documents::{render_story, StoryDocument};
use tisserand_domain::story::{Quote, Story, StoryDetail, StoryIndicator, StoryInput, StoryPhoto};

fn photo(id: &str, caption: &str, publishable: bool) -> StoryPhoto {
    StoryPhoto {
        id: id.to_owned(),
        caption: caption.to_owned(),
        credit: "Jean Martin".to_owned(),
        publishable,
        width: 600,
        height: 400,
        file_name: format!("{id}.jpg"),
    }
}

fn document(publication: bool) -> StoryDocument {
    let story = Story {
        id: "s1".to_owned(),
        partnership_id: "p1".to_owned(),
        text: StoryInput {
            headline: "Des élèves sous le chapiteau".to_owned(),
            need: "Les élèves du quartier ne sortaient jamais au spectacle.".to_owned(),
            action: "Le cirque ouvre ses répétitions aux classes.".to_owned(),
            change: "Chaque classe y va une fois par trimestre.".to_owned(),
            indicators: vec!["Élèves accueillis".to_owned()],
            quotes: vec![
                Quote {
                    text: "Ils en parlent encore le lundi.".to_owned(),
                    author: "Marie Weber, enseignante".to_owned(),
                    publishable: true,
                },
                Quote {
                    text: "Entre nous, le budget est serré.".to_owned(),
                    author: "Le directeur".to_owned(),
                    publishable: false,
                },
            ],
        },
        photos: vec![
            photo("ph1", "La piste", true),
            photo("ph2", "Les coulisses", false),
        ],
        version: 1,
        created_at: DateTime::UNIX_EPOCH,
        updated_at: DateTime::UNIX_EPOCH,
    };
    StoryDocument {
        detail: StoryDetail {
            story,
            partnership_title: "Le cirque à l'école".to_owned(),
            partners: vec!["Cirque Gruss".to_owned(), "École Jean Macé".to_owned()],
            indicators: vec![StoryIndicator {
                name: "Élèves accueillis".to_owned(),
                unit: Some("élèves".to_owned()),
                baseline: Some(0.0),
                target: Some(40.0),
                value: Some(1234.5),
                measured_on: NaiveDate::from_ymd_opt(2026, 1, 15),
                missing: false,
            }],
        },
        photos: vec![
            ("ph1".to_owned(), common::impact::PHOTO.to_vec()),
            ("ph2".to_owned(), common::impact::PHOTO.to_vec()),
        ],
        publication,
        generated_on: NaiveDate::from_ymd_opt(2026, 3, 10).expect("date"),
    }
}

fn images(pdf: &common::pdf::Pdf) -> usize {
    // `pdfimages -list`: two header lines, then one line per image.
    run("pdfimages", &["-list"], &pdf.path)
        .lines()
        .skip(2)
        .count()
}

#[test]
fn the_story_for_publication_prints_only_what_may_be_published() {
    let bytes = render_story(&document(true)).expect("story");
    assert_eq!(
        bytes,
        render_story(&document(true)).expect("story"),
        "deterministic"
    );
    let pdf = write(&bytes);
    assert_eq!(pages(&pdf), 1);
    let t = text(&pdf);
    for needle in [
        "BELLE HISTOIRE",
        "Version pour publication",
        "Des élèves sous le chapiteau",
        "Le cirque à l'école · Cirque Gruss, École Jean Macé",
        "Le besoin",
        "Ce que les partenaires ont fait",
        "Ce qui a changé",
        "1 234,5 élèves",
        "mesuré le 15 janv. 2026 · objectif : 40",
        "« Ils en parlent encore le lundi. »",
        "— Marie Weber, enseignante",
        "La piste · Photo : Jean Martin",
    ] {
        assert!(t.contains(needle), "{needle:?} missing from:\n{t}");
    }
    for hidden in ["budget est serré", "Les coulisses", "non publiable"] {
        assert!(
            !t.contains(hidden),
            "{hidden:?} printed for publication:\n{t}"
        );
    }
    assert_eq!(images(&pdf), 1);
}

#[test]
fn the_internal_story_prints_everything_and_marks_what_may_not_be_published() {
    let pdf = write(&render_story(&document(false)).expect("story"));
    // A caption may wrap in the row of smaller photos.
    let t = text(&pdf).replace('\n', " ");
    assert!(t.contains("Usage interne"), "{t}");
    assert!(t.contains("« Entre nous, le budget est serré. »"), "{t}");
    assert!(
        t.contains("Les coulisses · Photo : Jean Martin (non publiable)"),
        "{t}"
    );
    assert_eq!(images(&pdf), 2);
    assert_eq!(pages(&pdf), 1);
}

#[test]
fn a_photo_whose_bytes_are_not_a_picture_prints_as_its_caption_alone() {
    let mut doc = document(true);
    doc.photos = vec![("ph1".to_owned(), b"not a picture".to_vec())];
    let pdf = write(&render_story(&doc).expect("story"));
    assert_eq!(images(&pdf), 0);
    assert!(text(&pdf).contains("La piste"));
}
