#!/usr/bin/env bash
# Writes the THIRD-PARTY notice: every library the upload bundle (make dist) links statically,
# with the Debian package its archive (.a) came from on this machine, that package's exact
# version and source package, the licence (as read in /usr/share/doc/PACKAGE/copyright), and
# what the bundle does to meet it.
#
#   conf/third-party.sh -lfcgi -lsqlite3 …              the notice, on standard output
#   conf/third-party.sh --licenses DIR -lfcgi …         and each package's copyright file, and
#                                                       the licence texts they name, into DIR
#
# The arguments are the Makefile's DIST_LIBS; the runtimes g++ adds by itself to a static link
# (libstdc++, libgcc, libgcc_eh, libc) are always listed too. A library with no entry below is
# an error, so that a new one in DIST_LIBS cannot ship before its licence has been read.
# The THIRD-PARTY file at the top of the source is this script's output (refresh it with
# `conf/third-party.sh $(DIST_LIBS) > THIRD-PARTY`); make dist writes the bundle's own copy.
set -euo pipefail
licenses=
if [ "${1:-}" = --licenses ]; then licenses=$2; shift 2; fi
: "${CXX:=g++}"

# describe LIB: sets title, licence (as the copyright file says), kind (lgpl, gcc-exception or
# permissive), texts (the licence texts of /usr/share/common-licenses the bundle must carry)
# and note (anything the licence asks of the bundle beyond that).
describe() {
	texts= note=
	case $1 in
	fcgi)	title="libfcgi, the FastCGI development kit"
		licence="the FastCGI licence of Open Market, Inc. (permissive)"
		kind=permissive
		note="its notice, which must be included verbatim in any distribution, in licenses/libfcgi.copyright." ;;
	sqlite3) title="SQLite"
		licence="public domain"
		kind=permissive ;;
	csv)	title="libcsv"
		licence="LGPL-2.1-or-later (GNU Lesser General Public License 2.1 or later)"
		kind=lgpl texts="LGPL-2.1" ;;
	ctemplate_nothreads) title="ctemplate (its single-threaded library, libctemplate_nothreads)"
		licence="BSD-3-Clause (Google Inc.)"
		kind=permissive
		note="its copyright notice, conditions and disclaimer, which binary redistributions must reproduce, in licenses/ctemplate.copyright." ;;
	nettle)	title="GNU Nettle (HMAC-SHA-256, SHA-256)"
		licence="LGPL-3.0-or-later or GPL-2.0-or-later, at the user's choice; Liaison uses it under LGPL-3.0-or-later"
		kind=lgpl texts="LGPL-3 GPL-3" ;;
	crypt)	title="libcrypt, from libxcrypt (yescrypt password hashes)"
		licence="LGPL-2.1-or-later overall; some files under 0-, 2- and 3-clause BSD licences or in the public domain (listed in licenses/libxcrypt.copyright)"
		kind=lgpl texts="LGPL-2.1" ;;
	minizip) title="minizip, zlib's zip archive reader (reads .xlsx and .ods files)"
		licence="the zlib licence (permissive)"
		kind=permissive ;;
	z)	title="zlib (inflates the parts of .xlsx and .ods files)"
		licence="the zlib licence (permissive)"
		kind=permissive ;;
	expat)	title="Expat, the XML parser (reads the XML inside .xlsx and .ods files)"
		licence="MIT"
		kind=permissive
		note="its copyright and permission notice, which must be included in all copies, in licenses/expat.copyright." ;;
	m)	title="libm, the maths library of the GNU C Library (glibc)"
		licence="LGPL-2.1-or-later, with parts under BSD and other permissive licences (licenses/glibc.copyright)"
		kind=lgpl texts="LGPL-2.1" ;;
	c)	title="libc, the GNU C Library (glibc)"
		licence="LGPL-2.1-or-later, with parts under BSD and other permissive licences (licenses/glibc.copyright)"
		kind=lgpl texts="LGPL-2.1" ;;
	stdc++)	title="libstdc++, the GNU C++ library (GCC)"
		licence="GPL-3.0-or-later with the GCC Runtime Library Exception 3.1"
		kind=gcc-exception texts="GPL-3" ;;
	gcc|gcc_eh) title="lib$1, GCC's low-level runtime library"
		licence="GPL-3.0-or-later with the GCC Runtime Library Exception 3.1"
		kind=gcc-exception texts="GPL-3" ;;
	*)	echo "third-party.sh: no entry for -l$1: read /usr/share/doc/PACKAGE/copyright and add one to conf/third-party.sh" >&2
		exit 1 ;;
	esac
}

# Snapshot's addresses spell a version's ':' and '+' escaped.
urlver() { local v=${1//:/%3A}; echo "${v//+/%2B}"; }

libs=()
for arg in "$@"; do
	case $arg in -l*) libs+=("${arg#-l}") ;; *) echo "third-party.sh: not a -lLIBRARY: $arg" >&2; exit 2 ;; esac
