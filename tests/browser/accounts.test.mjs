// accounts.test.mjs - an administrator adds a colleague's account on a phone in headless
// Chromium: the accounts page fits a 360 px screen without sideways scrolling, a mistake comes
// back marked beside its field with the name kept, and the new account is in the list. axe-core
// checks the page before and after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, SHOTS, launch, axeProblems } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an administrator adds an account on a phone', async () => {
  const phone = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, isMobile: true });
  const page = await phone.newPage();
  await page.goto(`${BASE}/staff/accounts`);
  await page.waitForURL(/\/staff\/sign-in\?next=/);
  await page.getByLabel('Account name').fill('admin');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/staff\/accounts$/);
  assert.deepEqual(await axeProblems(page), []);
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(await fits(), 'no sideways scrolling');

  const name = `volunteer-${process.pid}`;
  await page.getByLabel('Account name').fill(name);
  await page.getByLabel(/^Board/).check();
  await page.getByLabel('A first password').fill('a long enough password');
  await page.getByLabel('The password again').fill('not the same password');
  await page.getByRole('button', { name: 'Add the account' }).click();
  await page.waitForLoadState();
  assert.match(await page.locator('#e-again').textContent(), /The two passwords differ/);
  assert.equal(await page.getByLabel('Account name').inputValue(), name);
  assert.deepEqual(await axeProblems(page), []);
  await page.getByLabel('A first password').fill('a long enough password');
  await page.getByLabel('The password again').fill('a long enough password');
  await page.getByRole('button', { name: 'Add the account' }).click();
  await page.waitForURL(/\/staff\/accounts\?done=added$/);
  assert.match(await page.locator('.notice').textContent(), /The account was added/);
  assert.equal(await page.getByRole('row').filter({ hasText: name }).getByRole('cell').nth(1).textContent(), 'board');
  assert.ok(await fits(), 'no sideways scrolling with the list grown');
  await page.screenshot({ path: `${SHOTS}/accounts-phone.png`, fullPage: true });
  await phone.close();
});
