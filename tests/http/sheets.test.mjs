// sheets.test.mjs - .xlsx and .ods imports (issue 19) from the fixtures tests/import/make-fixtures.sh
// made with LibreOffice, Gnumeric and openpyxl: each through the /import page and through
// `liaison-admin import`, with its exact outcome (the rows in the database, or each message with
// its cell), and each good import undone after, so the next starts from the same records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, sqlRows, csrfOf, signedIn, admin, importFile } from './helpers.mjs';

const dir = fileURLToPath(new URL('../import/fixtures/', import.meta.url));
const ours = "partnership_id = 1 AND notes IN ('Story time, in the park', 'Workshop', 'Letters — café')";
const rowsIn = () => sqlRows(`SELECT held_on, type, is_program, format, sessions, att_0_5_in, att_6_11_in, att_adult_in,
  staff_minutes, library_cost_cents, notes FROM activity WHERE ${ours} ORDER BY held_on, id`);
// What every good fixture holds: the same four activities (the last two alike, both taken).
const expected = [
  ['2026-03-15', 'storytime', '1', 'in_person', '1', '3', '3', '12', '90', '1250', 'Story time, in the park'],
  ['2026-03-16', 'workshop', '1', 'in_person', '2', '0', '4', '20', '180', '4000', 'Workshop'],
  ['2026-04-01', 'pen_pals', '0', 'in_person', '1', '0', '0', '7', '30', '0', 'Letters — café'],
  ['2026-04-01', 'pen_pals', '0', 'in_person', '1', '0', '0', '7', '30', '0', 'Letters — café'],
];
const problems = (html) => [...html.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
const unescape = (s) => s.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');

// Uploads and confirms the preview, as a person does: the answer is the import's outcome.
const send = (v, name, kind = 'activities') => importFile(v, { kind, dates: '' }, { name, content: readFileSync(dir + name) });

test('the preview of a sheet says which sheet it read and what would go in; --dry-run the same; nothing is written', async () => {
  const v = await signedIn('staff');
  const page = await v.get('/import');
  const r = await v.upload('/import', { csrf: csrfOf(page.text), kind: 'activities', dates: '' },
    { file: { name: 'lo-eu-dates.ods', content: readFileSync(dir + 'lo-eu-dates.ods') } });
  assert.equal(r.status, 200);
  assert.match(r.text, /4 activities would go in\. It is read from the first sheet of an \.ods spreadsheet\./);
  const out = admin(['import', 'activities', dir + 'lo-formulas.xlsx', '--dry-run']);
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /^dry run: nothing was written\nwould import 4 rows \(the first sheet of an \.xlsx workbook\)\n/);
  assert.deepEqual(rowsIn(), []);
});

function undo(batch) {
  const out = admin(['import', 'undo', String(batch), '--as', 'tester']);
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(rowsIn(), []);
}

const good = [
  ['lo-us-dates.xlsx', 'an .xlsx workbook', 'LibreOffice, a US CSV opened and saved: dates as serial numbers, shared strings'],
  ['lo-eu-dates.ods', 'an .ods spreadsheet', 'LibreOffice, a German CSV (15.03.2026, 1,5) opened and saved: date-values, repeated cells and rows'],
  ['lo-formulas.xlsx', 'an .xlsx workbook', 'LibreOffice, formulas read as their saved results'],
  ['lo-formulas.ods', 'an .ods spreadsheet', 'LibreOffice, formulas in .ods'],
  ['lo-1904.xlsx', 'an .xlsx workbook', 'LibreOffice, the 1904 date system'],
  ['gnumeric-us.xlsx', 'an .xlsx workbook', "Gnumeric's ssconvert, inline strings"],
  ['gnumeric-us.ods', 'an .ods spreadsheet', "Gnumeric's ssconvert, .ods"],
  ['openpyxl-labels.xlsx', 'an .xlsx workbook', 'openpyxl, the page\'s labels as headers, a date-time cell, empty cells'],
  ['openpyxl-1904.xlsx', 'an .xlsx workbook', 'openpyxl, the 1904 date system'],
];

for (const [name, kind, how] of good) {
  test(`${name} (${how}) goes in whole, on the page and from the command line`, async () => {
    assert.deepEqual(rowsIn(), []);
    const v = await signedIn('staff');
    const r = await send(v, name);
    assert.equal(r.status, 200, problems(r.text).join(' | ') + r.text.slice(0, 3000));
    const m = r.text.match(new RegExp(`Imported 4 activities from ${name.replace('.', '\\.')} as batch (\\d+) \\(the first sheet of ${kind.replace('.', '\\.')}\\)\\.`));
    assert.ok(m, r.text.slice(0, 3000));
    assert.deepEqual(rowsIn(), expected);
    undo(m[1]);
    const out = admin(['import', 'activities', dir + name, '--as', 'tester']);
    assert.equal(out.status, 0, out.stderr);
    const batch = out.stdout.match(new RegExp(`as batch (\\d+) \\(the first sheet of ${kind.replace('.', '\\.')}\\)`));
    assert.ok(batch, out.stdout);
    assert.deepEqual(rowsIn(), expected);
    undo(batch[1]);
  });
}

