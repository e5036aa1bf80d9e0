// hosting.test.mjs - small things a new site on shared hosting meets (issue 18): an empty
// directory says it is empty and how entries arrive, not that filters match nothing; the
// report's period steps never link outside the years it accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAIN_BIN, SRCDIR, cgi, unescapeHtml } from './helpers.mjs';

const text = (html) => unescapeHtml(html.replace(/<[^>]+>/g, ''));

test('a new empty site says the directory is empty and how entries arrive', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-empty-'));
  try {
    const db = join(dir, 'liaison.db');
    const made = spawnSync(`${PLAIN_BIN}/liaison-admin`, ['create', db], { encoding: 'utf8', env: { PATH: process.env.PATH, LIAISON_SCHEMA: `${SRCDIR}/schema` } });
    assert.equal(made.status, 0, made.stderr);
    const env = { LIAISON_DB: db };
    const page = cgi('list', { env });
    assert.equal(page.status, 200);
    assert.match(text(page.body), /The directory is empty so far: no organization is listed yet\. Entries arrive through the application form/);
    assert.match(page.body, /<a href="\/cgi-bin\/apply\.cgi">application form<\/a>/);
    assert.doesNotMatch(page.body, /matches these filters/);
    const filtered = cgi('list', { env, query: 'country=FR' });
    assert.match(text(filtered.body), /No organization matches these filters\. Remove a filter to see more\./);
    assert.doesNotMatch(filtered.body, /empty so far/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('the report links to the periods before and after only within the years it accepts', () => {
  const first = cgi('report', { query: 'fy=1901' });
  assert.equal(first.status, 200);
  assert.doesNotMatch(first.body, /rel="prev"/, 'FY1900 would be a 400');
  assert.match(first.body, /<a href="[^"]*fy=1902" rel="next">FY1902 →<\/a>/);
  const last = cgi('report', { query: 'fy=2999' });
  assert.equal(last.status, 200);
  assert.match(last.body, /<a href="[^"]*fy=2998" rel="prev">← FY2998<\/a>/);
  assert.doesNotMatch(last.body, /rel="next"/);
  const q = cgi('report', { query: 'quarter=1901-Q1' });
  assert.doesNotMatch(q.body, /rel="prev"/);
  assert.match(q.body, /quarter=1901-Q2" rel="next"/);
  // Every link that is drawn answers.
  const mid = cgi('report', { query: 'fy=2026' });
  for (const m of mid.body.matchAll(/href="[^"?]*\?([^"]*)" rel="(prev|next)"/g))
    assert.equal(cgi('report', { query: unescapeHtml(m[1]) }).status, 200);
});
