// backups.test.mjs - the administrator's backups page (/staff/backups), what a site without a
// shell has instead of `liaison-admin backup | restore`: only administrators reach it and every
// post carries the page's token; a backup downloaded now is a database liaison-admin check
// accepts; a restore from one of the site's copies or from an uploaded one asks first, keeps the
// database it replaces and brings the earlier data back; a bad upload (not a database, a damaged
// one, another program's) is refused in words with nothing changed or kept. Also the settings'
// problems (an unknown key, a bad value, quotes) on the page and from liaison-admin check, and
// the nightly backup quiet and rotated. Restores run on a copy of the served database, through
// the staff program as plain CGI, never on the database the other tests use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, readdirSync, readFileSync, writeFileSync, openSync, writeSync, closeSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB, PLAIN_BIN, SRCDIR, cgi, csrfOf, signedIn, request, unescapeHtml } from './helpers.mjs';

function adminOn(db, args, env = {}) {
  return spawnSync(`${PLAIN_BIN}/liaison-admin`, args, {
    encoding: 'utf8', env: { PATH: process.env.PATH, LIAISON_DB: db, LIAISON_SCHEMA: `${SRCDIR}/schema`, ...env },
  });
}
const one = (db, q) => execFileSync('sqlite3', ['-cmd', '.timeout 10000', db, q], { encoding: 'utf8' }).trim();
const copies = (dir, kind) => readdirSync(dir).filter((f) => new RegExp(`^liaison-${kind}-\\d{8}-\\d{6}(-\\d+)?\\.db$`).test(f));
const text = (html) => unescapeHtml(html.replace(/<[^>]+>/g, ''));

