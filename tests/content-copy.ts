/**
 * A copy of the project's content/ in a temporary folder, for tests that write content (the
 * spreadsheet import, new documents), and what such a test changed in it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** A new temporary folder holding a copy of content/; returns the folder (content/ is inside it). */
export function copyContent(prefix = 'contenu-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(process.cwd(), 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

/** Every file below `dir`, as absolute paths. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

/** Files of the copy's content/ that are new or differ from the project's (paths relative to the copy: `content/…`). */
export function changedFiles(dir: string): string[] {
  return filesUnder(join(dir, 'content'))
    .map((path) => relative(dir, path))
    .filter(
      (file) => !existsSync(join(process.cwd(), file)) || !readFileSync(join(dir, file)).equals(readFileSync(join(process.cwd(), file))),
    );
}
