//! Full-text search over actors and contacts: prefix matching as you type,
//! insensitive to case, accents, ligatures and the way apostrophes, dashes
//! and spaces are typed. The index (FTS5) holds text folded by
//! `domain::text::fold` (`actor.rs`, `contact.rs`), and queries are folded
//! by the same function here: one folding on both sides.

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
    use tisserand_domain::{ActorInput, ActorKind, ActorQuery, ContactInput, SearchEntity};

    use super::fts_query;
    use crate::Store;

    fn add_actor(s: &mut Store, name: &str, notes: Option<&str>) -> String {
        let a = ActorInput {
            kind: Some(ActorKind::Association),
            name: name.into(),
            notes: notes.map(Into::into),
            ..ActorInput::default()
        };
        s.insert_actor(&a.validate().unwrap()).unwrap().id
    }

    /// The actors `q` finds, through the search (Ctrl+K) and through the
    /// directory's text filter, which must agree.
    fn found(s: &Store, q: &str) -> Vec<String> {
        let hits: Vec<String> = s
            .search(q, 20)
            .unwrap()
            .into_iter()
            .filter(|h| h.entity == SearchEntity::Actor)
            .map(|h| h.title)
            .collect();
        let mut listed: Vec<String> = s
            .list_actors(&ActorQuery {
                text: Some(q.into()),
                ..ActorQuery::default()
            })
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.name)
            .collect();
        let mut sorted = hits.clone();
        sorted.sort();
        listed.sort();
        assert_eq!(sorted, listed, "search and directory filter for « {q} »");
        hits
    }

    #[test]
    fn ligatures_apostrophes_dashes_and_spaces_are_found_however_typed() {
        let mut s = Store::open_in_memory().unwrap();
        add_actor(&mut s, "Les Restos du Cœur du Ried", None);
        add_actor(&mut s, "Œuvre Notre-Dame", None);
        add_actor(&mut s, "Garage Kœnig", None);
        add_actor(&mut s, "Boulangerie Schœller", None);
        add_actor(&mut s, "Atelier Lætitia", Some("Straße des Ateliers"));
        add_actor(
            &mut s,
            "L’Îlot Saint\u{2011}Louis",
            Some("Aide\u{a0}à la ﬁnance"),
        );
        let cases: &[(&str, &[&str])] = &[
            (
                "Les Restos du Cœur du Ried",
                &["coeur", "cœur", "Cœur", "COEUR", "CŒUR", "restos du coeur"],
            ),
            (
                "Œuvre Notre-Dame",
                &[
                    "oeuvre",
                    "œuvre",
                    "Œuvre",
                    "OEUVRE",
                    "oeuvre notre dame",
                    "notre-dame",
                ],
            ),
            (
                "Garage Kœnig",
                &["koenig", "kœnig", "Kœnig", "KOENIG", "koe"],
            ),
            (
                "Boulangerie Schœller",
                &["schoeller", "schœller", "Schœller", "SCHOELLER"],
            ),
            (
                "Atelier Lætitia",
                &[
                    "laetitia", "Lætitia", "LAETITIA", "strasse", "STRAẞE", "straße",
                ],
            ),
            (
                "L’Îlot Saint\u{2011}Louis",
                &[
                    "l'ilot",
                    "l’îlot",
                    "L´ILOT",
                    "ilot",
                    "saint-louis",
                    "saint–louis",
                    "saint louis",
                    "finance",
                    "ﬁnance",
                    "à la finance",
                ],
            ),
        ];
        for (name, queries) in cases {
            for q in *queries {
                assert_eq!(found(&s, q), [*name], "query « {q} »");
            }
        }
    }

    /// The directory sorts by the same folding: an apostrophe, a no-break
    /// space or a ligature does not move a name out of its place.
    #[test]
    fn the_directory_sorts_names_as_they_read() {
        let mut s = Store::open_in_memory().unwrap();
        for name in [
            "L'Zèbre",
            "L’Atelier",
            "Les Bons Voisins",
            "Les\u{a0}Amis du Ried",
            "Œuvre du Ried",
            "Office de tourisme",
            "ﬂeurs du Ried",
            "Fleuristes Martin",
        ] {
            add_actor(&mut s, name, None);
        }
        let page = s.list_actors(&ActorQuery::default()).unwrap();
        let names: Vec<&str> = page.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Fleuristes Martin",
                "ﬂeurs du Ried",
                "L’Atelier",
                "L'Zèbre",
                "Les\u{a0}Amis du Ried",
                "Les Bons Voisins",
                "Œuvre du Ried",
                "Office de tourisme",
            ]
        );
    }

    #[test]
    fn contacts_with_ligatures_are_found_however_typed() {
        let mut s = Store::open_in_memory().unwrap();
        let org = add_actor(&mut s, "Les Restos du Cœur du Ried", None);
        let c = ContactInput {
            actor_id: Some(org),
            first_name: "Bénédicte".into(),
            last_name: "Schœller".into(),
            role: Some("Chargée d’accueil".into()),
            ..ContactInput::default()
        };
        let c = s.insert_contact(&c.validate().unwrap()).unwrap();
        for q in [
            "schoeller",
            "Schœller",
            "SCHOELLER",
            "benedicte schoeller",
            "chargee d'accueil",
            "coeur",
        ] {
            let hits = s.search(q, 20).unwrap();
            assert!(
                hits.iter()
                    .any(|h| h.entity == SearchEntity::Contact && h.id == c.id),
                "query « {q} »: {hits:?}"
            );
        }
    }

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
