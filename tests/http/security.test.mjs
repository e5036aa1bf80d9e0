// security.test.mjs - what an attacker (or the owner of an account) would notice of issue 15's
// hardening: forms posted from another site refused with nothing written; the sign-in form's
// token tied to the browser that loaded it; failed sign-ins slowing the guesser's address, not
// the owner at a clean one; a new password ending the account's other sessions; redirects and
// CSV links never built from the client's Host; the apply form's minimum time not skipped by
// asking again; control characters in next=; /staff/audit's methods; CSV cells that hide a
// formula behind invisible characters or full-width signs; the security headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, get, sql, request, formBody, Visitor, csrfOf, mintToken, application, admin, signedIn,
  cgi, parseCsv, signinToken,
} from './helpers.mjs';

let nextAddress = 10;
const address = () => `127.0.11.${nextAddress++}`;
const orgs = () => Number(sql('SELECT count(*) FROM org'));
const sessionsOf = (name) => Number(sql(`SELECT count(*) FROM session s JOIN account a ON a.id = s.account_id WHERE a.name = '${name}'`));
const password = 'a long test password';
const unique = (what) => `${what}-${process.pid}-${++nextAddress}`;

// Makes an account of role named name (with the test password).
function account(name, role = 'staff') {
  const made = admin(['user', 'add', name, role], `${password}\n`);
  assert.equal(made.status, 0, made.stderr);
}
// One sign-in attempt from a new browser at address from: { status, text, v }.
async function signIn(name, pw, from) {
  const v = new Visitor(from);
  const page = await v.get('/staff/sign-in');
  const r = await v.post('/staff/sign-in', { csrf: csrfOf(page.text), name, password: pw });
  return { status: r.status, text: r.text, v, r };
}

// --- forms from other sites ---------------------------------------------------------------------

test('an application posted from another site is refused with 403 and nothing stored', async () => {
  const cases = [
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { origin: `http://evil.example:${new URL(BASE).port}` },	// the port alone is no proof
  ];
  for (const headers of cases) {
    const before = orgs();
    const r = await request('/apply', { method: 'POST', body: formBody(application()), headers, from: address() });
    assert.equal(r.status, 403, JSON.stringify(headers));
    assert.match(r.text, /sent from a page on another site, so nothing was done/);
    assert.equal(orgs(), before, JSON.stringify(headers));
  }
  // The same form from this site's own page, as browsers say it, and from curl (no header).
  for (const headers of [{ 'sec-fetch-site': 'same-origin', origin: 'https://ignored.example' },
    { origin: BASE }, { 'sec-fetch-site': 'none' }, {}]) {
    const before = orgs();
    const r = await request('/apply', { method: 'POST', body: formBody(application()), headers, from: address() });
    assert.equal(r.status, 303, JSON.stringify(headers));
    assert.equal(orgs(), before + 1);
  }
});

test('a staff action posted from another site is refused even with a live session and token', async () => {
  const v = await signedIn('staff', address());
  const r0 = await request('/apply', { method: 'POST', body: formBody(application()), from: address() });
  const id = Number(sql(`SELECT org_id FROM application WHERE reference = '${r0.headers.location.slice(-11)}'`));
  const page = await v.get(`/staff/org/${id}`);
  const audits = () => sql(`SELECT count(*) FROM audit WHERE org_id = ${id}`);
  const before = audits();
  const body = formBody({ csrf: csrfOf(page.text) });
  for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example' }]) {
    const r = await v.send(`/staff/org/${id}/approve`, { method: 'POST', body, headers });
    assert.equal(r.status, 403);
    assert.equal(sql(`SELECT status FROM org WHERE id = ${id}`), 'pending');
    assert.equal(audits(), before);
  }
  // The very same request from this site goes through: the refusal was the Origin's alone.
  const ok = await v.send(`/staff/org/${id}/approve`, { method: 'POST', body, headers: { origin: BASE } });
  assert.equal(ok.status, 303);
  assert.equal(sql(`SELECT status FROM org WHERE id = ${id}`), 'listed');
});

