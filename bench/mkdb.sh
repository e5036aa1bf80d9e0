#!/usr/bin/env bash
# Builds a directory of N organizations for benchmarks and the memory test:
#   bench/mkdb.sh N OUT.db [BUILD_DIR]
# Deterministic pseudo-random content over the real reference tables: every country, type,
# language and interest appears, with names in several scripts, 1-3 languages and interests
# each, and confirmation dates spread over three years (so a share are stale). Descriptions are
# three of sixteen sentences, so a common word ("library") is in about half the entries, plus
# a code ("a1234") that about ten entries share: the search benchmark's common and rare words.
# Time zones run from UTC-12 to UTC+14, with half-hour zones among them.
set -euo pipefail
n=$1 out=$2 bin=${3:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
sql=$(mktemp)
trap 'rm -f "$sql"' EXIT
cat > "$sql" <<SQL
CREATE TEMP TABLE c AS SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM country;
CREATE TEMP TABLE t AS SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, kind FROM org_type;
CREATE TEMP TABLE l AS SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM language;
CREATE TEMP TABLE n AS SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM interest;
CREATE TEMP TABLE p(i, sentence);
INSERT INTO p VALUES (0, 'Our library runs pen-pal exchanges for children.'),
	(1, 'A public library with a busy storytime program.'),
	(2, 'Looking for partners for book exchanges and cultural programs.'),
	(3, 'Videoconferences with classes abroad every term.'),
	(4, 'We host exhibits of local art and history.'),
	(5, 'Staff exchange with libraries in other countries.'),
	(6, 'Reading clubs for teens and adults.'),
	(7, 'A community center serving refugee families.'),
	(8, 'Bilingual storytime in Spanish and English.'),
	(9, 'Workshops on digital literacy for seniors.'),
	(10, 'The library collects books in several languages.'),
	(11, 'Summer reading challenge with schools in the region.'),
	(12, 'Book drives for rural schools.'),
	(13, 'A small branch in a market town.'),
	(14, 'Joint blog with a sister library.'),
	(15, 'Music and poetry evenings in the reading room.');
CREATE TEMP TABLE w(i, word);
INSERT INTO w VALUES (0, 'Biblioteca Pública'), (1, 'Public Library'), (2, 'Bibliothèque'),
	(3, 'Бібліотека'), (4, 'مكتبة'), (5, '図書館'), (6, 'Stadtbibliothek'), (7, 'Community Center');
-- Languages and interests go in first (their foreign keys checked at commit), and each
-- organization is then written whole with the names the triggers of schema/ would give it:
-- adding them one by one afterwards would rewrite every entry's search index five times.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE s AS WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < $n)
	SELECT x FROM s;
CREATE TEMP TABLE tl AS SELECT s.x AS org_id, l.code AS lang FROM s JOIN l ON l.i IN
	((s.x * 3) % 40, (s.x * 11) % 40 + 40, CASE WHEN s.x % 3 = 0 THEN 90 + s.x % 90 END);
CREATE TEMP TABLE ti AS SELECT s.x AS org_id, n.code AS interest FROM s JOIN n ON n.i IN
	(s.x % 10, (s.x * 3 + 1) % 10, CASE WHEN s.x % 2 = 0 THEN (s.x * 7 + 2) % 10 END);
CREATE INDEX temp.tl_org ON tl (org_id);
CREATE INDEX temp.ti_org ON ti (org_id);
INSERT INTO org_language SELECT org_id, lang FROM tl;
INSERT INTO org_interest SELECT org_id, interest FROM ti;
INSERT INTO org (id, name, name_en, kind, type, country, city, description, seeking, seeking_text,
	ages, timezone, utc_offset_min, seeks, status, confirmed_on, languages_text, interests_text,
	interest_bits)
SELECT x,
	(SELECT word FROM w WHERE i = x % 8) || ' ' || x,
	'Organization ' || x,
	(SELECT kind FROM t WHERE i = (x * 7) % (SELECT count(*) FROM t)),
	(SELECT code FROM t WHERE i = (x * 7) % (SELECT count(*) FROM t)),
	(SELECT code FROM c WHERE i = (x * 13) % (SELECT count(*) FROM c)),
	'City ' || (x % 997),
	(SELECT sentence FROM p WHERE i = x % 16) || ' ' || (SELECT sentence FROM p WHERE i = (x * 5 + 3) % 16)
		|| ' ' || (SELECT sentence FROM p WHERE i = (x * 11 + 7) % 16) || ' <Code a' || (x % 9973) || '> "quoted".',
	x % 5 <> 0, 'Pen pals and book exchanges', 1 + x % 31, 'UTC',
	((x * 7) % 27 - 12) * 60 + CASE WHEN x % 11 = 0 AND (x * 7) % 27 < 26 THEN 30 ELSE 0 END,
	CASE x % 3 WHEN 0 THEN 'any' WHEN 1 THEN 'library' ELSE 'community' END, 'listed',
	date('now', '-' || ((x * 37) % 1100) || ' days'),
	(SELECT coalesce(group_concat(name, '; '), '') FROM (SELECT g.name FROM tl
		JOIN language g ON g.code = tl.lang WHERE tl.org_id = x ORDER BY g.name)),
	(SELECT coalesce(group_concat(label, '; '), '') FROM (SELECT i.label FROM ti
		JOIN interest i ON i.code = ti.interest WHERE ti.org_id = x ORDER BY i.position)),
	(SELECT coalesce(sum(1 << i.position), 0) FROM ti JOIN interest i ON i.code = ti.interest
		WHERE ti.org_id = x)
FROM s;
ANALYZE;
SQL
rm -f "$out"
LIAISON_SCHEMA=$here/schema "$bin/liaison-admin" create "$out" "$sql" >/dev/null
# Each language and interest added rewrote its organization's index rows (as it should, one
# at a time); merge the index segments that left, as a long-running site's automerge would.
sqlite3 "$out" "INSERT INTO org_fts (org_fts) VALUES ('optimize');
	INSERT INTO org_tri (org_tri) VALUES ('optimize'); VACUUM;"
