/**
 * Indicators as the pages say them (issue 24): a figure in French (« 5,4 % », « 12 agents »), the
 * gap to the target in words (« objectif atteint », « à 0,4 point de la cible »), the geometry of
 * the chart beside each indicator's table, the list of a document's indicators and their moves at
 * a round. Pure: the pages (ActionPage, the document's Indicateurs page, RoundPage) only print it.
 */
import type { ActionNode, ConventionNode, IndicatorValueView, IndicatorView, RoundView } from './types.ts';
import { figure } from '../lib/format.ts';

const NBSP = '\u00a0';

/** Units that end in « s » in the singular too: they keep it below two. */
const INVARIABLE = new Set(['mois', 'fois', 'cas', 'poids', 'prix', 'jours-homme']);

/**
 * The unit after a number: the plural as written, the singular below two (« 1 agent », « 0,5 jour »,
 * French takes the singular under 2) for a one-word unit written with an « s »; « % » and symbols
 * as they are.
 */
export function unitAfter(n: number, unit: string): string {
  if (Math.abs(n) >= 2 || !/^\p{L}+s$/u.test(unit) || INVARIABLE.has(unit.toLowerCase())) return unit;
  return unit.slice(0, -1);
}

/** « 5,4 % », « 12 agents », « 1 agent », « 1 200 € »: a value with its unit, never cut from it. */
export function withUnit(n: number, unit: string): string {
  return `${figure(n)}${NBSP}${unitAfter(n, unit)}`;
}

/** Rounding noise of decimal figures (6 − 5.8 = 0.2000000000000002) is not a gap. */
const EPSILON = 1e-9;

/** Whether `value` meets the target, given which way is progress. */
export function meetsTarget(indicator: Pick<IndicatorView, 'direction' | 'target'>, value: number): boolean | undefined {
  if (!indicator.target) return undefined;
  const target = indicator.target.value;
  return indicator.direction === 'hausse' ? value >= target - EPSILON : value <= target + EPSILON;
}

/**
 * The gap from `value` to the target in words: « objectif atteint », « à 0,4 point de la cible »
 * (a percentage's gap is in points), « à 3 agents de la cible »; undefined without a target.
 */
export function gapWords(indicator: Pick<IndicatorView, 'direction' | 'target' | 'unit'>, value: number): string | undefined {
  const met = meetsTarget(indicator, value);
  if (met === undefined) return undefined;
  if (met) return 'objectif atteint';
  const gap = Math.abs(indicator.target!.value - value);
  const unit = indicator.unit === '%' ? 'points' : indicator.unit;
  return `à ${withUnit(gap, unit)} de la cible`;
}

/** What a page says of an indicator that has no value yet. */
export const NO_VALUE = 'aucune valeur relevée à ce jour';

/** The last value of an indicator, if any. */
export const latestValue = (indicator: IndicatorView): IndicatorValueView | undefined => indicator.values.at(-1);

/** Where the indicator stands, in words: its last value's gap to the target, or that it has no value. */
export function standingWords(indicator: IndicatorView): string {
  const latest = latestValue(indicator);
  if (!latest) return NO_VALUE;
  return gapWords(indicator, latest.value) ?? 'pas de cible déclarée';
}

/** Whether an indicator has a figure to draw (a value or a baseline): else its chart would be a target line alone. */
export const hasFigures = (indicator: IndicatorView): boolean => indicator.values.length > 0 || indicator.baseline !== undefined;

/** An indicator of a document, with the action that follows it (none for the document's own). */
export interface IndicatorOf {
  indicator: IndicatorView;
  action?: ActionNode;
}

/** Every indicator of a document: its own first, then its actions', in the actions' order. */
export function documentIndicators(convention: ConventionNode): IndicatorOf[] {
  return [
    ...convention.indicators.map((indicator) => ({ indicator })),
    ...convention.actions.flatMap((action) => action.indicators.map((indicator) => ({ indicator, action }))),
  ];
}

/** How many indicators have a target, and how many of them met it at their last value. */
export function targetsMet(list: IndicatorOf[]): { withTarget: number; met: number } {
  const withTarget = list.filter(({ indicator }) => indicator.target);
  const met = withTarget.filter(({ indicator }) => {
    const latest = latestValue(indicator);
    return latest !== undefined && meetsTarget(indicator, latest.value);
  });
  return { withTarget: withTarget.length, met: met.length };
}

/** « 2 indicateurs sur 5 ont atteint leur cible », « 1 indicateur sur 3 a atteint sa cible », « aucun indicateur sur 2 n’a atteint sa cible ». */
export function targetsMetWords({ withTarget, met }: { withTarget: number; met: number }): string {
  if (met === 0) return `aucun indicateur sur ${withTarget} n’a atteint sa cible`;
  if (met === 1) return `1 indicateur sur ${withTarget} a atteint sa cible`;
  return `${met} indicateurs sur ${withTarget} ont atteint leur cible`;
}

/** An indicator's value recorded at a round, beside the one before it. */
export interface IndicatorMove extends IndicatorOf {
  /** The last value before this round, or the baseline (`round` undefined), if any. */
  from?: { value: number; round?: RoundView };
  to: IndicatorValueView;
  /** Whether this round's value meets the target; undefined without a target. */
  met?: boolean;
}

