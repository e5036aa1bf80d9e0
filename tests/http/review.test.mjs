// review.test.mjs - a partnership's yearly review (issue 20): staff score each of its goals and
// the four questions 1-5 and say what next; every mistake beside its field with nothing saved;
// one review a fiscal year (saved again, it is replaced, and the audit log keeps the old
// scores); the partnership's page shows every year's; board accounts read, never write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, sqlRows, signedIn, csrfOf, fieldError, unescapeHtml } from './helpers.mjs';

// A partnership of its own, with two goals, through the form.
async function partnership(v) {
  const [host, partner] = sqlRows("SELECT id FROM org WHERE status = 'listed' ORDER BY id DESC LIMIT 2").map((r) => r[0]);
  const page = await v.get('/partnerships/new');
  const r = await v.post('/partnerships/new', {
    csrf: csrfOf(page.text), host, partner, kind: 'sister_library', commitment: 'memorandum',
    status: 'active', start_on: '2025-09-01', end_on: '', goal1: 'Pen pals for a fourth-grade class',
    measure1: 'Letters exchanged', goal2: 'Two videoconference storytimes', measure2: 'Attendance',
    host_contribution: '', partner_contribution: '', staff_lead: '',
  });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  return Number(r.location.match(/^\/partnerships\/(\d+)\?/)[1]);
}

const review = (over = {}) => ({ reviewed_on: '2026-03-10', goal1: '4', goal2: '2', communication: '5',
  commitment: '4', give_and_take: '3', decision: 'change', note: 'Storytimes were hard to schedule across time zones.', ...over });

