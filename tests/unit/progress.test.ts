/**
 * Progress at a glance (src/catalogue/progress.ts) on the three-round fixture plan: counts per status at
 * the latest round and at each round, percentages equal for equal counts, the overall completion only
 * when the publisher declares a share for every code of the scale.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_STATUS, WITHDRAWN, evolution, percentages, progressAt } from '../../src/catalogue/progress.ts';
import { ACCORD, PLAN, catalogueFiles, fixtureCatalogue } from './catalogue-fixtures.ts';

const catalogue = fixtureCatalogue();
const plan = catalogue.conventions.find((c) => c.id === PLAN)!;
const accord = catalogue.conventions.find((c) => c.id === ACCORD)!;
/** Line key → [count, percent]. */
const figures = (p: ReturnType<typeof progressAt>) => Object.fromEntries(p!.lines.map((l) => [l.key, [l.count, l.percent]]));

test('percentages: whole numbers, equal counts equal percentages, adding up to 100 when no tie must be split', () => {
  assert.deepEqual(percentages([1, 1, 1]), [33, 33, 33]);
  assert.deepEqual(percentages([2, 1]), [67, 33]);
  assert.deepEqual(percentages([1, 0, 3]), [25, 0, 75]);
  assert.deepEqual(percentages([0, 0]), [0, 0]);
  assert.deepEqual(percentages([]), []);
  // 1/7 = 14.29 each: the two points left cannot go to two of seven equal lines.
  assert.deepEqual(percentages([1, 1, 1, 1, 1, 1, 1]), [14, 14, 14, 14, 14, 14, 14]);
  // 3/7 = 42.86 twice: the two points left go to that tie, whole.
  assert.deepEqual(percentages([3, 3, 1]), [43, 43, 14]);
  for (const counts of [
    [3, 5, 7],
    [1, 2, 3, 4, 5, 6],
    [70, 1, 2],
  ])
    assert.equal(
      percentages(counts).reduce((a, b) => a + b),
      100,
    );
  // Never more than 100, and equal counts always read the same.
  for (const counts of [
    [1, 1, 1],
    [2, 2, 1, 1, 1],
    [5, 5, 5, 1],
  ]) {
    const p = percentages(counts);
    assert.ok(p.reduce((a, b) => a + b) <= 100);
    counts.forEach((c, i) => counts.forEach((d, j) => c === d && assert.equal(p[i], p[j])));
  }
});

test('counts at the latest round: current status only, no status and withdrawn on lines of their own', () => {
  const p = progressAt(plan, plan.actions)!;
  assert.equal(p.round?.id, 'b2026');
  assert.equal(p.total, 6);
  // Action 1 R; 2, 3 and the measure EC; 5 never reviewed; 4 merged into 2 at b2026.
  // 1/6 = 16.67: floors give 98, the two points go to the first two of the tied lines (R, then no status).
  assert.deepEqual(figures(p), {
    'code:R': [1, 16],
    'code:EC': [3, 50],
    'code:NR': [0, 0],
    [NO_STATUS]: [1, 16],
    [WITHDRAWN]: [1, 16],
  });
  assert.deepEqual(
    p.lines.map((l) => l.status?.label),
    ['Réalisé', 'En cours', 'Non réalisé', undefined, undefined],
  );
});

test('counts for an axis, and at an earlier round (nothing carried over from another round)', () => {
  const axis1 = plan.axes[0]!;
  assert.deepEqual(figures(progressAt(plan, axis1.actions)), {
    'code:R': [1, 33],
    'code:EC': [2, 67],
    'code:NR': [0, 0],
    [NO_STATUS]: [0, 0],
  });
  // At b2025 action 2 was not reviewed: it has no status there, not its b2024 one.
  assert.deepEqual(figures(progressAt(plan, plan.actions, 1)), {
    'code:R': [1, 16],
    'code:EC': [1, 16],
    'code:NR': [1, 16],
    [NO_STATUS]: [3, 50],
  });
});

