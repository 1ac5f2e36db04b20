-- 0007: timeline entries record what happened as data (a kind and its
-- parameters: modes, stages, reason, event and round…) instead of a French
-- sentence, so that each reader words them in their own language.
--
-- Existing entries { "kind", "text", "at" } are read back from the sentences
-- this program wrote (crates/store before 0007). A sentence that cannot be
-- read back exactly becomes a note with the sentence as written, so nothing
-- is lost. Notes typed by people stay as typed.

CREATE TEMP TABLE m0007_stages (label TEXT PRIMARY KEY, code TEXT NOT NULL);
INSERT INTO m0007_stages (label, code) VALUES
    ('Rencontre', 'rencontre'),
    ('Exploration', 'exploration'),
    ('Préparation', 'preparation'),
    ('Contractualisation', 'contractualisation'),
    ('Mise en œuvre', 'mise_en_oeuvre'),
    ('Évaluation', 'evaluation'),
    ('Essaimage', 'essaimage'),
    ('Abandonné', 'abandonne');

CREATE TEMP TABLE m0007_modes (label TEXT PRIMARY KEY, code TEXT NOT NULL);
INSERT INTO m0007_modes (label, code) VALUES
    ('mécénat', 'mecenat'),
    ('coopération économique', 'cooperation_economique'),
    ('innovation sociétale', 'innovation_societale'),
    ('pratiques responsables', 'pratiques_responsables');

-- One row per timeline entry; `fact` receives the new entry without its date.
CREATE TEMP TABLE m0007_entries (
    rid INTEGER NOT NULL,
    pos INTEGER NOT NULL,
    kind TEXT,
    txt TEXT,
    at TEXT,
    original TEXT NOT NULL,
    m1 TEXT,
    m2 TEXT,
    fact TEXT,
    PRIMARY KEY (rid, pos)
);
INSERT INTO m0007_entries (rid, pos, kind, txt, at, original)
SELECT p.rid, CAST(e.key AS INTEGER), json_extract(e.value, '$.kind'), json_extract(e.value, '$.text'),
       json_extract(e.value, '$.at'), e.value
FROM partnerships p, json_each(p.timeline) e
WHERE json_valid(p.timeline) AND json_type(p.timeline) = 'array';

-- Entries without a text are not of the old shape: kept as they are.
UPDATE m0007_entries SET fact = json_remove(original, '$.at')
WHERE txt IS NULL OR json_type(original) <> 'object';

-- « Partenariat créé (mode : M). »
UPDATE m0007_entries
SET m1 = substr(txt, length('Partenariat créé (mode : ') + 1, length(txt) - length('Partenariat créé (mode : ') - 2)
WHERE fact IS NULL AND kind = 'created'
  AND substr(txt, 1, length('Partenariat créé (mode : ')) = 'Partenariat créé (mode : '
  AND substr(txt, -2) = ').';

-- « Partenariat essaimé depuis « T » (mode : M). »
UPDATE m0007_entries
SET m1 = substr(txt, instr(txt, ' » (mode : ') + length(' » (mode : '),
                length(txt) - instr(txt, ' » (mode : ') - length(' » (mode : ') - 1)
WHERE fact IS NULL AND kind = 'essaimage'
  AND substr(txt, 1, length('Partenariat essaimé depuis « ')) = 'Partenariat essaimé depuis « '
  AND instr(txt, ' » (mode : ') > 0 AND substr(txt, -2) = ').';

-- « Mode : A → B. »
UPDATE m0007_entries
SET m1 = substr(txt, length('Mode : ') + 1, instr(txt, ' → ') - length('Mode : ') - 1),
    m2 = substr(txt, instr(txt, ' → ') + length(' → '), length(txt) - instr(txt, ' → ') - length(' → '))
WHERE fact IS NULL AND kind = 'modes' AND substr(txt, 1, length('Mode : ')) = 'Mode : '
  AND instr(txt, ' → ') > 0 AND substr(txt, -1) = '.';

