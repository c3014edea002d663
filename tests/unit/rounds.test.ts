import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundChanges, type RoundChanges } from '../../src/catalogue/rounds.ts';
import { fixtureCatalogue } from './catalogue-fixtures.ts';

const [plan] = fixtureCatalogue().conventions;
const numbers = (c: RoundChanges) => ({
  moved: c.moved.map((m) => [m.action.data.number ?? 'mesure', m.from.code, m.since.id, m.to.code]),
  added: c.added.map((a) => [a.action.data.number ?? 'mesure', a.status.code]),
  withdrawn: c.withdrawn.map((a) => [a.data.number, a.withdrawn?.mergedInto?.data.number]),
  unchanged: c.unchanged.map((a) => a.data.number ?? 'mesure'),
  notReviewed: c.notReviewed.map((a) => a.data.number ?? 'mesure'),
});

test('the first round: every action reviewed is reviewed for the first time; nothing moved', () => {
  assert.deepEqual(numbers(roundChanges(plan!, plan!.rounds[0]!)), {
    moved: [],
    added: [
      ['1', 'EC'],
      ['2', 'NR'],
      ['4', 'NR'],
    ],
    withdrawn: [],
    unchanged: [],
    notReviewed: ['3', '5', 'mesure'],
  });
});

test('a later round: moves from the last known status, new actions, withdrawals, the rest unchanged or not reviewed', () => {
  assert.deepEqual(numbers(roundChanges(plan!, plan!.rounds[1]!)), {
    moved: [['1', 'EC', 'b2024', 'R']],
    added: [['3', 'EC']],
    withdrawn: [],
    unchanged: ['4'],
    notReviewed: ['2', '5', 'mesure'],
  });
  // Action 2 was not reviewed at b2025: its b2026 status is compared with b2024's.
  assert.deepEqual(numbers(roundChanges(plan!, plan!.rounds[2]!)), {
    moved: [['2', 'NR', 'b2024', 'EC']],
    added: [['mesure', 'EC']],
    withdrawn: [['4', '2']],
    unchanged: ['1', '3'],
    notReviewed: ['5'],
  });
});

test('every action of the document falls in exactly one group at each round, until it is withdrawn', () => {
  for (const round of plan!.rounds) {
    const c = roundChanges(plan!, round);
    const all = [...c.moved.map((m) => m.action), ...c.added.map((a) => a.action), ...c.withdrawn, ...c.unchanged, ...c.notReviewed];
    assert.equal(new Set(all).size, all.length, round.id);
    assert.deepEqual(new Set(all), new Set(plan!.actions.filter((a) => !a.withdrawn || a.withdrawn.round.index >= round.index)));
  }
});

test('a round’s comments, whatever the group of their action (issue 20: shown on its page); none at a round that says nothing', () => {
  const comments = (index: number) =>
    roundChanges(plan!, plan!.rounds[index]!).comments.map((c) => [c.action.data.number, c.status?.code, c.comment]);
  // Action 3 keeps EC at b2026: an unchanged action's comment is shown all the same.
  assert.deepEqual(comments(2), [['3', 'EC', 'Livret rédigé, tuteurs à former.']]);
  assert.deepEqual(comments(0), []);
});
