import { z } from 'astro/zod';
import { printedLabel, printedNumber, slug, text, sourceNotes } from './common.ts';

/** An objective (or article…): its MDX body holds its own text, shown on its axis page. */
export const objectiveSchema = z.strictObject({
  /** Identifier of the convention. */
  convention: slug,
  /** Number of the parent axis, as printed ("3"). */
  axis: printedNumber,
  /** Number as printed ("1"); unique within its axis. */
  number: printedNumber,
  /** Title as printed; for an untitled article, its subject in the source's words. */
  title: text,
  label: printedLabel,
  sourceNotes,
});

export type Objective = z.infer<typeof objectiveSchema>;
