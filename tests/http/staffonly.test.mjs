// staffonly.test.mjs - staff-only entries (schema 019): staff record a partner that is never
// public, choose it in the partnership form, and switch an entry between public and
// staff-only with an audit record. Each public reader is checked while the entry is
// staff-only, then again once it is made public (so each check is shown able to fail), then
// after it is made staff-only again: the directory and its CSV, the profile, search, best
// partners, the filter counts and a listed partner's profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get, sql, csrfOf, signedIn, filterOptions, parseCsv, Visitor, fieldError } from './helpers.mjs';

const word = `Zorvanthe${process.pid}`;
// A library in Colombia that wants what the Biblioteca Pública Municipal de Pereira (19:
// Spanish, pen pals, storytime, seeking a library) wants, so that it would be among 19's best
// partners were it public. Its partnership is with 20 (a current partner is never a match).
const entry = (csrf, extra = {}) => ({
  csrf, seen: undefined, name: `Biblioteca ${word}`, name_en: '', type: 'public', country: 'CO',
  region: 'Antioquia', city: 'Envigado', website: '', description: `A reading room (${word}).`,
  languages: ['es'], interests: ['pen_pals', 'storytime', 'workshop'], ages: ['2'],
  timezone: 'America/Bogota', seeking: '1', seeks: 'library', seeking_text: '', commitment: 'informal',
  contact_name: 'Ana Gómez', contact_email: 'ana@lectura.example', ...extra,
});

const csvIds = async (path) => parseCsv((await get(path)).text.replace(/^\uFEFF/, '')).slice(1).map((r) => r[0]);
const countryCount = async (code) => (filterOptions((await get('/list')).text, 'country') ?? [])
  .find((o) => o.value === code)?.count ?? 0;

// What a visitor can find of the entry id: a profile, a CSV row, a search hit, a match, the
// Colombia count, a mention on its partner 20's profile.
async function publicView(id) {
  return {
    profile: (await get(`/list/${id}`)).status,
    inCsv: (await csvIds('/list?format=csv')).includes(String(id)),
    inCountryCsv: (await csvIds('/list?country=CO&format=csv')).includes(String(id)),
    inSearch: (await get(`/search?q=${word}`)).text.includes(`/list/${id}"`),
    inSearchCsv: (await csvIds(`/search?q=Biblioteca&format=csv`)).includes(String(id)),
    inMatch: (await get('/search?match=19')).text.includes(word),
    colombia: await countryCount('CO'),
    onPartnerProfile: (await get('/list/20')).text.includes(word),
  };
}

