-- 017: a placeholder for the migration another branch of this round adds under this number
-- (this branch's is 019, and migrations are numbered without gaps). Drop it at the merge.
SELECT 1;
