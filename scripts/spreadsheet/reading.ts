/**
 * Reading a référent's file, bounded in time and memory, every failure in French (issue 19).
 * A workbook is checked before exceljs parses anything: a file at all, not empty, not a
 * password-protected or Excel 97-2003 file, a zip (zip.ts) that expands to at most `LIMITS.bytes`,
 * an .xlsx (not a .docx; an .ods is read by ods.ts, issue 20), and each sheet within the size a document can have — read
 * from the sheet's XML, so that a 37 KB file with one cell at XFD1048576, or 100,000 blank rows,
 * is refused in a fraction of a second instead of hanging exceljs. Then sheets are read once, row
 * by row over the rows that exist; a cell that has no text to give (a formula without its computed
 * value, an error value, the hidden half of a merged cell) is kept aside and reported by the
 * importer if it reads that cell, together with forbidden invisible characters (trapCharacter).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { trapCharacter, trapMessage, visibleText } from '../../src/model/characters.ts';
import { readZip, ZipError, type ZipFault } from '../office/zip.ts';
import { megabytes, thousands } from '../../src/lib/format.ts';
import { systemReason } from '../cli.ts';
import { isOds, odsTableOf, odsWorkbook, readOds } from './ods.ts';

/**
 * What a file may hold. A document has a few hundred actions (the largest one published has 91),
 * one row each, and its follow-up sheet 11 fixed columns plus 2 per review round: 10,000 rows and
 * 200 columns (column GR, 94 rounds) are far beyond any. The other limits bound what exceljs
 * builds in memory, one object per XML element, which the row and column counts alone do not (a
 * cell can hold a million rich-text runs): 2,000,000 elements in the sheets and their shared
 * texts (4 documents of 5,000 actions hold 610,000; 2,000,000 take exceljs about 3 s and 540 MB),
 * 100,000 in the other parts (styles, comments: a few hundred in a real workbook, while a million
 * style entries alone take 4 s and 460 MB); its size once expanded (50 Mo; the site's whole
 * follow-up workbook is 0.2 Mo) and its number of zip entries (20 in an exported workbook).
 * exceljs also visits every cell a range names elsewhere in a sheet: each cell of a merged range
 * (and compares each merge with all the others), each cell of a drop-down's range: 1,000 merges
 * of 100,000 cells in all, and drop-downs over 2,000,000 cells (a whole column is 1,048,576) are
 * far beyond what the exported workbooks and the template hold (no merge, drop-downs over a few
 * hundred rows), while `A1:XFD1048576` would take minutes.
 */
export const LIMITS = {
  rows: 10_000,
  columns: 200,
  elements: 2_000_000,
  otherElements: 100_000,
  bytes: 50 * 1024 * 1024,
  entries: 1_000,
  merges: 1_000,
  mergedCells: 100_000,
  validatedCells: 2_000_000,
} as const;

/**
 * Excel's last column (XFD): a `<col max>` beyond it is no real workbook, and exceljs would build
 * one object per column up to it (a `max` of 200,000,000 runs it out of memory). LibreOffice
 * writes the style of the unused columns up to 1,024 or 16,384, so nothing lower is refused.
 */
const EXCEL_COLUMNS = 16_384;

/** Something wrong in the workbook or a CSV file, located as the référent sees it in the spreadsheet. */
export interface SheetProblem {
  /** Sheet name, or CSV file name. */
  sheet: string;
  /** true when `sheet` is a CSV file. */
  csv?: boolean;
  row?: number;
  /** Column letter and header: "G (Bilans 2023…)". */
  column?: string;
  value?: string;
  message: string;
  allowed?: string;
}

/** A sheet or a CSV file as text: `rows[0]` is the header line, `rows[i]` is spreadsheet row i + 1. */
/** Where a problem of the whole table is: its sheet, or its CSV file. */
export const placeOf = (table: Table): { sheet: string; csv?: boolean } => ({ sheet: table.name, ...(table.csv ? { csv: true } : {}) });

