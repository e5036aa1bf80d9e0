// consortium.mjs - the load of a consortium's busiest hour on one Liaison site, open loop
// (issue 22): requests start on a schedule of their own, Poisson arrivals at the model's rates,
// whether or not earlier ones have been answered, as readers and staff arrive in life; a
// closed loop (wrk) would slow down with the server and hide queueing.
//
//   node bench/consortium.mjs BASE SETUP.json MEMBERS SECONDS
//
// SETUP.json (written by bench/consortium.sh): the site secret (to mint form tokens as a page
// would have, minted 10 s earlier: a person's typing time loads no server), the staff
// accounts and their password, partnership ids, listed organization ids, search words.
// Prints one JSON line: per kind of request, how many, failures and latency percentiles.
//
// The load model, per member library (bench/README.md, "The ceiling of one machine"):
//   200 public page views and 20 report views a day; 20 staff sign-ins a day; 2,000 activities
//   a year recorded through the form (250 working days: 8 a day); 5 applications and 50
//   contact messages a month (30 days). The busy hour carries BUSY (a fifth) of a day's
//   traffic: rates below are per member per second in that hour.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';

const [base, setupFile, membersArg, secondsArg] = process.argv.slice(2);
const setup = JSON.parse(readFileSync(setupFile, 'utf8'));
const members = Number(membersArg), seconds = Number(secondsArg);
const BUSY = 0.2;
const perDay = (n) => (n * BUSY) / 3600;
export const MODEL = {
  page: perDay(200), report: perDay(20), signin: perDay(20),
  activity: perDay(2000 / 250), apply: perDay(5 / 30), contact: perDay(50 / 30),
};
const READERS = new Set(['page', 'report']);
const url = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

// A form token as the site mints it (token.c; tests/http/helpers.mjs mintToken).
function mint(purpose, binding = '') {
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000) - 10));
  const nonce = randomBytes(12);
  const mac = createHmac('sha256', Buffer.from(setup.secret, 'hex'))
    .update(Buffer.from(purpose + '\0')).update(Buffer.from(binding + '\0')).update(stamp).update(nonce)
    .digest().subarray(0, 16);
  return Buffer.concat([stamp, nonce, mac]).toString('hex');
}
const form = (fields) => Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v : [v])
  .map((one) => `${encodeURIComponent(k)}=${encodeURIComponent(one)}`)).join('&');

let addressSerial = 0;
// Each reader or applicant from an address of its own (the apply and contact limits count per
// address); loopback 127.1.0.0/16 is all this machine's.
const anAddress = () => { const n = addressSerial++ % 65000; return `127.1.${n >> 8}.${(n & 255) || 1}`; };

