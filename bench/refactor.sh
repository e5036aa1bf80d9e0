#!/usr/bin/env bash
# Did the refactor of src/ into layers (issue 16) make any page slower? Builds the commit before
# it (BEFORE, a387f8a: the last commit before the first issue-16 refactor commits b802f29 and
# deefef0) from this clone's history into build/refactor/src-before, next to this checkout's
# own build, makes the same databases for both (each with its own schema/, bench/mkdb.sh and
# bench/reportdb.sh), serves both side by side with their own conf/serve.sh, and measures the
# same pages on both with wrk, interleaved: in each round every page is measured on one build
# and at once on the other, the order swapping every round, so a load that comes and goes on a
# shared machine falls on both alike. Prints the medians of the rounds, the ratio after/before
# per round and its median, and the shared anchors measured in the same run.
#
#   bench/refactor.sh [seconds-per-run] [rounds]      (defaults 3 and 5)
#   BEFORE=<commit> bench/refactor.sh …               (another commit to compare against)
#
# Without the commit in this clone (a shallow clone, or a tarball without .git) it says so and
# exits 0, so that `make bench` goes on. Record results in bench/README.md with the date.
set -euo pipefail
secs=${1:-3} rounds=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
before=${BEFORE:-a387f8a}
anchors=$here/../shared/anchors/run.sh
[ -x "$anchors" ] || anchors="bash $anchors"
work=$here/build/refactor
port=18100	# before: 18100-18102, after: 18103-18105 (bench/run.sh and the others use 18090-18094)
activities=100000

sha=$(git -C "$here" rev-parse --verify -q "$before^{commit}" 2>/dev/null) || {
	echo "refactor.sh: commit $before is not in this checkout's history (a shallow clone, or no .git):"
	echo "  skipped. Fetch the full history (git fetch --unshallow) to compare against it."
	exit 0
}
after_name=$(git -C "$here" describe --always --dirty 2>/dev/null || echo "this checkout")
mkdir -p "$work"

# --- the tree before: exported once per commit, built with its own Makefile -------------------
src=$work/src-before
if [ "$(cat "$src/.commit" 2>/dev/null)" != "$sha" ]; then
	echo "exporting $before into $src…"
	rm -rf "$src" && mkdir -p "$src"
	git -C "$here" archive "$sha" | tar -x -C "$src"
	echo "$sha" > "$src/.commit"
fi
echo "building $before (optimized, make all)…"
make -C "$src" -j2 all > "$work/make-before.log" 2>&1 || {
	tail -20 "$work/make-before.log" >&2
	echo "refactor.sh: $before did not build (the log is $work/make-before.log)" >&2
	exit 1
}
# This checkout's build as it stands now (make bench has just made it; run alone, it may be stale).
make -C "$here" -j2 all > "$work/make-after.log" 2>&1 || { tail -20 "$work/make-after.log" >&2; exit 1; }

# --- the same databases for both, each made by its own tree -----------------------------------
# bench.db: 100,000 organizations (bench/mkdb.sh), for the public pages. report.db: the demo
# data, 158 partnerships and 100,000 activities (bench/reportdb.sh), for the report and the
# signed-in pages. Remade when the tree's schema or scripts change, or the day does (mkdb.sh
# dates confirmations from today, so both must be made on the same day).
makedbs() {	# side tree build
	local side=$1 tree=$2 bin=$3 dir=$work/db-$1 stamp
	stamp="$(cat "$tree"/schema/*.sql "$tree/bench/mkdb.sh" "$tree/bench/reportdb.sh" "$tree/data/demo.sql" |
		sha1sum | cut -c1-16) $(date +%F) $activities"
	if [ "$(cat "$dir/made" 2>/dev/null)" != "$stamp" ]; then
		echo "making the $side databases in $dir (about a minute)…"
		rm -rf "$dir" && mkdir -p "$dir"
		"$tree/bench/mkdb.sh" 100000 "$dir/bench.db" "$bin"
		"$tree/bench/reportdb.sh" "$dir/report.db" "$activities" "$bin"
		printf 'a long bench password\n' | LIAISON_DB=$dir/report.db "$bin/liaison-admin" \
			user add bench-staff staff > /dev/null
		echo "$stamp" > "$dir/made"
	fi
	# serve.sh hands the database to www-data, but the tree before does not hand over the
	# -wal-owner file (f3ff2f5), which would turn its -wal guard off: hand over everything.
	[ "$(id -u)" = 0 ] && chown -R www-data: "$dir"
	return 0
}
makedbs before "$src" "$src/build"
makedbs after "$here" "$here/build"
same() {	# db query: the same answer on both sides, or a warning
	local a b
	a=$(sqlite3 "$work/db-before/$1" "$2") b=$(sqlite3 "$work/db-after/$1" "$2")
	[ "$a" = "$b" ] || echo "refactor.sh: WARNING: the two $1 differ: $a against $b ($2)" >&2
}
same bench.db "SELECT count(*), total(length(name)), total(length(description)), max(confirmed_on) FROM org"
same report.db "SELECT (SELECT count(*) FROM partnership), count(*), total(sessions) FROM activity"

