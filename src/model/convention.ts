import { z } from 'astro/zod';
import { STATUS_KEYS } from './statuses.ts';
import { fullDate, partialDate, position, slug, text, multilineText, sourceNotes } from './common.ts';
import { foreignPhrases } from './languages.ts';
import { indicators } from './indicator.ts';

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

/** Where a number must be unique: in the whole document, in its axis, or in its objective; with their French labels. */
export const NUMBERING_LABELS = {
  document: 'Dans tout le document',
  axis: 'Dans chaque axe (premier niveau)',
  objective: 'Dans chaque objectif (deuxième niveau)',
} as const;
export const NUMBERING_SCOPES = keysOf(NUMBERING_LABELS);

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

/** How a document names one level of its structure; `examples` are words documents use for it. */
const level = (key: keyof typeof GENERIC_LEVELS, title: string, examples: string) =>
  z
    .strictObject({
      /** Singular noun, capitalised: "Axe", "Thème", "Article". */
      singular: text.meta({
        title: 'Nom au singulier',
        description: `Le mot du document pour ce niveau, avec une majuscule (${examples}). Il donne aussi le nom des pages.`,
      }),
      /** Plural noun, capitalised: "Axes", "Thèmes", "Articles". */
      plural: text.meta({ title: 'Nom au pluriel', description: 'Le même mot au pluriel.' }),
      /** How a number is printed; `{n}` is replaced by the number: "Action n°{n}", "{n}". */
      label: text
        .refine((s) => s.includes('{n}'), { error: 'le modèle doit contenir {n} à la place du numéro' })
        .meta({
          title: 'Modèle de numéro',
          description: `Comment le document imprime un numéro : {n} tient la place du numéro (« ${GENERIC_LEVELS[key].singular} n°{n} », « {n} »).`,
        }),
      /** Where numbers restart (actions only): "document" (default), "axis" or "objective". */
      numbering: z
        .enum(NUMBERING_SCOPES)
        .optional()
        .meta({ title: 'Numérotation', description: 'Où la numérotation recommence ; vide : dans tout le document.' }),
    })
    .meta({ title });

/**
 * A review round (bilan) of the document: when the statuses of its actions were assessed. Each
 * action gives its status per round (`statuses` in src/model/action.ts).
 */
const round = z
  .strictObject({
    /** Identifier, unique in the document: "bilans-2023-2025", "evaluation-interne-2022". */
    id: slug.meta({ title: 'Identifiant', description: 'Minuscules, chiffres et tirets (« bilan-2026 ») ; unique dans le document.' }),
    /** Name as the document words it: "Bilans 2023, 2024 et 2025 de la convention". */
    label: text.meta({ title: 'Libellé', description: 'Le nom du bilan tel que le document le dit (« Bilan 2026 »).' }),
    /** When it took place, at the precision the source gives: "2022-03". */
    date: partialDate.optional().meta({
      title: 'Date',
      description:
        'Quand le bilan a eu lieu, à la précision que donne la source : AAAA, AAAA-MM ou AAAA-MM-JJ ; une date ou une période au moins.',
    }),
    /** Or the period it covers, as printed: "2023-2025". */
    period: text
      .optional()
      .meta({ title: 'Période couverte', description: 'Telle qu’imprimée (« 2023-2025 ») ; une date ou une période au moins.' }),
    /** What the source says of it, briefly. */
    note: text.optional().meta({ title: 'Note', description: 'Ce que la source dit du bilan, en bref.' }),
  })
  .refine((r) => r.date !== undefined || r.period !== undefined, {
    error: 'un bilan donne sa date (date) ou la période qu’il couvre (period)',
    path: ['date'],
  })
  .meta({ title: 'Bilan' });

export type Round = z.infer<typeof round>;

const dated = (title: string) => partialDate.optional().meta({ title });

