-- 0001: the actor directory. Append-only: never edit a migration that has
-- shipped; add a new numbered file instead.

-- Reference data: French communes and their areas, loaded from the embedded
-- referential (assets/communes/communes.tsv). Replaced wholesale when the
-- referential changes; not user data, so no tombstones.
CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE departements (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    region_code TEXT NOT NULL
);

CREATE TABLE epcis (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE communes (
    insee TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    postal_codes TEXT NOT NULL,
    departement_code TEXT NOT NULL,
    epci_code TEXT
);
CREATE INDEX communes_name_key ON communes (name_key);

-- User data. `rid` is the stable integer key used by the search index and
-- joins; `id` (UUID v7) is the identity shown outside the database.
CREATE TABLE actors (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    siren TEXT,
    siret TEXT,
    rna TEXT,
    address TEXT,
    commune_insee TEXT,
    departement_code TEXT,
    sector TEXT,
    size_band TEXT,
    website TEXT,
    needs TEXT NOT NULL DEFAULT '[]',
    offers TEXT NOT NULL DEFAULT '[]',
    stakes TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX actors_live_sort ON actors (sort_key) WHERE deleted_at IS NULL;
CREATE INDEX actors_kind_sort ON actors (kind, sort_key) WHERE deleted_at IS NULL;
CREATE INDEX actors_commune_sort ON actors (commune_insee, sort_key) WHERE deleted_at IS NULL;
CREATE INDEX actors_departement_sort ON actors (departement_code, sort_key) WHERE deleted_at IS NULL;
CREATE INDEX actors_siren ON actors (siren) WHERE siren IS NOT NULL;
CREATE INDEX actors_rna ON actors (rna) WHERE rna IS NOT NULL;

-- Derived from actors.tags (which is the truth) for fast filtering and
-- counting; rebuilt by the store on every write of an actor, and holding
-- live actors only (a soft delete removes their rows, a restore rewrites them).
CREATE TABLE actor_tags (
    tag_key TEXT NOT NULL,
    actor_rid INTEGER NOT NULL REFERENCES actors (rid) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (tag_key, actor_rid)
) WITHOUT ROWID;
CREATE INDEX actor_tags_actor ON actor_tags (actor_rid);

CREATE TABLE contacts (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    actor_rid INTEGER REFERENCES actors (rid),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    role TEXT,
    email TEXT,
    phone TEXT,
    legal_basis TEXT NOT NULL,
    source TEXT,
    informed_on TEXT,
    consents TEXT NOT NULL DEFAULT '[]',
    last_initiated_on TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX contacts_actor ON contacts (actor_rid, sort_key) WHERE deleted_at IS NULL;
CREATE INDEX contacts_email ON contacts (email) WHERE email IS NOT NULL;

-- Key/value facts about this database (demo loaded, referential version…).
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);

-- Full-text search, accent- and case-insensitive, with prefix indexes for
-- search-as-you-type. rowid = actors.rid / contacts.rid. Kept in sync by the
-- store in the same transaction as every write.
CREATE VIRTUAL TABLE actors_fts USING fts5 (
    name, place, tags, resources, notes,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3',
    detail = column
);
CREATE VIRTUAL TABLE contacts_fts USING fts5 (
    name, organisation, details,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3',
    detail = column
);
