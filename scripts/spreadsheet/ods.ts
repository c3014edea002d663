/**
 * Reading a workbook saved by LibreOffice in its own format, .ods (issue 20: Calc saves .ods by
 * default, and such a file used to be dropped without a word). An .ods file is a zip (read by
 * zip.ts, with the limits of an .xlsx) whose `content.xml` holds every sheet (OpenDocument 1.3,
 * part 3, §9.1: `table:table` › `table:table-row` › `table:table-cell`). exceljs does not read it;
 * SheetJS, the only other reader, is no longer maintained on npm (0.18.5); the XML parser exceljs
 * brings (saxes) is not a dependency of the project. So this module reads `content.xml` with a
 * small XML tokenizer (../office/xml.ts: no DTD, hence no entity expansion), and gives the same `Table` rows as the .xlsx reader, so that import.ts and template.ts check it
 * unchanged.
 *
 * LibreOffice writes the rest of a sheet as one empty cell repeated 16,384 times
 * (`table:number-columns-repeated`) and one empty row repeated about a million times: repetition is
 * expanded only for a cell or row that holds something, and only within the limits of a sheet
 * (LIMITS); beyond them the sheet is refused, naming its last used cell, without expanding anything.
 */
import ExcelJS from 'exceljs';
import { columnLetter, elementCount, LIMITS, ReadError, sheetTooLarge, visible, type Table } from './reading.ts';
import { thousands } from '../../src/lib/format.ts';
import { XmlError, xmlTokens } from '../office/xml.ts';

/** The parts of an .ods file that say it is one: its `mimetype` entry (ODF 1.3 part 2, §3.3). */
export const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** True when the zip's parts are an OpenDocument spreadsheet (or its template, .ots). */
export const isOds = (parts: Map<string, Buffer>): boolean =>
  (parts.get('mimetype')?.toString('latin1').trim() ?? '').startsWith(ODS_MIMETYPE);

/** A cell's content as read: its text, or why it has none to give. */
type CellContent = { text: string; formula?: true } | { unreadable: string };

/** Elements whose text is not the cell's: a comment (annotation), a drawing, a note. */
const FOREIGN = /^(office:annotation|draw:|text:note$|svg:)/;

/** One sheet being read: its rows so far (sparse), and the last used cell when past the limits. */
interface SheetState {
  name: string;
  rows: (string | undefined)[][];
  unreadable: Map<string, string>;
  /** Cells holding a formula, by `row:column` (see `Table.formulas`). */
  formulas: Set<string>;
  width: number;
  row: number;
  tooLarge?: { lastRow: number; lastColumn: number };
  /** For each column, the merged cell covering it down to `until` (0-based row), to name it. */
  spans: { master: string; until: number }[];
}

/** A row being read: its cells by column (0-based), and whether any holds something. */
interface RowState {
  repeat: number;
  column: number;
  cells: (CellContent | undefined)[];
  used: boolean;
  lastColumn: number;
}

const repeat = (attributes: Map<string, string>, name: string): number => {
  const n = Number(attributes.get(name) ?? '1');
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
};

/**
 * The text a cell gives, as the .xlsx reader gives it (lecture.ts `valueText`): a number as
 * JavaScript writes it (1.1, not the displayed "1,10"), a date as its calendar day, a boolean as
 * true/false, a text as typed; an error value or a formula without its computed value has none.
 */
