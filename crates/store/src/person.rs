//! Personal-data requests about one person (a contact): where they appear,
//! for the right of access, and the erasure that removes them from
//! contacts, partnerships, notes and timelines, leaving only a record that
//! an erasure took place.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use tisserand_domain::text::{fold, fold_with_offsets};
use tisserand_domain::{Contact, Party, TimelineEntry, TimelineFact};

use crate::Entity;
use crate::{new_id, now, Result, Store, StoreError};

/// What replaces a person's name in texts after an erasure.
pub const ERASED: &str = "[personne effacée]";

/// A text that mentions the person.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mention {
    /// `partnership`, `actor` or `contact`.
    pub entity: String,
    pub id: String,
    /// The partnership's title, the actor's or contact's name.
    pub title: String,
    /// `timeline`, `summary` or `notes`.
    pub field: String,
    /// The text as French words it (a timeline entry) or as typed.
    pub text: String,
    pub at: Option<String>,
    /// A timeline entry as data, for a reader to word in their language.
    pub fact: Option<TimelineFact>,
    /// For a speed-dating meeting's notes: its round and table.
    pub meeting: Option<(u32, u32)>,
}

/// A partnership that names the person as its party's contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedIn {
    pub id: String,
    pub title: String,
    pub stage: String,
    pub role: String,
}

/// An erasure, as recorded (no personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErasureRecord {
    pub id: String,
    pub entity: String,
    pub erased_at: String,
    pub records: u32,
}

