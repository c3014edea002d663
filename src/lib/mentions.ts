/**
 * Finding names and terms in the documents' text: whole words, accents and typographic
 * apostrophes ignored, case ignored unless asked. One matcher serves the organisation pages, the
 * glossary pages and the marking of terms in pages (src/lib/enrich.ts).
 */

/** Lower-cased (unless `keepCase`), without accents, with straight apostrophes. */
export function fold(text: string, keepCase = false): string {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’ʼ‘]/g, "'");
  return keepCase ? plain : plain.toLowerCase();
}

/** A string matched literally inside a regular expression. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression finding any of `names` as whole words in text folded the same way
 * (see `fold`). Longer names are tried first, so "correspondant handicap régional" wins over
 * "correspondant handicap".
 */
export function nameMatcher(names: string[], caseSensitive = false): RegExp {
  const alternatives = [...new Set(names.map((n) => fold(n.trim(), caseSensitive)))]
    .sort((a, b) => b.length - a.length)
    .map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu');
}

/** Whether `text` names any of `names`. */
export function mentions(text: string, matcher: RegExp, caseSensitive = false): boolean {
  return matcher.test(fold(text, caseSensitive));
}