-- Modes as written (« à préciser », « mécénat + coopération économique »)
-- to { primary, secondary }; only texts rebuilt exactly from their parts.
CREATE TEMP TABLE m0007_mode_texts (txt TEXT PRIMARY KEY, j TEXT);
INSERT OR IGNORE INTO m0007_mode_texts (txt)
SELECT m1 FROM m0007_entries WHERE m1 IS NOT NULL
UNION SELECT m2 FROM m0007_entries WHERE m2 IS NOT NULL;
CREATE TEMP TABLE m0007_mode_parts AS
SELECT t.txt AS txt, m.code AS code, m.label AS label,
       instr(' + ' || t.txt || ' + ', ' + ' || m.label || ' + ') AS pos
FROM m0007_mode_texts t, m0007_modes m
WHERE instr(' + ' || t.txt || ' + ', ' + ' || m.label || ' + ') > 0
ORDER BY t.txt, pos;
UPDATE m0007_mode_texts SET j = '{"primary":null,"secondary":[],"mecenatKinds":[]}' WHERE txt = 'à préciser';
UPDATE m0007_mode_texts
SET j = (
    SELECT json_object('primary', max(CASE WHEN pos = 1 THEN code END),
                       'secondary', json_group_array(code) FILTER (WHERE pos > 1),
                       'mecenatKinds', json('[]'))
    FROM m0007_mode_parts p WHERE p.txt = m0007_mode_texts.txt)
WHERE j IS NULL
  AND txt = (SELECT group_concat(label, ' + ') FROM m0007_mode_parts p WHERE p.txt = m0007_mode_texts.txt)
  AND EXISTS (SELECT 1 FROM m0007_mode_parts p WHERE p.txt = m0007_mode_texts.txt AND p.pos = 1);

UPDATE m0007_entries
SET fact = json_object('kind', 'created', 'modes', json((SELECT j FROM m0007_mode_texts WHERE txt = m1)))
WHERE fact IS NULL AND kind = 'created' AND m1 IS NOT NULL
  AND (SELECT j FROM m0007_mode_texts WHERE txt = m1) IS NOT NULL;

UPDATE m0007_entries
SET fact = json_object('kind', 'spawned_from',
        'origin', substr(txt, length('Partenariat essaimé depuis « ') + 1,
                         instr(txt, ' » (mode : ') - length('Partenariat essaimé depuis « ') - 1),
        'modes', json((SELECT j FROM m0007_mode_texts WHERE txt = m1)))
WHERE fact IS NULL AND kind = 'essaimage' AND m1 IS NOT NULL
  AND (SELECT j FROM m0007_mode_texts WHERE txt = m1) IS NOT NULL;

UPDATE m0007_entries
SET fact = json_object('kind', 'modes',
        'from', json((SELECT j FROM m0007_mode_texts WHERE txt = m1)),
        'to', json((SELECT j FROM m0007_mode_texts WHERE txt = m2)))
WHERE fact IS NULL AND kind = 'modes' AND m1 IS NOT NULL
  AND (SELECT j FROM m0007_mode_texts WHERE txt = m1) IS NOT NULL
  AND (SELECT j FROM m0007_mode_texts WHERE txt = m2) IS NOT NULL;

-- « Rencontre au speed-dating « E » (date), tour R, table T : les deux ont
-- coché « à revoir ». »: the event, date, round and table of the meeting
-- that created the partnership.
UPDATE m0007_entries
SET fact = (
    SELECT json_object('kind', 'event_lead', 'event', ev.name, 'date', ev.date, 'round', m.round, 'table', m.table_no)
    FROM event_meetings m JOIN events ev ON ev.rid = m.event_rid
    WHERE m.partnership_rid = m0007_entries.rid
      AND substr(m0007_entries.txt, 1, length('Rencontre au speed-dating « ' || ev.name || ' » (')) = 'Rencontre au speed-dating « ' || ev.name || ' » ('
      AND substr(m0007_entries.txt, -length(', tour ' || m.round || ', table ' || m.table_no || ' : les deux ont coché « à revoir ».'))
          = ', tour ' || m.round || ', table ' || m.table_no || ' : les deux ont coché « à revoir ».'
    LIMIT 1)
