/**
 * What a plan states of itself in its opening paragraphs (issue 22): the date it came into force
 * and the date it was signed, when a sentence says so in full ("Entrée en vigueur au 16 novembre
 * 2023", "signée le 12 mars 2017", "Fait à Paris, le 3 avril 2019"). Nothing is guessed: a date
 * without its day, or a period in a title, is left for the référent.
 */
import { readFrenchDate } from '../../src/lib/format.ts';
import type { Place } from './places.ts';

export interface Statement {
  /** The Document sheet's field. */
  path: 'dates.inForce' | 'dates.signed';
  value: string;
  /** Where it is said, for the report. */
  place: Place;
}

const DATE = String.raw`(\d{1,2}(?:er)?\s+\p{L}+\s+\d{4})`;
const SAYINGS: [Statement['path'], RegExp][] = [
  ['dates.inForce', new RegExp(String.raw`entr[ée]e\s+en\s+vigueur\s+(?:au|le|à\s+compter\s+du)\s+${DATE}`, 'iu')],
  ['dates.signed', new RegExp(String.raw`(?:sign[ée]e?s?\s+le|fait\s+à\s+[^,]+,\s+le)\s+${DATE}`, 'iu')],
];

/** The statements found in `paragraphs` (text and place), the first of each kind. */
export function documentStatements(paragraphs: { text: string; place: Place }[]): Statement[] {
  const found: Statement[] = [];
  for (const [path, saying] of SAYINGS) {
    for (const p of paragraphs) {
      const m = saying.exec(p.text);
      const value = m ? readFrenchDate(m[1]!) : undefined;
      if (value) {
        found.push({ path, value, place: p.place });
        break;
      }
    }
  }
  return found;
}
