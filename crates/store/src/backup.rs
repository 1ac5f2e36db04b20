//! Backups with SQLite's online backup API: consistent copies taken while
//! the app runs, kept in a `backups` folder beside the database, pruned by
//! the retention rule of `domain::backup`, checked before a restore.
//!
//! A copy is written under a temporary name, switched to a rollback journal
//! (one self-contained file), synced, then renamed: a crash leaves either
//! no backup or a whole one, never half of one under a backup's name.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, MAIN_DB};
use tisserand_domain::backup::{self as rule, BackupEntry, BackupReason};

use crate::{check_header, schema, Result, Store, StoreError, SCHEMA_VERSION};

/// Pages copied per step: about 16 MiB with 4 KiB pages, so a progress
/// callback hears from a large copy a few times a second.
const PAGES_PER_STEP: i32 = 4096;

/// The folder holding the backups of the database at `db_path`.
#[must_use]
pub fn backups_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .map_or_else(|| PathBuf::from("backups"), |p| p.join("backups"))
}

/// The backups found in `dir`, newest first. Files that are not ours are
/// ignored; a missing folder lists nothing.
///
/// # Errors
/// The folder exists but cannot be read.
pub fn list_backups_in(dir: &Path) -> Result<Vec<BackupEntry>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io(dir, &e)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| StoreError::io(dir, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((taken_at, reason)) = rule::parse_file_name(&name) else {
            continue;
        };
        let size_bytes = entry.metadata().map_or(0, |m| m.len());
        found.push(BackupEntry {
            path: entry.path().display().to_string(),
            file_name: name,
            taken_at,
            reason,
            size_bytes,
        });
    }
    found.sort_by(|a, b| {
        b.taken_at
            .cmp(&a.taken_at)
            .then_with(|| b.file_name.cmp(&a.file_name))
    });
    Ok(found)
}

/// Removes the backups in `dir` that the retention rule lets go; returns
/// them.
///
/// # Errors
/// The folder cannot be read or a file cannot be removed.
pub fn prune_backups_in(dir: &Path) -> Result<Vec<BackupEntry>> {
    let pruned = rule::to_prune(&list_backups_in(dir)?);
    for entry in &pruned {
        let path = Path::new(&entry.path);
        std::fs::remove_file(path).map_err(|e| StoreError::io(path, &e))?;
    }
    Ok(pruned)
}

/// Copies `src` into `dest` page by page, telling `progress` (pages done,
/// pages in all) after each step.
fn copy_pages(
    src: &Connection,
    dest: &mut Connection,
    progress: &mut dyn FnMut(u64, u64),
) -> rusqlite::Result<()> {
    let backup = Backup::new_with_names(src, MAIN_DB, dest, MAIN_DB)?;
    let mut busy = 0;
    loop {
        let step = backup.step(PAGES_PER_STEP)?;
        let p = backup.progress();
        let total = u64::try_from(p.pagecount).unwrap_or(0);
        let left = u64::try_from(p.remaining).unwrap_or(0);
        progress(total.saturating_sub(left), total);
        match step {
            StepResult::Done => return Ok(()),
            StepResult::More => busy = 0,
            // Another connection holds a lock: wait a little, a few times.
            _ if busy < 50 => {
                busy += 1;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            _ => {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    Some("the database stayed locked during the backup".to_owned()),
                ))
            }
        }
    }
}

fn temporary_sibling(dest: &Path) -> PathBuf {
    let mut name = dest.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    dest.with_file_name(name)
}

/// Writes a consistent copy of the database open on `conn` to `dest`.
fn write_copy(conn: &Connection, dest: &Path, progress: &mut dyn FnMut(u64, u64)) -> Result<()> {
    if dest.exists() {
        return Err(StoreError::io(
            dest,
            &std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        ));
    }
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, &e))?;
    }
    let tmp = temporary_sibling(dest);
    let _ = std::fs::remove_file(&tmp);
    let written = (|| -> Result<()> {
        let mut out = Connection::open(&tmp).map_err(|e| StoreError::at(&tmp, e))?;
        copy_pages(conn, &mut out, progress).map_err(|e| StoreError::at(dest, e))?;
        // One self-contained file, whatever the source's journal mode.
        out.pragma_update(None, "journal_mode", "DELETE")
            .map_err(|e| StoreError::at(&tmp, e))?;
        out.close().map_err(|(_, e)| StoreError::at(&tmp, e))?;
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::io(&tmp, &e))?;
        std::fs::rename(&tmp, dest).map_err(|e| StoreError::io(dest, &e))
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
        let mut journal = tmp.clone().into_os_string();
        journal.push("-journal");
        let _ = std::fs::remove_file(journal);
    }
    written
}

/// Takes a backup of the database file at `db_path` through a connection of
/// its own, so it can run on another thread while the app keeps working.
///
/// # Errors
/// A storage error naming the file.
pub fn backup_file(db_path: &Path, reason: BackupReason, at: NaiveDateTime) -> Result<BackupEntry> {
    let conn = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| StoreError::at(db_path, e))?;
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(|e| StoreError::at(db_path, e))?;
    take(&conn, db_path, reason, at, &mut |_, _| {})
}