test('an Origin is same-site when its host is LIAISON_BASE_URL\'s or the Host the request came to', () => {
  const post = (env) => cgi('apply', { method: 'POST', body: formBody(application()),
    env: { REMOTE_ADDR: address(), ...env } });
  const base = { LIAISON_BASE_URL: 'https://partners.example/', HTTP_HOST: 'backend.internal:8080' };
  assert.equal(post({ ...base, HTTP_ORIGIN: 'https://partners.example' }).status, 303);
  assert.equal(post({ ...base, HTTP_ORIGIN: 'http://backend.internal:8080' }).status, 303);
  assert.equal(post({ ...base, HTTP_ORIGIN: 'https://PARTNERS.example' }).status, 303);
  const before = orgs();
  assert.equal(post({ ...base, HTTP_ORIGIN: 'https://partners.example.evil.example' }).status, 403);
  assert.equal(post({ ...base, HTTP_ORIGIN: 'https://evil.example' }).status, 403);
  assert.equal(post({ HTTP_HOST: 'library.example', HTTP_ORIGIN: 'http://library.example.evil.example' }).status, 403);
  assert.equal(orgs(), before);
});

// --- the sign-in form tied to its browser (login CSRF) -------------------------------------------

test('a sign-in token works only with the pre-session cookie of the browser that loaded the form', async () => {
  const name = unique('csrf-victim');
  account(name);
  const attacker = new Visitor(address());
  const page = await attacker.get('/staff/sign-in');
  const cookie = page.headers['set-cookie'].find((c) => c.startsWith('liaison_presession='));
  assert.match(cookie, /^liaison_presession=[0-9a-f]{64}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax$/);
  const token = csrfOf(page.text);
  // The attacker's page makes the visitor's browser post the attacker's form and token: with no
  // pre-session cookie, or with the visitor's own, nobody is signed in.
  const visitor = new Visitor(address());
  for (const step of ['no cookie', 'own cookie']) {
    if (step === 'own cookie') await visitor.get('/staff/sign-in');
    const r = await visitor.post('/staff/sign-in', { csrf: token, name, password });
    assert.equal(r.status, 403, step);
    assert.equal(r.headers['set-cookie']?.some((c) => c.startsWith('liaison_session=')) ?? false, false, step);
    assert.equal(sessionsOf(name), 0, step);
  }
  // A token of the old kind, bound to nothing, neither.
  const bare = await request('/staff/sign-in', { method: 'POST', from: address(),
    body: formBody({ csrf: mintToken({ purpose: 'signin' }), name, password }) });
  assert.equal(bare.status, 403);
  // In the browser that loaded it, the same token signs in; a second page keeps the cookie.
  assert.equal((await attacker.get('/staff/sign-in')).headers['set-cookie'], undefined);
  assert.equal((await attacker.post('/staff/sign-in', { csrf: token, name, password })).status, 303);
  assert.equal(sessionsOf(name), 1);
});

// --- sign-in throttling --------------------------------------------------------------------------

test('a stranger\'s failures lock a name only for addresses that failed; its owner signs in elsewhere', async () => {
  const name = unique('lockout');
  account(name);
  const stranger = address();
  for (let i = 0; i < 3; i++)
    assert.equal((await signIn(name, `guess ${i}`, stranger)).status, 400);
  const locked = await signIn(name, password, stranger);
  assert.equal(locked.status, 429);
  assert.match(locked.text, /Too many failed attempts for this name/);
  // The owner, at an address with no failures, is not kept out.
  const owner = await signIn(name, password, address());
  assert.equal(owner.status, 303);
  assert.equal((await owner.v.get('/staff/queue')).status, 200);

  // A lock renewed for long (a stranger's many failures): still only for failing addresses.
  sql(`INSERT INTO signin_failure (name_key, failures, last_at) VALUES ('${name.toLowerCase()}', 12, strftime('%s', 'now'))`);
  const again = await signIn(name, password, stranger);
  assert.equal(again.status, 429);
  assert.ok(Number(again.text.match(/Wait (\d+) seconds/)[1]) > 500, 'a long wait');
  assert.equal((await signIn(name, password, address())).status, 303);
});

test('one address trying a password on many names waits after ten failures, whatever the name', async () => {
  const name = unique('addr-owner');
  account(name);
  const guesser = address();
  for (let i = 0; i < 10; i++)
    assert.equal((await signIn(unique('nobody'), 'a guess', guesser)).status, 400, `failure ${i + 1}`);
  // The eleventh attempt is not even checked, right password or not, real name or not.
  for (const [n, pw] of [[unique('nobody'), 'a guess'], [name, password]]) {
    const r = await signIn(n, pw, guesser);
    assert.equal(r.status, 429, n);
    assert.match(r.text, /Too many failed attempts from your network address\. Wait [12] seconds?/);
  }
  assert.equal(sessionsOf(name), 0);
  // The same account from another address signs in at once.
  assert.equal((await signIn(name, password, address())).status, 303);
  // The wait doubles: after it passes, one more failure makes the next wait 2 s.
  await new Promise((ok) => setTimeout(ok, 2100));
  assert.equal((await signIn(unique('nobody'), 'a guess', guesser)).status, 400);
  const r = await signIn(name, password, guesser);
  assert.equal(r.status, 429);
  assert.match(r.text, /Wait [23] seconds/);
});

