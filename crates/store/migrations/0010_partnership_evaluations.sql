-- 0010: how each party judged a partnership (Le RAMEAU's « balance between
-- partners »), a JSON array in the partnership's own row like its other
-- children (see 0002). Existing partnerships start with none.
ALTER TABLE partnerships ADD COLUMN evaluations TEXT NOT NULL DEFAULT '[]';