# --- two sites each: the public pages (cache on and off), and the report database ------------
servers=()
stop() { [ ${#servers[@]} -gt 0 ] && kill "${servers[@]}" 2>/dev/null; wait "${servers[@]}" 2>/dev/null || true; }
trap stop EXIT
serve() {	# port tree bin db [env]
	local p=$1 tree=$2 bin=$3 db=$4
	mkdir -p "$work/run"
	env ${5:-} "$tree/conf/serve.sh" --port "$p" --bin "$bin" --db "$db" --dir "$work/run/$p" --quiet \
		> "$work/serve-$p.log" 2>&1 &
	servers+=($!)
}
serve $port "$src" "$src/build" "$work/db-before/bench.db"
serve $((port + 1)) "$src" "$src/build" "$work/db-before/bench.db" LIAISON_PAGE_CACHE=0
serve $((port + 2)) "$src" "$src/build" "$work/db-before/report.db"
serve $((port + 3)) "$here" "$here/build" "$work/db-after/bench.db"
serve $((port + 4)) "$here" "$here/build" "$work/db-after/bench.db" LIAISON_PAGE_CACHE=0
serve $((port + 5)) "$here" "$here/build" "$work/db-after/report.db"
for p in $(seq $port $((port + 5))); do
	for i in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$p/list" && break; sleep 0.1; done
	curl -sf -o /dev/null "http://127.0.0.1:$p/list" || { cat "$work/serve-$p.log" >&2; exit 1; }
done

# A staff session on each report site (the signed-in pages), as a Cookie header for wrk.
signin() {	# port
	local jar=$work/cookies-$1 base=http://127.0.0.1:$1 token
	rm -f "$jar"
	token=$(curl -s -c "$jar" "$base/staff/sign-in" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	curl -s -o /dev/null -b "$jar" -c "$jar" \
		--data "csrf=$token&name=bench-staff&password=a+long+bench+password" "$base/staff/sign-in"
	awk -F'\t' 'NF >= 7 && (!/^#/ || /^#HttpOnly_/) { printf "%s%s=%s", n++ ? "; " : "", $6, $7 }' "$jar"
}
declare -A cookie=([b]=$(signin $((port + 2))) [a]=$(signin $((port + 5))))
host=$(sqlite3 "$work/db-after/report.db" "SELECT host_id FROM partnership GROUP BY host_id ORDER BY count(*) DESC LIMIT 1")
pship=$(sqlite3 "$work/db-after/report.db" "SELECT partnership_id FROM activity GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")

# name | site (0 cached, 1 cache off, 2 report database) | path | signed in
pages=(
	"list|0|/list?page=3|"
	"list_country|0|/list?country=FR&page=3|"
	"list_interest|0|/list?interest=pen_pals&page=3|"
	"profile|0|/list/4242|"
	"search|0|/search?q=library|"
	"search_rare|0|/search?q=a1234|"
	"match|0|/search?match=4242|"
	"list_nocache|1|/list?page=3|"
	"search_rare_nocache|1|/search?q=a1234|"
	"match_nocache|1|/search?match=4242|"
	"report|2|/report?fy=2025|"
	"report_staff|2|/report?fy=2025|1"
	"staff_entries|2|/staff/entries|1"
	"staff_org|2|/staff/org/$host|1"
	"partnership|2|/partnerships/$pship|1"
)
url() {	# side(b|a) site path
	local base=$port
	[ "$1" = a ] && base=$((port + 3))
	echo "http://127.0.0.1:$((base + $2))$3"
}
# Every page must answer 200 on both (a 303 to the sign-in page or an error page would be fast
# and wrong); the sizes show both builds send the same page.
declare -A bytes
for spec in "${pages[@]}"; do
	IFS='|' read -r name site path signed <<< "$spec"
	for s in b a; do
		got=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' ${signed:+-H "Cookie: ${cookie[$s]}"} "$(url $s "$site" "$path")")
		[ "${got% *}" = 200 ] || { echo "refactor.sh: $name on the $s side answered ${got% *}: $(url $s "$site" "$path")" >&2; exit 1; }
		bytes[$name$s]=${got#* }
	done
done

echo "== before: $before ($sha), after: $after_name; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== anchors, ${secs}s x $rounds rounds (../shared/anchors/run.sh)"
if [ -f "${anchors#bash }" ]; then
	$anchors "$secs" "$rounds" > "$work/anchors.txt" 2>&1 || { cat "$work/anchors.txt" >&2; exit 1; }
else	# the comparison stands without them; only the ÷ rawc columns are lost
	echo "refactor.sh: no anchors at ${anchors#bash }: the ÷ rawc columns are left out"
	printf 'round 1 %s 0\n' static.html hello rawc list.php > "$work/anchors.txt"
fi
median() { sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A anchor
for t in static.html hello rawc list.php; do
	anchor[$t]=$(awk -v t="$t" '$1 == "round" && $3 == t { print $4 }' "$work/anchors.txt" | median)
done
printf 'anchors (median req/s): static %.0f  hello %.0f  rawc %.0f  php %.0f\n' \
	"${anchor[static.html]}" "${anchor[hello]}" "${anchor[rawc]}" "${anchor[list.php]}"

# One second of wrk on every page first: each process fills its page cache, prepares its
# statements and reads the database into the OS cache before anything is counted.
for spec in "${pages[@]}"; do
	IFS='|' read -r name site path signed <<< "$spec"
	for s in b a; do
		wrk -t1 -c16 --timeout 10s -d1s ${signed:+-H "Cookie: ${cookie[$s]}"} "$(url $s "$site" "$path")" > /dev/null
	done
done

# The CPU time the page's program took (its processes' user + system time, from /proc) per
# request answered: throughput on a busy machine follows the other engineers' load, the work a
# request costs much less so.
tick=$(getconf CLK_TCK)
cputicks() {	# port program: clock ticks used so far by the program's processes
	local w
	w=$(cat "$work/run/$1/$2.pid")
	for c in $(pgrep -P "$w"); do awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || true; done |
		awk '{ n += $1 } END { print n + 0 }'
}
echo "== pages, wrk -t1 -c16, ${secs}s x $rounds rounds, before and after interleaved"
declare -A rps bad cpu
for r in $(seq "$rounds"); do
	order="b a"
	[ $((r % 2)) = 0 ] && order="a b"
	for spec in "${pages[@]}"; do
		IFS='|' read -r name site path signed <<< "$spec"
		for s in $order; do
			u=$(url $s "$site" "$path") p=${u#http://127.0.0.1:} prog=${path#/}
			p=${p%%/*} prog=${prog%%[/?]*}
			t0=$(cputicks "$p" "$prog")
			res=$(wrk -t1 -c16 --timeout 10s -d"${secs}s" ${signed:+-H "Cookie: ${cookie[$s]}"} "$u")
			# wrk leaves up to 16 requests in flight; on a slow page (a second each) they would
			# run into the next measurement, of the other build. Wait until the program is idle
			# (no CPU used for 0.3 s, 15 s at most), and count their CPU with this one's.
			t1=$(cputicks "$p" "$prog") t2=
			for i in $(seq 50); do
				sleep 0.3
				t2=$(cputicks "$p" "$prog")
				[ "$t2" = "$t1" ] && break
				t1=$t2
			done
			v=$(awk '/Requests\/sec/ { print $2 }' <<< "$res")
			n=$(awk '/requests in/ { print $1 }' <<< "$res")
			cpu[$name$s]+="$(awk -v d=$((t1 - t0)) -v n="$n" -v hz="$tick" 'BEGIN { printf "%.1f", (n > 0 ? d * 1e6 / hz / n : 0) }') "
			# Any answer but 2xx/3xx, or a socket error, spoils the figure: counted and shown.
			e=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<< "$res")
			rps[$name$s]+="$v "
			bad[$name$s]=$(( ${bad[$name$s]:-0} + e ))
			echo "round $r $name $( [ $s = b ] && echo before || echo after) $v req/s $(awk '{ print $NF }' <<< "${cpu[$name$s]}") µs CPU/request"
		done
	done
done > "$work/rounds.txt"
echo "(each round's figures: $work/rounds.txt; load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
printf '%-20s %8s %8s %6s %11s %7s %6s %6s %11s %6s %s\n' page before after 'a/b' 'rounds a/b' \
	'kB b/a' 'b/rawc' 'a/rawc' 'µs CPU b/a' 'a/b' verdict
rawc() { awk -v v="$1" -v r="${anchor[rawc]}" 'BEGIN { print (r > 0 ? v / r : 0) }'; }
slower=0
for spec in "${pages[@]}"; do
	IFS='|' read -r name site path signed <<< "$spec"
	mb=$(tr ' ' '\n' <<< "${rps[${name}b]}" | grep . | median)
	ma=$(tr ' ' '\n' <<< "${rps[${name}a]}" | grep . | median)
	# The ratio of each round's pair (measured seconds apart), then their median and range.
	ratios=$(paste <(tr ' ' '\n' <<< "${rps[${name}b]}" | grep .) <(tr ' ' '\n' <<< "${rps[${name}a]}" | grep .) |
		awk '{ printf "%.4f\n", $2 / $1 }')
	mr=$(median <<< "$ratios")
	lo=$(sort -g <<< "$ratios" | head -1) hi=$(sort -g <<< "$ratios" | tail -1)
	# Beyond noise: a one-sided t test on the rounds' log ratios at 0.5 % (df = rounds - 1), and
	# 3 % or more at the median. With 15 pages, "every round lost" alone would flag one by
	# chance in about every third run of 5 rounds on a busy machine; this, about one run in fifteen.
	verdict=$(awk -v m="$mr" '{ l = log($1); s += l; q += l * l; n++ }
		END {
			split("63.66 9.92 5.84 4.60 4.03 3.71 3.50 3.36 3.25", c, " ")
			crit = n - 1 <= 9 ? c[n - 1] : 3.0
			sd = n > 1 ? sqrt((q - s * s / n) / (n - 1)) : 0
			t = sd > 0 ? (s / n) / (sd / sqrt(n)) : 0
			if (n > 1 && t < -crit && m < 0.97) print "SLOWER"
			else if (n > 1 && t > crit && m > 1.03) print "faster"
			else print "same"
		}' <<< "$ratios")
	[ "$verdict" = SLOWER ] && slower=1
	errs=$(( ${bad[${name}b]} + ${bad[${name}a]} ))
	[ "$errs" -gt 0 ] && verdict+=" ($errs errors)"
	cb=$(tr ' ' '\n' <<< "${cpu[${name}b]}" | grep . | median)
	ca=$(tr ' ' '\n' <<< "${cpu[${name}a]}" | grep . | median)
	cr=$(paste <(tr ' ' '\n' <<< "${cpu[${name}b]}" | grep .) <(tr ' ' '\n' <<< "${cpu[${name}a]}" | grep .) |
		awk '$1 > 0 { printf "%.4f\n", $2 / $1 }' | median)
	printf '%-20s %8.0f %8.0f %6.3f %5.2f-%-5.2f %3.0f/%-3.0f %6.2f %6.2f %5.0f/%-5.0f %6.3f %s\n' "$name" "$mb" "$ma" "$mr" \
		"$lo" "$hi" "$(echo "${bytes[${name}b]} / 1024" | bc -l)" "$(echo "${bytes[${name}a]} / 1024" | bc -l)" \
		"$(rawc "$mb")" "$(rawc "$ma")" "$cb" "$ca" "${cr:-0}" "$verdict"
done
echo
echo "a/b: median of the rounds' after/before ratios (their range beside it). SLOWER or faster: the rounds'"
echo "log ratios differ from 0 (one-sided t test, 0.5 %) and the median by 3 % or more; else same."
echo "µs CPU: the program's processes' CPU time per request answered (medians), and the median of the rounds' ratios."
[ "$slower" = 0 ] || echo "refactor.sh: some pages look slower after the refactor; bench/refcount.sh NAME counts" \
	"their instructions per request, which the machine's load does not move (bench/README.md)"
