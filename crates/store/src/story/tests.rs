use tisserand_domain::partnership::{Measure, PartyRole};
use tisserand_domain::story::{PhotoInput, Quote, StoryInput};
use tisserand_domain::{ActorInput, ActorKind, Indicator, PartnershipInput, Party};

use crate::{schema, Entity, PhotoImage, Store, StoreError, SCHEMA_VERSION};

fn actor(s: &mut Store, name: &str) -> String {
    let input = ActorInput {
        kind: Some(ActorKind::Association),
        name: name.into(),
        ..ActorInput::default()
    };
    s.insert_actor(&input.validate().unwrap()).unwrap().id
}

fn partnership(s: &mut Store) -> String {
    let (a, b) = (actor(s, "Cirque Gruss"), actor(s, "École Jean Macé"));
    let party = |id: &str| Party {
        actor_id: id.to_owned(),
        role: PartyRole::Porteur,
        contact_id: None,
    };
    let input = PartnershipInput {
        title: "Le cirque à l'école".into(),
        parties: vec![party(&a), party(&b)],
        indicators: vec![Indicator {
            name: "Élèves accueillis".into(),
            unit: None,
            baseline: None,
            target: None,
            measures: vec![Measure {
                on: "2026-01-01".parse().unwrap(),
                value: 30.0,
            }],
            level: None,
            theme: None,
        }],
        ..PartnershipInput::default()
    };
    s.insert_partnership(&input.validate().unwrap()).unwrap().id
}

fn story_input() -> StoryInput {
    StoryInput {
        headline: "Des élèves sous le chapiteau".into(),
        need: "Pas de sortie culturelle.".into(),
        indicators: vec!["Élèves accueillis".into()],
        quotes: vec![Quote {
            text: "Ils en parlent encore.".into(),
            author: "Marie".into(),
            publishable: true,
        }],
        ..StoryInput::default()
    }
}

fn image(seed: u8) -> PhotoImage {
    PhotoImage {
        file_name: "piste.jpg".into(),
        width: 40,
        height: 30,
        image: vec![0xFF, 0xD8, seed, 1, 2, 3, 0xFF, 0xD9],
        thumbnail: vec![0xFF, 0xD8, seed, 0xFF, 0xD9],
    }
}

fn photo(publishable: bool) -> tisserand_domain::story::ValidPhoto {
    PhotoInput {
        caption: "La piste".into(),
        credit: "Jean".into(),
        publishable,
    }
    .validate()
    .unwrap()
}

/// A store with a partnership and a story of it.
fn with_story() -> (Store, String, tisserand_domain::story::Story) {
    let mut s = Store::open_in_memory().unwrap();
    let p = partnership(&mut s);
    let story = insert(&mut s, &p);
    (s, p, story)
}

fn insert(s: &mut Store, p: &str) -> tisserand_domain::story::Story {
    let inds = s.partnership(p).unwrap().indicators;
    s.insert_story(p, &story_input().validate(&inds).unwrap())
        .unwrap()
}

#[test]
fn a_story_is_created_edited_listed_deleted_and_restored() {
    let (mut s, p, story) = with_story();
    assert_eq!(story.version, 1);
    assert_eq!(story.partnership_id, p);
    assert_eq!(story.text.quotes[0].author, "Marie");
    let inds = s.partnership(&p).unwrap().indicators;
    let mut edit = story_input();
    edit.change = "Trente élèves par an.".into();
    let edited = s
        .update_story(&story.id, 1, &edit.validate(&inds).unwrap())
        .unwrap();
    assert_eq!(edited.version, 2);
    assert!(matches!(
        s.update_story(&story.id, 1, &edit.validate(&inds).unwrap()),
        Err(StoreError::Conflict {
            entity: Entity::Story,
            ..
        })
    ));
    assert_eq!(s.stories_of(&p).unwrap().len(), 1);
    s.delete_story(&story.id).unwrap();
    assert!(s.stories_of(&p).unwrap().is_empty());
    assert!(matches!(
        s.story(&story.id),
        Err(StoreError::NotFound {
            entity: Entity::Story,
            ..
        })
    ));
    let back = s.restore_story(&story.id).unwrap();
    assert_eq!(back.text.change, "Trente élèves par an.");
    assert!(s.restore_story(&story.id).is_err(), "already live");
}

