#!/usr/bin/env bash
# `make install`: puts an installed build where a VPS keeps things, under DESTDIR:
#   PREFIX/lib/liaison/cgi-bin/PROGRAM      the FastCGI programs
#   PREFIX/bin/liaison-admin                 the admin tool
#   PREFIX/share/man/man8/liaison-admin.8    its manual page
#   PREFIX/share/doc/liaison/                LICENSE, THIRD-PARTY (the libraries the upload
#                                            bundle links in, and their licences), RELINK.txt
#   PREFIX/share/liaison/                    templates, htdocs, schema, data/demo.sql, and conf/:
#                                            nginx.conf (the site), the maps.conf and common.conf it
#                                            includes, fastcgi_params.liaison, cache-front.conf and
#                                            behind-cache-front.conf (INSTALL, "A cache in front",
#                                            their @…@ left to fill); liaison-errors/:
#                                            nginx's own error pages in the site's design
#   SYSCONFDIR/liaison/liaison.conf          the settings (kept if it exists)
#   LOCALSTATEDIR/lib/liaison/               the database's folder, owner-only
#   SYSTEMD_DIR/liaison@.socket, .service    one socket-activated, restarted service per program
# Paths inside the files are the final ones (without DESTDIR), as packagers expect.
#   conf/install.sh BUILD   with PREFIX SYSCONFDIR LOCALSTATEDIR RUNDIR SYSTEMD_DIR WEBUSER DESTDIR
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")/.." && pwd)
: "${PREFIX:=/usr/local}" "${SYSCONFDIR:=/etc}" "${LOCALSTATEDIR:=/var}" "${RUNDIR:=/run/liaison}"
: "${SYSTEMD_DIR:=/etc/systemd/system}" "${WEBUSER:=www-data}" "${DESTDIR:=}"
libdir=$PREFIX/lib/liaison sharedir=$PREFIX/share/liaison dbdir=$LOCALSTATEDIR/lib/liaison
fill() {	# template → file, with the final paths
	sed -e "s|@LIBDIR@|$libdir|g" -e "s|@SHAREDIR@|$sharedir|g" -e "s|@DBDIR@|$dbdir|g" \
	    -e "s|@RUNDIR@|$RUNDIR|g" -e "s|@SYSCONFDIR@|$SYSCONFDIR|g" -e "s|@WEBUSER@|$WEBUSER|g" "$1" > "$2"
}
install -d -m 0755 "$DESTDIR$libdir/cgi-bin" "$DESTDIR$PREFIX/bin" "$DESTDIR$sharedir/conf" \
	"$DESTDIR$sharedir/data" "$DESTDIR$SYSCONFDIR/liaison" "$DESTDIR$SYSTEMD_DIR" \
	"$DESTDIR$PREFIX/share/man/man8" "$DESTDIR$PREFIX/share/doc/liaison"
install -d -m 0700 "$DESTDIR$dbdir"
for bin in "$here/$build"/cgi-bin/*; do
	case $bin in *.o) ;; *) install -m 0755 "$bin" "$DESTDIR$libdir/cgi-bin/" ;; esac
done
install -m 0755 "$here/$build/liaison-admin" "$DESTDIR$PREFIX/bin/"
install -m 0644 "$here/doc/liaison-admin.8" "$DESTDIR$PREFIX/share/man/man8/"
install -m 0644 "$here/LICENSE" "$here/THIRD-PARTY" "$here/conf/bundle/RELINK.txt" "$DESTDIR$PREFIX/share/doc/liaison/"
for d in templates htdocs schema; do
	rm -rf "$DESTDIR$sharedir/$d"	# a file gone from a newer version must not linger
	cp -r "$here/$d" "$DESTDIR$sharedir/"
	chmod -R u=rwX,go=rX "$DESTDIR$sharedir/$d"
done
install -m 0644 "$here/data/demo.sql" "$DESTDIR$sharedir/data/"
install -m 0644 "$here/conf/fastcgi_params.liaison" "$here/conf/nginx/maps.conf" \
	"$here/conf/nginx/common.conf" "$here/conf/nginx/cache-front.conf" \
	"$here/conf/nginx/behind-cache-front.conf" "$DESTDIR$sharedir/conf/"
fill "$here/conf/nginx/liaison.conf.in" "$DESTDIR$sharedir/conf/nginx.conf"
fill "$here/conf/systemd/liaison@.socket.in" "$DESTDIR$SYSTEMD_DIR/liaison@.socket"
fill "$here/conf/systemd/liaison@.service.in" "$DESTDIR$SYSTEMD_DIR/liaison@.service"
if [ ! -e "$DESTDIR$SYSCONFDIR/liaison/liaison.conf" ]; then
	fill "$here/conf/liaison.conf.in" "$DESTDIR$SYSCONFDIR/liaison/liaison.conf"
	chmod 0644 "$DESTDIR$SYSCONFDIR/liaison/liaison.conf"
fi
# nginx's own error pages carry the site's name as the settings give it now (run make install
# again after changing it there).
setting() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\(.*[^[:space:]]\)[[:space:]]*\$/\1/p" "$DESTDIR$SYSCONFDIR/liaison/liaison.conf" | tail -1; }
site=$(setting LIAISON_SITE_NAME)
rm -rf "$DESTDIR$sharedir/liaison-errors"
# …and who runs it, for their footers (the environment wins, as it does for the programs).
LIAISON_OPERATOR_NAME=${LIAISON_OPERATOR_NAME:-$(setting LIAISON_OPERATOR_NAME)} \
LIAISON_OPERATOR_EMAIL=${LIAISON_OPERATOR_EMAIL:-$(setting LIAISON_OPERATOR_EMAIL)} \
LIAISON_OPERATOR_ADDRESS=${LIAISON_OPERATOR_ADDRESS:-$(setting LIAISON_OPERATOR_ADDRESS)} \
LIAISON_OPERATOR_LOGO=${LIAISON_OPERATOR_LOGO:-$(setting LIAISON_OPERATOR_LOGO)} \
"$here/conf/errorpages.sh" "$DESTDIR$sharedir" "${site:-Libraries Seeking Partners}"
echo "installed under ${DESTDIR:-/}: programs in $libdir, liaison-admin in $PREFIX/bin (man 8 liaison-admin), settings in $SYSCONFDIR/liaison/liaison.conf"
echo "next: see INSTALL (VPS with nginx) for the user, the database and the services"
