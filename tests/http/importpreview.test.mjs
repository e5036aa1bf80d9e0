// importpreview.test.mjs - an import is shown before anything is written, and undone from the
// web (issue 19): the preview changes nothing (the database, the report's CSV files) until it
// is confirmed; a stale, forged or borrowed token imports nothing; a file with problems has no
// confirm button; an administrator undoes a batch, after which every report CSV is byte for
// byte what it was, and is asked first when its activities were edited since.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { sql, sqlRows, csrfOf, signedIn, admin, importFile, previewFields } from './helpers.mjs';

const count = (q) => Number(sql(q));
const TABLES = ['summary', 'outcomes', 'imls', 'partnerships', 'activities'];
const reports = (v) => Promise.all(TABLES.map(async (t) => {
  const r = await v.get(`/report?fy=2026&format=csv&table=${t}`);
  assert.equal(r.status, 200);
  return r.text;
}));
// What an import could have written anywhere.
const written = () => sql("SELECT (SELECT count(*) FROM activity) || '/' || (SELECT count(*) FROM org) || '/' "
  + "|| (SELECT count(*) FROM import_batch) || '/' || (SELECT count(*) FROM audit) || '/' || (SELECT count(*) FROM import_batch_activity)");

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

const HEAD = 'partnership,held_on,type,counted_as,format,sessions,att_adult_in,att_0_5_virt,staff_hours,volunteer_hours,library_cost,in_kind,materials\n';

async function preview(v, name, content, fields = {}) {
  const page = await v.get('/import');
  return v.upload('/import', { csrf: csrfOf(page.text), kind: 'activities', dates: '', ...fields }, { file: { name, content } });
}

