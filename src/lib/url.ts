/**
 * The one way to link inside the site: every internal URL goes through `href()`, so that a site
 * built with BASE_PATH=/intranet/handicap/ links to /intranet/handicap/… everywhere.
 */
import { joinBase } from './paths.ts';

export { anchors, paths } from './paths.ts';

export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}
