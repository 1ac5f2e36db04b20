//! The only crate that speaks SQL. It owns the schema and its migrations, the
//! queries per table, the search index, and file-level safety (refusing
//! files it must not touch, backing up before a migration).
//!
//! Writes go through [`Store::with_tx`], which commits on `Ok` and rolls back
//! on `Err`, so a crash at any instant leaves the previous committed state.

mod actor;
mod backup;
mod board;
mod contact;
mod error;
mod evaluation;
mod event;
mod home;
mod impact;
mod import;
mod merge;
mod meta;
mod partnership;
mod person;
mod possibles;
mod referential;
mod refold;
mod schema;
mod search;
mod settings;
mod stems;
mod story;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::SecondsFormat;
use rusqlite::{Connection, OpenFlags, Transaction};

pub use backup::{
    backup_file, backups_dir, check_backup, list_backups_in, prune_backups_in, CheckedBackup,
};
pub use error::{Entity, StoreError};
pub use event::LeadMaker;
pub use home::ReviewRow;
pub use impact::{Area, NamedActor};
pub use import::{ActorKey, ContactKey, ImportEnd, ImportTally, ImportWriter};
pub use merge::Restored;
pub use person::{ErasureRecord, Mention, NamedIn, ERASED};
pub use schema::SCHEMA_VERSION;
pub use settings::Logo;
pub use story::PhotoImage;

/// Result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open Tisserand database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Answers that stay true until the next write (list totals, facets).
    cache: std::cell::RefCell<ReadCache>,
    /// The lexicon the « champ des possibles » reads words with: the
    /// built-in one, extended by `extend_lexicon`.
    lexicon: tisserand_domain::possibles::Lexicon,
}

/// Read results remembered between writes; `with_tx` clears them, but
/// for the Impact base, which follows writes row by row (see `impact`).
#[derive(Default)]
struct ReadCache {
    totals: std::collections::HashMap<String, u32>,
    facets: Option<tisserand_domain::Facets>,
    /// What the Impact figures fold.
    impact: Option<impact::ImpactCache>,
}

/// The store's own clock, read when it stamps its writes (`created_at`,
/// `updated_at`, a lead's timeline entry) and names the backups it takes by itself (before a migration, before a
/// risky operation): the one reading of the system clock in the core.
#[allow(clippy::disallowed_methods)] // the store stamps its own writes
pub(crate) fn clock() -> tisserand_domain::Clock {
    tisserand_domain::Clock::at(chrono::Local::now().fixed_offset())
}

/// The current instant as stored: RFC 3339, UTC, milliseconds.
pub(crate) fn now() -> String {
    clock().utc().to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Page cache sizes, in KiB (negative values for `PRAGMA cache_size`).
const NORMAL_CACHE_KIB: i64 = -8_192;
const BULK_CACHE_KIB: i64 = -65_536;

/// Refuses a file that exists, is not empty and is not SQLite, before SQLite
/// gets a chance to touch it.
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return Ok(());
    };
    let mut header = [0u8; 16];
    let read = file
        .read(&mut header)
        .map_err(|e| StoreError::io(path, &e))?;
    if read == 0 || (read == 16 && &header == SQLITE_HEADER) {
        Ok(())
    } else {
        Err(StoreError::NotADatabase {
            path: path.to_owned(),
        })
    }
}

/// SQL functions this crate's queries use, registered on every connection:
/// `fold(text)` is `domain::text::fold` (NULL stays NULL, numbers are read
/// as their text, a blob is an error), so that a
/// filter compares stored text the way the rest of Tisserand does. Never
/// used in the schema (indexes, views, triggers): other tools opening the
/// file do not have it.
fn add_functions(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    use rusqlite::types::ValueRef;
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| match ctx.get_raw(0) {
            ValueRef::Null => Ok(None),
            ValueRef::Text(t) => Ok(Some(tisserand_domain::text::fold(
                &String::from_utf8_lossy(t),
            ))),
            ValueRef::Integer(n) => Ok(Some(n.to_string())),
            ValueRef::Real(x) => Ok(Some(x.to_string())),
            other @ ValueRef::Blob(_) => Err(rusqlite::Error::InvalidFunctionParameterType(
                0,
                other.data_type(),
            )),
        },
    )
}

