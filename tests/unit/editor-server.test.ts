/**
 * The form editor's local server (scripts/editor/server.ts) against a hostile page open in the
 * same browser (issue 19): nothing remote in the served CMS; only files of npm packages, inside
 * node_modules, are served; a path is decoded once and refused with any `.`/`..` segment, `%`,
 * backslash or invisible character; only its own address in the Host header is answered (DNS
 * rebinding); every answer carries the headers that forbid framing and reading from another
 * origin; a malformed request or a failing handler gets a short French error and the server goes
 * on. The attacks are sent byte for byte through `node:net`, so that no client normalises them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COLLECTIONS } from '../../src/model/collections.ts';
import {
  CMS_DIR,
  CONTENT_SECURITY_POLICY,
  ERROR_TEXTS,
  SECURITY_HEADERS,
  answerErrors,
  isOwnHost,
  isPackageName,
  localBundle,
  packageFile,
  requestPath,
} from '../../scripts/editor/server.ts';
import { get, listeningEditor, rawRequest, type RawAnswer } from '../editor-server.ts';
import { tempDir } from '../temp-dir.ts';

function assertSecurityHeaders(answer: RawAnswer, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    assert.equal(answer.headers.get(name.toLowerCase()), value, `${what} : en-tête ${name}`);
  }
}

// What the attacks aim at: the project's package.json, its git configuration (a folder in a clone,
// a file in a worktree), /etc/passwd. A body holding one of these marks leaked the file.
const projectName = (JSON.parse(readFileSync('package.json', 'utf8')) as { name: string }).name;
const SECRETS = [`"name": "${projectName}"`, '[core]', 'gitdir:', 'root:x:0:0', 'collections:'];
const leaks = (body: string) => SECRETS.filter((s) => body.includes(s));

const editor = listeningEditor();

test('the served CMS has no remote font, string or library address left', () => {
  const { code, remote } = localBundle(readFileSync(join(CMS_DIR, 'dist', 'sveltia-cms.js'), 'utf8'));
  assert.deepEqual(remote, []);
  assert.doesNotMatch(code, /https:\/\/(cdn\.jsdelivr\.net|unpkg\.com)\//);
  assert.match(code, /\/admin\/polices\/material-symbols-outlined-latin-wght-normal\.woff2/);
  // The viewport lets the page zoom (WCAG 1.4.4): the bundle's maximum-scale=1 is taken out.
  assert.doesNotMatch(code, /maximum-scale/);
  // Self-test: a font that has no local copy is reported.
  assert.deepEqual(localBundle('url(https://cdn.jsdelivr.net/fontsource/fonts/inconnue@1.0.0/latin-400-normal.woff2)', new Map()).remote, [
    'https://cdn.jsdelivr.net/fontsource/fonts/inconnue@1.0.0/latin-400-normal.woff2',
  ]);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /https?:|\*/);
  assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
});

test('package names follow npm’s rules: no dot segment, no upper case, no escape', () => {
  for (const name of ['turndown', 'terra-draw-leaflet-adapter', '@sveltia/cms', '@shikijs/langs', 'a.b', 'exifr']) {
    assert.ok(isPackageName(name), name);
  }
  for (const name of [
    '..',
    '.',
    '.bin',
    '_private',
    '@sveltia/..',
    '@../cms',
    '@sveltia/.',
    'a..b',
    'Turndown',
    'turndown%2e',
    'a b',
    'a\\b',
  ]) {
    assert.ok(!isPackageName(name), name);
  }
  for (const name of ['node_modules', 'favicon.ico', 'a'.repeat(215), '', '@sveltia/', '@/cms', 'a/b/c']) {
    assert.ok(!isPackageName(name), name);
  }
});

