/**
 * Where something is in the source document, and the decisions taken there, as the
 * import-quality report (./report.ts) names them: a paragraph by its number, a table cell by its
 * table, row and column, each with the first words of its text.
 */
import { normaliseSpace } from './levels.ts';

export interface Place {
  paragraph?: number;
  table?: number;
  row?: number;
  column?: number;
  /** The first words of the text there. */
  excerpt: string;
}

/** One decision of the import; `uncertain` ones are for the référent to check. */
export interface Decision {
  place: Place;
  what: string;
  uncertain: boolean;
}

const EXCERPT = 60;

/** The first words of a text, cut at a word and marked "…" when longer than a line of the report. */
export function excerpt(text: string): string {
  const t = normaliseSpace(text);
  return t.length > EXCERPT ? `${t.slice(0, EXCERPT).replace(/\s+\S*$/, '')}…` : t;
}