/** The indicators of a document that have a value at `round`, each with the value before it. */
export function indicatorMoves(convention: ConventionNode, round: RoundView): IndicatorMove[] {
  return documentIndicators(convention).flatMap(({ indicator, action }) => {
    const at = indicator.values.findIndex((v) => v.round.id === round.id);
    if (at < 0) return [];
    const to = indicator.values[at]!;
    const before = indicator.values[at - 1];
    const from = before ? { value: before.value, round: before.round } : indicator.baseline && { value: indicator.baseline.value };
    return [{ indicator, action, from, to, met: meetsTarget(indicator, to.value) }];
  });
}

/** How a text is anchored at its x: the first slot's leans right, the last's left, so that both stay inside the box. */
export type Anchor = 'start' | 'middle' | 'end';

/** A point of the chart, in its viewBox's units. */
export interface ChartPoint {
  x: number;
  y: number;
  /** The value, in words, written above the point, from `textX`. */
  label: string;
  textX: number;
  anchor: Anchor;
}

/** The chart of one indicator: its values as points, lines only between values of consecutive slots. */
export interface ChartGeometry {
  width: number;
  height: number;
  /**
   * One slot per round of the document, after the baseline's when there is one: the x axis. Every
   * other slot's label one line lower, so that long round labels never run into each other (WCAG
   * 1.4.12 widens them).
   */
  slots: { textX: number; textY: number; label: string; anchor: Anchor }[];
  points: ChartPoint[];
  /** Runs of values at consecutive slots, each drawn as one line: a round without value breaks the line. */
  lines: ChartPoint[][];
  /** The y of the target's horizontal line, and of the baseline's. */
  targetY?: number;
  baselineY?: number;
  /** The bottom of the plot, where the x axis is drawn. */
  axisY: number;
}

const WIDTH = 320;
const HEIGHT = 190;
const LINE = 13;
const MARGIN = { left: 12, right: 12, top: 20, bottom: 22 + 2 * LINE };

/**
 * Where each value, the target and the baseline go in a WIDTH × HEIGHT box: x by slot (the
 * baseline, then every round of the document, valued or not, so that a missing round shows as a
 * gap, never as a line drawn through it), y over the figures' range with a quarter of it as room
 * below and above, from zero when zero is that close: a rate moving from 5,2 to 6,1 % would be a
 * flat line from zero. Every point carries its value in words, so the scale needs no ticks.
 */
export function chartGeometry(indicator: IndicatorView, rounds: readonly RoundView[]): ChartGeometry {
  const slotValues: { label: string; value?: number }[] = [
    ...(indicator.baseline ? [{ label: 'Départ', value: indicator.baseline.value }] : []),
    ...rounds.map((r) => ({ label: r.label, value: indicator.values.find((v) => v.round.id === r.id)?.value })),
  ];
  const figures = [
    ...slotValues.flatMap((s) => (s.value === undefined ? [] : [s.value])),
    ...(indicator.target ? [indicator.target.value] : []),
  ];
  const min = Math.min(...figures);
  const max = Math.max(...figures);
  const room = (max - min) / 4 || Math.abs(max) / 4 || 1;
  const low = min >= 0 && min - room <= 0 ? 0 : min - room;
  const top = max + room;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xOf = (i: number) => MARGIN.left + (slotValues.length < 2 ? plotWidth / 2 : (plotWidth * i) / (slotValues.length - 1));
  const yOf = (v: number) => MARGIN.top + plotHeight * (1 - (v - low) / (top - low));
  const round2 = (n: number) => Math.round(n * 100) / 100;

  const anchorOf = (i: number): Anchor =>
    slotValues.length < 2 ? 'middle' : i === 0 ? 'start' : i === slotValues.length - 1 ? 'end' : 'middle';
  // A text anchored at its start or end begins a little before the point, as a centred one does.
  const textX = (i: number) => round2(xOf(i) + { start: -6, middle: 0, end: 6 }[anchorOf(i)]);
  const slots = slotValues.map((s, i) => ({
    textX: textX(i),
    textY: HEIGHT - MARGIN.bottom + 18 + (i % 2) * LINE,
    label: s.label,
    anchor: anchorOf(i),
  }));
  const lines: ChartPoint[][] = [];
  let run: ChartPoint[] = [];
  const points: ChartPoint[] = [];
  slotValues.forEach((s, i) => {
    if (s.value === undefined) {
      if (run.length) lines.push(run);
      run = [];
      return;
    }
    const point = {
      x: round2(xOf(i)),
      y: round2(yOf(s.value)),
      label: withUnit(s.value, indicator.unit),
      textX: textX(i),
      anchor: anchorOf(i),
    };
    points.push(point);
    run.push(point);
  });
  if (run.length) lines.push(run);
  return {
    width: WIDTH,
    height: HEIGHT,
    slots,
    points,
    lines: lines.filter((l) => l.length > 1),
    targetY: indicator.target && round2(yOf(indicator.target.value)),
    baselineY: indicator.baseline && round2(yOf(indicator.baseline.value)),
    axisY: round2(yOf(low)),
  };
}
