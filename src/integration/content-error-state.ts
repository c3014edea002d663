/**
 * The last content reading's report when the content is invalid, else undefined. Kept on
 * globalThis: the content loader runs in Vite's module graph, the dev server's middleware
 * (src/integration/dev-content-errors.ts, from astro.config.mjs) outside it, each with its own copy of
 * this module. Tiny on purpose: astro.config.mjs loads it for every build.
 */
import type { ContentError } from '../model/problems.ts';

const LAST_ERROR = Symbol.for('conventions-handicap.content-error');
type WithError = { [LAST_ERROR]?: ContentError };

export const lastContentError = (): ContentError | undefined => (globalThis as WithError)[LAST_ERROR];

export function setLastContentError(error: ContentError | undefined): void {
  if (error) (globalThis as WithError)[LAST_ERROR] = error;
  else delete (globalThis as WithError)[LAST_ERROR];
}
