// search.test.mjs - /search and /search?match=ID through real nginx: folding, prefixes,
// phrases, scripts without spaces, hostile input, filters and facets, the index following every
// change on the very next request, CSV, and the best partners. Expected rows come from SQLite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get, sql, sqlRows, filterOptions, parseCsv, unescapeHtml } from './helpers.mjs';

// The results on a search page, in order: [{ id, name (marks removed), marked: [terms] }].
function results(html) {
  return [...html.matchAll(/<h3><a href="[^"]*\/list\/(\d+)" dir="auto">([\s\S]*?)<\/a><\/h3>/g)]
    .map((m) => ({
      id: Number(m[1]),
      name: unescapeHtml(m[2].replace(/<\/?mark>/g, '')),
      marked: [...m[2].matchAll(/<mark>([^<]*)<\/mark>/g)].map((x) => unescapeHtml(x[1])),
    }));
}
const total = (html) => Number((html.match(/<h2 id="results-heading">([\d,]+) organization/) ?? [])[1]?.replace(/,/g, ''));
const q = (text) => encodeURIComponent(text);

// Every result of a search, through its CSV: the ids, best first.
async function allIds(query) {
  const r = await get(`/search?${query}&format=csv`);
  assert.equal(r.status, 200);
  return parseCsv(r.text.replace(/^\uFEFF/, '')).slice(1).map((row) => Number(row[0]));
}
const listedIds = (where) => sqlRows(`SELECT id FROM org WHERE status = 'listed' AND (${where}) ORDER BY id`).map((r) => Number(r[0]));
const sorted = (a) => [...a].sort((x, y) => x - y);

test('an empty query shows how to search, not the whole directory', async () => {
  for (const path of ['/search', '/search?q=', '/search?q=%20%20', '/search?country=FR']) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.match(r.text, /<h2 id="tips-heading">How to search<\/h2>/);
    assert.equal(results(r.text).length, 0, path);
  }
  for (const junk of ['-', '"', '* ^ ( )', '""']) {
    const r = await get(`/search?q=${q(junk)}`);
    assert.equal(r.status, 200, junk);
    assert.match(r.text, /There is nothing to search for in what you typed/, junk);
    assert.match(r.text, new RegExp(`value="${junk.replace(/"/g, '&quot;').replace(/[*^()]/g, '\\$&')}"`), 'what was typed stays in the box');
  }
});

test('case and accents are folded', async () => {
  const bogota = listedIds("name LIKE '%Bogotá%' OR city = 'Bogotá' OR description LIKE '%Bogotá%' OR seeking_text LIKE '%Bogotá%'");
  assert.ok(bogota.length > 0);
  for (const typed of ['bogota', 'BOGOTA', 'Bogotá', 'bogotá'])
    assert.deepEqual(sorted(await allIds(`q=${q(typed)}`)), bogota, typed);
  const html = (await get('/search?q=bibliotheque')).text;
  const found = results(html);
  assert.ok(found.length > 0);
  assert.ok(found.some((o) => o.name.includes('Bibliothèque')));
  assert.ok(found.filter((o) => o.name.includes('Bibliothèque')).every((o) => o.marked.includes('Bibliothèque')),
    'the accented word is what is marked');
});

test('the last word matches as a prefix, a quoted phrase as a phrase', async () => {
  const ids = await allIds('q=bibli');
  for (const id of listedIds("name LIKE 'Biblioteca%' OR name LIKE 'Bibliothèque%'"))
    assert.ok(ids.includes(id), `${id} starts with Bibli…`);
  assert.deepEqual(await allIds(`q=${q('bibli ')}`), [], 'with a space after it, bibli is a whole word');
  const phrase = listedIds("(name || ' ' || name_en || ' ' || description || ' ' || seeking_text) LIKE '%public library%'");
  assert.ok(phrase.length > 0);
  assert.deepEqual(sorted(await allIds(`q=${q('"public library"')}`)), phrase);
  assert.deepEqual(await allIds(`q=${q('"library public"')}`), []);
  // Two words anywhere, in any order, each must be found.
  const both = await allIds(`q=${q('library public')}`);
  assert.ok(both.length >= phrase.length);
});

