#!/usr/bin/env bash
# Plain CGI, the slow path of shared hosting: each request starts the program afresh. Runs a
# program as a web server's mod_cgi would (the CGI environment, output to /dev/null), RUNS times
# in a row, and prints the mean time per request in ms, for:
#   - /list?page=3 on the 100,000-organization bench database (bench/mkdb.sh), the target page
#   - the program's start alone: an OPTIONS request, answered 405 before any database work, i.e.
#     exec to first byte
# each with the dynamically linked build (build/) and the fully static bundle build (build/dist,
# `make dist`), when present. Median of ROUNDS rounds.
#
#   bench/cgi.sh [runs] [rounds]          (defaults 200 and 5)
set -euo pipefail
runs=${1:-200} rounds=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
db=$here/bench/out/bench.db
# Made again when missing or made by an older schema (the programs would answer 503).
want=$(ls "$here"/schema/[0-9][0-9][0-9]_*.sql | wc -l)
if [ ! -f "$db" ] || [ "$(sqlite3 "$db" 'PRAGMA user_version')" != "$want" ]; then
	rm -f "$db"
	"$here/bench/mkdb.sh" 100000 "$db" "$here/build"
fi

one() {	# binary method query → mean ms over $runs
	local bin=$1 method=$2 query=$3 start end
	start=$(date +%s%N)
	for ((i = 0; i < runs; i++)); do
		env -i GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD="$method" QUERY_STRING="$query" \
			SCRIPT_NAME=/cgi-bin/list.cgi SERVER_NAME=library.example SERVER_PORT=80 \
			HTTP_HOST=library.example LIAISON_DB="$db" LIAISON_TEMPLATES="$here/templates" \
			"$bin" > /dev/null
	done
	end=$(date +%s%N)
	awk -v ns=$((end - start)) -v n="$runs" 'BEGIN { printf "%.2f\n", ns / n / 1e6 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# What starting a process costs at all on this machine: the anchor.
anchor() {
	local start end
	start=$(date +%s%N)
	for ((i = 0; i < runs; i++)); do env -i /bin/true; done
	end=$(date +%s%N)
	awk -v ns=$((end - start)) -v n="$runs" 'BEGIN { printf "%.2f\n", ns / n / 1e6 }'
}

printf '%-34s %-8s %s\n' "CGI, $runs requests a round" "median" "rounds (ms per request)"
report() {	# label, then the command that prints one round's ms
	local label=$1; shift
	local all
	all=$(for ((r = 0; r < rounds; r++)); do "$@"; done)
	printf '%-34s %-8s %s\n' "$label" "$(median <<< "$all") ms" "$(tr '\n' ' ' <<< "$all")"
}
report "anchor: env -i /bin/true" anchor
for build in build build/dist; do
	bin=$here/$build/cgi-bin/list
	[ -x "$bin" ] || continue
	kind=dynamic; [ "$build" = build/dist ] && kind=static
	report "list, start only (405), $kind" one "$bin" OPTIONS ""
	report "/list?page=3, $kind" one "$bin" GET "page=3"
	report "/list?country=FR&page=3, $kind" one "$bin" GET "country=FR&page=3"
done
