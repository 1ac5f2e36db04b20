-- 0005: speed-dating events. Append-only: never edit a migration that has
-- shipped; add a new numbered file instead.
--
-- An event's participants, wishes and meetings are child tables (not JSON
-- in the event row like a partnership's children): they are queried across
-- events (an actor's history, merges, erasure, the year's funnel), the
-- capture grid writes one meeting at a time while the room window reads the
-- plan, and a plan for 150 × 150 over 15 rounds is ~2,000 meetings.

CREATE TABLE events (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    date TEXT NOT NULL,
    venue TEXT,
    start_time TEXT NOT NULL,
    round_minutes INTEGER NOT NULL,
    changeover_minutes INTEGER NOT NULL,
    rounds INTEGER NOT NULL,
    tables INTEGER NOT NULL,
    -- JSON [{ "afterRound": k, "minutes": m }], sorted by round.
    breaks TEXT NOT NULL DEFAULT '[]',
    -- Which side stays seated: 'associations' or 'entreprises'.
    seated_side TEXT NOT NULL,
    -- Pairs already in a partnership may meet only when this is 1.
    allow_partners INTEGER NOT NULL DEFAULT 0,
    -- Rounds already held (1..played_rounds never change on a re-plan).
    played_rounds INTEGER NOT NULL DEFAULT 0,
    -- The last plan's objective and bound (JSON), NULL before any plan.
    plan_summary TEXT,
    planned_at TEXT,
    -- The room clock (JSON, see domain::event::RoomClock), NULL before the
    -- room first starts.
    room TEXT,
    notes TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX events_live_date ON events (date, sort_key) WHERE deleted_at IS NULL;

-- One row per actor taking part. Not UNIQUE on (event, actor): a merge of
-- two actors who both came keeps both participations (history is history);
-- adding the same actor twice is refused by the app.
CREATE TABLE event_participants (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    event_rid INTEGER NOT NULL REFERENCES events (rid) ON DELETE CASCADE,
    actor_rid INTEGER NOT NULL REFERENCES actors (rid),
    contact_rid INTEGER REFERENCES contacts (rid),
    -- 'associations' or 'entreprises' (the side, not the actor's kind).
    side TEXT NOT NULL,
    -- The seated side's table (NULL: assigned at planning).
    table_no INTEGER,
    -- 'expected', 'present' or 'absent'.
    presence TEXT NOT NULL DEFAULT 'expected',
    quick_added INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL
);
CREATE INDEX event_participants_event ON event_participants (event_rid);
CREATE INDEX event_participants_actor ON event_participants (actor_rid);
CREATE INDEX event_participants_contact ON event_participants (contact_rid)
    WHERE contact_rid IS NOT NULL;

CREATE TABLE event_wishes (
    event_rid INTEGER NOT NULL REFERENCES events (rid) ON DELETE CASCADE,
    from_rid INTEGER NOT NULL REFERENCES event_participants (rid) ON DELETE CASCADE,
    to_rid INTEGER NOT NULL REFERENCES event_participants (rid) ON DELETE CASCADE,
    -- 'must', 'would' or 'no'.
    level TEXT NOT NULL,
    PRIMARY KEY (from_rid, to_rid)
) WITHOUT ROWID;
CREATE INDEX event_wishes_event ON event_wishes (event_rid);
CREATE INDEX event_wishes_to ON event_wishes (to_rid);

CREATE TABLE event_meetings (
    rid INTEGER PRIMARY KEY,
    event_rid INTEGER NOT NULL REFERENCES events (rid) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    table_no INTEGER NOT NULL,
    seated_rid INTEGER NOT NULL REFERENCES event_participants (rid),
    visitor_rid INTEGER NOT NULL REFERENCES event_participants (rid),
    -- « À revoir » ticks and notes of each side, entered after the meeting.
    seated_tick INTEGER NOT NULL DEFAULT 0,
    visitor_tick INTEGER NOT NULL DEFAULT 0,
    seated_note TEXT,
    visitor_note TEXT,
    -- The partnership lead created from a mutual tick.
    partnership_rid INTEGER REFERENCES partnerships (rid),
    UNIQUE (event_rid, round, table_no)
);
CREATE INDEX event_meetings_seated ON event_meetings (seated_rid);
CREATE INDEX event_meetings_visitor ON event_meetings (visitor_rid);
CREATE INDEX event_meetings_partnership ON event_meetings (partnership_rid)
    WHERE partnership_rid IS NOT NULL;

-- One-sided ticks become follow-up actions: `actor_rid` wants to see
-- `other_rid` again; the facilitator follows up and marks it done.
CREATE TABLE event_followups (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    event_rid INTEGER NOT NULL REFERENCES events (rid) ON DELETE CASCADE,
    meeting_rid INTEGER NOT NULL UNIQUE REFERENCES event_meetings (rid) ON DELETE CASCADE,
    actor_rid INTEGER NOT NULL REFERENCES actors (rid),
    other_rid INTEGER NOT NULL REFERENCES actors (rid),
    due TEXT NOT NULL,
    done_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX event_followups_open ON event_followups (due) WHERE done_at IS NULL;
CREATE INDEX event_followups_actor ON event_followups (actor_rid);
CREATE INDEX event_followups_other ON event_followups (other_rid);
