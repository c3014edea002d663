import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageWindow, paginate, paginateGroups, groupSize, runsOf } from '../../src/catalogue/paginate.ts';
import { listPaths } from '../../src/lib/paths.ts';
import type { DocumentGroup } from '../../src/catalogue/types.ts';

test('a list is cut into pages of the given size, every item once and in order', () => {
  const items = Array.from({ length: 23 }, (_, i) => i);
  const pages = paginate(items, 10);
  assert.deepEqual(
    pages.map((p) => [p.number, p.total, p.items.length]),
    [
      [1, 3, 10],
      [2, 3, 10],
      [3, 3, 3],
    ],
  );
  assert.deepEqual(
    pages.flatMap((p) => p.items),
    items,
  );
  assert.deepEqual(
    paginate(items, 23).map((p) => p.items.length),
    [23],
  );
  assert.deepEqual(
    paginate(items, 22).map((p) => p.items.length),
    [22, 1],
  );
});

test('an empty list has one empty page; a page size below 1 is refused', () => {
  assert.deepEqual(paginate([], 10), [{ number: 1, total: 1, items: [] }]);
  assert.throws(() => paginate([1], 0), /taille de page invalide/);
  assert.throws(() => paginate([1], 2.5), /taille de page invalide/);
});

test('the pagination bar shows the first, the last and the neighbours of the current page', () => {
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(1, 3), [1, 2, 3]);
  assert.deepEqual(pageWindow(6, 12), [1, null, 5, 6, 7, null, 12]);
  assert.deepEqual(pageWindow(1, 12), [1, 2, null, 12]);
  assert.deepEqual(pageWindow(12, 12), [1, null, 11, 12]);
  // A gap of one page shows that page rather than "…".
  assert.deepEqual(pageWindow(4, 12), [1, 2, 3, 4, 5, null, 12]);
  assert.deepEqual(pageWindow(3, 5), [1, 2, 3, 4, 5]);
});

test('page paths: the first page keeps the list path, the next ones sit under it', () => {
  assert.equal(listPaths.page('actions/', 1), 'actions/');
  assert.equal(listPaths.page('actions/', 2), 'actions/page-2/');
  assert.equal(listPaths.page('actions/statut/non-realise/', 12), 'actions/statut/non-realise/page-12/');
  assert.equal(listPaths.param(1), undefined);
  assert.equal(listPaths.param(3), 'page-3');
});

test('groups of items are cut across pages, a group carried over is marked as continued', () => {
  const doc = (id: string) => ({ id }) as unknown as DocumentGroup['convention'];
  const list = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`) as never[];
  const a = doc('a');
  const b = doc('b');
  const groups: DocumentGroup[] = [
    { convention: a, inDocument: true, sections: list('s', 2), objectives: [], actions: list('x', 4), procedures: [] },
    { convention: b, inDocument: false, sections: [], objectives: list('o', 1), actions: list('y', 2), procedures: list('p', 1) },
  ];
  assert.equal(
    groups.reduce((n, g) => n + groupSize(g), 0),
    11,
  );
  const pages = paginateGroups(groups, 4);
  assert.equal(pages.length, 3);
  assert.deepEqual(
    pages.map((p) => p.items.map((g) => [(g.convention as unknown as { id: string }).id, g.continued, groupSize(g)])),
    [
      [['a', false, 4]],
      [
        ['a', true, 3],
        ['b', false, 1],
      ],
      [['b', true, 3]],
    ],
  );
  assert.equal(pages[0]!.items[0]!.inDocument, true);
  assert.deepEqual(pages[0]!.items[0]!.sections, ['s1', 's2']);
  assert.deepEqual(pages[1]!.items[0]!.actions, ['x2', 'x3', 'x4']);
  assert.deepEqual(pages[2]!.items[0]!.procedures, ['p1']);
  // Every item on exactly one page, in order.
  const items = (gs: DocumentGroup[]) => gs.flatMap((g) => [...g.sections, ...g.objectives, ...g.actions, ...g.procedures]);
  assert.deepEqual(
    pages.flatMap((p) => items(p.items)),
    items(groups),
  );
  assert.deepEqual(paginateGroups([], 4), [{ number: 1, total: 1, items: [] }]);
});

test('runs group consecutive items that share a key, in order; a key that comes back starts a new run', () => {
  const runs = runsOf(['a1', 'a2', 'b1', 'a3'], (s) => s[0]!);
  assert.deepEqual(runs, [
    { key: 'a', items: ['a1', 'a2'] },
    { key: 'b', items: ['b1'] },
    { key: 'a', items: ['a3'] },
  ]);
  assert.deepEqual(runsOf([], String), []);
});
