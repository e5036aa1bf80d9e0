// contact.test.mjs - "Contact this organization" and the About page through real nginx, with
// the real mail path (msmtp to the run's mailbox, read under Python's strict email policy):
// the form on its own uncached page; a message delivered once to the organization with Reply-To
// the sender, the organization's address never on a page; the copy to the sender; every
// refusal (each field, honeypot, too fast, the token, the daily limits per sender and per
// organization, header injection) sending nothing; counts kept and the report's "connections
// made"; /about and the footer naming who runs the directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get, sql, sqlRows, request, formBody, mintToken, fieldError, inputValue, unescapeHtml, parseCsv } from './helpers.mjs';
import { sharedMailbox, uniqueAddress, waitForMail, deliveredTo, parseMail } from './mail.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const STAFF = 'staff@example.org';	// LIAISON_OPERATOR_EMAIL in tests/run.sh
const outboxRows = () => Number(sql('SELECT count(*) FROM outbox'));

// Listed entries with a private contact address, one per test so the daily limit per
// organization of one test never meets another's. Ordered from the end, away from the browser test.
const privateOrgs = sqlRows(`SELECT id, contact_email, name FROM org WHERE status = 'listed'
  AND email_public = 0 AND contact_email <> '' ORDER BY id DESC LIMIT 12`).map(([id, email, name]) => ({ id, email, name }));
let nextOrg = 0;
const anOrg = () => privateOrgs[nextOrg++];

// A message's fields, with a token minted 10 s ago for org (the form's minimum time is past).
const message = (org, over = {}) => ({
  csrf: mintToken({ purpose: 'contact', binding: String(org.id) }),
  name: 'José Pérez', email: uniqueAddress('sender'), message: 'Hola: our readers would like pen pals.',
  ...over,
});
let nextAddress = 40;
const send = (org, fields) => request(`/list/${org.id}/contact`, { method: 'POST', body: formBody(fields), from: `127.0.4.${nextAddress++}` });
const textareaValue = (html, name) => unescapeHtml((html.match(new RegExp(`<textarea id="f-${name}" name="${name}"[^>]*>([^<]*)</textarea>`)) ?? [])[1] ?? '');

test('the profile links to the form, an uncached page with a token and a honeypot, and no address', async () => {
  const org = anOrg();
  const profile = await get(`/list/${org.id}`);
  assert.equal(profile.status, 200);
  assert.match(profile.text, new RegExp(`<a href="/list/${org.id}/contact">Contact this organization</a>`));
  const r = await get(`/list/${org.id}/contact`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('cache-control'), 'private, no-store');
  assert.match(r.text, /<input type="hidden" name="csrf" value="[0-9a-f]{72}">/);
  assert.match(r.text, /<div class="trap">[\s\S]*<input id="f-url" name="url" type="text" value="" tabindex="-1"/);
  for (const f of ['name', 'email']) assert.match(r.text, new RegExp(`<input id="f-${f}" name="${f}"`));
  assert.match(r.text, /<textarea id="f-message" name="message"/);
  assert.match(r.text, /<input type="checkbox" id="f-copy" name="copy" value="1"/);
  for (const page of [profile, r])
    assert.ok(!page.text.includes(org.email), 'the private address is on no page');
});

test('a message is delivered once to the organization, Reply-To the sender, and only counts are kept', async () => {
  const box = await sharedMailbox();
  const org = anOrg();
  const before = deliveredTo(box.dir, org.email).length;
  const day = new Date().toISOString().slice(0, 10);
  const countBefore = Number(sql(`SELECT ifnull(sum(messages), 0) FROM contact_day WHERE org_id = ${org.id} AND day = '${day}'`));
  const fields = message(org, { message: 'Hola, Biblioteca:\n\nWe would like pen pals for our 4th graders.\n— Ana' });
  const r = await send(org, fields);
  assert.equal(r.status, 303, r.text.slice(0, 500));
  assert.equal(new URL(r.headers.location).pathname, `/list/${org.id}/contact/sent`);
  const sent = await get(new URL(r.headers.location).pathname);
  assert.equal(sent.status, 200);
  assert.match(sent.text, /Message sent/);
  assert.ok(!sent.text.includes(org.email));

  const got = await waitForMail(box.dir, org.email, { count: before + 1 });
  assert.equal(got.length, before + 1, 'one message arrived');
  const m = parseMail(got.at(-1).file);
  assert.deepEqual(got.at(-1).envelope.rcpt_tos, [org.email], 'only the organization is a recipient');
  assert.equal(m.header('Reply-To'), `José Pérez <${fields.email}>`);
  assert.match(m.header('To'), new RegExp(`<${org.email.replace(/\./g, '\\.')}>$`));
  assert.equal(m.header('Subject'), 'Message from José Pérez through Libraries Seeking Partners');
  assert.equal(m.count('To'), 1);
  assert.equal(m.count('Reply-To'), 1);
  assert.ok(m.body.includes('We would like pen pals for our 4th graders.\n— Ana'), m.body);
  assert.ok(m.body.includes(`/list/${org.id}`), 'the message links to the entry');
  await sleep(300);
  assert.equal(deliveredTo(box.dir, fields.email).length, 0, 'no copy unless asked for');

  const row = sqlRows(`SELECT state, body IS NULL, reply_to FROM outbox WHERE kind = 'contact' AND reply_to = '${fields.email}'`);
  assert.deepEqual(row, [['sent', '1', fields.email]], 'delivered, and its body dropped');
  assert.equal(Number(sql(`SELECT messages FROM contact_day WHERE org_id = ${org.id} AND day = '${day}'`)), countBefore + 1);
  // The sender is remembered as a keyed hash for the limits, never as the address.
  assert.equal(sql("SELECT count(*) FROM contact_sender WHERE length(sender) <> 32 OR typeof(sender) <> 'blob'"), '0');
  assert.equal(sql(`SELECT count(*) FROM contact_sender WHERE instr(CAST(sender AS TEXT), '${fields.email.split('@')[0]}') > 0`), '0');
});

