/**
 * The content loader: Markdown bodies rendered at load, MDX kept for the bodies that need it, no
 * module for entries without a body, and the French report when the content is broken.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentLoader, needsMdx } from '../../src/integration/content-loader.ts';
import { validFiles } from './fixtures.ts';
import { tempDir } from '../temp-dir.ts';

/** Writes the valid fixture as files, with the given bodies (by path in content/). */
function project(bodies: Record<string, string>, change?: (file: string, text: string) => string): string {
  const root = tempDir('chargeur-');
  for (const f of validFiles()) {
    const yaml = JSON.stringify(f.frontmatter); // JSON is YAML.
    let text = `---\n${yaml}\n---\n${bodies[f.file] ?? ''}`;
    if (change) text = change(f.file, text);
    mkdirSync(dirname(join(root, f.file)), { recursive: true });
    writeFileSync(join(root, f.file), text);
  }
  return root;
}

/** Runs one collection's loader against a store kept in a Map. */
async function load(root: string, collection: 'actions' | 'conventions') {
  const entries = new Map<string, Record<string, unknown>>();
  const modules: string[] = [];
  const store = {
    keys: () => [...entries.keys()],
    get: (id: string) => entries.get(id),
    // As Astro's store does: an entry left to render later brings its module into the build.
    set: (e: Record<string, unknown> & { id: string; filePath?: string }) => {
      if (e.deferredRender && e.filePath) modules.push(e.filePath);
      entries.set(e.id, e);
      return true;
    },
    delete: (id: string) => entries.delete(id),
    addModuleImport: (file: string) => modules.push(file),
  };
  const context = {
    collection,
    store,
    config: { root: pathToFileURL(`${root}/`) },
    logger: { info() {}, error() {} },
    generateDigest: (s: string) => String(s.length) + s.slice(0, 40),
    renderMarkdown: (body: string) => Promise.resolve({ html: `<md>${body.trim()}</md>` }),
  };
  await contentLoader(collection).load(context as never);
  return { entries, modules };
}

test('Markdown bodies are rendered at load, MDX bodies left to MDX, empty bodies get nothing', async () => {
  const root = project({
    'content/actions/essai/action-1.mdx': 'Un texte **simple**.\n',
    'content/actions/essai/action-2.mdx': 'Le 7<sup>e</sup> programme.\n',
  });
  const { entries, modules } = await load(root, 'actions');
  assert.deepEqual(entries.get('essai/action-1')!.rendered, { html: '<md>Un texte **simple**.</md>' });
  assert.equal(entries.get('essai/action-1')!.deferredRender, undefined);
  assert.equal(entries.get('essai/action-2')!.deferredRender, true);
  assert.deepEqual(modules, ['content/actions/essai/action-2.mdx']);
  assert.equal((entries.get('essai/action-2')!.data as { title: string }).title, 'Action 2');
  const { entries: conventions } = await load(root, 'conventions');
  assert.equal(conventions.get('essai')!.rendered, undefined);
  assert.equal(conventions.get('essai')!.body, undefined);
});

test('what needs MDX: JSX or HTML, expressions, import/export, indented code (not tables)', () => {
  for (const body of ['a <sup>b</sup>', 'a {1 + 1}', 'import X from "y"\n\n<X />', 'export const a = 1', 'texte\n\n    code']) {
    assert.ok(needsMdx(body), body);
  }
  for (const body of [
    'Un paragraphe.',
    '- une liste\n- de points',
    '## Titre\n\nTexte [lien](https://exemple.fr) et note[^1].\n\n[^1]: La note.',
    '| a | b |\n| - | - |\n| 1 | 2 |',
  ]) {
    assert.ok(!needsMdx(body), body);
  }
});

test('broken content stops the load with the French report, without a stack trace', async () => {
  const root = project({}, (file, text) => (file.endsWith('action-1.mdx') ? text.replace('"status":"R"', '"status":"FAIT"') : text));
  assert.ok(readFileSync(join(root, 'content/actions/essai/action-1.mdx'), 'utf8').includes('FAIT'));
  await assert.rejects(load(root, 'actions'), (error: Error) => {
    // The front matter is one line of JSON (line 2): every field of it is on that line.
    assert.match(error.message, /✗ content\/actions\/essai\/action-1\.mdx, ligne 2\n  champ « statuses.0.status » : statut inconnu/);
    assert.equal(error.stack, error.message);
    return true;
  });
});

test('an unsafe body stops the load with the same French report, at its line in the file', async () => {
  // Three lines of front matter (---, the JSON, ---): the body's third line is the file's sixth.
  const root = project({ 'content/actions/essai/action-2.mdx': 'Texte.\n\n<script>alert(1)</script>\n' });
  await assert.rejects(load(root, 'actions'), (error: Error) => {
    assert.match(error.message, /^Le contenu comporte 1 erreur\./);
    assert.match(
      error.message,
      /✗ content\/actions\/essai\/action-2\.mdx, ligne 6\n  champ « \(corps du texte\) » : balise <script> refusée/,
    );
    return true;
  });
});

test('an evidence file that is missing, or of a refused type, stops the load (so the build) in French', async () => {
  const withEvidence = (file: string) => (name: string, text: string) =>
    name.endsWith('action-1.mdx')
      ? text.replace('"status":"R"', `"status":"R","evidence":[{"title":"Bilan 2024","file":"${file}"}]`)
      : text;
  for (const [file, said] of [
    ['bilan-2024.pdf', /aucun fichier public\/justificatifs\/bilan-2024\.pdf : le justificatif n’a pas été déposé/],
    ['outil.exe', /type de fichier refusé/],
  ] as const) {
    await assert.rejects(load(project({}, withEvidence(file)), 'actions'), (error: Error) => {
      assert.match(error.message, /^Le contenu comporte 1 erreur\./);
      assert.match(error.message, /content\/actions\/essai\/action-1\.mdx, ligne 2\n {2}champ « statuses\.0\.evidence\.0\.file »/);
      assert.match(error.message, said);
      assert.ok(error.message.includes(file), error.message);
      assert.equal(error.stack, error.message);
      return true;
    });
  }
});
