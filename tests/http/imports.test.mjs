// imports.test.mjs - imports of files made the way people make them (issue 19): the same file
// twice, US and European dates, semicolon and tab files, header labels, type names, the
// templates unchanged, likely duplicates, and undoing a batch, which puts every report CSV
// back byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { sql, sqlRows, csrfOf, signedIn, admin, importFile } from './helpers.mjs';

const count = (q) => Number(sql(q));

async function newPartnership(v) {
  const [host, partner] = sqlRows("SELECT id FROM org WHERE status = 'listed' ORDER BY id LIMIT 2").map((r) => r[0]);
  const page = await v.get('/partnerships/new');
  const r = await v.post('/partnerships/new', {
    csrf: csrfOf(page.text), host, partner, kind: 'sister_library', commitment: 'memorandum',
    status: 'active', start_on: '2020-01-01', end_on: '', goal1: 'Pen pals', measure1: 'Letters',
    host_contribution: 'Postage', partner_contribution: 'Teachers', staff_lead: 'Ana Ruiz',
  });
  assert.equal(r.status, 303, r.text);
  return Number(r.location.match(/^\/partnerships\/(\d+)/)[1]);
}

// Uploads and confirms the preview, as a person does: the answer is the import's outcome.
const send = (v, name, content, fields = {}) => importFile(v, { kind: 'activities', dates: '', ...fields }, { name, content });

const problems = (html) => [...html.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);

test('the same file twice is refused the second time, naming the batch; after an undo it goes in again', async () => {
  const v = await signedIn('admin');
  const pid = await newPartnership(v);
  const file = `partnership,held_on,type,counted_as,format,sessions,att_adult_in\r\n${pid},2026-04-01,storytime,program,in_person,1,11\r\n${pid},2026-04-02,storytime,program,in_person,1,12\r\n`;
  let r = await send(v, 'april.csv', file);
  assert.equal(r.status, 200, r.text.slice(0, 2000));
  const batch = Number(r.text.match(/Imported 2 activities from april.csv as batch (\d+) \(its cells are separated by commas\)/)[1]);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 2);
  r = await send(v, 'april-again.csv', file);
  assert.equal(r.status, 400);
  assert.match(r.text, new RegExp(`This file was imported already, as batch ${batch} \\(april.csv, 2 activities`));
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 2);
  const out = admin(['import', 'undo', String(batch), '--as', 'tester']);
  assert.equal(out.status, 0, out.stderr);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 0);
  assert.equal(count(`SELECT count(*) FROM audit WHERE action = 'undid import batch ${batch}' AND actor = 'tester (liaison-admin)'`), 1);
  assert.match(admin(['import', 'undo', String(batch)]).stderr, /was undone already/);
  r = await send(v, 'april.csv', file);
  assert.equal(r.status, 200);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 2);
});

test('US dates, European semicolon files with 15.03.2026 and 1,5, tabs and header labels all read', async () => {
  const v = await signedIn('staff');
  const pid = await newPartnership(v);
  let r = await send(v, 'us.csv', `partnership,held_on,type,counted_as,format,sessions\n${pid},3/15/2026,storytime,program,in_person,1\n${pid},12/31/2026,storytime,program,in_person,2\n`);
  assert.equal(r.status, 200, problems(r.text).join(' | '));
  r = await send(v, 'eu.csv', `partnership;held_on;type;counted_as;format;sessions;staff_hours;library_cost\r\n${pid};15.03.2026;storytime;program;hybrid;1;1,5;1.234,50\r\n`);
  assert.equal(r.status, 200, problems(r.text).join(' | '));
  assert.match(r.text, /separated by semicolons/);
  r = await send(v, 'tabs.txt', `Partnership number\tDate\tType of activity\tcounted as\tFORMAT\tNumber of sessions\n${pid}\t2026-05-01\tStory time\tProgram\tVirtual\t1\n`);
  assert.equal(r.status, 200, problems(r.text).join(' | '));
  assert.match(r.text, /separated by tabs/);
  assert.deepEqual(sqlRows(`SELECT held_on, type, format, staff_minutes, library_cost_cents FROM activity WHERE partnership_id = ${pid} ORDER BY held_on, format`), [
    ['2026-03-15', 'storytime', 'hybrid', '90', '123450'], ['2026-03-15', 'storytime', 'in_person', '0', '0'],
    ['2026-05-01', 'storytime', 'virtual', '0', '0'], ['2026-12-31', 'storytime', 'in_person', '0', '0']]);
});

test('a date that reads both ways is refused with both readings, unless the order is chosen; a wrong type names the choices', async () => {
  const v = await signedIn('staff');
  const pid = await newPartnership(v);
  const file = `partnership,held_on,type,counted_as,format,sessions\n${pid},03/04/2026,storytime,program,in_person,1\n${pid},2026-03-05,Story hour,program,in_person,1\n`;
  let r = await send(v, 'both.csv', file);
  assert.equal(r.status, 400);
  const p = problems(r.text);
  assert.deepEqual(p.map((x) => x.slice(0, 2)), [['2', 'held_on (column B)'], ['3', 'type (column C)']]);
  assert.match(p[0][2], /reads as 3 April 2026 \(day first\) or 4 March 2026 \(month first\)/);
  assert.match(p[1][2], /Choose type of activity from the list\. The choices are: pen_pals \(Pen-pal exchange\),.* storytime \(Storytime or reading\),.* other\./);
  r = await send(v, 'both.csv', file.replace('Story hour', 'storytime'), { dates: 'mdy' });
  assert.equal(r.status, 200, problems(r.text).join(' | '));
  assert.equal(sql(`SELECT min(held_on) FROM activity WHERE partnership_id = ${pid}`), '2026-03-04');
});

