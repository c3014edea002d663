/**
 * The tiny local server of the form editor: an admin page, Sveltia CMS from node_modules and the
 * configuration generated from the model. It listens on 127.0.0.1 only, and nothing it serves
 * reaches another host: the CMS bundle is meant for a CDN and fetches its fonts, its French
 * strings and a few libraries from jsdelivr and unpkg, so those addresses are rewritten to local
 * copies from node_modules, and a Content-Security-Policy limited to 'self' makes the browser
 * refuse whatever is left (a feature that needs a missing library then fails, no request leaves).
 * The French strings are the CMS's own, completed where it has none (francais.ts), and the
 * sign-in page offers the local folder only (BUNDLE_PATCHES, issue 20).
 * The editor is never part of the built site: nothing here is under public/ or src/.
 *
 * Any page open in the same browser can send requests to 127.0.0.1 (issue 19), so the server
 * trusts nothing in a request: it serves files of npm packages only, under the project's
 * node_modules and nowhere else (real paths compared, a symlink cannot lead out); it answers only
 * to its own address in the Host header (a DNS-rebinding page names its own host); its answers
 * cannot be framed or read by another origin; and a malformed request gets a short French error,
 * never a stopped editor.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { trapCharacter } from '../../src/model/characters.ts';
import { cmsConfigYaml } from './config.ts';
import { completeFrench, CONFIGURATION_MESSAGE, FRENCH_TEXTS, type Strings } from './french.ts';

/** The project's node_modules: the only folder the editor serves files from. */
const NODE_MODULES = join(process.cwd(), 'node_modules');

/** Where Sveltia CMS is installed (a development dependency). */
export const CMS_DIR = join(NODE_MODULES, '@sveltia', 'cms');

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
  // No other site may show the editor in a frame and steer it by clicks (clickjacking).
  "frame-ancestors 'none'",
].join('; ');

/**
 * Sent with every answer, errors included. X-Frame-Options repeats frame-ancestors for older
 * browsers; Cross-Origin-Resource-Policy stops a page of another origin from loading the files
 * (the configuration, the packages) into its own document with `<script>` or `<img>`.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

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

const TEXT = 'text/plain; charset=utf-8';

/**
 * The error answers: short French texts, with no path of the computer and no library message.
 * 421 (Misdirected Request) is for a Host other than this server's address.
 */
export const ERROR_TEXTS = {
  400: 'Requête refusée : adresse mal formée ou interdite.\n',
  404: 'Introuvable : cette adresse ne correspond à aucune page de l’éditeur.\n',
  405: 'Méthode refusée : l’éditeur ne répond qu’aux lectures (GET, HEAD).\n',
  421: 'Adresse refusée : ouvrez l’éditeur par http://127.0.0.1:{port}/admin/, l’adresse que donne « npm run editeur ».\n',
  500: 'Erreur interne de l’éditeur : rechargez la page ; si l’erreur revient, arrêtez l’éditeur (Ctrl+C) et relancez « npm run editeur ».\n',
} as const;
export type ErrorStatus = keyof typeof ERROR_TEXTS;

