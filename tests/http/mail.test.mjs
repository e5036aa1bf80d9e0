// mail.test.mjs - the outbox on the real mail path (issue 17): liaison-admin hands messages to
// msmtp, which delivers them over SMTP to the run's mailbox (python3-aiosmtpd); each delivered
// message is read with Python's email package under its strict policy. Non-ASCII names and
// subjects arrive decoded as they were written; a failed hand-over (the mail server down,
// sendmail exiting non-zero) leaves the message queued with its reason, and it arrives once,
// later; a header-injection attempt in any field delivers nothing extra. Each test works on a
// database of its own in a temporary folder, never on the one the tests serve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAIN_BIN, SRCDIR } from './helpers.mjs';
import { sharedMailbox, startMailbox, writeMsmtprc, uniqueAddress, waitForMail, deliveredTo, parseMail } from './mail.mjs';

const FROM = 'liaison@example.org';

function freshDb() {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-mail-'));
  const db = join(dir, 'liaison.db');
  execFileSync(`${PLAIN_BIN}/liaison-admin`, ['create', db], { env: { PATH: process.env.PATH, LIAISON_SCHEMA: `${SRCDIR}/schema` } });
  return { dir, db };
}

function admin(db, sendmail, args, env = {}) {
  return spawnSync(`${PLAIN_BIN}/liaison-admin`, args, {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH, LIAISON_DB: db, LIAISON_SCHEMA: `${SRCDIR}/schema`, LIAISON_SENDMAIL: sendmail,
      LIAISON_MAIL_FROM: FROM, LIAISON_OPERATOR_EMAIL: 'staff@example.org', LIAISON_OPERATOR_NAME: 'Partner Libraries',
      LIAISON_SITE_NAME: 'Libraries Seeking Partners', ...env,
    },
  });
}

const rows = (db, q) => execFileSync('sqlite3', ['-json', '-cmd', '.timeout 10000', db, q], { encoding: 'utf8' });
const outbox = (db) => JSON.parse(rows(db, 'SELECT * FROM outbox ORDER BY id') || '[]');

