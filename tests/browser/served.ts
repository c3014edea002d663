/**
 * The two built sites the browser tests visit, each served by its own nginx on the loopback
 * (playwright.config.ts, one Playwright project each):
 * - `SITE`, the site built from content/ (dist/), whatever it holds: the demo documents, a starter
 *   site's one example, a publisher's own. Its checks (tests/browser/site/) run on every page or
 *   on what the build wrote, and name nothing of the content.
 * - `FIXTURE`, the fixture site (tests/fixture-site.ts): small documents of its own that together
 *   use every page template. The per-template matrix (tests/browser/fixture/) runs there and may
 *   name its facts, which no publisher changes.
 */
import { FIXTURE_DIST, FIXTURE_SOURCES } from '../fixture-site.ts';
import { DIST } from '../site.ts';

export interface Served {
  /** The Playwright project whose tests visit it. */
  project: string;
  /** The built folder nginx serves. */
  dist: string;
  /** The project whose content/ was built into it (its pages' templates and catalogue are read from there). */
  root: string;
  /** The loopback port its nginx listens on. */
  port: number;
}

export const SITE: Served = {
  project: 'site',
  dist: DIST,
  root: process.cwd(),
  port: Number(process.env.PREVIEW_PORT ?? 4322),
};

export const FIXTURE: Served = {
  project: 'essai',
  dist: FIXTURE_DIST,
  root: FIXTURE_SOURCES,
  port: SITE.port + 1,
};

/** Where a served site answers, without its base path. */
export const origin = (served: Served): string => `http://127.0.0.1:${served.port}`;
