#!/usr/bin/env bash
# The apply benchmark: accepted applications per second through nginx with 4 concurrent
# writers (wrk -t1 -c4), on a copy of the 100,000-entry bench database, with the latency
# percentiles and the count of answers that were not 303. Each round posts fresh bodies
# (build/applybodies); the accepted count is read from the database afterwards, so a body
# that did not make a new pending row is not counted.
#
#   bench/apply.sh [seconds-per-round] [rounds]      (defaults 10 and 3)
#   WRITERS=2 bench/apply.sh …                       (two apply processes instead of one)
#
# Every request comes from 127.0.0.1, so the per-address limit is raised for the bench
# (LIAISON_APPLY_PER_HOUR); everything else (token, honeypot, duplicate check, audit) is on.
# Each round first posts for 3 s unmeasured: a fresh copy of the database and new processes
# start with cold caches, and the first seconds measure the disk, not the program.
#
# Each round is a pair, in the same run (issue 17): mail off (LIAISON_MAIL=0: nothing queued),
# then mail on, the real path: each application queues its receipt and staff's notice in its
# own transaction, and the apply process hands them after the response to msmtp, which
# delivers them over SMTP to a python3-aiosmtpd mailbox on loopback (tests/mail/mailbox.py).
# The mail-on line also says how many messages were sent and how many still waited at the end.
# MAIL=off or MAIL=on runs only that half.
set -euo pipefail
secs=${1:-10} rounds=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/bench/out
port=18092
[ -f "$out/bench.db" ] || { echo "apply.sh: run bench/run.sh first (it builds bench/out/bench.db)" >&2; exit 1; }
# A database made by an older checkout is brought to this one's schema (its copy before the
# upgrade is not kept: the bench database is made again from nothing by bench/mkdb.sh).
LIAISON_SCHEMA=$here/schema "$here/build/liaison-admin" migrate "$out/bench.db" > /dev/null
rm -f "$out"/liaison-before-upgrade-*.db
mailbox=""
stop_mailbox() { [ -z "$mailbox" ] || { kill "$mailbox" 2>/dev/null; wait "$mailbox" 2>/dev/null || true; }; }
trap stop_mailbox EXIT
modes=${MAIL:-off on}
if [ "$modes" != off ]; then
	mkdir -p "$out/mail/box"
	rm -f "$out/mail/box/"*
	/usr/bin/python3 "$here/tests/mail/mailbox.py" "$out/mail/box" > "$out/mail/mailbox.log" 2>&1 &
	mailbox=$!
	for i in $(seq 100); do [ -s "$out/mail/box/port" ] && break; sleep 0.1; done
	printf 'account default\nhost 127.0.0.1\nport %s\nauth off\ntls off\nfrom liaison@bench.example\n' \
		"$(cat "$out/mail/box/port")" > "$out/mail/msmtprc"
	chmod 644 "$out/mail/msmtprc"
fi
export LIAISON_SENDMAIL="/usr/bin/msmtp -C $out/mail/msmtprc"
export LIAISON_MAIL_FROM=liaison@bench.example LIAISON_OPERATOR_EMAIL=staff@bench.example
for round in $(seq "$rounds"); do
for mode in $modes; do
	# The database in a folder of its own: serve.sh hands that folder to the programs' user,
	# and the run folder beside it must stay root's (serve.sh refuses one www-data may change).
	db=$out/apply-db/apply.db
	rm -rf "$out/apply-db"; mkdir -p "$out/apply-db"
	cp "$out/bench.db" "$db"
	"$here/build/applybodies" "$db" 9000 > "$out/warmup.txt"
	"$here/build/applybodies" "$db" $((secs * 3000)) > "$out/bodies.txt"
	LIAISON_MAIL=$([ "$mode" = on ] && echo 1 || echo 0) \
	LIAISON_APPLY_PER_HOUR=1000000 "$here/conf/serve.sh" --port $port --bin "$here/build" --writer-children ${WRITERS:-1} \
		--db "$db" --dir "$out/run-apply" --quiet > "$out/serve-apply.log" 2>&1 &
	server=$!
	for i in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/list" && break; sleep 0.1; done
	BODIES=$out/warmup.txt wrk -t1 -c4 -d3s -s "$here/bench/apply.lua" "http://127.0.0.1:$port" > /dev/null
	before=$(sqlite3 "$db" "SELECT count(*) FROM org WHERE status = 'pending'")
	line=$(BODIES=$out/bodies.txt wrk -t1 -c4 -d"${secs}s" --latency -s "$here/bench/apply.lua" \
		"http://127.0.0.1:$port" | grep '^requests')
	kill $server; wait $server 2>/dev/null || true
	after=$(sqlite3 "$db" "SELECT count(*) FROM org WHERE status = 'pending'")
	accepted=$((after - before))
	mail=""
	[ "$mode" = off ] || mail=$(sqlite3 "$db" "SELECT '  mail: ' || count(*) FILTER (WHERE state = 'sent') || ' sent, '
		|| count(*) FILTER (WHERE state <> 'sent') || ' waiting' FROM outbox")
	printf 'round %d mail %-3s: accepted %d in %ds = %d/s  %s%s\n' "$round" "$mode" "$accepted" "$secs" \
		$((accepted / secs)) "$line" "$mail"
done
done
rm -rf "$out/apply-db" "$out/bodies.txt" "$out/warmup.txt"
