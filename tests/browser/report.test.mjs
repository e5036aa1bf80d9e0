// report.test.mjs - the impact report in headless Chromium: the SVG charts render (with a
// screenshot kept for a person to look at), each has a title, a description and its numbers as
// a table, axe-core finds nothing serious, a board member picks a quarter from the form, it
// fits a phone, and it prints as a board packet on A4 and on Letter without the navigation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, SHOTS, launch, axeProblems } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signIn(page) {
  await page.goto(`${BASE}/staff/sign-in?next=/report`);
  await page.getByLabel('Account name').fill('staff');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/report$/);
}

// Pages in a PDF: each page object says /Type /Page (the tree says /Pages).
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

test('the charts render, say what they show, and pass axe-core; the period form works', async () => {
  const desk = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await desk.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page);
  await page.goto(`${BASE}/report?fy=2026`);
  const charts = page.locator('figure.chart');
  assert.equal(await charts.count(), 5, 'per month twice, by age, cost split, outcomes');
  for (let i = 0; i < 5; i++) {
    const chart = charts.nth(i);
    const svg = chart.locator('svg');
    assert.equal(await svg.getAttribute('role'), 'img');
    const [title, desc] = [await svg.locator('title').textContent(), await svg.locator('desc').textContent()];
    assert.ok(title.length > 5 && desc.startsWith(title), `${title}: ${desc}`);
    // Drawn: every bar has a box, and the table holds the same numbers as the bars' labels.
    const bars = await chart.locator('rect.bar').count();
    assert.equal(bars, await chart.locator('.chart-data tbody tr').count());
    const box = await svg.boundingBox();
    assert.ok(box.width > 200 && box.height > 40, JSON.stringify(box));
    const values = await chart.locator('text.bar-value').allTextContents();
    const cells = await chart.locator('.chart-data tbody td').allTextContents();
    assert.deepEqual(values, cells);
  }
  const months = await charts.nth(0).locator('text.bar-label').allTextContents();
  assert.deepEqual([months[0], months[11]], ['Jan 2026', 'Dec 2026']);
  // The widest bar of the activities chart is the busiest month's.
  const widths = await charts.nth(0).locator('rect.bar').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
  const counts = (await charts.nth(0).locator('text.bar-value').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
  assert.ok(counts.every((c) => Number.isInteger(c)), counts.join());
  assert.equal(widths[counts.indexOf(Math.max(...counts))], Math.max(...widths));
  await page.screenshot({ path: `${SHOTS}/report-desk.png`, fullPage: true });
  assert.deepEqual(await axeProblems(page), []);

  await page.getByLabel('Fiscal year').selectOption('2025');
  await page.getByLabel('Quarter', { exact: true }).selectOption('2');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForURL(/fy=2025&q=2/);
  assert.equal(await page.locator('h1').textContent(), 'Impact report: FY2025 Q2');
  await page.getByRole('link', { name: /FY2025 Q1/ }).click();
  await page.waitForURL(/quarter=2025-Q1/);
  assert.deepEqual(errors, []);
  await desk.close();
});

test('on a phone nothing runs off the side; printed, it is a board packet on A4 and Letter', async () => {
  const phone = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true });
  const page = await phone.newPage();
  await signIn(page);
  await page.goto(`${BASE}/report?fy=2026`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow}px too wide`);
  await page.screenshot({ path: `${SHOTS}/report-phone.png`, fullPage: false });
  assert.deepEqual(await axeProblems(page), []);

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.site nav').first().isVisible(), false, 'no navigation on paper');
  assert.equal(await page.locator('.report-nav').isVisible(), false, 'no period form on paper');
  assert.equal(await page.locator('.downloads').isVisible(), false);
  assert.equal(await page.locator('.chart-data table').first().isVisible(), true, 'the numbers are printed');
  const breaks = await page.locator('.report-section + .report-section').evaluateAll((s) => s.map((e) => getComputedStyle(e).breakBefore));
  assert.ok(breaks.length >= 5 && breaks.every((b) => b === 'page'), breaks.join());
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: true });
    const pages = pdfPages(pdf);
    assert.ok(pages >= 6, `${format}: ${pages} pages`);	// a section a page at least
  }
  await phone.close();
});
