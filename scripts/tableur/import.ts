/**
 * Reads a follow-up workbook back (see classeur.ts), checks every row, and writes the changed
 * statuses, titles and wordings into the actions' MDX files. Nothing is written while anything is
 * wrong: every problem is reported at once, with its sheet, row, column, value and what is allowed.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { validateAll, type RawFile } from '../../src/model/validate.ts';
import { formatProblem, type Problem } from '../../src/model/problems.ts';
import {
  GUIDE_SHEET,
  HEAD_COLUMNS,
  TAIL_COLUMNS,
  NEW_ROUND_HEADER,
  documentSheets,
  loadContent,
  scaleCodes,
  sheetHeaders,
  type Action,
} from './classeur.ts';
import { applyToData, editFrontmatter, type FrontmatterEdit, type NewRound } from './frontmatter.ts';

/** Something wrong in the workbook, located as the référent sees it in the spreadsheet. */
export interface SheetProblem {
  sheet: string;
  row?: number;
  /** Column letter and header: "G (Bilans 2023…)". */
  column?: string;
  value?: string;
  message: string;
  allowed?: string;
}

export interface Change {
  action: string;
  file: string;
  kind: 'statut' | 'titre' | 'libellé';
  /** Round label, for a status. */
  round?: string;
  from: string;
  to: string;
}

export interface ImportResult {
  problems: (SheetProblem | Problem)[];
  changes: Change[];
  /** Files written (paths relative to the root); empty on a trial run or when anything is wrong. */
  written: string[];
}

