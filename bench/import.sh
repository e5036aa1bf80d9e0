#!/usr/bin/env bash
# The import benchmark: a CSV of ROWS activities (100,000 by default) through
# `liaison-admin import`, as a site's administrator runs it, on a copy of the demo database:
# rows per second and peak resident memory, median of three runs. The same is measured for a
# tenth of the rows, so the memory of the two can be compared: it should not grow with the file.
#
#   bench/import.sh [rows] [runs]          (defaults 100000 and 3)
#
# The file is made by awk: every activity type, a third hybrid, survey tallies, costs with
# cents, quoted notes; every row passes every check, so the whole file goes in. The same rows
# are then measured as an .xlsx workbook (issue 19), written by python3-openpyxl from the CSV
# with real date cells and numbers (made once per row count, kept in bench/out/).
#
#   bench/import.sh [rows] [runs] [csv|xlsx|both]   (default both)
set -euo pipefail
rows=${1:-100000} runs=${2:-3} formats=${3:-both}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/bench/out
mkdir -p "$out"
export LIAISON_SCHEMA=$here/schema LIAISON_DEMO=$here/data/demo.sql
rm -f "$out/import-base.db"
"$here/build/liaison-admin" demo "$out/import-base.db" > /dev/null
start=$(sqlite3 "$out/import-base.db" "SELECT start_on FROM partnership WHERE id = 1")

make_csv() {	# rows file
	awk -v n="$1" -v start="$start" 'BEGIN {
		print "partnership,held_on,type,counted_as,format,sessions,att_0_5_in,att_6_11_in,att_12_18_in,att_adult_in,att_all_in,att_0_5_virt,att_6_11_virt,att_12_18_virt,att_adult_virt,att_all_virt,staff_hours,volunteer_hours,library_cost,partner_cost,in_kind,materials,respondents,agree_knowledge,agree_confidence,agree_application,agree_awareness,notes"
		split("pen_pals book_exchange videoconference cultural_program storytime workshop staff_exchange book_drive joint_website exhibit other", t, " ")
		y = substr(start, 1, 4) + 1
		for (i = 0; i < n; i++) {
			f = i % 3 == 0 ? "hybrid" : "in_person"; a = i % 30 + 1; v = f == "hybrid" ? i % 20 : 0; r = int(a / 2)
			printf "1,%d-%02d-%02d,%s,%s,%s,1,%d,%d,0,%d,0,0,%d,0,0,0,%d.5,1,%d.%02d,0,0,%d,%d,%d,%d,%d,%d,\"Row %d, imported\"\n",
				y, 1 + i % 12, 1 + i % 28, t[1 + i % 11], i % 7 ? "program" : "outreach", f, a, a, a, v,
				1 + i % 4, i % 100, i % 100, i % 50, r, r, r, r, r, i
		}
	}' > "$2"
}

# The CSV's rows as an .xlsx workbook, as a spreadsheet saves them: dates as date cells,
# numbers as numbers (openpyxl writes inline strings; its write-only mode streams the rows).
make_xlsx() {	# csv xlsx
	[ -s "$2" ] && [ "$2" -nt "$1" ] && return
	/usr/bin/python3 - "$1" "$2" <<'EOF'
import csv, datetime, sys
from openpyxl import Workbook
wb = Workbook(write_only=True)
ws = wb.create_sheet()
def value(s):
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        return datetime.date(int(s[:4]), int(s[5:7]), int(s[8:]))
    try:
        return int(s)
    except ValueError:
        pass
    try:
        return float(s)
    except ValueError:
        return s
with open(sys.argv[1], newline="") as f:
    for i, row in enumerate(csv.reader(f)):
        ws.append(row if i == 0 else [value(c) for c in row])
wb.save(sys.argv[2])
EOF
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

measure() {	# rows [xlsx] → "rows/s peakKB" per run, then the medians
	local n=$1 csv=$out/import-$1.csv file=$out/import-$1.csv
	make_csv "$n" "$csv"
	if [ "${2:-csv}" = xlsx ]; then file=$out/import-$1.xlsx; make_xlsx "$csv" "$file"; fi
	: > "$out/import-$n.runs"
	for run in $(seq "$runs"); do
		rm -f "$out/import.db" "$out/import.db-wal" "$out/import.db-shm"
		cp "$out/import-base.db" "$out/import.db"
		# The rate the tool prints is by the clock; the CPU time beside it tells a loaded machine.
		LIAISON_DB=$out/import.db /usr/bin/time -f '%U %S' -o "$out/import.cpu" \
			"$here/build/liaison-admin" import activities "$file" --as bench 2>/dev/null |
			sed -n -E 's/.*\(([0-9]+) rows\/s, peak memory ([0-9]+) KB\).*/\1 \2/p' | tr '\n' ' ' >> "$out/import-$n.runs"
		awk -v n="$n" '{ printf "%.0f\n", n / ($1 + $2) }' "$out/import.cpu" >> "$out/import-$n.runs"
		got=$(sqlite3 "$out/import.db" "SELECT count(*) FROM activity WHERE notes LIKE 'Row %, imported'")
		[ "$got" = "$n" ] || { echo "import.sh: only $got of $n rows went in" >&2; exit 1; }
	done
	printf '%s rows (%s, %s MB): %s rows/s, %s rows per CPU second, peak memory %s KB (median of %s; runs, rows/s KB rows/CPU-s: %s)\n' \
		"$n" "${file##*.}" "$(( $(stat -c %s "$file") / 1048576 ))" "$(cut -d' ' -f1 "$out/import-$n.runs" | median)" \
		"$(cut -d' ' -f3 "$out/import-$n.runs" | median)" "$(cut -d' ' -f2 "$out/import-$n.runs" | median)" "$runs" \
		"$(tr '\n' ';' < "$out/import-$n.runs")"
}

# The anchor, in the same run: the sqlite3 shell's own .import of the same file into a table
# with no checks, constraints or indexes, in one transaction. What Liaison adds on top (every
# field checked as the form checks it, foreign keys, two indexes) is the ratio to it.
anchor() {	# rows → rows/s, median of the runs
	local n=$1 csv=$out/import-$1.csv
	for run in $(seq "$runs"); do
		rm -f "$out/anchor.db"
		t0=$(date +%s.%N)
		sqlite3 "$out/anchor.db" ".import --csv $csv raw"
		t1=$(date +%s.%N)
		echo "$n $t0 $t1" | awk '{ printf "%.0f\n", $1 / ($3 - $2) }'
	done | median
}

echo "liaison-admin import activities, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg):"
if [ "$formats" != csv ]; then
	measure $((rows / 10)) xlsx
	measure "$rows" xlsx
	xlsx=$(cut -d' ' -f1 "$out/import-$rows.runs" | median)
	cp "$out/import-$rows.runs" "$out/import-$rows-xlsx.runs"
	echo "xlsx: $xlsx rows/s (target 20,000)"
	[ "$formats" = xlsx ] && exit 0
fi
measure $((rows / 10))
measure "$rows"
ours=$(cut -d' ' -f1 "$out/import-$rows.runs" | median)
echo "csv: $ours rows/s (target 50,000)"
raw=$(anchor "$rows")
echo "anchor: sqlite3 .import of the same $rows rows, unchecked: $raw rows/s; Liaison's checked import runs at $(awk -v a="$ours" -v b="$raw" 'BEGIN { printf "%.2f", a / b }') of it${xlsx:+ from CSV, $(awk -v a="$xlsx" -v b="$raw" 'BEGIN { printf "%.3f", a / b }') from .xlsx}"
