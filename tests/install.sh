#!/usr/bin/env bash
# `make install` into a scratch root (PREFIX, SYSCONFDIR, LOCALSTATEDIR, RUNDIR under it), then
# the installed layout served as a VPS serves it: the admin tool makes the database with no
# environment at all (the settings file it was built to read), each installed program runs as
# a FastCGI process on its socket, and nginx runs the installed site file (only its listen line
# changed to a loopback port). Prints "ok …" / "FAILED …" per check, then "install N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(mktemp -d)
port=$((40000 + RANDOM % 10000))
passed=0 failed=0 pids=
check() {
	local name=$1; shift
	if "$@" > /dev/null 2>&1; then echo "ok $name"; passed=$((passed + 1))
	else echo "FAILED $name"; failed=$((failed + 1)); fi
}
cleanup() {
	[ -f "$root/run/nginx.pid" ] && kill "$(cat "$root/run/nginx.pid")" 2>/dev/null
	for f in "$root"/run/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
	sleep 0.3
	rm -rf "$root"
}
trap cleanup EXIT
command -v nginx > /dev/null || PATH=$PATH:/usr/sbin

make -s -C "$here" install PREFIX="$root/usr/local" SYSCONFDIR="$root/etc" LOCALSTATEDIR="$root/var" \
	RUNDIR="$root/run" > "$root/install.log" 2>&1
check "make install" test -x "$root/usr/local/bin/liaison-admin"
check "settings file" grep -q "^LIAISON_DB = $root/var/lib/liaison/liaison.db" "$root/etc/liaison/liaison.conf"
check "systemd units name the installed program and socket" bash -c \
	"grep -q '^ExecStart=$root/usr/local/lib/liaison/cgi-bin/%i' '$root/etc/systemd/system/liaison@.service' &&
	 grep -q '^ListenStream=$root/run/%i.sock' '$root/etc/systemd/system/liaison@.socket' &&
	 grep -q '^Restart=always' '$root/etc/systemd/system/liaison@.service'"
check "the database folder is the owner's alone" test "$(stat -c %a "$root/var/lib/liaison")" = 700
check "LICENSE, THIRD-PARTY and RELINK.txt in share/doc/liaison" bash -c \
	"cmp '$here/LICENSE' '$root/usr/local/share/doc/liaison/LICENSE' &&
	 cmp '$here/THIRD-PARTY' '$root/usr/local/share/doc/liaison/THIRD-PARTY' &&
	 test -s '$root/usr/local/share/doc/liaison/RELINK.txt'"
# The manual page where man looks under the prefix, found by name as `man 8 liaison-admin` finds
# it, and rendered with every word of the installed tool's usage message in it: each
# subcommand, role and import kind (tests/man.sh checks the source's page line by line).
man8=$root/usr/local/share/man/man8/liaison-admin.8
check "the man page is installed" test -s "$man8"
MANWIDTH=200 man -M "$root/usr/local/share/man" 8 liaison-admin 2>/dev/null | col -bx > "$root/man.txt"
check "man 8 liaison-admin renders it from the prefix" grep -q '^LIAISON-ADMIN(8)' "$root/man.txt"
words=$("$root/usr/local/bin/liaison-admin" 2>&1 | sed 's/^usage://' | tr ' |[]' '\n\n\n\n' | grep -E '^-*[a-z][a-z-]*$' | grep -vx liaison-admin | sort -u)
check "the tool's usage message names its subcommands" test "$(wc -w <<<"$words")" -ge 15
for w in $words; do
	check "the rendered page has \"$w\"" grep -qw -e "$w" "$root/man.txt"
done

# No LIAISON_* variable anywhere below: the installed build finds its settings itself.
env -i PATH="$PATH" "$root/usr/local/bin/liaison-admin" demo "$root/var/lib/liaison/liaison.db" > /dev/null 2>&1
check "liaison-admin makes the database from the installed schema" test -s "$root/var/lib/liaison/liaison.db"
check "the database is the owner's alone" test "$(stat -c %a "$root/var/lib/liaison/liaison.db")" = 600
check "liaison-admin check, with no environment" env -i PATH="$PATH" "$root/usr/local/bin/liaison-admin" check

mkdir -p "$root/run" "$root/logs"
for p in list search apply staff partnerships import report; do
	env -i PATH="$PATH" spawn-fcgi -s "$root/run/$p.sock" -M 0600 -P "$root/run/$p.pid" -- \
		"$root/usr/local/lib/liaison/cgi-bin/$p" > /dev/null
done
sed "s|listen 80;|listen 127.0.0.1:$port;|" "$root/usr/local/share/liaison/conf/nginx.conf" > "$root/site.conf"
cat > "$root/nginx.conf" <<CONF
$([ "$(id -u)" = 0 ] && echo "user root root;")
worker_processes 1;
pid $root/run/nginx.pid;
error_log $root/logs/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $root/tmp; fastcgi_temp_path $root/tmp; proxy_temp_path $root/tmp;
  uwsgi_temp_path $root/tmp; scgi_temp_path $root/tmp;
  include $root/site.conf;
}
CONF
mkdir -p "$root/tmp"
nginx -p "$root" -c "$root/nginx.conf"
for i in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/list" && break; sleep 0.1; done
get() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$1"; }
check "/ sends to /list" test "$(get /)" = 302
check "/list is the directory" bash -c "curl -s http://127.0.0.1:$port/list | grep -q 'Accra Central Library'"
check "/search" test "$(get '/search?q=library')" = 200
check "/report" bash -c "curl -s 'http://127.0.0.1:$port/report?fy=2026' | grep -q '<svg'"
check "/apply" test "$(get /apply)" = 200
check "/staff/sign-in" test "$(get /staff/sign-in)" = 200
check "/partnerships asks for a sign-in" test "$(get /partnerships)" = 303
check "/static/liaison.css from the installed htdocs" test "$(get /static/liaison.css)" = 200
check "the sockets are the owner's alone" test "$(stat -c %a "$root/run/list.sock")" = 600
echo "install $passed passed, $failed failed"
[ "$failed" = 0 ]