export interface Table {
  name: string;
  csv?: boolean;
  rows: string[][];
  /** Cells that hold no text to read, by `row:column` (indexes in `rows`), with the reason in French. */
  unreadable?: Map<string, string>;
  /** Cells of a workbook that hold a formula (`rows` has its result), by `row:column`: a figure must be typed (issue 24). */
  formulas?: Set<string>;
}

/**
 * A file that cannot be read. `message` is French and complete: the file, what is wrong, what to
 * do. `detail` is the library's or the system's own text, printed only with --debug.
 */
export class ReadError extends Error {
  readonly detail?: string;
  constructor(message: string, detail?: string) {
    super(message);
    this.name = 'ReadError';
    this.detail = detail;
  }
}

export const columnLetter = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + columnLetter(((n - 1) % 26) + 1);

const columnNumber = (letters: string): number => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

const SAVE_AS_XLSX = 'ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format « Classeur Excel (.xlsx) », puis relancez l’import';
const SAVE_AS_ODS = 'ouvrez-le dans LibreOffice et enregistrez-le au format « Classeur ODF (.ods) », puis relancez l’import';

/** What a file's name says it is (an .ods, or else an .xlsx as before issue 20), and how to make it one. */
const expectedFormat = (file: string) =>
  extname(file).toLowerCase() === '.ods'
    ? { kind: 'classeur LibreOffice (.ods)', saveAs: SAVE_AS_ODS }
    : { kind: 'classeur Excel (.xlsx)', saveAs: SAVE_AS_XLSX };

/**
 * A workbook whose content is not what its name says (issue 20) is refused, not read by its
 * content: Excel does not open an .ods named .xlsx, so the file would stop the next person who
 * opens it, and the référent should know which format they saved. Renaming is all it takes.
 */
function misnamed(file: string, actual: '.ods' | '.xlsx'): ReadError {
  const named = extname(file);
  const what = actual === '.ods' ? 'c’est un classeur LibreOffice (.ods)' : 'c’est un classeur Excel (.xlsx)';
  const right = `${basename(file, named)}${actual}`;
  return new ReadError(
    `« ${file} » n’est pas un ${expectedFormat(file).kind} malgré son nom : ${what} ; renommez-le « ${right} » (l’import lit les deux formats), puis relancez l’import.`,
  );
}

