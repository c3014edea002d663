import { z } from 'astro/zod';
import { conventionId, itemNumber, printedLabel, printedNumber, text, sourceNotes } from './common.ts';

/** An objective (or article…): its MDX body holds its own text, shown on its axis page. */
export const objectiveSchema = z.strictObject({
  convention: conventionId,
  /** Number of the parent axis, as printed ("3"). */
  axis: printedNumber.meta({ title: 'Axe' }),
  /** Number as printed ("1"); unique within its axis. */
  number: itemNumber,
  /** Title as printed; for an untitled article, its subject in the source's words. */
  title: text.meta({ title: 'Titre' }),
  label: printedLabel,
  sourceNotes,
});

export type Objective = z.infer<typeof objectiveSchema>;
