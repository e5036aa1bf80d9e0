#!/usr/bin/env bash
# `make install` into a scratch root (PREFIX, SYSCONFDIR, LOCALSTATEDIR, RUNDIR under it), then
# the installed layout served as a VPS serves it: the admin tool makes the database with no
# environment at all (the settings file it was built to read), each installed program runs as
# a FastCGI process on its socket as an unprivileged user, and nginx runs the installed site
# file with its workers as www-data (only its listen lines changed to loopback ports, and TLS
# added to the site as certbot would). Through it: the pages, the refused hosts, nginx's own
# answers (tests/nginx-checks.sh), HSTS over HTTPS only. The installed systemd units are
# checked by systemd-analyze verify, and where systemd is PID 1 by killing a program and
# seeing systemd start it again. Prints "ok …" / "FAILED …" / "skip …" per check, then
# "install N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# Where systemd runs (PID 1, /run/systemd/system), the services see a private /tmp, so the
# scratch root must be elsewhere for them to find the installed programs.
systemd=0
[ -d /run/systemd/system ] && [ "$(ps -p 1 -o comm=)" = systemd ] && systemd=1
root=$(mktemp -d -p "$([ $systemd = 1 ] && echo /var/lib || echo "${TMPDIR:-/tmp}")" liaison-install.XXXXXX)
chmod 755 "$root"	# as /usr/local and /etc are: nginx's workers and the programs' user read it
port=$((20000 + RANDOM % 6000)) tls=$((26000 + RANDOM % 6000))	# below the ephemeral range (32768 and up)
unit=liaison-test-$$
passed=0 failed=0
check() {
	local name=$1; shift
	if "$@" > /dev/null 2>&1; then echo "ok $name"; passed=$((passed + 1))
	else echo "FAILED $name"; failed=$((failed + 1)); fi
}
skip() { echo "skip $1"; }
cleanup() {
	[ -f "$root/run/nginx.pid" ] && kill "$(cat "$root/run/nginx.pid")" 2>/dev/null
	for f in "$root"/run/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
	if [ -e "/run/systemd/system/$unit@.service" ]; then
		systemctl stop "$unit@report.socket" "$unit@report.service" 2>/dev/null
		rm -f "/run/systemd/system/$unit@.service" "/run/systemd/system/$unit@.socket"
		systemctl daemon-reload
	fi
	sleep 0.3
	rm -rf "$root"
}
trap cleanup EXIT
command -v nginx > /dev/null || PATH=$PATH:/usr/sbin
t=$root/answers
mkdir -p "$t"
. "$here/tests/nginx-checks.sh"

make -s -C "$here" install PREFIX="$root/usr/local" SYSCONFDIR="$root/etc" LOCALSTATEDIR="$root/var" \
	RUNDIR="$root/run" > "$root/install.log" 2>&1
check "make install" test -x "$root/usr/local/bin/liaison-admin"
check "settings file" grep -q "^LIAISON_DB = $root/var/lib/liaison/liaison.db" "$root/etc/liaison/liaison.conf"
check "systemd units name the installed program and socket" bash -c \
	"grep -q '^ExecStart=$root/usr/local/lib/liaison/cgi-bin/%i' '$root/etc/systemd/system/liaison@.service' &&
	 grep -q '^ListenStream=$root/run/%i.sock' '$root/etc/systemd/system/liaison@.socket'"
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
check "nginx's error pages are installed, with the site's name" \
	grep -q '<title>URI Too Long · Libraries Seeking Partners</title>' "$root/usr/local/share/liaison/liaison-errors/414.html"

# --- the systemd units, as systemd reads them ---------------------------------------------------
# systemd-analyze verify works without a running systemd. It checks instances, not templates,
# and exits 0 even on an unknown key or a bad value, which it prints: any output is a failure.
units=$root/etc/systemd/system
programs="list search apply staff partnerships import report"
for p in $programs; do
	ln -s liaison@.service "$units/liaison@$p.service"; ln -s liaison@.socket "$units/liaison@$p.socket"
done
verify() { local out; out=$(systemd-analyze verify --man=no "$@" 2>&1) && [ -z "$out" ] || { echo "$out"; return 1; }; }
if command -v systemd-analyze > /dev/null; then
	for p in $programs; do
		check "systemd-analyze verify liaison@$p.service and .socket" verify "$units/liaison@$p.service" "$units/liaison@$p.socket"
	done
	# The same check on a unit with a mistake in it must fail, or it proves nothing.
	mkdir -p "$root/bad"
	sed 's/^Restart=always/Restart=alwys/' "$units/liaison@.service" > "$root/bad/liaison@.service"
	ln -s liaison@.service "$root/bad/liaison@list.service"; cp "$units/liaison@.socket" "$root/bad/"
	ln -s liaison@.socket "$root/bad/liaison@list.socket"
	check "systemd-analyze verify catches a mistake in a unit (Restart=alwys)" bash -c \
		"$(declare -f verify); ! verify '$root/bad/liaison@list.service' '$root/bad/liaison@list.socket'"
