/**
 * The yardstick of the build benchmark (issue 9): the simplest Astro site that publishes the same
 * corpus. No integration, a one-line layout, one page per entry that has a page in our site
 * (documents, sections, axes, actions, procedures, glossary terms, organisations), read by a
 * small inline content loader: front matter parsed with gray-matter, bodies rendered with the
 * loader context's `renderMarkdown` (the bodies are Markdown; .mdx would need the MDX
 * integration). The Pagefind CLI then indexes its dist/. scripts/bench/command.ts writes it into a
 * temporary folder and builds it beside our project.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Collections (folders of content/) whose entries have a page; objectives are parts of their axis page. */
export const PAGED_FOLDERS = ['conventions', 'sections', 'axes', 'actions', 'procedures', 'glossaire', 'organisations'];

/** Writes the reference site into `dir`, reading the corpus at `contentDir` (absolute path). */
export function writeReference(dir: string, contentDir: string) {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'reference-astro', private: true, type: 'module' }, null, 2),
    'astro.config.mjs': `import { defineConfig } from 'astro/config';
export default defineConfig({ trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false } });
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import matter from 'gray-matter';

const root = ${JSON.stringify(contentDir)};
const folders = ${JSON.stringify(PAGED_FOLDERS)};
const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));

const entries = defineCollection({
  loader: {
    name: 'corpus',
    async load({ store, renderMarkdown }) {
      store.clear();
      for (const folder of folders) {
        for (const file of walk(join(root, folder)).filter((f) => f.endsWith('.mdx')).sort()) {
          const { data, content } = matter(readFileSync(file, 'utf8'));
          const id = folder + '/' + relative(join(root, folder), file).replace(/\\.mdx$/, '');
          const body = content.trim();
          store.set({ id, data, body: body || undefined, rendered: body ? await renderMarkdown(body) : undefined });
        }
      }
    },
  },
});

export const collections = { entries };
`,
    'src/layouts/Base.astro': `---
const { title } = Astro.props;
---
<html lang="fr"><head><meta charset="utf-8" /><title>{title}</title></head><body><main><slot /></main></body></html>
`,
    'src/pages/[...slug].astro': `---
import { getCollection } from 'astro:content';
import Base from '../layouts/Base.astro';

export async function getStaticPaths() {
  const entries = await getCollection('entries');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const data = entry.data as Record<string, unknown>;
const title = String(data.title ?? data.term ?? data.name ?? entry.id);
// Every other front-matter value, as text: the page carries the same words as ours.
const text = (v: unknown): string => (Array.isArray(v) ? v.map(text).join(' ; ') : v && typeof v === 'object' ? Object.values(v).map(text).join(' ') : String(v));
const fields = Object.entries(data).filter(([k]) => k !== 'title');
---
<Base title={title}>
  <h1>{title}</h1>
  <dl>{fields.map(([k, v]) => <><dt>{k}</dt><dd>{text(v)}</dd></>)}</dl>
  {entry.rendered && <Fragment set:html={entry.rendered.html} />}
</Base>
`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
