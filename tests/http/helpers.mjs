// helpers.mjs - what the HTTP tests share: the server under test, the test database (for
// independent answers straight from SQLite), and small HTML and CSV readers written here so
// the tests do not trust the code they test.
import { execFileSync, spawnSync } from 'node:child_process';

export const BASE = process.env.LIAISON_BASE ?? 'http://127.0.0.1:8080';
export const DB = process.env.LIAISON_TEST_DB;
export const BIN = process.env.LIAISON_TEST_BIN;         // the build the server runs
export const PLAIN_BIN = process.env.LIAISON_PLAIN_BIN;  // unsanitized build, for valgrind
export const SRCDIR = process.env.LIAISON_SRCDIR ?? '.';
// The pages nginx answers with by itself, as the dev server under test wrote them (conf/errorpages.sh).
export const ERROR_DIR = `${process.env.LIAISON_TEST_RUN}/liaison-errors`;

export async function get(path, init = {}) {
  const res = await fetch(BASE + path, { redirect: 'manual', ...init });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body, text: body.toString('utf8') };
}

// One value (first column of first row) or all rows, as text, from the test database.
export function sql(query) {
  // .timeout: wait for a server's write to finish rather than fail at once, as the sqlite3
  // shell does by default, so a test's own insert never fails because another test is writing.
  return execFileSync('sqlite3', ['-batch', '-noheader', '-separator', '\t', '-cmd', '.timeout 10000', DB, query],
    { encoding: 'utf8' }).replace(/\n$/, '');
}
export function sqlRows(query) {
  const out = sql(query);
  return out === '' ? [] : out.split('\n').map((l) => l.split('\t'));
}

const entities = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
export const unescapeHtml = (s) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => entities[m]);

// The organizations listed on a directory page, in order: [{ id, name }].
export function listedOrgs(html) {
  return [...html.matchAll(/<h3><a href="[^"]*\/(\d+)" dir="auto">([^<]*)<\/a><\/h3>/g)]
    .map((m) => ({ id: Number(m[1]), name: unescapeHtml(m[2]) }));
}

// The options of the <select name=...> filter: [{ value, label, count, selected }].
export function filterOptions(html, name) {
  const select = html.match(new RegExp(`<select id="f-${name}" name="${name}">([\\s\\S]*?)</select>`));
  if (!select) return null;
  return [...select[1].matchAll(/<option value="([^"]*)"( selected)?>([^<]*?)(?: \((\d+)\))?<\/option>/g)]
    .filter((m) => m[1] !== '')
    .map((m) => ({ value: m[1], selected: !!m[2], label: unescapeHtml(m[3]), count: Number(m[4]) }));
}

// RFC 4180 reader, strict: returns rows of cells, and throws on anything malformed.
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', i = 0, quoted = false, fieldStart = true;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (fieldStart && c === '"') { quoted = true; fieldStart = false; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; fieldStart = true; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; fieldStart = true; i += 2; continue; }
    if (c === '\n' || c === '\r' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    cell += c; fieldStart = false; i++;
  }
  if (cell !== '' || row.length) throw new Error('last row lacks CRLF');
  return rows;
}

// Runs a program as plain CGI, the way Apache's mod_cgi would, and splits its answer.
export function cgi(program, { method = 'GET', query = '', pathInfo = '', scriptName, env = {}, wrapper = [], body } = {}) {
  const bin = `${BIN}/cgi-bin/${program}`;
  const cmd = wrapper.length ? wrapper[0] : bin;
  const args = wrapper.length ? [...wrapper.slice(1), bin] : [];
  const r = spawnSync(cmd, args, {
    env: {
      PATH: process.env.PATH, ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? '',
      UBSAN_OPTIONS: process.env.UBSAN_OPTIONS ?? '',
      GATEWAY_INTERFACE: 'CGI/1.1', REQUEST_METHOD: method, QUERY_STRING: query,
      PATH_INFO: pathInfo, SCRIPT_NAME: scriptName ?? `/cgi-bin/${program}.cgi`,
      SERVER_NAME: 'library.example', SERVER_PORT: '80', HTTP_HOST: 'library.example',
      LIAISON_DB: DB, LIAISON_TEMPLATES: `${SRCDIR}/templates`,
      ...(body === undefined ? {} : { CONTENT_TYPE: 'application/x-www-form-urlencoded', CONTENT_LENGTH: String(Buffer.byteLength(body)) }),
      ...env,
    },
    input: body ?? '', maxBuffer: 256 * 1024 * 1024,
  });
  const out = r.stdout;
  const split = out.indexOf('\r\n\r\n');
  const head = split < 0 ? out.toString() : out.subarray(0, split).toString();
  const status = Number((head.match(/^Status: (\d+)/m) ?? [])[1]);
  return { code: r.status, status, head, body: split < 0 ? '' : out.subarray(split + 4).toString(), stderr: r.stderr.toString() };
}

// --- forms, cookies and addresses -------------------------------------------------------------
import http from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';

