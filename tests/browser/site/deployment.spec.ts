/**
 * The site as the deployment guide serves it: the browser tests run against a real nginx with
 * docs/deploiement/nginx.conf (scripts/tooling/nginx-preview.ts). Here, what the other tests do not look
 * at: the headers (the strict Content-Security-Policy first), cache lifetimes, compression, MIME
 * types, the error pages (each error provoked, inside the site and outside it), redirects, byte
 * ranges, the data files and their CORS header; and that a CSP violation is indeed seen.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { errorPage, ERROR_PAGES, type ErrorCode } from '../../../src/lib/error-pages.ts';
import { NGINX_HEADERS } from '../../deployment-config.ts';
import { BASE, searchRecords } from '../../site.ts';
import { watchCsp } from '../csp.ts';
import { expect, test } from '../fixtures.ts';
import { SITE } from '../served.ts';

/** The site built from content/, whatever it holds: nothing here names its content. */
const DIST = SITE.dist;

/** The policy the issue asks for, at the least (a stricter one passes). */
const REQUIRED_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The value of a header as the guide's configuration sets it. */
function guideHeader(name: string): string {
  const value = NGINX_HEADERS.get(name.toLowerCase());
  if (!value) throw new Error(`docs/deploiement/nginx.conf ne définit pas l'en-tête ${name}`);
  return value;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const anyFile = (folder: string, end: string) => readdirSync(join(DIST, folder)).find((f) => f.endsWith(end))!;

test('the policy of the guide is the strict one, and nginx sends it with the other security headers', async ({ request }) => {
  const policy = directives(guideHeader('Content-Security-Policy'));
  for (const [name, sources] of Object.entries(REQUIRED_CSP)) expect(policy.get(name), name).toEqual(sources);
  expect(guideHeader('Content-Security-Policy')).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);

  for (const path of ['', 'recherche/', 'nexiste-pas/', `_astro/${anyFile('_astro', '.css')}`, 'donnees/actions.csv']) {
    const response = await request.get(`${BASE}${path}`);
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toBe(guideHeader('Content-Security-Policy'));
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['referrer-policy'], path).toBe('same-origin');
    expect(headers['permissions-policy'], path).toBe(guideHeader('Permissions-Policy'));
    expect(headers['server'], path).toBe('nginx'); // no version
  }
});

/** The feed, when the build had SITE_URL (without it the site has none: src/integration/site-build.ts). */
const FEED = existsSync(join(DIST, 'fil.xml')) ? ['fil.xml'] : [];

test('hashed files are cached for a year, pages and entry points are checked again on each visit', async ({ request }) => {
  const cache = async (path: string) => (await request.get(`${BASE}${path}`)).headers()['cache-control'];
  const immutable = 'public, max-age=31536000, immutable';
  expect(await cache(`_astro/${anyFile('_astro', '.js')}`)).toBe(immutable);
  expect(await cache(`_astro/${anyFile('_astro', '.css')}`)).toBe(immutable);
  expect(await cache(`pagefind/index/${anyFile('pagefind/index', '.pf_index')}`)).toBe(immutable);
  expect(await cache(`pagefind/fragment/${anyFile('pagefind/fragment', '.pf_fragment')}`)).toBe(immutable);
  expect(await cache(`pagefind/${anyFile('pagefind', '.pf_meta')}`)).toBe(immutable);
  for (const path of ['', 'actions/', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'donnees/actions.json', ...FEED]) {
    expect(await cache(path), path).toBe('no-cache');
  }
});

