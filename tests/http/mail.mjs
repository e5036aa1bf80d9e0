// mail.mjs - the real mail path for the tests: the mailbox (tests/mail/mailbox.py, Debian's
// python3-aiosmtpd on loopback) that tests/run.sh starts once for the whole run, reached
// through msmtp as a site's sendmail; and what it received, read with Python's email package
// under its strict policy (tests/mail/parse.py), never with our own code.
//
// Messages from all tests land in one folder: find yours by its envelope recipient, an
// address made unique to the test (uniqueAddress). Run outside tests/run.sh (no
// LIAISON_TEST_MAIL_DIR), sharedMailbox() starts a mailbox of its own for the file.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SRCDIR } from './helpers.mjs';

const PYTHON = '/usr/bin/python3';	// Debian's, where python3-aiosmtpd is
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// An msmtp configuration for a mailbox on port: no password, so msmtp reads it whoever owns it.
export function writeMsmtprc(path, port) {
  writeFileSync(path, `account default\nhost 127.0.0.1\nport ${port}\nauth off\ntls off\nfrom liaison@example.org\n`);
  chmodSync(path, 0o644);
  return path;
}

// Starts a mailbox writing into dir, on port (0: any free one); resolves once it listens.
export async function startMailbox(dir, port = 0) {
  rmSync(join(dir, 'port'), { force: true });
  const proc = spawn(PYTHON, [`${SRCDIR}/tests/mail/mailbox.py`, dir, String(port)], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !existsSync(join(dir, 'port')); i++) await sleep(50);
  if (!existsSync(join(dir, 'port'))) throw new Error('the test mailbox did not start');
  const listening = Number(readFileSync(join(dir, 'port'), 'utf8'));
  return {
    dir, port: listening, proc,
    stop: () => new Promise((resolve) => { proc.once('exit', resolve); proc.kill('SIGTERM'); }),
  };
}

let own = null;
// The run's mailbox: { dir, msmtprc, sendmail } (LIAISON_SENDMAIL's value for it).
export async function sharedMailbox() {
  if (process.env.LIAISON_TEST_MAIL_DIR && process.env.LIAISON_TEST_MSMTPRC) {
    const msmtprc = process.env.LIAISON_TEST_MSMTPRC;
    return { dir: process.env.LIAISON_TEST_MAIL_DIR, msmtprc, sendmail: `/usr/bin/msmtp -C ${msmtprc}` };
  }
  if (!own) {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-mailbox-'));
    const box = await startMailbox(dir);
    const msmtprc = writeMsmtprc(join(dir, 'msmtprc'), box.port);
    own = { dir, msmtprc, sendmail: `/usr/bin/msmtp -C ${msmtprc}`, box };
    box.proc.unref();	// the test file ends when its tests do; the mailbox is stopped then
    process.on('exit', () => box.proc.kill('SIGTERM'));
  }
  return own;
}

// An address no other test uses: example.com's, with a random local part.
export const uniqueAddress = (tag = 't') => `${tag}-${randomBytes(6).toString('hex')}@example.com`;

// Every message in dir whose envelope names recipient: [{ file, envelope }], oldest first.
export function deliveredTo(dir, recipient) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ file: join(dir, f.replace(/\.json$/, '.eml')), envelope: JSON.parse(readFileSync(join(dir, f), 'utf8')) }))
    .filter((m) => m.envelope.rcpt_tos.some((r) => r.toLowerCase() === recipient.toLowerCase()));
}

// Waits until count messages for recipient have arrived (or timeoutMs passed); returns them all.
export async function waitForMail(dir, recipient, { count = 1, timeoutMs = 10000 } = {}) {
  const end = Date.now() + timeoutMs;
  let got = deliveredTo(dir, recipient);
  while (got.length < count && Date.now() < end) {
    await sleep(100);
    got = deliveredTo(dir, recipient);
  }
  return got;
}

// The message in file as Python's email package reads it under the strict policy: see
// tests/mail/parse.py. Throws with the policy's complaint when it refuses the message.
export function parseMail(file) {
  const r = spawnSync(PYTHON, [`${SRCDIR}/tests/mail/parse.py`, file], { encoding: 'utf8' });
  const out = JSON.parse(r.stdout || '{}');
  if (r.status !== 0 || out.error) throw new Error(`strict parse of ${file} failed: ${out.error ?? r.stderr}`);
  // One header by name, decoded (the first of that name), or undefined.
  out.header = (name) => out.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  out.count = (name) => out.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).length;
  return out;
}
