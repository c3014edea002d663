import { z } from 'astro/zod';
import { slug, text, multilineText } from './common.ts';
import { foreignPhrases, language } from './languages.ts';

/**
 * A term or acronym of the sources (content/glossaire/<id>.mdx). The first occurrence of the term
 * on each page is marked with <abbr> and linked to its entry; the entry has its own page.
 */
export const glossarySchema = z.strictObject({
  /** The term as the documents print it: "RQTH", "ESAT", "Emploi accompagné". */
  term: text.meta({ title: 'Terme' }),
  /** What the acronym stands for, as the documents (or the law) spell it out; absent for plain terms. */
  expansion: text.optional().meta({ title: 'Forme développée' }),
  /** A plain-French definition, one to three sentences, understandable without the acronym. */
  definition: multilineText.meta({ title: 'Définition' }),
  /** Other printed forms to recognise as the same term ("R.Q.T.H.", "ESAT" for "Esat"). */
  variants: z.array(text).optional().meta({ title: 'Autres graphies' }),
  /**
   * Whether the term (and its variants) is only recognised with this exact case. Default: true,
   * applied by the site code (the schema keeps the field absent); `default` starts a new entry with it.
   */
  caseSensitive: z.boolean().optional().meta({
    title: 'Respecter la casse',
    description: 'Coché : le terme n’est reconnu qu’écrit exactement ainsi.',
    default: true,
  }),
  /** Ids of related glossary entries. */
  seeAlso: z.array(slug).optional().meta({ title: 'Voir aussi' }),
  /**
   * The language of the term when it is not French ("en" for "HR Excellence in Research"; one of
   * LANGUAGES): the term and its variants, with the case rule above, get `lang` wherever the site
   * prints them (RGAA 8.7). Absent for French terms, acronyms and proper names.
   */
  lang: language.optional().meta({
    title: 'Langue du terme',
    description:
      'Seulement pour un terme dans une autre langue (« HR Excellence in Research ») : il est alors lu dans cette langue partout où il est écrit. Vide pour un terme français, un sigle ou un nom propre.',
  }),
  /** Expressions in another language in the expansion or the definition ("European Research Council"). */
  foreignPhrases,
});