function cellContent(a: Map<string, string>, paragraphs: string[]): CellContent | undefined {
  const shown = paragraphs.join('\n');
  const type = a.get('office:value-type');
  if (a.get('calcext:value-type') === 'error') {
    return {
      unreadable: a.has('table:formula')
        ? `formule en erreur (${shown}) : corrigez-la ou tapez la valeur elle-même`
        : `valeur d’erreur ${shown} : tapez la valeur elle-même`,
    };
  }
  if (a.has('table:formula') && type === undefined) {
    return {
      unreadable:
        'formule sans valeur calculée (fichier écrit par un programme qui ne calcule pas) : ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le, ou tapez la valeur elle-même',
    };
  }
  let text: string;
  if (type === 'percentage' && a.has('office:value')) {
    // Read as shown, as the .xlsx reader does: « 6,4 % » is no indicator value of 0.064 (issue 24).
    text = `${String(Math.round(Number(a.get('office:value')) * 1e10) / 1e8)} %`;
  } else if ((type === 'float' || type === 'currency') && a.has('office:value')) {
    text = String(Number(a.get('office:value')));
  } else if (type === 'date' && a.has('office:date-value')) text = a.get('office:date-value')!.slice(0, 10);
  else if (type === 'boolean' && a.has('office:boolean-value')) text = a.get('office:boolean-value')!;
  else if (type === 'string' && a.has('office:string-value')) text = a.get('office:string-value')!;
  else text = shown;
  if (text === '') return undefined;
  return a.has('table:formula') ? { text, formula: true } : { text };
}

