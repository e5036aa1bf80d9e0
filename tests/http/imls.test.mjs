// imls.test.mjs - the IMLS Public Libraries Survey's program items (schema 021) through real
// nginx: nine activities recorded through the activity form, one of each kind the survey
// tells apart (onsite, offsite, virtual, hybrid onsite, hybrid offsite, outreach, a recording
// posted, a storytime for 0-5 with its caregivers, a program nobody came to), and the items
// worked out by hand from them agree in the imls CSV table, on the worksheet and on the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, csrfOf, signedIn, parseCsv, fieldError, importFile } from './helpers.mjs';

const seenOf = (html) => (html.match(/name="seen" value="([0-9a-f]*)"/) ?? [])[1];

async function postActivity(v, pid, fields) {
  const path = `/partnerships/${pid}/activities/new`;
  const page = await v.get(path);
  return v.post(path, { csrf: csrfOf(page.text), seen: seenOf(page.text) ?? '', held_on: '2033-05-10',
    type: 'storytime', counted_as: 'program', sessions: '1', ...fields });
}

// Worked by hand from the nine activities below, in the survey's order.
const HAND = {
  TOTPRO: 10, K0_5PRO: 1, K6_11PRO: 2, YAPRO: 2, ADULTPRO: 4, GENPRO: 1,
  ONPRO: 3, OFFPRO: 6, VIRPRO: 1, TOTPRO_FMT: 10,
  TOTATTEN: 91, K0_5ATTEN: 23, K6_11ATTEN: 15, YAATTEN: 9, ADULTATTEN: 24, GENATTEN: 20,
  ONATTEN: 22, OFFATTEN: 40, VIRATTEN: 29, TOTATTEN_FMT: 91, RECPRO: 2, RECVIEW: 75,
};

test('nine worked examples: the imls table, the worksheet and the report agree with the hand count', async () => {
  const staff = await signedIn('staff');
  const base = 7000 + (process.pid % 500) * 10;
  sql(`INSERT INTO org (id, name, kind, type, country, status) VALUES
    (${base}, 'Survey Host ${base}', 'library', 'public', 'US', 'unlisted'),
    (${base + 1}, 'Refugee Center ${base}', 'community', 'refugee', 'US', 'unlisted');
    INSERT INTO partnership (id, host_id, partner_id, kind, status, start_on) VALUES
    (${base}, ${base}, ${base + 1}, 'community', 'active', '2033-01-01');`);
  const examples = [
    // onsite: 1 adult program at the library, 12 came
    { format: 'in_person', site: 'library', audience: 'adult', att_adult_in: '12' },
    // offsite: 2 sessions for teens at the partner's, 9 came
    { format: 'in_person', site: 'elsewhere', audience: '12_18', sessions: '2', att_12_18_in: '9' },
    // virtual, general interest, 20 online
    { format: 'virtual', audience: 'general', att_all_virt: '20' },
    // hybrid at the library for 6-11: once, onsite; 10 in the room, 5 online (virtual attendance)
    { format: 'hybrid', site: 'library', audience: '6_11', att_6_11_in: '10', att_6_11_virt: '5' },
    // hybrid elsewhere for adults, 3 sessions: 8 in the room, 4 online
    { format: 'hybrid', site: 'elsewhere', audience: 'adult', sessions: '3', att_adult_in: '8', att_adult_virt: '4' },
    // outreach: a booth, in no program item
    { counted_as: 'outreach', type: 'book_drive', format: 'in_person', site: 'elsewhere', att_all_in: '40' },
    // asynchronous: recorded to be posted, no live session; 2 recordings seen 75 times in 30 days
    { format: 'virtual', audience: 'adult', sessions: '0', recordings: '2', recording_views: '75' },
    // a storytime for 0-5 at the partner's: the 9 caregivers are counted with the 14 children
    { format: 'in_person', site: 'elsewhere', audience: '0_5', att_0_5_in: '14', att_adult_in: '9' },
    // a children's program nobody came to is still a children's program
    { format: 'in_person', site: 'library', audience: '6_11' },
  ];
  for (const e of examples) {
    const r = await postActivity(staff, base, e);
    assert.equal(r.status, 303, `${JSON.stringify(e)}: ${r.text?.slice(0, 400)}`);
  }
  // What the form saved: sites, audiences (the outreach's left blank), recordings.
  assert.equal(sql(`SELECT group_concat(ifnull(site, '-') || ':' || ifnull(audience, '-') || ':' || recordings, ' ')
    FROM (SELECT * FROM activity WHERE partnership_id = ${base} ORDER BY id)`),
  'library:adult:0 elsewhere:12_18:0 -:general:0 library:6_11:0 elsewhere:adult:0 elsewhere:-:0 -:adult:2 elsewhere:0_5:0 library:6_11:0');

  const query = `from=2033-01-01&to=2033-12-31&host=${base}`;
  const csv = await staff.get(`/report?${query}&format=csv&table=imls`);
  assert.equal(csv.status, 200);
  const rows = parseCsv(csv.text.slice(1));
  assert.deepEqual(rows[0], ['item', 'variable', 'label', 'value', 'from', 'to']);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), ['600', '601', '602', '603', '604', '605', '606', '607', '608', '609',
    '610', '611', '612', '613', '614', '615', '616', '617', '618', '619', '620', '630']);
  assert.deepEqual(Object.fromEntries(rows.slice(1).map((r) => [r[1], Number(r[3])])), HAND);
  assert.deepEqual(Object.keys(Object.fromEntries(rows.slice(1).map((r) => [r[1], 0]))), Object.keys(HAND));

  const ws = await staff.get(`/report/worksheet?${query}`);
  assert.equal(ws.status, 200);
  const shown = Object.fromEntries([...ws.text.matchAll(/<th scope="row">(\d+)<\/th><td><code>([A-Z0-9_]+)<\/code><\/td><td>[^<]*<\/td><td class="n">([^<]*)<\/td>/g)]
    .map((m) => [m[2], Number(m[3].replace(/,/g, ''))]));
  assert.deepEqual(shown, HAND);
  assert.match(ws.text, /total by age \(600\) = total by format \(609\): 10 and 10, <strong class="passed">passed/);
  assert.match(ws.text, /total by age \(610\) = total by format \(619\): 91 and 91, <strong class="passed">passed/);
  assert.doesNotMatch(ws.text, /class="failed"/);

  // The report's own figures: 9 sessions in person, 1 online; 91 at programs, 40 at outreach.
  const page = await staff.get(`/report?${query}`);
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`href="/report/worksheet\\?from=2033-01-01&amp;to=2033-12-31&amp;host=${base}"`));
  const figure = (label) => (page.text.match(new RegExp(`<tr><th scope="row">${label}</th><td class="n">([^<]*)</td>`)) ?? [])[1];
  assert.equal(figure('Program sessions'), '10');
  assert.equal(figure('Program attendance'), '91');
  assert.equal(figure('Outreach attendance'), '40');
});