test('a review: every question beside its field when missing, then saved, shown and replaced within the year', async () => {
  const v = await signedIn('staff');
  const pid = await partnership(v);
  const path = `/partnerships/${pid}/review`;
  let page = await v.get(path);
  assert.equal(page.status, 200);
  const form = unescapeHtml(page.text);
  // The partnership's own goals are the questions, each scored 1 to 5.
  assert.match(form, /How far was each goal met\?/);
  assert.match(form, /Pen pals for a fourth-grade class/);
  assert.match(form, /Two videoconference storytimes/);
  for (const name of ['goal1', 'goal2', 'communication', 'commitment', 'give_and_take'])
    for (const n of ['1', '2', '3', '4', '5'])
      assert.match(page.text, new RegExp(`name="${name}" value="${n}"`), `${name} ${n}`);
  // Missing answers and a day that does not exist: each said beside its field, nothing saved.
  let r = await v.post(path, { csrf: csrfOf(page.text), ...review({ goal2: '', commitment: '7', reviewed_on: '2026-02-30' }) });
  assert.equal(r.status, 400);
  assert.ok(fieldError(r.text, 'goal2'), 'goal2');
  assert.ok(fieldError(r.text, 'commitment'), 'commitment');
  assert.ok(fieldError(r.text, 'reviewed_on'), 'reviewed_on');
  assert.equal(sql(`SELECT count(*) FROM partnership_review WHERE partnership_id = ${pid}`), '0');
  // Without the form's token: refused, nothing saved.
  r = await v.post(path, review());
  assert.equal(r.status, 403);
  assert.equal(sql(`SELECT count(*) FROM partnership_review WHERE partnership_id = ${pid}`), '0');

  r = await v.post(path, { csrf: csrfOf(page.text), ...review() });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/partnerships/${pid}?done=reviewed`);
  assert.deepEqual(sqlRows(`SELECT fiscal_year, reviewed_on, communication, commitment, give_and_take, decision, reviewed_by
    FROM partnership_review WHERE partnership_id = ${pid}`), [['2026', '2026-03-10', '5', '4', '3', 'change', v.name]]);
  assert.deepEqual(sqlRows(`SELECT g.position, g.goal, g.score FROM partnership_review_goal g JOIN partnership_review r ON r.id = g.review_id
    WHERE r.partnership_id = ${pid} ORDER BY 1`), [['1', 'Pen pals for a fourth-grade class', '4'], ['2', 'Two videoconference storytimes', '2']]);
  const shown = unescapeHtml((await v.get(`/partnerships/${pid}?done=reviewed`)).text);
  assert.match(shown, /Done: the review was saved\./);
  assert.match(shown, /<h3 id="review-2026">FY2026: Continue, with changes<\/h3>/);
  assert.match(shown, /Goal: Pen pals for a fourth-grade class<\/dt><dd>4 of 5<\/dd>/);
  assert.match(shown, /Shared commitment<\/dt><dd>4 of 5<\/dd>/);
  assert.match(shown, /Storytimes were hard to schedule across time zones\./);

  // The same fiscal year again: the form starts from it, and saving replaces it (one row),
  // with the old scores in the audit log.
  page = await v.get(path);
  assert.match(page.text, /name="communication" value="5" checked/);
  r = await v.post(path, { csrf: csrfOf(page.text), ...review({ reviewed_on: '2026-05-02', communication: '2', decision: 'end' }) });
  assert.equal(r.status, 303);
  assert.deepEqual(sqlRows(`SELECT fiscal_year, reviewed_on, communication, decision FROM partnership_review WHERE partnership_id = ${pid}`),
    [['2026', '2026-05-02', '2', 'end']]);
  assert.deepEqual(sqlRows(`SELECT a.action, a.note, c.old_value, c.new_value FROM audit a JOIN audit_change c ON c.audit_id = a.id
    WHERE a.partnership_id = ${pid} AND a.action = 'edited review' AND c.field = 'communication'`), [['edited review', 'FY2026', '5', '2']]);
  // Another fiscal year is a review of its own.
  r = await v.post(path, { csrf: csrfOf((await v.get(path)).text), ...review({ reviewed_on: '2027-03-01' }) });
  assert.equal(r.status, 303);
  const years = sqlRows(`SELECT fiscal_year FROM partnership_review WHERE partnership_id = ${pid} ORDER BY 1`).map((x) => x[0]);
  assert.deepEqual(years, [...new Set(years)].sort());
  assert.ok(years.length === 2, years.join());
});

test('board accounts read the reviews on the partnership page but cannot open the form', async () => {
  const staff = await signedIn('staff');
  const pid = await partnership(staff);
  const page = await staff.get(`/partnerships/${pid}/review`);
  assert.equal((await staff.post(`/partnerships/${pid}/review`, { csrf: csrfOf(page.text), ...review() })).status, 303);
  const board = await signedIn('board');
  const shown = await board.get(`/partnerships/${pid}`);
  assert.equal(shown.status, 200);
  assert.match(shown.text, /FY2026: Continue, with changes/);
  assert.doesNotMatch(shown.text, /Review this year/);
  assert.equal((await board.get(`/partnerships/${pid}/review`)).status, 403);
  assert.equal((await board.post(`/partnerships/${pid}/review`, { csrf: csrfOf(page.text), ...review() })).status, 403);
  // A partnership that does not exist has no review form.
  assert.equal((await staff.get('/partnerships/999999/review')).status, 404);
});

test('a partnership never reviewed says so', async () => {
  const v = await signedIn('staff');
  const pid = await partnership(v);
  assert.match((await v.get(`/partnerships/${pid}`)).text, /Not reviewed yet\./);
});

test("the signed-in report shows each partnership's review of the year and flags those not reviewed", async () => {
  const v = await signedIn('staff');
  const pid = await partnership(v);
  const report = async () => unescapeHtml((await v.get('/report?fy=2026')).text);
  const rowOf = (html) => html.match(new RegExp(`<tr><td><a href="/partnerships/${pid}">[\\s\\S]*?</tr>`))[0];
  let html = await report();
  assert.match(html, /<th scope="col">Review, FY2026<\/th>/);
  assert.match(rowOf(html), /<strong class="health-flag">Not reviewed<\/strong>/);
  const counted = (h) => h.match(/: (\d+) of (\d+) are reviewed\./).slice(1).map(Number);
  const [before, all] = counted(html);
  const page = await v.get(`/partnerships/${pid}/review`);
  assert.equal((await v.post(`/partnerships/${pid}/review`, { csrf: csrfOf(page.text), ...review() })).status, 303);
  // The report made before the review is not served after it.
  html = await report();
  assert.match(rowOf(html), /Continue, with changes <span class="meta">\(2026-03-10: goals 4, 2, communication 5, commitment 4, give-and-take 3 of 5\)<\/span>/);
  assert.doesNotMatch(rowOf(html), /Not reviewed/);
  assert.deepEqual(counted(html), [before + 1, all]);
});

test('a goal and a note in another script keep every character, at the form\'s longest', async () => {
  const v = await signedIn('staff');
  const [host, partner] = sqlRows("SELECT id FROM org WHERE status = 'listed' ORDER BY id DESC LIMIT 2").map((r) => r[0]);
  const goal = 'Обмін листами між читачами '.repeat(12).slice(0, 300);	// 300 characters, 550 bytes
  const note = 'Зустрічі відбувалися щомісяця. '.repeat(130).slice(0, 4000);
  let page = await v.get('/partnerships/new');
  let r = await v.post('/partnerships/new', { csrf: csrfOf(page.text), host, partner, kind: 'sister_library',
    commitment: 'informal', status: 'active', start_on: '2025-09-01', end_on: '', goal1: goal, measure1: 'Листи',
    host_contribution: '', partner_contribution: '', staff_lead: '' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const pid = Number(r.location.match(/^\/partnerships\/(\d+)\?/)[1]);
  page = await v.get(`/partnerships/${pid}/review`);
  r = await v.post(`/partnerships/${pid}/review`, { csrf: csrfOf(page.text), ...review({ goal2: undefined, goal1: '5', note }) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.deepEqual(sqlRows(`SELECT g.goal, r.note FROM partnership_review r JOIN partnership_review_goal g ON g.review_id = r.id
    WHERE r.partnership_id = ${pid}`), [[goal, note]]);
});
