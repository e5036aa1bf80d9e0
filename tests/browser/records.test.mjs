// records.test.mjs - staff record a partnership and an activity through the forms in headless
// Chromium: a desk for the partnership, a phone for the activity (the attendance fields must
// fit), a mistake that comes back marked with nothing lost, the totals that follow, and an
// import of a CSV file through the file picker, previewed then confirmed, and an administrator
// undoing it from the import page. axe-core checks each page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { BASE, SHOTS, launch, axeProblems } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function watch(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 40[09]/.test(m.text())) errors.push(m.text()); });
  return errors;
}

async function signIn(page) {
  await page.goto(`${BASE}/partnerships`);
  await page.waitForURL(/\/staff\/sign-in\?next=/);
  await page.getByLabel('Account name').fill('staff');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/partnerships$/);
}

test('record a partnership at a desk, then an activity on a phone, and see the totals', async () => {
  const desk = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await desk.newPage();
  const errors = watch(page);
  await signIn(page);
  assert.deepEqual(await axeProblems(page), []);
  await page.getByRole('link', { name: 'Record a new partnership' }).click();
  await page.getByLabel('Host library', { exact: true }).selectOption({ label: 'Maple Falls Public Library (Maple Falls)' });
  await page.getByLabel('Partner', { exact: true }).selectOption({ index: 5 });
  await page.getByLabel('Community organization').check();
  await page.getByLabel('Memorandum of understanding').check();
  await page.getByLabel('Active').check();
  await page.getByLabel('Start date').fill('2026-01-15');
  await page.getByLabel('Goal 1 (optional)', { exact: true }).fill('Family literacy nights');
  await page.getByLabel('How goal 1 is measured (optional)').fill('Attendance and the outcome survey');
  await page.getByLabel('Staff lead (optional)').fill('Maria Lopez');
  assert.deepEqual(await axeProblems(page), []);
  await page.getByRole('button', { name: 'Save the partnership' }).click();
  await page.waitForURL(/\/partnerships\/\d+\?done=recorded$/);
  const url = page.url().replace(/\?.*/, '');
  assert.match(await page.locator('.notice').textContent(), /the partnership was recorded/);
  assert.match(await page.locator('ul.goals').textContent(), /Family literacy nights — measured by: Attendance and the outcome survey/);
  assert.deepEqual(await axeProblems(page), []);

  // On a phone: an activity, first with a slip (virtual attendance on an in-person activity).
  const phone = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true,
    storageState: await desk.storageState() });
  const p = await phone.newPage();
  const phoneErrors = watch(p);
  await p.goto(`${url}/activities/new`);
  await p.getByLabel('Date').fill('2026-02-20');
  await p.getByLabel('Type of activity').selectOption({ label: 'Storytime or reading' });
  await p.getByLabel('In person', { exact: true }).check();
  await p.getByLabel('Number of sessions').fill('1');
  await p.getByLabel('Ages 0–5', { exact: true }).fill('14');
  await p.getByLabel('Adults', { exact: true }).fill('9');
  await p.getByLabel('Adults (virtual)').fill('6');
  await p.getByLabel("Library's cost").fill('25.40');
  await p.getByLabel('Survey respondents').fill('10');
  await p.getByLabel('Agree: learned something').fill('9');
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the activity form is ${overflow}px wider than the phone`);
  await p.getByRole('button', { name: 'Save the activity' }).click();
  await p.waitForLoadState();
  assert.match(await p.locator('.error-summary h2').textContent(), /There is a problem with this form/);
  await p.locator('.error-summary a').click();
  assert.equal(await p.evaluate(() => document.activeElement.id), 'f-att_adult_virt');
  assert.equal(await p.getByLabel("Library's cost").inputValue(), '25.40');
  assert.deepEqual(await axeProblems(p), []);
  await p.screenshot({ path: `${SHOTS}/activity-error-phone.png`, fullPage: true });
  await p.getByLabel(/^Hybrid/).check();
  await p.getByRole('button', { name: 'Save the activity' }).click();
  await p.waitForURL(/\?done=activity$/);
  const total = async (label) => p.locator('dl.totals div', { has: p.locator(`dt:text-is("${label}")`) }).locator('dd').textContent();
  assert.equal(await total('Program sessions in person'), '1');
  assert.equal(await total('Program attendance in person'), '23');
  assert.equal(await total('Program attendance virtual'), '6');
  assert.equal(await total("Library's cost"), '25.40');
  assert.equal(await total('Learned something'), '90%');
  assert.equal(await p.locator('table.activities tbody tr').count(), 1);
  assert.deepEqual(await axeProblems(p), []);
  await p.screenshot({ path: `${SHOTS}/partnership-phone.png`, fullPage: true });
  assert.deepEqual(phoneErrors, []);
  await phone.close();

  // Back at the desk: a CSV of two more through the import page's file picker.
  const id = url.match(/(\d+)$/)[1];
  const file = `${process.env.TMPDIR ?? '/tmp'}/liaison-browser-${process.pid}.csv`;
  writeFileSync(file, `partnership,held_on,type,counted_as,format,sessions,att_adult_in\n${id},2026-03-01,workshop,program,in_person,1,12\n${id},2026-03-08,Workshop or class,Program,In person,1,15\n`);
  await page.getByRole('link', { name: 'Import' }).click();
  assert.deepEqual(await axeProblems(page), []);
  await page.getByLabel('Activities of partnerships').check();
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.waitForLoadState();
  // The preview: nothing written yet, what the file adds, and a button to import it.
  assert.match(await page.locator('.preview h2').textContent(), /Nothing is imported yet/);
  assert.deepEqual(await axeProblems(page), []);
  await page.getByRole('button', { name: 'Import 2 activities' }).click();
  await page.waitForLoadState();
  assert.match(await page.locator('.notice').textContent(), /Imported 2 activities from liaison-browser-\d+\.csv/);
  const batch = (await page.locator('.notice').textContent()).match(/as batch (\d+)/)[1];
  await page.goto(url);
  assert.equal(await page.locator('table.activities tbody tr').count(), 3);
  assert.deepEqual(errors, []);
  await desk.close();

  // An administrator undoes that import from the page: asked first, then the two are gone.
  const office = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const admin = await office.newPage();
  const adminErrors = watch(admin);
  await admin.goto(`${BASE}/staff/sign-in?next=/import`);
  await admin.getByLabel('Account name').fill('admin');
  await admin.getByLabel('Password').fill('demo-password');
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.waitForURL(/\/import$/);
  await admin.getByRole('link', { name: `Undo batch ${batch}…` }).click();
  await admin.waitForURL(/\/import\/batches\/\d+\/undo$/);
  assert.deepEqual(await axeProblems(admin), []);
  await admin.getByRole('button', { name: `Undo batch ${batch}` }).click();
  await admin.waitForURL(/\/import\?undone=\d+$/);
  assert.match(await admin.locator('.notice').textContent(), new RegExp(`Batch ${batch} was undone`));
  assert.deepEqual(await axeProblems(admin), []);
  await admin.goto(url);
  assert.equal(await admin.locator('table.activities tbody tr').count(), 1);
  assert.deepEqual(adminErrors, []);
  await office.close();
});
