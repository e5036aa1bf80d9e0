// bundle.test.mjs - the upload bundle under a real Apache, used as a librarian would on a shared
// host (tests/apache.sh starts the server): the first visit makes the database outside the web
// folder; no file but the stylesheet can be downloaded, the database least of all; the first
// administrator is made on the setup page with the code from the data folder; an application
// goes through the public form, the review queue, the directory and search; the report and its
// CSV; every link on every page leads somewhere; the bundle's admin tool finds the database
// itself; a newer bundle upgrades an older database, after a backup, on its first request. Run once per mode (LIAISON_APACHE_MODE):
//   fcgid  mod_fcgid and mod_rewrite: clean addresses, …/partners/list
//   cgi    plain CGI, no mod_rewrite: …/partners/cgi-bin/list.fcgi (the same file, run as CGI)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, copyFileSync, chmodSync, existsSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Visitor, request, csrfOf, application, unescapeHtml } from '../http/helpers.mjs';

const MODE = process.env.LIAISON_APACHE_MODE;
const SITE = process.env.LIAISON_APACHE_SITE;	// the hosting account: www/ is the public folder
const TOP = new URL(process.env.LIAISON_APACHE_BASE).pathname;	// "/library/partners/"
const BUNDLE = join(SITE, 'www', TOP);
const DATA = join(SITE, 'liaison-data');
const DB = join(DATA, 'liaison.db');
const clean = MODE === 'fcgid';
// A program's address as the site links to it in this mode.
const at = (program, rest = '') => clean ? `${TOP}${program}${rest}` : `${TOP}cgi-bin/${program}.fcgi${rest}`;
const sqlite = (db, q) => execFileSync('sqlite3', ['-cmd', '.timeout 10000', db, q], { encoding: 'utf8' }).trim();
const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));
const attrs = (html, name) => [...html.matchAll(new RegExp(`${name}="([^"#]*)"`, 'g'))].map((m) => unescapeHtml(m[1])).filter(Boolean);
const hrefs = (html) => attrs(html, '(?:href|action)');
// Files the tests put in the site are the account's, as an upload would be (Apache runs as nobody).
const owner = statSync(join(SITE, 'www')), asAccount = (f) => chownSync(f, owner.uid, owner.gid);

const admin = new Visitor('127.0.0.1');
const password = 'the library keeps its books';

test('the first visit shows the directory and makes its database outside the public folder', async () => {
  const r = await request(TOP);
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1[^>]*>Libraries Seeking Partners<\/h1>/);
  assert.match(r.headers['content-security-policy'], /default-src 'self'.*frame-ancestors 'none'/);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  const css = r.text.match(/<link rel="stylesheet" href="([^"]+)"/)[1];
  assert.equal(css, `${TOP}htdocs/liaison.css`);
  const sheet = await request(css);
  assert.equal(sheet.status, 200);
  assert.match(sheet.headers['content-type'], /^text\/css/);
  assert.match(sheet.text, /font-family/);
  // DOCUMENT_ROOT/../liaison-data: beside www/, reached by no address.
  assert.equal(sqlite(DB, 'PRAGMA user_version'), String(readdirSync(join(BUNDLE, 'schema')).filter((f) => f.endsWith('.sql')).length));
  assert.equal((statSync(DATA).mode & 0o777).toString(8), '700');
  assert.equal((statSync(DB).mode & 0o777).toString(8), '600');
  assert.ok(!DB.startsWith(join(SITE, 'www')));
});

