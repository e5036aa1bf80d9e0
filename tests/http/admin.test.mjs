// admin.test.mjs - running a site: keeping its data safe with liaison-admin (a checked backup
// taken while the site serves and writes, a restore that keeps the database it replaces, a
// check that finds damage, an upgrade that backs up first, the export of every table as CSV)
// and its first administrator made through the setup page, without a shell. All but the first
// work on databases in a temporary folder, never on the one the tests serve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, copyFileSync, readdirSync, readFileSync, statSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB, PLAIN_BIN, SRCDIR, parseCsv, request, formBody, application, cgi, fieldError } from './helpers.mjs';

// liaison-admin (the plain build) on the database at db.
function adminOn(db, args, env = {}) {
  return spawnSync(`${PLAIN_BIN}/liaison-admin`, args, {
    encoding: 'utf8', env: { PATH: process.env.PATH, LIAISON_DB: db, LIAISON_SCHEMA: `${SRCDIR}/schema`, ...env },
  });
}
const count = (db, q) => Number(execFileSync('sqlite3', ['-cmd', '.timeout 10000', db, q], { encoding: 'utf8' }).trim());
const backupsIn = (dir, what) => readdirSync(dir).filter((f) => new RegExp(`^liaison-${what}-\\d{8}-\\d{6}(-\\d+)?\\.db$`).test(f));