test('MIME types and compression: text is compressed, Pagefind’s files are sent as they are', async ({ request }) => {
  const expectations: [string, string, boolean][] = [
    ['', 'text/html; charset=utf-8', true],
    [`_astro/${anyFile('_astro', '.css')}`, 'text/css; charset=utf-8', true],
    [`_astro/${anyFile('_astro', '.js')}`, 'application/javascript; charset=utf-8', true],
    ['pagefind/pagefind.js', 'application/javascript; charset=utf-8', true],
    ['pagefind/pagefind-entry.json', 'application/json; charset=utf-8', false], // under gzip_min_length
    [`pagefind/${anyFile('pagefind', '.pagefind')}`, 'application/octet-stream', false],
    [`pagefind/index/${anyFile('pagefind/index', '.pf_index')}`, 'application/octet-stream', false],
    [`pagefind/fragment/${anyFile('pagefind/fragment', '.pf_fragment')}`, 'application/octet-stream', false],
    ['favicon.svg', 'image/svg+xml; charset=utf-8', false],
    ...FEED.map((path): [string, string, boolean] => [path, 'text/xml; charset=utf-8', true]),
  ];
  for (const [path, type, compressed] of expectations) {
    const response = await request.get(`${BASE}${path}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toBe(type);
    if (compressed) expect(response.headers()['content-encoding'], path).toBe('gzip');
    if (!type.startsWith('application/octet-stream')) continue;
    expect(response.headers()['content-encoding'], path).toBeUndefined();
  }
});

test('every data file is served whole, with its type', async ({ request }) => {
  const files = readdirSync(join(DIST, 'donnees'));
  expect(files.some((f) => f.endsWith('.csv'))).toBe(true);
  for (const file of files) {
    const response = await request.get(`${BASE}donnees/${file}`, { headers: { 'accept-encoding': 'identity' } });
    expect(response.status(), file).toBe(200);
    const type = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' }[file.split('.').pop()!];
    if (type) expect(response.headers()['content-type'], file).toBe(type);
    expect((await response.body()).length, file).toBe(statSync(join(DIST, 'donnees', file)).size);
  }
});

test('an unknown address gets the site’s 404 page with status 404, a folder without its slash a relative redirect', async ({
  page,
  request,
}) => {
  for (const path of ['nexiste-pas/', 'actions/nexiste-pas.html']) {
    const response = await page.goto(`${BASE}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  }
  // Its links and styles work from any depth: they are absolute under the sub-path.
  await expect(page.getByRole('link', { name: 'revenir à l’accueil' })).toHaveAttribute('href', BASE);
  const redirect = await request.get(`${BASE}actions`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(301);
  expect(redirect.headers()['location']).toBe(`${BASE}actions/`);
  // The site's own address without its final slash, as typed.
  if (BASE !== '/') {
    const root = await request.get(BASE.slice(0, -1), { maxRedirects: 0 });
    expect(root.status()).toBe(301);
    expect(root.headers()['location']).toBe(BASE);
  }
});

const PORT = SITE.port;

/** nginx's answer to a request sent byte for byte, as no HTTP client would send it. */
interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `request` as it is on a socket of its own and reads the answer until nginx closes it. */
function raw(request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(PORT, '127.0.0.1', () => socket.write(request));
    socket.setTimeout(10_000, () => socket.destroy(new Error(`pas de réponse de nginx à ${JSON.stringify(request.slice(0, 60))}`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...body] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body.join('\r\n\r\n') });
    });
  });
}

/** A well-formed request line and headers for `path`, the connection closed after the answer. */
const request = (method: string, path: string) => `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`;

/**
 * Every error nginx answers with, provoked: each gets the site's page for its code, in French,
 * with that status and the security headers, inside the site and outside its sub-path. A 500 is
 * not something a static site can be made to give from outside: the preview adds, for the tests
 * only, an address that answers 500 (scripts/tooling/nginx-preview.ts --essais), under the same
 * server-level error pages. A 403 on a file nginx may not read cannot be provoked here (the tests
 * run nginx as root, which reads everything): the folder without a page gives the same 403.
 */
const PROVOKED: [string, string, ErrorCode][] = [
  ['requête sans en-tête Host', `GET ${BASE} HTTP/1.1\r\nConnection: close\r\n\r\n`, 400],
  ['ligne de requête mal formée', 'N’IMPORTE QUOI\r\n\r\n', 400],
  ['octet nul dans l’adresse', request('GET', `${BASE}%00`), 400],
  ['dossier sans page', request('GET', `${BASE}_astro/`), 403],
  ['hors du site', request('GET', '/'), 404],
  ['hors du site, plus loin', request('GET', '/autre/chemin.html'), 404],
  ['DELETE', request('DELETE', BASE), 405],
  ['POST sur un fichier de données', request('POST', `${BASE}donnees/actions.csv`), 405],
  ['TRACE hors du site', request('TRACE', '/'), 405],
  ['adresse de 10 000 caractères', request('GET', `${BASE}${'a'.repeat(10_000)}`), 414],
  ['adresse trop longue hors du site', request('GET', `/${'a'.repeat(10_000)}`), 414],
  ['erreur du serveur (adresse d’essai)', request('GET', `${BASE}__essais__/500`), 500],
];

