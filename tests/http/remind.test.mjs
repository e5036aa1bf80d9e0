// remind.test.mjs - entries that stay current (issue 17): `liaison-admin remind` sends a contact
// one reminder at 11 months with a signed link, a second at 12, and nothing twice; the link's
// page changes nothing when opened, and its buttons confirm, propose changes for review, or
// remove (after asking); a tampered link is 403, an expired one 410, and neither changes
// anything; "Manage my entry" answers the same whoever asks and writes only to the address on
// file; the staff's out-of-date queue shows the reminders; the report the share confirmed.
// Messages go through msmtp to the run's mailbox and are read under Python's strict policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BASE, DB, PLAIN_BIN, SRCDIR, Visitor, sql, csrfOf, mintToken, signedIn, unescapeHtml } from './helpers.mjs';
import { sharedMailbox, uniqueAddress, waitForMail, deliveredTo, parseMail } from './mail.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let serial = 0;

// A listed entry of its own, last confirmed `ago` (an SQLite modifier) before today.
function entry(ago, email = uniqueAddress('contact')) {
  const name = `Reminded Library ${process.pid}-${++serial}`;
  sql(`INSERT INTO org (name, kind, type, country, city, description, seeking, seeking_text, contact_name,
       contact_email, status, confirmed_on) VALUES ('${name}', 'library', 'public', 'NZ', 'Nelson',
       'A library by the sea.', 1, 'Pen pals.', 'Aroha Ngata', '${email}', 'listed', date('now', '${ago}'))`);
  return { id: Number(sql(`SELECT id FROM org WHERE name = '${name}'`)), name, email };
}

async function remind() {
  const box = await sharedMailbox();
  const r = spawnSync(`${PLAIN_BIN}/liaison-admin`, ['remind', BASE], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LIAISON_DB: DB, LIAISON_SCHEMA: `${SRCDIR}/schema`, LIAISON_SENDMAIL: box.sendmail,
      LIAISON_MAIL_FROM: 'liaison@example.org', LIAISON_OPERATOR_EMAIL: 'staff@example.org' },
  });
  assert.equal(r.status, 0, r.stderr);
  return box;
}

