// caching.test.mjs - public pages any HTTP cache can keep (issue 22): every public address
// answers with an ETag, Last-Modified and a public Cache-Control; asked again with that ETag
// it answers 304 with no body; once what it shows changes, a new 200 with a new ETag. Pages
// that set a cookie, staff pages and a signed-in reader's report are never public.
//
// Other test files change the directory while these run (node runs files side by side), so a
// conditional request may meet a version moved by them: a 200 is then allowed only with an
// ETag other than the one sent, and the request is tried again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, sql, signedIn, cgi, DB } from './helpers.mjs';

const listed = () => Number(sql("SELECT min(id) FROM org WHERE status = 'listed'"));

// The directory's pages, search's, and the report (public by default), with their CSV files.
function publicUrls() {
  const id = listed();
  return {
    '/list': '/list', '/list?filters': '/list?country=US&kind=library', '/list/ID': `/list/${id}`,
    '/list CSV': '/list?format=csv', '/search?q=': '/search?q=library',
    '/search?match=ID': `/search?match=${id}`, '/search CSV': '/search?q=library&format=csv',
    '/about': '/about', '/report': '/report', '/report CSV': '/report?format=csv&table=summary',
  };
}

function assertPublic(r, what) {
  assert.equal(r.status, 200, what);
  assert.match(r.headers.etag ?? '', /^"[0-9a-f]{24}"$/, `${what}: ETag`);
  assert.ok(!Number.isNaN(Date.parse(r.headers['last-modified'])), `${what}: Last-Modified`);
  assert.match(r.headers['cache-control'], /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/, what);
  assert.equal(r.headers['set-cookie'], undefined, `${what} sets no cookie`);
}

// 200, then 304 for its ETag: retried while other tests move the version in between.
async function revalidates(url, what) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const first = await request(url);
    assertPublic(first, what);
    assert.ok(first.text.length > 0, `${what}: a body`);
    const again = await request(url, { headers: { 'if-none-match': first.headers.etag } });
    if (again.status === 304) {
      assert.equal(again.text, '', `${what}: 304 has no body`);
      assert.equal(again.headers.etag, first.headers.etag, `${what}: 304 names the same ETag`);
      assert.equal(again.headers['cache-control'], first.headers['cache-control']);
      return first;
    }
    assert.equal(again.status, 200, `${what}: 304 or a fresh page`);
    assert.notEqual(again.headers.etag, first.headers.etag, `${what}: a 200 for a matching ETag`);
  }
  assert.fail(`${what}: never answered 304`);
}

test('every public address answers 200 with validators, then 304 with no body for its ETag', async () => {
  for (const [what, url] of Object.entries(publicUrls())) await revalidates(url, what);
});

test('a change to what a page shows gives a new ETag: the directory, a profile, search, the report', async () => {
  const id = listed();
  const urls = publicUrls();
  const before = {};
  for (const [what, url] of Object.entries(urls)) before[what] = (await revalidates(url, what)).headers.etag;
  // Confirming an entry moves the directory's version (schema 010); an activity's daily sum the report's (015).
  sql(`UPDATE org SET confirmed_on = date('now', '-1 day') WHERE id = ${id}`);
  sql(`UPDATE partnership SET status = status WHERE id = (SELECT min(id) FROM partnership)`);
  for (const [what, url] of Object.entries(urls)) {
    const r = await request(url, { headers: { 'if-none-match': before[what] } });
    assertPublic(r, `${what} after the change`);
    assert.notEqual(r.headers.etag, before[what], `${what}: a new ETag`);
  }
});

test('If-Modified-Since: 304 when not older than Last-Modified, 200 when older', async () => {
  for (let attempt = 0; attempt < 20; attempt++) {
    const first = await request('/list');
    const lm = Date.parse(first.headers['last-modified']);
    if (Date.now() - lm < 3000) { await new Promise((ok) => setTimeout(ok, 1500)); continue; }
    const same = await request('/list', { headers: { 'if-modified-since': first.headers['last-modified'] } });
    if (same.status === 200) continue;	// another test changed the directory in between
    assert.equal(same.status, 304);
    assert.equal(same.text, '');
    const older = await request('/list', { headers: { 'if-modified-since': new Date(lm - 1000).toUTCString() } });
    assert.equal(older.status, 200);
    // An ETag that does not match wins over a date that would (RFC 9110 13.2.2).
    const both = await request('/list', { headers: { 'if-none-match': '"0000"', 'if-modified-since': first.headers['last-modified'] } });
    assert.equal(both.status, 200);
    return;
  }
  assert.fail('the directory never stood still for three seconds');
});