// --- a new password ends the account's sessions ------------------------------------------------

test('a new password from the accounts page signs the account out everywhere', async () => {
  const a = await signedIn('admin', address());
  const x = await signedIn('staff', address());
  const name = x.name;
  const second = await signIn(name, password, address());
  assert.equal(second.status, 303);
  assert.equal(sessionsOf(name), 2);
  const page = await a.get('/staff/accounts');
  const r = await a.post('/staff/accounts/password', { csrf: csrfOf(page.text), account: name,
    new_password: 'a brand new password', new_again: 'a brand new password' });
  assert.equal(r.status, 303);
  assert.equal(sessionsOf(name), 0);
  assert.equal((await x.get('/staff/queue')).status, 303);
  assert.equal((await second.v.get('/staff/queue')).status, 303);
  assert.equal((await a.get('/staff/queue')).status, 200, 'the administrator stays in');
});

test('an administrator\'s own new password keeps the session setting it and ends the others', async () => {
  const a = await signedIn('admin', address());
  const other = await signIn(a.name, password, address());
  assert.equal(other.status, 303);
  assert.equal(sessionsOf(a.name), 2);
  const page = await a.get('/staff/accounts');
  const r = await a.post('/staff/accounts/password', { csrf: csrfOf(page.text), account: a.name,
    new_password: 'my own new password', new_again: 'my own new password' });
  assert.equal(r.status, 303);
  assert.equal(sessionsOf(a.name), 1);
  assert.equal((await a.get('/staff/queue')).status, 200);
  assert.equal((await other.v.get('/staff/queue')).status, 303);
});

test('liaison-admin user password ends every session of the account', async () => {
  const x = await signedIn('staff', address());
  assert.equal(sessionsOf(x.name), 1);
  assert.equal(admin(['user', 'password', x.name], 'another new password\n').status, 0);
  assert.equal(sessionsOf(x.name), 0);
  assert.equal((await x.get('/staff/queue')).status, 303);
});

// --- links never from the client's Host -----------------------------------------------------------

test('Host: evil.example is refused by the dev server before any program, and nothing is saved', async () => {
  // The shipped nginx configurations answer only their own names (421 here, 444 installed:
  // serve and install suites); the programs never read Host at all (the CGI test below).
  const headers = { host: 'evil.example' };
  const csv = await request('/list?country=FR&format=csv', { headers });
  assert.equal(csv.status, 421);
  assert.doesNotMatch(csv.text, /evil\.example/);
  const before = sql('SELECT count(*) FROM application');
  const fields = application();
  const applied = await request('/apply', { method: 'POST', body: formBody(fields), headers, from: address() });
  assert.equal(applied.status, 421);
  assert.equal(applied.headers.location, undefined);
  assert.equal(sql('SELECT count(*) FROM application'), before);
  // The site's own name works, and its redirects name the site, not what the client typed.
  const r = await request('/apply', { method: 'POST', body: formBody({ ...fields, csrf: mintToken() }), from: address() });
  assert.equal(r.status, 303);
  assert.equal(new URL(r.headers.location).host, new URL(process.env.LIAISON_BASE).host);
});

test('absolute links come from LIAISON_BASE_URL or the server\'s own name and port', () => {
  const id = sql("SELECT id FROM org WHERE name LIKE 'Львівська%'");
  const link = (env) => {
    const r = cgi('list', { query: 'country=UA&format=csv', env: { HTTP_HOST: 'evil.example', ...env } });
    assert.equal(r.status, 200, r.stderr);
    return parseCsv(r.body.slice(1)).find((row) => row[0] === id)[20];
  };
  assert.equal(link({}), `http://library.example/cgi-bin/list.cgi/${id}`);
  assert.equal(link({ SERVER_PORT: '8080' }), `http://library.example:8080/cgi-bin/list.cgi/${id}`);
  assert.equal(link({ HTTPS: 'on', SERVER_PORT: '443' }), `https://library.example/cgi-bin/list.cgi/${id}`);
  assert.equal(link({ LIAISON_BASE_URL: 'https://partners.example/' }), `https://partners.example/cgi-bin/list.cgi/${id}`);
  assert.equal(link({ SERVER_NAME: '' }), `/cgi-bin/list.cgi/${id}`);
  assert.equal(link({ SERVER_NAME: 'evil.example/x?' }), `/cgi-bin/list.cgi/${id}`);
  const out = cgi('staff', { pathInfo: '/queue', env: { HTTP_HOST: 'evil.example', REQUEST_URI: '/cgi-bin/staff.cgi/queue' } });
  assert.equal(out.status, 303);
  assert.match(out.head, /^Location: http:\/\/library\.example\/cgi-bin\/staff\.cgi\/sign-in\?next=\/cgi-bin\/staff\.cgi\/queue\r?$/m);
});

