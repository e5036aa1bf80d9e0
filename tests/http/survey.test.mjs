// survey.test.mjs - issue 19's "not asked is not zero" and issue 20's figures put right,
// through real nginx, with every expectation worked by hand: survey questions left blank stay
// NULL through the staff form, the import, the report page and its CSV files, and each share
// is over the activities that asked its question; no cost per attendee where nobody was
// counted; changes from unrounded values; outcome shares against the period before; Quiet at
// exactly 90 days and with a planned activity; and a public report kept by a cache is made
// afresh when a survey answer changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, unlinkSync } from 'node:fs';
import { get, sql, sqlRows, parseCsv, unescapeHtml, signedIn, csrfOf, inputValue, admin, importFile } from './helpers.mjs';

// A partnership between two listed organizations, active since start; its id.
function newPartnership(start) {
  const [host, partner] = sqlRows("SELECT id FROM org WHERE status = 'listed' ORDER BY id LIMIT 2").map((r) => r[0]);
  return Number(sql(`INSERT INTO partnership (host_id, partner_id, kind, status, start_on, goals)
    VALUES (${host}, ${partner}, 'other', 'active', '${start}', '[]'); SELECT last_insert_rowid();`));
}

async function postActivity(v, pid, fields) {
  const path = `/partnerships/${pid}/activities/new`;
  const page = await v.get(path);
  const r = await v.post(path, { csrf: csrfOf(page.text), seen: '', type: 'workshop', counted_as: 'program',
    format: 'in_person', sessions: '1', ...fields });
  assert.equal(r.status, 303, r.text);
  return Number(sql(`SELECT max(id) FROM activity WHERE partnership_id = ${pid} AND held_on = '${fields.held_on}'`));
}

async function csv(v, path) {
  const r = await v.get(path);
  assert.equal(r.status, 200, `${path}: ${r.text.slice(0, 300)}`);
  return parseCsv(r.text.replace(/^\uFEFF/, ''));
}

// The "Every figure" table: { label: [this period, previous, change] }.
function figureTable(html) {
  const table = html.slice(html.indexOf('id="all-heading"'));
  return Object.fromEntries([...table.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="n">([^<]*)<\/td><td class="n">([^<]*)<\/td><td><span class="delta delta-[a-z]+">([^<]*)<\/span>/g)]
    .map((m) => [unescapeHtml(m[1]), [m[2], m[3], unescapeHtml(m[4])]]));
}

// The outcomes table: { label: [share, asked in, respondents asked, previous, change] }.
function outcomeTable(html) {
  const at = html.indexOf('outcomes-table');
  if (at < 0) return {};
  const table = html.slice(at, html.indexOf('</table>', at));
  return Object.fromEntries([...table.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="n">([^<]*)<\/td><td class="n">([^<]*)<\/td><td class="n">([^<]*)<\/td><td class="n">([^<]*)<\/td><td><span class="delta delta-[a-z]+">([^<]*)<\/span>/g)]
    .map((m) => [unescapeHtml(m[1]), m.slice(2, 7).map(unescapeHtml)]));
}

