//! Numbered SQL migrations embedded in the binary, applied in a transaction
//! when the database opens. Append-only: a shipped migration is never edited.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("../migrations/0001_directory.sql")),
    M::up(include_str!("../migrations/0002_partnerships.sql")),
    M::up(include_str!(
        "../migrations/0003_pipeline_and_documents.sql"
    )),
    M::up(include_str!("../migrations/0004_data_in_and_out.sql")),
    M::up(include_str!("../migrations/0005_events.sql")),
    M::up(include_str!("../migrations/0006_search_folding.sql")),
    M::up(include_str!("../migrations/0007_timeline_as_data.sql")),
    M::up(include_str!(
        "../migrations/0008_associations_droit_local.sql"
    )),
    M::up(include_str!("../migrations/0009_possibles_by_meaning.sql")),
    M::up(include_str!(
        "../migrations/0010_partnership_evaluations.sql"
    )),
    M::up(include_str!("../migrations/0011_stories.sql")),
    M::up(include_str!("../migrations/0012_actor_named_partner.sql")),
    M::up(include_str!("../migrations/0013_home.sql")),
    M::up(include_str!("../migrations/0014_settings.sql")),
];

const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// The schema version this build writes (`PRAGMA user_version`).
#[allow(clippy::cast_possible_wrap)]
pub const SCHEMA_VERSION: i64 = MIGRATION_LIST.len() as i64;

pub(crate) fn migrate(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    MIGRATIONS.to_latest(conn)
}

/// Migrates to an older version, for tests of upgrades from shipped files.
#[cfg(test)]
pub(crate) fn migrate_to(
    conn: &mut Connection,
    version: usize,
) -> Result<(), rusqlite_migration::Error> {
    MIGRATIONS.to_version(conn, version)
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::MIGRATIONS.validate().is_ok());
    }
}