WHERE fact IS NULL AND kind = 'created' AND substr(txt, 1, length('Rencontre au speed-dating « ')) = 'Rencontre au speed-dating « ';

-- « Essaimé : « T ». »
UPDATE m0007_entries
SET fact = json_object('kind', 'spawned',
        'title', substr(txt, length('Essaimé : « ') + 1, length(txt) - length('Essaimé : « ') - length(' ».')))
WHERE fact IS NULL AND kind = 'essaimage' AND substr(txt, 1, length('Essaimé : « ')) = 'Essaimé : « '
  AND substr(txt, -3) = ' ».';

-- « From → To. » or « From → To : reason. »
UPDATE m0007_entries
SET fact = (
    SELECT json_object('kind', 'stage', 'from', f.code, 'to', t.code, 'reason',
        CASE WHEN length(txt) > length(f.label || ' → ' || t.label || '.')
             THEN substr(txt, length(f.label || ' → ' || t.label || ' : ') + 1,
                         length(txt) - length(f.label || ' → ' || t.label || ' : ') - 1) END)
    FROM m0007_stages f, m0007_stages t
    WHERE txt = f.label || ' → ' || t.label || '.'
       OR (substr(txt, 1, length(f.label || ' → ' || t.label || ' : ')) = f.label || ' → ' || t.label || ' : '
           AND length(txt) > length(f.label || ' → ' || t.label || ' : ') + 1 AND substr(txt, -1) = '.')
    LIMIT 1)
WHERE fact IS NULL AND kind = 'stage';

-- « Abandonné à l'étape « S ». » / « Rouvert à l'étape « S » : reason. »
UPDATE m0007_entries
SET m1 = CASE kind WHEN 'abandoned' THEN 'Abandonné à l''étape « ' ELSE 'Rouvert à l''étape « ' END
WHERE fact IS NULL AND kind IN ('abandoned', 'reopened');
UPDATE m0007_entries
SET fact = (
    SELECT json_object('kind', kind, CASE kind WHEN 'abandoned' THEN 'from' ELSE 'to' END, s.code, 'reason',
        CASE WHEN txt <> m1 || s.label || ' ».'
             THEN substr(txt, length(m1 || s.label || ' » : ') + 1,
                         length(txt) - length(m1 || s.label || ' » : ') - 1) END)
    FROM m0007_stages s
    WHERE txt = m1 || s.label || ' ».'
       OR (substr(txt, 1, length(m1 || s.label || ' » : ')) = m1 || s.label || ' » : '
           AND length(txt) > length(m1 || s.label || ' » : ') + 1 AND substr(txt, -1) = '.')
    LIMIT 1)
WHERE fact IS NULL AND kind IN ('abandoned', 'reopened');
UPDATE m0007_entries SET m1 = NULL WHERE kind IN ('abandoned', 'reopened');

-- « Action faite : A (owner) »: the owner as the partnership's actions
-- name it, else the whole text as the action.
UPDATE m0007_entries
SET fact = coalesce(
    (SELECT json_object('kind', 'action_done', 'action', json_extract(a.value, '$.text'), 'owner', json_extract(a.value, '$.owner'))
     FROM partnerships p, json_each(p.next_actions) a
     WHERE p.rid = m0007_entries.rid AND json_valid(p.next_actions)
       AND json_extract(a.value, '$.owner') IS NOT NULL
       AND m0007_entries.txt = 'Action faite : ' || json_extract(a.value, '$.text') || ' (' || json_extract(a.value, '$.owner') || ')'
     LIMIT 1),
    json_object('kind', 'action_done', 'action', substr(txt, length('Action faite : ') + 1), 'owner', NULL))
WHERE fact IS NULL AND kind = 'action_done' AND substr(txt, 1, length('Action faite : ')) = 'Action faite : '
  AND length(txt) > length('Action faite : ');

-- « Indicateur « N » : V[ unit] au YYYY-MM-DD. »
UPDATE m0007_entries
SET m1 = substr(txt, length('Indicateur « ') + 1, instr(txt, ' » : ') - length('Indicateur « ') - 1),
    m2 = substr(txt, instr(txt, ' » : ') + length(' » : '),
                length(txt) - instr(txt, ' » : ') - length(' » : ') + 1 - length(' au YYYY-MM-DD.'))
