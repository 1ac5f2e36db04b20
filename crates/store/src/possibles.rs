//! The « champ des possibles » query: a short list of candidates found in
//! `actor_stems` (the actors whose offers use a word of the explored
//! actor's needs, or a word the lexicon relates to one, in a compatible
//! category, and the reverse), then ranked precisely by
//! `domain::possibles::assess` on their needs and offers.

use rusqlite::OptionalExtension;
use rustc_hash::{FxHashMap, FxHashSet};
use tisserand_domain::possibles::{assess, Lexicon, LexiconError, Matcher, Profile};
use tisserand_domain::{Possibility, Resource, ResourceCategory};

use crate::partnership::{code_from, json};
use crate::stems::{NEED, OFFER};
use crate::Entity;
use crate::{Result, Store, StoreError};

/// How many candidates the stems short-list before the precise ranking.
const SHORT_LIST: usize = 200;

/// The average number of words of a need or an offer, for BM25's length
/// normalisation (the demo's and the field's texts: one sentence).
const AVERAGE_WORDS: f32 = 8.0;

const PROFILE_COLUMNS: &str =
    "a.id, a.name, a.kind, a.commune_insee, c.epci_code, a.departement_code,
    a.needs, a.offers, c.name";

fn profile_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Profile, Option<String>)> {
    Ok((
        Profile {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: code_from(&r.get::<_, String>(2)?)?,
            commune: r.get(3)?,
            epci: r.get(4)?,
            departement: r.get(5)?,
            needs: json(&r.get::<_, String>(6)?)?,
            offers: json(&r.get::<_, String>(7)?)?,
        },
        r.get(8)?,
    ))
}

/// The stems `resources` may match on the other side, each with the
/// categories it may match in (a need of « autre » meets every category,
/// every category meets « autre »).
fn wanted(m: &Matcher<'_>, resources: &[Resource]) -> FxHashMap<String, FxHashSet<&'static str>> {
    let mut out: FxHashMap<String, FxHashSet<&'static str>> = FxHashMap::default();
    for r in resources {
        let categories: Vec<&'static str> = if r.category == ResourceCategory::Autre {
            ResourceCategory::ALL.iter().map(|c| c.code()).collect()
        } else {
            vec![r.category.code(), ResourceCategory::Autre.code()]
        };
        for stem in m.expanded_stems(r) {
            out.entry(stem)
                .or_default()
                .extend(categories.iter().copied());
        }
    }
    out
}

impl Store {
    /// Adds the groups of a lexicon file (`lexique.txt` in the data folder)
    /// to the built-in lexicon the ranking reads words with.
    ///
    /// # Errors
    /// The line that cannot be read; nothing is added then.
    pub fn extend_lexicon(&mut self, source_name: &str, text: &str) -> Result<(), LexiconError> {
        self.lexicon.extend(source_name, text)
    }

