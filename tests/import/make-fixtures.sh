#!/usr/bin/env bash
# Makes the spreadsheet fixtures in tests/import/fixtures/ the way people make them, with three
# writers: LibreOffice (soffice --headless: a CSV opened in a US or a German locale and saved,
# and flat .fods documents with formulas, booleans and the 1904 date system), Gnumeric's
# ssconvert, and python3-openpyxl (inline strings, real dates, header labels, both date
# systems, a formula it cannot calculate); then the files that must be refused (a CSV renamed,
# a random zip, a truncated workbook, an old/password container, an encrypted .ods, zip and
# repeat bombs), written with Python's zipfile. Beside them, lo-csv/NAME.csv: LibreOffice's own
# reading of each good fixture saved as CSV, which tests/unit/test_sheet.c compares the reader
# with. What each fixture must give is in tests/import/expected.json (written by hand).
#
# Slow (LibreOffice starts in seconds): run once, commit the results. Needs
# libreoffice-calc, gnumeric and python3-openpyxl (apt-get install them).
#
#   tests/import/make-fixtures.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out" && mkdir -p "$out/lo-csv"
export HOME=$work	# LibreOffice's profile, fresh each run
py=/usr/bin/python3	# Debian's, where python3-openpyxl is

# The activities every good fixture holds (partnership 1 of the demo data), as a US CSV.
cat > "$work/us.csv" <<'EOF'
partnership,held_on,type,counted_as,format,sessions,att_0_5_in,att_6_11_in,att_adult_in,staff_hours,library_cost,notes
1,3/15/2026,storytime,program,in_person,1,3,3,12,1.5,12.5,"Story time, in the park"
1,3/16/2026,workshop,program,in_person,2,0,4,20,3,40,Workshop
1,4/1/2026,pen_pals,outreach,in_person,1,0,0,7,0.5,0,Letters — café
1,4/1/2026,pen_pals,outreach,in_person,1,0,0,7,0.5,0,Letters — café
EOF
# The same as a German spreadsheet writes it: semicolons, 15.03.2026, decimal commas.
cat > "$work/de.csv" <<'EOF'
partnership;held_on;type;counted_as;format;sessions;att_0_5_in;att_6_11_in;att_adult_in;staff_hours;library_cost;notes
1;15.03.2026;storytime;program;in_person;1;3;3;12;1,5;12,5;Story time, in the park
1;16.03.2026;workshop;program;in_person;2;0;4;20;3;40;Workshop
1;01.04.2026;pen_pals;outreach;in_person;1;0;0;7;0,5;0;Letters — café
1;01.04.2026;pen_pals;outreach;in_person;1;0;0;7;0,5;0;Letters — café
EOF

# --- LibreOffice: CSV opened in en-US (1033) and de-DE (1031), saved as .xlsx and .ods ---------
cp "$work/us.csv" "$work/lo-us-dates.csv"
cp "$work/de.csv" "$work/lo-eu-dates.csv"
(cd "$work" && soffice --headless --infilter="CSV:44,34,76,1,,1033" --convert-to xlsx lo-us-dates.csv >/dev/null 2>&1)
(cd "$work" && soffice --headless --infilter="CSV:59,34,76,1,,1031" --convert-to ods lo-eu-dates.csv >/dev/null 2>&1)
cp "$work/lo-us-dates.xlsx" "$work/lo-eu-dates.ods" "$out/"

