/**
 * The status legend of a plan, wherever the document prints it: a small table of codes and their
 * meanings ("Objectif réalisé | R"), one paragraph ("R : Objectif réalisé ; PR : …"), or a run of
 * paragraphs, one code each. It becomes the document's status scale; each code is tied to the
 * common status its meaning names ("Objectif partiellement réalisé" → Partiellement réalisé), or
 * left for the référent to choose when its meaning names none.
 */
import { STATUSES, STATUS_KEYS, type StatusKey } from '../../src/model/statuses.ts';
import { fold } from '../../src/model/text.ts';
import type { Block, Paragraph, Table } from './blocks.ts';
import { levelOpening, normaliseSpace, stripBullet } from './levels.ts';
import { excerpt, type Decision } from './places.ts';

export interface ScaleEntry {
  /** The code as printed ("R", "EC"). */
  code: string;
  /** Its meaning as printed. */
  legend: string;
  /** The common status it means, when its meaning names one. */
  status?: StatusKey;
}

const CODE = /^[A-Z]{1,4}$/;

/** The common status a legend names, the longest label first ("non réalisé" before "réalisé"). */
export function statusOfLegend(legend: string): StatusKey | undefined {
  const text = fold(legend);
  const byLength = [...STATUS_KEYS].sort((a, b) => STATUSES[b].label.length - STATUSES[a].label.length);
  // Whole words: « Réaliser des travaux » names no status.
  return byLength.find((k) => new RegExp(`(^|[^\\p{L}])${fold(STATUSES[k].label)}([^\\p{L}]|$)`, 'u').test(text));
}

const entry = (code: string, legend: string): ScaleEntry => {
  const status = statusOfLegend(legend);
  return { code, legend: normaliseSpace(legend), ...(status ? { status } : {}) };
};

/** "R : Objectif réalisé ; PR : Objectif partiellement réalisé": two codes or more in one paragraph. */
function inlineLegend(text: string): ScaleEntry[] {
  const found = [...text.matchAll(/(?:^|[;,:\n]\s*)([A-Z]{1,4})\s*[:=\u2013-]\s*([^;\n]+)/g)];
  return found.length >= 2 ? found.map((m) => entry(m[1]!, m[2]!.replace(/[.,]\s*$/, ''))) : [];
}

/** "Objectif réalisé⇥R" or "R : Objectif réalisé": one code in one paragraph. */
function lineEntry(text: string): ScaleEntry | undefined {
  const t = text.trim();
  // An item of the plan with its status after a tab is not a line of the legend.
  if (levelOpening(stripBullet(t))) return undefined;
  const after = /^(.+?)\t+\s*([A-Z]{1,4})$/.exec(t);
  if (after && !/\t/.test(after[1]!.trim())) return entry(after[2]!, after[1]!);
  const before = /^([A-Z]{1,4})\s*[:=\u2013-]\s*(.+)$/.exec(t);
  return before ? entry(before[1]!, before[2]!) : undefined;
}

/** A table of codes: every row but a header holds one code cell and one text cell. */
function tableLegend(table: Table): ScaleEntry[] {
  const rows = table.rows
    .map((row) => row.cells.map((c) => normaliseSpace(c.text)).filter((t) => t !== ''))
    .filter((cells) => cells.length > 0);
  const pairs = rows.filter((cells) => cells.length === 2 && cells.some((c) => CODE.test(c)) && cells.some((c) => !CODE.test(c)));
  // A header row ("Indicateurs … | Ind.") may stand above; every other row must be a pair.
  if (pairs.length < 2 || pairs.length < rows.length - 1) return [];
  return pairs.map((cells) => {
    const code = cells.find((c) => CODE.test(c))!;
    return entry(
      code,
      cells.find((c) => c !== code)!,
    );
  });
}

export interface FoundLegend {
  entries: ScaleEntry[];
  decisions: Decision[];
  /** The paragraphs and tables that were the legend: not read again as text of the plan. */
  used: Set<Block>;
  usedTables: Set<Block>;
}

/** The document's legend; `skip` holds the tables of actions, never a legend. */
export function findLegend(blocks: Block[], skip: Set<Block>): FoundLegend {
  const found: FoundLegend = { entries: [], decisions: [], used: new Set(), usedTables: new Set() };
  const add = (entries: ScaleEntry[], where: Decision['place'], blocksUsed: Block[], tables = false) => {
    for (const e of entries) if (!found.entries.some((x) => x.code === e.code)) found.entries.push(e);
    for (const b of blocksUsed) (tables ? found.usedTables : found.used).add(b);
    found.decisions.push({
      place: where,
      what: `légende des statuts : ${entries.map((e) => `${e.code} (${e.legend})`).join(', ')}`,
      uncertain: false,
    });
  };
  let run: { paragraph: Paragraph; entry: ScaleEntry }[] = [];
  const endRun = () => {
    if (run.length >= 2) {
      add(
        run.map((r) => r.entry),
        { paragraph: run[0]!.paragraph.index, excerpt: excerpt(run[0]!.paragraph.text) },
        run.map((r) => r.paragraph),
      );
      // The title line above a run ("Indicateurs de réalisation et de suivi des actions⇥Ind.") goes with it.
    }
    run = [];
  };
  for (const block of blocks) {
    if (block.kind === 'table') {
      endRun();
      if (skip.has(block)) continue;
      const entries = tableLegend(block);
      if (entries.length > 0)
        add(entries, { table: block.index, excerpt: excerpt(block.rows[0]?.cells.map((c) => c.text).join(' | ') ?? '') }, [block], true);
      continue;
    }
    const inline = inlineLegend(block.text);
    if (inline.length > 0) {
      endRun();
      add(inline, { paragraph: block.index, excerpt: excerpt(block.text) }, [block]);
      continue;
    }
    const line = lineEntry(block.text);
    if (line && statusOfLegend(line.legend)) run.push({ paragraph: block, entry: line });
    else if (normaliseSpace(block.text) !== '') endRun();
  }
  endRun();
  for (const e of found.entries) {
    if (!e.status)
      found.decisions.push({
        place: { excerpt: `${e.code} : ${e.legend}` },
        what: `le code ${e.code} (« ${e.legend} ») ne nomme aucun statut commun : à choisir dans le classeur`,
        uncertain: true,
      });
  }
  return found;
}
