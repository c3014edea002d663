/**
 * A .docx (WordprocessingML, ECMA-376 part 1) read into a SourceDocument (issue 22): the body's
 * paragraphs and tables in reading order, each paragraph with its style's name, its heading level
 * and the number Word displays before it (./numbering.ts computes it from word/numbering.xml);
 * tables with their merged cells carried down and their repeated header rows marked. What a plan
 * is not made of (text boxes, notes, comments, images) is left out and said in `notes`.
 */
import { posix } from 'node:path';
import type { Block, Cell, Paragraph, Row, SourceDocument, Table } from './blocks.ts';
import { WordCounters, type WordLevel, type WordNum, type WordNumberingDefinitions, bulletText } from './numbering.ts';
import { cellText, HEADING_NAME, leftOutNotes, nothingLeftOut, paragraphsOfCell, xmlPart, type LeftOut } from './parts.ts';
import { element, elements, textContent, type XmlElement } from '../office/xml.ts';

/** A paragraph style of word/styles.xml, as far as the reader needs it. */
interface Style {
  name?: string;
  basedOn?: string;
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
}

/** Word's boolean attributes ("on", "true", "1", or absent for true). */
const on = (e: XmlElement | undefined): boolean => e !== undefined && !/^(0|false|off)$/i.test(e.attributes['w:val'] ?? 'true');

const val = (e: XmlElement | undefined): string | undefined => e?.attributes['w:val'];

const integer = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isInteger(n) ? n : undefined;
};

/** The paragraph styles by id, and the id of the one a paragraph naming none has (`w:default`). */
function readStyles(root: XmlElement | undefined): { styles: Map<string, Style>; defaultId?: string } {
  const styles = new Map<string, Style>();
  let defaultId: string | undefined;
  for (const s of elements(root, 'w:style')) {
    if ((s.attributes['w:type'] ?? 'paragraph') !== 'paragraph') continue;
    const id = s.attributes['w:styleId'];
    if (id === undefined) continue;
    if (/^(1|true|on)$/.test(s.attributes['w:default'] ?? '')) defaultId = id;
    const pPr = element(s, 'w:pPr');
    const numPr = element(pPr, 'w:numPr');
    styles.set(id, {
      name: displayName(id, val(element(s, 'w:name'))),
      basedOn: val(element(s, 'w:basedOn')),
      outlineLevel: integer(val(element(pPr, 'w:outlineLvl'))),
      numId: val(element(numPr, 'w:numId')),
      ilvl: integer(val(element(numPr, 'w:ilvl'))),
    });
  }
  return { styles, ...(defaultId !== undefined ? { defaultId } : {}) };
}

/**
 * The name Word shows: a built-in heading keeps its English name in the file ("heading 1") even
 * when Word shows "Titre 1", whose trace is the style id Word gives it in that language ("Titre1").
 */
function displayName(id: string, name: string | undefined): string | undefined {
  const heading = /^heading (\d)$/i.exec(name ?? '');
  const local = /^(\D+?)(\d)$/.exec(id);
  if (heading && local && local[2] === heading[1]) return `${local[1]} ${local[2]}`;
  if (heading) return `Heading ${heading[1]}`;
  return name ?? id;
}

/** A style and those it is based on, nearest first (a loop in basedOn ends the chain). */
function styleChain(styles: Map<string, Style>, id: string | undefined): Style[] {
  const chain: Style[] = [];
  const seen = new Set<string>();
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const style = styles.get(id);
    if (!style) break;
    chain.push(style);
    id = style.basedOn;
  }
  return chain;
}

/** The numbering definitions of word/numbering.xml. */
function readNumbering(root: XmlElement | undefined): WordNumberingDefinitions {
  const abstracts = new Map<string, WordLevel[]>();
  for (const a of elements(root, 'w:abstractNum')) {
    const id = a.attributes['w:abstractNumId'];
    if (id === undefined) continue;
    const levels: WordLevel[] = [];
    for (const l of elements(a, 'w:lvl')) {
      const ilvl = integer(l.attributes['w:ilvl']);
      if (ilvl === undefined || ilvl < 0 || ilvl > 8) continue;
      levels[ilvl] = wordLevel(l);
    }
    abstracts.set(id, levels);
  }
  const nums = new Map<string, WordNum>();
  for (const n of elements(root, 'w:num')) {
    const id = n.attributes['w:numId'];
    const abstract = val(element(n, 'w:abstractNumId'));
    if (id === undefined || abstract === undefined) continue;
    const overrides = new Map<number, { start?: number; level?: WordLevel }>();
    for (const o of elements(n, 'w:lvlOverride')) {
      const ilvl = integer(o.attributes['w:ilvl']);
      if (ilvl === undefined) continue;
      const lvl = element(o, 'w:lvl');
      overrides.set(ilvl, { start: integer(val(element(o, 'w:startOverride'))), level: lvl ? wordLevel(lvl) : undefined });
    }
    nums.set(id, { abstract, overrides });
  }
  return { abstracts, nums };
}