test('the sender gets a copy when they tick the box', async () => {
  const box = await sharedMailbox();
  const org = anOrg();
  const fields = message(org, { copy: '1', name: 'Анна Каренина' });
  const r = await send(org, fields);
  assert.equal(r.status, 303, r.text.slice(0, 500));
  const [copy] = await waitForMail(box.dir, fields.email);
  assert.ok(copy, 'the copy arrived');
  const m = parseMail(copy.file);
  assert.equal(m.header('To'), `Анна Каренина <${fields.email}>`);
  assert.equal(m.header('Subject'), `Your message to ${org.name}`);
  assert.ok(m.body.includes(fields.message));
  assert.ok(!m.body.includes(org.email), 'the copy does not give the private address away');
  assert.equal(deliveredTo(box.dir, fields.email).length, 1);
});

test('each mistake is shown beside its field with what was typed kept, and nothing is sent', async () => {
  const org = anOrg();
  const n = outboxRows();
  const cases = [
    [{ name: '' }, 'name', /./],
    [{ email: 'not-an-address' }, 'email', /email address/],
    [{ email: 'ana maria@example.com' }, 'email', /email address/],
    [{ message: '' }, 'message', /./],
    [{ message: 'x'.repeat(5001) }, 'message', /5000|5,000/],
  ];
  for (const [over, field, why] of cases) {
    const fields = message(org, { name: 'Ana <b>Ruiz</b>', message: 'Kept & "quoted"', ...over });
    const r = await send(org, fields);
    assert.equal(r.status, 400, `${field}: ${r.text.slice(0, 300)}`);
    assert.match(fieldError(r.text, field) ?? '', why, field);
    for (const other of ['name', 'email', 'message'].filter((f) => f !== field))
      assert.equal(fieldError(r.text, other), null, `${other} is fine when ${field} is wrong`);
    if (field !== 'name') assert.equal(inputValue(r.text, 'name'), 'Ana <b>Ruiz</b>');
    if (field !== 'email') assert.equal(inputValue(r.text, 'email'), fields.email);
    else assert.equal(inputValue(r.text, 'email'), over.email);
    if (field !== 'message') assert.equal(textareaValue(r.text, 'message'), 'Kept & "quoted"');
    assert.match(r.text, /name="csrf" value="[0-9a-f]{72}"/, 'a fresh token to send it again');
  }
  assert.equal(outboxRows(), n, 'nothing was queued');
});

test('the honeypot, a form sent too fast, and a missing or foreign token send nothing', async () => {
  const org = anOrg(), other = anOrg();
  const n = outboxRows();
  let r = await send(org, message(org, { url: 'http://spam.example' }));
  assert.equal(r.status, 400);
  assert.match(r.text, /Leave this empty/);
  r = await send(org, message(org, { csrf: mintToken({ purpose: 'contact', binding: String(org.id), age: 0 }) }));
  assert.equal(r.status, 400);
  assert.match(r.text, /faster than a person/);
  assert.equal(inputValue(r.text, 'name'), 'José Pérez', 'nothing typed is lost');
  r = await send(org, message(org, { csrf: '' }));
  assert.equal(r.status, 403);
  r = await send(org, message(org, { csrf: mintToken({ purpose: 'contact', binding: String(other.id) }) }));
  assert.equal(r.status, 403, 'a token for another organization');
  r = await send(org, message(org, { csrf: mintToken({ purpose: 'apply' }) }));
  assert.equal(r.status, 403, "the application form's token");
  assert.equal(outboxRows(), n);
});

