/**
 * Cross-cutting lists (src/catalogue/crosscut.ts) on the small fixture site: each theme lists, per
 * document in site order, exactly the items that carry it; glossary terms and organisations list
 * the items whose text names them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { THEME_KEYS } from '../../src/model/themes.ts';
import { paths } from '../../src/lib/paths.ts';
import { ACCORD, PLAN, fixtureCatalogue } from './catalogue-fixtures.ts';

const catalogue = fixtureCatalogue();
const theme = (key: string) => catalogue.themes.find((t) => t.key === key)!;
const ids = (list: { id: string }[]) => list.map((e) => e.id);

test('one theme node per shared theme, in the order of the closed list, each with its page', () => {
  assert.deepEqual(
    catalogue.themes.map((t) => t.key),
    THEME_KEYS,
  );
  for (const t of catalogue.themes) {
    assert.equal(t.path, paths.theme(t.key));
    assert.ok(t.label.length > 0);
  }
});

test('a theme lists exactly the actions and procedures that carry it, grouped by document in site order', () => {
  for (const t of catalogue.themes) {
    const carrying = catalogue.actions.filter((a) => a.data.themes.includes(t.key));
    assert.deepEqual(ids(t.actions), ids(carrying), t.key);
    assert.deepEqual(ids(t.procedures), ids(catalogue.procedures.filter((p) => p.data.themes.includes(t.key))), t.key);
    // Groups: only documents with something to list, in site order, items in document order.
    const documents = t.groups.map((g) => g.convention.id);
    assert.deepEqual(
      documents,
      catalogue.conventions.map((c) => c.id).filter((id) => documents.includes(id)),
    );
    for (const g of t.groups) {
      assert.ok(g.actions.length + g.procedures.length > 0, `${t.key} : groupe vide pour ${g.convention.id}`);
      assert.deepEqual(ids(g.actions), ids(g.convention.actions.filter((a) => a.data.themes.includes(t.key))));
    }
    assert.deepEqual(ids(t.groups.flatMap((g) => g.actions)), ids(t.actions));
  }
  const recruitment = theme('recrutement-integration');
  assert.deepEqual(
    recruitment.groups.map((g) => [g.convention.id, g.actions.map((a) => a.label)]),
    [
      [PLAN, ['Action n°2', 'Action n°3']],
      [ACCORD, ['Engagement a)', 'Engagement b)']],
    ],
  );
  const keeping = theme('maintien-emploi');
  assert.deepEqual(
    keeping.groups.map((g) => [g.convention.id, g.actions.length, g.procedures.length]),
    [
      [PLAN, 1, 0],
      [ACCORD, 0, 1],
    ],
  );
  // A theme no item carries has no group at all.
  assert.deepEqual(theme('ethique-recherche').groups, []);
});

test('a glossary term lists the items whose text uses it, and only those', () => {
  const rqth = catalogue.glossary.find((g) => g.data.term === 'RQTH')!;
  assert.equal(rqth.path, paths.glossaryTerm(rqth.id));
  assert.equal(rqth.letter, 'R');
  assert.deepEqual(
    rqth.groups.map((g) => [g.convention.id, g.actions.map((a) => a.label)]),
    [[PLAN, ['Action n°3']]],
  );
});

test('an organisation is found under any of its names, whatever the case, in items and in the document itself', () => {
  const fund = catalogue.organisations.find((o) => o.label === 'FIPHFP')!;
  assert.equal(fund.path, paths.organisation(fund.id));
  assert.equal(fund.kindLabel, 'Organisme');
  const plan = fund.groups.find((g) => g.convention.id === PLAN)!;
  // The plan's summary names it; action 4 spells out its full name.
  assert.equal(plan.inDocument, true);
  assert.deepEqual(
    plan.actions.map((a) => a.label),
    ['Action n°4'],
  );
  // The procedure writes "fiphfp" in lower case.
  const accord = fund.groups.find((g) => g.convention.id === ACCORD)!;
  assert.equal(accord.inDocument, false);
  assert.deepEqual(
    accord.procedures.map((p) => p.data.title),
    ['Aménagement de poste'],
  );
});
