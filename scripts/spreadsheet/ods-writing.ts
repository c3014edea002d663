/**
 * Writes the follow-up workbook as LibreOffice's own format, .ods (issue 20, `tableur:exporter
 * --format ods`): the same sheets, headers and rows as the .xlsx (workbook.ts `documentSheets`,
 * `sheetHeaders`, `documentRows`, `GUIDE`), with what makes it usable in Calc as close to the .xlsx
 * as ODF allows: the status drop-downs (content validations, ODF 1.3 part 3 §9.4.5, no 255-character
 * limit here), the locked grey columns on a protected sheet, the first column and the header row
 * frozen (settings.xml, as Calc writes it), the filter buttons on the header row.
 *
 * exceljs does not write .ods and no maintained npm package does (SheetJS is stale on npm), so the
 * file is written by hand: an .ods is a zip of a few XML parts whose first entry, `mimetype`, is
 * stored uncompressed (ODF 1.3 part 2, §3.3). The zip is written by zip.ts's `writeZip`, at a
 * fixed date, so that one content always gives the same bytes.
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { Entries } from '../../src/model/collections.ts';
import {
  documentRows,
  columnLayout,
  documentSheets,
  FROZEN_COLUMNS,
  GUIDE,
  GUIDE_SHEET,
  loadContent,
  scaleCodes,
  sheetHeaders,
  type Action,
  type Convention,
} from './workbook.ts';
import { columnLetter } from './reading.ts';
import {
  cellText,
  documentIndicators,
  indicatorCells,
  indicatorColumnWidth,
  indicatorHeaders,
  INDICATOR_COLUMNS,
  isEditableIndicatorColumn,
  type IndicatorCell,
} from './indicator-sheet.ts';
import { ODS_MIMETYPE } from './ods.ts';
import { writeZip } from '../office/zip.ts';

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
  'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"',
].join(' ');
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A character XML 1.0 cannot hold (§2.2): C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF; a lone surrogate. */
const notInXml = (c: string) => {
  const code = c.codePointAt(0)!;
  return (
    (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff)
  );
};

/** A text as XML character data (and attribute value); a character XML 1.0 cannot hold is an error, never dropped. */
function escape(text: string): string {
  if ([...text].some(notInXml)) {
    throw new Error(`caractère de contrôle impossible à écrire dans un classeur .ods : ${JSON.stringify(text)}`);
  }
  return text.replace(/[&<>"\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' })[c]!);
}

/**
 * A cell's text as paragraphs: one `text:p` per line, a tab as `text:tab`, and every space that a
 * reader could collapse (a run of several, one at either end: ODF 1.3 part 3, §6.1.2) as `text:s`,
 * so that the text read back is the text written, byte for byte.
 */
export function paragraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const body = line
        .split(/( +|\t)/)
        .map((piece, i, all) => {
          if (piece === '\t') return '<text:tab/>';
          if (!piece.startsWith(' ')) return escape(piece);
          const atEdge = (i === 1 && all[0] === '') || (i === all.length - 2 && all.at(-1) === '');
          if (piece.length === 1 && !atEdge) return ' ';
          return piece.length === 1 ? '<text:s/>' : `<text:s text:c="${piece.length}"/>`;
        })
        .join('');
      return `<text:p>${body}</text:p>`;
    })
    .join('');
}

/** A sheet name inside a cell address: quoted, a quote doubled (OpenFormula). */
const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Column widths, from the .xlsx's widths in characters (workbook.ts) at Calc's 0.0972 in per character. */
const inches = (characters: number) => `${(characters * 0.0972).toFixed(4)}in`;

/** Cell styles: a locked cell is grey and protected, another is editable; a wide one wraps its text at the top. */
const cellStyle = (locked: boolean, wide: boolean) => `ce-${locked ? 'l' : 'u'}${wide ? 'w' : ''}`;

function automaticStyles(widths: number[]): string {
  const cells = [false, true].flatMap((locked) =>
    [false, true].map((wide) => {
      const protect = locked ? 'style:cell-protect="protected" fo:background-color="#d9d9d9"' : 'style:cell-protect="none"';
      const wrap = wide ? ' fo:wrap-option="wrap" style:vertical-align="top"' : '';
      return `<style:style style:name="${cellStyle(locked, wide)}" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties ${protect}${wrap}/></style:style>`;
    }),
  );
  return [
    '<office:automatic-styles>',
    ...[...new Set(widths)].map(
      (w) =>
        `<style:style style:name="co${w}" style:family="table-column"><style:table-column-properties style:column-width="${inches(w)}"/></style:style>`,
    ),
    '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>',
    '<style:style style:name="ce-head" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold"/></style:style>',
    '<style:style style:name="ce-title" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>',
    ...cells,
    '</office:automatic-styles>',
  ].join('');
}