impl Store {
    /// Opens (creating if needed) the database at `path`, refuses a file that
    /// is not SQLite or was written by a newer Tisserand (leaving it
    /// untouched), backs up before pending migrations, then migrates.
    ///
    /// # Errors
    /// `NotADatabase`, `TooNew`, `ReadOnly`, `DiskFull` or another storage error.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, &e))?;
        }
        check_header(path)?;
        let existed = path.metadata().is_ok_and(|m| m.len() > 0);
        if existed && path.metadata().is_ok_and(|m| m.permissions().readonly()) {
            return Err(StoreError::ReadOnly {
                path: path.to_owned(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::at(path, e))?;
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| StoreError::at(path, e))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_owned(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        conn.busy_timeout(Duration::from_secs(5))
            .map_err(|e| StoreError::at(path, e))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| StoreError::at(path, e))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| StoreError::at(path, e))?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| StoreError::at(path, e))?;
        // 8 MiB of page cache for everyday reads (the OS caches the rest);
        // bulk writes raise it while they run (`with_bulk_tx`).
        conn.pragma_update(None, "cache_size", NORMAL_CACHE_KIB)
            .map_err(|e| StoreError::at(path, e))?;
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(|e| StoreError::at(path, e))?;
        add_functions(&conn).map_err(|e| StoreError::at(path, e))?;
        let mut store = Self {
            conn,
            path: path.to_owned(),
            cache: std::cell::RefCell::default(),
            lexicon: tisserand_domain::possibles::Lexicon::builtin(),
        };
        if found > 0 && found < SCHEMA_VERSION {
            let backup = store.backup_before_migration(found)?;
            tracing::info!(backup = %backup.display(), "migrating");
        }
        schema::migrate(&mut store.conn).map_err(|e| StoreError::at(path, e))?;
        store.refold_if_stale()?;
        impact::watch_writes(&store.conn).map_err(|e| StoreError::at(path, e))?;
        Ok(store)
    }

    /// An in-memory database, for tests and benchmarks.
    ///
    /// # Errors
    /// A storage error.
    pub fn open_in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        add_functions(&conn)?;
        schema::migrate(&mut conn)?;
        let mut store = Self {
            conn,
            path: PathBuf::from(":memory:"),
            cache: std::cell::RefCell::default(),
            lexicon: tisserand_domain::possibles::Lexicon::builtin(),
        };
        store.refold_if_stale()?;
        impact::watch_writes(&store.conn)?;
        Ok(store)
    }

    /// Forgets every answer kept between reads, so the next ones read the
    /// file again: for benchmarks of a first read, and for tests that
    /// compare what the cache follows with a fresh read.
    pub fn forget_reads(&mut self) {
        *self.cache.get_mut() = ReadCache::default();
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in a transaction: commits when it returns `Ok`, rolls back
    /// when it returns `Err` (or panics).
    ///
    /// # Errors
    /// Whatever `f` returns, or a storage error on commit.
    pub fn with_tx<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let impact = self.cache.get_mut().impact.take();
        *self.cache.get_mut() = ReadCache {
            impact,
            ..ReadCache::default()
        };
        let tx = self
            .conn
            .transaction()
            .map_err(|e| StoreError::at(&path, e))?;
        let value = f(&tx).map_err(|e| StoreError::at(&path, e))?;
        tx.commit().map_err(|e| StoreError::at(&path, e))?;
        Ok(value)
    }

    /// `with_tx` for writes of thousands of rows: a larger page cache while
    /// it runs keeps the indexes' pages in memory, then gives it back.
    ///
    /// # Errors
    /// Whatever `f` returns, or a storage error on commit.
    pub fn with_bulk_tx<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.conn
            .pragma_update(None, "cache_size", BULK_CACHE_KIB)?;
        let result = self.with_tx(f);
        self.conn
            .pragma_update(None, "cache_size", NORMAL_CACHE_KIB)?;
        result
    }

    /// `PRAGMA integrity_check`: `true` when the database is sound.
    ///
    /// # Errors
    /// A storage error.
    pub fn integrity_ok(&self) -> Result<bool> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(verdict == "ok")
    }
}

#[cfg(test)]
mod tests;
