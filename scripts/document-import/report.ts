/**
 * The import-quality report (issue 22, point 3), in French: what was recognised, counted per
 * level; every uncertain decision with its place in the source and what was decided; the other
 * decisions; what was left out and why; the fields left to fill in the workbook. Printed, and
 * written beside the workbook.
 */
import { countOf, noun } from '../../src/lib/french.ts';
import type { Place } from './places.ts';
import type { Plan } from './structure.ts';

/** A place as the report names it: « paragraphe 41 », « tableau 1, ligne 12, colonne 3 », with its first words. */
export function placeText(place: Place): string {
  const where =
    place.table !== undefined
      ? [
          `tableau ${place.table}`,
          place.row !== undefined ? `ligne ${place.row}` : '',
          place.column !== undefined ? `colonne ${place.column}` : '',
        ]
          .filter(Boolean)
          .join(', ')
      : place.paragraph !== undefined
        ? `paragraphe ${place.paragraph}`
        : 'document';
  return place.excerpt ? `${where} « ${place.excerpt} »` : where;
}

const lower = (s: string) => s.toLocaleLowerCase('fr');

export interface ReportFacts {
  file: string;
  format: string;
  plan: Plan;
  toFill: string[];
  notes: string[];
  workbook?: string;
}

/**
 * What was left out, one line per run of paragraphs left out for the same reason (the text under
 * one action: « paragraphes 14 à 18 »), so that a long document gives a report one can read.
 */
function leftOutLines(plan: Plan): string[] {
  const runs: { first: Place; last: Place; why: string; text?: true }[] = [];
  for (const l of plan.leftOut) {
    const run = runs.at(-1);
    const next = l.place.paragraph;
    if (run && run.why === l.why && next !== undefined && run.last.paragraph !== undefined && next - run.last.paragraph <= 3)
      run.last = l.place;
    else runs.push({ first: l.place, last: l.place, why: l.why, ...(l.text ? { text: l.text } : {}) });
  }
  const line = ({ first, last, why }: (typeof runs)[number]) =>
    first === last ? `${placeText(first)} : ${why}` : `paragraphes ${first.paragraph} à ${last.paragraph} « ${first.excerpt} » : ${why}`;
  // The text of many actions in one line: a long plan would otherwise give a page of them.
  const texts = runs.filter((r) => r.text);
  if (texts.length <= TEXT_RUNS) return runs.map(line);
  const paragraphs = plan.leftOut.filter((l) => l.text).length;
  return [
    `${countOf(paragraphs, noun('paragraphe'))} de texte sous ${countOf(texts.length, noun('élément'))} du plan (du paragraphe ${texts[0]!.first.paragraph} au paragraphe ${texts.at(-1)!.last.paragraph}) : le classeur ne porte pas le texte des actions, à reprendre dans leurs fichiers après l’import`,
    ...runs.filter((r) => !r.text).map(line),
  ];
}

/** Beyond this many passages of text under items, the report sums them up in one line. */
const TEXT_RUNS = 12;

/** The number of uncertain decisions: `--direct` imports only when there is none. */
export const uncertainCount = (plan: Plan): number => plan.decisions.filter((d) => d.uncertain).length;

export function importReport({ file, format, plan, toFill, notes, workbook }: ReportFacts): string {
  const { levels } = plan;
  const kinds = { action: 0, mesure: 0, engagement: 0 };
  for (const i of plan.items) kinds[i.kind]++;
  const items = [
    kinds.action > 0 ? countOf(kinds.action, noun(lower(levels.action), `${lower(levels.action)}s`)) : '',
    kinds.mesure > 0 ? countOf(kinds.mesure, noun('mesure sans numéro', 'mesures sans numéro', 'f')) : '',
    kinds.engagement > 0 ? countOf(kinds.engagement, noun(lower(levels.action), `${lower(levels.action)}s`)) : '',
  ].filter(Boolean);
  const subItems = plan.items.reduce((n, i) => n + i.subItems.length, 0);
  const lines = [
    `Rapport d’import de « ${file} » (${format})`,
    '',
    `Reconnu : ${countOf(plan.axes.length, noun(lower(levels.axis), `${lower(levels.axis)}s`))}, ${countOf(plan.objectives.length, noun(lower(levels.objective), `${lower(levels.objective)}s`))}, ${items.join(', ')}${subItems > 0 ? `, ${countOf(subItems, noun('sous-élément'))}` : ''}.`,
    plan.title ? `Titre : ${plan.title}` : 'Titre : non trouvé, à saisir dans le classeur.',
    plan.scale.length > 0
      ? `Légende des statuts : ${plan.scale.map((s) => `${s.code} (${s.legend})`).join(', ')}.`
      : 'Légende des statuts : aucune.',
  ];
  const uncertain = plan.decisions.filter((d) => d.uncertain);
  const sure = plan.decisions.filter((d) => !d.uncertain);
  const list = (title: string, entries: string[]) => {
    if (entries.length === 0) return;
    lines.push('', `${title} (${entries.length}) :`, ...entries.map((e) => `  - ${e}`));
  };
  list(
    'À vérifier',
    uncertain.map((d) => `${placeText(d.place)} : ${d.what}`),
  );
  list(
    'Autres décisions',
    sure.map((d) => `${placeText(d.place)} : ${d.what}`),
  );
  list('Laissé de côté', leftOutLines(plan));
  list('Non lu dans le fichier', notes);
  list('À remplir dans le classeur', toFill);
  if (uncertain.length === 0) lines.push('', 'Aucune décision incertaine.');
  if (workbook) lines.push('', `Classeur écrit : ${workbook}. Les lignes à vérifier y portent une note « À vérifier » et un fond coloré.`);
  return lines.join('\n');
}