else
	check "systemd-analyze is installed (conf/deps.sh test)" false
fi
rm -f "$units"/liaison@?*.service "$units"/liaison@?*.socket

# --- the installed programs as a VPS runs them ---------------------------------------------------
# As root, as INSTALL says: the programs as their own user (here nobody), the sockets nginx's
# user's (www-data) alone, nginx's workers as www-data.
as_app=() ids=() user_line=
if [ "$(id -u)" = 0 ]; then
	as_app=(runuser -u nobody --)
	chown nobody:nogroup "$root/var/lib/liaison"
	ids=(-u nobody -g nogroup -U www-data -G www-data)
	user_line="user www-data www-data;"
fi
# No LIAISON_* variable anywhere below: the installed build finds its settings itself.
"${as_app[@]}" env -i PATH="$PATH" "$root/usr/local/bin/liaison-admin" demo "$root/var/lib/liaison/liaison.db" > /dev/null 2>&1
check "liaison-admin makes the database from the installed schema" test -s "$root/var/lib/liaison/liaison.db"
check "the database is the owner's alone" test "$(stat -c %a "$root/var/lib/liaison/liaison.db")" = 600
check "liaison-admin check, with no environment" "${as_app[@]}" env -i PATH="$PATH" "$root/usr/local/bin/liaison-admin" check

mkdir -p "$root/run" "$root/logs" "$root/tmp"
[ "$(id -u)" = 0 ] && chown www-data:www-data "$root/tmp"
for p in $programs; do
	env -i PATH="$PATH" spawn-fcgi -s "$root/run/$p.sock" -M 0600 "${ids[@]}" -P "$root/run/$p.pid" -- \
		"$root/usr/local/lib/liaison/cgi-bin/$p" > /dev/null
done
# The site file as installed, with loopback ports, and TLS added to the site as certbot would.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
	-subj /CN=partners.example.org -addext subjectAltName=DNS:partners.example.org \
	-keyout "$root/tls.key" -out "$root/tls.crt" > /dev/null 2>&1
sed -e "s|^    listen 80 default_server;|    listen 127.0.0.1:$port default_server;|" \
    -e "s|^    listen 443 ssl default_server;|    listen 127.0.0.1:$tls ssl default_server;|" \
    -e "s|^    listen 80;|    listen 127.0.0.1:$port; listen 127.0.0.1:$tls ssl; ssl_certificate $root/tls.crt; ssl_certificate_key $root/tls.key;|" \
    "$root/usr/local/share/liaison/conf/nginx.conf" > "$root/site.conf"
cat > "$root/nginx.conf" <<CONF
$user_line
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
check "the installed site file, as it is, passes nginx -t" nginx -t -q -p "$root" -c "$root/nginx.conf"
# The cache front (INSTALL, "A cache in front") as installed, filled in as INSTALL says.
shared=$root/usr/local/share/liaison/conf
sed -e "s|@CACHEDIR@|$root/tmp/front|" -e "s|@ORIGIN@|127.0.0.1:$port|" -e "s|@LISTEN@|127.0.0.1:$((port + 2))|" \
    -e "s|@NAME@|partners.example.org|" "$shared/cache-front.conf" > "$root/front.conf"
sed -e "s|@FRONT@|127.0.0.1|" "$shared/behind-cache-front.conf" > "$root/behind.conf"
sed -e "s|include $root/site.conf;|include $root/front.conf; server { listen 127.0.0.1:$((port + 3)); include $root/behind.conf; }|" \
    "$root/nginx.conf" > "$root/front-check.conf"
check "the installed cache front and the site's side of it, filled in, pass nginx -t" \
	nginx -t -q -p "$root" -c "$root/front-check.conf"
