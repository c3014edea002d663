/**
 * Characters no text of the site may hold (issue 19): they are invisible in an editor or a
 * spreadsheet cell and break what the site publishes. C0 and C1 control characters and NUL make the
 * feed and the pages invalid XML/HTML for a strict parser ("PCDATA invalid Char value 11"); Excel
 * writes them as `_x000B_`; a lone surrogate is no character at all; bidirectional overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) reorder what a reader sees without changing what is
 * stored ("Trojan Source"); the noncharacters U+FFFE and U+FFFF are outside XML 1.0's `Char`
 * production (U+FDD0–U+FDEF are their kin, and an HTML parse error too). Tab and line feed are
 * allowed only where a text is multi-line; a carriage return only as part of CRLF there.
 * Everything else passes: non-breaking spaces (U+00A0, U+202F), emoji, every script; the line and paragraph separators U+2028 and
 * U+2029 only in multi-line texts.
 *
 * The one rule read by the content model (src/model/common.ts), the bodies' check
 * (src/model/body.ts), the feed (src/catalogue/feed.ts), the spreadsheet imports and the editor's
 * configuration (scripts/editor/config.ts, through `textPattern`). It is written once, as the
 * ranges below; the search (`trapCharacter`) and the whole-text pattern (`textPattern`) are both
 * built from them.
 */

/** One forbidden character found in a text. */
export interface TrapCharacter {
  /** Index in the text (UTF-16 code units). */
  index: number;
  /** The code point, as `U+000B`. */
  code: string;
  /** Its name in French, for messages: "tabulation verticale", "contrôle bidirectionnel"… */
  name: string;
}

/**
 * Code units refused in every text, as a regular-expression class body: C0 controls but tab, line
 * feed and carriage return; DEL and the C1 controls (U+0085 among them); bidirectional embeddings,
 * overrides and isolates; the BMP noncharacters. Surrogates are handled apart (a pair is a
 * character, a lone half is not).
 */
const ALWAYS = '\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\uFDD0-\\uFDEF\\uFFFE\\uFFFF';
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const PAIR = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]';
/**
 * What breaks a line, refused in one-line texts only: tab, line feed, carriage return, and the
 * Unicode line and paragraph separators (U+2028, U+2029), invisible breaks a copy from a PDF or a
 * word processor brings.
 */
const LINE_BREAKS = '\\t\\n\\r\\u2028\\u2029';

/** The first forbidden character, by kind of text. */
const SEARCH = {
  single: new RegExp(`[${ALWAYS}${LINE_BREAKS}]|${LONE_SURROGATE}`),
  multi: new RegExp(`[${ALWAYS}]|\\r(?!\\n)|${LONE_SURROGATE}`),
};

/**
 * A whole text free of forbidden characters, by kind of text: what the schemas check
 * (src/model/common.ts) and what the form editor is given as its fields' `pattern`. Written without
 * the `u` flag and without `/`, as Sveltia CMS compiles a pattern (`new RegExp(source)`); read
 * code unit by code unit, so that a lone surrogate fails it under any flag.
 */
const WHOLE = {
  single: new RegExp(`^(?:[^${ALWAYS}${LINE_BREAKS}\\uD800-\\uDFFF]|${PAIR})*$`),
  multi: new RegExp(`^(?:[^${ALWAYS}\\r\\uD800-\\uDFFF]|\\r\\n|${PAIR})*$`),
};

/** The pattern a whole text must match: `multiline` lets it hold tabs, line feeds and CRLF. */
export const textPattern = (multiline = false): RegExp => (multiline ? WHOLE.multi : WHOLE.single);

/**
 * Which of the two patterns above `pattern` is (its source, or `/source/` as zod reports it):
 * true for the multi-line one, false for the one-line one, undefined for any other pattern.
 */
export function textPatternMultiline(pattern: string | undefined): boolean | undefined {
  const source = pattern?.replace(/^\/(.*)\/[a-z]*$/s, '$1');
  if (source === WHOLE.multi.source) return true;
  if (source === WHOLE.single.source) return false;
  return undefined;
}

/**
 * What a text may hold, for the "valeurs permises" line of a report and the editor's message when
 * its pattern fails.
 */
