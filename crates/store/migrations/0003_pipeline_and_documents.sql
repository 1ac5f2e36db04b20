-- 0003: what the board's filters, the overview, essaimage and the « champ
-- des possibles » read, and the agreement's own text. Append-only: never
-- edit a migration that has shipped; add a new numbered file instead.
-- Adds columns and derived rows only; nothing is dropped or rewritten.

-- The earliest due date of the actions not done (derived from next_actions,
-- rewritten with it): the "overdue" filter and the "next due" sort.
ALTER TABLE partnerships ADD COLUMN next_due_on TEXT;
UPDATE partnerships SET next_due_on = (
    SELECT min(json_extract(value, '$.dueOn')) FROM json_each(partnerships.next_actions)
    WHERE NOT coalesce(json_extract(value, '$.done'), 0)
);
CREATE INDEX partnerships_due ON partnerships (next_due_on)
    WHERE deleted_at IS NULL AND next_due_on IS NOT NULL;

-- Essaimage: the partnership this one was spread from (its id).
ALTER TABLE partnerships ADD COLUMN spawned_from TEXT;
CREATE INDEX partnerships_spawned ON partnerships (spawned_from) WHERE spawned_from IS NOT NULL;

-- Derived from partnerships.territory (the truth), rewritten in the same
-- transaction as every write of a partnership, like partnership_parties:
-- filter and count by commune and département without reading JSON.
CREATE TABLE partnership_communes (
    commune_insee TEXT NOT NULL,
    partnership_rid INTEGER NOT NULL REFERENCES partnerships (rid) ON DELETE CASCADE,
    departement_code TEXT,
    PRIMARY KEY (commune_insee, partnership_rid)
) WITHOUT ROWID;
CREATE INDEX partnership_communes_departement ON partnership_communes (departement_code, partnership_rid);
CREATE INDEX partnership_communes_partnership ON partnership_communes (partnership_rid);
INSERT OR IGNORE INTO partnership_communes (commune_insee, partnership_rid, departement_code)
    SELECT t.value, p.rid, c.departement_code
    FROM partnerships p, json_each(p.territory) t
    LEFT JOIN communes c ON c.insee = t.value;

-- One bit per resource category an actor needs or offers (derived from
-- needs/offers, written with them; bit order = ResourceCategory::ALL): the
-- champ des possibles finds candidates with one pass over integers.
ALTER TABLE actors ADD COLUMN need_mask INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN offer_mask INTEGER NOT NULL DEFAULT 0;
UPDATE actors SET
    need_mask = coalesce((SELECT sum(DISTINCT CASE json_extract(value, '$.category')
        WHEN 'competences' THEN 1 WHEN 'locaux' THEN 2 WHEN 'materiel' THEN 4 WHEN 'financement' THEN 8
        WHEN 'achats' THEN 16 WHEN 'benevolat' THEN 32 WHEN 'visibilite' THEN 64 WHEN 'autre' THEN 128
        ELSE 0 END) FROM json_each(actors.needs)), 0),
    offer_mask = coalesce((SELECT sum(DISTINCT CASE json_extract(value, '$.category')
        WHEN 'competences' THEN 1 WHEN 'locaux' THEN 2 WHEN 'materiel' THEN 4 WHEN 'financement' THEN 8
        WHEN 'achats' THEN 16 WHEN 'benevolat' THEN 32 WHEN 'visibilite' THEN 64 WHEN 'autre' THEN 128
        ELSE 0 END) FROM json_each(actors.offers)), 0);
-- Covers every column the candidates' short list reads (deleted_at
-- included: a partial index would not cover it), so it scans this small
-- index instead of the actors' rows.
CREATE INDEX actors_possibles ON actors (need_mask, offer_mask, kind, commune_insee, departement_code, deleted_at);

-- The agreement's preamble and free clauses (domain `AgreementText` as
-- JSON), edited apart from the partnership's form but versioned with it.
ALTER TABLE partnerships ADD COLUMN agreement TEXT NOT NULL DEFAULT '{}';
