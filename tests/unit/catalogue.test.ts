/**
 * The linked catalogue (src/catalogue/catalogue.ts) on a small site built through the real schemas:
 * order, parents, labels in each document's words, previous/next, statuses, paths.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countByStatus } from '../../src/catalogue/catalogue.ts';
import { paths } from '../../src/lib/paths.ts';
import { ACCORD, PLAN, catalogueFiles, fixtureCatalogue } from './catalogue-fixtures.ts';

const catalogue = fixtureCatalogue();
const [plan, accord] = catalogue.conventions;
const labels = (list: { label: string }[]) => list.map((n) => n.label);

test('documents come in their `order`, whatever the order of the files', () => {
  assert.deepEqual(
    catalogue.conventions.map((c) => c.id),
    [PLAN, ACCORD],
  );
  const reversed = fixtureCatalogue(catalogueFiles().reverse());
  assert.deepEqual(
    reversed.actions.map((a) => a.id),
    catalogue.actions.map((a) => a.id),
  );
  assert.deepEqual(
    reversed.sections.map((s) => s.id),
    catalogue.sections.map((s) => s.id),
  );
});

test('axes and objectives sort by printed number (2 before 10), actions and sections by `order`', () => {
  assert.deepEqual(labels(plan!.axes), ['Axe n°1', 'Axe n°2', 'Axe n°10']);
  assert.deepEqual(labels(plan!.axes[0]!.objectives), ['Objectif n°1', 'Objectif n°2']);
  assert.deepEqual(labels(plan!.actions), ['Action n°1', 'Action n°2', 'Action n°3', 'Action n°4', 'Action n°5', 'Mesure non numérotée']);
  assert.deepEqual(labels(accord!.actions), ['Engagement a)', 'Engagement b)']);
  assert.deepEqual(labels(accord!.sections), ['Préambule', 'Partie 1', 'Chapitre 1']);
  // Site-wide lists follow the documents' order, then each document's own.
  assert.deepEqual(
    catalogue.actions.map((a) => a.id),
    [...plan!.actions, ...accord!.actions].map((a) => a.id),
  );
  assert.equal(catalogue.procedures.length, 1);
});

test('labels use each document’s own words', () => {
  assert.deepEqual(labels(accord!.axes), ['Section 1']);
  assert.deepEqual(labels(accord!.axes[0]!.objectives), ['Article 2']);
  assert.equal(plan!.axes[1]!.objectives[0]!.label, 'Objectif n°1');
});

test('every node knows its parents, and each parent lists it once', () => {
  for (const action of catalogue.actions) {
    assert.ok(action.convention.actions.includes(action), action.id);
    assert.ok(action.axis.actions.includes(action), action.id);
    assert.equal(action.axis.convention, action.convention);
    if (action.objective) {
      assert.equal(action.objective.axis, action.axis);
      assert.ok(action.objective.actions.includes(action));
      assert.ok(!action.axis.looseActions.includes(action));
    } else assert.ok(action.axis.looseActions.includes(action), `${action.id} hors objectif`);
  }
  // Action 4 sits directly under axis 2; the measure and action 5 under axis 10.
  assert.deepEqual(labels(plan!.axes[1]!.looseActions), ['Action n°4']);
  assert.deepEqual(labels(plan!.axes[2]!.looseActions), ['Action n°5', 'Mesure non numérotée']);
  const total = plan!.axes.reduce((n, a) => n + a.actions.length, 0);
  assert.equal(total, plan!.actions.length);
});

test('sections nest: a chapter in its part, an axis and a procedure in their section', () => {
  const [preamble, part, chapter] = accord!.sections;
  assert.deepEqual(accord!.topSections, [preamble, part]);
  assert.equal(chapter!.parent, part);
  assert.deepEqual(part!.children, [chapter]);
  assert.equal(preamble!.parent, undefined);
  assert.deepEqual(part!.axes, accord!.axes);
  assert.equal(accord!.axes[0]!.section, part);
  assert.deepEqual(part!.procedures, accord!.procedures);
  assert.equal(accord!.procedures[0]!.section, part);
  assert.equal(plan!.sections.length, 0);
});

test('previous and next run through one document, never across', () => {
  for (const convention of catalogue.conventions) {
    for (const list of [convention.actions, convention.sections, convention.procedures]) {
      list.forEach((node, i) => {
        assert.equal(node.previous, list[i - 1], `${node.id} : précédent`);
        assert.equal(node.next, list[i + 1], `${node.id} : suivant`);
      });
    }
  }
  assert.equal(plan!.actions.at(-1)!.next, undefined);
  assert.equal(accord!.actions[0]!.previous, undefined);
});

test('statuses read the document’s scale: code and legend as printed, shared key and French label', () => {
  const [a1, a2, a3, , a5, measure] = plan!.actions;
  assert.deepEqual(a1!.status, { code: 'R', legend: 'Objectif réalisé', key: 'realise', label: 'Réalisé' });
  assert.equal(a2!.status?.key, 'en-cours', 'not reviewed at b2025, its b2026 status');
  assert.equal(plan!.actions[3]!.status, undefined, 'merged into action 2 at b2026');
  assert.equal(plan!.actions[3]!.withdrawn?.mergedInto, a2);
  assert.equal(a3!.status?.label, 'En cours');
  assert.equal(measure!.status?.code, 'EC');
  assert.equal(a5!.status, undefined);
  assert.deepEqual(
    a1!.history.map((h) => [h.round.id, h.status?.key]),
    [
      ['b2024', 'en-cours'],
      ['b2025', 'realise'],
      ['b2026', 'realise'],
    ],
  );
  // A document without a scale: no status anywhere.
  assert.ok(accord!.actions.every((a) => a.status === undefined));
  const counts = countByStatus(catalogue.actions);
  assert.deepEqual(Object.fromEntries(counts), { realise: 1, 'en-cours': 3, null: 4 });
});

test('"cf." references resolve to actions of the same document', () => {
  assert.deepEqual(labels(plan!.actions[0]!.seeAlso), ['Action n°3']);
  assert.ok(catalogue.actions.every((a) => a.seeAlso.every((s) => s.convention === a.convention)));
});

test('every page has one path, under its document’s folder, relative to the base', () => {
  const pages = [
    ...catalogue.conventions,
    ...catalogue.conventions.flatMap((c) => c.axes),
    ...catalogue.sections,
    ...catalogue.actions,
    ...catalogue.procedures,
  ];
  const all = pages.map((p) => p.path);
  assert.equal(new Set(all).size, all.length, 'chemins en double');
  for (const node of pages) {
    assert.ok(!node.path.startsWith('/') && node.path.endsWith('/'), node.path);
    const convention = 'convention' in node ? node.convention : node;
    assert.ok(node.path.startsWith(paths.convention(convention.id)), node.path);
  }
  for (const action of catalogue.actions) assert.equal(action.path, paths.action(action.id));
  // Objectives are parts of their axis page: fragment ids unique on that page.
  for (const axis of catalogue.conventions.flatMap((c) => c.axes)) {
    const anchors = axis.objectives.map((o) => o.anchor);
    assert.equal(new Set(anchors).size, anchors.length);
    for (const a of anchors) assert.match(a, /^[a-z0-9-]+$/);
  }
});