test('each error nginx answers gets the site’s own French page, with its status, inside the site and outside it', async () => {
  // Every page of the list is provoked at least once.
  expect(new Set(PROVOKED.map(([, , code]) => code))).toEqual(new Set(ERROR_PAGES.map((e) => e.code)));
  for (const [what, text, code] of PROVOKED) {
    const answer = await raw(text);
    expect(answer.status, what).toBe(code);
    expect(answer.headers['content-type'], what).toBe('text/html; charset=utf-8');
    expect(answer.body, what).toContain(`<h1>${errorPage(code).title}</h1>`);
    expect(answer.body, what).toContain(`Code de la réponse du serveur : ${code}.`);
    expect(answer.headers['content-security-policy'], what).toBe(guideHeader('Content-Security-Policy'));
  }
});

test('an error page shown at a deeper address still has its styles and links', async ({ page }) => {
  for (const [path, code] of [
    ['_astro/', 403],
    [`${'a'.repeat(10_000)}/b/c`, 414],
    ['__essais__/500', 500],
  ] as const) {
    const response = await page.goto(`${BASE}${path}`);
    expect(response?.status(), path.slice(0, 20)).toBe(code);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(errorPage(code).title);
    await expect(page.getByRole('link', { name: 'revenir à l’accueil' })).toHaveAttribute('href', BASE);
    // The site's style sheet applies (its body margin is not the browser's 8 px).
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).not.toBe('8px');
  }
});

test('one byte range per request: many ranges get the whole file (or 416), never a multipart answer; one range still resumes', async ({
  request: client,
}) => {
  const file = 'donnees/actions.csv';
  const bytes = readFileSync(join(DIST, file));
  const get = (range: string) => client.get(`${BASE}${file}`, { headers: { range: `bytes=${range}`, 'accept-encoding': 'identity' } });
  const many = [
    Array.from({ length: 200 }, (_, i) => `${i * 10}-${i * 10 + 5}`).join(','),
    Array.from({ length: 200 }, () => '0-').join(','),
    '0-9,20-29',
  ];
  for (const range of many) {
    const response = await get(range);
    expect([200, 416], range.slice(0, 20)).toContain(response.status());
    expect(response.headers()['content-type'], range.slice(0, 20)).not.toMatch(/multipart/);
    if (response.status() === 200) expect((await response.body()).equals(bytes), range.slice(0, 20)).toBe(true);
  }
  const one = await get('100-199');
  expect(one.status()).toBe(206);
  expect(one.headers()['content-range']).toBe(`bytes 100-199/${bytes.length}`);
  expect((await one.body()).equals(bytes.subarray(100, 200))).toBe(true);
});

test('the data files can be read by another site’s application (CORS), and nothing else', async ({ request: client, browser }) => {
  const files = readdirSync(join(DIST, 'donnees')).filter((f) => !f.endsWith('.html'));
  expect(files.length).toBeGreaterThan(5);
  for (const file of files) {
    const response = await client.get(`${BASE}donnees/${file}`);
    expect(response.headers()['access-control-allow-origin'], file).toBe('*');
  }
  for (const path of ['', 'donnees/', 'fil.xml', `_astro/${anyFile('_astro', '.css')}`, 'nexiste-pas/', 'donnees/nexiste-pas.csv']) {
    expect((await client.get(`${BASE}${path}`)).headers()['access-control-allow-origin'], path).toBeUndefined();
  }
  // From a page of another origin, as another site's script would read them: a page served by a
  // server of its own on another port (on the loopback too, where Chromium lets a page reach the
  // loopback; a page Playwright made up would count as a public one).
  const otherSite = createServer((_, response) => response.end('<!doctype html><html lang="fr"><title>Autre site</title></html>'));
  await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${(otherSite.address() as AddressInfo).port}/`);
    const read = (url: string) =>
      page.evaluate(async (u) => {
        try {
          return (await (await fetch(u)).arrayBuffer()).byteLength;
        } catch (error) {
          return String(error);
        }
      }, url);
    const data = `http://127.0.0.1:${PORT}${BASE}donnees/actions.json`;
    expect(await read(data)).toBe(statSync(join(DIST, 'donnees/actions.json')).size);
    // Self-test: a page of the site, without the header, stays unreadable from there.
    expect(await read(`http://127.0.0.1:${PORT}${BASE}`)).toMatch(/TypeError/);
  } finally {
    await page.close();
    otherSite.close();
  }
});

