/**
 * The form editor (npm run editeur) is a local tool: nothing of it may reach the published site.
 * Reads the existing dist/ (run after `npm run build`): no admin page, no CMS script or
 * configuration, no page or script that names Sveltia CMS.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { DIST } from '../site.ts';

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.txt', '.yml', '.yaml', '.webmanifest', '.csv']);

/** Files of a built folder that belong to the editor: by name, or by what a text file says. */
export function editorFiles(files: string[], read: (file: string) => string): string[] {
  return files.filter((f) => {
    if (/(^|\/)(admin|editeur)(\/|$)|sveltia|(^|\/)config\.ya?ml$|demarrage\.js$/i.test(f)) return true;
    // pagefind/ holds the search index (binary fragments) and its own code: not written by us.
    return TEXT.has(extname(f)) && !f.startsWith('pagefind/') && /sveltia|cms-config-url/i.test(read(f));
  });
}

test('dist/ holds no file of the form editor', () => {
  const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) =>
      join(d.parentPath, d.name)
        .slice(DIST.length + 1)
        .split('\\')
        .join('/'),
    );
  assert.ok(files.length > 30, 'dist/ manque ou est vide : lancez npm run build');
  assert.deepEqual(
    editorFiles(files, (f) => readFileSync(join(DIST, f), 'utf8')),
    [],
  );
});

test('self-test: the check finds an editor page, script or configuration', () => {
  const fake: Record<string, string> = {
    'index.html': '<html lang="fr"><body>Accueil</body></html>',
    'admin/index.html': '<link href="/admin/config.yml" type="text/yaml" rel="cms-config-url" />',
    '_astro/cms.js': 'window.SveltiaCMS = {}',
    'config.yml': 'backend: {}',
    'pagefind/fragment.json': 'sveltia',
  };
  assert.deepEqual(
    editorFiles(Object.keys(fake), (f) => fake[f]!),
    ['admin/index.html', '_astro/cms.js', 'config.yml'],
  );
});
