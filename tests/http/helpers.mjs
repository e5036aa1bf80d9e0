// helpers.mjs - what the HTTP tests share: the server under test, the test database (for
// independent answers straight from SQLite), and small HTML and CSV readers written here so
// the tests do not trust the code they test.
import { execFileSync, spawnSync } from 'node:child_process';

export const BASE = process.env.LIAISON_BASE ?? 'http://127.0.0.1:8080';
export const DB = process.env.LIAISON_TEST_DB;
export const BIN = process.env.LIAISON_TEST_BIN;         // the build the server runs
export const PLAIN_BIN = process.env.LIAISON_PLAIN_BIN;  // unsanitized build, for valgrind
export const SRCDIR = process.env.LIAISON_SRCDIR ?? '.';

export async function get(path, init = {}) {
  const res = await fetch(BASE + path, { redirect: 'manual', ...init });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body, text: body.toString('utf8') };
}

// One value (first column of first row) or all rows, as text, from the test database.
export function sql(query) {
  return execFileSync('sqlite3', ['-batch', '-noheader', '-separator', '\t', DB, query],
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
export function cgi(program, { method = 'GET', query = '', pathInfo = '', scriptName, env = {}, wrapper = [] } = {}) {
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
      LIAISON_DB: DB, LIAISON_TEMPLATES: `${SRCDIR}/templates`, ...env,
    },
    input: '', maxBuffer: 256 * 1024 * 1024,
  });
  const out = r.stdout;
  const split = out.indexOf('\r\n\r\n');
  const head = split < 0 ? out.toString() : out.subarray(0, split).toString();
  const status = Number((head.match(/^Status: (\d+)/m) ?? [])[1]);
  return { code: r.status, status, head, body: split < 0 ? '' : out.subarray(split + 4).toString(), stderr: r.stderr.toString() };
}