test('the CSP check sees a violation: an inline script and an inline style are refused and reported', async ({ browser }) => {
  const page = await browser.newPage();
  const csp = await watchCsp(page);
  await page.goto(BASE);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true;';
    document.head.append(script);
    document.body.setAttribute('style', 'outline: 3px solid red');
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as { inlineRan?: boolean }).inlineRan ?? false;
  });
  expect(ran, 'le script en ligne ne doit pas avoir été exécuté').toBe(false);
  await expect.poll(() => csp.violations.length).toBeGreaterThanOrEqual(2);
  // Pagefind's own warning when its worker is refused counts too (the worker's errors do not reach the page).
  await page.evaluate(() => console.warn('The Pagefind web worker encountered an error, falling back to main thread:'));
  await expect.poll(() => csp.violations.length).toBeGreaterThanOrEqual(3);
  // A refusal a script of the site catches and hides (a library probing whether it may evaluate
  // code) is seen too. The probe is served as a file of the site (the policy allows 'self'); code
  // run by page.evaluate would not do, since what Playwright runs is exempt from the policy.
  await page.route('**/sonde-eval.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: "try { Function(''); } catch { /* refusé */ }" }),
  );
  await page.evaluate((src) => {
    const probe = document.createElement('script');
    probe.src = src;
    document.head.append(probe);
  }, `${BASE}sonde-eval.js`);
  await expect.poll(() => csp.violations.join('\n')).toMatch(/script-src eval/);
  expect(csp.stop().join('\n')).toMatch(/script-src[\s\S]*falling back to main thread/);
  await page.close();
});

test('the theme applies before first paint: a classic script of the site’s own, first in <head>', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
  // Seen when the parser adds <body>, before anything of the page is painted: the attribute must
  // already be there (the theme chooser's module, which also sets it, runs only once the page is parsed).
  await page.addInitScript(() => {
    new MutationObserver((records, observer) => {
      if (!records.some((r) => [...r.addedNodes].some((n) => n.nodeName === 'BODY'))) return;
      (window as { themeAtBody?: string | null }).themeAtBody = document.documentElement.getAttribute('data-theme');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(BASE);
  expect(await page.evaluate(() => (window as { themeAtBody?: string | null }).themeAtBody)).toBe('dark');
  const script = page.locator('head script').first();
  await expect(script).toHaveAttribute('src', new RegExp(`^${BASE}_astro/theme-head\\.[\\w-]+\\.js$`));
  expect(await script.evaluate((s: HTMLScriptElement) => s.async || s.defer || s.type === 'module')).toBe(false);
});

/** A word the search index holds, whatever the content: the longest of the first record's title. */
function indexedWord(): string {
  const title = searchRecords(DIST)[0]?.meta['title'] ?? '';
  const words = title.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length);
  if (!words[0]) throw new Error(`L’index de recherche de ${DIST} n’a pas d’enregistrement titré.`);
  return words[0];
}

test('search runs in Pagefind’s web worker under the policy, with its WebAssembly', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(`${BASE}recherche/?q=${encodeURIComponent(indexedWord())}`);
  await expect(page.getByRole('status')).toHaveText(/^\d+ résultats? pour/, { timeout: 30_000 });
  expect(loaded).toContain(`${BASE}pagefind/pagefind-worker.js`);
  expect(loaded.some((p) => /\/pagefind\/wasm\.\w+\.pagefind$/.test(p))).toBe(true);
  // A refused worker would make Pagefind fall back to the page, with a warning the fixture reports.
});
