import { z } from 'astro/zod';
import { themeList } from './themes.ts';
import { audienceList } from './audiences.ts';
import {
  conventionId,
  itemNumber,
  notes,
  position,
  printedLabel,
  printedNumber,
  slug,
  text,
  multilineText,
  sourceNotes,
} from './common.ts';
import { evidenceList } from './evidence.ts';
import { indicators } from './indicator.ts';

/** Kinds of item that sit at the action level, with their French labels. */
export const ACTION_KINDS = {
  action: 'Action',
  mesure: 'Mesure',
  engagement: 'Engagement',
} as const;

/** A status code of the convention's own scale (checked against it at build). */
const statusCode = text;

/** Dates as the source prints them ("2022", "2nd sem. 2022"). */
const printedDates = z
  .strictObject({
    done: text.optional().meta({ title: 'Date de réalisation', description: 'Telle qu’imprimée : « 2022 », « 2nd sem. 2022 ».' }),
    due: text.optional().meta({ title: 'Échéance', description: 'Telle qu’imprimée : « 2nd sem. 2022 ».' }),
  })
  .meta({ title: 'Dates' });

export const actionSchema = z.strictObject({
  convention: conventionId,
  axis: printedNumber.meta({ title: 'Axe' }),
  /** Number of the objective within the axis, as printed; absent where the source lists the item directly under the axis. */
  objective: printedNumber
    .optional()
    .meta({ title: 'Objectif', description: 'Vide quand le document place l’action directement sous l’axe.' }),
  /** "action", "mesure" (an unnumbered measure) or "engagement" (a lettered commitment of an article). */
  kind: z.enum(Object.keys(ACTION_KINDS) as [keyof typeof ACTION_KINDS]).meta({
    title: 'Type',
    description: 'Action, mesure (mesure non numérotée) ou engagement (engagement lettré d’un article).',
  }),
  /** Number as printed ("12"); unique within the convention. Absent only when the source gives none. */
  number: itemNumber.optional(),
  /** Position in the source document (1, 2, 3…); unique within the convention. Drives order and previous/next. */
  order: position,
  label: printedLabel,
  /** Sub-heading the source prints above this item inside its axis ("Rendre plus attractives les perspectives de carrière"). */
  group: text.optional().meta({ title: 'Intertitre' }),
  title: text.meta({ title: 'Titre court', description: 'Les premiers mots du libellé.' }),
  wording: multilineText.meta({ title: 'Libellé complet', description: 'Exactement comme imprimé.' }),
  /** Text the source adds as an extension of the action ("Homogénéiser les pratiques régionales (cf. action 7.2)"). */
  extension: multilineText.optional().meta({ title: 'Prolongement' }),
  /** true when the source marks the action as new ("Nouveauté"). */
  novelty: z.boolean().optional().meta({ title: 'Nouveauté' }),
  /** Numbers of other actions of the same convention the source refers to ("cf. 6.1-6.14" → 6.1 … 6.14). */
  seeAlso: z
    .array(printedNumber)
    .optional()
    .meta({ title: 'Voir aussi (numéros d’actions)', description: 'Numéros d’autres actions du même document.' }),
  /**
   * Status per review round of the document (its `rounds`), oldest first: a code of the
   * document's status scale ("R", "PR", "EC", "NR"), with what the round said of it. The current
   * status is the latest round's; an action absent from a round was not reviewed in it.
   */
  statuses: z
    .array(
      z.strictObject({
        round: slug.meta({ title: 'Bilan', description: 'Identifiant d’un bilan du document.' }),
        status: statusCode.meta({ title: 'Statut', description: 'Un code de l’échelle du document (« R », « EC »…).' }),
        comment: multilineText.optional().meta({ title: 'Commentaire', description: 'Ce que le bilan dit de l’action.' }),
        evidence: evidenceList.optional().meta({
          title: 'Justificatifs',
          description:
            'Ce qui atteste le statut : une adresse web, une page du site ou un fichier publié avec le site, chacun avec son titre.',
        }),
      }),
    )
    .optional()
    .meta({ title: 'Statuts par bilan', description: 'Un par bilan du document, du plus ancien au plus récent.' }),
  /** Figures the action follows (src/model/indicator.ts): their ids are unique in the whole document. */
  indicators,
  /** The round at which the action was withdrawn, or merged into another action of the document (its number). */
  withdrawn: z
    .strictObject({
      round: slug.meta({ title: 'Bilan du retrait', description: 'Identifiant d’un bilan du document.' }),
      mergedInto: printedNumber.optional().meta({ title: 'Fusionnée dans l’action n°', description: 'Numéro de l’action qui la reprend.' }),
      note: text.optional().meta({ title: 'Note sur le retrait', description: 'Ce que le document dit du retrait.' }),
    })
    .optional()
    .meta({ title: 'Retrait' }),
  /** Ordered sub-items (a., b., c.), each may carry its own status and dates. */
  subItems: z
    .array(
      z.strictObject({
        letter: text.meta({ title: 'Lettre' }),
        text: multilineText.meta({ title: 'Texte' }),
        status: statusCode.optional().meta({ title: 'Statut', description: 'Un code de l’échelle du document.' }),
        dates: printedDates.optional(),
      }),
    )
    .optional()
    .meta({ title: 'Points (a., b., c.)' }),
  responsible: z
    .array(text)
    .optional()
    .meta({ title: 'Responsables', description: 'Services ou personnes responsables, tels qu’imprimés (« RH », « DISC »).' }),
  dates: printedDates.optional(),
  /** Shared themes (src/model/themes.ts), one or more: ["apprentissage", "recrutement-integration"]. */
  themes: themeList,
  /** Whom the action is for or who must act (src/model/audiences.ts), one or more. */
  audience: audienceList,
  /** Free notes from the source: "non contractualisé", "financé exclusivement par l'Inserm". */
  notes,
  sourceNotes,
});

export type Action = z.infer<typeof actionSchema>;
