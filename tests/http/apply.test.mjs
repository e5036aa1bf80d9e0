// apply.test.mjs - the public application form through real nginx: a valid application is
// stored once, as pending, and every refusal (each field's error, CSRF, honeypot, too fast,
// too many, duplicate, too large) re-displays the form with nothing lost and nothing stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  get, sql, sqlRows, request, formBody, Visitor, csrfOf, fieldError, inputValue, mintToken,
  application, unescapeHtml,
} from './helpers.mjs';

const pending = () => Number(sql("SELECT count(*) FROM org WHERE status = 'pending'"));
const orgs = () => Number(sql('SELECT count(*) FROM org'));
let nextAddress = 10;
// Each test applies from its own address, so the per-address limit is its own.
const address = () => `127.0.0.${nextAddress++}`;
const post = (fields, from = address()) => request('/apply', { method: 'POST', body: formBody(fields), from });

test('the form offers every choice from the tables the directory filters on', async () => {
  const r = await get('/apply');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('cache-control'), 'private, no-store');
  assert.ok(csrfOf(r.text));
  for (const name of ['name', 'name_en', 'region', 'city', 'website', 'contact_name', 'contact_email'])
    assert.match(r.text, new RegExp(`<input id="f-${name}" name="${name}"`), name);
  const options = (name) => (r.text.match(new RegExp(`<select id="f-${name}" name="${name}"[^>]*>([\\s\\S]*?)</select>`))[1]
    .match(/<option value="[^"]+"/g) ?? []).length;
  assert.equal(options('country'), Number(sql('SELECT count(*) FROM country')));
  assert.equal(options('type'), Number(sql('SELECT count(*) FROM org_type')));
  assert.equal(options('timezone'), Number(sql('SELECT count(*) FROM timezone')));
  const boxes = (name) => (r.text.match(new RegExp(`type="checkbox" id="f-${name}-\\d+" name="${name}"`, 'g')) ?? []).length;
  assert.equal(boxes('languages'), Number(sql('SELECT count(*) FROM language')));
  assert.equal(boxes('interests'), Number(sql('SELECT count(*) FROM interest')));
  assert.match(r.text, /<input type="radio" id="f-seeks-2" name="seeks" value="any" checked>/);
});

test('a valid application is stored as pending once, and answered with 303 to its reference', async () => {
  const v = new Visitor(address());
  const page = await v.get('/apply');
  await new Promise((ok) => setTimeout(ok, 1100));	// the test server wants a second's typing
  const fields = application({ csrf: csrfOf(page.text), website: 'www.rouen-bib.example', name_en: 'Rouen Library' });
  const before = pending();
  const r = await v.post('/apply', fields);
  assert.equal(r.status, 303);
  const ref = r.location.match(/^\/apply\/([0-9A-F]{5}-[0-9A-F]{5})$/)[1];
  assert.equal(pending(), before + 1);
  const [row] = sqlRows(`SELECT o.name, o.name_en, o.kind, o.type, o.country, o.city, o.website, o.ages,
    o.utc_offset_min, o.languages_text, o.interests_text, o.seeks, o.email_public, o.status, a.state
    FROM application a JOIN org o ON o.id = a.org_id WHERE a.reference = '${ref}'`);
  assert.deepEqual(row, [fields.name, 'Rouen Library', 'library', 'public', 'FR', 'Rouen',
    'https://www.rouen-bib.example', '10', '60', 'English; French', 'Pen-pal exchange; Videoconference',
    'library', '0', 'pending', 'new']);
  assert.equal(sql(`SELECT count(*) FROM audit a JOIN application p ON p.org_id = a.org_id
    WHERE p.reference = '${ref}' AND a.action = 'applied' AND a.actor = 'applicant'`), '1');

  const done = await v.get(r.location);
  assert.equal(done.status, 200);
  assert.match(done.text, new RegExp(`<strong class="reference">${ref}</strong>`));
  assert.match(done.text, /waiting for review/);

  // The same form sent again (a reload, a double click) finds the same application.
  const again = await v.post('/apply', fields);
  assert.equal(again.status, 303);
  assert.equal(again.location, r.location);
  assert.equal(pending(), before + 1);

  // Pending: not in the directory, not in search.
  const id = sql(`SELECT org_id FROM application WHERE reference = '${ref}'`);
  assert.equal((await get(`/list/${id}`)).status, 404);
  assert.doesNotMatch((await get(`/search?q=${encodeURIComponent(fields.name)}`)).text, new RegExp(`/list/${id}"`));
});

