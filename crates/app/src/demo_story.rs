//! The demo's « belles histoires »: a few stories on partnerships of the
//! demo territory, with quotes and illustrative photos drawn for the demo
//! (assets/demo/story-*.jpg, made by scripts/demo-photos.sh), from
//! assets/demo/stories.json.

use std::path::Path;

use serde::Deserialize;
use tisserand_domain::story::{PhotoInput, Quote, StoryInput};
use tisserand_domain::{Clock, PartnershipQuery};

use crate::error::{AppError, AppResult, ErrorKind};
use crate::App;

const STORIES_JSON: &str = include_str!("../../../assets/demo/stories.json");

/// The demo's photos, by file name.
const PHOTOS: [(&str, &[u8]); 4] = [
    (
        "story-vendanges.jpg",
        include_bytes!("../../../assets/demo/story-vendanges.jpg"),
    ),
    (
        "story-repit.jpg",
        include_bytes!("../../../assets/demo/story-repit.jpg"),
    ),
    (
        "story-parrainage.jpg",
        include_bytes!("../../../assets/demo/story-parrainage.jpg"),
    ),
    (
        "story-pain.jpg",
        include_bytes!("../../../assets/demo/story-pain.jpg"),
    ),
];

#[derive(Deserialize)]
struct DemoPhoto {
    file: String,
    #[serde(flatten)]
    meta: PhotoInput,
}

#[derive(Deserialize)]
struct DemoStory {
    /// The title of the demo partnership it tells.
    partnership: String,
    headline: String,
    need: String,
    action: String,
    change: String,
    indicators: Vec<String>,
    quotes: Vec<Quote>,
    photos: Vec<DemoPhoto>,
}

fn internal(e: impl std::fmt::Display) -> AppError {
    AppError::new(
        ErrorKind::Internal,
        format!("Les histoires de démonstration intégrées sont illisibles : {e}."),
        format!("The embedded demo stories are unreadable: {e}."),
    )
}

/// Writes the demo's stories on the demo partnerships they name.
pub(crate) fn load(app: &mut App, clock: Clock) -> AppResult<()> {
    let stories: Vec<DemoStory> = serde_json::from_str(STORIES_JSON).map_err(internal)?;
    let partnerships = app.list_partnerships(&PartnershipQuery::default(), clock)?;
    for demo in &stories {
        let id = &partnerships
            .iter()
            .find(|p| p.title == demo.partnership)
            .ok_or_else(|| internal(format!("no partnership « {} »", demo.partnership)))?
            .id;
        // Link the indicators the partnership has (the demo's own list).
        let known = app.store.partnership(id)?.indicators;
        let indicators = demo
            .indicators
            .iter()
            .filter(|n| known.iter().any(|i| &i.name == *n))
            .cloned()
            .collect();
        let story = app.create_story(
            id,
            &StoryInput {
                headline: demo.headline.clone(),
                need: demo.need.clone(),
                action: demo.action.clone(),
                change: demo.change.clone(),
                indicators,
                quotes: demo.quotes.clone(),
            },
        )?;
        for photo in &demo.photos {
            let bytes = PHOTOS
                .iter()
                .find(|(name, _)| *name == photo.file)
                .ok_or_else(|| internal(format!("no photo {}", photo.file)))?
                .1;
            app.add_story_photo_bytes(&story.id, Path::new(&photo.file), bytes, &photo.meta)?;
        }
    }
    Ok(())
}
