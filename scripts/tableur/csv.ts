/**
 * CSV as French spreadsheet software writes it (RFC 4180 with a semicolon): UTF-8 with a byte
 * order mark, `;` between fields, CRLF between records, a field quoted when it holds the
 * separator, a quote, a line break or surrounding spaces, quotes doubled inside. The reader takes
 * back what Excel and LibreOffice write: BOM or not, CRLF, LF or CR, `;` (or `,` or a tab, found
 * from the header line), quoted fields spanning lines.
 */

export const BOM = '\uFEFF';
export const SEPARATOR = ';';

/** One field, quoted when it needs to be. */
function field(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV text of the rows (the first one being the header), BOM included. */
export function writeCsv(rows: string[][], separator = SEPARATOR): string {
  return BOM + rows.map((row) => row.map((v) => field(v, separator)).join(separator) + '\r\n').join('');
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

/** Splits the text into records and fields with the given separator. */
function parse(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  let i = 0;
  const endRecord = () => {
    row.push(value);
    rows.push(row);
    row = [];
    value = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          value += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        // After a closing quote, only a separator or the end of the record may follow.
        const next = text[i];
        if (next !== undefined && next !== separator && next !== '\r' && next !== '\n') {
          throw new CsvError(`guillemet fermant suivi de « ${next} » : un guillemet dans un champ s’écrit doublé ("")`, line);
        }
        continue;
      }
      // A line break inside a cell is a line feed, whatever the file's line endings.
      if (c === '\r') {
        value += '\n';
        i += text[i + 1] === '\n' ? 2 : 1;
        line++;
        continue;
      }
      if (c === '\n') line++;
      value += c;
      i++;
      continue;
    }
    if (c === '"' && value === '') {
      quoted = true;
      quoteLine = line;
      i++;
    } else if (c === separator) {
      row.push(value);
      value = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      value += c;
      i++;
    }
  }
  if (quoted) throw new CsvError('guillemet ouvert jamais refermé : le fichier s’arrête au milieu d’un champ', quoteLine);
  if (value !== '' || row.length > 0) endRecord();
  return rows;
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
 * written (not trimmed).
 */
export function readCsv(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvError(
      'fichier qui n’est pas en UTF-8 (accents illisibles) : enregistrez-le au format « CSV UTF-8 » (Excel) ou avec le jeu de caractères « Unicode (UTF-8) » (LibreOffice)',
      1,
    );
  }
  return parse(text, separatorOf(text));
}
