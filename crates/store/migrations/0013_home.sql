-- Accueil (issue 19). When an event's whole pack was last printed (the next
-- event's readiness says whether the printed pack matches the last plan);
-- local to this laptop, like the files it wrote.
ALTER TABLE events ADD COLUMN pack_printed_at TEXT;

-- The last records written, newest first, without reading every row.
CREATE INDEX actors_recent ON actors (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX contacts_recent ON contacts (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX partnerships_recent ON partnerships (updated_at) WHERE deleted_at IS NULL;

-- Contacts by the day their retention period starts (the last contact the
-- person initiated, or the record's creation): the reviews coming due.
CREATE INDEX contacts_review_from
    ON contacts (coalesce(last_initiated_on, substr(created_at, 1, 10)))
    WHERE deleted_at IS NULL;
