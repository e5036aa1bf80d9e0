// records.test.mjs - partnerships, activities and CSV import through real nginx: who may read
// and write, every form's problems beside their fields with nothing saved, the running totals,
// two editors of one activity, deleting with confirmation, and uploads big and small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { request, sql, sqlRows, csrfOf, fieldError, inputValue, signedIn, mintToken, admin, importFile } from './helpers.mjs';

const seenOf = (html) => (html.match(/name="seen" value="([0-9a-f]*)"/) ?? [])[1];
const count = (q) => Number(sql(q));

// A new partnership between two listed organizations, through the form; returns its id.
async function newPartnership(v, fields = {}) {
  const [host, partner] = sqlRows("SELECT id FROM org WHERE status = 'listed' ORDER BY id LIMIT 2").map((r) => r[0]);
  const page = await v.get('/partnerships/new');
  assert.equal(page.status, 200);
  const r = await v.post('/partnerships/new', {
    csrf: csrfOf(page.text), host, partner, kind: 'sister_library', commitment: 'memorandum',
    status: 'active', start_on: '2026-01-01', end_on: '', goal1: 'Pen pals for a class', measure1: 'Letters exchanged',
    host_contribution: 'Postage', partner_contribution: 'Teachers', staff_lead: 'Ana Ruiz', ...fields,
  });
  assert.equal(r.status, 303, r.text);
  const id = Number(r.location.match(/^\/partnerships\/(\d+)\?done=recorded$/)[1]);
  return id;
}

const activity = (over = {}) => ({
  held_on: '2026-03-14', type: 'videoconference', counted_as: 'program', format: 'hybrid', sessions: '2',
  att_6_11_in: '20', att_adult_in: '5', att_6_11_virt: '12', staff_hours: '1:30', volunteer_hours: '0.5',
  library_cost: '12.50', partner_cost: '', in_kind: '1,000', materials: '40', respondents: '20',
  agree_knowledge: '18', agree_confidence: '15', agree_application: '12', agree_awareness: '19', notes: 'Storytime by video', ...over,
});

async function postActivity(v, pid, fields, path = `/partnerships/${pid}/activities/new`) {
  const page = await v.get(path);
  return v.post(path, { csrf: csrfOf(page.text), seen: seenOf(page.text) ?? '', ...fields });
}

test('board members may read partnerships but not change them; no one signed out sees them', async () => {
  for (const path of ['/partnerships', '/partnerships/1', '/partnerships/new', '/partnerships/1/activities/1', '/import']) {
    const r = await request(path);
    assert.equal(r.status, 303, path);
    assert.match(r.headers.location, /\/staff\/sign-in/);
  }
  const board = await signedIn('board');
  assert.equal((await board.get('/partnerships')).status, 200);
  const page = await board.get('/partnerships/1');
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.text, /Record an activity/);
  const act = await board.get('/partnerships/1/activities/1');
  assert.equal(act.status, 200);
  assert.match(act.text, /<fieldset class="plain" disabled>/);
  const before = sql('SELECT count(*) FROM activity');
  for (const path of ['/partnerships/new', '/partnerships/1/edit', '/partnerships/1/activities/new', '/import'])
    assert.equal((await board.get(path)).status, 403, path);
  const r = await board.post('/partnerships/1/activities/1', { csrf: mintToken({ purpose: 'staff' }), ...activity() });
  assert.equal(r.status, 403);
  assert.equal((await board.post('/partnerships/1/activities/1/delete', {})).status, 403);
  assert.equal(sql('SELECT count(*) FROM activity'), before);
});