// A multipart body as a browser sends a file upload.
function multipart(fields, file) {
  const boundary = `----liaison${Date.now()}`;
  const parts = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n`
      + 'Content-Type: application/octet-stream\r\n\r\n'), Buffer.from(file.content), Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

// A site of its own: a copy of the served database (with the admin's session in it) in a
// folder of its own, and the staff program run on it as plain CGI with the admin's cookie.
async function ownSite() {
  const a = await signedIn('admin');
  const dir = mkdtempSync(join(tmpdir(), 'liaison-backups-'));
  const db = join(dir, 'liaison.db');
  assert.equal(adminOn(DB, ['backup', db]).status, 0);
  const staff = (pathInfo, { method = 'GET', fields, upload, env = {} } = {}) => {
    const opts = { method, pathInfo, scriptName: '/staff', env: { LIAISON_DB: db, LIAISON_SCHEMA: `${SRCDIR}/schema`, HTTP_COOKIE: a.cookieHeader(), REMOTE_ADDR: a.from, ...env } };
    if (fields) opts.body = new URLSearchParams(fields).toString();
    if (upload) {
      const m = multipart(upload.fields, upload.file);
      opts.body = m.body;
      opts.env = { ...opts.env, CONTENT_TYPE: m.type, CONTENT_LENGTH: String(m.body.length) };
    }
    return cgi('staff', opts);
  };
  const page = staff('/backups');
  assert.equal(page.status, 200, page.body + page.stderr);
  return { a, dir, db, staff, csrf: csrfOf(page.body) };
}

test('only administrators reach the backups page, and every post needs its token', async () => {
  assert.equal((await request('/staff/backups')).status, 303);
  for (const role of ['staff', 'board']) {
    const v = await signedIn(role);
    assert.equal((await v.get('/staff/backups')).status, 403);
    const csrf = csrfOf((await v.get('/staff/queue')).text);
    assert.equal((await v.post('/staff/backups/now', { csrf })).status, 403);
    assert.equal((await v.post('/staff/backups/restore', { csrf, name: 'liaison-backup-20200101-000000.db', confirm: 'yes' })).status, 403);
    assert.doesNotMatch((await v.get('/staff/queue')).text, /\/staff\/backups/);
  }
  const a = await signedIn('admin');
  assert.match((await a.get('/staff/queue')).text, /<a href="\/staff\/backups">Backups<\/a>/);
  const before = readdirSync(join(DB, '..')).length;
  assert.equal((await a.post('/staff/backups/now', {})).status, 403);
  assert.equal((await a.post('/staff/backups/now', { csrf: '00'.repeat(36) })).status, 403);
  assert.equal(readdirSync(join(DB, '..')).length, before, 'a refused post makes no copy');
  assert.equal((await a.get('/staff/backups/file/../liaison.db')).status, 404);
  assert.equal((await a.get('/staff/backups/file/liaison.db')).status, 404);
});

test('a backup downloaded now is a whole database that liaison-admin check accepts', async () => {
  const a = await signedIn('admin');
  const page = await a.get('/staff/backups');
  assert.equal(page.status, 200);
  const r = await new Promise((resolve, reject) => {
    // Bytes, not text: the download is a binary file.
    import('node:http').then(({ default: http }) => {
      const body = `csrf=${csrfOf(page.text)}`;
      const url = new URL(`${process.env.LIAISON_BASE ?? 'http://127.0.0.1:8080'}/staff/backups/now`);
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: a.from,
        headers: { cookie: a.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, bytes: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  });
  assert.equal(r.status, 200);
  assert.match(r.headers['content-disposition'], /attachment; filename="liaison-backup-\d{8}-\d{6}(-\d+)?\.db"/);
  assert.equal(r.bytes.subarray(0, 16).toString('latin1'), 'SQLite format 3\0');
  const dir = mkdtempSync(join(tmpdir(), 'liaison-download-'));
  try {
    const file = join(dir, 'downloaded.db');
    writeFileSync(file, r.bytes);
    const c = adminOn(file, ['check', file]);
    assert.equal(c.status, 0, c.stderr);
    assert.ok(Number(one(file, 'SELECT count(*) FROM org')) > 0);
    // It is one of the site's copies now, listed with a link to download it again.
    const name = r.headers['content-disposition'].match(/filename="([^"]+)"/)[1];
    assert.ok(existsSync(join(DB, '..', name)));
    assert.ok((await a.get('/staff/backups')).text.includes(`href="/staff/backups/file/${name}"`));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a restore from one of the site\'s copies asks first, keeps the database it replaces and brings the earlier data back', async () => {
  const s = await ownSite();
  try {
    const earlier = 'liaison-backup-20200101-000000.db';
    assert.equal(adminOn(s.db, ['backup', join(s.dir, earlier)]).status, 0);
    const orgs = one(s.db, 'SELECT count(*) FROM org');
    execFileSync('sqlite3', [s.db, "UPDATE org SET name = 'changed by mistake' WHERE id = (SELECT min(id) FROM org)"]);
    const listed = s.staff('/backups');
    assert.ok(listed.body.includes(earlier));

    const ask = s.staff('/backups/restore', { method: 'POST', fields: { csrf: s.csrf, name: earlier } });
    assert.equal(ask.status, 200, ask.body);
    assert.match(text(ask.body), new RegExp(`Restore from ${earlier}\\?`));
    assert.ok(text(ask.body).includes(`replaces the site's database, ${s.db}`), 'names what will be replaced');
    assert.equal(one(s.db, "SELECT count(*) FROM org WHERE name = 'changed by mistake'"), '1', 'asking changes nothing');
    assert.deepEqual(copies(s.dir, 'before-restore'), []);

    // Without the page's token, nothing.
    assert.equal(s.staff('/backups/restore', { method: 'POST', fields: { name: earlier, confirm: 'yes' } }).status, 403);
    assert.equal(one(s.db, "SELECT count(*) FROM org WHERE name = 'changed by mistake'"), '1');

    const done = s.staff('/backups/restore', { method: 'POST', fields: { csrf: s.csrf, name: earlier, confirm: 'yes' } });
    assert.equal(done.status, 200, done.body + done.stderr);
    assert.match(text(done.body), new RegExp(`The database was restored from ${earlier}`));
    assert.equal(one(s.db, "SELECT count(*) FROM org WHERE name = 'changed by mistake'"), '0');
    assert.equal(one(s.db, 'SELECT count(*) FROM org'), orgs);
    const kept = copies(s.dir, 'before-restore');
    assert.equal(kept.length, 1);
    assert.ok(text(done.body).includes(`kept as ${kept[0]}`));
    assert.equal(one(join(s.dir, kept[0]), "SELECT count(*) FROM org WHERE name = 'changed by mistake'"), '1');
    // A name that is not one of the copies is refused.
    const bad = s.staff('/backups/restore', { method: 'POST', fields: { csrf: s.csrf, name: '../liaison.db', confirm: 'yes' } });
    assert.equal(bad.status, 400);
  } finally {
    rmSync(s.dir, { recursive: true });
  }
});