test('header injection in the name, the address or the message delivers nothing extra', async () => {
  const box = await sharedMailbox();
  const org = anOrg();
  const evil = uniqueAddress('evil');
  const before = deliveredTo(box.dir, org.email).length;
  const n = outboxRows();
  // An address with a line break is refused beside its field.
  let r = await send(org, message(org, { email: `${uniqueAddress('a')}\r\nBcc: ${evil}` }));
  assert.equal(r.status, 400);
  assert.ok(fieldError(r.text, 'email'));
  r = await send(org, message(org, { email: `x@example.com>, ${evil}` }));
  assert.equal(r.status, 400);
  // So is a name with a line break (a name is one line).
  r = await send(org, message(org, { name: `Eve\r\nBcc: ${evil}` }));
  assert.equal(r.status, 400);
  assert.ok(fieldError(r.text, 'name'));
  assert.equal(outboxRows(), n);
  // A name that looks like headers, and a message with line breaks and headers, go as text.
  const fields = message(org, { name: `Eve Bcc: ${evil} Subject: hacked`, message: `Hi\r\n\r\nBcc: ${evil}\r\n.\r\nRCPT TO:<${evil}>` });
  r = await send(org, fields);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const got = await waitForMail(box.dir, org.email, { count: before + 1 });
  const m = parseMail(got.at(-1).file);
  assert.deepEqual(got.at(-1).envelope.rcpt_tos, [org.email]);
  assert.equal(m.count('Bcc'), 0);
  assert.equal(m.count('Subject'), 1);
  assert.equal(m.header('Reply-To'), `"Eve Bcc: ${evil} Subject: hacked" <${fields.email}>`, 'the name is one quoted phrase');
  await sleep(500);
  assert.equal(deliveredTo(box.dir, evil).length, 0, 'nothing reached the injected address');
});

test('a sender may send 5 messages a day, and the 6th is refused with nothing sent', async () => {
  const sender = uniqueAddress('busy');
  const orgs = [anOrg(), anOrg(), anOrg()];
  for (let i = 0; i < 5; i++) {
    const org = orgs[i % 3];
    const r = await send(org, message(org, { email: i % 2 ? sender.toUpperCase() : sender }));
    assert.equal(r.status, 303, `message ${i + 1}: ${r.text.slice(0, 300)}`);
  }
  const n = outboxRows();
  const r = await send(orgs[0], message(orgs[0], { email: sender }));
  assert.equal(r.status, 429);
  assert.match(fieldError(r.text, 'email') ?? '', /already sent 5 messages/);
  assert.equal(inputValue(r.text, 'email'), sender);
  assert.equal(outboxRows(), n, 'nothing was queued');
  // Two of the five were to an organization already written to: first contacts are three.
  const day = new Date().toISOString().slice(0, 10);
  for (const org of orgs)
    assert.equal(sql(`SELECT connections >= 1 FROM contact_day WHERE org_id = ${org.id} AND day = '${day}'`), '1');
});

test('an organization receives 20 messages a day at most; the 21st is refused with nothing sent', async () => {
  const box = await sharedMailbox();
  const org = anOrg();
  const day = new Date().toISOString().slice(0, 10);
  const already = Number(sql(`SELECT ifnull(sum(messages), 0) FROM contact_day WHERE org_id = ${org.id} AND day = '${day}'`));
  for (let i = already; i < 20; i++) {
    const r = await send(org, message(org));
    assert.equal(r.status, 303, `message ${i + 1}: ${r.text.slice(0, 300)}`);
  }
  const n = outboxRows();
  const fields = message(org);
  const r = await send(org, fields);
  assert.equal(r.status, 429);
  assert.match(r.text, /already received 20 messages/);
  assert.equal(textareaValue(r.text, 'message'), fields.message);
  assert.equal(outboxRows(), n);
  const got = await waitForMail(box.dir, org.email, { count: 20 });
  assert.equal(got.length, 20, 'exactly the 20 accepted arrived');
});