# Flat OpenDocument, written here, opened and saved by LibreOffice: formulas (their results
# computed by LibreOffice and cached), a 1904 null date, booleans in an organizations file.
fods() {	# name null-date rows-xml
	cat > "$work/$1.fods" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles><number:date-style style:name="iso"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<style:style style:name="d" style:family="table-cell" style:data-style-name="iso"/></office:automatic-styles>
<office:body><office:spreadsheet><table:calculation-settings><table:null-date table:date-value="$2"/></table:calculation-settings>
<table:table table:name="Activities">$3</table:table><table:table table:name="Notes"><table:table-row><table:table-cell office:value-type="string"><text:p>Not this sheet</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document>
EOF
}
s() { printf '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' "$1"; }
n() { printf '<table:table-cell office:value-type="float" office:value="%s"/>' "$1"; }
d() { printf '<table:table-cell table:style-name="d" office:value-type="date" office:date-value="%s"/>' "$1"; }
f() { printf '<table:table-cell table:formula="of:=%s" office:value-type="float" office:value="0"/>' "$1"; }
b() { printf '<table:table-cell office:value-type="boolean" office:boolean-value="%s"/>' "$1"; }
row() { printf '<table:table-row>%s</table:table-row>' "$*"; }
header=$(row "$(for c in partnership held_on type counted_as format sessions att_0_5_in att_6_11_in att_adult_in staff_hours library_cost notes; do s $c; done)")
# Sessions, attendance and cost as formulas over other cells: LibreOffice computes them on load.
formulas=$header$(row "$(n 1)$(d 2026-03-15)$(s storytime)$(s program)$(s in_person)$(f '[.G2]-2')$(n 3)$(f '[.G2]')$(f 'SUM([.G2:.H2])*2')$(n 1.5)$(f '[.J2]*25/3')$(s 'Story time, in the park')")
formulas+=$(row "$(n 1)$(d 2026-03-16)$(s workshop)$(s program)$(s in_person)$(n 2)$(n 0)$(n 4)$(f '[.H3]*5')$(n 3)$(f 'ROUND([.J3]*40/3;2)')$(s Workshop)")
formulas+=$(row "$(n 1)$(d 2026-04-01)$(s pen_pals)$(s outreach)$(s in_person)$(n 1)$(n 0)$(n 0)$(n 7)$(n 0.5)$(n 0)$(s 'Letters — café')")
formulas+=$(row "$(n 1)$(d 2026-04-01)$(s pen_pals)$(s outreach)$(s in_person)$(n 1)$(n 0)$(n 0)$(n 7)$(n 0.5)$(n 0)$(s 'Letters — café')")
fods lo-formulas 1899-12-30 "$formulas"
fods lo-1904 1904-01-01 "$formulas"
orgs=$(row "$(for c in name type country city languages interests timezone seeking contact_name contact_email email_public; do s $c; done)")
orgs+=$(row "$(s 'Biblioteca de Prueba Uno')$(s public)$(s CO)$(s Pereira)$(s es)$(s pen_pals)$(s America/Bogota)$(b true)$(s 'Ana Gómez')$(s ana@example.org)$(b false)")
orgs+=$(row "$(s 'Biblioteca de Prueba Dos')$(s public)$(s CO)$(s Cali)$(s 'es; en')$(s storytime)$(s America/Bogota)$(b false)$(s 'Luis Pérez')$(s luis@example.org)$(b true)")
orgs+=$(row "$(s 'Biblioteca de Prueba Tres')$(s public)$(s Atlantis)$(s Cali)$(s es)$(s storytime)$(s America/Bogota)$(b true)$(s 'Eva Ruiz')$(s eva@example.org)$(b false)")
fods lo-orgs-booleans 1899-12-30 "$orgs"
(cd "$work" && soffice --headless --convert-to xlsx lo-formulas.fods lo-1904.fods >/dev/null 2>&1 &&
	soffice --headless --convert-to ods lo-formulas.fods lo-orgs-booleans.fods >/dev/null 2>&1)
cp "$work/lo-formulas.xlsx" "$work/lo-formulas.ods" "$work/lo-1904.xlsx" "$work/lo-orgs-booleans.ods" "$out/"

# --- Gnumeric: the US CSV through ssconvert ------------------------------------------------------
LC_ALL=C.UTF-8 ssconvert "$work/us.csv" "$out/gnumeric-us.xlsx" >/dev/null 2>&1
LC_ALL=C.UTF-8 ssconvert "$work/us.csv" "$out/gnumeric-us.ods" >/dev/null 2>&1

# --- openpyxl -------------------------------------------------------------------------------------
OUT=$out $py - <<'EOF'
import datetime, os, openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
out = os.environ["OUT"]
rows = [
    [1, datetime.date(2026, 3, 15), "Storytime or reading", "Program", "In person", 1, 3, 3, 12, 1.5, 12.5, "Story time, in the park"],
    [1, datetime.date(2026, 3, 16), "workshop", "program", "in_person", 2, 0, 4, 20, 3, 40, "Workshop"],
    [1, datetime.datetime(2026, 4, 1, 10, 30), "pen_pals", "outreach", "in_person", 1, 0, 0, 7, 0.5, 0, "Letters — café"],
    [1, datetime.date(2026, 4, 1), "pen_pals", "outreach", "in_person", 1, None, None, 7, 0.5, None, "Letters — café"],
]
codes = ["partnership", "held_on", "type", "counted_as", "format", "sessions", "att_0_5_in", "att_6_11_in", "att_adult_in", "staff_hours", "library_cost", "notes"]

