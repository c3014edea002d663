/**
 * The numbers Word and LibreOffice display before list paragraphs, computed from the numbering
 * definitions (issue 22): what general converters lose (mammoth.js #479, #306: continued lists
 * restart at 1, "1.2.3" becomes "1."), and what a plan's actions are named by. Pure: the readers
 * (./docx.ts, ./odt.ts) read the definitions and walk the paragraphs; this module only counts.
 */

/** Formats a counter value as Word's `w:numFmt` or ODF's `style:num-format` says. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'none':
    case '':
      return '';
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'lowerLetter':
    case 'a':
      return letters(value);
    case 'upperLetter':
    case 'A':
      return letters(value).toUpperCase();
    case 'lowerRoman':
    case 'i':
      return roman(value).toLowerCase();
    case 'upperRoman':
    case 'I':
      return roman(value);
    default:
      // decimal, "1", and the formats a plan does not use (ordinals, words, Asian counting): digits.
      return String(value);
  }
}

/** a, b… z, then aa, bb… zz, then aaa: Word's and LibreOffice's default letter sequence. */
function letters(value: number): string {
  if (value < 1) return String(value);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(value: number): string {
  if (value < 1 || value >= 4000) return String(value);
  let text = '';
  for (const [n, symbol] of ROMAN) {
    while (value >= n) {
      text += symbol;
      value -= n;
    }
  }
  return text;
}

/**
 * Word's symbol-font bullets are private-use characters (U+F0B7 in Symbol is "•"): shown as the
 * character they draw, so that the report and the recogniser see a bullet, not a blank box.
 */
const SYMBOL_BULLETS: Record<string, string> = {
  '\uf0b7': '•',
  '\uf0a7': '▪',
  '\uf06e': '■',
  '\uf076': '❖',
  '\uf0d8': '➢',
  '\uf0fc': '✓',
  '\uf0a8': '◆',
  '\uf02d': '–',
  '\uf0e0': '➔',
};

/** The bullet as shown: a symbol-font character mapped, any other private-use character a "•". */
export function bulletText(text: string): string {
  const mapped = [...text].map((c) => SYMBOL_BULLETS[c] ?? (c >= '\ue000' && c <= '\uf8ff' ? '•' : c)).join('');
  return mapped.trim() === '' ? '•' : mapped;
}

/** A label computed for one paragraph. */
export interface Label {
  text: string;
  bullet: boolean;
}

// ---------------------------------------------------------------------------------------------
// Word (ECMA-376 part 1, §17.9)

/** One level of a Word list (`w:lvl`). */
export interface WordLevel {
  /** `w:start`, 0 allowed; 1 when absent (Word's default is 0, yet every list it writes says 1). */
  start: number;
  /** `w:numFmt`: decimal, lowerLetter, upperRoman, bullet, none… */
  format: string;
  /** `w:lvlText`: "%1.%2.", "%1)", or the bullet character. */
  text: string;
  /**
   * `w:lvlRestart` (1-based): the level restarts when a level above `restart` (0-based index below
   * it) advances; 0 never restarts. Absent: it restarts when any level above it advances.
   */
  restart?: number;
  /** `w:isLgl`: every number of the label in decimal ("1.1" under an "I." heading). */
  legal?: boolean;
}

/** One list instance (`w:num`): its abstract definition and its level overrides. */
export interface WordNum {
  abstract: string;
  /** Level index → its `w:startOverride` and/or a replacing `w:lvl`. */
  overrides: Map<number, { start?: number; level?: WordLevel }>;
}

/** The definitions of word/numbering.xml: `w:abstractNum` levels by id, `w:num` by id. */
export interface WordNumberingDefinitions {
  abstracts: Map<string, WordLevel[]>;
  nums: Map<string, WordNum>;
}

/**
 * Word's counters, walked paragraph by paragraph in document order. Counters belong to the
 * abstract definition, not to the `w:num`: two `w:num` of one abstract continue each other (as
 * Word shows them), unless a `w:num` restarts a level with a `w:startOverride`, which takes effect
 * on its first paragraph.
 */
export class WordCounters {
  readonly #definitions: WordNumberingDefinitions;
  /** Abstract id → the counter of each level (undefined: not started, its next value is its start). */
  readonly #counters = new Map<string, (number | undefined)[]>();
  readonly #seenNums = new Set<string>();

  constructor(definitions: WordNumberingDefinitions) {
    this.#definitions = definitions;
  }

  /** The level `ilvl` of list `numId` as it applies (the num's override, else the abstract's). */
  level(numId: string, ilvl: number): WordLevel | undefined {
    const num = this.#definitions.nums.get(numId);
    if (!num) return undefined;
    return num.overrides.get(ilvl)?.level ?? this.#definitions.abstracts.get(num.abstract)?.[ilvl];
  }

  #start(numId: string, ilvl: number): number {
    const num = this.#definitions.nums.get(numId);
    return num?.overrides.get(ilvl)?.start ?? this.level(numId, ilvl)?.start ?? 1;
  }

  /**
   * The label of the next paragraph of list `numId` at level `ilvl`, counting it; undefined when
   * the list does not exist (numId 0 is "no list" in Word) or its level is not defined.
   */
  next(numId: string, ilvl: number): Label | undefined {
    const num = this.#definitions.nums.get(numId);
    const level = this.level(numId, ilvl);
    if (!num || !level) return undefined;
    let counters = this.#counters.get(num.abstract);
    if (!counters) this.#counters.set(num.abstract, (counters = []));
    if (!this.#seenNums.has(numId)) {
      this.#seenNums.add(numId);
      // A startOverride restarts its level (and those below) where this list instance begins.
      const restarted = [...num.overrides].filter(([, o]) => o.start !== undefined).map(([i]) => i);
      if (restarted.length > 0) counters.length = Math.min(counters.length, Math.min(...restarted));
    }
    const current = counters[ilvl];
    counters[ilvl] = current === undefined ? this.#start(numId, ilvl) : current + 1;
    for (let deeper = ilvl + 1; deeper < counters.length; deeper++) {
      const restart = this.level(numId, deeper)?.restart ?? deeper;
      if (ilvl < restart) counters[deeper] = undefined;
    }
    if (level.format === 'bullet') return { text: bulletText(level.text), bullet: true };
    const text = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const index = Number(digit) - 1;
      const value = counters[index] ?? this.#start(numId, index);
      const format = this.level(numId, index)?.format ?? 'decimal';
      return formatNumber(value, level.legal && format !== 'none' ? 'decimal' : format);
    });
    return text.trim() === '' ? undefined : { text, bullet: false };
  }
}