test('a restore renews the epoch: the same versions never give the same ETag', async () => {
  const first = await revalidates('/about', '/about');
  const epoch = sql('SELECT epoch FROM cache_validator');
  assert.match(epoch, /^[0-9a-f]{16}$/);
  // What backup_restore does after copying (backup.c): a new random epoch.
  sql("UPDATE cache_validator SET epoch = lower(hex(randomblob(8)))");
  const r = await request('/about', { headers: { 'if-none-match': first.headers.etag } });
  assert.equal(r.status, 200);
  assert.notEqual(r.headers.etag, first.headers.etag);
});

test('staff pages, forms and answers that set a cookie are private, no-store', async () => {
  for (const url of ['/staff/sign-in', '/apply', `/list/${listed()}/contact`]) {
    const r = await request(url);
    assert.equal(r.headers['cache-control'], 'private, no-store', url);
    assert.equal(r.headers.etag, undefined, url);
  }
  const staff = await signedIn('staff');
  const page = await staff.get('/staff');
  assert.equal(page.status, 200);
  assert.equal(page.headers['cache-control'], 'private, no-store');
  // Every answer that sets a cookie, wherever it is: never public.
  for (const url of ['/staff/sign-in', '/apply', `/list/${listed()}/contact`, '/report']) {
    const r = await request(url);
    if (r.headers['set-cookie']) assert.equal(r.headers['cache-control'], 'private, no-store', url);
  }
  // An ETag sent to a staff page is not answered 304.
  const again = await staff.send('/staff', { headers: { 'if-none-match': '*' } });
  assert.equal(again.status, 200);
});

test('the report for a signed-in reader is private, and varies on the cookie when public', async () => {
  const pub = await request('/report');
  assertPublic(pub, '/report');
  assert.equal(pub.headers.vary, 'Cookie');
  const board = await signedIn('board');
  const r = await board.send('/report', { headers: { 'if-none-match': pub.headers.etag } });
  assert.equal(r.status, 200, 'a public ETag never answers a signed-in reader');
  assert.equal(r.headers['cache-control'], 'private, no-store');
  assert.equal(r.headers.etag, undefined);
  // The directory is the same for everyone: no Vary, and public even with a session.
  const list = await request('/list');
  assert.equal(list.headers.vary, undefined);
});

test('plain CGI and the page store answer 304 the same way, without making the page', async () => {
  const etagOf = (r) => (r.head.match(/^ETag: (.*)$/m) ?? [])[1];
  for (let attempt = 0; attempt < 20; attempt++) {
    const made = cgi('list', { query: 'page=2' });
    assert.equal(made.status, 200);
    assert.match(etagOf(made) ?? '', /^"[0-9a-f]{24}"$/);
    // The next run answers from the page store (schema 008): the same bytes under the same ETag.
    const stored = cgi('list', { query: 'page=2' });
    const r = cgi('list', { query: 'page=2', env: { HTTP_IF_NONE_MATCH: etagOf(made) } });
    if (etagOf(stored) !== etagOf(made) || r.status !== 304) continue;	// the directory moved
    assert.equal(stored.body, made.body);
    assert.equal(r.body, '');
    assert.equal(etagOf(r), etagOf(made));
    assert.match(r.head, /^Cache-Control: public, max-age=0, s-maxage=\d+/m);
    return;
  }
  assert.fail('plain CGI never answered 304');
});

// --- through the shipped cache front (conf/nginx/cache-front.conf) -----------------------------
import { after } from 'node:test';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SRCDIR, BASE, application, formBody, csrfOf } from './helpers.mjs';

