// report.test.mjs - the impact report in headless Chromium: the SVG charts render (with a
// screenshot kept for a person to look at), each has a title, a description and its numbers as
// a table, axe-core finds nothing serious, a board member picks a quarter from the form, it
// fits a phone, and it prints as a board packet on A4 and on Letter: a year in two pages for
// the public and four for a signed-in admin, nothing under 9 pt, and every name and figure
// in the PDF's text (pdftotext, from poppler-utils). The PDFs are kept in SHOTS to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { BASE, SHOTS, launch, axeProblems } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signIn(page, name = 'staff') {
  await page.goto(`${BASE}/staff/sign-in?next=/report`);
  await page.getByLabel('Account name').fill(name);
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
  assert.match(await page.locator('h1').textContent(), /^Impact report: FY2025 Q2 · \S/);
  await page.getByRole('link', { name: /FY2025 Q1/ }).click();
  await page.waitForURL(/quarter=2025-Q1/);
  assert.deepEqual(errors, []);
  await desk.close();
});

test('on a phone nothing runs off the side', async () => {
  const phone = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true });
  const page = await phone.newPage();
  await signIn(page);
  await page.goto(`${BASE}/report?fy=2026`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow}px too wide`);
  await page.screenshot({ path: `${SHOTS}/report-phone.png`, fullPage: false });
  assert.deepEqual(await axeProblems(page), []);
  await phone.close();
});

// The text of a PDF in the order it was drawn (-raw: a wrapped cell's lines stay together, and
// a line ending in a hyphen keeps it), its runs of white space made one space.
const pdfText = (pdf) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString()
  .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
const squeeze = (t) => t.replace(/\s+/g, ' ').trim();
// Whether the PDF's text holds t whole: its words in order, where a wrapped cell's next line
// may come after the cells beside it (a label "Program attendance in / person" reads
// "Program attendance in 1,520 ▲ up 726% from 184 person"; "ages 6- / 11" the same), or with
// no spaces at all (a Japanese name wraps between two characters). pdftotext writes
// right-to-left words as they stand on each line, the last first, so a name in Arabic need
// only have each of its words there.
const holds = (text, t) => {
  const bare = (x) => x.replace(/ /g, '');
  if (text.includes(t) || bare(text).includes(bare(t)))
    return true;
  if (/[\u0590-\u08ff]/.test(t))
    return t.split(' ').every((w) => bare(text).includes(w));
  return new RegExp(t.split(/ |(?<=-)/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(?: ?| .{0,80}? )')).test(text);
};

// Text drawn smaller than 9 pt (12 CSS px) in the printed layout: an SVG's lettering counts at
// the size it is drawn, its own units scaled to the width the drawing has on paper.
const tooSmall = (page) => page.evaluate(() => {
  const out = [];
  const walk = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.closest('title, desc') || el.getClientRects().length === 0)
      continue;
    const svg = el.closest('svg');
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (svg)
      px *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    if (px < 11.99)
      out.push(`${px.toFixed(1)}px: ${n.textContent.trim().slice(0, 50)}`);
  }
  return out;
});

// Table cells whose text runs past their edge (over the next cell, or off the paper).
const overflowing = (page) => page.locator('.report :is(td, th)').evaluateAll((cells) => cells
  .filter((c) => c.getClientRects().length > 0 && c.scrollWidth > c.clientWidth + 1)
  .map((c) => `${c.scrollWidth - c.clientWidth}px: ${c.textContent.trim().slice(0, 50)}`));

test('printed, a year is a board packet: two pages public and four signed in, on Letter and A4', async () => {
  // Letter's and A4's printable widths at 12 mm margins, in CSS pixels: the layout each gets.
  const paper = { Letter: 725, A4: 703 };
  for (const who of ['public', 'admin']) {
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: paper.Letter, height: 1000 } });
    const page = await ctx.newPage();
    if (who === 'admin')
      await signIn(page, 'admin');
    await page.goto(`${BASE}/report?fy=2026`);
    const title = squeeze(await page.locator('h1').textContent());
    assert.match(title, /^Impact report: FY2026 · \S/, 'the library and the period in the title');
    // Every name and figure the packet must carry, read from the page as a screen shows it.
    const names = who === 'admin' ? await page.locator('.partnerships-table tbody tr td:first-child')
      .evaluateAll((cells) => cells.map((c) => c.textContent.replace(/\s+/g, ' ').trim())) : [];
    assert.equal(names.length > 5, who === 'admin', `${who}: ${names.length} partnerships`);
    const figures = await page.locator('section[aria-labelledby="all-heading"] tbody th').allTextContents();
    const bars = await page.locator('figure.chart text').allTextContents();
    const outcomes = await page.locator('.outcomes-table tbody :is(th, td)').allTextContents();
    assert.ok(figures.length >= 20 && bars.length >= 60 && outcomes.length === 24, `${figures.length} ${bars.length}`);

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.site nav').first().isVisible(), false, 'no navigation on paper');
    assert.equal(await page.locator('.report-nav').isVisible(), false, 'no period form on paper');
    assert.equal(await page.locator('.downloads').isVisible(), false);
    assert.equal(await page.locator('.made').isVisible(), true, 'the day it was made');
    const breaks = await page.locator('.report-section').evaluateAll((s) => s.map((e) => getComputedStyle(e).breakBefore));
    assert.ok(breaks.length >= 7 && breaks.every((b) => b === 'auto'), `sections flow: ${breaks.join()}`);
    // A bar's colour means nothing, so every bar has the same one.
    const fills = new Set(await page.locator('rect.bar').evaluateAll((rs) => rs.map((r) => getComputedStyle(r).fill)));
    assert.equal(fills.size, 1, [...fills].join());
    for (const [format, width] of Object.entries(paper)) {
      await page.setViewportSize({ width, height: 1000 });
      assert.deepEqual(await tooSmall(page), [], `${who}, ${format}: nothing under 9 pt`);
      assert.deepEqual(await overflowing(page), [], `${who}, ${format}: nothing runs over`);
      const pdf = await page.pdf({ format, printBackground: true });
      writeFileSync(`${SHOTS}/report-${who}-${format}.pdf`, pdf);
      const pages = pdfPages(pdf), budget = who === 'admin' ? 4 : 2;
      assert.ok(pages >= 1 && pages <= budget, `${who}, ${format}: ${pages} pages, at most ${budget}`);
      const text = pdfText(pdf);
      assert.ok(text.includes(title), `${who}, ${format}: the title "${title}"`);
      assert.match(text, /Made on \d{4}-\d\d-\d\d\./);
      const missing = [...names, ...figures, ...bars, ...outcomes].map(squeeze).filter((t) => t && !holds(text, t));
      assert.deepEqual(missing, [], `${who}, ${format}: cut off or missing from the PDF`);
    }
    await ctx.close();
  }
});
