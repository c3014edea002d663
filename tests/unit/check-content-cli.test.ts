/**
 * `npm run check:content` on a broken copy of the fixture site's content (tests/fixtures/site/), so
 * that the test holds whatever documents content/ holds: French report on stderr, exit 1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_SOURCES } from '../fixture-site.ts';

const script = join(process.cwd(), 'scripts/tooling/check-content.ts');
const run = (cwd: string) => spawnSync(process.execPath, [script], { cwd, encoding: 'utf8' });

function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'contenu-'));
  cpSync(join(FIXTURE_SOURCES, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

test('the real content and the fixture site’s pass', () => {
  for (const dir of [process.cwd(), FIXTURE_SOURCES]) {
    const result = run(dir);
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /^Contenu valide : \d+ conventions?, \d+ axes?, \d+ objectifs?, \d+ actions?, \d+ sections?, \d+ procédures?, \d+ termes? du glossaire, \d+ organismes? et rôles?\.$/m,
    );
  }
});

test('a broken status stops the check with the file, field, value and allowed codes', () => {
  const dir = copyContent();
  const file = 'content/actions/plan-essai/action-2.mdx';
  writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace('status: NR', 'status: FINI'));
  const result = run(dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /Le contenu comporte 1 erreur\./);
  assert.match(result.stderr, new RegExp(`✗ ${file}\\n  champ « statuses.0.status » : statut inconnu`));
  assert.match(result.stderr, /valeur trouvée : « FINI »\n  valeurs permises : R \(Objectif réalisé\), EC/);
});

test('a file the site would not load is reported, not dropped', () => {
  const dir = copyContent();
  writeFileSync(join(dir, 'content/actions/plan-essai/action-71.md'), '---\ntitle: x\n---\n');
  const result = run(dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /action-71\.md\n  champ « \(emplacement\) » : fichier ignoré par le site/);
});

test('a symbolic link in the content is reported in French, never followed nor a raw system error', () => {
  const dir = copyContent();
  const outside = mkdtempSync(join(tmpdir(), 'dehors-'));
  writeFileSync(join(outside, 'secret.mdx'), '---\ntitle: x\n---\n');
  symlinkSync(outside, join(dir, 'content/conventions/lien-dossier.mdx'));
  symlinkSync(join(outside, 'secret.mdx'), join(dir, 'content/conventions/lien-fichier.mdx'));
  const result = run(dir);
  assert.equal(result.status, 1);
  assert.doesNotMatch(result.stderr, /EISDIR|ENOENT|at .*\.ts:\d+/);
  for (const name of ['lien-dossier.mdx', 'lien-fichier.mdx']) {
    assert.match(result.stderr, new RegExp(`${name}\\n  champ « \\(emplacement\\) » : lien symbolique ou fichier spécial`));
  }
});

test('an unsafe body stops the check with the file, the line in the file and what to write instead', () => {
  const dir = copyContent();
  const file = 'content/conventions/plan-essai.mdx';
  const text = readFileSync(join(dir, file), 'utf8');
  const line = text.split('\n').findIndex((l) => l.includes('1<sup>er</sup>')) + 1;
  assert.ok(line > 10, 'the line is counted from the top of the file, front matter included');
  writeFileSync(join(dir, file), text.replace('1<sup>er</sup>', '1<sup onmouseover="alert(1)">er</sup>'));
  const result = run(dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /Le contenu comporte 1 erreur\./);
  assert.match(
    result.stderr,
    new RegExp(`✗ ${file}, ligne ${line}\\n  champ « \\(corps du texte\\) » : attribut onmouseover refusé : il exécuterait du code`),
  );
  assert.match(result.stderr, /valeur trouvée : « onmouseover="alert\(1\)" »\n  valeurs permises : rien : retirez l’attribut/);
});
