import { z } from 'astro/zod';
import { conventionId, itemNumber, position, printedLabel, slug, text, sourceNotes } from './common.ts';

/** Kinds of free-text part of a document, with their French labels. */
export const SECTION_KINDS = {
  preambule: 'Préambule',
  contexte: 'Contexte',
  visas: 'Visas',
  considerants: 'Considérants',
  article: 'Article',
  partie: 'Partie',
  chapitre: 'Chapitre',
  annexe: 'Annexe',
  signataires: 'Signataires',
  abreviations: 'Abréviations',
  note: 'Note',
} as const;

/**
 * A free-text part of a document (preamble, article, annex, part of a circular…), with its own
 * page. The MDX body holds the text as printed.
 */
export const sectionSchema = z.strictObject({
  convention: conventionId,
  kind: z.enum(Object.keys(SECTION_KINDS) as [keyof typeof SECTION_KINDS]).meta({ title: 'Type de partie' }),
  /** Number as printed ("6", "II", "2"), if any. */
  number: itemNumber.optional(),
  /** Title as printed, in sentence case. */
  title: text.meta({ title: 'Titre' }),
  label: printedLabel,
  /** Position in the document (1, 2, 3…); unique within the convention. */
  order: position,
  /** File name of the enclosing section, for a chapter inside a part. */
  parent: slug.optional().meta({ title: 'Partie parente', description: 'Nom du fichier de la partie qui contient celle-ci.' }),
  /** Who this part is addressed to, as printed ("gestionnaires", "chefs de service"). */
  audience: text.optional().meta({ title: 'Destinataires' }),
  sourceNotes,
});

export type Section = z.infer<typeof sectionSchema>;