done
libs+=(stdc++ gcc gcc_eh c)
for lib in "${libs[@]}"; do describe "$lib"; done	# every one known, before a word is written
[ -z "$licenses" ] || mkdir -p "$licenses"
# One field: its label, then its value folded to 72 columns, each line under the first.
field() {
	printf '%s\n' "$2" | fold -s -w 72 | sed 's/ *$//' |
		awk -v l="$1" 'NR == 1 { printf "    %-17s%s\n", l, $0; next } { printf "%21s%s\n", "", $0 }'
}

cat <<'EOF'
THIRD-PARTY: the libraries inside Liaison's upload bundle, and their licences
==============================================================================

Liaison's own code (everything in its source archive, liaison-VERSION-src.tar.gz) is under the
ISC licence: see LICENSE. Its programs in the upload bundle (cgi-bin/*.fcgi, cgi-bin/*.cgi and
bin/liaison-admin) are linked fully static, so each one also holds a copy of the libraries
below, compiled by Debian 12 ("bookworm") for x86_64. Each entry names the Debian package the
library's archive came from when the bundle was built, its exact version, the Debian source
package it was built from, its licence, and what the bundle does to meet that licence.

The full copyright file of each Debian package, and the licence texts they refer to, are in
the bundle's licenses/ folder (and on any Debian system in /usr/share/doc/PACKAGE/copyright).

The world map's country outlines (src/web/worldmap_shapes.c, generated by
tools/worldmap/make.mjs) are Natural Earth's 1:110m and 1:50m countries, which Natural Earth
puts in the public domain (https://www.naturalearthdata.com/about/terms-of-use/), as the npm
package world-atlas 2.0.2 (ISC) ships them: nothing more is required.

EOF
seen=" " lgpl=
for lib in "${libs[@]}"; do
	describe "$lib"
	archive=$(realpath "$("$CXX" -print-file-name="lib$lib.a")")
	[ -f "$archive" ] || { echo "third-party.sh: lib$lib.a is not installed" >&2; exit 1; }
	pkg=$(dpkg -S "$archive" | head -1 | cut -d: -f1)
	read -r version src srcversion < <(dpkg-query -W -f='${Version} ${source:Package} ${source:Version}\n' "$pkg")
	echo "-l$lib: $title"
	field "Debian package:" "$pkg $version"
	field "Archive linked:" "$archive"
	field "Source package:" "$src $srcversion"
	field "Licence:" "$licence"
	case $kind in
	lgpl)
		field "Exact source:" "https://snapshot.debian.org/package/$src/$(urlver "$srcversion")/"
		field "On Debian:" "apt-get source $src=$srcversion"
		field "Terms met by:" "that source, Liaison's source and its object files for relinking with a modified $src (see \"The LGPL libraries\" below)"
		[[ $lgpl == *"$src"* ]] || lgpl+="${lgpl:+, }$src" ;;
	gcc-exception)
		field "Terms met by:" "the exception: programs compiled by GCC may carry these runtime parts under terms of their own choosing. Its text is in licenses/$src.copyright, the GPL in licenses/GPL-3." ;;
	permissive)
		field "Terms met by:" "${note:-nothing more is required.}" ;;
	esac
	echo
	if [ -n "$licenses" ] && [[ $seen != *" $src "* ]]; then
		cp "/usr/share/doc/$pkg/copyright" "$licenses/$src.copyright"
		for t in $texts; do cp "/usr/share/common-licenses/$t" "$licenses/$t"; done
	fi
	seen+="$src "
done
[ -z "$lgpl" ] || cat <<EOF
The LGPL libraries ($lgpl)
$(printf '%*s' $((21 + ${#lgpl})) '' | tr ' ' -)

The GNU Lesser General Public License lets a program be linked with the library, statically
too, provided that whoever receives the program can have the library's source, and can link
the program again with a modified version of the library. The bundle meets this so:

  - The exact source of each library is the Debian source package and version its entry
    names. snapshot.debian.org keeps every version Debian has ever published, at the address
    given; while Debian 12 is current it is also in https://deb.debian.org/debian/pool/main/
    (or, for a security update, https://security.debian.org/debian-security/pool/updates/main/),
    and on Debian \`apt-get source PACKAGE=VERSION\` fetches it. Whoever passes the bundle on
    should keep a copy of those source packages to give with it on request: Debian's archive
    is where to get them, not a promise that they stay there.
  - Liaison's own source, from which its Makefile rebuilds every object file of the programs,
    is liaison-VERSION-src.tar.gz, which \`make dist\` makes beside the bundle.
  - The bundle carries those object files too, liaison-VERSION-relink.tar.gz, with
    RELINK.txt saying how to link the programs again with a modified library.
  - The licence texts are in licenses/ (LGPL-2.1; LGPL-3, which builds on GPL-3).
EOF