function wordLevel(l: XmlElement): WordLevel {
  const restart = integer(val(element(l, 'w:lvlRestart')));
  return {
    start: integer(val(element(l, 'w:start'))) ?? 1,
    format: val(element(l, 'w:numFmt')) ?? 'decimal',
    text: val(element(l, 'w:lvlText')) ?? '',
    ...(restart !== undefined ? { restart } : {}),
    ...(on(element(l, 'w:isLgl')) ? { legal: true } : {}),
  };
}

/**
 * Elements whose content is the body's or the paragraph's, as if they were not there; any other
 * element is left out with its content: deletions (w:del, w:moveFrom), properties, bookmarks.
 */
const WRAPPERS = new Set([
  'w:sdt',
  'w:sdtContent',
  'w:customXml',
  'w:smartTag',
  'w:hyperlink',
  'w:ins',
  'w:moveTo',
  'w:fldSimple',
  'w:dir',
  'w:bdo',
]);

/** One reading of one file: its definitions, its counters, what it has met so far. */
class DocxReader {
  readonly #styles: Map<string, Style>;
  readonly #defaultStyle: string | undefined;
  readonly #counters: WordCounters;
  readonly leftOut: LeftOut = nothingLeftOut();
  /** The complex fields open at this point (they may span runs and paragraphs): whether each is past its `separate`. */
  #fields: boolean[] = [];
  #paragraphs = 0;
  #tables = 0;
  readonly blocks: Block[] = [];

  constructor(styles: ReturnType<typeof readStyles>, numbering: WordNumberingDefinitions) {
    this.#styles = styles.styles;
    this.#defaultStyle = styles.defaultId;
    this.#counters = new WordCounters(numbering);
  }

