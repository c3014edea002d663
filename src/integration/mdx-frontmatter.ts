/**
 * One reader of front matter, for MDX bodies too. A body that needs MDX is compiled by Astro's MDX
 * plugin, which would read the file's front matter again with its own YAML parser (js-yaml) and
 * stop the build with its own English message where that parser disagrees with ours. The content
 * layer takes its data from src/model/frontmatter.ts only; this Vite plugin, whose transform runs
 * before the MDX one's, hands it the file with its front matter emptied (the lines kept, so that
 * positions in the body stay right). A file our reader refuses is left as it is: the content check has already
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

const NAME = 'conventions:one-frontmatter-reader';

export function oneFrontmatterReader(contentDir: string): Plugin {
  return {
    name: NAME,
    enforce: 'pre',
    configResolved(config) {
      // The integration that adds this plugin (./site-build.ts) comes after `mdx()`, so the MDX
      // plugin comes first in the list: this transform runs first through its `order`, unless the
      // MDX plugin's runs at that order too. Checked, not assumed.
      const mdx = config.plugins.find((p) => p.name === '@mdx-js/rolldown');
      const order = mdx && typeof mdx.transform === 'object' ? mdx.transform.order : undefined;
      if (order === 'pre' && config.plugins.indexOf(mdx!) < config.plugins.findIndex((p) => p.name === NAME)) {
        throw new Error('astro.config.mjs : le greffon qui vide l’en-tête des corps MDX doit passer avant celui de MDX.');
      }
    },
    transform: {
      order: 'pre',
      filter: { id: /\.mdx$/ },
      handler(code, id) {
        if (!id.startsWith(contentDir)) return undefined;
        return { code: emptyFrontmatter(code), map: null };
      },
    },
  };
}