// Each case: the field, what is sent, and what the message beside it must say.
const bad = [
  ['name', '', /^Enter name of the organization\.$/],
  ['name', 'x'.repeat(201), /^Shorten name of the organization to 200 characters or fewer \(it has 201\)\.$/],
  ['name', 'Bad\u0007name', /control characters/],
  ['name_en', 'é'.repeat(201), /200 characters or fewer \(it has 201\)/],
  ['type', 'spaceship', /^Choose type of organization from the list\.$/],
  ['type', '', /^Choose type of organization\.$/],
  ['country', 'XX', /^Choose country from the list\.$/],
  ['region', 'r'.repeat(101), /100 characters/],
  ['city', '   ', /^Enter city or town\.$/],
  ['website', 'javascript:alert(1)', /^Enter a web address like https:\/\/www\.library\.org\.$/],
  ['website', 'ftp://files.example', /web address/],
  ['website', 'no spaces allowed.example/a b', /web address/],
  ['description', 'd'.repeat(2001), /2000 characters/],
  ['languages', [], /^Choose at least one: languages you work in\.$/],
  ['languages', ['fr', 'xx'], /^Choose languages you work in from the list\.$/],
  ['interests', [], /^Choose at least one/],
  ['interests', ['gardening'], /from the list/],
  ['ages', ['3'], /from the list/],
  ['timezone', 'Mars/Olympus_Mons', /^Choose time zone from the list\.$/],
  ['seeks', 'robots', /from the list/],
  ['seeking_text', 's'.repeat(1001), /1000 characters/],
  ['commitment', 'eternal', /from the list/],
  ['contact_name', '', /^Enter your name\.$/],
  ['contact_email', 'not-an-address', /^Enter an email address like name@library\.org\.$/],
  ['contact_email', 'a@b', /email address/],
  ['contact_email', `${'x'.repeat(250)}@l.org`, /254 characters/],
];

test('every field says what is wrong beside it, keeps what was typed, and stores nothing', async () => {
  const before = orgs();
  for (const [field, value, message] of bad) {
    const fields = application({ [field]: value });
    const r = await post(fields);
    assert.equal(r.status, 400, `${field}=${value}`);
    assert.match(fieldError(r.text, field) ?? '', message, `${field}=${JSON.stringify(value).slice(0, 40)}`);
    assert.match(r.text, new RegExp(`<a href="#f-${field}">`), `summary links to ${field}`);
    assert.match(r.text, /aria-invalid="true"|class="field choices bad"/);
    // What was typed elsewhere is still there.
    if (field !== 'contact_name') assert.equal(inputValue(r.text, 'contact_name'), 'Camille Martin');
    if (field !== 'name') assert.equal(inputValue(r.text, 'name'), fields.name);
    if (field !== 'interests') assert.match(r.text, /name="interests" value="videoconference" checked>/);
  }
  assert.equal(orgs(), before);
});

test('several problems at once are all listed, and the checked boxes stay checked', async () => {
  const r = await post(application({ name: '', contact_email: 'nope', interests: ['storytime'] }));
  assert.equal(r.status, 400);
  assert.match(r.text, /There are 2 problems with this form/);
  assert.ok(fieldError(r.text, 'name') && fieldError(r.text, 'contact_email'));
  assert.match(r.text, /name="interests" value="storytime" checked>/);
  assert.doesNotMatch(r.text, /name="interests" value="pen_pals" checked>/);
  assert.match(r.text, /<option value="FR" selected>France<\/option>/);
  // The languages box scrolls, so what is ticked in it is named above it.
  assert.match(r.text, /<p class="chosen">Chosen: English, French<\/p>/);
  assert.match(r.text, /<textarea id="f-description" name="description"[^>]*>A public library on the Seine\.<\/textarea>/);
});

test('CSRF: a missing, altered, foreign or expired token is refused with 403 and the form kept', async () => {
  const before = orgs();
  const good = mintToken();
  const altered = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
  const cases = [
    [undefined, /could not be checked/],
    ['', /could not be checked/],
    ['zz', /could not be checked/],
    [altered, /could not be checked/],
    [mintToken({ purpose: 'staff' }), /could not be checked/],
    [mintToken({ age: 13 * 3600 }), /more than 12 hours ago/],
  ];
  for (const [csrf, message] of cases) {
    const fields = application({ csrf });
    const r = await post(fields);
    assert.equal(r.status, 403, String(csrf));
    assert.match(unescapeHtml(r.text), message);
    assert.equal(inputValue(r.text, 'name'), fields.name);
    assert.ok(csrfOf(r.text) && csrfOf(r.text) !== csrf, 'a fresh token comes with the form');
  }
  assert.equal(orgs(), before);
});

