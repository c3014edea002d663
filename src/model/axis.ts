import { z } from 'astro/zod';
import { printedNumber, slug, text, sourceNotes } from './common.ts';

export const axisSchema = z.strictObject({
  /** Identifier of the convention this axis belongs to (its file name without extension). */
  convention: slug,
  /** Number as printed ("1"); unique within the convention. */
  number: printedNumber,
  /** Title, in sentence case, same words as the source. */
  title: text,
  /** Remarks the source makes about the axis itself: "non contractualisé", "financé exclusivement par l'Inserm". */
  notes: z.array(text).optional(),
  sourceNotes,
});

export type Axis = z.infer<typeof axisSchema>;
