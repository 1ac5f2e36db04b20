//! Who takes part in an event: adding (from the directory or at the door),
//! removing, and changing a participant's presence, side or table.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Transaction};
use tisserand_domain::actor::ValidActor;
use tisserand_domain::contact::ValidContact;
use tisserand_domain::event::{Event, EventSide, Presence};

use super::{held_meetings, live_event, participant_rid, rule, touch};
use crate::actor::{insert_actor_in, live_actor_rid, PlaceCache};
use crate::contact::{insert_contact_in, live_contact_rid};
use crate::{new_id, now, Result, Store};

impl Store {
    /// Adds live actor `actor_id` to the event on `side`, with the contact
    /// who comes. Refused when the actor already takes part.
    ///
    /// # Errors
    /// `NotFound` (event, actor, or a contact not of that actor), `Rule`; a
    /// storage error.
    pub fn add_participant(
        &mut self,
        event_id: &str,
        actor_id: &str,
        side: EventSide,
        contact_id: Option<&str>,
    ) -> Result<String> {
        self.with_tx(|tx| {
            let (event_rid, _) = live_event(tx, event_id)?;
            let actor_rid = live_actor_rid(tx, actor_id)?;
            add_participant_in(tx, event_rid, actor_rid, side, contact_id, false)
        })
    }

    /// Quick-add at the door: creates a minimal actor (and its contact
    /// person when given) and adds it, in one transaction.
    ///
    /// # Errors
    /// `NotFound` for the event; a storage error.
    pub fn quick_add_participant(
        &mut self,
        event_id: &str,
        actor: &ValidActor,
        contact: Option<&ValidContact>,
        side: EventSide,
    ) -> Result<String> {
        self.with_tx(|tx| {
            let (event_rid, _) = live_event(tx, event_id)?;
            let actor_id = insert_actor_in(tx, actor, &mut PlaceCache::new(), None)?;
            let actor_rid = live_actor_rid(tx, &actor_id)?;
            let contact_id = match contact {
                Some(c) => {
                    let c = ValidContact {
                        actor_id: Some(actor_id.clone()),
                        ..c.clone()
                    };
                    Some(insert_contact_in(tx, &c, &mut HashMap::new(), None)?)
                }
                None => None,
            };
            add_participant_in(tx, event_rid, actor_rid, side, contact_id.as_deref(), true)
        })
    }

    /// Removes a participant who has not met anyone yet in a held round;
    /// their wishes and planned meetings go with them.
    ///
    /// # Errors
    /// `NotFound`, `Rule` (already met someone); a storage error.
    pub fn remove_participant(&mut self, event_id: &str, participant_id: &str) -> Result<()> {
        self.with_tx(|tx| {
            let (event_rid, event) = live_event(tx, event_id)?;
            let prid = participant_rid(tx, event_rid, participant_id)?;
            let held = held_meetings(tx, event_rid, event.played_rounds, prid, false)?;
            if held > 0 {
                return Err(rule(
                    "participant",
                    "Ce participant a déjà fait des rencontres : marquez-le absent plutôt que de le retirer.",
                    "This participant already met people: mark them absent instead.",
                ));
            }
            tx.execute(
                "DELETE FROM event_meetings WHERE event_rid = ?1 AND (seated_rid = ?2 OR visitor_rid = ?2)",
                params![event_rid, prid],
            )?;
            tx.execute("DELETE FROM event_participants WHERE rid = ?1", [prid])?;
            touch(tx, event_rid)
        })
    }

    /// Changes a participant's presence, table or side (each when given).
    /// A table already taken by someone else on the seated side is refused.
    ///
    /// # Errors
    /// `NotFound`, `Rule`; a storage error.
    pub fn set_participant(
        &mut self,
        event_id: &str,
        participant_id: &str,
        presence: Option<Presence>,
        table: Option<Option<u32>>,
        side: Option<EventSide>,
    ) -> Result<()> {
        self.with_tx(|tx| {
            let (event_rid, event) = live_event(tx, event_id)?;
            let prid = participant_rid(tx, event_rid, participant_id)?;
            if let Some(p) = presence {
                set_presence(tx, prid, p)?;
            }
            if let Some(side) = side {
                change_side(tx, event_rid, &event, prid, side)?;
            }
            if let Some(table) = table {
                change_table(tx, event_rid, &event, prid, table)?;
            }
            touch(tx, event_rid)
        })
    }

