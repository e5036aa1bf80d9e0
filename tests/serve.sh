#!/usr/bin/env bash
# The dev server (conf/serve.sh, what `make run` runs) as its user and a visitor meet it:
#   - a program killed with -9 is started again by multiwatch, a line in the log says so, and
#     the next request is answered 200; the number of processes per program comes back;
#   - started as root, nginx's workers and the programs run as www-data, the sockets are 0600
#     and www-data's, the database and its folder are www-data's; a checkout that www-data
#     cannot reach is refused with a message naming the closed folder;
#   - only 127.0.0.1, localhost and [::1] (with the port) are served, others get a 421 page;
#   - nginx's own answers (tests/nginx-checks.sh): long addresses, error pages, headers;
#   - a program that is down gets the 502 page; stopping the server leaves no process behind.
# Runs the optimized build (build/) on a fresh demo database. Prints "ok …" / "FAILED …" /
# "skip …" per check, then "serve N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/tests/out/serve
t=$(mktemp -d)
passed=0 failed=0 server=
check() {
	local name=$1; shift
	if "$@" > /dev/null 2>&1; then echo "ok $name"; passed=$((passed + 1))
	else echo "FAILED $name"; failed=$((failed + 1)); fi
}
skip() { echo "skip $1"; }
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$t"
}
trap cleanup EXIT
. "$here/tests/nginx-checks.sh"

rm -rf "$out"; mkdir -p "$out/db"
LIAISON_SCHEMA=$here/schema "$here/build/liaison-admin" create "$out/db/liaison.db" "$here/data/demo.sql" > /dev/null
# A port below the kernel's ephemeral range (32768 and up), another one if it was taken.
for try in 1 2 3; do
	port=$((20000 + RANDOM % 12000))
	"$here/conf/serve.sh" --port "$port" --bin "$here/build" --db "$out/db/liaison.db" --dir "$out/run" \
		> "$out/serve.log" 2>&1 &
	server=$!
	for i in $(seq 100); do
		curl -s -o /dev/null "http://127.0.0.1:$port/list" && break 2
		kill -0 "$server" 2>/dev/null || break
		sleep 0.1
	done
done
base=http://127.0.0.1:$port curl_args=()
req /list
check "the dev server answers" answered 200 says 'Accra Central Library'

# --- supervision: kill -9, then ask again -------------------------------------------------------
procs() { pgrep -P "$(cat "$out/run/$1.pid")" -x "$1"; }
old=$(procs apply)
kill -9 $old
req /apply
check "after kill -9 of the apply process, the next request is answered 200" answered 200 says 'name="csrf"'
sleep 0.2
check "a line in the log says the process was restarted" grep -q '^[0-9:]* apply: restarted a stopped process' "$out/serve.log"
new=$(procs apply)
check "a new apply process runs, one as before" test -n "$new" -a "$new" != "$old" -a "$(procs apply | wc -l)" = 1
sleep 1.1	# past multiwatch's -t 1000: the next death is an ordinary one, restarted as ever
kill -9 $new
req /apply
check "killed again, apply answers again" answered 200 says 'name="csrf"'
kill -9 $(procs list | head -1)
req /list
check "after kill -9 of one of the two list processes, /list is answered" answered 200 says 'Accra Central Library'
sleep 0.3
check "two list processes run again" test "$(procs list | wc -l)" = 2
check "the log says which program was restarted" test "$(grep -c 'restarted a stopped process' "$out/serve.log")" = 3

# --- who serves ----------------------------------------------------------------------------------
if [ "$(id -u)" = 0 ]; then
	users() { ps -o user= -p "$(echo $* | tr ' ' ,)" | tr -d ' ' | sort -u; }
	check "the programs run as www-data" test "$(users $(procs apply) $(procs list) $(procs search))" = www-data
	check "multiwatch runs as www-data" test "$(users "$(cat "$out/run/apply.pid")")" = www-data
	workers=$(pgrep -P "$(cat "$out/run/nginx.pid")")
	check "nginx's workers run as www-data" test -n "$workers" -a "$(users $workers)" = www-data
	check "the sockets are 0600 and www-data's" test "$(stat -c '%a %U' "$out"/run/*.sock | sort -u)" = "600 www-data"
	check "the database and its folder are www-data's" test "$(stat -c %U "$out/db" "$out/db/liaison.db" | sort -u)" = www-data
	# A checkout www-data cannot reach: refused, naming the folder that is closed.
	mkdir -p "$out/closed/build" && chmod 700 "$out/closed" && cp -r "$here/build/cgi-bin" "$out/closed/build/"
	"$here/conf/serve.sh" --port $((port + 1)) --bin "$out/closed/build" --db "$out/db/liaison.db" \
		--dir "$out/run-closed" > "$t/closed.log" 2>&1
	rc=$?
	check "programs www-data cannot reach are refused, naming the closed folder" \
		bash -c "[ $rc = 1 ] && grep -qF 'www-data, who cannot reach $out/closed/build/cgi-bin/list' '$t/closed.log' &&
			grep -qF '($out/closed is mode 700, closed to others)' '$t/closed.log'"
else
	skip "who serves: not root, so everything runs as $(id -un) (serve.sh changes users only as root)"
fi

# --- hosts -------------------------------------------------------------------------------------
for host in "localhost:$port" "[::1]:$port" "127.0.0.1:$port"; do
	req /list -H "Host: $host"
	check "Host $host is served" answered 200 says 'Accra Central Library'
done
req /list -H 'Host: liaison.evil.example'
check "another Host gets a 421 page naming the addresses served" \
	answered 421 site_page 'Misdirected Request' 421
check "the 421 page names 127.0.0.1:$port" says "127.0.0.1:$port, localhost:$port and [::1]:$port"
check "the 421 page carries the security headers" nginx_headers
req /list --http1.0 -H 'Host:'
check "a request without a Host gets the 421 page" answered 421 site_page 'Misdirected Request' 421

# --- nginx's own answers -----------------------------------------------------------------------------
nginx_checks "http://127.0.0.1:$port"

# A program stopped for good (multiwatch told to stop: it restarts nothing then).
kill -TERM "$(cat "$out/run/report.pid")"
for i in $(seq 50); do [ -z "$(procs report)" ] && break; sleep 0.1; done
down_checks /report
req /list
check "the other programs still answer" answered 200 says 'Accra Central Library'

# --- stopping ------------------------------------------------------------------------------------
everyone=$(cat "$out"/run/*.pid; for p in "$out"/run/*.pid; do pgrep -P "$(cat "$p")"; done)
kill "$server"; wait "$server" 2>/dev/null; server=
alive() { for pid in $everyone; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }
check "stopping the server leaves no process behind (nginx, multiwatch, programs)" bash -c "$(declare -f alive); everyone='$everyone'; ! alive"
check "and no socket" bash -c "! ls '$out'/run/*.sock"

echo "serve $passed passed, $failed failed"
[ "$failed" = 0 ]
