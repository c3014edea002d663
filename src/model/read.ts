/**
 * Reads the content folder from disk, outside Astro (for scripts and tests). Astro itself loads
 * the same files through `src/content.config.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { COLLECTIONS, type CollectionName } from './collections.ts';
import type { Problem } from './problems.ts';
import { readFrontmatter } from './frontmatter.ts';
import { pendingWriteProblem, temporaryProblem } from './journal.ts';
import type { RawFile, UnreadFile } from './validate.ts';

/**
 * Every file under `dir`, and whether it is an ordinary file, as the folder listing says (no call
 * per file: Node asks the system only when the listing does not tell).
 */
function walk(dir: string): { path: string; ordinary: boolean }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [{ path: join(dir, d.name), ordinary: d.isFile() }],
  );
}

const toPosix = (p: string) => p.split(sep).join('/');

/** A file under the content folder: the collection that loads it, or none when no collection would. */
export interface ContentFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the project root. */
  file: string;
  collection?: CollectionName;
  /** Path inside the collection folder. */
  pathInCollection: string;
  /** An ordinary file: not a symbolic link, a device, a pipe. */
  ordinary: boolean;
}

/** Lists the files under `contentDir` without reading them, each with the collection that loads it. */
export function listContent(root: string, contentDir = 'content'): ContentFile[] {
  const byFolder = new Map<string, CollectionName>(Object.entries(COLLECTIONS).map(([name, c]) => [c.folder, name as CollectionName]));
  return walk(join(root, contentDir)).map(({ path, ordinary }) => {
    const file = toPosix(relative(root, path));
    const [folder, ...rest] = toPosix(relative(join(root, contentDir), path)).split('/');
    const collection = byFolder.get(folder!);
    const loaded = collection && rest.length > 0 && file.endsWith('.mdx');
    return { path, file, collection: loaded ? collection : undefined, pathInCollection: rest.join('/'), ordinary };
  });
}

/** What reading the content folder gives: the files read, the problems, the files whose front matter could not be read. */
export interface ContentRead {
  files: RawFile[];
  problems: Problem[];
  /** Files of a collection whose front matter is unreadable (already in `problems`): pass them to `validateAll`. */
  unread: UnreadFile[];
}

/**
 * Reads every file under `contentDir`. A file that no collection would load (wrong folder, wrong
 * extension) is reported rather than silently left out of the site; a leftover temporary file of
 * the writer, as the trace of an interrupted write.
 */
export function readContent(root: string, contentDir = 'content'): ContentRead {
  // An interrupted write leaves the content half old, half new, each file valid: nothing is read
  // until it is finished or undone, and that is the one thing said (issue 19, src/model/journal.ts).
  const pending = pendingWriteProblem(root, contentDir);
  if (pending) return { files: [], problems: [pending], unread: [] };
  const files: RawFile[] = [];
  const unread: UnreadFile[] = [];
  const problems: Problem[] = [];
  const folders = Object.values(COLLECTIONS).map((c) => c.folder);
  for (const { path, file, collection, pathInCollection, ordinary } of listContent(root, contentDir)) {
    const temporary = temporaryProblem(file);
    if (temporary) {
      problems.push(temporary);
      continue;
    }
    if (!ordinary) {
      // A symbolic link (or a device, a pipe) would make the site read a file from elsewhere, or
      // stop the reading with a system error (a link to a folder named *.mdx): said, never followed.
      problems.push({
        file,
        field: '(emplacement)',
        message: 'lien symbolique ou fichier spécial : le site ne lit que des fichiers ordinaires rangés dans content/',
        allowed: 'le fichier lui-même à la place du lien (copiez-le), ou supprimez le lien',
      });
      continue;
    }
    if (!collection) {
      problems.push({
        file,
        field: '(emplacement)',
        message: 'fichier ignoré par le site : il doit être un fichier .mdx rangé dans un dossier de collection',
        allowed: folders.map((f) => `${contentDir}/${f}/…/*.mdx`).join(', '),
      });
      continue;
    }
    // One reading for the check, the build and the dev server (src/model/frontmatter.ts).
    const read = readFrontmatter(readFileSync(path, 'utf8'));
    if (read.ok) {
      const { data: frontmatter, body, bodyLine, lines } = read;
      files.push({ collection, file, pathInCollection, frontmatter, body, bodyLine, lines });
    } else {
      problems.push(...read.problems.map((p) => ({ file, ...p })));
      unread.push({ collection, file, pathInCollection });
    }
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  return { files, problems, unread };
}
