/** The search page's words and counts (src/lib/search-filters.ts, issue 23), without a browser. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SEARCH_FILTERS,
  allLabel,
  choiceLabel,
  filtersSaid,
  othersThan,
  resultAbout,
  searchOutcome,
} from '../../src/lib/search-filters.ts';

test('a filter is counted on the reader’s other filters, never on its own choice', () => {
  const chosen = { type: 'Glossaire', document: 'Plan d’essai', theme: '' };
  assert.deepEqual(othersThan(chosen, 'type'), { document: 'Plan d’essai' });
  assert.deepEqual(othersThan(chosen, 'document'), { type: 'Glossaire' });
  // A filter left on « Tous » is counted on every choice made.
  assert.deepEqual(othersThan(chosen, 'statut'), { type: 'Glossaire', document: 'Plan d’essai' });
  assert.deepEqual(othersThan({}, 'type'), {});
});

test('each choice says how many results it gives, zero included', () => {
  assert.equal(choiceLabel('Glossaire', 3), 'Glossaire (3)');
  assert.equal(choiceLabel('Procédure', 0), 'Procédure (0)');
  assert.equal(allLabel(12), 'Tous (12)');
});

test('the status says the count in words, with the query and the filters chosen', () => {
  assert.equal(searchOutcome('RQTH', 1, {}), '1 résultat pour «\u00a0RQTH\u00a0».');
  assert.equal(searchOutcome('handicap', 12, {}), '12 résultats pour «\u00a0handicap\u00a0».');
  const label = SEARCH_FILTERS.find((f) => f.key === 'type')!.label;
  assert.equal(
    searchOutcome('RQTH', 2, { type: 'Glossaire' }),
    `2 résultats pour «\u00a0RQTH\u00a0», avec le filtre ${label} : Glossaire.`,
  );
  assert.equal(
    searchOutcome('zzz', 0, {}),
    'Aucun résultat pour «\u00a0zzz\u00a0». Essayez un autre mot, ou parcourez les documents depuis le menu ou le plan du site.',
  );
  // The filters are said in the order of the form, whatever the order they were chosen in.
  assert.match(filtersSaid({ document: 'D', type: 'T' }), /^, avec les filtres [^:]+ : T ; Document : D$/);
});

test('a result says its type, its document, its part, then what an action adds', () => {
  assert.equal(
    resultAbout({
      filters: { type: ['Partie de texte'], document: ['Circulaire'] },
      meta: { document: 'Circulaire', partie: '1ère partie, Chapitre II' },
    }),
    'Partie de texte — Circulaire — 1ère partie, Chapitre II',
  );
  assert.equal(
    resultAbout({
      filters: { type: ['Action ou engagement'] },
      meta: { document: 'Plan', partie: 'Axe 1', statut: 'En cours', responsables: 'DRH' },
    }),
    'Action ou engagement — Plan — Axe 1 — Statut : En cours — Responsables : DRH',
  );
  // A glossary term or an organisation belongs to no document: its type alone.
  assert.equal(resultAbout({ filters: { type: ['Glossaire'] }, meta: {} }), 'Glossaire');
  assert.equal(resultAbout({ filters: {}, meta: {} }), '');
});
