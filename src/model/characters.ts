/**
 * Characters no text of the site may hold (issue 19): they are invisible in an editor or a
 * spreadsheet cell and break what the site publishes. C0 and C1 control characters and NUL make the
 * feed and the pages invalid XML/HTML for a strict parser ("PCDATA invalid Char value 11"); Excel
 * writes them as `_x000B_`; a lone surrogate is no character at all; bidirectional overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) reorder what a reader sees without changing what is
 * stored ("Trojan Source"). Tab and line feed are allowed only where a text is multi-line; a
 * carriage return only as part of CRLF there.
 *
 * The one rule read by the content model, the spreadsheet imports and the editor's configuration.
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

const NAMES: Record<number, string> = {
  0x00: 'caractère nul',
  0x09: 'tabulation',
  0x0a: 'saut de ligne',
  0x0b: 'tabulation verticale',
  0x0c: 'saut de page',
  0x0d: 'retour chariot',
  0x1b: 'échappement',
  0x7f: 'suppression',
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

/** `U+000B` for 11. */
export const codePointLabel = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first forbidden character of `value`, or undefined. `multiline`: the text may span lines
 * (a body, a summary, a comment), so tab, line feed and CRLF are allowed in it.
 */
export function trapCharacter(value: string, multiline = false): TrapCharacter | undefined {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    let bad = false;
    if (code < 0x20) {
      const allowed = multiline && (code === 0x09 || code === 0x0a || (code === 0x0d && value.charCodeAt(i + 1) === 0x0a));
      bad = !allowed;
    } else if (code >= 0x7f && code <= 0x9f) bad = true;
    else if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) bad = true;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return { index: i, code: codePointLabel(code), name: 'moitié de caractère isolée : substitut UTF-16 sans sa paire' };
      continue;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return { index: i, code: codePointLabel(code), name: 'moitié de caractère isolée : substitut UTF-16 sans sa paire' };
    }
    if (bad) return { index: i, code: codePointLabel(code), name: NAMES[code] ?? 'caractère de contrôle invisible' };
  }
  return undefined;
}

/**
 * The French message for a forbidden character: what it is, where in the text, what to do.
 * "caractère invisible interdit : tabulation verticale (U+000B), 12ᵉ caractère ; …"
 */
export function trapMessage(trap: TrapCharacter, value: string): string {
  const before = value.slice(Math.max(0, trap.index - 20), trap.index).replace(/\s+/g, ' ');
  const where = before.trim() === '' ? 'au début du texte' : `après « ${before.trimStart()} »`;
  return (
    `caractère invisible interdit (${trap.code}, ${trap.name}) ${where} ; ` +
    'retapez ce passage (un copier-coller depuis un PDF, une page web ou un tableur en apporte souvent)'
  );
}