test('evolution: rows statuses, one count per round, from each action’s history', () => {
  const e = evolution(plan, plan.actions)!;
  assert.deepEqual(
    e.rounds.map((r) => r.id),
    ['b2024', 'b2025', 'b2026'],
  );
  assert.deepEqual(Object.fromEntries(e.lines.map((l) => [l.key, l.counts])), {
    'code:R': [0, 1, 1],
    'code:EC': [1, 1, 3],
    'code:NR': [2, 1, 0],
    [NO_STATUS]: [3, 3, 1],
    [WITHDRAWN]: [0, 0, 1],
  });
  assert.deepEqual(e.totals, [6, 6, 6]);
  // Each column is the progress at that round.
  for (const round of e.rounds) {
    const at = figures(progressAt(plan, plan.actions, round.index));
    for (const line of e.lines) assert.equal(at[line.key]?.[0] ?? 0, line.counts[round.index], `${round.id} ${line.key}`);
  }
});

test('a document without a status scale shows no progress; one round gives no evolution', () => {
  assert.equal(progressAt(accord, accord.actions), undefined);
  assert.equal(evolution(accord, accord.actions), undefined);
  const oneRound = fixtureCatalogue(
    catalogueFiles().map((f) => {
      const data = f.frontmatter as Record<string, unknown>;
      if (f.collection === 'conventions' && f.pathInCollection === `${PLAN}.mdx`)
        return { ...f, frontmatter: { ...data, rounds: [{ id: 'b2026', label: 'Bilan 2026', date: '2026-06' }], updates: undefined } };
      if (f.collection === 'actions' && f.pathInCollection.startsWith(`${PLAN}/`)) {
        const statuses = (data.statuses as { round: string }[] | undefined)?.filter((s) => s.round === 'b2026');
        return { ...f, frontmatter: { ...data, statuses: statuses?.length ? statuses : undefined, withdrawn: undefined } };
      }
      return f;
    }),
  ).conventions.find((c) => c.id === PLAN)!;
  assert.equal(evolution(oneRound, oneRound.actions), undefined);
  assert.ok(progressAt(oneRound, oneRound.actions));
});

/** The fixture plan with a share of completion per code (undefined: none declared for that code). */
function withCompletion(shares: Record<string, number | undefined>) {
  const files = catalogueFiles().map((f) => {
    if (f.collection !== 'conventions' || f.pathInCollection !== `${PLAN}.mdx`) return f;
    const data = f.frontmatter as Record<string, unknown>;
    const scale = (data.statusScale as { code: string }[]).map((s) => ({ ...s, completion: shares[s.code] }));
    return { ...f, frontmatter: { ...data, statusScale: scale } };
  });
  return fixtureCatalogue(files).conventions.find((c) => c.id === PLAN)!;
}

test('overall completion: only when every code declares its share, over the actions with a status', () => {
  assert.equal(progressAt(plan, plan.actions)!.completion, undefined, 'no share declared');
  const all = withCompletion({ R: 100, EC: 50, NR: 0 });
  // R once (100) and EC three times (50): (100 + 150) / 4 = 62.5, rounded to 63; the action
  // without a status and the withdrawn one count for nothing, rather than for 0.
  assert.deepEqual(progressAt(all, all.actions)!.completion, { percent: 63, assessed: 4 });
  assert.deepEqual(progressAt(all, all.axes[0]!.actions)!.completion, { percent: 67, assessed: 3 });
  // No action with a status (axis 10 at b2024: action 5 and the measure): no figure, not 0 %.
  assert.equal(progressAt(all, all.axes[2]!.actions, 0)!.completion, undefined);
  const missing = withCompletion({ R: 100, EC: 50, NR: undefined });
  assert.equal(progressAt(missing, missing.actions)!.completion, undefined, 'NR sans part déclarée');
});
