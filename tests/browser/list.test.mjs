// list.test.mjs - a visitor in headless Chromium: opens the directory, picks a filter, opens a
// profile, on a desktop and on a phone; axe-core checks each page; screenshots go to tests/out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, SHOTS, launch, axeProblems } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('filter the directory, open a profile, and meet accessibility rules', async () => {
  // bypassCSP only lets the test inject axe-core; the pages themselves run no script at all.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });

  assert.equal((await page.goto(`${BASE}/list`)).status(), 200);
  assert.deepEqual(await axeProblems(page), []);
  await page.screenshot({ path: `${SHOTS}/list-desktop.png`, fullPage: false });

  // Choose Colombia the way a person does: by its label, then the button.
  const colombia = await page.locator('#f-country option', { hasText: /^Colombia \(\d+\)$/ }).textContent();
  await page.getByLabel('Country').selectOption({ label: colombia });
  await page.getByRole('button', { name: 'Show organizations' }).click();
  await page.waitForURL(/country=CO/);
  const heading = await page.locator('#results-heading').textContent();
  const shown = await page.locator('li.org h3 a').count();
  assert.equal(heading, `${shown} organization${shown === 1 ? '' : 's'}`);
  assert.ok(shown >= 3);
  for (const place of await page.locator('li.org .meta').allTextContents())
    assert.match(place, /Colombia/);
  assert.deepEqual(await axeProblems(page), []);

  const first = page.locator('li.org h3 a').first();
  const name = await first.textContent();
  await first.click();
  await page.waitForURL(/\/list\/\d+$/);
  assert.equal(await page.locator('h1').textContent(), name);
  assert.match(await page.locator('dl.facts').textContent(), /Last confirmed/);
  assert.deepEqual(await axeProblems(page), []);
  await page.screenshot({ path: `${SHOTS}/profile-desktop.png`, fullPage: true });

  // Keyboard users: the first Tab reaches the skip link, and it becomes visible.
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip');
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
  const box = await skip.boundingBox();
  assert.ok(box && box.x >= 0, 'the focused skip link is on screen');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the directory on a map: reached from the directory, axe-clean, a country leads to its entries', async () => {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/list`);
  await page.getByRole('link', { name: 'See where they are on a map' }).click();
  await page.waitForURL(/\/list\/map$/);
  assert.equal(await page.locator('h1').textContent(), 'The directory on a map');
  assert.deepEqual(await axeProblems(page), []);
  // The map is drawn (a box of the page's width, not zero) and holds every country.
  const box = await page.locator('svg.map').boundingBox();
  assert.ok(box.width > 600 && box.height > 250, `the map is ${box.width}x${box.height}`);
  await page.screenshot({ path: `${SHOTS}/map-desktop.png` });
  // Clicking Colombia on the map (a mouse user's way) opens the directory filtered to it.
  await page.locator('svg.map a:has(title:text-matches("^Colombia: "))').click();
  await page.waitForURL(/\/list\?country=CO$/);
  assert.match(await page.locator('#results-heading').textContent(), /^\d+ organizations?$/);
  // On a phone the map fits the width; printed, the table of figures is there too.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${BASE}/list/map`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the map page is ${overflow}px wider than the phone`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('table.map-data').isVisible(), true);
  await context.close();
});

test('on a 360 px phone the first result shows on the first screen; the filters fold behind a button', async () => {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true });
  const page = await context.newPage();
  for (const [path, button] of [['/list', 'Filter the directory'], ['/search?q=library', 'Narrow the results']]) {
    await page.goto(`${BASE}${path}`);
    const first = await page.locator('li.org h3 a').first().boundingBox();
    assert.ok(first && first.y + first.height <= 740, `${path}: the first result's name ends at ${first?.y + first?.height}px, below the screen`);
    assert.equal(await page.getByLabel('Country').isVisible(), false, `${path}: filters folded`);
    // One tap opens them (no script: a <details>), and they work as before.
    await page.locator('.filters-box > summary', { hasText: button }).click();
    assert.equal(await page.getByLabel('Country').isVisible(), true, `${path}: filters shown`);
    assert.deepEqual(await axeProblems(page), [], path);
    await page.screenshot({ path: `${SHOTS}/filters-phone${path.replace(/\W+/g, '-')}.png` });
  }
  // With a filter set, the button says so.
  await page.goto(`${BASE}/list?country=CO`);
  assert.match(await page.locator('.filters-box > summary').textContent(), /Filter the directory \(filters set\)/);
  // On a wide screen the filters are simply there, beside the results, with no button.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${BASE}/list`);
  assert.equal(await page.getByLabel('Country').isVisible(), true);
  assert.equal(await page.locator('.filters-box > summary').isVisible(), false);
  await context.close();
});

test('on a phone the page fits the screen; printed, it drops the filters', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${BASE}/list?language=ar`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  // Names in Arabic script lay out right to left.
  const rtl = await page.locator('li.org h3 a', { hasText: 'مكتبة' }).first().evaluate((el) => getComputedStyle(el).direction);
  assert.equal(rtl, 'rtl');
  await page.screenshot({ path: `${SHOTS}/list-phone.png` });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('form.filters').isVisible(), false);
  assert.equal(await page.locator('li.org').first().isVisible(), true);
  await page.pdf?.({ path: `${SHOTS}/list-print.pdf`, format: 'A4' }).catch(() => {});
  await context.close();
});
