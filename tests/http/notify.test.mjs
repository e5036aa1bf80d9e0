// notify.test.mjs - the mail about applications (issue 17), on the real mail path (msmtp to the
// run's aiosmtpd mailbox, each message read under Python's strict email policy): the
// applicant's receipt with the reference, staff's notice of each application, the decision
// (approved with a working link to the entry, rejected with the reason staff gave), and the
// outbox page for administrators, /staff/mail, with "send again". The tests that need a
// mail server that is down, or another setting (the daily digest), run the programs as plain
// CGI on a database of their own, so the site the other tests use is left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import {
  BASE, DB, PLAIN_BIN, SRCDIR, application, cgi, csrfOf, formBody, get, request, signedIn, unescapeHtml,
} from './helpers.mjs';
import { sharedMailbox, startMailbox, writeMsmtprc, uniqueAddress, waitForMail, deliveredTo, parseMail } from './mail.mjs';

// Rows as objects, from the site's database or a private one.
const rowsOf = (db, q) => JSON.parse(execFileSync('sqlite3', ['-json', '-cmd', '.timeout 10000', db, q], { encoding: 'utf8' }) || '[]');
const STAFF_ADDR = process.env.LIAISON_OPERATOR_EMAIL ?? 'staff@example.org';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const address = () => `127.0.${(process.pid % 200) + 20}.${(n++ % 250) + 1}`;

// Applies through the site; returns { reference, id }.
async function apply(fields) {
  const r = await request('/apply', { method: 'POST', body: formBody(application(fields)), from: address() });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  const reference = new URL(r.headers.location).pathname.split('/').pop();
  const [{ org_id: id }] = rowsOf(DB, `SELECT org_id FROM application WHERE reference = '${reference}'`);
  return { reference, id };
}

// The one message delivered to addr whose subject contains text, parsed; waits for it. The
// wait is long: the site delivers after responses, oldest first, one at a time while other
// requests wait, so the mail of other test files' applications can come first.
async function messageTo(dir, addr, text, count = 1) {
  const end = Date.now() + 60000;
  let found = [];
  while (Date.now() < end) {
    found = deliveredTo(dir, addr).map((m) => parseMail(m.file)).filter((m) => m.header('Subject').includes(text));
    if (found.length >= count) break;
    await sleep(100);
  }
  await sleep(300);	// anything extra would have arrived by now
  found = deliveredTo(dir, addr).map((m) => parseMail(m.file)).filter((m) => m.header('Subject').includes(text));
  assert.equal(found.length, count, `${found.length} messages to ${addr} about ${text}`);
  for (const m of found) assert.deepEqual(m.defects, []);
  return found;
}

async function act(v, id, action, fields = {}) {
  const page = await v.get(`/staff/org/${id}`);
  return v.post(`/staff/org/${id}/${action}`, { ...fields, csrf: csrfOf(page.text) });
}