test('nothing but the pages and the stylesheet can be downloaded, the database least of all', async () => {
  // A careless copy of the database into the bundle, readable by the web server: still refused.
  for (const f of ['data/liaison.db', 'liaison.db', 'liaison.db-wal', 'backup.sqlite']) {
    copyFileSync(DB, join(BUNDLE, f));
    chmodSync(join(BUNDLE, f), 0o644);
    asAccount(join(BUNDLE, f));
  }
  try {
    for (const path of ['liaison.conf', '.htaccess', 'cgi-bin/.htaccess', 'templates/layout.tpl',
      'schema/001_directory.sql', 'data/demo.sql', 'bin/liaison-admin', 'README.md', 'INSTALL.md',
      'data/liaison.db', 'liaison.db', 'liaison.db-wal', 'backup.sqlite', 'cgi-bin/', 'templates/', 'data/',
      // The licence files: THIRD-PARTY names the exact version of every library inside.
      'LICENSE', 'THIRD-PARTY', 'RELINK.txt', 'doc/liaison-admin.8', 'doc/', 'licenses/GPL-3', 'licenses/',
      ...readdirSync(BUNDLE).filter((f) => f.endsWith('-relink.tar.gz')),
      '../../liaison-data/liaison.db', '%2e%2e/%2e%2e/liaison-data/liaison.db', '../../../liaison-data/liaison.db']) {
      const r = await request(TOP + path);
      assert.ok(r.status === 403 || r.status === 404 || r.status === 400, `${path}: ${r.status}`);
      assert.doesNotMatch(r.text, /SQLite format 3|LIAISON_|CREATE TABLE|\{\{%AUTOESCAPE/, path);
    }
    assert.equal((await request('/liaison-data/liaison.db')).status, 404);
  } finally {
    for (const f of ['data/liaison.db', 'liaison.db', 'liaison.db-wal', 'backup.sqlite']) unlinkSync(join(BUNDLE, f));
  }
});

test(clean ? 'each program is one file, run by mod_fcgid, and the old .cgi address leads to it' : 'each program is one file, run as plain CGI, and the old .cgi address redirects to it', async () => {
  assert.deepEqual(readdirSync(join(BUNDLE, 'cgi-bin')).filter((f) => !f.startsWith('.')).sort(),
    ['apply.fcgi', 'check.cgi', 'import.fcgi', 'list.fcgi', 'partnerships.fcgi', 'report.fcgi', 'search.fcgi', 'staff.fcgi']);
  const fcgi = await request(`${TOP}cgi-bin/list.fcgi`);
  assert.equal(fcgi.status, 200);
  assert.match(fcgi.headers['content-type'], /^text\/html/);
  const old = await request(`${TOP}cgi-bin/search.cgi/?q=library`);
  if (clean) {
    assert.equal(old.status, 200);	// rewritten to search.fcgi
    assert.match(old.headers['content-type'], /^text\/html/);
  } else {
    assert.equal(old.status, 301);	// no mod_rewrite: mod_alias points at the new name
    assert.equal(new URL(old.headers.location).pathname, `${TOP}cgi-bin/search.fcgi/`);
  }
  // Under either name the program links in its own .fcgi shape.
  const cgi = await request(`${TOP}cgi-bin/search.fcgi?q=library`);
  assert.equal(cgi.status, 200);
  assert.match(cgi.text, new RegExp(`href="${TOP}cgi-bin/apply\\.fcgi"`));
});

test('the first administrator is made on the setup page with the code from the data folder', async () => {
  const signin = await admin.get(at('staff', '/sign-in'));
  assert.equal(signin.status, 200);
  assert.match(signin.text, /This site has no administrator yet/);
  const setupHref = hrefs(signin.text).find((h) => h.endsWith('/setup'));
  assert.equal(setupHref, at('staff', '/setup'));
  const page = await admin.get(setupHref);
  assert.equal(page.status, 200);
  const file = join(DATA, 'liaison-setup-token.txt');
  assert.ok(page.text.includes('<code class="path">liaison-data/liaison-setup-token.txt</code>'), 'the page names the file');
  assert.ok(!page.text.includes(DATA), 'from the account\'s top folder, not by its full server path');
  const code = readFileSync(file, 'utf8').trim();
  const r = await admin.post(setupHref, { csrf: csrfOf(page.text), code, name: 'librarian', password, again: password });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(r.location, at('staff', '/queue'));
  assert.equal((await admin.get(r.location)).status, 200);
  assert.equal(existsSync(file), false);
  assert.equal((await request(setupHref)).status, 404);
  assert.equal(sqlite(DB, "SELECT role FROM account WHERE name = 'librarian'"), 'admin');
  // Signing in again works the same way, with the cookie kept to the bundle's addresses.
  const again = new Visitor('127.0.0.1');
  const form = await again.get(at('staff', '/sign-in'));
  await pause(1100);	// a sign-in waits a moment after a session was made
  const s = await again.post(at('staff', '/sign-in'), { csrf: csrfOf(form.text), name: 'librarian', password });
  assert.equal(s.status, 303);
  assert.match(s.headers['set-cookie'].join(), new RegExp(`Path=${clean ? TOP : TOP + 'cgi-bin/'};`));
  // Colleagues' accounts are made on the accounts page: no shell needed for those either.
  const accounts = await admin.get(at('staff', '/accounts'));
  assert.equal(accounts.status, 200);
  const add = attrs(accounts.text, 'action').find((h) => h === at('staff', '/accounts'));
  const made = await admin.post(add, { csrf: csrfOf(accounts.text), name: 'board-chair', role: 'board', password, again: password });
  assert.equal(made.status, 303);
  assert.equal(made.location, `${at('staff', '/accounts')}?done=added`);
  const chair = new Visitor('127.0.0.4');
  const chairForm = await chair.get(at('staff', '/sign-in'));
  assert.equal((await chair.post(at('staff', '/sign-in'), { csrf: csrfOf(chairForm.text), name: 'board-chair', password })).status, 303);
  assert.equal((await chair.get(at('staff', '/queue'))).status, 200);
});

test('an application goes through the form, the review queue, the directory and search', async () => {
  const v = new Visitor('127.0.0.2');
  const form = await v.get(at('apply'));
  assert.equal(form.status, 200);
  const action = hrefs(form.text).find((h) => h.startsWith(at('apply')));
  assert.equal(action, at('apply'));
  await pause(1100);	// the site is set to want a second's typing (liaison.conf)
  const name = `Bibliothèque Municipale ${MODE} ${process.pid}`;
  const r = await v.post(action, application({ csrf: csrfOf(form.text), name }));
  assert.equal(r.status, 303, r.text.slice(0, 400));
  assert.match(r.location, new RegExp(`^${at('apply')}/[0-9A-F]{5}-[0-9A-F]{5}$`));
  assert.match((await v.get(r.location)).text, /[0-9A-F]{5}-[0-9A-F]{5}/);
  // Not listed until a librarian approves it.
  const search = (q) => request(`${at('search')}?q=${encodeURIComponent(q)}`);
  assert.doesNotMatch((await search('bibliotheque municipale')).text, /Municipale/);

  const queue = await admin.get(at('staff', '/queue'));
  const entry = hrefs(queue.text).find((h) => /\/org\/\d+$/.test(h));
  assert.ok(entry, 'the queue links to the application');
  const id = entry.match(/(\d+)$/)[1];
  const page = await admin.get(entry);
  assert.equal(page.status, 200);
  const approve = hrefs(page.text).find((h) => h.endsWith('/approve'));
  assert.equal(approve, at('staff', `/org/${id}/approve`));
  const done = await admin.post(approve, { csrf: csrfOf(page.text) });
  assert.equal(done.status, 303);
  assert.equal(sqlite(DB, `SELECT status FROM org WHERE id = ${id}`), 'listed');

  const list = await request(TOP);
  assert.ok(list.text.includes(`href="${at('list', `/${id}`)}"`), 'the directory links to the entry');
  const profile = await request(at('list', `/${id}`));
  assert.equal(profile.status, 200);
  assert.ok(profile.text.includes(name));
  const found = await search('BIBLIOTHEQUE municipale');	// accents and case folded
  assert.equal(found.status, 200);
  assert.ok(found.text.includes(`href="${at('list', `/${id}`)}"`));
  const csv = await request(`${at('list')}?format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers['content-type'], /^text\/csv/);
  assert.ok(csv.text.includes(name));
});

test('the impact report and its CSV tables', async () => {
  const r = await request(at('report'));
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1[^>]*>Impact report/);
  const link = hrefs(r.text).find((h) => h.includes('format=csv') && h.includes('table=summary'));
  assert.ok(link && link.startsWith(at('report')), link);
  const csv = await request(link);
  assert.equal(csv.status, 200);
  assert.match(csv.headers['content-type'], /^text\/csv/);
  assert.match(csv.text, /^\uFEFF/);
  assert.equal((await admin.get(`${at('report')}?format=csv&table=partnerships`)).status, 200);
  assert.equal((await request(`${at('report')}?fy=1800`)).status, 400);
});

test('every link on every page, signed out and signed in, leads to a page of the site', async () => {
  for (const who of [new Visitor('127.0.0.3'), admin]) {
    const seen = new Set([TOP]), todo = [TOP];
    while (todo.length && seen.size < 80) {
      const path = todo.shift();
      const r = await who.get(path);
      assert.ok(r.status === 200 || (r.status === 303 && who !== admin), `${path}: ${r.status}`);
      if (!/^text\/html/.test(r.headers['content-type'] ?? '')) continue;
      for (const h of hrefs(r.text)) {
        const u = new URL(h, `http://x${path}`);
        // Links and forms keep this mode's shape: no cgi-bin under clean addresses, cgi-bin/….fcgi without.
        if (u.pathname.startsWith(TOP) && !u.pathname.startsWith(`${TOP}htdocs/`))
          assert.ok(clean ? !u.pathname.includes('cgi-bin') : /\/cgi-bin\/[a-z]+\.fcgi(\/|$)/.test(u.pathname), `${path} links to ${h}`);
      }
      for (const h of attrs(r.text, 'href')) {	// forms post; only links are followed
        const u = new URL(h, `http://x${path}`);
        if (!u.pathname.startsWith(TOP)) continue;
        const key = u.pathname + u.search;
        if (!seen.has(key)) { seen.add(key); todo.push(key); }
      }
    }
    assert.ok(seen.size > 15, `only ${seen.size} pages reached`);
  }
});

