//! What the Accueil page reads: the partnerships with the soonest next
//! actions, those stalled before their signature, the contacts whose review
//! comes due, the next event and when its pack was printed, and the last
//! records written. Each list reads through an index, a few rows at most;
//! the rules (what is stalled, when a review is due) are the domain's
//! (`domain::home`), passed in as dates.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};
use tisserand_domain::home::{ActionsOf, RecentChange, RecentKind, StuckPartnership};
use tisserand_domain::partnership::NextAction;
use tisserand_domain::Stage;

use crate::actor::timestamp;
use crate::partnership::{code_from, json};
use crate::{Result, Store};

/// A contact whose review comes due, as read: id, name, actor (id and
/// name), and the day its retention period started.
pub type ReviewRow = (String, String, Option<String>, Option<String>, NaiveDate);

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn list<T>(
    stmt: &mut rusqlite::CachedStatement<'_>,
    args: impl rusqlite::Params,
    read: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    Ok(stmt
        .query_map(args, read)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

impl Store {
    /// The title and next actions of the `limit` live partnerships whose
    /// earliest undone dated action comes first.
    ///
    /// # Errors
    /// A storage error.
    pub fn soonest_actions(&self, limit: u32) -> Result<Vec<ActionsOf>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, next_actions FROM partnerships
             WHERE deleted_at IS NULL AND next_due_on IS NOT NULL
             ORDER BY next_due_on, sort_key LIMIT ?1",
        )?;
        list(&mut stmt, [limit], |r| {
            let actions: Vec<NextAction> = json(&r.get::<_, String>(2)?)?;
            Ok((r.get(0)?, r.get(1)?, actions))
        })
    }

    /// How many live partnerships have an undone action due before `today`.
    ///
    /// # Errors
    /// A storage error.
    pub fn partnerships_overdue(&self, today: NaiveDate) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM partnerships WHERE deleted_at IS NULL AND next_due_on < ?1",
            [day(today)],
            |r| r.get(0),
        )?)
    }

    /// Live partnerships in `stages` not written to since before `before`,
    /// the longest stalled first (at most `limit`), and how many there are.
    ///
    /// # Errors
    /// A storage error.
    pub fn stalled_partnerships(
        &self,
        stages: &[Stage],
        before: NaiveDate,
        limit: u32,
    ) -> Result<(Vec<StuckPartnership>, u32)> {
        let codes = serde_json::to_string(&stages.iter().map(|s| s.code()).collect::<Vec<_>>())
            .unwrap_or_else(|_| "[]".to_owned());
        let filter = "deleted_at IS NULL AND updated_at < ?1
            AND stage IN (SELECT value FROM json_each(?2))";
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT id, title, stage, updated_at FROM partnerships WHERE {filter}
             ORDER BY updated_at LIMIT ?3"
        ))?;
        let rows = list(&mut stmt, params![day(before), codes, limit], |r| {
            Ok(StuckPartnership {
                id: r.get(0)?,
                title: r.get(1)?,
                stage: code_from(&r.get::<_, String>(2)?)?,
                since: timestamp(&r.get::<_, String>(3)?)?.date_naive(),
            })
        })?;
        let total = self.conn.query_row(
            &format!("SELECT count(*) FROM partnerships WHERE {filter}"),
            params![day(before), codes],
            |r| r.get(0),
        )?;
        Ok((rows, total))
    }

    /// Live contacts whose retention period started on or before `from`
    /// (the last contact they initiated, or their creation), the oldest
    /// first (at most `limit`), and how many there are.
    ///
    /// # Errors
    /// A storage error.
    pub fn contacts_to_review(&self, from: NaiveDate, limit: u32) -> Result<(Vec<ReviewRow>, u32)> {
        const START: &str = "coalesce(k.last_initiated_on, substr(k.created_at, 1, 10))";
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT k.id, trim(k.first_name || ' ' || k.last_name), a.id, a.name, {START}
             FROM contacts k LEFT JOIN actors a ON a.rid = k.actor_rid
             WHERE k.deleted_at IS NULL AND {START} <= ?1
             ORDER BY {START}, k.sort_key LIMIT ?2"
        ))?;
        let rows = list(&mut stmt, params![day(from), limit], |r| {
            let start: String = r.get(4)?;
            let start = NaiveDate::parse_from_str(&start, "%Y-%m-%d").map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    4,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })?;
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, start))
        })?;
        let total = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM contacts k WHERE k.deleted_at IS NULL AND {START} <= ?1"
            ),
            [day(from)],
            |r| r.get(0),
        )?;
        Ok((rows, total))
    }

    /// The first live event on or after `today`, and when its whole pack
    /// was last printed.
    ///
    /// # Errors
    /// A storage error.
    pub fn next_event_on(
        &self,
        today: NaiveDate,
    ) -> Result<Option<(String, Option<DateTime<Utc>>)>> {
        let found: Option<(String, Option<String>)> = self
            .conn
            .prepare_cached(
                "SELECT id, pack_printed_at FROM events
                 WHERE deleted_at IS NULL AND date >= ?1 ORDER BY date, sort_key LIMIT 1",
            )?
            .query_row([day(today)], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(match found {
            Some((id, printed)) => Some((id, printed.as_deref().map(timestamp).transpose()?)),
            None => None,
        })
    }

    /// Notes that the whole pack of event `id` was printed now.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn note_event_pack_printed(&mut self, id: &str) -> Result<()> {
        let at = crate::now();
        self.with_tx(|tx| {
            let n = tx
                .prepare_cached(
                    "UPDATE events SET pack_printed_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                )?
                .execute(params![id, at])?;
            if n == 0 {
                return Err(crate::StoreError::NotFound {
                    entity: crate::Entity::Event,
                    id: id.to_owned(),
                });
            }
            Ok(())
        })
    }

    /// The `limit` live records written last (actors, contacts,
    /// partnerships, events), newest first.
    ///
    /// # Errors
    /// A storage error.
    pub fn recent_changes(&self, limit: u32) -> Result<Vec<RecentChange>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM (SELECT 'actor', id, name, NULL, updated_at, created_at = updated_at
                 FROM actors WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT ?1)
             UNION ALL
             SELECT * FROM (SELECT 'contact', k.id, trim(k.first_name || ' ' || k.last_name), a.id,
                     k.updated_at, k.created_at = k.updated_at
                 FROM contacts k LEFT JOIN actors a ON a.rid = k.actor_rid
                 WHERE k.deleted_at IS NULL ORDER BY k.updated_at DESC LIMIT ?1)
             UNION ALL
             SELECT * FROM (SELECT 'partnership', id, title, NULL, updated_at, created_at = updated_at
                 FROM partnerships WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT ?1)
             UNION ALL
             SELECT * FROM (SELECT 'event', id, name, NULL, updated_at, created_at = updated_at
                 FROM events WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT ?1)
             ORDER BY 5 DESC LIMIT ?1",
        )?;
        list(&mut stmt, [limit], |r| {
            let kind = match r.get_ref(0)?.as_str()? {
                "actor" => RecentKind::Actor,
                "contact" => RecentKind::Contact,
                "partnership" => RecentKind::Partnership,
                _ => RecentKind::Event,
            };
            Ok(RecentChange {
                kind,
                id: r.get(1)?,
                label: r.get(2)?,
                actor_id: r.get(3)?,
                at: timestamp(&r.get::<_, String>(4)?)?,
                created: r.get(5)?,
            })
        })
    }
}
