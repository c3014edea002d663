import { z } from 'astro/zod';
import { partialDate, text } from './common.ts';
import { ContentError, problemFromIssue } from './problems.ts';
import { DEFAULT_LICENCE, LICENCE_KEYS } from './licences.ts';

/** RGAA conformity levels, with the wording the law requires in the footer and the declaration. */
export const CONFORMITY = {
  non: 'non conforme',
  partiellement: 'partiellement conforme',
  totalement: 'totalement conforme',
} as const;

/**
 * What the publisher fills once (src/config.ts): the site's name, the publishing body, and the
 * facts of its accessibility declaration (RGAA 4.1, model of the declaration by the DINUM).
 */
export const siteSchema = z.strictObject({
  /** Name shown in the header and at the end of every page title. */
  name: text,
  /** One sentence under the name on the home page. */
  tagline: text,
  /** Body that publishes the site ("Inserm — Département des ressources humaines"). */
  organisation: text,
  accessibility: z
    .strictObject({
      /** "non", "partiellement" or "totalement" (conforme). Without an audit, the law says "non". */
      conformity: z.enum(Object.keys(CONFORMITY) as [keyof typeof CONFORMITY]),
      /** Date of the last audit; absent when none has been made. */
      auditDate: partialDate.optional(),
      /** Who audited ("audit interne", "cabinet X"). */
      auditor: text.optional(),
      /** Share of RGAA criteria met, in %, from the audit. */
      rate: z.number().min(0).max(100).optional(),
      /** Date the declaration was written or last updated. */
      declarationDate: partialDate,
      /** Content known not to be accessible, with the reason. */
      nonAccessible: z.array(text),
      /** Content exempt from the obligation (disproportionate burden, out of scope), with the reason. */
      exemptions: z.array(text),
      /** Pages audited. */
      pagesAudited: z.array(text),
      /** Ways to reach the publisher for an accessible alternative: e-mail, form address, postal address. */
      contact: z
        .strictObject({ email: text.optional(), form: text.optional(), postal: text.optional() })
        .refine((c) => c.email || c.form || c.postal, { error: 'au moins un moyen de contact est obligatoire (RGAA)' }),
    })
    .check((ctx) => {
      // The level follows from the audit (RGAA 4.1, obligations): 100 % → totalement, 50 % or more →
      // partiellement, less or no audit → non.
      const { conformity, rate, auditDate } = ctx.value;
      const expected = rate === undefined || !auditDate ? 'non' : rate === 100 ? 'totalement' : rate >= 50 ? 'partiellement' : 'non';
      if (conformity !== expected) {
        ctx.issues.push({
          code: 'custom',
          input: conformity,
          path: ['conformity'],
          message:
            rate === undefined || !auditDate
              ? `sans audit (auditDate et rate), le site est « non » conforme — valeur attendue : « ${expected} »`
              : `avec un taux de ${rate} %, le niveau est « ${expected} » (100 % : totalement ; 50 % ou plus : partiellement ; moins : non)`,
        });
      }
    }),
  /**
   * Licence of the open data (donnees/): one of LICENCE_KEYS (src/model/licences.ts), "etalab-2.0"
   * (Licence Ouverte 2.0) when not set. Printed on the data page and in every schema and the data package.
   */
  licence: z.enum(LICENCE_KEYS).default(DEFAULT_LICENCE),
  legal: z.strictObject({
    /** Publisher's full name and address. */
    publisher: text,
    /** Director of publication (name or function). */
    director: text,
    /** Host's name and address. */
    host: text,
  }),
});

export type Site = z.infer<typeof siteSchema>;

/** Validates the publisher's settings; a problem stops the build with the usual French report. */
export function parseSite(input: unknown, file = 'src/config.ts'): Site {
  const result = siteSchema.safeParse(input, { error: z.locales.fr().localeError });
  if (!result.success) throw new ContentError(result.error.issues.map((issue) => problemFromIssue(file, issue, input, siteSchema)));
  return result.data;
}
