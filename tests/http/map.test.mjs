// map.test.mjs - /list/map, the directory on a world map drawn on the server (issue 20): every
// country's figure on the map and in the table is the directory's own count for it, each a
// link to the directory filtered to that country; small countries are dots; the whole page
// stays small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get, unescapeHtml } from './helpers.mjs';

const resultsCount = (html) => Number((html.match(/<h2 id="results-heading">([\d,]+) organizations?<\/h2>/) ?? [])[1]?.replace(/,/g, ''));

// The table after the map: [name, href, count] per row.
const tableRows = (html) => [...html.matchAll(/<tr><th scope="row"><a href="([^"]+)">([^<]+)<\/a>[^<]*(?:<span class="meta">[^<]*<\/span>)?<\/th><td class="n">(\d+)<\/td><\/tr>/g)]
  .map(([, href, name, n]) => ({ href: unescapeHtml(href), name: unescapeHtml(name), count: Number(n) }));

test('the map and its table give each country the directory\'s own count, linked to its entries', async () => {
  const r = await get('/list/map');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/html/);
  const rows = tableRows(r.text);
  assert.ok(rows.length >= 20, `${rows.length} countries in the table`);
  // Together they are the whole directory.
  const total = resultsCount((await get('/list')).text);
  assert.equal(rows.reduce((n, row) => n + row.count, 0), total);
  // Each country's figure is what the directory shows when filtered to it (a few, and the largest).
  const largest = rows.reduce((a, b) => (b.count > a.count ? b : a));
  for (const row of [rows[0], rows[Math.floor(rows.length / 2)], largest]) {
    const code = row.href.match(/\?country=([A-Z]{2})$/)[1];
    assert.equal(row.href, `/list?country=${code}`);
    assert.equal(resultsCount((await get(row.href)).text), row.count, row.name);
    // On the map: the country's shape (or dot) says the same in its tooltip, and links there too.
    const label = `${row.name}: ${row.count} organization${row.count === 1 ? '' : 's'}`;
    assert.ok(unescapeHtml(r.text).includes(`<title>${label}</title>`), label);
  }
  // The largest country is in the darkest shade, and the legend names the shades' ranges.
  const shapeOf = (name) => unescapeHtml(r.text).match(new RegExp(`<(?:path|circle)[^>]*class="(?:dot )?step-(\\d)"><title>${name}: `));
  assert.equal(shapeOf(largest.name)[1], '4');
  const keys = [...r.text.matchAll(/<li><span class="swatch step-(\d)" aria-hidden="true"><\/span>([^<]+)<\/li>/g)];
  assert.ok(keys.length >= 2);
  assert.match(keys.at(-1)[2], new RegExp(`–${largest.count}$`));
});

test('a country too small for the map (Singapore) is a ringed dot, named as such in the table', async () => {
  const r = await get('/list/map');
  const text = unescapeHtml(r.text);
  assert.match(text, /<circle cx="\d+" cy="\d+" r="4" class="dot step-\d"><title>Singapore: \d+ organizations?<\/title><\/circle>/);
  assert.match(text, />Singapore<\/a> <span class="meta">\(a dot on the map\)<\/span>/);
});

test('the whole page is under 60 kB, and the map has a title, a description and no script', async () => {
  const r = await get('/list/map');
  assert.ok(Buffer.byteLength(r.text) < 60 * 1024, `${Buffer.byteLength(r.text)} bytes`);
  const svg = r.text.match(/<svg viewBox="0 0 (\d+) (\d+)"[^>]*role="group" aria-labelledby="directory-map-title directory-map-desc"[^>]*>([\s\S]*?)<\/svg>/);
  assert.ok(svg, 'the map is an inline SVG labelled by its title and description');
  assert.match(svg[3], /<title id="directory-map-title">Organizations listed, by country<\/title>/);
  assert.match(svg[3], /<desc id="directory-map-desc">A world map with \d+ countries shaded: \d+ organizations in all; the most in [^(]+\(\d+\)\./);
  assert.doesNotMatch(r.text, /<script/);
  // Every country of the reference list is on the map, as a shape or a dot (Antarctica aside).
  const paths = (svg[3].match(/<path /g) ?? []).length;
  assert.ok(paths >= 170, `${paths} outlines`);
});
