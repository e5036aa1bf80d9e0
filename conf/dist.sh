#!/usr/bin/env bash
# Packs the upload bundle from a static build: conf/dist.sh BUILD-DIR NAME makes
# build/NAME.tar.gz holding
#   NAME/cgi-bin/PROGRAM.fcgi                   every program, once: .htaccess runs it under
#                                               mod_fcgid where present, else as plain CGI (a
#                                               name FTP programs send as binary by default)
#   NAME/cgi-bin/check.cgi                      a shell script that says what keeps the programs
#                                               from running (modes, damage, suEXEC, data folder)
#   NAME/bin/liaison-admin                      the admin tool
#   NAME/bin/admin.sh                           how cron runs the admin tool: checks liaison-admin
#                                               survived the upload, then runs it (sh, any mode)
#   NAME/bin/checksums                          every program's cksum, for check.cgi
#   NAME/templates, htdocs, schema, data/demo.sql, README.md, INSTALL.md
#   NAME/liaison.conf                           the site's settings, all optional (conf/bundle/)
#   NAME/.htaccess, cgi-bin/.htaccess, and one refusing everything in
#   templates, schema, data, bin, doc and licenses: what Apache needs to run the bundle from
#   any folder of a site
#   NAME/index.html                             shown only where .htaccess is not read, or
#                                               cgi-bin's is refused: says which and what to do
#   NAME/LICENSE, THIRD-PARTY, licenses/        Liaison's licence (ISC); every library linked
#                                               in, its Debian package, version and licence
#                                               (conf/third-party.sh), their copyright files
#   NAME/RELINK.txt, liaison-VERSION-relink.tar.gz   Liaison's object files and how to link them
#                                               again with a modified LGPL library
#   NAME/doc/liaison-admin.8                    the admin tool's manual page
# and checks that no binary asks for a shared library. Beside the bundle it writes
# build/liaison-VERSION-src.tar.gz, the source the bundle was built from, which THIRD-PARTY
# names. DIST_LIBS (the libraries linked, from the Makefile) and VERSION come from the
# environment.
set -euo pipefail
build=$1 name=$2
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/build/$name
: "${DIST_LIBS:?the Makefile's DIST_LIBS}" "${VERSION:?the Makefile's VERSION}"
rm -rf "$out" "$here"/build/liaison-*-linux-x86_64 "$here"/build/liaison-*-linux-x86_64.tar.gz \
	"$here"/build/liaison-*-src.tar.gz "$here"/build/liaison-*-relink	# one bundle, this version
