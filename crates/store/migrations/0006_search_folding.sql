-- 0006: one folding for the search index and its queries. Append-only:
-- never edit a migration that has shipped; add a new numbered file instead.
--
-- The search index (actors_fts, contacts_fts) held text as typed and left
-- folding to FTS5's unicode61 tokenizer, which removes accents but keeps
-- « œ » and « æ » whole, while queries were folded by domain::text::fold,
-- which spells them « oe » and « ae »: neither « coeur », « cœur » nor
-- « Cœur » found « Les Restos du Cœur du Ried ». The index now holds text
-- folded by domain::text::fold, which also reads ’ as ', dashes as -, every
-- space as one space and spells ligatures (« ﬁ ») out; sort keys, tag keys
-- and commune keys fold the same way.
--
-- The folding is Rust code that SQL cannot call, so this migration marks
-- the derived text stale and the store rebuilds all of it right after
-- migrating (Store::open, crates/store/src/refold.rs): the search index,
-- actor_tags, the sort keys of actors, contacts, partnerships and events,
-- communes.name_key. The rebuild runs in one transaction that also removes
-- the mark: a crash before its commit leaves the mark, and the next opening
-- rebuilds again from the source rows.
INSERT INTO meta (key, value, created_at, updated_at)
VALUES ('refold', '0006', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, deleted_at = NULL;
