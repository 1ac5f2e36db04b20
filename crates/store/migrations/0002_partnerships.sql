-- 0002: partnerships and their pipeline. Append-only: never edit a migration
-- that has shipped; add a new numbered file instead.
--
-- A partnership's children (parties, contributions, counterparts, next
-- actions, objectives, indicators and their measures, timeline) are JSON arrays in its own row rather than child tables:
-- they have no identity outside their partnership, are always read and edited
-- with it as one form, and are small (ITEMS_MAX each). One row means one
-- write per edit, an atomic optimistic-concurrency check on `version`, and
-- no orphan to clean up on soft delete. What must be queried across
-- partnerships gets a column (stage, primary mode) or a derived index table
-- (`partnership_parties`, for "which partnerships is this actor part of").
CREATE TABLE partnerships (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    summary TEXT,
    territory TEXT NOT NULL DEFAULT '[]',
    parties TEXT NOT NULL DEFAULT '[]',
    primary_mode TEXT,
    secondary_modes TEXT NOT NULL DEFAULT '[]',
    mecenat_kinds TEXT NOT NULL DEFAULT '[]',
    contributions TEXT NOT NULL DEFAULT '[]',
    counterparts TEXT NOT NULL DEFAULT '[]',
    facilitator TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    origin TEXT,
    next_actions TEXT NOT NULL DEFAULT '[]',
    objectives TEXT NOT NULL DEFAULT '[]',
    indicators TEXT NOT NULL DEFAULT '[]',
    stage TEXT NOT NULL,
    abandon_reason TEXT,
    stage_changed_at TEXT NOT NULL,
    timeline TEXT NOT NULL DEFAULT '[]',
    -- Optimistic concurrency: +1 on every write; an edit names the version
    -- it loaded and is refused when the row has moved on.
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
-- The board: live partnerships by stage (then title), and by primary mode.
CREATE INDEX partnerships_board ON partnerships (stage, sort_key) WHERE deleted_at IS NULL;
CREATE INDEX partnerships_mode ON partnerships (primary_mode, stage) WHERE deleted_at IS NULL;
CREATE INDEX partnerships_live_sort ON partnerships (sort_key) WHERE deleted_at IS NULL;

-- Derived from partnerships.parties (which is the truth), rewritten in the
-- same transaction as every write of a partnership; keeps rows of deleted
-- partnerships too (queries join on deleted_at), so no tombstones here.
-- The foreign key to actors keeps a party pointing at a real row.
CREATE TABLE partnership_parties (
    actor_rid INTEGER NOT NULL REFERENCES actors (rid),
    partnership_rid INTEGER NOT NULL REFERENCES partnerships (rid) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (actor_rid, partnership_rid)
) WITHOUT ROWID;
CREATE INDEX partnership_parties_partnership ON partnership_parties (partnership_rid);