nginx -p "$root" -c "$root/nginx.conf"
host=partners.example.org
site=http://$host:$port
c() { curl -s --resolve "$host:$port:127.0.0.1" --resolve "$host:$tls:127.0.0.1" "$@"; }
for i in $(seq 50); do c -o /dev/null "$site/list" && break; sleep 0.1; done
get() { c -o /dev/null -w '%{http_code}' "$site$1"; }
check "/ sends to /list" test "$(get /)" = 302
check "/list is the directory" bash -c "$(declare -f c); host=$host port=$port tls=$tls; c '$site/list' | grep -q 'Accra Central Library'"
check "/search" test "$(get '/search?q=library')" = 200
check "/report" bash -c "$(declare -f c); host=$host port=$port tls=$tls; c '$site/report?fy=2026' | grep -q '<svg'"
check "/apply" test "$(get /apply)" = 200
check "/staff/sign-in" test "$(get /staff/sign-in)" = 200
check "/partnerships asks for a sign-in" test "$(get /partnerships)" = 303
check "/static/liaison.css from the installed htdocs" test "$(get /static/liaison.css)" = 200
check "the sockets are 0600" test "$(stat -c %a "$root/run/list.sock")" = 600
if [ "$(id -u)" = 0 ]; then
	check "the sockets are nginx's user's (www-data)" test "$(stat -c %U "$root/run/list.sock")" = www-data
	check "the programs run as their own user" test "$(ps -o user= -p "$(cat "$root/run/list.pid")" | tr -d ' ')" = nobody
fi

# --- hosts ---------------------------------------------------------------------------------------
no_answer() { curl -s -o /dev/null "$@"; [ $? = 52 ]; }	# 52: the server closed without a word
check "a request for another name gets no answer at all (444)" no_answer -H 'Host: liaison.evil.example' "http://127.0.0.1:$port/list"
check "a request for the server's address gets no answer" no_answer "http://127.0.0.1:$port/list"
check "a request without a Host gets no answer" no_answer --http1.0 -H 'Host:' "http://127.0.0.1:$port/list"
curl -sk -o /dev/null "https://127.0.0.1:$tls/list"
check "HTTPS for another name: the handshake is refused" test $? = 35

# --- nginx's own answers, over HTTP and HTTPS ------------------------------------------------------
nginx_checks "$site" --resolve "$host:$port:127.0.0.1"
req /list
check "no Strict-Transport-Security over plain HTTP" test "$(header_count Strict-Transport-Security)" = 0
base=https://$host:$tls curl_args=(-k --resolve "$host:$tls:127.0.0.1")
req /list
check "over HTTPS the site answers, with Strict-Transport-Security once" bash -c \
	"[ $code = 200 ] && [ '$(header_count Strict-Transport-Security)' = 1 ] && [ '$(header_value Strict-Transport-Security)' = max-age=31536000 ]"
check "over HTTPS a program's headers are still each once" program_headers
req /no-such-address
check "over HTTPS nginx's 404 page has Strict-Transport-Security too" bash -c \
	"[ $code = 404 ] && [ '$(header_count Strict-Transport-Security)' = 1 ]"
base=$site curl_args=(--resolve "$host:$port:127.0.0.1")

# A program that is down (spawn-fcgi alone never restarts it: the systemd units do).
kill "$(cat "$root/run/report.pid")"; rm -f "$root/run/report.pid"
for i in $(seq 50); do [ "$(get /report)" = 502 ] && break; sleep 0.1; done
down_checks /report

# --- systemd restarts a killed program, where systemd runs -------------------------------------------
if [ $systemd = 1 ]; then
	# The installed units under another name, as runtime units, for report only; its user is
	# nobody (no liaison user is made here) and no StateDirectory (/var/lib/liaison) is made.
	rm -f "$root/run/report.sock"
	sed -e "s/liaison@/$unit@/g" -e 's/^User=liaison$/User=nobody/' -e 's/^Group=liaison$/Group=nogroup/' \
		-e '/^StateDirectory/d' "$units/liaison@.service" > "/run/systemd/system/$unit@.service"
	sed -e "s/liaison@/$unit@/g" "$units/liaison@.socket" > "/run/systemd/system/$unit@.socket"
	systemctl daemon-reload
	systemctl start "$unit@report.socket"
	check "systemd: the report socket starts its service on the first request" test "$(get '/report?fy=2026')" = 200
	mainpid() { systemctl show -p MainPID --value "$unit@report.service"; }
	before=$(mainpid)
	kill -9 "$before"
	for i in $(seq 50); do now=$(mainpid); [ "$now" != 0 ] && [ "$now" != "$before" ] && break; sleep 0.1; done
	check "systemd: after kill -9 the next request is answered 200" test "$(get '/report?fy=2026')" = 200
	check "systemd: a new process serves it, and systemd counts the restart" bash -c \
		"[ '$(mainpid)' != '$before' ] && [ \"\$(systemctl show -p NRestarts --value '$unit@report.service')\" -ge 1 ]"
else
	skip "systemd restarting a killed program: systemd is not PID 1 here ($(ps -p 1 -o comm=)); the units were checked by systemd-analyze verify above"
fi

echo "install $passed passed, $failed failed"
[ "$failed" = 0 ]
