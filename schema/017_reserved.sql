-- 017: reserved. Another change of this round holds number 017; this empty step keeps the
-- numbers without gaps (migrate.c insists) on the branch that holds 018 alone. When the two
-- are merged, this file goes and the other 017 takes its place.
SELECT 1;
