// corpus.test.mjs - CSV and text files made the way people make them (tests/import/corpus/),
// each read by `liaison-admin import … --dry-run` with its exact outcome: the rows that would go
// in and what they add, or each problem with its line and column, or the file refused with
// what to do. With the spreadsheets of tests/import/fixtures/ (sheets.test.mjs) they are the
// import corpus issue 19 asks for. A dry run writes nothing, so the test database stays as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { SRCDIR, DB, sql } from './helpers.mjs';

const CORPUS = join(SRCDIR, 'tests/import/corpus');
const P1 = 'partnership 1, Maple Falls Public Library – Biblioteca Pública Municipal de Pereira';
const P2 = 'partnership 2, Maple Falls Public Library – Львівська обласна бібліотека для дітей';

function dryRun(file, kind = 'activities', extra = []) {
  const r = spawnSync(`${process.env.LIAISON_PLAIN_BIN}/liaison-admin`, ['import', kind, join(CORPUS, file), '--dry-run', ...extra],
    { encoding: 'utf8', env: { PATH: process.env.PATH, LIAISON_DB: DB } });
  return { status: r.status, lines: (r.stdout + r.stderr).trim().split('\n') };
}

// Every file, with what a person would see. `has`: lines that must be there, each exactly.
const cases = [
  ['excel-csv-utf8.csv', 'activities', [], 0, ['would import 3 rows (cells separated by commas)', `  ${P1}: 2 rows`, `  ${P2}: 1 row`,
    'adds: 3 sessions, 37 attendance, 4.00 staff hours, 0.00 volunteer hours, library cost 50.00, partner cost 0.00, in kind 0.00, 0 materials']],
  ['excel-eu-semicolons.csv', 'activities', [], 0, ['would import 2 rows (cells separated by semicolons)',
    'adds: 2 sessions, 60 attendance, 3.75 staff hours, 0.00 volunteer hours, library cost 1,234.50, partner cost 0.00, in kind 0.00, 0 materials',
    '  line 2: partnership=1, held_on=2026-03-15, type=storytime, counted_as=program, format=in_person, sessions=1, att_0_5_in=12, att_adult_in=8, staff_hours=1.5, library_cost=1234.50']],
  ['tab-labels.txt', 'activities', [], 0, ['would import 2 rows (cells separated by tabs)',
    '  line 2: partnership=1, held_on=2026-05-04, type=storytime, counted_as=program, format=in_person, sessions=2',
    '  line 3: partnership=2, held_on=2026-05-11, type=pen_pals, counted_as=program, format=in_person, sessions=1']],
  ['us-dates.csv', 'activities', [], 0, ['would import 2 rows (cells separated by commas)',
    '  line 3: partnership=1, held_on=2025-12-31, type=storytime, counted_as=program, format=in_person, sessions=1, att_0_5_in=9, att_adult_in=6, staff_hours=, library_cost=']],
  ['ambiguous-date.csv', 'activities', [], 1, ['line 2, held_on (column B): “03/04/2026” reads as 3 April 2026 (day first) or 4 March 2026 (month first). Choose the order of this file\'s dates, or write it as 2026-04-03 or 2026-03-04.']],
  ['ambiguous-date.csv', 'activities', ['--dates', 'mdy'], 0, ['would import 1 row (cells separated by commas)',
    '  line 2: partnership=1, held_on=2026-03-04, type=storytime, counted_as=program, format=in_person, sessions=1, att_0_5_in=12, att_adult_in=8, staff_hours=, library_cost=']],
  ['story-time.csv', 'activities', [], 1, ['line 3, type (column C): Choose type of activity from the list. The choices are: pen_pals (Pen-pal exchange), book_exchange (Book or material exchange), videoconference, cultural_program (Cultural program), storytime (Storytime or reading), workshop (Workshop or class), staff_exchange (Staff exchange), book_drive (Book drive), joint_website (Joint website or blog), exhibit (Exhibit or display), other.']],
  ['latin1.csv', 'activities', [], 1, [`liaison-admin: ${join(CORPUS, 'latin1.csv')}: nothing was imported. Line 2 is not UTF-8 text. The file was probably saved as Latin-1 or “Windows” text: in Excel choose Save As → “CSV UTF-8”; in LibreOffice tick “Edit filter settings” and choose “Unicode (UTF-8)”. Then send the file again.`]],
  ['excel-unicode-text.txt', 'activities', [], 1, [`liaison-admin: ${join(CORPUS, 'excel-unicode-text.txt')}: nothing was imported. The file is UTF-16 “Unicode text”, not CSV. In Excel choose Save As → “CSV UTF-8” and send that file.`]],
  ['unclosed-quote.csv', 'activities', [], 1, [`liaison-admin: ${join(CORPUS, 'unclosed-quote.csv')}: nothing was imported. The file ends inside a quoted cell that starts on line 2. Close the quote ("), or double a quote meant as text ("").`]],
  ['likely-duplicate.csv', 'activities', [], 0, ['would import 1 row (cells separated by commas)', '1 likely duplicate left out (--include-duplicates imports them):',
    '  line 2: the same as activity 1 of partnership 1']],
  ['likely-duplicate.csv', 'activities', ['--include-duplicates'], 0, ['would import 2 rows (cells separated by commas)']],
  ['wrong-columns.csv', 'activities', [], 1, [`liaison-admin: ${join(CORPUS, 'wrong-columns.csv')}: nothing was imported. The header row (line 1) has a column “date_of_event” that is not one of the activities columns. Is this the right file? The columns are listed on the import page, and the template has them all.`]],
  ['orgs-semicolons.csv', 'organizations', [], 0, ['would import 2 rows (cells separated by semicolons)',
    '  line 2: name=Biblioteca Comunitaria Corpus, type=public, country=CO, city=Medellín, languages=es; en, interests=pen_pals; storytime, timezone=America/Bogota, contact_name=Ana Gómez, contact_email=ana@corpus.example']],
];

test('the corpus: every file is tested, and with the spreadsheets there are at least 30', () => {
  const files = readdirSync(CORPUS);
  assert.deepEqual([...new Set(cases.map((c) => c[0]))].sort(), files.sort(), 'each file of the corpus has its case');
  assert.ok(files.length + readdirSync(join(SRCDIR, 'tests/import/fixtures')).filter((f) => /\.(xlsx|ods)$/.test(f)).length >= 30);
});

for (const [file, kind, extra, status, has] of cases) {
  test(`${file}${extra.length ? ` ${extra.join(' ')}` : ''}: ${status ? 'refused, saying why' : 'read as its writer meant'}`, () => {
    const before = sql('SELECT (SELECT count(*) FROM activity) || \'/\' || (SELECT count(*) FROM org)');
    const r = dryRun(file, kind, extra);
    assert.equal(r.status, status, r.lines.join('\n'));
    for (const line of has) assert.ok(r.lines.includes(line), `missing: ${line}\n--- got:\n${r.lines.join('\n')}`);
    if (status === 0) assert.equal(r.lines[0], 'dry run: nothing was written');
    // A dry run, refused or not, adds no organization (activities may come from other test files).
    assert.equal(sql('SELECT (SELECT count(*) FROM activity) || \'/\' || (SELECT count(*) FROM org)').split('/')[1], before.split('/')[1]);
  });
}
