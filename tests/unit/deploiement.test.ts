/**
 * The deployment configurations of the guide (docs/deploiement/): the nginx one is served for real
 * by the browser tests (scripts/nginx-preview.ts, tests/browser/deploiement.spec.ts); here, that
 * the preview changes only what it says it changes, and that the Apache one, which no test serves,
 * sends the same headers as the tested nginx one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteConfig } from '../../scripts/nginx-preview.ts';
import { APACHE_HEADERS, NGINX_GUIDE as nginx, NGINX_HEADERS } from '../deploiement-config.ts';

test('the preview serves the guide’s configuration with only the port, the folder, the name and the sub-path changed', () => {
  const config = siteConfig(nginx, { port: 4999, dist: '/tmp/site', base: '/autre/chemin/' });
  assert.match(config, /^\s*listen 127\.0\.0\.1:4999;$/m);
  assert.doesNotMatch(config, /listen (\[::\]:)?80;/);
  assert.match(config, /alias \/tmp\/site\/;/);
  assert.match(config, /location \/autre\/chemin\/ \{/);
  assert.match(config, /error_page 404 \/autre\/chemin\/404\.html;/);
  assert.doesNotMatch(config, /intranet\/handicap/);
  assert.match(config, /location = \/autre\/chemin \{ return 301 \/autre\/chemin\/; \}/);
  // At the root of a host, no redirection of a sub-path without its slash is left.
  const atRoot = siteConfig(nginx, { port: 4999, dist: '/tmp/site', base: '/' });
  assert.doesNotMatch(atRoot, /location = /);
  assert.match(atRoot, /location \/ \{/);
  // Every directive of the guide is still there, in the same order.
  const directives = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !/^(listen|server_name|alias)\b/.test(l))
      .map((l) => l.replaceAll('/intranet/handicap', '/autre/chemin'));
  assert.deepEqual(directives(config), directives(nginx));
});

test('a guide that no longer holds what the preview replaces is refused, in French (self-test)', () => {
  assert.throws(
    () => siteConfig(nginx.replace('listen 80;', 'listen 8080;'), { port: 1, dist: '/d', base: '/' }),
    /docs\/deploiement\/nginx\.conf : « listen 80; » devrait y figurer 1 fois \(trouvé 0 fois\)/,
  );
  assert.throws(() => siteConfig(`${nginx}\n# alias /var/www/handicap/;`, { port: 1, dist: '/d', base: '/' }), /trouvé 2 fois/);
});

test('Apache sends the same security headers as the tested nginx configuration', () => {
  assert.ok(NGINX_HEADERS.has('content-security-policy'));
  const security = [...NGINX_HEADERS].filter(([name]) => name !== 'cache-control');
  assert.ok(security.length >= 7, `${security.length} en-têtes`);
  for (const [name, value] of security) assert.equal(APACHE_HEADERS.get(name), value, name);
  assert.equal(APACHE_HEADERS.get('cache-control'), 'public, max-age=31536000, immutable');
});
