#!/usr/bin/env bash
# The report benchmark's database: the demo data, every listed organization a partner of one of
# five host libraries (158 partnerships on the demo data), and ACTIVITIES
# activities (1,000,000 by default) spread evenly over the five calendar years 2022-2026,
# every format, programs and outreach, all five age bands, costs, hours and survey tallies.
# Activities go in through the triggers that keep activity_day, as staff and imports add them.
#
#   bench/reportdb.sh OUT.db [activities] [build dir]
set -euo pipefail
db=$1 n=${2:-1000000}
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${3:-$here/build}
rm -f "$db" "$db-wal" "$db-shm"
LIAISON_SCHEMA=$here/schema LIAISON_DEMO=$here/data/demo.sql "$bin/liaison-admin" demo "$db" > /dev/null
sqlite3 "$db" > /dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
-- Five host libraries, each with a fifth of the listed organizations as partners, begun 2021-2024.
INSERT INTO partnership (host_id, partner_id, kind, commitment, status, start_on, end_on)
SELECT h.id, p.id, 'sister_library', 'memorandum',
	CASE WHEN p.rn % 10 = 0 THEN 'ended' WHEN p.rn % 7 = 0 THEN 'paused' ELSE 'active' END,
	date('2021-01-01', '+' || ((p.rn * 37) % 1200) || ' days'),
	CASE WHEN p.rn % 10 = 0 THEN '2026-12-31' END
FROM (SELECT id, row_number() OVER (ORDER BY id) AS hn FROM org WHERE status = 'listed' AND kind = 'library' LIMIT 5) h
JOIN (SELECT id, row_number() OVER (ORDER BY id DESC) AS rn FROM org WHERE status = 'listed') p
	ON p.rn % 5 = h.hn - 1 AND p.id <> h.id
WHERE p.rn <= 200;
CREATE TEMP TABLE bench_p AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM partnership
	WHERE id > (SELECT max(id) - 200 FROM partnership);
INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions,
	att_0_5_in, att_6_11_in, att_12_18_in, att_adult_in, att_all_in,
	att_0_5_virt, att_6_11_virt, att_12_18_virt, att_adult_virt, att_all_virt,
	staff_minutes, volunteer_minutes, library_cost_cents, partner_cost_cents, in_kind_cents,
	materials, respondents, agree_knowledge, agree_confidence, agree_application, agree_awareness, notes)
WITH RECURSIVE i(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM i WHERE x + 1 < $n)
SELECT (SELECT id FROM bench_p WHERE k = x % (SELECT count(*) FROM bench_p)),
	date('2022-01-01', '+' || (x * 1826 / $n) || ' days'),
	CASE x % 4 WHEN 0 THEN 'storytime' WHEN 1 THEN 'videoconference' WHEN 2 THEN 'pen_pals' ELSE 'book_drive' END,
	x % 9 <> 0, CASE x % 3 WHEN 0 THEN 'in_person' WHEN 1 THEN 'hybrid' ELSE 'virtual' END, 1 + x % 3,
	CASE WHEN x % 3 <> 2 AND x % 5 = 0 THEN 10 + x % 7 ELSE 0 END,
	CASE WHEN x % 3 <> 2 AND x % 5 IN (0, 1) THEN 5 + x % 11 ELSE 0 END,
	CASE WHEN x % 3 <> 2 AND x % 5 = 2 THEN 3 + x % 6 ELSE 0 END,
	CASE WHEN x % 3 <> 2 AND x % 5 IN (1, 3) THEN 4 + x % 9 ELSE 0 END,
	CASE WHEN x % 3 <> 2 AND x % 5 = 4 THEN 20 ELSE 0 END,
	CASE WHEN x % 3 <> 0 AND x % 5 = 0 THEN 2 ELSE 0 END,
	CASE WHEN x % 3 <> 0 AND x % 5 = 1 THEN 6 ELSE 0 END,
	0,
	CASE WHEN x % 3 <> 0 AND x % 5 = 3 THEN 8 ELSE 0 END,
	CASE WHEN x % 3 <> 0 AND x % 5 = 4 THEN 3 ELSE 0 END,
	30 + x % 120, x % 60, x % 5000, x % 2000, x % 1000,
	x % 25, x % 12, x % 12 * 3 / 4, x % 12 / 2, x % 12 / 3, x % 12,
	CASE WHEN x % 50 = 0 THEN 'Notes, with "quotes" and a comma' ELSE '' END
FROM i;
COMMIT;
PRAGMA optimize;
SQL