test('rows that match a recorded activity are left out and listed, unless ticked in', async () => {
  const v = await signedIn('staff');
  const pid = await newPartnership(v);
  const row = `${pid},2026-06-01,storytime,program,in_person,1,7`;
  const head = 'partnership,held_on,type,counted_as,format,sessions,att_adult_in\n';
  let r = await send(v, 'one.csv', head + row + '\n');
  assert.equal(r.status, 200);
  r = await send(v, 'two.csv', head + row + '\n' + `${pid},2026-06-02,storytime,program,in_person,1,7\n`);
  assert.equal(r.status, 200);
  assert.match(r.text, /Imported 1 activity from two.csv/);
  assert.match(r.text, /1 rows were left out as likely duplicates[\s\S]*Line 2: the same as <a href="[^"]*\/partnerships\/\d+\/activities\/\d+">activity/);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 2);
  // Not the bytes of one.csv (that would be the same file again): CRLF line ends.
  r = await send(v, 'three.csv', (head + row + '\n').replaceAll('\n', '\r\n'), { include_duplicates: '1' });
  assert.match(r.text, /Imported 1 activity from three.csv/);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid} AND held_on = '2026-06-01'`), 2);
});

test('the organizations template: unchanged it is refused for its example row; changed, every example value is valid', async () => {
  const v = await signedIn('staff');
  const t = await v.get('/import/template?kind=organizations');
  const page = await v.get('/import');
  let r = await v.upload('/import', { csrf: csrfOf(page.text), kind: 'organizations' }, { file: { name: 'orgs.csv', content: t.text } });
  assert.equal(r.status, 400);
  assert.deepEqual(problems(r.text).map((p) => p[2]), ['This is the template&#39;s example row: delete the example row, then send the file again.']);
  const changed = { name: 'orgs.csv', content: t.text.replace('EXAMPLE ROW - delete this row (Biblioteca Municipal de Ejemplo)', 'Biblioteca Municipal de Prueba') };
  // The preview: how many, and the first rows as read (the type by its code); nothing written.
  r = await v.upload('/import', { csrf: csrfOf(page.text), kind: 'organizations' }, { file: changed });
  assert.equal(r.status, 200, problems(r.text).join(' | '));
  assert.match(r.text, /1 organization would go in/);
  assert.match(r.text, /<tr><td>2<\/td><td dir="auto">Biblioteca Municipal de Prueba<\/td><td dir="auto"><\/td><td dir="auto">public<\/td>/);
  assert.equal(count("SELECT count(*) FROM org WHERE name = 'Biblioteca Municipal de Prueba'"), 0);
  r = await importFile(v, { kind: 'organizations' }, changed);
  assert.equal(r.status, 200, problems(r.text).join(' | '));
  assert.match(r.text, /Imported 1 organization from orgs.csv/);
  assert.equal(count("SELECT count(*) FROM org WHERE name = 'Biblioteca Municipal de Prueba' AND type = 'public'"), 1);
});

test('undoing a batch puts every report CSV back byte for byte', async () => {
  const v = await signedIn('admin');
  const pid = await newPartnership(v);
  const tables = ['summary', 'imls', 'outcomes'];
  const reports = async () => Promise.all(tables.map(async (t) => (await v.get(`/report?fy=2026&format=csv&table=${t}`)).text));
  const before = await reports();
  const rows = Array.from({ length: 30 }, (_, i) => `${pid},2026-0${1 + (i % 9)}-1${i % 10},storytime,program,hybrid,1,${i + 5},${i % 4},3:30,"${i},25",5,${i % 5}`);
  const file = 'partnership;held_on;type;counted_as;format;sessions;att_adult_in;att_0_5_virt;staff_hours;library_cost;respondents;agree_knowledge\n'
    + rows.map((r) => r.replaceAll(',', ';').replace(/"(\d+);25"/, '$1,25')).join('\n') + '\n';
  const path = `${process.env.LIAISON_TEST_RUN ?? '/tmp'}/undo-${pid}.csv`;
  writeFileSync(path, file);
  const out = admin(['import', 'activities', path, '--as', 'tester']);
  assert.equal(out.status, 0, out.stderr);
  const batch = Number(out.stdout.match(/as batch (\d+) \(cells separated by semicolons\)/)[1]);
  const during = await reports();
  assert.notDeepEqual(during, before);
  const page = await v.get('/import');
  assert.equal(page.status, 200);
  assert.equal(admin(['import', 'undo', String(batch)]).status, 0);
  assert.deepEqual(await reports(), before);
});