// The one link a message carries to the manage page, as a path.
function linkIn(message, id) {
  const links = [...message.body.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
  assert.equal(links.length, 1, message.body);
  const url = new URL(links[0]);
  assert.equal(url.origin, new URL(BASE).origin);
  assert.match(url.pathname, new RegExp(`^/apply/manage/${id}/[0-9a-f]{72}$`));
  return url.pathname;
}

const confirmedOn = (id) => sql(`SELECT confirmed_on FROM org WHERE id = ${id}`);
const today = () => sql("SELECT date('now')");

test('at 11 months the contact gets one reminder with a link; a second run sends nothing more', async () => {
  const e = entry('-11 months');
  const box = await remind();
  const got = await waitForMail(box.dir, e.email);
  assert.equal(got.length, 1);
  const m = parseMail(got[0].file);
  assert.deepEqual(m.to_addresses, [e.email]);
  assert.match(m.header('Subject'), new RegExp(`^Is ${e.name}'s entry still current\\?$`));
  assert.match(m.body, /Opening the page changes nothing/);
  assert.match(m.body, new RegExp(`last confirmed on ${confirmedOn(e.id)}`));
  linkIn(m, e.id);
  assert.equal(sql(`SELECT kind || ' ' || confirmed_on FROM reminder WHERE org_id = ${e.id}`), `first ${confirmedOn(e.id)}`);

  await remind();
  await sleep(500);
  assert.equal(deliveredTo(box.dir, e.email).length, 1, 'remind again sends nothing more');
  assert.equal(sql(`SELECT count(*) FROM reminder WHERE org_id = ${e.id}`), '1');
});

test('the link opens the page and changes nothing; "Still seeking partners" confirms it today', async () => {
  const e = entry('-11 months');
  const box = await remind();
  const path = linkIn(parseMail((await waitForMail(box.dir, e.email))[0].file), e.id);
  const before = confirmedOn(e.id);
  const v = new Visitor();
  const page = await v.get(path);
  assert.equal(page.status, 200);
  assert.equal(page.headers['cache-control'], 'private, no-store');
  assert.match(page.headers['referrer-policy'], /no-referrer$/);
  assert.match(page.text, /Still seeking partners/);
  assert.equal(confirmedOn(e.id), before, 'opening the link changes nothing');
  assert.equal(sql(`SELECT count(*) FROM audit WHERE org_id = ${e.id}`), '0');

  const r = await v.post(path, { csrf: csrfOf(page.text), action: 'confirm' });
  assert.equal(r.status, 200);
  assert.match(r.text, /confirmed as of today/);
  assert.equal(confirmedOn(e.id), today());
  assert.equal(sql(`SELECT actor || ' ' || action FROM audit WHERE org_id = ${e.id}`), 'contact confirmed');
  const profile = await v.get(`/list/${e.id}`);
  assert.match(profile.text, new RegExp(`<dt>Last confirmed</dt><dd><time datetime="${today()}">`));
  // The same link still works for another action from its page.
  assert.equal((await v.get(path)).status, 200);
});

test('a tampered link is 403, an expired one 410, and neither changes anything', async () => {
  const e = entry('-11 months');
  const good = mintToken({ purpose: 'manage-link', binding: String(e.id) });
  const flipped = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
  const expired = mintToken({ purpose: 'manage-link', binding: String(e.id), age: 31 * 86400 });
  const other = mintToken({ purpose: 'manage-link', binding: String(e.id + 100000) });
  const v = new Visitor();
  const before = confirmedOn(e.id);
  for (const [tok, status] of [[flipped, 403], [other, 403], ['abc', 403], [expired, 410]]) {
    const page = await v.get(`/apply/manage/${e.id}/${tok}`);
    assert.equal(page.status, status, tok);
    assert.match(page.text, status === 403 ? /This link is not valid/ : /This link has expired/);
    const post = await v.post(`/apply/manage/${e.id}/${tok}`, { csrf: mintToken({ purpose: 'manage', binding: tok }), action: 'remove-yes' });
    assert.equal(post.status, status);
  }
  assert.equal(confirmedOn(e.id), before);
  assert.equal(sql(`SELECT status FROM org WHERE id = ${e.id}`), 'listed');
  // A good link made 29 days ago still works.
  assert.equal((await v.get(`/apply/manage/${e.id}/${mintToken({ purpose: 'manage-link', binding: String(e.id), age: 29 * 86400 })}`)).status, 200);
  assert.equal((await v.get(`/apply/manage/${e.id}/${good}`)).status, 200);
});

test('"Remove my entry" asks first, then unlists it at once, audited', async () => {
  const e = entry('-11 months');
  const path = `/apply/manage/${e.id}/${mintToken({ purpose: 'manage-link', binding: String(e.id) })}`;
  const v = new Visitor();
  let page = await v.get(path);
  page = await v.post(path, { csrf: csrfOf(page.text), action: 'remove' });
  assert.equal(page.status, 200);
  assert.match(page.text, /Remove this entry\?/);
  assert.equal(sql(`SELECT status FROM org WHERE id = ${e.id}`), 'listed', 'asking changes nothing');
  const r = await v.post(path, { csrf: csrfOf(page.text), action: 'remove-yes' });
  assert.equal(r.status, 200);
  assert.match(r.text, /removed from the directory/);
  assert.equal(sql(`SELECT status FROM org WHERE id = ${e.id}`), 'unlisted');
  assert.equal(sql(`SELECT actor || ' ' || action || ' ' || note FROM audit WHERE org_id = ${e.id}`),
    'contact unlisted removed by its contact from a manage link');
  assert.equal((await v.get(`/list/${e.id}`)).status, 404);
});

test('"Update my entry" shows the form filled in and sends the changes for review; approving them changes the entry', async () => {
  const e = entry('-11 months');
  const path = `/apply/manage/${e.id}/${mintToken({ purpose: 'manage-link', binding: String(e.id) })}`;
  const v = new Visitor();
  let page = await v.get(path);
  page = await v.post(path, { csrf: csrfOf(page.text), action: 'update' });
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`name="name" type="text" value="${e.name}"`));
  assert.match(page.text, /A library by the sea\./);
  const fields = {
    csrf: csrfOf(page.text), action: 'save', name: e.name, name_en: '', type: 'public', country: 'NZ', region: '',
    city: 'Nelson', website: '', description: 'A library by the sea, now with a makerspace.', languages: ['en', 'mi'],
    interests: ['pen_pals'], ages: ['2'], timezone: 'Pacific/Auckland', seeking: '1', seeks: 'library',
    seeking_text: 'Pen pals.', commitment: 'informal', contact_name: 'Aroha Ngata', contact_email: e.email,
  };
  const r = await v.post(path, fields);
  assert.equal(r.status, 200, r.text.match(/class="error[^>]*>[^<]*/)?.[0]);
  const ref = (r.text.match(/reference ([0-9A-F]{5}-[0-9A-F]{5})/) ?? [])[1];
  assert.ok(ref, 'the page gives the reference');
  const [copy, state, updates] = sql(`SELECT a.org_id, a.state, a.updates FROM application a WHERE a.reference = '${ref}'`).split('\t');
  assert.equal(state, 'new');
  assert.equal(Number(updates), e.id);
  assert.equal(sql(`SELECT status || ' ' || description FROM org WHERE id = ${copy}`), 'pending A library by the sea, now with a makerspace.');
  assert.equal(sql(`SELECT description FROM org WHERE id = ${e.id}`), 'A library by the sea.', 'nothing changes before review');
  assert.match((await v.get(path)).text, new RegExp(`reference ${ref}\\) are waiting`));

  const staff = await signedIn('staff');
  const queue = await staff.get('/staff/queue');
  assert.match(queue.text, new RegExp(`/staff/org/${copy}"`));
  const org = await staff.get(`/staff/org/${copy}`);
  assert.equal((await staff.post(`/staff/org/${copy}/approve`, { csrf: csrfOf(org.text) })).status, 303);
  assert.equal(sql(`SELECT description || ' ' || confirmed_on || ' ' || languages_text FROM org WHERE id = ${e.id}`),
    `A library by the sea, now with a makerspace. ${today()} English; Maori`);
  assert.equal(sql(`SELECT status FROM org WHERE id = ${copy}`), 'archived');
  assert.equal(sql(`SELECT count(*) FROM audit_change c JOIN audit a ON a.id = c.audit_id
    WHERE a.org_id = ${e.id} AND a.action = 'changes approved' AND c.field = 'description'`), '1');
  // The contact is told, and the message links to the entry that changed, not to the
  // proposal's own row (archived: a 404).
  const box = await sharedMailbox();
  let approved = [];
  for (let i = 0; i < 600 && approved.length === 0; i++) {
    approved = deliveredTo(box.dir, e.email).map((m) => parseMail(m.file))
      .filter((m) => m.header('Subject').includes('Approved'));
    if (approved.length === 0) await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.equal(approved.length, 1, 'one approval message to the contact');
  const link = approved[0].body.match(/Its page: (\S+)/)[1];
  assert.equal(link, `${BASE}/list/${e.id}`);
  assert.equal((await new Visitor().get(new URL(link).pathname)).status, 200);
});

test('"Manage my entry": the same answer for any address, a link only to the address on file', async () => {
  const e = entry('-2 months');
  const box = await sharedMailbox();
  const v = new Visitor();
  const profile = await v.get(`/list/${e.id}`);
  assert.match(profile.text, new RegExp(`<a href="/apply/manage/${e.id}" rel="nofollow">Manage my entry</a>`));
  const ask = async (email) => {
    const form = await v.get(`/apply/manage/${e.id}`);
    assert.equal(form.status, 200);
    assert.equal(form.headers['cache-control'], 'private, no-store');
    const r = await v.post(`/apply/manage/${e.id}`, { csrf: csrfOf(form.text), email });
    assert.equal(r.status, 200);
    return r.text.replace(/name="csrf" value="[0-9a-f]+"/g, '');
  };
  const stranger = uniqueAddress('stranger');
  const wrong = await ask(stranger);
  const right = await ask(e.email.toUpperCase());
  assert.equal(wrong, right, 'the same page whether or not the address matches');
  const got = await waitForMail(box.dir, e.email);
  assert.equal(got.length, 1);
  const m = parseMail(got[0].file);
  assert.deepEqual(m.to_addresses, [e.email]);
  assert.match(m.body, /Someone asked for a link/);
  assert.equal((await v.get(linkIn(m, e.id))).status, 200);
  await sleep(300);
  assert.equal(deliveredTo(box.dir, stranger).length, 0);
  // A few a day per entry at most, and still the same answer.
  for (let i = 0; i < 3; i++) assert.equal(await ask(e.email), right);
  await sleep(1000);
  assert.equal(deliveredTo(box.dir, e.email).length, 3);
  assert.equal(sql(`SELECT count(*) FROM reminder WHERE org_id = ${e.id} AND kind = 'asked'`), '3');
});

test('a second reminder at 12 months; the stale queue shows when each went; the report the share', async () => {
  const e = entry('-12 months');
  const box = await remind();
  assert.equal((await waitForMail(box.dir, e.email)).length, 1, 'the first reminder comes first');
  await remind();
  await sleep(300);
  assert.equal(deliveredTo(box.dir, e.email).length, 1, 'the second waits a week after the first');
  sql(`UPDATE reminder SET sent_at = sent_at - 8 * 86400 WHERE org_id = ${e.id}`);
  await remind();
  const got = await waitForMail(box.dir, e.email, { count: 2 });
  assert.equal(got.length, 2);
  const m = parseMail(got[1].file);
  assert.match(m.header('Subject'), /^Second reminder: /);
  linkIn(m, e.id);
  await remind();
  await sleep(300);
  assert.equal(deliveredTo(box.dir, e.email).length, 2);

  // Made older than a year, it is in the staff's out-of-date queue with both dates.
  sql(`UPDATE org SET confirmed_on = date('now', '-13 months') WHERE id = ${e.id}`);
  sql(`UPDATE reminder SET confirmed_on = date('now', '-13 months') WHERE org_id = ${e.id}`);
  const staff = await signedIn('board');
  // The days in words, in the site's zone (UTC here): "22 November 2026".
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];
  const day = (kind) => {
    const [y, m, d] = sql(`SELECT date(sent_at, 'unixepoch') FROM reminder WHERE org_id = ${e.id} AND kind = '${kind}'`)
      .split('-').map(Number);
    return `${d} ${months[m - 1]} ${y}`;
  };
  const first = day('first'), second = day('second');
  let found = false;
  for (let p = 1; p < 50 && !found; p++) {
    const page = await staff.get(`/staff/stale?page=${p}`);
    if (page.status !== 200) break;
    const row = page.text.match(new RegExp(`<tr><td><a href="/staff/org/${e.id}"[\\s\\S]*?</tr>`));
    if (row) {
      found = true;
      assert.match(row[0], new RegExp(`<td>${first}</td><td>${second}</td><td>no</td>`));
    }
  }
  assert.ok(found, 'the entry is in the stale queue');

  const [listed, confirmed] = sql(`SELECT count(*), count(*) FILTER (WHERE confirmed_on >= date('now', '-1 year'))
    FROM org WHERE status = 'listed'`).split('\t').map(Number);
  const report = await new Visitor().get('/report');
  const share = unescapeHtml((report.text.match(/<strong class="figure" id="confirmed-share">([^<]*)</) ?? [])[1] ?? '');
  assert.equal(share, `${Math.round((confirmed * 100) / listed)}%`);
});