WHERE fact IS NULL AND kind = 'measure' AND substr(txt, 1, length('Indicateur « ')) = 'Indicateur « '
  AND instr(txt, ' » : ') > 0 AND substr(txt, -15, 4) = ' au '
  AND date(substr(txt, -11, 10)) IS substr(txt, -11, 10);
UPDATE m0007_entries
SET m2 = m2 || ' '
WHERE fact IS NULL AND kind = 'measure' AND m2 IS NOT NULL;
UPDATE m0007_entries
SET fact = json_object('kind', 'measure', 'indicator', m1,
        'value', json(substr(m2, 1, instr(m2, ' ') - 1)),
        'unit', nullif(trim(substr(m2, instr(m2, ' ') + 1)), ''),
        'on', substr(txt, -11, 10))
WHERE fact IS NULL AND kind = 'measure' AND m2 IS NOT NULL
  AND json_valid(substr(m2, 1, instr(m2, ' ') - 1))
  AND json_type(substr(m2, 1, instr(m2, ' ') - 1)) IN ('integer', 'real');

-- Merges wrote notes: « Doublons fusionnés : [le contact ]« A » a été
-- fusionné dans « B ». »
UPDATE m0007_entries
SET fact = json_object('kind', 'merged', 'entity', 'contact',
        'from', substr(txt, length('Doublons fusionnés : le contact « ') + 1,
                       instr(txt, ' » a été fusionné dans « ') - length('Doublons fusionnés : le contact « ') - 1),
        'into', substr(txt, instr(txt, ' » a été fusionné dans « ') + length(' » a été fusionné dans « '),
                       length(txt) - instr(txt, ' » a été fusionné dans « ') - length(' » a été fusionné dans « ') - 2))
WHERE fact IS NULL AND kind = 'note'
  AND substr(txt, 1, length('Doublons fusionnés : le contact « ')) = 'Doublons fusionnés : le contact « '
  AND instr(txt, ' » a été fusionné dans « ') > 0 AND substr(txt, -3) = ' ».';
UPDATE m0007_entries
SET fact = json_object('kind', 'merged', 'entity', 'actor',
        'from', substr(txt, length('Doublons fusionnés : « ') + 1,
                       instr(txt, ' » a été fusionné dans « ') - length('Doublons fusionnés : « ') - 1),
        'into', substr(txt, instr(txt, ' » a été fusionné dans « ') + length(' » a été fusionné dans « '),
                       length(txt) - instr(txt, ' » a été fusionné dans « ') - length(' » a été fusionné dans « ') - 2))
WHERE fact IS NULL AND kind = 'note'
  AND substr(txt, 1, length('Doublons fusionnés : « ')) = 'Doublons fusionnés : « '
  AND instr(txt, ' » a été fusionné dans « ') > 0 AND substr(txt, -3) = ' ».';

-- « Texte de la convention modifié (préambule, clauses). »
UPDATE m0007_entries SET fact = json_object('kind', 'agreement_edited')
WHERE fact IS NULL AND kind = 'note' AND txt = 'Texte de la convention modifié (préambule, clauses).';

-- Everything else (notes, and sentences not read back) as a note, as written.
UPDATE m0007_entries SET fact = json_object('kind', 'note', 'text', txt) WHERE fact IS NULL;

UPDATE partnerships
SET timeline = (
    SELECT json_group_array(json(entry)) FROM (
        SELECT CASE WHEN at IS NULL THEN fact ELSE json_set(fact, '$.at', at) END AS entry
        FROM m0007_entries WHERE m0007_entries.rid = partnerships.rid ORDER BY pos))
WHERE rid IN (SELECT rid FROM m0007_entries);

DROP TABLE m0007_mode_parts;
DROP TABLE m0007_mode_texts;
DROP TABLE m0007_entries;
DROP TABLE m0007_modes;
DROP TABLE m0007_stages;
