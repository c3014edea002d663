/**
 * Issue 24, what the pages say of indicators and evidence (src/catalogue/indicators.ts,
 * src/catalogue/evidence-links.ts): figures in French, the gap to the target in words, the targets
 * met, the moves at a round and the chart's geometry, on small in-memory indicators.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chartGeometry,
  documentIndicators,
  gapWords,
  hasFigures,
  indicatorMoves,
  meetsTarget,
  standingWords,
  targetsMet,
  targetsMetWords,
  withUnit,
} from '../../src/catalogue/indicators.ts';
import { evidenceLink } from '../../src/catalogue/evidence-links.ts';
import { figure } from '../../src/lib/format.ts';
import type { ActionNode, ConventionNode, IndicatorView, RoundView } from '../../src/catalogue/types.ts';

const NBSP = '\u00a0';
const round = (id: string, index: number): RoundView => ({ id, label: `Bilan ${id}`, path: `d/bilans/${id}/`, index });
const ROUNDS = [round('a', 0), round('b', 1), round('c', 2)];

function indicator(over: Partial<IndicatorView> & { at?: [number, number][] } = {}): IndicatorView {
  const { at = [], ...rest } = over;
  return {
    id: 'taux',
    label: 'Taux',
    unit: '%',
    direction: 'hausse',
    target: { value: 6 },
    values: at.map(([i, value]) => ({ round: ROUNDS[i]!, value })),
    ...rest,
  };
}

test('a figure is written the French way: a decimal comma, thousands apart by a non-breaking space', () => {
  assert.equal(figure(6.1), '6,1');
  assert.equal(figure(12345), `12${NBSP}345`);
  assert.equal(figure(0.2000000000000002), '0,2');
  assert.equal(withUnit(5.4, '%'), `5,4${NBSP}%`);
});

test('a one-word unit takes the singular below two, as French does; a symbol or an invariable word does not change', () => {
  assert.equal(withUnit(1, 'agents'), `1${NBSP}agent`);
  assert.equal(withUnit(1.5, 'jours'), `1,5${NBSP}jour`);
  assert.equal(withUnit(2, 'agents'), `2${NBSP}agents`);
  assert.equal(withUnit(1, 'mois'), `1${NBSP}mois`);
  assert.equal(withUnit(1, '€'), `1${NBSP}€`);
  assert.equal(withUnit(1, 'agents recrutés'), `1${NBSP}agents recrutés`);
});

test('the gap to the target is in points for a percentage, in the unit otherwise; met or not by the direction of progress', () => {
  assert.equal(gapWords(indicator(), 5.6), `à 0,4${NBSP}point de la cible`);
  assert.equal(gapWords(indicator(), 5.8), `à 0,2${NBSP}point de la cible`, 'no rounding noise');
  assert.equal(gapWords(indicator(), 3), `à 3${NBSP}points de la cible`);
  assert.equal(gapWords(indicator(), 6), 'objectif atteint', 'the target itself meets it');
  assert.equal(gapWords(indicator(), 6.1), 'objectif atteint');
  assert.equal(gapWords(indicator({ unit: 'personnes', target: { value: 12 } }), 9), `à 3${NBSP}personnes de la cible`);
  const down = indicator({ unit: 'jours', direction: 'baisse', target: { value: 20 } });
  assert.equal(gapWords(down, 27), `à 7${NBSP}jours de la cible`);
  assert.equal(gapWords(down, 19), 'objectif atteint');
  assert.equal(meetsTarget(down, 21), false);
  assert.equal(gapWords(indicator({ target: undefined }), 5), undefined);
});

test('an indicator without value says so in words; otherwise its last value’s gap', () => {
  assert.equal(hasFigures(indicator()), false, 'nothing to draw');
  assert.equal(hasFigures(indicator({ baseline: { value: 5 } })), true);
  assert.equal(standingWords(indicator()), 'aucune valeur relevée à ce jour');
  assert.equal(
    standingWords(
      indicator({
        at: [
          [0, 5.4],
          [2, 5.6],
        ],
      }),
    ),
    `à 0,4${NBSP}point de la cible`,
  );
  assert.equal(standingWords(indicator({ at: [[0, 5.4]], target: undefined })), 'pas de cible déclarée');
});

/** A document with one indicator of its own and two actions' (enough of a node for these functions). */
function document(): ConventionNode {
  const own = indicator({
    id: 'taux',
    at: [
      [0, 5.4],
      [1, 6.2],
    ],
  });
  const a1 = { id: 'd/action-1', indicators: [indicator({ id: 'recrues', unit: 'agents', target: { value: 12 }, at: [[1, 9]] })] };
  const a2 = { id: 'd/action-2', indicators: [indicator({ id: 'delai', baseline: { value: 45 }, at: [[1, 30]], target: undefined })] };
  return { indicators: [own], actions: [a1, a2] as unknown as ActionNode[], rounds: ROUNDS } as unknown as ConventionNode;
}