test('an entry without a contact address has no form, and says how else to reach it', async () => {
  const id = sql("SELECT id FROM org WHERE status = 'listed' AND contact_email = '' LIMIT 1");
  const profile = await get(`/list/${id}`);
  assert.equal(profile.status, 200);
  assert.ok(!profile.text.includes('Contact this organization'));
  assert.match(profile.text, /no contact address on file/);
  assert.match(profile.text, new RegExp(`<a href="mailto:${STAFF}">`));
  const n = outboxRows();
  assert.equal((await get(`/list/${id}/contact`)).status, 404);
  const r = await request(`/list/${id}/contact`, { method: 'POST', body: formBody({ csrf: mintToken({ purpose: 'contact', binding: id }), name: 'A', email: 'a@example.com', message: 'Hi' }) });
  assert.equal(r.status, 404);
  assert.equal(outboxRows(), n);
  const pending = sql("SELECT id FROM org WHERE status = 'pending' LIMIT 1");
  assert.equal((await get(`/list/${pending}/contact`)).status, 404, 'a pending entry cannot be written to');
});

test('the report counts the connections made in the period, and the organizations reached', async () => {
  const org = anOrg();
  let r = await send(org, message(org));
  assert.equal(r.status, 303);
  const page = await get('/report');
  assert.equal(page.status, 200);
  const summary = parseCsv((await get('/report?format=csv&table=summary')).text.slice(1));
  const row = (key) => summary.find((x) => x[0] === key && x[5] !== undefined && x[3] <= new Date().toISOString().slice(0, 10) && x[4] >= new Date().toISOString().slice(0, 10));
  const conn = row('connections_made'), orgs = row('organizations_contacted');
  assert.ok(conn && orgs, 'both figures are in the summary');
  const want = sqlRows(`SELECT sum(connections), count(DISTINCT org_id) FILTER (WHERE connections > 0) FROM contact_day WHERE day BETWEEN '${conn[3]}' AND '${conn[4]}'`)[0];
  assert.equal(conn[5], want[0]);
  assert.equal(orgs[5], want[1]);
  assert.ok(Number(want[0]) >= 1 && Number(want[1]) >= 1);
  const fmt = (v) => Number(v).toLocaleString('en-US');
  assert.match(page.text, new RegExp(`Connections made: <strong>${fmt(want[0])}</strong> first contacts? through[^<]*reaching <strong>${fmt(want[1])}</strong> organizations?`));
  // One host's report counts that host's connections only.
  const host = await get(`/report?host=${org.id}&format=csv&table=summary`);
  if (host.status === 200) {
    const h = parseCsv(host.text.slice(1)).find((x) => x[0] === 'connections_made' && x[3] === conn[3]);
    assert.equal(h[5], sql(`SELECT sum(connections) FROM contact_day WHERE org_id = ${org.id} AND day BETWEEN '${conn[3]}' AND '${conn[4]}'`));
  }
});

test('/about says who runs the directory, how listing and review work, and what is kept', async () => {
  const r = await get('/about');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('cache-control'), /^public, max-age=0, s-maxage=\d+/);
  assert.match(r.text, /<h1>About this directory<\/h1>/);
  assert.match(r.text, /run by <strong dir="auto">Libraries Seeking Partners<\/strong>/);
  if (process.env.LIAISON_OPERATOR_ADDRESS)
    assert.ok(r.text.includes(process.env.LIAISON_OPERATOR_ADDRESS.replace(/&/g, '&amp;')));
  assert.match(r.text, new RegExp(`<a href="mailto:${STAFF}">${STAFF}</a>`));
  for (const h of ['How listing works', 'How review works', 'Privacy'])
    assert.match(r.text, new RegExp(`<h2>${h}</h2>`));
  assert.match(r.text, /Patrons are never recorded/);
  assert.match(r.text, /To remove an entry/);
  const moved = await get('/list/about');
  assert.equal(moved.status, 301);
  assert.equal(new URL(moved.headers.get('location')).pathname, '/about');
});

test('every page names who runs the directory in its footer, with the staff address and /about', async () => {
  const stale = sql("SELECT id FROM org WHERE status = 'listed' LIMIT 1");
  for (const path of ['/list', `/list/${stale}`, `/list/${stale}/contact`, '/search?q=library', '/apply', '/report', '/about', '/staff/sign-in', '/list/999999']) {
    const r = await get(path);
    const footer = r.text.match(/<footer class="site">([\s\S]*?)<\/footer>/)?.[1] ?? '';
    assert.match(footer, /is run by <span dir="auto">Libraries Seeking Partners<\/span>/, path);
    assert.match(footer, new RegExp(`<a href="mailto:${STAFF}">${STAFF}</a>`), path);
    assert.match(footer, /<a href="\/about">About this directory and privacy<\/a>/, path);
  }
});

test('"write to us" names the staff address: the application received page', async () => {
  const applied = sql("SELECT reference FROM application LIMIT 1");
  const r = await get(`/apply/${applied}`);
  assert.equal(r.status, 200);
  assert.match(r.text, new RegExp(`write to the directory's staff about this application \\(at <a href="mailto:${STAFF}">`));
});
