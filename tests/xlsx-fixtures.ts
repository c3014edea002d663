/**
 * Workbooks written byte by byte, for the import's hostile-input tests (issue 19): a zip writer
 * that can lie about an entry's size, and the smallest .xlsx exceljs reads (content types,
 * relationships, workbook, shared strings, sheets as raw XML), so that a test states exactly what
 * the file holds (a cell at XFD1048576, 100,000 blank rows, `_x000B_`, a formula without value)
 * and builds it in milliseconds.
 */
import assert from 'node:assert/strict';
import { ReadError } from '../scripts/spreadsheet/reading.ts';
import { writeZip as writeHonestZip, type ZipEntry as HonestEntry } from '../scripts/office/zip.ts';

/** What the libraries (exceljs, jszip, the XML readers) or the system say, that must never reach a référent. */
export const ENGLISH =
  /Can't find|central directory|ENOENT|EISDIR|Invalid|Error|undefined|https?:\/\/|zip file|Corrupted|expected|unclosed|entity/;

/** Awaits `reading`, which must reject with a French ReadError matching `expected`, naming `file`, with no English words. */
export async function refusedInFrench(reading: Promise<unknown>, file: string, expected: RegExp): Promise<string> {
  let message = '';
  await assert.rejects(reading, (error) => {
    assert.ok(error instanceof ReadError, String(error));
    message = error.message;
    return true;
  });
  assert.match(message, expected);
  assert.ok(message.includes(`« ${file} »`), message);
  assert.doesNotMatch(message, ENGLISH);
  return message;
}

export interface ZipEntry extends HonestEntry {
  /** The uncompressed size written in the headers, when a test wants it to lie. */
  declaredSize?: number;
}

/**
 * A zip archive of the entries, written by the project's own writer (scripts/office/zip.ts), then,
 * for an entry with `declaredSize`, its uncompressed size rewritten in its local and central
 * headers (APPNOTE.TXT §4.3.7 and §4.3.12: offsets 22 and 24).
 */
export function writeZip(entries: ZipEntry[]): Buffer {
  const zip = writeHonestZip(entries);
  const directory = zip.readUInt32LE(zip.length - 22 + 16);
  let local = 0;
  let central = directory;
  for (const entry of entries) {
    const nameLength = zip.readUInt16LE(local + 26);
    if (entry.declaredSize !== undefined) {
      zip.writeUInt32LE(entry.declaredSize, local + 22);
      zip.writeUInt32LE(entry.declaredSize, central + 24);
    }
    local += 30 + nameLength + zip.readUInt32LE(local + 18);
    central += 46 + zip.readUInt16LE(central + 28);
  }
  return zip;
}

/** C0 controls other than tab, line feed and carriage return: Excel writes them `_x000B_`. */
// eslint-disable-next-line no-control-regex -- the characters are what the fixture is about.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A cell given as text (a shared string, written as Excel would, `_x000B_` included) or raw `<c>` XML. */
export type RawCell = string | { xml: string };

/** One sheet: its name and its rows (row 1 first), or its `<sheetData>` content as raw XML. */
export interface RawSheet {
  name: string;
  rows?: RawCell[][];
  sheetData?: string;
  /** Raw XML before `<sheetData>` (`<cols>…</cols>`) and after it (`<mergeCells>…`, `<dataValidations>…`). */
  before?: string;
  after?: string;
}

const column = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : column(Math.floor((n - 1) / 26)) + column(((n - 1) % 26) + 1);

/** The smallest .xlsx exceljs reads, holding these sheets. */
export function rawWorkbook(sheets: RawSheet[], extra: ZipEntry[] = []): Buffer {
  const strings: string[] = [];
  const sheetXml = (s: RawSheet) => {
    const data =
      s.sheetData ??
      (s.rows ?? [])
        .map((row, r) => {
          const cells = row.map((cell, c) => {
            const ref = `${column(c + 1)}${r + 1}`;
            if (typeof cell !== 'string') return cell.xml.replace(/^<c(?=[\s>])/, `<c r="${ref}"`);
            strings.push(cell);
            return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
          });
          return `<row r="${r + 1}">${cells.join('')}</row>`;
        })
        .join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${s.before ?? ''}<sheetData>${data}</sheetData>${s.after ?? ''}</worksheet>`;
  };
  const sheetFiles = sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(s) }));
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return writeZip([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}"><sheets>${sheets
        .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}<Relationship Id="rIdS" Type="${ns}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    ...sheetFiles,
    {
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
        .map(
          (s) =>
            `<si><t xml:space="preserve">${escape(s).replace(CONTROL, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)}</t></si>`,
        )
        .join('')}</sst>`,
    },
    ...extra,
  ]);
}