test('names in Cyrillic, Arabic, Japanese and Chinese are found by typing part of them', async () => {
  const cases = [
    ['Львів', "name LIKE 'Львів%'"],                       // a word's beginning
    ['бібліотека', "name LIKE '%бібліотека%'"],
    ['مكتبة', "name LIKE 'مكتبة%' OR name LIKE '% مكتبة%'"],
    ['図書館', "name LIKE '%図書館%'"],                      // inside a name with no spaces
    ['中央図書館', "name LIKE '%中央図書館%'"],
    ['上海', "name LIKE '%上海%'"],                          // two characters
    ['书', "name LIKE '%书%'"],                              // one
  ];
  for (const [typed, where] of cases) {
    const expected = listedIds(where);
    assert.ok(expected.length > 0, `the demo has a name with ${typed}`);
    const ids = await allIds(`q=${q(typed)}`);
    for (const id of expected) assert.ok(ids.includes(id), `${typed} finds ${id}`);
    const page = results((await get(`/search?q=${q(typed)}`)).text);
    const first = page.find((o) => expected.includes(o.id));
    assert.ok(first.marked.some((m) => typed.toLowerCase().includes(m.toLowerCase()) || m.toLowerCase().startsWith(typed.toLowerCase())),
      `${typed} is marked in ${first.name}: ${first.marked}`);
  }
});