test('a partnership recorded through the form, with its goals; problems beside their fields', async () => {
  const v = await signedIn('staff');
  const id = await newPartnership(v);
  assert.deepEqual(sqlRows(`SELECT kind, commitment, status, start_on, end_on IS NULL, goals, staff_lead FROM partnership WHERE id = ${id}`),
    [['sister_library', 'memorandum', 'active', '2026-01-01', '1', '[{"goal":"Pen pals for a class","measure":"Letters exchanged"}]', 'Ana Ruiz']]);
  const page = await v.get(`/partnerships/${id}?done=recorded`);
  assert.match(page.text, /Done: the partnership was recorded/);
  assert.match(page.text, /Pen pals for a class <span class="measure">— measured by: Letters exchanged/);
  assert.match(page.text, /<strong>recorded partnership<\/strong> by /);
  // Everything wrong at once: each problem beside its field, the typing kept, nothing saved.
  const before = sql('SELECT count(*) FROM partnership');
  const form = await v.get('/partnerships/new');
  const r = await v.post('/partnerships/new', {
    csrf: csrfOf(form.text), host: '1', partner: '1', kind: 'sister_library', commitment: 'formal',
    status: 'ended', start_on: '2026-02-30', end_on: '', goal2: 'Read more', measure2: '', staff_lead: 'Kim',
  });
  assert.equal(r.status, 400);
  assert.equal(fieldError(r.text, 'start_on'), 'Enter a date that exists, written like 2026-03-31.');
  assert.equal(fieldError(r.text, 'partner'), 'Choose a partner other than the host library.');
  assert.equal(fieldError(r.text, 'end_on'), 'Enter the date the partnership ended.');
  assert.match(fieldError(r.text, 'measure2'), /Say how goal 2 will be measured/);
  assert.equal(inputValue(r.text, 'staff_lead'), 'Kim');
  assert.equal(sql('SELECT count(*) FROM partnership'), before);
});