test('mistakes in a sheet are each named by their cell, on the page and from the command line; nothing goes in', async () => {
  const v = await signedIn('staff');
  const before = sql('SELECT count(*) FROM activity');
  const r = await send(v, 'openpyxl-mistakes.xlsx');
  assert.equal(r.status, 400);
  const p = problems(r.text).map(([l, c, msg]) => [l, c, unescape(msg)]);
  assert.deepEqual(p.map((x) => x.slice(0, 2)), [['3', 'type (cell C3)'], ['4', 'held_on (cell B4)'], ['5', 'att_adult_in (cell I5)']]);
  assert.match(p[0][2], /^Choose type of activity from the list\. The choices are: pen_pals \(Pen-pal exchange\),/);
  assert.match(p[1][2], /^Enter a date that exists, .*“2026-02-30” is not one/);
  assert.equal(p[2][2], 'Enter adults as a whole number, like 12.');
  assert.match(r.text, /3 of 4 rows have problems/);
  const out = admin(['import', 'activities', dir + 'openpyxl-mistakes.xlsx']);
  assert.equal(out.status, 1);
  assert.match(out.stderr, /nothing was imported: 3 of 4 rows have problems\nline 3, type \(cell C3\): Choose type of activity from the list\. .*\nline 4, held_on \(cell B4\): Enter a date that exists, .*\nline 5, att_adult_in \(cell I5\): Enter adults as a whole number, like 12\.\n$/);
  assert.equal(sql('SELECT count(*) FROM activity'), before);
});

test('booleans of an .ods (organizations): TRUE and FALSE read as yes and no; the one bad cell is named', async () => {
  const v = await signedIn('staff');
  const before = sql('SELECT count(*) FROM org');
  const r = await send(v, 'lo-orgs-booleans.ods', 'organizations');
  assert.equal(r.status, 400);
  const p = problems(r.text);
  assert.deepEqual(p.map((x) => x.slice(0, 2)), [['4', 'country (cell C4)']]);
  assert.match(p[0][2], /^Choose country from the list\./);
  const out = admin(['import', 'organizations', dir + 'lo-orgs-booleans.ods']);
  assert.equal(out.status, 1);
  assert.match(out.stderr, /1 of 3 rows have problems\nline 4, country \(cell C4\): Choose country from the list\./);
  assert.equal(sql('SELECT count(*) FROM org'), before);
});

const refused = [
  ['openpyxl-formula-unsaved.xlsx', /Cell F3 holds a formula whose result was never saved \(the program that wrote the file does not calculate\)\. Open the file in a spreadsheet, save it again, and send that file\./],
  ['csv-renamed.xlsx', /The file is named \.xlsx but holds text, not a spreadsheet: it is probably a CSV file renamed\./],
  ['random-zip.xlsx', /The file is a zip archive but not a spreadsheet: an \.xlsx workbook holds xl\/workbook\.xml/],
  ['truncated.xlsx', /The file is damaged: it starts as a zip archive, as \.xlsx and \.ods files do, but its table of contents cannot be read \(was it cut short\?\)/],
  ['password.xlsx', /This is an Excel 97–2003 workbook \(\.xls\), or a workbook protected with a password/],
  ['encrypted.ods', /The spreadsheet is protected with a password\. Open it, save it without the password, and send that file\./],
  ['zip-bomb.xlsx', /The file unpacks to more than 21 MB, out of all proportion to its size: .* It may be a “zip bomb”\./],
  ['repeat-bomb.ods', /The sheet holds more than 209280 cells, out of all proportion to the file&#39;s size: it may be a “zip bomb”\./],
  ['depth-bomb.xlsx', /its part xl\/worksheets\/sheet1\.xml nests more than 256 elements deep, which no spreadsheet does/],
];

for (const [name, message] of refused) {
  test(`${name} is refused with a clear message, on the page and from the command line`, async () => {
    const v = await signedIn('staff');
    const before = sql('SELECT count(*) FROM activity');
    const r = await send(v, name);
    assert.equal(r.status, 400);
    assert.match(r.text, new RegExp(`Nothing was imported from ${name.replace('.', '\\.')}`));
    assert.match(r.text, message);
    const out = admin(['import', 'activities', dir + name]);
    assert.equal(out.status, 1);
    assert.match(out.stderr.replaceAll("'", '&#39;'), message);
    assert.equal(sql('SELECT count(*) FROM activity'), before);
  });
}
