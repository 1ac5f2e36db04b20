//! Full-text search over actors and contacts: prefix matching as you type,
//! case- and accent-insensitive (FTS5, `unicode61 remove_diacritics 2`).

use rusqlite::params;
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

impl Store {
    /// Actors and contacts matching `text`, best first (at most `limit`).
    ///
    /// # Errors
    /// A storage error.
    pub fn search(&self, text: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let Some(m) = fts_query(text) else {
            return Ok(Vec::new());
        };
        let limit = limit.clamp(1, 200);
        let mut actor_hits: Vec<SearchHit> = Vec::new();
        let mut actors = self.conn.prepare_cached(
            "SELECT a.id, a.kind, a.name, c.name, d.name, bm25(actors_fts, 8.0, 3.0, 3.0, 1.5, 1.0) AS score
             FROM actors_fts
             JOIN actors a ON a.rid = actors_fts.rowid
             LEFT JOIN communes c ON c.insee = a.commune_insee
             LEFT JOIN departements d ON d.code = a.departement_code
             WHERE actors_fts MATCH ?1 AND a.deleted_at IS NULL
             ORDER BY score LIMIT ?2",
        )?;
        let rows = actors.query_map(params![m, limit], |r| {
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
        })?;
        for row in rows {
            actor_hits.push(row?);
        }
        let mut contacts = self.conn.prepare_cached(
            "SELECT k.id, a.id, a.kind, trim(k.first_name || ' ' || k.last_name), k.role, a.name,
                    bm25(contacts_fts, 8.0, 3.0, 1.0) AS score
             FROM contacts_fts
             JOIN contacts k ON k.rid = contacts_fts.rowid
             LEFT JOIN actors a ON a.rid = k.actor_rid
             WHERE contacts_fts MATCH ?1 AND k.deleted_at IS NULL
             ORDER BY score LIMIT ?2",
        )?;
        let rows = contacts.query_map(params![m, limit], |r| {
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
        })?;
        let contact_hits = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(merge(actor_hits, contact_hits, limit as usize))
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
