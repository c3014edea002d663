/**
 * What a word-processing file says, once read (issue 22): its paragraphs and tables in reading
 * order, with what Word or LibreOffice shows of them (the numbers it displays, the heading levels)
 * and nothing of how it shows them (fonts, colours, page layout). The readers of .docx
 * (./docx.ts) and .odt (./odt.ts) both give this; the recogniser of plans (./structure.ts) reads
 * only this, so that it treats both formats alike.
 */

/** One paragraph, in the body or in a table cell. */
export interface Paragraph {
  kind: 'paragraph';
  /**
   * Its place in the source, for the report: the paragraphs of the body are counted from 1 in
   * reading order, empty ones included; a paragraph inside a table cell has the number of the
   * table's place instead (`cell` says where).
   */
  index: number;
  /**
   * Its text as written, runs joined: every character kept (curly quotes, non-breaking spaces,
   * ligatures, "n°"); a tab is one "\t", a line break inside the paragraph one "\n"; deleted
   * revisions left out, inserted ones kept; fields shown by their result. Not trimmed.
   */
  text: string;
  /** The name of its paragraph style as shown to the user ("Titre 1", "Heading 2", "List Paragraph"), if any. */
  style?: string;
  /**
   * 1 for a top-level heading, 2 below it…: from the paragraph's outline level, its style's (or the
   * style it is based on), or an ODF `text:h`. Undefined for body text.
   */
  headingLevel?: number;
  /**
   * The number or bullet Word or LibreOffice displays before the text, as displayed ("1.", "1.2.",
   * "a)", "IV.", "▪"), computed from the numbering definitions; undefined when none.
   */
  label?: string;
  /** Whether `label` is a bullet (a symbol) rather than a number. */
  bullet?: boolean;
  /** The list level of a numbered or bulleted paragraph, 0 for the first. */
  listLevel?: number;
  /** Inside a table: which table (its `index`), row and column, counted from 1. */
  cell?: { table: number; row: number; column: number };
}

/** One cell of a table row. */
export interface Cell {
  /** Its paragraphs (at least one, possibly empty). */
  paragraphs: Paragraph[];
  /** Its text: its paragraphs' texts (each preceded by its label and a space when it has one), joined by "\n". */
  text: string;
  /**
   * A cell covered by a vertical merge (Word's `vMerge` continuation, ODF's covered cell below a
   * `number-rows-spanned`): it carries the text and paragraphs of the merged cell above.
   */
  carried?: boolean;
  /** How many grid columns it spans (1 by default); the row lists it once. */
  span?: number;
}

/** One table, continued tables not joined (the recogniser decides). */
export interface Table {
  kind: 'table';
  /** Its place in the source: tables are counted from 1 in reading order. */
  index: number;
  /** The paragraph number it follows (0 when it opens the document), for the report. */
  after: number;
  rows: Row[];
}

export interface Row {
  cells: Cell[];
  /** A row marked to repeat at the top of each page (Word's `tblHeader`, ODF's header rows). */
  header?: boolean;
}

export type Block = Paragraph | Table;

/** A word-processing file, read. */
export interface SourceDocument {
  /** The file as the user named it. */
  file: string;
  format: 'docx' | 'odt';
  /** The document's title from its properties (docProps/core.xml, meta.xml), when set. */
  title?: string;
  /** The body's blocks in reading order (headers, footers, footnotes and comments left out). */
  blocks: Block[];
  /** What the reader met and left out (text boxes, embedded objects, footnotes…): French, for the report. */
  notes: string[];
}