const textCell = (text: string, style: string, validation?: string) =>
  `<table:table-cell table:style-name="${style}"${validation ? ` table:content-validation-name="${validation}"` : ''}${
    text === '' ? '/>' : ` office:value-type="string">${paragraphs(text)}</table:table-cell>`
  }`;

/** The guide sheet: one line per row, the first as a title. */
function guideTable(): string {
  const rows = GUIDE.map((line, i) => `<table:table-row>${textCell(line, i === 0 ? 'ce-title' : 'Default')}</table:table-row>`);
  return `<table:table table:name="${escape(GUIDE_SHEET)}" table:style-name="ta1"><table:table-column table:style-name="co120"/>${rows.join('')}</table:table>`;
}

/** The status drop-down of a document (the codes of its scale), or undefined when it follows no status. */
function statusValidation(name: string, sheet: string, codes: string[]): string | undefined {
  if (codes.length === 0) return undefined;
  const list = codes.map((c) => `"${c.replace(/"/g, '""')}"`).join(';');
  return (
    `<table:content-validation table:name="${name}" table:condition="${escape(`of:cell-content-is-in-list(${list})`)}" table:allow-empty-cell="true" table:display-list="unsorted" table:base-cell-address="${escape(`${quotedSheet(sheet)}.A1`)}">` +
    // The same title and message as the .xlsx's drop-down (workbook.ts buildWorkbook).
    `<table:error-message table:title="Statut inconnu" table:display="true" table:message-type="stop">${paragraphs(`Choisissez un statut de la liste : ${codes.join(', ')}.`)}</table:error-message>` +
    '</table:content-validation>'
  );
}

/** A document's sheet: protected, its locked columns grey, its status cells with the drop-down. */
function documentTable(name: string, convention: Convention, rows: string[][], validation: string | undefined): string {
  const headers = sheetHeaders(convention);
  const kinds = headers.map((h) => columnLayout(convention, h));
  const columns = kinds.map((k) => `<table:table-column table:style-name="co${k.width}"/>`).join('');
  const head = `<table:table-row>${headers.map((h) => textCell(h, 'ce-head')).join('')}</table:table-row>`;
  const body = rows.map(
    (cells) =>
      `<table:table-row>${cells
        .map((text, c) => textCell(text, cellStyle(kinds[c]!.locked, kinds[c]!.wide), kinds[c]!.isStatus ? validation : undefined))
        .join('')}</table:table-row>`,
  );
  return (
    `<table:table table:name="${escape(name)}" table:style-name="ta1" table:protected="true">` +
    '<loext:table-protection loext:select-protected-cells="true" loext:select-unprotected-cells="true"/>' +
    `${columns}${head}${body.join('')}</table:table>`
  );
}

/** The frozen columns (number and title: FROZEN_COLUMNS, as in the .xlsx) and header row of each document's sheet, as Calc writes them in settings.xml. */
/** A figure cell: a number LibreOffice shows in its reader's language (6,4 in French), with the same text shown. */
const figureCell = (value: IndicatorCell, style: string) =>
  typeof value === 'number'
    ? `<table:table-cell table:style-name="${style}" office:value-type="float" office:value="${value}">${paragraphs(cellText(value))}</table:table-cell>`
    : textCell(value, style);

/** A document's Indicateurs sheet (issue 24), as the .xlsx's (workbook.ts addIndicatorSheet): locked but for the new round. */
function indicatorTable(name: string, convention: Convention, actions: Action[]): string {
  const headers = indicatorHeaders(convention);
  const kinds = headers.map((h) => ({ locked: !isEditableIndicatorColumn(h), wide: h === INDICATOR_COLUMNS.label }));
  const columns = headers.map((h) => `<table:table-column table:style-name="co${indicatorColumnWidth(h)}"/>`).join('');
  const head = `<table:table-row>${headers.map((h) => textCell(h, 'ce-head')).join('')}</table:table-row>`;
  const body = documentIndicators(convention, actions).map(
    (row) =>
      `<table:table-row>${indicatorCells(convention, row)
        .map((cell, c) => figureCell(cell, cellStyle(kinds[c]!.locked, kinds[c]!.wide)))
        .join('')}</table:table-row>`,
  );
  return (
    `<table:table table:name="${escape(name)}" table:style-name="ta1" table:protected="true">` +
    '<loext:table-protection loext:select-protected-cells="true" loext:select-unprotected-cells="true"/>' +
    `${columns}${head}${body.join('')}</table:table>`
  );
}

