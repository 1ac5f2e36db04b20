//! Backups as the person sees them: why each was taken, when, how big, and
//! which ones the retention rule keeps. File names carry the facts
//! (`tisserand-2026-11-26-150405-avant-import.sqlite3`), so a backups folder
//! copied to another machine lists the same way.

use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BackupReason {
    /// The first start of the day.
    Daily,
    /// Asked for by the person.
    Manual,
    BeforeImport,
    BeforeMerge,
    BeforeRestore,
    BeforeMigration,
    BeforeErasure,
}

impl BackupReason {
    pub const ALL: [Self; 7] = [
        Self::Daily,
        Self::Manual,
        Self::BeforeImport,
        Self::BeforeMerge,
        Self::BeforeRestore,
        Self::BeforeMigration,
        Self::BeforeErasure,
    ];

    /// The word in the file name.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Daily => "quotidienne",
            Self::Manual => "manuelle",
            Self::BeforeImport => "avant-import",
            Self::BeforeMerge => "avant-fusion",
            Self::BeforeRestore => "avant-restauration",
            Self::BeforeMigration => "avant-migration",
            Self::BeforeErasure => "avant-effacement",
        }
    }

    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    #[must_use]
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Daily => "Sauvegarde du jour",
            Self::Manual => "Sauvegarde manuelle",
            Self::BeforeImport => "Avant un import",
            Self::BeforeMerge => "Avant une fusion de doublons",
            Self::BeforeRestore => "Avant une restauration",
            Self::BeforeMigration => "Avant une mise à jour de Tisserand",
            Self::BeforeErasure => "Avant un effacement de données personnelles",
        }
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupEntry {
    pub file_name: String,
    pub path: String,
    /// Local time the backup was taken, `2026-11-26T15:04:05`.
    #[ts(type = "string")]
    pub taken_at: NaiveDateTime,
    pub reason: BackupReason,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

const PREFIX: &str = "tisserand-";
const SUFFIX: &str = ".sqlite3";

/// The file name of a backup taken at `at` for `reason`.
#[must_use]
pub fn file_name(at: NaiveDateTime, reason: BackupReason) -> String {
    format!(
        "{PREFIX}{}-{}{SUFFIX}",
        at.format("%Y-%m-%d-%H%M%S"),
        reason.code()
    )
}

/// The time and reason a backup's file name says, or `None` for a file that
/// is not one of ours.
#[must_use]
pub fn parse_file_name(name: &str) -> Option<(NaiveDateTime, BackupReason)> {
    let core = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    // 2026-11-26-150405 is 17 characters.
    let (stamp, rest) = core.split_at_checked(17)?;
    let reason = BackupReason::parse(rest.strip_prefix('-')?)?;
    let at = NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d-%H%M%S").ok()?;
    Some((at, reason))
}

/// How many backups of each kind the retention rule keeps.
pub const KEEP_DAILY: usize = 10;
pub const KEEP_WEEKLY: usize = 4;
/// The most recent backups are kept whatever their day, so that the copy
/// taken before this afternoon's import survives the one before tonight's.
pub const KEEP_RECENT: usize = 5;

/// The backups the retention rule removes: it keeps the newest backup of
/// each of the last [`KEEP_DAILY`] days that have one, the newest of each of
/// the last [`KEEP_WEEKLY`] ISO weeks that have one, and the
/// [`KEEP_RECENT`] newest of all. `entries` may come in any order; the
/// answer is sorted oldest first.
#[must_use]
pub fn to_prune(entries: &[BackupEntry]) -> Vec<BackupEntry> {
    let mut newest_first: Vec<&BackupEntry> = entries.iter().collect();
    newest_first.sort_by(|a, b| {
        b.taken_at
            .cmp(&a.taken_at)
            .then_with(|| b.file_name.cmp(&a.file_name))
    });
    let mut keep = vec![false; newest_first.len()];
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    for (i, e) in newest_first.iter().enumerate() {
        if i < KEEP_RECENT {
            keep[i] = true;
        }
        let day = e.taken_at.date();
        if !days.contains(&day) && days.len() < KEEP_DAILY {
            days.push(day);
            keep[i] = true;
        }
        let week = day.iso_week();
        let week = (week.year(), week.week());
        if !weeks.contains(&week) && weeks.len() < KEEP_WEEKLY {
            weeks.push(week);
            keep[i] = true;
        }
    }
    let mut pruned: Vec<BackupEntry> = newest_first
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| !k)
        .map(|(e, _)| e.clone())
        .collect();
    pruned.reverse();
    pruned
}

