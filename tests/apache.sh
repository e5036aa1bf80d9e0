#!/usr/bin/env bash
# The upload bundle (make dist) under a real Apache, as a shared host runs it: unpacked into
# a sub-folder of a site (/library/partners/), AllowOverride All, nothing configured for
# Liaison outside its own .htaccess files. Two sites, each with a server of its own:
#
#   fcgid  mod_fcgid and mod_rewrite: programs stay running, clean addresses (…/partners/list)
#   cgi    mod_cgi alone, no mod_rewrite: a program per request, addresses in cgi-bin/…cgi
#
# tests/apache/bundle.test.mjs then uses each site as a librarian would. Run as root, Apache
# runs the programs as nobody, who owns each site's files, as a hosting account does.
# Prints the TAP output of both runs, then "apache N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(mktemp -d)
chmod 755 "$root"
bundle=$(ls "$here"/build/liaison-*-linux-x86_64.tar.gz 2>/dev/null | head -1)
apache=/usr/sbin/apache2
passed=0 failed=0
cleanup() {
	for site in fcgid cgi; do
		[ -f "$root/$site/run/httpd.pid" ] && kill "$(cat "$root/$site/run/httpd.pid")" 2>/dev/null
	done
	sleep 0.5
	[ -n "${KEEP:-}" ] || rm -rf "$root"
}
trap cleanup EXIT
if [ -z "$bundle" ] || [ ! -x "$apache" ]; then
	echo "no bundle (make dist) or no Apache (conf/deps.sh test)"
	echo "apache 0 passed, 1 failed"
	exit 1
fi
modules=/usr/lib/apache2/modules

# site NAME PORT MODULE...: a site folder with the bundle under www/library/partners and a
# server for it on 127.0.0.1:PORT.
site() {
	local name=$1 port=$2; shift 2
	local dir=$root/$name
	mkdir -p "$dir/www/library" "$dir/run" "$dir/logs"
	tar -C "$dir/www/library" -xzf "$bundle"
	mv "$dir/www/library"/liaison-*-linux-x86_64 "$dir/www/library/partners"
	echo "<p>The library's own site.</p>" > "$dir/www/index.html"
	# A second of typing is enough for the tests (the default is 3 s); set where a librarian would.
	echo "LIAISON_APPLY_MIN_SECONDS = 1" >> "$dir/www/library/partners/liaison.conf"
	{
		echo "ServerRoot $dir"
		echo "Listen 127.0.0.1:$port"
		echo "ServerName 127.0.0.1"
		echo "PidFile $dir/run/httpd.pid"
		echo "ErrorLog $dir/logs/error.log"
		echo "LogLevel warn"
		echo "LoadModule mpm_prefork_module $modules/mod_mpm_prefork.so"
		for m in authz_core mime dir "$@"; do echo "LoadModule ${m}_module $modules/mod_$m.so"; done
		if [ "$(id -u)" = 0 ]; then echo "User nobody"; echo "Group nogroup"; fi
		echo "TypesConfig /etc/mime.types"
		echo "StartServers 2"
		echo "DocumentRoot $dir/www"
		echo "<Directory />"
		echo "  AllowOverride None"
		echo "  Require all denied"
		echo "</Directory>"
		echo "<Directory $dir/www>"
		echo "  AllowOverride All"
		echo "  Require all granted"
		echo "</Directory>"
		if [[ " $* " == *" fcgid "* ]]; then
			echo "FcgidIPCDir $dir/run/fcgid"
			echo "FcgidProcessTableFile $dir/run/fcgid-shm"
		fi
	} > "$dir/httpd.conf"
	[ "$(id -u)" = 0 ] && chown -R nobody:nogroup "$dir"
	"$apache" -f "$dir/httpd.conf" -k start
	for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0; sleep 0.1; done
	echo "Apache for $name did not start:"; cat "$dir/logs/error.log"
}

fcgid_port=$((30000 + RANDOM % 5000))
cgi_port=$((fcgid_port + 1))
site fcgid "$fcgid_port" rewrite fcgid cgi
site cgi "$cgi_port" cgi

run() {	# mode port
	LIAISON_BASE=http://127.0.0.1:$2 LIAISON_TEST_DB=$root/$1/liaison-data/liaison.db LIAISON_APACHE_MODE=$1 LIAISON_APACHE_BASE=http://127.0.0.1:$2/library/partners/ \
	LIAISON_APACHE_SITE=$root/$1 LIAISON_SRCDIR=$here \
		node --test --test-reporter=tap "$here/tests/apache/bundle.test.mjs" > "$root/$1.tap" 2>&1
	cat "$root/$1.tap"
	local p f
	p=$(grep -E '^# pass ' "$root/$1.tap" | awk '{print $3}')
	f=$(grep -E '^# fail ' "$root/$1.tap" | awk '{print $3}')
	[ -n "$p" ] || { p=0; f=1; }
	passed=$((passed + p)); failed=$((failed + f))
	if [ "$f" != 0 ]; then echo "--- $1: Apache's error log"; tail -30 "$root/$1/logs/error.log"; fi
}
run fcgid "$fcgid_port"
run cgi "$cgi_port"
echo "apache $passed passed, $failed failed"
