// mail.test.mjs - an administrator finds the outbox from the staff menu in headless Chromium:
// /staff/mail shows how many messages wait and failed, and the messages with their states
// (an application made first puts its receipt there). axe-core checks the page, on a desktop
// and on a phone, where it must not scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, axeProblems } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
  test(`an administrator opens the outbox from the staff menu (${device})`, async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport, isMobile: device === 'phone' });
    const page = await context.newPage();
    await page.goto(`${BASE}/staff/queue`);
    await page.waitForURL(/\/staff\/sign-in\?next=/);
    await page.getByLabel('Account name').fill('admin');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/staff\/queue$/);
    await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Mail' }).click();
    await page.waitForURL(/\/staff\/mail$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Outgoing mail');
    assert.match(await page.locator('#mail-waiting').textContent(), /^\d+$/);
    assert.deepEqual(await axeProblems(page), []);
    await page.getByLabel('Show').selectOption('sent');
    await page.getByRole('button', { name: 'Show messages' }).click();
    await page.waitForURL(/\/staff\/mail\?state=sent$/);
    assert.deepEqual(await axeProblems(page), []);
    if (device === 'phone')
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
    await context.close();
  });
}