const ADMIN_PAGE = `<!doctype html>
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
const STARTUP_SCRIPT = `try {
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

/** One change made to the CMS bundle: the exact text it replaces, found exactly once. */
export interface BundlePatch {
  /** Why, in French: said in the terminal when the text is no longer in the bundle. */
  why: string;
  find: string;
  replace: string;
}

/**
 * A digest of the French texts added to the CMS's (francais.ts): the CMS keeps the French strings
 * it loaded in the browser, under a name that changes with them, so that a new text is seen at once.
 */
export const FRENCH_DIGEST = createHash('sha256')
  .update(JSON.stringify([FRENCH_TEXTS, CONFIGURATION_MESSAGE]))
  .digest('hex')
  .slice(0, 12);

/**
 * The changes made to Sveltia CMS's code, each tied to the exact text of the version installed
 * (minified names included): after an update of the CMS, a text not found is said in the terminal
 * by `npm run editeur` and fails tests/unit/editor-server.test.ts, so that someone checks the
 * new version instead of the editor silently losing the change.
 */
export const BUNDLE_PATCHES: readonly BundlePatch[] = [
  {
    // The CMS writes a viewport that forbids zooming (maximum-scale=1): axe's meta-viewport rule,
    // WCAG 1.4.4 / RGAA 10.4. Without it, the page zooms like any other.
    why: 'la page de l’éditeur interdit le zoom (maximum-scale=1)',
    find: '`initial-scale=1`,`maximum-scale=1`,',
    replace: '`initial-scale=1`,',
  },
  {
    // Issue 20: the sign-in page offered « Se connecter avec un jeton d’accès », which the editor
    // never uses (the CSP refuses GitHub anyway). The configuration cannot hide it: the CMS wants
    // at least one sign-in method, and `auth_methods: ['token']` already hides the other one.
    why: 'la page de connexion propose « Se connecter avec un jeton d’accès »',
    find: 'sign_in_using_access_token`,{values:{service:R(f)}}));eu(e,{variant:`secondary`,get label(){return R(t)},onclick:()=>{j(n,!0)}})}};W(d,e=>{!R(s)&&!R(p)&&e(g)})',
    replace:
      'sign_in_using_access_token`,{values:{service:R(f)}}));eu(e,{variant:`secondary`,get label(){return R(t)},onclick:()=>{j(n,!0)}})}};W(d,e=>{!1&&e(g)})',
  },
  {
    // The French strings are kept in the browser by name and CMS version: a name that changes
    // with the French texts of francais.ts makes an editor opened before see the new ones.
    why: 'les textes français ajoutés peuvent rester masqués par ceux que le navigateur a gardés',
    find: '`sveltia-cms.locale`',
    replace: `\`sveltia-cms.locale.editeur-${FRENCH_DIGEST}\``,
  },
];

/** The code with each patch applied; `unpatched` says why for each text not found exactly once. */
export function patchBundle(source: string, patches = BUNDLE_PATCHES): { code: string; unpatched: string[] } {
  let code = source;
  const unpatched: string[] = [];
  for (const { why, find, replace } of patches) {
    if (code.split(find).length !== 2) unpatched.push(why);
    else code = code.replace(find, () => replace);
  }
  return { code, unpatched };
}

/**
 * The CDN bundle with its remote addresses pointed at this server: the fonts (jsdelivr
 * fontsource) at their copies in the npm build, and unpkg.com (French strings, libraries loaded
 * on demand) at `/admin/paquets/`; and the patches above. Returns the rewritten source, the
 * remote addresses left and the patches that could not be made.
 */
export function localBundle(source: string, fonts = localFonts()): { code: string; remote: string[]; unpatched: string[] } {
  let code = source.replace(
    /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[0-9.]+\/([a-z0-9-]+)\.woff2/g,
    (url, family: string, variant: string) => {
      const name = `${family}-${variant}.woff2`;
      return fonts.has(name) ? `${FONTS}${name}` : url;
    },
  );
  code = code.replaceAll('https://unpkg.com/', PACKAGES);
  // The GitHub status check (for the remote sign-in, never used here) gets a local "not found".
  code = code.replaceAll('https://www.githubstatus.com/api/', '/admin/hors-ligne/');
  const patched = patchBundle(code);
  code = patched.code;
  const remote = [
    ...new Set(
      code.match(
        /https:\/\/(cdn\.jsdelivr\.net|unpkg\.com|fonts\.googleapis\.com|fonts\.gstatic\.com|www\.githubstatus\.com\/api)[^\s"'`)]*/g,
      ) ?? [],
    ),
  ];
  return { code, remote, unpatched: patched.unpatched };
}

/** Where the bundle asks for its French strings (unpkg.com rewritten): `@sveltia/cms@<version>/locales/fr.json`. */
const FRENCH_LOCALE = /^@sveltia\/cms(?:@[0-9A-Za-z.+-]+)?\/locales\/fr\.json$/;

/** The CMS's French strings completed with francais.ts, as served to the browser. */
function frenchLocaleJson(cmsDir = CMS_DIR): string {
  const read = (name: string) => JSON.parse(readFileSync(join(cmsDir, 'locales', `${name}.json`), 'utf8')) as Strings;
  return JSON.stringify(completeFrench(read('fr'), read('en-US')));
}

/**
 * npm's rules for a package name (validate-npm-package-name, for new packages): lower case,
 * URL-safe characters only, no leading dot or underscore, an optional `@scope/`, at most 214
 * characters. `..`, `.`, `%`, `\` and upper case are never a package.
 */
const NAME_PART = '[a-z0-9~-][a-z0-9._~-]*';
const PACKAGE_NAME = new RegExp(`^(?:@${NAME_PART}/)?${NAME_PART}$`);
const RESERVED_NAMES = new Set(['node_modules', 'favicon.ico']);

export function isPackageName(name: string): boolean {
  return name.length <= 214 && PACKAGE_NAME.test(name) && !name.includes('..') && !RESERVED_NAMES.has(name);
}

/** A version or range after the name (ignored: the installed copy is served): `7.2.4`, `^1.0.0-beta.2`. */
const isVersion = (version: string) => /^[0-9A-Za-z^~][0-9A-Za-z.+-]*$/.test(version) && !version.includes('..');

/**
 * One segment of a file path inside a package: the file names the bundle asks for
 * (`dist/leaflet-src.esm.js`, `locales/fr.json`). No hidden file, no `.` or `..`, nothing a
 * file system could read as a separator or an escape.
 */
const FILE_SEGMENT = /^[A-Za-z0-9_~+-][A-Za-z0-9._~+-]*$/;

/** The real path of `path` if it is a file strictly inside the real folder `dir`, else undefined. */
function realFileInside(path: string, dir: string): string | undefined {
  try {
    const real = realpathSync(path);
    return real.startsWith(realpathSync(dir) + sep) && statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A file of an npm package asked for as `<name>[@<version>]/<path>` (already decoded), from the
 * copies installed with Sveltia CMS (its own node_modules, then the project's). The shiki engine
 * of @sveltia/ui is the same code as the chunk Sveltia CMS ships in its npm build. Only a valid
 * package name and plain file names are looked up, and the file found must be, after every
 * symlink is followed, inside both its package's folder and `nodeModules` (issue 19: `..` as a
 * name served the whole project folder).
 */
export function packageFile(request: string, nodeModules = NODE_MODULES): string | undefined {
  const match = /^((?:@[^/@]+\/)?[^/@]+)(?:@([^/]+))?\/(.+)$/.exec(request);
  if (!match) return undefined;
  const [, name, version, rest] = match as unknown as [string, string, string | undefined, string];
  if (!isPackageName(name) || (version !== undefined && !isVersion(version))) return undefined;
  const segments = rest.split('/');
  if (!segments.every((segment) => FILE_SEGMENT.test(segment))) return undefined;
  const cmsDir = join(nodeModules, '@sveltia', 'cms');
  if (name === '@sveltia/ui' && rest === 'dist/shiki-engine.js') {
    const chunks = join(cmsDir, 'npm', 'chunks');
    const chunk = existsSync(chunks) ? readdirSync(chunks).find((f) => /^shiki-engine-[^.]+\.js$/.test(f)) : undefined;
    return chunk && realFileInside(join(chunks, chunk), nodeModules);
  }
  const roots = name === '@sveltia/cms' ? [cmsDir] : [join(cmsDir, 'node_modules', name), join(nodeModules, name)];
  for (const root of roots) {
    const path = join(root, ...segments);
    for (const candidate of [path, `${path}.mjs`, `${path}.js`]) {
      const real = realFileInside(candidate, root);
      if (real && realFileInside(real, nodeModules)) return real;
    }
  }
  return undefined;
}

/**
 * The path of a request target, decoded exactly once, or undefined when it must be refused (400):
 * a target that is not a path (`http://…`, `*`), a malformed escape (`%E0%A4%A`), a `%` left
 * after decoding (double encoding: `%252e%252e` is not `..`), a backslash, NUL or any invisible
 * character, or a `.` or `..` segment, even one that a file lookup would never reach.
 */
export function requestPath(target: string): string | undefined {
  if (!target.startsWith('/')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(target.replace(/[?#].*$/s, ''));
  } catch {
    return undefined;
  }
  if (/[%\\]/.test(path) || trapCharacter(path) !== undefined) return undefined;
  return path.split('/').some((segment) => segment === '.' || segment === '..') ? undefined : path;
}

/**
 * Whether a Host header names this server: `127.0.0.1:<port>` or `localhost:<port>`, the port it
 * listens on (no port only for port 80, as browsers write it). A DNS-rebinding page reaches the
 * same address under its own name (`evil.test:<port>`) and is refused.
 */
export function isOwnHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const names = ['127.0.0.1', 'localhost'];
  const allowed = names.map((n) => `${n}:${port}`).concat(port === 80 ? names : []);
  return allowed.includes(host.toLowerCase());
}

/** Writes one answer with the security headers; no body for HEAD. */
function send(request: IncomingMessage, response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(bytes.length) });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

function sendError(request: IncomingMessage, response: ServerResponse, status: ErrorStatus): void {
  send(request, response, status, TEXT, ERROR_TEXTS[status].replace('{port}', String(request.socket.localPort)));
}

/**
 * Runs `listener` and turns anything it throws into a French 500: the editor keeps running and
 * the browser gets no stack. `onError` gets the error, to say it in the terminal.
 */
export function answerErrors(
  listener: RequestListener,
  onError: (error: unknown, request: IncomingMessage) => void = () => {},
): RequestListener {
  return (request, response) => {
    try {
      listener(request, response);
    } catch (error) {
      onError(error, request);
      if (response.headersSent) response.destroy();
      else sendError(request, response, 500);
    }
  };
}

/**
 * A request Node cannot even parse (garbage bytes, a broken request line or header) never reaches
 * the listener: it is answered here, 400 with the same headers, and the connection closed.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const body = Buffer.from(ERROR_TEXTS[400]);
  const headers = { ...SECURITY_HEADERS, 'Content-Type': TEXT, 'Content-Length': String(body.length), Connection: 'close' };
  const head = ['HTTP/1.1 400 Bad Request', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body]));
}

export interface EditorServer {
  server: Server;
  /** Remote addresses still in the bundle (blocked by the browser through the CSP). */
  remote: string[];
  /** Why, for each change of the bundle (BUNDLE_PATCHES) that could not be made. */
  unpatched: string[];
}

export interface EditorServerOptions {
  /** Told of each error answered 500 (the request's decoded path and the error), for the terminal. */
  onError?: (error: unknown, path: string) => void;
}

/** The server, not yet listening. */
export function createEditorServer(options: EditorServerOptions = {}): EditorServer {
  const bundle = localBundle(readFileSync(join(CMS_DIR, 'dist', 'sveltia-cms.js'), 'utf8'));
  const fonts = localFonts();
  const french = frenchLocaleJson();
  const route: RequestListener = (request, response) => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : -1;
    if (!isOwnHost(request.headers.host, port)) return sendError(request, response, 421);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(request, response, 405);
    const path = requestPath(request.url ?? '');
    if (path === undefined) return sendError(request, response, 400);
    const file = (found: string | undefined) =>
      found
        ? send(request, response, 200, TYPES[extname(found)] ?? 'application/octet-stream', readFileSync(found))
        : sendError(request, response, 404);
    if (path === '/' || path === '/admin') {
      response.writeHead(302, { ...SECURITY_HEADERS, Location: '/admin/' });
      return response.end();
    }
    if (path === '/admin/') return send(request, response, 200, TYPES['.html']!, ADMIN_PAGE);
    if (path === '/admin/demarrage.js') return send(request, response, 200, TYPES['.js']!, STARTUP_SCRIPT);
    // Generated at each request: restart not needed after a change of the model.
    if (path === '/admin/config.yml') return send(request, response, 200, TYPES['.yml']!, cmsConfigYaml());
    if (path === '/admin/sveltia-cms.js') return send(request, response, 200, TYPES['.js']!, bundle.code);
    if (path.startsWith(FONTS)) return file(fonts.get(path.slice(FONTS.length)));
    if (path.startsWith(PACKAGES) && FRENCH_LOCALE.test(path.slice(PACKAGES.length))) {
      return send(request, response, 200, TYPES['.json']!, french);
    }
    if (path.startsWith(PACKAGES)) return file(packageFile(path.slice(PACKAGES.length)));
    return sendError(request, response, 404);
  };
  // Without a Host header Node would answer 400 itself, without the security headers: 421 here.
  const server = createServer(
    { requireHostHeader: false },
    answerErrors(route, (error, request) => options.onError?.(error, requestPath(request.url ?? '') ?? '?')),
  );
  server.on('clientError', answerClientError);
  return { server, remote: bundle.remote, unpatched: bundle.unpatched };
}

/**
 * Whether the project folder can be chosen in the browser: Sveltia CMS accepts a folder only if it
 * holds `.git` (a folder, or a file in a git worktree).
 */
export function isGitRoot(root = process.cwd()): boolean {
  return existsSync(join(root, '.git'));
}
