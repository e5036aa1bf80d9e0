// faults.test.mjs - breaking things on purpose, SQLite's way: a site of its own (conf/serve.sh
// on its own port and database) whose database file is deleted, replaced with mv and with cp,
// made read-only, damaged and filled while it serves, and whose every process is killed with
// SIGKILL. What is checked is what a person would see and what the file holds after: every
// write answered as saved is in the file the path names, integrity_check passes, a broken
// database gives a 503 with Retry-After (never a 500, never a 200 with rows missing), and the
// site works again on the next request once the file is back, without a restart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { get, request, formBody } from '../http/helpers.mjs';

const DB = process.env.LIAISON_TEST_DB;
const PORT = new URL(process.env.LIAISON_BASE).port;
const BIN = process.env.LIAISON_TEST_BIN;
const SRCDIR = process.env.LIAISON_SRCDIR;
// The run folder (nginx's configuration, written by root) is beside the database's folder,
// which serve.sh hands to the user the programs run as.
const RUN = path.join(path.dirname(DB), '..', 'run');
const LOG = path.join(path.dirname(DB), '..', 'serve.log');
const GOOD = path.join(path.dirname(DB), 'good-copy.db');

let serve = null;

async function until(what, ok, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) {
    try { if (await ok()) return; } catch { /* not yet */ }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function start() {
  const log = fs.openSync(LOG, 'a');
  serve = spawn(`${SRCDIR}/conf/serve.sh`, ['--port', PORT, '--bin', BIN, '--db', DB, '--dir', RUN, '--quiet'], {
    detached: true, stdio: ['ignore', log, log],
    env: { ...process.env, LIAISON_APPLY_PER_HOUR: '100000', LIAISON_APPLY_MIN_SECONDS: '1' },
  });
  fs.closeSync(log);
  // Up when every program answers (a 502 is nginx before its programs).
  await until('the site to answer', async () => (await Promise.all(['/apply', '/list?page=1000', '/search', '/staff/sign-in']
    .map(async (u) => (await get(u)).status))).every((s) => s !== 502));
}

// Every process of this site, as a power cut would end them: those that carry LIAISON_DB=DB
// in their environment (serve.sh, the programs and whatever supervises them), nginx's master
// (started with -p RUN) and its workers (which clear their environment), by SIGKILL.
function crash() {
  const mark = Buffer.from(`LIAISON_DB=${DB}\0`);
  const procs = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid).map((pid) => {
    try {
      return { pid: Number(pid), ppid: Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]),
        ours: fs.readFileSync(`/proc/${pid}/environ`).includes(mark) || fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(RUN) };
    } catch { return null; }
  }).filter(Boolean);
  const doomed = new Set(procs.filter((p) => p.ours).map((p) => p.pid));
  for (const p of procs) if (doomed.has(p.ppid)) doomed.add(p.pid);
  for (const pid of doomed) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  serve = null;
}

async function stop() {
  if (!serve) return;
  const s = serve;
  serve = null;
  const done = new Promise((r) => s.on('exit', r));
  try { process.kill(-s.pid, 'SIGTERM'); } catch { /* gone */ }
  await done;
}

// Files this suite puts in place as root are handed to whoever owns the folder the site
// runs its database in, as an operator's upload would belong to the site's account.
function owned(file) {
  const st = fs.statSync(path.dirname(DB));
  fs.chownSync(file, st.uid, st.gid);
}

// One application through the public form, from its own address; returns the answer and,
// when it was answered as saved (303), its reference.
// (Not helpers.mjs's application(), which reads the database for a token: with the file
// deleted, the sqlite3 shell would make an empty one in its place.)
let nextAddress = 2;
async function apply() {
  const from = `127.0.1.${(nextAddress++ % 250) + 2}`;
  const fields = {
    csrf: token(), name: `Fault Library ${process.pid}-${nextAddress}-${Date.now()}`, name_en: '',
    type: 'public', country: 'FR', region: 'Normandie', city: 'Rouen', website: 'https://bibliotheque.example',
    description: 'A public library on the Seine.', languages: ['fr', 'en'], interests: ['pen_pals'],
    ages: ['2'], timezone: 'Europe/Paris', seeking: '1', seeks: 'library', seeking_text: 'Pen pals.',
    commitment: 'informal', contact_name: 'Camille Martin', contact_email: 'camille@bibliotheque.example', url: '',
  };
  const r = await request('/apply', { method: 'POST', body: formBody(fields), from });
  const ref = r.status === 303 ? r.headers.location.match(/\/apply\/([0-9A-F]{5}-[0-9A-F]{5})$/)[1] : null;
  return { ...r, ref };
}
// A fresh form token for each application (one token is one application: the same token sent
// again is answered with the first one's reference), made as helpers.mjs's mintToken does but
// from the site secret read once, while the file is there.
let secret;
function token() {
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000) - 10));
  const nonce = randomBytes(12);
  const mac = createHmac('sha256', secret).update(Buffer.from('apply\0')).update(Buffer.from('\0'))
    .update(stamp).update(nonce).digest().subarray(0, 16);
  return Buffer.concat([stamp, nonce, mac]).toString('hex');
}

