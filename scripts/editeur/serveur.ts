/**
 * The tiny local server of the form editor: an admin page, Sveltia CMS from node_modules and the
 * configuration generated from the model. It listens on 127.0.0.1 only, and nothing it serves
 * reaches another host: the CMS bundle is meant for a CDN and fetches its fonts, its French
 * strings and a few libraries from jsdelivr and unpkg, so those addresses are rewritten to local
 * copies from node_modules, and a Content-Security-Policy limited to 'self' makes the browser
 * refuse whatever is left (a feature that needs a missing library then fails, no request leaves).
 * The editor is never part of the built site: nothing here is under public/ or src/.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { cmsConfigYaml } from './config.ts';

/** Where Sveltia CMS is installed (a development dependency). */
export const CMS_DIR = join(process.cwd(), 'node_modules', '@sveltia', 'cms');

/** URL prefixes of the local copies the bundle is pointed at. */
const FONTS = '/admin/polices/';
const PACKAGES = '/admin/paquets/';

/**
 * Every host the browser may reach from the editor: this server only. 'wasm-unsafe-eval' lets the
 * image tools compile their WebAssembly (served from here); styles are inline in the bundle.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "media-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
};

export const ADMIN_PAGE = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="robots" content="noindex" />
    <title>Éditeur du contenu</title>
    <link href="/admin/config.yml" type="text/yaml" rel="cms-config-url" />
    <script src="/admin/demarrage.js"></script>
  </head>
  <body>
    <noscript>L'éditeur de formulaires demande JavaScript (Chrome ou Edge). Sans lui, modifiez les fichiers de content/ dans un éditeur de texte.</noscript>
    <script src="/admin/sveltia-cms.js"></script>
  </body>
</html>
`;

/**
 * Run before the CMS: its interface language is taken from the browser unless a preference is
 * stored, so a first visit gets French even in an English browser. A choice made later in the
 * CMS settings is kept.
 */
export const STARTUP_SCRIPT = `try {
  const key = 'sveltia-cms.prefs';
  const prefs = JSON.parse(localStorage.getItem(key) || '{}');
  if (!prefs.locale) localStorage.setItem(key, JSON.stringify({ ...prefs, locale: 'fr' }));
} catch {}
`;

/** The fonts the bundle would load from jsdelivr, by file name, as the npm build of the package ships them. */
function localFonts(): Map<string, string> {
  const assets = join(CMS_DIR, 'npm', 'assets');
  const files = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.woff2')) : [];
  return new Map(files.map((f) => [f.replace(/-[A-Za-z0-9_]{8}\.woff2$/, '.woff2'), join(assets, f)]));
}

/**
 * The CDN bundle with its remote addresses pointed at this server: the fonts (jsdelivr
 * fontsource) at their copies in the npm build, and unpkg.com (French strings, libraries loaded
 * on demand) at `/admin/paquets/`. Returns the rewritten source and the remote addresses left.
 */
export function localBundle(source: string, fonts = localFonts()): { code: string; remote: string[] } {
  let code = source.replace(
    /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[0-9.]+\/([a-z0-9-]+)\.woff2/g,
    (url, family: string, variant: string) => {
      const name = `${family}-${variant}.woff2`;
      return fonts.has(name) ? `${FONTS}${name}` : url;
    },
  );
  code = code.replaceAll('https://unpkg.com/', PACKAGES);
  // The CMS writes a viewport that forbids zooming (maximum-scale=1): axe's meta-viewport rule,
  // WCAG 1.4.4 / RGAA 10.4. Without it, the page zooms like any other.
  code = code.replace('`initial-scale=1`,`maximum-scale=1`,', '`initial-scale=1`,');
  // The GitHub status check (for the remote sign-in, never used here) gets a local "not found".
  code = code.replaceAll('https://www.githubstatus.com/api/', '/admin/hors-ligne/');
  const remote = [
    ...new Set(
      code.match(
        /https:\/\/(cdn\.jsdelivr\.net|unpkg\.com|fonts\.googleapis\.com|fonts\.gstatic\.com|www\.githubstatus\.com\/api)[^\s"'`)]*/g,
      ) ?? [],
    ),
  ];
  return { code, remote };
}

/**
 * A file of an npm package asked for as `<name>[@<version>]/<path>`, from the copies installed
 * with Sveltia CMS (its own node_modules, then the project's). The shiki engine of @sveltia/ui is
 * the same code as the chunk Sveltia CMS ships in its npm build.
 */
export function packageFile(request: string): string | undefined {
  const match = /^((?:@[^/@]+\/)?[^/@]+)(?:@[^/]+)?\/(.+)$/.exec(request);
  if (!match) return undefined;
  const [, name, rest] = match as unknown as [string, string, string];
  if (name === '@sveltia/ui' && rest === 'dist/shiki-engine.js') {
    const chunks = join(CMS_DIR, 'npm', 'chunks');
    const chunk = existsSync(chunks) ? readdirSync(chunks).find((f) => /^shiki-engine-[^.]+\.js$/.test(f)) : undefined;
    return chunk && join(chunks, chunk);
  }
  const roots = name === '@sveltia/cms' ? [CMS_DIR] : [join(CMS_DIR, 'node_modules', name), join(process.cwd(), 'node_modules', name)];
  for (const root of roots) {
    const path = normalize(join(root, rest.split('?')[0]!));
    if (!path.startsWith(root + sep)) return undefined;
    for (const candidate of [path, `${path}.mjs`, `${path}.js`]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
  }
  return undefined;
}

export interface EditorServer {
  server: Server;
  /** Remote addresses still in the bundle (blocked by the browser through the CSP). */
  remote: string[];
}

/** The server, not yet listening. */
export function createEditorServer(): EditorServer {
  const bundle = localBundle(readFileSync(join(CMS_DIR, 'dist', 'sveltia-cms.js'), 'utf8'));
  const fonts = localFonts();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const file = (path: string | undefined) =>
      path ? send(200, TYPES[extname(path)] ?? 'application/octet-stream', readFileSync(path)) : send(404, TYPES['.html']!, 'Introuvable');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, TYPES['.html']!, 'Méthode refusée');
    const path = decodeURIComponent(url.pathname);
    if (path === '/' || path === '/admin') {
      response.writeHead(302, { Location: '/admin/' });
      return response.end();
    }
    if (path === '/admin/') return send(200, TYPES['.html']!, ADMIN_PAGE);
    if (path === '/admin/demarrage.js') return send(200, TYPES['.js']!, STARTUP_SCRIPT);
    // Generated at each request: restart not needed after a change of the model.
    if (path === '/admin/config.yml') return send(200, TYPES['.yml']!, cmsConfigYaml());
    if (path === '/admin/sveltia-cms.js') return send(200, TYPES['.js']!, bundle.code);
    if (path.startsWith(FONTS)) return file(fonts.get(path.slice(FONTS.length)));
    if (path.startsWith(PACKAGES)) return file(packageFile(path.slice(PACKAGES.length)));
    return send(404, TYPES['.html']!, 'Introuvable');
  });
  return { server, remote: bundle.remote };
}

/**
 * Whether the project folder can be chosen in the browser: Sveltia CMS accepts a folder only if it
 * holds `.git` (a folder, or a file in a git worktree).
 */
export function isGitRoot(root = process.cwd()): boolean {
  return existsSync(join(root, '.git'));
}