    /// Pairs of participants (seated, visitor) whose actors are already
    /// parties of the same live, not abandoned partnership.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn event_partner_pairs(&self, event_id: &str) -> Result<Vec<(String, String)>> {
        let (rid, event) = live_event(&self.conn, event_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT s.id, v.id FROM event_participants s
             JOIN event_participants v ON v.event_rid = s.event_rid AND v.side <> s.side
             JOIN partnership_parties ps ON ps.actor_rid = s.actor_rid
             JOIN partnership_parties pv ON pv.actor_rid = v.actor_rid AND pv.partnership_rid = ps.partnership_rid
             JOIN partnerships pa ON pa.rid = ps.partnership_rid AND pa.deleted_at IS NULL AND pa.stage <> 'abandonne'
             WHERE s.event_rid = ?1 AND s.side = ?2
             ORDER BY s.rid, v.rid",
        )?;
        let rows = stmt.query_map(params![rid, event.seated_side.code()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn add_participant_in(
    tx: &Transaction<'_>,
    event_rid: i64,
    actor_rid: i64,
    side: EventSide,
    contact_id: Option<&str>,
    quick_added: bool,
) -> Result<String> {
    let already: Option<String> = tx
        .query_row(
            "SELECT a.name FROM event_participants p JOIN actors a ON a.rid = p.actor_rid
             WHERE p.event_rid = ?1 AND p.actor_rid = ?2",
            params![event_rid, actor_rid],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(name) = already {
        return Err(rule(
            "actor",
            format!("« {name} » participe déjà à cet événement."),
            format!("{name} already takes part in this event."),
        ));
    }
    let contact_rid = match contact_id {
        Some(c) => {
            let rid = live_contact_rid(tx, c)?;
            let of_actor: bool = tx.query_row(
                "SELECT actor_rid = ?2 FROM contacts WHERE rid = ?1",
                params![rid, actor_rid],
                |r| r.get::<_, Option<bool>>(0).map(|b| b.unwrap_or(false)),
            )?;
            if !of_actor {
                return Err(rule(
                    "contact",
                    "Ce contact n'appartient pas à cet acteur.",
                    "This contact is not of this actor.",
                ));
            }
            Some(rid)
        }
        None => None,
    };
    let id = new_id();
    tx.execute(
        "INSERT INTO event_participants (id, event_rid, actor_rid, contact_rid, side, quick_added, presence, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?6 THEN 'present' ELSE 'expected' END, ?7)",
        params![id, event_rid, actor_rid, contact_rid, side.code(), quick_added, now()],
    )?;
    touch(tx, event_rid)?;
    Ok(id)
}

fn set_presence(tx: &Transaction<'_>, prid: i64, presence: Presence) -> Result<()> {
    tx.execute(
        "UPDATE event_participants SET presence = ?2 WHERE rid = ?1",
        params![prid, presence.code()],
    )?;
    Ok(())
}

/// Moves a participant to the other side, who has not met anyone yet: their
/// table goes, and so do their wishes toward people now on their side.
fn change_side(
    tx: &Transaction<'_>,
    event_rid: i64,
    event: &Event,
    prid: i64,
    side: EventSide,
) -> Result<()> {
    let held = held_meetings(tx, event_rid, event.played_rounds, prid, false)?;
    if held > 0 {
        return Err(rule(
            "side",
            "Ce participant a déjà fait des rencontres de ce côté : il ne peut plus changer de côté.",
            "This participant already met people on this side.",
        ));
    }
    tx.execute(
        "UPDATE event_participants SET side = ?2, table_no = NULL WHERE rid = ?1",
        params![prid, side.code()],
    )?;
    tx.execute(
        "DELETE FROM event_wishes WHERE (from_rid = ?1 OR to_rid = ?1) AND
           (SELECT side FROM event_participants WHERE rid = from_rid) =
           (SELECT side FROM event_participants WHERE rid = to_rid)",
        [prid],
    )?;
    Ok(())
}

/// Seats a participant at `table` (or lets the plan choose with `None`):
/// refused once they hosted meetings at their table in a held round, for a
/// table outside the event, or one taken by someone else.
fn change_table(
    tx: &Transaction<'_>,
    event_rid: i64,
    event: &Event,
    prid: i64,
    table: Option<u32>,
) -> Result<()> {
    let current: Option<u32> = tx.query_row(
        "SELECT table_no FROM event_participants WHERE rid = ?1",
        [prid],
        |r| r.get(0),
    )?;
    let held = held_meetings(tx, event_rid, event.played_rounds, prid, true)?;
    if held > 0 && current != table {
        return Err(rule(
            "table",
            "Ce participant a déjà reçu à sa table pendant des tours joués : il la garde jusqu'à la fin.",
            "This participant already hosted meetings at this table.",
        ));
    }
    if let Some(t) = table {
        check_table_free(tx, event_rid, event, prid, t)?;
    }
    tx.execute(
        "UPDATE event_participants SET table_no = ?2 WHERE rid = ?1",
        params![prid, table],
    )?;
    Ok(())
}

/// Table `t` exists in the event and nobody but participant `prid` sits at it.
fn check_table_free(
    tx: &Transaction<'_>,
    event_rid: i64,
    event: &Event,
    prid: i64,
    t: u32,
) -> Result<()> {
    if t == 0 || t > event.tables {
        return Err(rule(
            "table",
            format!("Les tables vont de 1 à {}.", event.tables),
            format!("Tables go from 1 to {}.", event.tables),
        ));
    }
    let taken: Option<String> = tx
        .query_row(
            "SELECT a.name FROM event_participants p JOIN actors a ON a.rid = p.actor_rid
             WHERE p.event_rid = ?1 AND p.table_no = ?2 AND p.rid <> ?3",
            params![event_rid, t, prid],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(name) = taken {
        return Err(rule(
            "table",
            format!("La table {t} est déjà celle de « {name} »."),
            format!("Table {t} is already {name}'s."),
        ));
    }
    Ok(())
}