test('a restore from an uploaded copy is checked, kept, confirmed, then brings the earlier data back', async () => {
  const s = await ownSite();
  try {
    const good = join(mkdtempSync(join(tmpdir(), 'liaison-up-')), 'my-copy.db');
    assert.equal(adminOn(s.db, ['backup', good]).status, 0);
    execFileSync('sqlite3', [s.db, "UPDATE org SET name = 'changed after the copy' WHERE id = (SELECT min(id) FROM org)"]);
    const up = s.staff('/backups/upload', { method: 'POST', upload: { fields: { csrf: s.csrf }, file: { name: 'my-copy.db', content: readFileSync(good) } } });
    assert.equal(up.status, 200, up.body + up.stderr);
    const [uploaded] = copies(s.dir, 'uploaded');
    assert.ok(uploaded);
    assert.match(text(up.body), new RegExp(`my-copy.db arrived whole and checks out. It is kept among the copies below as ${uploaded}`));
    assert.match(text(up.body), new RegExp(`Restore from ${uploaded}\\?`));
    assert.equal(one(s.db, "SELECT count(*) FROM org WHERE name = 'changed after the copy'"), '1', 'nothing replaced before the confirmation');
    const done = s.staff('/backups/restore', { method: 'POST', fields: { csrf: s.csrf, name: uploaded, confirm: 'yes' } });
    assert.equal(done.status, 200, done.body);
    assert.equal(one(s.db, "SELECT count(*) FROM org WHERE name = 'changed after the copy'"), '0');
    assert.equal(copies(s.dir, 'before-restore').length, 1);
    rmSync(join(good, '..'), { recursive: true });
  } finally {
    rmSync(s.dir, { recursive: true });
  }
});

