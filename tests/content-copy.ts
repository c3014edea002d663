/**
 * A copy of the fixture site's content (tests/fixtures/site/content/) in a temporary folder, for
 * tests that write content (the spreadsheet import, new documents), and what such a test changed
 * in it: the tests hold whatever the project's own content/ holds.
 */
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURE_SOURCES } from './fixture-site.ts';
import { tempDir } from './temp-dir.ts';

/** A new temporary folder (removed when the tests end) holding a copy of the fixture site's content/; returns the folder (content/ is inside it). */
export function copyContent(prefix = 'contenu-'): string {
  const dir = tempDir(prefix);
  cpSync(join(FIXTURE_SOURCES, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

/** Every file below `dir`, as absolute paths. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

/**
 * Files of the copy's content/ that are new or differ from those of `reference` (by default the
 * fixture site the copy was made from), as paths relative to the copy: `content/…`.
 */
export function changedFiles(dir: string, reference = FIXTURE_SOURCES): string[] {
  return filesUnder(join(dir, 'content'))
    .map((path) => relative(dir, path))
    .filter((file) => !existsSync(join(reference, file)) || !readFileSync(join(dir, file)).equals(readFileSync(join(reference, file))));
}
