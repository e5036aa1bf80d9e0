// contact.test.mjs - a visitor in headless Chromium writes to an organization from its profile:
// "Contact this organization", a mistake first (which comes back marked, with nothing lost and
// nothing sent), then the message; the organization's mailbox receives it, with Reply-To the
// visitor. The About page too. axe-core checks each page; screenshots go to tests/out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, SHOTS, launch, axeProblems } from './browser.mjs';
import { sqlRows } from '../http/helpers.mjs';
import { sharedMailbox, uniqueAddress, waitForMail, deliveredTo, parseMail } from '../http/mail.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a visitor contacts an organization from its profile, and its mailbox receives the message', async () => {
  const box = await sharedMailbox();
  // The lowest-numbered entry with a private address (the http tests take theirs from the end).
  const [[id, orgEmail, name]] = sqlRows(`SELECT id, contact_email, name FROM org WHERE status = 'listed'
    AND email_public = 0 AND contact_email <> '' ORDER BY id LIMIT 1`);
  const before = deliveredTo(box.dir, orgEmail).length;
  const sender = uniqueAddress('visitor');
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  assert.equal((await page.goto(`${BASE}/list/${id}`)).status(), 200);
  assert.ok(!(await page.content()).includes(orgEmail), 'the address is not on the profile');
  await page.getByRole('link', { name: 'Contact this organization' }).click();
  await page.waitForURL(new RegExp(`/list/${id}/contact$`));
  assert.match(await page.locator('h1').textContent(), new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.deepEqual(await axeProblems(page), []);

  await page.getByLabel('Your name').fill('Ana Ruiz');
  await page.getByLabel('Your email address').fill(sender);
  await page.waitForTimeout(1100);	// the test server wants a second's typing
  await page.getByRole('button', { name: 'Send the message' }).click();
  await page.waitForLoadState();
  assert.match(await page.locator('#e-message').textContent(), /./, 'the empty message is marked beside it');
  assert.equal(await page.getByLabel('Your name').inputValue(), 'Ana Ruiz', 'nothing typed is lost');
  assert.equal(await page.getByLabel('Your email address').inputValue(), sender);
  assert.deepEqual(await axeProblems(page), []);
  assert.equal(deliveredTo(box.dir, orgEmail).length, before, 'nothing was sent');

  await page.getByLabel('Your message').fill('We would like pen pals for our 4th graders learning Spanish.');
  await page.getByRole('button', { name: 'Send the message' }).click();
  await page.waitForURL(new RegExp(`/list/${id}/contact/sent$`));
  assert.equal(await page.locator('h1').textContent(), 'Message sent');
  assert.deepEqual(await axeProblems(page), []);
  await page.screenshot({ path: `${SHOTS}/contact-sent.png`, fullPage: true });

  const got = await waitForMail(box.dir, orgEmail, { count: before + 1 });
  assert.equal(got.length, before + 1);
  const m = parseMail(got.at(-1).file);
  assert.equal(m.header('Reply-To'), `Ana Ruiz <${sender}>`);
  assert.ok(m.body.includes('We would like pen pals for our 4th graders learning Spanish.'));
  await context.close();
});

test('the About page and its footer link meet accessibility rules, on a phone too', async () => {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${BASE}/list`);
  assert.equal(await page.getByRole('link', { name: 'About this directory and privacy' }).getAttribute('href'), '/about');
  assert.equal((await page.goto(`${BASE}/about`)).status(), 200);
  assert.equal(await page.locator('h1').textContent(), 'About this directory');
  assert.deepEqual(await axeProblems(page), []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: `${SHOTS}/about-phone.png`, fullPage: true });
  await context.close();
});