test("the bundle's admin tool finds the site's database by itself, as a hosting panel's cron job runs it", () => {
  // As the account, with no environment: what a cron line "…/partners/bin/liaison-admin backup" gets.
  const asOwner = process.getuid() === 0 ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'] : [];
  const run = (...args) => execFileSync('env', ['-i', 'PATH=/usr/bin:/bin', ...asOwner, join(BUNDLE, 'bin/liaison-admin'), ...args], { encoding: 'utf8' });
  assert.equal(run('check').trim(), `${DB}: ok (schema version ${readdirSync(join(BUNDLE, 'schema')).filter((f) => f.endsWith('.sql')).length})`);
  const out = run('backup');
  assert.ok(out.startsWith(`backed up ${DB} to ${DATA}/liaison-backup-`), out);
  const copy = out.match(/ to (\S+\.db)/)[1];
  assert.equal(sqlite(copy, 'SELECT group_concat(name) FROM (SELECT name FROM account ORDER BY name)'), 'board-chair,librarian');
  rmSync(copy);
});

test('a data folder and database moved in as an upload leaves them (755, 644) are kept to the account again', { skip: clean && 'mod_fcgid keeps its processes, which tightened them when they started' }, async () => {
  chmodSync(DATA, 0o755);
  chmodSync(DB, 0o644);
  const r = await request(TOP);
  assert.equal(r.status, 200);
  assert.equal((statSync(DATA).mode & 0o777).toString(8), '700');
  assert.equal((statSync(DB).mode & 0o777).toString(8), '600');
});

