-- Réglages (issue 19). The settings themselves are one JSON value in `meta`
-- (key `settings`); the organisation's logo, a JPEG prepared from the file
-- chosen, is its own row (one at most), kept by backups like the rest.
CREATE TABLE organisation_logo (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    image BLOB NOT NULL,
    -- The name of the file it came from, to show in Réglages.
    file_name TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
