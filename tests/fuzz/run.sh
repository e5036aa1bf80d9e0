#!/usr/bin/env bash
# Runs each fuzz target for the given seconds from its seed corpus (tests/fuzz/corpus/NAME);
# new inputs go to a scratch corpus, crashes to tests/out/fuzz/. Prints one line per target,
# "fuzz NAME ok (N runs)" or "fuzz NAME FAILED", and exits non-zero if any failed.
set -uo pipefail
secs=${1:-60}
here=$(cd "$(dirname "$0")/../.." && pwd)
out=$here/tests/out/fuzz
mkdir -p "$out"
status=0
for name in params csv searchquery form multipart csvin period mailmsg hosting when sheetin; do
	work=$(mktemp -d)
	cp "$here/tests/fuzz/corpus/$name/"* "$work/"
	if "$here/build/fuzz/fuzz_$name" -max_total_time="$secs" -max_len=4096 -timeout=10 \
		-artifact_prefix="$out/$name-" "$work" > "$out/$name.log" 2>&1; then
		echo "fuzz $name ok ($(grep -oE 'Done [0-9]+ runs' "$out/$name.log" | grep -oE '[0-9]+') runs in ${secs}s)"
	else
		echo "fuzz $name FAILED: see $out/$name.log"; tail -30 "$out/$name.log"; status=1
	fi
	rm -rf "$work"
done
exit $status
