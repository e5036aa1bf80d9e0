// cgi.test.mjs - the same binary run as plain CGI, as a shared host's mod_cgi runs list.cgi:
// links follow SCRIPT_NAME, errors keep their status, the database's absence is a 503 that
// says what to do, valgrind finds nothing, and a CSV export's memory does not grow with rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cgi, sql, DB, PLAIN_BIN, SRCDIR, formBody, application, mintToken, signinToken } from './helpers.mjs';

test('CGI: the directory page with links under /cgi-bin/', () => {
  const r = cgi('list', { query: 'country=CO' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.status, 200);
  assert.match(r.head, /^Content-Type: text\/html; charset=utf-8$/m);
  assert.match(r.body, /<a href="\/cgi-bin\/list\.cgi\/\d+" dir="auto">Biblioteca Pública Municipal de Pereira<\/a>/);
  assert.match(r.body, /<form class="filters" method="get" action="\/cgi-bin\/list\.cgi"/);
});

test('CGI: search and matches link to the other programs under /cgi-bin/', () => {
  const r = cgi('search', { query: 'q=pereira' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.status, 200);
  assert.match(r.body, /<a href="\/cgi-bin\/list\.cgi\/\d+" dir="auto">Biblioteca Pública Municipal de <mark>Pereira<\/mark><\/a>/);
  assert.match(r.body, /<form class="search-form" role="search" method="get" action="\/cgi-bin\/search\.cgi">/);
  const id = sql("SELECT id FROM org WHERE name = 'Maple Falls Public Library'");
  const m = cgi('search', { query: `match=${id}` });
  assert.equal(m.status, 200);
  assert.match(m.body, /<a href="\/cgi-bin\/list\.cgi\/\d+" dir="auto">/);
  assert.match(cgi('list', { pathInfo: `/${id}` }).body, new RegExp(`href="/cgi-bin/search\\.cgi\\?match=${id}"`));
});

test('CGI: a profile through PATH_INFO, and its errors', () => {
  const id = sql("SELECT id FROM org WHERE name = 'Maple Falls Public Library'");
  const r = cgi('list', { pathInfo: `/${id}` });
  assert.equal(r.status, 200);
  assert.match(r.body, /<h1 dir="auto">Maple Falls Public Library<\/h1>/);
  assert.equal(cgi('list', { pathInfo: '/424242' }).status, 404);
  assert.equal(cgi('list', { query: 'page=0' }).status, 400);
  const post = cgi('list', { method: 'POST' });
  assert.equal(post.status, 405);
  assert.match(post.head, /^Allow: GET, HEAD$/m);
});

test('CGI: a missing database is a 503 that says so, and the log (not the page) says which file', () => {
  const r = cgi('list', { env: { LIAISON_DB: '/nonexistent/liaison.db' } });
  assert.equal(r.code, 0);
  assert.equal(r.status, 503);
  assert.match(r.head, /^Retry-After: 5$/m);
  assert.match(r.body, /The database file is gone/);
  assert.doesNotMatch(r.body, /nonexistent/, 'where the file lives is for the log only');
  assert.match(r.stderr, /the database file \/nonexistent\/liaison\.db is gone or cannot be reached \(No such file or directory\)/);
});

test('CGI: a database from an older version asks for liaison-admin migrate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-old-'));
  const old = join(dir, 'old.db');
  copyFileSync(DB, old);
  execFileSync('sqlite3', [old, 'PRAGMA user_version = 1']);
  const r = cgi('list', { env: { LIAISON_DB: old } });
  assert.equal(r.status, 503);
  assert.match(r.body, /schema version 1 .* run “liaison-admin migrate”/);
  rmSync(dir, { recursive: true });
});

