/**
 * Review rounds of the five documents (issue 10): a round only where the source gives one, labelled
 * in the source's words; no history invented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { fold } from '../../src/model/text.ts';

const { entries } = validateAll(readContent(process.cwd()).files);
/** The rounds each of the five documents gives; a document added beside them is not theirs to check. */
const EXPECTED: Record<string, [string, string][]> = {
  'inserm-fiphfp-2023-2026': [['bilans-2023-2025', '2023-2025']],
  'inserm-hrs4r-2022': [['evaluation-interne-2022', '2022-03']],
  'ucanss-agefiph-2016': [],
  'convention-multipartite-2017-2020': [],
  'justice-circulaire-2004-21': [],
};
const conventions = entries.conventions.filter((c) => c.id in EXPECTED);
const source = (id: string) => {
  const c = entries.conventions.find((x) => x.id === id)!;
  return fold(readFileSync(join(process.cwd(), 'tests/content/seeds/sources', c.data.source.file), 'utf8'));
};

test('the two plans with statuses have one round each, in the words of their source; the others none', () => {
  const rounds = Object.fromEntries(conventions.map((c) => [c.id, c.data.rounds ?? []]));
  assert.deepEqual(Object.fromEntries(Object.entries(rounds).map(([id, r]) => [id, r.map((x) => [x.id, x.date ?? x.period])])), EXPECTED);
  assert.ok(source('inserm-fiphfp-2023-2026').includes(fold('à l’issue des bilans 2023, 2024 et 2025 de la convention')));
  assert.ok(source('inserm-hrs4r-2022').includes(fold('évaluation en interne en vue du renouvellement de l’accréditation')));
  assert.ok(source('inserm-hrs4r-2022').includes(fold('Mars 2022 | Renouvellement du label')));
  for (const [id, [round]] of Object.entries(rounds)) {
    if (round) assert.ok(source(id).includes(fold(round.label)), `${id} : « ${round.label} »`);
  }
});

test('every status of those plans belongs to their one round; no action has a second one', () => {
  for (const a of entries.actions.filter((x) => x.data.convention in EXPECTED)) {
    const rounds = conventions.find((c) => c.id === a.data.convention)!.data.rounds ?? [];
    for (const s of a.data.statuses ?? []) assert.equal(s.round, rounds[0]?.id, a.file);
    assert.ok((a.data.statuses ?? []).length <= 1, a.file);
  }
});
