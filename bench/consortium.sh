#!/usr/bin/env bash
# The ceiling of one machine in users' terms (issue 22): the largest consortium, in member
# libraries, that this machine serves in its busiest hour with readers' p99 under 200 ms and
# no failed write. The load model per member (bench/consortium.mjs, bench/README.md) is
# replayed open loop for SECONDS at MEMBERS × its rates, on a directory of ENTRIES organizations
# (bench/mkdb.sh) with 200 partnerships and 200,000 activities this year, served as `make run` serves
# (conf/serve.sh, the optimized build, mail delivered through msmtp to a local SMTP mailbox).
# MEMBERS doubles from START until a run fails, then halves the gap BISECT times.
#
#   [ENTRIES=20000] bench/consortium.sh [seconds-per-run] [start-members] [bisect-steps]
#                                                                      (defaults 30 250 3)
#
# Bounded: at most 9 doubling runs and the bisect steps, each SECONDS plus the time the
# server takes to answer what is still pending. Prints a line per run and the ceiling; each
# run's JSON is kept in bench/out/consortium.tsv. Record results in bench/README.md.
set -euo pipefail
secs=${1:-30} start=${2:-250} steps=${3:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/bench/out
port=18096
db=$out/consortium.db
mkdir -p "$out"
[ -x "$here/build/liaison-admin" ] || { echo "consortium.sh: make all first" >&2; exit 2; }

# The directory: ENTRIES organizations (default 20,000: a consortium of a few thousand members,
# each listing itself and a handful of community partners), built once by bench/mkdb.sh.
entries=${ENTRIES:-20000}
dir_db=$out/consortium-dir-$entries.db
want=$(ls "$here"/schema/[0-9][0-9][0-9]_*.sql | wc -l)
if [ ! -f "$dir_db" ]; then
	echo "building $dir_db ($entries organizations)…"
	"$here/bench/mkdb.sh" "$entries" "$dir_db" "$here/build"
fi
rm -f "$db" "$db-wal" "$db-shm"
cp "$dir_db" "$db"
[ "$(sqlite3 "$db" 'PRAGMA user_version')" = "$want" ] ||
	LIAISON_SCHEMA=$here/schema "$here/build/liaison-admin" migrate "$db" >/dev/null
today=$(date -u +%F)
# 200 partnerships of 40 member libraries, and 200,000 activities over the last year, through
# the triggers that keep the report's day sums, as staff and imports add them.
sqlite3 "$db" > /dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
INSERT INTO partnership (host_id, partner_id, kind, commitment, status, start_on)
SELECT h.id, p.id, 'community', 'informal', 'active', '2024-01-01'
FROM (SELECT id, row_number() OVER (ORDER BY id) AS hn FROM org WHERE status = 'listed' AND kind = 'library' LIMIT 40) h
JOIN (SELECT id, row_number() OVER (ORDER BY id DESC) AS rn FROM org WHERE status = 'listed' LIMIT 200) p
	ON p.rn % 40 = h.hn - 1 AND p.id <> h.id;
-- bench/mkdb.sh leaves contact addresses empty: one entry in ten can be written to.
UPDATE org SET contact_email = 'contact' || id || '@example.org', email_public = 0 WHERE id % 10 = 0;
CREATE TEMP TABLE bench_p AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM partnership
	WHERE id > (SELECT max(id) - 200 FROM partnership);
INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_0_5_in,
	att_adult_in, staff_minutes, library_cost_cents)
WITH RECURSIVE i(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM i WHERE x + 1 < 200000)
SELECT (SELECT id FROM bench_p WHERE k = x % (SELECT count(*) FROM bench_p)),
	date('$today', '-' || (x % 365) || ' days'), 'storytime', 1, 'in_person', 1, x % 20, x % 7, 90, 2500
FROM i;
COMMIT;
SQL
accounts=()
for i in $(seq 16); do
	accounts+=("bench-staff-$i")
	printf 'a long bench password\n' | LIAISON_DB=$db "$here/build/liaison-admin" user add "bench-staff-$i" staff >/dev/null