test('packageFile serves files of installed packages and nothing outside them', () => {
  // The requests the bundle makes, and their answers.
  assert.ok(packageFile('@sveltia/cms@0.221.1/locales/fr.json')?.endsWith(join('locales', 'fr.json')));
  assert.ok(packageFile('turndown@7.2.4/lib/turndown.browser.es.js'));
  assert.ok(packageFile('turndown/lib/turndown.browser.es'), 'extension .js added');
  for (const attack of [
    '../package.json',
    '../.git/config',
    '..',
    '../../.git/config',
    './package.json',
    '@sveltia/../../package.json',
    '@sveltia/cms/../../../package.json',
    'turndown@7.2.4/../../../package.json',
    'turndown/lib/../../../package.json',
    'turndown/./package.json',
    'turndown/lib//turndown.browser.es.js',
    'turndown\\..\\..\\package.json',
    'turndown/..\\..\\package.json',
    'turndown/package.json\0',
    'turndown/%2e%2e/%2e%2e/package.json',
    'turndown@../lib/turndown.browser.es.js',
    'turndown/.package-lock.json',
    '.package-lock.json/x',
    '.bin/astro',
    'Turndown/package.json',
    '/etc/passwd',
    'turndown//etc/passwd',
  ]) {
    assert.equal(packageFile(attack), undefined, attack);
  }
});

test('packageFile follows symlinks and refuses those that lead out of node_modules or out of the package', () => {
  const root = tempDir('editeur-lien-');
  try {
    const nodeModules = join(root, 'node_modules');
    mkdirSync(join(nodeModules, 'paquet'), { recursive: true });
    mkdirSync(join(root, 'dehors'));
    writeFileSync(join(root, 'dehors', 'secret.js'), 'secret');
    writeFileSync(join(nodeModules, 'paquet', 'ok.js'), 'ok');
    writeFileSync(join(nodeModules, 'voisin.js'), 'voisin');
    symlinkSync(join(root, 'dehors', 'secret.js'), join(nodeModules, 'paquet', 'secret.js'));
    symlinkSync(join(nodeModules, 'voisin.js'), join(nodeModules, 'paquet', 'voisin.js'));
    symlinkSync(join(root, 'dehors'), join(nodeModules, 'lien'));
    symlinkSync(join(nodeModules, 'paquet'), join(nodeModules, 'alias'));
    // Self-test: the same lookups find a file that stays inside, through a symlinked package too.
    assert.equal(packageFile('paquet/ok.js', nodeModules), join(nodeModules, 'paquet', 'ok.js'));
    assert.equal(packageFile('alias/ok', nodeModules), join(nodeModules, 'paquet', 'ok.js'));
    assert.equal(packageFile('paquet/secret.js', nodeModules), undefined, 'a file symlinked out of node_modules');
    assert.equal(packageFile('lien/secret.js', nodeModules), undefined, 'a package symlinked out of node_modules');
    assert.equal(packageFile('paquet/voisin.js', nodeModules), undefined, 'a file symlinked out of its package');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a request path is decoded exactly once; dot segments, escapes left, backslash and controls are refused', () => {
  assert.equal(requestPath('/admin/'), '/admin/');
  assert.equal(requestPath('/admin/paquets/@jsquash/avif/encode.js?module'), '/admin/paquets/@jsquash/avif/encode.js');
  assert.equal(requestPath('/admin/paquets/@sveltia%2fcms/locales/fr.json'), '/admin/paquets/@sveltia/cms/locales/fr.json');
  assert.equal(requestPath('/admin/caf%C3%A9#x'), '/admin/café');
  assert.equal(requestPath('/admin/a..b/'), '/admin/a..b/', 'two dots inside a name are no segment');
  for (const attack of [
    '/admin/%E0%A4%A',
    '/admin/%',
    '/admin/%zz',
    '/admin/paquets/../../package.json',
    '/admin/paquets/..%2f.git%2fconfig',
    '/admin/paquets/%2e%2e/%2e%2e/package.json',
    '/admin/paquets/%2E%2E%2Fpackage.json',
    '/admin/paquets/.%2fturndown/lib/x.js',
    '/admin/paquets/..%252fpackage.json',
    '/admin/paquets/%252e%252e%252fpackage.json',
    '/admin/paquets/..%5cpackage.json',
    '/admin/paquets/turndown%00/x.js',
    '/admin/paquets/turndown%0b/x.js',
    '/admin/paquets/turndown%E2%80%AE/x.js',
    '/admin/paquets/%ED%A0%80',
    'http://evil.test/admin/',
    '*',
    '',
  ]) {
    assert.equal(requestPath(attack), undefined, attack);
  }
});

test('only the server’s own address is accepted in the Host header', () => {
  assert.ok(isOwnHost('127.0.0.1:4330', 4330));
  assert.ok(isOwnHost('localhost:4330', 4330));
  assert.ok(isOwnHost('LocalHost:4330', 4330));
  assert.ok(isOwnHost('127.0.0.1', 80));
  for (const host of [undefined, '', 'evil.test:4330', '127.0.0.1:4331', '127.0.0.1', 'localhost', '127.0.0.1:4330.evil.test']) {
    assert.ok(!isOwnHost(host, 4330), String(host));
  }
  for (const host of ['user@127.0.0.1:4330', '127.0.0.1:4330 ', '[::1]:4330', '0.0.0.0:4330', '127.1:4330', 'localhost.:4330']) {
    assert.ok(!isOwnHost(host, 4330), host);
  }
});

test('an error thrown while answering gives a French 500 with the headers, and the server goes on', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const failing = createServer(
    answerErrors(
      (_request, response) => {
        calls++;
        if (calls === 1) throw new Error('ENOENT: /home/secret/fichier');
        response.end('ok');
      },
      (error) => errors.push(error),
    ),
  );
  await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
  const { port: failingPort } = failing.address() as { port: number };
  try {
    const answer = await get(failingPort, '/');
    assert.equal(answer.status, 500);
    assert.equal(answer.body, ERROR_TEXTS[500]);
    assert.doesNotMatch(answer.body, /ENOENT|secret|Error/);
    assertSecurityHeaders(answer, '500');
    assert.equal(errors.length, 1, 'the error is reported to the terminal');
    assert.equal((await get(failingPort, '/')).body, 'ok');
  } finally {
    failing.close();
  }
});

