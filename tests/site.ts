/**
 * The built site as the tests see it: its base path and its pages, read from its built folder
 * (dist/, or the fixture site's: tests/fixture-site.ts), never from a hand-kept list. Each reader
 * takes the built folder, the real site's by default; a built folder's content is the content/
 * beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { readContent } from '../src/model/read.ts';
import { validateAll } from '../src/model/validate.ts';
import { normaliseBase, paths, ROOT_FOLDERS } from '../src/lib/paths.ts';
import { SERVER_ERROR_PAGES } from '../src/lib/error-pages.ts';
import { FIXTURE_DIST } from './fixture-site.ts';

/**
 * The built folder the build-folder tests read: dist/, or another one named by SITE_DIST (the
 * suite reads the fixture site's that way: scripts/tooling/test.sh).
 */
export const DIST = process.env.SITE_DIST ? resolve(process.env.SITE_DIST) : join(process.cwd(), 'dist');
/** The project the built folder comes from: its content/ and its src/config.ts. */
export const CONTENT_ROOT = dirname(DIST);
/**
 * Whether the tests read the fixture site: there, every kind of page and content exists, so a
 * check that could pass for want of cases (no replaced document, no second round…) must find them.
 */
export const ON_FIXTURE = DIST === FIXTURE_DIST;
/** Why a test that needs the fixture site's cases is skipped on another site. */
export const FIXTURE_ONLY = 'sur le site d’essai seulement (SITE_DIST=.fixture-site/dist, npm test le fait)';

/** The settings the built folder was made with: its project's src/config.ts. */
export async function builtSettings(): Promise<typeof import('../src/config.ts').site> {
  const module = (await import(pathToFileURL(join(CONTENT_ROOT, 'src/config.ts')).href)) as typeof import('../src/config.ts');
  return module.site;
}
/** The base the tests build under: a sub-path, as publishers deploy. */
export const BASE = normaliseBase(process.env.BASE_PATH);

/** Every built HTML page of `dist`, as a path relative to it ("plan…/actions/action-12/index.html"). */
export function builtPages(dist = DIST): string[] {
  return (readdirSync(dist, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))
    .sort();
}

