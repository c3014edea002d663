/**
 * The filters of the actions index (src/catalogue/facets.ts) on the small fixture site: each value
 * lists exactly the actions that take it, values without actions are left out, order is stable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFacets, facetValues, NO_STATUS, NOT_GIVEN } from '../../src/catalogue/facets.ts';
import { STATUS_KEYS } from '../../src/model/statuses.ts';
import { THEME_KEYS } from '../../src/model/themes.ts';
import { ACCORD, PLAN, fixtureCatalogue } from './catalogue-fixtures.ts';

const catalogue = fixtureCatalogue();
const facets = buildFacets(catalogue.conventions, catalogue.actions);
const facet = (key: string) => facets.find((f) => f.key === key)!;
const summary = (key: string) => facet(key).values.map((v) => [v.value, v.label, v.actions.length]);

test('five filters: document, status, theme, audience, responsible', () => {
  assert.deepEqual(
    facets.map((f) => [f.key, f.label]),
    [
      ['document', 'Document'],
      ['statut', 'Statut'],
      ['theme', 'Thème'],
      ['public', 'Public'],
      ['responsable', 'Responsable'],
    ],
  );
});

test('each value lists exactly the actions that take it, in site order; values with none are left out', () => {
  for (const f of facets) {
    for (const v of f.values) {
      assert.ok(v.actions.length > 0, `${f.key}=${v.value} sans action`);
      const expected = catalogue.actions.filter((a) => facetValues(a)[f.key]!.includes(v.value));
      assert.deepEqual(
        v.actions.map((a) => a.id),
        expected.map((a) => a.id),
        `${f.key}=${v.value}`,
      );
      assert.match(v.value, /^[a-z0-9-]+$/, 'la valeur sert de segment d’adresse');
    }
    // Every action appears under at least one value of every filter.
    const listed = new Set(f.values.flatMap((v) => v.actions));
    assert.equal(listed.size, catalogue.actions.length, f.key);
  }
});

test('documents in site order; statuses in the shared order, then the actions without one', () => {
  assert.deepEqual(summary('document'), [
    [PLAN, 'Plan', 6],
    [ACCORD, 'Accord', 2],
  ]);
  assert.deepEqual(summary('statut'), [
    ['realise', 'Réalisé', 1],
    ['en-cours', 'En cours', 3],
    [NO_STATUS, 'Sans indicateur', 4],
  ]);
  const statusOrder = facet('statut')
    .values.map((v) => STATUS_KEYS.indexOf(v.value as (typeof STATUS_KEYS)[number]))
    .filter((i) => i >= 0);
  assert.deepEqual(
    statusOrder,
    [...statusOrder].sort((a, b) => a - b),
  );
  const themeOrder = facet('theme').values.map((v) => THEME_KEYS.indexOf(v.value as (typeof THEME_KEYS)[number]));
  assert.ok(themeOrder.every((i, n) => i >= 0 && (n === 0 || i > themeOrder[n - 1]!)));
});

test('responsible bodies are listed under their printed names, alphabetically, then "Non précisé"', () => {
  const values = facet('responsable').values;
  assert.deepEqual(
    values.map((v) => [v.label, v.actions.map((a) => a.label)]),
    [
      ['DRH / Pôle carrières', ['Action n°3']],
      ['RH', ['Action n°3', 'Action n°5']],
      ['Non précisé', ['Action n°1', 'Action n°2', 'Action n°4', 'Mesure non numérotée', 'Engagement a)', 'Engagement b)']],
    ],
  );
  assert.equal(values.at(-1)!.value, NOT_GIVEN);
  assert.deepEqual(
    facetValues(catalogue.actions[2]!).responsable,
    values.slice(0, 2).map((v) => v.value),
  );
});
