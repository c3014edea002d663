/**
 * French grammar for the words the pages compose (issue 20, part 4): counts with their plural and
 * their agreement (« 3 parties », « 1 axe », « aucune partie », « 0 chapitre »), and the elision of
 * « de », « le », « la », « que » before a vowel or a mute h (« d’actions », « de documents »,
 * « du handicap »). Every count a page prints goes through `countOf`; every « de » or « le » put
 * before a word the page does not know in advance (a document's own level words) goes through
 * `de`, `le` or `la`. tests/build/typography.test.ts scans the built pages for what slips through.
 */
import { formatDate } from './format.ts';

/** Grammatical gender: « aucun axe », « aucune partie ». */
export type Gender = 'm' | 'f';

/** A noun as a count prints it: its singular, its plural and, when known, its gender. */
export interface Noun {
  singular: string;
  plural: string;
  /** Unknown for a word a document brings that is not in GENDERS: zero is then printed « 0 <singular> ». */
  gender?: Gender;
}

/**
 * Gender of the nouns the pages count, and of the level words the documents use (src/model/convention.ts
 * `levels`, src/model/section.ts SECTION_KINDS). A word outside the list is still counted right, with
 * « 0 » instead of « aucun » or « aucune », which needs no gender.
 */
const GENDERS: Record<string, Gender> = {
  action: 'f',
  annexe: 'f',
  article: 'm',
  axe: 'm',
  bilan: 'm',
  chantier: 'm',
  chapitre: 'm',
  critère: 'm',
  document: 'm',
  domaine: 'm',
  élément: 'm',
  engagement: 'm',
  entrée: 'f',
  étape: 'f',
  fiche: 'f',
  indicateur: 'm',
  mesure: 'f',
  objectif: 'm',
  organisme: 'm',
  orientation: 'f',
  page: 'f',
  partie: 'f',
  point: 'm',
  priorité: 'f',
  procédure: 'f',
  programme: 'm',
  résultat: 'm',
  rôle: 'm',
  section: 'f',
  statut: 'm',
  terme: 'm',
  thème: 'm',
  titre: 'm',
  volet: 'm',
};

/** The gender of a noun (its first word decides: « action ou mesure » is feminine), if known. */
export function genderOf(word: string): Gender | undefined {
  return GENDERS[word.trim().split(/\s+/)[0]!.toLowerCase()];
}

/**
 * A noun from its singular; the plural adds an « s » unless given (« bureau » → give « bureaux »);
 * the gender comes from GENDERS unless given.
 */
export function noun(singular: string, plural = `${singular}s`, gender: Gender | undefined = genderOf(singular)): Noun {
  return gender ? { singular, plural, gender } : { singular, plural };
}

/**
 * « 1 action », « 3 actions », « aucune action »; « 0 chapitre » for a word of unknown gender. Zero
 * and one take the singular in French (« 0 section », never « 0 sections »).
 */
export function countOf(n: number, what: Noun): string {
  if (n === 0) return what.gender ? `${what.gender === 'f' ? 'aucune' : 'aucun'} ${what.singular}` : `0 ${what.singular}`;
  return `${n} ${n === 1 ? what.singular : what.plural}`;
}

/** The counts that are not zero, joined: « 3 parties, 13 procédures »; empty when all are zero. */
export function countsOf(counts: [number, Noun][]): string {
  return counts
    .filter(([n]) => n > 0)
    .map(([n, what]) => countOf(n, what))
    .join(', ');
}

/** « a », « a et b », « a, b et c ». */
export function andList(parts: string[]): string {
  return parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}`;
}

/**
 * Words whose h is mute, so that « de », « le » and « la » elide before them (« l’hygiène »,
 * « d’heures »); every other h is aspirated here (« du handicap », « de handicap »), the common
 * case in this domain. Matched on the start of the word.
 */
const MUTE_H = [
  'habil',
  'habit',
  'hébergement',
  'heure',
  'histoire',
  'historique',
  'homme',
  'honneur',
  'hôpita',
  'horaire',
  'hospital',
  'humain',
  'hygiène',
];

/** Whether « de », « le », « la » or « que » elide before this word: a vowel, or a mute h. */
export function elides(word: string): boolean {
  const w = word.trimStart().toLowerCase();
  if (/^[aeiouàâäéèêëîïôöùûüœæ]/.test(w)) return true;
  return MUTE_H.some((start) => w.startsWith(start));
}

/** « de documents », « d’actions », « d’engagements ». */
export function de(word: string): string {
  return elides(word) ? `d’${word.trimStart()}` : `de ${word}`;
}

/** « le thème », « l’axe ». */
export function le(word: string): string {
  return elides(word) ? `l’${word.trimStart()}` : `le ${word}`;
}

/** « la partie », « l’action ». */
export function la(word: string): string {
  return elides(word) ? `l’${word.trimStart()}` : `la ${word}`;
}

/** The article of a noun: « l’action », « la partie », « le thème »; « le » when the gender is unknown. */
export function article(what: Noun): string {
  return what.gender === 'f' ? la(what.singular) : le(what.singular);
}

/** A document's level word as a noun, in lower case: { singular: 'Partie', plural: 'Parties' } → « partie », « parties », feminine. */
export function levelNoun(level: { singular: string; plural: string }): Noun {
  return noun(level.singular.toLowerCase(), level.plural.toLowerCase());
}

/**
 * « depuis le » before a whole date, « depuis » before a month or a year (« depuis le 16 novembre
 * 2023 », « depuis novembre 2026 », « depuis 2026 »): for the pages that wrap the date in <time>.
 */
export function sinceWords(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? 'depuis le' : 'depuis';
}

/** « depuis le 16 novembre 2023 », « depuis novembre 2026 », « depuis 2026 ». */
export function since(date: string): string {
  return `${sinceWords(date)} ${formatDate(date)}`;
}
