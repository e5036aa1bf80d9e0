// accounts.test.mjs - the administrator's accounts page (/staff/accounts), what a site without
// a shell has instead of `liaison-admin user`: only administrators reach it; an account is
// added with each problem beside its field and nothing made; the new account signs in; a new
// password replaces the old; disabling signs the account out at once and enabling lets it
// back; nobody disables themselves, and liaison-admin will not disable the last administrator;
// every change carries the page's token and is in the audit log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, request, Visitor, csrfOf, fieldError, signedIn, PLAIN_BIN, SRCDIR } from './helpers.mjs';

let nextAddress = 10;
const address = () => `127.0.6.${nextAddress++}`;
const unique = (what) => `${what}-${process.pid}-${Date.now() % 100000}`;

async function signIn(name, password) {
  const v = new Visitor(address());
  const page = await v.get('/staff/sign-in');
  const r = await v.post('/staff/sign-in', { csrf: csrfOf(page.text), name, password });
  return { v, status: r.status };
}

test('only administrators reach the accounts page', async () => {
  assert.equal((await request('/staff/accounts')).status, 303);
  for (const role of ['staff', 'board']) {
    const v = await signedIn(role);
    assert.equal((await v.get('/staff/accounts')).status, 403);
    assert.equal((await v.post('/staff/accounts', { csrf: csrfOf((await v.get('/staff/queue')).text), name: 'x' })).status, 403);
    assert.doesNotMatch((await v.get('/staff/queue')).text, /href="\/staff\/accounts"/);
  }
  const a = await signedIn('admin');
  assert.match((await a.get('/staff/queue')).text, /<a href="\/staff\/accounts">Accounts<\/a>/);
  const page = await a.get('/staff/accounts');
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(`<td dir="auto">${a.name}</td><td>admin</td><td>active</td>`));
  assert.equal((await a.send('/staff/accounts/disable')).status, 405);
  assert.equal((await a.get('/staff/accounts/nothing')).status, 404);
});

