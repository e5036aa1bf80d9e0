#!/usr/bin/env bash
# The upload bundle (make dist) under a real Apache, as a shared host runs it: unpacked into
# a sub-folder of a site (/library/partners/), AllowOverride All, nothing configured for
# Liaison outside its own .htaccess files. Two sites, each with a server of its own:
#
#   fcgid  mod_fcgid and mod_rewrite: programs stay running, clean addresses (…/partners/list)
#   cgi    mod_cgi alone, no mod_rewrite: a program per request, addresses in cgi-bin/…fcgi
#
# tests/apache-site.sh makes each site; tests/apache/bundle.test.mjs then uses it as a
# librarian would. Then a third server, started once, holds the hosts of tests/apache-hosts.sh
# (strict AllowOverride sets, Debian's /~user/, .htaccess ignored, FTP uploads, a text-mode
# transfer, no suEXEC, subdomains, and as root a real suEXEC account served at /~user/), which
# tests/apache/hosts.test.mjs visits for the page that explains, and empty accounts where
# tests/apache/install.test.mjs follows INSTALL.md's steps.
# Prints the TAP output of the three runs, then "apache N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(mktemp -d)
chmod 755 "$root"
bundle=$(ls "$here"/build/liaison-*-linux-x86_64.tar.gz 2>/dev/null | head -1)
passed=0 failed=0
cleanup() {
	for site in fcgid cgi; do
		[ -f "$root/$site/run/httpd.pid" ] && kill "$(cat "$root/$site/run/httpd.pid")" 2>/dev/null
	done
	[ -d "$root/hosts" ] && "$here/tests/apache-hosts.sh" --stop "$root/hosts"
	sleep 0.5
	[ -n "${KEEP:-}" ] || rm -rf "$root"
}
trap cleanup EXIT
if [ -z "$bundle" ] || [ ! -x /usr/sbin/apache2 ]; then
	echo "no bundle (make dist) or no Apache (conf/deps.sh test)"
	echo "apache 0 passed, 1 failed"
	exit 1
fi
# A second of typing is enough for the tests (the default is 3 s): set where a librarian would.
site() {	# name port module...
	local name=$1 port=$2; shift 2
	"$here/tests/apache-site.sh" "$root/$name" "$port" "$bundle" "$@" &&
		echo "LIAISON_APPLY_MIN_SECONDS = 1" >> "$root/$name/www/library/partners/liaison.conf"
}

# Below Linux's ephemeral ports (32768-60999), which busy outgoing connections may hold.
fcgid_port=$((20000 + RANDOM % 5000))
cgi_port=$((fcgid_port + 1))
site fcgid "$fcgid_port" rewrite fcgid cgi alias
site cgi "$cgi_port" cgi alias

tap() {	# name, TAP file: prints it and counts its passes and failures
	cat "$2"
	local p f
	p=$(grep -E '^# pass ' "$2" | awk '{print $3}')
	f=$(grep -E '^# fail ' "$2" | awk '{print $3}')
	[ -n "$p" ] || { p=0; f=1; }
	passed=$((passed + p)); failed=$((failed + f))
	if [ "$f" != 0 ]; then echo "--- $1: Apache's error log"; tail -30 "$root/$1/logs/error.log"; fi
}
run() {	# mode port
	# LIAISON_BASE and LIAISON_TEST_DB are for tests/http/helpers.mjs, which the test borrows.
	LIAISON_APACHE_MODE=$1 LIAISON_APACHE_SITE=$root/$1 \
	LIAISON_APACHE_BASE=http://127.0.0.1:$2/library/partners/ LIAISON_SRCDIR=$here \
	LIAISON_BASE=http://127.0.0.1:$2 LIAISON_TEST_DB=$root/$1/liaison-data/liaison.db \
		node --test --test-reporter=tap "$here/tests/apache/bundle.test.mjs" > "$root/$1.tap" 2>&1
	tap "$1" "$root/$1.tap"
}
run fcgid "$fcgid_port"
run cgi "$cgi_port"
if hosts=$("$here/tests/apache-hosts.sh" "$root/hosts" $((25000 + RANDOM % 5000)) "$bundle"); then
	LIAISON_HOSTS=$hosts LIAISON_HOSTS_DIR=$root/hosts \
		node --test --test-reporter=tap "$here/tests/apache/hosts.test.mjs" > "$root/hosts.tap" 2>&1
	tap hosts "$root/hosts.tap"
	# INSTALL.md's steps, done as written, on the same server's empty accounts.
	LIAISON_HOSTS=$hosts LIAISON_HOSTS_DIR=$root/hosts LIAISON_BUNDLE=$bundle LIAISON_SRCDIR=$here \
		node --test --test-reporter=tap "$here/tests/apache/install.test.mjs" > "$root/install.tap" 2>&1
	tap hosts "$root/install.tap"
else
	echo "not ok - the hosts' Apache did not start"; failed=$((failed + 1))
fi
echo "apache $passed passed, $failed failed"