test('the form says what is wrong with a site, a recording or a session count, and saves nothing', async () => {
  const staff = await signedIn('staff');
  const pid = Number(sql("SELECT id FROM partnership WHERE status = 'active' ORDER BY id LIMIT 1"));
  const before = sql('SELECT count(*) FROM activity');
  const held = sql(`SELECT max(start_on) FROM partnership WHERE id = ${pid}`);
  let r = await postActivity(staff, pid, { held_on: held, format: 'virtual', site: 'library', att_all_virt: '3' });
  assert.equal(r.status, 400);
  assert.match(fieldError(r.text, 'site'), /A virtual activity took place online/);
  r = await postActivity(staff, pid, { held_on: held, format: 'in_person', recording_views: '30', audience: 'babies' });
  assert.equal(r.status, 400);
  assert.match(fieldError(r.text, 'recording_views'), /Enter the recordings posted too/);
  assert.ok(fieldError(r.text, 'audience'), 'an audience that is not one of the choices');
  r = await postActivity(staff, pid, { held_on: held, format: 'in_person', sessions: '0' });
  assert.equal(r.status, 400);
  assert.match(fieldError(r.text, 'sessions'), /0 only for a virtual presentation recorded to be posted/);
  assert.equal(sql('SELECT count(*) FROM activity'), before);
});