test('a preview writes nothing, shows what the file adds, and its confirmation imports exactly that', async () => {
  const v = await signedIn('staff');
  const [p1, p2] = [await newPartnership(v), await newPartnership(v)];
  const names = sqlRows(`SELECT p.id, h.name || ' – ' || q.name FROM partnership p JOIN org h ON h.id = p.host_id JOIN org q ON q.id = p.partner_id WHERE p.id IN (${p1}, ${p2}) ORDER BY p.id`);
  // One row that is already recorded: a likely duplicate, left out and listed.
  assert.equal((await importFile(v, { kind: 'activities' }, { name: 'earlier.csv', content: HEAD + `${p2},2026-02-01,storytime,program,in_person,1,9,0,,,,,\n` })).status, 200);
  const file = HEAD + [
    `${p1},3/15/2026,storytime,program,hybrid,2,10,3,1.5,0.5,12.50,40,7`,
    `${p1},4/1/2026,pen_pals,outreach,virtual,1,0,6,1,,2,,`,
    `${p2},5/2/2026,Storytime or reading,program,hybrid,1,4,1,0:30,,,,`,
    `${p2},2026-02-01,storytime,program,in_person,1,9,0,,,,,`].join('\n') + '\n';
  const reportsBefore = await reports(v);
  const before = written();
  const r = await preview(v, 'spring.csv', file, { dates: 'mdy' });
  assert.equal(r.status, 200);
  assert.match(r.text, /Nothing is imported yet: check what spring.csv would add/);
  assert.match(r.text, /3 activities would go in\. The file's cells are separated by commas/);
  assert.doesNotMatch(r.text, /Imported \d/);
  // Per partnership, by name, with its count.
  const perPartnership = [...r.text.matchAll(/<tr><td><a href="\/partnerships\/(\d+)" dir="auto">([^<]*)<\/a><\/td><td>(\d+)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
  assert.deepEqual(perPartnership, [[String(p1), names[0][1].replaceAll("'", '&#39;'), '2'], [String(p2), names[1][1].replaceAll("'", '&#39;'), '1']]);
  // The totals: sessions 2+1+1, attendance 13+6+5, hours 1.5+1+0.5 and 0.5, money 12.50+2, in kind 40, materials 7.
  const totals = Object.fromEntries([...r.text.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => [m[1], m[2]]));
  assert.deepEqual(totals, { Sessions: '4', Attendance: '24', 'Staff hours': '3.00', 'Volunteer hours': '0.50',
    'Library cost': '14.50', 'Partner cost': '0.00', 'In-kind contributions': '40.00', Materials: '7' });
  // The first rows as read: US dates as the site keeps them, a type's label as its code.
  const rows = [...r.text.matchAll(/<tr><td>(\d+)<\/td>((?:<td dir="auto">[^<]*<\/td>)+)<\/tr>/g)]
    .map((m) => [m[1], ...[...m[2].matchAll(/<td dir="auto">([^<]*)<\/td>/g)].map((c) => c[1]).slice(1, 3)]);
  assert.deepEqual(rows, [['2', '2026-03-15', 'storytime'], ['3', '2026-04-01', 'pen_pals'], ['4', '2026-05-02', 'storytime']]);
  // The duplicate, listed, with a box to tick it in.
  assert.match(r.text, /Line 5: the same as <a href="\/partnerships\/\d+\/activities\/\d+">activity/);
  assert.match(r.text, /name="include_duplicates" value="1"> <label for="f-dups-confirm">Import the 1 likely duplicates too/);
  // Nothing written: not a row, not an audit record, not a figure of any report.
  assert.equal(written(), before);
  assert.deepEqual(await reports(v), reportsBefore);
  assert.equal(count(`SELECT count(*) FROM import_pending WHERE actor = '${v.name}'`), 1);

  const hidden = previewFields(r.text);
  const done = await v.post('/import/confirm', hidden);
  assert.equal(done.status, 200, done.text.slice(0, 3000));
  assert.match(done.text, /Imported 3 activities from spring.csv as batch \d+/);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id IN (${p1}, ${p2})`), 4);
  assert.deepEqual(sqlRows(`SELECT held_on, sessions, staff_minutes, library_cost_cents FROM activity WHERE partnership_id = ${p1} ORDER BY held_on`),
    [['2026-03-15', '2', '90', '1250'], ['2026-04-01', '1', '60', '200']]);
  assert.equal(count(`SELECT count(*) FROM import_pending WHERE actor = '${v.name}'`), 0);
  assert.notDeepEqual(await reports(v), reportsBefore);
  // The same confirmation again (a second click, the back button) imports nothing more.
  const again = await v.post('/import/confirm', hidden);
  assert.equal(again.status, 400);
  assert.match(again.text, /This preview was confirmed already, has expired/);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id IN (${p1}, ${p2})`), 4);
});

test('a forged, borrowed, expired or tokenless confirmation imports nothing', async () => {
  const v = await signedIn('staff');
  const other = await signedIn('staff');
  const pid = await newPartnership(v);
  const r = await preview(v, 'tokens.csv', HEAD + `${pid},2026-03-01,storytime,program,in_person,1,5,0,,,,,\n`);
  const hidden = previewFields(r.text);
  assert.match(hidden.pending, /^[0-9a-f]{32}$/);
  const before = written();
  // Forged: a token of the right shape that no preview made.
  let c = await v.post('/import/confirm', { ...hidden, pending: 'f'.repeat(32) });
  assert.equal(c.status, 400);
  assert.match(c.text, /Nothing was imported: send the file again/);
  // Another account's: the token is its sender's only.
  const otherPage = await other.get('/import');
  c = await other.post('/import/confirm', { ...hidden, csrf: csrfOf(otherPage.text) });
  assert.equal(c.status, 400);
  // Without the form token, or with another session's.
  assert.equal((await v.post('/import/confirm', { ...hidden, csrf: '' })).status, 403);
  assert.equal((await v.post('/import/confirm', { ...hidden, csrf: csrfOf(otherPage.text) })).status, 403);
  // Expired: an hour after the preview.
  sql(`UPDATE import_pending SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-61 minutes') WHERE file_name = 'tokens.csv'`);
  c = await v.post('/import/confirm', hidden);
  assert.equal(c.status, 400);
  assert.match(c.text, /has expired \(after an hour\)/);
  assert.equal(written(), before);
  // The table keeps only a hash of the token.
  assert.equal(count(`SELECT count(*) FROM import_pending WHERE token_hash = '${hidden.pending}'`), 0);
});

test('a file with problems shows them and no confirm button, and keeps nothing', async () => {
  const v = await signedIn('staff');
  const pid = await newPartnership(v);
  const pending = count(`SELECT count(*) FROM import_pending WHERE actor = '${v.name}'`);
  const before = written();
  const r = await preview(v, 'bad.csv', HEAD + `${pid},2026-02-30,storytime,program,in_person,1,5,0,,,,,\n${pid},2026-03-01,storytime,program,in_person,1,5,0,,,,,\n`);
  assert.equal(r.status, 400);
  assert.match(r.text, /Nothing was imported from bad.csv/);
  assert.match(r.text, /<tr><td>2<\/td><td>held_on \(column B\)<\/td>/);
  assert.equal(previewFields(r.text), null);
  assert.doesNotMatch(r.text, /\/import\/confirm/);
  assert.equal(count(`SELECT count(*) FROM import_pending WHERE actor = '${v.name}'`), pending);
  assert.equal(written(), before);
});

test('a file whose every row is a likely duplicate offers to import them all the same', async () => {
  const v = await signedIn('staff');
  const pid = await newPartnership(v);
  const file = HEAD + `${pid},2026-03-09,storytime,program,in_person,1,5,0,,,,,\n`;
  assert.equal((await importFile(v, { kind: 'activities' }, { name: 'first.csv', content: file })).status, 200);
  const r = await preview(v, 'again.csv', file.replace('\n', '\r\n'));
  assert.match(r.text, /0 activities would go in[\s\S]*every row is a likely duplicate/);
  assert.doesNotMatch(r.text, /Import 0 activities/);
  const c = await v.post('/import/confirm', previewFields(r.text));
  assert.match(c.text, /Imported 1 activity from again.csv/);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 2);
});

