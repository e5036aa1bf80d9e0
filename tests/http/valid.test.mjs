// valid.test.mjs - every kind of page Liaison serves is valid HTML, as the Nu HTML Checker
// (vnu, the W3C's validator) reads it: the directory, a filtered page, profiles, error pages,
// search results, tips and matches, the application form (blank, with errors, received) and
// every staff page, partnerships and activities (with errors), the import page, and the pages
// nginx answers with by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, get, sql, request, formBody, application, signedIn, cgi, csrfOf, mintToken, previewFields, PLAIN_BIN, SRCDIR, ERROR_DIR } from './helpers.mjs';

const require = createRequire(import.meta.url);
const vnu = require('vnu-jar');
const java = spawnSync('java', ['-version']).status === 0;

test('pages are valid HTML', { skip: !java && 'java is not installed' }, async () => {
  const stale = sql("SELECT id FROM org WHERE status = 'listed' AND confirmed_on < date('now', '-13 months') LIMIT 1");
  const xss = sql("SELECT id FROM org WHERE name LIKE '<script>%'");
  const pages = {
    'list.html': '/list',
    'filtered.html': '/list?kind=library&language=es&sort=country',
    'empty.html': '/list?country=AQ',
    'profile.html': '/list/1',
    'stale.html': `/list/${stale}`,
    'hostile.html': `/list/${xss}`,
    'e404.html': '/list/999999',
    'e400.html': '/list?country=ZZZ',
    'search-tips.html': '/search',
    'search.html': '/search?q=bibli&language=es',
    'search-cjk.html': '/search?q=%E5%9B%B3%E6%9B%B8%E9%A4%A8',
    'search-none.html': '/search?q=zzzzqqq',
    'search-hostile.html': '/search?q=script',
    'match.html': '/search?match=1',
    'report.html': '/report?fy=2025',
    'report-quarter.html': '/report?quarter=2026-Q1',
    'report-empty.html': '/report?from=1990-01-01&to=1990-02-01',
    'report-e400.html': '/report?fy=twenty',
    'worksheet.html': '/report/worksheet?fy=2026',
    'about.html': '/about',
    'map.html': '/list/map',
    'contact.html': '/list/1/contact',
    'contact-sent.html': '/list/1/contact/sent',
    'no-contact.html': `/list/${xss}`,
  };
  const dir = mkdtempSync(join(tmpdir(), 'liaison-vnu-'));
  const staff = await signedIn('admin', '127.0.3.1');
  const board = await signedIn('board', '127.0.3.1');
  const applied = await request('/apply', { method: 'POST', body: formBody(application()), from: '127.0.3.2' });
  const pendingId = sql(`SELECT org_id FROM application WHERE reference = '${applied.headers.location.slice(-11)}'`);
  const fetched = {
    'apply.html': (await get('/apply')).text,
    'contact-errors.html': (await request('/list/1/contact', { method: 'POST', body: formBody({ csrf: mintToken({ purpose: 'contact', binding: '1' }), name: '', email: 'x', message: '' }), from: '127.0.3.2' })).text,
    'apply-errors.html': (await request('/apply', { method: 'POST', body: formBody(application({ name: '', contact_email: 'x' })), from: '127.0.3.2' })).text,
    'applied.html': (await get(new URL(applied.headers.location, BASE).pathname)).text,
    'sign-in.html': (await get('/staff/sign-in')).text,
    'queue.html': (await staff.get('/staff/queue')).text,
    'entries.html': (await staff.get('/staff/entries?status=listed')).text,
    'stale-list.html': (await staff.get('/staff/stale')).text,
    'audit.html': (await staff.get('/staff/audit')).text,
    'mail.html': (await staff.get('/staff/mail')).text,
    'accounts.html': (await staff.get('/staff/accounts?done=added')).text,
    'accounts-errors.html': (await staff.post('/staff/accounts', { csrf: csrfOf((await staff.get('/staff/accounts')).text), name: '', password: 'short' })).text,
    'staff-org.html': (await staff.get(`/staff/org/${pendingId}`)).text,
    'board-org.html': (await board.get(`/staff/org/${pendingId}`)).text,
    'org-new.html': (await staff.get('/staff/org/new')).text,
    'org-new-errors.html': (await staff.post('/staff/org/new', { csrf: csrfOf((await staff.get('/staff/org/new')).text), name: '', contact_email: 'x' })).text,
    'own-account.html': (await staff.get('/staff/account?done=1')).text,
    'partnerships.html': (await staff.get('/partnerships?status=active')).text,
    'partnership.html': (await staff.get('/partnerships/1?done=activity')).text,
    'partnership-new.html': (await staff.get('/partnerships/new')).text,
    'partnership-edit.html': (await staff.get('/partnerships/1/edit')).text,
    'activity-new.html': (await staff.get('/partnerships/1/activities/new')).text,
    'activity-board.html': (await board.get('/partnerships/1/activities/1')).text,
    'activity-delete.html': (await staff.get('/partnerships/1/activities/1/delete')).text,
    'import.html': (await staff.get('/import')).text,
    'report-board.html': (await board.get('/report?fy=2026')).text,
    'report-partnership.html': (await staff.get('/report?fy=2026&partnership=1')).text,
  };
  {	// the first-run setup page, on a new database with no accounts
    const db = join(dir, 'new.db');
    spawnSync(`${PLAIN_BIN}/liaison-admin`, ['create', db], { env: { PATH: process.env.PATH, LIAISON_SCHEMA: `${SRCDIR}/schema` } });
    const page = cgi('staff', { pathInfo: '/setup', env: { LIAISON_DB: db } });
    fetched['setup.html'] = page.body;
    const csrf = page.body.match(/name="csrf" value="([0-9a-f]+)"/)[1];
    fetched['setup-errors.html'] = cgi('staff', { method: 'POST', pathInfo: '/setup', env: { LIAISON_DB: db },
      body: formBody({ csrf, code: 'x', name: '', password: 'short', again: 'other' }) }).body;
  }
  {
    const form = await staff.get('/partnerships/1/activities/new');
    const csrf = form.text.match(/name="csrf" value="([0-9a-f]+)"/)[1];
    fetched['activity-errors.html'] = (await staff.post('/partnerships/1/activities/new',
      { csrf, held_on: '2026-02-30', type: 'x', counted_as: 'program', format: 'in_person', sessions: '0', att_0_5_virt: '3', library_cost: '12,50' })).text;
    fetched['import-errors.html'] = (await staff.upload('/import', { csrf, kind: 'activities' },
      { file: { name: 'x.csv', content: 'partnership,held_on,type,counted_as,format,sessions\n1,2026-02-30,storytime,program,in_person,1\n' } })).text;
    const preview = await staff.upload('/import', { csrf, kind: 'activities' },
      { file: { name: 'x.csv', content: 'partnership,held_on,type,counted_as,format,sessions\n1,2026-02-02,storytime,program,in_person,1\n' } });
    fetched['import-preview.html'] = preview.text;
    fetched['import-done.html'] = (await staff.post('/import/confirm', previewFields(preview.text))).text;
    // An administrator's import page lists the batches; the undo page asks first.
    const batch = sql('SELECT max(id) FROM import_batch');
    fetched['import-batches.html'] = (await staff.get('/import')).text;
    fetched['import-undo.html'] = (await staff.get(`/import/batches/${batch}/undo`)).text;
  }
  // nginx's own pages (conf/errorpages.sh), as the dev server serves them.
  for (const file of readdirSync(ERROR_DIR)) fetched[`nginx-${file}`] = readFileSync(join(ERROR_DIR, file), 'utf8');
  try {
    for (const [file, path] of Object.entries(pages))
      writeFileSync(join(dir, file), (await get(path)).body);
    for (const [file, text] of Object.entries(fetched)) {
      writeFileSync(join(dir, file), text);
      pages[file] = file;
    }
    const r = spawnSync('java', ['-jar', vnu, '--format', 'json', '--also-check-css', ...Object.keys(pages).map((f) => join(dir, f))],
      { encoding: 'utf8' });
    const messages = JSON.parse(r.stderr || '{"messages":[]}').messages
      .filter((m) => m.type === 'error' || m.subType === 'warning')
      .map((m) => `${m.url.split('/').pop()}:${m.lastLine}: ${m.message}`);
    assert.deepEqual(messages, []);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
