#!/usr/bin/env bash
# Instructions per request, before and after the refactor (issue 16), for the pages
# bench/refactor.sh measures: a count that does not move with the machine's load, where wrk's
# req/s on a shared machine do. Uses what bench/refactor.sh left in build/refactor (the tree
# before, both databases, the staff sessions), so run that first. For each page and build, one
# FastCGI process runs under valgrind --tool=callgrind behind a bare nginx, twice: once for WARM
# requests, once for WARM + REQUESTS; the difference of the two totals, divided by REQUESTS, is
# what a request costs once the process is warm (its page cache filled, its statements
# prepared). Two runs rather than callgrind_control -z: vgdb cannot reach a process that waits
# in accept() where ptrace is not allowed, and hangs.
#
#   bench/refcount.sh [page ...]            (default: every page; names as in refactor.sh)
#   WARM=3 REQUESTS=20 bench/refcount.sh list_nocache
#   The callgrind files stay in build/refactor/cg for callgrind_annotate.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$here/build/refactor
warm=${WARM:-3} requests=${REQUESTS:-20}
port=18106
[ -f "$work/db-after/made" ] && [ -f "$work/src-before/.commit" ] ||
	{ echo "refcount.sh: run bench/refactor.sh first (it makes build/refactor)" >&2; exit 1; }
command -v nginx >/dev/null || PATH=$PATH:/usr/sbin
cg=$work/cg
rm -rf "$cg" && mkdir -p "$cg/tmp"
user=() nginx_user=
if [ "$(id -u)" = 0 ]; then	# as conf/serve.sh: the programs and nginx's workers as www-data
	chown www-data: "$cg"
	user=(-u www-data -g www-data -U www-data -G www-data)
	nginx_user="user www-data www-data;"
fi
cookie() { awk -F'\t' 'NF >= 7 && (!/^#/ || /^#HttpOnly_/) { printf "%s%s=%s", n++ ? "; " : "", $6, $7 }' "$1"; }
host=$(sqlite3 "$work/db-after/report.db" "SELECT host_id FROM partnership GROUP BY host_id ORDER BY count(*) DESC LIMIT 1")
pship=$(sqlite3 "$work/db-after/report.db" "SELECT partnership_id FROM activity GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
# name | program | database (bench or report) | page cache (off: 0) | path | signed in
all=(
	"list|list|bench||/list?page=3|"
	"list_country|list|bench||/list?country=FR&page=3|"
	"list_interest|list|bench||/list?interest=pen_pals&page=3|"
	"profile|list|bench||/list/4242|"
	"search|search|bench||/search?q=library|"
	"search_rare|search|bench||/search?q=a1234|"
	"match|search|bench||/search?match=4242|"
	"list_nocache|list|bench|0|/list?page=3|"
	"search_rare_nocache|search|bench|0|/search?q=a1234|"
	"match_nocache|search|bench|0|/search?match=4242|"
	"report|report|report||/report?fy=2025|"
	"report_staff|report|report||/report?fy=2025|1"
	"staff_entries|staff|report||/staff/entries|1"
	"staff_org|staff|report||/staff/org/$host|1"
	"partnership|partnerships|report||/partnerships/$pship|1"
)
want=" ${*:-} "
pids=()
stop() { [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null; pids=(); }
trap stop EXIT
# instructions side spec n: the total of one callgrind process that served n requests.
total() {
	local side=$1 name prog db cache path signed tree bin jar n=$3 i code
	IFS='|' read -r name prog db cache path signed <<< "$2"
	if [ "$side" = before ]; then tree=$work/src-before jar=$work/cookies-18102
	else tree=$here jar=$work/cookies-18105; fi
	bin=$tree/build
	local out=$cg/$name.$side.$n.out
	rm -f "$cg/p.sock" "$cg/p.pid" "$cg/nginx.pid" "$out"
	env LIAISON_DB="$work/db-$side/$db.db" LIAISON_TEMPLATES="$tree/templates" LIAISON_STATIC_URL=/static \
		LIAISON_SITE_NAME="Libraries Seeking Partners" ${cache:+LIAISON_PAGE_CACHE=$cache} \
		spawn-fcgi -s "$cg/p.sock" -M 0600 "${user[@]}" -P "$cg/p.pid" -- \
		"$(command -v valgrind)" --tool=callgrind --callgrind-out-file="$out" \
		"$bin/cgi-bin/$prog" > /dev/null
	local vg
	vg=$(cat "$cg/p.pid")
	pids+=("$vg")
	cat > "$cg/nginx.conf" <<CONF
$nginx_user
worker_processes 1;
daemon off;
pid $cg/nginx.pid;
error_log $cg/error.log;
events { worker_connections 64; }
http {
  access_log off;
  include $tree/conf/nginx/maps.conf;
  client_body_temp_path $cg/tmp; proxy_temp_path $cg/tmp; fastcgi_temp_path $cg/tmp;
  uwsgi_temp_path $cg/tmp; scgi_temp_path $cg/tmp;
  fastcgi_buffer_size 16k; fastcgi_buffers 16 16k;
  fastcgi_read_timeout 600s;
  server {
    listen 127.0.0.1:$port;
    server_name 127.0.0.1;
    location ~ ^/$prog(?<liaison_path_info>/.*)?\$ {
      include $tree/conf/fastcgi_params.liaison;
      fastcgi_param SCRIPT_NAME /$prog;
      fastcgi_param PATH_INFO \$liaison_path_info;
      fastcgi_pass unix:$cg/p.sock;
    }
  }
}
CONF
	nginx -p "$cg" -c "$cg/nginx.conf" &
	pids+=($!)
	for i in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
	local url="http://127.0.0.1:$port$path" hdr=()
	[ -n "$signed" ] && hdr=(-H "Cookie: $(cookie "$jar")")
	for i in $(seq "$n"); do
		code=$(curl -s -o /dev/null -w '%{http_code}' "${hdr[@]}" "$url")
		[ "$code" = 200 ] || { echo "refcount.sh: $name ($side) answered $code" >&2; exit 1; }
	done
	# SIGTERM: the program finishes and exits, and callgrind writes its file.
	stop
	for i in $(seq 300); do kill -0 "$vg" 2>/dev/null || break; sleep 0.1; done
	wait 2>/dev/null || true
	awk '/^(summary|totals):/ { print $2 }' "$out" | tail -1
}
count() {	# side spec: instructions per warm request
	local t0 t1
	t0=$(total "$1" "$2" "$warm") t1=$(total "$1" "$2" $((warm + requests)))
	awk -v a="$t0" -v b="$t1" -v n="$requests" 'BEGIN { printf "%.0f", (b - a) / n }'
}
printf '%-20s %14s %14s %8s\n' page before after 'a/b'
for spec in "${all[@]}"; do
	name=${spec%%|*}
	[ "$want" = "  " ] || [[ $want == *" $name "* ]] || continue
	b=$(count before "$spec") a=$(count after "$spec")
	printf '%-20s %14s %14s %8.3f\n' "$name" "$b" "$a" "$(echo "$a / $b" | bc -l)"
done
echo "(instructions per request: $requests requests after $warm, one process under callgrind)"
echo "callgrind files: $cg/NAME.{before,after}.{$warm,$((warm + requests))}.out"