// ---------------------------------------------------------------------------------------------
// OpenDocument (ODF 1.3 part 3, §16.32 list styles, §5.3 lists)

/** One level of an ODF list style (`text:list-level-style-number` or `-bullet`). */
export interface OdfLevel {
  /** `style:num-format`: "1", "a", "A", "i", "I", or "" (no number); absent for a bullet level. */
  format: string;
  prefix: string;
  suffix: string;
  /** `text:display-levels`: how many levels the label shows, this one included ("1.2.3" is 3). */
  displayLevels: number;
  /** `text:start-value`. */
  start: number;
  /** `text:bullet-char`, for a bullet level. */
  bullet?: string;
}

/** One list instance's counters: levels 0… (undefined: not started). */
export interface OdfList {
  counters: (number | undefined)[];
}

/**
 * LibreOffice's counters. Each top-level `text:list` is a new list, counted from its start,
 * unless it says `text:continue-list="id"` (continue that list) or
 * `text:continue-numbering="true"` (continue the last list of the same style).
 */
export class OdfCounters {
  readonly #byId = new Map<string, OdfList>();
  readonly #lastByStyle = new Map<string, OdfList>();
  /** The last list opened without an `xml:id`. */
  #lastUnnamed: OdfList | undefined;

  /**
   * The list instance a top-level `text:list` opens. A `continue-list` naming an id no list has is
   * taken to name the last list without an id: LibreOffice 7.4 writes such references (converting
   * a .docx whose two `w:num` share one definition, it continues the first list, whose id it does
   * not write).
   */
  open(style: string, options: { id?: string; continueList?: string; continueNumbering?: boolean }): OdfList {
    let continued: OdfList | undefined;
    if (options.continueList !== undefined) {
      continued = this.#byId.get(options.continueList) ?? this.#lastUnnamed;
      if (continued) this.#byId.set(options.continueList, continued);
    }
    if (!continued && options.continueNumbering) continued = this.#lastByStyle.get(style);
    const list = continued ?? { counters: [] };
    if (options.id !== undefined) this.#byId.set(options.id, list);
    else this.#lastUnnamed = list;
    this.#lastByStyle.set(style, list);
    return list;
  }

  /**
   * The label of the next numbered paragraph at `level` (0-based) of `list`, whose style gives
   * `levels`; `startValue` is a list item's own `text:start-value`, which restarts the count.
   * Undefined when the level shows nothing.
   */
  next(list: OdfList, levels: readonly (OdfLevel | undefined)[], level: number, startValue?: number): Label | undefined {
    const own = levels[level];
    const current = list.counters[level];
    list.counters[level] = startValue ?? (current === undefined ? (own?.start ?? 1) : current + 1);
    list.counters.length = level + 1;
    if (!own) return undefined;
    if (own.bullet !== undefined) return { text: bulletText(own.bullet), bullet: true };
    if (own.format === '') return own.prefix + own.suffix === '' ? undefined : { text: own.prefix + own.suffix, bullet: false };
    const first = Math.max(0, level - Math.max(1, own.displayLevels) + 1);
    const numbers: string[] = [];
    for (let i = first; i <= level; i++) {
      const format = levels[i]?.format ?? '1';
      // A level above shown with no number of its own (a bullet level) shows nothing, as LibreOffice does.
      if (levels[i]?.bullet !== undefined || format === '') continue;
      numbers.push(formatNumber(list.counters[i] ?? levels[i]?.start ?? 1, format));
    }
    return { text: `${own.prefix}${numbers.join('.')}${own.suffix}`, bullet: false };
  }
}
