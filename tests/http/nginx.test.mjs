// nginx.test.mjs - the pages nginx answers with by itself (conf/errorpages.sh, served through
// conf/nginx/common.conf) look like the site's own: the same frame as a program's error page
// (templates/layout.tpl), so a visitor cannot tell who answered. Their status codes, lengths
// and headers through both nginx configurations are checked by tests/serve.sh and
// tests/install.sh; valid.test.mjs runs them through the Nu HTML Checker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { get, ERROR_DIR } from './helpers.mjs';

// The page without what differs between two error pages: the title and the main content.
const frame = (html) => html.replace(/<title>[^<]*<\/title>/, '<title/>').replace(/<main id="main">[\s\S]*<\/main>/, '<main/>');

test("nginx's own 404 has the frame of a program's 404", async () => {
  const program = await get('/list/999999');
  const nginx = await get('/no-such-address');
  assert.equal(program.status, 404);
  assert.equal(nginx.status, 404);
  assert.match(program.text, /No organization with that number/);
  assert.match(nginx.text, /There is no page at this address/);
  assert.equal(frame(nginx.text), frame(program.text));
  assert.equal(nginx.headers.get('content-type'), 'text/html');
});

test("every page nginx may answer with has the site's frame, its status and a way back", async () => {
  const program = frame((await get('/list/999999')).text);
  const files = readdirSync(ERROR_DIR).sort();
  assert.deepEqual(files, ['400', '404', '413', '414', '421', '500', '502', '503', '504'].map((c) => `${c}.html`));
  for (const file of files) {
    const html = readFileSync(`${ERROR_DIR}/${file}`, 'utf8');
    assert.equal(frame(html), program, file);
    assert.match(html, new RegExp(`<p class="status-code">HTTP status ${file.slice(0, 3)}</p>`), file);
    assert.match(html, /<p><a href="\/list">Go to the directory<\/a><\/p>/, file);
  }
});

test('a long address gets the 414 page through nginx', async () => {
  const r = await get(`/list?q=${'a'.repeat(70000)}`);
  assert.equal(r.status, 414);
  assert.match(r.text, /<h1>URI Too Long<\/h1>/);
  assert.equal(frame(r.text), frame((await get('/list/999999')).text));
});