mkdir -p "$out/cgi-bin" "$out/bin" "$out/data" "$out/doc"
for bin in "$here/$build"/cgi-bin/*; do
	case $bin in *.o) continue ;; esac
	p=$(basename "$bin")
	cp "$bin" "$out/cgi-bin/$p.fcgi"
done
cp "$here/$build/liaison-admin" "$out/bin/"
cp -r "$here/templates" "$here/htdocs" "$here/schema" "$out/"
cp "$here/data/demo.sql" "$out/data/"
cp "$here/README.md" "$here/INSTALL.md" "$here/LICENSE" "$out/"
cp "$here/doc/liaison-admin.8" "$out/doc/"
# THIRD-PARTY afresh from the packages this build linked; the source's copy says the same
# unless a library or its Debian package changed since it was written.
# shellcheck disable=SC2086  # DIST_LIBS is a list of -l options
"$here/conf/third-party.sh" --licenses "$out/licenses" $DIST_LIBS > "$out/THIRD-PARTY"
if ! cmp -s "$out/THIRD-PARTY" "$here/THIRD-PARTY"; then
	echo "dist.sh: THIRD-PARTY in the source differs from what this build links; refresh it:" \
		"conf/third-party.sh $DIST_LIBS > THIRD-PARTY" >&2
fi
sed -i "s/liaison-VERSION-/liaison-$VERSION-/g" "$out/THIRD-PARTY"
sed "s/liaison-VERSION-/liaison-$VERSION-/g" "$here/conf/bundle/RELINK.txt" > "$out/RELINK.txt"
# Liaison's object files, without their debugging sections, and the script that links them.
relink=liaison-$VERSION-relink
mkdir "$here/build/$relink"
cp "$here/$build/libliaison.a" "$here/$build"/cgi-bin/*.o "$here/$build/liaison-admin.o" "$here/build/$relink/"
strip --strip-debug "$here/build/$relink"/*.o "$here/build/$relink/libliaison.a"
sed "s/@DIST_LIBS@/$DIST_LIBS/" "$here/conf/bundle/relink.sh" > "$here/build/$relink/relink.sh"
chmod 0755 "$here/build/$relink/relink.sh"
tar -C "$here/build" -czf "$out/$relink.tar.gz" --owner=0 --group=0 "$relink"
rm -rf "${here:?}/build/$relink"
cp "$here/conf/bundle/liaison.conf" "$here/conf/bundle/index.html" "$out/"
cp "$here/conf/bundle/htaccess" "$out/.htaccess"
cp "$here/conf/bundle/htaccess-cgi-bin" "$out/cgi-bin/.htaccess"
cp "$here/conf/bundle/check.cgi" "$out/cgi-bin/"
cp "$here/conf/bundle/admin.sh" "$out/bin/"
for d in templates schema data bin doc licenses; do cp "$here/conf/bundle/htaccess-deny" "$out/$d/.htaccess"; done
strip "$out"/cgi-bin/*.fcgi "$out/bin/liaison-admin"
chmod 0755 "$out"/cgi-bin/*.fcgi "$out/cgi-bin/check.cgi" "$out/bin/liaison-admin" "$out/bin/admin.sh"
# What check.cgi compares the uploaded programs with: POSIX cksum, which every host has.
(cd "$out" && cksum cgi-bin/*.fcgi bin/liaison-admin) > "$out/bin/checksums"
for bin in "$out"/cgi-bin/*.fcgi "$out/bin/liaison-admin"; do
	if readelf -d "$bin" 2>/dev/null | grep -q NEEDED; then
		echo "dist.sh: $bin needs shared libraries:" >&2
		readelf -d "$bin" | grep NEEDED >&2
		exit 1
	fi
done
chmod -R go-w "$out"
tar -C "$here/build" -czf "$here/build/$name.tar.gz" --owner=0 --group=0 "$name"

# The source, as built: in a git checkout every file git tracks or would (not those it
# ignores), from the working tree; elsewhere (an unpacked source archive) the tree but for
# what builds and tests leave.
src=liaison-$VERSION
if git -C "$here" rev-parse --git-dir > /dev/null 2>&1; then
	git -C "$here" ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do if [ -e "$here/$f" ]; then printf '%s\0' "$f"; fi; done |
		tar -C "$here" -czf "$here/build/$src-src.tar.gz" --owner=0 --group=0 --null -T - \
			--transform "s|^|$src/|"
else
	tar -C "$here" -czf "$here/build/$src-src.tar.gz" --owner=0 --group=0 --transform "s|^\.|$src|" \
		--exclude=./build --exclude=./var --exclude=./tests/out --exclude=./tests/node_modules \
		--exclude=./bench/out --exclude=./tests/unit/run-unit --exclude=./tests/unit/run-unit-plain .
fi
echo "build/$name.tar.gz: $(( $(stat -c %s "$here/build/$name.tar.gz") / 1024 )) KB, $(ls "$out"/cgi-bin/*.fcgi | wc -l) programs, $(find "$out" -type f | wc -l) files, $(( $(du -sb --apparent-size "$out" | cut -f1) / 1048576 )) MB unpacked, no shared libraries"
echo "build/$src-src.tar.gz: $(( $(stat -c %s "$here/build/$src-src.tar.gz") / 1024 )) KB, the source it was built from"
