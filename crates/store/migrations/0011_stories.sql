-- 0011: « belles histoires ». A story belongs to a partnership; its quotes
-- and linked indicator names are JSON arrays in its own row (like the
-- partnership's children, see 0002). Its photos are rows of their own that
-- hold the resized image itself (a JPEG BLOB) and a small thumbnail, so
-- that a backup or a copy of the database keeps them. Both are soft-deleted
-- (deleted_at) and can be restored. New tables only: no existing data moves.
CREATE TABLE stories (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    partnership_rid INTEGER NOT NULL REFERENCES partnerships(rid),
    headline TEXT NOT NULL,
    need TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '',
    change TEXT NOT NULL DEFAULT '',
    indicators TEXT NOT NULL DEFAULT '[]',
    quotes TEXT NOT NULL DEFAULT '[]',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX stories_by_partnership ON stories(partnership_rid, created_at);

CREATE TABLE story_photos (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    story_rid INTEGER NOT NULL REFERENCES stories(rid),
    caption TEXT NOT NULL DEFAULT '',
    credit TEXT NOT NULL DEFAULT '',
    publishable INTEGER NOT NULL DEFAULT 0,
    file_name TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    image BLOB NOT NULL,
    thumbnail BLOB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX story_photos_by_story ON story_photos(story_rid, rid);
