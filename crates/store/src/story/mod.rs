//! Stories (« belles histoires ») of a partnership and their photos. A
//! photo row holds the resized image and its thumbnail as BLOBs, so a
//! backup of the file keeps them. Stories and photos are soft-deleted.

use rusqlite::{params, OptionalExtension, Row};
use tisserand_domain::story::{Story, StoryInput, StoryPhoto, ValidPhoto, ValidStory, PHOTOS_MAX};
use tisserand_domain::FieldError;

use crate::actor::timestamp;
use crate::partnership::json;
use crate::{new_id, now, Entity, Result, Store, StoreError};

#[cfg(test)]
mod tests;

/// A photo's image as the app prepared it: resized and re-encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoImage {
    /// The name of the file it came from.
    pub file_name: String,
    pub width: u32,
    pub height: u32,
    /// The resized image (JPEG).
    pub image: Vec<u8>,
    /// A small version for lists (JPEG).
    pub thumbnail: Vec<u8>,
}

const STORY_COLUMNS: &str = "s.id, p.id, s.headline, s.need, s.action, s.change, s.indicators, \
     s.quotes, s.version, s.created_at, s.updated_at, s.rid";

fn story_from_row(r: &Row<'_>) -> rusqlite::Result<(i64, Story)> {
    Ok((
        r.get(11)?,
        Story {
            id: r.get(0)?,
            partnership_id: r.get(1)?,
            text: StoryInput {
                headline: r.get(2)?,
                need: r.get(3)?,
                action: r.get(4)?,
                change: r.get(5)?,
                indicators: json(&r.get::<_, String>(6)?)?,
                quotes: json(&r.get::<_, String>(7)?)?,
            },
            photos: Vec::new(),
            version: r.get(8)?,
            created_at: timestamp(&r.get::<_, String>(9)?)?,
            updated_at: timestamp(&r.get::<_, String>(10)?)?,
        },
    ))
}

fn photo_from_row(r: &Row<'_>) -> rusqlite::Result<StoryPhoto> {
    Ok(StoryPhoto {
        id: r.get(0)?,
        caption: r.get(1)?,
        credit: r.get(2)?,
        publishable: r.get(3)?,
        width: r.get(4)?,
        height: r.get(5)?,
        file_name: r.get(6)?,
    })
}