// The address the front connects to the site from: tests/run.sh starts the site with
// --trust-front 127.0.0.2 (conf/nginx/behind-cache-front.conf), as INSTALL says to.
const FRONT_ADDRESS = '127.0.0.2';

// A second nginx with the shipped configuration, in front of the site under test, started once
// for this file. Only what a test needs is added to the shipped file: the address it connects
// from (proxy_bind), standing for the front's own machine.
async function startFront() {
  const dir = mkdtempSync('/var/tmp/liaison-front.');
  chmodSync(dir, 0o777);	// nginx's workers (nobody, under root) keep the cache here
  for (const d of ['cache', 'body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) { mkdirSync(join(dir, d)); chmodSync(join(dir, d), 0o777); }
  const port = 40000 + Math.floor(Math.random() * 20000);
  const origin = new URL(BASE);
  const shipped = readFileSync(join(SRCDIR, 'conf/nginx/cache-front.conf'), 'utf8');
  assert.ok(shipped.includes('proxy_pass http://liaison_origin;'));
  const front = shipped
    .replaceAll('@CACHEDIR@', join(dir, 'cache')).replaceAll('@ORIGIN@', origin.host)
    .replaceAll('@LISTEN@', `127.0.0.1:${port}`).replaceAll('@NAME@', 'localhost')
    .replace('proxy_pass http://liaison_origin;', `proxy_pass http://liaison_origin; proxy_bind ${FRONT_ADDRESS};`);
  writeFileSync(join(dir, 'nginx.conf'), `daemon off; worker_processes 1; pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
${front}
}
`);
  const nginx = execFileSync('sh', ['-c', 'command -v nginx || echo /usr/sbin/nginx'], { encoding: 'utf8' }).trim();
  const child = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { await fetch(`${base}/about`); return { child, base, dir }; } catch { await new Promise((ok) => setTimeout(ok, 100)); }
  }
  child.kill();
  throw new Error(`the cache front did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
}
let started;
const front = () => (started ??= startFront());
after(async () => {
  if (!started) return;
  const { child, dir } = await started;
  const gone = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  await gone;
  rmSync(dir, { recursive: true, force: true });
});

async function via(base, path, headers = {}) {
  const r = await fetch(base + path, { redirect: 'manual', headers });
  return { status: r.status, headers: r.headers, text: await r.text() };
}
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

test('through the shipped cache front: public pages kept and revalidated, private ones and cookies never', async () => {
  const { base } = await front();
  // A public page: the second request is the cache's copy, with the program's validators.
  const url = `/list?page=3&kind=library&t=${Date.now()}`;	// an address no earlier run kept
  const first = await via(base, url);
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('x-cache-status'), 'MISS');
  const second = await via(base, url);
  assert.equal(second.headers.get('x-cache-status'), 'HIT');
  assert.equal(second.text, first.text);
  assert.equal(second.headers.get('etag'), first.headers.get('etag'));
  // A browser's conditional request is answered 304 by the cache itself.
  const cond = await via(base, url, { 'if-none-match': first.headers.get('etag') });
  assert.equal(cond.status, 304);
  assert.equal(cond.text, '');
  // The site answers the front's own revalidation with 304 too (what proxy_cache_revalidate sends).
  const origin = await request(url, { headers: { 'if-none-match': first.headers.get('etag') } });
  assert.ok(origin.status === 304 || origin.headers.etag !== first.headers.get('etag'));
  // Staff pages and forms: never kept, never served from the cache, whatever came before.
  for (const path of ['/staff/sign-in', '/apply', `/list/${listed()}/contact`]) {
    for (let i = 0; i < 2; i++) {
      const r = await via(base, path);
      assert.notEqual(r.headers.get('x-cache-status'), 'HIT', path);
      assert.equal(r.headers.get('cache-control'), 'private, no-store', path);
    }
  }
  // The report: kept for the public; a reader with a session cookie passes by the cache.
  await via(base, '/report');
  const kept = await via(base, '/report');
  assert.equal(kept.headers.get('x-cache-status'), 'HIT');
  const board = await signedIn('board');
  const mine = await via(base, '/report', { cookie: board.cookieHeader() });
  assert.equal(mine.headers.get('x-cache-status'), 'BYPASS');
  assert.equal(mine.headers.get('cache-control'), 'private, no-store');
  assert.match(mine.text, /Partnerships|partnerships/);
  assert.notEqual(mine.text, kept.text, "the signed-in report is not the public copy");
});

test('through the cache front, an approved entry shows once s-maxage has passed, never later', async () => {
  const { base } = await front();
  const staff = await signedIn('admin');
  // An application whose name is a word nothing else has, so a search shows it or not.
  const word = `Freshwater${process.pid}x${Date.now() % 1e6}`;
  const applied = await request('/apply', { method: 'POST', from: '127.0.12.1',
    body: formBody(application({ name: `${word} Community Library` })) });
  assert.equal(applied.status, 303, applied.text.slice(0, 300));
  const id = Number(sql(`SELECT id FROM org WHERE name = '${word} Community Library'`));
  const url = `/search?q=${word}`;
  const before = await via(base, url);
  const keptAt = Date.now();
  assert.equal(before.status, 200);
  assert.equal(before.headers.get('x-cache-status'), 'MISS');
  assert.ok(!before.text.includes(`href="/list/${id}"`), 'pending: not found');
  const maxAge = Number(before.headers.get('cache-control').match(/s-maxage=(\d+)/)[1]);
  assert.ok(maxAge > 0 && maxAge <= 10, `tests/run.sh sets a short s-maxage (${maxAge})`);

  const page = await staff.get(`/staff/org/${id}`);
  assert.equal((await staff.post(`/staff/org/${id}/approve`, { csrf: csrfOf(page.text) })).status, 303);
  assert.equal(sql(`SELECT status FROM org WHERE id = ${id}`), 'listed');
  // Within s-maxage the front may hand out its copy (that is what it is for)...
  const early = await via(base, url);
  if (Date.now() - keptAt < maxAge * 1000 - 500) {
    assert.equal(early.headers.get('x-cache-status'), 'HIT');
    assert.ok(!early.text.includes(`href="/list/${id}"`));
  }
  // ...and once it has passed (nginx counts whole seconds: one more), the next reader sees the
  // entry: the front asks the site with the old ETag and is given the new page.
  await sleep(keptAt + (maxAge + 1) * 1000 + 200 - Date.now());
  const fresh = await via(base, url);
  assert.equal(fresh.status, 200);
  assert.notEqual(fresh.headers.get('x-cache-status'), 'HIT');
  assert.ok(fresh.text.includes(`href="/list/${id}"`), 'the approved entry is shown, with its link');
  assert.notEqual(fresh.headers.get('etag'), before.headers.get('etag'));
});

test("through the cache front, the site counts each reader's address, never the front's or a forged one", async () => {
  const { base } = await front();
  const apply = (from, headers = {}) => request('/apply', { method: 'POST', base, from, headers,
    body: formBody(application()) });
  // Five applications an hour from one address (apply.test.mjs), counted per reader behind the
  // front: the sixth from 127.0.12.20 is refused, even when it claims another address...
  for (let i = 0; i < 5; i++) assert.equal((await apply('127.0.12.20')).status, 303);
  assert.equal((await apply('127.0.12.20')).status, 429);
  assert.equal((await apply('127.0.12.20', { 'x-forwarded-for': '198.51.100.7' })).status, 429,
    'the front replaces what a client writes in X-Forwarded-For');
  // ...while another reader behind the same front is not held back by it.
  assert.equal((await apply('127.0.12.21')).status, 303);
  // Straight to the site, X-Forwarded-For from anyone but the front is not believed.
  for (let i = 0; i < 5; i++) assert.equal((await request('/apply', { method: 'POST', from: '127.0.12.22',
    headers: { 'x-forwarded-for': `198.51.100.${i + 10}` }, body: formBody(application()) })).status, 303);
  assert.equal((await request('/apply', { method: 'POST', from: '127.0.12.22',
    headers: { 'x-forwarded-for': '198.51.100.99' }, body: formBody(application()) })).status, 429);
});
