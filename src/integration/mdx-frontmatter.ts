/**
 * One reader of front matter, for MDX bodies too. A body that needs MDX is compiled by Astro's MDX
 * plugin, which would read the file's front matter again with its own YAML parser (js-yaml) and
 * stop the build with its own English message where that parser disagrees with ours. The content
 * layer takes its data from src/model/frontmatter.ts only; this Vite plugin, placed before the MDX
 * one, hands it the file with its front matter emptied (the lines kept, so that positions in the
 * body stay right). A file our reader refuses is left as it is: the content check has already
 * stopped the build on it, in French.
 */
import type { Plugin } from 'vite';
import { readFrontmatter } from '../model/frontmatter.ts';

/** The file with an empty front matter of the same number of lines, or as it is if unreadable. */
export function emptyFrontmatter(source: string): string {
  const read = readFrontmatter(source);
  if (!read.ok) return source;
  return `---\n${'\n'.repeat(read.bodyLine - 3)}---\n${read.body}`;
}

export function oneFrontmatterReader(contentDir: string): Plugin {
  return {
    name: 'conventions:one-frontmatter-reader',
    enforce: 'pre',
    configResolved(config) {
      // Before the MDX plugin, or it would read the front matter first: checked, not assumed.
      const names = config.plugins.map((p) => p.name);
      const mdx = names.indexOf('@mdx-js/rolldown');
      if (mdx >= 0 && mdx < names.indexOf('conventions:one-frontmatter-reader')) {
        throw new Error('astro.config.mjs : le greffon qui vide l’en-tête des corps MDX doit passer avant celui de MDX.');
      }
    },
    transform(code, id) {
      if (!id.endsWith('.mdx') || !id.startsWith(contentDir)) return undefined;
      return { code: emptyFrontmatter(code), map: null };
    },
  };
}
