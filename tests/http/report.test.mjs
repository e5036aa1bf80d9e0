// report.test.mjs - the impact report through real nginx. Every figure on the page and in the
// CSV tables is checked against an independent computation here, straight from the raw
// activity and partnership rows (none of schema 007's views or sums), on the demo data and on
// a hand-made set with totals worked out by hand; then who may see what, and wrong input.
// A survey question left blank (NULL) is not asked: each share is over the activities that
// asked it, and a ratio over nothing (no one asked, nobody counted) is no figure at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get, sql, sqlRows, parseCsv, unescapeHtml, signedIn, cgi } from './helpers.mjs';

const BANDS = ['0_5', '6_11', '12_18', 'adult', 'all'];
const ATT = [...BANDS.map((b) => `att_${b}_in`), ...BANDS.map((b) => `att_${b}_virt`)];
const OTHER = ['staff_minutes', 'volunteer_minutes', 'library_cost_cents', 'partner_cost_cents', 'in_kind_cents',
  'materials', 'respondents', 'agree_knowledge', 'agree_confidence', 'agree_application', 'agree_awareness'];
const QUESTIONS = ['knowledge', 'confidence', 'application', 'awareness'];
// A share in tenths of a percent, rounded half up, as text; '' when nobody was asked.
const shareText = (agree, of) => (of ? (Math.floor((agree * 1000 + Math.floor(of / 2)) / of) / 10).toFixed(1) : '');

