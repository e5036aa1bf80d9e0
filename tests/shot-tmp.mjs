import { launch, axeProblems } from '/work/main/tests/browser/browser.mjs';
import { readFileSync } from 'node:fs';
const b = await launch();
const ctx = await b.newContext({ bypassCSP: true, viewport: { width: Number(process.env.W ?? 1100), height: 900 } });
if (process.env.JAR) {
  const line = readFileSync(process.env.JAR, 'utf8').split('\n').filter((l) => l && !l.startsWith('# ')).pop().split('\t');
  await ctx.addCookies([{ name: line[5], value: line[6], domain: '127.0.0.1', path: '/' }]);
}
const page = await ctx.newPage();
await page.goto(process.env.URL);
if (process.env.PRINT) await page.emulateMedia({ media: 'print' });
if (process.env.CLIP) { const [y, h] = process.env.CLIP.split(',').map(Number); await page.screenshot({ path: process.env.OUT ?? '/tmp/shot.png', fullPage: true, clip: { x: 0, y, width: Number(process.env.W ?? 1100), height: h } }); } else await page.screenshot({ path: process.env.OUT ?? '/tmp/shot.png', fullPage: true });
console.log(await page.evaluate(() => [document.documentElement.scrollWidth, [...document.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > innerWidth + 1).slice(0,5).map(e => e.tagName + '.' + e.className)]));
console.log(JSON.stringify(await axeProblems(page), null, 1));
await b.close();