function settings(sheets: string[]): string {
  const item = (name: string, type: string, value: string | number) =>
    `<config:config-item config:name="${name}" config:type="${type}">${value}</config:config-item>`;
  const frozen = sheets.map(
    (name) =>
      `<config:config-item-map-entry config:name="${escape(name)}">` +
      item('HorizontalSplitMode', 'short', 2) +
      item('VerticalSplitMode', 'short', 2) +
      item('HorizontalSplitPosition', 'int', FROZEN_COLUMNS) +
      item('VerticalSplitPosition', 'int', 1) +
      item('ActiveSplitRange', 'short', 2) +
      item('PositionLeft', 'int', 0) +
      item('PositionRight', 'int', FROZEN_COLUMNS) +
      item('PositionTop', 'int', 0) +
      item('PositionBottom', 'int', 1) +
      '</config:config-item-map-entry>',
  );
  return (
    `${XML_HEAD}<office:document-settings ${NS} office:version="1.3"><office:settings><config:config-item-set config:name="ooo:view-settings">` +
    '<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>' +
    item('ViewId', 'string', 'view1') +
    `<config:config-item-map-named config:name="Tables">${frozen.join('')}</config:config-item-map-named>` +
    item('ActiveTable', 'string', escape(GUIDE_SHEET)) +
    '</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>'
  );
}

/** The XML parts of the workbook of `entries`, by name, `mimetype` first. */
function odsParts(entries: Entries): [string, string][] {
  const sheets = documentSheets(entries).map((d) => ({ ...d, rows: documentRows(d.convention, d.actions) }));
  const validations = sheets.map((s, i) => statusValidation(`statut${i + 1}`, s.name, scaleCodes(s.convention)));
  const widths = [
    120,
    ...sheets.flatMap((s) => sheetHeaders(s.convention).map((h) => columnLayout(s.convention, h).width)),
    ...sheets.flatMap((s) => (s.indicatorsName ? indicatorHeaders(s.convention).map(indicatorColumnWidth) : [])),
  ];
  const filters = sheets.map((s, i) => {
    const last = `${columnLetter(sheetHeaders(s.convention).length)}${s.rows.length + 1}`;
    const range = `${quotedSheet(s.name)}.A1:${quotedSheet(s.name)}.${last}`;
    return `<table:database-range table:name="__Anonymous_Sheet_DB__${i + 1}" table:target-range-address="${escape(range)}" table:display-filter-buttons="true"/>`;
  });
  const content =
    `${XML_HEAD}<office:document-content ${NS} office:version="1.3">${automaticStyles(widths)}<office:body><office:spreadsheet>` +
    `<table:content-validations>${validations.filter(Boolean).join('')}</table:content-validations>` +
    guideTable() +
    sheets
      .map(
        (s, i) =>
          documentTable(s.name, s.convention, s.rows, validations[i] ? `statut${i + 1}` : undefined) +
          (s.indicatorsName ? indicatorTable(s.indicatorsName, s.convention, s.actions) : ''),
      )
      .join('') +
    (filters.length > 0 ? `<table:database-ranges>${filters.join('')}</table:database-ranges>` : '') +
    '</office:spreadsheet></office:body></office:document-content>';
  const styles =
    `${XML_HEAD}<office:document-styles ${NS} office:version="1.3"><office:styles>` +
    '<style:style style:name="Default" style:family="table-cell"/></office:styles></office:document-styles>';
  const meta =
    `${XML_HEAD}<office:document-meta ${NS} office:version="1.3"><office:meta>` +
    '<meta:generator>conventions-handicap</meta:generator><meta:initial-creator>conventions-handicap</meta:initial-creator></office:meta></office:document-meta>';
  const files = ['content.xml', 'styles.xml', 'meta.xml', 'settings.xml'];
  const manifest =
    `${XML_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
    `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODS_MIMETYPE}"/>` +
    files.map((f) => `<manifest:file-entry manifest:full-path="${f}" manifest:media-type="text/xml"/>`).join('') +
    '</manifest:manifest>';
  return [
    ['mimetype', ODS_MIMETYPE],
    ['content.xml', content],
    ['styles.xml', styles],
    ['meta.xml', meta],
    ['settings.xml', settings(sheets.map((s) => s.name))],
    ['META-INF/manifest.xml', manifest],
  ];
}

/**
 * The .ods zip of `files`: the first (`mimetype`, ODF 1.3 part 2 §3.3) stored as is and first in
 * the archive, the others deflated.
 */
export const odsZip = (files: [string, string][]): Buffer => writeZip(files.map(([name, data], i) => ({ name, data, store: i === 0 })));

/** The .ods workbook of validated entries, as bytes. */
export const buildOds = (entries: Entries): Buffer => odsZip(odsParts(entries));

/** Writes the .ods workbook of the content under `root/contentDir` to `file` (whole or not at all). */
export function exportOds(file: string, root: string, contentDir = 'content'): { sheets: number; rows: number } {
  const { entries } = loadContent(root, contentDir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, buildOds(entries));
  renameSync(temp, file);
  const sheets = documentSheets(entries);
  return { sheets: sheets.length, rows: sheets.reduce((n, s) => n + s.actions.length, 0) };
}