test('a newer bundle upgrades an older database on its first request, after a backup', { skip: clean && 'mod_fcgid keeps its processes, and their open database, running' }, async () => {
  // A database as the previous version left it: every migration but the newest.
  const schema = readdirSync(join(BUNDLE, 'schema')).filter((f) => f.endsWith('.sql')).sort();
  const old = join(SITE, 'old.db');
  execFileSync('sqlite3', [old], { input: schema.slice(0, -1).map((f) => readFileSync(join(BUNDLE, 'schema', f), 'utf8')).join('\n')
    + `\nINSERT INTO org (name, kind, type, country, status) VALUES ('Kept Through The Upgrade', 'library', 'public', 'FR', 'listed');`
    + `\nPRAGMA user_version = ${schema.length - 1};` });
  for (const f of ['', '-wal', '-shm']) rmSync(DB + f, { force: true });
  copyFileSync(old, DB);
  chmodSync(DB, 0o600);
  asAccount(DB);
  const r = await request(TOP);
  assert.equal(r.status, 200, r.text.slice(0, 600));
  assert.ok(r.text.includes('Kept Through The Upgrade'));
  assert.equal(sqlite(DB, 'PRAGMA user_version'), String(schema.length));
  const copies = readdirSync(DATA).filter((f) => /^liaison-before-upgrade-\d{8}-\d{6}\.db$/.test(f));
  assert.equal(copies.length, 1);
  assert.equal(sqlite(join(DATA, copies[0]), 'PRAGMA user_version'), String(schema.length - 1));
  assert.equal(sqlite(join(DATA, copies[0]), "SELECT count(*) FROM org WHERE name = 'Kept Through The Upgrade'"), '1');
});