test('anything typed is safe: FTS5 syntax is plain text, never an error', async () => {
  const hostile = ['"', '"unbalanced', 'a"b', '-', '--', '*', 'bibli*', '^start', 'NEAR(a b)',
    'NEAR', 'AND', 'OR', 'NOT', 'library NOT public', 'name:bogota', '{name}: x', 'a OR b',
    '(', ')', "'", '\\', '%', '_', '%00', '<script>', 'x" OR "1"="1', '日本"', '""""', ':', '+'];
  for (const typed of hostile) {
    const r = await get(`/search?q=${q(typed)}`);
    assert.equal(r.status, 200, typed);
    assert.doesNotMatch(r.text, /syntax error|fts5/i, typed);
  }
  const not = await allIds(`q=${q('library NOT public')}`);
  assert.ok(not.every((id) => listedIds(`id = ${id}`).length === 1));
  // Too long, or not UTF-8: a 400 that names the parameter.
  let r = await get(`/search?q=${'a'.repeat(257)}`);
  assert.equal(r.status, 400);
  assert.match(r.text, /q/);
  r = await get('/search?q=%C3%28');
  assert.equal(r.status, 400);
  assert.equal((await get('/search?q=x&page=0')).status, 400);
  assert.equal((await get('/search/extra')).status, 404);
  r = await get('/search?q=x', { method: 'POST', body: 'q=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(r.status, 405);
  assert.equal(r.headers.get('allow'), 'GET, HEAD');
});

test('highlighting escapes the stored text around the marks', async () => {
  const r = await get('/search?q=script');
  assert.equal(r.status, 200);
  assert.doesNotMatch(r.text, /<script>/);
  assert.match(r.text, /&lt;<mark>script<\/mark>&gt;alert\(&quot;xss&quot;\)&lt;\/<mark>script<\/mark>&gt; Library/);
  const snippet = await get('/search?q=onerror');
  assert.doesNotMatch(snippet.text, /<img/);
  assert.match(snippet.text, /&lt;img src=x <mark>onerror<\/mark>=alert\(1\)&gt;/);
});

test('filters combine with the query, and each facet count is the rows its choice returns', async () => {
  const all = await allIds('q=library');
  const inUS = await allIds('q=library&country=US');
  const us = new Set(listedIds("country = 'US'"));
  assert.deepEqual(sorted(inUS), sorted(all.filter((id) => us.has(id))));
  const html = (await get('/search?q=library')).text;
  assert.equal(total(html), all.length);
  for (const facet of ['kind', 'country', 'language', 'interest', 'seeking']) {
    const options = filterOptions(html, facet);
    assert.ok(options.length > 0, facet);
    for (const o of options.slice(0, 6)) {
      const ids = await allIds(`q=library&${facet}=${o.value}`);
      assert.equal(ids.length, o.count, `${facet}=${o.value}`);
      const page = (await get(`/search?q=library&${facet}=${o.value}`)).text;
      assert.equal(total(page), o.count);
      assert.ok(filterOptions(page, facet).find((x) => x.value === o.value).selected);
      assert.match(page, /<a href="\/search\?q=library">Remove<span class="visually-hidden"> the /);
    }
  }
});

test('results page like the directory and the CSV keeps their order', async () => {
  const ids = await allIds('q=library');
  assert.ok(ids.length > 20);
  const p1 = results((await get('/search?q=library')).text).map((o) => o.id);
  const p2 = results((await get('/search?q=library&page=2')).text).map((o) => o.id);
  assert.deepEqual(p1, ids.slice(0, 20));
  assert.deepEqual(p2, ids.slice(20, 40));
  const pages = Math.ceil(ids.length / 20);
  assert.equal((await get(`/search?q=library&page=${pages + 1}`)).status, 404);
  const csv = await get('/search?q=library&format=csv');
  assert.match(csv.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.match(csv.headers.get('content-disposition'), /attachment; filename="liaison-search-\d{4}-\d\d-\d\d\.csv"/);
  const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
  assert.equal(rows[0][0], 'id');
  assert.equal(rows[0].at(-1), 'profile_url');
  assert.ok(rows.every((row) => row.length === rows[0].length));
  // A name match ranks above a description-only match.
  const first = sqlRows(`SELECT name, description FROM org WHERE id = ${ids[0]}`)[0];
  assert.match(first[0], /library/i);
});

test('the index follows every change on the very next request', async () => {
  const word = 'Quillabamba';
  assert.deepEqual(await allIds(`q=${word}`), []);
  sql(`INSERT INTO org (name, kind, type, country, city, description, status) VALUES ('Biblioteca de ${word}', 'library', 'public', 'PE', '${word}', 'New.', 'pending')`);
  const id = Number(sql(`SELECT id FROM org WHERE city = '${word}'`));
  try {
    assert.deepEqual(await allIds(`q=${word}`), [], 'pending: not found');
    sql(`UPDATE org SET status = 'listed' WHERE id = ${id}`);              // approved
    assert.deepEqual(await allIds(`q=${word.toLowerCase()}`), [id]);
    assert.deepEqual(results((await get(`/search?q=${word}`)).text).map((o) => o.id), [id]);
    sql(`UPDATE org SET name = 'Biblioteca de Zorritos', city = 'Zorritos' WHERE id = ${id}`); // edited
    assert.deepEqual(await allIds(`q=${word}`), []);
    assert.deepEqual(results((await get('/search?q=zorritos')).text).map((o) => o.id), [id]);
    sql(`INSERT INTO org_language VALUES (${id}, 'qu')`);                     // a language added
    assert.deepEqual(await allIds('q=zorritos&language=qu'), [id]);
    assert.deepEqual(await allIds('q=quechua zorritos'), [id]);
    sql(`UPDATE org SET status = 'unlisted' WHERE id = ${id}`);            // unlisted
    assert.deepEqual(results((await get('/search?q=zorritos')).text), []);
    sql(`UPDATE org SET status = 'listed' WHERE id = ${id}`);
    sql(`DELETE FROM org WHERE id = ${id}`);                                // removed
    assert.deepEqual(results((await get('/search?q=zorritos')).text), []);
    assert.equal(sql(`SELECT count(*) FROM org_fts WHERE rowid = ${id}`), '0');
  } finally {
    sql(`DELETE FROM org WHERE id = ${id}`);
  }
});

test('match=ID ranks partners that fit, with the reasons in words', async () => {
  const host = Number(sql("SELECT id FROM org WHERE name = 'Maple Falls Public Library'"));
  const r = await get(`/search?match=${host}`);
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1 dir="auto">Best partners for Maple Falls Public Library<\/h1>/);
  const items = [...r.text.matchAll(/<h3><a href="\/list\/(\d+)"[\s\S]*?<span class="score">(\d+) points<\/span><\/p>\n<ul class="reasons">([\s\S]*?)<\/ul>/g)]
    .map((m) => ({ id: Number(m[1]), score: Number(m[2]), reasons: [...m[3].matchAll(/<li>([^<]*)<\/li>/g)].map((x) => unescapeHtml(x[1])) }));
  assert.equal(items.length, 20);
  const partners = new Set(sqlRows(`SELECT CASE WHEN host_id = ${host} THEN partner_id ELSE host_id END FROM partnership WHERE ${host} IN (host_id, partner_id) AND status <> 'ended'`).map((x) => Number(x[0])));
  const seekingListed = new Set(listedIds('seeking = 1'));
  for (const it of items) {
    assert.notEqual(it.id, host);
    assert.ok(!partners.has(it.id), `${it.id} is a current partner`);
    assert.ok(seekingListed.has(it.id), `${it.id} is listed and seeking`);
    assert.ok(it.reasons.some((x) => /^both want |^share /.test(x)), `${it.id}: ${it.reasons}`);
    assert.ok(it.reasons.some((x) => /office hours in common$|office hours in common on \d of 5 working days$/.test(x)));
  }
  for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].score >= items[i].score, 'best first');
  // The profile links to its matches.
  assert.match((await get(`/list/${host}`)).text, new RegExp(`<a href="/search\\?match=${host}">Best partners for this organization</a>`));
  assert.equal((await get('/search?match=999999')).status, 404);
  assert.equal((await get('/search?match=abc')).status, 400);
  assert.equal((await get(`/search?match=${host}&q=x`)).status, 400);
  assert.equal((await get(`/search?match=${host}&format=csv`)).status, 400);
  const pending = sql("SELECT id FROM org WHERE status = 'pending' LIMIT 1");
  assert.equal((await get(`/search?match=${pending}`)).status, 404);
});