fn not_found(entity: Entity, id: &str) -> StoreError {
    StoreError::NotFound {
        entity,
        id: id.to_owned(),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// The live story `id` (of a live partnership), with its live photos.
fn live_story(conn: &rusqlite::Connection, id: &str) -> Result<(i64, Story)> {
    let (rid, mut story) = conn
        .prepare_cached(&format!(
            "SELECT {STORY_COLUMNS} FROM stories s JOIN partnerships p ON p.rid = s.partnership_rid \
             WHERE s.id = ?1 AND s.deleted_at IS NULL AND p.deleted_at IS NULL"
        ))?
        .query_row([id], story_from_row)
        .optional()?
        .ok_or_else(|| not_found(Entity::Story, id))?;
    story.photos = photos_of(conn, rid)?;
    Ok((rid, story))
}

fn photos_of(conn: &rusqlite::Connection, story_rid: i64) -> Result<Vec<StoryPhoto>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, caption, credit, publishable, width, height, file_name FROM story_photos \
         WHERE story_rid = ?1 AND deleted_at IS NULL ORDER BY rid",
    )?;
    let rows = stmt.query_map([story_rid], photo_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn live_partnership_rid(conn: &rusqlite::Connection, id: &str) -> Result<i64> {
    conn.query_row(
        "SELECT rid FROM partnerships WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| not_found(Entity::Partnership, id))
}

/// The story whose photo is `photo_id` (live or deleted photo, live story).
fn story_of_photo(
    conn: &rusqlite::Connection,
    photo_id: &str,
    deleted: bool,
) -> Result<(i64, String)> {
    let sql = format!(
        "SELECT ph.rid, s.id FROM story_photos ph JOIN stories s ON s.rid = ph.story_rid \
         WHERE ph.id = ?1 AND ph.deleted_at IS {} NULL AND s.deleted_at IS NULL",
        if deleted { "NOT" } else { "" }
    );
    conn.query_row(&sql, [photo_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| not_found(Entity::StoryPhoto, photo_id))
}

fn check_room_for_photo(conn: &rusqlite::Connection, story_rid: i64) -> Result<()> {
    let count: i64 = conn.query_row(
        "SELECT count(*) FROM story_photos WHERE story_rid = ?1 AND deleted_at IS NULL",
        [story_rid],
        |r| r.get(0),
    )?;
    if usize::try_from(count).unwrap_or(usize::MAX) >= PHOTOS_MAX {
        return Err(StoreError::Rule(FieldError::new(
            "photos",
            format!("Une histoire garde au plus {PHOTOS_MAX} photos : retirez-en une avant d'en ajouter."),
            format!("A story keeps at most {PHOTOS_MAX} photos: remove one before adding another."),
        )));
    }
    Ok(())
}

impl Store {
    /// Adds a story to the live partnership `partnership_id`.
    ///
    /// # Errors
    /// `NotFound` for the partnership; a storage error.
    pub fn insert_story(&mut self, partnership_id: &str, s: &ValidStory) -> Result<Story> {
        let id = new_id();
        self.with_tx(|tx| {
            let p_rid = live_partnership_rid(tx, partnership_id)?;
            tx.execute(
                "INSERT INTO stories (id, partnership_rid, headline, created_at, updated_at) \
                 VALUES (?1, ?2, '', ?3, ?3)",
                params![id, p_rid, now()],
            )?;
            write_text(tx, tx.last_insert_rowid(), s)?;
            Ok(live_story(tx, &id)?.1)
        })
    }

    /// Saves an edit made on `version` (the version the form loaded).
    ///
    /// # Errors
    /// `NotFound`; `Conflict` when the story changed since; a storage error.
    pub fn update_story(&mut self, id: &str, version: u32, s: &ValidStory) -> Result<Story> {
        self.with_tx(|tx| {
            let (rid, old) = live_story(tx, id)?;
            if old.version != version {
                return Err(StoreError::Conflict {
                    entity: Entity::Story,
                    id: id.to_owned(),
                    expected: version,
                    found: old.version,
                });
            }
            write_text(tx, rid, s)?;
            tx.execute(
                "UPDATE stories SET version = version + 1 WHERE rid = ?1",
                [rid],
            )?;
            Ok(live_story(tx, id)?.1)
        })
    }

    /// Soft-deletes a story (its photos stay with it).
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn delete_story(&mut self, id: &str) -> Result<()> {
        self.with_tx(|tx| {
            let (rid, _) = live_story(tx, id)?;
            tx.execute(
                "UPDATE stories SET deleted_at = ?2, updated_at = ?2, version = version + 1 WHERE rid = ?1",
                params![rid, now()],
            )?;
            Ok(())
        })
    }

    /// Undoes a soft delete, provided its partnership is live.
    ///
    /// # Errors
    /// `NotFound` when there is no deleted story `id` of a live
    /// partnership; a storage error.
    pub fn restore_story(&mut self, id: &str) -> Result<Story> {
        self.with_tx(|tx| {
            let changed = tx.execute(
                "UPDATE stories SET deleted_at = NULL, updated_at = ?2, version = version + 1 \
                 WHERE id = ?1 AND deleted_at IS NOT NULL AND partnership_rid IN \
                 (SELECT rid FROM partnerships WHERE deleted_at IS NULL)",
                params![id, now()],
            )?;
            if changed == 0 {
                return Err(not_found(Entity::Story, id));
            }
            Ok(live_story(tx, id)?.1)
        })
    }

    /// A live story with its live photos.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn story(&self, id: &str) -> Result<Story> {
        Ok(live_story(&self.conn, id)?.1)
    }

    /// The live stories of the live partnership `partnership_id`, oldest
    /// first, with their photos.
    ///
    /// # Errors
    /// `NotFound` for the partnership; a storage error.
    pub fn stories_of(&self, partnership_id: &str) -> Result<Vec<Story>> {
        let p_rid = live_partnership_rid(&self.conn, partnership_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {STORY_COLUMNS} FROM stories s JOIN partnerships p ON p.rid = s.partnership_rid \
             WHERE s.partnership_rid = ?1 AND s.deleted_at IS NULL ORDER BY s.created_at, s.rid"
        ))?;
        let rows = stmt.query_map([p_rid], story_from_row)?;
        let mut stories = Vec::new();
        for row in rows {
            let (rid, mut story) = row?;
            story.photos = photos_of(&self.conn, rid)?;
            stories.push(story);
        }
        Ok(stories)
    }

    /// Adds a photo to the live story `story_id`.
    ///
    /// # Errors
    /// `NotFound`; `Rule` when the story already has its most photos; a
    /// storage error.
    pub fn insert_story_photo(
        &mut self,
        story_id: &str,
        meta: &ValidPhoto,
        image: &PhotoImage,
    ) -> Result<Story> {
        let id = new_id();
        self.with_tx(|tx| {
            let (rid, _) = live_story(tx, story_id)?;
            check_room_for_photo(tx, rid)?;
            let at = now();
            tx.execute(
                "INSERT INTO story_photos (id, story_rid, caption, credit, publishable, file_name, \
                 width, height, image, thumbnail, created_at, updated_at) \
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?11)",
                params![
                    id,
                    rid,
                    meta.caption,
                    meta.credit,
                    meta.publishable,
                    image.file_name,
                    image.width,
                    image.height,
                    image.image,
                    image.thumbnail,
                    at
                ],
            )?;
            touch_story(tx, rid)?;
            Ok(live_story(tx, story_id)?.1)
        })
    }

    /// Changes a live photo's caption, credit and publication.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn update_story_photo(&mut self, photo_id: &str, meta: &ValidPhoto) -> Result<Story> {
        self.with_tx(|tx| {
            let (rid, story_id) = story_of_photo(tx, photo_id, false)?;
            tx.execute(
                "UPDATE story_photos SET caption = ?2, credit = ?3, publishable = ?4, updated_at = ?5 \
                 WHERE rid = ?1",
                params![rid, meta.caption, meta.credit, meta.publishable, now()],
            )?;
            touch_story_of(tx, &story_id)
        })
    }

    /// Soft-deletes a photo; `restore_story_photo` brings it back.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn delete_story_photo(&mut self, photo_id: &str) -> Result<Story> {
        self.with_tx(|tx| {
            let (rid, story_id) = story_of_photo(tx, photo_id, false)?;
            tx.execute(
                "UPDATE story_photos SET deleted_at = ?2, updated_at = ?2 WHERE rid = ?1",
                params![rid, now()],
            )?;
            touch_story_of(tx, &story_id)
        })
    }

    /// Undoes the soft delete of a photo, if its story has room for it.
    ///
    /// # Errors
    /// `NotFound`; `Rule` when the story is full; a storage error.
    pub fn restore_story_photo(&mut self, photo_id: &str) -> Result<Story> {
        self.with_tx(|tx| {
            let (rid, story_id) = story_of_photo(tx, photo_id, true)?;
            let (story_rid, _) = live_story(tx, &story_id)?;
            check_room_for_photo(tx, story_rid)?;
            tx.execute(
                "UPDATE story_photos SET deleted_at = NULL, updated_at = ?2 WHERE rid = ?1",
                params![rid, now()],
            )?;
            touch_story_of(tx, &story_id)
        })
    }

    /// The stored image (`thumbnail` false) or thumbnail of a live photo
    /// of a live story.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn story_photo_bytes(&self, photo_id: &str, thumbnail: bool) -> Result<Vec<u8>> {
        let column = if thumbnail { "thumbnail" } else { "image" };
        self.conn
            .query_row(
                &format!(
                    "SELECT ph.{column} FROM story_photos ph JOIN stories s ON s.rid = ph.story_rid \
                     WHERE ph.id = ?1 AND ph.deleted_at IS NULL AND s.deleted_at IS NULL"
                ),
                [photo_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| not_found(Entity::StoryPhoto, photo_id))
    }
}

/// Writes what the person wrote of story `rid`, dated now.
fn write_text(tx: &rusqlite::Connection, rid: i64, s: &ValidStory) -> Result<()> {
    tx.execute(
        "UPDATE stories SET headline = ?2, need = ?3, action = ?4, change = ?5, \
         indicators = ?6, quotes = ?7, updated_at = ?8 WHERE rid = ?1",
        params![
            rid,
            s.headline,
            s.need,
            s.action,
            s.change,
            to_json(&s.indicators)?,
            to_json(&s.quotes)?,
            now()
        ],
    )?;
    Ok(())
}

/// A change to a story's photos dates the story; its version (the text's
/// optimistic lock) stays, so a story form open meanwhile still saves.
fn touch_story(tx: &rusqlite::Connection, rid: i64) -> Result<()> {
    tx.execute(
        "UPDATE stories SET updated_at = ?2 WHERE rid = ?1",
        params![rid, now()],
    )?;
    Ok(())
}

fn touch_story_of(tx: &rusqlite::Connection, story_id: &str) -> Result<Story> {
    let (rid, _) = live_story(tx, story_id)?;
    touch_story(tx, rid)?;
    Ok(live_story(tx, story_id)?.1)
}