function send(path, { method = 'GET', body, cookie, from = '127.0.0.1' } = {}) {
  return new Promise((resolve) => {
    const headers = {};
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const started = process.hrtime.bigint();
    const req = http.request({ host: url.hostname, port: url.port, path, method, headers, agent,
      localAddress: from, timeout: 30000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers,
        text: Buffer.concat(chunks).toString('utf8'), ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, error: e.message, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}
const pick = (a) => a[Math.floor(Math.random() * a.length)];
const csrfOf = (html) => (html.match(/name="csrf" value="([0-9a-f]+)"/) ?? [])[1];
const seenOf = (html) => (html.match(/name="seen" value="([^"]*)"/) ?? [])[1] ?? '';
const cookieOf = (r) => (r.headers?.['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');

// Staff sessions for the activity form, signed in once before the clock starts (a member's staff
// stay signed in through the hour; their sign-ins are the 'signin' kind below).
const sessions = [];
async function signIn(name) {
  const page = await send('/staff/sign-in');
  const cookie = cookieOf(page);
  const r = await send('/staff/sign-in', { method: 'POST', cookie,
    body: form({ csrf: csrfOf(page.text), name, password: setup.password }) });
  return { ok: r.status === 303, cookie: cookieOf(r) || cookie, ms: page.ms + r.ms, status: r.status };
}

let serial = 0;
const KINDS = {
  // A public page as readers ask for them: the directory's pages and filters, profiles,
  // searches and matches, the about page.
  async page() {
    const f = Math.random();
    const path = f < 0.3 ? `/list?page=${1 + Math.floor(Math.random() * 50)}`
      : f < 0.4 ? `/list?country=${pick(['US', 'FR', 'DE', 'CO', 'UA', 'GH'])}&kind=library`
      : f < 0.7 ? `/list/${pick(setup.orgs)}`
      : f < 0.9 ? `/search?q=${encodeURIComponent(pick(setup.words))}`
      : f < 0.97 ? `/search?match=${pick(setup.orgs)}` : '/about';
    const r = await send(path, { from: anAddress() });
    return { ok: r.status === 200, ms: r.ms, status: r.status, path };
  },
  async report() {
    const path = pick(['/report', '/report?fy=2026', '/report?fy=2025']);
    const r = await send(path, { from: anAddress() });
    return { ok: r.status === 200, ms: r.ms, status: r.status, path };
  },
  async signin() { return signIn(pick(setup.accounts)); },
  // An activity through the form, as a person saves it: the form, then the post (its latency
  // is the post's, the write).
  async activity() {
    const s = pick(sessions), pid = pick(setup.partnerships);
    const path = `/partnerships/${pid}/activities/new`;
    const page = await send(path, { cookie: s.cookie });
    if (page.status !== 200) return { ok: false, ms: page.ms, status: page.status };
    const r = await send(path, { method: 'POST', cookie: s.cookie, body: form({
      csrf: csrfOf(page.text), seen: seenOf(page.text), held_on: setup.today, type: 'storytime',
      counted_as: 'program', format: 'in_person', sessions: '1', att_0_5_in: '12', att_adult_in: '9',
      staff_hours: '1:30', volunteer_hours: '', library_cost: '25.00', partner_cost: '', in_kind: '',
      materials: '', respondents: '', notes: 'Consortium bench' }) });
    return { ok: r.status === 303, ms: r.ms, status: r.status };
  },
  async apply() {
    const n = ++serial;
    const r = await send('/apply', { method: 'POST', from: anAddress(), body: form({
      csrf: mint('apply'), name: `Consortium Bench Library ${process.pid}-${n}-${Date.now()}`,
      name_en: '', type: 'public', country: 'FR', region: 'Normandie', city: 'Rouen',
      website: 'https://bibliotheque.example', description: 'A public library on the Seine.',
      languages: ['fr', 'en'], interests: ['pen_pals', 'videoconference'], ages: ['2', '8'],
      timezone: 'Europe/Paris', seeking: '1', seeks: 'library', seeking_text: 'Pen pals.',
      commitment: 'informal', contact_name: 'Camille Martin',
      contact_email: `bench${n}@bibliotheque.example`, url: '' }) });
    return { ok: r.status === 303, ms: r.ms, status: r.status };
  },
  async contact() {
    const id = String(pick(setup.contactable));
    const r = await send(`/list/${id}/contact`, { method: 'POST', from: anAddress(), body: form({
      csrf: mint('contact', id), name: 'José Pérez', email: `reader${++serial}@example.net`,
      message: 'Hola: our readers would like pen pals.' }) });
    return { ok: r.status === 303, ms: r.ms, status: r.status };
  },
};

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  for (const name of setup.accounts.slice(0, 8)) {
    const s = await signIn(name);
    if (!s.ok) { console.error(`consortium.mjs: could not sign in as ${name} (${s.status})`); process.exit(2); }
    sessions.push(s);
  }
  const results = Object.fromEntries(Object.keys(KINDS).map((k) => [k, { n: 0, failed: 0, statuses: {}, ms: [] }]));
  const pending = [], slowest = [];
  const t0 = Date.now(), end = t0 + seconds * 1000;
  // One Poisson arrival process per kind, at members × its rate.
  const run = async (kind) => {
    const rate = members * MODEL[kind];
    let next = t0 + (-Math.log(1 - Math.random()) / rate) * 1000;
    while (next < end) {
      const wait = next - Date.now();
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
      pending.push(KINDS[kind]().then((r) => {
        const s = results[kind];
        s.n++; s.ms.push(r.ms);
        slowest.push({ kind, path: r.path, ms: +r.ms.toFixed(1) });
        slowest.sort((a, b) => b.ms - a.ms).splice(5);
        if (!r.ok) { s.failed++; s.statuses[r.status] = (s.statuses[r.status] ?? 0) + 1; }
      }));
      next += (-Math.log(1 - Math.random()) / rate) * 1000;
    }
  };
  await Promise.all(Object.keys(KINDS).map(run));
  await Promise.all(pending);
  const out = { members, seconds, offered_per_s: Object.fromEntries(Object.keys(MODEL).map((k) => [k, +(members * MODEL[k]).toFixed(3)])), kinds: {} };
  const readers = [];
  for (const [k, s] of Object.entries(results)) {
    s.ms.sort((a, b) => a - b);
    if (READERS.has(k)) readers.push(...s.ms);
    out.kinds[k] = { n: s.n, failed: s.failed, statuses: s.statuses,
      p50: percentile(s.ms, 50)?.toFixed(1), p99: percentile(s.ms, 99)?.toFixed(1) };
  }
  readers.sort((a, b) => a - b);
  out.readers_p99 = +(percentile(readers, 99) ?? 0).toFixed(1);
  out.writes_failed = ['signin', 'activity', 'apply', 'contact'].reduce((n, k) => n + results[k].failed, 0);
  out.readers_failed = ['page', 'report'].reduce((n, k) => n + results[k].failed, 0);
  out.slowest = slowest;
  console.log(JSON.stringify(out));
  agent.destroy();
}
main();