def book(name, header, epoch=None, extra=None):
    wb = openpyxl.Workbook()
    if epoch:
        wb.epoch = epoch
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    if extra:
        extra(ws)
    wb.save(os.path.join(out, name))

# Headers as the page's labels, in other cases and spacing; a date-time cell; empty cells.
book("openpyxl-labels.xlsx", ["Partnership number", "DATE", "Type of activity", "Counted as", "Format",
     "Number of sessions", "att_0_5_in", "att 6 11 in", "att_adult_in", "staff_hours", "library_cost", "notes"])
book("openpyxl-1904.xlsx", codes, epoch=CALENDAR_MAC_1904)
# A formula openpyxl writes but cannot calculate: no saved result in F3.
book("openpyxl-formula-unsaved.xlsx", codes, extra=lambda ws: ws.__setitem__("F3", "=1+1"))
# Mistakes a person makes: a type that is not one (C3), a day that does not exist (B4, as text),
# attendance as words (I5).
def mistakes(ws):
    ws["C3"] = "Story hour"
    ws["B4"] = "2026-02-30"
    ws["I5"] = "twelve"
book("openpyxl-mistakes.xlsx", codes, extra=mistakes)
EOF

# --- files that must be refused -----------------------------------------------------------------
cp "$work/us.csv" "$out/csv-renamed.xlsx"
OUT=$out $py - <<'EOF'
import os, zipfile
out = os.environ["OUT"]
def z(name, parts, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(os.path.join(out, name), "w", method, compresslevel=9) as f:
        for part, data in parts:
            f.writestr(part, data)
z("random-zip.xlsx", [("readme.txt", "Holiday photos\n")])
good = open(os.path.join(out, "lo-us-dates.xlsx"), "rb").read()
open(os.path.join(out, "truncated.xlsx"), "wb").write(good[: len(good) // 2])
# The OLE2 container of an .xls, or of a workbook saved with a password.
open(os.path.join(out, "password.xlsx"), "wb").write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le"))
manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry></manifest:manifest>')
z("encrypted.ods", [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("META-INF/manifest.xml", manifest), ("content.xml", os.urandom(600))])
wb = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
# A zip bomb: 60 MB of XML (spaces in the sheet) deflated to about 60 KB, a thousand to one.
sheet = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + " " * (60 << 20) +
         '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>partnership</t></is></c></row></sheetData></worksheet>')
z("zip-bomb.xlsx", [("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", rels), ("xl/worksheets/sheet1.xml", sheet)])
# A repeat bomb: one row of twelve cells that says it is repeated a million times.
cells = "".join('<table:table-cell office:value-type="float" office:value="1"/>' for _ in range(12))
content = ('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
           '<office:body><office:spreadsheet><table:table table:name="S"><table:table-row table:number-rows-repeated="1000000">' + cells +
           '</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>')
z("repeat-bomb.ods", [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", content)])
# A depth bomb: a million elements each inside the last, 7 MB unpacked, a few kilobytes packed:
# expat would keep every one of them open (gigabytes), so the reader stops at 256 deep.
sheet = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
         "<a>" * 1000000 + "</a>" * 1000000 + '</sheetData></worksheet>')
z("depth-bomb.xlsx", [("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", rels), ("xl/worksheets/sheet1.xml", sheet)])
EOF

# --- LibreOffice's own reading of each good fixture, as CSV (UTF-8, values not as shown) ------
good="lo-us-dates.xlsx lo-eu-dates.ods lo-formulas.xlsx lo-formulas.ods lo-1904.xlsx lo-orgs-booleans.ods
	gnumeric-us.xlsx gnumeric-us.ods openpyxl-labels.xlsx openpyxl-1904.xlsx"
for g in $good; do cp "$out/$g" "$work/${g%.*}-${g##*.}.${g##*.}"; done
(cd "$work" && soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false' \
	--outdir "$work/lo-csv" $(for g in $good; do echo "${g%.*}-${g##*.}.${g##*.}"; done) >/dev/null 2>&1)
for g in $good; do mv "$work/lo-csv/${g%.*}-${g##*.}.csv" "$out/lo-csv/$g.csv"; done
ls -l "$out" "$out/lo-csv"
