//! The room clock: stored as the room last left it, with the rounds it
//! started.

use rusqlite::params;
use tisserand_domain::event::{Event, RoomClock};

use super::{live_event, to_json};
use crate::partnership::json;
use crate::{now, Result, Store};

impl Store {
    /// The room clock as stored (`None` before the room first started).
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn event_room(&self, event_id: &str) -> Result<(Event, Option<RoomClock>)> {
        let (rid, event) = live_event(&self.conn, event_id)?;
        let room: Option<String> =
            self.conn
                .query_row("SELECT room FROM events WHERE rid = ?1", [rid], |r| {
                    r.get(0)
                })?;
        Ok((event, room.as_deref().map(json::<RoomClock>).transpose()?))
    }

    /// Stores the room clock and raises the rounds held to `started_rounds`
    /// (never lowers it). Does not bump the version when only the clock
    /// moved, so an open edit form is not refused because time passed.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn set_event_room(
        &mut self,
        event_id: &str,
        clock: &RoomClock,
        started_rounds: u32,
    ) -> Result<Event> {
        self.with_tx(|tx| {
            let (rid, event) = live_event(tx, event_id)?;
            tx.execute(
                "UPDATE events SET room = ?2 WHERE rid = ?1",
                params![rid, to_json(clock)?],
            )?;
            if started_rounds > event.played_rounds {
                tx.execute(
                    "UPDATE events SET played_rounds = ?2, version = version + 1, updated_at = ?3 WHERE rid = ?1",
                    params![rid, started_rounds.min(event.rounds), now()],
                )?;
            }
            Ok(())
        })?;
        self.event(event_id)
    }
}
