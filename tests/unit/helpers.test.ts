import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchors, conventionOf, entryId, joinBase, localName, normaliseBase, paths, slugify } from '../../src/lib/paths.ts';
import { count, formatDate } from '../../src/lib/format.ts';
import type { ActionRecord } from '../../src/open-data/export.ts';
import { parseCsv, toCsv } from '../csv.ts';
import { compareNumbers, numberLabel, standaloneLabel } from '../../src/catalogue/catalogue.ts';

test("joinBase keeps links under the publisher's sub-path", () => {
  assert.equal(joinBase('/', 'recherche/'), '/recherche/');
  assert.equal(joinBase('/intranet/handicap/', 'recherche/'), '/intranet/handicap/recherche/');
  assert.equal(joinBase('/intranet/handicap', '/recherche/'), '/intranet/handicap/recherche/');
  assert.equal(joinBase('/intranet/handicap/', ''), '/intranet/handicap/');
});

test('the base path, however BASE_PATH is written, has one slash at each end', () => {
  for (const written of [undefined, '', '/', '//']) assert.equal(normaliseBase(written), '/', String(written));
  for (const written of ['intranet/handicap', '/intranet/handicap', 'intranet/handicap/', '/intranet/handicap/', '//intranet/handicap//'])
    assert.equal(normaliseBase(written), '/intranet/handicap/', written);
});

test('paths are relative to the base and name every page after its file', () => {
  assert.equal(paths.action('inserm-fiphfp-2023-2026/action-12'), 'inserm-fiphfp-2023-2026/actions/action-12/');
  assert.equal(paths.axis('convention-multipartite-2017-2020/section-1'), 'convention-multipartite-2017-2020/section-1/');
  assert.equal(paths.axis('inserm-hrs4r-2022/theme-3'), 'inserm-hrs4r-2022/theme-3/');
  assert.equal(paths.section('justice-circulaire-2004-21/partie-3'), 'justice-circulaire-2004-21/partie-3/');
  assert.equal(paths.procedure('justice-circulaire-2004-21/titularisation'), 'justice-circulaire-2004-21/procedures/titularisation/');
  assert.equal(paths.print('plan'), 'plan/imprimer/');
  assert.ok(!paths.convention('plan').startsWith('/'));
});

test("fragments use the document's word for its objectives and the printed letter of sub-items", () => {
  assert.equal(anchors.objective('Article', '2'), 'article-2');
  assert.equal(anchors.objective('Objectif', '1.2'), 'objectif-1-2');
  assert.equal(anchors.objective('Thème', '3'), 'theme-3');
  assert.equal(
    paths.objective('convention-multipartite-2017-2020/section-1', 'article-2'),
    'convention-multipartite-2017-2020/section-1/#article-2',
  );
  assert.equal(paths.subItem('inserm-hrs4r-2022/action-1-3', 'a'), 'inserm-hrs4r-2022/actions/action-1-3/#point-a');
  assert.equal(anchors.printScope('plan/section-1', 'article-2'), 'section-1-article-2-');
});

test("ids: an entry is named after its file, inside its document's folder", () => {
  assert.equal(entryId('plan\\section-1.mdx'), 'plan/section-1');
  assert.equal(localName('plan/section-1'), 'section-1');
  assert.equal(conventionOf('plan/section-1'), 'plan');
  assert.equal(slugify('DRH / Pôle carrières'), 'drh-pole-carrieres');
});

test("a bare printed number reads alone with the document's word, or with its title", () => {
  assert.equal(standaloneLabel('g)', 'renforcer le pilotage', 'Engagement'), 'Engagement g)');
  assert.equal(standaloneLabel('1', 'Les priorités en matière de mutation'), '1 : Les priorités en matière de mutation');
  assert.equal(standaloneLabel('1.', "L'Inserm"), "1. L'Inserm");
  assert.equal(standaloneLabel('Section 1', 'Faciliter', 'Section'), 'Section 1');
  assert.equal(standaloneLabel('3ème partie', 'La carrière'), '3ème partie');
  assert.equal(standaloneLabel('Visas', 'Visas'), 'Visas');
});

test('dates are written in French at the precision given', () => {
  assert.equal(formatDate('2023-11-16'), '16 novembre 2023');
  assert.equal(formatDate('2016-04-01'), '1er avril 2016');
  assert.equal(formatDate('2022-03'), 'mars 2022');
  assert.equal(formatDate('2026'), '2026');
});

test('counts agree in number', () => {
  assert.equal(count(0, 'action', 'actions', 'aucune action'), 'aucune action');
  assert.equal(count(1, 'action', 'actions'), '1 action');
  assert.equal(count(22, 'action', 'actions'), '22 actions');
});

test('printed numbers sort as a reader expects', () => {
  assert.deepEqual(['10', '2', '1.10', '1.2'].sort(compareNumbers), ['1.2', '1.10', '2', '10']);
  assert.equal(numberLabel('Action n°{n}', '12'), 'Action n°12');
});

// Quoting and formula protection of each cell: tests/unit/csv.test.ts.
test('the actions CSV starts with its header, without a byte order mark, and reads back', () => {
  const record: ActionRecord = {
    convention: 'c',
    axis: '1',
    axisTitle: 'Axe',
    objective: '',
    objectiveTitle: '',
    kind: 'action',
    number: '1.2',
    title: 'Titre, "cité"',
    wording: 'Ligne 1\nLigne 2',
    status: 'en-cours',
    statusLabel: 'En cours',
    indicator: 'En cours',
    url: 'c/actions/action-1-2/',
    responsible: ['RH', 'DISC'],
    dates: { done: '', due: '2nd sem. 2022' },
    rounds: [],
    indicators: [],
  };
  const csv = toCsv([record]);
  assert.ok(csv.startsWith('convention,axis,'));
  const [header, row, ...rest] = parseCsv(csv);
  assert.deepEqual(rest, []);
  assert.deepEqual(header!.slice(-4), ['url', 'responsible', 'dates.done', 'dates.due']);
  assert.deepEqual(row!.slice(-4), ['c/actions/action-1-2/', 'RH ; DISC', '', '2nd sem. 2022']);
  assert.equal(row![header!.indexOf('title')], 'Titre, "cité"');
  assert.equal(row![header!.indexOf('wording')], 'Ligne 1\nLigne 2');
});