test('a backup taken while the site serves and writes is complete, checked and private', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-backup-'));
  try {
    // Applications keep arriving while the copy is made.
    const writes = Promise.all(Array.from({ length: 8 }, (_, i) =>
      request('/apply', { method: 'POST', body: formBody(application()), from: `127.0.9.${i + 1}` })));
    const r = adminOn(DB, ['backup', join(dir, 'copy.db')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^backed up .* to .*copy\.db \(\d+ KB, checked\)/);
    for (const w of await writes) assert.equal(w.status, 303);
    assert.equal((statSync(join(dir, 'copy.db')).mode & 0o777).toString(8), '600');
    assert.equal(adminOn(join(dir, 'copy.db'), ['check', join(dir, 'copy.db')]).status, 0);
    assert.ok(count(join(dir, 'copy.db'), 'SELECT count(*) FROM org') >= count(DB, "SELECT count(*) FROM org WHERE created_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 minute')"));
    // Never over an existing file.
    const again = adminOn(DB, ['backup', join(dir, 'copy.db')]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /exists already; a backup never overwrites a file/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('restore puts a copy back, keeps what it replaced, and refuses a damaged or foreign file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-restore-'));
  try {
    const db = join(dir, 'site.db');
    assert.equal(adminOn(DB, ['backup', db]).status, 0);	// a working copy of the served database
    assert.equal(adminOn(db, ['backup', join(dir, 'good.db')]).status, 0);
    const orgs = count(db, 'SELECT count(*) FROM org');
    execFileSync('sqlite3', [db, 'DELETE FROM org_language; DELETE FROM org_interest; UPDATE org SET name = \'changed by mistake\'']);
    const r = adminOn(db, ['restore', join(dir, 'good.db')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /backed up .* to .*liaison-before-restore-\d{8}-\d{6}\.db/);
    assert.match(r.stdout, /restored .* from .*good\.db/);
    assert.equal(count(db, "SELECT count(*) FROM org WHERE name = 'changed by mistake'"), 0);
    assert.equal(count(db, 'SELECT count(*) FROM org'), orgs);
    assert.ok(count(db, 'SELECT count(*) FROM org_language') > 0);
    const kept = backupsIn(dir, 'before-restore');
    assert.equal(kept.length, 1);
    assert.equal(count(join(dir, kept[0]), "SELECT count(*) FROM org WHERE name = 'changed by mistake'"), orgs);

    // A damaged copy: check finds it, and restore leaves the database alone.
    copyFileSync(join(dir, 'good.db'), join(dir, 'bad.db'));
    const fd = openSync(join(dir, 'bad.db'), 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 20);
    closeSync(fd);
    const checked = adminOn(db, ['check', join(dir, 'bad.db')]);
    assert.equal(checked.status, 1);
    assert.match(checked.stderr, /integrity|malformed|cannot be read/);
    const refused = adminOn(db, ['restore', join(dir, 'bad.db')]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /cannot be restored/);
    assert.equal(count(db, 'SELECT count(*) FROM org'), orgs);
    // Not a Liaison database at all.
    execFileSync('sqlite3', [join(dir, 'other.db'), 'CREATE TABLE t (x)']);
    const other = adminOn(db, ['restore', join(dir, 'other.db')]);
    assert.equal(other.status, 1);
    assert.match(other.stderr, /is not a Liaison database/);
    assert.equal(adminOn(db, ['check']).status, 0);
    assert.match(adminOn(db, ['check']).stdout, /ok \(schema version \d+\)/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('an upgrade backs the database up first, then migrates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-upgrade-'));
  try {
    // A database as the previous version left it: every migration but the last, and its data.
    const files = readdirSync(`${SRCDIR}/schema`).filter((f) => /^\d{3}_.*\.sql$/.test(f)).sort();
    const db = join(dir, 'site.db');
    const script = files.slice(0, -1).map((f) => readFileSync(`${SRCDIR}/schema/${f}`, 'utf8')).join('\n')
      + readFileSync(`${SRCDIR}/data/demo.sql`, 'utf8') + `\nPRAGMA user_version = ${files.length - 1};\n`;
    execFileSync('sqlite3', [db], { input: script });
    assert.equal(count(db, 'PRAGMA user_version'), files.length - 1);
    const r = adminOn(db, ['migrate']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /backed up .* to .*liaison-before-upgrade-\d{8}-\d{6}\.db/);
    assert.equal(count(db, 'PRAGMA user_version'), files.length);
    const kept = backupsIn(dir, 'before-upgrade');
    assert.equal(kept.length, 1);
    assert.equal(count(join(dir, kept[0]), 'PRAGMA user_version'), files.length - 1);
    // Already current: nothing to back up.
    assert.equal(adminOn(db, ['migrate']).status, 0);
    assert.equal(backupsIn(dir, 'before-upgrade').length, 1);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('export writes every table as CSV: NULL apart from empty, formulas neutralized, no secrets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-export-'));
  try {
    const out = join(dir, 'csv');
    const r = adminOn(DB, ['export', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /exported 17 tables to /);
    const files = readdirSync(out).sort();
    assert.deepEqual(files, ['account', 'activity', 'activity_type', 'application', 'audit', 'audit_change', 'country',
      'interest', 'language', 'org', 'org_interest', 'org_language', 'org_type', 'partnership', 'partnership_review',
      'partnership_review_goal', 'timezone'].map((f) => `${f}.csv`));
    for (const f of files) assert.equal((statSync(join(out, f)).mode & 0o777).toString(8), '600');
    const read = (f) => {
      const text = readFileSync(join(out, f), 'utf8');
      assert.ok(text.startsWith('\uFEFF'));
      return text.slice(1);
    };
    const accounts = parseCsv(read('account.csv'));
    assert.deepEqual(accounts[0], ['id', 'name', 'role', 'disabled', 'created_at']);
    assert.ok(!read('account.csv').includes('$y$'), 'no password hash');
    const orgs = parseCsv(read('org.csv'));
    assert.ok(orgs.length > 100);
    const hostile = orgs.find((row) => row[1].startsWith("'="));
    assert.ok(hostile, 'the =HYPERLINK name is neutralized');
    // An ongoing partnership's end_on is NULL: an empty cell, where "" is an empty text.
    const raw = read('partnership.csv').split('\r\n')[1];
    assert.match(raw, /,"\d{4}-\d{2}-\d{2}",,"\[/);
    const acts = parseCsv(read('activity.csv'));
    assert.ok(acts.length > 30);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('first run without a shell: a code in a file beside the database makes the first admin, once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-setup-'));
  try {
    const db = join(dir, 'site.db');
    assert.equal(adminOn(db, ['create', db]).status, 0);	// a new site: no accounts at all
    const env = { LIAISON_DB: db };
    const page = cgi('staff', { pathInfo: '/setup', scriptName: '/partners/cgi-bin/staff.cgi', env });
    assert.equal(page.status, 200, page.body.slice(0, 400));
    const file = join(dir, 'liaison-setup-token.txt');
    assert.equal((statSync(file).mode & 0o777).toString(8), '600');
    const code = readFileSync(file, 'utf8').trim();
    assert.match(code, /^[0-9a-f]{32}$/);
    assert.ok(page.body.includes(`${dir.split('/').pop()}/liaison-setup-token.txt`), 'the page says where the file is');
    assert.ok(!page.body.includes(dir), 'but not the account\'s full server path, which names its user');
    const csrf = page.body.match(/name="csrf" value="([0-9a-f]+)"/)[1];
    const post = (fields) => cgi('staff', { method: 'POST', pathInfo: '/setup', scriptName: '/partners/cgi-bin/staff.cgi', env,
      body: formBody({ csrf, ...fields }) });
    // The sign-in page points there.
    assert.match(cgi('staff', { pathInfo: '/sign-in', env }).body, /no administrator yet/);

    // A wrong code, a short password, two that differ: each beside its field, nothing made.
    let r = post({ code: 'f'.repeat(32), name: 'ana', password: 'a long enough password', again: 'a long enough password' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.body, 'code'), /^This is not the code in the file/);
    r = post({ code, name: 'ana', password: 'short', again: 'short' });
    assert.equal(r.status, 400);
    assert.equal(fieldError(r.body, 'password'), 'Use at least 10 characters.');
    r = post({ code, name: 'ana', password: 'a long enough password', again: 'a long enough passwort' });
    assert.equal(r.status, 400);
    assert.match(fieldError(r.body, 'again'), /^The two passwords differ/);
    assert.equal(count(db, 'SELECT count(*) FROM account'), 0);
    // No token: refused.
    assert.equal(cgi('staff', { method: 'POST', pathInfo: '/setup', env, body: formBody({ code, name: 'ana' }) }).status, 403);

    // The right code: the admin is made, signed in, the file removed, the page gone.
    r = post({ code, name: 'ana', password: 'a long enough password', again: 'a long enough password' });
    assert.equal(r.status, 303, r.body.slice(0, 300));
    assert.match(r.head, /^Location: http:\/\/library\.example\/partners\/cgi-bin\/staff\.cgi\/queue\r?$/m);
    assert.match(r.head, /^Set-Cookie: liaison_session=[0-9a-f]+; Path=\/partners\/cgi-bin\/; [^\r\n]*HttpOnly/m);
    assert.equal(count(db, "SELECT count(*) FROM account WHERE name = 'ana' AND role = 'admin'"), 1);
    assert.equal(count(db, "SELECT count(*) FROM audit WHERE actor = 'ana' AND action = 'account created'"), 1);
    assert.throws(() => statSync(file), /ENOENT/);
    assert.equal(cgi('staff', { pathInfo: '/setup', env }).status, 404);
    assert.equal(post({ code, name: 'eve', password: 'a long enough password', again: 'a long enough password' }).status, 404);
    assert.doesNotMatch(cgi('staff', { pathInfo: '/sign-in', env }).body, /no administrator yet/);
    assert.equal(count(db, 'SELECT count(*) FROM account'), 1);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
