import { z } from 'astro/zod';
import { STATUS_KEYS } from './statuses.ts';
import { fullDate, partialDate, slug, text, multilineText, sourceNotes } from './common.ts';
import { foreignPhrases } from './languages.ts';

/** Kinds of document, with their French labels. */
export const CONVENTION_KINDS = {
  convention: 'Convention',
  'plan-actions': "Plan d'actions",
  circulaire: 'Circulaire',
} as const;

/** Roles a party plays in a document, with their French labels. */
export const PARTY_ROLES = {
  employeur: 'Employeur',
  financeur: 'Financeur',
  signataire: 'Signataire',
  partenaire: 'Partenaire',
  emetteur: 'Émetteur',
} as const;

const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Where a number must be unique: in the whole document, in its axis, or in its objective. */
export const NUMBERING_SCOPES = ['document', 'axis', 'objective'] as const;

/**
 * The model's own words for the three levels, which its types and folders are named after (axes,
 * objectives, actions). A document that names its levels otherwise ("Section", "Article",
 * "Engagement") must never see these words in its URLs (tests/build/urls.test.ts).
 */
export const GENERIC_LEVELS = {
  axis: { singular: 'Axe', plural: 'Axes' },
  objective: { singular: 'Objectif', plural: 'Objectifs' },
  action: { singular: 'Action', plural: 'Actions' },
} as const;

/** How a document names one level of its structure. */
const level = z.strictObject({
  /** Singular noun, capitalised: "Axe", "Thème", "Article". */
  singular: text,
  /** Plural noun, capitalised: "Axes", "Thèmes", "Articles". */
  plural: text,
  /** How a number is printed; `{n}` is replaced by the number: "Action n°{n}", "{n}". */
  label: text.refine((s) => s.includes('{n}'), { error: 'le modèle doit contenir {n} à la place du numéro' }),
  /** Where numbers restart (actions only): "document" (default), "axis" or "objective". */
  numbering: z.enum(NUMBERING_SCOPES).optional(),
});

/**
 * A review round (bilan) of the document: when the statuses of its actions were assessed. Each
 * action gives its status per round (`statuses` in src/model/action.ts).
 */
const round = z
  .strictObject({
    /** Identifier, unique in the document: "bilans-2023-2025", "evaluation-interne-2022". */
    id: slug,
    /** Name as the document words it: "Bilans 2023, 2024 et 2025 de la convention". */
    label: text,
    /** When it took place, at the precision the source gives: "2022-03". */
    date: partialDate.optional(),
    /** Or the period it covers, as printed: "2023-2025". */
    period: text.optional(),
    /** What the source says of it, briefly. */
    note: text.optional(),
  })
  .refine((r) => r.date !== undefined || r.period !== undefined, {
    error: 'un bilan donne sa date (date) ou la période qu’il couvre (period)',
    path: ['date'],
  });

export type Round = z.infer<typeof round>;

export const conventionSchema = z.strictObject({
  /** Full title as printed on the cover. */
  title: text,
  /** Short title for breadcrumbs, page titles and tables: "Plan Inserm 2023-2026". */
  shortTitle: text,
  /** Kind of document: one of CONVENTION_KINDS. */
  kind: z.enum(keysOf(CONVENTION_KINDS)),
  /** Body that issues the document (service, direction). */
  issuer: text,
  /** Official reference, as printed: "NOR JUSG0460111C", "Circulaire DAGE 2004-21". */
  reference: text.optional(),
  /** Dated milestones of the document's life, as printed ("Première soumission"). */
  milestones: z.array(z.strictObject({ date: partialDate, label: text })).optional(),
  /** Parties and signatories, each with its role (one of PARTY_ROLES). */
  parties: z
    .array(
      z.strictObject({
        name: text,
        role: z.enum(keysOf(PARTY_ROLES)),
        /** Person who signs or represents the party, as printed. */
        representative: text.optional(),
      }),
    )
    .min(1),
  /** Key dates, at the precision the source gives. */
  dates: z.strictObject({
    signed: partialDate.optional(),
    inForce: partialDate.optional(),
    end: partialDate.optional(),
    extendedTo: partialDate.optional(),
  }),
  /** One or two sentences saying what the document is, for the home page and search. */
  summary: multilineText,
  /** The document's own words for its three levels. */
  levels: z.strictObject({ axis: level, objective: level, action: level }),
  /** The document's status scale: its codes, their legend as printed, and the shared status they mean. Absent when the document follows no status. */
  statusScale: z
    .array(
      z.strictObject({
        /** Code printed in the source: "R", "PR". */
        code: text,
        /** Legend as printed: "Objectif réalisé". */
        legend: text,
        /** Shared status (one of STATUS_KEYS). */
        status: z.enum(STATUS_KEYS),
        /**
         * Share of completion (0 to 100) the publisher gives this status, to show an overall
         * progress; without it for every status of the scale, no overall percentage is shown.
         */
        completion: z.number().min(0).max(100).optional(),
      }),
    )
    .optional(),
  /** Review rounds (bilans), oldest first. The current status of an action is the latest round's. */
  rounds: z.array(round).optional(),
  /** Date of publication on this site. */
  published: fullDate,
  /** Updates after publication, oldest first: date and a short note ("Bilan 2026 : statuts mis à jour"). */
  updates: z.array(z.strictObject({ date: fullDate, note: text })).optional(),
  /** The document of this site this one replaces (renewed convention, new plan). */
  replaces: slug.optional(),
  /** The document of this site that replaces this one. */
  replacedBy: slug.optional(),
  /** Source document this transcription comes from. */
  source: z.strictObject({ file: text, note: text.optional() }),
  /** Position on the home page (smallest first): 1, 2, 3… */
  order: z.number().int().positive(),
  sourceNotes,
  /**
   * Expressions in another language that the fields of the document's entries print (titles,
   * wordings: "Serious Game"); marked wherever the site prints them, the document's items being
   * listed on other pages too (themes, table of all actions). A body marks its own with <span lang>.
   */
  foreignPhrases,
});

export type Convention = z.infer<typeof conventionSchema>;
export { slug };
