// staff.test.mjs - the signed-in side through real nginx: sign-in and its delay, roles, the
// review queue, approving (the entry is in /list and /search on the next request), rejecting,
// waiting, editing, keeping entries current, the audit log, and CSRF on every change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  get, sql, sqlRows, request, formBody, Visitor, csrfOf, fieldError, mintToken, application,
  admin, signedIn, cgi, listedOrgs, signinToken,
} from './helpers.mjs';

let nextAddress = 10;
const address = () => `127.0.2.${nextAddress++}`;

// A new application through the public form; returns its organization id.
async function apply(overrides = {}) {
  const r = await request('/apply', { method: 'POST', body: formBody(application(overrides)), from: address() });
  assert.equal(r.status, 303);
  const ref = r.headers.location.match(/([0-9A-F]{5}-[0-9A-F]{5})$/)[1];
  return Number(sql(`SELECT org_id FROM application WHERE reference = '${ref}'`));
}
const statusOf = (id) => sql(`SELECT status FROM org WHERE id = ${id}`);
// Posts a staff form with the token the page carries.
async function act(v, id, action, fields = {}) {
  const page = await v.get(`/staff/org/${id}`);
  return v.post(`/staff/org/${id}${action ? '/' + action : ''}`, { ...fields, csrf: csrfOf(page.text) });
}

test('every staff page sends a visitor without a session to sign in, and back after', async () => {
  const id = Number(sql("SELECT id FROM org WHERE status = 'listed' LIMIT 1"));
  for (const path of ['/staff', '/staff/queue', '/staff/entries?q=a', '/staff/stale', '/staff/audit', `/staff/org/${id}`, '/staff/nowhere']) {
    const r = await request(path);
    assert.equal(r.status, 303, path);
    assert.match(r.headers.location, /\/staff\/sign-in(\?next=|$)/, path);
  }
  assert.match((await request('/staff/entries?q=a')).headers.location, /next=\/staff\/entries%3Fq%3Da$/);
  for (const path of [`/staff/org/${id}`, `/staff/org/${id}/approve`, '/staff/sign-out']) {
    const r = await request(path, { method: 'POST', body: formBody({ csrf: mintToken({ purpose: 'staff' }) }) });
    assert.equal(r.status, 303, path);
  }
  assert.equal(statusOf(id), 'listed');
});