/** The file's bytes, or a French reason: missing, a folder, empty, unreadable, too large. */
export function readInputFile(file: string, what: 'classeur' | 'fichier CSV'): Buffer {
  const article = what === 'classeur' ? 'le classeur' : 'le fichier CSV';
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new ReadError(`« ${file} » est un dossier : donnez le chemin d’un ${what}, pas celui d’un dossier.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw systemReadError(file, error as NodeJS.ErrnoException, article);
  }
  if (size === 0) {
    throw new ReadError(
      `« ${file} » est vide (0 octet) : ${article} n’a pas été enregistré jusqu’au bout ; enregistrez-le de nouveau depuis le tableur.`,
    );
  }
  if (size > LIMITS.bytes) {
    throw new ReadError(
      `« ${file} » pèse ${megabytes(size)}, au-delà de la limite de ${megabytes(LIMITS.bytes)} : ce n’est pas ${article} d’un document ; vérifiez le fichier choisi.`,
    );
  }
  try {
    return readFileSync(file);
  } catch (error) {
    throw systemReadError(file, error as NodeJS.ErrnoException, article);
  }
}

/** A system error on reading `file`, in French. */
function systemReadError(file: string, error: NodeJS.ErrnoException, article: string): ReadError {
  const reason = systemReason(error.code) ?? `${article} n’a pas pu être lu (erreur du système ${error.code ?? 'inconnue'})`;
  return new ReadError(`« ${file} » : ${reason}.`, error.message);
}

/** The French message for a zip that is not one this reader accepts. */
function zipMessage(file: string, fault: ZipFault): string {
  const { kind, saveAs } = expectedFormat(file);
  switch (fault.kind) {
    case 'not-zip':
      return `« ${file} » n’est pas un ${kind} : son contenu n’est pas celui d’un classeur (un fichier CSV se nomme .csv) ; ${saveAs}.`;
    case 'damaged':
      return `« ${file} » est un classeur abîmé (copie interrompue, pièce jointe tronquée ?) : ${saveAs}, ou reprenez-en une copie intacte.`;
    case 'encrypted':
      return passwordMessage(file);
    case 'unsupported':
      return `« ${file} » est une archive zip d’un format qu’un tableur n’écrit pas : ${saveAs}.`;
    case 'too-many-entries':
      return `« ${file} » contient ${thousands(fault.count)} fichiers internes, au-delà de la limite de ${thousands(fault.limit)} : ce n’est pas un classeur de suivi ; vérifiez le fichier choisi.`;
    case 'too-large':
      return `« ${file} » occuperait ${megabytes(fault.size)} une fois décompressé, au-delà de la limite de ${megabytes(fault.limit)} : ce n’est pas un classeur de suivi ; vérifiez le fichier choisi.`;
  }
}

const passwordMessage = (file: string) =>
  `« ${file} » est protégé par un mot de passe (ou enregistré dans l’ancien format Excel 97-2003, .xls) : l’import ne peut pas le lire. ` +
  'Ouvrez-le dans le tableur, retirez le mot de passe (Excel : Fichier › Informations › Protéger le classeur › Chiffrer avec mot de passe, champ vidé ; LibreOffice : Fichier › Propriétés › Sécurité) et enregistrez-le au format « Classeur Excel (.xlsx) ».';

/** The first bytes of an OLE compound file: an encrypted Office file or an Excel 97-2003 .xls. */
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** XML attribute values as text: the five entities and character references. */
const xmlText = (s: string) =>
  s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string, dec: string, name: string) =>
    hex || dec
      ? String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10))
      : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()]!,
  );

const attributes = (tag: string) =>
  new Map([...tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1]!, xmlText(m[2] ?? m[3] ?? '')]));

/** Sheet names by their part (`xl/worksheets/sheet1.xml`), from the workbook and its relationships. */
function sheetNames(parts: Map<string, Buffer>): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [, tag] of (parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '').matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const a = attributes(tag!);
    const target = a.get('Target') ?? '';
    targets.set(a.get('Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const [, tag] of (parts.get('xl/workbook.xml')?.toString('utf8') ?? '').matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const a = attributes(tag!);
    const id = [...a].find(([k]) => k === 'id' || k.endsWith(':id'))?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (part !== undefined && a.has('name')) names.set(part, a.get('name')!);
  }
  return names;
}

/** A range `A1:C3` (or one cell `B2`): its corners, or undefined when it is not one. */
function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return undefined;
  const [a, b] = [columnNumber(m[1]!.toUpperCase()), Number(m[2])];
  const [c, d] = m[3] ? [columnNumber(m[3].toUpperCase()), Number(m[4])] : [a, b];
  return { top: Math.min(b, d), left: Math.min(a, c), bottom: Math.max(b, d), right: Math.max(a, c) };
}

const cellCount = (r: { top: number; left: number; bottom: number; right: number }) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** What a sheet's XML asks exceljs to build, beyond its cells. */
export interface SheetScan {
  /** The last used cell: the one Excel's Ctrl+Fin reaches, empty formatted rows included. */
  lastRow: number;
  lastColumn: number;
  /** Merged ranges: how many, how many cells in all, and the largest one as written. */
  merges: number;
  mergedCells: number;
  largestMerge?: string;
  /** Cells under drop-downs (data validations), and the largest range as written. */
  validatedCells: number;
  largestValidation?: string;
  /** The highest column a `<col>` element styles. */
  lastStyledColumn: number;
}

/**
 * Reads a sheet's XML without building it: every `<row>` and `<c>` start tag, by its `r`
 * attribute or its position, so it may find more than exceljs reads (a tag in a comment), never
 * less (exceljs ignores a prefixed `<x:row>`, and so does this); and every range exceljs would
 * expand cell by cell (`mergeCell ref`, `dataValidation sqref`, `col max`).
 */
export function scanSheet(xml: string): SheetScan {
  const scan: SheetScan = { lastRow: 0, lastColumn: 0, merges: 0, mergedCells: 0, validatedCells: 0, lastStyledColumn: 0 };
  let [row, column] = [0, 0];
  let [largestMerge, largestValidation] = [0, 0];
  for (const [, name, attrs] of xml.matchAll(/<(row|c|mergeCell|dataValidation|col)(?=[\s/>])([^>]*)>/g)) {
    if (name === 'row' || name === 'c') {
      const ref = /\sr\s*=\s*["']([A-Za-z]*)(\d*)["']/.exec(attrs!);
      if (name === 'row') {
        row = ref?.[2] ? Number(ref[2]) : row + 1;
        column = 0;
      } else {
        column = ref?.[1] ? columnNumber(ref[1].toUpperCase()) : column + 1;
        if (ref?.[2]) scan.lastRow = Math.max(scan.lastRow, Number(ref[2]));
      }
      scan.lastRow = Math.max(scan.lastRow, row);
      scan.lastColumn = Math.max(scan.lastColumn, column);
    } else if (name === 'col') {
      const max = /\smax\s*=\s*["'](\d+)["']/.exec(attrs!);
      if (max) scan.lastStyledColumn = Math.max(scan.lastStyledColumn, Number(max[1]));
    } else {
      const value = attributes(attrs!).get(name === 'mergeCell' ? 'ref' : 'sqref') ?? '';
      for (const ref of value.split(/\s+/).filter(Boolean)) {
        const range = rangeOf(ref);
        const cells = range ? cellCount(range) : 0;
        if (name === 'mergeCell') {
          scan.merges++;
          scan.mergedCells += cells;
          if (cells > largestMerge) [largestMerge, scan.largestMerge] = [cells, ref];
        } else {
          scan.validatedCells += cells;
          if (cells > largestValidation) [largestValidation, scan.largestValidation] = [cells, ref];
        }
      }
    }
  }
  return scan;
}

/** The French refusals of a sheet whose ranges exceljs would spend too long on; none when it is fine. */
function rangeRefusals(scan: SheetScan): string[] {
  const refusals: string[] = [];
  if (scan.merges > LIMITS.merges || scan.mergedCells > LIMITS.mergedCells) {
    refusals.push(
      `${thousands(scan.merges)} fusion${scan.merges > 1 ? 's' : ''} de cellules (${thousands(scan.mergedCells)} cellules, la plus grande ${scan.largestMerge ?? '?'}), ` +
        `au-delà de la limite de ${thousands(LIMITS.merges)} fusions et ${thousands(LIMITS.mergedCells)} cellules fusionnées ; ` +
        'annulez les fusions (Excel : Fusionner et centrer › Annuler Fusionner cellules ; LibreOffice : Format › Fusionner et défusionner les cellules › Scinder les cellules), enregistrez, puis relancez l’import',
    );
  }
  if (scan.validatedCells > LIMITS.validatedCells) {
    refusals.push(
      `listes déroulantes (validation des données) sur ${thousands(scan.validatedCells)} cellules (la plus grande plage : ${scan.largestValidation ?? '?'}), ` +
        `au-delà de la limite de ${thousands(LIMITS.validatedCells)} ; réduisez leurs plages aux lignes du tableau (Données › Validation des données), enregistrez, puis relancez l’import`,
    );
  }
  if (scan.lastStyledColumn > EXCEL_COLUMNS) {
    refusals.push(
      `mise en forme de colonnes jusqu’à la colonne n° ${thousands(scan.lastStyledColumn)}, au-delà de la dernière colonne d’un tableur (XFD, n° ${thousands(EXCEL_COLUMNS)}) : ` +
        'le fichier est abîmé ou n’a pas été écrit par un tableur ; exportez un nouveau classeur',
    );
  }
  return refusals;
}

/** Counts XML start tags (`<` then a letter). */
export function elementCount(xml: Buffer): number {
  let count = 0;
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
    const next = xml[i + 1] ?? 0;
    if ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a) count++;
  }
  return count;
}

/** The French refusal of a sheet past the limits, naming its last used cell. */
export const sheetTooLarge = (lastRow: number, lastColumn: number): string =>
  `dernière cellule utilisée ${columnLetter(lastColumn)}${lastRow}, au-delà de la limite de ` +
  `${thousands(LIMITS.columns)} colonnes (${columnLetter(LIMITS.columns)}) et ${thousands(LIMITS.rows)} lignes d’une feuille ; ` +
  'supprimez les lignes et colonnes en trop (sélectionnez-les depuis la première vide jusqu’à la dernière, clic droit › Supprimer ; ' +
  'les vider ne suffit pas), enregistrez, puis relancez l’import';

/**
 * The parts exceljs reads as worksheets, and those it keeps as bytes without parsing, matched as
 * exceljs matches them (node_modules/exceljs/lib/xlsx/xlsx.js, unanchored): a part it would parse
 * must never escape the checks below under an odd name. Every other part is counted as XML.
 */
const WORKSHEET_PART = /xl\/worksheets\/sheet\d+[.]xml/;
const MEDIA_PART = /xl\/media\//;

/** Refuses a workbook whose parts exceljs would spend too long or too much memory on. */
function checkParts(file: string, parts: Map<string, Buffer>): void {
  if (!parts.has('xl/workbook.xml')) {
    const mimetype = parts.get('mimetype')?.toString('latin1') ?? '';
    const what = mimetype.includes('opendocument.text')
      ? 'c’est un document texte (.odt)'
      : parts.has('word/document.xml')
        ? 'c’est un document Word'
        : parts.has('ppt/presentation.xml')
          ? 'c’est une présentation PowerPoint'
          : 'c’est une archive zip sans classeur';
    const { kind, saveAs } = expectedFormat(file);
    throw new ReadError(`« ${file} » n’est pas un ${kind} : ${what} ; ${saveAs}.`);
  }
  if (extname(file).toLowerCase() === '.ods') throw misnamed(file, '.xlsx');
  const names = sheetNames(parts);
  const refused: string[] = [];
  let [elements, others] = [0, 0];
  for (const [part, data] of parts) {
    if (WORKSHEET_PART.test(part)) {
      elements += elementCount(data);
      const scan = scanSheet(data.toString('utf8'));
      const sheet = `✗ feuille « ${visible(names.get(part) ?? part)} »`;
      if (scan.lastRow > LIMITS.rows || scan.lastColumn > LIMITS.columns)
        refused.push(`${sheet} : ${sheetTooLarge(scan.lastRow, scan.lastColumn)}.`);
      for (const refusal of rangeRefusals(scan)) refused.push(`${sheet} : ${refusal}.`);
    } else if (part === 'xl/sharedStrings.xml') elements += elementCount(data);
    else if (!MEDIA_PART.test(part)) others += elementCount(data);
  }
  if (refused.length > 0) {
    throw new ReadError(
      `« ${file} » a ${refused.length === 1 ? 'une feuille trop grande' : `${refused.length} feuilles trop grandes`} :\n${refused.join('\n')}`,
    );
  }
  if (elements > LIMITS.elements || others > LIMITS.otherElements) {
    const what =
      elements > LIMITS.elements
        ? `plus de ${thousands(LIMITS.elements)} éléments dans ses feuilles et leurs textes`
        : `plus de ${thousands(LIMITS.otherElements)} éléments de mise en forme`;
    throw new ReadError(
      `« ${file} » contient ${what}, bien au-delà de ce que tient un classeur de suivi : vérifiez le fichier choisi, ou copiez ses feuilles utiles dans un nouveau classeur.`,
    );
  }
}

/** The zip entries of a workbook's bytes, within the limits; throws a ReadError saying what is wrong. */
function workbookParts(file: string, bytes: Buffer): Map<string, Buffer> {
  if (bytes.subarray(0, CFB.length).equals(CFB)) throw new ReadError(passwordMessage(file));
  try {
    return readZip(bytes, { maxSize: LIMITS.bytes, maxEntries: LIMITS.entries });
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    throw new ReadError(zipMessage(file, error.fault), error.message);
  }
}

/**
 * The workbook in `file`, checked then parsed; every failure a French ReadError. Its content says
 * what it is: an .ods (LibreOffice's own format, issue 20) is read by ods.ts into the same tables,
 * an .xlsx by exceljs.
 */
export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const bytes = readInputFile(file, 'classeur');
  const parts = workbookParts(file, bytes);
  if (isOds(parts)) {
    if (extname(file).toLowerCase() === '.xlsx') throw misnamed(file, '.ods');
    return odsWorkbook(readOds(file, parts));
  }
  checkParts(file, parts);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ReadError(
      `« ${file} » n’a pas pu être lu : son contenu est abîmé ou n’a pas été écrit par un tableur ; ${SAVE_AS_XLSX}.`,
      (error as Error).message,
    );
  }
  return workbook;
}

/** A cell's text, whatever Excel stored (text, number, rich text, formula result, date), or why it has none. */
export function cellValue(cell: ExcelJS.Cell): string | { unreadable: string } {
  if (cell.type === ExcelJS.ValueType.Merge && cell.master !== cell) {
    return {
      unreadable: `cellule fusionnée avec ${cell.master.address} : elle n’a pas de valeur propre ; annulez la fusion (Excel : Fusionner et centrer › Annuler Fusionner cellules ; LibreOffice : Format › Fusionner et défusionner les cellules › Scinder les cellules)`,
    };
  }
  return valueText(cell.value, cell);
}

/**
 * A character the XML of a workbook cannot hold is written `_xHHHH_` (ECMA-376, ST_Xstring): Excel
 * writes `_x000B_`, which exceljs decodes, but LibreOffice writes `_x000b_`, which exceljs leaves as
 * text, so a vertical tab typed in Calc would be published as "_x000b_". Those are decoded here, so
 * that the check of invisible characters sees the character the référent typed (issue 19). An
 * upper-case one left by exceljs is a literal text (Excel escapes it as `_x005F_x000B_`): kept.
 */
const xmlEscapesDecoded = (text: string): string =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (escape, hex: string) => (/[a-f]/.test(hex) ? String.fromCharCode(parseInt(hex, 16)) : escape));

/**
 * The date/time tokens of a number format, without its literal parts: quoted texts ("le "),
 * escaped characters (\\-), bracketed codes ([$-40C] locale, [Red] colour) and the `_x`/`*x`
 * spacing and fill characters, which may hold a d, m or y that is no date token.
 */
const formatTokens = (format: string) =>
  format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '')
    .toLowerCase();

/**
 * A date typed in a cell that was not formatted as text, at the precision its format shows (issue
 * 20): a cell shown « déc. 2025 » (format mmm yyyy) is a month, 2025-12, not the 1st of December;
 * one shown « 2025 » is a year; any format with a day (or none) gives the calendar day. The site's
 * dates (src/model/common.ts partialDate) keep the precision the source gives.
 */
export function dateText(date: Date, numFmt: string | undefined): string {
  const day = date.toISOString().slice(0, 10);
  const tokens = formatTokens(numFmt ?? '');
  if (tokens === '' || tokens.includes('d') || !tokens.includes('y')) return day;
  return tokens.includes('m') ? day.slice(0, 7) : day.slice(0, 4);
}

const PERCENT = /%/;

function valueText(v: ExcelJS.CellValue, cell: ExcelJS.Cell): string | { unreadable: string } {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return xmlEscapesDecoded(v);
  // A number shown as a percentage (« 6,4 % » typed in Excel is stored 0.064) is read as shown:
  // an indicator's value would otherwise be a hundred times too small (issue 24).
  if (typeof v === 'number' && PERCENT.test(formatTokens(cell.numFmt ?? ''))) return `${String(Math.round(v * 1e10) / 1e8)} %`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return dateText(v, cell.numFmt);
  if ('richText' in v) return xmlEscapesDecoded(v.richText.map((r) => r.text).join(''));
  if ('error' in v) return { unreadable: `valeur d’erreur ${v.error} : tapez la valeur elle-même` };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined || result === null) {
      return {
        unreadable:
          'formule sans valeur calculée (fichier écrit par un programme qui ne calcule pas) : ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le, ou tapez la valeur elle-même',
      };
    }
    if (typeof result === 'object' && 'error' in result) {
      return { unreadable: `formule en erreur (${String(result.error)}) : corrigez-la ou tapez la valeur elle-même` };
    }
    return valueText(result as ExcelJS.CellValue, cell);
  }
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : valueText(v.text, cell);
  return cell.text;
}

/**
 * A worksheet as text rows, in one pass over the rows that hold a value (exceljs's `eachRow`):
 * never one step per empty row, nor a column count recomputed per row (issue 19: that took
 * minutes and gigabytes on a sheet whose last cell was XFD1048576). A sheet built in memory is held
 * to the same limits as a file.
 */
export function sheetTable(sheet: ExcelJS.Worksheet): Table {
  const read = odsTableOf(sheet);
  if (read) return read;
  const rows: string[][] = [];
  const unreadable = new Map<string, string>();
  const formulas = new Set<string>();
  let width = 0;
  sheet.eachRow((row, r) => {
    const cells: string[] = [];
    row.eachCell((cell, c) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas.add(`${r - 1}:${c - 1}`);
      const value = cellValue(cell);
      if (typeof value === 'string') cells[c - 1] = value;
      else unreadable.set(`${r - 1}:${c - 1}`, value.unreadable);
    });
    rows[r - 1] = cells;
    width = Math.max(width, row.cellCount);
  });
  if (rows.length > LIMITS.rows || width > LIMITS.columns) {
    throw new ReadError(`feuille « ${visible(sheet.name)} » : ${sheetTooLarge(rows.length, width)}.`);
  }
  // Rows and cells that hold nothing are holes in the arrays: made empty strings once, at the end.
  const table = Array.from({ length: rows.length }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? ''));
  return { name: sheet.name, rows: table, ...(unreadable.size > 0 ? { unreadable } : {}), ...(formulas.size > 0 ? { formulas } : {}) };
}

/** The French refusal of a CSV file the reader stopped at `line`, past the rows or columns of a sheet. */
export const csvTooLong = (what: 'rows' | 'columns', line: number): string =>
  `${what === 'rows' ? `plus de ${thousands(LIMITS.rows)} lignes` : `plus de ${thousands(LIMITS.columns)} colonnes à la ligne ${line}`}, ` +
  `au-delà de la limite de ${thousands(LIMITS.columns)} colonnes et ${thousands(LIMITS.rows)} lignes d’une feuille : ` +
  'ce fichier n’est pas un export de suivi ; vérifiez le fichier choisi, ou exportez-en un nouveau (npm run tableur:exporter -- --format csv)';

/**
 * What keeps the importer from using a cell it reads (`row`, `column`: indexes in `table.rows`):
 * a value it could not read, or a forbidden invisible character (src/model/characters.ts;
 * `multiline` for the texts that may span lines: wordings, comments, summaries).
 */
export function cellProblem(table: Table, row: number, column: number, multiline: boolean): { message: string; value: string } | undefined {
  const unreadable = table.unreadable?.get(`${row}:${column}`);
  if (unreadable !== undefined) return { message: unreadable, value: '(illisible)' };
  const value = (table.rows[row]?.[column] ?? '').trim();
  const trap = trapCharacter(value, multiline);
  return trap ? { message: trapMessage(trap, value), value } : undefined;
}

/** A column whose header the reader does not expect: its content is not imported. */
export interface UnknownColumn {
  /** Index in the table's rows. */
  index: number;
  header: string;
  /** Spreadsheet rows (from 2) where it holds something. */
  filled: number[];
}

/**
 * The header line read against the expected headers: the column of each one found, those missing,
 * a header given twice (an error: which one would the référent expect to be read?), the unknown
 * columns (the caller decides: most are warned about, see import.ts), and cells filled in a
 * column without a header (warned about: nothing is dropped without a word).
 */
export function readHeaders(
  table: Table,
  expected: readonly string[],
): { col: Map<string, number>; missing: string[]; problems: SheetProblem[]; unknown: UnknownColumn[]; warnings: SheetProblem[] } {
  const place = placeOf(table);
  const col = new Map<string, number>();
  const problems: SheetProblem[] = [];
  const unknown: UnknownColumn[] = [];
  const warnings: SheetProblem[] = [];
  const header = table.rows[0] ?? [];
  const width = table.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const filled = (c: number) =>
    table.rows.flatMap((row, r) => (r > 0 && ((row[c] ?? '').trim() !== '' || table.unreadable?.has(`${r}:${c}`)) ? [r + 1] : []));
  for (let c = 0; c < width; c++) {
    const h = (header[c] ?? '').trim();
    if (h === '') {
      const rows = filled(c);
      if (rows.length > 0) {
        warnings.push({
          ...place,
          column: columnLetter(c + 1),
          message: `colonne sans en-tête : ${rows.length === 1 ? '1 cellule remplie ignorée' : `${rows.length} cellules remplies ignorées`} (${rowList(rows)}) ; si elle doit être importée, elle doit porter l’en-tête d’une colonne attendue`,
          allowed: expected.join(', '),
        });
      }
    } else if (col.has(h)) {
      problems.push({
        ...place,
        row: 1,
        column: `${columnLetter(c + 1)} (${h})`,
        value: h,
        message: `colonne en double, déjà en ${columnLetter(col.get(h)! + 1)} : l’import ne sait pas laquelle lire ; supprimez l’une des deux`,
      });
    } else if (expected.includes(h)) col.set(h, c);
    else unknown.push({ index: c, header: h, filled: filled(c) });
  }
  return { col, missing: expected.filter((h) => !col.has(h)), problems, unknown, warnings };
}

/** "ligne 4", "lignes 4, 7, 9": the first `shown` (ten unless said), then "…". */
export const rowList = (rows: number[], shown = 10) =>
  `ligne${rows.length > 1 ? 's' : ''} ${rows.slice(0, shown).join(', ')}${rows.length > shown ? '…' : ''}`;

/** "1 cellule remplie (ligne 4)", "3 cellules remplies (lignes 4, 7, 9)". */
export const filledCells = (rows: number[]) =>
  `${rows.length === 1 ? '1 cellule remplie' : `${rows.length} cellules remplies`} (${rowList(rows)})`;

/** A problem about a whole column, placed on its header cell. */
export function headerProblem(table: Table, u: UnknownColumn, message: string, allowed: string): SheetProblem {
  return {
    ...placeOf(table),
    row: 1,
    column: `${columnLetter(u.index + 1)} (${u.header})`,
    value: u.header,
    message,
    allowed,
  };
}

/** The warning for a column whose header the reader does not know. */
export function unknownColumnWarning(table: Table, u: UnknownColumn, expected: readonly string[]): SheetProblem {
  const content = u.filled.length === 0 ? 'vide' : filledCells(u.filled);
  return headerProblem(
    table,
    u,
    `colonne inconnue, ${content} : son contenu n’est pas importé ; si elle doit l’être, donnez-lui l’en-tête exact d’une colonne attendue, sinon supprimez-la ou laissez-la`,
    expected.join(', '),
  );
}

/**
 * The text with each forbidden invisible character shown as its code (`[U+001B]`), for printing a
 * value read from a file: an escape sequence or a bidirectional override must not act on the
 * terminal that shows the report. Tabs and line breaks stay.
 */
export const visible = (text: string): string => visibleText(text, true);
