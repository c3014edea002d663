/**
 * Reads the content folder from disk, outside Astro (for scripts and tests). Astro itself loads
 * the same files through `src/content.config.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import matter from 'gray-matter';
import { COLLECTIONS, type CollectionName } from './collections.ts';
import type { Problem } from './problems.ts';
import type { RawFile } from './validate.ts';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
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
}

/** Lists the files under `contentDir` without reading them, each with the collection that loads it. */
export function listContent(root: string, contentDir = 'content'): ContentFile[] {
  const byFolder = new Map<string, CollectionName>(Object.entries(COLLECTIONS).map(([name, c]) => [c.folder, name as CollectionName]));
  return walk(join(root, contentDir)).map((path) => {
    const file = toPosix(relative(root, path));
    const [folder, ...rest] = toPosix(relative(join(root, contentDir), path)).split('/');
    const collection = byFolder.get(folder!);
    const loaded = collection && rest.length > 0 && file.endsWith('.mdx');
    return { path, file, collection: loaded ? collection : undefined, pathInCollection: rest.join('/') };
  });
}

/**
 * Reads every file under `contentDir`. A file that no collection would load (wrong folder, wrong
 * extension) is reported rather than silently left out of the site.
 */
export function readContent(root: string, contentDir = 'content'): { files: RawFile[]; problems: Problem[] } {
  const files: RawFile[] = [];
  const problems: Problem[] = [];
  const folders = Object.values(COLLECTIONS).map((c) => c.folder);
  for (const { path, file, collection, pathInCollection } of listContent(root, contentDir)) {
    if (!collection) {
      problems.push({
        file,
        field: '(emplacement)',
        message: 'fichier ignoré par le site : il doit être un fichier .mdx rangé dans un dossier de collection',
        allowed: folders.map((f) => `${contentDir}/${f}/…/*.mdx`).join(', '),
      });
      continue;
    }
    try {
      // Options given: gray-matter then keeps no copy of every file in its cache.
      const text = readFileSync(path, 'utf8');
      const parsed = matter(text, {});
      // The body is the end of the file: the lines before it are the front matter's.
      const start = text.endsWith(parsed.content) ? text.length - parsed.content.length : 0;
      const bodyLine = text.slice(0, start).split('\n').length;
      files.push({ collection, file, pathInCollection, frontmatter: parsed.data, body: parsed.content, bodyLine });
    } catch (error) {
      problems.push({ file, field: '(front matter)', message: `en-tête YAML illisible : ${(error as Error).message.split('\n')[0]}` });
    }
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  return { files, problems };
}
