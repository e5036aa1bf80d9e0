// hosts.test.mjs - the upload bundle on hosts built the way hosting companies build them
// (tests/apache-hosts.sh makes them, one Apache for all): the strictest AllowOverride sets
// the bundle is meant for run it; every way it can fail first - .htaccess not read, refused
// directives, programs left 644 by FTP, a program damaged by a text-mode transfer, no suEXEC -
// shows the librarian a page in words that names the cause and the fix, never a bare 500.
// LIAISON_HOSTS is "name port name port …"; LIAISON_HOSTS_DIR the folder the accounts are in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ports = Object.fromEntries(process.env.LIAISON_HOSTS.trim().split(/\s+/).reduce((a, w, i, all) => (i % 2 ? a : [...a, [w, all[i + 1]]]), []));
const DIR = process.env.LIAISON_HOSTS_DIR;
const TOP = '/library/partners/';
const get = async (host, path = '', init = {}) => {
  const r = await fetch(`http://127.0.0.1:${ports[host]}${TOP}${path}`, { redirect: 'manual', ...init });
  return { status: r.status, type: r.headers.get('content-type') ?? '', location: r.headers.get('location'), text: await r.text() };
};
const words = (html) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
// Apache's own bare 500 page, which says nothing a librarian could act on.
const bare = /The server encountered an internal error or\s+misconfiguration/;

for (const host of ['strict', 'limit']) {
  test(`AllowOverride ${host === 'strict' ? 'FileInfo Options=ExecCGI,Indexes AuthConfig Indexes' : 'FileInfo Options=ExecCGI,Indexes AuthConfig Limit'}: the site runs, and files stay private`, async () => {
    const front = await get(host);
    assert.equal(front.status, 200, front.text.slice(0, 300));
    assert.match(front.text, /<h1[^>]*>Libraries Seeking Partners<\/h1>/);
    for (const [path, status] of [['list', 200], ['search?q=maple', 200], ['cgi-bin/list.fcgi', 200], ['htdocs/liaison.css', 200],
      ['apply', 200], ['liaison.conf', 403], ['.htaccess', 403], ['bin/liaison-admin', 403], ['bin/checksums', 403], ['htdocs/', 404]]) {
      const r = await get(host, path);
      assert.equal(r.status, status, `${host} ${path}: ${r.status}`);
    }
    // The old plain-CGI addresses lead to the one program file.
    const old = await get(host, 'cgi-bin/search.cgi?q=library');
    assert.equal(old.status, 200);
    assert.match(old.text, /Search/);
  });
}

test("Debian's stock /~user/ (no Options override, no CGI): the front page says cgi-bin/.htaccess is refused and what to ask the host", async () => {
  const r = await get('userdir');
  assert.equal(r.status, 200);
  assert.doesNotMatch(r.text, bare);
  assert.match(words(r.text), /The host refuses the file cgi-bin\/\.htaccess/);
  assert.match(r.text, /Options=ExecCGI,Indexes/);
  // The page's own check (run by browsers) tells the two cases apart by this answer:
  assert.equal((await get('userdir', 'liaison.conf', { method: 'HEAD' })).status, 403);
});