test('a survey question left blank is "not asked" through the form, the import, the report page and its CSVs', async () => {
  const v = await signedIn('staff');
  const pid = newPartnership('2041-01-01');
  // The form: a survey that asked only about knowledge (8 of 10), and an activity with none.
  const asked = await postActivity(v, pid, { held_on: '2041-02-01', att_adult_in: '10', respondents: '10',
    agree_knowledge: '8', agree_confidence: '', agree_application: '', agree_awareness: '' });
  const none = await postActivity(v, pid, { held_on: '2041-02-02', att_adult_in: '5', respondents: '' });
  assert.deepEqual(sqlRows(`SELECT ifnull(respondents, 'NULL'), ifnull(agree_knowledge, 'NULL'), ifnull(agree_confidence, 'NULL'),
    ifnull(agree_application, 'NULL'), ifnull(agree_awareness, 'NULL') FROM activity WHERE id IN (${asked}, ${none}) ORDER BY id`),
  [['10', '8', 'NULL', 'NULL', 'NULL'], ['NULL', 'NULL', 'NULL', 'NULL', 'NULL']]);
  // Opened again, the blank stays blank (a 0 would be saved as 0 on the next save).
  const form = await v.get(`/partnerships/${pid}/activities/${asked}`);
  assert.equal(inputValue(form.text, 'agree_confidence'), '');
  assert.equal(inputValue(form.text, 'agree_knowledge'), '8');
  // An agree with no respondents is refused beside its field, and nothing is saved.
  const page = await v.get(`/partnerships/${pid}/activities/new`);
  const bad = await v.post(`/partnerships/${pid}/activities/new`, { csrf: csrfOf(page.text), seen: '', type: 'workshop',
    counted_as: 'program', format: 'in_person', sessions: '1', held_on: '2041-02-03', att_adult_in: '3', agree_awareness: '2' });
  assert.equal(bad.status, 400);
  assert.match(unescapeHtml(bad.text), /Enter the survey respondents too, or leave this blank/);
  assert.equal(sql(`SELECT count(*) FROM activity WHERE partnership_id = ${pid}`), '2');

  // The import (the same reader as /import): blank cells are NULL, zeros are zeros.
  const file = `/tmp/liaison-survey-${process.pid}.csv`;
  writeFileSync(file, 'partnership,held_on,type,counted_as,format,sessions,att_adult_in,respondents,agree_knowledge,'
    + 'agree_confidence,agree_application,agree_awareness\n'
    + `${pid},2041-03-01,workshop,program,in_person,1,6,6,3,,6,\n`
    + `${pid},2041-03-02,workshop,program,in_person,1,5,,,,,\n`
    + `${pid},2041-03-03,workshop,program,in_person,1,2,2,0,,,\n`);
  const imported = admin(['import', 'activities', file, '--as', 'survey-test']);
  unlinkSync(file);
  assert.equal(imported.status, 0, imported.stderr + imported.stdout);
  assert.deepEqual(sqlRows(`SELECT held_on, ifnull(respondents, 'NULL'), ifnull(agree_knowledge, 'NULL'), ifnull(agree_confidence, 'NULL'),
    ifnull(agree_application, 'NULL'), ifnull(agree_awareness, 'NULL') FROM activity WHERE partnership_id = ${pid} AND held_on >= '2041-03-01' ORDER BY held_on`),
  [['2041-03-01', '6', '3', 'NULL', '6', 'NULL'], ['2041-03-02', 'NULL', 'NULL', 'NULL', 'NULL', 'NULL'],
    ['2041-03-03', '2', '0', 'NULL', 'NULL', 'NULL']]);

  // And through the page, previewed then confirmed as a person imports: no survey, all NULL.
  const web = await importFile(v, { kind: 'activities' }, { name: `survey-${process.pid}.csv`,
    content: 'partnership,held_on,type,counted_as,format,sessions,att_adult_in,respondents,agree_knowledge\n'
      + `${pid},2041-04-01,workshop,program,in_person,1,3,,\n` });
  assert.equal(web.status, 200, web.text.slice(0, 300));
  assert.equal(sql(`SELECT ifnull(respondents, 'NULL') || ifnull(agree_knowledge, 'NULL') || ifnull(agree_awareness, 'NULL')
    FROM activity WHERE partnership_id = ${pid} AND held_on = '2041-04-01'`), 'NULLNULLNULL');

  // Worked by hand for 2041: knowledge asked at 3 activities, 8 + 3 + 0 of 10 + 6 + 2 = 11 of 18,
  // 61.1 %; confidence asked nowhere; application at 1, 6 of 6; awareness nowhere. 18 responded.
  // Nothing was recorded in 2040: every share "not asked before".
  const report = await v.get(`/report?fy=2041&partnership=${pid}`);
  assert.equal(report.status, 200);
  assert.deepEqual(outcomeTable(report.text), {
    'Learned something new': ['61.1%', '3 activities', '18', 'not asked', 'not asked before'],
    'Feel more confident': ['not asked', '0 activities', '0', 'not asked', ''],
    'Will use what they learned': ['100.0%', '1 activity', '6', 'not asked', 'not asked before'],
    'More aware of the library': ['not asked', '0 activities', '0', 'not asked', ''],
  });
  assert.match(report.text, /18 people responded\./);
  assert.doesNotMatch(report.text.slice(report.text.indexOf('outcomes-heading')), /[^0-9]0\.0%/, 'no question shows 0 %');
  // The chart's own numbers (printed on paper) say it too.
  assert.match(report.text, /<th scope="row">Feel more confident<\/th><td class="n">not asked<\/td><\/tr>/);
  const figures = figureTable(report.text);
  assert.deepEqual(figures['Share who agree: feel more confident'], ['not asked', 'not asked', '']);
  assert.deepEqual(figures['Share who agree: learned something new'], ['61.1%', 'not asked', 'not asked before']);
  assert.deepEqual(figures['Survey respondents'], ['18', '0', 'up from 0']);

  const outcomes = await csv(v, `/report?fy=2041&partnership=${pid}&format=csv&table=outcomes`);
  assert.deepEqual(outcomes[0], ['outcome', 'label', 'respondents', 'agree', 'share_percent', 'from', 'to', 'activities_asked']);
  assert.deepEqual(outcomes.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[7]]), [
    ['knowledge', '18', '11', '61.1', '3'], ['confidence', '0', '0', '', '0'],
    ['application', '6', '6', '100.0', '1'], ['awareness', '0', '0', '', '0']]);
  const summary = await csv(v, `/report?fy=2041&partnership=${pid}&format=csv&table=summary`);
  const share = (key, from) => summary.find((r) => r[0] === key && r[3] === from)[5];
  assert.equal(share('share_knowledge', '2041-01-01'), '61.1');
  assert.equal(share('share_confidence', '2041-01-01'), '');
  assert.equal(share('share_knowledge', '2040-01-01'), '');
  const rows = await csv(v, `/report?fy=2041&partnership=${pid}&format=csv&table=activities`);
  const col = (name) => rows[0].indexOf(name);
  const byDay = Object.fromEntries(rows.slice(1).map((r) => [r[col('held_on')], r]));
  const survey = (day) => ['respondents', 'agree_knowledge', 'agree_confidence', 'agree_application', 'agree_awareness'].map((c) => byDay[day][col(c)]);
  assert.deepEqual(survey('2041-02-01'), ['10', '8', '', '', '']);
  assert.deepEqual(survey('2041-02-02'), ['', '', '', '', '']);
  assert.deepEqual(survey('2041-03-03'), ['2', '0', '', '', '']);

  // The partnership's running totals: knowledge 11 of 18 (61%), confidence not asked.
  const own = await v.get(`/partnerships/${pid}`);
  assert.equal(own.status, 200);
  const totals = Object.fromEntries([...own.text
    .matchAll(/<div><dt>([^<]+)<\/dt><dd>([^<]+)<\/dd><\/div>/g)].map((m) => [m[1], m[2]]));
  assert.equal(totals['Learned something'], '61%');
  assert.equal(totals['More confident'], 'not asked');
  assert.equal(totals['Will use it'], '100%');

  // The outcome shares compared with the year before: in 2042, 3 of 4 learned something (75.0 %),
  // up (3/4 - 11/18) = 13.89 points from 61.1 %; 1 of 4 felt more confident, not asked in 2041.
  sql(`INSERT INTO activity (partnership_id, held_on, type, format, att_adult_in, respondents, agree_knowledge, agree_confidence)
    VALUES (${pid}, '2042-02-01', 'workshop', 'in_person', 4, 4, 3, 1)`);
  const next = await v.get(`/report?fy=2042&partnership=${pid}`);
  assert.deepEqual(outcomeTable(next.text)['Learned something new'], ['75.0%', '1 activity', '4', '61.1%', 'up 13.9 points from 61.1%']);
  assert.deepEqual(outcomeTable(next.text)['Feel more confident'], ['25.0%', '1 activity', '4', 'not asked', 'not asked before']);
  assert.deepEqual(figureTable(next.text)['Share who agree: learned something new'], ['75.0%', '61.1%', 'up 13.9 points from 61.1%']);
});

