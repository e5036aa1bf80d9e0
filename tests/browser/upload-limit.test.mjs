// upload-limit.test.mjs - a file over an upload form's limit is named in the browser before it
// is sent (htdocs/liaison.js, loaded under the pages' own Content-Security-Policy: no
// bypassCSP here), on the import page and the backups page; a file within the limit goes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, truncateSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { BASE, launch } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signIn(page, name) {
  await page.goto(`${BASE}/staff/sign-in`);
  await page.getByLabel('Account name').fill(name);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !/sign-in/.test(u.pathname));
}

for (const [what, who, path, input, button, maxKb] of [
  ['the import page', 'staff', '/import', '#f-file', 'Check the file', 124],
  ['the backups page', 'admin', '/staff/backups', '#f-backup', 'Check the copy', null],
]) {
  test(`${what}: a file over the limit is named before it is sent, and the form stays`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // (the small file's answer is a 400: not a real CSV)
    page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text()); });
    await signIn(page, who);
    await page.goto(`${BASE}${path}`);
    const max = Number(await page.locator(input).getAttribute('data-max-bytes'));
    if (maxKb) assert.equal(max, maxKb * 1024);
    const posts = [];
    page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
    // One byte over, as a file on disk (the backups page's limit is 64 MB).
    const dir = mkdtempSync(join(tmpdir(), 'liaison-limit-'));
    const big = join(dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, max + 1);
    await page.locator(input).setInputFiles(big);
    rmSync(dir, { recursive: true });
    const note = page.locator(`${input}-too-big`);
    assert.match(await note.textContent(), new RegExp(`^big\\.csv is ${Math.ceil((max + 1) / 1024).toLocaleString('en')} KB: this form takes files of up to ${Math.ceil(max / 1024).toLocaleString('en')} KB`));
    assert.equal(await note.getAttribute('role'), 'alert');
    await page.getByRole('button', { name: button }).click();
    await page.waitForTimeout(300);
    assert.deepEqual(posts, [], 'nothing was sent');
    assert.equal(new URL(page.url()).pathname, path);
    // A file within the limit: the note goes, and the form is sent.
    await page.locator(input).setInputFiles({ name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from('date\n') });
    assert.equal(await note.count(), 0);
    await page.getByRole('button', { name: button }).click();
    await page.waitForLoadState();
    assert.equal(posts.length, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
