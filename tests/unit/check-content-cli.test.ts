/**
 * `npm run check:content` on a broken copy of the fixture site's content (tests/fixtures/site/), so
 * that the test holds whatever documents content/ holds: French report on stderr, exit 1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { validFiles } from './fixtures.ts';
import { FIXTURE_SOURCES } from '../fixture-site.ts';
import { tempDir } from '../temp-dir.ts';

const script = join(process.cwd(), 'scripts/tooling/check-content.ts');
const run = (cwd: string) => spawnSync(process.execPath, [script], { cwd, encoding: 'utf8' });

/** The fixture site's content and public/ (its evidence files), copied to a project of its own. */
function copyContent(): string {
  const dir = tempDir('contenu-');
  for (const folder of ['content', 'public']) cpSync(join(FIXTURE_SOURCES, folder), join(dir, folder), { recursive: true });
  return dir;
}

/** The small fixture (tests/unit/fixtures.ts) written as block YAML files; `change` edits a file's text by name. */
function fixtureProject(change: Record<string, (text: string) => string> = {}): string {
  const dir = tempDir('contenu-essai-');
  for (const f of validFiles()) {
    const text = `---\n${stringify(f.frontmatter)}---\n`;
    mkdirSync(dirname(join(dir, f.file)), { recursive: true });
    writeFileSync(join(dir, f.file), change[f.file]?.(text) ?? text);
  }
  return dir;
}

/** The line (from 1) of the first line of `file` in `dir` that holds `text`. */
const lineOf = (dir: string, file: string, text: string) =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

test('the real content and the fixture site’s pass', () => {
  for (const dir of [process.cwd(), FIXTURE_SOURCES]) {
    const result = run(dir);
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      // Only what there is is counted (a blank site has no section): the exact wording is pinned below.
      /^Contenu valide : \d+ conventions?(, \d+ [^,\d]+)*\.$/m,
    );
  }
});

test('a broken status stops the check with the file, field, value and allowed codes', () => {
  const dir = copyContent();
  const file = 'content/actions/plan-essai/action-2.mdx';
  writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace('status: NR', 'status: FINI'));
  const line = lineOf(dir, file, 'status: FINI');
  assert.ok(line > 2, 'the line is counted in the file, its opening --- included');
  const result = run(dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /Le contenu comporte 1 erreur\./);
  assert.match(result.stderr, new RegExp(`✗ ${file}, ligne ${line}\\n  champ « statuses.0.status » : statut inconnu`));
  assert.match(result.stderr, /valeur trouvée : « FINI »\n  valeurs permises : R \(Objectif réalisé\), EC/);
});

test('an evidence file that is missing, or of a refused type, stops the check with the file, line, value and what is allowed', () => {
  const dir = copyContent();
  const file = 'content/actions/plan-essai/action-1.mdx';
  const pdf = 'bilan-2025/recrutements-2025.pdf';
  const text = readFileSync(join(dir, file), 'utf8');
  assert.ok(text.includes(`file: ${pdf}`), 'the fixture names its evidence file');
  // Renamed on disk: the page would link to nothing.
  renameSync(join(dir, 'public/justificatifs', pdf), join(dir, 'public/justificatifs/bilan-2025/autre.pdf'));
  let result = run(dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /Le contenu comporte 1 erreur\./);
  assert.match(
    result.stderr,
    new RegExp(
      `✗ ${file}, ligne ${lineOf(dir, file, pdf)}\\n  champ « statuses.1.evidence.0.file » : aucun fichier public/justificatifs/${pdf} : le justificatif n’a pas été déposé, ou son nom diffère\\n  valeur trouvée : « ${pdf} »\\n  valeurs permises : un fichier PDF, ODT, DOCX, ODS, XLSX, CSV, PNG, JPEG \\(extension \\.pdf, \\.odt, \\.docx, \\.ods, \\.xlsx, \\.csv, \\.png, \\.jpg, \\.jpeg\\) déposé dans public/justificatifs/`,
    ),
  );
  // A type the site does not publish, even present on disk.
  writeFileSync(join(dir, 'public/justificatifs/bilan-2025/recrutements-2025.exe'), 'MZ');
  writeFileSync(join(dir, file), text.replace(`file: ${pdf}`, 'file: bilan-2025/recrutements-2025.exe'));
  result = run(dir);
  assert.equal(result.status, 1);
  assert.match(
    result.stderr,
    new RegExp(
      `✗ ${file}, ligne ${lineOf(dir, file, '.exe')}\\n  champ « statuses.1.evidence.0.file » : type de fichier refusé : le site ne publie comme justificatif que les documents, tableurs et images courants\\n  valeur trouvée : « bilan-2025/recrutements-2025.exe »\\n  valeurs permises : un fichier PDF, ODT`,
    ),
  );
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
  const outside = tempDir('dehors-');
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

test('the summary counts only what there is, in French', () => {
  const result = run(fixtureProject());
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, 'Contenu valide : 1 convention, 1 axe, 1 objectif, 2 actions.\n');
});

test('a schema error in one file does not hide a broken link in another: both are reported, each at its line', () => {
  const axis = 'content/axes/essai/axe-1.mdx';
  const action = 'content/actions/essai/action-2.mdx';
  const dir = fixtureProject({
    // A typo in the axis's title field: the axis does not validate.
    [axis]: (t) => t.replace('title:', 'titre:'),
    // A link from action 2 to an action the document does not have.
    [action]: (t) => t.replace('kind: action\n', 'kind: action\nseeAlso:\n  - "1"\n  - "9"\n'),
  });
  const result = run(dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^Le contenu comporte 3 erreurs\./);
  assert.match(result.stderr, new RegExp(`✗ ${axis}, ligne ${lineOf(dir, axis, 'titre:')}\\n  champ « titre » : champ inconnu`));
  assert.match(result.stderr, new RegExp(`✗ ${axis}\\n  champ « title » : champ obligatoire manquant`));
  assert.match(
    result.stderr,
    new RegExp(`✗ ${action}, ligne ${lineOf(dir, action, '- "9"')}\\n  champ « seeAlso.1 » : aucune action de la convention « essai »`),
  );
  // The actions link to the axis that did not validate: that link is not reported, the axis's own problem is.
  assert.doesNotMatch(result.stderr, /champ « axis »/);
});
