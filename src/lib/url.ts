/**
 * The one way to link inside the site: every internal URL goes through `href()`, so that a site
 * built with BASE_PATH=/intranet/handicap/ links to /intranet/handicap/… everywhere.
 */
import { joinBase, normaliseBase } from './paths.ts';

export { anchors, paths } from './paths.ts';

/** The site's base path, "/" or "/intranet/handicap/" (src/lib/paths.ts `normaliseBase`). */
export const siteBase = normaliseBase(import.meta.env.BASE_URL);

export function href(path: string): string {
  return joinBase(siteBase, path);
}
