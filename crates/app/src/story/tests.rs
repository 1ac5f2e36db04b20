use std::path::{Path, PathBuf};

use image::{Rgba, RgbaImage};
use tisserand_domain::partnership::{Measure, PartyRole};
use tisserand_domain::story::{PhotoInput, Quote, StoryInput};
use tisserand_domain::{ActorInput, ActorKind, Indicator, PartnershipInput, Party};

use crate::{App, ErrorKind};

fn partnership(a: &mut App) -> String {
    let mut actor = |name: &str| {
        a.create_actor(&ActorInput {
            kind: Some(ActorKind::Association),
            name: name.into(),
            ..ActorInput::default()
        })
        .unwrap()
        .id
    };
    let (x, y) = (actor("Cirque Gruss"), actor("École Jean Macé"));
    let party = |id: String| Party {
        actor_id: id,
        role: PartyRole::Partenaire,
        contact_id: None,
    };
    let input = PartnershipInput {
        title: "Le cirque à l'école".into(),
        parties: vec![party(x), party(y)],
        indicators: vec![Indicator {
            name: "Élèves accueillis".into(),
            unit: Some("élèves".into()),
            baseline: None,
            target: Some(40.0),
            measures: vec![Measure {
                on: "2025-10-01".parse().unwrap(),
                value: 12.0,
            }],
            level: None,
            theme: None,
        }],
        ..PartnershipInput::default()
    };
    a.create_partnership(&input).unwrap().id
}

fn story_input() -> StoryInput {
    StoryInput {
        headline: "Des élèves sous le chapiteau".into(),
        need: "Les élèves du quartier ne sortaient jamais au spectacle.".into(),
        action: "Le cirque ouvre ses répétitions aux classes.".into(),
        change: "Chaque classe y va une fois par trimestre.".into(),
        indicators: vec!["élèves accueillis".into()],
        quotes: vec![
            Quote {
                text: "Ils en parlent encore le lundi.".into(),
                author: "Marie Weber, enseignante".into(),
                publishable: true,
            },
            Quote {
                text: "Entre nous, le budget est serré.".into(),
                author: "Le directeur".into(),
                publishable: false,
            },
        ],
    }
}

fn png(dir: &Path, name: &str, w: u32, h: u32) -> PathBuf {
    let img = RgbaImage::from_fn(w, h, |x, _| {
        Rgba([u8::try_from(x % 256).unwrap(), 90, 160, 200])
    });
    let path = dir.join(name);
    img.save(&path).unwrap();
    path
}

fn meta(publishable: bool) -> PhotoInput {
    PhotoInput {
        caption: "La piste".into(),
        credit: "Jean Martin".into(),
        publishable,
    }
}

#[test]
fn a_photo_is_resized_reencoded_and_kept_with_the_story() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = App::open_in_memory().unwrap();
    let p = partnership(&mut a);
    let s = a.create_story(&p, &story_input()).unwrap();
    let path = png(dir.path(), "piste.png", 2400, 1200);
    let with = a.add_story_photo(&s.id, &path, &meta(true)).unwrap();
    let photo = &with.photos[0];
    assert_eq!((photo.width, photo.height), (1600, 800));
    assert_eq!(photo.file_name, "piste.png");
    let bytes = a.story_photo_bytes(&photo.id).unwrap();
    assert_eq!(&bytes[..2], &[0xFF, 0xD8], "stored as JPEG");
    let thumb = a.get_story_photo(&photo.id, true).unwrap();
    assert!(thumb.starts_with("data:image/jpeg;base64,"));
    assert!(thumb.len() < a.get_story_photo(&photo.id, false).unwrap().len());
}