// Every headline figure for a period and scope, as the summary CSV writes it, from raw rows.
function expected(from, to, { host = 0, partnership = 0 } = {}) {
  const scope = `${host ? ` AND p.host_id = ${host}` : ''}${partnership ? ` AND p.id = ${partnership}` : ''}`;
  const rows = sqlRows(`SELECT a.partnership_id, a.is_program, a.format, a.sessions, ${[...ATT, ...OTHER].map((c) => `a.${c}`).join(', ')},
    a.audience, ifnull(a.site, ''), a.recordings, a.recording_views
    FROM activity a JOIN partnership p ON p.id = a.partnership_id WHERE a.held_on BETWEEN '${from}' AND '${to}'${scope}`);
  const t = { activities: 0, sIn: 0, sVirt: 0, outS: 0, outA: 0, band: {}, imlsPro: {}, imlsAtt: {}, asked: {}, askedOf: {},
    onPro: 0, offPro: 0, onAtt: 0, offAtt: 0, virAtt: 0, recPro: 0, recView: 0 };
  for (const q of QUESTIONS) { t.asked[q] = 0; t.askedOf[q] = 0; }
  for (const k of [...ATT, ...OTHER]) t[k] = 0;
  const reached = new Set();
  for (const r of rows) {
    const [pid, isProgram, format, sessions] = [r[0], Number(r[1]), r[2], Number(r[3])];
    const v = Object.fromEntries([...ATT, ...OTHER].map((c, i) => [c, Number(r[4 + i])]));
    const audience = ATT.reduce((s, c) => s + v[c], 0);
    t.activities++;
    reached.add(pid);
    // sqlite3 writes NULL as an empty cell: a question not asked
    for (const q of QUESTIONS)
      if (r[4 + ATT.length + OTHER.indexOf(`agree_${q}`)] !== '') { t.asked[q]++; t.askedOf[q] += v.respondents; }
    for (const c of OTHER) t[c] += v[c];
    if (!isProgram) { t.outS += sessions; t.outA += audience; continue; }
    for (const c of ATT) t[c] += v[c];
    if (format === 'virtual') t.sVirt += sessions; else t.sIn += sessions;	// a hybrid counts once, in person
    // The survey's age class: the program's target audience, whoever came, all of them counted there.
    const [given, site, rec, views] = r.slice(4 + ATT.length + OTHER.length);
    // none given ('' from sqlite3): the one band the whole audience is in, else general
    const only = BANDS.slice(0, 4).find((b) => audience > 0 && v[`att_${b}_in`] + v[`att_${b}_virt`] === audience);
    const cls = given || (only ?? 'general');
    t.imlsPro[cls] = (t.imlsPro[cls] ?? 0) + sessions;
    t.imlsAtt[cls] = (t.imlsAtt[cls] ?? 0) + audience;
    // By format: in person at the library or elsewhere (a hybrid too), or virtual; online is virtual.
    const roomAtt = BANDS.reduce((s, b) => s + v[`att_${b}_in`], 0);
    if (format !== 'virtual' && site === 'elsewhere') { t.offPro += sessions; t.offAtt += roomAtt; }
    else if (format !== 'virtual') { t.onPro += sessions; t.onAtt += roomAtt; }
    t.virAtt += audience - roomAtt;
    t.recPro += Number(rec); t.recView += Number(views);
  }
  const parts = sqlRows(`SELECT p.id, p.partner_id, p.start_on, ifnull(p.end_on, '') FROM partnership p WHERE 1${scope}`);
  const partners = parts.filter((p) => reached.has(p[0])).map((p) => p[1]);
  const countries = new Set(partners.map((id) => sql(`SELECT country FROM org WHERE id = ${id}`)));
  const languages = new Set(partners.flatMap((id) => sqlRows(`SELECT lang FROM org_language WHERE org_id = ${id}`).map((l) => l[0])));
  const inP = BANDS.reduce((s, b) => s + t[`att_${b}_in`], 0), virP = BANDS.reduce((s, b) => s + t[`att_${b}_virt`], 0);
  const hours = (m) => { const h = Math.floor((m * 100 + 30) / 60); return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`; };
  const money = (c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
  return {
    partnerships_active: parts.filter((p) => p[2] <= to && (p[3] === '' || p[3] >= from)).length,
    partnerships_new: parts.filter((p) => p[2] >= from && p[2] <= to).length,
    partnerships_ended: parts.filter((p) => p[3] !== '' && p[3] >= from && p[3] <= to).length,
    activities: t.activities,
    program_sessions: t.sIn + t.sVirt, program_sessions_in_person: t.sIn, program_sessions_virtual: t.sVirt,
    outreach_sessions: t.outS,
    program_attendance: inP + virP, program_attendance_in_person: inP, program_attendance_virtual: virP,
    attendance_0_5: t.att_0_5_in + t.att_0_5_virt, attendance_6_11: t.att_6_11_in + t.att_6_11_virt,
    attendance_12_18: t.att_12_18_in + t.att_12_18_virt, attendance_adult: t.att_adult_in + t.att_adult_virt,
    attendance_all_ages: t.att_all_in + t.att_all_virt, outreach_attendance: t.outA,
    staff_hours: hours(t.staff_minutes), volunteer_hours: hours(t.volunteer_minutes), materials: t.materials,
    survey_respondents: t.respondents,
    ...Object.fromEntries(QUESTIONS.map((q) => [`share_${q}`, shareText(t[`agree_${q}`], t.askedOf[q])])),
    countries_reached: countries.size, languages_reached: languages.size,
    library_cost: money(t.library_cost_cents), partner_cost: money(t.partner_cost_cents), in_kind_value: money(t.in_kind_cents),
    // nobody counted: no such figure, an empty cell
    library_cost_per_attendee: inP + virP + t.outA ? money(Math.floor((t.library_cost_cents + Math.floor((inP + virP + t.outA) / 2)) / (inP + virP + t.outA))) : '',
    // not headlines: what the outcomes and imls tables hold
    _agree: { knowledge: t.agree_knowledge, confidence: t.agree_confidence, application: t.agree_application, awareness: t.agree_awareness },
    _asked: t.asked, _askedOf: t.askedOf,
    // the survey's items in its order: 600-609, 610-619, 620, 630
    _imls: {
      TOTPRO: t.sIn + t.sVirt, K0_5PRO: t.imlsPro['0_5'] ?? 0, K6_11PRO: t.imlsPro['6_11'] ?? 0,
      YAPRO: t.imlsPro['12_18'] ?? 0, ADULTPRO: t.imlsPro.adult ?? 0, GENPRO: t.imlsPro.general ?? 0,
      ONPRO: t.onPro, OFFPRO: t.offPro, VIRPRO: t.sVirt, TOTPRO_FMT: t.onPro + t.offPro + t.sVirt,
      TOTATTEN: inP + virP, K0_5ATTEN: t.imlsAtt['0_5'] ?? 0, K6_11ATTEN: t.imlsAtt['6_11'] ?? 0,
      YAATTEN: t.imlsAtt['12_18'] ?? 0, ADULTATTEN: t.imlsAtt.adult ?? 0, GENATTEN: t.imlsAtt.general ?? 0,
      ONATTEN: t.onAtt, OFFATTEN: t.offAtt, VIRATTEN: t.virAtt, TOTATTEN_FMT: t.onAtt + t.offAtt + t.virAtt,
      RECPRO: t.recPro, RECVIEW: t.recView,
    },
  };
}
const ITEMS = ['600', '601', '602', '603', '604', '605', '606', '607', '608', '609',
  '610', '611', '612', '613', '614', '615', '616', '617', '618', '619', '620', '630'];
const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
// The worksheet's items: { variable: value as shown }, in the page's order.
const worksheetItems = (html) => Object.fromEntries([...html.matchAll(
  /<tr(?: class="total")?><th scope="row">(\d+)<\/th><td><code>([A-Z0-9_]+)<\/code><\/td><td>[^<]*<\/td><td class="n">([^<]*)<\/td><\/tr>/g)]
  .map((m) => [m[2], m[3]]));
const MONEY = ['library_cost', 'partner_cost', 'in_kind_value', 'library_cost_per_attendee'];
const HOURS = ['staff_hours', 'volunteer_hours'];

// How the page writes a figure: 1,234; hours to the tenth; money with cents.
function shown(key, plain) {
  const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (key.startsWith('share_')) return plain === '' ? 'not asked' : `${plain}%`;
  if (MONEY.includes(key) && plain === '') return '—';
  if (MONEY.includes(key)) { const [d, c] = plain.split('.'); return `${group(d)}.${c}`; }
  if (HOURS.includes(key)) {
    const [h, hundredths] = plain.split('.');
    // back to minutes is not exact; the page rounds minutes to tenths of an hour itself
    return { hoursFrom: Number(h) * 100 + Number(hundredths) };
  }
  return group(plain);
}
const minutesToTenths = (m) => { const t = Math.floor((m * 10 + 30) / 60); return `${String(Math.floor(t / 10)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${t % 10}`; };

// The "Every figure" table: { label: [this period, previous period] }.
function figureTable(html) {
  const table = html.slice(html.indexOf('id="all-heading"'));
  return Object.fromEntries([...table.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="n">([^<]*)<\/td><td class="n">([^<]*)<\/td>/g)]
    .map((m) => [unescapeHtml(m[1]), [m[2], m[3]]]));
}
const byKey = (rows) => Object.fromEntries(rows.slice(1).map((r) => [`${r[0]}|${r[3]}`, r]));

async function csv(v, path) {
  const r = v ? await v.get(path) : await get(path);
  assert.equal(r.status, 200, `${path}: ${r.text.slice(0, 300)}`);
  const text = typeof r.body === 'object' && r.body ? r.body.toString('utf8') : r.text;
  assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark first');
  return parseCsv(text.slice(1));
}

function minutes(from, to, column, scope = '') {
  return Number(sql(`SELECT ifnull(sum(a.${column}), 0) FROM activity a JOIN partnership p ON p.id = a.partnership_id
    WHERE a.held_on BETWEEN '${from}' AND '${to}'${scope}`));
}

// Checks the page's table and both CSVs against expected() for fy (calendar years here).
async function agreeEverywhere(v, query, from, to, prevFrom, prevTo, scope = {}, scopeSql = '') {
  const want = expected(from, to, scope), before = expected(prevFrom, prevTo, scope);
  const page = await v.get(`/report?${query}`);
  assert.equal(page.status, 200, page.text.slice(0, 300));
  const table = figureTable(page.text);
  const summary = byKey(await csv(v, `/report?${query}&format=csv&table=summary`));
  const labels = Object.fromEntries(Object.values(summary).map((r) => [r[0], r[1]]));
  for (const key of Object.keys(want).filter((k) => !k.startsWith('_'))) {
    assert.ok(labels[key], `the summary CSV has ${key}`);
    assert.equal(summary[`${key}|${from}`][5], String(want[key]), `${key} in the CSV`);
    assert.equal(summary[`${key}|${prevFrom}`][5], String(before[key]), `${key} of the previous period in the CSV`);
    const cell = table[labels[key]];
    assert.ok(cell, `the page shows ${labels[key]}`);
    const s = shown(key, String(want[key]));
    if (s.hoursFrom !== undefined)
      assert.equal(cell[0], minutesToTenths(minutes(from, to, key === 'staff_hours' ? 'staff_minutes' : 'volunteer_minutes', scopeSql)), key);
    else
      assert.equal(cell[0], s, `${key} on the page`);
  }
  // The imls table and the worksheet: every item, its number and variable, in the survey's order.
  const imls = await csv(v, `/report?${query}&format=csv&table=imls`);
  assert.deepEqual(imls[0], ['item', 'variable', 'label', 'value', 'from', 'to']);
  assert.deepEqual(imls.slice(1).map((r) => r[1]), Object.keys(want._imls));
  assert.deepEqual(imls.slice(1).map((r) => r[0]), [...ITEMS]);
  assert.deepEqual(Object.fromEntries(imls.slice(1).map((r) => [r[1], Number(r[3])])), want._imls);
  assert.ok(imls.slice(1).every((r) => r[4] === from && r[5] === to));
  const ws = await v.get(`/report/worksheet?${query}`);
  assert.equal(ws.status, 200, ws.text.slice(0, 300));
  assert.deepEqual(worksheetItems(ws.text), Object.fromEntries(Object.entries(want._imls).map(([k, n]) => [k, group(n)])));
  assert.equal([...ws.text.matchAll(/<strong class="passed">passed<\/strong>/g)].length, 2, 'both edit checks pass');
  const outcomes = await csv(v, `/report?${query}&format=csv&table=outcomes`);
  assert.deepEqual(outcomes[0], ['outcome', 'label', 'respondents', 'agree', 'share_percent', 'from', 'to', 'activities_asked']);
  for (const row of outcomes.slice(1)) {
    const q = row[0], agree = want._agree[q];
    // each question over the activities that asked it, with how many did
    assert.equal(row[2], String(want._askedOf[q]), `${q}: respondents asked`);
    assert.equal(row[3], String(agree));
    assert.equal(row[4], shareText(agree, want._askedOf[q]), `${q}: share`);
    assert.equal(row[7], String(want._asked[q]), `${q}: activities asked`);
  }
  return { page, want };
}

test('the demo year: page, summary, IMLS and outcomes CSVs all agree with the raw rows', async () => {
  const board = await signedIn('board');
  const { want } = await agreeEverywhere(board, 'fy=2025', '2025-01-01', '2025-12-31', '2024-01-01', '2024-12-31');
  assert.ok(want.activities > 0 && want.program_attendance > 0, 'the demo has activities in 2025');
  // The same year as a quarter at a time: each quarter agrees too, and they add up.
  let sum = 0;
  for (const [q, from, to, pf, pt] of [[1, '2025-01-01', '2025-03-31', '2024-10-01', '2024-12-31'],
    [3, '2025-07-01', '2025-09-30', '2025-04-01', '2025-06-30']]) {
    const r = await agreeEverywhere(board, `quarter=2025-Q${q}`, from, to, pf, pt);
    sum += r.want.activities;
  }
  assert.ok(sum <= want.activities);
});

test('a hand-made set: a partnership begun mid-year, money past 32 bits, zero respondents, an empty year', async () => {
  const board = await signedIn('board');
  const base = 9000 + (process.pid % 500) * 10;
  sql(`INSERT INTO org (id, name, kind, type, country, status) VALUES
    (${base}, 'Report Host ${base}', 'library', 'public', 'US', 'unlisted'),
    (${base + 1}, 'Bibliothèque ${base}', 'library', 'public', 'FR', 'unlisted'),
    (${base + 2}, 'Kulturverein ${base}', 'community', 'cultural', 'DE', 'unlisted');
    INSERT INTO org_language VALUES (${base + 1}, 'fr'), (${base + 2}, 'de'), (${base + 2}, 'en');
    INSERT INTO partnership (id, host_id, partner_id, kind, status, start_on, end_on) VALUES
    (${base}, ${base}, ${base + 1}, 'sister_library', 'active', '2019-01-01', '2021-06-30'),
    (${base + 1}, ${base}, ${base + 2}, 'community', 'active', '2020-07-01', '2021-12-31');
    INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_0_5_in, att_adult_in, library_cost_cents, staff_minutes, audience, site)
      VALUES (${base}, '2020-02-10', 'storytime', 1, 'in_person', 2, 10, 5, 3000000000, 50, '0_5', 'elsewhere');
    INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_6_11_virt, library_cost_cents, notes, audience)
      VALUES (${base}, '2020-03-05', 'videoconference', 1, 'virtual', 1, 7, 3000000000, '=HYPERLINK("http://evil.example")', '6_11');
    INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_12_18_in, att_12_18_virt, in_kind_cents, audience, site)
      VALUES (${base + 1}, '2020-07-01', 'cultural_program', 1, 'hybrid', 3, 4, 6, 1999, '12_18', 'library');
    INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_all_in, site)
      VALUES (${base + 1}, '2020-07-02', 'book_drive', 0, 'in_person', 1, 50, 'elsewhere');`);
  const scope = { host: base }, scopeSql = ` AND p.host_id = ${base}`;
  const { page, want } = await agreeEverywhere(board, `fy=2020&host=${base}`, '2020-01-01', '2020-12-31', '2019-01-01', '2019-12-31', scope, scopeSql);
  // Worked by hand: 4 activities; sessions 2 + 3 in person, 1 online; outreach 1 with 50.
  assert.deepEqual([want.activities, want.program_sessions_in_person, want.program_sessions_virtual, want.outreach_attendance], [4, 5, 1, 50]);
  assert.equal(want.library_cost, '60000000.00');	// 6,000,000,000 cents: more than a 32-bit int holds
  // By target audience (worked by hand): the storytime for 0-5 with its 5 caregivers is a 0-5 program
  // of 2 sessions and 15 attendees, held at the partner's (offsite); the teens' hybrid at the library
  // is onsite with 4 in the room and 6 online; the book drive is outreach, in no item.
  assert.deepEqual(want._imls, { TOTPRO: 6, K0_5PRO: 2, K6_11PRO: 1, YAPRO: 3, ADULTPRO: 0, GENPRO: 0,
    ONPRO: 3, OFFPRO: 2, VIRPRO: 1, TOTPRO_FMT: 6,
    TOTATTEN: 32, K0_5ATTEN: 15, K6_11ATTEN: 7, YAATTEN: 10, ADULTATTEN: 0, GENATTEN: 0,
    ONATTEN: 4, OFFATTEN: 15, VIRATTEN: 13, TOTATTEN_FMT: 32, RECPRO: 0, RECVIEW: 0 });
  assert.deepEqual([want.partnerships_active, want.partnerships_new, want.countries_reached, want.languages_reached], [2, 1, 2, 3]);
  assert.match(page.text, /No survey responses were recorded in this period\./);
  assert.match(page.text, /60,000,000\.00/);
  const outcomes = await csv(board, `/report?fy=2020&host=${base}&format=csv&table=outcomes`);
  assert.deepEqual(outcomes.slice(1).map((r) => [r[2], r[4]]), [['0', ''], ['0', ''], ['0', ''], ['0', '']]);
  // The partnership that began on 1 July, alone.
  await agreeEverywhere(board, `fy=2020&partnership=${base + 1}`, '2020-01-01', '2020-12-31', '2019-01-01', '2019-12-31',
    { partnership: base + 1 }, ` AND p.id = ${base + 1}`);
  // Every activity, every field; a formula in the notes is neutralized.
  const rows = await csv(board, `/report?fy=2020&host=${base}&format=csv&table=activities`);
  assert.equal(rows.length, 5);
  assert.deepEqual(rows[0].slice(0, 9), ['id', 'partnership', 'host', 'partner', 'held_on', 'type', 'counted_as', 'format', 'sessions']);
  const video = rows.find((r) => r[5] === 'videoconference');
  assert.deepEqual([video[1], video[2], video[3], video[4], video[6], video[7], video[8], video[rows[0].indexOf('att_6_11_virt')], video[rows[0].indexOf('library_cost')]],
    [String(base), `Report Host ${base}`, `Bibliothèque ${base}`, '2020-03-05', 'program', 'virtual', '1', '7', '30000000.00']);
  assert.equal(video.at(-1), '\'=HYPERLINK("http://evil.example")');
  assert.equal(rows.find((r) => r[5] === 'book_drive')[6], 'outreach');
  // An empty year: zeros, and says so.
  const empty = await board.get(`/report?fy=2021&host=${base}`);
  assert.match(empty.text, /No activities were recorded in this period\./);
  assert.equal(figureTable(empty.text).Activities[0], '0');
  // A partnership with nothing for 90 days is flagged; one with recent activity is not.
  const parts = await csv(board, `/report?from=2020-06-01&to=2020-12-31&host=${base}&format=csv&table=partnerships`);
  assert.deepEqual(parts[0], ['id', 'host', 'partner', 'partner_country', 'kind', 'commitment', 'status', 'start_on', 'end_on',
    'last_activity', 'activities', 'attendance', 'health']);
  const health = Object.fromEntries(parts.slice(1).map((r) => [r[0], [r[9], r[10], r[11], r[12]]]));
  assert.deepEqual(health[String(base)], ['2020-03-05', '0', '0', 'no activity in 90 days']);
  assert.deepEqual(health[String(base + 1)], ['2020-07-02', '2', '60', 'no activity in 90 days']);
  const soon = await csv(board, `/report?from=2020-06-01&to=2020-08-01&host=${base}&format=csv&table=partnerships`);
  assert.equal(soon.find((r) => r[0] === String(base + 1))[12], '');
});

test('the public sees totals only; costs, names and per-partnership tables need a sign-in', async () => {
  const pub = await get('/report?fy=2025');
  assert.equal(pub.status, 200);
  assert.match(pub.text, /This public report shows totals only/);
  assert.doesNotMatch(pub.text, /Library&#39;s cost|Partners&#39; cost|id="partnerships-heading"/);
  const partner = sql("SELECT q.name FROM partnership p JOIN org q ON q.id = p.partner_id JOIN activity a ON a.partnership_id = p.id WHERE a.held_on LIKE '2025%' LIMIT 1");
  assert.ok(!unescapeHtml(pub.text).includes(partner), 'no partner named');
  const summary = await csv(null, '/report?fy=2025&format=csv&table=summary');
  assert.ok(!summary.some((r) => r[0] === 'library_cost'), 'no money in the public summary');
  for (const path of ['/report?fy=2025&format=csv&table=activities', '/report?fy=2025&format=csv&table=partnerships', '/report?partnership=1']) {
    const r = await get(path);
    assert.equal(r.status, 303, path);
    assert.match(r.headers.get('location'), /\/staff\/sign-in/);
  }
  const board = await signedIn('board');
  const full = await board.get('/report?fy=2025');
  assert.match(full.text, /Library&#39;s cost/);
  assert.match(full.text, /id="partnerships-heading"/);
  assert.ok(unescapeHtml(full.text).includes(partner));
  // A host that is not listed is not named to the public.
  const hidden = sql("SELECT id FROM org WHERE status <> 'listed' LIMIT 1");
  assert.equal((await get(`/report?host=${hidden}`)).status, 404);
  assert.equal((await board.get(`/report?host=${hidden}`)).status, 200);
  // LIAISON_REPORT_PUBLIC=0 makes the whole report board-only.
  const closed = cgi('report', { query: 'fy=2025', env: { LIAISON_REPORT_PUBLIC: '0' } });
  assert.equal(closed.status, 303);
  assert.equal(cgi('report', { query: 'fy=2025' }).status, 200);
});

test('wrong input is a 400 that says what is allowed, and changes nothing', async () => {
  const before = sql('SELECT count(*) FROM activity_day');
  const cases = [
    ['/report?format=csv&table=everything', /table must be one of.*summary.*activities/s],
    ['/report?format=csv', /needs a table: summary, outcomes, imls, partnerships or activities/],
    ['/report?format=pdf', /format/],
    ['/report?fy=twenty', /such as 2026/],
    ['/report?quarter=2026-Q5', /Q1 to Q4/],
    ['/report?from=2026-01-01', /both from and to/],
    ['/report?from=2026-03-01&to=2026-01-01', /must not come after/],
    ['/report?from=2026-02-30&to=2026-03-01', /dates that exist/],
    ['/report?fy=2026&from=2026-01-01&to=2026-02-01', /one period/],
    ['/report?q=2', /give fy with it/],
    ['/report?host=1&partnership=1', /not both/],
    ['/report?host=abc', /host/],
  ];
  for (const [path, message] of cases) {
    const r = await get(path);
    assert.equal(r.status, 400, path);
    assert.match(unescapeHtml(r.text), message, path);
  }
  assert.equal((await get('/report?host=999999')).status, 404);
  assert.equal((await get('/report/anything')).status, 404);
  assert.equal((await get('/report', { method: 'POST' })).status, 405);
  assert.equal(sql('SELECT count(*) FROM activity_day'), before);
  // The form's fy and q mean the same as quarter=.
  const a = await get('/report?fy=2025&q=3'), b = await get('/report?quarter=2025-Q3');
  assert.equal(a.status, 200);
  assert.equal(figureTable(a.text).Activities[0], figureTable(b.text).Activities[0]);
  assert.match(a.text, /Impact report: FY2025 Q3/);
});

test('the reach map: each country of the period\'s partners, with how many, drawn and in its table', async () => {
  const r = await get('/report?quarter=2026-Q1');
  assert.equal(r.status, 200);
  const text = unescapeHtml(r.text);
  const table = text.match(/<table class="map-data">[\s\S]*?<\/table>/)[0];
  const shown = Object.fromEntries([...table.matchAll(/<tr><th scope="row">([^<]+)<\/th><td class="n">(\d+)<\/td><\/tr>/g)]
    .map(([, name, n]) => [name, Number(n)]));
  const want = Object.fromEntries(sqlRows(`SELECT c.name, count(DISTINCT o.id) FROM activity a
    JOIN partnership p ON p.id = a.partnership_id JOIN org o ON o.id = p.partner_id JOIN country c ON c.code = o.country
    WHERE a.held_on BETWEEN '2026-01-01' AND '2026-03-31' GROUP BY c.code`).map(([name, n]) => [name, Number(n)]));
  assert.ok(Object.keys(want).length >= 2, 'the demo quarter reaches several countries');
  assert.deepEqual(shown, want);
  // Each is shaded on the map with the same figure, and the caption says what is counted.
  for (const [name, n] of Object.entries(want))
    assert.ok(text.includes(`<title>${name}: ${n} partner${n === 1 ? '' : 's'}</title>`), name);
  assert.match(text, /<title id="reach-map-title">Partners active in this period, by country<\/title>/);
  // A period with no activity: an empty map that says so, not an error.
  const empty = unescapeHtml((await get('/report?from=1990-01-01&to=1990-02-01')).text);
  assert.match(empty, /<desc id="reach-map-desc">A world map\. Partners active in this period, by country: none yet\.<\/desc>/);
});
