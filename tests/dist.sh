#!/usr/bin/env bash
# The upload bundle (make dist) on a machine that has nothing: it is unpacked into an empty
# folder, and every program runs there under chroot, with no C library, no Debian package,
# nothing but the bundle itself; the admin tool makes the database there too. Prints one line
# per check, "ok …" or "FAILED …", then "dist N passed, N failed". Needs root (chroot); as
# another user it says so and counts nothing.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tarball=$(ls "$here"/build/liaison-*-linux-x86_64.tar.gz 2>/dev/null | head -1)
passed=0 failed=0
check() {	# name, then a command that must succeed
	local name=$1; shift
	if "$@" > /dev/null 2>&1; then echo "ok $name"; passed=$((passed + 1))
	else echo "FAILED $name"; failed=$((failed + 1)); fi
}
if [ "$(id -u)" != 0 ]; then
	echo "dist: not root, so no chroot; skipped"
	echo "dist 0 passed, 0 failed"
	exit 0
fi
[ -n "$tarball" ] || { echo "FAILED no bundle (make dist)"; echo "dist 0 passed, 1 failed"; exit 1; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
tar -C "$root" -xzf "$tarball"
mv "$root"/liaison-*-linux-x86_64 "$root/liaison"
mkdir -p "$root/data" "$root/tmp"

for p in list search apply staff partnerships import report; do
	check "$p.cgi and $p.fcgi are in the bundle, one file" test "$root/liaison/cgi-bin/$p.cgi" -ef "$root/liaison/cgi-bin/$p.fcgi"
done
check "no program asks for a shared library" bash -c "! readelf -d '$root'/liaison/cgi-bin/*.fcgi '$root'/liaison/bin/liaison-admin | grep -q NEEDED"
check "the root holds no C library" bash -c "! find '$root' -name 'libc.so*' -o -name 'ld-linux*' | grep -q ."

chroot=$(command -v chroot)
# The admin tool makes the demo database inside the empty root.
check "liaison-admin demo runs in the empty root" env -i LIAISON_SCHEMA=/liaison/schema \
	LIAISON_DEMO=/liaison/data/demo.sql "$chroot" "$root" /liaison/bin/liaison-admin demo /data/site.db
cgi() {	# program, query: runs it in the root as Apache's mod_cgi would
	env -i GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET QUERY_STRING="$2" SCRIPT_NAME="/partners/cgi-bin/$1.cgi" \
		SERVER_NAME=library.example SERVER_PORT=80 HTTP_HOST=library.example \
		LIAISON_DB=/data/site.db LIAISON_TEMPLATES=/liaison/templates \
		"$chroot" "$root" "/liaison/cgi-bin/$1.cgi"
}
export -f cgi
export root chroot
check "the database was made" test -s "$root/data/site.db"
check "/list answers 200 with the directory" bash -c 'cgi list "" | grep -q "^Status: 200" && cgi list "" | grep -q "Accra Central Library"'
check "/search finds by a word" bash -c 'cgi search "q=maple" | grep -q "Maple Falls"'
check "/report answers with its charts" bash -c 'cgi report "fy=2026" | grep -q "<svg"'
check "/report's IMLS CSV" bash -c 'cgi report "fy=2026&format=csv&table=imls" | grep -q "K0_5PRO"'
check "/apply shows the form" bash -c 'cgi apply "" | grep -q "name=\"csrf\""'
check "links stay under the sub-path" bash -c 'cgi list "" | grep -q "href=\"/partners/cgi-bin/search.cgi"'
check "liaison-admin check" env -i "$chroot" "$root" /liaison/bin/liaison-admin check /data/site.db
echo "dist $passed passed, $failed failed"
[ "$failed" = 0 ]