const stored = (ref, file = DB) => sql1(file, `SELECT count(*) FROM application WHERE reference = '${ref}'`) === '1';
function sql1(file, q) {
  if (!fs.existsSync(file)) throw new Error(`${file} is not there (and the sqlite3 shell would make it)`);
  return execFileSync('sqlite3', ['-batch', '-noheader', '-cmd', '.timeout 10000', file, q], { encoding: 'utf8' }).trim();
}
const logText = () => fs.readFileSync(LOG, 'utf8');
// How many of this site's program processes are running.
function programProcesses() {
  const mark = Buffer.from(`LIAISON_DB=${DB}\0`);
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(`${BIN}/cgi-bin/`) &&
        fs.readFileSync(`/proc/${pid}/environ`).includes(mark);
    } catch { return false; }
  }).length;
}

before(async () => {
  crash();	// leftovers of an earlier run that was itself killed
  secret = Buffer.from(sql1(DB, 'SELECT hex(secret) FROM site_secret'), 'hex');
  fs.copyFileSync(DB, GOOD);
  owned(GOOD);
  await start();
});
after(async () => { await stop(); });

test('a deleted database file: 503 with Retry-After and a plain reason, then back on the next request', async () => {
  assert.equal((await apply()).status, 303);
  fs.renameSync(DB, `${DB}.moved-away`);
  const posted = await apply();
  assert.equal(posted.status, 503, 'an application into a deleted file is never confirmed');
  assert.ok(posted.headers['retry-after']);
  assert.match(posted.text, /database file is gone/);
  assert.doesNotMatch(posted.text, new RegExp(path.dirname(DB).replace(/[/.]/g, '\\$&')), 'the page never shows where the file is');
  for (const url of ['/list', '/list/3', '/search?q=library', '/apply']) {
    const r = await get(url);
    assert.equal(r.status, 503, url);
    assert.ok(r.headers.get('retry-after'), url);
  }
  // Said once in the log by each process that noticed, not once per request.
  await until('the log line', () => /is gone or cannot be reached/.test(logText()));
  for (let round = 0; round < 3; round++)
    for (const url of ['/list', '/list/3', '/search?q=library', '/apply']) await get(url);
  const lines = logText().match(/database file \S+ is gone or cannot be reached/g)?.length ?? 0;
  const processes = programProcesses();
  assert.ok(lines >= 1 && lines <= processes, `${lines} log lines from ${processes} processes after 13 requests each`);

  fs.renameSync(`${DB}.moved-away`, DB);
  const again = await apply();
  assert.equal(again.status, 303, 'the file is back: saved without a restart');
  assert.ok(stored(again.ref));
  assert.equal((await get('/list')).status, 200);
});

test('a file moved over the live one: writes go to the new file, and a crash leaves it whole', async () => {
  const beforeRefs = [];
  for (let i = 0; i < 3; i++) beforeRefs.push((await apply()).ref);
  const copy = `${DB}.upload`;
  fs.copyFileSync(GOOD, copy);
  owned(copy);
  fs.renameSync(copy, DB);	// an FTP upload under the live name
  const afterRefs = [];
  for (let i = 0; i < 10; i++) {
    const r = await apply();
    assert.equal(r.status, 303);
    afterRefs.push(r.ref);
  }
  for (const ref of afterRefs) assert.ok(stored(ref), `${ref} is in the file the path names`);
  crash();
  await start();
  assert.equal((await get('/list')).status, 200);
  assert.equal(sql1(DB, 'PRAGMA integrity_check'), 'ok');
  assert.equal(sql1(DB, 'PRAGMA foreign_key_check'), '');
  for (const ref of afterRefs) assert.ok(stored(ref), `${ref} survived the crash`);
  for (const ref of beforeRefs) assert.ok(!stored(ref), `${ref} was in the file that was replaced`);
});

