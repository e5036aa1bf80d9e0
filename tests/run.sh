#!/usr/bin/env bash
# Runs every test suite and ends with one line: "N passed, N failed".
#
#   layers   src/'s include rule and no module cycles (tests/layers.sh), with planted breaches
#   unit     C unit tests (Check) under AddressSanitizer and UBSan, then under valgrind
#   man      liaison-admin(8) linted by mandoc, its SYNOPSIS equal to the tool's usage message,
#            every subcommand and variable described (tests/man.sh)
#   http     the programs behind real nginx on a loopback port with a fresh database, built
#            with ASan/UBSan; the same binaries as plain CGI; CGI runs under valgrind
#   browser  headless Chromium through playwright-core, with axe-core
#   faults   a site of its own whose database file is deleted, replaced (mv, cp), made read-only,
#            filled and damaged while it serves, and whose processes are killed with SIGKILL
#   sanitizer logs  any report a server process wrote while serving is a failure
#   owners   after all of the above, www-data (who serves, when run as root) can still write
#            the test database and every file SQLite made beside it
#   serve    the dev server (conf/serve.sh): a program killed with -9 restarted, who serves,
#            the hosts it answers, nginx's own answers (tests/serve.sh)
#   dist     the upload bundle (make dist) unpacked into an empty root and run there by chroot
#   apache   the bundle in a sub-folder of a site under real Apache: mod_fcgid with mod_rewrite,
#            and plain CGI (tests/apache.sh)
#   install  make install into a scratch root, served by the installed nginx site file; the
#            man page found by `man` under the prefix, the licence files in share/doc/liaison
#   fuzz     each libFuzzer target for FUZZ_SECONDS (15) from its seed corpus
#
# Expects `make all asan tests/unit/run-unit` to have run (make test does it).
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

# Started as root, the dev server runs its programs as www-data (conf/serve.sh), which must
# reach the programs, templates and test databases. A checkout it cannot reach (under a 700
# home folder, or a mktemp folder as CI's may be) is copied, built as it is, to a folder it
# can, and the suites run from there; their logs are copied back to tests/out.
if [ "$(id -u)" = 0 ] && [ -z "${LIAISON_TEST_COPY:-}" ] && id www-data >/dev/null 2>&1 &&
    ! runuser -u www-data -- test -x "$here/templates"; then
	copy=$(mktemp -d /var/tmp/liaison-test.XXXXXX) && chmod 755 "$copy" || exit 1
	echo "www-data cannot reach $here: the suites run from a copy in $copy"
	tar -C "$here" --exclude=./bench/out --exclude=./tests/out --exclude=./var -cf - . | tar -C "$copy" -xf -
	LIAISON_TEST_COPY=1 "$copy/tests/run.sh"
	rc=$?
	rm -rf "$here/tests/out" && cp -a "$copy/tests/out" "$here/tests/out" 2>/dev/null
	rm -rf "$copy"
	exit $rc
fi
out=$here/tests/out
rm -rf "$out"; mkdir -p "$out/asan"
# Started as root, serve.sh runs the programs as www-data: they must be able to write their
# sanitizer reports, or a report would be lost and the sanitizer check pass for nothing.
[ "$(id -u)" = 0 ] && chown www-data:www-data "$out/asan"
export LIAISON_SRCDIR=$here
export ASAN_OPTIONS="log_path=$out/asan/asan:detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="log_path=$out/asan/ubsan:print_stacktrace=1:halt_on_error=1"
passed=0 failed=0

count() {	# suite name, passed, failed
	printf '%-10s %3d passed, %d failed\n' "$1" "$2" "$3"
	passed=$((passed + $2)); failed=$((failed + $3))
}

# Runs a shell suite whose last line is "NAME N passed, N failed" and counts it; a run that
# ends otherwise counts as one failure. show is the grep pattern for the lines worth printing.
shell_suite() {	# name, log, show, command...
	local name=$1 log=$2 show=$3 line; shift 3
	"$@" > "$log" 2>&1
	line=$(tail -1 "$log")
	if [[ $line == "$name "* ]]; then
		count "$name" "$(awk '{print $2}' <<<"$line")" "$(awk '{print $4}' <<<"$line")"
		grep -E -A20 -e "$show" "$log" | grep -v "^$name " | head -60
	else
		count "$name" 0 1; tail -20 "$log"
	fi
}

