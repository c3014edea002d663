/**
 * Self-test of the exports' URL checker (tests/urls.ts): it passes on sound URLs and names every
 * bad one, so that tests/build/urls.test.ts cannot pass by checking nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foreignLevelWords, urlProblems, type PublishedUrl } from '../urls.ts';

const levels = {
  multi: {
    axis: { singular: 'Section', plural: 'Sections', label: 'Section {n}' },
    objective: { singular: 'Article', plural: 'Articles', label: 'Article {n}' },
    action: { singular: 'Engagement', plural: 'Engagements', label: '{n})' },
  },
  plan: {
    axis: { singular: 'Axe', plural: 'Axes', label: 'Axe n°{n}' },
    objective: { singular: 'Objectif', plural: 'Objectifs', label: 'Objectif n°{n}' },
    action: { singular: 'Action', plural: 'Actions', label: 'Action n°{n}' },
  },
  hrs4r: {
    axis: { singular: 'Thème', plural: 'Thèmes', label: 'Thème {n}' },
    objective: { singular: 'Objectif', plural: 'Objectifs', label: 'Objectif {n}' },
    action: { singular: 'Action', plural: 'Actions', label: 'Action {n}' },
  },
};
const site = new Map([
  ['multi/section-1/', '<h2 id="article-2">Article 2</h2>'],
  ['multi/actions/article-2-g/', '<li id="point-a">a</li>'],
  ['multi/axe-1/', '<h2 id="objectif-2">Article 2</h2>'],
  ['plan/axe-1/', '<h2 id="objectif-3">Objectif n°3</h2>'],
  ['hrs4r/theme-3/', '<h1>Thème 3</h1>'],
  ['glossaire/rqth/', '<h1>RQTH</h1>'],
]);
const check = (urls: Omit<PublishedUrl, 'where'>[]) =>
  urlProblems(
    urls.map((u, i) => ({ ...u, where: `ligne ${i + 1}` })),
    (p) => site.get(p),
    (c) => levels[c as keyof typeof levels],
  );

test('the model words a document does not use are derived from its levels', () => {
  assert.deepEqual(foreignLevelWords(levels.multi), ['axe', 'axes', 'objectif', 'objectifs', 'action', 'actions']);
  assert.deepEqual(foreignLevelWords(levels.hrs4r), ['axe', 'axes']);
  assert.deepEqual(foreignLevelWords(levels.plan), []);
});

test('sound URLs pass: pages, fragments, the shared actions/ folder, entries of no document', () => {
  assert.deepEqual(
    check([
      { convention: 'multi', url: 'multi/section-1/' },
      { convention: 'multi', url: 'multi/section-1/#article-2' },
      { convention: 'multi', url: 'multi/actions/article-2-g/#point-a' },
      { convention: 'plan', url: 'plan/axe-1/#objectif-3' },
      { convention: 'hrs4r', url: 'hrs4r/theme-3/' },
      { convention: '', url: 'glossaire/rqth/' },
    ]),
    [],
  );
});

test('a missing page, a missing fragment, an absolute URL and a foreign level word are each named', () => {
  assert.deepEqual(
    check([
      { convention: 'multi', url: 'multi/section-9/' },
      { convention: 'multi', url: 'multi/section-1/#article-3' },
      { convention: 'plan', url: '/plan/axe-1/' },
      { convention: 'multi', url: 'multi/axe-1/#objectif-2' },
      { convention: 'hrs4r', url: 'hrs4r/axe-3/' },
    ]),
    [
      'ligne 1 : « multi/section-9/ » ne mène à aucune page construite',
      "ligne 2 : « multi/section-1/#article-3 » mène à une page sans élément d'id « article-3 »",
      "ligne 3 : « /plan/axe-1/ » n'est pas une adresse relative à la base du site",
      "ligne 4 : « multi/axe-1/#objectif-2 » contient « axe », un mot que le document n'emploie pas pour ses niveaux (Section, Article, Engagement)",
      "ligne 4 : « multi/axe-1/#objectif-2 » contient « objectif », un mot que le document n'emploie pas pour ses niveaux (Section, Article, Engagement)",
      'ligne 5 : « hrs4r/axe-3/ » ne mène à aucune page construite',
      "ligne 5 : « hrs4r/axe-3/ » contient « axe », un mot que le document n'emploie pas pour ses niveaux (Thème, Objectif, Action)",
    ],
  );
});