test('a file moved over the live one just before a crash: the old file\'s log is set aside, never applied to it', async () => {
  for (let i = 0; i < 5; i++) assert.equal((await apply()).status, 303);
  // The old file's log still holds those writes: nobody has checkpointed it.
  assert.ok(fs.statSync(`${DB}-wal`).size > 0);
  const orgs = sql1(GOOD, 'SELECT count(*) FROM org');
  const copy = `${DB}.upload`;
  fs.copyFileSync(GOOD, copy);
  owned(copy);
  fs.renameSync(copy, DB);
  crash();	// before any process saw the new file
  await start();
  const r = await apply();
  assert.equal(r.status, 303);
  assert.equal(sql1(DB, 'PRAGMA integrity_check'), 'ok');
  assert.equal(sql1(DB, 'PRAGMA foreign_key_check'), '');
  assert.equal(Number(sql1(DB, 'SELECT count(*) FROM org')), Number(orgs) + 1, 'the upload, and the one application since');
  const aside = fs.readdirSync(path.dirname(DB)).filter((f) => f.startsWith(`${path.basename(DB)}-wal.stale-`));
  assert.ok(aside.length >= 1, 'the old log is kept beside, under another name');
  assert.match(logText(), /was replaced by another file: the old file's log was moved/);
});

test('a file copied over the live one (same inode) with cp, then a crash: every confirmed write kept, integrity ok', async () => {
  for (let i = 0; i < 3; i++) assert.equal((await apply()).status, 303);
  fs.copyFileSync(GOOD, DB);	// cp: the same file, new bytes
  const refs = [];
  for (let i = 0; i < 10; i++) {
    const r = await apply();
    if (r.status === 303) refs.push(r.ref);
    else assert.equal(r.status, 503, 'never confirmed unless kept');
  }
  crash();
  await start();
  assert.equal((await get('/apply')).status, 200);
  assert.equal(sql1(DB, 'PRAGMA integrity_check'), 'ok');
  for (const ref of refs) assert.ok(stored(ref), `${ref} survived`);
});

test('a read-only database: pages still read, writes 503, and writable again without a restart', async (t) => {
  const st = fs.statSync(DB);
  if (st.uid === 0) return t.skip('the site runs as root, whom file modes do not stop');
  // Read-only when a program opens it (here: restarted after a crash; on a host, a file
  // uploaded with the wrong mode): SQLite then opens it read-only, and a program that kept
  // that connection would refuse every write until restarted.
  fs.chmodSync(DB, 0o444);
  const mark = Buffer.from(`LIAISON_DB=${DB}\0`);
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(`${BIN}/cgi-bin/apply`) &&
        fs.readFileSync(`/proc/${pid}/environ`).includes(mark)) process.kill(Number(pid), 'SIGKILL');
    } catch { /* gone */ }
  }
  await until('apply to be started again', async () => (await get('/apply')).status === 200);
  try {
    const r = await apply();
    assert.equal(r.status, 503);
    assert.ok(r.headers['retry-after']);
    assert.equal((await get('/list?kind=library')).status, 200);
  } finally {
    fs.chmodSync(DB, 0o600);
  }
  const again = await apply();
  assert.equal(again.status, 303, 'writable again: saved without a restart');
  assert.ok(stored(again.ref));
});

