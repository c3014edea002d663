import { z } from 'astro/zod';
import { themeList } from './themes.ts';
import { conventionId, itemNumber, position, slug, text, multilineText, sourceNotes } from './common.ts';

/** What a step and each of its sub-steps say: what to do, who, when, and the text as printed. */
const stepFields = {
  title: text.meta({ title: 'Étape' }),
  actor: text.optional().meta({ title: 'Qui agit' }),
  /** When or within what delay, as printed ("dans un délai de 3 mois"). */
  when: text.optional().meta({ title: 'Quand, dans quel délai' }),
  text: multilineText.optional().meta({ title: 'Texte' }),
  /** Written « (facultatif) » in words after the title: never shown by layout alone. */
  optional: z
    .boolean()
    .optional()
    .meta({ title: 'Facultative', description: 'Cochez si la source dit que cette étape peut être omise (« s’il le souhaite »…).' }),
};

/** One of the "ou" possibilities or "et" parts of a step: shown under it, one heading level lower. */
const subStepSchema = z.strictObject(stepFields).meta({ title: 'Sous-étape' });

/**
 * The pages a step concerns (issue 23, point 3): each of them says « Fait partie de : ‹procédure›,
 * étape n » before its content, and links back to the step. References within the same document,
 * checked by src/model/integrity.ts.
 */
const stepLinks = {
  actions: z
    .array(itemNumber)
    .optional()
    .meta({ title: 'Actions concernées', description: 'Numéros des actions du même document que cette étape concerne : « 12 ».' }),
  sections: z.array(slug).optional().meta({
    title: 'Parties du document concernées',
    description: 'Noms de fichier des parties (articles, chapitres) du même document que cette étape concerne : « article-3 ».',
  }),
  glossary: z.array(slug).optional().meta({
    title: 'Termes du glossaire concernés',
    description: 'Noms de fichier des termes du glossaire que cette étape concerne : « cotorep ».',
  }),
};

/** A numbered step: possibly made of possibilities (« ou ») or of parts all to do (« et »). */
export const stepSchema = z
  .strictObject({
    ...stepFields,
    alternatives: z.array(subStepSchema).min(2).optional().meta({
      title: 'Possibilités (ou)',
      description: 'Deux possibilités ou plus, dont une seule s’applique : la page les relie par « ou », sous l’étape.',
    }),
    together: z.array(subStepSchema).min(2).optional().meta({
      title: 'Parties à mener ensemble (et)',
      description: 'Deux actions ou plus, toutes à mener dans cette étape : la page les relie par « et », sous l’étape.',
    }),
    ...stepLinks,
  })
  .refine((s) => s.alternatives === undefined || s.together === undefined, {
    error:
      'une étape a soit des possibilités (alternatives, reliées par « ou »), soit des parties à mener ensemble (together, reliées par « et »), pas les deux : gardez l’un des deux champs, ou faites deux étapes',
  });

export type Step = z.infer<typeof stepSchema>;
export type SubStep = z.infer<typeof subStepSchema>;

/**
 * A procedure (recruitment by contract, workstation adaptation…): ordered steps with who acts and
 * when, the documents to gather, the actors and the legal references. The MDX body holds any
 * further text as printed (a worked example, a note).
 */
export const procedureSchema = z.strictObject({
  convention: conventionId,
  /** File name of the section of the document the procedure belongs to ("partie-1"). */
  section: slug.optional().meta({ title: 'Partie du document', description: 'Nom du fichier de la partie : « partie-1 ».' }),
  /** Number as printed, if any. */
  number: itemNumber.optional(),
  /** Title, in the source's words. */
  title: text.meta({ title: 'Titre' }),
  summary: multilineText.meta({ title: 'Résumé', description: 'Une ou deux phrases qui disent à quoi sert la procédure.' }),
  /** Position in the document (1, 2, 3…); unique within the convention's procedures. */
  order: position,
  /** Shared themes (src/model/themes.ts), one or more. */
  themes: themeList,
  /** Who the procedure is addressed to, as printed. */
  audience: z.array(text).optional().meta({ title: 'Destinataires' }),
  /** Who takes part, with their role in the procedure. */
  actors: z
    .array(z.strictObject({ name: text.meta({ title: 'Nom' }), role: text.optional().meta({ title: 'Rôle' }) }))
    .optional()
    .meta({ title: 'Acteurs' }),
  /** Ordered steps, numbered on the page in this order. */
  steps: z.array(stepSchema).min(1).meta({ title: 'Étapes' }),
  documents: z.array(text).optional().meta({ title: 'Pièces à réunir' }),
  /** Legal references, as printed ("décret n° 95-979 du 25 août 1995"). */
  legalReferences: z.array(text).optional().meta({ title: 'Références juridiques' }),
  sourceNotes,
});

export type Procedure = z.infer<typeof procedureSchema>;
