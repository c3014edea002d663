/**
 * The référents' CSV files, as French spreadsheet software writes them: UTF-8 with a byte order
 * mark (so that Excel reads the accents), `;` between fields, CRLF between records. Written and read
 * by the one CSV module (src/open-data/csv.ts), which also keeps formulas from running: a cell starting
 * like a formula is written after an apostrophe, removed again here when the file comes back.
 * The reader takes back what Excel and LibreOffice write: BOM or not, CRLF, LF or CR, `;` (or `,`
 * or a tab, found from the header line), quoted fields spanning lines.
 */
import { BOM, CsvError, CsvTooLarge, readCsvText, writeCsv as writeCsvText, type CsvLimits } from '../../src/open-data/csv.ts';

export { BOM, CsvError, CsvTooLarge, type CsvLimits };
export const SEPARATOR = ';';

/** The CSV text of the rows (the first one being the header), BOM included. */
export function writeCsv(rows: string[][], separator = SEPARATOR): string {
  return writeCsvText(rows, { separator, bom: true });
}

/**
 * The separator the header uses: the one of `;`, `,` and tab found most often outside quotes on
 * the first line (a semicolon file whose labels hold commas stays a semicolon file); `;` on a tie.
 */
function separatorOf(text: string): string {
  const line = text.slice(0, text.search(/\r|\n|$/));
  let best = SEPARATOR;
  let most = 0;
  for (const s of [SEPARATOR, ',', '\t']) {
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
 * Reads CSV bytes: UTF-8 (with or without BOM) only, since a file saved in another encoding would
 * turn accented letters into other characters without a word. Returns the records, fields as
 * written before export (not trimmed; the apostrophe that kept a formula from running removed),
 * a line break inside a cell read as a line feed whatever the file's line endings.
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