/** Reads the sheets of an .ods file's `content.xml` as tables; a sheet past the limits is refused. */
export function odsTables(file: string, contentXml: string): Table[] {
  const sheets: SheetState[] = [];
  let sheet: SheetState | undefined;
  let row: RowState | undefined;
  /** The open cell: its attributes, paragraphs, whether it is covered by a merge, depth inside it. */
  let cell:
    { a: Map<string, string>; paragraphs: string[]; covered: boolean; depth: number; foreign: number; inParagraph: number } | undefined;
  let spaces = 0;
  /** Tables inside the open sheet but outside its cells (none in a spreadsheet, yet their end must not end the sheet). */
  let nested = 0;

  const closeCell = () => {
    const { a, paragraphs, covered } = cell!;
    cell = undefined;
    const n = repeat(a, 'table:number-columns-repeated');
    const r = row!;
    const s = sheet!;
    let content = cellContent(a, paragraphs);
    if (covered) {
      const span = s.spans[r.column];
      const master = span && span.until >= s.row ? span.master : 'une cellule voisine';
      content = {
        unreadable: `cellule fusionnée avec ${master} : elle n’a pas de valeur propre ; annulez la fusion (LibreOffice : Format › Fusionner et défusionner les cellules › Scinder les cellules ; Excel : Fusionner et centrer › Annuler Fusionner cellules)`,
      };
    } else {
      const across = repeat(a, 'table:number-columns-spanned');
      const down = repeat(a, 'table:number-rows-spanned');
      if (across > 1 || down > 1) {
        const address = `${columnLetter(r.column + 1)}${s.row + 1}`;
        for (let c = r.column; c < Math.min(r.column + across, LIMITS.columns); c++)
          s.spans[c] = { master: address, until: s.row + down - 1 };
      }
    }
    const hasText = content !== undefined && 'text' in content;
    // An empty covered cell is unreadable only where the importer could read it: not beyond the limits.
    if (content !== undefined && (hasText || r.column < LIMITS.columns)) {
      const last = r.column + n;
      if (hasText || last <= LIMITS.columns) r.used = true;
      if (last > LIMITS.columns) {
        if (hasText) r.lastColumn = Math.max(r.lastColumn, last);
      } else for (let c = r.column; c < last; c++) r.cells[c] = content;
      if (last <= LIMITS.columns) r.lastColumn = Math.max(r.lastColumn, last);
    }
    r.column += n;
  };

  const closeRow = () => {
    const r = row!;
    const s = sheet!;
    row = undefined;
    if (r.used) {
      const lastRow = s.row + r.repeat;
      if (lastRow > LIMITS.rows || r.lastColumn > LIMITS.columns) {
        s.tooLarge = {
          lastRow: Math.max(s.tooLarge?.lastRow ?? 0, lastRow),
          lastColumn: Math.max(s.tooLarge?.lastColumn ?? 0, r.lastColumn),
        };
      } else if (!s.tooLarge) {
        for (let k = 0; k < r.repeat; k++) {
          const at = s.row + k;
          const texts: (string | undefined)[] = [];
          r.cells.forEach((content, c) => {
            if (content === undefined) return;
            if ('text' in content) {
              texts[c] = content.text;
              if (content.formula) s.formulas.add(`${at}:${c}`);
            } else s.unreadable.set(`${at}:${c}`, content.unreadable);
          });
          s.rows[at] = texts;
        }
        s.width = Math.max(s.width, r.lastColumn);
      }
    }
    s.row += r.repeat;
  };

  for (const token of xmlTokens(contentXml)) {
    if (cell) {
      if (token.kind === 'open') {
        cell.depth++;
        if (cell.foreign > 0 || FOREIGN.test(token.name)) cell.foreign++;
        else if (token.name === 'text:p' || token.name === 'text:h') {
          cell.paragraphs.push('');
          cell.inParagraph = cell.depth;
        } else if (cell.inParagraph > 0) {
          // text:c is counted before the spaces are made: `<text:s text:c="1000000000"/>` makes none.
          const count = token.name === 'text:s' ? repeat(token.attributes, 'text:c') : 0;
          spaces += count;
          if (spaces > LIMITS.bytes) throw new XmlError('text:s expands past the limit');
          const add =
            token.name === 'text:s' ? ' '.repeat(count) : token.name === 'text:tab' ? '\t' : token.name === 'text:line-break' ? '\n' : '';
          cell.paragraphs[cell.paragraphs.length - 1] += add;
        }
      } else if (token.kind === 'close') {
        if (cell.depth === 0) closeCell();
        else {
          if (cell.foreign > 0) cell.foreign--;
          if (cell.depth === cell.inParagraph) cell.inParagraph = 0;
          cell.depth--;
        }
      } else if (cell.inParagraph > 0 && cell.foreign === 0) cell.paragraphs[cell.paragraphs.length - 1] += token.text;
      continue;
    }
    if (token.kind === 'open') {
      if (token.name === 'table:table' && sheet) nested++;
      else if (token.name === 'table:table') {
        sheet = {
          name: token.attributes.get('table:name') ?? `Feuille ${sheets.length + 1}`,
          rows: [],
          unreadable: new Map(),
          formulas: new Set(),
          width: 0,
          row: 0,
          spans: [],
        };
      } else if (token.name === 'table:table-row' && sheet && !row) {
        row = { repeat: repeat(token.attributes, 'table:number-rows-repeated'), column: 0, cells: [], used: false, lastColumn: 0 };
      } else if ((token.name === 'table:table-cell' || token.name === 'table:covered-table-cell') && row) {
        cell = {
          a: token.attributes,
          paragraphs: [],
          covered: token.name === 'table:covered-table-cell',
          depth: 0,
          foreign: 0,
          inParagraph: 0,
        };
      }
    } else if (token.kind === 'close') {
      if (token.name === 'table:table-row' && row) closeRow();
      else if (token.name === 'table:table' && nested > 0) nested--;
      else if (token.name === 'table:table' && sheet && !row) {
        sheets.push(sheet);
        sheet = undefined;
      }
    }
  }
  const refused = sheets.filter((s) => s.tooLarge);
  if (refused.length > 0) {
    throw new ReadError(
      `« ${file} » a ${refused.length === 1 ? 'une feuille trop grande' : `${refused.length} feuilles trop grandes`} :\n` +
        refused.map((s) => `✗ feuille « ${visible(s.name)} » : ${sheetTooLarge(s.tooLarge!.lastRow, s.tooLarge!.lastColumn)}.`).join('\n'),
    );
  }
  return sheets.map((s) => {
    const rows = Array.from({ length: s.rows.length }, (_, r) => Array.from({ length: s.width }, (_, c) => s.rows[r]?.[c] ?? ''));
    return {
      name: s.name,
      rows,
      ...(s.unreadable.size > 0 ? { unreadable: s.unreadable } : {}),
      ...(s.formulas.size > 0 ? { formulas: s.formulas } : {}),
    };
  });
}

