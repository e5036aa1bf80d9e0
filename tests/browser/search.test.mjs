// search.test.mjs - a visitor in headless Chromium searches the directory from the menu,
// narrows by a filter, opens a result, then follows the profile to its best partners; on a
// phone the search page fits. axe-core checks each page; screenshots go to tests/out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, SHOTS, launch, axeProblems } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('search from the menu, narrow, open a result, see its best partners', async () => {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });

  await page.goto(`${BASE}/list`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await page.waitForURL(/\/search$/);
  assert.deepEqual(await axeProblems(page), []);

  // Typed without accents, as most keyboards make it easy to.
  await page.getByLabel('Search names, places, descriptions, interests and languages').fill('bibliotheque');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/q=bibliotheque/);
  const heading = await page.locator('#results-heading').textContent();
  assert.match(heading, /^\d+ organizations? match/);
  const marks = await page.locator('li.org h3 mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => m === 'Bibliothèque'), `marked: ${marks}`);
  assert.deepEqual(await axeProblems(page), []);
  await page.screenshot({ path: `${SHOTS}/search-desktop.png`, fullPage: true });

  // Narrow to France with the filter menu; the query stays.
  const france = await page.locator('#f-country option', { hasText: /^France \(\d+\)$/ }).textContent();
  const count = Number(france.match(/\((\d+)\)/)[1]);
  await page.getByLabel('Country').selectOption({ label: france });
  await page.getByRole('button', { name: 'Show results' }).click();
  await page.waitForURL(/country=FR/);
  assert.match(page.url(), /q=bibliotheque/);
  assert.equal(await page.locator('li.org').count(), count);
  for (const place of await page.locator('li.org .meta').allTextContents())
    assert.match(place, /France/);

  const first = page.locator('li.org h3 a').first();
  const name = await first.textContent();
  await first.click();
  await page.waitForURL(/\/list\/\d+$/);
  assert.equal(await page.locator('h1').textContent(), name);

  await page.getByRole('link', { name: 'Best partners for this organization' }).click();
  await page.waitForURL(/\/search\?match=\d+$/);
  assert.equal(await page.locator('h1').textContent(), `Best partners for ${name}`);
  assert.ok(await page.locator('ul.reasons li').count() > 0);
  await page.locator('details.scoring summary').click();
  assert.equal(await page.locator('details.scoring table').isVisible(), true);
  assert.deepEqual(await axeProblems(page), []);
  await page.screenshot({ path: `${SHOTS}/match-desktop.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the search page fits, and a Japanese name is found by part of it', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${BASE}/search`);
  await page.getByRole('searchbox').fill('図書館');
  await page.getByRole('searchbox').press('Enter');
  await page.waitForURL(/q=/);
  const names = await page.locator('li.org h3 a').allTextContents();
  assert.ok(names.includes('掛川市立中央図書館'), names.join(', '));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: `${SHOTS}/search-phone.png`, fullPage: true });
  await context.close();
});
