/**
 * Progress at a glance (issue 10): how many actions of a list (a document, an axis) have each
 * status of the document's scale at a review round, in numbers and percentages, and how these
 * counts moved from round to round. Pure: pages, components and tests read the same figures.
 *
 * Counts use the status each action has at the round (ActionNode.history), nothing carried over
 * from an earlier round: an action absent from the round is "sans statut". An action withdrawn (or
 * merged) at or before the round has a line of its own. A document without a status scale has no
 * progress at all (undefined).
 */
import type { ActionNode, ConventionNode, RoundView, StatusView } from './types.ts';
import { statusView } from './catalogue.ts';

/** Line keys beside the scale's codes: no status at the round, withdrawn by then. */
export const NO_STATUS = 'sans-statut';
export const WITHDRAWN = 'retiree';

export interface ProgressLine {
  /** `code:<code of the scale>`, NO_STATUS or WITHDRAWN: stable, for markup and tests. */
  key: string;
  /** The status (a code of the scale); absent on the NO_STATUS and WITHDRAWN lines. */
  status?: StatusView;
  count: number;
  /** Whole percentage of the list’s actions, equal for equal counts (see `percentages`). */
  percent: number;
}

export interface Progress {
  /** The round the counts are taken at; undefined when the document has no round yet. */
  round?: RoundView;
  /** Number of actions in the list. */
  total: number;
  /** One line per code of the scale (in the scale's order, zeros included), then NO_STATUS, then WITHDRAWN when any. */
  lines: ProgressLine[];
  /**
   * Overall completion, only when the publisher declares a share of completion for every code of
   * the scale: the mean of those shares over the actions that have a status at the round.
   */
  completion?: { percent: number; assessed: number };
}

export interface Evolution {
  rounds: RoundView[];
  /** Same lines as Progress (WITHDRAWN when any action is withdrawn by the last round), a count per round. */
  lines: { key: string; status?: StatusView; counts: number[] }[];
  totals: number[];
}

/** Whether an action is withdrawn at or before the round of that index. */
function withdrawnBy(action: ActionNode, roundIndex: number): boolean {
  return action.withdrawn !== undefined && action.withdrawn.round.index <= roundIndex;
}

/** The line key of an action at the round of that index. */
function lineOf(action: ActionNode, roundIndex: number): string {
  if (withdrawnBy(action, roundIndex)) return WITHDRAWN;
  const status = action.history[roundIndex]?.status;
  return status ? `code:${status.code}` : NO_STATUS;
}

/**
 * Whole percentages of `counts`: each count gets the floor of its exact share, and the points left
 * (to reach 100) go to the largest remainders, but only to whole ties: equal counts always show
 * equal percentages (three equal counts read 33 %, 33 %, 33 %, never 34 %, 33 %, 33 %, issue 23),
 * so the lines add up to 100, or a little less when a tie cannot share the points left. All zeros
 * when the total is 0.
 */
export function percentages(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const out = exact.map(Math.floor);
  let left = 100 - out.reduce((a, b) => a + b, 0);
  // Lines with the same remainder (equal counts have equal remainders), largest remainder first.
  const ties = new Map<number, number[]>();
  exact.forEach((e, i) => {
    const r = Math.round((e - Math.floor(e)) * 1e9);
    if (r > 0) ties.set(r, [...(ties.get(r) ?? []), i]);
  });
  for (const [, lines] of [...ties].sort((a, b) => b[0] - a[0])) {
    if (lines.length > left) break;
    for (const i of lines) out[i]! += 1;
    left -= lines.length;
  }
  return out;
}

/** The scale's lines, in its order. */
function scaleLines(convention: ConventionNode): { key: string; status: StatusView }[] {
  return (convention.data.statusScale ?? []).map((s) => ({ key: `code:${s.code}`, status: statusView(convention.data, s.code) }));
}

/**
 * Counts per status of `actions` (of `convention`) at the round of index `roundIndex` (default:
 * the latest). Undefined when the document has no status scale.
 */
export function progressAt(
  convention: ConventionNode,
  actions: ActionNode[],
  roundIndex = convention.rounds.length - 1,
): Progress | undefined {
  const scale = convention.data.statusScale;
  if (!scale || scale.length === 0) return undefined;
  const tally = new Map<string, number>();
  for (const action of actions) {
    const key = lineOf(action, roundIndex);
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const lines: Omit<ProgressLine, 'percent'>[] = [
    ...scaleLines(convention).map((l) => ({ ...l, count: tally.get(l.key) ?? 0 })),
    { key: NO_STATUS, count: tally.get(NO_STATUS) ?? 0 },
  ];
  if (tally.has(WITHDRAWN)) lines.push({ key: WITHDRAWN, count: tally.get(WITHDRAWN)! });
  const percent = percentages(lines.map((l) => l.count));
  return {
    round: convention.rounds[roundIndex],
    total: actions.length,
    lines: lines.map((l, i) => ({ ...l, percent: percent[i]! })),
    completion: completionOf(convention, lines),
  };
}

/**
 * The mean share of completion of the actions that have a status, only when every code of the
 * scale declares `completion`: nothing is made up for a code the publisher left without one.
 * Rounded to the unit.
 */
function completionOf(convention: ConventionNode, lines: { key: string; count: number }[]): Progress['completion'] {
  const scale = convention.data.statusScale ?? [];
  if (scale.length === 0 || scale.some((s) => s.completion === undefined)) return undefined;
  let assessed = 0;
  let sum = 0;
  for (const s of scale) {
    const count = lines.find((l) => l.key === `code:${s.code}`)?.count ?? 0;
    assessed += count;
    sum += count * s.completion!;
  }
  if (assessed === 0) return undefined;
  return { percent: Math.round(sum / assessed), assessed };
}

/**
 * Counts per status of `actions` at every round of the document, oldest first. Undefined when
 * the document has no status scale or fewer than two rounds (nothing to compare).
 */
export function evolution(convention: ConventionNode, actions: ActionNode[]): Evolution | undefined {
  const scale = convention.data.statusScale;
  if (!scale || scale.length === 0 || convention.rounds.length < 2) return undefined;
  const rounds = convention.rounds;
  const keys: { key: string; status?: StatusView }[] = [...scaleLines(convention), { key: NO_STATUS }];
  if (actions.some((a) => withdrawnBy(a, rounds.length - 1))) keys.push({ key: WITHDRAWN });
  const lines = keys.map((k) => ({ ...k, counts: rounds.map(() => 0) }));
  const byKey = new Map(lines.map((l) => [l.key, l]));
  for (const action of actions) for (const round of rounds) byKey.get(lineOf(action, round.index))!.counts[round.index]! += 1;
  return { rounds, lines, totals: rounds.map(() => actions.length) };
}

/**
 * What a line that is not a status says, in words neutral in gender (actions, mesures,
 * engagements): `at` is "au dernier bilan" or "à ce bilan", absent when the document has no round.
 */
export function lineLabel(key: typeof NO_STATUS | typeof WITHDRAWN, at?: string): string {
  if (key === WITHDRAWN) return 'Retrait ou fusion';
  return at ? `Sans statut (pas d’évaluation ${at})` : 'Sans statut';
}