#[test]
fn files_that_are_not_photos_are_refused_by_name_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = App::open_in_memory().unwrap();
    let p = partnership(&mut a);
    let s = a.create_story(&p, &story_input()).unwrap();
    let good = png(dir.path(), "piste.png", 40, 30);
    a.add_story_photo(&s.id, &good, &meta(false)).unwrap();

    let text = dir.path().join("compte-rendu.jpg");
    std::fs::write(&text, "Compte rendu de la réunion").unwrap();
    let err = a.add_story_photo(&s.id, &text, &meta(false)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    assert!(
        err.message.contains("« compte-rendu.jpg »"),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("n'est pas une photo JPEG ou PNG"),
        "{}",
        err.message
    );

    let gif = dir.path().join("anim.gif");
    std::fs::write(&gif, b"GIF89a\x01\x00\x01\x00\x00\x00\x00;").unwrap();
    let err = a.add_story_photo(&s.id, &gif, &meta(false)).unwrap_err();
    assert!(
        err.message.contains("n'est pas une photo JPEG ou PNG"),
        "{}",
        err.message
    );

    let broken = dir.path().join("abimee.jpg");
    std::fs::write(&broken, [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', 0, 0]).unwrap();
    let err = a.add_story_photo(&s.id, &broken, &meta(false)).unwrap_err();
    assert!(
        err.message.contains("« abimee.jpg » est une image abîmée"),
        "{}",
        err.message
    );

    let huge = dir.path().join("enorme.png");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(crate::PHOTO_FILE_MAX + 1)
        .unwrap();
    let err = a.add_story_photo(&s.id, &huge, &meta(false)).unwrap_err();
    assert!(
        err.message.contains("« enorme.png » pèse 25 Mo"),
        "{}",
        err.message
    );

    let story = a.get_story(&s.id).unwrap().story;
    assert_eq!(story.photos.len(), 1, "the photo already saved is kept");
    assert_eq!(story.text.quotes.len(), 2);
}

#[test]
fn a_photo_to_publish_without_credit_is_refused_before_reading_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = App::open_in_memory().unwrap();
    let p = partnership(&mut a);
    let s = a.create_story(&p, &story_input()).unwrap();
    let path = png(dir.path(), "piste.png", 40, 30);
    let err = a
        .add_story_photo(
            &s.id,
            &path,
            &PhotoInput {
                credit: String::new(),
                ..meta(true)
            },
        )
        .unwrap_err();
    assert_eq!(err.fields[0].field, "credit");
    assert!(a.get_story(&s.id).unwrap().story.photos.is_empty());
}

#[test]
fn a_story_shows_its_indicators_live_values() {
    let mut a = App::open_in_memory().unwrap();
    let p = partnership(&mut a);
    let s = a.create_story(&p, &story_input()).unwrap();
    let before = a.get_story(&s.id).unwrap();
    assert_eq!(before.indicators[0].value, Some(12.0));
    assert_eq!(before.partners, ["Cirque Gruss", "École Jean Macé"]);
    a.measure_partnership(&p, None, 0, "2026-02-01".parse().ok(), 31.0)
        .unwrap();
    let after = a.get_story(&s.id).unwrap();
    assert_eq!(
        after.indicators[0].value,
        Some(31.0),
        "never a copied number"
    );
    assert_eq!(after.indicators[0].measured_on, "2026-02-01".parse().ok());
}

#[test]
fn an_unknown_indicator_is_a_field_error_and_stale_edits_conflict() {
    let mut a = App::open_in_memory().unwrap();
    let p = partnership(&mut a);
    let mut bad = story_input();
    bad.indicators = vec!["Tonnes évitées".into()];
    let err = a.create_story(&p, &bad).unwrap_err();
    assert_eq!(err.fields[0].field, "indicators.0");
    assert_eq!(a.validate_story(&p, &bad).unwrap()[0].field, "indicators.0");
    let s = a.create_story(&p, &story_input()).unwrap();
    a.update_story(&s.id, s.version, &story_input()).unwrap();
    let err = a
        .update_story(&s.id, s.version, &story_input())
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict);
    a.delete_story(&s.id).unwrap();
    assert!(a.list_stories(&p).unwrap().is_empty());
    a.restore_story(&s.id).unwrap();
    assert_eq!(a.list_stories(&p).unwrap()[0].quote_count, 2);
}

#[test]
fn the_story_pdf_is_deterministic_and_keeps_private_quotes_out_of_publication() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = App::open_in_memory().unwrap();
    let p = partnership(&mut a);
    let s = a.create_story(&p, &story_input()).unwrap();
    a.add_story_photo(&s.id, &png(dir.path(), "a.png", 300, 200), &meta(true))
        .unwrap();
    a.add_story_photo(&s.id, &png(dir.path(), "b.png", 200, 300), &meta(false))
        .unwrap();
    let on = "2026-03-10".parse().unwrap();
    let public = a.story_pdf(&s.id, true, on).unwrap();
    assert_eq!(public, a.story_pdf(&s.id, true, on).unwrap());
    let internal = a.story_pdf(&s.id, false, on).unwrap();
    assert!(public.starts_with(b"%PDF"));
    assert_ne!(public, internal);
    assert_eq!(
        a.story_file_name(&s.id).unwrap(),
        "histoire-des-eleves-sous-le-chapiteau.pdf"
    );
}

#[test]
fn the_demo_tells_stories_with_photos_and_live_indicators() {
    let mut a = App::open_in_memory().unwrap();
    let clock = tisserand_domain::Clock::at(
        chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00+01:00").unwrap(),
    );
    a.load_demo(clock).unwrap();
    let partnerships = a
        .list_partnerships(&tisserand_domain::PartnershipQuery::default(), clock)
        .unwrap();
    let mut told = 0;
    for p in &partnerships {
        for summary in a.list_stories(&p.id).unwrap() {
            told += 1;
            let detail = a.get_story(&summary.id).unwrap();
            assert!(!detail.indicators.is_empty(), "{}", summary.headline);
            assert!(detail
                .indicators
                .iter()
                .all(|i| !i.missing && i.value.is_some()));
            assert_eq!(summary.photo_count, 1);
            let pdf = a.story_pdf(&summary.id, false, clock.today()).unwrap();
            assert!(pdf.starts_with(b"%PDF"));
        }
    }
    assert_eq!(told, 4);
}

/// A 40 × 20 JPEG whose EXIF says « turn 90° clockwise to view » (what a
/// phone held upright writes).
fn rotated_jpeg(dir: &Path) -> PathBuf {
    let img = image::RgbImage::from_fn(40, 20, |x, _| {
        image::Rgb([u8::try_from(x * 6).unwrap(), 80, 80])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
        .encode_image(&img)
        .unwrap();
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01".to_vec();
    exif.extend_from_slice(b"\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0");
    let len = u16::try_from(exif.len() + 2).unwrap().to_be_bytes();
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1, len[0], len[1]]);
    out.extend_from_slice(&exif);
    out.extend_from_slice(&jpeg[2..]);
    let path = dir.join("portrait.jpg");
    std::fs::write(&path, out).unwrap();
    path
}

#[test]
fn a_photo_taken_upright_is_stored_upright() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = App::open_in_memory().unwrap();
    let p = partnership(&mut a);
    let s = a.create_story(&p, &story_input()).unwrap();
    let with = a
        .add_story_photo(&s.id, &rotated_jpeg(dir.path()), &meta(false))
        .unwrap();
    assert_eq!((with.photos[0].width, with.photos[0].height), (20, 40));
}
