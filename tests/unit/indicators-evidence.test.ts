/**
 * Issue 24 on small in-memory fixtures: an indicator's values beside their rounds, in the rounds'
 * order (src/catalogue/catalogue.ts); where each kind of evidence leads and in what format; and the
 * check that an evidence file is published (src/model/evidence.ts), with its self-test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorView } from '../../src/catalogue/catalogue.ts';
import type { RoundView } from '../../src/catalogue/types.ts';
import {
  EVIDENCE_FOLDER,
  EVIDENCE_FORMATS,
  checkEvidenceFiles,
  evidenceFilePath,
  evidenceFormat,
  evidenceTarget,
} from '../../src/model/evidence.ts';
import { ROOT_FOLDERS } from '../../src/model/ids.ts';
import { validateAll } from '../../src/model/validate.ts';
import { withChange } from './fixtures.ts';
import { tempDir } from '../temp-dir.ts';
import { PLAN, fixtureCatalogue } from './catalogue-fixtures.ts';

const round = (id: string, index: number): RoundView => ({ id, label: id, path: `bilans/${id}/`, index });

test('an indicator view lists its values in the order of the document’s rounds, each with its round; a round without value has none', () => {
  const rounds = [round('b2024', 0), round('b2025', 1), round('b2026', 2)];
  const view = indicatorView(
    {
      id: 'taux',
      label: 'Taux',
      unit: '%',
      direction: 'hausse',
      target: { value: 6 },
      values: [
        { round: 'b2026', value: 6.1, source: 'RSU 2026' },
        { round: 'b2024', value: 5.4 },
      ],
    },
    rounds,
  );
  assert.deepEqual(
    view.values.map((v) => [v.round.id, v.value, v.source]),
    [
      ['b2024', 5.4, undefined],
      ['b2026', 6.1, 'RSU 2026'],
    ],
  );
  assert.equal(view.values[1]!.round, rounds[2], 'the round itself, with its page');
  assert.deepEqual(view.target, { value: 6 });
});

test('the catalogue carries each action’s indicators and each round’s evidence', () => {
  const action = fixtureCatalogue().actions.find((a) => a.id === `${PLAN}/action-1`)!;
  assert.deepEqual(action.indicators, []);
  assert.deepEqual(
    action.history.map((h) => h.evidence?.map((e) => e.title)),
    [undefined, ['Tableau des recrutements 2025'], undefined],
  );
});

test('where evidence leads: another site as written, a page or a file of the site under its base, with the file’s format', () => {
  assert.deepEqual(evidenceTarget({ title: 'RSU', url: 'https://exemple.fr/rsu?annee=2025' }), {
    address: 'https://exemple.fr/rsu?annee=2025',
    external: true,
  });
  assert.deepEqual(evidenceTarget({ title: 'Page', url: '/documents/' }), { address: 'documents/', external: false });
  assert.deepEqual(evidenceTarget({ title: 'Bilan', file: '2025/Bilan.PDF' }), {
    address: `${EVIDENCE_FOLDER}/2025/Bilan.PDF`,
    external: false,
    format: EVIDENCE_FORMATS.pdf,
  });
  assert.equal(evidenceFormat('photo.jpg'), evidenceFormat('photo.JPEG'));
  assert.equal(evidenceFormat('script.exe'), undefined);
  assert.equal(evidenceFormat('sans-extension'), undefined);
  // The folder is the site's: no document may take its name.
  assert.ok(ROOT_FOLDERS.includes(EVIDENCE_FOLDER));
});

test('an evidence file must be published: checked when the project’s root is given, with the file’s line (self-test: it can fail)', () => {
  const file = 'content/actions/essai/action-1.mdx';
  const files = withChange(file, {
    statuses: [{ round: 'bilan-2024', status: 'R', evidence: [{ title: 'Bilan', file: '2024/bilan.pdf' }] }],
  });
  const root = tempDir('justificatifs-');
  // Not there yet; a folder of that name is no file either.
  mkdirSync(evidenceFilePath(root, '2024/bilan.pdf'), { recursive: true });
  const missing = validateAll(files, [], { root }).problems;
  assert.deepEqual(
    missing.map((p) => [p.file, p.line, p.field, p.value]),
    [[file, 15, 'statuses.0.evidence.0.file', '2024/bilan.pdf']],
  );
  assert.match(missing[0]!.message, /^aucun fichier public\/justificatifs\/2024\/bilan\.pdf : le justificatif n’a pas été déposé/);
  // Without a root (a check of the content alone), files are not looked for.
  assert.deepEqual(validateAll(files).problems, []);
  const other = tempDir('justificatifs-');
  mkdirSync(join(other, 'public', EVIDENCE_FOLDER, '2024'), { recursive: true });
  writeFileSync(evidenceFilePath(other, '2024/bilan.pdf'), '%PDF-1.4\n');
  assert.deepEqual(validateAll(files, [], { root: other }).problems, []);
  assert.equal(checkEvidenceFiles(other, validateAll(files).entries).length, 0);
});