test('applying delivers one receipt to the applicant with the reference, decoded as written, and one notice to staff', async () => {
  const box = await sharedMailbox();
  const to = uniqueAddress('receipt');
  const name = 'Biblioteca Nacional de Cuba José Martí';
  const { reference, id } = await apply({ name, contact_name: 'Araceli García', contact_email: to });
  const [m] = await messageTo(box.dir, to, reference);
  assert.equal(m.header('Subject'), `Application received: ${name} (${reference})`);
  assert.deepEqual(m.to_addresses, [to]);
  assert.equal(m.header('To').replace(/ +/g, ' '), `Araceli García <${to}>`);
  assert.equal(m.header('Reply-To'), STAFF_ADDR, 'a reply reaches the staff');
  assert.match(m.body, new RegExp(`Thank you for applying to list ${name} in `));
  assert.match(m.body, new RegExp(`Your reference: ${reference}\n`));
  // The link to the application's page works when followed.
  const link = m.body.match(/Your application's page: (\S+)/)[1];
  assert.equal(link, `${BASE}/apply/${reference}`);
  const page = await get(new URL(link).pathname);
  assert.equal(page.status, 200);
  assert.ok(unescapeHtml(page.text).includes(reference));
  assert.equal(deliveredTo(box.dir, to).length, 1, 'one message per event');

  // Staff: one notice of this application, Reply-To the applicant, linking to the entry.
  const [s] = await messageTo(box.dir, STAFF_ADDR, `New application: ${name} (FR)`);
  assert.equal(s.header('Reply-To').replace(/ +/g, ' '), `Araceli García <${to}>`);
  assert.match(s.body, new RegExp(`Reference: ${reference}\n`));
  assert.ok(s.body.includes(`Review it: ${BASE}/staff/org/${id}\n`), s.body);
  // In the database: both were queued with the application and are sent now.
  const rows = rowsOf(DB, `SELECT kind, state FROM outbox WHERE to_addr = '${to}'`);
  assert.deepEqual(rows, [{ kind: 'receipt', state: 'sent' }]);
});

test('approving delivers the decision with a working link to the entry; /staff/mail lists it as sent', async () => {
  const box = await sharedMailbox();
  const to = uniqueAddress('approved');
  const { reference, id } = await apply({ contact_email: to });
  await messageTo(box.dir, to, 'Application received');
  const v = await signedIn('admin');
  const r = await act(v, id, 'approve');
  assert.equal(r.status, 303);
  const [m] = await messageTo(box.dir, to, 'Approved');
  assert.match(m.body, new RegExp(`Your application ${reference} was approved`));
  const link = m.body.match(/Its page: (\S+)/)[1];
  assert.equal(link, `${BASE}/list/${id}`);
  const entry = await get(new URL(link).pathname);
  assert.equal(entry.status, 200);
  assert.equal(deliveredTo(box.dir, to).length, 2, 'the receipt and the decision, nothing more');

  // The outbox page: counts at the top, and both messages to this applicant shown as sent.
  const page = await v.get('/staff/mail?state=sent');
  assert.equal(page.status, 200);
  assert.match(page.text, /<dd id="mail-failed">/);
  const ids = rowsOf(DB, `SELECT id, state FROM outbox WHERE to_addr = '${to}' ORDER BY id`);
  assert.equal(ids.length, 2);
  for (const { id: mid, state } of ids) {
    assert.equal(state, 'sent');
    const row = page.text.match(new RegExp(`<tr id="message-${mid}">[\\s\\S]*?</tr>`));
    assert.ok(row, `message ${mid} is on the page`);
    assert.match(row[0], /status-sent">sent</);
    assert.ok(row[0].includes(to));
    assert.ok(!row[0].includes('Send again'), 'a sent message has nothing to send again');
  }
  // The staff menu leads there for administrators.
  assert.ok(page.text.includes('<a href="/staff/mail">Mail</a>'));
});

test('rejecting with a reason delivers the decision with the reason; without one it is refused and nothing is sent', async () => {
  const box = await sharedMailbox();
  const to = uniqueAddress('rejected');
  const { reference, id } = await apply({ contact_email: to });
  await messageTo(box.dir, to, 'Application received');
  const v = await signedIn('staff');
  const none = await act(v, id, 'reject', { note: '' });
  assert.equal(none.status, 400);
  assert.deepEqual(rowsOf(DB, `SELECT count(*) AS n FROM outbox WHERE to_addr = '${to}' AND kind = 'decision'`), [{ n: 0 }]);
  const reason = 'We list libraries and community organizations only; this is a bookshop. — Café';
  const r = await act(v, id, 'reject', { note: reason });
  assert.equal(r.status, 303);
  const [m] = await messageTo(box.dir, to, 'Not approved');
  assert.match(m.body, new RegExp(`Your application ${reference} to list .* was not approved\\.`));
  assert.ok(m.body.includes(`The reason staff gave:\n\n${reason}\n`), m.body);
  // The application's page says the same.
  assert.ok(unescapeHtml((await get(`/apply/${reference}`)).text).includes(reason));
});

test('only administrators see the outbox: staff and board get 403, strangers are sent to sign in', async () => {
  for (const role of ['staff', 'board']) {
    const v = await signedIn(role);
    assert.equal((await v.get('/staff/mail')).status, 403);
    const q = await v.get('/staff/queue');
    const r = await v.post('/staff/mail/1/send-again', { csrf: csrfOf(q.text) });
    assert.equal(r.status, 403);
    assert.ok(!q.text.includes('/staff/mail"'), 'no link to it in their menu');
  }
  assert.equal((await get('/staff/mail', { redirect: 'manual' })).status, 303);
  const admin = await signedIn('admin');
  assert.equal((await admin.get('/staff/mail?state=nonsense')).status, 400);
  assert.equal((await admin.get('/staff/mail?page=2')).status, 200);
});

// --- a site of its own: plain CGI on a private database -------------------------------------------

const FROM = 'liaison@example.org';

function privateSite() {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-notify-'));
  const db = join(dir, 'liaison.db');
  execFileSync(`${PLAIN_BIN}/liaison-admin`, ['create', db], { env: { PATH: process.env.PATH, LIAISON_SCHEMA: `${SRCDIR}/schema` } });
  const made = spawnSync(`${PLAIN_BIN}/liaison-admin`, ['user', 'add', 'ana', 'admin'], {
    input: 'a long test password\n', encoding: 'utf8', env: { PATH: process.env.PATH, LIAISON_DB: db },
  });
  assert.equal(made.status, 0, made.stderr);
  return { dir, db };
}

// An application form's token for db (the format helpers.mjs's mintToken makes for the site's).
function tokenFor(db) {
  const secret = Buffer.from(rowsOf(db, 'SELECT hex(secret) AS s FROM site_secret')[0].s, 'hex');
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000) - 10));
  const nonce = randomBytes(12);
  const mac = createHmac('sha256', secret).update(Buffer.from('apply\0')).update(Buffer.from('\0'))
    .update(stamp).update(nonce).digest().subarray(0, 16);
  return Buffer.concat([stamp, nonce, mac]).toString('hex');
}

