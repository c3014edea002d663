/**
 * The test fixtures (tests/unit/catalogue-fixtures.ts: three review rounds with every kind of
 * change) built as a site of their own, with the project's own build (issue 10): each round's
 * "what changed" page lists exactly the moved, new and withdrawn actions. The real documents have
 * one round each, so only this site shows those parts of the page.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { catalogueFiles, PLAN } from '../unit/catalogue-fixtures.ts';
import { selectAll } from '../hast.ts';

const project = process.cwd();
const root = mkdtempSync(join(tmpdir(), 'site-essai-'));

before(() => {
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    cpSync(join(project, entry), join(root, entry), { recursive: true });
  // node_modules as a folder of links, so that Astro's caches stay in this copy.
  const modules = realpathSync(join(project, 'node_modules'));
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(modules))
    if (!['.astro', '.vite', '.cache'].includes(name)) symlinkSync(join(modules, name), join(root, 'node_modules', name));
  for (const folder of ['glossaire', 'organisations']) mkdirSync(join(root, 'content', folder), { recursive: true });
  for (const f of catalogueFiles()) {
    mkdirSync(join(root, dirname(f.file)), { recursive: true });
    // JSON is YAML: the front matter as the fixtures give it.
    writeFileSync(join(root, f.file), `---\n${JSON.stringify(f.frontmatter)}\n---\n${f.body ?? ''}\n`);
  }
  const build = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BASE_PATH: '/' },
  });
  assert.equal(build.status, 0, `${build.stdout}\n${build.stderr}`);
});
after(() => rmSync(root, { recursive: true, force: true }));

/** Text as read aloud: the status symbols are decoration (aria-hidden), spaces collapsed. */
const words = (node: Parameters<typeof toString>[0]) =>
  toString(node)
    .replace(/[✓➜○◑↺↻✕]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const page = (path: string) => fromHtml(readFileSync(join(root, 'dist', path, 'index.html'), 'utf8'));

/** For each h2 of <main>: its id, and the action pages linked below it, by their file name. */
function sections(path: string): Record<string, string[]> {
  const main = selectAll(page(path), (e) => e.tagName === 'main')[0]!;
  const out: Record<string, string[]> = {};
  let current = '';
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'h2') out[(current = String(child.properties.id))] = [];
      else if (current && child.tagName === 'a' && /\/actions\/[^/]+\/$/.test(String(child.properties.href)))
        out[current]!.push(String(child.properties.href).split('/').at(-2)!);
      else walk(child);
    }
  };
  walk(main);
  return out;
}

test('first round: the actions reviewed are new; those not yet reviewed are said so', () => {
  assert.deepEqual(sections(`${PLAN}/bilans/b2024/`), {
    nouvelles: ['action-1', 'action-2', 'action-4'],
    'non-evaluees': ['action-3', 'action-5', 'mesure'],
  });
  assert.match(toString(page(`${PLAN}/bilans/b2024/`)), /Premier bilan du document/);
});

test('second round: one status moved, one action new, the unchanged ones counted', () => {
  assert.deepEqual(sections(`${PLAN}/bilans/b2025/`), {
    modifies: ['action-1'],
    nouvelles: ['action-3'],
    'non-evaluees': ['action-2', 'action-5', 'mesure'],
  });
  const text = words(page(`${PLAN}/bilans/b2025/`));
  assert.match(text, /Statut modifié : 1 action/);
  assert.match(text, /Statut inchangé : 1 action/);
  assert.match(text, /Action n°1 : Action 1En cours \(EC\) \(Bilan 2024\)Réalisé \(R\)/);
});

test('third round: a move from the last known status, a new measure, a merged action with the one that takes it over', () => {
  assert.deepEqual(sections(`${PLAN}/bilans/b2026/`), {
    modifies: ['action-2'],
    nouvelles: ['mesure'],
    retirees: ['action-4', 'action-2'],
    'non-evaluees': ['action-5'],
  });
  assert.match(words(page(`${PLAN}/bilans/b2026/`)), /fusionnée dans Action n°2 \(Reprise par l’action 2\.\)/);
});

test('the rounds page and the action page give each round its status, "pas évaluée" or "retirée"', () => {
  const cells = selectAll(page(`${PLAN}/bilans/`), (e) => e.tagName === 'tr')
    .slice(1)
    .map((tr) => selectAll(tr, (e) => e.tagName === 'td' || e.tagName === 'th').map(words));
  assert.deepEqual(
    cells.map((row) => row.slice(1).map((c) => c.replace(/ \(\w+\)$/, ''))),
    [
      ['En cours', 'Réalisé', 'Réalisé'],
      ['Non réalisé', 'Pas évaluée', 'En cours'],
      ['Pas évaluée', 'En cours', 'En cours'],
      ['Non réalisé', 'Non réalisé', 'Retirée'],
      ['Pas évaluée', 'Pas évaluée', 'Pas évaluée'],
      ['Pas évaluée', 'Pas évaluée', 'En cours'],
    ],
  );
  const history = words(selectAll(page(`${PLAN}/actions/action-1/`), (e) => e.tagName === 'table')[0]!);
  assert.match(history, /Bilan 2025décembre 2025Réalisé \(R\) Justificatif : 12 recrutements en 2025/);
});
