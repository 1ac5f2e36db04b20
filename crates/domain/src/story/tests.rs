use chrono::NaiveDate;

use super::*;
use crate::partnership::Measure;

fn indicator(name: &str, measures: &[(&str, f64)]) -> Indicator {
    Indicator {
        name: name.to_owned(),
        unit: Some("personnes".to_owned()),
        baseline: Some(0.0),
        target: Some(20.0),
        measures: measures
            .iter()
            .map(|(on, value)| Measure {
                on: on.parse::<NaiveDate>().expect("date"),
                value: *value,
            })
            .collect(),
        level: None,
        theme: None,
    }
}

fn input() -> StoryInput {
    StoryInput {
        headline: "  Des élèves au cirque  ".to_owned(),
        need: "Peu de sorties culturelles.".to_owned(),
        action: "Le cirque ouvre ses répétitions.".to_owned(),
        change: "Les élèves y vont chaque mois.".to_owned(),
        indicators: vec!["eleves accueillis".to_owned()],
        quotes: vec![Quote {
            text: "Ils en parlent encore.".to_owned(),
            author: "Marie, enseignante".to_owned(),
            publishable: true,
        }],
    }
}

fn fields(e: &ValidationErrors) -> Vec<&str> {
    e.0.iter().map(|f| f.field.as_str()).collect()
}

#[test]
fn a_valid_story_is_trimmed_and_names_indicators_as_the_partnership_does() {
    let inds = [indicator("Élèves accueillis", &[])];
    let valid = input().validate(&inds).expect("valid");
    assert_eq!(valid.headline, "Des élèves au cirque");
    assert_eq!(valid.indicators, vec!["Élèves accueillis".to_owned()]);
}

#[test]
fn an_empty_headline_and_an_unknown_indicator_are_named() {
    let mut s = input();
    s.headline = "   ".to_owned();
    s.indicators = vec!["Tonnes".to_owned()];
    let e = s
        .validate(&[indicator("Élèves accueillis", &[])])
        .expect_err("invalid");
    assert_eq!(fields(&e), ["headline", "indicators.0"]);
    assert!(e.0[0].message.contains("titre est vide"));
    assert!(e.0[1].message.contains("« Tonnes »"));
}

#[test]
fn an_indicator_twice_a_quote_without_author_and_long_texts_are_refused() {
    let mut s = input();
    s.indicators = vec![
        "Élèves accueillis".to_owned(),
        "ÉLÈVES ACCUEILLIS".to_owned(),
    ];
    s.quotes.push(Quote {
        text: "Merci".to_owned(),
        author: " ".to_owned(),
        publishable: false,
    });
    s.need = "x".repeat(STORY_TEXT_MAX + 1);
    s.headline = "é".repeat(HEADLINE_MAX);
    let e = s
        .validate(&[indicator("Élèves accueillis", &[])])
        .expect_err("invalid");
    assert_eq!(fields(&e), ["need", "indicators.1", "quotes.1.author"]);
    assert!(
        e.0[0].message.contains("4000 caractères"),
        "{}",
        e.0[0].message
    );
    assert!(e.0[2].message.contains("citation n° 2"));
}

#[test]
fn too_many_quotes_are_refused() {
    let mut s = input();
    s.quotes = vec![s.quotes[0].clone(); QUOTES_MAX + 1];
    let e = s
        .validate(&[indicator("Élèves accueillis", &[])])
        .expect_err("invalid");
    assert_eq!(fields(&e), ["quotes"]);
}

#[test]
fn a_linked_indicator_shows_its_latest_measure_or_that_it_is_missing() {
    let inds = [indicator(
        "Élèves accueillis",
        &[
            ("2025-06-01", 12.0),
            ("2026-01-15", 18.0),
            ("2025-09-01", 15.0),
        ],
    )];
    let live = StoryIndicator::live("élèves accueillis", &inds);
    assert_eq!(live.value, Some(18.0));
    assert_eq!(live.measured_on, "2026-01-15".parse().ok());
    assert_eq!(live.name, "Élèves accueillis");
    assert!(!live.missing);
    let gone = StoryIndicator::live("Tonnes", &inds);
    assert!(gone.missing);
    assert_eq!(gone.value, None);
}

#[test]
fn a_photo_to_publish_needs_its_credit() {
    let photo = PhotoInput {
        caption: " La piste ".to_owned(),
        credit: String::new(),
        publishable: true,
    };
    let e = photo.validate().expect_err("invalid");
    assert_eq!(fields(&e), ["credit"]);
    let kept = PhotoInput {
        publishable: false,
        ..photo
    }
    .validate()
    .expect("valid");
    assert_eq!(kept.caption, "La piste");
}

#[test]
fn publication_keeps_only_publishable_quotes_and_photos() {
    let photo = |id: &str, publishable| StoryPhoto {
        id: id.to_owned(),
        caption: String::new(),
        credit: String::new(),
        publishable,
        width: 10,
        height: 10,
        file_name: "a.jpg".to_owned(),
    };
    let mut quotes = input().quotes;
    quotes.push(Quote {
        text: "Off".to_owned(),
        author: "B".to_owned(),
        publishable: false,
    });
    let story = Story {
        id: "s".to_owned(),
        partnership_id: "p".to_owned(),
        text: StoryInput {
            headline: "h".to_owned(),
            quotes,
            ..StoryInput::default()
        },
        photos: vec![photo("a", false), photo("b", true)],
        version: 1,
        created_at: DateTime::UNIX_EPOCH,
        updated_at: DateTime::UNIX_EPOCH,
    };
    let public = story.for_publication();
    assert_eq!(public.text.quotes.len(), 1);
    assert_eq!(
        public
            .photos
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>(),
        ["b"]
    );
    assert_eq!(StorySummary::from(&story).publishable_count, 2);
}
