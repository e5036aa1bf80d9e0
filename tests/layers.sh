#!/usr/bin/env bash
# Checks the include rule of src/ (ARCHITECTURE.md, "Layers"): every #include "x.h" of a file
# in src/LAYER/ names a header of a layer that LAYER may use, and the modules' includes form
# no cycle; and, with nm on the built programs, that the public ones (list, search, apply) link
# no backup or export code. Prints each breach and the last line "layers N passed, N failed";
# exits 1 on any.
#
#   tests/layers.sh [ROOT]     ROOT is the tree to check (default: this checkout)
#   tests/layers.sh --self-test  also shows that a planted upward include and a planted
#                                cycle, in a copy of the tree, are caught
#
#   base    params, period, measure, searchquery, multipart, csv in/out, sink, crypto, config
#   store   the database, the statement table, backups, the export
#   domain  the rules: directory, facets, search, match, entries, records, reports, accounts…
#   web     the request (http), the view over ctemplate, charts
#   pages   what fills templates: directory views, the staff frame, forms drawn, report CSV
#   app     the serve loop, the upload bundle's first request, the page cache
#
# base ← store ← domain ← pages ← app ← cgi-bin/ and tools/; web is used only by pages and
# app, and uses only base: the domain never sees a request or a template.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

declare -A may=(
	[base]="base"
	[store]="base store"
	[domain]="base store domain"
	[web]="base web"
	[pages]="base store domain web pages"
	[app]="base store domain web pages app"
)

check_tree() {	# root; prints breaches, returns their count
	local root=$1 breaches=0 file layer inc target tlayer
	declare -A where=()
	for file in "$root"/src/*/*.h; do
		layer=$(basename "$(dirname "$file")")
		where[$(basename "$file")]=$layer
	done
	for layer in $(ls "$root/src"); do
		if [ -z "${may[$layer]:-}" ]; then
			echo "src/$layer/ is not a layer (base store domain web pages app)"
			breaches=$((breaches + 1))
		fi
	done
	for file in "$root"/src/*/*.c "$root"/src/*/*.cc "$root"/src/*/*.h; do
		[ -f "$file" ] || continue
		layer=$(basename "$(dirname "$file")")
		while read -r inc; do
			target=${where[$inc]:-}
			if [ -z "$target" ]; then
				echo "${file#$root/}: includes \"$inc\", which is in no layer"
				breaches=$((breaches + 1))
			elif [[ " ${may[$layer]:-} " != *" $target "* ]]; then
				echo "${file#$root/}: $layer may not include \"$inc\" ($target)"
				breaches=$((breaches + 1))
			fi
		done < <(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$file")
	done
	# Cycles between modules (a module is x.c with x.h): tsort says "input contains a loop".
	local pairs=
	for file in "$root"/src/*/*.c "$root"/src/*/*.cc; do
		[ -f "$file" ] || continue
		local mod; mod=$(basename "${file%.*}")
		while read -r inc; do
			inc=${inc%.h}
			[ "$inc" != "$mod" ] && pairs+="$inc $mod"$'\n'
		done < <(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$file")
	done
	local loop
	loop=$(printf '%s' "$pairs" | tsort 2>&1 >/dev/null | grep -v 'input contains a loop' | sed 's/^tsort: //')
	if [ -n "$loop" ]; then
		echo "modules that depend on each other in a circle: $(tr '\n' ' ' <<<"$loop")"
		breaches=$((breaches + 1))
	fi
	return $((breaches > 255 ? 255 : breaches))
}

root=$here self_test=0
for a in "$@"; do
	case $a in --self-test) self_test=1 ;; *) root=$(cd "$a" && pwd) ;; esac
done
passed=0 failed=0
out=$(check_tree "$root")
if [ $? -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "$out"; fi

# The public programs (what anyone on the internet can reach) carry no code to copy, check,
# restore or export the database: that is liaison-admin's, and the staff programs' at most.
# They may carry the migrations, which the upload bundle's first request runs in whichever
# program it reaches (tests/apache: the first visit to the directory makes the database, and
# upgrades it after a copy, upgrade.c). Checked on the built programs: make all first.
for p in list search apply; do
	bin=$here/build/cgi-bin/$p
	if [ ! -x "$bin" ]; then
		echo "FAILED: $bin is not built (make all)"; failed=$((failed + 1)); continue
	fi
	found=$(nm "$bin" | grep -E -i -e ' (backup_|export_|sqlite3_backup_)' | tr -s ' \n' ' ')
	if [ -n "$found" ]; then
		echo "FAILED: the public program $p links backup or export code: $found"; failed=$((failed + 1))
	else passed=$((passed + 1)); fi
done

if [ "$self_test" = 1 ]; then
	work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
	plant() {	# what, file, line: a copy of the tree with line added to file must fail
		rm -rf "$work/t"; mkdir -p "$work/t"; cp -r "$here/src" "$work/t/"
		sed -i "0,/^#include \"/s//$3\n&/" "$work/t/$2"
		if check_tree "$work/t" >/dev/null; then
			echo "FAILED: a planted $1 ($2: $3) was not caught"; failed=$((failed + 1))
		else passed=$((passed + 1)); fi
	}
	plant "upward include" src/base/params.c '#include "serve.h"'
	plant "request header in the domain" src/domain/directory.c '#include "http.h"'
	plant "cycle within a layer" src/domain/token.c '#include "entry.h"'
fi
echo "layers $passed passed, $failed failed"
[ "$failed" = 0 ]
