/**
 * The one CSV module: every CSV file the project writes goes through `writeCsv`, and every one it
 * reads back through `readCsvText`. Two dialects use it: the open data of `donnees/` (comma, no
 * byte order mark: src/open-data/export.ts) and the référents' follow-up files (semicolon, with a byte
 * order mark for Excel: scripts/spreadsheet/csv.ts). It lives here, not under scripts/, because the
 * site imports nothing from scripts/ while the scripts already read src/.
 *
 * RFC 4180: fields separated by the separator, records ended by CRLF, a field quoted when it holds
 * the separator, a quote, a line break or surrounding spaces (which a spreadsheet may trim), quotes
 * doubled inside.
 *
 * Formula-safe (issue 19, OWASP "CSV injection"): a spreadsheet opening a CSV runs a cell that
 * starts with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(…)` becomes a live link, `+cmd|…` a
 * DDE call), and a tab or a carriage return at the start, which an importer may trim, can hide
 * such a cell; some spreadsheets fold the full-width forms ＝ ＋ － ＠ into the same characters.
 * Such a cell is written with a leading apostrophe, which spreadsheets show as text and never run,
 * and quoted. A line feed at the start is treated like a carriage return: LibreOffice writes a
 * cell's leading carriage return back as a line feed, and the apostrophe must still be recognised
 * when the file comes back. To keep the round trip exact, a value that already starts with
 * apostrophes followed by one of those characters gets one more; a value such as "'déjà cité'" is
 * written as it is. Reading removes one apostrophe exactly where writing added one.
 */

/** The UTF-8 byte order mark, which Excel needs to read a CSV file's accents (not written in open data). */
export const BOM = '\uFEFF';

/** What makes a spreadsheet read a cell as a formula (OWASP), with the full-width forms. */
const FORMULA_CHARACTERS = '=+\\-@\\t\\r\\n\uFF1D\uFF0B\uFF0D\uFF20';
/** Values that writing protects: a formula start, after any number of apostrophes. */
const NEEDS_PROTECTION = new RegExp(`^'*[${FORMULA_CHARACTERS}]`);
/** Cells that writing protected: one apostrophe or more, then a formula start. */
const PROTECTED = new RegExp(`^'+[${FORMULA_CHARACTERS}]`);

/**
 * How a protected value is written, in French, for whoever reads the files: the Table Schema's
 * description of every text field and the "Données ouvertes" page say it in these words.
 */
export const FORMULA_NOTE =
  'Une valeur qui commence par =, +, -, @, une tabulation, un retour chariot ou un saut de ligne (ou par ＝, ＋, －, ＠ en pleine chasse), ' +
  "éventuellement après des apostrophes, est écrite précédée d'une apostrophe droite (') pour qu'un tableur ne l'exécute pas " +
  'comme une formule : retirez cette première apostrophe pour retrouver la valeur exacte.';

/** The value as the CSV file holds it: with one more leading apostrophe when it starts like a formula. */
export const protectCell = (value: string): string => (NEEDS_PROTECTION.test(value) ? `'${value}` : value);

/** The value a cell was written from: `protectCell` undone. */
export const unprotectCell = (cell: string): string => (PROTECTED.test(cell) ? cell.slice(1) : cell);

/** One field as written: protected against formulas, then quoted when it needs to be (protected cells always are, as OWASP advises). */
export function csvCell(value: string, separator: string): string {
  const cell = protectCell(value);
  const quoted = cell !== value || cell.includes(separator) || /["\r\n]/.test(cell) || cell !== cell.trim();
  return quoted ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export interface CsvDialect {
  separator: string;
  /** Start the file with a byte order mark (for Excel). */
  bom: boolean;
}

/** The CSV text of the rows (the first one being the header), every record ended by CRLF. */
export function writeCsv(rows: readonly (readonly string[])[], { separator, bom }: CsvDialect): string {
  const records = rows.map((row) => `${row.map((value) => csvCell(value, separator)).join(separator)}\r\n`);
  return (bom ? BOM : '') + records.join('');
}

/** Raised when the text is not CSV that can be read safely; the message is in French. */
export class CsvError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvError';
    this.line = line;
  }
}

/** Length of the line break at `i` (CRLF, LF or CR), 0 when there is none. */
const lineBreakAt = (text: string, i: number): number => (text[i] === '\r' ? (text[i + 1] === '\n' ? 2 : 1) : text[i] === '\n' ? 1 : 0);

/** How many records and cells in a record a reader accepts: past them it stops at once (issue 19). */
export interface CsvLimits {
  rows: number;
  columns: number;
}

/** Raised as soon as a file goes past its `CsvLimits`: `line` is where; `what` says which limit. */
export class CsvTooLarge extends CsvError {
  readonly what: 'rows' | 'columns';
  constructor(what: 'rows' | 'columns', line: number) {
    super(what === 'rows' ? 'trop de lignes' : 'trop de colonnes', line);
    this.name = 'CsvTooLarge';
    this.what = what;
  }
}

/**
 * Splits CSV text into records of cells exactly as the file holds them (a byte order mark
 * skipped, quotes removed, nothing else changed: apostrophes and line breaks inside cells stay).
 * Records may end with CRLF, LF or CR; a quoted cell may span lines. With `limits`, a file past
 * them is refused as soon as it gets there (CsvTooLarge), before it holds millions of cells.
 */
export function splitCsv(source: string, separator: string, limits?: CsvLimits): string[][] {
  const text = source.startsWith(BOM) ? source.slice(1) : source;
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const lineBreak = lineBreakAt(text, i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        // After a closing quote, only a separator or the end of the record may follow.
        const next = text[i];
        if (next !== undefined && next !== separator && lineBreakAt(text, i) === 0) {
          throw new CsvError(`guillemet fermant suivi de « ${next} » : un guillemet dans un champ s’écrit doublé ("")`, line);
        }
      } else {
        const length = Math.max(lineBreak, 1);
        value += text.slice(i, i + length);
        if (lineBreak > 0) line++;
        i += length;
      }
    } else if (c === '"' && value === '') {
      quoted = true;
      quoteLine = line;
      i++;
    } else if (c === separator) {
      row.push(value);
      value = '';
      i++;
      if (limits && row.length >= limits.columns) throw new CsvTooLarge('columns', line);
    } else if (lineBreak > 0) {
      row.push(value);
      rows.push(row);
      if (limits && rows.length > limits.rows) throw new CsvTooLarge('rows', line);
      row = [];
      value = '';
      line++;
      i += lineBreak;
    } else {
      value += c;
      i++;
    }
  }
  if (quoted) throw new CsvError('guillemet ouvert jamais refermé : le fichier s’arrête au milieu d’un champ', quoteLine);
  if (value !== '' || row.length > 0) {
    row.push(value);
    rows.push(row);
    if (limits && rows.length > limits.rows) throw new CsvTooLarge('rows', line);
  }
  return rows;
}

/** Reads CSV text written by `writeCsv`, or by a spreadsheet from it: the values as they were before writing. */
export function readCsvText(text: string, separator: string, limits?: CsvLimits): string[][] {
  return splitCsv(text, separator, limits).map((row) => row.map(unprotectCell));
}
