// apply.test.mjs - the whole way in, as people do it in headless Chromium: a librarian on a
// phone applies (first with a mistake, which comes back marked and with nothing lost), staff
// sign in on a desktop and approve, and the entry is in the directory and in search. axe-core
// checks each page; screenshots go to tests/out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BASE, SHOTS, launch, axeProblems } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const word = `kingfisher${process.pid}`;
const name = `Biblioteca Comunitaria ${word}`;

function watch(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The form sent with a mistake is answered 400 on purpose; Chromium logs that as an error.
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 400/.test(m.text())) errors.push(m.text()); });
  return errors;
}

test('apply on a phone → sign in → approve → in the directory and in search', async () => {
  const phone = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true });
  const page = await phone.newPage();
  const errors = watch(page);
  await page.goto(`${BASE}/list`);
  await page.getByRole('link', { name: 'Apply to be listed' }).click();
  await page.waitForURL(/\/apply$/);
  assert.deepEqual(await axeProblems(page), []);

  await page.getByRole('textbox', { name: 'Name of the organization' }).fill(name);
  await page.getByLabel('Type of organization').selectOption({ label: 'Public library' });
  await page.getByLabel('Country').selectOption({ label: 'Ecuador' });
  await page.getByLabel('City or town').fill('Cuenca');
  await page.getByRole('textbox', { name: 'Website' }).fill('www.cuenca-lee.example');
  await page.getByRole('group', { name: 'Languages you work in' }).getByLabel('Spanish', { exact: true }).check();
  await page.getByRole('group', { name: 'Activities you want to do with a partner' }).getByLabel('Pen-pal exchange').check();
  await page.getByLabel('Children 6–11').check();
  await page.getByLabel('Time zone').selectOption('America/Guayaquil');
  await page.getByLabel('A library', { exact: true }).check();
  await page.getByLabel('Your name').fill('Lucía Vega');
  await page.getByRole('textbox', { name: 'Email address' }).fill('lucia.vega@');	// a slip of the thumb
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the form is ${overflow}px wider than the phone`);
  await page.waitForTimeout(1100);	// the test server expects a second of typing
  await page.getByRole('button', { name: 'Send the application' }).click();

  // Back with the mistake marked, linked from the summary, and everything else kept.
  await page.waitForLoadState();
  assert.match(await page.locator('.error-summary').textContent(), /There is a problem with this form/);
  await page.locator('.error-summary a').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-contact_email');
  assert.equal(await page.getByRole('textbox', { name: 'Name of the organization' }).inputValue(), name);
  assert.equal(await page.getByLabel('Children 6–11').isChecked(), true);
  assert.deepEqual(await axeProblems(page), []);
  await page.screenshot({ path: `${SHOTS}/apply-error-phone.png`, fullPage: true });
  await page.getByRole('textbox', { name: 'Email address' }).fill('lucia.vega@cuenca-lee.example');
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Send the application' }).click();
  await page.waitForURL(/\/apply\/[0-9A-F]{5}-[0-9A-F]{5}$/);
  const reference = await page.locator('.reference').textContent();
  assert.match(await page.locator('h1').textContent(), /Application received/);
  assert.deepEqual(await axeProblems(page), []);
  assert.deepEqual(errors, []);
  await phone.close();

  // Staff, at a desk.
  const desk = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const staff = await desk.newPage();
  const staffErrors = watch(staff);
  await staff.goto(`${BASE}/staff/queue`);
  await staff.waitForURL(/\/staff\/sign-in\?next=/);
  assert.deepEqual(await axeProblems(staff), []);
  await staff.getByLabel('Account name').fill('staff');
  await staff.getByLabel('Password').fill('demo-password');
  await staff.getByRole('button', { name: 'Sign in' }).click();
  await staff.waitForURL(/\/staff\/queue$/);
  const row = staff.locator('tr', { hasText: reference });
  assert.equal(await row.count(), 1);
  assert.deepEqual(await axeProblems(staff), []);
  await row.getByRole('link', { name }).click();
  await staff.waitForURL(/\/staff\/org\/\d+$/);
  assert.deepEqual(await axeProblems(staff), []);
  await staff.getByRole('button', { name: 'Approve and list' }).click();
  await staff.waitForURL(/done=approve$/);
  assert.match(await staff.locator('.done').textContent(), /Done: approved/);
  await staff.screenshot({ path: `${SHOTS}/staff-approved.png`, fullPage: true });
  const id = staff.url().match(/\/org\/(\d+)/)[1];

  // In the directory and in search, at once.
  await staff.goto(`${BASE}/list?country=EC`);
  assert.ok((await staff.locator('li.org h3 a').allTextContents()).includes(name));
  await staff.goto(`${BASE}/search?q=${word}`);
  assert.deepEqual(await staff.locator('li.org h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), [`/list/${id}`]);
  assert.deepEqual(staffErrors, []);
  await desk.close();
});

test('a staff page prints without menus or buttons', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/staff/sign-in`);
  await page.getByLabel('Account name').fill('admin');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/staff\/queue$/);
  await page.goto(`${BASE}/staff/stale`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.staff-nav').isVisible(), false);
  assert.equal(await page.locator('table.staff-table').isVisible(), true);
  assert.equal(await page.locator('table.staff-table button').first().isVisible(), false);
  await context.close();
});