    /// The lexicon the ranking reads words with.
    #[must_use]
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The live actor `actor_id` as the ranking knows it, its rid.
    fn profile(&self, actor_id: &str) -> Result<(Profile, i64)> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {PROFILE_COLUMNS}, a.rid FROM actors a
                 LEFT JOIN communes c ON c.insee = a.commune_insee
                 WHERE a.id = ?1 AND a.deleted_at IS NULL"
            ))?
            .query_row([actor_id], |r| Ok((profile_row(r)?.0, r.get::<_, i64>(9)?)))
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                entity: Entity::Actor,
                id: actor_id.to_owned(),
            })
    }

    /// The matcher for ranking around `from`, weighing each word its needs
    /// and offers may match by how many live actors use it; and the short
    /// list of candidates' rids, best first: those using such words on the
    /// other side in a compatible category, by the weights of those words.
    fn short_list(&self, from: &Profile, rid: i64) -> Result<(Matcher<'_>, Vec<i64>)> {
        let bare = Matcher::new(&self.lexicon);
        let sides = [
            (OFFER, wanted(&bare, &from.needs)),
            (NEED, wanted(&bare, &from.offers)),
        ];
        let mut df: FxHashMap<String, u32> = FxHashMap::default();
        // Per stem, the candidates using it where wanted: one range of the
        // primary key (stem, side, category) each, and a count for its weight.
        let mut postings: Vec<(String, Vec<i64>)> = Vec::new();
        let mut count = self
            .conn
            .prepare_cached("SELECT count(*) FROM actor_stems WHERE stem = ?1")?;
        let mut users = self.conn.prepare_cached(
            "SELECT actor_rid FROM actor_stems WHERE stem = ?1 AND side = ?2 AND category = ?3",
        )?;
        for (side, wanted) in &sides {
            for (stem, categories) in wanted {
                if !df.contains_key(stem) {
                    df.insert(stem.clone(), count.query_row([stem], |r| r.get(0))?);
                }
                let mut hits = Vec::new();
                for category in categories {
                    let mut rows = users.query(rusqlite::params![stem, side, category])?;
                    while let Some(r) = rows.next()? {
                        let actor: i64 = r.get(0)?;
                        if actor != rid {
                            hits.push(actor);
                        }
                    }
                }
                postings.push((stem.clone(), hits));
            }
        }
        let docs: u32 = self.conn.query_row(
            "SELECT 2 * count(*) FROM actors WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        let m = Matcher::with_counts(&self.lexicon, docs, df, AVERAGE_WORDS);
        let mut scores: FxHashMap<i64, f32> = FxHashMap::default();
        for (stem, hits) in &postings {
            let w = m.idf(stem);
            for actor in hits {
                *scores.entry(*actor).or_default() += w;
            }
        }
        let mut scored: Vec<(f32, i64)> = scores.into_iter().map(|(r, s)| (s, r)).collect();
        let by_score = |a: &(f32, i64), b: &(f32, i64)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if scored.len() > SHORT_LIST {
            scored.select_nth_unstable_by(SHORT_LIST, by_score);
            scored.truncate(SHORT_LIST);
        }
        scored.sort_by(by_score);
        Ok((m, scored.into_iter().map(|(_, rid)| rid).collect()))
    }

    /// The actors live actor `actor_id` could most plausibly build a
    /// partnership with: those whose offers answer its needs or whose needs
    /// its offers answer, by meaning (`domain::possibles::relevance`), best
    /// first, at most `limit`. None below the minimum relevance.
    ///
    /// # Errors
    /// `NotFound` for an actor that is not live; a storage error.
    pub fn possibilities(&self, actor_id: &str, limit: u32) -> Result<Vec<Possibility>> {
        let (from, rid) = self.profile(actor_id)?;
        if from.needs.is_empty() && from.offers.is_empty() {
            return Ok(Vec::new());
        }
        let (m, rids) = self.short_list(&from, rid)?;
        let mut read = self.conn.prepare_cached(&format!(
            "SELECT {PROFILE_COLUMNS} FROM actors a LEFT JOIN communes c ON c.insee = a.commune_insee
             WHERE a.rid = ?1"
        ))?;
        let mut ranked = Vec::new();
        for other_rid in rids {
            let (other, place) = read.query_row([other_rid], profile_row)?;
            if let Some(a) = assess(&m, &from, &other) {
                ranked.push((a, other, place, other_rid));
            }
        }
        ranked.sort_by(|x, y| {
            y.0.score
                .cmp(&x.0.score)
                .then_with(|| x.1.name.cmp(&y.1.name))
        });
        ranked.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        let mut shared = self.conn.prepare_cached(
            "SELECT count(*) FROM partnership_parties x
             JOIN partnership_parties y ON y.partnership_rid = x.partnership_rid
             JOIN partnerships p ON p.rid = x.partnership_rid
             WHERE x.actor_rid = ?1 AND y.actor_rid = ?2 AND p.deleted_at IS NULL",
        )?;
        ranked
            .into_iter()
            .map(|(a, other, place, other_rid)| {
                let n: i64 = shared.query_row([rid, other_rid], |r| r.get(0))?;
                Ok(a.into_possibility(&from, &other, place, u32::try_from(n).unwrap_or(0)))
            })
            .collect()
    }
}

impl Store {
    /// The possibilities of live actor `actor_id` among the live actors
    /// `among` only (others, and itself, are left out), ranked as
    /// `possibilities` ranks them, best first, at most `limit`: what an
    /// event suggests each participant among the other side.
    ///
    /// # Errors
    /// `NotFound` for an `actor_id` that is not live; a storage error.
    pub fn possibilities_among(
        &self,
        actor_id: &str,
        among: &[String],
        limit: u32,
    ) -> Result<Vec<Possibility>> {
        let (from, from_rid) = self.profile(actor_id)?;
        if from.needs.is_empty() && from.offers.is_empty() {
            return Ok(Vec::new());
        }
        // The same word weights as the whole directory's ranking.
        let (m, _) = self.short_list(&from, from_rid)?;
        let mut read = self.conn.prepare_cached(&format!(
            "SELECT {PROFILE_COLUMNS}, a.rid FROM actors a LEFT JOIN communes c ON c.insee = a.commune_insee
             WHERE a.id = ?1 AND a.deleted_at IS NULL"
        ))?;
        let mut profile = |id: &str| {
            read.query_row([id], |r| Ok((profile_row(r)?, r.get::<_, i64>(9)?)))
                .optional()
        };
        let mut ranked = Vec::new();
        for id in among.iter().filter(|id| id.as_str() != actor_id) {
            let Some(((other, place), rid)) = profile(id)? else {
                continue;
            };
            if ranked.iter().any(|(_, _, _, r)| *r == rid) {
                continue;
            }
            if let Some(a) = assess(&m, &from, &other) {
                ranked.push((a, other, place, rid));
            }
        }
        ranked.sort_by(|x, y| (y.0.score, &x.1.name).cmp(&(x.0.score, &y.1.name)));
        ranked.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        let mut shared = self.conn.prepare_cached(
            "SELECT count(DISTINCT x.partnership_rid) FROM partnership_parties x
             JOIN partnership_parties y USING (partnership_rid)
             JOIN partnerships p ON p.rid = x.partnership_rid AND p.deleted_at IS NULL
             WHERE x.actor_rid = ?1 AND y.actor_rid = ?2",
        )?;
        let mut out = Vec::with_capacity(ranked.len());
        for (a, other, place, rid) in ranked {
            let n: u32 = shared.query_row([from_rid, rid], |r| r.get(0))?;
            out.push(a.into_possibility(&from, &other, place, n));
        }
        Ok(out)
    }
}

#[cfg(test)]
#[path = "possibles_among_tests.rs"]
mod among_tests;