// --- the apply form's minimum time ---------------------------------------------------------------

test('a form sent too fast, sent again at once, is still too fast; after the minimum it goes', async () => {
  const from = address();
  const before = orgs();
  // Tokens carry whole seconds: start just after a second begins, so that the two quick
  // sends below both fall inside it on a loaded machine too (straddling it made this flaky).
  while (Date.now() % 1000 > 100) await new Promise((ok) => setTimeout(ok, 5));
  const fields = application({ csrf: mintToken({ age: 0 }) });
  const first = await request('/apply', { method: 'POST', body: formBody(fields), from });
  assert.equal(first.status, 400);
  assert.match(first.text, /faster than a person can fill it in/);
  const again = await request('/apply', { method: 'POST', body: formBody({ ...fields, csrf: csrfOf(first.text) }), from });
  assert.equal(again.status, 400);
  assert.match(again.text, /faster than a person can fill it in/);
  assert.equal(orgs(), before);
  await new Promise((ok) => setTimeout(ok, 1100));	// the test server's minimum is a second
  const later = await request('/apply', { method: 'POST', body: formBody({ ...fields, csrf: csrfOf(again.text) }), from });
  assert.equal(later.status, 303);
  // A form that was open long enough and came back for a mistake may be sent again at once.
  const wrong = await request('/apply', { method: 'POST', body: formBody(application({ city: '' })), from: address() });
  assert.equal(wrong.status, 400);
  const fixed = await request('/apply', { method: 'POST', from: address(),
    body: formBody(application({ csrf: csrfOf(wrong.text) })) });
  assert.equal(fixed.status, 303);
});

// --- next=, methods ------------------------------------------------------------------------------

test('next= with any control character leads to the queue, never into Location', async () => {
  const v = await signedIn('board', address());
  for (const next of ['/\t/evil.example', '/\x0b/evil.example', '/staff/stale\x01', '/staff/stale\x7f', '/\r\n/evil.example']) {
    const r = await v.get(`/staff/sign-in?next=${encodeURIComponent(next)}`);
    assert.equal(r.status, 303, JSON.stringify(next));
    assert.equal(r.location, '/staff/queue', JSON.stringify(next));
    assert.ok(r.headers.location.startsWith(`${process.env.LIAISON_BASE}/`), r.headers.location);
  }
  assert.equal((await v.get('/staff/sign-in?next=/staff/stale')).location, '/staff/stale');
});

test('/staff/audit and /staff/sign-in answer only their methods', async () => {
  const a = await signedIn('admin', address());
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const r = await a.send('/staff/audit', { method, body: '' });
    assert.equal(r.status, 405, method);
    assert.equal(r.headers.allow, 'GET, HEAD');
    const s = await a.send('/staff/sign-in', { method: method === 'POST' ? 'PUT' : method, body: '' });
    assert.equal(s.status, 405, method);
    assert.equal(s.headers.allow, 'GET, HEAD, POST');
  }
  assert.equal((await a.send('/staff/audit', { method: 'HEAD' })).status, 200);
  assert.equal((await a.get('/staff/audit')).status, 200);
});

