/**
 * The built site as the tests see it: its base path and its pages, read from dist/ (the build
 * output), never from a hand-kept list.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const DIST = join(process.cwd(), 'dist');
/** The base the tests build under: a sub-path, as publishers deploy. */
export const BASE = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

/** Every built HTML page, as a path relative to dist/ ("inserm…/axe-1/index.html"). */
export function builtPages(): string[] {
  return (readdirSync(DIST, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))
    .sort();
}

/** The URL path a page is served at, base included. */
export function urlOf(page: string): string {
  return `${BASE}${page.replace(/(^|\/)index\.html$/, '$1')}`;
}
