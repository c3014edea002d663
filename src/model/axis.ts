import { z } from 'astro/zod';
import { printedLabel, printedNumber, slug, text, sourceNotes } from './common.ts';

/** An axis (or theme, section…): its MDX body holds its own text (constat, objectives as printed). */
export const axisSchema = z.strictObject({
  /** Identifier of the convention this axis belongs to (its file name without extension). */
  convention: slug,
  /** Number as printed ("1"); unique within the convention. */
  number: printedNumber,
  /** Title, in sentence case, same words as the source. */
  title: text,
  label: printedLabel,
  /** Section (file name in content/sections/<convention>/) the axis is printed in, if any: "article-3". */
  section: slug.optional(),
  /** Remarks the source makes about the axis itself: "non contractualisé", "financé exclusivement par l'Inserm". */
  notes: z.array(text).optional(),
  sourceNotes,
});

export type Axis = z.infer<typeof axisSchema>;
