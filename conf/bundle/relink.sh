#!/bin/sh
# Links Liaison's programs again from the object files beside this script, fully static as the
# upload bundle has them, with libraries of your choosing (see RELINK.txt in the bundle):
#   ./relink.sh [LINKER-OPTION ...]     e.g. ./relink.sh -L/opt/libcsv/lib
# The options come before the libraries, so an -L folder holding a modified libcsv.a (or any
# other) is searched before the system's. The programs are written to ./out/.
set -eu
cd "$(dirname "$0")"
LIBS="@DIST_LIBS@"
CXX=${CXX:-g++}
mkdir -p out
for o in *.o; do
	p=${o%.o}
	# shellcheck disable=SC2086  # LIBS is a list of -l options
	"$CXX" -static -Wl,-z,relro,-z,now "$@" -o "out/$p" "$o" libliaison.a $LIBS
	echo "out/$p"
done
