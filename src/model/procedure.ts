import { z } from 'astro/zod';
import { themeList } from './themes.ts';
import { printedNumber, slug, text, multilineText, sourceNotes } from './common.ts';

/**
 * A procedure (recruitment by contract, workstation adaptation…): ordered steps with who acts and
 * when, the documents to gather, the actors and the legal references. The MDX body holds any
 * further text as printed (a worked example, a note).
 */
export const procedureSchema = z.strictObject({
  /** Identifier of the convention. */
  convention: slug,
  /** File name of the section of the document the procedure belongs to ("partie-1"). */
  section: slug.optional(),
  /** Number as printed, if any. */
  number: printedNumber.optional(),
  /** Title, in the source's words. */
  title: text,
  /** One or two sentences saying what the procedure is for. */
  summary: multilineText,
  /** Position in the document (1, 2, 3…); unique within the convention's procedures. */
  order: z.number().int().positive(),
  /** Who the procedure is addressed to, as printed. */
  /** Shared themes (src/model/themes.ts), one or more. */
  themes: themeList,
  audience: z.array(text).optional(),
  /** Who takes part, with their role in the procedure. */
  actors: z.array(z.strictObject({ name: text, role: text.optional() })).optional(),
  /** Ordered steps. */
  steps: z
    .array(
      z.strictObject({
        /** What happens, in a few words. */
        title: text,
        /** Who acts. */
        actor: text.optional(),
        /** When or within what delay, as printed ("dans un délai de 3 mois"). */
        when: text.optional(),
        /** The source's text for this step. */
        text: multilineText.optional(),
      }),
    )
    .min(1),
  /** Documents to gather, as a checklist. */
  documents: z.array(text).optional(),
  /** Legal references, as printed ("décret n° 95-979 du 25 août 1995"). */
  legalReferences: z.array(text).optional(),
  sourceNotes,
});

export type Procedure = z.infer<typeof procedureSchema>;
