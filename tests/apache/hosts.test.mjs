// hosts.test.mjs - the upload bundle on hosts built the way hosting companies build them
// (tests/apache-hosts.sh makes them, one Apache for all): the strictest AllowOverride sets
// the bundle is meant for run it; every way it can fail first - .htaccess not read, refused
// directives, programs left 644 by FTP, a program damaged by a text-mode transfer, no suEXEC -
// shows the librarian a page in words that names the cause and the fix, never a bare 500. And
// a host with real suEXEC (as root): the programs run as the account, its data its own.
// LIAISON_HOSTS is "name port name port …"; LIAISON_HOSTS_DIR the folder the accounts are in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ports = Object.fromEntries(process.env.LIAISON_HOSTS.trim().split(/\s+/).reduce((a, w, i, all) => (i % 2 ? a : [...a, [w, all[i + 1]]]), []));
const DIR = process.env.LIAISON_HOSTS_DIR;
const TOP = '/library/partners/';
const get = async (host, path = '', init = {}) => {
  const r = await fetch(`http://127.0.0.1:${ports[host]}${TOP}${path}`, { redirect: 'manual', ...init });
  return { status: r.status, type: r.headers.get('content-type') ?? '', location: r.headers.get('location'), text: await r.text() };
};
const words = (html) => html.replace(/<[^>]*>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
// The account's cron job, as that account: nobody stands for the suEXEC accounts, daemon for
// the one whose host has no suEXEC (tests/apache-hosts.sh). Returns status and output.
const cron = (command, account = 'nobody') => {
  const as = process.getuid() === 0 ? ['setpriv', `--reuid=${account}`, `--regid=${account === 'nobody' ? 'nogroup' : account}`, '--clear-groups'] : [];
  try {
    return { status: 0, out: execFileSync('env', ['-i', 'PATH=/usr/bin:/bin', ...as, 'sh', '-c', command], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    return { status: e.status, out: `${e.stdout}${e.stderr}` };
  }
};
const bundleOf = (host) => join(DIR, { subin: 'subin/www/sub', subhome2: 'subhome/sub' }[host] ?? `${host}/www`, 'library/partners');
// The setup page's form, filled as a librarian would from the code file it names.
const setUp = async (host, dataFolder, name = 'librarian') => {
  const page = await get(host, 'staff/setup');
  assert.equal(page.status, 200, words(page.text).slice(0, 300));
  const csrf = page.text.match(/name="csrf" value="([^"]+)"/)[1];
  const code = readFileSync(join(dataFolder, 'liaison-setup-token.txt'), 'utf8').trim();
  const body = new URLSearchParams({ csrf, code, name, password: 'a long enough password', again: 'a long enough password' });
  const r = await get(host, 'staff/setup', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.ok(r.status === 303 || r.status === 200, `setup: ${r.status} ${words(r.text).slice(0, 300)}`);
};
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
    assert.match(r.text, /select every file in <code>cgi-bin\/<\/code> and set the permissions to 755 \(<code>bin\/<\/code> may stay as it is\)/);
  }
});