export const textAllowed = (multiline = false): string =>
  multiline
    ? 'du texte sans caractère invisible de contrôle (tabulations et sauts de ligne permis)'
    : 'du texte sur une seule ligne, sans caractère invisible de contrôle ni tabulation';

/**
 * The message for a text that fails its pattern, without the value at hand (the form editor's
 * message under a field; the model's reports name the character, `trapMessage`).
 */
export const textPatternMessage = (multiline = false): string =>
  'caractère invisible interdit (caractère de contrôle, contrôle bidirectionnel ou moitié de caractère, qu’un copier-coller ' +
  'depuis un PDF, une page web ou un tableur apporte souvent) : retapez le passage' +
  (multiline ? ' ; tabulations et sauts de ligne sont permis' : ' ; ce champ tient sur une seule ligne, sans tabulation');

const NAMES: Record<number, string> = {
  0x00: 'caractère nul',
  0x09: 'tabulation',
  0x0a: 'saut de ligne',
  0x0b: 'tabulation verticale',
  0x0c: 'saut de page',
  0x0d: 'retour chariot',
  0x1b: 'échappement',
  0x7f: 'suppression',
  0x85: 'saut de ligne de contrôle NEL',
  0x2028: 'séparateur de lignes',
  0x2029: 'séparateur de paragraphes',
  0x202a: 'contrôle bidirectionnel : début d’incorporation gauche-droite',
  0x202b: 'contrôle bidirectionnel : début d’incorporation droite-gauche',
  0x202c: 'contrôle bidirectionnel : fin d’incorporation ou de forçage',
  0x202d: 'contrôle bidirectionnel : forçage gauche-droite',
  0x202e: 'contrôle bidirectionnel : forçage droite-gauche',
  0x2066: 'contrôle bidirectionnel : isolat gauche-droite',
  0x2067: 'contrôle bidirectionnel : isolat droite-gauche',
  0x2068: 'contrôle bidirectionnel : isolat neutre',
  0x2069: 'contrôle bidirectionnel : fin d’isolat',
};

const nameOf = (code: number): string => {
  if (code >= 0xd800 && code <= 0xdfff) return 'moitié de caractère isolée : substitut UTF-16 sans sa paire';
  if ((code >= 0xfdd0 && code <= 0xfdef) || code >= 0xfffe) return 'non-caractère Unicode';
  return NAMES[code] ?? 'caractère de contrôle invisible';
};

/** `U+000B` for 11. */
export const codePointLabel = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first forbidden character of `value`, or undefined. `multiline`: the text may span lines
 * (a body, a summary, a comment), so tab, line feed and CRLF are allowed in it.
 */
export function trapCharacter(value: string, multiline = false): TrapCharacter | undefined {
  const found = (multiline ? SEARCH.multi : SEARCH.single).exec(value);
  if (!found) return undefined;
  const code = value.charCodeAt(found.index);
  return { index: found.index, code: codePointLabel(code), name: nameOf(code) };
}

/**
 * `value` with every forbidden character written as its code, `[U+000B]`, so that a report shows
 * what no eye can see (and a bidirectional override in it cannot turn the report around). Tabs
 * and line feeds are kept when `multiline`.
 */
export function visibleText(value: string, multiline = false): string {
  const search = new RegExp((multiline ? SEARCH.multi : SEARCH.single).source, 'g');
  return value.replace(search, (c) => `[${codePointLabel(c.charCodeAt(0))}]`);
}

/**
 * The French message for a forbidden character: what it is, where in the text, what to do.
 * "caractère invisible interdit (U+000B, tabulation verticale) après « Axe 1 » ; retapez…"
 */
export function trapMessage(trap: TrapCharacter, value: string): string {
  // Twenty code units before it (none of them forbidden: it is the first), not starting on the second half of a pair.
  let start = Math.max(0, trap.index - 20);
  if (start > 0 && /[\uDC00-\uDFFF]/.test(value.charAt(start))) start++;
  const before = value.slice(start, trap.index).replace(/\s+/g, ' ');
  const where = before.trim() === '' ? 'au début du texte' : `après « ${before.trim()} »`;
  return (
    `caractère invisible interdit (${trap.code}, ${trap.name}) ${where} ; ` +
    'retapez ce passage (un copier-coller depuis un PDF, une page web ou un tableur en apporte souvent)'
  );
}
