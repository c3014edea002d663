/**
 * What `npm run build`, `npm start` and `npm run dev` print (issue 20, point 7: a quiet, French
 * terminal). A référent or a publisher reads this terminal: Astro's own progress (about 700 route
 * lines, its steps in English) reads as noise, and a warning about the content as shipped reads as
 * breakage. So the terminal shows our French summary, the server's address in French, and every
 * warning and error in full, except the one warning below that is known to be harmless.
 *
 * Pure helpers: the logger destination (./terminal-logger.ts) and the summary integration
 * (./site-build.ts) call them; tests/unit/terminal.test.ts pins them.
 */
import { count } from '../lib/format.ts';

/** The name of the build integration (./site-build.ts), which labels its French summary. */
export const SITE_BUILD = 'construction-du-site';
/** The name of the content loader (./content-loader.ts), which says in French what it reloaded. */
export const CONTENT_LOADER = 'conventions-content';
/** Informative messages shown as they are: ours, written in French. */
const FRENCH_LABELS: ReadonlySet<string | null> = new Set([SITE_BUILD, CONTENT_LOADER]);

/** Astro's message levels, as its logger sends them. */
export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** One message of Astro's logger (astro/dist/core/logger/core.js). */
export interface LogEvent {
  level: Level;
  label: string | null;
  message: string;
  newLine: boolean;
}

// ESC [ … letter: the colour and cursor sequences Astro, Vite and Rolldown write.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The text without its colour codes: written into a file or a pipe, they are raw `^[[2m` bytes. */
export function stripColours(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * Astro writes the directive `"use astro:head-inject"` at the top of the small module it makes for
 * each content entry rendered on demand (an MDX body with a component: astro/dist/content/
 * vite-plugin-content-assets.js), and nothing reads it back (Astro 7 marks those modules with their
 * `__astroPropagation` property instead). Rolldown warns that the directive "may not be preserved"
 * when it merges such a module into a chunk: true, and harmless, since the directive is inert. The
 * warning names a content file (two of the demo's), so it reads as a problem in that file. Only this
 * exact warning is dropped; every other bundler warning is still shown.
 */
export function isHarmlessBundlerWarning(warning: { code?: string; message: string }): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"');
}

/** Seconds in French: "6,4 s". */
export function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}

/** ./format.ts `count`, the number written the French way ("5 000 pages"). */
function amount(n: number, singular: string, plural: string, none: string): string {
  return count(n, singular, plural, none).replace(/^\d+/, n.toLocaleString('fr-FR'));
}

/** "Site construit dans dist/ : 704 pages, 5 documents, en 6,4 s." */
export function siteSummary(facts: { pages: number; documents: number; milliseconds: number }): string {
  const pages = amount(facts.pages, 'page', 'pages', 'aucune page');
  const documents = amount(facts.documents, 'document', 'documents', 'aucun document');
  return `Site construit dans dist/ : ${pages}, ${documents}, en ${seconds(facts.milliseconds)}.`;
}

/** "Index de recherche : 609 pages indexées, une par entrée du contenu (…), en 1,2 s." */
export function searchSummary(facts: { indexed: number; kinds: string; milliseconds: number }): string {
  const pages = amount(facts.indexed, 'page indexée', 'pages indexées', 'aucune page indexée');
  return `Index de recherche : ${pages}, une par entrée du contenu (${facts.kinds}), en ${seconds(facts.milliseconds)}.`;
}

/** Said at the end of a build without SITE_URL, whose site has no feed (./site-build.ts says why). */
export function feedLeftOut(): string {
  return (
    'Fil d’actualité (fil.xml) non publié : l’adresse publique du site n’est pas connue, et un lecteur de fils a besoin ' +
    'de liens complets. Pour le publier, construisez avec SITE_URL, par exemple : SITE_URL=https://www.exemple.gouv.fr npm run build'
  );
}

/**
 * The server's ready message (`npm start`'s preview, `npm run dev`) in French: its local address,
 * the one a publisher opens. Undefined when the message is not that one.
 */
export function serverReady(message: string): string | undefined {
  const text = stripColours(message);
  if (!/\bready in\b/.test(text)) return undefined;
  const local = /Local\s+(\S+)/.exec(text)?.[1];
  if (local === undefined) return undefined;
  return `Site servi à l’adresse ${local} (Ctrl+C pour arrêter).`;
}

/** "Erreur (content) :", "Avertissement (vite) :": the level in French and the part that speaks. */
function prefix(event: LogEvent): string {
  const level = event.level === 'error' ? 'Erreur' : 'Avertissement';
  return event.label ? `${level} (${event.label}) :` : `${level} :`;
}

/**
 * Astro's English preface to an error thrown by an integration's hook ("An unhandled error occurred
 * while running the "astro:build:done" hook"): for ours, the French report follows it, whole.
 */
function isHookErrorPreface(event: LogEvent): boolean {
  return event.label === SITE_BUILD && /^An unhandled error occurred while running the /.test(stripColours(event.message));
}

/**
 * The text to write for one message of Astro's logger, or undefined to write nothing. Errors and
 * warnings are shown whole, after a French prefix that names the level and the part that speaks;
 * among the informative messages, only ours (French) and the server's address.
 */
export function shownText(event: LogEvent): string | undefined {
  if (event.level === 'silent' || event.level === 'debug') return undefined;
  if (event.level === 'info') {
    if (FRENCH_LABELS.has(event.label)) return event.message;
    if (event.label === 'SKIP_FORMAT') return serverReady(event.message);
    return undefined;
  }
  if (isHookErrorPreface(event)) return undefined;
  return event.label === 'SKIP_FORMAT' ? event.message : `${prefix(event)} ${event.message}`;
}
