#!/usr/bin/env bash
# Reads while applications arrive (issue 15): do public pages keep their speed while a writer
# posts applications? On a copy of the 100,000-entry bench database (bench/mkdb.sh), served by
# the optimized build with conf/serve.sh, each of three pages is measured with wrk (-t1 -c16)
# idle, then again while a paced writer (bench/applyrate.lua: wrk -t1 -c4 with a fixed
# schedule) posts valid applications (build/applybodies: fresh form tokens, new names) to
# /apply at RATE a second for the whole read window. The writer's 303 answers are counted per
# wall-clock second; every whole second of the read window must hold at least 50, or the run
# is INVALID and says so. The shared anchors (../shared/anchors/run.sh) run first, in the same
# run, so that the figures can be quoted against rawc and PHP. After each window under writes
# it waits for the programs to finish the requests the readers left behind, so that no window
# pays for the one before it.
#
#   bench/readwrite.sh [--check] [seconds-per-window] [rounds]     (defaults 8 and 3)
#   RATE=60 bench/readwrite.sh …      the writer's pace (default 55/s: a whole second then
#                                     holds 50 answers even when answers jitter across its edges)
#   ANCHORS=0 bench/readwrite.sh …    skip the anchors
#
# Prints one line per window, then a table per page: idle req/s, req/s under writes, their
# ratio, p99 latency both ways, and the writer's 303 answers per second (the fewest in any
# whole second of the read windows, and the mean). --check exits 1 if a page under writes
# keeps less than half its idle req/s, if a reader got errors, or if the run is invalid;
# without it the script exits 0 whatever it measured (make bench goes on). Loopback only;
# bounded: 3 × rounds × (2 × seconds + 3) s of wrk, at most 2 × 120 s of waiting per window
# (about 7 minutes with the defaults on 2 cores, anchors included), and every wrk and curl has
# a timeout. Each wrk's output is kept in bench/out/readwrite-wrk.log, the rounds in
# bench/out/readwrite.tsv.
set -euo pipefail
check=0 args=()
for a in "$@"; do
	case $a in
	--check) check=1 ;;
	-h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	-*) echo "readwrite.sh: unknown option $a" >&2; exit 2 ;;
	*) args+=("$a") ;;
	esac
done
secs=${args[0]:-8} rounds=${args[1]:-3} rate=${RATE:-55}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/bench/out
port=18093
base=http://127.0.0.1:$port
pages=("/search?q=library" "/list?page=3" "/search?match=4242")
mkdir -p "$out"
[ -x "$here/build/applybodies" ] || { echo "readwrite.sh: make build/applybodies first" >&2; exit 2; }

# The bench database, rebuilt when missing or made by an older schema (as bench/run.sh does).
want=$(ls "$here"/schema/[0-9][0-9][0-9]_*.sql | wc -l)
if [ ! -f "$out/bench.db" ] || [ "$(sqlite3 "$out/bench.db" 'PRAGMA user_version')" != "$want" ]; then
	echo "building $out/bench.db (100,000 organizations)…"
	rm -f "$out/bench.db"
	"$here/bench/mkdb.sh" 100000 "$out/bench.db" "$here/build"
fi
# A copy, so that the applications of one run do not pile up in the next.
db=$out/readwrite.db
rm -f "$db" "$db-wal" "$db-shm"
cp "$out/bench.db" "$db"

# Every request comes from 127.0.0.1, so the per-address hourly limit is raised for the bench
# (as bench/apply.sh does); the token, honeypot, duplicate check and audit record stay on.
LIAISON_APPLY_PER_HOUR=1000000 "$here/conf/serve.sh" --port $port --bin "$here/build" --db "$db" \
	--dir "$out/run-readwrite" --quiet > "$out/serve-readwrite.log" 2>&1 &
server=$!
writer=
cleanup() {
	[ -n "$writer" ] && kill "$writer" 2>/dev/null
	kill $server 2>/dev/null; wait $server 2>/dev/null
	rm -f "$db" "$db-wal" "$db-shm" "$out/rw-bodies.txt" "$out/rw-counts.txt" "$out"/rw-wrk*.txt
}
trap cleanup EXIT
for i in $(seq 100); do curl -sf -m 10 -o /dev/null "$base/list" && break; sleep 0.1; done
for p in "${pages[@]}"; do	# each page must be a real page of results, not an error
	rows=$(curl -sf -m 60 "$base$p" | grep -c '<li class="org">' || true)
	[ "$rows" -ge 20 ] || { echo "readwrite.sh: $p shows $rows results" >&2; exit 1; }
done
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; anything else running skews every figure)"