test('a test message with Spanish, Arabic and Cyrillic names arrives as correct mail, decoded as written', async () => {
  const box = await sharedMailbox();
  const { dir, db } = freshDb();
  const to = uniqueAddress('jose');
  try {
    const r = admin(db, box.sendmail, ['mail', '--test', to, 'Анна Каренина'], {
      LIAISON_SITE_NAME: 'Biblioteca Nacional de Cuba José Martí',
      LIAISON_OPERATOR_NAME: 'الجمعية العربية للمكتبات',
      LIAISON_OPERATOR_ADDRESS: 'La Habana, Cuba',
    });
    assert.equal(r.status, 0, r.stderr);
    const said = r.stdout.match(/sent a test message to (\S+) \(Message-ID <([^>]+)>\)/);
    assert.ok(said, r.stdout);
    const [row] = outbox(db);
    assert.equal(row.state, 'sent');
    assert.equal(row.attempts, 1);
    assert.equal(row.body, null, 'a body is kept only until delivered');
    assert.equal(row.message_id, said[2]);
    assert.match(row.message_id, /^outbox-1\.[0-9a-f]{16}@example\.org$/);

    const got = await waitForMail(box.dir, to);
    assert.equal(got.length, 1);
    assert.deepEqual(got[0].envelope, { mail_from: FROM, rcpt_tos: [to] });
    const m = parseMail(got[0].file);
    assert.deepEqual(m.defects, []);
    // Python's address parser keeps the fold between two encoded words of a name as a space
    // (RFC 2047 6.2 says to drop it; mail readers do): names are compared with spaces made one.
    const oneSpace = (s) => s.replace(/ +/g, ' ');
    assert.equal(oneSpace(m.header('From')), `الجمعية العربية للمكتبات <${FROM}>`);
    assert.equal(oneSpace(m.header('To')), `Анна Каренина <${to}>`);
    assert.equal(m.header('Reply-To'), 'staff@example.org');
    assert.equal(m.header('Subject'), 'Test message from Biblioteca Nacional de Cuba José Martí');
    assert.equal(m.header('Message-ID'), `<${row.message_id}>`);
    assert.equal(m.header('MIME-Version'), '1.0');
    assert.equal(m.content_type, 'text/plain');
    assert.equal(m.charset, 'utf-8');
    const date = Date.parse(m.header('Date'));
    assert.ok(Math.abs(date - Date.now()) < 5 * 60 * 1000, m.header('Date'));
    assert.match(m.body, /^This is a test message from Biblioteca Nacional de Cuba José Martí,/);
    assert.ok(m.body.endsWith('\n\n-- \nالجمعية العربية للمكتبات\nLa Habana, Cuba\nstaff@example.org\n'), m.body);
    // Encoded words for every non-ASCII header, folded: no header line over 78 characters.
    assert.match(m.header_bytes, /^Subject: =\?UTF-8\?B\?/m);
    for (const line of m.header_bytes.split(/\r?\n/)) assert.ok(line.length <= 78, line);
    assert.ok(m.max_line_bytes <= 78, `a line of ${m.max_line_bytes} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with the mail server down the message stays queued with its reason, and arrives once when it is back', async () => {
  const { dir, db } = freshDb();
  const box = await startMailbox(join(dir, 'box'));
  const sendmail = `/usr/bin/msmtp -C ${writeMsmtprc(join(dir, 'msmtprc'), box.port)}`;
  const to = uniqueAddress('down');
  try {
    await box.stop();
    const r = admin(db, sendmail, ['mail', '--test', to]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /the test message was not sent: \/usr\/bin\/msmtp exited with status \d+: msmtp: /);
    let [row] = outbox(db);
    assert.equal(row.state, 'queued');
    assert.equal(row.attempts, 1);
    assert.match(row.last_error, /msmtp/);
    assert.ok(row.body.startsWith('This is a test message'), 'the body is kept until delivered');
    const now = Math.floor(Date.now() / 1000);
    assert.ok(row.next_attempt >= now + 50 && row.next_attempt <= now + 70, 'the next try is a minute away');

    // Cron's run before the next try is due sends nothing and says nothing.
    const early = admin(db, sendmail, ['mail']);
    assert.equal(early.status, 0, early.stderr);
    assert.equal(early.stderr, '');
    assert.equal(outbox(db)[0].attempts, 1);

    const back = await startMailbox(join(dir, 'box'), box.port);
    try {
      const late = admin(db, sendmail, ['mail', '--now']);
      assert.equal(late.status, 0, late.stderr);
      assert.equal(late.stdout, '1 sent\n');
      const got = await waitForMail(back.dir, to);
      assert.equal(got.length, 1);
      [row] = outbox(db);
      assert.equal(row.state, 'sent');
      assert.equal(row.attempts, 2);
      assert.equal(row.body, null);
      assert.equal(parseMail(got[0].file).header('Message-ID'), `<${row.message_id}>`);
      // Nothing is sent twice: another run finds nothing due.
      assert.equal(admin(db, sendmail, ['mail', '--now']).stdout, '0 sent\n');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(deliveredTo(back.dir, to).length, 1);
    } finally {
      await back.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a sendmail that exits non-zero is retried with backoff, given up on after 8 tries, and "send again" delivers it once', async () => {
  const box = await sharedMailbox();
  const { dir, db } = freshDb();
  const to = uniqueAddress('false');
  try {
    const r = admin(db, '/bin/false', ['mail', '--test', to]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /\/bin\/false exited with status 1/);
    const waits = [];
    let row = outbox(db)[0];
    waits.push(row.next_attempt - Math.floor(Date.now() / 1000));
    for (let i = 2; i <= 8; i++) {
      // Due now, as if the wait had passed; the tries go on counting.
      rows(db, 'UPDATE outbox SET next_attempt = 0');
      const again = admin(db, '/bin/false', ['mail']);
      assert.equal(again.status, 1);
      row = outbox(db)[0];
      assert.equal(row.attempts, i);
      if (i < 8) waits.push(row.next_attempt - Math.floor(Date.now() / 1000));
    }
    // 1 min, 5 min, 30 min, 2 h, 12 h, 24 h, 24 h (a second either way for the clock).
    [60, 300, 1800, 7200, 43200, 86400, 86400].forEach((w, i) => assert.ok(Math.abs(waits[i] - w) <= 2, `wait ${i + 1}: ${waits[i]}`));
    assert.equal(row.state, 'failed');
    assert.match(row.last_error, /exited with status 1/);
    assert.equal(deliveredTo(box.dir, to).length, 0);

    // Given up: cron leaves it alone; --now (the relay mended) sends it, once.
    assert.equal(admin(db, box.sendmail, ['mail']).status, 0);
    assert.equal(outbox(db)[0].state, 'failed');
    const now = admin(db, box.sendmail, ['mail', '--now']);
    assert.equal(now.status, 0, now.stderr);
    assert.equal((await waitForMail(box.dir, to)).length, 1);
    assert.equal(outbox(db)[0].state, 'sent');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('header injection in every field delivers nothing extra: one message, one recipient, no added header', async () => {
  const box = await sharedMailbox();
  const { dir, db } = freshDb();
  const to = uniqueAddress('inject');
  const victims = ['victim1@example.net', 'victim2@example.net', 'victim3@example.net', 'victim4@example.net'];
  try {
    // In an address: refused, nothing queued or sent.
    let r = admin(db, box.sendmail, ['mail', '--test', `${to}\r\nBcc: ${victims[0]}`]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /is not a plain e-mail address/);
    r = admin(db, box.sendmail, ['mail', '--test', `${to}`], { LIAISON_OPERATOR_EMAIL: `staff@example.org\nBcc: ${victims[0]}` });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /LIAISON_OPERATOR_EMAIL is not a plain e-mail address/);
    r = admin(db, box.sendmail, ['mail', '--test', `${to}`], { LIAISON_MAIL_FROM: `-oi@example.org` });
    assert.equal(r.status, 1, 'an address that would be an option to sendmail is refused');
    assert.equal(outbox(db).filter((m) => m.state === 'sent').length, 0);

    // In names and the subject: made text on one line.
    rows(db, 'DELETE FROM outbox');
    r = admin(db, box.sendmail, ['mail', '--test', to, `Ana\r\nCc: ${victims[1]}\r\n\r\nforged body`], {
      LIAISON_OPERATOR_NAME: `Staff\nBcc: ${victims[2]}\u0007`,
      LIAISON_SITE_NAME: `Site\r\nBcc: ${victims[3]}\r\nX-Injected: yes\u2028Subject: forged`,
    });
    assert.equal(r.status, 0, r.stderr);
    const got = await waitForMail(box.dir, to);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(deliveredTo(box.dir, to).length, 1);
    assert.deepEqual(got[0].envelope.rcpt_tos, [to]);
    for (const v of victims) assert.equal(deliveredTo(box.dir, v).length, 0, `${v} got mail`);
    const m = parseMail(got[0].file);
    assert.deepEqual(m.defects, []);
    assert.deepEqual(m.headers.map(([n]) => n), ['Date', 'From', 'To', 'Reply-To', 'Subject', 'Message-ID',
      'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding', 'Auto-Submitted']);
    assert.deepEqual(m.to_addresses, [to]);
    assert.equal(m.header('To'), `"Ana Cc: ${victims[1]} forged body" <${to}>`);
    assert.equal(m.header('From'), `"Staff Bcc: ${victims[2]}" <${FROM}>`);
    assert.equal(m.header('Subject'), `Test message from Site Bcc: ${victims[3]} X-Injected: yes Subject: forged`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