test('every tip on the search page does what it says, with the example it gives', async () => {
  const tips = unescapeHtml((await get('/search')).text.match(/<section class="tips"[\s\S]*?<\/section>/)[0]);
  const names = async (typed) => results((await get(`/search?q=${q(typed)}`)).text);
  // "bogota finds Bogotá, bibliotheque finds Bibliothèque"
  assert.ok(tips.includes('<em>bogota</em> finds Bogotá'));
  assert.match((await get(`/search?q=bogota`)).text, /<mark>Bogotá<\/mark>/);
  assert.ok(tips.includes('<em>bibliotheque</em> finds Bibliothèque'));
  assert.ok((await names('bibliotheque')).some((o) => o.marked.includes('Bibliothèque')));
  // "bibli finds Biblioteca and Bibliothèque"
  assert.ok(tips.includes('<em>bibli</em> finds Biblioteca and Bibliothèque'));
  const bibli = await names('bibli');
  assert.ok(bibli.some((o) => o.name.includes('Biblioteca')) && bibli.some((o) => o.name.includes('Bibliothèque')));
  // The phrase: side by side, in that order; quoted words are whole words.
  assert.ok(tips.includes('<em>"public library"</em>'));
  const phrase = await names('"public library"');
  assert.ok(phrase.length > 0, 'the example finds something');
  assert.equal(total((await get(`/search?q=${q('"public librar"')}`)).text), 0, 'the last quoted word is not a prefix');
  assert.ok(total((await get(`/search?q=${q('public librar')}`)).text) > 0, 'unquoted, it is');
  // Names in scripts written without spaces, found by any part.
  for (const part of ['図書館', '上海']) {
    assert.ok(tips.includes(`<em>${part}</em>`));
    assert.ok((await names(part)).some((o) => o.name.includes(part)), part);
  }
  // "Best partners for this organization" is on a profile, and leads to matches.
  assert.ok(tips.includes('<em>Best partners for this organization</em>'));
  const id = sql("SELECT min(id) FROM org WHERE status = 'listed'");
  const profile = unescapeHtml((await get(`/list/${id}`)).text);
  const link = profile.match(/<a href="([^"]*search\?match=\d+)">Best partners for this organization<\/a>/);
  assert.ok(link, 'the profile links to its best partners');
  assert.equal((await get(new URL(link[1], 'http://x').pathname + new URL(link[1], 'http://x').search)).status, 200);
});

test('a search that finds nothing says so and what to try, with no CSV link or pager', async () => {
  for (const path of [`/search?q=zzzzqqq`, `/search?q=library&country=AQ`]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.equal(total(r.text), 0, path);
    const text = unescapeHtml(r.text);
    assert.match(text, /No organization matches <q dir="auto">[^<]+<\/q>/, path);
    assert.match(text, /<li>fewer words: every word must be found;<\/li>/);
    assert.match(text, /browsing the <a href="\/list">whole directory<\/a>/);
    assert.doesNotMatch(r.text, /Download these results as CSV|format=csv/, path);
    assert.doesNotMatch(r.text, /page 1 of|class="pager"/, path);
  }
  // With a filter set, removing it is among the suggestions.
  assert.match((await get('/search?q=library&country=AQ')).text, /with these filters\. You could try:[\s\S]*removing a filter/);
  assert.doesNotMatch((await get('/search?q=zzzzqqq')).text, /removing a filter/);
  // And the directory: an empty filtered list offers no download either.
  const list = await get('/list?country=AQ');
  assert.match(list.text, /No organization matches these filters/);
  assert.doesNotMatch(list.text, /Download this list as CSV|class="pager"/);
});