test('a document’s indicators are its own, then its actions’ in order; targets met are counted among those with a target', () => {
  const list = documentIndicators(document());
  assert.deepEqual(
    list.map((i) => [i.indicator.id, i.action?.id]),
    [
      ['taux', undefined],
      ['recrues', 'd/action-1'],
      ['delai', 'd/action-2'],
    ],
  );
  assert.deepEqual(targetsMet(list), { withTarget: 2, met: 1 });
  assert.equal(targetsMetWords({ withTarget: 5, met: 2 }), '2 indicateurs sur 5 ont atteint leur cible');
  assert.equal(targetsMetWords({ withTarget: 3, met: 1 }), '1 indicateur sur 3 a atteint sa cible');
  assert.equal(targetsMetWords({ withTarget: 2, met: 0 }), 'aucun indicateur sur 2 n’a atteint sa cible');
});

test('the moves at a round: each indicator valued there, from its last value before (or its baseline) to this one', () => {
  const moves = indicatorMoves(document(), ROUNDS[1]!);
  assert.deepEqual(
    moves.map((m) => [m.indicator.id, m.from?.value, m.from?.round?.id, m.to.value, m.met]),
    [
      ['taux', 5.4, 'a', 6.2, true],
      ['recrues', undefined, undefined, 9, false],
      ['delai', 45, undefined, 30, undefined],
    ],
  );
  assert.deepEqual(indicatorMoves(document(), ROUNDS[2]!), [], 'no value at that round, no move');
});

test('the chart: a slot per round after the baseline’s, no line drawn through a round without value', () => {
  const g = chartGeometry(
    indicator({
      baseline: { value: 5.2 },
      at: [
        [0, 5.4],
        [2, 6.1],
      ],
    }),
    ROUNDS,
  );
  assert.deepEqual(
    g.slots.map((s) => s.label),
    ['Départ', 'Bilan a', 'Bilan b', 'Bilan c'],
  );
  assert.equal(g.points.length, 3);
  assert.equal(g.lines.length, 1, 'baseline → round a is one line; round c stands alone after the gap');
  assert.deepEqual(
    g.lines[0]!.map((p) => p.label),
    [`5,2${NBSP}%`, `5,4${NBSP}%`],
  );
  assert.ok(g.targetY! < g.baselineY!, 'a higher figure is higher up');
  assert.ok(g.points.every((p) => p.y >= 0 && p.y <= g.axisY && p.x >= 0 && p.x <= g.width));
  assert.deepEqual(
    g.slots.map((s) => s.anchor),
    ['start', 'middle', 'middle', 'end'],
    'the first and last texts lean inwards, inside the box',
  );
  assert.ok(g.slots[0]!.textX >= 0 && g.slots.at(-1)!.textX <= g.width);
  // A rate that moves from 5,2 to 6,1 % spans most of the height, not a flat line near the top.
  const spread = Math.max(...g.points.map((p) => p.y)) - Math.min(...g.points.map((p) => p.y), g.targetY!);
  assert.ok(spread > (g.axisY - 20) / 2, `écart vertical ${spread}`);
  const fromZero = chartGeometry(
    indicator({
      unit: 'agents',
      target: { value: 12 },
      at: [
        [0, 1],
        [1, 9],
      ],
    }),
    ROUNDS,
  );
  const [one, nine] = fromZero.points;
  assert.ok(Math.abs(fromZero.axisY - one!.y - (fromZero.axisY - nine!.y) / 9) < 0.1, 'near zero, the scale starts at zero');
  const joined = chartGeometry(
    indicator({
      at: [
        [0, 5.4],
        [1, 5.8],
        [2, 6.1],
      ],
    }),
    ROUNDS,
  );
  assert.equal(joined.lines.length, 1);
  assert.equal(joined.lines[0]!.length, 3, 'consecutive values make one line');
});

test('an evidence file’s link gives its type and size in words (RGAA 13.3); an address, its title alone', () => {
  const file = evidenceLink({ title: 'Rapport 2025', file: '2025/rapport.pdf' }, () => 123_456);
  assert.deepEqual(file, { address: 'justificatifs/2025/rapport.pdf', external: false, text: 'Rapport 2025 (PDF, 123,5 ko)' });
  assert.equal(evidenceLink({ title: 'Tableau', file: 't.ods' }, () => 2_400_000).text, 'Tableau (tableur ODS, 2,4 Mo)');
  assert.deepEqual(
    evidenceLink({ title: 'RSU', url: 'https://example.org/rsu' }, () => assert.fail('no size for an address')),
    {
      address: 'https://example.org/rsu',
      external: true,
      text: 'RSU',
    },
  );
  assert.equal(evidenceLink({ title: 'Le plan', url: '/plan/' }, () => 0).address, 'plan/');
});
