import { z } from 'astro/zod';
import { partialDate, text } from './common.ts';
import { ContentError, problemFromIssue, type Problem } from './problems.ts';
import { DEFAULT_LICENCE, LICENCE_KEYS } from './licences.ts';
import { HEX_COLOUR, THEME_NAMES, accentShortfalls, nearestAccent, type Shortfall, type Theme } from './palette.ts';
import { readLogo, type LogoSize } from './logo.ts';

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
/** Where each colour of a pair is drawn, for the messages on the accent colour. */
const DRAWN: Record<string, string> = {
  'accent/fond': 'sur le fond des pages',
  'accent/fond-doux': 'sur le fond des encadrés',
  'sur-accent/accent': 'sous le texte des boutons',
};
const ratio = (r: number) => `${r.toFixed(1).replace('.', ',')}:1`;

/** Why an accent colour is refused in a theme, and the nearest one that would pass. */
function accentMessage(theme: Theme, colour: string, failing: Shortfall[]): string {
  const where = failing.map((p) => `${DRAWN[`${p.fg}/${p.bg}`]} (${ratio(p.ratio)})`).join(', ');
  const nearest = nearestAccent(theme, colour);
  return (
    `la couleur d’accent du thème ${THEME_NAMES[theme]}, ${colour}, manque de contraste ${where} : il faut au moins 4,5:1, ` +
    `pour le texte des liens comme pour le contour qui montre le focus (RGAA 3.2 et 3.3)` +
    (nearest ? ` ; la plus proche de même teinte qui convient est ${nearest}` : '')
  );
}

/** The accent of one theme: a colour written `#rrggbb`, held to 4.5:1 where the theme draws it. */
const accentOf = (theme: Theme) =>
  z
    .string()
    .regex(HEX_COLOUR, { error: 'une couleur s’écrit « # » suivi de six chiffres hexadécimaux : « #1f3a93 »' })
    .check((ctx) => {
      if (!HEX_COLOUR.test(ctx.value)) return;
      const failing = accentShortfalls(theme, ctx.value);
      if (failing.length > 0) ctx.issues.push({ code: 'custom', input: ctx.value, message: accentMessage(theme, ctx.value, failing) });
    });

export const siteSchema = z.strictObject({
  /** Name shown in the header and at the end of every page title. */
  name: text,
  /** One sentence under the name on the home page. */
  tagline: text,
  /** Body that publishes the site ("Inserm — Département des ressources humaines"). */
  organisation: text,
  /**
   * The publishing body as the header shows it, apart from the site's name: its name, its logo
   * (a file of public/, SVG or PNG, with the text it carries), and its accent colour for each
   * theme, refused when too pale (or too dark) to read.
   */
  identity: z.strictObject({
    /** Short name ("Inserm", "Ministère de la Justice"). */
    name: text,
    logo: z.strictObject({ file: text, alt: text }).optional(),
    accent: z.strictObject({ light: accentOf('light'), dark: accentOf('dark') }).optional(),
  }),
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
      /** Pages of the audit sample, printed in the declaration only when given (an empty list prints no heading). */
      pagesAudited: z.array(text).default([]),
      /**
       * Ways to reach the publisher for an accessible alternative: e-mail, form address, postal address;
       * or, for a demonstration that nobody answers for, a note saying so in true words (issue 20).
       */
      contact: z
        .strictObject({ email: text.optional(), form: text.optional(), postal: text.optional(), note: text.optional() })
        .refine((c) => c.email || c.form || c.postal || c.note, { error: 'au moins un moyen de contact est obligatoire (RGAA)' }),
    })
    .check((ctx) => {
      // The level follows from the audit (RGAA 4.1, obligations): 100 % → totalement, 50 % or more →
      // partiellement, less or no audit → non.
      const { conformity, rate, auditDate, pagesAudited } = ctx.value;
      // The sample is the audit's: listing pages "verified" with no audit would be a false statement.
      if (pagesAudited.length > 0 && !auditDate) {
        ctx.issues.push({
          code: 'custom',
          input: pagesAudited,
          path: ['pagesAudited'],
          message: 'des pages auditées sans date d’audit (auditDate) : videz la liste (pagesAudited: []) ou donnez la date de l’audit',
        });
      }
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
  /**
   * A draft build (issue 20): every page says « Version de travail » in a banner, and values still
   * holding a placeholder (« à renseigner ») are accepted. A setting in this file rather than an
   * environment variable, so that the state of the site is written where its values are, seen in
   * review, and cannot be left on by a forgotten variable of a build server.
   */
  draft: z.boolean().default(false),
  legal: z.strictObject({
    /** Publisher's full name and address. */
    publisher: text,
    /** Director of publication (name or function). */
    director: text,
    /** Host's name and address. */
    host: text,
  }),
});

type Settings = z.infer<typeof siteSchema>;
/** The settings, the logo's size read from its file. */
/**
 * The report that stops the build: it names each field, so a stack trace under it would only bury
 * it (Astro prints none for an error whose stack is empty).
 */
function report(problems: Problem[]): ContentError {
  const error = new ContentError(problems);
  error.stack = '';
  return error;
}

export type Site = Omit<Settings, 'identity'> & {
  identity: Omit<Settings['identity'], 'logo'> & { logo?: NonNullable<Settings['identity']['logo']> & LogoSize };
};

/**
 * What betrays a value left as the starter wrote it (scripts/starter/blank-site.ts): « à renseigner »,
 * the name of this file, or an address on a domain reserved for examples (RFC 2606).
 */
const PLACEHOLDER = /[àa][ -]renseigner|src\/config\.ts|@example\.(?:org|com|net)\b/i;

/** Every string of the settings that still holds a placeholder, with its dotted field name. */
export function placeholders(value: unknown, field = ''): { field: string; value: string }[] {
  if (typeof value === 'string') return PLACEHOLDER.test(value) ? [{ field, value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholders(v, `${field}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => placeholders(v, field ? `${field}.${k}` : k));
  }
  return [];
}

/**
 * Validates the publisher's settings; a problem stops the build with the usual French report. A
 * value still holding a placeholder stops it too, unless the site is built as a draft (`draft: true`):
 * an unfinished sentence must never reach a public page.
 */
export function parseSite(input: unknown, file = 'src/config.ts', root = process.cwd()): Site {
  const result = siteSchema.safeParse(input, { error: z.locales.fr().localeError });
  if (!result.success) throw report(result.error.issues.map((issue) => problemFromIssue(file, issue, input, siteSchema)));
  const { logo, ...identity } = result.data.identity;
  const reading = logo ? readLogo(root, logo.file) : undefined;
  if (reading && 'problem' in reading) {
    throw report([{ file, field: 'identity.logo.file', value: logo!.file, message: reading.problem, allowed: reading.allowed }]);
  }
  if (!result.data.draft) {
    const found = placeholders(result.data);
    if (found.length > 0) {
      throw report(
        found.map(({ field, value }) => ({
          file,
          field,
          value,
          message: 'valeur à remplacer avant de publier : elle contient encore un texte provisoire',
          allowed:
            'le texte définitif ; ou « draft: true » dans src/config.ts pour construire une version de travail, marquée comme telle sur chaque page',
        })),
      );
    }
  }
  return { ...result.data, identity: { ...identity, ...(logo && reading ? { logo: { ...logo, ...reading.size } } : {}) } };
}
