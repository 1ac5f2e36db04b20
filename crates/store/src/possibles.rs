//! The « champ des possibles » query: a short list of candidates found on
//! the actors' category masks (one pass over integers, no JSON), then ranked
//! precisely by `domain::possibles::assess` on their needs and offers.

use rusqlite::OptionalExtension;
use tisserand_domain::possibles::{assess, rough_score, Candidate, Profile};
use tisserand_domain::{ActorKind, Possibility};

use crate::partnership::{code_from, json};
use crate::Entity;
use crate::{Result, Store, StoreError};

/// How many candidates the masks short-list before the precise ranking.
const SHORT_LIST: u32 = 400;

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

impl Store {
    /// The `SHORT_LIST` best candidates by `rough_score`: one pass over the
    /// covering index `actors_possibles`, no actor row read.
    fn short_list(&self, from: &Profile, rid: i64, needs: i64, offers: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rid, need_mask, offer_mask, kind, commune_insee, departement_code
             FROM actors INDEXED BY actors_possibles
             WHERE deleted_at IS NULL AND rid <> ?1 AND ((offer_mask & ?2) <> 0 OR (need_mask & ?3) <> 0)",
        )?;
        let mut rows = stmt.query(rusqlite::params![rid, needs, offers])?;
        let mut scored: Vec<(u32, i64)> = Vec::new();
        while let Some(r) = rows.next()? {
            let kind = r.get_ref(3)?.as_str().unwrap_or_default();
            let candidate = Candidate {
                need_mask: r.get(1)?,
                offer_mask: r.get(2)?,
                kind: ActorKind::from_code(kind).unwrap_or(ActorKind::Autre),
                commune: r.get_ref(4)?.as_str_or_null().ok().flatten(),
                departement: r.get_ref(5)?.as_str_or_null().ok().flatten(),
            };
            let score = rough_score(from, needs, offers, &candidate);
            scored.push((score, r.get(0)?));
        }
        let keep = usize::try_from(SHORT_LIST).unwrap_or(usize::MAX);
        if scored.len() > keep {
            scored.select_nth_unstable_by(keep, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            scored.truncate(keep);
        }
        Ok(scored.into_iter().map(|(_, rid)| rid).collect())
    }

    /// The actors live actor `actor_id` could most plausibly build a
    /// partnership with: those whose offers meet its needs or whose needs
    /// its offers meet, best first, at most `limit`.
    ///
    /// # Errors
    /// `NotFound` for an actor that is not live; a storage error.
    pub fn possibilities(&self, actor_id: &str, limit: u32) -> Result<Vec<Possibility>> {
        let found = self
            .conn
            .prepare_cached(&format!(
                "SELECT {PROFILE_COLUMNS}, a.rid, a.need_mask, a.offer_mask FROM actors a
                 LEFT JOIN communes c ON c.insee = a.commune_insee
                 WHERE a.id = ?1 AND a.deleted_at IS NULL"
            ))?
            .query_row([actor_id], |r| {
                Ok((
                    profile_row(r)?.0,
                    r.get::<_, i64>(9)?,
                    r.get::<_, i64>(10)?,
                    r.get::<_, i64>(11)?,
                ))
            })
            .optional()?;
        let (from, rid, needs, offers) = found.ok_or_else(|| StoreError::NotFound {
            entity: Entity::Actor,
            id: actor_id.to_owned(),
        })?;
        if needs == 0 && offers == 0 {
            return Ok(Vec::new());
        }
        let rids = self.short_list(&from, rid, needs, offers)?;
        let mut read = self.conn.prepare_cached(&format!(
            "SELECT {PROFILE_COLUMNS} FROM actors a LEFT JOIN communes c ON c.insee = a.commune_insee
             WHERE a.rid = ?1"
        ))?;
        let mut ranked = Vec::new();
        for other_rid in rids {
            let (other, place) = read.query_row([other_rid], profile_row)?;
            if let Some(a) = assess(&from, &other) {
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
        let mut read = self.conn.prepare_cached(&format!(
            "SELECT {PROFILE_COLUMNS}, a.rid FROM actors a LEFT JOIN communes c ON c.insee = a.commune_insee
             WHERE a.id = ?1 AND a.deleted_at IS NULL"
        ))?;
        let mut profile = |id: &str| {
            read.query_row([id], |r| Ok((profile_row(r)?, r.get::<_, i64>(9)?)))
                .optional()
        };
        let ((from, _), from_rid) = profile(actor_id)?.ok_or_else(|| StoreError::NotFound {
            entity: Entity::Actor,
            id: actor_id.to_owned(),
        })?;
        let mut ranked = Vec::new();
        for id in among.iter().filter(|id| id.as_str() != actor_id) {
            let Some(((other, place), rid)) = profile(id)? else {
                continue;
            };
            if ranked.iter().any(|(_, _, _, r)| *r == rid) {
                continue;
            }
            if let Some(a) = assess(&from, &other) {
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