test('a full database: 503 with Retry-After, nothing saved, and saving again once space is freed', async () => {
  await stop();
  // The site gets a cap (LIAISON_DB_MAX_MB, a host's quota) just above the file's size, and
  // the file is filled to that cap with rows that can be deleted afterwards.
  sql1(DB, 'PRAGMA wal_checkpoint(TRUNCATE)');
  const capMb = Math.ceil(fs.statSync(DB).size / 1048576) + 1;
  const pages = capMb * 1048576 / Number(sql1(DB, 'PRAGMA page_size'));
  sql1(DB, 'CREATE TABLE test_filler (b BLOB)');
  for (const size of [100000, 10000, 1000, 100]) {
    for (;;) {
      try { sql1(DB, `PRAGMA max_page_count = ${pages}; INSERT INTO test_filler VALUES (randomblob(${size}))`); } catch { break; }
    }
  }
  const had = process.env.LIAISON_DB_MAX_MB;
  process.env.LIAISON_DB_MAX_MB = String(capMb);
  await start();
  if (had === undefined) delete process.env.LIAISON_DB_MAX_MB; else process.env.LIAISON_DB_MAX_MB = had;
  // Applications go into room left inside the file's pages until one needs a new page.
  let r, saved = 0;
  const count = () => sql1(DB, 'SELECT count(*) FROM application');
  for (let i = 0; i < 300; i++) {
    const before = count();
    r = await apply();
    if (r.status !== 303) {
      assert.equal(count(), before, 'nothing of the refused application was saved');
      break;
    }
    assert.ok(stored(r.ref));
    saved++;
  }
  assert.equal(r.status, 503, `refused once the file is full (after ${saved} saved)`);
  assert.ok(r.headers['retry-after']);
  assert.match(r.text, /could not be saved|full/);
  assert.equal((await get('/list?seeking=yes')).status, 200, 'reading a full database still works');
  sql1(DB, 'DELETE FROM test_filler');	// space freed inside the file
  const again = await apply();
  assert.equal(again.status, 303, 'saved again without a restart');
  assert.ok(stored(again.ref));
  await stop();
  sql1(DB, 'DROP TABLE test_filler');
  await start();	// without the cap
});