# --- layers: the include rule of src/ (ARCHITECTURE.md), and that it catches planted breaches --
shell_suite layers "$out/layers.log" ':|FAILED' tests/layers.sh --self-test

# --- unit --------------------------------------------------------------------------------
tests/unit/run-unit > "$out/unit.log" 2>&1
line=$(grep -E '^[0-9]+%: Checks: ' "$out/unit.log" | tail -1)
if [ -n "$line" ]; then
	checks=$(sed -E 's/.*Checks: ([0-9]+).*/\1/' <<<"$line")
	fails=$(sed -E 's/.*Failures: ([0-9]+), Errors: ([0-9]+).*/\1+\2/' <<<"$line")
	count unit $((checks - fails)) $((fails))
else
	count unit 0 1
fi
grep -E ':[FE]:' "$out/unit.log" | head -20

# The same unit tests, unsanitized, under valgrind: one more check that it reports nothing.
if command -v valgrind >/dev/null; then
	make -s --no-print-directory tests/unit/run-unit-plain >/dev/null
	if ASAN_OPTIONS= valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect tests/unit/run-unit-plain > "$out/valgrind-unit.log" 2>&1; then
		count valgrind 1 0
	else
		count valgrind 0 1; tail -30 "$out/valgrind-unit.log"
	fi
fi

# --- man: the manual page against the tool it describes ---------------------------------------
shell_suite man "$out/man.log" FAILED tests/man.sh

# --- mail: one mailbox for the whole run (tests/mail/mailbox.py, python3-aiosmtpd on loopback),
# reached through msmtp as a site's sendmail would be. The programs get LIAISON_SENDMAIL; the
# tests find the folder and the msmtprc in LIAISON_TEST_MAIL_DIR and LIAISON_TEST_MSMTPRC.
# msmtp reads a -C file of someone else's (the programs run as www-data) when it holds no
# password, as this one does not; it must not be writable by others.
mail_dir=$out/mail/box
mkdir -p "$mail_dir"
/usr/bin/python3 tests/mail/mailbox.py "$mail_dir" > "$out/mail/mailbox.log" 2>&1 &
mailbox=$!
for i in $(seq 100); do [ -s "$mail_dir/port" ] && break; sleep 0.1; done
printf 'account default\nhost 127.0.0.1\nport %s\nauth off\ntls off\nfrom liaison@example.org\n' \
	"$(cat "$mail_dir/port" 2>/dev/null)" > "$out/mail/msmtprc"
chmod 644 "$out/mail/msmtprc"
export LIAISON_TEST_MAIL_DIR=$mail_dir LIAISON_TEST_MSMTPRC=$out/mail/msmtprc
export LIAISON_SENDMAIL="/usr/bin/msmtp -C $out/mail/msmtprc"
export LIAISON_MAIL_FROM=liaison@example.org LIAISON_OPERATOR_EMAIL=staff@example.org
export LIAISON_OPERATOR_ADDRESS="Maple Falls, Oregon"
# Reminders only when a test runs liaison-admin remind: requests sending them on their own
# (LIAISON_REMIND_AT) would mail the demo entries' contacts at any moment of the run.
export LIAISON_REMIND_AT=off

# --- http ------------------------------------------------------------------------------------
port=$((20000 + RANDOM % 20000))
# The database in a folder of its own: serve.sh hands that folder to www-data when run as
# root, and the run folder beside it must stay root's (root writes nginx's configuration there).
db=$out/db/liaison.db
mkdir -p "$out/db"
LIAISON_SCHEMA=$here/schema build/liaison-admin create "$db" data/demo.sql tests/http/fixture.sql >/dev/null
# A second of typing is enough for the tests (the default is 3 s). A shared cache keeps public
# pages 4 s, so that the test through the cache front sees a change come through in that
# time; that front connects from 127.0.0.2, the one address whose X-Forwarded-For is believed.
LIAISON_APPLY_MIN_SECONDS=1 LIAISON_PUBLIC_MAX_AGE=4 conf/serve.sh --port "$port" --bin build/asan \
	--db "$db" --dir "$out/run" --trust-front 127.0.0.2 > "$out/serve.log" 2>&1 &
server=$!
for i in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/list" && break; sleep 0.1; done