test('an activity: every rule beside its field and nothing saved, then saved and counted', async () => {
  const v = await signedIn('staff');
  const pid = await newPartnership(v, { end_on: '2026-12-31' });
  let r = await postActivity(v, pid, activity({
    held_on: '2025-12-31', sessions: '0', format: 'in_person', library_cost: '12,50', staff_hours: 'two',
    att_adult_in: '100001', agree_confidence: '21', materials: '-4',
  }));
  assert.equal(r.status, 400);
  assert.equal(fieldError(r.text, 'held_on'), 'Enter a date on or after 2026-01-01, when the partnership began.');
  assert.equal(fieldError(r.text, 'sessions'), 'Enter at least 1 session (0 only for a virtual presentation recorded to be posted, with its recordings below).');
  assert.match(fieldError(r.text, 'att_6_11_virt'), /An in-person activity has no online audience/);
  assert.equal(fieldError(r.text, 'library_cost'), "Write the cents of library's cost after a point: 12.50, not 12,50.");
  assert.equal(fieldError(r.text, 'staff_hours'), 'Enter staff hours like 1.5 or 1:30.');
  assert.equal(fieldError(r.text, 'att_adult_in'), 'Enter at most 100,000 for adults; check for a typing slip.');
  assert.equal(fieldError(r.text, 'agree_confidence'), 'Enter at most 20: no more people can agree than answered the survey.');
  assert.equal(fieldError(r.text, 'materials'), 'Enter 0 or more for materials exchanged.');
  assert.equal(inputValue(r.text, 'notes') ?? r.text.match(/name="notes"[^>]*>([^<]*)</)[1], 'Storytime by video');
  assert.equal(count(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), 0);
  r = await postActivity(v, pid, activity({ held_on: '2027-01-01' }));
  assert.equal(fieldError(r.text, 'held_on'), 'Enter a date on or before 2026-12-31, when the partnership ended.');

  r = await postActivity(v, pid, activity());
  assert.equal(r.status, 303);
  assert.equal(r.location, `/partnerships/${pid}?done=activity`);
  assert.deepEqual(sqlRows(`SELECT format, sessions, att_6_11_in, att_6_11_virt, staff_minutes, volunteer_minutes,
    library_cost_cents, partner_cost_cents, in_kind_cents, agree_awareness FROM activity WHERE partnership_id = ${pid}`),
    [['hybrid', '2', '20', '12', '90', '30', '1250', '0', '100000', '19']]);
  r = await postActivity(v, pid, activity({ held_on: '2026-04-01', format: 'virtual', sessions: '1', att_6_11_in: '',
    att_adult_in: '', att_6_11_virt: '30', respondents: '', agree_knowledge: '', agree_confidence: '', agree_application: '', agree_awareness: '' }));
  assert.equal(r.status, 303);
  const page = await v.get(`/partnerships/${pid}`);
  const totals = Object.fromEntries([...page.text.matchAll(/<div><dt>([^<]+)<\/dt><dd>([^<]+)<\/dd><\/div>/g)].map((m) => [m[1], m[2]]));
  // The hybrid counts once, in person (its 2 sessions); its online audience is virtual.
  assert.equal(totals['Program sessions in person'], '2');
  assert.equal(totals['Program sessions virtual'], '1');
  assert.equal(totals['Program attendance in person'], '25');
  assert.equal(totals['Program attendance virtual'], '42');
  assert.equal(totals['Staff hours'], '3.0');
  assert.equal(totals['In-kind value'], '2,000.00');
  assert.equal(totals['Learned something'], '90%');
  // Newest first.
  const days = [...page.text.matchAll(/activities\/\d+">(\d{4}-\d\d-\d\d)</g)].map((m) => m[1]);
  assert.deepEqual(days, ['2026-04-01', '2026-03-14']);
  assert.match(page.text, /<strong>recorded activity<\/strong> by [^,]+, <time datetime="[^"]+">\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC<\/time> \(activity \d+\)/);
});

test('two people editing one activity: the second is told, the first is not overwritten', async () => {
  const one = await signedIn('staff'), two = await signedIn('admin');
  const pid = await newPartnership(one);
  assert.equal((await postActivity(one, pid, activity())).status, 303);
  const aid = Number(sql(`SELECT id FROM activity WHERE partnership_id = ${pid}`));
  const path = `/partnerships/${pid}/activities/${aid}`;
  const pageOne = await one.get(path), pageTwo = await two.get(path);
  let r = await one.post(path, { csrf: csrfOf(pageOne.text), seen: seenOf(pageOne.text), ...activity({ notes: 'from one' }) });
  assert.equal(r.status, 303);
  r = await two.post(path, { csrf: csrfOf(pageTwo.text), seen: seenOf(pageTwo.text), ...activity({ notes: 'from two', materials: '41' }) });
  assert.equal(r.status, 409);
  assert.match(r.text, /someone else saved this record while you were editing/);
  assert.equal(fieldError(r.text, 'notes'), 'Saved meanwhile by someone else: “from one”. Keep yours or change it, then save again.');
  assert.equal(fieldError(r.text, 'materials'), null);	// nobody else changed it: no mark
  assert.equal(sql(`SELECT notes FROM activity WHERE id = ${aid}`), 'from one');
  // Saving again, knowingly, keeps the second editor's values.
  r = await two.post(path, { csrf: csrfOf(r.text), seen: seenOf(r.text), ...activity({ notes: 'from two', materials: '41' }) });
  assert.equal(r.status, 303);
  assert.deepEqual(sqlRows(`SELECT notes, materials FROM activity WHERE id = ${aid}`), [['from two', '41']]);
  assert.equal(count(`SELECT count(*) FROM audit WHERE partnership_id = ${pid} AND action = 'edited activity'`), 2);
});

test('deleting an activity asks first, then removes it and keeps its values in the audit log', async () => {
  const v = await signedIn('staff');
  const pid = await newPartnership(v);
  assert.equal((await postActivity(v, pid, activity({ notes: 'to delete' }))).status, 303);
  const aid = Number(sql(`SELECT id FROM activity WHERE partnership_id = ${pid}`));
  const confirm = await v.get(`/partnerships/${pid}/activities/${aid}/delete`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /<h1>Delete this activity\?<\/h1>/);
  assert.match(confirm.text, /<dt>Activity<\/dt><dd>Videoconference<\/dd>/);
  assert.match(confirm.text, /<dt>Attendance<\/dt><dd>37<\/dd>/);
  assert.equal(count(`SELECT count(*) FROM activity WHERE id = ${aid}`), 1);	// asking deletes nothing
  // Without the token: refused, still there.
  assert.equal((await v.post(`/partnerships/${pid}/activities/${aid}/delete`, { seen: seenOf(confirm.text) })).status, 403);
  // In another partnership's address: not found.
  const r404 = await v.post(`/partnerships/${pid + 1000}/activities/${aid}/delete`, { csrf: csrfOf(confirm.text), seen: seenOf(confirm.text) });
  assert.equal(r404.status, 404);
  const r = await v.post(`/partnerships/${pid}/activities/${aid}/delete`, { csrf: csrfOf(confirm.text), seen: seenOf(confirm.text) });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/partnerships/${pid}?done=deleted`);
  assert.equal(count(`SELECT count(*) FROM activity WHERE id = ${aid}`), 0);
  assert.equal(sql(`SELECT c.old_value FROM audit a JOIN audit_change c ON c.audit_id = a.id
    WHERE a.partnership_id = ${pid} AND a.action = 'deleted activity' AND c.field = 'notes'`), 'to delete');
  assert.equal((await v.get(`/partnerships/${pid}/activities/${aid}`)).status, 404);
});

const header = 'partnership,held_on,type,counted_as,format,sessions,att_adult_in,att_adult_virt,respondents,agree_knowledge,library_cost,notes';

test('importing a CSV of activities: all rows or none, each bad row named with line and column', async () => {
  const v = await signedIn('staff');
  const pid = await newPartnership(v);
  const page = await v.get('/import');
  assert.equal(page.status, 200);
  assert.match(page.text, /Up to 124 KB/);
  const before = sql('SELECT count(*) FROM activity');
  const bad = [header,
    `${pid},2026-02-01,storytime,program,in_person,1,10,0,4,3,5.00,"fine, with a comma"`,
    `${pid},2026-02-30,storytime,program,in_person,1,10,0,4,3,5.00,bad date`,
    `${pid},2026-02-03,Videoconference,Program,Hybrid,1,10,5,4,6,"12,50",two problems`,
    `99999,2026-02-04,storytime,program,in_person,1,1,0,0,0,0,no such partnership`].join('\r\n') + '\r\n';
  let r = await v.upload('/import', { csrf: csrfOf(page.text), kind: 'activities' }, { file: { name: 'club.csv', content: bad } });
  assert.equal(r.status, 400);
  assert.match(r.text, /Nothing was imported from club.csv/);
  assert.match(r.text, /3 of 4 rows have problems/);
  const problems = [...r.text.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
  assert.deepEqual(problems.map((p) => p.slice(0, 2)), [
    ['3', 'held_on (column B)'], ['4', 'agree_knowledge (column J)'], ['4', 'library_cost (column K)'],
    ['5', 'partnership (column A)']]);
  assert.equal(sql('SELECT count(*) FROM activity'), before);

  const good = '\ufeff' + bad.split('\r\n').filter((l, i) => i < 2).join('\r\n') + '\r\n'
    + `${pid},2026-02-05,storytime,outreach,in_person,1,3,0,0,0,,"two\nlines"\r\n`;
  r = await importFile(v, { kind: 'activities' }, { name: 'club.csv', content: good });
  assert.equal(r.status, 200);
  assert.match(r.text, /Imported 2 activities from club.csv/);
  assert.deepEqual(sqlRows(`SELECT held_on, is_program, library_cost_cents, replace(notes, char(10), '|')
    FROM activity WHERE partnership_id = ${pid} ORDER BY held_on`),
    [['2026-02-01', '1', '500', 'fine, with a comma'], ['2026-02-05', '0', '0', 'two|lines']]);
  assert.equal(count("SELECT count(*) FROM audit WHERE action = 'imported 2 activities' AND note LIKE 'from club.csv (batch %)'"), 1);
});

test('an upload that is not UTF-8, has the wrong columns, is too big or has no token changes nothing', async () => {
  const v = await signedIn('staff');
  const page = await v.get('/import');
  const csrf = csrfOf(page.text);
  const before = sql('SELECT count(*) FROM activity') + '/' + sql('SELECT count(*) FROM org');
  let r = await v.upload('/import', { csrf, kind: 'activities' },
    { file: { name: 'latin1.csv', content: Buffer.from(`${header}\n1,2026-01-01,storytime,program,in_person,1,1,0,0,0,0,Biblioth\xe8que\n`, 'latin1') } });
  assert.equal(r.status, 400);
  assert.match(r.text, /Line 2 is not UTF-8 text/);
  r = await v.upload('/import', { csrf, kind: 'activities' }, { file: { name: 'orgs.csv', content: 'name,country\nX,FR\n' } });
  assert.match(r.text, /has a column “name” that is not one of the activities columns/);
  r = await v.upload('/import', { csrf, kind: 'activities' }, { file: { name: 'q.csv', content: `${header}\n1,"2026-01-01,storytime\n` } });
  assert.match(r.text, /The file ends inside a quoted cell that starts on line 2/);
  r = await v.upload('/import', { csrf, kind: 'activities' }, { file: { name: 'big.csv', content: header + '\n' + 'x'.repeat(140 * 1024) } });
  assert.equal(r.status, 413);
  assert.match(r.text, /larger than 124 KB/);
  // The limit is the file's: one just within it arrives whole, with the form around it, and is
  // checked (its rows are wrong), not refused for its size.
  r = await v.upload('/import', { csrf, kind: 'activities' }, { file: { name: 'edge.csv', content: header + '\n' + 'x'.repeat(124 * 1024 - header.length - 1) } });
  assert.equal(r.status, 400);
  assert.doesNotMatch(r.text, /larger than/);
  // Just over it, in a request under the program's: the page's own 413, naming the file.
  r = await v.upload('/import', { csrf, kind: 'activities' }, { file: { name: 'over.csv', content: header + '\n' + 'x'.repeat(125 * 1024) } });
  assert.equal(r.status, 413);
  assert.match(r.text, /Nothing was imported from over\.csv[\s\S]*larger than 124 KB/);
  r = await v.upload('/import', { kind: 'activities' }, { file: { name: 'a.csv', content: header + '\n' } });
  assert.equal(r.status, 403);
  r = await v.upload('/import', { csrf, kind: 'activities' }, {});
  assert.equal(r.status, 400);
  assert.match(r.text, /Choose a CSV file to send/);
  assert.equal(sql('SELECT count(*) FROM activity') + '/' + sql('SELECT count(*) FROM org'), before);
});

test('the template CSV has every column and an example row that is refused if left in, and imports once changed', async () => {
  const v = await signedIn('staff');
  const r = await v.get('/import/template?kind=activities');
  assert.equal(r.status, 200);
  assert.match(r.headers['content-disposition'], /liaison-activities-template\.csv/);
  assert.ok(r.text.startsWith('\ufeff"partnership","held_on","type",'));
  assert.equal(r.text.split('\r\n').length, 3);
  const page = await v.get('/import');
  const before = sql('SELECT count(*) FROM activity');
  const unchanged = await v.upload('/import', { csrf: csrfOf(page.text), kind: 'activities' },
    { file: { name: 'template.csv', content: r.text } });
  assert.equal(unchanged.status, 400);
  assert.match(unchanged.text, /<td>2<\/td><td><\/td><td>This is the template&#39;s example row: delete the example row/);
  assert.equal(sql('SELECT count(*) FROM activity'), before);
  const imported = await importFile(v, { kind: 'activities' },
    { name: 'template.csv', content: r.text.replace('EXAMPLE ROW - delete this row', 'Our own') });
  assert.equal(imported.status, 200, imported.text.match(/<td>[^<]*<\/td><\/tr>/g)?.join(' '));
  assert.match(imported.text, /Imported 1 activity from template.csv/);
  assert.equal((await v.get('/import/template?kind=other')).status, 400);
});

test('liaison-admin imports with the same checks and messages, all rows or none', async () => {
  const rows = [header];
  for (let i = 0; i < 3000; i++) rows.push(`1,2026-01-${String(1 + (i % 28)).padStart(2, '0')},storytime,program,in_person,1,5,0,2,2,1.00,cli ${i}`);
  const file = `${process.env.TMPDIR ?? '/tmp'}/liaison-cli-${process.pid}.csv`;
  writeFileSync(file, rows.join('\n') + '\n1,2026-01-01,storytime,program,in_person,1,5,0,2,3,1.00,bad\n');
  const before = sql('SELECT count(*) FROM activity');
  let r = admin(['import', 'activities', file, '--as', 'tester']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /nothing was imported: 1 of 3001 rows have problems/);
  assert.match(r.stderr, /line 3002, agree_knowledge \(column J\): Enter at most 2/);
  assert.equal(sql('SELECT count(*) FROM activity'), before);
  writeFileSync(file, rows.join('\n') + '\n');
  r = admin(['import', 'activities', file, '--as', 'tester']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^imported 3000 rows in /);
  assert.equal(Number(sql('SELECT count(*) FROM activity')), Number(before) + 3000);
  assert.equal(count("SELECT count(*) FROM audit WHERE actor = 'tester (liaison-admin)' AND action = 'imported 3000 activities'"), 1);
});
