-- 0008: associations of Alsace-Moselle. In the Bas-Rhin (67), the Haut-Rhin
-- (68) and the Moselle (57) an association is not declared under the law of
-- 1901 (no RNA number) but inscribed at the register of associations of the
-- tribunal judiciaire of its seat (volume and folio, and since the register
-- went online a number of the electronic register). Append-only: never edit
-- once shipped.

-- 'loi_1901' or 'droit_local' for associations, NULL for other kinds and
-- for associations whose regime is unknown (no seat, no identifier).
ALTER TABLE actors ADD COLUMN legal_regime TEXT;
-- 1 when the facilitator chose the regime; 0 when it was guessed from the
-- seat (and is guessed again when the seat changes).
ALTER TABLE actors ADD COLUMN legal_regime_chosen INTEGER NOT NULL DEFAULT 0;
-- The court keeping the register ('strasbourg', 'colmar'…), the entry's
-- volume and folio, the number in the electronic register.
ALTER TABLE actors ADD COLUMN register_court TEXT;
ALTER TABLE actors ADD COLUMN register_volume TEXT;
ALTER TABLE actors ADD COLUMN register_folio TEXT;
ALTER TABLE actors ADD COLUMN register_number TEXT;

-- Existing associations get the regime their seat implies (the rule of
-- tisserand_domain::register::guess_regime): droit local when the commune
-- is in 57, 67 or 68, the 1901 law elsewhere, the 1901 law when there is no
-- commune but an RNA number, unknown otherwise. RNA numbers already stored
-- are kept as they are: the facilitator sees them and decides.
UPDATE actors SET legal_regime = CASE
        WHEN substr(commune_insee, 1, 2) IN ('57', '67', '68') THEN 'droit_local'
        WHEN commune_insee IS NOT NULL THEN 'loi_1901'
        WHEN rna IS NOT NULL THEN 'loi_1901'
    END
    WHERE kind = 'association';
