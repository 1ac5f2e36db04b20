//! Use cases on stories (« belles histoires »): write, edit, delete and
//! restore a story of a partnership; add its photos from files (checked,
//! resized and kept in the database), caption them, mark them publishable,
//! remove and restore them; read a story with its indicators' values as
//! they stand; print its one-page PDF.

use std::path::Path;

use chrono::NaiveDate;
use tisserand_documents::StoryDocument;
use tisserand_domain::story::{
    PhotoInput, Story, StoryDetail, StoryIndicator, StoryInput, StorySummary,
};
use tisserand_domain::FieldError;
use tisserand_store::StoreError;

use crate::photo::{data_url, prepare_photo, prepare_photo_bytes};
use crate::{validation_result, App, AppError, AppResult, ErrorKind};

#[cfg(test)]
mod tests;

/// A store error in the words of the story form.
fn story_error(e: StoreError) -> AppError {
    match e {
        StoreError::Conflict { .. } => AppError::new(
            ErrorKind::Conflict,
            "Cette histoire a été modifiée ailleurs depuis que vous l'avez ouverte : rechargez-la \
             puis refaites votre modification (rien n'a été enregistré).",
            "This story was changed elsewhere since you opened it: reload it and redo your change \
             (nothing was saved).",
        ),
        other => other.into(),
    }
}

impl App {
    /// The field errors of a story of partnership `partnership_id` (empty
    /// when it is valid).
    ///
    /// # Errors
    /// `NotFound` for the partnership; a storage error.
    pub fn validate_story(
        &self,
        partnership_id: &str,
        input: &StoryInput,
    ) -> AppResult<Vec<FieldError>> {
        let partnership = self.store.partnership(partnership_id)?;
        Ok(validation_result(input.validate(&partnership.indicators)))
    }

    /// Writes a new story of partnership `partnership_id`.
    ///
    /// # Errors
    /// `Invalid` with the fields at fault; `NotFound`; a storage error.
    pub fn create_story(&mut self, partnership_id: &str, input: &StoryInput) -> AppResult<Story> {
        let partnership = self.store.partnership(partnership_id)?;
        let valid = input.validate(&partnership.indicators)?;
        self.store
            .insert_story(partnership_id, &valid)
            .map_err(story_error)
    }

    /// Saves an edit of story `id` made on `version`.
    ///
    /// # Errors
    /// `Invalid`; `NotFound`; `Conflict` when it changed since; a storage
    /// error.
    pub fn update_story(&mut self, id: &str, version: u32, input: &StoryInput) -> AppResult<Story> {
        let story = self.store.story(id)?;
        let partnership = self.store.partnership(&story.partnership_id)?;
        let valid = input.validate(&partnership.indicators)?;
        self.store
            .update_story(id, version, &valid)
            .map_err(story_error)
    }