test('no cost per attendee where nobody was counted, and changes from unrounded values', async () => {
  const board = await signedIn('board');
  const pid = newPartnership('2041-01-01');
  // 2041: 2.78 for 2 people, 1.39 each. 2042: three outreach activities costing 2,285.00, with
  // nobody counted: no figure, and no "down 100%". 2043: 20.48 for 7 people, 2.9257… each, shown
  // 2.93: up from none. 2044 against 2043 is the same 1.39 and 2.93 turned round; 2045 repeats
  // 2043 against 2044's 1.39: up 110.48 %, "up 110%" (from the shown 2.93 and 1.39 it would be
  // 110.79 %, "up 111%").
  sql(`INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_adult_in, library_cost_cents) VALUES
    (${pid}, '2041-05-01', 'workshop', 1, 'in_person', 1, 2, 278),
    (${pid}, '2042-07-01', 'book_drive', 0, 'in_person', 1, 0, 100000),
    (${pid}, '2042-08-01', 'book_drive', 0, 'in_person', 1, 0, 100000),
    (${pid}, '2042-09-01', 'exhibit', 0, 'in_person', 1, 0, 28500),
    (${pid}, '2043-05-01', 'workshop', 1, 'in_person', 1, 7, 2048),
    (${pid}, '2044-05-01', 'workshop', 1, 'in_person', 1, 2, 278),
    (${pid}, '2045-05-01', 'workshop', 1, 'in_person', 1, 7, 2048)`);
  const row = async (fy) => figureTable((await board.get(`/report?fy=${fy}&partnership=${pid}`)).text)["Library's cost per attendee"];
  assert.deepEqual(await row(2042), ['—', '1.39', '']);
  assert.deepEqual(await row(2043), ['2.93', '—', 'none before']);
  assert.deepEqual(await row(2044), ['1.39', '2.93', 'down 52% from 2.93']);
  assert.deepEqual(await row(2045), ['2.93', '1.39', 'up 110% from 1.39']);
  // The library's cost itself is a figure all the same.
  assert.deepEqual(figureTable((await board.get(`/report?fy=2042&partnership=${pid}`)).text)["Library's cost"],
    ['2,285.00', '2.78', 'up 82094% from 2.78']);
  const summary = await csv(board, `/report?fy=2042&partnership=${pid}&format=csv&table=summary`);
  assert.deepEqual(summary.filter((r) => r[0] === 'library_cost_per_attendee').map((r) => [r[3], r[5]]),
    [['2042-01-01', ''], ['2041-01-01', '1.39']]);
});

