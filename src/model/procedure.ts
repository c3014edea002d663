import { z } from 'astro/zod';
import { themeList } from './themes.ts';
import { conventionId, itemNumber, position, slug, text, multilineText, sourceNotes } from './common.ts';

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
  /** Ordered steps. */
  steps: z
    .array(
      z.strictObject({
        title: text.meta({ title: 'Étape' }),
        actor: text.optional().meta({ title: 'Qui agit' }),
        /** When or within what delay, as printed ("dans un délai de 3 mois"). */
        when: text.optional().meta({ title: 'Quand, dans quel délai' }),
        text: multilineText.optional().meta({ title: 'Texte' }),
      }),
    )
    .min(1)
    .meta({ title: 'Étapes' }),
  documents: z.array(text).optional().meta({ title: 'Pièces à réunir' }),
  /** Legal references, as printed ("décret n° 95-979 du 25 août 1995"). */
  legalReferences: z.array(text).optional().meta({ title: 'Références juridiques' }),
  sourceNotes,
});

export type Procedure = z.infer<typeof procedureSchema>;