    /// Soft-deletes a story; `restore_story` brings it back.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn delete_story(&mut self, id: &str) -> AppResult<()> {
        Ok(self.store.delete_story(id)?)
    }

    /// # Errors
    /// `NotFound` when there is no deleted story `id` of a live partnership.
    pub fn restore_story(&mut self, id: &str) -> AppResult<Story> {
        Ok(self.store.restore_story(id)?)
    }

    /// The stories of a partnership, oldest first.
    ///
    /// # Errors
    /// `NotFound` for the partnership; a storage error.
    pub fn list_stories(&self, partnership_id: &str) -> AppResult<Vec<StorySummary>> {
        let stories = self.store.stories_of(partnership_id)?;
        Ok(stories.iter().map(StorySummary::from).collect())
    }

    /// A story with its partnership's title and partners, and its linked
    /// indicators' latest values as they stand now.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn get_story(&self, id: &str) -> AppResult<StoryDetail> {
        let story = self.store.story(id)?;
        let partnership = self.store.partnership(&story.partnership_id)?;
        let partners = self
            .store
            .party_summaries(&partnership.parties)?
            .into_iter()
            .map(|p| p.actor_name)
            .collect();
        let indicators = story
            .text
            .indicators
            .iter()
            .map(|name| StoryIndicator::live(name, &partnership.indicators))
            .collect();
        Ok(StoryDetail {
            story,
            partnership_title: partnership.title,
            partners,
            indicators,
        })
    }

    /// Adds the photo in the file at `path` (JPEG or PNG, at most 25 Mo)
    /// to story `story_id`, resized and kept in the database.
    ///
    /// # Errors
    /// `Invalid` naming the file when it is not a JPEG or PNG image, is
    /// damaged or too large, or when the caption or credit is wrong; the
    /// story keeps everything it had. `NotFound`; a storage error.
    pub fn add_story_photo(
        &mut self,
        story_id: &str,
        path: &Path,
        meta: &PhotoInput,
    ) -> AppResult<Story> {
        let valid = meta.validate()?;
        self.store.story(story_id)?;
        let image = prepare_photo(path)?;
        Ok(self.store.insert_story_photo(story_id, &valid, &image)?)
    }

    /// `add_story_photo` for a picture already in memory (the demo's).
    pub(crate) fn add_story_photo_bytes(
        &mut self,
        story_id: &str,
        name: &Path,
        bytes: &[u8],
        meta: &PhotoInput,
    ) -> AppResult<Story> {
        let valid = meta.validate()?;
        let image = prepare_photo_bytes(name, bytes)?;
        Ok(self.store.insert_story_photo(story_id, &valid, &image)?)
    }

    /// Changes a photo's caption, credit and publication.
    ///
    /// # Errors
    /// `Invalid`; `NotFound`; a storage error.
    pub fn update_story_photo(&mut self, photo_id: &str, meta: &PhotoInput) -> AppResult<Story> {
        let valid = meta.validate()?;
        Ok(self.store.update_story_photo(photo_id, &valid)?)
    }

    /// Removes a photo from its story; `restore_story_photo` brings it back.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn delete_story_photo(&mut self, photo_id: &str) -> AppResult<Story> {
        Ok(self.store.delete_story_photo(photo_id)?)
    }

    /// # Errors
    /// `NotFound`; `Invalid` when the story already has its most photos.
    pub fn restore_story_photo(&mut self, photo_id: &str) -> AppResult<Story> {
        Ok(self.store.restore_story_photo(photo_id)?)
    }

    /// A photo as a `data:` URL for an `<img>`: its thumbnail, or the
    /// stored image when `thumbnail` is false.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn get_story_photo(&self, photo_id: &str, thumbnail: bool) -> AppResult<String> {
        Ok(data_url(
            &self.store.story_photo_bytes(photo_id, thumbnail)?,
        ))
    }

    /// The stored image of a photo (a JPEG), for the CLI.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn story_photo_bytes(&self, photo_id: &str) -> AppResult<Vec<u8>> {
        Ok(self.store.story_photo_bytes(photo_id, false)?)
    }

    /// The story's one-page PDF, for publication (only the quotes and
    /// photos marked publishable) or internal use (all of them).
    ///
    /// # Errors
    /// `NotFound`; a storage or layout error.
    pub fn story_pdf(&self, id: &str, publication: bool, on: NaiveDate) -> AppResult<Vec<u8>> {
        let detail = self.get_story(id)?;
        let mut photos = Vec::new();
        for photo in &detail.story.photos {
            if publication && !photo.publishable {
                continue;
            }
            photos.push((
                photo.id.clone(),
                self.store.story_photo_bytes(&photo.id, false)?,
            ));
        }
        Ok(tisserand_documents::render_story(&StoryDocument {
            detail,
            photos,
            publication,
            generated_on: on,
        })?)
    }

    /// The file name offered for a story's PDF: « histoire-….pdf ».
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn story_file_name(&self, id: &str) -> AppResult<String> {
        let story = self.store.story(id)?;
        Ok(tisserand_documents::file_name(
            "histoire",
            &story.text.headline,
        ))
    }
}