test('the running server answers its pages, always with the security headers', async () => {
  const page = await get(editor.port, '/admin/');
  assert.equal(page.status, 200);
  assertSecurityHeaders(page, '/admin/');
  assert.match(page.body, /<html lang="fr">[\s\S]*rel="cms-config-url"/);
  const config = await get(editor.port, '/admin/config.yml', `localhost:${editor.port}`);
  assert.equal(config.status, 200);
  assert.equal((parse(config.body) as { collections: unknown[] }).collections.length, Object.keys(COLLECTIONS).length);
  assert.equal((await get(editor.port, '/admin/sveltia-cms.js')).status, 200);
  assert.equal((await get(editor.port, '/admin/polices/source-sans-3-latin-wght-normal.woff2')).status, 200);
  const french = await get(editor.port, '/admin/paquets/@sveltia/cms@0.221.1/locales/fr.json');
  assert.equal(french.status, 200);
  assert.equal(french.headers.get('content-type'), 'application/json; charset=utf-8');
  const redirect = await get(editor.port, '/');
  assert.equal(redirect.status, 302);
  assert.equal(redirect.headers.get('location'), '/admin/');
  assertSecurityHeaders(redirect, '302');
  const head = await get(editor.port, '/admin/', `127.0.0.1:${editor.port}`, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  const post = await get(editor.port, '/admin/', `127.0.0.1:${editor.port}`, 'POST');
  assert.equal(post.status, 405);
  assert.equal(post.body, ERROR_TEXTS[405]);
  assertSecurityHeaders(post, '405');
  const missing = await get(editor.port, '/package.json');
  assert.equal(missing.status, 404);
  assert.equal(missing.body, ERROR_TEXTS[404]);
  assertSecurityHeaders(missing, '404');
});

test('the running server answers each attack with a 4xx and no byte of the project, then still works', async () => {
  // Self-test: the leak detector recognises the files the attacks aim at.
  assert.deepEqual(leaks(readFileSync('package.json', 'utf8')), [SECRETS[0]]);
  const git = statSync('.git').isDirectory() ? readFileSync(join('.git', 'config'), 'utf8') : readFileSync('.git', 'utf8');
  assert.notDeepEqual(leaks(git), []);
  if (existsSync('/etc/passwd')) assert.notDeepEqual(leaks(readFileSync('/etc/passwd', 'utf8')), []);

  const attacks: [string, string | null, number][] = [
    // Traversal out of /admin/paquets/: %2f, %2e%2e, double encoding, a scope, a backslash, NUL.
    ['/admin/paquets/..%2f.git%2fconfig', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/..%2f..%2f.git%2fconfig', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/..%2f.git', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/..%2fpackage.json', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/%2e%2e%2fpackage.json', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/%2e%2e/%2e%2e/%2e%2e/package.json', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/turndown/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/../../package.json', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/..%252fpackage.json', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/%252e%252e%252f%252e%252e%252fpackage.json', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/@sveltia%2f..%2f..%2fpackage.json', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/..%5c..%5cpackage.json', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/..%00%2fpackage.json', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', `127.0.0.1:${editor.port}`, 400],
    ['/admin/paquets/%2fetc%2fpasswd', `127.0.0.1:${editor.port}`, 404],
    ['http://127.0.0.1/../package.json', `127.0.0.1:${editor.port}`, 400],
    // DNS rebinding: the right path under a foreign Host, or no Host at all.
    ['/admin/config.yml', `evil.test:${editor.port}`, 421],
    ['/admin/paquets/@sveltia/cms/package.json', `evil.test:${editor.port}`, 421],
    ['/admin/config.yml', `127.0.0.1:${editor.port + 1}`, 421],
    ['/admin/config.yml', null, 421],
    // One malformed escape stopped the editor (issue 19).
    ['/admin/%E0%A4%A', `127.0.0.1:${editor.port}`, 400],
  ];
  for (const [target, host, status] of attacks) {
    const what = `${target} (Host ${host ?? 'absent'})`;
    const answer = await get(editor.port, target, host);
    assert.equal(answer.status, status, what);
    assert.deepEqual(leaks(answer.body), [], what);
    assert.equal(answer.body, ERROR_TEXTS[status as keyof typeof ERROR_TEXTS].replace('{port}', String(editor.port)), what);
    assertSecurityHeaders(answer, what);
  }
  // The foreign Host is told the editor's own address, in French.
  assert.match(
    (await get(editor.port, '/admin/', `evil.test:${editor.port}`)).body,
    new RegExp(`^Adresse refusée : ouvrez l’éditeur par http://127\\.0\\.0\\.1:${editor.port}/admin/`),
  );
  // HTTP/1.0 without Host, then requests Node cannot parse: a 400 with the headers, connection closed.
  assert.equal((await rawRequest(editor.port, 'GET /admin/config.yml HTTP/1.0\r\n\r\n')).status, 421);
  for (const garbage of [
    Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a]),
    'GET /admin/ HTTP/1.1\r\nHost: 127.0.0.1\r\nEn-tête sans deux-points\r\n\r\n',
    'GET /admin/\0 HTTP/1.1\r\n\r\n',
    'GET /admin/ HTTP/9.9\r\n\r\n',
    `GET /admin/ HTTP/1.1\r\nHost: 127.0.0.1:${editor.port}\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`,
  ]) {
    const answer = await rawRequest(editor.port, garbage);
    assert.equal(answer.status, 400, JSON.stringify(String(garbage)));
    assert.equal(answer.body, ERROR_TEXTS[400]);
    assertSecurityHeaders(answer, 'requête illisible');
  }
  // Still running: the admin page is served after all of the above.
  const page = await get(editor.port, '/admin/');
  assert.equal(page.status, 200);
  assert.match(page.body, /rel="cms-config-url"/);
  // Self-test: the same detector sees the editor's configuration when it is served.
  assert.deepEqual(leaks((await get(editor.port, '/admin/config.yml')).body), ['collections:']);
});