test('a real full filesystem (tmpfs): 503 with Retry-After, nothing saved, and saving again once the disk has room', async (t) => {
  await stop();
  const fsDir = path.join(path.dirname(DB), 'small-disk');
  fs.mkdirSync(fsDir, { recursive: true });
  sql1(DB, 'PRAGMA wal_checkpoint(TRUNCATE)');
  const size = fs.statSync(DB).size;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil(size / 1048576) + 4}m`, 'tmpfs', fsDir], { stdio: 'pipe' });
  } catch (e) {
    await start();
    return t.skip(`cannot mount a small filesystem here (${String(e.stderr ?? e.message).trim()}): LIAISON_DB_MAX_MB stands in above`);
  }
  const small = path.join(fsDir, 'liaison.db');
  const filler = path.join(fsDir, 'filler');
  try {
    fs.copyFileSync(DB, small);
    fs.chownSync(fsDir, fs.statSync(path.dirname(DB)).uid, fs.statSync(path.dirname(DB)).gid);
    owned(small);
    fs.renameSync(DB, `${DB}.on-big-disk`);
    fs.symlinkSync(small, DB);	// the site's path now names a file on the small disk
    await start();
    assert.equal((await apply()).status, 303);
    // Fill the disk to the last byte.
    const fd = fs.openSync(filler, 'w');
    const block = Buffer.alloc(65536, 1);
    try { for (;;) fs.writeSync(fd, block); } catch { /* ENOSPC */ }
    try { for (;;) fs.writeSync(fd, block, 0, 1); } catch { /* ENOSPC */ }
    fs.closeSync(fd);
    const count = () => sql1(DB, 'SELECT count(*) FROM application');
    let r;
    for (let i = 0; i < 50; i++) {
      const before = count();
      r = await apply();
      if (r.status !== 303) { assert.equal(count(), before, 'nothing of it was saved'); break; }
    }
    assert.equal(r.status, 503);
    assert.ok(r.headers['retry-after']);
    assert.equal((await get('/list?seeking=no')).status, 200, 'reading a full disk still works');
    fs.unlinkSync(filler);
    const again = await apply();
    assert.equal(again.status, 303, 'room again: saved without a restart');
    assert.ok(stored(again.ref));
    await stop();
  } finally {
    await stop();
    if (fs.existsSync(filler)) fs.unlinkSync(filler);
    if (fs.lstatSync(DB, { throwIfNoEntry: false })?.isSymbolicLink()) {
      fs.unlinkSync(DB);
      sql1(small, 'PRAGMA wal_checkpoint(TRUNCATE)');
      fs.copyFileSync(small, DB);
      owned(DB);
      fs.rmSync(`${DB}.on-big-disk`, { force: true });
    }
    execFileSync('umount', [fsDir]);
  }
  await start();
  assert.equal(sql1(DB, 'PRAGMA integrity_check'), 'ok');
});

test('a damaged table: every public page answers 503 saying so, never 500 and never a short 200', async () => {
  await stop();
  sql1(DB, 'PRAGMA wal_checkpoint(TRUNCATE)');
  const id = sql1(DB, "SELECT min(id) FROM org WHERE status = 'listed'");
  const pageSize = Number(sql1(DB, 'PRAGMA page_size'));
  const root = Number(sql1(DB, "SELECT rootpage FROM sqlite_master WHERE name = 'org'"));
  const fd = fs.openSync(DB, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
  await start();
  for (const url of ['/list', `/list/${id}`, '/list?format=csv', '/search?q=library', '/search?q=library&format=csv',
    `/search?match=${id}`, '/list?kind=library&sort=confirmed']) {
    const r = await get(url);
    assert.equal(r.status, 503, url);
    assert.ok(r.headers.get('retry-after'), url);
    assert.match(r.text, /damaged/, url);
    assert.match(r.text, /liaison-admin check/, url);
  }
  const r = await apply();
  assert.equal(r.status, 503);
  assert.ok(r.headers['retry-after']);
  await stop();
  fs.copyFileSync(GOOD, DB);	// the operator's restore
  await start();
  assert.equal((await get('/list')).status, 200);
});

test('a damaged page in the middle of a table: lists are whole or 503, and a CSV already streaming says it was cut short', async () => {
  await stop();
  sql1(DB, 'PRAGMA wal_checkpoint(TRUNCATE)');
  const listed = Number(sql1(DB, "SELECT count(*) FROM org WHERE status = 'listed'"));
  const leaves = sql1(DB, "SELECT pageno FROM dbstat WHERE name = 'org' AND pagetype = 'leaf' ORDER BY pageno").split('\n').map(Number);
  assert.ok(leaves.length >= 4, 'the demo table spans several pages');
  const victim = leaves[Math.floor(leaves.length / 2)];
  const pageSize = Number(sql1(DB, 'PRAGMA page_size'));
  const fd = fs.openSync(DB, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize - 100, 0xa5), 0, pageSize - 100, (victim - 1) * pageSize + 100);
  fs.closeSync(fd);
  await start();
  const logFrom = logText().length;
  let shortOrCut = 0;
  for (let page = 1; page <= Math.ceil(listed / 50); page++) {
    const r = await get(`/list?page=${page}&sort=name`);
    assert.ok([200, 503].includes(r.status), `page ${page}: ${r.status}`);
    if (r.status === 200) {
      const rows = (r.text.match(/<h3><a href="[^"]*\/\d+" dir="auto">/g) ?? []).length;
      assert.equal(rows, Math.min(50, listed - (page - 1) * 50), `page ${page} is whole when it is 200`);
    } else {
      assert.ok(r.headers.get('retry-after'), `page ${page}: a 503 says when to come back`);
      assert.match(r.text, /damaged/);
      shortOrCut++;
    }
  }
  assert.ok(shortOrCut >= 1, 'some page met the damage');
  // The log has one line for each, naming the program, the statement and SQLite's words, and
  // the request with its parameters' names but not their values.
  // The line is written once the answer has gone (serve.c): under load it may trail the 503.
  const logged = () => logText().slice(logFrom).split('\n').filter((l) => l.includes('GET /list?page=&sort='));
  for (let i = 0; i < 50 && logged().length < shortOrCut; i++) await new Promise((ok) => setTimeout(ok, 100));
  const lines = logged();
  assert.equal(lines.length, shortOrCut, lines.join('\n'));
  for (const l of lines) {
    assert.match(l, /liaison: list: STMT_ORG_LIST_BY_NAME: database disk image is malformed.*: GET \/list\?page=&sort=: answered 503$/, l);
  }
  assert.ok(!/sort=name/.test(logText().slice(logFrom)), 'no value of the query is logged');
  const csv = await get('/list?format=csv&sort=name');
  if (csv.status === 503) {
    assert.match(csv.text, /damaged/);
  } else {
    assert.equal(csv.status, 200);
    const lines = csv.text.trimEnd().split('\r\n');
    assert.ok(lines.length - 2 < listed, 'fewer rows than the directory holds');
    assert.match(lines.at(-1), /^"This file was cut short/);
  }
  await stop();
  fs.copyFileSync(GOOD, DB);
  for (const f of [`${DB}-wal`, `${DB}-shm`]) fs.rmSync(f, { force: true });
  await start();
  assert.equal((await get('/list')).status, 200);
});
