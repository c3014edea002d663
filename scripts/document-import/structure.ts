/**
 * The plan in a word-processing file (issue 22): its levels in its own words, its axes,
 * objectives and items (actions, measures, lettered commitments) with the numbers it prints, the
 * status of each where a table gives one, its status legend, its title and presentation; and every
 * decision taken on the way, the uncertain ones marked, each with its place in the source, for the
 * import-quality report (./report.ts). Reads only what ./blocks.ts describes, so a .docx and an
 * .odt of the same document give the same plan.
 *
 * Three shapes are recognised, and may mix: tables with a header row (columns known by their
 * header words, merged cells carried down, repeated headers skipped, continued tables joined);
 * paragraphs opening with a level word ("Axe 1 :", "Article 3", "Action n°12 –"), in heading
 * styles or not; items as numbered or lettered list paragraphs under the last level.
 */
import type { Paragraph, SourceDocument } from './blocks.ts';
import { displayWord, normaliseSpace } from './levels.ts';
import { findLegend, statusOfLegend } from './legend.ts';
import { excerpt } from './places.ts';
import { documentStatements } from './statements.ts';
import { Builder, NoStructureError, fold, paragraphPlace, type Plan, type PlanItem } from './plan.ts';
import { actionTables, readTable } from './tables.ts';
import { paragraphWords, readParagraphs, type ParagraphWords } from './paragraphs.ts';

export { NoStructureError, type Plan, type PlanItem };

/** Recognises the plan of `source`; throws NoStructureError when it holds none. */
export function recognisePlan(source: SourceDocument): Plan {
  const b = new Builder();
  const tables = actionTables(source.blocks, b.plan.decisions);
  const inTables = new Set(tables.flatMap((t) => t.tables));
  const paragraphs = source.blocks.filter((x): x is Paragraph => x.kind === 'paragraph');
  const words = paragraphWords(paragraphs);

  // The legend, wherever it is (a table of its own, a paragraph, a run of paragraphs).
  const legend = findLegend(source.blocks, inTables);
  b.plan.scale = legend.entries;
  for (const d of legend.decisions) b.plan.decisions.push(d);

  // Blocks in order: paragraphs until a table of actions, that table, and so on.
  let pending: Paragraph[] = [];
  const flush = () => {
    readParagraphs(pending, b, words);
    pending = [];
  };
  for (const block of source.blocks) {
    if (block.kind === 'paragraph') {
      if (!legend.used.has(block)) pending.push(block);
      continue;
    }
    const table = tables.find((t) => t.tables[0] === block);
    if (table) {
      flush();
      readTable(table, b);
    } else if (!inTables.has(block) && !legend.usedTables.has(block)) {
      b.plan.leftOut.push({
        place: { table: block.index, excerpt: excerpt(block.rows[0]?.cells.map((c) => c.text).join(' | ') ?? '') },
        why: 'tableau sans colonne d’actions reconnue',
      });
    }
  }
  flush();

  if (b.plan.items.length === 0) throw new NoStructureError('aucune action reconnue');
  b.summarise();
  b.plan.statements = documentStatements(paragraphs.map((p) => ({ text: p.text, place: paragraphPlace(p) })));
  for (const st of b.plan.statements)
    b.decide(st.place, `${st.path === 'dates.inForce' ? 'date d’entrée en vigueur' : 'date de signature'} lue : ${st.value}`);
  settleLevels(b, words);
  settleTitle(source, b.plan);
  checkStatuses(b.plan);
  checkDuplicates(b.plan);
  // In the document's order (the letters found to be text were set aside after the text below them).
  b.plan.leftOut.sort((x, y) => (x.place.paragraph ?? Infinity) - (y.place.paragraph ?? Infinity));
  return b.plan;
}

/** A first number: 1, a, A, i, I. */
const FIRST = /^(1|a|i)$/i;

/**
 * How item numbers run: restarting in each objective when each objective's items start again at
 * 1 (or a), in each axis likewise, else through the whole document.
 */