/// Finds `needles` in `text` as the search does, folded by
/// `domain::text::fold` (case, accents, « œ », apostrophes, no-break
/// spaces aside): « Anne Schœller » is found in « ANNE\u{a0}SCHOELLER ».
/// Returns the byte ranges in `text`, sorted.
fn find_all(text: &str, needles: &[String]) -> Vec<(usize, usize)> {
    let (folded, offsets) = fold_with_offsets(text);
    let end_of = |at: usize| {
        text[at..]
            .chars()
            .next()
            .map_or(text.len(), |c| at + c.len_utf8())
    };
    let mut found = Vec::new();
    for needle in needles.iter().map(|n| fold(n)) {
        if needle.chars().count() < 3 {
            continue;
        }
        for (at, m) in folded.match_indices(needle.as_str()) {
            found.push((offsets[at], end_of(offsets[at + m.len() - 1])));
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// `text` with every needle (folded, as `find_all` finds it) replaced by
/// [`ERASED`].
#[must_use]
pub fn scrub(text: &str, needles: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in find_all(text, needles) {
        if start < last {
            continue;
        }
        out.push_str(&text[last..start]);
        out.push_str(ERASED);
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

fn mentions(text: &str, needles: &[String]) -> bool {
    !find_all(text, needles).is_empty()
}

/// The contact `id`, live or deleted: its integer key.
fn any_contact_rid(tx: &rusqlite::Connection, id: &str) -> Result<i64> {
    tx.query_row("SELECT rid FROM contacts WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            entity: Entity::Contact,
            id: id.to_owned(),
        })
}

impl Store {
    /// A contact, live or deleted (personal-data requests cover both).
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn any_contact(&self, id: &str) -> Result<Contact> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {} FROM contacts k LEFT JOIN actors a ON a.rid = k.actor_rid WHERE k.id = ?1",
                    crate::contact::CONTACT_COLUMNS
                ),
                [id],
                crate::contact::contact_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                entity: Entity::Contact,
                id: id.to_owned(),
            })
    }

    /// Contacts merged into `id` (the same person, recorded twice).
    ///
    /// # Errors
    /// A storage error.
    pub fn merged_into(&self, id: &str) -> Result<Vec<Contact>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM contacts k LEFT JOIN actors a ON a.rid = k.actor_rid WHERE k.merged_into = ?1",
            crate::contact::CONTACT_COLUMNS
        ))?;
        let rows = stmt.query_map([id], crate::contact::contact_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The partnerships naming contact `id` as a party's person.
    ///
    /// # Errors
    /// A storage error.
    pub fn partnerships_naming(&self, id: &str) -> Result<Vec<NamedIn>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, title, stage, parties FROM partnerships WHERE instr(parties, ?1) > 0 AND deleted_at IS NULL",
        )?;
        let needle = format!("\"{id}\"");
        let rows: Vec<(String, String, String, String)> = stmt
            .query_map([&needle], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut found = Vec::new();
        for (pid, title, stage, parties) in rows {
            let parties: Vec<Party> =
                serde_json::from_str(&parties).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            for p in parties
                .iter()
                .filter(|p| p.contact_id.as_deref() == Some(id))
            {
                found.push(NamedIn {
                    id: pid.clone(),
                    title: title.clone(),
                    stage: stage.clone(),
                    role: p.role.code().to_owned(),
                });
            }
        }
        Ok(found)
    }

    /// The texts (timelines, summaries, notes) that mention any of
    /// `needles` (the person's name, e-mail, phone), folded (`find_all`).
    ///
    /// # Errors
    /// A storage error.
    pub fn mentions_of(&self, needles: &[String], except_contact: &str) -> Result<Vec<Mention>> {
        let mut found = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT id, title, summary, timeline FROM partnerships WHERE deleted_at IS NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, title): (String, String) = (r.get(0)?, r.get(1)?);
            if let Some(summary) = r
                .get::<_, Option<String>>(2)?
                .filter(|s| mentions(s, needles))
            {
                found.push(Mention {
                    entity: "partnership".into(),
                    id: id.clone(),
                    title: title.clone(),
                    field: "summary".into(),
                    text: summary,
                    at: None,
                    fact: None,
                    meeting: None,
                });
            }
            let timeline: String = r.get(3)?;
            if mentions(&timeline, needles) {
                let entries: Vec<TimelineEntry> = serde_json::from_str(&timeline)
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                for e in entries {
                    let text = e.text_fr();
                    if !mentions(&text, needles) {
                        continue;
                    }
                    found.push(Mention {
                        entity: "partnership".into(),
                        id: id.clone(),
                        title: title.clone(),
                        field: "timeline".into(),
                        text,
                        at: Some(e.at.to_rfc3339()),
                        fact: Some(e.fact),
                        meeting: None,
                    });
                }
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT 'actor', id, name, notes, NULL, NULL FROM actors
             WHERE notes IS NOT NULL AND deleted_at IS NULL
             UNION ALL
             SELECT 'event', e.id, e.name,
                    coalesce(m.seated_note, '') || char(10) || coalesce(m.visitor_note, ''),
                    m.round, m.table_no
             FROM event_meetings m JOIN events e ON e.rid = m.event_rid
             WHERE (m.seated_note IS NOT NULL OR m.visitor_note IS NOT NULL) AND e.deleted_at IS NULL
             UNION ALL
             SELECT 'contact', id, trim(first_name || ' ' || last_name), notes, NULL, NULL FROM contacts
             WHERE notes IS NOT NULL AND deleted_at IS NULL AND id <> ?1",
        )?;
        let mut rows = stmt.query([except_contact])?;
        while let Some(r) = rows.next()? {
            let notes: String = r.get(3)?;
            if mentions(&notes, needles) {
                let round: Option<u32> = r.get(4)?;
                let table: Option<u32> = r.get(5)?;
                found.push(Mention {
                    entity: r.get(0)?,
                    id: r.get(1)?,
                    title: r.get(2)?,
                    field: "notes".into(),
                    text: notes,
                    at: None,
                    fact: None,
                    meeting: round.zip(table),
                });
            }
        }
        Ok(found)
    }

    /// Erases contact `id` (live or deleted) and the duplicates merged into
    /// it: their rows and search rows go, partnerships no longer name them,
    /// `needles` are replaced by « [personne effacée] » in timelines,
    /// summaries and notes, merges that remember them can no longer be
    /// undone. Leaves one erasure record. Returns how many records changed.
    ///
    /// # Errors
    /// `NotFound`; a storage error (nothing changed).
    pub fn erase_contact(&mut self, id: &str, needles: &[String]) -> Result<u32> {
        self.with_tx(|tx| {
            let rid = any_contact_rid(tx, id)?;
            let mut ids: Vec<String> = tx
                .prepare("SELECT id FROM contacts WHERE merged_into = ?1")?
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.push(id.to_owned());
            let mut records = 0u32;
            records += unname_in_partnerships(tx, &ids)?;
            records += scrub_texts(tx, needles, rid)?;
            for cid in &ids {
                let crid = any_contact_rid(tx, cid)?;
                // Their events keep the organisation's participation, not the person.
                records += u32::try_from(tx.execute(
                    "UPDATE event_participants SET contact_rid = NULL WHERE contact_rid = ?1",
                    [crid],
                )?)
                .unwrap_or(0);
                tx.execute("DELETE FROM contacts_fts WHERE rowid = ?1", [crid])?;
                tx.execute("DELETE FROM contacts WHERE rid = ?1", [crid])?;
                records += 1;
                tx.execute("DELETE FROM merges WHERE instr(undo, ?1) > 0 OR kept_id = ?1 OR merged_id = ?1", [cid])?;
                tx.execute("DELETE FROM duplicate_dismissals WHERE a_id = ?1 OR b_id = ?1", [cid])?;
            }
            tx.execute(
                "INSERT INTO erasures (id, entity, erased_at, records) VALUES (?1, 'contact', ?2, ?3)",
                params![new_id(), now(), records],
            )?;
            Ok(records)
        })
    }

    /// The erasures that took place, newest first.
    ///
    /// # Errors
    /// A storage error.
    pub fn erasures(&self) -> Result<Vec<ErasureRecord>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, entity, erased_at, records FROM erasures ORDER BY rid DESC")?;
        let rows = stmt.query_map([], |r| {
            Ok(ErasureRecord {
                id: r.get(0)?,
                entity: r.get(1)?,
                erased_at: r.get(2)?,
                records: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Partnerships naming any of `ids` as a party's person name nobody instead.
fn unname_in_partnerships(tx: &Transaction<'_>, ids: &[String]) -> Result<u32> {
    let mut touched = 0;
    for id in ids {
        let needle = format!("\"{id}\"");
        let rows: Vec<(i64, String)> = tx
            .prepare("SELECT rid, parties FROM partnerships WHERE instr(parties, ?1) > 0")?
            .query_map([&needle], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (rid, parties) in rows {
            let mut parties: Vec<Party> =
                serde_json::from_str(&parties).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            for p in &mut parties {
                if p.contact_id.as_deref() == Some(id.as_str()) {
                    p.contact_id = None;
                }
            }
            tx.execute(
                "UPDATE partnerships SET parties = ?2, updated_at = ?3, version = version + 1 WHERE rid = ?1",
                params![rid, serde_json::to_string(&parties).map_err(|e| StoreError::Corrupt(e.to_string()))?, now()],
            )?;
            touched += 1;
        }
    }
    Ok(touched)
}

/// Replaces the needles in partnerships' timelines and summaries, in
/// actors' and other contacts' notes, and in events' and their meetings'
/// notes; returns how many records changed.
fn scrub_texts(tx: &Transaction<'_>, needles: &[String], contact_rid: i64) -> Result<u32> {
    Ok(scrub_partnerships(tx, needles)?
        + scrub_actor_notes(tx, needles)?
        + scrub_contact_notes(tx, needles, contact_rid)?
        + scrub_meeting_notes(tx, needles)?
        + scrub_event_notes(tx, needles)?)
}

/// Partnerships' summaries and the texts of their timelines.
fn scrub_partnerships(tx: &Transaction<'_>, needles: &[String]) -> Result<u32> {
    let mut touched = 0;
    let rows: Vec<(i64, Option<String>, String)> = tx
        .prepare("SELECT rid, summary, timeline FROM partnerships")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (rid, summary, timeline) in rows {
        let summary_hit = summary.as_deref().is_some_and(|s| mentions(s, needles));
        if !summary_hit && !mentions(&timeline, needles) {
            continue;
        }
        let mut entries: Vec<TimelineEntry> =
            serde_json::from_str(&timeline).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        for e in &mut entries {
            for text in e.fact.texts_mut() {
                *text = scrub(text, needles);
            }
        }
        tx.execute(
            "UPDATE partnerships SET summary = ?2, timeline = ?3, updated_at = ?4, version = version + 1 WHERE rid = ?1",
            params![
                rid,
                summary.map(|s| scrub(&s, needles)),
                serde_json::to_string(&entries).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                now()
            ],
        )?;
        touched += 1;
    }
    Ok(touched)
}

/// Actors' notes (live actors are indexed again).
fn scrub_actor_notes(tx: &Transaction<'_>, needles: &[String]) -> Result<u32> {
    let mut touched = 0;
    let actors: Vec<(i64, String, bool)> = tx
        .prepare("SELECT rid, notes, deleted_at IS NULL FROM actors WHERE notes IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (rid, notes, live) in actors.into_iter().filter(|(_, n, _)| mentions(n, needles)) {
        tx.execute(
            "UPDATE actors SET notes = ?2, updated_at = ?3 WHERE rid = ?1",
            params![rid, scrub(&notes, needles), now()],
        )?;
        if live {
            crate::actor::reindex_actor(tx, rid)?;
        }
        touched += 1;
    }
    Ok(touched)
}

/// The notes of contacts other than `contact_rid`.
fn scrub_contact_notes(tx: &Transaction<'_>, needles: &[String], contact_rid: i64) -> Result<u32> {
    let mut touched = 0;
    let contacts: Vec<(i64, String)> = tx
        .prepare("SELECT rid, notes FROM contacts WHERE notes IS NOT NULL AND rid <> ?1")?
        .query_map([contact_rid], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (rid, notes) in contacts.into_iter().filter(|(_, n)| mentions(n, needles)) {
        tx.execute(
            "UPDATE contacts SET notes = ?2, updated_at = ?3 WHERE rid = ?1",
            params![rid, scrub(&notes, needles), now()],
        )?;
        crate::contact::reindex_contact(tx, rid)?;
        touched += 1;
    }
    Ok(touched)
}

/// The notes taken at events' meetings.
fn scrub_meeting_notes(tx: &Transaction<'_>, needles: &[String]) -> Result<u32> {
    let mut touched = 0;
    let meetings: Vec<(i64, Option<String>, Option<String>)> = tx
        .prepare("SELECT rid, seated_note, visitor_note FROM event_meetings WHERE seated_note IS NOT NULL OR visitor_note IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (rid, seated, visitor) in meetings {
        let hit = |n: &Option<String>| n.as_deref().is_some_and(|n| mentions(n, needles));
        if hit(&seated) || hit(&visitor) {
            tx.execute(
                "UPDATE event_meetings SET seated_note = ?2, visitor_note = ?3 WHERE rid = ?1",
                params![
                    rid,
                    seated.map(|n| scrub(&n, needles)),
                    visitor.map(|n| scrub(&n, needles))
                ],
            )?;
            touched += 1;
        }
    }
    Ok(touched)
}

/// Events' notes.
fn scrub_event_notes(tx: &Transaction<'_>, needles: &[String]) -> Result<u32> {
    let mut touched = 0;
    let events: Vec<(i64, String)> = tx
        .prepare("SELECT rid, notes FROM events WHERE notes IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (rid, notes) in events.into_iter().filter(|(_, n)| mentions(n, needles)) {
        tx.execute(
            "UPDATE events SET notes = ?2, updated_at = ?3, version = version + 1 WHERE rid = ?1",
            params![rid, scrub(&notes, needles), now()],
        )?;
        touched += 1;
    }
    Ok(touched)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrub_replaces_any_case_and_keeps_the_rest() {
        let needles = vec!["Marie Dupont".to_owned(), "marie@example.org".to_owned()];
        assert_eq!(
            scrub(
                "Appel avec MARIE DUPONT (marie@Example.org) : ok.",
                &needles
            ),
            "Appel avec [personne effacée] ([personne effacée]) : ok."
        );
        assert_eq!(
            scrub("Rien à voir, Marie.", &needles),
            "Rien à voir, Marie."
        );
        assert_eq!(
            scrub("Élodie Éluard", &["élodie éluard".to_owned()]),
            ERASED
        );
    }

    #[test]
    fn a_name_is_erased_however_it_was_typed() {
        let needles = ["Anne Schœller".to_owned(), "Schœller Anne".to_owned()];
        let text = "Vu ANNE\u{a0}SCHOELLER, puis anne schœller ; Schoeller  Anne rappelle. Anne Schmitt reste.";
        assert_eq!(
            scrub(text, &needles),
            format!("Vu {ERASED}, puis {ERASED} ; {ERASED} rappelle. Anne Schmitt reste.")
        );
        // Characters around the name stay as typed.
        assert_eq!(
            scrub("«\u{a0}Anne Schœller\u{a0}»", &needles),
            format!("«\u{a0}{ERASED}\u{a0}»")
        );
        assert_eq!(scrub("Rien à voir.", &needles), "Rien à voir.");
    }
}