test('every program answers a path, a method and a role the same way, from its route table', async () => {
  const org = Number(sql("SELECT id FROM org WHERE status = 'listed' LIMIT 1"));
  const pid = Number(sql('SELECT id FROM partnership ORDER BY id LIMIT 1'));
  const aid = Number(sql(`SELECT id FROM activity WHERE partnership_id = ${pid} ORDER BY id LIMIT 1`));
  // A visitor is sent to sign in before learning anything of a staff address, its methods included.
  for (const [path, method] of [['/staff/audit', 'PUT'], ['/staff/queue', 'DELETE'], [`/partnerships/${pid}`, 'PUT'], ['/import/nowhere', 'GET']]) {
    const r = await request(path, { method, body: method === 'GET' ? undefined : '' });
    assert.equal(r.status, 303, `${method} ${path}`);
    assert.match(r.headers.location, /\/staff\/sign-in/, `${method} ${path}`);
  }
  // Signed in, a method the path does not take is 405 with what it does take.
  const s = await signedIn('staff', address());
  for (const [path, method, allow] of [
    [`/staff/org/${org}/approve`, 'GET', 'POST'],
    [`/staff/org/${org}`, 'PUT', 'GET, HEAD, POST'],
    [`/partnerships/${pid}`, 'POST', 'GET, HEAD'],
    [`/partnerships/${pid}/activities/${aid}/delete`, 'PUT', 'GET, HEAD, POST'],
    ['/import/template', 'POST', 'GET, HEAD'],
  ]) {
    const r = await s.send(path, { method, body: method === 'GET' ? undefined : '' });
    assert.equal(r.status, 405, `${method} ${path}`);
    assert.equal(r.headers.allow, allow, `${method} ${path}`);
  }
  // An id is 1 to 15 digits without a leading zero, in every program.
  for (const path of [`/list/0${org}`, '/list/0', `/list/${org}x`, '/list/1234567890123456', `/partnerships/0${pid}`, `/staff/org/0${org}`])
    assert.equal((path.startsWith('/list') ? await get(path) : await s.get(path)).status, 404, path);
  assert.equal((await get(`/list/${org}/`)).status, 404);
  assert.equal((await get('/list/')).status, 200);
  // A board account reads an activity but may neither save it nor open its delete page.
  const b = await signedIn('board', address());
  assert.equal((await b.get(`/partnerships/${pid}/activities/${aid}`)).status, 200);
  assert.equal((await b.get(`/partnerships/${pid}/activities/${aid}/delete`)).status, 403);
  assert.equal((await b.send(`/partnerships/${pid}/activities/${aid}`, { method: 'POST', body: '' })).status, 403);
  assert.equal((await b.get('/staff/nowhere')).status, 404);
});

// --- CSV cells that hide a formula ---------------------------------------------------------------

test('CSV: a formula behind invisible characters or with full-width signs gets its apostrophe', async () => {
  const tricky = [
    '\u00a0=HYPERLINK("http://evil.example")', '\u3000=1+1', '\u200b=1+1', '\ufeff@SUM(A1)',
    '\u2003\u200c\u2060+1', ' \n=1', '\u202f\u205f-1', '\uff1d1+1', '\uff0b1', '\uff0d1',
    '\uff20SUM(A1)', '\ufe621', '\ufe631', '\ufe661', '\u22121', '\u00a0\uff1d1',
  ];
  const plain = ['\u00a0Paris', 'a=1', '\u200eLibrary'];
  const tag = unique('csvtrap');
  const values = [...tricky, ...plain].map((name, i) =>
    `('${name.replace(/'/g, "''")}', '${tag}-${i}', 'library', 'public', 'IS', 'Reykjavik', '', 1, 'listed', date('now'))`);
  sql(`INSERT INTO org (name, name_en, kind, type, country, city, description, seeking, status, confirmed_on) VALUES ${values.join(',')}`);
  const r = await get('/list?country=IS&format=csv');
  assert.equal(r.status, 200);
  const rows = parseCsv(r.text.slice(1));
  tricky.forEach((name, i) => {
    const row = rows.find((x) => x[2] === `${tag}-${i}`);
    assert.equal(row[1], `'${name}`, JSON.stringify(name));
    assert.ok(r.body.includes(Buffer.from(`"'${name.replace(/"/g, '""')}"`)), JSON.stringify(name));
  });
  plain.forEach((name, i) => {
    assert.equal(rows.find((x) => x[2] === `${tag}-${tricky.length + i}`)[1], name, JSON.stringify(name));
  });
});

// --- headers -------------------------------------------------------------------------------------

test('every answer pins base-uri and form-action; HSTS only over HTTPS', async () => {
  for (const path of ['/list', '/apply', '/staff/sign-in', '/list/999999']) {
    const r = await get(path);
    assert.equal(r.headers.get('content-security-policy'),
      "default-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'", path);
    assert.equal(r.headers.get('strict-transport-security'), null, path);
  }
  // (With the page cache off: a kept page is answered with the headers it was made with.)
  const env = { LIAISON_PAGE_CACHE: '0' };
  for (const [program, pathInfo] of [['list', ''], ['list', '/999999'], ['apply', ''], ['staff', '/sign-in']]) {
    const hsts = (https) => cgi(program, { pathInfo, env: { ...env, ...(https ? { HTTPS: https } : {}) } }).head;
    assert.match(hsts('on'), /^Strict-Transport-Security: max-age=31536000\r?$/m, program + pathInfo);
    assert.doesNotMatch(hsts('off'), /Strict-Transport-Security/, program + pathInfo);
    assert.doesNotMatch(hsts(''), /Strict-Transport-Security/, program + pathInfo);
  }
});
