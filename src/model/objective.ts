import { z } from 'astro/zod';
import { printedNumber, slug, text, sourceNotes } from './common.ts';

export const objectiveSchema = z.strictObject({
  /** Identifier of the convention. */
  convention: slug,
  /** Number of the parent axis, as printed ("3"). */
  axis: printedNumber,
  /** Number as printed ("1"); unique within its axis. */
  number: printedNumber,
  /** Title as printed. */
  title: text,
  sourceNotes,
});

export type Objective = z.infer<typeof objectiveSchema>;