test('a staff-only entry is recorded by staff, never public, and can be chosen as a partner', async () => {
  const anon = new Visitor();
  assert.equal((await anon.get('/staff/org/new')).status, 303, 'signed out: sent to sign in');
  const board = await signedIn('board');
  assert.equal((await board.get('/staff/org/new')).status, 403);

  const staff = await signedIn('staff');
  const form = await staff.get('/staff/org/new');
  assert.equal(form.status, 200);
  assert.match(form.text, /Record a staff-only organization/);

  // A mistake comes back beside its field, with nothing made.
  const before = Number(sql('SELECT count(*) FROM org'));
  const bad = await staff.post('/staff/org/new', entry(csrfOf(form.text), { name: '' }));
  assert.equal(bad.status, 400);
  assert.ok(fieldError(bad.text, 'name'));
  assert.equal(Number(sql('SELECT count(*) FROM org')), before);
  // An organization already listed is refused: choose that entry instead.
  const dup = await staff.post('/staff/org/new', entry(csrfOf(form.text), { name: 'Biblioteca Departamental de Cali' }));
  assert.equal(dup.status, 400);
  assert.equal(Number(sql('SELECT count(*) FROM org')), before);

  const colombiaBefore = await countryCount('CO');
  const made = await staff.post('/staff/org/new', entry(csrfOf(form.text)));
  assert.equal(made.status, 303);
  const id = Number(made.location.match(/\/staff\/org\/(\d+)\?done=recorded$/)[1]);
  assert.equal(sql(`SELECT status || ' ' || languages_text FROM org WHERE id = ${id}`), 'staff_only Spanish');
  assert.equal(sql(`SELECT actor || ': ' || action FROM audit WHERE org_id = ${id}`), `${staff.name}: recorded (staff only)`);
  const page = await staff.get(made.location);
  assert.match(page.text, /Done: recorded as a staff-only entry/);
  assert.match(page.text, /status-staff_only/);
  assert.doesNotMatch(page.text, /public page<\/a>/);

  // The partnership form offers it, marked, as host or partner.
  const pform = await staff.get('/partnerships/new');
  assert.match(pform.text, new RegExp(`<option value="${id}"[^>]*>Biblioteca ${word} \\(Envigado\\) - staff only</option>`));
  const csrf = csrfOf(pform.text);
  const saved = await staff.post('/partnerships/new', {
    csrf, host: '20', partner: String(id), kind: 'sister_library', commitment: 'informal', status: 'active',
    start_on: '2026-01-05', end_on: '', goal: '', measure: '', host_contribution: '', partner_contribution: '', staff_lead: '',
  });
  assert.equal(saved.status, 303, saved.text.slice(0, 400));
  assert.equal(sql(`SELECT count(*) FROM partnership WHERE host_id = 20 AND partner_id = ${id}`), '1');

  const hidden = await publicView(id);
  assert.deepEqual(hidden, { profile: 404, inCsv: false, inCountryCsv: false, inSearch: false, inSearchCsv: false,
    inMatch: false, colombia: colombiaBefore, onPartnerProfile: false });
  // The contact form of a staff-only entry does not exist either.
  assert.equal((await get(`/list/${id}/contact`)).status, 404);
  // Nor may the public report be asked about it as a host.
  assert.equal((await get(`/report?host=${id}`)).status, 404);

  // Made public, it is everywhere a listed entry is: so each check above could fail.
  let org = await staff.get(`/staff/org/${id}`);
  assert.match(org.text, /List publicly/);
  const listed = await staff.post(`/staff/org/${id}/make-public`, { csrf: csrfOf(org.text) });
  assert.equal(listed.status, 303);
  assert.equal(sql(`SELECT status FROM org WHERE id = ${id}`), 'listed');
  assert.deepEqual(await publicView(id), { profile: 200, inCsv: true, inCountryCsv: true, inSearch: true,
    inSearchCsv: true, inMatch: true, colombia: colombiaBefore + 1, onPartnerProfile: true });

  // And back to staff-only: gone again at the next request, audited with the old and new status.
  org = await staff.get(`/staff/org/${id}`);
  assert.match(org.text, /Make staff-only/);
  const hid = await staff.post(`/staff/org/${id}/staff-only`, { csrf: csrfOf(org.text) });
  assert.equal(hid.status, 303);
  assert.deepEqual(await publicView(id), hidden);
  const changes = sql(`SELECT a.action || ': ' || c.old_value || ' -> ' || c.new_value FROM audit a
    JOIN audit_change c ON c.audit_id = a.id WHERE a.org_id = ${id} AND c.field = 'status' ORDER BY a.id`);
  assert.equal(changes, 'made public: staff_only -> listed\nmade staff-only: listed -> staff_only');
  // Board accounts read it but cannot switch it.
  const boardView = await board.get(`/staff/org/${id}`);
  assert.equal(boardView.status, 200);
  assert.doesNotMatch(boardView.text, /List publicly/);
  // The entries list can show staff-only entries alone.
  const only = await staff.get(`/staff/entries?status=staff_only&q=${word}`);
  assert.match(only.text, new RegExp(`Biblioteca ${word}`));
});

test('a staff-only entry does not stop an organization from applying, nor tells it that it exists', async () => {
  const staff = await signedIn('staff');
  const form = await staff.get('/staff/org/new');
  const name = `Centro ${word} Two`;
  const made = await staff.post('/staff/org/new', entry(csrfOf(form.text), { name }));
  assert.equal(made.status, 303);
  // The same organization applying publicly is an application like any other.
  const { application, mintToken } = await import('./helpers.mjs');
  const a = await new Visitor('127.0.0.61').post('/apply', application({ csrf: mintToken({ age: 10 }), name, country: 'CO' }));
  assert.equal(a.status, 303, a.text.slice(0, 300));
});