test('a confirmation refuses when the records changed since the preview', async () => {
  const v = await signedIn('staff');
  const pid = await newPartnership(v);
  const rowA = `${pid},2026-03-02,storytime,program,in_person,1,5,0,,,,,`;
  const r = await preview(v, 'later.csv', HEAD + rowA + '\n' + `${pid},2026-03-03,storytime,program,in_person,1,5,0,,,,,\n`);
  const hidden = previewFields(r.text);
  assert.equal(hidden.rows, '2');
  // Meanwhile the first row's activity is recorded: confirming would now add one row, not two.
  assert.equal((await importFile(v, { kind: 'activities' }, { name: 'meanwhile.csv', content: HEAD + rowA + '\n' })).status, 200);
  const before = written();
  const c = await v.post('/import/confirm', hidden);
  assert.equal(c.status, 400);
  assert.match(c.text, /The records changed since the preview: this file would now add 1 rows, not 2/);
  assert.equal(written(), before);
});

test('an administrator undoes a batch from the web: every report CSV is byte for byte as before', async () => {
  const v = await signedIn('admin');
  const staff = await signedIn('staff');
  const pid = await newPartnership(v);
  const before = await reports(v);
  const rows = Array.from({ length: 12 }, (_, i) => `${pid},2026-0${2 + (i % 4)}-1${i % 10},storytime,program,hybrid,${1 + (i % 2)},${i + 3},${i % 3},1:15,0.5,${i}.25,3,${i}`);
  let r = await importFile(v, { kind: 'activities' }, { name: 'undo-me.csv', content: HEAD + rows.join('\n') + '\n' });
  assert.equal(r.status, 200);
  const batch = Number(r.text.match(/Imported 12 activities from undo-me.csv as batch (\d+)/)[1]);
  assert.notDeepEqual(await reports(v), before);
  // The list of batches, for administrators only.
  const page = await v.get('/import');
  assert.match(page.text, new RegExp(`<tr><td>${batch}</td><td>activities</td><td dir="auto">undo-me.csv</td><td>${v.name}</td><td>\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d UTC</td><td>12</td><td>0</td><td><a href="/import/batches/${batch}/undo">Undo batch ${batch}…</a></td></tr>`));
  assert.doesNotMatch((await staff.get('/import')).text, /Recent imports/);
  assert.equal((await staff.get(`/import/batches/${batch}/undo`)).status, 403);
  // The confirmation step, then the undo itself (POST, with the form's token).
  const ask = await v.get(`/import/batches/${batch}/undo`);
  assert.equal(ask.status, 200);
  assert.match(ask.text, /Undo import batch \d+\?[\s\S]*12 activities, by/);
  assert.doesNotMatch(ask.text, /Edited since the import/);
  assert.equal((await v.post(`/import/batches/${batch}/undo`, {})).status, 403);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 12);
  r = await v.post(`/import/batches/${batch}/undo`, { csrf: csrfOf(ask.text) });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/import?undone=${batch}`);
  assert.match((await v.get(r.location)).text, new RegExp(`Batch ${batch} was undone[\\s\\S]*Undone by ${v.name}, `));
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 0);
  assert.equal(count(`SELECT count(*) FROM audit WHERE action = 'undid import batch ${batch}' AND actor = '${v.name}'`), 1);
  assert.deepEqual(await reports(v), before);
  // Undone already: said so, and no form to do it twice.
  const twice = await v.post(`/import/batches/${batch}/undo`, { csrf: csrfOf(ask.text) });
  assert.equal(twice.status, 409);
  assert.match(twice.text, /was undone already/);
  assert.equal((await v.get('/import/batches/999999/undo')).status, 404);
});

test('undoing a batch whose activities were edited since lists them and asks first, on the web and the command line', async () => {
  const v = await signedIn('admin');
  const pid = await newPartnership(v);
  let r = await importFile(v, { kind: 'activities' }, { name: 'edited.csv', content: HEAD + `${pid},2026-03-20,storytime,program,in_person,1,5,0,,,,,\n${pid},2026-03-21,storytime,program,in_person,1,6,0,,,,,\n` });
  const batch = Number(r.text.match(/as batch (\d+)/)[1]);
  const [aid] = sqlRows(`SELECT id FROM activity WHERE partnership_id = ${pid} AND held_on = '2026-03-21'`)[0];
  // An edit on the activity's form, as staff make one.
  const path = `/partnerships/${pid}/activities/${aid}`;
  const form = await v.get(path);
  const fields = Object.fromEntries([...form.text.matchAll(/<input[^>]* name="([a-z_0-9]+)"[^>]* value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  for (const m of form.text.matchAll(/<select[^>]* name="([a-z_]+)"[\s\S]*?<option value="([^"]*)" selected/g)) fields[m[1]] = m[2];
  for (const m of form.text.matchAll(/<input type="radio"[^>]* name="([a-z_]+)" value="([^"]*)" checked/g)) fields[m[1]] = m[2];
  r = await v.post(path, { ...fields, att_adult_in: '60' });
  assert.equal(r.status, 303, r.text.match(/field-error[^<]*<[^>]*>[^<]*<\/span>([^<]*)/g)?.join(' | '));
  assert.equal(count(`SELECT att_adult_in FROM activity WHERE id = ${aid}`), 60);

  const ask = await v.get(`/import/batches/${batch}/undo`);
  assert.match(ask.text, /Edited since the import[\s\S]*1 of its activities were changed/);
  assert.match(ask.text, new RegExp(`<a href="/partnerships/${pid}/activities/${aid}">activity ${aid}</a></td><td>2026-03-21</td>`));
  assert.match(ask.text, /<input type="checkbox" id="f-force" name="force" value="1" required>/);
  // Not ticked: refused, listed again, nothing removed.
  r = await v.post(`/import/batches/${batch}/undo`, { csrf: csrfOf(ask.text) });
  assert.equal(r.status, 409);
  assert.match(r.text, /1 of batch \d+&#39;s activities were edited since it was imported/);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 2);
  // The command line refuses the same way, naming them, unless --force.
  let out = admin(['import', 'undo', String(batch)]);
  assert.equal(out.status, 1);
  assert.match(out.stderr, new RegExp(`edited since it was imported[\\s\\S]*--force undoes it all the same:\\n  activity ${aid} of partnership ${pid} \\(2026-03-21, storytime\\): edited 1 time, last by ${v.name}`));
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 2);
  // Ticked, after someone edited the other one too: refused, and both listed now.
  sql(`INSERT INTO audit (actor, action, partnership_id, note) SELECT 'someone', 'edited activity', ${pid}, 'activity ' || id FROM activity WHERE partnership_id = ${pid} AND held_on = '2026-03-20'`);
  r = await v.post(`/import/batches/${batch}/undo`, { csrf: csrfOf(ask.text), force: '1', edited: '1' });
  assert.equal(r.status, 409);
  assert.match(r.text, /2 of batch \d+&#39;s activities were edited since it was imported; undoing it removes them with their edits\. \(More were edited since you looked/);
  assert.equal([...r.text.matchAll(/<td><a href="\/partnerships\/\d+\/activities\/\d+">activity \d+<\/a><\/td>/g)].length, 2);
  assert.match(r.text, /<input type="hidden" name="edited" value="2">/);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 2);
  // Ticked for the two it lists: gone, edits and all.
  r = await v.post(`/import/batches/${batch}/undo`, { csrf: csrfOf(ask.text), force: '1', edited: '2' });
  assert.equal(r.status, 303);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 0);
  assert.match(sql(`SELECT note FROM audit WHERE action = 'undid import batch ${batch}'`), /with activities edited since/);
});

test('liaison-admin import --dry-run prints what the file would add and writes nothing; --force undoes an edited batch', async () => {
  const v = await signedIn('staff');
  const pid = await newPartnership(v);
  const dir = process.env.LIAISON_TEST_RUN ?? '/tmp';
  const good = `${dir}/dry-${pid}.csv`, bad = `${dir}/dry-bad-${pid}.csv`;
  writeFileSync(good, HEAD + `${pid},2026-04-10,storytime,program,hybrid,3,10,2,2,,5,,\n${pid},2026-04-11,storytime,program,virtual,1,0,4,0.5,,,,1\n`);
  writeFileSync(bad, HEAD + `${pid},2026-04-31,storytime,program,in_person,1,1,0,,,,,\n`);
  const before = written();
  let out = admin(['import', 'activities', good, '--dry-run', '--as', 'tester']);
  assert.equal(out.status, 0, out.stderr);
  const name = sql(`SELECT h.name || ' – ' || q.name FROM partnership p JOIN org h ON h.id = p.host_id JOIN org q ON q.id = p.partner_id WHERE p.id = ${pid}`);
  assert.equal(out.stdout.split('\n').slice(0, 4).join('\n'), 'dry run: nothing was written\nwould import 2 rows (cells separated by commas)\n'
    + `  partnership ${pid}, ${name}: 2 rows\n`
    + 'adds: 4 sessions, 16 attendance, 2.50 staff hours, 0.00 volunteer hours, library cost 5.00, partner cost 0.00, in kind 0.00, 1 materials');
  assert.match(out.stdout, /the first rows as read:\n  line 2: partnership=\d+, held_on=2026-04-10, type=storytime/);
  assert.equal(written(), before);
  out = admin(['import', 'activities', bad, '--dry-run']);
  assert.equal(out.status, 1);
  assert.match(out.stderr, /nothing was imported: 1 of 1 rows have problems\nline 2, held_on \(column B\)/);
  assert.equal(written(), before);
  // The dry run said 2: the real import adds 2.
  out = admin(['import', 'activities', good]);
  assert.equal(out.status, 0, out.stderr);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 2);
  const batch = out.stdout.match(/as batch (\d+)/)[1];
  sql(`INSERT INTO audit (actor, action, partnership_id, note) SELECT 'someone', 'edited activity', ${pid}, 'activity ' || min(id) FROM activity WHERE partnership_id = ${pid}`);
  assert.equal(admin(['import', 'undo', batch]).status, 1);
  out = admin(['import', 'undo', batch, '--force']);
  assert.equal(out.status, 0, out.stderr);
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 0);
});
