//! Réglages: the settings as one JSON value in `meta` (key `settings`; a
//! database that never saved any reads the defaults), and the
//! organisation's logo in `organisation_logo` (migration 0014).

use rusqlite::{params, OptionalExtension};
use tisserand_domain::settings::Settings;

use crate::meta::set_meta_in;
use crate::partnership::{json, to_json};
use crate::{now, Result, Store};

/// The `meta` key of the settings.
const SETTINGS_KEY: &str = "settings";

/// The organisation's logo as stored: a JPEG and the name of the file it
/// came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub jpeg: Vec<u8>,
    pub file_name: String,
}

impl Store {
    /// The settings; the defaults when none were saved.
    ///
    /// # Errors
    /// A storage error; `Corrupt` when the stored value cannot be read.
    pub fn settings(&self) -> Result<Settings> {
        match self.meta(SETTINGS_KEY)? {
            Some(text) => Ok(json(&text)?),
            None => Ok(Settings::default()),
        }
    }

    /// Saves `settings` (checked by the caller).
    ///
    /// # Errors
    /// A storage error.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<()> {
        let text = to_json(settings)?;
        self.with_tx(|tx| set_meta_in(tx, SETTINGS_KEY, &text))
    }

    /// The organisation's logo, if one was chosen.
    ///
    /// # Errors
    /// A storage error.
    pub fn logo(&self) -> Result<Option<Logo>> {
        Ok(self
            .conn
            .prepare_cached("SELECT image, file_name FROM organisation_logo WHERE id = 1")?
            .query_row([], |r| {
                Ok(Logo {
                    jpeg: r.get(0)?,
                    file_name: r.get(1)?,
                })
            })
            .optional()?)
    }

    /// Replaces the logo (or sets the first one).
    ///
    /// # Errors
    /// A storage error.
    pub fn set_logo(&mut self, logo: &Logo) -> Result<()> {
        let at = now();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO organisation_logo (id, image, file_name, updated_at) VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET image = excluded.image, file_name = excluded.file_name,
                    updated_at = excluded.updated_at",
                params![logo.jpeg, logo.file_name, at],
            )?;
            Ok(())
        })
    }

    /// Removes the logo; the one removed, for an undo.
    ///
    /// # Errors
    /// A storage error.
    pub fn remove_logo(&mut self) -> Result<Option<Logo>> {
        let before = self.logo()?;
        self.with_tx(|tx| {
            tx.execute("DELETE FROM organisation_logo", [])?;
            Ok(())
        })?;
        Ok(before)
    }
}
