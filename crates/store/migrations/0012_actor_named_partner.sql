-- 0012: an actor's agreement to be named as a partner in the Labo's
-- publications (the impact report's « Partenaires cités »): the day it was
-- recorded, NULL while it has not agreed. A new nullable column: existing
-- actors keep everything and have not agreed.
ALTER TABLE actors ADD COLUMN named_partner_since TEXT;
