-- 0009: the « champ des possibles » matched by meaning (issue 14).
-- Append-only: never edit once shipped.
--
-- actor_stems: for each live actor, the stems of the words of its needs
-- (side 0) and of its offers (side 1), by category, as
-- domain::possibles::words reads them (folded, stop words left out, Snowball
-- French stemmer). Derived data: written with every actor write in the same
-- transaction (crates/store/src/stems.rs), removed when the actor is
-- deleted. The ranking short-lists candidates from it: the actors whose
-- offers use a word of the explored actor's needs, or a word the lexicon
-- relates to one (and the reverse), in a compatible category.
CREATE TABLE actor_stems (
    stem TEXT NOT NULL,
    side INTEGER NOT NULL CHECK (side IN (0, 1)),
    category TEXT NOT NULL,
    actor_rid INTEGER NOT NULL REFERENCES actors (rid),
    PRIMARY KEY (stem, side, category, actor_rid)
) WITHOUT ROWID;
CREATE INDEX actor_stems_of_actor ON actor_stems (actor_rid);

-- The stemmer and the sub-categories' words are Rust code SQL cannot call:
-- as 0006 did, mark the derived data stale; the store rebuilds it right
-- after migrating (crates/store/src/refold.rs), in one transaction: the
-- stems of every live actor, and the sub-category of each existing need and
-- offer that has none, guessed from its words
-- (domain::ResourceSubcategory::guess). The text is never changed.
INSERT INTO meta (key, value, created_at, updated_at)
VALUES ('refold', '0009', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, deleted_at = NULL;
