// menus.test.mjs - each role's staff menu offers exactly what that role may open: every link
// of the menu is followed and must answer 200 (never 403), and every staff page a role is
// refused (403) must be missing from its menu. The menu is drawn from the route tables' roles
// (src/pages/route.h, PAGE_ROLE_*), so this is what keeps the two from drifting apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn } from './helpers.mjs';

// The staff menu's links on a page: [{ href, label }].
function menu(html) {
  const nav = html.match(/<nav class="staff-nav" aria-label="Staff">([\s\S]*?)<\/ul>/);
  assert.ok(nav, 'the page has a staff menu');
  return [...nav[1].matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => ({ href: m[1], label: m[2] }));
}

// Every page a menu could link to, by its label.
const pages = {
  Queue: '/staff/queue', Entries: '/staff/entries', 'Out of date': '/staff/stale',
  'New organization': '/staff/org/new', Partnerships: '/partnerships', Import: '/import',
  'Your account': '/staff/account',
  Accounts: '/staff/accounts', 'Audit log': '/staff/audit', Mail: '/staff/mail', Backups: '/staff/backups',
};
const expected = {
  board: ['Queue', 'Entries', 'Out of date', 'Partnerships'],
  staff: ['Queue', 'Entries', 'Out of date', 'New organization', 'Partnerships', 'Import', 'Your account'],
  admin: Object.keys(pages),
};

for (const role of ['board', 'staff', 'admin']) {
  test(`the ${role} menu links only to pages the ${role} role may open`, async () => {
    const v = await signedIn(role);
    // The same menu on every page it appears on: the queue, and a page of another program.
    const items = menu((await v.get('/staff/queue')).text);
    assert.deepEqual(menu((await v.get('/partnerships')).text), items);
    assert.deepEqual(items.map((i) => i.label), expected[role]);
    for (const { href, label } of items) {
      assert.equal(href, pages[label], `${label} links to its page`);
      const r = await v.get(href);
      assert.equal(r.status, 200, `${role}: ${label} (${href}) answers ${r.status}`);
    }
    // What is left out is exactly what the routes refuse this role.
    for (const [label, href] of Object.entries(pages))
      if (!expected[role].includes(label))
        assert.equal((await v.get(href)).status, 403, `${role}: ${href} is refused, and not offered`);
  });
}
