import { z } from 'astro/zod';
import { themeList } from './themes.ts';
import { audienceList } from './audiences.ts';
import { printedLabel, printedNumber, slug, text, multilineText, sourceNotes } from './common.ts';

/** Kinds of item that sit at the action level, with their French labels. */
export const ACTION_KINDS = {
  action: 'Action',
  mesure: 'Mesure',
  engagement: 'Engagement',
} as const;

/** A status code of the convention's own scale (checked against it at build). */
const statusCode = text;

/** Dates as the source prints them ("2022", "2nd sem. 2022"). */
const printedDates = z.strictObject({ done: text.optional(), due: text.optional() });

export const actionSchema = z.strictObject({
  /** Identifier of the convention. */
  convention: slug,
  /** Number of the axis, as printed. */
  axis: printedNumber,
  /** Number of the objective within the axis, as printed; absent where the source lists the item directly under the axis. */
  objective: printedNumber.optional(),
  /** "action", "mesure" (an unnumbered measure) or "engagement" (a lettered commitment of an article). */
  kind: z.enum(Object.keys(ACTION_KINDS) as [keyof typeof ACTION_KINDS]),
  /** Number as printed ("12"); unique within the convention. Absent only when the source gives none. */
  number: printedNumber.optional(),
  /** Position in the source document (1, 2, 3…); unique within the convention. Drives order and previous/next. */
  order: z.number().int().positive(),
  label: printedLabel,
  /** Sub-heading the source prints above this item inside its axis ("Rendre plus attractives les perspectives de carrière"). */
  group: text.optional(),
  /** Short title: the opening words of the wording. */
  title: text,
  /** Full wording, exactly as printed. */
  wording: multilineText,
  /** Text the source adds as an extension of the action ("Homogénéiser les pratiques régionales (cf. action 7.2)"). */
  extension: multilineText.optional(),
  /** true when the source marks the action as new ("Nouveauté"). */
  novelty: z.boolean().optional(),
  /** Numbers of other actions of the same convention the source refers to ("cf. 6.1-6.14" → 6.1 … 6.14). */
  seeAlso: z.array(printedNumber).optional(),
  /**
   * Status per review round of the document (its `rounds`), oldest first: a code of the
   * document's status scale ("R", "PR", "EC", "NR"), with what the round said of it. The current
   * status is the latest round's; an action absent from a round was not reviewed in it.
   */
  statuses: z
    .array(
      z.strictObject({
        round: slug,
        status: statusCode,
        /** The round's comment on the action. */
        comment: multilineText.optional(),
        /** What shows the status (a figure, a document), as the round gives it. */
        evidence: text.optional(),
      }),
    )
    .optional(),
  /** The round at which the action was withdrawn, or merged into another action of the document (its number). */
  withdrawn: z.strictObject({ round: slug, mergedInto: printedNumber.optional(), note: text.optional() }).optional(),
  /** Ordered sub-items (a., b., c.), each may carry its own status and dates. */
  subItems: z
    .array(z.strictObject({ letter: text, text: multilineText, status: statusCode.optional(), dates: printedDates.optional() }))
    .optional(),
  /** Bodies responsible, as printed ("RH", "DISC"). */
  responsible: z.array(text).optional(),
  /** Done and due dates, as printed. */
  dates: printedDates.optional(),
  /** Free notes from the source: "non contractualisé", "financé exclusivement par l'Inserm". */
  /** Shared themes (src/model/themes.ts), one or more: ["apprentissage", "recrutement-integration"]. */
  themes: themeList,
  /** Whom the action is for or who must act (src/model/audiences.ts), one or more. */
  audience: audienceList,
  notes: z.array(text).optional(),
  sourceNotes,
});

export type Action = z.infer<typeof actionSchema>;
