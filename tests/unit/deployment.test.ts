/**
 * The deployment configurations of the guide (docs/deploiement/): the nginx one is served for real
 * by the browser tests (scripts/tooling/nginx-preview.ts, tests/browser/site/deployment.spec.ts); here, that
 * the preview changes only what it says it changes, that the nginx one keeps its headers and error
 * pages at server level (a location with its own add_header or error_page would drop them all),
 * and that the Apache one, which no test serves, sends the same headers, error pages, range limit
 * and CORS header as the tested nginx one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GUIDE_BASE, siteConfig } from '../../scripts/tooling/nginx-preview.ts';
import { ERROR_PAGES } from '../../src/lib/error-pages.ts';
import { paths } from '../../src/lib/paths.ts';
import { APACHE_GUIDE as apache, APACHE_HEADERS, NGINX_GUIDE as nginx, NGINX_HEADERS, nginxStatements } from '../deployment-config.ts';

test('the preview serves the guide’s configuration with only the port, the folder, the name and the sub-path changed', () => {
  const config = siteConfig(nginx, { port: 4999, dist: '/tmp/site', base: '/autre/chemin/' });
  assert.match(config, /^\s*listen 127\.0\.0\.1:4999;$/m);
  assert.doesNotMatch(config, /listen (\[::\]:)?80;/);
  assert.match(config, /alias \/tmp\/site\/;/);
  assert.match(config, /location \/autre\/chemin\/ \{/);
  assert.match(config, /error_page 404 \/autre\/chemin\/404\.html;/);
  assert.doesNotMatch(config, /intranet\/handicap/);
  assert.match(config, /location = \/autre\/chemin \{ return 301 \/autre\/chemin\/; \}/);
  // At the root of a host, the lines the guide marks go: no redirection of a sub-path without its
  // slash, no answer outside the site (the site is the whole host), one location for "/".
  const atRoot = siteConfig(nginx, { port: 4999, dist: '/tmp/site', base: '/' });
  assert.doesNotMatch(atRoot, /location = /);
  assert.equal(atRoot.match(/location \/ \{/g)?.length, 1);
  assert.match(atRoot, /location \/ \{\n\s*alias \/tmp\/site\/;/);
  assert.match(config, /location \/ \{ return 404; \}/);
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

/** Where a configuration sends the page of an error: the site's page for that code, under the guide's sub-path. */
const errorTarget = (code: number) => `${GUIDE_BASE}${code === 404 ? '404.html' : `${paths.errorPage(code)}index.html`}`;

test('the nginx statements are read with their blocks, quoted ";" and "#" included (self-test)', () => {
  const statements = nginxStatements(
    'map $uri $x { default ""; }\nserver {\n  add_header A "a; b # c" always; # note ; {\n  location / { error_page 404 /e.html; }\n}\n',
  );
  assert.deepEqual(statements, [
    { blocks: ['map $uri $x'], text: 'default ""' },
    { blocks: ['server'], text: 'add_header A "a; b # c" always' },
    { blocks: ['server', 'location /'], text: 'error_page 404 /e.html' },
  ]);
});

test('nginx: headers, error pages and the range limit at server level, none of them in a location', () => {
  const statements = nginxStatements(nginx);
  const server = statements.filter((s) => s.blocks.join('|') === 'server').map((s) => s.text);
  // A location with one add_header or error_page of its own would lose every one of the server's.
  const inLocation = statements.filter((s) => s.blocks.some((b) => b.startsWith('location')) && /^(add_header|error_page)\b/.test(s.text));
  assert.deepEqual(inLocation, []);
  assert.ok(server.filter((s) => s.startsWith('add_header')).length >= 9);
  // Every error of the list, and only those, to the site's own page, with the error's status.
  assert.deepEqual(
    server.filter((s) => s.startsWith('error_page')),
    ERROR_PAGES.map((e) => `error_page ${e.code} ${errorTarget(e.code)}`),
  );
  assert.ok(server.includes('max_ranges 1'));
  // Outside the site, the site's 404 page rather than whatever the server's default root holds.
  assert.ok(statements.some((s) => s.blocks.join('|') === 'server|location /' && s.text === 'return 404'));
});

/** The data files and other addresses, as nginx sees them (the guide's sub-path). */
const DATA_FILES = [
  paths.exportCsv(),
  paths.exportJson(),
  paths.followUpCsv(),
  paths.itemsJson(),
  paths.dataSchema('actions'),
  paths.dataPackage(),
];
const NOT_DATA = [
  paths.openData(),
  `${paths.openData()}index.html`,
  paths.home(),
  'index.html',
  paths.feed(),
  `${paths.search()}index.html`,
];

test('nginx sends Access-Control-Allow-Origin: * on the data files only', () => {
  const statements = nginxStatements(nginx);
  const server = statements.filter((s) => s.blocks.join('|') === 'server').map((s) => s.text);
  assert.ok(server.includes('add_header Access-Control-Allow-Origin $handicap_cors always'));
  const map = statements.filter((s) => s.blocks.join('|') === 'map $uri $handicap_cors').map((s) => s.text);
  assert.equal(map.length, 2, map.join(' / '));
  assert.equal(map[1], 'default ""');
  const [, pattern, value] = /^~(\S+) "(.*)"$/.exec(map[0]!) ?? [];
  assert.equal(value, '*');
  const regex = new RegExp(pattern!);
  for (const path of DATA_FILES) assert.ok(regex.test(`${GUIDE_BASE}${path}`), path);
  for (const path of NOT_DATA) assert.ok(!regex.test(`${GUIDE_BASE}${path}`), path);
});

test('Apache has the same error pages, range limit and CORS header as nginx', () => {
  const documents = [...apache.matchAll(/^\s*ErrorDocument (\d+) (\S+)$/gm)].map((m) => [Number(m[1]), m[2]]);
  assert.deepEqual(
    documents,
    ERROR_PAGES.map((e) => [e.code, errorTarget(e.code)]),
  );
  assert.match(apache, /^\s*MaxRanges 1$/m);
  const section =
    /<Directory \/var\/www\/handicap\/donnees>\s*<FilesMatch "([^"]+)">\s*Header always set Access-Control-Allow-Origin "\*"\s*<\/FilesMatch>\s*<\/Directory>/.exec(
      apache,
    );
  assert.ok(section, 'en-tête CORS dans <Directory …/donnees>');
  const files = new RegExp(section[1]!);
  for (const path of DATA_FILES) assert.ok(files.test(path.split('/').pop()!), path);
  assert.ok(!files.test('index.html'));
  assert.equal(APACHE_HEADERS.get('access-control-allow-origin'), '*');
});
