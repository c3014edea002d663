/**
 * The words plans use for their levels and how they open a paragraph or a cell ("Axe 1 :",
 * "AXE N°2", "Objectif 1.2 :", "Article premier", "Action n°12 –", "Section liminaire"), read
 * in the document's own words: the word as written becomes the level's name on the site.
 */
import { fold } from '../../src/model/text.ts';

/** The level words this import knows, folded (lower case, no accent, singular). */
const STRUCTURE_WORDS = [
  'axe',
  'objectif',
  'article',
  'section',
  'theme',
  'partie',
  'pilier',
  'chapitre',
  'titre',
  'orientation',
  'priorite',
  'volet',
  'domaine',
  'enjeu',
  'ambition',
  'programme',
] as const;
/** Words of the items themselves: actions, measures, commitments. */
const ITEM_WORDS = ['action', 'mesure', 'engagement', 'fiche', 'fiche-action'] as const;

/** A word folded for comparison: lower case, no accent, no plural s. */
export function foldWord(word: string): string {
  return fold(word).replace(/s$/, '');
}

export const isItemWord = (folded: string): boolean => (ITEM_WORDS as readonly string[]).includes(folded);
const isKnownWord = (folded: string) => isItemWord(folded) || (STRUCTURE_WORDS as readonly string[]).includes(folded);

/** "premier", "première", "unique": the numbers written in words that open level paragraphs. */
const WORD_NUMBERS: Record<string, string> = { premier: '1', premiere: '1', unique: '1', second: '2', seconde: '2' };

/** What opens a paragraph or a cell: its level word, its number as printed, and the rest (its title). */
export interface LevelOpening {
  /** The word as written ("AXE", "Objectif"). */
  word: string;
  /** The word folded (see `foldWord`). */
  folded: string;
  /** The number as printed ("1", "1.2", "IV", "3 bis"); a number written in words becomes digits. */
  number?: string;
  /** The number as written when it was a word ("premier", "liminaire"): the report mentions it. */
  numberWord?: string;
  /** What follows the number and its separator, whitespace normalised. */
  rest: string;
}

const NUMBER = String.raw`(\d+(?:[.-]\d+)*(?:\s?(?:bis|ter))?|[IVXLC]+(?![\p{L}])|premi[eè]re?|unique|seconde?|liminaire|pr[ée]liminaire)`;
const OPENING = new RegExp(
  String.raw`^([\p{L}-]+?)s?\s*(?:n\s*[°º]|no\.?|num[ée]ro)?\s*${NUMBER}\s*(?:[:.)\u2013\u2014-]+\s*|\t+|\s+|$)([\s\S]*)$`,
  'iu',
);

/** Spaces, tabs and line breaks collapsed to one space, ends trimmed; non-breaking spaces kept. */
export const normaliseSpace = (text: string): string => text.replace(/[ \t\r\n\f\v]+/g, ' ').trim();

/** The level word and number opening `text`, if it starts with one this import knows. */
export function levelOpening(text: string): LevelOpening | undefined {
  const m = OPENING.exec(text.replace(/^[\s\u00a0]+/, ''));
  if (!m) return undefined;
  const [, word, rawNumber, rest] = m as unknown as [string, string, string, string];
  const folded = foldWord(word);
  if (!isKnownWord(folded)) return undefined;
  const key = foldWord(rawNumber).replace(/s$/, '');
  const inWords = WORD_NUMBERS[key] ?? WORD_NUMBERS[`${key}e`];
  // Roman numerals in capitals (« III »), anything else in lower case (« 3 bis »).
  const printed = /^\d|^[IVXLC]+$/i.test(rawNumber) ? rawNumber.replace(/\s+/g, ' ') : undefined;
  const number = inWords ?? (printed && (/^[IVXLC]+$/i.test(printed) ? printed.toUpperCase() : printed.toLowerCase()));
  return {
    word,
    folded,
    ...(number !== undefined ? { number } : {}),
    ...(inWords !== undefined || number === undefined ? { numberWord: rawNumber } : {}),
    rest: normaliseSpace(rest),
  };
}

/** A level word as the site shows it: "AXE" → "Axe", "objectifs" → "Objectif" (singular, capital first). */
export function displayWord(word: string): string {
  const lower = word.toLocaleLowerCase('fr');
  const singular = lower.length > 3 ? lower.replace(/s$/, '') : lower;
  return singular.charAt(0).toLocaleUpperCase('fr') + singular.slice(1);
}

/** The plural of a level word for the site ("Axe" → "Axes", "Pilier" → "Piliers"). */
export const pluralWord = (word: string): string => (/[sxz]$/.test(word) ? word : `${word}s`);

/** A letter opening a paragraph as a sub-item: "a)", "b.", "c –". */
const LETTER = /^([a-z])\s*[).\u2013-]\s+([\s\S]+)$/u;

export function letterOpening(text: string): { letter: string; rest: string } | undefined {
  const m = LETTER.exec(text.replace(/^[\s\u00a0]+/, ''));
  return m ? { letter: m[1]!, rest: normaliseSpace(m[2]!) } : undefined;
}

/** A number opening a paragraph without a level word: "12.", "1.3 –", "4)". */
const BARE_NUMBER = /^(\d+(?:\.\d+)*)\s*(?:[.)\u2013\u2014:-]\s*|\t)\s*([\s\S]+)$/u;

export function numberOpening(text: string): { number: string; rest: string } | undefined {
  const m = BARE_NUMBER.exec(text.replace(/^[\s\u00a0]+/, ''));
  return m ? { number: m[1]!, rest: normaliseSpace(m[2]!) } : undefined;
}

/** Bullets typed as characters at the start of a text ("▪ Action n°1"), which are not its wording. */
export const stripBullet = (text: string): string => text.replace(/^[\s\u00a0]*[▪•●◦‣■□➢➤►✓-]\s+/u, '');

/** A displayed label as a number for the document: "1." → "1", "a)" → "a", "1.2." → "1.2"; bullets give none. */
export function labelNumber(label: string): string | undefined {
  const m = /^\(?([0-9]+(?:\.[0-9]+)*|[a-z]|[A-Z]|[ivxlc]+|[IVXLC]+)[.)\u2013-]?$/.exec(label.trim());
  return m?.[1];
}