test('.htaccess not read at all (AllowOverride None): the front page says so and what to ask the host', async () => {
  const r = await get('none');
  assert.equal(r.status, 200);
  assert.match(words(r.text), /The host does not read the bundle's \.htaccess files/);
  assert.match(r.text, /AllowOverride FileInfo Options=ExecCGI,Indexes AuthConfig Indexes/);
  // …which the page checks: the settings file is readable there, and nowhere else.
  assert.equal((await get('none', 'liaison.conf', { method: 'HEAD' })).status, 200);
  assert.equal((await get('strict', 'liaison.conf', { method: 'HEAD' })).status, 403);
});

test('an FTP upload left every program 644: every page explains it (no bare 500), naming 755 and the folders', async () => {
  for (const path of ['', 'list', 'staff/sign-in', 'cgi-bin/apply.fcgi']) {
    const r = await get('ftp', path);
    assert.equal(r.status, 500);
    assert.doesNotMatch(r.text, bare);
    assert.match(r.type, /^text\/html/);
    assert.match(words(r.text), /The programs are not executable\. An FTP upload leaves every file 644\./);
    assert.match(r.text, /<code>cgi-bin\/<\/code> and <code>bin\/<\/code> and set the permissions to 755/);
  }
});

test("INSTALL.md's one chmod after an FTP upload (cgi-bin/ and bin/ to 755) gives a working site and a working nightly backup", async () => {
  const r = await get('ftpdone');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.match(r.text, /Libraries Seeking Partners/);
  const check = await get('ftpdone', 'cgi-bin/check.cgi');
  assert.equal(check.status, 200);
  assert.doesNotMatch(check.text, /class="bad"/, words(check.text));
  // The cron line INSTALL.md gives, as the account runs it.
  const admin = join(DIR, 'ftpdone/www/library/partners/bin/liaison-admin');
  const asOwner = process.getuid() === 0 ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'] : [];
  const out = execFileSync('env', ['-i', 'PATH=/usr/bin:/bin', ...asOwner, admin, 'backup'], { encoding: 'utf8' });
  assert.match(out, /^backed up .*liaison-data\/liaison\.db to .*liaison-backup-/);
});

test('a program damaged by a text-mode transfer: the page explains, and check.cgi names the file and binary mode', async () => {
  const r = await get('textmode');
  assert.equal(r.status, 500);
  assert.doesNotMatch(r.text, bare);
  assert.match(words(r.text), /The programs were damaged in the upload\..*Transfer type, Binary/);
  const list = join(DIR, 'textmode/www/library/partners/cgi-bin/list.fcgi');
  assert.ok(statSync(list).size < statSync(join(DIR, 'strict/www/library/partners/cgi-bin/list.fcgi')).size, 'the copy really lost bytes');
  const check = await get('textmode', 'cgi-bin/check.cgi');
  assert.equal(check.status, 200);
  const bad = [...check.text.matchAll(/<li class="bad">(.*?)<\/li>/g)].map((m) => words(m[1]));
  assert.equal(bad.length, 2, bad.join('\n'));
  assert.match(bad[0], /^cgi-bin\/list\.fcgi was damaged in the upload .* sent it as text\. Upload it again in binary mode \(FileZilla: menu Transfer, Transfer type, Binary\)/);
  assert.match(bad[1], /^bin\/liaison-admin was damaged in the upload/);
  // The undamaged programs still run.
  assert.equal((await get('textmode', 'search?q=maple')).status, 200);
});

test('check.cgi names programs left 644, once it can run itself', async () => {
  // On the ftp host check.cgi is 644 too, so the 500 page is what shows; chmod only it.
  const check = join(DIR, 'ftp/www/library/partners/cgi-bin/check.cgi');
  execFileSync('chmod', ['755', check]);
  try {
    const r = await get('ftp', 'cgi-bin/check.cgi');
    assert.equal(r.status, 200);
    assert.match(words(r.text), /cgi-bin\/list\.fcgi is not executable \(rw-r--r--\): set its permissions to 755/);
    assert.match(words(r.text), /bin\/liaison-admin is not executable/);
  } finally {
    execFileSync('chmod', ['644', check]);
  }
});

test('no suEXEC: the page names suEXEC and check.cgi, and check.cgi says only the host can help', async () => {
  const r = await get('nosuexec');
  assert.equal(r.status, 503);
  assert.match(words(r.text), /could not make the folder .*liaison-data.*without suEXEC.*cgi-bin\/check\.cgi/);
  const check = await get('nosuexec', 'cgi-bin/check.cgi');
  assert.equal(check.status, 200);
  assert.match(words(check.text), /this host runs CGI programs without suEXEC/);
  assert.match(words(check.text), /without suEXEC no folder you make can fix that/);
  assert.doesNotMatch(words(check.text), /Make the folder yourself/);
});

test('a copy of the database anywhere in the bundle, whatever its name, is refused', async () => {
  const db = join(DIR, 'strict/liaison-data/liaison.db');
  assert.match(readFileSync(db).subarray(0, 16).toString(), /^SQLite format 3/);
  const bundle = join(DIR, 'strict/www/library/partners');
  const names = ['liaison.db.bak', 'copy-of-site', 'htdocs/style-backup', 'cgi-bin/liaison.db', 'index.html.db', 'Liaison Backup (2).DB'];
  for (const n of names) { execFileSync('cp', [db, join(bundle, n)]); execFileSync('chmod', ['644', join(bundle, n)]); }
  try {
    for (const n of names) {
      const r = await get('strict', encodeURI(n));
      assert.ok(r.status === 403 || r.status === 404, `${n}: ${r.status}`);
      assert.doesNotMatch(r.text, /SQLite format 3/, n);
    }
  } finally {
    execFileSync('rm', ['-f', ...names.map((n) => join(bundle, n))]);
  }
});