test('signing in: a wrong password is refused; a right one sets a strict, HttpOnly cookie', async () => {
  const made = admin(['user', 'add', 'signin-test', 'staff'], 'a long test password\n');
  assert.equal(made.status, 0, made.stderr);
  const v = new Visitor(address());
  let page = await v.get('/staff/sign-in');
  let r = await v.post('/staff/sign-in', { csrf: csrfOf(page.text), name: 'signin-test', password: 'wrong password' });
  assert.equal(r.status, 400);
  assert.match(r.text, /The name or password is not right/);
  assert.equal(r.headers['set-cookie'], undefined);
  assert.doesNotMatch(r.text, /wrong password/, 'a password is never sent back');
  page = await v.get('/staff/sign-in?next=/staff/stale');
  r = await v.post('/staff/sign-in', { csrf: csrfOf(page.text), name: 'SIGNIN-TEST', password: 'a long test password', next: '/staff/stale' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/staff/stale');
  const cookie = r.headers['set-cookie'][0];
  assert.match(cookie, /^liaison_session=[0-9a-f]{64}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict$/);
  // The database keeps a hash of the token, never the token.
  const token = cookie.match(/=([0-9a-f]{64})/)[1];
  assert.equal(sql(`SELECT count(*) FROM session WHERE hex(token_hash) = upper('${token}')`), '0');
  assert.equal(Number(sql(`SELECT count(*) FROM session s JOIN account a ON a.id = s.account_id WHERE a.name = 'signin-test'`)), 1);
  assert.equal((await v.get('/staff/stale')).status, 200);
  // next= never leads off the site.
  page = await v.get('/staff/sign-in');
  const w = new Visitor();
  const p2 = await w.get('/staff/sign-in');
  r = await w.post('/staff/sign-in', { csrf: csrfOf(p2.text), name: 'signin-test', password: 'a long test password', next: '//evil.example/x' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/staff/queue');
});

test('after three failures the wait doubles, and even the right password waits', async () => {
  const made = admin(['user', 'add', 'delay-test', 'staff'], 'a long test password\n');
  assert.equal(made.status, 0, made.stderr);
  const v = new Visitor(address());	// its failures are its own address's (security.test.mjs)
  const page = await v.get('/staff/sign-in');
  const token = csrfOf(page.text);
  for (let i = 0; i < 3; i++)
    assert.equal((await v.post('/staff/sign-in', { csrf: token, name: 'delay-test', password: `guess ${i}` })).status, 400);
  const r = await v.post('/staff/sign-in', { csrf: token, name: 'delay-test', password: 'a long test password' });
  assert.equal(r.status, 429);
  assert.match(r.text, /Too many failed attempts for this name\. Wait [12] seconds?/);
  await new Promise((ok) => setTimeout(ok, 2100));
  assert.equal((await v.post('/staff/sign-in', { csrf: token, name: 'delay-test', password: 'a long test password' })).status, 303);
  assert.equal(sql("SELECT count(*) FROM signin_failure WHERE name_key = 'delay-test'"), '0');
  // Names that do not exist are delayed the same way.
  for (let i = 0; i < 3; i++) await v.post('/staff/sign-in', { csrf: token, name: 'nobody-at-all', password: 'x' });
  assert.equal((await v.post('/staff/sign-in', { csrf: token, name: 'nobody-at-all', password: 'x' })).status, 429);
});

test('the queue lists pending applications oldest first', async () => {
  const v = await signedIn('board');
  await apply();
  const r = await v.get('/staff/queue');
  assert.equal(r.status, 200);
  const shown = [...r.text.matchAll(/<td><a href="\/staff\/org\/(\d+)"/g)].map((m) => m[1]);
  const expected = sqlRows("SELECT org_id FROM application WHERE state IN ('new', 'waiting') ORDER BY submitted_at, org_id").map((x) => x[0]);
  assert.deepEqual(shown, expected);
});

test('a board account reads but cannot approve or edit', async () => {
  const v = await signedIn('board');
  const id = await apply();
  const page = await v.get(`/staff/org/${id}`);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.text, /\/approve"/);
  assert.match(page.text, /<fieldset class="plain" disabled>/);
  const token = mintToken({ purpose: 'staff', binding: 'x' });
  assert.equal((await v.post(`/staff/org/${id}/approve`, { csrf: token })).status, 403);
  assert.equal((await v.post(`/staff/org/${id}`, { csrf: token, ...application() })).status, 403);
  assert.equal((await v.get('/staff/audit')).status, 403);
  assert.equal(statusOf(id), 'pending');
});

test('approving lists the entry: it is in /list and /search on the very next request', async () => {
  const v = await signedIn('staff');
  const word = `zebrafinch${process.pid}`;
  const id = await apply({ description: `Home of the ${word} reading club.` });
  assert.equal((await get(`/list/${id}`)).status, 404);
  const r = await act(v, id, 'approve');
  assert.equal(r.status, 303);
  assert.equal(r.location, `/staff/org/${id}?done=approve`);
  assert.match((await v.get(r.location)).text, /Done: approved\./);
  assert.deepEqual(sqlRows(`SELECT o.status, o.confirmed_on = date('now'), a.state, a.decided_by FROM org o JOIN application a ON a.org_id = o.id WHERE o.id = ${id}`)[0],
    ['listed', '1', 'approved', v.name]);
  assert.equal((await get(`/list/${id}`)).status, 200);
  assert.deepEqual(listedOrgs((await get(`/search?q=${word}`)).text).map((o) => o.id), [id]);
  const changes = sqlRows(`SELECT c.field, c.old_value, c.new_value FROM audit a JOIN audit_change c ON c.audit_id = a.id
    WHERE a.org_id = ${id} AND a.action = 'approved' AND a.actor = '${v.name}' ORDER BY c.seq`);
  assert.deepEqual(changes.map((c) => c[0]), ['status', 'confirmed_on', 'application']);
  assert.deepEqual(changes[0], ['status', 'pending', 'listed']);
  // Approving twice is a conflict, not a second change.
  assert.equal((await v.post(`/staff/org/${id}/approve`, { csrf: csrfOf((await v.get(`/staff/org/${id}`)).text) })).status, 409);
});

test('rejecting and asking for information need a reason', async () => {
  const v = await signedIn('staff');
  const id = await apply();
  let r = await act(v, id, 'reject', { note: '' });
  assert.equal(r.status, 400);
  assert.match(r.text, /Write the reason/);
  assert.equal(statusOf(id), 'pending');
  r = await act(v, id, 'wait', { note: 'Which branch is this?' });
  assert.equal(r.status, 303);
  assert.deepEqual(sqlRows(`SELECT state, note FROM application WHERE org_id = ${id}`)[0], ['waiting', 'Which branch is this?']);
  assert.match((await v.get('/staff/queue')).text, /waiting: Which branch is this\?/);
  const ref = sql(`SELECT reference FROM application WHERE org_id = ${id}`);
  assert.match((await get(`/apply/${ref}`)).text, /Staff have a question[\s\S]*Which branch is this\?/);
  r = await act(v, id, 'reject', { note: 'Not a library or community group.' });
  assert.equal(r.status, 303);
  assert.equal(statusOf(id), 'rejected');
  assert.match((await get(`/apply/${ref}`)).text, /was not accepted[\s\S]*Not a library or community group\./);
  assert.equal((await get(`/list/${id}`)).status, 404);
});

test('editing saves every change with its old and new value; errors save nothing', async () => {
  const v = await signedIn('staff');
  const id = await apply({ city: 'Rouen', languages: ['fr'] });
  const fields = application({ city: 'Le Havre', languages: ['fr', 'de'] });
  fields.name = sql(`SELECT name FROM org WHERE id = ${id}`);
  let r = await act(v, id, '', fields);
  assert.equal(r.status, 303);
  assert.equal(r.location, `/staff/org/${id}?done=edited`);
  assert.deepEqual(sqlRows(`SELECT city, languages_text FROM org WHERE id = ${id}`)[0], ['Le Havre', 'French; German']);
  const changes = sqlRows(`SELECT c.field, c.old_value, c.new_value FROM audit a JOIN audit_change c ON c.audit_id = a.id
    WHERE a.org_id = ${id} AND a.action = 'edited' ORDER BY c.seq`);
  assert.deepEqual(changes.filter((c) => c[0] === 'city' || c[0] === 'languages'),
    [['city', 'Rouen', 'Le Havre'], ['languages', 'French', 'French; German']]);
  const page = await v.get(`/staff/org/${id}`);
  assert.match(page.text, /<span class="field-name">city<\/span>: <del>Rouen<\/del> → <ins>Le Havre<\/ins>/);
  r = await act(v, id, '', { ...fields, city: '', contact_email: 'x' });
  assert.equal(r.status, 400);
  assert.ok(fieldError(r.text, 'city') && fieldError(r.text, 'contact_email'));
  assert.equal(sql(`SELECT city FROM org WHERE id = ${id}`), 'Le Havre');
});

test('two people editing one entry: the second is told what the first saved, and overwrites nothing', async () => {
  const one = await signedIn('staff'), two = await signedIn('admin');
  const id = await apply({ city: 'Rouen', region: 'Normandie' });
  const fields = application();
  fields.name = sql(`SELECT name FROM org WHERE id = ${id}`);
  const seenOf = (html) => html.match(/name="seen" value="([0-9a-f]+)"/)[1];
  const pageOne = await one.get(`/staff/org/${id}`), pageTwo = await two.get(`/staff/org/${id}`);
  let r = await one.post(`/staff/org/${id}`, { ...fields, city: 'Caen', csrf: csrfOf(pageOne.text), seen: seenOf(pageOne.text) });
  assert.equal(r.status, 303);
  r = await two.post(`/staff/org/${id}`, { ...fields, region: 'Calvados', csrf: csrfOf(pageTwo.text), seen: seenOf(pageTwo.text) });
  assert.equal(r.status, 409);
  assert.match(r.text, /someone else saved this entry while you were editing/);
  assert.equal(fieldError(r.text, 'city'), 'Saved meanwhile by someone else: “Caen”. Keep yours or change it, then save again.');
  assert.equal(fieldError(r.text, 'region'), null);	// only the second changed it
  assert.deepEqual(sqlRows(`SELECT city, region FROM org WHERE id = ${id}`)[0], ['Caen', 'Normandie']);
  r = await two.post(`/staff/org/${id}`, { ...fields, city: 'Caen', region: 'Calvados', csrf: csrfOf(r.text), seen: seenOf(r.text) });
  assert.equal(r.status, 303);
  assert.deepEqual(sqlRows(`SELECT city, region FROM org WHERE id = ${id}`)[0], ['Caen', 'Calvados']);
});

test('confirm, unlist, list again and archive; nothing is ever deleted', async () => {
  const v = await signedIn('staff');
  const id = await apply();
  await act(v, id, 'approve');
  sql(`UPDATE org SET confirmed_on = date('now', '-400 days') WHERE id = ${id}`);
  assert.equal((await act(v, id, 'confirm')).status, 303);
  assert.equal(sql(`SELECT confirmed_on = date('now') FROM org WHERE id = ${id}`), '1');
  assert.equal((await act(v, id, 'unlist')).status, 303);
  assert.equal(statusOf(id), 'unlisted');
  assert.equal((await get(`/list/${id}`)).status, 404);
  assert.equal((await act(v, id, 'relist')).status, 303);
  assert.equal(statusOf(id), 'listed');
  assert.equal((await act(v, id, 'archive')).status, 303);
  assert.equal(statusOf(id), 'archived');
  assert.equal((await get(`/list/${id}`)).status, 404);
  assert.equal((await act(v, id, 'relist')).status, 409);
  assert.deepEqual(sqlRows(`SELECT action FROM audit WHERE org_id = ${id} ORDER BY id`).map((x) => x[0]),
    ['applied', 'approved', 'confirmed', 'unlisted', 'listed again', 'archived']);
  assert.equal((await act(v, id, 'explode')).status, 404);
});

test('the stale page lists entries not confirmed for a year, oldest first, and confirms them', async () => {
  const v = await signedIn('staff');
  // An entry of this test's own, confirmed long ago, so that others' data is left alone.
  const own = await apply();
  await act(v, own, 'approve');
  sql(`UPDATE org SET confirmed_on = '1990-01-01' WHERE id = ${own}`);
  const r = await v.get('/staff/stale');
  assert.equal(r.status, 200);
  const shown = [...r.text.matchAll(/<td><a href="\/staff\/org\/(\d+)"/g)].map((m) => m[1]);
  const expected = sqlRows(`SELECT id FROM org WHERE status = 'listed' AND (confirmed_on IS NULL OR confirmed_on < date('now', '-12 months'))
    ORDER BY confirmed_on, id LIMIT 50`).map((x) => x[0]);
  assert.ok(expected.length > 0);
  assert.deepEqual(shown, expected);
  assert.ok(shown.includes(String(own)));
  assert.match(r.text, new RegExp(`action="/staff/org/${own}/confirm"`));
  const c = await v.post(`/staff/org/${own}/confirm`, { csrf: csrfOf(r.text), back: 'stale' });
  assert.equal(c.status, 303);
  assert.equal(c.location, '/staff/stale');
  assert.doesNotMatch((await v.get('/staff/stale')).text, new RegExp(`/staff/org/${own}"`));
});

test('CSRF on staff forms: missing, foreign, expired and from another session are refused', async () => {
  const a = await signedIn('staff');
  const b = await signedIn('staff');
  const id = await apply();
  const tokenB = csrfOf((await b.get(`/staff/org/${id}`)).text);
  const cases = [undefined, '', tokenB, mintToken({ purpose: 'staff', binding: '', age: 5 }), mintToken({ purpose: 'apply' })];
  for (const csrf of cases)
    assert.equal((await a.post(`/staff/org/${id}/approve`, { csrf })).status, 403, String(csrf));
  // An expired token of a's own session: made from the session binding the server uses.
  const binding = sql(`SELECT lower(hex(substr(token_hash, 1, 16))) FROM session s JOIN account x ON x.id = s.account_id WHERE x.name = '${a.name}'`);
  assert.equal((await a.post(`/staff/org/${id}/approve`, { csrf: mintToken({ purpose: 'staff', binding, age: 13 * 3600 }) })).status, 403);
  assert.equal(statusOf(id), 'pending');
  assert.equal((await a.post(`/staff/org/${id}/approve`, { csrf: mintToken({ purpose: 'staff', binding, age: 5 }) })).status, 303);
  assert.equal(statusOf(id), 'listed');
});

test('the audit log is for admins, newest first, with old and new values', async () => {
  const staff = await signedIn('staff');
  assert.equal((await staff.get('/staff/audit')).status, 403);
  const v = await signedIn('admin');
  const r = await v.get('/staff/audit');
  assert.equal(r.status, 200);
  const newest = sqlRows('SELECT action, actor FROM audit ORDER BY id DESC LIMIT 1')[0];
  assert.ok(r.text.indexOf(`<strong>${newest[0]}</strong>`) > 0);
  assert.match(r.text, /account created/);
});

test('signing out ends the session; a disabled account is out at once', async () => {
  const v = await signedIn('staff');
  const page = await v.get('/staff/queue');
  const old = v.cookieHeader();
  const r = await v.post('/staff/sign-out', { csrf: csrfOf(page.text) });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/staff/sign-in?out=1');
  assert.match(r.headers['set-cookie'][0], /^liaison_session=; .*Max-Age=0/);
  assert.equal((await request('/staff/queue', { headers: { cookie: old } })).status, 303);
  const w = await signedIn('staff');
  assert.equal((await w.get('/staff/queue')).status, 200);
  assert.equal(admin(['user', 'disable', w.name]).status, 0);
  assert.equal((await w.get('/staff/queue')).status, 303);
});

test('liaison-admin resets a password: the new one works, the old one no longer does', async () => {
  admin(['user', 'add', 'reset-test', 'staff'], 'the first password\n');
  assert.equal(admin(['user', 'password', 'reset-test'], 'the second password\n').status, 0);
  const short = admin(['user', 'password', 'reset-test'], 'short\n');
  assert.notEqual(short.status, 0);
  assert.match(short.stderr, /at least 10 characters/);
  const signIn = async (password) => {
    const v = new Visitor(address());
    const page = await v.get('/staff/sign-in');
    return (await v.post('/staff/sign-in', { csrf: csrfOf(page.text), name: 'reset-test', password })).status;
  };
  assert.equal(await signIn('the first password'), 400);
  assert.equal(await signIn('the second password'), 303);
  assert.equal(sql("SELECT count(*) FROM audit WHERE actor = 'liaison-admin' AND action = 'password reset' AND note = 'account reset-test'"), '1');
  assert.equal(admin(['user', 'add', 'reset-test', 'staff'], 'a long test password\n').status, 1);
  assert.equal(admin(['user', 'add', 'x', 'owner'], 'a long test password\n').status, 2);
});

test('under HTTPS the session cookie is Secure too', () => {
  const { cookie, csrf } = signinToken();
  const body = formBody({ csrf, name: 'staff', password: 'demo-password' });
  const r = cgi('staff', { method: 'POST', pathInfo: '/sign-in', body,
    env: { HTTPS: 'on', SERVER_PORT: '443', HTTP_COOKIE: cookie, REMOTE_ADDR: '127.0.2.250' } });
  assert.equal(r.status, 303);
  assert.match(r.head, /^Set-Cookie: liaison_session=[0-9a-f]{64}; Path=\/cgi-bin\/; Max-Age=43200; HttpOnly; SameSite=Strict; Secure\r?$/m);
  assert.match(r.head, /^Location: https:\/\/library\.example\/cgi-bin\/staff\.cgi\/queue\r?$/m);
});

test('REMOTE_USER is trusted only when the setting says so, and only for known accounts', () => {
  admin(['user', 'add', 'webuser', 'staff'], 'a long test password\n');
  const env = { REMOTE_USER: 'webuser', REQUEST_URI: '/cgi-bin/staff.cgi/queue' };
  assert.equal(cgi('staff', { pathInfo: '/queue', env }).status, 303);
  const ok = cgi('staff', { pathInfo: '/queue', env: { ...env, LIAISON_TRUST_REMOTE_USER: '1' } });
  assert.equal(ok.status, 200);
  assert.match(ok.body, /webuser \(staff\)/);
  const unknown = cgi('staff', { pathInfo: '/queue', env: { ...env, REMOTE_USER: 'stranger', LIAISON_TRUST_REMOTE_USER: '1' } });
  assert.equal(unknown.status, 403);
  assert.match(unknown.body, /no staff account with that name/);
});

const xss = '<script>alert(1)</script>"\'><img src=x onerror=alert(2)>';

test('markup in every field of an application is shown as text on staff and public pages', async () => {
  const v = await signedIn('staff');
  const text = ['name', 'name_en', 'region', 'city', 'description', 'seeking_text', 'contact_name'];
  const id = await apply(Object.fromEntries(text.map((f) => [f, `${f} ${xss}`])));
  for (const path of ['/staff/queue', `/staff/org/${id}`, '/staff/entries?status=pending']) {
    const r = await v.get(path);
    assert.equal(r.status, 200);
    assert.doesNotMatch(r.text, /<script>alert|<img src=x/, path);
    assert.ok(r.text.includes('name &lt;script&gt;alert(1)&lt;/script&gt;'), path);
  }
  await act(v, id, 'approve');
  const pub = await get(`/list/${id}`);
  assert.equal(pub.status, 200);
  assert.doesNotMatch(pub.text, /<script>alert|<img src=x/);
  const ref = sql(`SELECT reference FROM application WHERE org_id = ${id}`);
  assert.doesNotMatch((await get(`/apply/${ref}`)).text, /<script>alert|<img src=x/);
});
