#!/usr/bin/env bash
# Plain CGI against FastCGI under one real Apache, as a shared host runs the upload bundle:
# /list?page=3 on the 100,000-organization database (bench/mkdb.sh), by the bundle's
# cgi-bin/list.fcgi under mod_fcgid (the process stays) and the same file under mod_cgi alone
# (a new process per request), on two sites of one kind (tests/apache-site.sh): the bundle has
# one file per program, and .htaccess hands it to mod_fcgid wherever that module is loaded. Measured two ways:
#   - requests/s with 16 connections, side by side with the anchors of ../shared/anchors/run.sh
#     in the same run (wrk), and the ratios;
#   - what one visitor waits: time to first byte of single requests one after another (curl),
#     median of REQUESTS, after one request has made the page.
#
#   bench/apache.sh [seconds] [rounds] [requests]     (defaults 5, 3 and 200)
set -euo pipefail
secs=${1:-5} rounds=${2:-3} requests=${3:-200}
here=$(cd "$(dirname "$0")/.." && pwd)
db=$here/bench/out/bench.db
[ -f "$db" ] || "$here/bench/mkdb.sh" 100000 "$db" "$here/build"
bundle=$(ls "$here"/build/liaison-*-linux-x86_64.tar.gz 2>/dev/null | head -1)
[ -n "$bundle" ] || { echo "bench/apache.sh: run make dist first" >&2; exit 1; }
dir=$(mktemp -d) cgidir=$(mktemp -d)
port=$((35000 + RANDOM % 5000))
trap 'kill "$(cat "$dir/run/httpd.pid")" "$(cat "$cgidir/run/httpd.pid")" 2>/dev/null; sleep 0.5; rm -rf "$dir" "$cgidir"' EXIT

site() {	# folder, port, modules...: a site serving the benchmark database
	local d=$1 p=$2; shift 2
	"$here/tests/apache-site.sh" "$d" "$p" "$bundle" "$@"
	mkdir -p "$d/liaison-data"
	cp "$db" "$d/liaison-data/liaison.db"
	LIAISON_SCHEMA=$here/schema "$here/build/liaison-admin" migrate "$d/liaison-data/liaison.db" > /dev/null
	rm -f "$d"/liaison-data/liaison-before-upgrade-*.db
	chmod 700 "$d/liaison-data"; chmod 600 "$d/liaison-data/liaison.db"
	[ "$(id -u)" = 0 ] && chown -R nobody:nogroup "$d/liaison-data"
	return 0
}
site "$dir" "$port" fcgid cgi
site "$cgidir" $((port + 1)) cgi
fcgi="http://127.0.0.1:$port/library/partners/cgi-bin/list.fcgi?page=3"
cgi="http://127.0.0.1:$((port + 1))/library/partners/cgi-bin/list.fcgi?page=3"
for u in "$fcgi" "$cgi"; do
	rows=$(curl -sf "$u" | grep -c '<li class="org">' || true)
	[ "$rows" -ge 20 ] || { echo "bench/apache.sh: $u shows $rows rows" >&2; exit 1; }
done

echo "== requests/s, with the anchors (../shared/anchors/run.sh $secs $rounds)"
"$here/../shared/anchors/run.sh" "$secs" "$rounds" "apache-fcgid=$fcgi" "apache-cgi=$cgi" | grep -v '^round'

echo "== one visitor: time to first byte, $requests requests one after another"
ttfb() {	# url → median ms
	for ((i = 0; i < requests; i++)); do curl -s -o /dev/null -w '%{time_starttransfer}\n' "$1"; done |
		sort -n | awk '{ v[NR] = $1 } END { printf "%.2f ms (fastest %.2f, slowest %.2f)\n", v[int((NR + 1) / 2)] * 1000, v[1] * 1000, v[NR] * 1000 }'
}
printf '%-28s %s\n' "static file (liaison.css)" "$(ttfb "http://127.0.0.1:$port/library/partners/htdocs/liaison.css")"
printf '%-28s %s\n' "list.fcgi?page=3 (mod_fcgid)" "$(ttfb "$fcgi")"
printf '%-28s %s\n' "list.fcgi?page=3 (mod_cgi)" "$(ttfb "$cgi")"

# The first request after the directory changed (an entry confirmed) makes the page anew: the
# six filter menus are counted over every entry again, then the page is kept for the next.
echo "== the first request after a change, 5 times"
as_site=(); [ "$(id -u)" = 0 ] && as_site=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
after_change() {	# url, site folder → median ms of 5
	for _ in 1 2 3 4 5; do
		"${as_site[@]}" sqlite3 "$2/liaison-data/liaison.db" \
			"UPDATE org SET confirmed_on = date('now') WHERE id = (SELECT max(id) FROM org WHERE status = 'listed')"
		curl -s -o /dev/null -w '%{time_starttransfer}\n' "$1"
	done | sort -n | awk '{ v[NR] = $1 } END { printf "median %.1f ms (fastest %.1f, slowest %.1f)\n", v[3] * 1000, v[1] * 1000, v[5] * 1000 }'
}
printf '%-28s %s\n' "list.fcgi?page=3 (mod_fcgid)" "$(after_change "$fcgi" "$dir")"
printf '%-28s %s\n' "list.fcgi?page=3 (mod_cgi)" "$(after_change "$cgi" "$cgidir")"