// A urlencoded body from { name: value | [values] }, in the order given.
export function formBody(fields) {
  const parts = [];
  for (const [k, v] of Object.entries(fields))
    for (const one of Array.isArray(v) ? v : [v])
      if (one !== undefined) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(one)}`);
  return parts.join('&');
}

// One request through node:http, so that it can come from any loopback address (the apply
// limit counts per address) and carry exactly the headers given; to the site, or to base.
export function request(path, { method = 'GET', body, headers = {}, from = '127.0.0.1', base = BASE } = {}) {
  const url = new URL(base + path);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname + url.search, method,
      localAddress: from, headers: body === undefined ? headers
        : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...headers },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode, headers: res.headers, text });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// A visitor: one address, a cookie jar, and the path part of every Location it was sent to.
export class Visitor {
  constructor(from = '127.0.0.1') { this.from = from; this.cookies = new Map(); }
  cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
  async send(path, opts = {}) {
    const headers = { ...(opts.headers ?? {}) };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const r = await request(path, { ...opts, headers, from: this.from });
    for (const line of r.headers['set-cookie'] ?? []) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq), value = pair.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name); else this.cookies.set(name, value);
    }
    // A Location is absolute, or (a server with no name of its own) a path on this site.
    if (r.headers.location) {
      const to = new URL(r.headers.location, BASE);
      r.location = to.pathname + to.search;
    }
    return r;
  }
  get(path) { return this.send(path); }
  post(path, fields) { return this.send(path, { method: 'POST', body: formBody(fields) }); }
  // A multipart/form-data post, as a browser sends a file upload: files maps a field to
  // { name, content } (a string or a Buffer).
  upload(path, fields, files = {}) {
    const boundary = `----liaison${Date.now()}`;
    const parts = [];
    for (const [k, v] of Object.entries(fields))
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    for (const [k, f] of Object.entries(files))
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.name}"\r\n`
        + 'Content-Type: text/csv\r\n\r\n'), Buffer.from(f.content), Buffer.from('\r\n'));
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const body = Buffer.concat(parts);
    return this.send(path, { method: 'POST', body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length } });
  }
}

export const csrfOf = (html) => (html.match(/name="csrf" value="([0-9a-f]+)"/) ?? [])[1];
// The message beside field name, or null.
export function fieldError(html, name) {
  const m = html.match(new RegExp(`<p class="field-error" id="e-${name}"><span class="visually-hidden">Error: </span>([^<]*)</p>`));
  return m ? unescapeHtml(m[1]) : null;
}
// The value an <input name=...> shows.
export function inputValue(html, name) {
  const m = html.match(new RegExp(`<input id="f-${name}" name="${name}" type="[a-z]+" value="([^"]*)"`));
  return m ? unescapeHtml(m[1]) : null;
}

// A form token made here from the site secret, independently of the C code: proves the
// format, and makes tokens of any age (expired, too young) without waiting.
export function mintToken({ purpose = 'apply', binding = '', age = 10 } = {}) {
  const secret = Buffer.from(sql('SELECT hex(secret) FROM site_secret'), 'hex');
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000) - age));
  const nonce = randomBytes(12);
  const mac = createHmac('sha256', secret)
    .update(Buffer.from(purpose + '\0')).update(Buffer.from(binding + '\0')).update(stamp).update(nonce)
    .digest().subarray(0, 16);
  return Buffer.concat([stamp, nonce, mac]).toString('hex');
}

// A sign-in form's token as a browser holds it: bound to the pre-session cookie it came with.
// Returns { cookie (for a Cookie header), csrf }.
export function signinToken({ age = 10 } = {}) {
  const value = randomBytes(32).toString('hex');
  return { cookie: `liaison_presession=${value}`, csrf: mintToken({ purpose: 'signin', binding: value, age }) };
}

let serial = 0;
// A complete, valid application; every name is new so no two count as duplicates.
export function application(overrides = {}) {
  serial++;
  return {
    csrf: mintToken(),
    name: `Test Library ${process.pid}-${serial}-${Date.now()}`,
    name_en: '', type: 'public', country: 'FR', region: 'Normandie', city: 'Rouen',
    website: 'https://bibliotheque.example', description: 'A public library on the Seine.',
    languages: ['fr', 'en'], interests: ['pen_pals', 'videoconference'], ages: ['2', '8'],
    timezone: 'Europe/Paris', seeking: '1', seeks: 'library',
    seeking_text: 'Pen pals for 10-year-olds.', commitment: 'informal',
    contact_name: 'Camille Martin', contact_email: 'camille@bibliotheque.example',
    url: '', ...overrides,
  };
}

// Runs liaison-admin (the plain build) on the test database.
export function admin(args, input = '') {
  return spawnSync(`${PLAIN_BIN}/liaison-admin`, args, {
    input, encoding: 'utf8', env: { PATH: process.env.PATH, LIAISON_DB: DB },
  });
}

// A signed-in visitor for a new account of role (made with liaison-admin).
export async function signedIn(role, from = '127.0.0.1') {
  const name = `${role}-${process.pid}-${++serial}`;
  const made = admin(['user', 'add', name, role], 'a long test password\n');
  if (made.status !== 0) throw new Error(made.stderr);
  const v = new Visitor(from);
  const page = await v.get('/staff/sign-in');
  const r = await v.post('/staff/sign-in', { csrf: csrfOf(page.text), name, password: 'a long test password' });
  if (r.status !== 303) throw new Error(`sign-in gave ${r.status}`);
  v.name = name;
  return v;
}

// The hidden fields of an import preview's confirm form (pending, rows, duplicates, csrf), or
// null when the page has none (a file with problems).
export function previewFields(html) {
  const form = html.match(/<form method="post" action="[^"]*\/confirm">([\s\S]*?)<\/form>/);
  if (!form) return null;
  return Object.fromEntries([...form[1].matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)">/g)]
    .map((m) => [m[1], m[2]]));
}

// Uploads a file to /import and, when its preview asks, confirms it, as a person would click:
// the answer is the import's outcome, or the preview's when it has nothing to confirm.
export async function importFile(v, fields, file, confirm = {}) {
  const page = await v.get('/import');
  const preview = await v.upload('/import', { csrf: csrfOf(page.text), ...fields }, { file });
  const hidden = previewFields(preview.text);
  if (preview.status !== 200 || !hidden) return preview;
  return v.post('/import/confirm', { ...hidden, ...confirm });
}