test('a bad upload (not a database, a damaged one, another program\'s) is refused in words, nothing changed or kept', async () => {
  const s = await ownSite();
  try {
    const work = mkdtempSync(join(tmpdir(), 'liaison-bad-'));
    const damaged = join(work, 'damaged.db');
    assert.equal(adminOn(s.db, ['backup', damaged]).status, 0);
    const fd = openSync(damaged, 'r+');
    for (let page = 3; page < 12; page++) writeSync(fd, Buffer.alloc(600, 0x5a), 0, 600, page * 4096 + 100);
    closeSync(fd);
    const other = join(work, 'other.db');
    execFileSync('sqlite3', [other, 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes VALUES (1, \'x\')']);
    const cases = [
      ['notes.txt', Buffer.from('These are not the droids you are looking for.\n'.repeat(50)), /is not a Liaison database/],
      ['damaged.db', readFileSync(damaged), /cannot be restored, and nothing was changed or kept: .*(integrity|malformed|not a database)/],
      ['other.db', readFileSync(other), /is not a Liaison database/],
    ];
    const before = one(s.db, 'SELECT group_concat(name) FROM org');
    for (const [name, content, message] of cases) {
      const r = s.staff('/backups/upload', { method: 'POST', upload: { fields: { csrf: s.csrf }, file: { name, content } } });
      assert.equal(r.status, 400, `${name}: ${r.body}`);
      assert.match(text(r.body), message, name);
      assert.ok(text(r.body).includes(`${name} cannot be restored`), name);
      const said = r.body.match(/<div class="error-summary" role="alert"[^>]*><p>([^<]*)<\/p>/)[1];
      assert.ok(!said.includes(s.dir), `the refusal names the file as it was sent: ${said}`);
    }
    assert.deepEqual(copies(s.dir, 'uploaded'), []);
    assert.deepEqual(copies(s.dir, 'before-restore'), []);
    assert.deepEqual(readdirSync(s.dir).filter((f) => f.startsWith('liaison-upload')), []);
    assert.equal(one(s.db, 'SELECT group_concat(name) FROM org'), before);
    // No file, and no token.
    assert.equal(s.staff('/backups/upload', { method: 'POST', upload: { fields: { csrf: s.csrf } } }).status, 400);
    assert.equal(s.staff('/backups/upload', { method: 'POST', upload: { fields: {}, file: { name: 'x.db', content: readFileSync(damaged) } } }).status, 403);
    // Over the limit (a setting): refused before it is read.
    const big = s.staff('/backups/upload', { method: 'POST', env: { LIAISON_BACKUP_UPLOAD_MB: '1' },
      upload: { fields: { csrf: s.csrf }, file: { name: 'big.db', content: Buffer.alloc(1100 * 1024, 1) } } });
    assert.equal(big.status, 413);
    assert.match(text(big.body), /larger than 1 MB, the most this page takes \(LIAISON_BACKUP_UPLOAD_MB\)/);
    rmSync(work, { recursive: true });
  } finally {
    rmSync(s.dir, { recursive: true });
  }
});

test('settings that are misspelt, wrong or quoted are shown to administrators and by liaison-admin check', async () => {
  const s = await ownSite();
  try {
    const conf = join(s.dir, 'liaison.conf');
    writeFileSync(conf, [
      '# a site\'s settings',
      'LIAISON_SITENAME = Tri-County Libraries',
      'LIAISON_FISCAL_YEAR_START = Juli',
      'LIAISON_OPERATOR_NAME = "Tri-County Library Board"',
      'LIAISON_REPORT_PUBLIC = perhaps',
      'LIAISON_FISCAL_YEAR_START = July',
      'just some words',
      '',
    ].join('\n'));
    const env = { LIAISON_CONFIG: conf };
    const page = s.staff('/backups', { env });
    assert.equal(page.status, 200);
    const t = text(page.body);
    assert.match(t, /The settings have 5 problem/);
    assert.ok(t.includes(`${conf}, line 2LIAISON_SITENAMEis not a setting, and was ignored. Did you mean LIAISON_SITE_NAME?`), t);
    assert.ok(t.includes('line 3LIAISON_FISCAL_YEAR_START"Juli" is not allowed: a month, 1 (January) to 12 (December), or its name.'));
    assert.ok(t.includes('line 4LIAISON_OPERATOR_NAMEthe value is in quotes'));
    assert.ok(t.includes('line 5LIAISON_REPORT_PUBLIC"perhaps" is not allowed: 0 (no) or 1 (yes).'));
    assert.ok(t.includes('line 7"just some words" is not a setting'));
    // Every staff page tells an administrator; the values meant are the ones used.
    const queue = s.staff('/queue', { env });
    assert.match(text(queue.body), /The settings file has 5 problem\(s\)/);
    const c = adminOn(s.db, ['check'], env);
    assert.equal(c.status, 1, 'check exits 1, so a cron job running it mails');
    assert.ok(c.stdout.includes('ok'));
    assert.ok(c.stderr.includes(`${conf}, line 2: LIAISON_SITENAME is not a setting, and was ignored. Did you mean LIAISON_SITE_NAME?`), c.stderr);
    assert.doesNotMatch(c.stderr, /line 6/, 'July, written out, is a month');
    assert.match(c.stderr, /settings: 5 problems \(the site runs, with the defaults named above\)/);
    // July, written out, is July: the report's fiscal year follows it.
    writeFileSync(conf, 'LIAISON_FISCAL_YEAR_START = July\nLIAISON_SITE_NAME = Tri-County Libraries\n');
    const fine = adminOn(s.db, ['check'], env);
    assert.equal(fine.status, 0, fine.stderr);
    assert.equal(fine.stderr, '');
    const report = cgi('report', { env: { ...env, LIAISON_DB: s.db } });
    assert.match(text(report.body), /\d{4}-07-01 to \d{4}-06-30, compared with/);
  } finally {
    rmSync(s.dir, { recursive: true });
  }
});

test('the nightly backup is quiet unless it fails, and keeps the newest LIAISON_BACKUPS_KEEP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-rotate-'));
  try {
    const db = join(dir, 'liaison.db');
    assert.equal(adminOn(DB, ['backup', db]).status, 0);
    const made = [];
    for (let i = 0; i < 5; i++) {
      const r = adminOn(db, ['backup', '--quiet'], { LIAISON_BACKUPS_KEEP: '3' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, '');
      made.push(...copies(dir, 'backup').filter((f) => !made.includes(f)));
    }
    assert.equal(made.length, 5);
    const left = copies(dir, 'backup');
    assert.equal(left.length, 3);
    assert.deepEqual(left.sort(), made.slice(2).sort(), 'the newest three are kept');
    // Other kinds are counted apart: a before-restore copy is not pushed out by nightly ones.
    writeFileSync(join(dir, 'liaison-before-restore-20200101-000000.db'), readFileSync(join(dir, left[0])));
    assert.equal(adminOn(db, ['backup', '--quiet'], { LIAISON_BACKUPS_KEEP: '3' }).status, 0);
    assert.equal(copies(dir, 'before-restore').length, 1);
    assert.equal(copies(dir, 'backup').length, 3);
    // A failure speaks, on standard error, and exits 1: the panel mails it.
    const fail = adminOn(join(dir, 'nothing-here', 'liaison.db'), ['backup', '--quiet']);
    assert.equal(fail.status, 1);
    assert.equal(fail.stdout, '');
    assert.notEqual(fail.stderr, '');
  } finally {
    rmSync(dir, { recursive: true });
  }
});