export const conventionSchema = z
  .strictObject({
    title: text.meta({ title: 'Titre', description: 'Le titre complet, tel qu’imprimé sur la couverture.' }),
    /** Short title for breadcrumbs, page titles and tables: "Plan Inserm 2023-2026". */
    shortTitle: text.meta({
      title: 'Titre court',
      description:
        'Pour le fil d’Ariane, les titres de page et les tableaux (par exemple « Plan handicap CNRS 2027-2029 ») ; unique sur le site.',
    }),
    kind: z.enum(keysOf(CONVENTION_KINDS)).meta({ title: 'Type de document' }),
    issuer: text.meta({ title: 'Émetteur', description: 'Le service ou l’organisme qui publie le document.' }),
    /** Official reference, as printed: "NOR JUSG0460111C", "Circulaire DAGE 2004-21". */
    reference: text.optional().meta({
      title: 'Référence officielle',
      description: 'La référence imprimée, par exemple « NOR JUSG0460111C » ou « Circulaire DAGE 2004-21 ».',
    }),
    /** Dated milestones of the document's life, as printed ("Première soumission"). */
    milestones: z
      .array(z.strictObject({ date: partialDate.meta({ title: 'Date' }), label: text.meta({ title: 'Jalon' }) }))
      .optional()
      .meta({ title: 'Jalons' }),
    /** Parties and signatories, each with its role (one of PARTY_ROLES). */
    parties: z
      .array(
        z.strictObject({
          name: text.meta({ title: 'Nom' }),
          role: z.enum(keysOf(PARTY_ROLES)).meta({ title: 'Rôle' }),
          /** Person who signs or represents the party, as printed. */
          representative: text.optional().meta({ title: 'Représentant ou signataire' }),
        }),
      )
      .min(1)
      .meta({ title: 'Parties et signataires' }),
    /** Key dates, at the precision the source gives. */
    dates: z
      .strictObject({
        signed: dated('Date de signature'),
        inForce: dated('Date d’entrée en vigueur'),
        end: dated('Date de fin'),
        extendedTo: dated('Prorogé jusqu’au'),
      })
      .meta({ title: 'Dates clés' }),
    summary: multilineText.meta({
      title: 'Résumé',
      description: 'Une ou deux phrases qui disent ce qu’est le document (page d’accueil, recherche).',
    }),
    levels: z
      .strictObject({
        axis: level('axis', 'Premier niveau (axe, thème, section…)', 'Axe, Thème, Section'),
        objective: level('objective', 'Deuxième niveau (objectif, article…)', 'Objectif, Article'),
        action: level('action', 'Troisième niveau (action, engagement…)', 'Action, Engagement, Mesure'),
      })
      .meta({ title: 'Mots du document pour ses niveaux' }),
    /** The document's status scale: its codes, their legend as printed, and the shared status they mean. Absent when the document follows no status. */
    statusScale: z
      .array(
        z.strictObject({
          /** Code printed in the source: "R", "PR". */
          code: text.meta({ title: 'Code', description: 'Tel qu’imprimé : « R », « PR », « En cours ».' }),
          /** Legend as printed: "Objectif réalisé". */
          legend: text.meta({ title: 'Légende' }),
          /** Shared status (one of STATUS_KEYS). */
          status: z.enum(STATUS_KEYS).meta({ title: 'Statut commun' }),
          /**
           * Share of completion (0 to 100) the publisher gives this status, to show an overall
           * progress; without it for every status of the scale, no overall percentage is shown.
           */
          completion: z
            .number()
            .min(0)
            .max(100)
            .optional()
            .meta({ title: 'Part de réalisation (%)', description: 'De 0 à 100 ; à donner pour chaque code, ou pour aucun.' }),
        }),
      )
      .optional()
      .meta({ title: 'Échelle de statuts', description: 'Les codes du document, leur légende et le statut commun qu’ils veulent dire.' }),
    /** Review rounds (bilans), oldest first. The current status of an action is the latest round's. */
    rounds: z.array(round).optional().meta({ title: 'Bilans', description: 'Du plus ancien au plus récent.' }),
    /** Figures the document as a whole follows (src/model/indicator.ts); its actions may declare their own. */
    indicators,
    published: fullDate.meta({ title: 'Date de publication sur le site' }),
    /** Updates after publication, oldest first: date and a short note ("Bilan 2026 : statuts mis à jour"). */
    updates: z
      .array(z.strictObject({ date: fullDate.meta({ title: 'Date' }), note: text.meta({ title: 'Note' }) }))
      .optional()
      .meta({ title: 'Mises à jour', description: 'Ajoutez-en une à la fin à chaque modification.' }),
    /** The document of this site this one replaces (renewed convention, new plan). */
    replaces: slug.optional().meta({ title: 'Document remplacé' }),
    /** The document of this site that replaces this one. */
    replacedBy: slug.optional().meta({ title: 'Remplacé par' }),
    source: z
      .strictObject({
        file: text.meta({
          title: 'Document source (nom du fichier)',
          description: 'Le fichier d’où le texte est repris (par exemple plan-handicap-2027.pdf).',
        }),
        note: text.optional().meta({ title: 'Note sur la source' }),
      })
      .meta({ title: 'Source' }),
    /** Position on the home page (smallest first): 1, 2, 3… */
    order: position.meta({ title: 'Position sur la page d’accueil', description: 'Le plus petit en premier.' }),
    sourceNotes,
    /**
     * Expressions in another language that the fields of the document's entries print (titles,
     * wordings: "Serious Game"); marked wherever the site prints them, the document's items being
     * listed on other pages too (themes, table of all actions). A body marks its own with <span lang>.
     */
    foreignPhrases,
  })
  .meta({ title: 'Document' });

export type Convention = z.infer<typeof conventionSchema>;
export { slug };
