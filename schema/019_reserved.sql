-- 019: reserved. Another change of this round holds number 019; this empty step keeps the
-- numbers without gaps (migrate.c insists) so that 018 and 020 apply on this branch. When the
-- real 019 is merged, this file goes and it takes its place.
SELECT 1;
