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
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

const toPosix = (p: string) => p.split(sep).join('/');

/**
 * Reads every file under `contentDir`. A file that no collection would load (wrong folder, wrong
 * extension) is reported rather than silently left out of the site.
 */
export function readContent(root: string, contentDir = 'content'): { files: RawFile[]; problems: Problem[] } {
  const files: RawFile[] = [];
  const problems: Problem[] = [];
  const byFolder = new Map<string, CollectionName>(Object.entries(COLLECTIONS).map(([name, c]) => [c.folder, name as CollectionName]));
  for (const path of walk(join(root, contentDir))) {
    const file = toPosix(relative(root, path));
    const [folder, ...rest] = toPosix(relative(join(root, contentDir), path)).split('/');
    const collection = byFolder.get(folder!);
    if (!collection || rest.length === 0 || !file.endsWith('.mdx')) {
      problems.push({
        file,
        field: '(emplacement)',
        message: 'fichier ignoré par le site : il doit être un fichier .mdx rangé dans un dossier de collection',
        allowed: [...byFolder.keys()].map((f) => `${contentDir}/${f}/…/*.mdx`).join(', '),
      });
      continue;
    }
    try {
      const parsed = matter(readFileSync(path, 'utf8'));
      files.push({ collection, file, pathInCollection: rest.join('/'), frontmatter: parsed.data, body: parsed.content });
    } catch (error) {
      problems.push({ file, field: '(front matter)', message: `en-tête YAML illisible : ${(error as Error).message.split('\n')[0]}` });
    }
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  return { files, problems };
}