/** The refusal of an .ods file that cannot be read. */
const damaged = (file: string) =>
  `« ${file} » est un classeur LibreOffice (.ods) abîmé ou qui n’a pas été écrit par un tableur : ouvrez-le dans LibreOffice et enregistrez-le de nouveau (Fichier › Enregistrer sous, type « Classeur ODF (.ods) »), ou reprenez-en une copie intacte, puis relancez l’import.`;

/**
 * The sheets of an .ods file already unzipped (`parts`), checked against the limits of a workbook
 * (lecture.ts LIMITS): a password (ODF encrypts `content.xml` itself, listed in the manifest), a
 * missing `content.xml`, more XML elements than a sheet may hold, XML no spreadsheet writes.
 */
export function readOds(file: string, parts: Map<string, Buffer>): Table[] {
  if (/<manifest:encryption-data\b/.test(parts.get('META-INF/manifest.xml')?.toString('utf8') ?? '')) {
    throw new ReadError(
      `« ${file} » est protégé par un mot de passe : l’import ne peut pas le lire. Ouvrez-le dans LibreOffice, Fichier › Enregistrer sous, décochez « Enregistrer avec mot de passe », enregistrez, puis relancez l’import.`,
    );
  }
  const content = parts.get('content.xml');
  if (content === undefined) throw new ReadError(damaged(file), 'no content.xml');
  if (elementCount(content) > LIMITS.elements) {
    throw new ReadError(
      `« ${file} » contient plus de ${thousands(LIMITS.elements)} éléments dans ses feuilles, bien au-delà de ce que tient un classeur de suivi : vérifiez le fichier choisi, ou copiez ses feuilles utiles dans un nouveau classeur.`,
    );
  }
  let tables: Table[];
  try {
    tables = odsTables(file, content.toString('utf8'));
  } catch (error) {
    if (error instanceof XmlError) throw new ReadError(damaged(file), error.message);
    throw error;
  }
  // A spreadsheet has a sheet at least: none is a file some other program wrote.
  if (tables.length === 0) throw new ReadError(damaged(file), 'no table:table in content.xml');
  return tables;
}

/** The tables an .ods file's worksheets stand for: `sheetTable` (lecture.ts) gives them back as read. */
const tablesOfSheets = new WeakMap<ExcelJS.Worksheet, Table>();

/** The table read from an .ods file behind `sheet`, if it is one. */
export const odsTableOf = (sheet: ExcelJS.Worksheet): Table | undefined => tablesOfSheets.get(sheet);

/** A sheet name exceljs keeps as it is (31 characters, no []:*?/\\, no quote at either end, not History, not taken). */
const keepsName = (name: string, taken: Set<string>) =>
  name.length > 0 &&
  name.length <= 31 &&
  !/[[\]:*?/\\]/.test(name) &&
  !/^'|'$/.test(name) &&
  name !== 'History' &&
  !taken.has(name.toLowerCase());

/**
 * The .ods sheets as an exceljs workbook in memory, so that every caller of `readWorkbook`
 * (import.ts, template.ts, import-command.ts) works on either format unchanged: each sheet holds
 * the texts read, and `sheetTable` returns the table read from the file itself, with its unreadable
 * cells and its exact name (a name exceljs would refuse or cut, legal in LibreOffice, is given to
 * the in-memory sheet as « Feuille n » only).
 */
export function odsWorkbook(tables: Table[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const taken = new Set<string>();
  tables.forEach((table, i) => {
    const name = keepsName(table.name, taken) ? table.name : `Feuille ${i + 1}`;
    taken.add(name.toLowerCase());
    const sheet = workbook.addWorksheet(name);
    table.rows.forEach((cells, r) =>
      cells.forEach((text, c) => {
        if (text !== '') sheet.getCell(r + 1, c + 1).value = text;
      }),
    );
    tablesOfSheets.set(sheet, table);
  });
  return workbook;
}