/** The URL path a page is served at, base included. */
export function urlOf(page: string): string {
  return `${BASE}${page.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Pages that are not built from content: one template each. */
const FIXED: Record<string, string> = {
  accueil: 'index.html',
  documents: 'documents/index.html',
  recherche: 'recherche/index.html',
  accessibilite: 'accessibilite/index.html',
  'plan du site': 'plan-du-site/index.html',
  'mentions légales': 'mentions-legales/index.html',
  'page introuvable': '404.html',
  thèmes: 'themes/index.html',
  'toutes les actions': 'actions/index.html',
  glossaire: 'glossaire/index.html',
  'organismes et rôles': 'organisations/index.html',
  'données ouvertes': 'donnees/index.html',
};
const FIXED_FOLDERS = new Set([...Object.values(FIXED).map((p) => p.split('/')[0]), ...ROOT_FOLDERS]);

/** The pages the web server shows for its errors (src/lib/error-pages.ts): 404.html, and one per other code. */
const ERROR_PAGE_FILES = new Set([FIXED['page introuvable']!, ...SERVER_ERROR_PAGES.map((e) => `${paths.errorPage(e.code)}index.html`)]);

/** Whether a page is one the web server shows for an error: outside the site map and the breadcrumbs, like 404.html. */
export function isErrorPage(page: string): boolean {
  return ERROR_PAGE_FILES.has(page);
}

/**
 * Axis pages sit beside the section pages, both named after their file (`…/section-1/`,
 * `…/preambule/`): the path alone cannot tell them apart, the content does.
 */
const axisPages = new Map<string, Set<string>>();
function isAxisPage(page: string, dist: string): boolean {
  let pages = axisPages.get(dist);
  if (!pages) {
    pages = new Set(validateAll(readContent(dirname(dist)).files).entries.axes.map((a) => `${paths.axis(a.id)}index.html`));
    axisPages.set(dist, pages);
  }
  return pages.has(page);
}
const documentPage = (p: string) => !FIXED_FOLDERS.has(p.split('/')[0]) && /^[^/]+\/[^/]+\/index\.html$/.test(p);

/** Templates recognised by their path: the site's own folders first, then the documents' pages. */
const BY_PATH: [string, (p: string, dist: string) => boolean][] = [
  // Pages 2, 3… of a list split into pages (actions, criteria, themes, glossary, organisations, plans).
  ["page suivante d'une liste", (p) => /\/page-\d+\/index\.html$/.test(p)],
  ["plan d'un document", (p) => /^plan-du-site\/[^/]+\/index\.html$/.test(p)],
  ['page d’erreur du serveur', (p) => isErrorPage(p) && p !== FIXED['page introuvable']],
  ['thème', (p) => /^themes\/[^/]+\/index\.html$/.test(p)],
  ['actions par critère', (p) => /^actions\/[^/]+\/[^/]+\/index\.html$/.test(p)],
  ['terme du glossaire', (p) => /^glossaire\/[^/]+\/index\.html$/.test(p)],
  ['organisme ou rôle', (p) => /^organisations\/[^/]+\/index\.html$/.test(p)],
  ['document', (p) => !FIXED_FOLDERS.has(p.split('/')[0]) && /^[^/]+\/index\.html$/.test(p)],
  ['bilans d’un document', (p) => /^[^/]+\/bilans\/index\.html$/.test(p)],
  ['ce qui a changé à un bilan', (p) => /^[^/]+\/bilans\/[^/]+\/index\.html$/.test(p)],
  ['indicateurs d’un document', (p) => !FIXED_FOLDERS.has(p.split('/')[0]) && /^[^/]+\/indicateurs\/index\.html$/.test(p)],
  ['axe', (p, dist) => documentPage(p) && isAxisPage(p, dist)],
  ['action', (p) => !FIXED_FOLDERS.has(p.split('/')[0]) && /^[^/]+\/actions\/[^/]+\/index\.html$/.test(p)],
  ['procédure', (p) => !FIXED_FOLDERS.has(p.split('/')[0]) && /^[^/]+\/procedures\/[^/]+\/index\.html$/.test(p)],
  ['version à imprimer', (p) => !FIXED_FOLDERS.has(p.split('/')[0]) && /^[^/]+\/imprimer\/index\.html$/.test(p)],
  ['section', (p, dist) => documentPage(p) && !isAxisPage(p, dist) && !/\/(imprimer|bilans|indicateurs)\//.test(p)],
];

/** The names of every page template, fixed pages first. */
export const TEMPLATES = [...Object.keys(FIXED), ...BY_PATH.map(([name]) => name)];

/**
 * One built page per page template (the first, in path order, of those it renders), found in
 * dist/: a template added later is caught by the test that every page belongs to a template.
 */
export function templatePages(pages?: string[], dist = DIST): Map<string, string> {
  const templates = new Map(Object.entries(FIXED));
  for (const [name, matches] of BY_PATH) {
    const page = (pages ?? builtPages(dist)).find((p) => templateOf(p, dist) === name && matches(p, dist));
    if (page) templates.set(name, page);
  }
  return templates;
}

/** The template a page of `dist` belongs to, or undefined when none does. */
export function templateOf(page: string, dist = DIST): string | undefined {
  const fixed = Object.entries(FIXED).find(([, p]) => p === page)?.[0];
  if (fixed) return fixed;
  return BY_PATH.find(([, matches]) => matches(page, dist))?.[0];
}

/**
 * The built pages of a list split into pages, first page first: `actions/` → ["actions/",
 * "actions/page-2/", …] (base-relative paths of the pages that exist in dist/).
 */
export function listPages(first: string, pages: Iterable<string> = builtPages()): string[] {
  const built = new Set(pages);
  const out = [first];
  while (built.has(`${first}page-${out.length + 1}/index.html`)) out.push(`${first}page-${out.length + 1}/`);
  return out;
}

/** Page text with the few entities Astro writes turned back into characters. */
export function decoded(source: string): string {
  const entities: Record<string, string> = { '&#39;': "'", '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>' };
  return source.replace(/&#39;|&quot;|&amp;|&lt;|&gt;/g, (e) => entities[e]!);
}

/** The hrefs of the links inside the first element matching `open` (up to its closing `close`). */
export function linksIn(source: string, open: RegExp, close: string): string[] {
  const start = source.search(open);
  if (start < 0) return [];
  const block = source.slice(start, source.indexOf(close, start));
  return [...block.matchAll(/<a\b[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
}

/** One record of the search index: the text its excerpts are cut from, and its metadata. */
export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  /** Its filter values (src/layouts/Base.astro): `type` on every record. */
  filters: Record<string, string[]>;
}

/** Every record of the search index of `dist`: Pagefind's fragments are gzipped JSON after a fixed signature. */
export function searchRecords(dist = DIST): SearchRecord[] {
  const folder = join(dist, 'pagefind/fragment');
  return readdirSync(folder).map((file) => {
    const text = gunzipSync(readFileSync(join(folder, file))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as SearchRecord;
  });
}
