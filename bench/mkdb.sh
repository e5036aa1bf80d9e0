#!/usr/bin/env bash
# Builds a directory of N organizations for benchmarks and the memory test:
#   bench/mkdb.sh N OUT.db [BUILD_DIR]
# Deterministic pseudo-random content over the real reference tables: every country, type,
# language and interest appears, with names in several scripts, 1-3 languages and interests
# each, and confirmation dates spread over three years (so a share are stale).
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
CREATE TEMP TABLE w(i, word);
INSERT INTO w VALUES (0, 'Biblioteca Pública'), (1, 'Public Library'), (2, 'Bibliothèque'),
	(3, 'Бібліотека'), (4, 'مكتبة'), (5, '図書館'), (6, 'Stadtbibliothek'), (7, 'Community Center');
WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < $n)
INSERT INTO org (id, name, name_en, kind, type, country, city, description, seeking, seeking_text,
	ages, timezone, status, confirmed_on)
SELECT x,
	(SELECT word FROM w WHERE i = x % 8) || ' ' || x,
	'Organization ' || x,
	(SELECT kind FROM t WHERE i = (x * 7) % (SELECT count(*) FROM t)),
	(SELECT code FROM t WHERE i = (x * 7) % (SELECT count(*) FROM t)),
	(SELECT code FROM c WHERE i = (x * 13) % (SELECT count(*) FROM c)),
	'City ' || (x % 997),
	'Seeking partners for pen-pal & book exchange <' || x || '> "quoted", videoconferences and storytimes.',
	x % 5 <> 0, 'Pen pals and book exchanges', 1 + x % 31, 'UTC', 'listed',
	date('now', '-' || ((x * 37) % 1100) || ' days')
FROM s;
INSERT INTO org_language SELECT o.id, l.code FROM org o JOIN l ON l.i IN
	((o.id * 3) % 40, (o.id * 11) % 40 + 40, CASE WHEN o.id % 3 = 0 THEN 90 + o.id % 90 END);
INSERT INTO org_interest SELECT o.id, n.code FROM org o JOIN n ON n.i IN
	(o.id % 10, (o.id * 3 + 1) % 10, CASE WHEN o.id % 2 = 0 THEN (o.id * 7 + 2) % 10 END);
ANALYZE;
SQL
rm -f "$out"
LIAISON_SCHEMA=$here/schema "$bin/liaison-admin" create "$out" "$sql" >/dev/null
