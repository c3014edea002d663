import { z } from 'astro/zod';
import { slug, text, multilineText } from './common.ts';
import { foreignPhrases, language } from './languages.ts';

/**
 * A term or acronym of the sources (content/glossaire/<id>.mdx). The first occurrence of the term
 * on each page is marked with <abbr> and linked to its entry; the entry has its own page.
 */
export const glossarySchema = z.strictObject({
  /** The term as the documents print it: "RQTH", "ESAT", "Emploi accompagné". */
  term: text,
  /** What the acronym stands for, as the documents (or the law) spell it out; absent for plain terms. */
  expansion: text.optional(),
  /** A plain-French definition, one to three sentences, understandable without the acronym. */
  definition: multilineText,
  /** Other printed forms to recognise as the same term ("R.Q.T.H.", "ESAT" for "Esat"). */
  variants: z.array(text).optional(),
  /** Whether the term (and its variants) is only recognised with this exact case. Default: true. */
  caseSensitive: z.boolean().optional(),
  /** Ids of related glossary entries. */
  seeAlso: z.array(slug).optional(),
  /**
   * The language of the term when it is not French ("en" for "HR Excellence in Research"; one of
   * LANGUAGES): the term and its variants, with the case rule above, get `lang` wherever the site
   * prints them (RGAA 8.7). Absent for French terms, acronyms and proper names.
   */
  lang: language.optional(),
  /** Expressions in another language in the expansion or the definition ("European Research Council"). */
  foreignPhrases,
});
