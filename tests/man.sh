#!/usr/bin/env bash
# The manual page liaison-admin(8) against the tool it describes: mandoc's lint (or groff's
# warnings, where mandoc is not installed) finds nothing; its SYNOPSIS is the tool's usage
# message line for line, so a subcommand added to tools/liaison-admin.c without its page fails
# here; every subcommand has its entry under DESCRIPTION; every variable the tool reads is
# under ENVIRONMENT; the sections and the backup and restore cron examples are there.
#   tests/man.sh [PAGE [TOOL]]   (default doc/liaison-admin.8 and build/liaison-admin)
# tests/install.sh runs the same checks on the installed page and tool. Prints "ok …" /
# "FAILED …" per check, then "man N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
page=${1:-$here/doc/liaison-admin.8}
tool=${2:-$here/build/liaison-admin}
passed=0 failed=0
check() {
	local name=$1; shift
	if "$@" > /dev/null 2>&1; then echo "ok $name"; passed=$((passed + 1))
	else echo "FAILED $name"; failed=$((failed + 1)); fi
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export work

if command -v mandoc > /dev/null; then
	check "mandoc -Tlint finds no warning or error" mandoc -Tlint -Wwarning "$page"
else
	check "groff -mandoc -ww finds nothing (mandoc is not installed)" bash -c \
		"groff -mandoc -ww -z '$page' 2> '$work/groff.err' && ! test -s '$work/groff.err'"
fi
# Rendered as a reader sees it, wide enough that no synopsis line or name is broken.
if command -v man > /dev/null; then
	MANWIDTH=200 man -l "$page" 2>/dev/null | col -bx > "$work/page.txt"
else
	groff -mandoc -Tutf8 -P-cbou -rLL=200n "$page" > "$work/page.txt" 2>/dev/null
fi
section() { sed -n "/^$1\$/,/^[A-Z][A-Z ]*\$/p" "$work/page.txt" | sed '1d;$d'; }
check "the page renders, titled LIAISON-ADMIN(8)" grep -q '^LIAISON-ADMIN(8)' "$work/page.txt"
for s in NAME SYNOPSIS DESCRIPTION ENVIRONMENT FILES 'EXIT STATUS' EXAMPLES 'SEE ALSO'; do
	check "section $s" grep -qx "$s" "$work/page.txt"
done

# The usage message, lower-cased, is the SYNOPSIS with " | " closed up, line for line.
"$tool" > /dev/null 2> "$work/usage"
sed -e 's/^usage: *//' -e 's/^ *//' "$work/usage" | tr 'A-Z' 'a-z' > "$work/usage.txt"
section SYNOPSIS | sed -e 's/^ *//' -e 's/ | /|/g' -e '/^$/d' > "$work/synopsis.txt"
check "the tool's usage message has its lines" test "$(wc -l < "$work/usage.txt")" -ge 10
check "SYNOPSIS is the tool's usage message, line for line" cmp "$work/usage.txt" "$work/synopsis.txt"
# Each command (user's and import's second words spelled out) heads an entry of DESCRIPTION.
section DESCRIPTION > "$work/description.txt"
while read -r _ cmd second _; do
	case $cmd in
	user)	for w in ${second//|/ }; do
			check "DESCRIPTION has an entry for user $w" grep -qE "^     user $w( |\$)" "$work/description.txt"
		done ;;
	*)	check "DESCRIPTION has an entry for $cmd" grep -qE "^     $cmd( |\$)" "$work/description.txt" ;;
	esac
done < "$work/usage.txt"
# Every variable the tool reads itself, and the settings it is told where to find things by.
section ENVIRONMENT > "$work/environment.txt"
vars=$(grep -oh 'getenv("[A-Z_]*")' "$here/tools/liaison-admin.c" | sed 's/getenv("\(.*\)")/\1/' | sort -u)
for v in $vars LIAISON_CONFIG LIAISON_DB LIAISON_SCHEMA LIAISON_BUSY_TIMEOUT_MS; do
	check "ENVIRONMENT has an entry for $v" grep -qE "^     $v( |\$)" "$work/environment.txt"
done
section EXAMPLES > "$work/examples.txt"
check "EXAMPLES has a nightly backup cron line" grep -qE '^ +[0-9]+ [0-9]+ \* \* \* .*liaison-admin backup --quiet$' "$work/examples.txt"
check "EXAMPLES has a one-off restore cron job for shared hosting" bash -c \
	"grep -qE '^ +[0-9]+ [0-9]+ [0-9]+ [0-9]+ \\* sh /home/.*/bin/admin\\.sh' '$work/examples.txt' && grep -qE '^ +restore /home/' '$work/examples.txt'"
echo "man $passed passed, $failed failed"
[ "$failed" = 0 ]
