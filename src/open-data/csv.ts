/**
 * The one CSV module: every CSV file the project writes goes through `writeCsv`, and every one it
 * reads back through `readCsvText` (or `readCsv` for a file a référent gives). The dialects are
 * written here once: the open data of `donnees/` (`OPEN_DATA_CSV`: comma, no byte order mark;
 * src/open-data/export.ts) and the référents' follow-up files (`SPREADSHEET_CSV`: semicolon, with a
 * byte order mark for Excel; scripts/spreadsheet/). It lives here, not under scripts/, because the
 * site imports nothing from scripts/ while the scripts already read src/.
 *
 * Hand-written rather than node-csv (csv-parse, csv-stringify): the formula protection below must
 * be undone exactly where it was added, which csv-stringify's `escape_formulas` does not promise
 * (no full-width forms, no extra apostrophe for a value that already starts with one) and
 * csv-parse does not do; the limits stop a file as soon as it goes past them; every error is French
 * and names its line.
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
 * written as it is. Reading removes one apostrophe exactly where writing added one. A negative
 * number alone ("-3") is no formula and stays as it is (see `NEGATIVE_NUMBER`).
 */

export interface CsvDialect {
  separator: string;
  /** Start the file with a byte order mark (for Excel). */
  bom: boolean;
}

/**
 * The open data's CSV dialect: comma, CRLF line ends, UTF-8 without a byte order mark, as the Data
 * Package standard recommends and as datapackage.json declares it (`encoding: utf-8`): with a byte
 * order mark, datapackage-js, the reference reader, took it for part of the first column's name and
 * refused every file ("The column header names do not match the field names in the schema"), and
 * "utf-8-sig", Python's name for UTF-8 with a mark, is no registered encoding (issue 19).
 */
export const OPEN_DATA_CSV: CsvDialect = { separator: ',', bom: false };

/**
 * The référents' CSV files, as French spreadsheet software writes them: UTF-8 with a byte order
 * mark (so that Excel reads the accents), `;` between fields (the comma is the French decimal
 * separator), CRLF between records.
 */
export const SPREADSHEET_CSV: CsvDialect = { separator: ';', bom: true };

/** What ends every record written. */
const LINE_END = '\r\n';

/** A dialect as a Frictionless CSV Dialect descriptor (datapackage.json), from the same facts the writer uses. */
export function dialectDescriptor({ separator }: CsvDialect) {
  return { delimiter: separator, lineTerminator: LINE_END, quoteChar: '"', doubleQuote: true, header: true };
}

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
  'comme une formule : retirez cette première apostrophe pour retrouver la valeur exacte. Un nombre négatif seul (-3, -0.5) est écrit tel quel.';

/**
 * A negative number alone ("-3", "-0.4", "-0,4", "-1e-7"): a spreadsheet reads it as the number it
 * is and runs nothing (defusedcsv leaves it too), and a Table Schema `number` column
 * (donnees/indicateurs.csv, issue 24) must hold it bare to be read as a number.
 */
const NEGATIVE_NUMBER = /^-\d+([.,]\d+)?([eE][-+]?\d+)?$/;
/** The value as the CSV file holds it: with one more leading apostrophe when it starts like a formula. */
export const protectCell = (value: string): string => (NEEDS_PROTECTION.test(value) && !NEGATIVE_NUMBER.test(value) ? `'${value}` : value);

/** The value a cell was written from: `protectCell` undone. */
export const unprotectCell = (cell: string): string => (PROTECTED.test(cell) ? cell.slice(1) : cell);

/** One field as written: protected against formulas, then quoted when it needs to be (protected cells always are, as OWASP advises). */
export function csvCell(value: string, separator: string): string {
  const cell = protectCell(value);
  const quoted = cell !== value || cell.includes(separator) || /["\r\n]/.test(cell) || cell !== cell.trim();
  return quoted ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The CSV text of the rows (the first one being the header), every record ended by CRLF. */
export function writeCsv(rows: readonly (readonly string[])[], { separator, bom }: CsvDialect): string {
  const records = rows.map((row) => `${row.map((value) => csvCell(value, separator)).join(separator)}${LINE_END}`);
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

/**
 * The separator a référent's file uses, from its header: the one of `;`, `,` and tab found most
 * often outside quotes on the first line (a semicolon file whose labels hold commas stays a
 * semicolon file); `;` on a tie. Excel and LibreOffice save with whichever their settings say.
 */
function separatorOf(text: string): string {
  const line = text.slice(0, text.search(/\r|\n|$/));
  let best = SPREADSHEET_CSV.separator;
  let most = 0;
  for (const s of [SPREADSHEET_CSV.separator, ',', '\t']) {
    let count = 0;
    let quoted = false;
    for (const c of line) {
      if (c === '"') quoted = !quoted;
      else if (c === s && !quoted) count++;
    }
    if (count > most) [best, most] = [s, count];
  }
  return best;
}

/**
 * Reads the bytes of a CSV file a référent gives back (`SPREADSHEET_CSV` as written, or as Excel
 * and LibreOffice save it again: BOM or not, CRLF, LF or CR, `;`, `,` or a tab, quoted fields
 * spanning lines). UTF-8 only, since a file saved in another encoding would turn accented letters
 * into other characters without a word. Returns the records, fields as written before export (not
 * trimmed; the apostrophe that kept a formula from running removed), a line break inside a cell
 * read as a line feed whatever the file's line endings.
 */
export function readCsv(bytes: Uint8Array, limits?: CsvLimits): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvError(
      'fichier qui n’est pas en UTF-8 (accents illisibles) : enregistrez-le au format « CSV UTF-8 » (Excel) ou avec le jeu de caractères « Unicode (UTF-8) » (LibreOffice)',
      1,
    );
  }
  // The apostrophe is removed before line breaks are normalised: a protected cell may start with a carriage return.
  return readCsvText(text, separatorOf(text), limits).map((row) => row.map((value) => value.replace(/\r\n?/g, '\n')));
}
