/**
 * The page pass's placement rules, written once: for an element and the place its parent stands
 * in, what the pass does with the element (scope its ids, wrap it in a scroll region) and what the
 * text below it may receive (counted, terms and "cf." marked, passages in another language marked).
 * Both walkers of ./pass.ts (the one over parse5's nodes, which copies what does not change, and the
 * one over a hast tree) read the element's facts and ask `placement`; neither decides on its own.
 *
 * Which text counts is the rule of ./mentions.ts (the same as the glossary and organisation
 * listings): text in <main> outside elements marked `data-sans-glossaire`. Placement is a further
 * choice made here only: a term is not marked, and "cf." not linked, inside a link, a heading, an
 * existing abbreviation, a form control's label or code (a link inside a link is invalid, and a
 * heading keeps its plain words); the next occurrence in running text is marked instead.
 */
import { outsideTextTag } from './mentions.ts';

/** Where a term is not marked (see above): placement, not the text rule. */
const NO_MARK = new Set([
  'a',
  'abbr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'button',
  'label',
  'summary',
  'caption',
  'code',
  'pre',
  'textarea',
  'select',
  'option',
  'svg',
  'title',
]);

/**
 * Where no language mark goes: text that is not read as such (scripts, styles, templates), that
 * may hold no element (a form control's options, a text area, an SVG or MathML title).
 */
const NO_LANGUAGE = new Set([
  'script',
  'style',
  'template',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'title',
  'svg',
  'math',
]);

/** Where the walk stands below an element: what the pass may do there. */
export interface Place {
  /** The text here counts under the text rule (./mentions.ts). */
  counted: boolean;
  /** Terms may be marked and "cf." linked here. */
  markable: boolean;
  /** Passages in another language may be marked here. */
  foreign: boolean;
  /**
   * The page's structure may change (ids scoped, tables wrapped): false on pages made of lists and
   * in the lists ending a page, which get the language marks alone.
   */
  structure: boolean;
  /** Directly inside a scroll region (a `section.tableau`): a table here is wrapped already. */
  inRegion: boolean;
}

/** What the rules read of an element, whichever tree it comes from. */
export interface ElementFacts {
  tagName: string;
  /** Its `data-prefixe-ids`, when it has one. */
  prefixIds?: string;
  /** Its `data-decalage-titres`, when it has one. */
  shiftHeadings?: string;
  /** It carries `data-sans-glossaire` (./mentions.ts `NOT_TEXT_ATTRIBUTE`). */
  notText: boolean;
  /** It says its own language (`lang`). */
  hasLang: boolean;
  /** It is a scroll region (`section.tableau`, src/components/ScrollRegion.astro). */
  scrollRegion: boolean;
}

/** What the pass does with one element, and where its content stands. */
export interface Placement {
  /** Every id below it takes this prefix, and its headings move down `shift` levels. */
  scope?: { prefix: string; shift: number };
  /** A bare table: wrapped in a scroll region. */
  wrap: boolean;
  /** Where its content stands. */
  inside: Place;
}

/** Where the content of a page's <main> stands: all of it, or the language marks alone. */
export function mainPlace(languageOnly: boolean): Place {
  return { counted: !languageOnly, markable: !languageOnly, foreign: true, structure: !languageOnly, inRegion: false };
}

/** Whether a text at `place` may change at all. */
export const textChanges = (place: Place): boolean => place.markable || place.foreign;

/** The rule table: for an element at `place` (its parent's), what the pass does and where its content stands. */
export function placement(element: ElementFacts, place: Place): Placement {
  const { tagName } = element;
  const counted = place.counted && !outsideTextTag(tagName, element.notText);
  return {
    scope:
      place.structure && element.prefixIds !== undefined
        ? { prefix: element.prefixIds, shift: Number(element.shiftHeadings ?? 0) }
        : undefined,
    wrap: place.structure && tagName === 'table' && !place.inRegion,
    inside: {
      counted,
      markable: counted && place.markable && !NO_MARK.has(tagName),
      foreign: place.foreign && !NO_LANGUAGE.has(tagName) && !element.hasLang,
      structure: place.structure,
      inRegion: element.scrollRegion,
    },
  };
}
