/**
 * The texts of an entry: what its page shows as the entry's own words. The model checks them
 * (./integrity.ts), the catalogue lists the terms they name (src/catalogue/crosscut.ts).
 */
import { AUDIENCE_KEYS } from './audiences.ts';

/**
 * Fields that hold identifiers, codes or labels shown outside the text (the document's short
 * name above titles, its level words), not text a reader sees as the entry's own.
 */
const NOT_TEXT = new Set([
  'convention',
  'section',
  'parent',
  'seeAlso',
  'themes',
  'kind',
  'status',
  'statusScale',
  'numbering',
  'levels',
  'order',
  'shortTitle',
  // Declarations about the language of the texts (src/page-pass/foreign.ts), not texts themselves.
  'lang',
  'foreignPhrases',
  // The publisher's notes on the site's editions of a document (its page history, shown apart
  // from the text), not the document's words: a term they name is not one the document cites.
  'updates',
]);
const audienceKeys = new Set<string>(AUDIENCE_KEYS);

/**
 * The data side of the text rule (src/page-pass/mentions.ts): the texts an entry's page shows as that entry's
 * own, one string per field (an occurrence never spans two fields), and its body. Templates mark
 * everything else on the page with NOT_TEXT_ATTRIBUTE; tests/build/crosscut.test.ts checks, on
 * the built site, that both sides agree.
 */
export function textsOf(entry: { data: unknown; body?: string }): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key?: string) => {
    if (typeof v === 'string') {
      // An action's audiences are keys of a closed list ("rh-referents"), not text.
      if (!(key === 'audience' && audienceKeys.has(v))) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (!NOT_TEXT.has(k)) walk(x, k);
  };
  walk(entry.data);
  if (entry.body) out.push(entry.body);
  return out;
}

/** Every text of an entry, joined: for tests and filters that look for a word. */
export const textOf = (entry: { data: unknown; body?: string }) => textsOf(entry).join('\n');