test('the import reads site, audience and recordings as the form does, problems named and nothing saved', async () => {
  const v = await signedIn('admin');
  const base = 7003 + (process.pid % 500) * 10;
  sql(`INSERT INTO org (id, name, kind, type, country, status) VALUES
    (${base}, 'Import Host ${base}', 'library', 'public', 'US', 'unlisted'),
    (${base + 1}, 'Family Center ${base}', 'community', 'refugee', 'US', 'unlisted');
    INSERT INTO partnership (id, host_id, partner_id, kind, status, start_on) VALUES
    (${base}, ${base}, ${base + 1}, 'community', 'active', '2034-01-01');`);
  const head = 'partnership,held_on,type,counted_as,format,sessions,site,audience,recordings,recording_views,att_0_5_in,att_adult_in\n';
  let r = await importFile(v, { kind: 'activities', dates: '' }, { name: 'bad.csv', content: head +
    `${base},2034-02-01,storytime,program,virtual,1,elsewhere,0_5,0,0,0,0\n${base},2034-02-02,storytime,program,in_person,1,,toddlers,0,0,3,2\n` });
  assert.equal(r.status, 400, r.text.slice(0, 500));
  assert.match(r.text, /A virtual activity took place online/);
  assert.equal(sql(`SELECT count(*) FROM activity WHERE partnership_id = ${base}`), '0');
  r = await importFile(v, { kind: 'activities', dates: '' }, { name: 'good.csv', content: head +
    `${base},2034-02-01,storytime,program,in_person,2,elsewhere,0_5,1,30,12,8\n${base},2034-02-02,workshop,program,hybrid,1,,adult,0,0,0,6\n` });
  assert.equal(r.status, 200, r.text.slice(0, 500));
  assert.equal(sql(`SELECT group_concat(site || ':' || audience || ':' || recordings || ':' || recording_views, ' ')
    FROM (SELECT * FROM activity WHERE partnership_id = ${base} ORDER BY held_on)`), 'elsewhere:0_5:1:30 library:adult:0:0');
  // The storytime for 0-5 with 8 caregivers: 2 sessions and 20 people in 601/611, offsite; the
  // hybrid workshop with its site left blank: at the library.
  const rows = parseCsv((await v.get(`/report?from=2034-01-01&to=2034-12-31&host=${base}&format=csv&table=imls`)).text.slice(1));
  const items = Object.fromEntries(rows.slice(1).map((row) => [row[1], Number(row[3])]));
  assert.deepEqual([items.K0_5PRO, items.K0_5ATTEN, items.OFFPRO, items.OFFATTEN, items.ADULTPRO, items.ONPRO, items.ONATTEN,
    items.RECPRO, items.RECVIEW], [2, 20, 2, 20, 1, 1, 6, 1, 30]);
});

test('a program with no audience given is inferred and marked on the partnership page until someone sets it', async () => {
  const staff = await signedIn('staff');
  const base = 7006 + (process.pid % 500) * 10;
  sql(`INSERT INTO org (id, name, kind, type, country, status) VALUES
    (${base}, 'Checked Host ${base}', 'library', 'public', 'US', 'unlisted'),
    (${base + 1}, 'Checked Partner ${base}', 'community', 'refugee', 'US', 'unlisted');
    INSERT INTO partnership (id, host_id, partner_id, kind, status, start_on, goals) VALUES
    (${base}, ${base}, ${base + 1}, 'community', 'active', '2035-01-01', '[]');
    INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_6_11_in, att_adult_in, site)
      VALUES (${base}, '2035-02-01', 'storytime', 1, 'in_person', 1, 9, 4, 'library');`);
  const aid = sql(`SELECT id FROM activity WHERE partnership_id = ${base}`);
  let page = await staff.get(`/partnerships/${base}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /<strong class="to-check">audience to check<\/strong>/);
  assert.match(page.text, /the survey's figures take it from who came/);
  // Until then it is inferred: a mixed audience, general interest.
  let rows = parseCsv((await staff.get(`/report?from=2035-01-01&to=2035-12-31&host=${base}&format=csv&table=imls`)).text.slice(1));
  let items = Object.fromEntries(rows.slice(1).map((row) => [row[1], Number(row[3])]));
  assert.deepEqual([items.K6_11PRO, items.GENPRO, items.GENATTEN], [0, 1, 13]);
  // Staff open it, set the audience it was for, and save: the mark goes, the survey's items follow.
  const path = `/partnerships/${base}/activities/${aid}`;
  const form = await staff.get(path);
  const r = await staff.post(path, { csrf: csrfOf(form.text), seen: seenOf(form.text), held_on: '2035-02-01', type: 'storytime',
    counted_as: 'program', format: 'in_person', sessions: '1', att_6_11_in: '9', att_adult_in: '4', site: 'library', audience: '6_11' });
  assert.equal(r.status, 303, r.text?.slice(0, 300));
  assert.equal(sql(`SELECT audience FROM activity WHERE id = ${aid}`), '6_11');
  page = await staff.get(`/partnerships/${base}`);
  assert.doesNotMatch(page.text, /audience to check/);
  rows = parseCsv((await staff.get(`/report?from=2035-01-01&to=2035-12-31&host=${base}&format=csv&table=imls`)).text.slice(1));
  items = Object.fromEntries(rows.slice(1).map((row) => [row[1], Number(row[3])]));
  assert.deepEqual([items.K6_11PRO, items.K6_11ATTEN, items.GENPRO], [1, 13, 0]);
});