  /** The body's blocks, wrappers looked through. */
  body(container: XmlElement): void {
    for (const child of elements(container)) {
      if (child.name === 'w:p') this.blocks.push(this.paragraph(child, ++this.#paragraphs));
      else if (child.name === 'w:tbl') this.blocks.push(this.table(child));
      else if (WRAPPERS.has(child.name)) this.body(child);
    }
  }

  paragraph(p: XmlElement, index: number, cell?: Paragraph['cell']): Paragraph {
    const pPr = element(p, 'w:pPr');
    const styleId = val(element(pPr, 'w:pStyle')) ?? this.#defaultStyle;
    const chain = styleChain(this.#styles, styleId);
    const paragraph: Paragraph = { kind: 'paragraph', index, text: this.runs(p) };
    const name = chain[0]?.name ?? styleId;
    if (name !== undefined) paragraph.style = name;
    const level = this.headingLevel(pPr, styleId, chain);
    if (level !== undefined) paragraph.headingLevel = level;
    this.number(paragraph, pPr, chain);
    if (cell) paragraph.cell = cell;
    return paragraph;
  }

  /** The paragraph's own outline level, else its style's (or a style it is based on), else a heading style's name. */
  headingLevel(pPr: XmlElement | undefined, styleId: string | undefined, chain: Style[]): number | undefined {
    const outline = integer(val(element(pPr, 'w:outlineLvl'))) ?? chain.find((s) => s.outlineLevel !== undefined)?.outlineLevel;
    if (outline !== undefined) return outline >= 0 && outline < 9 ? outline + 1 : undefined;
    for (const candidate of [styleId, ...chain.map((s) => s.name)]) {
      const m = HEADING_NAME.exec(candidate ?? '');
      if (m) return Number(m[1]);
    }
    return undefined;
  }

  /** Sets the label Word displays, from the paragraph's numbering or its style's. */
  number(paragraph: Paragraph, pPr: XmlElement | undefined, chain: Style[]): void {
    const numPr = element(pPr, 'w:numPr');
    const ownNum = val(element(numPr, 'w:numId'));
    const styled = chain.find((s) => s.numId !== undefined);
    const numId = ownNum ?? styled?.numId;
    if (numId === undefined || numId === '0') return;
    // Word writes the level in a heading style linked to a list ("Titre 2" → ilvl 1); absent, it is the first.
    const ilvl = integer(val(element(numPr, 'w:ilvl'))) ?? styled?.ilvl ?? 0;
    const label = this.#counters.next(numId, ilvl);
    if (!label) return;
    paragraph.label = label.text;
    if (label.bullet) paragraph.bullet = true;
    paragraph.listLevel = ilvl;
  }

  /** The text of a paragraph's runs, in order, wrappers looked through, deletions and field codes left out. */
  runs(container: XmlElement): string {
    let text = '';
    for (const child of container.children) {
      if (typeof child === 'string') continue;
      if (child.name === 'w:r') text += this.run(child);
      else if (WRAPPERS.has(child.name)) text += this.runs(child);
      else if (child.name === 'w:commentRangeStart') this.leftOut.comments++;
    }
    return text;
  }

  /** A run's text; a hidden run (`w:vanish`) shows nothing, yet the fields it opens or closes count. */
  run(r: XmlElement): string {
    const hidden = on(element(element(r, 'w:rPr'), 'w:vanish'));
    let text = '';
    for (const c of elements(r)) {
      if (c.name === 'w:fldChar') this.fieldChar(c.attributes['w:fldCharType']);
      if (hidden) continue;
      switch (c.name) {
        case 'w:fldChar':
          continue;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
        case 'mc:AlternateContent':
          this.drawing(c);
          continue;
        case 'w:footnoteReference':
        case 'w:endnoteReference':
          this.leftOut.footnotes++;
          continue;
      }
      if (this.#fields.some((separated) => !separated)) continue;
      text += runContent(c);
    }
    return text;
  }

  fieldChar(type: string | undefined): void {
    if (type === 'begin') this.#fields.push(false);
    else if (type === 'separate' && this.#fields.length > 0) this.#fields[this.#fields.length - 1] = true;
    else if (type === 'end') this.#fields.pop();
  }

  /** A drawing: a text box (its text is not read) or an image. */
  drawing(d: XmlElement): void {
    if (hasDescendant(d, 'w:txbxContent')) this.leftOut.textBoxes++;
    else this.leftOut.images++;
  }

  table(tbl: XmlElement): Table {
    const index = ++this.#tables;
    const table: Table = { kind: 'table', index, after: this.#paragraphs, rows: [] };
    /** Grid column → the cell that started a vertical merge there. */
    const merges = new Map<number, Cell>();
    for (const tr of flatten(tbl, 'w:tr')) {
      const trPr = element(tr, 'w:trPr');
      if (element(trPr, 'w:del')) continue;
      const row: Row = { cells: [] };
      if (on(element(trPr, 'w:tblHeader'))) row.header = true;
      let grid = integer(val(element(trPr, 'w:gridBefore'))) ?? 0;
      const rowNumber = table.rows.length + 1;
      for (const tc of flatten(tr, 'w:tc')) {
        const tcPr = element(tc, 'w:tcPr');
        const span = Math.max(1, integer(val(element(tcPr, 'w:gridSpan'))) ?? 1);
        const vMerge = element(tcPr, 'w:vMerge');
        const position = { table: index, row: rowNumber, column: row.cells.length + 1 };
        const started = merges.get(grid);
        let cell: Cell;
        if (vMerge && (val(vMerge) ?? 'continue') === 'continue' && started) {
          this.cellParagraphs(tc, position); // counted, as Word counts a number hidden under a merge
          cell = { paragraphs: started.paragraphs, text: started.text, carried: true };
        } else {
          const paragraphs = this.cellParagraphs(tc, position);
          cell = { paragraphs, text: cellText(paragraphs) };
          if (vMerge) merges.set(grid, cell);
          else merges.delete(grid);
        }
        if (span > 1) cell.span = span;
        row.cells.push(cell);
        grid += span;
      }
      table.rows.push(row);
    }
    return table;
  }

  /** A cell's paragraphs (one empty at least); a nested table's paragraphs follow in reading order (flattened). */
  cellParagraphs(tc: XmlElement, cell: NonNullable<Paragraph['cell']>): Paragraph[] {
    return paragraphsOfCell(cell, (into) => this.#cellContent(tc, cell, into));
  }

  #cellContent(container: XmlElement, cell: NonNullable<Paragraph['cell']>, into: Paragraph[]): void {
    for (const child of elements(container)) {
      if (child.name === 'w:p') into.push(this.paragraph(child, cell.table, cell));
      else if (child.name === 'w:tbl') {
        this.leftOut.nestedTables++;
        for (const tr of flatten(child, 'w:tr')) for (const inner of flatten(tr, 'w:tc')) this.#cellContent(inner, cell, into);
      } else if (WRAPPERS.has(child.name)) this.#cellContent(child, cell, into);
    }
  }
}

/** The children named `name`, wrappers (content controls, custom XML, insertions) looked through. */
function flatten(parent: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of elements(parent)) {
    if (child.name === name) found.push(child);
    else if (WRAPPERS.has(child.name)) found.push(...flatten(child, name));
  }
  return found;
}

function hasDescendant(e: XmlElement, name: string): boolean {
  return elements(e).some((c) => c.name === name || hasDescendant(c, name));
}

/** What one element of a run shows. */
function runContent(c: XmlElement): string {
  switch (c.name) {
    case 'w:t':
      // Without xml:space="preserve", Word (and LibreOffice) show a text without its outer spaces.
      return c.attributes['xml:space'] === 'preserve' ? textContent(c) : textContent(c).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    case 'w:tab':
    case 'w:ptab':
      return '\t';
    case 'w:br': {
      // A page or column break moves what follows; it is no line of the paragraph.
      const type = c.attributes['w:type'];
      return type === 'page' || type === 'column' ? '' : '\n';
    }
    case 'w:cr':
      return '\n';
    case 'w:noBreakHyphen':
      return '\u2011';
    case 'w:sym': {
      const code = parseInt(c.attributes['w:char'] ?? '', 16);
      if (!Number.isFinite(code)) return '';
      const char = String.fromCodePoint(code);
      if (code < 0xf000 || code > 0xf0ff) return char;
      // A symbol font's character (F0xx) is drawn by the font: a known bullet shape, else its ASCII twin.
      const shape = bulletText(char);
      return shape !== '•' || code === 0xf0b7 ? shape : String.fromCharCode(code - 0xf000);
    }
    default:
      // w:delText and w:instrText are deleted text and field codes; w:softHyphen shows only at a line's end.
      return '';
  }
}

/** The document's title from its properties (docProps/core.xml `dc:title`). */
function titleOf(file: string, parts: Map<string, Buffer>): string | undefined {
  const title = textContent(element(xmlPart(file, parts, 'docProps/core.xml'), 'dc:title')).trim();
  return title === '' ? undefined : title;
}

/**
 * The part `type` ("officeDocument", "styles", "numbering") that the relationships of `source`
 * ("" for the package) point to, if it is in the file. Word names the body word/document.xml, but
 * some writers do not (Office on the web has written word/document2.xml): the relationships say.
 */
function related(file: string, parts: Map<string, Buffer>, source: string, type: string): string | undefined {
  const folder = posix.dirname(source);
  const rels = source === '' ? '_rels/.rels' : posix.join(folder, '_rels', `${posix.basename(source)}.rels`);
  for (const relation of elements(xmlPart(file, parts, rels), 'Relationship')) {
    const target = relation.attributes['Target'];
    if (target === undefined || !relation.attributes['Type']?.endsWith(`/${type}`)) continue;
    const name = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(source === '' ? '' : folder, target));
    if (parts.has(name)) return name;
  }
  return undefined;
}

/** The body part of a .docx: the package's officeDocument, else word/document.xml; undefined when neither is there. */
export function docxBody(file: string, parts: Map<string, Buffer>): string | undefined {
  return related(file, parts, '', 'officeDocument') ?? (parts.has('word/document.xml') ? 'word/document.xml' : undefined);
}

/** The .docx whose zip entries are `parts`, its body being the part `body` (see docxBody). */
export function readDocx(file: string, parts: Map<string, Buffer>, body = 'word/document.xml'): SourceDocument {
  const document = xmlPart(file, parts, body)!;
  const part = (type: string, usual: string) => xmlPart(file, parts, related(file, parts, body, type) ?? usual);
  const reader = new DocxReader(readStyles(part('styles', 'word/styles.xml')), readNumbering(part('numbering', 'word/numbering.xml')));
  const content = element(document, 'w:body');
  if (content) reader.body(content);
  // Comments anchored nowhere in the body (their ranges lost) are still the document's comments.
  reader.leftOut.comments ||=
    parts
      .get('word/comments.xml')
      ?.toString('utf8')
      .match(/<w:comment\b/g)?.length ?? 0;
  const title = titleOf(file, parts);
  return { file, format: 'docx', ...(title ? { title } : {}), blocks: reader.blocks, notes: leftOutNotes(reader.leftOut) };
}