function numberingScope(items: PlanItem[]): Plan['levels']['numbering'] {
  const numbered = items.filter((i) => i.number !== undefined);
  const restarts = (key: (i: PlanItem) => string) => {
    const groups = new Map<string, PlanItem[]>();
    for (const i of numbered) groups.set(key(i), [...(groups.get(key(i)) ?? []), i]);
    return groups.size >= 2 && [...groups.values()].every((g) => FIRST.test(g[0]!.number!));
  };
  if (numbered.every((i) => i.objective !== undefined) && restarts((i) => `${i.axis}\u0000${i.objective!}`)) return 'objective';
  if (restarts((i) => i.axis)) return 'axis';
  return 'document';
}

/** The level words as the site will show them, and how item numbers run (whole document, per axis, per objective). */
function settleLevels(b: Builder, words: ParagraphWords): void {
  const plan = b.plan;
  const axis = b.words.axis ?? words.axis;
  const objective = b.words.objective ?? words.objective;
  plan.levels.axis = displayWord(axis ?? 'Axe');
  plan.levels.objective = displayWord(objective ?? 'Objectif');
  plan.levels.action = displayWord(b.words.action ?? (words.letters && !words.item ? 'Engagement' : 'Action'));
  if (!axis || words.headings)
    b.decide(
      { excerpt: '' },
      `aucun mot de niveau pour les parties du plan : « ${plan.levels.axis} » par défaut, à changer dans la feuille Document`,
      true,
    );
  plan.levels.numbering = numberingScope(plan.items);
  if (plan.levels.numbering !== 'document') {
    b.decide(
      { excerpt: '' },
      `les numéros des ${plan.levels.action.toLowerCase()}s repartent à chaque ${plan.levels.numbering === 'axis' ? plan.levels.axis.toLowerCase() : plan.levels.objective.toLowerCase()}`,
    );
  }
}

function settleTitle(source: SourceDocument, plan: Plan): void {
  if (source.title) {
    plan.title = normaliseSpace(source.title);
    return;
  }
  const first = plan.presentation[0];
  if (first) {
    plan.title = first;
    plan.presentation.shift();
    plan.decisions.push({
      place: { paragraph: 1, excerpt: excerpt(first) },
      what: 'titre du document pris au premier paragraphe',
      uncertain: true,
    });
  }
}

function checkStatuses(plan: Plan): void {
  const codes = new Set(plan.scale.map((s) => s.code));
  for (const item of plan.items) {
    if (item.status === undefined) continue;
    if (codes.size > 0 && !codes.has(item.status)) {
      const found = plan.scale.find((s) => fold(s.code) === fold(item.status!));
      if (found) item.status = found.code;
      else {
        const why = `statut « ${item.status} » absent de la légende du document : laissé vide`;
        item.uncertain.push(why);
        plan.decisions.push({ place: item.place, what: why, uncertain: true });
        delete item.status;
      }
    } else if (codes.size === 0) {
      // Without a legend the statuses are codes of an unknown scale: kept for the référent to map.
      plan.scale.push({ code: item.status, legend: item.status, status: statusOfLegend(item.status) });
      codes.add(item.status);
      plan.decisions.push({
        place: item.place,
        what: `statut « ${item.status} » sans légende dans le document : ajouté à l’échelle, à compléter`,
        uncertain: true,
      });
    }
  }
}

function checkDuplicates(plan: Plan): void {
  const seen = new Map<string, PlanItem>();
  for (const item of plan.items) {
    if (item.number === undefined) continue;
    const key = [
      plan.levels.numbering !== 'document' ? item.axis : '',
      plan.levels.numbering === 'objective' ? (item.objective ?? '') : '',
      item.number,
    ].join('\u0000');
    const first = seen.get(key);
    if (first) {
      const why = `numéro ${item.number} déjà donné à « ${excerpt(first.wording)} »`;
      item.uncertain.push(why);
      plan.decisions.push({ place: item.place, what: why, uncertain: true });
    } else seen.set(key, item);
  }
}
