-- 019: staff-only entries, and an account's own library.
--
-- A staff-only entry is an organization staff record as a partner but that is not to be shown
-- publicly (a partner that asked not to be listed, a one-off collaborator). It is one more
-- status, 'staff_only', rather than a flag beside the status: every public reader (the
-- directory, its CSV, search, matchmaking, the facet counts, profiles' partner lists, the
-- report's public host choice) and every trigger that keeps them (the FTS indexes' queries,
-- facet_count, directory_version) already keeps to status = 'listed', so such an entry is left
-- out of all of them by construction, and the partnership form's choices (listed, unlisted,
-- archived) are widened to take it in (src/store/sql.c).
--
-- SQLite cannot alter a CHECK constraint, and rebuilding org (which other tables reference, with
-- the triggers of 001, 004, 008, 009 and 010 on it) inside a migration's transaction would
-- cascade its deletes. So the allowed statuses are widened in org's own text in sqlite_schema,
-- the procedure SQLite's documentation gives for loosening a CHECK ("ALTER TABLE", section
-- "Making Other Kinds Of Table Schema Changes"): no row can fail a wider list. The table
-- created and dropped after it moves the schema cookie, so every other connection reads the
-- new text before its next statement.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
	SET sql = replace(sql, '''unlisted'', ''archived'')', '''unlisted'', ''archived'', ''staff_only'')')
	WHERE type = 'table' AND name = 'org';
PRAGMA writable_schema = OFF;
-- Stops the migration (a CHECK that fails) if org's text was not the one 001 made.
CREATE TEMP TABLE migration_019_check (widened INTEGER CHECK (widened));
INSERT INTO migration_019_check
	SELECT instr(sql, '''archived'', ''staff_only''') > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'org';
DROP TABLE migration_019_check;
CREATE TABLE migration_019_cookie (x);
DROP TABLE migration_019_cookie;

-- The library an account records partnerships for: the partnership form's host starts on it
-- (before LIAISON_DEFAULT_HOST, the site's). NULL: none chosen.
ALTER TABLE account ADD COLUMN default_host INTEGER REFERENCES org (id) ON DELETE SET NULL;
