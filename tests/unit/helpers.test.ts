import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinBase, paths } from '../../src/lib/paths.ts';
import { count, formatDate } from '../../src/lib/format.ts';
import { csvField, parseCsv, toCsv, type ActionRecord } from '../../src/lib/export.ts';
import { compareNumbers, numberLabel } from '../../src/lib/catalogue.ts';

test('joinBase keeps links under the publisher\'s sub-path', () => {
  assert.equal(joinBase('/', 'recherche/'), '/recherche/');
  assert.equal(joinBase('/intranet/handicap/', 'recherche/'), '/intranet/handicap/recherche/');
  assert.equal(joinBase('/intranet/handicap', '/recherche/'), '/intranet/handicap/recherche/');
  assert.equal(joinBase('/intranet/handicap/', ''), '/intranet/handicap/');
});

test('paths are relative to the base and name actions after their file', () => {
  assert.equal(paths.action('inserm-fiphfp-2023-2026/action-12'), 'inserm-fiphfp-2023-2026/actions/action-12/');
  assert.equal(paths.axis('plan', '2'), 'plan/axe-2/');
  assert.ok(!paths.convention('plan').startsWith('/'));
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

test('CSV quotes what needs quoting, starts with a byte order mark and reads back', () => {
  assert.equal(csvField('simple'), 'simple');
  assert.equal(csvField('a, b'), '"a, b"');
  assert.equal(csvField('dit "oui"'), '"dit ""oui"""');
  const record: ActionRecord = {
    convention: 'c', axis: '1', axisTitle: 'Axe', objective: '', objectiveTitle: '', kind: 'action', number: '1.2',
    title: 'Titre, "cité"', wording: 'Ligne 1\nLigne 2', status: 'en-cours', statusLabel: 'En cours', indicator: 'En cours',
    url: 'c/actions/action-1-2/', responsible: ['RH', 'DISC'], dates: { done: '', due: '2nd sem. 2022' },
  };
  const csv = toCsv([record]);
  assert.ok(csv.startsWith('\uFEFFconvention,axis,'));
  const [header, row, ...rest] = parseCsv(csv);
  assert.deepEqual(rest, []);
  assert.deepEqual(header!.slice(-4), ['url', 'responsible', 'dates.done', 'dates.due']);
  assert.deepEqual(row!.slice(-4), ['c/actions/action-1-2/', 'RH ; DISC', '', '2nd sem. 2022']);
  assert.equal(row![header!.indexOf('title')], 'Titre, "cité"');
  assert.equal(row![header!.indexOf('wording')], 'Ligne 1\nLigne 2');
});