#[test]
fn photos_keep_their_bytes_and_are_removed_and_restored() {
    let (mut s, _, story) = with_story();
    let with = s
        .insert_story_photo(&story.id, &photo(true), &image(7))
        .unwrap();
    assert_eq!(
        with.version, story.version,
        "photos leave the text's version"
    );
    let ph = &with.photos[0];
    assert_eq!((ph.width, ph.height, ph.publishable), (40, 30, true));
    assert_eq!(s.story_photo_bytes(&ph.id, false).unwrap(), image(7).image);
    assert_eq!(
        s.story_photo_bytes(&ph.id, true).unwrap(),
        image(7).thumbnail
    );
    let changed = s.update_story_photo(&ph.id, &photo(false)).unwrap();
    assert!(!changed.photos[0].publishable);
    let without = s.delete_story_photo(&ph.id).unwrap();
    assert!(without.photos.is_empty());
    assert!(s.story_photo_bytes(&ph.id, false).is_err());
    let again = s.restore_story_photo(&ph.id).unwrap();
    assert_eq!(again.photos.len(), 1);
}

#[test]
fn a_story_keeps_at_most_its_photos() {
    let (mut s, _, story) = with_story();
    for i in 0..tisserand_domain::story::PHOTOS_MAX {
        s.insert_story_photo(&story.id, &photo(false), &image(u8::try_from(i).unwrap()))
            .unwrap();
    }
    let full = s.insert_story_photo(&story.id, &photo(false), &image(99));
    assert!(matches!(full, Err(StoreError::Rule(e)) if e.field == "photos"));
    assert_eq!(
        s.story(&story.id).unwrap().photos.len(),
        tisserand_domain::story::PHOTOS_MAX,
        "nothing already saved is lost"
    );
}

#[test]
fn a_backup_holds_the_photos_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("a.sqlite3")).unwrap();
    let p = partnership(&mut s);
    let inds = s.partnership(&p).unwrap().indicators;
    let story = s
        .insert_story(&p, &story_input().validate(&inds).unwrap())
        .unwrap();
    let with = s
        .insert_story_photo(&story.id, &photo(true), &image(42))
        .unwrap();
    let dest = dir.path().join("copy.sqlite3");
    s.backup_to(&dest).unwrap();
    drop(s);
    let copy = Store::open(&dest).unwrap();
    assert_eq!(
        copy.story_photo_bytes(&with.photos[0].id, false).unwrap(),
        image(42).image
    );
    assert_eq!(
        copy.story(&story.id).unwrap().text.headline,
        story.text.headline
    );
}

#[test]
fn a_deleted_partnership_hides_its_stories() {
    let (mut s, p, story) = with_story();
    s.delete_partnership(&p).unwrap();
    assert!(s.story(&story.id).is_err());
    assert!(s.stories_of(&p).is_err());
    s.restore_partnership(&p).unwrap();
    assert_eq!(s.story(&story.id).unwrap().id, story.id);
}

#[test]
fn the_migration_to_stories_keeps_partnerships() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("before.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        let before = usize::try_from(SCHEMA_VERSION).unwrap() - 1;
        schema::migrate_to(&mut conn, before).unwrap();
        let t = "'2025-01-01T00:00:00.000Z'";
        conn.execute_batch(&format!(
            "INSERT INTO actors (id, kind, name, sort_key, created_at, updated_at) VALUES
               ('a1', 'association', 'Emmaüs', 'emmaus', {t}, {t});
             INSERT INTO partnerships (id, title, sort_key, parties, stage, stage_changed_at,
               created_at, updated_at)
             VALUES ('p1', 'Salle', 'salle', '[{{\"actorId\":\"a1\",\"role\":\"porteur\"}}]',
               'mise_en_oeuvre', {t}, {t}, {t});"
        ))
        .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.partnership("p1").unwrap().title, "Salle");
    assert!(s.stories_of("p1").unwrap().is_empty());
    let mut input = story_input();
    input.indicators.clear();
    let story = s.insert_story("p1", &input.validate(&[]).unwrap()).unwrap();
    assert_eq!(s.stories_of("p1").unwrap()[0].id, story.id);
}
