//! Storage errors, typed so that the app can tell a person what happened to
//! their file (read-only, disk full, newer version, not a database…).

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

/// What a `NotFound`, `Conflict` or `InUse` error is about: matched by
/// variant, named in French and English by the methods below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Actor,
    Contact,
    Commune,
    Partnership,
    Action,
    Indicator,
    Evaluation,
    Event,
    Participant,
    Meeting,
    FollowUp,
    Import,
    Merge,
    Story,
    StoryPhoto,
}

impl Entity {
    /// The English noun, as log lines and English messages use it.
    #[must_use]
    pub const fn name_en(self) -> &'static str {
        match self {
            Self::Actor => "actor",
            Self::Contact => "contact",
            Self::Commune => "commune",
            Self::Partnership => "partnership",
            Self::Action => "action",
            Self::Indicator => "indicator",
            Self::Evaluation => "evaluation",
            Self::Event => "event",
            Self::Participant => "participant",
            Self::Meeting => "meeting",
            Self::FollowUp => "follow-up",
            Self::Import => "import",
            Self::Merge => "merge",
            Self::Story => "story",
            Self::StoryPhoto => "photo",
        }
    }

    /// « This actor » in French and English, to begin a sentence.
    #[must_use]
    pub const fn this(self) -> (&'static str, &'static str) {
        match self {
            Self::Actor => ("Cet acteur", "This actor"),
            Self::Contact => ("Ce contact", "This contact"),
            Self::Commune => ("Cette commune", "This commune"),
            Self::Partnership => ("Ce partenariat", "This partnership"),
            Self::Action => ("Cette action", "This action"),
            Self::Indicator => ("Cet indicateur", "This indicator"),
            Self::Evaluation => ("Cette évaluation", "This evaluation"),
            Self::Event => ("Cet événement", "This event"),
            Self::Participant => ("Ce participant", "This participant"),
            Self::Meeting => ("Cette rencontre", "This meeting"),
            Self::FollowUp => ("Cette relance", "This follow-up"),
            Self::Import => ("Cet import", "This import"),
            Self::Merge => ("Cette fusion", "This merge"),
            Self::Story => ("Cette histoire", "This story"),
            Self::StoryPhoto => ("Cette photo", "This photo"),
        }
    }
}

impl std::fmt::Display for Entity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name_en())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{entity} {id} not found")]
    NotFound { entity: Entity, id: String },
    /// The row changed since the editor loaded it (optimistic concurrency).
    #[error("{entity} {id} changed since it was loaded (version {expected}, now {found})")]
    Conflict {
        entity: Entity,
        id: String,
        expected: u32,
        found: u32,
    },
    /// The row is referenced by live rows of another table (their titles).
    #[error("{entity} {id} is used by: {}", used_by.join(", "))]
    InUse {
        entity: Entity,
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