fn take(
    conn: &Connection,
    db_path: &Path,
    reason: BackupReason,
    at: NaiveDateTime,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<BackupEntry> {
    let dir = backups_dir(db_path);
    let mut at = at;
    // Two backups within the same second get distinct names.
    let mut dest = dir.join(rule::file_name(at, reason));
    while dest.exists() {
        at += chrono::Duration::seconds(1);
        dest = dir.join(rule::file_name(at, reason));
    }
    write_copy(conn, &dest, progress)?;
    prune_backups_in(&dir)?;
    let size_bytes = dest.metadata().map_or(0, |m| m.len());
    Ok(BackupEntry {
        file_name: rule::file_name(at, reason),
        path: dest.display().to_string(),
        taken_at: at,
        reason,
        size_bytes,
    })
}

/// What a backup file holds, once checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckedBackup {
    pub schema_version: i64,
}

/// Checks that `path` is a sound Tisserand database this version can read:
/// SQLite's header, the schema version, the tables, `PRAGMA
/// integrity_check`. The file is opened read-only and never changed.
///
/// # Errors
/// `NotADatabase`, `NotTisserand`, `TooNew`, `Damaged`, or an IO error.
pub fn check_backup(path: &Path) -> Result<CheckedBackup> {
    if !path.is_file() {
        return Err(StoreError::io(
            path,
            &std::io::Error::from(std::io::ErrorKind::NotFound),
        ));
    }
    check_header(path)?;
    if path.metadata().map_or(0, |m| m.len()) == 0 {
        return Err(StoreError::NotADatabase {
            path: path.to_owned(),
        });
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::at(path, e))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| StoreError::at(path, e))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('actors', 'contacts', 'meta', 'communes')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| StoreError::at(path, e))?;
    if version < 1 || tables < 4 {
        return Err(StoreError::NotTisserand {
            path: path.to_owned(),
        });
    }
    let mut verdicts = Vec::new();
    let mut stmt = conn
        .prepare("PRAGMA integrity_check(5)")
        .map_err(|e| StoreError::at(path, e))?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(|e| StoreError::at(path, e))?;
    for row in rows {
        verdicts.push(row.map_err(|e| StoreError::at(path, e))?);
    }
    if verdicts != ["ok"] {
        return Err(StoreError::Damaged {
            path: path.to_owned(),
            detail: verdicts.join(" ; "),
        });
    }
    Ok(CheckedBackup {
        schema_version: version,
    })
}

impl Store {
    /// Copies the whole database to `dest` with the online backup API (a
    /// consistent snapshot, even while the app runs), refusing to overwrite
    /// an existing file.
    ///
    /// # Errors
    /// A storage error, or `dest` exists.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        write_copy(&self.conn, dest, &mut |_, _| {})
    }

    /// Takes a backup into the backups folder beside the database, named
    /// after `at` (local time) and `reason`, then applies the retention rule.
    ///
    /// # Errors
    /// A storage error naming the file.
    pub fn backup_now(
        &self,
        reason: BackupReason,
        at: NaiveDateTime,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<BackupEntry> {
        take(&self.conn, &self.path, reason, at, progress)
    }

    /// Takes a backup now, named by the store's own clock (a backup the
    /// store takes as part of its work: asked for, before a migration or a
    /// risky operation).
    ///
    /// # Errors
    /// As [`Store::backup_now`].
    pub fn backup_stamped(
        &self,
        reason: BackupReason,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<BackupEntry> {
        self.backup_now(reason, crate::clock().local(), progress)
    }

    /// The backups beside this database, newest first.
    ///
    /// # Errors
    /// The folder cannot be read.
    pub fn backups(&self) -> Result<Vec<BackupEntry>> {
        list_backups_in(&backups_dir(&self.path))
    }

    /// Replaces the whole database with the backup at `path`, after checking
    /// it (`check_backup`), then brings it to the current schema. The caller
    /// backs up the current state first.
    ///
    /// # Errors
    /// What `check_backup` refuses, or a storage error (the database is
    /// then unchanged: the copy runs in one transaction of the destination).
    pub fn restore_from(&mut self, path: &Path, progress: &mut dyn FnMut(u64, u64)) -> Result<()> {
        let checked = check_backup(path)?;
        self.restore_checked(path, checked, progress)
    }

    /// `restore_from` for a file `check_backup` has just accepted.
    ///
    /// # Errors
    /// A storage error (the database is then unchanged).
    pub fn restore_checked(
        &mut self,
        path: &Path,
        checked: CheckedBackup,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<()> {
        *self.cache.get_mut() = crate::ReadCache::default();
        let src = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| StoreError::at(path, e))?;
        copy_pages(&src, &mut self.conn, progress).map_err(|e| StoreError::at(&self.path, e))?;
        drop(src);
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| StoreError::at(&self.path, e))?;
        if checked.schema_version < SCHEMA_VERSION {
            schema::migrate(&mut self.conn).map_err(|e| StoreError::at(&self.path, e))?;
        }
        // A backup from before 0006 comes back with its folded text marked
        // stale: rebuilt now, as an opening would.
        self.refold_if_stale()
    }

    pub(crate) fn backup_before_migration(&self, from: i64) -> Result<PathBuf> {
        tracing::info!(from, to = SCHEMA_VERSION, "backing up before migrating");
        let entry = self.backup_stamped(BackupReason::BeforeMigration, &mut |_, _| {})?;
        Ok(PathBuf::from(entry.path))
    }
}
