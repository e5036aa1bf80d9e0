// install.test.mjs - INSTALL.md's shared-hosting steps, done as they are written, on the hosts
// of tests/apache-hosts.sh that have nothing installed yet (book, bookftp, bookmove: strict
// AllowOverride, plain CGI, the account's public folder public_html). Every value the test acts
// on - the folder to unpack into, the name to rename to, the permissions to type, the files to
// give them, the cron line, the folder names of an upgrade, what to delete from liaison.conf
// when moving - is read from INSTALL.md's own words (said() fails, naming the words, when they
// change), so a change to INSTALL that breaks the steps fails here. Covered: the file manager's
// Extract; FTP with FileZilla's defaults (644 files, bin/liaison-admin damaged by a text-mode
// transfer, then sent again in binary); the first administrator; a setting; the nightly cron
// line exactly as printed; an upgrade and its roll-back through the Backups page's restore; a
// move to a second account with its liaison.conf. Not covered: an upgrade that changes the
// schema (both bundles here are this build; bundle.test.mjs upgrades an older database).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const ports = Object.fromEntries(process.env.LIAISON_HOSTS.trim().split(/\s+/).reduce((a, w, i, all) => (i % 2 ? a : [...a, [w, all[i + 1]]]), []));
const DIR = process.env.LIAISON_HOSTS_DIR;
const BUNDLE = process.env.LIAISON_BUNDLE;	// build/liaison-VERSION-linux-x86_64.tar.gz
const INSTALL = readFileSync(join(process.env.LIAISON_SRCDIR, 'INSTALL.md'), 'utf8');
const words = (html) => html.replace(/<[^>]*>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

// --- INSTALL.md, read: a section by its heading, a numbered step in it, and what it says ---------
function section(title) {
  const lines = INSTALL.split('\n');
  const at = lines.findIndex((l) => /^#+ /.test(l) && l.replace(/^#+ /, '') === title);
  assert.ok(at >= 0, `INSTALL.md has no section "${title}"`);
  const level = lines[at].match(/^#+/)[0].length;
  const end = lines.findIndex((l, i) => i > at && /^#+ /.test(l) && l.match(/^#+/)[0].length <= level);
  return lines.slice(at + 1, end < 0 ? undefined : end).join('\n');
}
function step(text, n) {
  const m = text.match(new RegExp(`^${n}\\. ([\\s\\S]*?)(?=^\\d+\\. |^#|^\\*\\*|(?![\\s\\S]))`, 'm'));
  assert.ok(m, `INSTALL.md has no step ${n} here`);
  return m[1];
}
// The words, as INSTALL.md has them (line breaks as spaces); the match, or a failure naming them.
function said(text, re) {
  const m = text.replace(/\s*\n\s*/g, ' ').match(re);
  assert.ok(m, `INSTALL.md no longer says ${re}`);
  return m;
}
const shared = section('On shared hosting (Apache)').split(/^### /m)[0];

// --- the hosting account: files as the account (nobody here), its cron jobs ------------------
const account = (host) => join(DIR, host);
const asAccount = (path) => execFileSync('chown', ['-R', 'nobody:nogroup', path]);
const cron = (command) => {
  try {
    return { status: 0, out: execFileSync('env', ['-i', 'PATH=/usr/bin:/bin', 'setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', 'sh', '-c', command], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    return { status: e.status, out: `${e.stdout}${e.stderr}` };
  }
};
// The nightly cron line as INSTALL prints it, for this account: its command, after the five times.
function cronLine(host) {
  const text = section('Backups and the admin tool without a shell');
  said(text, /cPanel: \*\*Cron Jobs\*\*, "Once Per Day", the line after the five times as the command/);
  const line = text.match(/A nightly backup:\s*```\n(.*)\n```/)[1];
  return line.trim().split(/\s+/).slice(5).join(' ').replaceAll('/home/you', account(host));
}
// A file manager's Extract (or tar on one's computer): permissions as the archive has them.
function extract(into) {
  execFileSync('tar', ['-C', into, '-xzf', BUNDLE]);
  return readdirSync(into).find((f) => /^liaison-.*-linux-x86_64$/.test(f));
}
const dataFiles = (folder, re) => (existsSync(folder) ? readdirSync(folder).filter((f) => re.test(f)) : []);

// --- a browser: one site, a cookie jar, forms -----------------------------------------------------
class Browser {
  constructor(host, top) { this.origin = `http://127.0.0.1:${ports[host]}`; this.top = top; this.cookies = new Map(); }
  async send(path, init = {}) {
    const url = /^https?:/.test(path) ? path : path.startsWith('/') ? this.origin + path : `${this.origin}${this.top}${path}`;
    const headers = { ...(init.headers ?? {}), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    const r = await fetch(url, { redirect: 'manual', ...init, headers });
    for (const line of r.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name); else this.cookies.set(name, value);
    }
    const bytes = Buffer.from(await r.arrayBuffer());
    return { status: r.status, location: r.headers.get('location'), type: r.headers.get('content-type') ?? '', bytes, text: bytes.toString('utf8') };
  }
  get(path) { return this.send(path); }
  post(path, fields) {
    return this.send(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
  upload(path, fields, name, bytes) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([bytes]), name);
    return this.send(path, { method: 'POST', body: form });
  }
  // The form whose button says label, on page html: its action and fields.
  form(html, label) {
    const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].filter((f) => words(f[2]).includes(label));
    assert.ok(forms.length, `no form with "${label}": ${words(html).slice(0, 400)}`);
    const [, attrs, inner] = forms[0];
    const fields = Object.fromEntries([...inner.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]));
    return { action: attrs.match(/action="([^"]+)"/)[1].replace(/&amp;/g, '&'), fields };
  }
  async signIn(name, password) {
    const page = await this.get('staff/sign-in');
    const { action, fields } = this.form(page.text, 'Sign in');
    return this.post(action, { ...fields, name, password });
  }
}
const password = 'the library keeps its books';

// Steps 3 and 4 on a new site: the directory, the data folder, the first administrator.
async function firstVisit(host, top, name = 'librarian') {
  const step3 = step(shared, 3), step4 = step(shared, 4);
  said(step3, /You should see the directory, empty, with the site's name at the top/);
  const b = new Browser(host, top);
  const front = await b.get('');
  assert.equal(front.status, 200, words(front.text).slice(0, 400));
  const siteName = front.text.match(/<p class="brand"><a [^>]*>([^<]*)<\/a>/)[1];
  said(step3, /makes this site's data folder in your account's top folder, where no web address reaches it: `(liaison-data)` next to `public_html`/);
  assert.ok(existsSync(join(account(host), 'liaison-data/liaison.db')));
  said(step3, /writes its place into `liaison.conf` as `LIAISON_DB`/);
  assert.match(readFileSync(join(account(host), 'public_html', top.replace(/^\//, ''), 'liaison.conf'), 'utf8'),
    new RegExp(`\\nLIAISON_DB = ${account(host)}/liaison-data/liaison\\.db\\n`));
  // Step 4: "Staff" at the bottom of any page, the sign-in page's link, the code file it names.
  said(step4, /follow the "Staff" link at the bottom of any page\. The sign-in page says the site has no administrator yet and links to the setup page/);
  const staffHref = front.text.match(/<a href="([^"]+)">Staff<\/a><\/p>/)[1];
  const signin = await b.get((await b.get(staffHref)).location);
  assert.match(words(signin.text), /This site has no administrator yet/);
  const setupHref = signin.text.match(/<a href="([^"]+\/setup)">/)[1];
  const setup = await b.get(setupHref);
  said(step4, /names the file: open it in the file manager, copy the line, paste it into the page, and choose your name and password/);
  const file = join(account(host), setup.text.match(/<code class="path">([^<]+)<\/code>/)[1]);
  const { action, fields } = b.form(setup.text, 'Make my administrator account');
  const made = await b.post(action, { ...fields, code: readFileSync(file, 'utf8').trim(), name, password, again: password });
  assert.equal(made.status, 303, words(made.text).slice(0, 400));
  said(step4, /The file is removed and the setup page is gone for good/);
  assert.ok(!existsSync(file));
  assert.equal((await b.get(setupHref)).status, 404);
  // Signed in by the setup itself, as the administrator.
  assert.equal((await b.get('staff/backups')).status, 200);
  return { b, siteName };
}

let book;	// the Extract route's site, signed in as its administrator
const bookTop = () => `/${said(step(shared, 2), /Your site is now at `https:\/\/www\.example\.org\/([^`]+)`/)[1]}`;

test("INSTALL's file manager route: upload, Extract, rename, open, first administrator, a setting, the nightly cron line", async () => {
  const step2 = step(shared, 2);
  const into = join(account('book'), said(step2, /into the folder of your site where Liaison should appear, for example `([^`]+)\/`/)[1]);
  said(step2, /select it and click \*\*Extract\*\* \(top bar\), and \*\*Extract File\(s\)\*\*\. A folder `liaison-VERSION-linux-x86_64` appears; delete the `\.tar\.gz`/);
  cpSync(BUNDLE, join(into, 'upload.tar.gz'));
  const unpacked = extract(into);
  rmSync(join(into, 'upload.tar.gz'));
  said(step2, /Extract keeps each file's permissions: the programs are executable, everything else is not, and there is nothing to change/);
  const name = said(step2, /rename the folder .* to the name you want in the address, for example `([^`]+)`/)[1];
  renameSync(join(into, unpacked), join(into, name));
  asAccount(join(into, name));
  const top = bookTop();
  assert.equal(top, `/library/${name}/`);
  book = await firstVisit('book', top);
  assert.equal(book.siteName, 'Libraries Seeking Partners');

  // Step 6: a setting, in the file manager's editor.
  const step6 = step(shared, 6);
  const conf = join(into, said(step6, /`([^`]+\/liaison\.conf)` holds the site's name, the first month of your fiscal year and whether reports are public\. Edit it in the file manager/)[1]);
  writeFileSync(conf, readFileSync(conf, 'utf8').replace(/^LIAISON_SITE_NAME = .*$/m, 'LIAISON_SITE_NAME = Maple Falls Partners') + 'LIAISON_FISCAL_YEAR_START = 7\n');
  assert.match((await book.b.get('')).text, /<p class="brand"><a [^>]*>Maple Falls Partners<\/a>/);

  // The nightly backup, as the panel's cron runs it: quiet, and a checked copy made.
  const run = cron(cronLine('book'));
  assert.deepEqual(run, { status: 0, out: '' });
  assert.equal(dataFiles(join(account('book'), 'liaison-data'), /^liaison-backup-.*\.db$/).length, 1);
});

test("INSTALL's FTP route with FileZilla: a text-mode copy named and fixed as the pages say, the one chmod, the nightly cron line", async () => {
  const step2 = step(shared, 2);
  said(step2, /\*\*With FTP only\*\* \(no Extract\): unpack the `\.tar\.gz` on your computer .* and rename the folder to `partners` there/);
  const computer = mkdtempSync(join(tmpdir(), 'liaison-computer-'));
  renameSync(join(computer, extract(computer)), join(computer, 'partners'));
  const into = join(account('bookftp'), said(step2, /Upload the folder into `([^`]+)\/`/)[1]);
  // FileZilla as the librarian left it at first (*Auto*): the file without an extension went as
  // text; every file arrives 644, every folder 755.
  said(step2, /the default, \*Auto\*, sends files without an extension as text, which breaks `bin\/liaison-admin`/);
  cpSync(join(computer, 'partners'), join(into, 'partners'), { recursive: true });
  const site = join(into, 'partners');
  execFileSync('perl', ['-0777', '-pi', '-e', 's/\\r\\n/\\n/g', join(site, 'bin/liaison-admin')]);
  execFileSync('sh', ['-c', `find '${site}' -type d -exec chmod 755 {} + && find '${site}' -type f -exec chmod 644 {} +`]);
  asAccount(site);
  const b = new Browser('bookftp', '/library/partners/');
  const before = await b.get('');
  assert.equal(before.status, 500);
  assert.match(words(before.text), /The programs are not executable\. An FTP upload leaves every file 644/);
  // The one step Extract would have done, exactly as INSTALL says it.
  const [, folder, mode] = said(step2, /select every file in `partners\/([^`]+)\/`, right-click, \*\*File permissions…\*\*, type `(\d+)`, \*\*OK\*\*/);
  for (const f of readdirSync(join(site, folder))) execFileSync('chmod', [mode, join(site, folder, f)]);
  said(step2, /That is the only exception: `bin\/liaison-admin` may stay 644, because the nightly backup runs it through `sh`/);
  const { b: admin } = await firstVisit('bookftp', '/library/partners/');
  // The damaged copy: the pages and the cron job's mail name it and the fix.
  const page = words((await admin.get('staff/backups')).text);
  assert.match(page, /15 3 \* \* \* sh .*\/bin\/admin\.sh backup --quiet/);
  const check = words((await b.get('cgi-bin/check.cgi')).text);
  assert.match(check, /bin\/liaison-admin was damaged in the upload .*Transfer type, Binary/);
  const failed = cron(cronLine('bookftp'));
  assert.equal(failed.status, 1);
  assert.match(failed.out, /bin\/liaison-admin was damaged in the upload .*Upload bin\/liaison-admin again in binary mode \(FileZilla: menu Transfer, Transfer type, Binary\)/);
  said(section('Backups and the admin tool without a shell'), /upload `bin\/liaison-admin` again with FileZilla's \*\*Transfer → Transfer type → Binary\*\*/);
  // Sent again in binary: whole, still 644 as FTP leaves it; the cron line now works.
  cpSync(join(computer, 'partners/bin/liaison-admin'), join(site, 'bin/liaison-admin'));
  execFileSync('chmod', ['644', join(site, 'bin/liaison-admin')]);
  asAccount(join(site, 'bin/liaison-admin'));
  assert.deepEqual(cron(cronLine('bookftp')), { status: 0, out: '' });
  assert.equal(dataFiles(join(account('bookftp'), 'liaison-data'), /^liaison-backup-.*\.db$/).length, 1);
  assert.doesNotMatch(words((await b.get('cgi-bin/check.cgi')).text), /damaged/);
  rmSync(computer, { recursive: true });
});

test("INSTALL's upgrade on shared hosting, then its roll-back through the Backups page's restore", async () => {
  const text = section('Upgrading on shared hosting');
  const library = join(account('book'), 'public_html/library');
  // 1. A backup, downloaded.
  said(step(text, 1), /On the \*\*Backups\*\* page, \*\*Make a backup and download it\*\*/);
  const backups = await book.b.get('staff/backups');
  const now = book.b.form(backups.text, 'Make a backup and download it');
  const download = await book.b.post(now.action, now.fields);
  assert.equal(download.status, 200);
  assert.equal(download.bytes.subarray(0, 15).toString(), 'SQLite format 3');
  const copy = dataFiles(join(account('book'), 'liaison-data'), /^liaison-backup-.*\.db$/).sort().at(-1);
  // 2. The new bundle beside the old, with the old settings.
  const [, newName] = said(step(text, 2), /Upload and unpack the new bundle beside the old one as in step 2 above \(say into `([^`]+)`\), and copy your `liaison\.conf` from `partners` into it/);
  const unpacked = extract(library);
  renameSync(join(library, unpacked), join(library, newName));
  cpSync(join(library, 'partners/liaison.conf'), join(library, newName, 'liaison.conf'));
  asAccount(join(library, newName));
  // 3. The renames.
  const [, oldName] = said(step(text, 3), /Rename `partners` to `([^`]+)`, then `partners-new` to `partners`/);
  renameSync(join(library, 'partners'), join(library, oldName));
  renameSync(join(library, newName), join(library, 'partners'));
  // 4. The site as it was: its settings, its data, its administrator still signed in.
  const front = await book.b.get('');
  assert.equal(front.status, 200);
  assert.match(front.text, /<p class="brand"><a [^>]*>Maple Falls Partners<\/a>/);
  assert.equal((await book.b.get('staff/backups')).status, 200);
  // A change under the new version: an account for a colleague.
  const accounts = await book.b.get('staff/accounts');
  const add = book.b.form(accounts.text, 'Add the account');
  const added = await book.b.post(add.action, { ...add.fields, name: 'colleague', role: 'staff', password, again: password });
  assert.equal(added.status, 303, words(added.text).slice(0, 400));
  assert.match(words((await book.b.get('staff/accounts')).text), /colleague/);

  // Rolling back: the folders renamed back, then a restore on the Backups page.
  said(text, /\*\*Rolling back\*\* \(if the new version misbehaves\): rename `partners` to `partners-new` and `partners-old` back to `partners`; then, on the old version's \*\*Backups\*\* page, restore/);
  renameSync(join(library, 'partners'), join(library, 'partners-new'));
  renameSync(join(library, 'partners-old'), join(library, 'partners'));
  const list = await book.b.get('staff/backups');
  assert.ok(list.text.includes(copy), `${copy} is listed`);
  const restore = book.b.form(list.text.replace(/<tr>/g, '\n<tr>').split('\n').find((l) => l.includes(`value="${copy}"`)), 'Restore');
  const ask = await book.b.post(restore.action, restore.fields);
  assert.equal(ask.status, 200, words(ask.text).slice(0, 400));
  const sure = book.b.form(ask.text, `Replace the database with ${copy}`);
  const done = await book.b.post(sure.action, sure.fields);
  assert.ok(done.status === 303 || done.status === 200, words(done.text).slice(0, 400));
  // What the copy held: no colleague; the database whole; the state before kept as a copy.
  const after = new Browser('book', '/library/partners/');
  assert.equal((await after.signIn('colleague', password)).status, 400);
  assert.equal((await after.signIn('librarian', password)).status, 303);
  assert.equal(dataFiles(join(account('book'), 'liaison-data'), /^liaison-before-restore-.*\.db$/).length, 1);
  assert.deepEqual(cron(cronLine('book')), { status: 0, out: '' });
  said(step(text, 5), /Delete `partners-old` when all is well/);
  rmSync(join(library, 'partners-new'), { recursive: true });
});

test("INSTALL's move to another host: a backup and liaison.conf taken along, the LIAISON_DB line deleted, restored on the new account's Backups page", async () => {
  const text = section('Moving to another host');
  // 1. From the old site: a backup, downloaded, and its liaison.conf.
  said(step(text, 1), /On the old site, \*\*Backups\*\*, \*\*Make a backup and download it\*\* .* and download `liaison\.conf` from the bundle's folder/);
  const now = book.b.form((await book.b.get('staff/backups')).text, 'Make a backup and download it');
  const backup = (await book.b.post(now.action, now.fields)).bytes;
  const oldConf = readFileSync(join(account('book'), 'public_html/library/partners/liaison.conf'), 'utf8');
  // 2. Installed on the new account (steps 1 and 2), the old settings in place, less LIAISON_DB.
  said(step(text, 2), /Install Liaison on the new host as above \(steps 1 and 2\), and before the first visit put the old `liaison\.conf` in place of the new one \(on shared hosting: `partners\/liaison\.conf`\), after deleting its `LIAISON_DB` line/);
  const library = join(account('bookmove'), 'public_html/library');
  renameSync(join(library, extract(library)), join(library, 'partners'));
  writeFileSync(join(library, 'partners/liaison.conf'), oldConf.replace(/^LIAISON_DB = .*\n/m, ''));
  asAccount(join(library, 'partners'));
  // 3. A first administrator of the new, empty database; then the restore from the computer.
  said(step(text, 3), /open the site; the setup page asks for a first administrator of the new, empty database\. Make one \(it is replaced in the next step\), sign in, and on \*\*Backups\*\*, \*\*Restore from a copy on your computer\*\* with the downloaded file\. Your old accounts come with it: sign in again with yours/);
  const { b, siteName } = await firstVisit('bookmove', '/library/partners/', 'stand-in');
  assert.equal(siteName, 'Maple Falls Partners', 'the settings came along');
  const page = await b.get('staff/backups');
  const { action, fields } = b.form(page.text, 'Check the copy');
  const checked = await b.upload(action, fields, 'maple-falls.db', backup);
  assert.equal(checked.status, 200, words(checked.text).slice(0, 400));
  const name = checked.text.match(/<input type="hidden" name="name" value="(liaison-uploaded-[^"]+)">/)[1];
  const sure = b.form(checked.text, `Replace the database with ${name}`);
  const done = await b.post(sure.action, sure.fields);
  assert.ok(done.status === 303 || done.status === 200, words(done.text).slice(0, 400));
  const again = new Browser('bookmove', '/library/partners/');
  assert.equal((await again.signIn('stand-in', password)).status, 400, 'the stand-in is gone');
  assert.equal((await again.signIn('librarian', password)).status, 303, 'the old account came with it');
  // The new account's own data folder, named in its own liaison.conf; nothing of the old one's.
  assert.match(readFileSync(join(library, 'partners/liaison.conf'), 'utf8'), new RegExp(`\\nLIAISON_DB = ${account('bookmove')}/liaison-data/liaison\\.db\\n`));
  assert.ok(!readFileSync(join(library, 'partners/liaison.conf'), 'utf8').includes(account('book') + '/'));
  assert.match(readFileSync(join(library, 'partners/liaison.conf'), 'utf8'), /^LIAISON_FISCAL_YEAR_START = 7$/m);
  assert.deepEqual(cron(cronLine('bookmove')), { status: 0, out: '' });
});