/** A cell's text, whatever Excel stored (text, number, rich text, formula result). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return cell.text;
}

const columnLetter = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + columnLetter(((n - 1) % 26) + 1);

/** Reads and checks the workbook, then (unless `dryRun`) writes the changed files under `root`. */
export async function importWorkbook(
  file: string,
  options: { root: string; contentDir?: string; dryRun?: boolean; newRound?: NewRound },
): Promise<ImportResult> {
  const { root, contentDir = 'content', dryRun = false, newRound } = options;
  const { files, entries } = loadContent(root, contentDir);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);

  const problems: (SheetProblem | Problem)[] = [];
  const changes: Change[] = [];
  const edits = new Map<string, FrontmatterEdit[]>();
  const actionsById = new Map(entries.actions.map((a) => [a.id, a]));
  const docs = new Map(documentSheets(entries).map((d) => [d.name, d]));
  const seen = new Set<string>();

  for (const sheet of workbook.worksheets) {
    if (sheet.name === GUIDE_SHEET) continue;
    const doc = docs.get(sheet.name);
    if (!doc) {
      problems.push({ sheet: sheet.name, message: 'feuille inconnue (renommée ou ajoutée ?)', allowed: [...docs.keys()].join(', ') });
      continue;
    }
    const { convention } = doc;
    const codes = scaleCodes(convention);
    const rounds = convention.data.rounds ?? [];
    const expected = sheetHeaders(convention);
    const header = sheet.getRow(1);
    const col = new Map<string, number>();
    header.eachCell((cell, n) => col.set(cellText(cell).trim(), n));
    const missing = expected.filter((h) => !col.has(h));
    if (missing.length > 0) {
      problems.push({
        sheet: sheet.name,
        row: 1,
        message: `colonne(s) manquante(s) ou renommée(s) : ${missing.join(', ')}`,
        allowed: expected.join(', '),
      });
      continue;
    }
    const where = (h: string) => `${columnLetter(col.get(h)!)} (${h})`;

    sheet.eachRow((row, r) => {
      if (r === 1) return;
      const get = (h: string) => cellText(row.getCell(col.get(h)!)).trim();
      const id = get(HEAD_COLUMNS.id);
      if (!id && expected.every((h) => get(h) === '')) return;
      const action: Action | undefined = actionsById.get(id);
      const at = { sheet: sheet.name, row: r };
      if (!action || action.data.convention !== convention.id) {
        problems.push({
          ...at,
          column: where(HEAD_COLUMNS.id),
          value: id,
          message: 'identifiant d’action inconnu dans ce document',
          allowed: 'l’identifiant exporté (colonne verrouillée), par exemple ' + doc.actions[0]!.id,
        });
        return;
      }
      if (seen.has(id)) {
        problems.push({ ...at, column: where(HEAD_COLUMNS.id), value: id, message: 'action présente sur plusieurs lignes' });
        return;
      }
      seen.add(id);
      const d = action.data;
      // Locked columns must read as the content does (someone may have lifted the protection).
      const lockedValues: Record<string, string> = {
        [HEAD_COLUMNS.number]: d.number ?? '',
        [HEAD_COLUMNS.axis]: d.axis,
        [HEAD_COLUMNS.objective]: d.objective ?? '',
        [TAIL_COLUMNS.responsible]: (d.responsible ?? []).join(', '),
        [TAIL_COLUMNS.themes]: d.themes.join(', '),
        [TAIL_COLUMNS.audience]: d.audience.join(', '),
      };
      for (const [h, value] of Object.entries(lockedValues)) {
        if (get(h) !== value) {
          problems.push({
            ...at,
            column: where(h),
            value: get(h),
            message: 'colonne verrouillée modifiée : elle ne peut pas l’être depuis le classeur',
            allowed: value === '' ? '(vide)' : value,
          });
        }
      }
      const fileEdits: FrontmatterEdit[] = [];
      const statuses = d.statuses ?? [];
      rounds.forEach((round, index) => {
        const value = get(round.label);
        const i = statuses.findIndex((s) => s.round === round.id);
        const before = i >= 0 ? statuses[i]!.status : '';
        if (value === before) return;
        if (value === '') {
          problems.push({
            ...at,
            column: where(round.label),
            value: '(vide)',
            message: 'statut effacé : l’import ne supprime pas un statut publié',
            allowed: before,
          });
          return;
        }
        if (!codes.includes(value)) {
          problems.push({
            ...at,
            column: where(round.label),
            value,
            message: 'statut inconnu pour ce document',
            allowed: codes.join(', ') || '(aucun : ce document ne suit pas de statut)',
          });
          return;
        }
        if (i >= 0) fileEdits.push({ kind: 'set', path: ['statuses', i, 'status'], value });
        else {
          // Statuses go oldest round first: before the first one from a later round.
          const later = statuses.findIndex((s) => rounds.findIndex((x) => x.id === s.round) > index);
          fileEdits.push({ kind: 'add-status', round: round.id, status: value, before: later >= 0 ? later : undefined });
        }
        changes.push({ action: id, file: action.file, kind: 'statut', round: round.label, from: before || '(aucun)', to: value });
      });
      const next = codes.length > 0 ? get(NEW_ROUND_HEADER) : '';
      if (next !== '' && !newRound) {
        problems.push({
          ...at,
          column: where(NEW_ROUND_HEADER),
          value: next,
          message:
            'nouveau bilan : dites lequel en relançant avec --bilan <identifiant> --libelle "<libellé>" et --date AAAA-MM ou --periode "<période>"',
        });
      } else if (next !== '' && newRound) {
        if (!codes.includes(next)) {
          problems.push({
            ...at,
            column: where(NEW_ROUND_HEADER),
            value: next,
            message: 'statut inconnu pour ce document',
            allowed: codes.join(', '),
          });
        } else if (rounds.some((r) => r.id === newRound.id)) {
          problems.push({
            ...at,
            column: where(NEW_ROUND_HEADER),
            value: newRound.id,
            message: 'ce bilan existe déjà dans le document : sa colonne est celle de son libellé',
            allowed: 'un identifiant de bilan nouveau',
          });
        } else {
          fileEdits.push({ kind: 'add-status', round: newRound.id, status: next });
          changes.push({ action: id, file: action.file, kind: 'statut', round: newRound.label, from: '(aucun)', to: next });
          edits.set(convention.file, [{ kind: 'add-round', round: newRound }]);
        }
      }
      for (const [h, field, kind] of [
        [HEAD_COLUMNS.title, 'title', 'titre'],
        [HEAD_COLUMNS.wording, 'wording', 'libellé'],
      ] as const) {
        const value = get(h);
        if (value === d[field]) continue;
        if (value === '') {
          problems.push({ ...at, column: where(h), value: '(vide)', message: `${kind} vide`, allowed: 'un texte' });
          continue;
        }
        fileEdits.push({ kind: 'set', path: [field], value });
        changes.push({ action: id, file: action.file, kind, from: d[field], to: value });
      }
      if (fileEdits.length > 0) edits.set(action.file, fileEdits);
    });
  }
  if (problems.length > 0) return { problems, changes, written: [] };

  // The same checks as the build, on the content with the changes made in memory.
  const changed: RawFile[] = files.map((f) => {
    const e = edits.get(f.file);
    return e ? { ...f, frontmatter: applyToData(f.frontmatter as Record<string, unknown>, e) } : f;
  });
  problems.push(...validateAll(changed).problems);
  if (problems.length > 0) return { problems, changes, written: [] };

  // Every file is edited in memory first: one that cannot be means none is written.
  const texts = new Map<string, string>();
  for (const [f, e] of edits) {
    const path = join(root, f);
    try {
      texts.set(path, editFrontmatter(readFileSync(path, 'utf8'), e));
    } catch (error) {
      problems.push({ file: f, field: '(front matter)', message: (error as Error).message });
    }
  }
  if (problems.length > 0 || dryRun) return { problems, changes, written: [] };
  for (const [path, text] of texts) {
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, path);
  }
  return { problems, changes, written: [...edits.keys()] };
}

/** One problem as printed in the terminal. */
export function formatImportProblem(p: SheetProblem | Problem): string {
  if ('file' in p) return formatProblem(p);
  const place = [`feuille « ${p.sheet} »`, p.row !== undefined ? `ligne ${p.row}` : '', p.column ? `colonne ${p.column}` : '']
    .filter(Boolean)
    .join(', ');
  const lines = [`✗ ${place} : ${p.message}`];
  if (p.value !== undefined) lines.push(`  valeur trouvée : « ${p.value} »`);
  if (p.allowed) lines.push(`  valeurs permises : ${p.allowed}`);
  return lines.join('\n');
}

/** The summary of the changes, in French. */
export function formatSummary(changes: Change[]): string {
  const statuses = changes.filter((c) => c.kind === 'statut');
  const texts = changes.filter((c) => c.kind !== 'statut');
  const lines = [
    `${statuses.length} statut${statuses.length > 1 ? 's' : ''} modifié${statuses.length > 1 ? 's' : ''}, ${texts.length} texte${texts.length > 1 ? 's' : ''} modifié${texts.length > 1 ? 's' : ''}.`,
  ];
  for (const c of statuses) lines.push(`  ${c.action} — ${c.round} : ${c.from} → ${c.to}`);
  for (const c of texts) lines.push(`  ${c.action} — ${c.kind} : « ${c.from} » → « ${c.to} »`);
  return lines.join('\n');
}