function siteEnv(db, sendmail, more = {}) {
  return { LIAISON_DB: db, LIAISON_SENDMAIL: sendmail, LIAISON_MAIL_FROM: FROM, LIAISON_OPERATOR_EMAIL: more.staff ?? STAFF_ADDR,
    LIAISON_APPLY_MIN_SECONDS: '1', LIAISON_TRUST_REMOTE_USER: '1', ...more.env };
}

function cgiApply(db, sendmail, fields, more = {}) {
  const r = cgi('apply', { method: 'POST', body: formBody(application({ ...fields, csrf: tokenFor(db) })), env: siteEnv(db, sendmail, more) });
  assert.equal(r.status, 303, r.body.slice(0, 400) + r.stderr);
  return r.head.match(/^Location: \S*\/([0-9A-F]{5}-[0-9A-F]{5})\s*$/m)[1];
}

test('with the mail server down a receipt stays queued, /staff/mail shows its error, and "send again" delivers it once', async () => {
  const { dir, db } = privateSite();
  const box = await startMailbox(join(dir, 'box'));
  const sendmail = `/usr/bin/msmtp -C ${writeMsmtprc(join(dir, 'msmtprc'), box.port)}`;
  const to = uniqueAddress('down');
  const staff = { REMOTE_USER: 'ana' };
  try {
    await box.stop();
    const reference = cgiApply(db, sendmail, { contact_email: to }, { staff: uniqueAddress('staff') });
    let [row] = rowsOf(db, `SELECT * FROM outbox WHERE to_addr = '${to}'`);
    assert.equal(row.state, 'queued');
    assert.equal(row.attempts, 1);
    assert.match(row.last_error, /msmtp exited with status \d+: msmtp: /);
    assert.ok(row.subject.includes(reference));

    let page = cgi('staff', { pathInfo: '/mail', env: { ...siteEnv(db, sendmail), ...staff } });
    assert.equal(page.status, 200, page.body.slice(0, 300));
    assert.match(page.body, /<dd id="mail-waiting">2<\/dd>/, 'the receipt and the staff notice wait');
    let tr = page.body.match(new RegExp(`<tr id="message-${row.id}">[\\s\\S]*?</tr>`))[0];
    assert.match(tr, /status-queued">queued</);
    assert.ok(unescapeHtml(tr).includes(`Last error: ${row.last_error}`), tr);
    assert.ok(tr.includes('Send again'));

    const back = await startMailbox(join(dir, 'box'), box.port);
    try {
      const csrf = csrfOf(page.body);
      const again = cgi('staff', { method: 'POST', pathInfo: `/mail/${row.id}/send-again`, body: formBody({ csrf }),
        env: { ...siteEnv(db, sendmail), ...staff } });
      assert.equal(again.status, 303, again.body.slice(0, 300));
      assert.match(again.head, /^Location: \S*\/staff(\.cgi)?\/mail\?done=again$/m);
      const got = await waitForMail(back.dir, to);
      assert.equal(got.length, 1);
      const m = parseMail(got[0].file);
      assert.deepEqual(m.defects, []);
      assert.equal(m.header('Subject'), `Application received: ${rowsOf(db, `SELECT name FROM org`)[0].name} (${reference})`);
      [row] = rowsOf(db, `SELECT * FROM outbox WHERE to_addr = '${to}'`);
      assert.equal(row.state, 'sent');
      assert.equal(m.header('Message-ID'), `<${row.message_id}>`);
      const audit = rowsOf(db, `SELECT actor, action, note FROM audit WHERE action = 'sent mail again'`);
      assert.deepEqual(audit, [{ actor: 'ana', action: 'sent mail again', note: `message ${row.id}` }]);
      // Sent: another "send again" finds nothing to send, and nothing arrives twice.
      const twice = cgi('staff', { method: 'POST', pathInfo: `/mail/${row.id}/send-again`, body: formBody({ csrf }),
        env: { ...siteEnv(db, sendmail), ...staff } });
      assert.equal(twice.status, 404);
      await sleep(300);
      assert.equal(deliveredTo(back.dir, to).length, 1);
      page = cgi('staff', { pathInfo: '/mail', query: 'state=sent', env: { ...siteEnv(db, sendmail), ...staff } });
      tr = page.body.match(new RegExp(`<tr id="message-${row.id}">[\\s\\S]*?</tr>`))[0];
      assert.match(tr, /status-sent">sent</);
      assert.ok(!tr.includes('Last error'));
    } finally {
      await back.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('LIAISON_NOTIFY_APPLICATIONS=daily: no notice per application, then one digest listing both, once a day', async () => {
  const box = await sharedMailbox();
  const { dir, db } = privateSite();
  const staff = uniqueAddress('digest');
  const daily = { staff, env: { LIAISON_NOTIFY_APPLICATIONS: 'daily' } };
  try {
    const first = cgiApply(db, box.sendmail, { contact_email: uniqueAddress('d1') }, daily);
    const second = cgiApply(db, box.sendmail, { name: 'Библиотека имени Пушкина', contact_email: uniqueAddress('d2') }, daily);
    await sleep(500);
    assert.equal(deliveredTo(box.dir, staff).length, 0, 'neither application sends staff a message of its own');
    const env = { PATH: process.env.PATH, ...siteEnv(db, box.sendmail, daily), LIAISON_BASE_URL: 'https://partners.example' };
    // The first digest waits until the oldest application is a day old.
    let r = spawnSync(`${PLAIN_BIN}/liaison-admin`, ['mail'], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(rowsOf(db, "SELECT count(*) AS n FROM outbox WHERE kind = 'digest'")[0].n, 0);
    execFileSync('sqlite3', [db, "UPDATE application SET submitted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-25 hours')"]);
    r = spawnSync(`${PLAIN_BIN}/liaison-admin`, ['mail'], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    const got = await waitForMail(box.dir, staff);
    assert.equal(got.length, 1);
    const m = parseMail(got[0].file);
    assert.deepEqual(m.defects, []);
    assert.equal(m.header('Subject'), '2 new applications: Libraries Seeking Partners');
    const ids = rowsOf(db, 'SELECT org_id, reference FROM application ORDER BY org_id');
    for (const { org_id: id, reference } of ids) {
      assert.ok(m.body.includes(`, ${reference}, received `), m.body);
      assert.ok(m.body.includes(`https://partners.example/staff/org/${id}\n`), m.body);
    }
    assert.ok(m.body.includes('Библиотека имени Пушкина (FR)'));
    assert.ok([first, second].every((ref) => m.body.includes(ref)));
    // Run again (cron every few minutes): no second digest the same day.
    r = spawnSync(`${PLAIN_BIN}/liaison-admin`, ['mail'], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    await sleep(300);
    assert.equal(deliveredTo(box.dir, staff).length, 1);
    assert.equal(rowsOf(db, "SELECT count(*) AS n FROM outbox WHERE kind = 'digest'")[0].n, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
