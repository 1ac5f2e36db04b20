//! Full-text search over actors and contacts: prefix matching as you type,
//! case- and accent-insensitive (FTS5, `unicode61 remove_diacritics 2`).

use rusqlite::{params, OptionalExtension};
use tisserand_domain::text::fold;
use tisserand_domain::{ActorKind, SearchEntity, SearchHit};

use crate::{Result, Store};

/// Most words of a query that are used.
const MAX_TERMS: usize = 8;

/// Turns what a person typed into an FTS5 query: each word (letters and
/// digits) becomes a quoted term, a prefix when it has 2 letters or more, all
/// required. Returns `None` when nothing searchable was typed. Quoting makes
/// FTS5 syntax in the input (AND, *, ", NEAR…) plain text.
#[must_use]
pub fn fts_query(text: &str) -> Option<String> {
    let folded = fold(text);
    let terms: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_TERMS)
        .map(|w| {
            if w.chars().count() >= 2 {
                format!("\"{w}\"*")
            } else {
                format!("\"{w}\"")
            }
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The folded words of a query, as `fts_query` reads them.
fn terms(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_TERMS)
        .map(str::to_owned)
        .collect()
}

/// How well a title answers the query: its start matches the first word,
/// then every word starts one of its words, then anything else; shorter
/// titles first within each.
fn title_rank(title: &str, terms: &[String]) -> (u8, usize) {
    let folded = fold(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let starts = terms
        .first()
        .is_some_and(|t| words.first().is_some_and(|w| w.starts_with(t.as_str())));
    let all = terms
        .iter()
        .all(|t| words.iter().any(|w| w.starts_with(t.as_str())));
    let class = if starts && all {
        0
    } else if all {
        1
    } else {
        2
    };
    (class, folded.len())
}

/// One FTS table and how to turn its rows into hits.
struct Table {
    fts: &'static str,
    hit_sql: &'static str,
    to_hit: fn(&rusqlite::Row<'_>) -> rusqlite::Result<SearchHit>,
}

const ACTORS: Table = Table {
    fts: "actors_fts",
    hit_sql: "SELECT a.id, a.kind, a.name, c.name, d.name FROM actors a
              LEFT JOIN communes c ON c.insee = a.commune_insee
              LEFT JOIN departements d ON d.code = a.departement_code
              WHERE a.rid = ?1 AND a.deleted_at IS NULL",
    to_hit: |r| {
        let kind: String = r.get(1)?;
        let kind = ActorKind::parse(&kind);
        let commune: Option<String> = r.get(3)?;
        let dep: Option<String> = r.get(4)?;
        let subtitle = [kind.map(|k| k.label_fr().to_owned()), commune, dep]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        Ok(SearchHit {
            entity: SearchEntity::Actor,
            id: r.get(0)?,
            actor_id: None,
            kind,
            title: r.get(2)?,
            subtitle,
        })
    },
};

const CONTACTS: Table = Table {
    fts: "contacts_fts",
    hit_sql:
        "SELECT k.id, a.id, a.kind, trim(k.first_name || ' ' || k.last_name), k.role, a.name
              FROM contacts k LEFT JOIN actors a ON a.rid = k.actor_rid
              WHERE k.rid = ?1 AND k.deleted_at IS NULL AND (a.rid IS NULL OR a.deleted_at IS NULL)",
    to_hit: |r| {
        let kind: Option<String> = r.get(2)?;
        let role: Option<String> = r.get(4)?;
        let org: Option<String> = r.get(5)?;
        Ok(SearchHit {
            entity: SearchEntity::Contact,
            id: r.get(0)?,
            actor_id: r.get(1)?,
            kind: kind.as_deref().and_then(ActorKind::parse),
            title: r.get(3)?,
            subtitle: [role, org]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
        })
    },
};

impl Store {
    /// Row ids matching `m`, newest first; FTS5 walks its index in rowid
    /// order and stops at the limit, so a common word costs no more than a
    /// rare one.
    fn matching_rids(&self, table: &Table, m: &str, limit: usize) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT rowid FROM {0} WHERE {0} MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
            table.fts
        ))?;
        let rows = stmt.query_map(params![m, i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            r.get(0)
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
    }

    fn hits(&self, table: &Table, rids: &[i64]) -> Result<Vec<SearchHit>> {
        let mut stmt = self.conn.prepare_cached(table.hit_sql)?;
        let mut out = Vec::with_capacity(rids.len());
        for rid in rids {
            if let Some(hit) = stmt.query_row([rid], table.to_hit).optional()? {
                out.push(hit);
            }
        }
        Ok(out)
    }

    /// Hits of one table: those whose name matches, best first, then those
    /// matching in other fields, newest first.
    fn search_table(
        &self,
        table: &Table,
        m: &str,
        terms: &[String],
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let by_name = self.matching_rids(table, &format!("{{name}} : ({m})"), limit * 5)?;
        let mut hits = self.hits(table, &by_name)?;
        hits.sort_by_key(|h| title_rank(&h.title, terms));
        hits.truncate(limit);
        if hits.len() < limit {
            let others: Vec<i64> = self
                .matching_rids(table, m, limit * 2 + by_name.len())?
                .into_iter()
                .filter(|rid| !by_name.contains(rid))
                .collect();
            hits.extend(self.hits(table, &others)?);
            hits.truncate(limit);
        }
        Ok(hits)
    }

    /// Actors and contacts matching `text` (at most `limit`): actors first,
    /// name matches before matches in other fields.
    ///
    /// # Errors
    /// A storage error.
    pub fn search(&self, text: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let Some(m) = fts_query(text) else {
            return Ok(Vec::new());
        };
        let limit = usize::try_from(limit.clamp(1, 200)).unwrap_or(20);
        let terms = terms(text);
        let actors = self.search_table(&ACTORS, &m, &terms, limit)?;
        let contacts = self.search_table(&CONTACTS, &m, &terms, limit)?;
        Ok(merge(actors, contacts, limit))
    }
}

/// Actors first, each list best first; contacts keep at least a third of
/// the places when there are enough of them, so that typing a person's name
/// still shows the person.
fn merge(mut actors: Vec<SearchHit>, mut contacts: Vec<SearchHit>, limit: usize) -> Vec<SearchHit> {
    let actor_places = actors
        .len()
        .min(limit.saturating_sub(contacts.len()).max(limit * 2 / 3));
    actors.truncate(actor_places);
    contacts.truncate(limit - actors.len());
    actors.extend(contacts);
    actors
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn queries_are_quoted_prefixes() {
        assert_eq!(fts_query("Sélestat"), Some("\"selestat\"*".into()));
        assert_eq!(fts_query("a b-cd"), Some("\"a\" \"b\" \"cd\"*".into()));
        assert_eq!(fts_query("  \"*( "), None);
        assert_eq!(
            fts_query("x OR y NEAR(z)"),
            Some("\"x\" \"or\"* \"y\" \"near\"* \"z\"".into())
        );
    }
}
