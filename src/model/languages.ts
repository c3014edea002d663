import { z } from 'astro/zod';
import { text } from './common.ts';

/**
 * Languages a passage of the content may be marked in (RGAA 8.7, WCAG 3.1.2): BCP 47 primary
 * language tags, with their French names. A closed list, so that a typing slip ("eng", "EN",
 * "anglais") is refused rather than published as a language no screen reader knows. French, the
 * language of every page (`<html lang="fr">`), is not in it: a passage is only marked when it
 * differs. Proper names and foreign words adopted in French (« e-learning », « nota bene »,
 * « flyer ») are not marked either (RGAA 8.7, note).
 */
export const LANGUAGES = {
  en: 'anglais',
  de: 'allemand',
  es: 'espagnol',
  it: 'italien',
  pt: 'portugais',
  nl: 'néerlandais',
  la: 'latin',
} as const;

export type LanguageKey = keyof typeof LANGUAGES;
export const LANGUAGE_KEYS = Object.keys(LANGUAGES) as [LanguageKey, ...LanguageKey[]];

/** The codes with their names, for messages: "en (anglais), de (allemand)…". */
export const LANGUAGE_LIST = LANGUAGE_KEYS.map((k) => `${k} (${LANGUAGES[k]})`).join(', ');

/** A language of the closed list. */
export const language = z.enum(LANGUAGE_KEYS);

/**
 * Expressions in another language that fields of the content print (titles, wordings,
 * definitions: plain text, where no markup can say it). Each occurrence, with the case written
 * here, gets `lang` wherever the site prints it (src/page-pass/foreign.ts); in a body, write
 * `<span lang="en">…</span>` instead.
 */
export const foreignPhrases = z
  .array(
    z.strictObject({
      /** The expression exactly as the content writes it: "Serious Game". */
      text: text.meta({ title: 'Expression', description: 'Mêmes majuscules, mots entiers.' }),
      /** Its language: one of LANGUAGES. */
      lang: language.meta({ title: 'Langue' }),
    }),
  )
  .optional()
  .meta({
    title: 'Expressions dans une autre langue',
    description:
      'Recopiez chaque expression telle qu’elle est écrite dans un titre, un libellé ou une définition (« Serious Game ») : elle est lue dans sa langue partout où le site l’affiche. Dans le texte libre, écrivez <span lang="en">…</span>.',
  });
