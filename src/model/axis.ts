import { z } from 'astro/zod';
import { conventionId, itemNumber, notes, printedLabel, slug, text, sourceNotes } from './common.ts';

/** An axis (or theme, section…): its MDX body holds its own text (constat, objectives as printed). */
export const axisSchema = z.strictObject({
  convention: conventionId,
  /** Number as printed ("1"); unique within the convention. */
  number: itemNumber,
  /** Title, in sentence case, same words as the source. */
  title: text.meta({ title: 'Titre' }),
  label: printedLabel,
  /** Section (file name in content/sections/<convention>/) the axis is printed in, if any: "article-3". */
  section: slug.optional().meta({ title: 'Section', description: 'Nom du fichier de la section où l’axe est imprimé : « article-3 ».' }),
  /** Remarks the source makes about the axis itself. */
  notes,
  sourceNotes,
});

export type Axis = z.infer<typeof axisSchema>;
