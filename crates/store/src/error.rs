//! Storage errors, typed so that the app can tell a person what happened to
//! their file (read-only, disk full, newer version, not a database…).

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: String },
    /// The row changed since the editor loaded it (optimistic concurrency).
    #[error("{entity} {id} changed since it was loaded (version {expected}, now {found})")]
    Conflict {
        entity: &'static str,
        id: String,
        expected: u32,
        found: u32,
    },
    /// The row is referenced by live rows of another table (their titles).
    #[error("{entity} {id} is used by: {}", used_by.join(", "))]
    InUse {
        entity: &'static str,
        id: String,
        used_by: Vec<String>,
    },
    /// A domain rule refused the change (a stage move, say).
    #[error("{}", .0.message_en)]
    Rule(tisserand_domain::FieldError),
    #[error("{} was written by a newer Tisserand (schema {found}, this version knows up to {supported})", path.display())]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{} is not a Tisserand database (not SQLite)", path.display())]
    NotADatabase { path: PathBuf },
    /// A SQLite file that is not a Tisserand database (a backup to restore).
    #[error("{} is a SQLite file but not a Tisserand database", path.display())]
    NotTisserand { path: PathBuf },
    /// `PRAGMA integrity_check` found damage.
    #[error("{} is damaged: {detail}", path.display())]
    Damaged { path: PathBuf, detail: String },
    #[error("{} is read-only", path.display())]
    ReadOnly { path: PathBuf },
    #[error("the disk holding {} is full", path.display())]
    DiskFull { path: PathBuf },
    #[error("{} is in use by another program", path.display())]
    Busy { path: PathBuf },
    #[error("{}: {message}", path.display())]
    Io {
        path: PathBuf,
        kind: std::io::ErrorKind,
        message: String,
    },
    #[error("a stored row could not be read: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration error: {0}")]
    Migration(#[from] rusqlite_migration::Error),
}

impl StoreError {
    pub(crate) fn io(path: &Path, e: &std::io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            kind: e.kind(),
            message: e.to_string(),
        }
    }

    /// Classifies an SQLite error that happened on the file at `path`.
    pub(crate) fn at(path: &Path, e: impl Into<Self>) -> Self {
        let e = e.into();
        let code = match &e {
            Self::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            | Self::Migration(rusqlite_migration::Error::RusqliteError {
                err: rusqlite::Error::SqliteFailure(f, _),
                ..
            }) => Some(f.code),
            _ => None,
        };
        let path = path.to_owned();
        match code {
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                Self::ReadOnly { path }
            }
            Some(ErrorCode::DiskFull) => Self::DiskFull { path },
            Some(ErrorCode::NotADatabase) => Self::NotADatabase { path },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy { path },
            _ => e,
        }
    }
}
