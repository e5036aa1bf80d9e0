#!/usr/bin/env bash
# Packs the upload bundle from a static build: conf/dist.sh BUILD-DIR NAME makes
# build/NAME.tar.gz holding
#   NAME/cgi-bin/PROGRAM.fcgi and PROGRAM.cgi   every program under both names (the same file):
#                                               .fcgi for mod_fcgid, .cgi where only CGI runs
#   NAME/bin/liaison-admin                      the admin tool
#   NAME/templates, htdocs, schema, data/demo.sql, README.md, INSTALL.md
#   NAME/liaison.conf                           the site's settings, all optional (conf/bundle/)
#   NAME/.htaccess, cgi-bin/.htaccess, and one refusing everything in templates, schema, data
#   and bin: what Apache needs to run the bundle from any folder of a site (conf/bundle/)
#   NAME/index.html                             shown only where .htaccess is not allowed
# and checks that no binary asks for a shared library.
set -euo pipefail
build=$1 name=$2
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/build/$name
rm -rf "$out" "$here"/build/liaison-*-linux-x86_64 "$here"/build/liaison-*-linux-x86_64.tar.gz	# one bundle, this version
mkdir -p "$out/cgi-bin" "$out/bin" "$out/data"
for bin in "$here/$build"/cgi-bin/*; do
	case $bin in *.o) continue ;; esac
	p=$(basename "$bin")
	cp "$bin" "$out/cgi-bin/$p.fcgi"
	ln "$out/cgi-bin/$p.fcgi" "$out/cgi-bin/$p.cgi"
done
cp "$here/$build/liaison-admin" "$out/bin/"
cp -r "$here/templates" "$here/htdocs" "$here/schema" "$out/"
cp "$here/data/demo.sql" "$out/data/"
cp "$here/README.md" "$here/INSTALL.md" "$out/"
cp "$here/conf/bundle/liaison.conf" "$here/conf/bundle/index.html" "$out/"
cp "$here/conf/bundle/htaccess" "$out/.htaccess"
cp "$here/conf/bundle/htaccess-cgi-bin" "$out/cgi-bin/.htaccess"
for d in templates schema data bin; do cp "$here/conf/bundle/htaccess-deny" "$out/$d/.htaccess"; done
strip "$out"/cgi-bin/*.fcgi "$out/bin/liaison-admin"
for bin in "$out"/cgi-bin/*.fcgi "$out/bin/liaison-admin"; do
	if readelf -d "$bin" 2>/dev/null | grep -q NEEDED; then
		echo "dist.sh: $bin needs shared libraries:" >&2
		readelf -d "$bin" | grep NEEDED >&2
		exit 1
	fi
done
chmod -R go-w "$out"
tar -C "$here/build" -czf "$here/build/$name.tar.gz" --owner=0 --group=0 "$name"
echo "build/$name.tar.gz: $(( $(stat -c %s "$here/build/$name.tar.gz") / 1024 )) KB, $(ls "$out/cgi-bin" | wc -l) program files, no shared libraries"