test('Quiet: nothing in the 90 days up to the period end (or today), planned activities left out', async () => {
  const board = await signedIn('board');
  const pid = newPartnership('2019-01-01');
  sql(`INSERT INTO activity (partnership_id, held_on, type, format) VALUES (${pid}, '2019-03-10', 'workshop', 'in_person')`);
  const health = async (from, to) => {
    const rows = await csv(board, `/report?from=${from}&to=${to}&partnership=${pid}&format=csv&table=partnerships`);
    return [rows[1][9], rows[1][12]];
  };
  // 8 June is exactly 90 days after 10 March 2019: the 90 days up to it are 11 March to 8 June.
  assert.deepEqual(await health('2019-04-01', '2019-06-08'), ['2019-03-10', 'no activity in 90 days']);
  assert.deepEqual(await health('2019-04-01', '2019-06-09'), ['2019-03-10', 'no activity in 90 days']);
  assert.deepEqual(await health('2019-04-01', '2019-06-07'), ['2019-03-10', '']);
  // A period running past today looks back from today: an activity planned for next month is
  // not a sign of life, nor the last activity yet.
  const planned = newPartnership('2019-01-01');
  sql(`INSERT INTO activity (partnership_id, held_on, type, format) VALUES
    (${planned}, date('now', '-200 days'), 'workshop', 'in_person'), (${planned}, date('now', '+20 days'), 'workshop', 'in_person')`);
  const from = sql("SELECT date('now', '-300 days')"), to = sql("SELECT date('now', '+60 days')");
  const rows = await csv(board, `/report?from=${from}&to=${to}&partnership=${planned}&format=csv&table=partnerships`);
  assert.deepEqual([rows[1][9], rows[1][10], rows[1][12]], [sql("SELECT date('now', '-200 days')"), '2', 'no activity in 90 days']);
  const page = await board.get(`/report?from=${from}&to=${to}&partnership=${planned}`);
  assert.match(page.text, /<strong class="health-flag">Quiet<\/strong>/);
});

test('a public report kept by a cache is made afresh when a survey answer changes', async () => {
  const pid = newPartnership('2046-01-01');
  sql(`INSERT INTO activity (partnership_id, held_on, type, format, att_adult_in, respondents, agree_knowledge, agree_awareness)
    VALUES (${pid}, '2046-03-01', 'workshop', 'in_person', 9, 8, 6, 2)`);
  // Other test files write activities meanwhile, which moves the report's validator too: ask
  // until a page and its revalidation fall between two of their writes.
  let first, etag, status;
  for (let i = 0; i < 10 && status !== 304; i++) {
    first = await get('/report?fy=2046');
    assert.equal(first.status, 200);
    etag = first.headers.get('etag');
    assert.ok(etag, 'the public report has an ETag');
    status = (await get('/report?fy=2046', { headers: { 'If-None-Match': etag } })).status;
  }
  assert.equal(status, 304);
  assert.match(first.text, /<th scope="row">Learned something new<\/th><td class="n">75\.0%<\/td>/);
  // The awareness question turns out not to have been asked.
  sql(`UPDATE activity SET agree_awareness = NULL WHERE partnership_id = ${pid}`);
  const again = await get('/report?fy=2046', { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 200);
  assert.notEqual(again.headers.get('etag'), etag);
  assert.match(again.text, /<th scope="row">More aware of the library<\/th><td class="n">not asked<\/td>/);
  assert.match(first.text, /<th scope="row">More aware of the library<\/th><td class="n">25\.0%<\/td>/);
});
