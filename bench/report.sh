#!/usr/bin/env bash
# The report benchmark (issue 6): on a database of ACTIVITIES activities (1,000,000 by default)
# over the five years 2022-2026 (bench/reportdb.sh), served by the optimized build behind nginx:
#   - a one-year HTML report (FY2025), REQUESTS times each: as the public sees it, as a board
#     member sees it (with the partnerships table), and for one host; median and 90th percentile
#   - the activities CSV of every row, RUNS times: seconds, rows/s, and the report process's
#     peak memory before and after (it must not grow with the rows)
#   - the anchor for the CSV: sqlite3's own CSV output of the same rows, in the same run
#
#   bench/report.sh [activities] [requests] [runs]      (defaults 1000000, 50, 3)
set -euo pipefail
n=${1:-1000000} requests=${2:-50} runs=${3:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/bench/out
port=18094
db=$out/report.db
mkdir -p "$out"
want="$(ls "$here"/schema/[0-9][0-9][0-9]_*.sql | wc -l) $n"
if [ ! -f "$db" ] || [ "$(cat "$db.made" 2>/dev/null)" != "$want" ]; then
	echo "building $db ($n activities; about a minute a million)…"
	"$here/bench/reportdb.sh" "$db" "$n" "$here/build"
	echo "$want" > "$db.made"
fi
"$here/conf/serve.sh" --port $port --bin "$here/build" --db "$db" --dir "$out/run-report" --quiet > "$out/serve-report.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for i in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/list" && break; sleep 0.1; done
base=http://127.0.0.1:$port

# A board member's session, for the signed-in report and the activities table.
jar=$out/report.cookies
printf 'a long bench password\n' | LIAISON_DB=$db "$here/build/liaison-admin" user add bench-board board > /dev/null 2>&1 || true
rm -f "$jar"
token=$(curl -s -c "$jar" "$base/staff/sign-in" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -b "$jar" -c "$jar" --data "csrf=$token&name=bench-board&password=a+long+bench+password" "$base/staff/sign-in"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
p90() { sort -n | awk '{ v[NR] = $1 } END { print v[int(NR * 0.9 + 0.5)] }'; }

host=$(sqlite3 "$db" "SELECT host_id FROM partnership GROUP BY host_id ORDER BY count(*) DESC LIMIT 1")
echo "one-year HTML report (FY2025, $(sqlite3 "$db" "SELECT count(*) FROM activity WHERE held_on LIKE '2025%'") activities), $requests requests each, ms:"
for spec in "public||/report?fy=2025" "board|$jar|/report?fy=2025" "board, one host|$jar|/report?fy=2025&host=$host"; do
	IFS='|' read -r name cookies path <<< "$spec"
	times=$(for i in $(seq "$requests"); do
		curl -s -o /dev/null ${cookies:+-b "$cookies"} -w '%{time_total}\n' "$base$path"
	done | awk '{ printf "%.1f\n", $1 * 1000 }')
	status=$(curl -s -o /dev/null ${cookies:+-b "$cookies"} -w '%{http_code}' "$base$path")
	printf '  %-16s median %6s  p90 %6s  (HTTP %s, %s)\n' "$name" "$(median <<< "$times")" "$(p90 <<< "$times")" "$status" "$path"
done

rows=$(sqlite3 "$db" "SELECT count(*) FROM activity")
pid=$(head -1 "$out/run-report/report.pid")
hwm() { awk '/VmHWM/ { print $2 }' "/proc/$1/status"; }
echo "activities CSV, all $rows rows, $runs runs (report process peak memory before: $(hwm "$pid") kB):"
csv="$base/report?from=2022-01-01&to=2026-12-31&format=csv&table=activities"
secs=$(for i in $(seq "$runs"); do
	curl -s -b "$jar" -o "$out/report-activities.csv" -w '%{time_total}\n' "$csv"
done)
got=$(($(wc -l < "$out/report-activities.csv") - 1))
[ "$got" -ge "$rows" ] || { echo "report.sh: the CSV has $got rows of $rows" >&2; exit 1; }
m=$(median <<< "$secs")
printf '  median %.2f s (runs: %s), %s rows/s, %s MB; peak memory after: %s kB\n' "$m" "$(tr '\n' ' ' <<< "$secs")" \
	"$(awk -v r="$rows" -v s="$m" 'BEGIN { printf "%d", r / s }')" "$(( $(stat -c %s "$out/report-activities.csv") / 1048576 ))" "$(hwm "$pid")"
anchor=$(for i in $(seq "$runs"); do
	/usr/bin/time -f '%e' sqlite3 -csv "$db" "SELECT * FROM activity ORDER BY held_on, id" 2>&1 > /dev/null | tail -1
done)
am=$(median <<< "$anchor")
printf '  anchor: sqlite3 -csv of the same rows, median %.2f s (runs: %s); Liaison through nginx takes %.2fx its time\n' \
	"$am" "$(tr '\n' ' ' <<< "$anchor")" "$(awk -v a="$am" -v b="$m" 'BEGIN { print b / a }')"