test("INSTALL.md's one chmod after an FTP upload (the programs in cgi-bin/ to 755; bin/liaison-admin stays 644) gives a working site and a working nightly backup", async () => {
  const r = await get('ftpdone');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.match(r.text, /Libraries Seeking Partners/);
  const check = await get('ftpdone', 'cgi-bin/check.cgi');
  assert.equal(check.status, 200);
  assert.doesNotMatch(check.text, /class="bad"/, words(check.text));
  // The cron line the backups page gives, as the account runs it: bin/liaison-admin is still 644.
  const bin = join(DIR, 'ftpdone/www/library/partners/bin');
  assert.equal(statSync(join(bin, 'liaison-admin')).mode & 0o777, 0o644);
  const run = cron(`sh ${bin}/admin.sh backup --quiet`);
  assert.deepEqual(run, { status: 0, out: '' });
  assert.ok(readdirSync(join(DIR, 'ftpdone/liaison-data')).some((f) => /^liaison-backup-.*\.db$/.test(f)));
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
  assert.match(bad[1], /^bin\/liaison-admin was damaged in the upload .*, so the nightly backup fails/);
  // The undamaged programs still run, and the setup page names both files and the fix.
  assert.equal((await get('textmode', 'search?q=maple')).status, 200);
  const setup = words((await get('textmode', 'staff/setup')).text);
  assert.match(setup, /Damaged in the upload: cgi-bin\/list\.fcgi, bin\/liaison-admin .*FileZilla: menu Transfer , Transfer type , Binary/);
  // The nightly cron line fails loudly, in words, and runs nothing damaged.
  const bin = join(DIR, 'textmode/www/library/partners/bin');
  const run = cron(`sh ${bin}/admin.sh backup --quiet`);
  assert.equal(run.status, 1);
  assert.match(run.out, /^Liaison's admin tool did NOT run \(liaison-admin backup --quiet\): .*bin\/liaison-admin was damaged in the upload \(\d+ bytes, not \d+\): an FTP program sent it as text\. Upload bin\/liaison-admin again in binary mode \(FileZilla: menu Transfer, Transfer type, Binary\)/);
});

test('check.cgi names programs left 644, once it can run itself', async () => {
  // On the ftp host check.cgi is 644 too, so the 500 page is what shows; chmod only it.
  const check = join(DIR, 'ftp/www/library/partners/cgi-bin/check.cgi');
  execFileSync('chmod', ['755', check]);
  try {
    const r = await get('ftp', 'cgi-bin/check.cgi');
    assert.equal(r.status, 200);
    assert.match(words(r.text), /cgi-bin\/list\.fcgi is not executable \(rw-r--r--\): set its permissions to 755/);
    // bin/liaison-admin may stay 644: the cron line runs it through sh bin/admin.sh backup --quiet.
    assert.match(words(r.text), /bin\/liaison-admin is whole\. It is not executable \(rw-r--r--\), which is fine: the nightly cron line runs it through sh bin\/admin\.sh backup --quiet/);
  } finally {
    execFileSync('chmod', ['644', check]);
  }
});

test('no suEXEC: the page says what the host does and the two ways on; with the folder made 777 the site runs, says so, and the cron backup works', async () => {
  const r = await get('nosuexec');
  assert.equal(r.status, 503);
  const said = words(r.text);
  assert.match(said, /runs Liaison's programs as the web server's own user, not as your hosting account: it has no suEXEC\. So they cannot make the folder liaison-data \(in your account's top folder/);
  assert.match(said, /ask your host to turn on suEXEC.*make that folder yourself in the file manager with permissions 777.*your cron backup still works/);
  assert.ok(!said.includes(DIR), 'no server path on a public page');
  const check = await get('nosuexec', 'cgi-bin/check.cgi');
  assert.equal(check.status, 200);
  assert.match(words(check.text), /this host runs CGI programs without suEXEC/);
  assert.match(words(check.text), /Otherwise make that folder yourself in the file manager with permissions 777/);
  assert.ok(!check.text.includes(DIR), 'check.cgi names no server path either');
  // INSTALL.md, "Without suEXEC": the account makes the folder, 777.
  const data = join(DIR, 'nosuexec/liaison-data');
  assert.equal(cron(`mkdir ${data} && chmod 777 ${data}`, 'daemon').status, 0);
  const front = await get('nosuexec');
  assert.equal(front.status, 200, words(front.text).slice(0, 300));
  assert.match(words((await get('nosuexec', 'staff/setup')).text), /This host has no suEXEC It runs Liaison's programs as the web server's own user, not as your hosting account\..*your account's nightly cron backup still works/);
  const db = statSync(join(data, 'liaison.db'));
  assert.equal(db.mode & 0o777, 0o666, 'readable and writable by the account\'s cron job');
  // The account's own cron backup, as the account (not the web server's user).
  const run = cron(`sh ${join(DIR, 'nosuexec/www/library/partners/bin')}/admin.sh backup --quiet`, 'daemon');
  assert.deepEqual(run, { status: 0, out: '' });
  assert.ok(readdirSync(data).some((f) => /^liaison-backup-.*\.db$/.test(f)));
  // …and the site still writes after it (the database's files stay the web server's to write).
  assert.equal((await get('nosuexec', 'staff/setup')).status, 200);
});

test('a subdomain served from inside the public folder: its data folder is in the account\'s folder, never in the main site\'s public folder, named on the setup page and in liaison.conf', async () => {
  const page = await get('subin', 'staff/setup');
  assert.equal(page.status, 200, words(page.text).slice(0, 300));
  assert.match(words(page.text), /keeps its database in the folder liaison-data-sub , in your account's top folder/);
  assert.match(words(page.text), /Find the file liaison-data-sub\/liaison-setup-token\.txt/);
  assert.ok(!page.text.includes(DIR), 'no server path on a public page');
  assert.ok(existsSync(join(DIR, 'subin/liaison-data-sub/liaison.db')));
  assert.ok(!existsSync(join(DIR, 'subin/www/liaison-data')), 'nothing in the main site\'s public folder');
  assert.match(readFileSync(join(bundleOf('subin'), 'liaison.conf'), 'utf8'), new RegExp(`\nLIAISON_DB = ${DIR}/subin/liaison-data-sub/liaison\.db\n`));
  assert.equal((await get('subin', 'liaison.conf')).status, 403);
});

test('a second Liaison site at ~/sub beside the main one: each has its own database', async () => {
  await get('subhome');
  await get('subhome2');
  const main = join(DIR, 'subhome/liaison-data'), sub = join(DIR, 'subhome/liaison-data-sub');
  assert.equal(readFileSync(join(main, 'liaison-site.txt'), 'utf8').trim(), bundleOf('subhome'));
  assert.equal(readFileSync(join(sub, 'liaison-site.txt'), 'utf8').trim(), bundleOf('subhome2'));
  await setUp('subhome', main);
  // The main site is set up; the second one is not: they do not share a database.
  assert.equal((await get('subhome', 'staff/setup')).status, 404);
  assert.match(words((await get('subhome2', 'staff/setup')).text), /keeps its database in the folder liaison-data-sub /);
  // The admin tool of each bundle finds its own, by its liaison.conf.
  for (const [host, folder] of [['subhome', main], ['subhome2', sub]]) {
    assert.deepEqual(cron(`${bundleOf(host)}/bin/liaison-admin backup --quiet`), { status: 0, out: '' });
    assert.ok(readdirSync(folder).some((f) => /^liaison-backup-.*\.db$/.test(f)), host);
  }
  // Without its LIAISON_DB line, the second site's admin tool still never takes the first's
  // liaison-data (marked as the main site's), though it is the one above it: it says why.
  const conf = join(bundleOf('subhome2'), 'liaison.conf'), kept = readFileSync(conf, 'utf8');
  writeFileSync(conf, kept.replace(/^LIAISON_DB = .*\n/m, ''));
  try {
    const run = cron(`${bundleOf('subhome2')}/bin/liaison-admin backup --quiet`);
    assert.equal(run.status, 1);
    assert.match(run.out, /names no database \(LIAISON_DB\), and no folder liaison-data of this site's is above it \(one marked as another site's is never used\)/);
  } finally {
    writeFileSync(conf, kept);
  }
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

// Real suEXEC (tests/apache-hosts.sh, as root with apache2-suexec-pristine): the account
// lsxPORT, the bundle in ~/public_html/partners at /~lsxPORT/partners/, Apache's children
// www-data, every program run by suEXEC as the account.
const SUEXEC = '/usr/lib/apache2/suexec';
test('real suEXEC at /~user/: the programs run as the account, whose data folder is its alone; a program left group-writable is explained', { skip: !ports.suexec && 'no suexec host (needs root and apache2-suexec-pristine)' }, async () => {
  const user = `lsx${ports.suexec}`, home = `/home/${user}`;
  const at = async (path = '') => {
    const r = await fetch(`http://127.0.0.1:${ports.suexec}/~${user}/partners/${path}`, { redirect: 'manual' });
    return { status: r.status, text: await r.text() };
  };
  const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }));
  const settings = execFileSync(SUEXEC, ['-V'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) || '';
  const logFile = (settings.match(/AP_LOG_EXEC="([^"]+)"/) ?? [])[1] ?? '/var/log/apache2/suexec.log';
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const data = join(home, 'liaison-data');
  assert.ok(!existsSync(data), 'no data folder before the first visit');

  const front = await at();
  assert.equal(front.status, 200, words(front.text).slice(0, 300));
  assert.match(front.text, /<h1[^>]*>Libraries Seeking Partners<\/h1>/);
  // Made by the programs on that visit, as the account (not www-data), for the account alone.
  const folder = statSync(data), db = statSync(join(data, 'liaison.db'));
  assert.deepEqual([folder.uid, folder.mode & 0o777], [uid, 0o700]);
  assert.deepEqual([db.uid, db.gid, db.mode & 0o777], [uid, gid, 0o600]);

  const setup = words((await at('staff/setup')).text);
  assert.match(setup, /This host runs Liaison's programs as your hosting account, which owns the files \(suEXEC\): the data folder is your account's alone/);
  assert.doesNotMatch(setup, /This host has no suEXEC/);
  // The file to open, from the account's top folder; the hosting username is not shown.
  assert.match(setup, /Find the file liaison-data\/liaison-setup-token\.txt/);
  assert.ok(!setup.includes(user), 'no username on a public page');
  const token = statSync(join(data, 'liaison-setup-token.txt'));
  assert.deepEqual([token.uid, token.mode & 0o777], [uid, 0o600]);

  const check = await at('cgi-bin/check.cgi');
  assert.equal(check.status, 200);
  assert.match(words(check.text), /The programs run as your account, which owns the files: the host uses suEXEC/);
  assert.doesNotMatch(check.text, /class="bad"/, words(check.text));
  // suEXEC's own log names the account for each program it ran.
  for (const cmd of ['list.fcgi', 'staff.fcgi', 'check.cgi'])
    assert.ok(log().includes(`uid: (${uid}/${user}) gid: (${gid}/${user}) cmd: ${cmd}`), `${cmd} in ${logFile}`);
  // The account's nightly cron line reads its own 600 database.
  assert.deepEqual(cron(`sh ${home}/public_html/partners/bin/admin.sh backup --quiet`, user), { status: 0, out: '' });
  assert.ok(readdirSync(data).some((f) => /^liaison-backup-.*\.db$/.test(f)));

  // A common upload mistake: a program left group-writable (775). suEXEC refuses to run it
  // (its log says why); the librarian sees the bundle's page in words, and check.cgi names it.
  const report = join(home, 'public_html/partners/cgi-bin/report.fcgi');
  execFileSync('chmod', ['775', report]);
  try {
    const r = await at('report');
    assert.equal(r.status, 500);
    assert.doesNotMatch(r.text, bare);
    assert.match(words(r.text), /The host refuses the files' permissions\. Folders and programs must not be writable by others: folders 755, programs 755, never 777 or 775\./);
    assert.ok(log().includes(`file is writable by others: (${report})`));
    assert.match(words((await at('cgi-bin/check.cgi')).text), /cgi-bin\/report\.fcgi is writable by others \(rwxrwxr-x\): suEXEC refuses to run it\. Set it to 755\./);
  } finally {
    execFileSync('chmod', ['755', report]);
  }
  assert.equal((await at('report')).status, 200);
});
