import { z } from 'astro/zod';
import { text, multilineText } from './common.ts';

/** Organisations (bodies) and roles (functions people hold). */
export const ORGANISATION_KINDS = {
  organisation: { label: 'Organisme', plural: 'Organismes' },
  role: { label: 'Rôle', plural: 'Rôles' },
} as const;

/**
 * An organisation (Inserm, FIPHFP…) or a role (référent handicap, médecin de prévention…),
 * content/organisations/<id>.mdx. Its page lists the documents, actions and procedures whose
 * text names it, found through `names`.
 */
export const organisationSchema = z.strictObject({
  kind: z.enum(Object.keys(ORGANISATION_KINDS) as [keyof typeof ORGANISATION_KINDS]).meta({ title: 'Organisme ou rôle' }),
  /** Full name: "Fonds pour l'insertion des personnes handicapées dans la fonction publique". */
  name: text.meta({ title: 'Nom complet' }),
  /** Short name shown in lists: "FIPHFP"; defaults to the name. */
  shortName: text.optional().meta({ title: 'Nom court', description: 'Affiché dans les listes ; vide : le nom complet.' }),
  /**
   * Every form under which the documents name it, matched as whole words, ignoring case and
   * accents: ["FIPHFP", "Fonds pour l'insertion des personnes handicapées dans la fonction publique"].
   */
  names: z
    .array(text)
    .min(1)
    .meta({ title: 'Formes du nom dans les documents', description: 'Toutes les graphies à reconnaître dans les textes.' }),
  /** One or two sentences: what it is and what it does in these documents. */
  description: multilineText.meta({ title: 'Description' }),
});
