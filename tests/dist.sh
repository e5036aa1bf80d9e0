#!/usr/bin/env bash
# The upload bundle (make dist) on a machine that has nothing: it is unpacked into an empty
# folder, and every program runs there under chroot, with no C library, no Debian package,
# nothing but the bundle itself; the admin tool makes the database there too. First, what the
# bundle owes the libraries it carries: LICENSE, a THIRD-PARTY entry for every library the
# Makefile's DIST_LIBS links (with the version installed here), the licence texts, the man
# page, the object files for relinking (relinked here, and run), and the source archive beside
# it. Prints one line per check, "ok …" or "FAILED …", then "dist N passed, N failed". The
# chroot part needs root; as another user it says so and counts only the rest.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tarball=$(ls "$here"/build/liaison-*-linux-x86_64.tar.gz 2>/dev/null | head -1)
passed=0 failed=0
check() {	# name, then a command that must succeed
	local name=$1; shift
	if "$@" > /dev/null 2>&1; then echo "ok $name"; passed=$((passed + 1))
	else echo "FAILED $name"; failed=$((failed + 1)); fi
}
[ -n "$tarball" ] || { echo "FAILED no bundle (make dist)"; echo "dist 0 passed, 1 failed"; exit 1; }
version=$(basename "$tarball" -linux-x86_64.tar.gz); version=${version#liaison-}
root=$(mktemp -d) work=$(mktemp -d)	# the empty root; what is unpacked and relinked outside it
trap 'rm -rf "$root" "$work"' EXIT
tar -C "$root" -xzf "$tarball"
mv "$root"/liaison-*-linux-x86_64 "$root/liaison"
mkdir -p "$root/data" "$root/tmp"
b=$root/liaison

# --- the licences ------------------------------------------------------------------------------
check "LICENSE is the ISC licence of the Liaison authors" bash -c \
	"grep -q 'Copyright (c) 2026 The Liaison authors' '$b/LICENSE' && grep -q 'Permission to use, copy, modify, and distribute this software for any' '$b/LICENSE' && cmp '$b/LICENSE' '$here/LICENSE'"
# The libraries the Makefile links into the bundle, and the runtimes g++ adds to every static link.
libs=$(sed -n 's/^DIST_LIBS[[:space:]]*:*=//p' "$here/Makefile")
check "the Makefile's DIST_LIBS is found" test -n "$libs"
for l in $libs -lstdc++ -lgcc -lgcc_eh -lc; do
	a=$(realpath "$(g++ -print-file-name="lib${l#-l}.a")")
	pkg=$(dpkg -S "$a" 2>/dev/null | head -1 | cut -d: -f1)
	ver=$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null)
	check "THIRD-PARTY has an entry for $l: $pkg $ver, its licence and how its terms are met" bash -c \
		"sed -n '/^$l: /,/^\$/p' '$b/THIRD-PARTY' > '$work/entry' &&
		 grep -q '^    Debian package:  $pkg $ver\$' '$work/entry' && grep -q '^    Licence:         [^ ]' '$work/entry' &&
		 grep -q '^    Terms met by:    [^ ]' '$work/entry'"
done
lgpl=$(grep -c '^    Licence:         LGPL' "$b/THIRD-PARTY")
check "each LGPL library's entry gives its exact Debian source, at snapshot.debian.org" test "$lgpl" -ge 5 -a \
	"$(grep -c '^    Exact source:    https://snapshot.debian.org/package/[a-z0-9.+-]*/[0-9][^ ]*/$' "$b/THIRD-PARTY")" = "$lgpl"
check "glibc and libcsv are among them, with their installed source versions" bash -c \
	"grep -q \"Exact source:    https://snapshot.debian.org/package/glibc/\$(dpkg-query -W -f='\${source:Version}' libc6-dev | sed 's/+/%2B/g')/\" '$b/THIRD-PARTY' &&
	 grep -q \"Exact source:    https://snapshot.debian.org/package/libcsv/\$(dpkg-query -W -f='\${source:Version}' libcsv-dev | sed 's/+/%2B/g')/\" '$b/THIRD-PARTY'"
check "THIRD-PARTY names the bundle's own source and relink archives, and says Liaison is ISC" bash -c \
	"grep -q 'liaison-$version-src.tar.gz' '$b/THIRD-PARTY' && grep -q 'liaison-$version-relink.tar.gz' '$b/THIRD-PARTY' && grep -q 'ISC licence' '$b/THIRD-PARTY'"
check "THIRD-PARTY in the source is current (else: conf/third-party.sh \$(DIST_LIBS) > THIRD-PARTY)" bash -c \
	"sed 's/liaison-$version-/liaison-VERSION-/g' '$b/THIRD-PARTY' | cmp - '$here/THIRD-PARTY'"
check "a library with no licence entry stops conf/third-party.sh, writing nothing" bash -c \
	"! '$here/conf/third-party.sh' -lfcgi -lnosuchlib > '$work/tp' 2>/dev/null && ! test -s '$work/tp'"
check "licenses/ holds each package's copyright file and the LGPL and GPL texts" bash -c \
	"for f in libfcgi sqlite3 libcsv ctemplate nettle libxcrypt glibc gcc-12; do test -s \"$b/licenses/\$f.copyright\" || exit 1; done &&
	 cmp '$b/licenses/LGPL-2.1' /usr/share/common-licenses/LGPL-2.1 && cmp '$b/licenses/LGPL-3' /usr/share/common-licenses/LGPL-3 &&
	 cmp '$b/licenses/GPL-3' /usr/share/common-licenses/GPL-3 && grep -q 'Open Market permits you to use' '$b/licenses/libfcgi.copyright' &&
	 grep -q 'GCC RUNTIME LIBRARY EXCEPTION' '$b/licenses/gcc-12.copyright'"
check "the man page is in the bundle, as in the source" cmp "$b/doc/liaison-admin.8" "$here/doc/liaison-admin.8"
check "doc/ and licenses/ refuse the web, like bin/" bash -c \
	"cmp '$b/doc/.htaccess' '$here/conf/bundle/htaccess-deny' && cmp '$b/licenses/.htaccess' '$here/conf/bundle/htaccess-deny'"
check "RELINK.txt names this version's object archive" grep -q "tar -xzf liaison-$version-relink.tar.gz" "$b/RELINK.txt"
check "the object archive holds libliaison.a, relink.sh and one .o per program, stays small" bash -c \
	"tar -tzf '$b/liaison-$version-relink.tar.gz' > '$work/relink.list' &&
	 for f in libliaison.a relink.sh list.o search.o apply.o staff.o partnerships.o import.o report.o liaison-admin.o; do
		grep -qx \"liaison-$version-relink/\$f\" '$work/relink.list' || exit 1; done &&
	 test \$(stat -c %s '$b/liaison-$version-relink.tar.gz') -lt 1000000"
mkdir -p "$work/relink"
tar -C "$work/relink" -xzf "$b/liaison-$version-relink.tar.gz"
check "relink.sh links every program again from the object files, fully static" bash -c \
	"'$work/relink/liaison-$version-relink/relink.sh' &&
	 for p in list search apply staff partnerships import report liaison-admin; do
		test -x '$work/relink/liaison-$version-relink/out/'\$p || exit 1
		! readelf -d '$work/relink/liaison-$version-relink/out/'\$p | grep -q NEEDED || exit 1; done"
src=$here/build/liaison-$version-src.tar.gz
check "the source archive is beside the bundle" test -s "$src"
check "the source archive holds the Makefile, src/, tools/, LICENSE, THIRD-PARTY and the man page" bash -c \
	"tar -tzf '$src' > '$work/src.list' &&
	 for f in Makefile src/base/config.c src/store/db.c tools/liaison-admin.c cgi-bin/list.c schema/001_directory.sql conf/dist.sh LICENSE THIRD-PARTY doc/liaison-admin.8; do
		grep -qx \"liaison-$version/\$f\" '$work/src.list' || exit 1; done &&
	 ! grep -q -e '^liaison-$version/build/' -e '/node_modules/' -e '\.o\$' '$work/src.list'"
check "the source archive's src/ is the one built" bash -c \
	"mkdir '$work/src' && tar -C '$work/src' -xzf '$src' && diff -r '$work/src/liaison-$version/src' '$here/src'"

# --- the upload's shape -------------------------------------------------------------------------
# What an FTP program sends is every file once (hard links become copies): at most 30 MB.
check "the unpacked bundle, as FTP sends it, is at most 30 MB" test \
	"$(find "$b" -type f -printf '%s\n' | awk '{s += $1} END {print s}')" -le $((30 * 1048576))
check "bin/checksums holds every program's cksum, and they match" bash -c \
	"cd '$b' && test \$(wc -l < bin/checksums) = 8 && while read -r sum size f; do
		test \"\$(cksum < \$f)\" = \"\$sum \$size\" || exit 1; done < bin/checksums"
for script in cgi-bin/check.cgi bin/admin.sh; do
	check "$script is POSIX sh with no carriage return, executable" bash -c \
		"test -x '$b/$script' && ! grep -q \$'\\r' '$b/$script' && sh -n '$b/$script' &&
		 head -1 '$b/$script' | grep -qx '#!/bin/sh'"
done
check "every program is 755 and every other file 644, as Extract keeps them" bash -c \
	"test -z \"\$(find '$b' -type f ! -perm 644 ! -path '*/cgi-bin/*' ! -path '*/bin/liaison-admin' ! -path '*/bin/admin.sh')\" &&
	 test -z \"\$(find '$b/cgi-bin' '$b/bin/liaison-admin' '$b/bin/admin.sh' -type f ! -name .htaccess ! -perm 755)\""
# The sections the bundle's settings file and explaining pages send the librarian to exist.
check "every section of INSTALL.md or README.md that liaison.conf, .htaccess, index.html and check.cgi name exists" bash -c \
	"cd '$b' && grep -hoE '(INSTALL|README)\.md[^\"]{0,20}\\\\?\"[^\"\\\\]+' liaison.conf .htaccess index.html cgi-bin/check.cgi > '$work/refs' &&
	 test -s '$work/refs' && while IFS= read -r ref; do
		doc=\${ref%%.md*}.md title=\${ref##*\\\"}
		sed -n 's/^#\\+ //p' \"\$doc\" | grep -qxF \"\$title\" || { echo \"\$ref\"; exit 1; }; done < '$work/refs'"

if [ "$(id -u)" != 0 ]; then
	echo "dist: not root, so no chroot; the programs were not run"
	echo "dist $passed passed, $failed failed"
	[ "$failed" = 0 ]; exit
fi

# --- the programs, alone in an empty root ---------------------------------------------------------
for p in list search apply staff partnerships import report; do
	check "$p.fcgi is in the bundle once, executable, under no other name" bash -c \
		"test -x '$root/liaison/cgi-bin/$p.fcgi' && ! test -e '$root/liaison/cgi-bin/$p.cgi' && test \$(stat -c %h '$root/liaison/cgi-bin/$p.fcgi') = 1"
done
check "no program asks for a shared library" bash -c "! readelf -d '$root'/liaison/cgi-bin/*.fcgi '$root'/liaison/bin/liaison-admin | grep -q NEEDED"
check "the root holds no C library" bash -c "! find '$root' -name 'libc.so*' -o -name 'ld-linux*' | grep -q ."

chroot=$(command -v chroot)
# The admin tool makes the demo database inside the empty root.
check "liaison-admin demo runs in the empty root" env -i LIAISON_SCHEMA=/liaison/schema \
	LIAISON_DEMO=/liaison/data/demo.sql "$chroot" "$root" /liaison/bin/liaison-admin demo /data/site.db
cgi() {	# program, query: runs it in the root as Apache's mod_cgi would
	env -i GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET QUERY_STRING="$2" SCRIPT_NAME="/partners/cgi-bin/$1.fcgi" \
		SERVER_NAME=library.example SERVER_PORT=80 HTTP_HOST=library.example \
		LIAISON_DB=/data/site.db LIAISON_TEMPLATES=/liaison/templates \
		"$chroot" "$root" "/liaison/cgi-bin/$1.fcgi"
}
export -f cgi
export root chroot
check "the database was made" test -s "$root/data/site.db"
check "/list answers 200 with the directory" bash -c 'cgi list "" | grep -q "^Status: 200" && cgi list "" | grep -q "Accra Central Library"'
check "/search finds by a word" bash -c 'cgi search "q=maple" | grep -q "Maple Falls"'
check "/report answers with its charts" bash -c 'cgi report "fy=2026" | grep -q "<svg"'
check "/report's IMLS CSV" bash -c 'cgi report "fy=2026&format=csv&table=imls" | grep -q "K0_5PRO"'
check "/apply shows the form" bash -c 'cgi apply "" | grep -q "name=\"csrf\""'
check "links stay under the sub-path" bash -c 'cgi list "" | grep -q "href=\"/partners/cgi-bin/search.fcgi"'
check "liaison-admin check" env -i "$chroot" "$root" /liaison/bin/liaison-admin check /data/site.db
# A program relinked from the bundle's object files (above) serves as the bundle's own does.
cp "$work/relink/liaison-$version-relink/out/list" "$root/liaison/cgi-bin/relinked.fcgi"
check "a relinked /list answers 200 with the directory" bash -c 'cgi relinked "" | grep -q "^Status: 200" && cgi relinked "" | grep -q "Accra Central Library"'
echo "dist $passed passed, $failed failed"
[ "$failed" = 0 ]