/// Whether a daily backup is due: none has been taken on `today` (local).
#[must_use]
pub fn daily_due(entries: &[BackupEntry], today: chrono::NaiveDate) -> bool {
    !entries.iter().any(|e| e.taken_at.date() == today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    fn at(day: u32, hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 10, 1)
            .and_then(|d| d.checked_add_signed(Duration::days(i64::from(day))))
            .and_then(|d| d.and_hms_opt(hour, 0, 0))
            .expect("valid date")
    }

    fn entry(t: NaiveDateTime, reason: BackupReason) -> BackupEntry {
        let name = file_name(t, reason);
        BackupEntry {
            path: format!("/b/{name}"),
            file_name: name,
            taken_at: t,
            reason,
            size_bytes: 1,
        }
    }

    #[test]
    fn file_names_round_trip() {
        for reason in BackupReason::ALL {
            let t = at(3, 14);
            let name = file_name(t, reason);
            assert_eq!(parse_file_name(&name), Some((t, reason)), "{name}");
        }
        assert_eq!(
            file_name(at(0, 9), BackupReason::BeforeImport),
            "tisserand-2026-10-01-090000-avant-import.sqlite3"
        );
        for other in [
            "tisserand.sqlite3",
            "tisserand-2026-10-01-090000-inconnue.sqlite3",
            "tisserand-2026-13-01-090000-manuelle.sqlite3",
            "notes.txt",
            "tisserand-2026-10-01-090000-manuelle.sqlite3.tmp",
        ] {
            assert_eq!(parse_file_name(other), None, "{other}");
        }
    }

    #[test]
    fn retention_keeps_days_weeks_and_recent() {
        // Sixty days, three backups a day.
        let mut all = Vec::new();
        for day in 0..60 {
            for hour in [9, 12, 18] {
                all.push(entry(at(day, hour), BackupReason::BeforeImport));
            }
        }
        let pruned = to_prune(&all);
        let kept: Vec<&BackupEntry> = all.iter().filter(|e| !pruned.contains(e)).collect();
        // 5 recent (day 59 ×3, day 58 ×2) + 8 more days (57..50 at 18 h) +
        // weeks before those days.
        assert!(kept.contains(&&all[all.len() - 1]));
        assert!(kept.contains(&&all[all.len() - 5]));
        let days: std::collections::BTreeSet<_> = kept.iter().map(|e| e.taken_at.date()).collect();
        assert!(days.len() >= KEEP_DAILY);
        assert!(kept.len() <= KEEP_RECENT + KEEP_DAILY + KEEP_WEEKLY);
        // Every kept day's newest backup is kept, the oldest days are gone.
        assert!(kept
            .iter()
            .all(|e| e.taken_at.date() >= at(59 - 7 * 5, 0).date()));
        // Pruned oldest first, and nothing kept twice or lost.
        assert_eq!(kept.len() + pruned.len(), all.len());
        assert!(pruned.windows(2).all(|w| w[0].taken_at <= w[1].taken_at));
    }

    #[test]
    fn few_backups_are_all_kept() {
        let all: Vec<_> = (0..4)
            .map(|d| entry(at(d, 9), BackupReason::Daily))
            .collect();
        assert!(to_prune(&all).is_empty());
    }

    #[test]
    fn daily_is_due_once_a_day() {
        let all = vec![entry(at(2, 9), BackupReason::BeforeMerge)];
        assert!(!daily_due(&all, at(2, 0).date()));
        assert!(daily_due(&all, at(3, 0).date()));
        assert!(daily_due(&[], at(3, 0).date()));
    }
}
