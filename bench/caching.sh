#!/usr/bin/env bash
# make bench (issue 22): the public pages through the shipped cache front
# (conf/nginx/cache-front.conf, nginx's proxy_cache before the site), side by side with the
# static-file anchor of ../shared/anchors/run.sh in the same run; then a conditional GET the
# program answers 304 itself against the same page served in full from its warm page cache.
# On the 100,000-entry database of bench/run.sh (bench/out/bench.db, built if missing).
#
#   bench/caching.sh [seconds-per-run] [rounds]      (defaults 8 and 3)
#
# Record results in bench/CACHING.md with the date and these commands.
set -euo pipefail
secs=${1:-8} rounds=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
anchors=$here/../shared/anchors/run.sh
[ -x "$anchors" ] || anchors="bash $anchors"
out=$here/bench/out
mkdir -p "$out"
port=18094 front_port=18095
db=$out/bench.db
want=$(ls "$here"/schema/[0-9][0-9][0-9]_*.sql | wc -l)
if [ ! -f "$db" ]; then
	echo "building $db (100,000 organizations)…"
	"$here/bench/mkdb.sh" 100000 "$db" "$here/build"
elif [ "$(sqlite3 "$db" 'PRAGMA user_version')" != "$want" ]; then
	LIAISON_SCHEMA=$here/schema "$here/build/liaison-admin" migrate "$db" >/dev/null
fi

"$here/conf/serve.sh" --port $port --bin "$here/build" --db "$db" --dir "$out/run-caching" --quiet \
	> "$out/serve-caching.log" 2>&1 &
server=$!
front=$out/front
rm -rf "$front"; mkdir -p "$front"/{cache,tmp}; chmod -R 777 "$front"
sed -e "s|@CACHEDIR@|$front/cache|" -e "s|@ORIGIN@|127.0.0.1:$port|" \
    -e "s|@LISTEN@|127.0.0.1:$front_port|" -e "s|@NAME@|localhost|" \
    "$here/conf/nginx/cache-front.conf" > "$front/front.conf"
cat > "$front/nginx.conf" <<EOC
worker_processes 1;
pid $front/nginx.pid;
error_log $front/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $front/tmp; proxy_temp_path $front/tmp; fastcgi_temp_path $front/tmp;
  uwsgi_temp_path $front/tmp; scgi_temp_path $front/tmp;
  include $front/front.conf;
}
EOC
trap 'kill $(cat "$front/nginx.pid" 2>/dev/null) $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for i in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/list" && break; sleep 0.1; done
nginx -p "$front" -c "$front/nginx.conf"
base=http://127.0.0.1:$port
cached=http://127.0.0.1:$front_port
for u in "/list?page=3" "/search?q=library"; do curl -s -o /dev/null "$cached$u"; curl -s -o /dev/null "$cached$u"; done
echo "cache front: $(curl -s -o /dev/null -D - "$cached/list?page=3" | grep -i '^x-cache-status' | tr -d '\r')"

echo "== requests/s, wrk -t1 -c16, ${secs}s x $rounds rounds (anchors and Liaison in the same run)"
$anchors "$secs" "$rounds" \
	"front_list=$cached/list?page=3" \
	"front_search=$cached/search?q=library" \
	"list=$base/list?page=3" \
	"search=$base/search?q=library" | tee "$out/caching-anchors.txt"

echo
echo "== the program's own 304 against the full page from its warm page cache (wrk -t1 -c16, ${secs}s x $rounds)"
for u in "/list?page=3" "/search?q=library"; do
	etag=$(curl -s -o /dev/null -D - "$base$u" | awk 'tolower($1) == "etag:" { print $2 }' | tr -d '\r')
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base$u")
	[ "$code" = 304 ] || { echo "no 304 for $u (got $code)" >&2; exit 1; }
	full=0 cond=0
	for r in $(seq "$rounds"); do
		f=$(wrk -t1 -c16 -d"${secs}s" "$base$u" | awk '/Requests\/sec/ { print $2 }')
		c=$(wrk -t1 -c16 -d"${secs}s" -H "If-None-Match: $etag" "$base$u" | awk '/Requests\/sec/ { print $2 }')
		echo "round $r $u full $f req/s, 304 $c req/s"
		full=$(echo "$full + $f" | bc -l) cond=$(echo "$cond + $c" | bc -l)
	done
	printf '%s: full %.0f req/s, 304 %.0f req/s, 304/full %.2f\n' "$u" \
	    "$(echo "$full / $rounds" | bc -l)" "$(echo "$cond / $rounds" | bc -l)" "$(echo "$cond / $full" | bc -l)"
done | tee "$out/caching-304.txt"
