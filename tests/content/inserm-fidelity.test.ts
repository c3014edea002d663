/**
 * The Inserm FIPHFP plan in content/ says what the source says: every numbered action with the
 * same number, wording, axis, objective and indicator; the 2 unnumbered measures of axis 8; the
 * 8 axes and their objectives; the legend. The source is read by tests/content/seeds/inserm-seed.ts,
 * independently of the content files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { fold as foldText } from '../../src/model/text.ts';
import { parseInsermSeed } from './seeds/inserm-seed.ts';

const CONVENTION = 'inserm-fiphfp-2023-2026';
const { entries, problems } = validateAll(readContent(process.cwd()).files);
const seed = parseInsermSeed();
const of = <T extends { data: { convention: string } }>(list: T[]) => list.filter((e) => e.data.convention === CONVENTION);
/** Compares titles that the PDF prints in capitals without accents. */
const fold = (s: string) => foldText(s).toUpperCase().replace(/\s+/g, ' ').trim();

test('the content is valid', () => assert.deepEqual(problems, []));

test('the source has 70 numbered actions and 2 measures, and so does the site', () => {
  assert.equal(seed.items.filter((i) => i.number).length, 70);
  assert.equal(seed.items.filter((i) => !i.number).length, 2);
  const actions = of(entries.actions);
  assert.equal(actions.filter((a) => a.data.kind === 'action').length, 70);
  assert.equal(actions.filter((a) => a.data.kind === 'mesure').length, 2);
  assert.equal(actions.length, seed.items.length);
});

test('each item has the number, wording, axis, objective and indicator of the source, in order', () => {
  const actions = of(entries.actions).sort((a, b) => a.data.order - b.data.order);
  seed.items.forEach((item, i) => {
    const a = actions[i]!.data;
    const where = `élément ${i + 1} (${item.number ?? 'sans numéro'})`;
    assert.equal(a.number, item.number, where);
    assert.equal(a.wording, item.wording, where);
    assert.equal(a.axis, item.axis, where);
    assert.equal(a.objective, item.objective, where);
    // One reading « à l'issue des bilans 2023, 2024 et 2025 »: one round, no history invented.
    assert.deepEqual(a.statuses ?? [], item.indicator ? [{ round: 'bilans-2023-2025', status: item.indicator }] : [], where);
    assert.ok(item.wording.startsWith(a.title.replace(/\.$/, '')), `${where} : le titre court reprend le début du libellé`);
  });
});

test('action 1 declares the targets its source states, with the source’s words, and no value, baseline or date', () => {
  const action = of(entries.actions).find((a) => a.data.number === '1')!.data;
  const wording = seed.items.find((i) => i.number === '1')!.wording;
  assert.deepEqual(
    action.indicators?.map((i) => [i.id, i.unit, i.direction, i.target?.value]),
    [
      ['taux-emploi', '%', 'hausse', 6],
      ['supports-chercheurs', 'supports', 'hausse', 2],
      ['supports-ingenieurs-techniciens', 'supports', 'hausse', 9],
    ],
  );
  for (const i of action.indicators ?? []) {
    // The source gives targets only: a value, a starting point or a deadline would be invented.
    assert.deepEqual([i.values, i.baseline, i.target?.date], [undefined, undefined, undefined], i.id);
    assert.ok(wording.includes(i.target!.note!), `${i.id} : la note cite la source mot pour mot`);
    assert.ok(wording.includes(i.target!.value.toString()), `${i.id} : la cible est le chiffre de la source`);
  }
  // Nowhere else in the document a figure the source does not give.
  const others = [...of(entries.actions).filter((a) => a.data.number !== '1'), ...entries.conventions.filter((c) => c.id === CONVENTION)];
  assert.deepEqual(others.flatMap((e) => e.data.indicators ?? []), []);
});

test('the 8 axes and their objectives match the source', () => {
  const axes = of(entries.axes).sort((a, b) => Number(a.data.number) - Number(b.data.number));
  assert.deepEqual(axes.map((a) => a.data.number), seed.axes.map((a) => a.number));
  assert.equal(axes.length, 8);
  for (const [i, s] of seed.axes.entries()) {
    const axis = axes[i]!.data;
    assert.equal(fold(`${axis.title}${axis.notes?.includes('non contractualisé') ? ' (non contractualisé)' : ''}`), fold(s.title));
    const objectives = of(entries.objectives).filter((o) => o.data.axis === axis.number);
    assert.deepEqual(
      objectives.map((o) => [o.data.number, o.data.title]).sort(),
      s.objectives.map((o) => [o.number, o.title]).sort(),
      `objectifs de l'axe ${axis.number}`,
    );
  }
});

test('the source\'s gaps are said, not hidden', () => {
  const axis = (n: string) => of(entries.axes).find((a) => a.data.number === n)!.data;
  assert.equal(seed.axes[1]!.labelled, false, 'la source omet « AXE N°2 »');
  assert.match(axis('2').sourceNotes!.join(), /ne porte pas la mention « AXE N°2 »/);
  assert.deepEqual(axis('7').notes, ['non contractualisé']);
  assert.match(axis('8').notes!.join(), /exclusivement financées par l'Inserm/);
});

test('the status scale is the source legend', () => {
  const convention = entries.conventions.find((c) => c.id === CONVENTION)!;
  assert.deepEqual(
    convention.data.statusScale?.map((s) => ({ legend: s.legend, code: s.code })),
    seed.legend,
  );
});
