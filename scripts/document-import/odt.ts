/**
 * An .odt (OpenDocument text, ODF 1.3) read into a SourceDocument (issue 22), as ./docx.ts reads a
 * .docx: content.xml's paragraphs, headings, lists and tables in reading order, each paragraph
 * with its style's display name, its heading level and the number LibreOffice displays before it
 * (./numbering.ts counts, from the list styles of content.xml and styles.xml). Tracked deletions,
 * notes, annotations, frames are left out, and said in `notes`.
 */
import type { Block, Cell, Paragraph, Row, SourceDocument, Table } from './blocks.ts';
import { OdfCounters, type OdfLevel, type OdfList } from './numbering.ts';
import { cellText, HEADING_NAME, leftOutNotes, nothingLeftOut, paragraphsOfCell, TABLE_LIMITS, xmlPart, type LeftOut } from './parts.ts';
import { element, elements, textContent, type XmlElement } from '../office/xml.ts';

/** A paragraph style: the name shown, the style it inherits from, its heading level. */
interface Style {
  name: string;
  parent?: string;
  outlineLevel?: number;
  /** An automatic style (P1, P2…): the formatting LibreOffice writes for one paragraph, not a style the user sees. */
  automatic?: boolean;
}

const integer = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
};

/** The paragraph styles and the list styles of the `office:styles` / `office:automatic-styles` given. */
function readStyles(containers: (XmlElement | undefined)[]): {
  styles: Map<string, Style>;
  lists: Map<string, OdfLevel[]>;
  outline?: OdfLevel[];
} {
  const styles = new Map<string, Style>();
  const lists = new Map<string, OdfLevel[]>();
  let outline: OdfLevel[] | undefined;
  for (const container of containers) {
    for (const s of elements(container)) {
      const name = s.attributes['style:name'];
      if (s.name === 'style:style' && name !== undefined && s.attributes['style:family'] === 'paragraph') {
        const outlineLevel = integer(s.attributes['style:default-outline-level']);
        styles.set(name, {
          name: s.attributes['style:display-name'] ?? name.replace(/_20_/g, ' '),
          ...(s.attributes['style:parent-style-name'] !== undefined ? { parent: s.attributes['style:parent-style-name'] } : {}),
          ...(outlineLevel !== undefined ? { outlineLevel } : {}),
          ...(container?.name === 'office:automatic-styles' ? { automatic: true } : {}),
        });
      } else if (s.name === 'text:list-style' && name !== undefined) lists.set(name, listLevels(s));
      else if (s.name === 'text:outline-style') outline = listLevels(s);
    }
  }
  return { styles, lists, ...(outline ? { outline } : {}) };
}

/** The levels of a list style (0-based), numbers and bullets. */
function listLevels(listStyle: XmlElement): OdfLevel[] {
  const levels: OdfLevel[] = [];
  for (const l of elements(listStyle)) {
    const level = integer(l.attributes['text:level']);
    if (level === undefined || level < 1 || level > 10) continue;
    const a = l.attributes;
    const common = { prefix: a['style:num-prefix'] ?? '', suffix: a['style:num-suffix'] ?? '', start: integer(a['text:start-value']) ?? 1 };
    if (l.name === 'text:list-level-style-number' || l.name === 'text:outline-level-style') {
      levels[level - 1] = { ...common, format: a['style:num-format'] ?? '', displayLevels: integer(a['text:display-levels']) ?? 1 };
    } else if (l.name === 'text:list-level-style-bullet') {
      levels[level - 1] = { ...common, format: '', displayLevels: 1, bullet: a['text:bullet-char'] ?? '•' };
    }
  }
  return levels;
}

/** The list a paragraph belongs to, as the walk goes down nested `text:list`s. */
interface ListContext {
  list: OdfList;
  levels: OdfLevel[];
  level: number;
  /** Whether the item's paragraph to come is its first (numbered) one, and its own start value. */
  item: { numbered: boolean; start?: number; header: boolean };
}

class OdtReader {
  readonly #styles: Map<string, Style>;
  readonly #lists: Map<string, OdfLevel[]>;
  readonly #outline: OdfLevel[] | undefined;
  readonly #counters = new OdfCounters();
  readonly #outlineList: OdfList = { counters: [] };
  readonly leftOut: LeftOut = nothingLeftOut();
  #paragraphs = 0;
  #tables = 0;
  /** Whether the table being read went past the limits of repetition. */
  #truncated = false;
  readonly blocks: Block[] = [];

