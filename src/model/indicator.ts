/**
 * Indicators (issue 24): a figure a document or one of its actions follows, with where it started
 * (baseline), where it should get (target) and its value at each review round of the document.
 * The field names are a contract: the exports and the workbook use them too. The checks a schema
 * cannot make alone (an id unique in the document, values at the document's rounds, one per
 * round) are in src/model/integrity.ts.
 */
import { z } from 'astro/zod';
import { partialDate, slug, text } from './common.ts';

/** Which way is progress, with its French label. */
export const INDICATOR_DIRECTIONS = {
  hausse: 'À la hausse (plus, c’est mieux)',
  baisse: 'À la baisse (moins, c’est mieux)',
} as const;

export type IndicatorDirection = keyof typeof INDICATOR_DIRECTIONS;

const NUMBER_ALLOWED = 'un nombre, sans guillemets ni unité, avec un point pour les décimales (par exemple 6.1 ; le tableur accepte 6,1)';

/**
 * A figure: a JS number in YAML (6.1). A text ("6,1", "6 %") is refused with what to write instead
 * (`allowed`, read by src/model/problems.ts).
 */
const figure = z.number().meta({ allowed: NUMBER_ALLOWED });

export const indicatorSchema = z
  .strictObject({
    id: slug.meta({
      title: 'Identifiant',
      description: 'Minuscules, chiffres et tirets (« taux-emploi ») ; unique dans le document et ses actions.',
    }),
    label: text.meta({ title: 'Libellé', description: 'Ce que l’indicateur mesure, avec les mots de la source.' }),
    unit: text.meta({ title: 'Unité', description: 'Texte libre : « % », « personnes », « € », « postes »…' }),
    direction: z
      .enum(Object.keys(INDICATOR_DIRECTIONS) as [IndicatorDirection, ...IndicatorDirection[]])
      .meta({ title: 'Sens du progrès', description: 'hausse : plus, c’est mieux ; baisse : moins, c’est mieux.' }),
    baseline: z
      .strictObject({
        value: figure.meta({ title: 'Valeur', description: 'Le chiffre de départ.' }),
        date: partialDate
          .optional()
          .meta({ title: 'Date', description: 'À la précision que donne la source : AAAA, AAAA-MM ou AAAA-MM-JJ.' }),
      })
      .optional()
      .meta({ title: 'Valeur de départ' }),
    target: z
      .strictObject({
        value: figure.meta({ title: 'Valeur', description: 'Le chiffre à atteindre.' }),
        date: partialDate
          .optional()
          .meta({ title: 'Échéance', description: 'Seulement si la source en donne une : AAAA, AAAA-MM ou AAAA-MM-JJ.' }),
        note: text.optional().meta({ title: 'Note', description: 'L’objectif tel que la source le dit (« au moins 6 % »).' }),
      })
      .optional()
      .meta({ title: 'Cible' }),
    values: z
      .array(
        z
          .strictObject({
            round: slug.meta({ title: 'Bilan', description: 'Identifiant d’un bilan du document ; une valeur par bilan au plus.' }),
            value: figure.meta({ title: 'Valeur', description: 'Le chiffre relevé à ce bilan.' }),
            source: text.optional().meta({ title: 'Source', description: 'D’où vient le chiffre (« Rapport social unique 2024 »).' }),
            note: text.optional().meta({ title: 'Note', description: 'Ce que le bilan dit du chiffre.' }),
          })
          .meta({ title: 'Valeur à un bilan' }),
      )
      .optional()
      .meta({ title: 'Valeurs par bilan', description: 'Une par bilan du document au plus.' }),
  })
  .meta({ title: 'Indicateur' });

export type Indicator = z.infer<typeof indicatorSchema>;

/** The `indicators` field of a document and of an action. */
export const indicators = z
  .array(indicatorSchema)
  .optional()
  .meta({ title: 'Indicateurs', description: 'Chiffres suivis : départ, cible et valeur à chaque bilan.' });