# Counts a node --test TAP log: name, log.
tap_count() {
	local p f
	p=$(grep -E '^# pass ' "$2" | awk '{print $3}')
	f=$(grep -E '^# fail ' "$2" | awk '{print $3}')
	if [ -z "$p" ]; then count "$1" 0 1; tail -30 "$2"; return; fi
	count "$1" "$p" "$f"
	[ "$f" = 0 ] || grep -B2 -A25 '^not ok' "$2" | head -80
}

node_suite() {	# name, files...
	local name=$1; shift
	LIAISON_BASE=http://127.0.0.1:$port LIAISON_TEST_DB=$db LIAISON_TEST_BIN=$here/build/asan \
	LIAISON_PLAIN_BIN=$here/build LIAISON_SHOTS=$out LIAISON_TEST_RUN=$out/run \
		node --test --test-reporter=tap "$@" > "$out/$name.log" 2>&1
	tap_count "$name" "$out/$name.log"
}
node_suite http tests/http/*.test.mjs
node_suite browser tests/browser/*.test.mjs

kill "$server" 2>/dev/null; wait "$server" 2>/dev/null

# faults: a site of its own whose database is deleted, replaced, damaged and filled under it,
# and whose processes are killed (tests/faults/faults.test.mjs starts and stops it itself).
# Its database has a folder of its own (handed to the programs' user), its run folder is beside.
mkdir -p "$out/faults/db"
LIAISON_SCHEMA=$here/schema build/liaison-admin create "$out/faults/db/liaison.db" data/demo.sql >/dev/null
fport=$((port + 1))
LIAISON_BASE=http://127.0.0.1:$fport LIAISON_TEST_DB=$out/faults/db/liaison.db LIAISON_TEST_BIN=$here/build/asan \
	node --test --test-reporter=tap tests/faults/*.test.mjs > "$out/faults.log" 2>&1
tap_count faults "$out/faults.log"
# Servers exit on SIGTERM through their request loop; LeakSanitizer reports at that exit.
sleep 0.5
reports=$(ls "$out"/asan 2>/dev/null | wc -l)
if [ "$reports" = 0 ]; then
	count sanitizer 1 0
else
	count sanitizer 0 1; head -40 "$out"/asan/*
fi
if [ "$(id -u)" = 0 ]; then
	# The tests opened the database as root too (sqlite3, liaison-admin, plain CGI): SQLite
	# gives a file it makes as root the database's owner, but nothing may be left that the
	# programs, as www-data, cannot write, or the site would fail on its next write.
	unwritable=$(for f in "$db" "$db"-*; do [ -e "$f" ] && ! runuser -u www-data -- test -w "$f" && echo "$f"; done)
	if [ -z "$unwritable" ] && runuser -u www-data -- test -w "$out/db" -a -w "$out/asan"; then
		count owners 1 0
	else
		count owners 0 1; echo "not writable by www-data: $unwritable"; ls -la "$out" | head -20
	fi
fi

# --- serve: the dev server itself (make run) -----------------------------------------------------
shell_suite serve "$out/serve-suite.log" FAILED tests/serve.sh

# --- dist: the upload bundle, run in an empty root ---------------------------------------------
if ls build/liaison-*-linux-x86_64.tar.gz > /dev/null 2>&1; then
	shell_suite dist "$out/dist.log" FAILED tests/dist.sh
fi

# --- apache: the bundle under a real Apache, mod_fcgid with clean addresses and plain CGI ----
if ls build/liaison-*-linux-x86_64.tar.gz > /dev/null 2>&1; then
	shell_suite apache "$out/apache.log" '^not ok' tests/apache.sh
fi

# --- install: make install into a scratch root, served by nginx as on a VPS ---------------------
shell_suite install "$out/install.log" FAILED tests/install.sh

# --- fuzz ------------------------------------------------------------------------------------
fuzzers_built=1
for name in params csv searchquery form multipart csvin period mailmsg sheetin; do
	[ -x "build/fuzz/fuzz_$name" ] || fuzzers_built=0
done
if [ "$fuzzers_built" = 1 ]; then
	tests/fuzz/run.sh "${FUZZ_SECONDS:-15}" > "$out/fuzz.log" 2>&1
	count fuzz "$(grep -c '^fuzz .* ok' "$out/fuzz.log")" "$(grep -c '^fuzz .* FAILED' "$out/fuzz.log")"
	grep -A30 FAILED "$out/fuzz.log" | head -40
fi

kill "$mailbox" 2>/dev/null; wait "$mailbox" 2>/dev/null
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
