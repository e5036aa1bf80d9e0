#!/usr/bin/env bash
# make bench: /list and /search through nginx, side by side with the shared anchors in the same
# run, on a database of 100,000 organizations; the CSV export of all rows (time and memory);
# then search and matchmaking latency in-process (build/searchbench).
#
#   bench/run.sh [seconds-per-run] [rounds]      (defaults 8 and 3)
#
# Prints requests/s and the ratios against the anchors (run.sh's own output), then export
# times and the FastCGI process's peak memory before and after exporting. Record results in
# bench/README.md with the date and these commands.
set -euo pipefail
secs=${1:-8} rounds=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
anchors=$here/../shared/anchors/run.sh
[ -x "$anchors" ] || anchors="bash $anchors"
out=$here/bench/out
mkdir -p "$out"
port=18090
db=$out/bench.db
# Rebuilt when missing or made by an older schema.
want=$(ls "$here"/schema/[0-9][0-9][0-9]_*.sql | wc -l)
if [ ! -f "$db" ] || [ "$(sqlite3 "$db" 'PRAGMA user_version')" != "$want" ]; then
	echo "building $db (100,000 organizations)…"
	rm -f "$db"
	"$here/bench/mkdb.sh" 100000 "$db" "$here/build"
fi

# Two servers on the same database: as shipped (page cache on), and with the page cache off,
# which measures the work of rendering a page from the database every time.
"$here/conf/serve.sh" --port $port --bin "$here/build" --db "$db" --dir "$out/run" --quiet > "$out/serve.log" 2>&1 &
server=$!
LIAISON_PAGE_CACHE=0 "$here/conf/serve.sh" --port $((port + 1)) --bin "$here/build" --db "$db" \
	--dir "$out/run-nocache" --quiet > "$out/serve-nocache.log" 2>&1 &
server2=$!
trap 'kill $server $server2 2>/dev/null; wait $server $server2 2>/dev/null || true' EXIT
for p in $port $((port + 1)); do
	for i in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$p/list" && break; sleep 0.1; done
done

base=http://127.0.0.1:$port
cold=http://127.0.0.1:$((port + 1))
echo "== requests/s, wrk -t1 -c16, ${secs}s x $rounds rounds (anchors and Liaison in the same run)"
$anchors "$secs" "$rounds" \
	"list=$base/list?page=3" \
	"list_country=$base/list?country=FR&page=3" \
	"list_interest=$base/list?interest=pen_pals&page=3" \
	"list_nocache=$cold/list?page=3" \
	"country_nocache=$cold/list?country=FR&page=3" \
	"interest_nocache=$cold/list?interest=pen_pals&page=3" \
	"profile=$base/list/4242" \
	"search=$base/search?q=library" \
	"search_rare=$base/search?q=a1234" \
	"search_nocache=$cold/search?q=library" \
	"search_rare_nocache=$cold/search?q=a1234" \
	"match=$base/search?match=4242" \
	"match_nocache=$cold/search?match=4242" | tee "$out/anchors.txt"

echo
echo "== CSV export of all 100,000 rows (5 runs; median)"
pids=$(cat "$out/run/list.pid")
hwm() { for p in $pids; do awk '/VmHWM/{print $2}' /proc/$p/status; done | sort -n | tail -1; }
before=$(hwm)
times=()
for i in 1 2 3 4 5; do
	t=$(curl -s -o "$out/export.csv" -w '%{time_total}' "$base/list?format=csv")
	times+=("$t")
done
rows=$(($(wc -l < "$out/export.csv") - 1))
after=$(hwm)
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
printf 'rows %d  bytes %d  times %s  median %.3f s\n' "$rows" "$(stat -c %s "$out/export.csv")" "${times[*]}" "$median"
printf 'list process peak RSS: %d kB before the exports, %d kB after (difference %d kB)\n' "$before" "$after" $((after - before))

echo
echo "== search and match in-process, 200 iterations each (ms)"
"$here/build/searchbench" "$db" 200 | tee "$out/searchbench.txt"