done
node -e '
const [db, today, ...accounts] = process.argv.slice(1);
const { execFileSync } = require("node:child_process");
const q = (s) => execFileSync("sqlite3", [db, s], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
console.log(JSON.stringify({
  secret: q("SELECT hex(secret) FROM site_secret")[0], password: "a long bench password", accounts, today,
  partnerships: q("SELECT id FROM partnership ORDER BY id DESC LIMIT 200").map(Number),
  orgs: q("SELECT id FROM org WHERE status = '\''listed'\'' ORDER BY random() LIMIT 2000").map(Number),
  contactable: q("SELECT id FROM org WHERE status = '\''listed'\'' AND email_public = 0 AND contact_email <> '\'''\'' ORDER BY random() LIMIT 500").map(Number),
  words: ["library", "pen pals", "bibliothèque", "children", "Kyiv", "exchange", "refugee", "school", "biblioteca", "music"],
}));' "$db" "$today" "${accounts[@]}" > "$out/consortium-setup.json"

# Mail goes where tests/run.sh sends it: msmtp to a local SMTP mailbox (tests/mail/mailbox.py).
mail=$out/consortium-mail
rm -rf "$mail"; mkdir -p "$mail/box"
/usr/bin/python3 "$here/tests/mail/mailbox.py" "$mail/box" > "$mail/mailbox.log" 2>&1 &
mailbox=$!
for i in $(seq 100); do [ -s "$mail/box/port" ] && break; sleep 0.1; done
printf 'account default\nhost 127.0.0.1\nport %s\nauth off\ntls off\nfrom liaison@example.org\n' \
	"$(cat "$mail/box/port")" > "$mail/msmtprc"
chmod 644 "$mail/msmtprc"
LIAISON_SENDMAIL="/usr/bin/msmtp -C $mail/msmtprc" LIAISON_MAIL_FROM=liaison@example.org \
LIAISON_OPERATOR_EMAIL=staff@example.org LIAISON_REMIND_AT=off \
	"$here/conf/serve.sh" --port $port --bin "$here/build" --db "$db" --dir "$out/run-consortium" --quiet \
	> "$out/serve-consortium.log" 2>&1 &
server=$!
trap 'kill $server $mailbox 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for i in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/list" && break; sleep 0.1; done
base=http://127.0.0.1:$port
for u in /list /report "/search?q=library"; do curl -s -o /dev/null "$base$u"; done

: > "$out/consortium.tsv"
trial() {	# members → 0 if the run kept its promises
	local json p99 wfail rfail
	json=$(node "$here/bench/consortium.mjs" "$base" "$out/consortium-setup.json" "$1" "$secs")
	printf '%s\t%s\n' "$1" "$json" >> "$out/consortium.tsv"
	p99=$(node -e 'const j = JSON.parse(process.argv[1]); console.log(j.readers_p99)' "$json")
	wfail=$(node -e 'const j = JSON.parse(process.argv[1]); console.log(j.writes_failed)' "$json")
	rfail=$(node -e 'const j = JSON.parse(process.argv[1]); console.log(j.readers_failed)' "$json")
	node -e '
const j = JSON.parse(process.argv[1]);
const k = Object.entries(j.kinds).map(([n, s]) => `${n} ${s.n}${s.failed ? ` (${s.failed} failed: ${JSON.stringify(s.statuses)})` : ""}${s.n ? ` p99 ${s.p99} ms` : ""}`).join("; ");
console.log(`${j.members} members: readers p99 ${j.readers_p99} ms, failed writes ${j.writes_failed}; ${k}; slowest ${j.slowest.map((s) => `${s.path ?? s.kind} ${s.ms}`).join(", ")}`);' "$json"
	awk -v p="$p99" 'BEGIN { exit !(p < 200) }' && [ "$wfail" = 0 ] && [ "$rfail" = 0 ]
}

# A running site's busy hour starts warm: one short run at the first size, not counted.
node "$here/bench/consortium.mjs" "$base" "$out/consortium-setup.json" "$start" 5 > /dev/null
echo "== busy hour, open loop, ${secs}s a run (bench/consortium.mjs has the model)"
good=0 bad=0 n=$start
for i in $(seq 9); do
	if trial "$n"; then good=$n; n=$((n * 2)); else bad=$n; break; fi
done
if [ "$bad" -gt 0 ] && [ "$good" -gt 0 ]; then
	for i in $(seq "$steps"); do
		mid=$(((good + bad) / 2))
		if trial "$mid"; then good=$mid; else bad=$mid; fi
	done
fi
if [ "$bad" = 0 ]; then
	echo "ceiling: above $good members (no run failed; raise start-members)"
elif [ "$good" = 0 ]; then
	echo "ceiling: below $start members (the first run failed)"
else
	echo "ceiling: $good members pass, $bad fail"
fi
