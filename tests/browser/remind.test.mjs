// remind.test.mjs - a reminder confirms an entry, as its contact does it in headless Chromium:
// the entry was confirmed 11 months ago; `liaison-admin remind` mails its contact (msmtp to the
// run's mailbox, read under Python's strict policy); the link in the message opens the page,
// which changes nothing; "Still seeking partners" confirms it; the profile's "Last confirmed"
// moves to today. axe-core checks the pages; screenshots go to tests/out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { BASE, SHOTS, launch, axeProblems } from './browser.mjs';
import { sharedMailbox, uniqueAddress, waitForMail, parseMail } from '../http/mail.mjs';

const DB = process.env.LIAISON_TEST_DB;
const sql = (q) => execFileSync('sqlite3', ['-batch', '-noheader', '-cmd', '.timeout 10000', DB, q], { encoding: 'utf8' }).trim();

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a reminder link confirms an entry and the profile\'s "last confirmed" moves', async () => {
  const email = uniqueAddress('kiri');
  const name = `Te Whare Pukapuka ${process.pid}`;
  sql(`INSERT INTO org (name, kind, type, country, city, description, contact_name, contact_email, status, confirmed_on)
       VALUES ('${name}', 'library', 'public', 'NZ', 'Rotorua', 'A library by the lake.', 'Kiri Walker', '${email}',
       'listed', date('now', '-11 months'))`);
  const id = sql(`SELECT id FROM org WHERE name = '${name}'`);
  const old = sql(`SELECT confirmed_on FROM org WHERE id = ${id}`);
  const today = sql("SELECT date('now')");

  const box = await sharedMailbox();
  const r = spawnSync(`${process.env.LIAISON_PLAIN_BIN}/liaison-admin`, ['remind', BASE], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LIAISON_DB: DB, LIAISON_SCHEMA: `${process.env.LIAISON_SRCDIR}/schema`,
      LIAISON_SENDMAIL: box.sendmail, LIAISON_MAIL_FROM: 'liaison@example.org' },
  });
  assert.equal(r.status, 0, r.stderr);
  const got = await waitForMail(box.dir, email);
  assert.equal(got.length, 1);
  const link = parseMail(got[0].file).body.match(/https?:\/\/\S+/)[0];

  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${BASE}/list/${id}`);
  assert.equal(await page.locator('dt:text-is("Last confirmed") + dd').innerText(), old);

  await page.goto(link);
  await page.getByRole('heading', { name: 'Manage this entry' }).waitFor();
  assert.deepEqual(await axeProblems(page), []);
  assert.equal(sql(`SELECT confirmed_on FROM org WHERE id = ${id}`), old, 'opening the link changes nothing');
  await page.screenshot({ path: `${SHOTS}/remind-page.png`, fullPage: true });

  await page.getByRole('button', { name: 'Still seeking partners' }).click();
  await page.getByText('the entry is confirmed as of today').waitFor();
  assert.deepEqual(await axeProblems(page), []);
  await page.getByRole('link', { name: 'See the entry as visitors see it' }).click();
  await page.waitForURL(new RegExp(`/list/${id}$`));
  assert.equal(await page.locator('dt:text-is("Last confirmed") + dd').innerText(), today);
  assert.equal(sql(`SELECT confirmed_on FROM org WHERE id = ${id}`), today);
  await context.close();
});