  constructor(styles: ReturnType<typeof readStyles>) {
    this.#styles = styles.styles;
    this.#lists = styles.lists;
    this.#outline = styles.outline;
  }

  /** The body's blocks: paragraphs, headings, lists, tables; sections and indexes looked through. */
  body(container: XmlElement, list?: ListContext): void {
    for (const child of elements(container)) {
      switch (child.name) {
        case 'text:p':
        case 'text:h':
          this.blocks.push(this.paragraph(child, ++this.#paragraphs, list));
          break;
        case 'text:list':
          this.list(child, list, (c, l) => this.body(c, l));
          break;
        case 'table:table':
          this.blocks.push(this.table(child));
          break;
        case 'draw:frame':
        case 'draw:a':
        case 'draw:custom-shape':
          this.frame(child);
          break;
        case 'text:section':
        case 'text:table-of-content':
        case 'text:alphabetical-index':
        case 'text:illustration-index':
        case 'text:index-body':
        case 'text:soft-page-break':
          this.body(child, list);
          break;
        // text:tracked-changes holds deleted text; text:sequence-decls and the like hold declarations.
      }
    }
  }

  /**
   * A `text:list`: a top-level list opens a list instance (new, or continuing one); a nested one
   * goes one level down. Each item's first paragraph is numbered, the others are not; a
   * `text:list-header`'s paragraphs are not either.
   */
  list(l: XmlElement, outer: ListContext | undefined, walk: (container: XmlElement, list: ListContext) => void): void {
    const a = l.attributes;
    let context: ListContext;
    if (outer) {
      const levels = a['text:style-name'] !== undefined ? (this.#lists.get(a['text:style-name']) ?? outer.levels) : outer.levels;
      context = { list: outer.list, levels, level: outer.level + 1, item: { numbered: false, header: false } };
    } else {
      const style = a['text:style-name'] ?? '';
      const list = this.#counters.open(style, {
        ...(a['xml:id'] !== undefined ? { id: a['xml:id'] } : {}),
        ...(a['text:continue-list'] !== undefined ? { continueList: a['text:continue-list'] } : {}),
        continueNumbering: a['text:continue-numbering'] === 'true',
      });
      context = { list, levels: this.#lists.get(style) ?? [], level: 0, item: { numbered: false, header: false } };
    }
    for (const item of elements(l)) {
      if (item.name !== 'text:list-item' && item.name !== 'text:list-header') continue;
      const start = integer(item.attributes['text:start-value']);
      context.item = { numbered: false, header: item.name === 'text:list-header', ...(start !== undefined ? { start } : {}) };
      // An item may show its number in another list style (LibreOffice writes it for a .docx list restarted in another format).
      const override = item.attributes['text:style-override'];
      walk(item, override !== undefined && this.#lists.has(override) ? { ...context, levels: this.#lists.get(override)! } : context);
    }
  }

  paragraph(p: XmlElement, index: number, list?: ListContext, cell?: Paragraph['cell']): Paragraph {
    const styleName = p.attributes['text:style-name'];
    const chain = this.styleChain(styleName);
    const paragraph: Paragraph = { kind: 'paragraph', index, text: this.inline(p) };
    const named = chain.find((s) => !s.automatic) ?? chain[0];
    if (named) paragraph.style = named.name;
    const styleLevel = chain.find((s) => s.outlineLevel !== undefined)?.outlineLevel;
    if (p.name === 'text:h') paragraph.headingLevel = integer(p.attributes['text:outline-level']) ?? styleLevel ?? 1;
    else if (styleLevel === undefined && named) {
      // A heading style that says no outline level (LibreOffice keeps it so from a .docx written by a library) is read as a .docx's would be.
      const m = HEADING_NAME.exec(named.name);
      if (m) paragraph.headingLevel = Number(m[1]);
    }
    const shown = textContent(element(p, 'text:number'));
    if (list && !list.item.header && !list.item.numbered) {
      list.item.numbered = true;
      const label = this.#counters.next(list.list, list.levels, list.level, list.item.start);
      if (label) {
        paragraph.label = label.text;
        if (label.bullet) paragraph.bullet = true;
        paragraph.listLevel = list.level;
      }
    } else if (!list && paragraph.headingLevel !== undefined && this.#outline && p.attributes['text:is-list-header'] !== 'true') {
      const label = this.#counters.next(
        this.#outlineList,
        this.#outline,
        paragraph.headingLevel - 1,
        integer(p.attributes['text:start-value']),
      );
      if (label) paragraph.label = label.text;
    }
    // A heading numbered by the outline (LibreOffice writes its number): its list level is its outline level.
    if (paragraph.label !== undefined && paragraph.listLevel === undefined && paragraph.headingLevel !== undefined) {
      paragraph.listLevel = paragraph.headingLevel - 1;
    }
    // LibreOffice writes the number it displays in a heading (`text:number`): it wins over the count.
    if (shown.trim() !== '') paragraph.label = shown.trim();
    if (cell) paragraph.cell = cell;
    return paragraph;
  }

  styleChain(name: string | undefined): Style[] {
    const chain: Style[] = [];
    const seen = new Set<string>();
    while (name !== undefined && !seen.has(name)) {
      seen.add(name);
      const style = this.#styles.get(name);
      if (!style) break;
      chain.push(style);
      name = style.parent;
    }
    return chain;
  }

  /** The text of a paragraph's inline content, in order. */
  inline(e: XmlElement): string {
    let text = '';
    for (const child of e.children) {
      if (typeof child === 'string') {
        // ODF collapses white space in text content (§6.1.2): spaces are written as text:s.
        text += child.replace(/[ \t\r\n]+/g, ' ');
        continue;
      }
      switch (child.name) {
        case 'text:s':
          text += ' '.repeat(Math.min(1000, Math.max(1, integer(child.attributes['text:c']) ?? 1)));
          break;
        case 'text:tab':
          text += '\t';
          break;
        case 'text:line-break':
          text += '\n';
          break;
        case 'text:span':
        case 'text:a':
        case 'text:meta':
        case 'text:meta-field':
        case 'text:ruby':
        case 'text:ruby-base':
        case 'text:hidden-paragraph':
          text += this.inline(child);
          break;
        case 'text:note':
          this.leftOut.footnotes++;
          break;
        case 'office:annotation':
          this.leftOut.comments++;
          break;
        case 'draw:frame':
        case 'draw:a':
        case 'draw:custom-shape':
          this.frame(child);
          break;
        default:
          // Fields (text:page-number, text:date, text:title…) show their current value as text.
          if (child.name.startsWith('text:') && !NOT_TEXT.has(child.name)) text += this.inline(child);
      }
    }
    return text;
  }

  /** A frame or shape, anchored in a paragraph or to the page: a text box (its text is not read) or an image. */
  frame(f: XmlElement): void {
    if (textContent(f).trim() !== '' || element(f, 'draw:text-box')) this.leftOut.textBoxes++;
    else this.leftOut.images++;
  }

  table(t: XmlElement): Table {
    const index = ++this.#tables;
    const table: Table = { kind: 'table', index, after: this.#paragraphs, rows: [] };
    /** Grid column → the cell spanning rows from above, and the last row (1-based) it covers. */
    const spans = new Map<number, { cell: Cell; until: number; columns: number }>();
    let cells = 0;
    rows: for (const { row: tr, header } of tableRows(t)) {
      const repeat = integer(tr.attributes['table:number-rows-repeated']) ?? 1;
      for (let r = 0; r < Math.max(1, repeat); r++) {
        if (table.rows.length >= TABLE_LIMITS.rows || cells >= TABLE_LIMITS.cells) {
          this.#truncated = true;
          break rows;
        }
        const row = this.row(tr, header, index, table.rows.length + 1, spans);
        cells += row.cells.length;
        table.rows.push(row);
      }
    }
    if (this.#truncated) this.leftOut.truncatedTables++;
    this.#truncated = false;
    return table;
  }

  row(
    tr: XmlElement,
    header: boolean,
    table: number,
    rowNumber: number,
    spans: Map<number, { cell: Cell; until: number; columns: number }>,
  ): Row {
    const row: Row = { cells: [] };
    if (header) row.header = true;
    let grid = 0;
    for (const tc of elements(tr)) {
      if (tc.name !== 'table:table-cell' && tc.name !== 'table:covered-table-cell') continue;
      const a = tc.attributes;
      const repeat = Math.max(1, integer(a['table:number-columns-repeated']) ?? 1);
      for (let r = 0; r < repeat; r++) {
        if (grid >= TABLE_LIMITS.columns) {
          this.#truncated = true;
          break;
        }
        if (tc.name === 'table:covered-table-cell') {
          // Covered from above (a cell spanning rows): carried; covered from the left (a column span): already listed.
          const above = spans.get(grid);
          if (above && above.until >= rowNumber) {
            row.cells.push({
              paragraphs: above.cell.paragraphs,
              text: above.cell.text,
              carried: true,
              ...(above.columns > 1 ? { span: above.columns } : {}),
            });
            grid += above.columns;
            r += above.columns - 1;
          } else grid++;
          continue;
        }
        const columns = Math.max(1, integer(a['table:number-columns-spanned']) ?? 1);
        const rows = Math.max(1, integer(a['table:number-rows-spanned']) ?? 1);
        const paragraphs = this.cellParagraphs(tc, { table, row: rowNumber, column: row.cells.length + 1 });
        const cell: Cell = { paragraphs, text: cellText(paragraphs), ...(columns > 1 ? { span: columns } : {}) };
        if (rows > 1) spans.set(grid, { cell, until: rowNumber + rows - 1, columns });
        row.cells.push(cell);
        grid += columns;
      }
    }
    return row;
  }

  /** A cell's paragraphs (one empty at least; lists within it numbered); a nested table's paragraphs follow, flattened. */
  cellParagraphs(tc: XmlElement, cell: NonNullable<Paragraph['cell']>): Paragraph[] {
    return paragraphsOfCell(cell, (into) => this.#cellContent(tc, cell, into));
  }

  #cellContent(container: XmlElement, cell: NonNullable<Paragraph['cell']>, into: Paragraph[], list?: ListContext): void {
    for (const child of elements(container)) {
      if (child.name === 'text:p' || child.name === 'text:h') into.push(this.paragraph(child, cell.table, list, cell));
      else if (child.name === 'text:list') this.list(child, list, (c, l) => this.#cellContent(c, cell, into, l));
      else if (child.name === 'table:table') {
        this.leftOut.nestedTables++;
        for (const { row } of tableRows(child)) for (const inner of elements(row, 'table:table-cell')) this.#cellContent(inner, cell, into);
      } else if (child.name === 'text:section' || child.name === 'text:soft-page-break') this.#cellContent(child, cell, into, list);
    }
  }
}

/** Inline `text:` elements whose content is not text the reader shows. */
const NOT_TEXT = new Set([
  'text:number',
  'text:bookmark',
  'text:bookmark-start',
  'text:bookmark-end',
  'text:change',
  'text:change-start',
  'text:change-end',
  'text:reference-mark',
  'text:reference-mark-start',
  'text:reference-mark-end',
  'text:soft-page-break',
  'text:toc-mark',
  'text:alphabetical-index-mark',
]);

/** A table's rows in order, header rows marked; row groups looked through. */
function tableRows(t: XmlElement, header = false): { row: XmlElement; header: boolean }[] {
  const rows: { row: XmlElement; header: boolean }[] = [];
  for (const child of elements(t)) {
    if (child.name === 'table:table-row') rows.push({ row: child, header });
    else if (child.name === 'table:table-header-rows') rows.push(...tableRows(child, true));
    else if (child.name === 'table:table-rows' || child.name === 'table:table-row-group') rows.push(...tableRows(child, header));
  }
  return rows;
}

/** The .odt whose zip entries are `parts`. */
export function readOdt(file: string, parts: Map<string, Buffer>): SourceDocument {
  const content = xmlPart(file, parts, 'content.xml');
  const styles = xmlPart(file, parts, 'styles.xml');
  const reader = new OdtReader(
    readStyles([element(styles, 'office:styles'), element(styles, 'office:automatic-styles'), element(content, 'office:automatic-styles')]),
  );
  const text = element(element(content, 'office:body'), 'office:text');
  if (text) reader.body(text);
  const title = textContent(element(element(xmlPart(file, parts, 'meta.xml'), 'office:meta'), 'dc:title')).trim();
  return { file, format: 'odt', ...(title ? { title } : {}), blocks: reader.blocks, notes: leftOutNotes(reader.leftOut) };
}