test('a form sent faster than a person can type is refused', async () => {
  const before = orgs();
  const r = await post(application({ csrf: mintToken({ age: 0 }) }));
  assert.equal(r.status, 400);
  assert.match(r.text, /faster than a person can fill it in/);
  assert.equal(orgs(), before);
});

test('the honeypot field must stay empty', async () => {
  const before = orgs();
  const r = await post(application({ url: 'http://cheap-pills.example' }));
  assert.equal(r.status, 400);
  assert.match(unescapeHtml(r.text), /“Leave this empty” must be empty/);
  assert.equal(orgs(), before);
  // It is hidden from people but present, and not in the tab order.
  assert.match((await get('/apply')).text, /<div class="trap">[\s\S]*tabindex="-1"/);
});

test('an address may send 5 applications an hour; the 6th is refused, others are not', async () => {
  const from = address();
  for (let i = 0; i < 5; i++) assert.equal((await post(application(), from)).status, 303);
  const before = orgs();
  const fields = application();
  const r = await post(fields, from);
  assert.equal(r.status, 429);
  assert.match(r.text, /already sent 5 applications in the last hour/);
  assert.equal(inputValue(r.text, 'name'), fields.name);
  assert.equal(orgs(), before);
  // Only a keyed hash of the address is kept.
  assert.equal(sql(`SELECT count(*) FROM apply_attempt WHERE addr_hash = CAST('${from}' AS BLOB)`), '0');
  assert.equal((await post(application(), address())).status, 303);
});

test('the same organization, pending or listed, is not applied for twice', async () => {
  const before = orgs();
  // Listed as "Biblioteca Pública Municipal de Pereira" in Colombia: case, accents and
  // punctuation do not make it another organization.
  let r = await post(application({ name: 'biblioteca publica municipal de PEREIRA!', country: 'CO', timezone: 'America/Bogota' }));
  assert.equal(r.status, 400);
  assert.match(fieldError(r.text, 'name'), /already in the directory/);
  r = await post(application({ name: 'Community Garden Readers', country: 'US', timezone: 'America/Chicago' }));
  assert.equal(r.status, 400);
  assert.match(fieldError(r.text, 'name'), /already waiting for review/);
  assert.equal(orgs(), before);
  // A longer name, or the same name in another country, is another organization.
  assert.equal((await post(application({ name: 'Biblioteca Pública Municipal de Pereira Norte', country: 'CO' }))).status, 303);
  assert.equal((await post(application({ name: 'Biblioteca Pública Municipal de Pereira', country: 'ES' }))).status, 303);
});

test('a body over the limit gets 413 and nothing is stored', async () => {
  const before = orgs();
  const r = await post(application({ description: 'x'.repeat(40000) }));
  assert.equal(r.status, 413);
  assert.equal(orgs(), before);
  const wrongType = await request('/apply', { method: 'POST', body: 'name=x', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
  assert.equal(wrongType.status, 415);
});

test('20 applications at once make exactly 20 pending rows and no error page', async () => {
  const before = pending();
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
    post(application(), `127.0.1.${i + 1}`)));
  assert.deepEqual(results.map((r) => r.status), Array(20).fill(303));
  assert.ok(results.every((r) => !/locked|busy/i.test(r.text)));
  assert.equal(pending(), before + 20);
  assert.equal(new Set(results.map((r) => r.headers.location)).size, 20);
});

test('wrong methods and unknown references', async () => {
  const put = await request('/apply', { method: 'PUT', body: '' });
  assert.equal(put.status, 405);
  assert.equal(put.headers.allow, 'GET, HEAD, POST');
  assert.equal((await get('/apply/00000-00000')).status, 404);
  assert.equal((await get('/apply/not-a-reference')).status, 404);
  assert.equal((await request('/apply/00000-00000', { method: 'POST', body: '' })).status, 405);
});

const xss = '<script>alert(1)</script>"\'><img src=x onerror=alert(2)>';

test('markup typed into any field comes back as text, never as markup', async () => {
  const text = ['name', 'name_en', 'region', 'city', 'description', 'seeking_text', 'contact_name'];
  const fields = application(Object.fromEntries(text.map((f) => [f, `${f} ${xss}`])));
  fields.contact_email = 'nope';	// so the form comes back with every value in it
  const r = await post(fields);
  assert.equal(r.status, 400);
  assert.doesNotMatch(r.text, /<script>alert|<img src=x/);
  for (const f of text) assert.ok(r.text.includes(`${f} &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img`), f);
  // Markup in choice fields is refused, and not echoed as markup either.
  const r2 = await post(application({ country: xss, languages: [xss], timezone: xss }));
  assert.equal(r2.status, 400);
  assert.doesNotMatch(r2.text, /<script>alert|<img src=x/);
});