test('CGI: a page is kept between processes until what it shows, or the templates, change', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-store-'));
  try {
    const db = join(dir, 'site.db');
    assert.equal(spawnSync(`${PLAIN_BIN}/liaison-admin`, ['backup', db], { env: { PATH: process.env.PATH, LIAISON_DB: DB } }).status, 0);
    execFileSync('sqlite3', [db, 'DELETE FROM page_store']);	// what the other CGI tests kept
    const templates = join(dir, 'templates');
    execFileSync('cp', ['-r', `${SRCDIR}/templates`, templates]);
    const env = { LIAISON_DB: db, LIAISON_TEMPLATES: templates };
    const page = () => cgi('list', { query: 'page=2', env });
    const first = page();
    assert.equal(first.status, 200);
    assert.equal(execFileSync('sqlite3', [db, 'SELECT count(*) FROM page_store'], { encoding: 'utf8' }).trim(), '1');
    // The next process answers from the store: the same bytes, the facet counts not made again.
    execFileSync('sqlite3', [db, "UPDATE page_store SET body = replace(body, '</footer>', '<!-- from the store --></footer>')"]);
    const second = page();
    assert.match(second.body, /<!-- from the store -->/);
    assert.equal(second.body.replace('<!-- from the store -->', ''), first.body);
    // A change to an entry on the page moves the version: the next page is made afresh.
    const name = first.body.match(/<h3><a href="[^"]*" dir="auto">([^<]*)<\/a><\/h3>/)[1];
    execFileSync('sqlite3', [db, `UPDATE org SET name = name || ' (renamed)' WHERE name = '${name.replace(/'/g, "''").replace(/&amp;/g, '&')}'`]);
    const third = page();
    assert.doesNotMatch(third.body, /<!-- from the store -->/);
    assert.notEqual(third.body, first.body);
    // So does an edited template.
    execFileSync('sh', ['-c', `sleep 1.1; sed -i 's/ is run by / is kept by /' '${templates}/layout.tpl'`]);
    assert.match(page().body, / is kept by /);
    // A FastCGI process never uses the store; a CGI process with the page cache off neither.
    const off = cgi('list', { query: 'page=4', env: { ...env, LIAISON_PAGE_CACHE: '0' } });
    assert.equal(off.status, 200);
    assert.equal(execFileSync('sqlite3', [db, "SELECT count(*) FROM page_store WHERE key LIKE '%page=4'"], { encoding: 'utf8' }).trim(), '0');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

const valgrind = spawnSync('valgrind', ['--version']).status === 0;

// A staff form token for the demo admin signed in through REMOTE_USER.
const staffToken = () => mintToken({ purpose: 'staff', binding: `user:${sql("SELECT id FROM account WHERE name = 'admin'")}` });
// A multipart upload of a CSV file with a staff token, as { body, contentType }.
function upload(kind, csv) {
  const b = 'valgrindboundary';
  const body = `--${b}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${staffToken()}\r\n`
    + `--${b}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`
    + `--${b}\r\nContent-Disposition: form-data; name="file"; filename="f.csv"\r\n\r\n${csv}\r\n--${b}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${b}` };
}

test('CGI under valgrind: no invalid access, no leak, on every kind of answer', { skip: !valgrind && 'valgrind is not installed' }, () => {
  const id = sql("SELECT id FROM org WHERE name LIKE 'Львівська%'");
  const pending = sql("SELECT org_id FROM application WHERE reference = '8D04E-5A9C2'");
  const adminId = sql("SELECT id FROM account WHERE name = 'admin'");
  const requests = [
    { query: 'kind=library&language=es&sort=confirmed&page=2' },
    { pathInfo: `/${id}` },
    { query: 'format=csv&country=FR' },
    { query: 'country=ZZZ' },
    { query: 'kind=%FF%FE' },
    { pathInfo: '/999999' },
    { method: 'POST' },
    { program: 'search', query: 'q=bibli&language=fr' },
    { program: 'search', query: `q=${encodeURIComponent('中央 図書館 上海 "x')}` },
    { program: 'search', query: 'q=library&format=csv' },
    { program: 'search', query: 'q=-' },
    { program: 'search', query: `match=${id}` },
    { program: 'search', query: 'match=999999' },
    { program: 'apply' },
    { program: 'apply', method: 'POST', body: formBody(application({ contact_email: 'x', languages: ['xx'] })) },
    { program: 'apply', method: 'POST', body: formBody(application({ csrf: 'bad' })) },
    { program: 'apply', method: 'POST', body: formBody(application()), expect: 303 },
    { program: 'apply', pathInfo: '/00000-00000' },
    { program: 'staff', pathInfo: '/queue', expect: 303 },
    ...[['staff', 'demo-password', 303], ['valgrind-nobody', 'x', 400]].map(([name, password, expect]) => {
      const { cookie, csrf } = signinToken();
      return { program: 'staff', pathInfo: '/sign-in', method: 'POST', cookie, expect,
        body: formBody({ csrf, name, password }) };
    }),
    ...['/queue', '/entries?q=a', '/stale', `/org/${id}`, '/audit'].map((path) => ({
      program: 'staff', pathInfo: path.split('?')[0], query: path.split('?')[1], remoteUser: 'admin', expect: 200 })),
    { program: 'staff', pathInfo: `/org/${pending}/wait`, method: 'POST', remoteUser: 'admin', expect: 303,
      body: formBody({ csrf: mintToken({ purpose: 'staff', binding: `user:${adminId}` }), note: 'Which city?' }) },
    { program: 'staff', pathInfo: `/org/${pending}`, method: 'POST', remoteUser: 'admin', expect: 400,
      body: formBody({ ...application({ city: '' }), csrf: mintToken({ purpose: 'staff', binding: `user:${adminId}` }) }) },
    ...['', '/1', '/new', '/1/edit', '/1/activities/new', '/1/activities/1', '/1/activities/1/delete'].map((path) => ({
      program: 'partnerships', pathInfo: path, remoteUser: 'admin', expect: 200 })),
    { program: 'partnerships', pathInfo: '/1/activities/new', method: 'POST', remoteUser: 'admin', expect: 400,
      body: formBody({ csrf: staffToken(), held_on: '2026-02-30', type: 'storytime', counted_as: 'program',
        format: 'in_person', sessions: '1', att_0_5_virt: '2', library_cost: '12,50', respondents: '9' }) },
    { program: 'partnerships', pathInfo: '/1/activities/new', method: 'POST', remoteUser: 'admin', expect: 303,
      body: formBody({ csrf: staffToken(), held_on: sql("SELECT date('now')"), type: 'storytime', counted_as: 'program',
        format: 'hybrid', sessions: '1', att_0_5_in: '8', att_0_5_virt: '2', library_cost: '12.50', respondents: '9' }) },
    { program: 'partnerships', pathInfo: '/1/edit', method: 'POST', remoteUser: 'admin', expect: 400,
      body: formBody({ csrf: staffToken(), host: '1', partner: '1', kind: 'x', start_on: '2099-01-01' }) },
    { program: 'import', remoteUser: 'admin', expect: 200 },
    { program: 'import', pathInfo: '/template', query: 'kind=organizations', remoteUser: 'admin', expect: 200 },
    { program: 'import', method: 'POST', remoteUser: 'admin', expect: 400, ...upload('organizations',
      'name,type,country,city,languages,interests,timezone,contact_name,contact_email\nA,public,FR,Caen,fr,x,UTC,A,a@b.c\n') },
    { program: 'import', method: 'POST', remoteUser: 'admin', expect: 200, ...upload('activities',
      '\ufeffpartnership,held_on,type,counted_as,format,sessions,notes\r\n1,2026-01-02,storytime,program,in_person,1,"a\r\nb"\r\n') },
    { program: 'import', pathInfo: '/confirm', method: 'POST', remoteUser: 'admin', expect: 400,
      body: formBody({ csrf: staffToken(), pending: 'a'.repeat(32), rows: '1', duplicates: '0' }) },
    { program: 'import', pathInfo: '/batches/999999/undo', remoteUser: 'admin', expect: 404 },
  ];
  for (const req of requests) {
    const r = spawnSync('valgrind', ['-q', '--error-exitcode=99', '--leak-check=full',
      '--errors-for-leak-kinds=definite,indirect', '--show-leak-kinds=definite,indirect',
      `${PLAIN_BIN}/cgi-bin/${req.program ?? 'list'}`], {
      env: {
        PATH: process.env.PATH, GATEWAY_INTERFACE: 'CGI/1.1', REQUEST_METHOD: req.method ?? 'GET',
        QUERY_STRING: req.query ?? '', PATH_INFO: req.pathInfo ?? '',
        SCRIPT_NAME: `/cgi-bin/${req.program ?? 'list'}.cgi`,
        LIAISON_DB: DB, LIAISON_TEMPLATES: `${SRCDIR}/templates`, REMOTE_ADDR: '127.0.4.1',
        HTTP_HOST: 'library.example', REQUEST_URI: `/cgi-bin/${req.program ?? 'list'}.cgi${req.pathInfo ?? ''}`,
        ...(req.body === undefined ? {} : { CONTENT_TYPE: req.contentType ?? 'application/x-www-form-urlencoded', CONTENT_LENGTH: String(Buffer.byteLength(req.body)) }),
        ...(req.remoteUser ? { REMOTE_USER: req.remoteUser, LIAISON_TRUST_REMOTE_USER: '1' } : {}),
        ...(req.cookie ? { HTTP_COOKIE: req.cookie } : {}),
      },
      input: req.body ?? '', maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(r.status, 0, `${JSON.stringify(req)}:\n${r.stderr}`);
    assert.match(r.stdout.toString(), new RegExp(`^Status: ${req.expect ?? '\\d{3}'} `), JSON.stringify(req));
  }
});

const gnuTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

// Peak resident memory (kB) of one CSV export of every row of db, by the optimized build.
function exportPeakKb(db) {
  const r = spawnSync('/usr/bin/time', ['-f', 'PEAK %M', `${PLAIN_BIN}/cgi-bin/list`], {
    env: {
      PATH: process.env.PATH, GATEWAY_INTERFACE: 'CGI/1.1', REQUEST_METHOD: 'GET',
      QUERY_STRING: 'format=csv', SCRIPT_NAME: '/list', LIAISON_DB: db,
      LIAISON_TEMPLATES: `${SRCDIR}/templates`,
    },
    input: '', maxBuffer: 512 * 1024 * 1024,
  });
  assert.equal(r.status, 0, r.stderr.toString());
  return { peak: Number(r.stderr.toString().match(/PEAK (\d+)/)[1]), bytes: r.stdout.length };
}

test('CSV export is streamed: 50,000 rows take no more memory than 1,000', { skip: !gnuTime && 'GNU time is not installed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-mem-'));
  try {
    for (const n of [1000, 50000])
      execFileSync(`${SRCDIR}/bench/mkdb.sh`, [String(n), join(dir, `${n}.db`), PLAIN_BIN]);
    const small = exportPeakKb(join(dir, '1000.db'));
    const large = exportPeakKb(join(dir, '50000.db'));
    assert.ok(large.bytes > 40 * small.bytes, 'the large export really is larger');
    // Fifty times the rows (about 20 MB of CSV). SQLite's page cache may grow to its 2 MB cap on
    // the larger file; anything that kept rows in memory would add megabytes per 10,000 rows.
    assert.ok(large.peak - small.peak < 4096, `peak ${small.peak} kB for 1,000 rows, ${large.peak} kB for 50,000`);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('CGI: a database locked past the busy timeout is a 503 that says to try again', async () => {
  const { spawn } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'liaison-busy-'));
  const db = join(dir, 'busy.db');
  copyFileSync(DB, db);
  execFileSync('sqlite3', [db, 'PRAGMA journal_mode = WAL']);
  // A writer in exclusive locking mode holds the database until it is told to stop.
  const holder = spawn('sqlite3', [db], { stdio: ['pipe', 'pipe', 'inherit'] });
  holder.stdin.write("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE org SET city = city WHERE id = 1; SELECT 'locked';\n");
  await new Promise((resolve) => holder.stdout.once('data', resolve));
  try {
    for (const query of ['', 'format=csv', 'country=FR']) {
      const r = cgi('list', { query, env: { LIAISON_DB: db, LIAISON_BUSY_TIMEOUT_MS: '200' } });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.status, 503, `${query}: ${r.head}`);
      assert.match(r.head, /^Retry-After: 5$/m);
      assert.match(r.body, /busy|cannot be set up/);
    }
  } finally {
    holder.stdin.end('ROLLBACK;\n');
    await new Promise((resolve) => holder.on('close', resolve));
  }
  assert.equal(cgi('list', { env: { LIAISON_DB: db } }).status, 200, 'answers again once the lock is gone');
  rmSync(dir, { recursive: true });
});
