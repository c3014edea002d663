/**
 * Where `npm run tableur:exporter` writes when no `--sortie` is given: a folder of its own,
 * `exports/`, that .gitignore covers and docs/referents.md names (issue 20, point 8). An export is a copy
 * of the content for a référent to fill in, never content: in the project's root it showed up in
 * `git status` as if it were part of the site.
 */
import { join } from 'node:path';

/** The exports' folder, from the project's root. */
export const EXPORTS_FOLDER = 'exports';

/** The default workbook, or the default folder of CSV files, of a format. */
export function defaultOutput(format: 'xlsx' | 'ods' | 'csv'): string {
  return join(EXPORTS_FOLDER, format === 'csv' ? 'suivi-handicap' : `suivi-handicap.${format}`);
}