test('adding an account: each problem beside its field and nothing made; then it signs in', async () => {
  const a = await signedIn('admin');
  const name = unique('Rosa');
  let page = await a.get('/staff/accounts');
  const csrf = csrfOf(page.text);
  let r = await a.post('/staff/accounts', { csrf, name: '', password: 'short', again: 'other' });
  assert.equal(r.status, 400);
  assert.equal(fieldError(r.text, 'name'), 'Enter account name.');
  assert.match(fieldError(r.text, 'role'), /required|Choose/);
  assert.equal(fieldError(r.text, 'password'), 'Use at least 10 characters.');
  assert.match(fieldError(r.text, 'again'), /^The two passwords differ/);
  r = await a.post('/staff/accounts', { csrf, name, role: 'owner', password: 'a long enough one', again: 'a long enough one' });
  assert.equal(r.status, 400);
  assert.ok(fieldError(r.text, 'role'));
  assert.ok(r.text.includes(`value="${name}"`), 'what was typed comes back');
  assert.equal(sql(`SELECT count(*) FROM account WHERE name = '${name}'`), '0');
  // No token: refused, nothing made.
  assert.equal((await a.post('/staff/accounts', { name, role: 'staff', password: 'a long enough one', again: 'a long enough one' })).status, 403);
  assert.equal(sql(`SELECT count(*) FROM account WHERE name = '${name}'`), '0');

  r = await a.post('/staff/accounts', { csrf, name, role: 'board', password: 'a long enough one', again: 'a long enough one' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/staff/accounts?done=added');
  assert.match((await a.get(r.location)).text, /The account was added\./);
  assert.equal(sql(`SELECT role || disabled FROM account WHERE name = '${name}'`), 'board0');
  assert.equal(sql(`SELECT count(*) FROM audit WHERE actor = '${a.name}' AND action = 'account created' AND note = 'account ${name}, board'`), '1');
  // Names ignore case: the same name again is refused beside the field.
  r = await a.post('/staff/accounts', { csrf, name: name.toUpperCase(), role: 'staff', password: 'a long enough one', again: 'a long enough one' });
  assert.equal(r.status, 400);
  assert.match(fieldError(r.text, 'name'), /already/);
  const { v, status } = await signIn(name, 'a long enough one');
  assert.equal(status, 303);
  assert.equal((await v.get('/staff/queue')).status, 200);
  assert.equal((await v.get('/staff/accounts')).status, 403);	// a board member
});

test('a new password replaces the old one', async () => {
  const a = await signedIn('admin');
  const other = await signedIn('staff');
  const page = await a.get('/staff/accounts');
  let r = await a.post('/staff/accounts/password', { csrf: csrfOf(page.text), account: other.name, new_password: 'a brand new password', new_again: 'a brand new passw0rd' });
  assert.equal(r.status, 400);
  assert.match(fieldError(r.text, 'new_again'), /^The two passwords differ/);
  r = await a.post('/staff/accounts/password', { csrf: csrfOf(page.text), account: 'nobody-at-all', new_password: 'a brand new password', new_again: 'a brand new password' });
  assert.equal(r.status, 400);
  assert.ok(fieldError(r.text, 'account'));
  r = await a.post('/staff/accounts/password', { csrf: csrfOf(page.text), account: other.name, new_password: 'a brand new password', new_again: 'a brand new password' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/staff/accounts?done=password');
  assert.equal((await signIn(other.name, 'a long test password')).status, 400);
  assert.equal((await signIn(other.name, 'a brand new password')).status, 303);
  assert.equal(sql(`SELECT count(*) FROM audit WHERE actor = '${a.name}' AND action = 'password reset' AND note = 'account ${other.name}'`), '1');
});

test('disabling signs the account out at once; enabling lets it back; nobody disables themselves', async () => {
  const a = await signedIn('admin');
  const other = await signedIn('staff');
  assert.equal((await other.get('/staff/queue')).status, 200);
  let page = await a.get('/staff/accounts');
  assert.ok(page.text.includes(`<input type="hidden" name="account" value="${other.name}"><button type="submit" class="small">Disable`));
  let r = await a.post('/staff/accounts/disable', { csrf: csrfOf(page.text), account: other.name });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/staff/accounts?done=disabled');
  assert.equal((await other.get('/staff/queue')).status, 303);
  assert.equal((await signIn(other.name, 'a long test password')).status, 400);
  assert.equal(sql(`SELECT count(*) FROM audit WHERE actor = '${a.name}' AND action = 'account disabled' AND note = 'account ${other.name}'`), '1');
  page = await a.get('/staff/accounts');
  assert.ok(page.text.includes(`<td dir="auto">${other.name}</td><td>staff</td><td>disabled</td>`));
  r = await a.post('/staff/accounts/enable', { csrf: csrfOf(page.text), account: other.name });
  assert.equal(r.status, 303);
  assert.equal((await signIn(other.name, 'a long test password')).status, 303);
  // Oneself: no button, and a post is refused.
  assert.ok(page.text.includes(`<td dir="auto">${a.name}</td><td>admin</td><td>active</td><td><time datetime="`));
  assert.doesNotMatch(page.text, new RegExp(`name="account" value="${a.name}"`));
  r = await a.post('/staff/accounts/disable', { csrf: csrfOf(page.text), account: a.name });
  assert.equal(r.status, 400);
  assert.match(r.text, /You cannot disable your own account/);
  assert.equal(sql(`SELECT disabled FROM account WHERE name = '${a.name}'`), '0');
  assert.equal((await a.post('/staff/accounts/disable', { csrf: csrfOf(page.text), account: 'nobody-at-all' })).status, 404);
});

test('liaison-admin will not disable the last administrator who can sign in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-accounts-'));
  try {
    const db = join(dir, 'site.db');
    const run = (args, input = '') => spawnSync(`${PLAIN_BIN}/liaison-admin`, args, {
      input, encoding: 'utf8', env: { PATH: process.env.PATH, LIAISON_DB: db, LIAISON_SCHEMA: `${SRCDIR}/schema` } });
    assert.equal(run(['create', db]).status, 0);
    assert.equal(run(['user', 'add', 'ana', 'admin'], 'a long test password\n').status, 0);
    assert.equal(run(['user', 'add', 'ben', 'admin'], 'a long test password\n').status, 0);
    assert.equal(run(['user', 'disable', 'ben']).status, 0);
    const last = run(['user', 'disable', 'ana']);
    assert.equal(last.status, 1);
    assert.match(last.stderr, /ana is the last enabled administrator/);
    assert.equal(run(['user', 'enable', 'ben']).status, 0);
    assert.equal(run(['user', 'disable', 'ana']).status, 0);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
