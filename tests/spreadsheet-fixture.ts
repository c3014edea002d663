/**
 * A small content folder on disk for the spreadsheet import's tests (issue 19): the valid set of
 * tests/unit/fixtures.ts (one plan « Essai », its round « Bilan 2024 », two actions), written as
 * MDX files, so that an import loads it in milliseconds instead of the whole site's content; and
 * that plan's follow-up sheet as the export writes it, as text rows a test edits before writing
 * them with rawWorkbook or writeCsv.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, isMap, isSeq } from 'yaml';
import { validFiles } from './unit/fixtures.ts';
import type { RawFile } from '../src/model/validate.ts';
import { documentRows, documentSheets, loadContent, sheetHeaders } from '../scripts/spreadsheet/workbook.ts';
import { tempDir } from './temp-dir.ts';

/**
 * A new temporary folder holding content/ with the small valid set; returns the folder. With
 * `actions`, the plan has that many actions (from 2), numbered "1.1", "1.2"… "1.10"…, whose
 * statuses at « Bilan 2024 » alternate R and NR: enough rows for a yearly review where a few move.
 */
export function fixtureContent({ actions = 2, indicators = false }: { actions?: number; indicators?: boolean } = {}): string {
  const dir = tempDir('tableur-essai-');
  const files = [...validFiles(), ...moreActions(actions)];
  for (const f of indicators ? files.map(withIndicators) : files) {
    mkdirSync(dirname(join(dir, f.file)), { recursive: true });
    writeFileSync(join(dir, f.file), `---\n${frontmatterText(f.frontmatter)}---\n`);
  }
  return dir;
}

/**
 * The headers of a plan's follow-up sheet with one round, in order, as the export writes them in
 * .xlsx and in CSV alike: written out here, not computed, so that both formats are pinned to them.
 */
export function followUpHeaders(round: string): string[] {
  return [
    'numéro',
    'titre',
    'identifiant',
    'axe',
    'objectif',
    'libellé',
    round,
    `Commentaire (${round})`,
    'Nouveau bilan (à renseigner)',
    'Commentaire (nouveau bilan)',
    'responsables',
    'thèmes',
    'publics',
  ];
}

/** The « Essai » sheet of the follow-up workbook of the content in `dir`: its name and rows, headers first. */
export function fixtureSheet(dir: string): { name: string; rows: string[][] } {
  const [sheet] = documentSheets(loadContent(dir).entries);
  return { name: sheet!.name, rows: [sheetHeaders(sheet!.convention), ...documentRows(sheet!.convention, sheet!.actions)] };
}

/**
 * With `indicators` (issue 24): the plan follows an employment rate and its action 1 a number of
 * recruitments, each with a value at « Bilan 2024 »; the Indicateurs sheet of the export has two rows.
 */
function withIndicators(f: RawFile): RawFile {
  const data = f.frontmatter as Record<string, unknown>;
  const value = (v: number) => [{ round: 'bilan-2024', value: v, source: 'Bilan social 2024' }];
  if (f.collection === 'conventions') {
    const rate = {
      id: 'taux-emploi',
      label: 'Taux d’emploi',
      unit: '%',
      direction: 'hausse',
      baseline: { value: 5.2 },
      target: { value: 6 },
    };
    return { ...f, frontmatter: { ...data, indicators: [{ ...rate, values: value(6.1) }] } };
  }
  if (f.file.endsWith('/action-1.mdx')) {
    const hires = { id: 'recrutements', label: 'Agents recrutés', unit: 'agents', direction: 'hausse', target: { value: 12 } };
    return { ...f, frontmatter: { ...data, indicators: [{ ...hires, values: value(4) }] } };
  }
  return f;
}

/** YAML as the content writes it: each status on one line (`{ round: …, status: … }`), which the import completes. */
function frontmatterText(data: unknown): string {
  const doc = new Document(data);
  const statuses = doc.get('statuses', true);
  if (isSeq(statuses)) for (const item of statuses.items) if (isMap(item)) item.flow = true;
  const indicators = doc.get('indicators', true);
  if (isSeq(indicators)) {
    for (const indicator of indicators.items) {
      const values = isMap(indicator) ? indicator.get('values', true) : undefined;
      if (isSeq(values)) for (const item of values.items) if (isMap(item)) item.flow = true;
    }
  }
  return doc.toString();
}

/** Actions 3 to `count` of the plan « Essai », as the valid set writes actions 1 and 2. */
function moreActions(count: number): RawFile[] {
  const model = validFiles().find((f) => f.collection === 'actions')!;
  return Array.from({ length: Math.max(0, count - 2) }, (_, i) => {
    const n = i + 3;
    return {
      ...model,
      file: `content/actions/essai/action-${n}.mdx`,
      pathInCollection: `essai/action-${n}.mdx`,
      frontmatter: {
        ...(model.frontmatter as Record<string, unknown>),
        number: `1.${n}`,
        order: n,
        title: `Action ${n}`,
        wording: `Texte de l'action ${n}.`,
        statuses: [{ round: 'bilan-2024', status: n % 2 === 0 ? 'R' : 'NR' }],
      },
    };
  });
}