rawc= php=
anchors=$here/../shared/anchors/run.sh
if [ "${ANCHORS:-1}" = 0 ] || [ ! -f "$anchors" ]; then
	echo "== anchors skipped"
elif (exec 3<>/dev/tcp/127.0.0.1/18080) 2>/dev/null; then
	echo "== anchors SKIPPED: 127.0.0.1:18080 is taken (another anchors run?); no ratios to rawc"
else
	echo "== anchors, wrk -t1 -c16, ${secs}s x $rounds rounds, in this run (../shared/anchors/run.sh)"
	bash "$anchors" "$secs" "$rounds" | grep -v '^round' | tee "$out/rw-anchors.txt"
	rawc=$(awk '$1 == "rawc" { print $3 }' "$out/rw-anchors.txt")
	php=$(awk '$1 == "list.php" { print $3 }' "$out/rw-anchors.txt")
fi

# wrk's output → "req/s p99-ms errors": errors are socket errors (timeouts included) and
# answers other than 2xx/3xx, either of which would make a fast req/s meaningless.
readers() {
	wrk -t1 -c16 -d"${secs}s" --timeout 10s --latency "$1" > "$out/rw-wrk.txt"
	{ echo "### $(date +%T) $1"; cat "$out/rw-wrk.txt"; } >> "$log"
	awk '
		/Requests\/sec/ { rps = $2 }
		$1 == "99%" { v = $2 + 0; u = $2; sub(/^[0-9.]+/, "", u)
			p99 = u == "us" ? v / 1000 : u == "ms" ? v : u == "s" ? v * 1000 : v * 60000 }
		/Socket errors/ { gsub(/,/, ""); err += $4 + $6 + $8 + $10 }
		/Non-2xx/ { err += $5 }
		END { printf "%.1f %.1f %d\n", rps, p99, err }' "$out/rw-wrk.txt"
}
# Waits, at most 120 s, until a page is served without a stall: two requests at once (one for
# each of the program's processes), each answered 200 in under 0.25 s, twice in a row. Before
# an idle window this makes the page again in both processes after the last window's writes.
# After a window under writes it waits out the requests the readers left unanswered when their
# window closed: the program still makes each of them (a page whose visitor has gone is not
# kept), which would otherwise be charged to the next window. Its own requests wait for their
# answers, so that it adds no such leftovers itself.
settle() {
	local fast=0 deadline=$((SECONDS + 120))
	while [ $SECONDS -lt $deadline ]; do
		if curl -s -Z --parallel-immediate -m 120 -o /dev/null -o /dev/null \
			-w '%{http_code} %{time_total}\n' "$1" "$1" 2>/dev/null |
			awk '$1 != 200 || $2 >= 0.25 { slow = 1 } END { exit slow || NR != 2 }'; then
			fast=$((fast + 1)); [ $fast -ge 2 ] && return 0
		else
			fast=0
		fi
	done
	echo "readwrite.sh: $1 still stalled 120 s after its window" >&2
}
pending() { sqlite3 "$db" "SELECT count(*) FROM org WHERE status = 'pending'"; }

