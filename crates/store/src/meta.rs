//! Key/value facts about one database (referential version, demo loaded…).

use rusqlite::{params, OptionalExtension};

use crate::{now, Result, Store};

impl Store {
    /// The value stored under `key`, if any.
    ///
    /// # Errors
    /// A storage error.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = ?1 AND deleted_at IS NULL",
                [key],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Stores `value` under `key`.
    ///
    /// # Errors
    /// A storage error.
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.with_tx(|tx| {
            set_meta_in(tx, key, value)?;
            Ok(())
        })
    }
}

pub(crate) fn set_meta_in(tx: &rusqlite::Transaction<'_>, key: &str, value: &str) -> Result<()> {
    let at = now();
    tx.execute(
        "INSERT INTO meta (key, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, deleted_at = NULL",
        params![key, value, at],
    )?;
    Ok(())
}
