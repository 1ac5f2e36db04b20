-- 0004: bringing data in and out safely. Imports remember which rows they
-- created (so one action undoes them), merges keep what they replaced (so
-- a merge can be undone), erasures leave a record without personal data,
-- and the column mapping a person chose is remembered by header name.
-- Append-only: never edit once shipped.

CREATE TABLE imports (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    format TEXT NOT NULL,
    rows INTEGER NOT NULL DEFAULT 0,
    actors INTEGER NOT NULL DEFAULT 0,
    contacts INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    undone_at TEXT
);

ALTER TABLE actors ADD COLUMN import_rid INTEGER REFERENCES imports (rid);
ALTER TABLE contacts ADD COLUMN import_rid INTEGER REFERENCES imports (rid);
CREATE INDEX actors_import ON actors (import_rid) WHERE import_rid IS NOT NULL;
CREATE INDEX contacts_import ON contacts (import_rid) WHERE import_rid IS NOT NULL;

-- The field a column was mapped to, keyed by its folded header text.
CREATE TABLE import_mappings (
    header_key TEXT PRIMARY KEY,
    field TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- A merge of two actors or two contacts. `undo` holds, as JSON, every row
-- the merge changed as it was before, and what it changed them to.
CREATE TABLE merges (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL,
    kept_id TEXT NOT NULL,
    merged_id TEXT NOT NULL,
    undo TEXT NOT NULL,
    created_at TEXT NOT NULL,
    undone_at TEXT
);
CREATE INDEX merges_recent ON merges (created_at);
ALTER TABLE actors ADD COLUMN merged_into TEXT;
ALTER TABLE contacts ADD COLUMN merged_into TEXT;

-- Pairs a person said are not duplicates: never proposed again.
CREATE TABLE duplicate_dismissals (
    entity TEXT NOT NULL,
    a_id TEXT NOT NULL,
    b_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (entity, a_id, b_id)
) WITHOUT ROWID;

-- That an erasure took place (right to erasure), without who it was.
CREATE TABLE erasures (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL,
    erased_at TEXT NOT NULL,
    records INTEGER NOT NULL
);
