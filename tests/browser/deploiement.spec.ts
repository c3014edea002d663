/**
 * The site as the deployment guide serves it: the browser tests run against a real nginx with
 * docs/deploiement/nginx.conf (scripts/nginx-preview.ts). Here, what the other tests do not look
 * at: the headers (the strict Content-Security-Policy first), cache lifetimes, compression, MIME
 * types, the 404 page, redirects and the data files; and that a CSP violation is indeed seen.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NGINX_HEADERS } from '../deploiement-config.ts';
import { BASE, DIST } from '../site.ts';
import { watchCsp } from './csp.ts';
import { expect, test } from './fixtures.ts';

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

test('hashed files are cached for a year, pages and entry points are checked again on each visit', async ({ request }) => {
  const cache = async (path: string) => (await request.get(`${BASE}${path}`)).headers()['cache-control'];
  const immutable = 'public, max-age=31536000, immutable';
  expect(await cache(`_astro/${anyFile('_astro', '.js')}`)).toBe(immutable);
  expect(await cache(`_astro/${anyFile('_astro', '.css')}`)).toBe(immutable);
  expect(await cache(`pagefind/index/${anyFile('pagefind/index', '.pf_index')}`)).toBe(immutable);
  expect(await cache(`pagefind/fragment/${anyFile('pagefind/fragment', '.pf_fragment')}`)).toBe(immutable);
  expect(await cache(`pagefind/${anyFile('pagefind', '.pf_meta')}`)).toBe(immutable);
  for (const path of ['', 'actions/', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'donnees/actions.json', 'fil.xml']) {
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
    ['fil.xml', 'text/xml; charset=utf-8', true],
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
  for (const path of ['nexiste-pas/', 'actions/nexiste-pas.html', '_astro/']) {
    const response = await page.goto(`${BASE}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  }
  // Its links and styles work from any depth: they are absolute under the sub-path.
  await expect(page.getByRole('link', { name: "revenir à l'accueil" })).toHaveAttribute('href', BASE);
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

test('the CSP check sees a violation: an inline script and an inline style are refused and reported', async ({ browser }) => {
  const page = await browser.newPage();
  const csp = watchCsp(page);
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

test('search runs in Pagefind’s web worker under the policy, with its WebAssembly', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(`${BASE}recherche/?q=${encodeURIComponent('aménagement de poste')}`);
  await expect(page.getByRole('status')).toHaveText(/^\d+ résultats? pour/, { timeout: 30_000 });
  expect(loaded).toContain(`${BASE}pagefind/pagefind-worker.js`);
  expect(loaded.some((p) => /\/pagefind\/wasm\.\w+\.pagefind$/.test(p))).toBe(true);
  // A refused worker would make Pagefind fall back to the page, with a warning the fixture reports.
});