results=$out/readwrite.tsv	# page round idle p99 err loaded p99 err min303 total303 seconds
log=$out/readwrite-wrk.log	# every wrk output of the run, readers' and writer's, kept for a look
: > "$results"; : > "$log"
echo "== wrk -t1 -c16 -d${secs}s per window; the writer posts applications at $rate/s (wrk -t1 -c4)"
for round in $(seq "$rounds"); do
	for p in "${pages[@]}"; do
		# Idle: from a settled server (the last window's writes emptied the page caches).
		settle "$base$p"
		read -r irps ip99 ierr <<< "$(readers "$base$p")"

		# Under writes: the writer starts a second before the readers and stops two after.
		"$here/build/applybodies" "$db" $((rate * (secs + 4) + 100)) > "$out/rw-bodies.txt"
		before=$(pending)
		RATE=$rate BODIES=$out/rw-bodies.txt COUNTS=$out/rw-counts.txt wrk -t1 -c4 -d$((secs + 3))s \
			--timeout 10s -s "$here/bench/applyrate.lua" "$base" > "$out/rw-wrk-writer.txt" &
		writer=$!
		sleep 1
		start=$(date +%s.%N)
		read -r lrps lp99 lerr <<< "$(readers "$base$p")"
		end=$(date +%s.%N)
		wait $writer; writer=
		{ echo "### $(date +%T) writer"; cat "$out/rw-wrk-writer.txt"; } >> "$log"
		added=$(($(pending) - before))
		settle "$base$p"
		# The writer's 303 answers in each whole second of the read window [start, end).
		read -r min total n mean <<< "$(awk -v s="$start" -v e="$end" '
			BEGIN { first = int(s) + (s > int(s)); last = int(e) - 1 }
			{ c[$1] = $2 }
			END { min = -1; for (t = first; t <= last; t++) { v = c[t] + 0; total += v; n++
				if (min < 0 || v < min) min = v }
				printf "%d %d %d %.1f\n", min, total, n, n ? total / n : 0 }' "$out/rw-counts.txt")"
		printf '%s\t%d\t%s\t%s\t%d\t%s\t%s\t%d\t%d\t%d\t%d\n' "$p" "$round" "$irps" "$ip99" "$ierr" \
			"$lrps" "$lp99" "$lerr" "$min" "$total" "$n" >> "$results"
		printf 'round %d %-20s idle %9.1f req/s p99 %8.1f ms | writes %9.1f req/s p99 %8.1f ms | writer 303/s min %d mean %.1f over %d s; %s\n' \
			"$round" "$p" "$irps" "$ip99" "$lrps" "$lp99" "$min" "$mean" "$n" \
			"$(grep '^writer:' "$out/rw-wrk-writer.txt" | sed 's/^writer: //'); new pending rows $added"
	done
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The table: req/s are the means of the rounds (as the anchors report theirs), the ratio is
# theirs, p99 the median of the rounds (wrk's, which corrects for coordinated omission: a
# connection stalled for seconds also counts the requests it would have sent meanwhile, so a
# stall shows in p99 even though only 16 requests waited through it); the writer's fewest 303 in any whole second of any of
# the page's read windows, and its mean over all of them.
echo
echo "== reads while applications arrive: $rounds rounds of ${secs}s, 16 connections, writer at $rate/s"
summary=$(awk -F'\t' -v rawc="$rawc" -v php="$php" '
	function median(list,   a, k, i, j, t) { k = split(list, a, " ")
		for (i = 2; i <= k; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
		return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
	!($1 in seen) { seen[$1] = 1; order[++np] = $1 }
	{ n[$1]++; idle[$1] += $3; ip[$1] = ip[$1] " " $4; ierr[$1] += $5
	  load[$1] += $6; lp[$1] = lp[$1] " " $7; lerr[$1] += $8
	  if (!($1 in mn) || $9 < mn[$1]) mn[$1] = $9; tot[$1] += $10; sec[$1] += $11 }
	END {
		printf "| page | idle req/s | under writes req/s | ratio | p99 idle | p99 under writes | writer 303/s min / mean | reader errors |%s\n", rawc ? " idle ÷ rawc | writes ÷ rawc |" : ""
		printf "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%s\n", rawc ? " ---: | ---: |" : ""
		for (i = 1; i <= np; i++) { p = order[i]; a = idle[p] / n[p]; b = load[p] / n[p]; r = a > 0 ? b / a : 0
			printf "| `%s` | %.0f | %.1f | %s%.2g%s | %.1f ms | %.1f ms | %d / %.1f | %d / %d |", p, a, b,
				r < 0.5 ? "**" : "", r, r < 0.5 ? "**" : "", median(ip[p]), median(lp[p]), mn[p],
				sec[p] ? tot[p] / sec[p] : 0, ierr[p], lerr[p]
			if (rawc) printf " %.2f | %.4f |", a / rawc, b / rawc
			printf "\n"
			if (r < 0.5) low++
			if (mn[p] < 50 || (sec[p] ? tot[p] / sec[p] : 0) < 50) invalid++
			if (ierr[p] + lerr[p] > 0) errs++ }
		if (rawc) printf "anchors in this run: rawc %.0f req/s, PHP %.0f req/s\n", rawc, php
		printf "STATUS %d %d %d\n", low, invalid, errs }' "$results")
grep -v '^STATUS' <<< "$summary"
read -r _ low invalid errs <<< "$(grep '^STATUS' <<< "$summary")"
echo
if [ "$invalid" -gt 0 ]; then
	echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
	echo "!!! INVALID RUN: for $invalid page(s) the writer had a whole second with fewer than 50"
	echo "!!! answered 303 (or fewer than 50/s on average): the pages were not measured under the"
	echo "!!! required load. Do not record these figures."
	echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
fi
[ "$errs" -gt 0 ] && echo "readers got errors (socket errors or answers other than 2xx/3xx) for $errs page(s): see the last column"
if [ "$low" -gt 0 ]; then
	echo "target not met: $low of ${#pages[@]} pages kept less than half their idle req/s under writes"
else
	echo "target met: every page kept at least half its idle req/s under writes"
fi
[ "$check" = 1 ] && [ $((low + invalid + errs)) -gt 0 ] && exit 1
exit 0
