// conveniences.test.mjs - times in the site's zone (LIAISON_TIME_ZONE) in words on staff and
// public pages, never the stored UTC text; and the host a new partnership starts on: the
// account's own library ("Your account"), else the site's (LIAISON_DEFAULT_HOST). Settings
// other than the test site's are given to the programs run as plain CGI (helpers.cgi).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get, sql, cgi, csrfOf, signedIn, Visitor, application, mintToken, fieldError } from './helpers.mjs';

// A page of the staff program as plain CGI for visitor v, with settings env.
const staffCgi = (v, pathInfo, env = {}, program = 'staff') => cgi(program, { pathInfo,
  scriptName: `/${program}`, env: { HTTP_COOKIE: v.cookieHeader(), REMOTE_ADDR: v.from, ...env } });

// Text a person reads: the page without its tags' attributes (a <time datetime> keeps the
// UTC form for machines, as it should).
const visible = (html) => html.replace(/<[^>]*>/g, ' ');
// A day followed by a time in digits: 2026-11-23T19:03:42Z, 2026-11-23 19:03 UTC, 19:03Z.
const RAW = /\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\d\d:\d\dZ\b/;

test('times on the staff pages are in the site zone, in words, with the zone on each side of a DST change', async () => {
  const v = await signedIn('admin');
  const stamp = `tz-${process.pid}`;
  sql(`INSERT INTO audit (at, actor, action, org_id, note) VALUES
    ('2026-07-01T12:00:00Z', '${stamp}', 'summer check', 20, ''),
    ('2026-11-30T13:05:00Z', '${stamp}', 'winter check', 20, '')`);
  const paris = staffCgi(v, '/org/20', { LIAISON_TIME_ZONE: 'Europe/Paris' });
  assert.equal(paris.status || 200, 200, paris.head);
  assert.match(paris.body, /<time datetime="2026-07-01T12:00:00Z">1 July 2026, 14:00 CEST<\/time>/);
  assert.match(paris.body, /<time datetime="2026-11-30T13:05:00Z">30 November 2026, 14:05 CET<\/time>/);
  const ny = staffCgi(v, '/audit', { LIAISON_TIME_ZONE: 'America/New_York' });
  assert.match(ny.body, /<time datetime="2026-07-01T12:00:00Z">1 July 2026, 08:00 EDT<\/time>/);
  assert.match(ny.body, /<time datetime="2026-11-30T13:05:00Z">30 November 2026, 08:05 EST<\/time>/);
  // The test site sets no zone: UTC, said so.
  const utc = await v.get('/staff/org/20');
  assert.match(utc.text, />30 November 2026, 13:05 UTC<\/time>/);

  // A zone this host has no data for (here: a zoneinfo folder that is not there) is shown in
  // UTC, labelled UTC, and the administrator is told the setting was not taken.
  const none = staffCgi(v, '/org/20', { LIAISON_TIME_ZONE: 'Europe/Paris', TZDIR: '/nonexistent-zoneinfo' });
  assert.match(none.body, />30 November 2026, 13:05 UTC<\/time>/);
  assert.match(none.body, /settings-problems/);
  const typo = staffCgi(v, '/backups', { LIAISON_TIME_ZONE: 'Europe/Pariss' });
  assert.match(typo.body, /Europe\/Pariss[^<]*is not a time zone this host knows/);
});

test('no staff or public page prints a stored UTC time', async () => {
  const v = await signedIn('admin');
  // An application, so that the queue, the mail queue and the applicant's page have a time.
  const a = await new Visitor('127.0.0.62').post('/apply', application({ csrf: mintToken({ age: 10 }) }));
  assert.equal(a.status, 303);
  const ref = a.location.split('/').pop();
  const id = sql(`SELECT org_id FROM application WHERE reference = '${ref}'`);
  sql(`UPDATE application SET submitted_at = '2026-11-29T23:30:00Z' WHERE reference = '${ref}'`);
  for (const path of ['/staff/queue', '/staff/entries', '/staff/stale', `/staff/org/${id}`, '/staff/org/20',
    '/staff/audit', '/staff/mail', '/staff/accounts', '/staff/backups', '/partnerships', '/partnerships/1',
    '/staff/account', '/import']) {
    const r = await v.get(path);
    assert.equal(r.status, 200, path);
    assert.doesNotMatch(visible(r.text), RAW, `${path} shows a raw time`);
  }
  const queue = await v.get('/staff/queue');
  assert.match(queue.text, /29 November 2026, 23:30 UTC/);
  // The applicant's page, in the site's zone: in Paris it is already the 30th.
  const mine = await get(`/apply/${ref}`);
  assert.match(mine.text, /sent <time datetime="2026-11-29T23:30:00Z">29 November 2026, 23:30 UTC<\/time>/);
  const inParis = cgi('apply', { pathInfo: `/${ref}`, scriptName: '/apply', env: { LIAISON_TIME_ZONE: 'Europe/Paris' } });
  assert.match(inParis.body, /30 November 2026, 00:30 CET/);
});

// The value selected in the host menu of the new partnership form, or null.
function hostChosen(html) {
  const select = html.match(/<select id="f-host" name="host"[^>]*>([\s\S]*?)<\/select>/);
  assert.ok(select, 'the form has a host menu');
  return (select[1].match(/<option value="(\d+)" selected>/) ?? [])[1] ?? null;
}

test('the host library is preselected: the account\'s own, else the site\'s', async () => {
  const v = await signedIn('staff');
  assert.equal(hostChosen((await v.get('/partnerships/new')).text), null, 'no setting, no choice: nothing chosen');
  assert.equal(hostChosen(staffCgi(v, '/new', { LIAISON_DEFAULT_HOST: '21' }, 'partnerships').body), '21');

  // The account's own library, chosen on "Your account", wins over the site's.
  let page = await v.get('/staff/account');
  assert.equal(page.status, 200);
  const bad = await v.post('/staff/account', { csrf: csrfOf(page.text), default_host: '99999999' });
  assert.equal(bad.status, 400);
  assert.ok(fieldError(bad.text, 'default_host'));
  assert.equal(sql(`SELECT coalesce(default_host, 'none') FROM account WHERE name = '${v.name}'`), 'none');
  const saved = await v.post('/staff/account', { csrf: csrfOf(page.text), default_host: '20' });
  assert.equal(saved.status, 303);
  assert.equal(sql(`SELECT default_host FROM account WHERE name = '${v.name}'`), '20');
  assert.equal(sql(`SELECT action || ' ' || org_id FROM audit WHERE actor = '${v.name}' ORDER BY id DESC LIMIT 1`), 'library chosen 20');
  page = await v.get(saved.location);
  assert.match(page.text, /Saved: new partnerships start on your library/);
  assert.match(page.text, /<option value="20" selected>/);
  assert.equal(hostChosen((await v.get('/partnerships/new')).text), '20');
  assert.equal(hostChosen(staffCgi(v, '/new', { LIAISON_DEFAULT_HOST: '21' }, 'partnerships').body), '20');
  // Another account is not affected.
  const other = await signedIn('staff');
  assert.equal(hostChosen((await other.get('/partnerships/new')).text), null);
  // Cleared, the site's applies again.
  await v.post('/staff/account', { csrf: csrfOf(page.text), default_host: '' });
  assert.equal(hostChosen(staffCgi(v, '/new', { LIAISON_DEFAULT_HOST: '21' }, 'partnerships').body), '21');
  // Board accounts record no partnerships: no such page for them.
  assert.equal((await (await signedIn('board')).get('/staff/account')).status, 403);
});
