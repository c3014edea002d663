import { z } from 'astro/zod';
import { SLUG_PATTERN } from './ids.ts';
import { textPattern, textPatternMessage, trapCharacter, trapMessage } from './characters.ts';

/**
 * Issue 21: a field is described once, on its schema, in French: `.meta({ title, description })`
 * gives the label and the help that the form editor (scripts/editor/config.ts), the template
 * workbook (scripts/spreadsheet/template.ts) and the open-data Table Schema (src/open-data/export.ts)
 * show, all three read through the public `z.toJSONSchema` (src/model/fields.ts). The base
 * schemas below add what their check means (`patternMessage`, `multiline`): a schema made from
 * them with `.meta()` keeps it (zod's registry merges a clone's metadata over its parent's).
 * An English comment on a field says only what the French help does not: where a value must be
 * unique, what the site does with it, which rule checks it.
 */

/** What a format check says when it fails, also shown as the field's format where the help says nothing else. */
const DATE_MESSAGE = 'date attendue au format AAAA, AAAA-MM ou AAAA-MM-JJ (par exemple 2023-11-16)';
const FULL_DATE_MESSAGE = 'date attendue au format AAAA-MM-JJ (par exemple 2026-11-23)';
const SLUG_MESSAGE = 'identifiant attendu en minuscules, chiffres et tirets (par exemple inserm-fiphfp-2023-2026)';
const NUMBER_MESSAGE = 'numéro attendu tel qu\'imprimé dans la source, entre guillemets (par exemple "12" ou "1.2")';

/** Whether a `AAAA-MM-JJ` text is a day of the calendar (no 30 February); other texts are left to the format check. */
const inCalendar = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return true;
  const t = new Date(`${d}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || t.toISOString().startsWith(d);
};
const NOT_IN_CALENDAR = { error: "cette date n'existe pas dans le calendrier" };

/** A date as printed by the source, at the precision it gives: `2023`, `2023-11` or `2023-11-16`. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { error: DATE_MESSAGE })
  .refine(inCalendar, NOT_IN_CALENDAR)
  .meta({ patternMessage: DATE_MESSAGE });

/** A whole calendar date, `2026-11-23`: a day that exists (no 30 February). */
export const fullDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: FULL_DATE_MESSAGE })
  // zod runs the refinement even when the format check failed: a text that is no date at all
  // ("30/11/2026") is left to that check's message instead of throwing "Invalid time value".
  .refine(inCalendar, NOT_IN_CALENDAR)
  .meta({ patternMessage: FULL_DATE_MESSAGE });

/** An identifier usable in a URL: lower-case letters, digits and hyphens. */
export const slug = z.string().regex(SLUG_PATTERN, { error: SLUG_MESSAGE }).meta({ patternMessage: SLUG_MESSAGE });

/** A number exactly as the source prints it: "12", "1.2", "6". */
export const printedNumber = z
  .string()
  .regex(/^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$/, { error: NUMBER_MESSAGE })
  .meta({ patternMessage: NUMBER_MESSAGE });

/**
 * Non-empty text, trimmed, free of invisible traps (issue 19, src/model/characters.ts). The check
 * is a pattern so that the form editor gets the very same one (scripts/editor/config.ts reads the
 * schemas' patterns); its message, computed from the value, names the character and where it is
 * (without a value, `patternMessage`, it says what is allowed). It reads the trimmed text, the
 * one the site publishes: a stray line feed at the end of a value is dropped, not refused.
 */
const cleanText = (multiline: boolean) =>
  z
    .string()
    .trim()
    .min(1, { error: 'texte vide : ce champ doit être rempli' })
    .regex(textPattern(multiline), {
      error: (issue) => {
        const value = issue.input;
        const trap = typeof value === 'string' ? trapCharacter(value, multiline) : undefined;
        return trap ? trapMessage(trap, value as string) : textPatternMessage(multiline);
      },
    })
    .meta({ patternMessage: textPatternMessage(multiline), ...(multiline ? { multiline: true } : {}) });

/** Non-empty text on one line (a title, a label, a name): no tab, no line break. */
export const text = cleanText(false);

/**
 * Non-empty text that may span several lines (a wording, a summary, a comment, a definition): tab
 * and line feed allowed. The form editor gives it a text area (scripts/editor/config.ts reads
 * `multiline` in its JSON Schema).
 */
export const multilineText = cleanText(true);

/** Whether a text field may span several lines (built from `multilineText`; its clones keep the flag). */
export const isMultiline = (schema: z.ZodType): boolean => schema.meta()?.multiline === true;

/**
 * Honest remarks about the source itself (a missing heading, an empty article, a broken table of
 * contents). Shown to readers in a "Note sur le document source" box.
 */
export const sourceNotes = z.array(text).optional().meta({
  title: 'Notes sur le document source',
  description: 'Lacunes ou particularités de la source, affichées aux lecteurs.',
});

/** The label exactly as printed, when it differs from the document's pattern ("Article premier"). */
export const printedLabel = text.optional().meta({
  title: 'Libellé imprimé',
  description: 'Seulement s’il diffère du modèle du document (« Article premier »).',
});

/** The document an entry belongs to: its identifier (file name without extension). */
export const conventionId = slug.meta({
  title: 'Document',
  description: 'Le document (convention, plan, circulaire) auquel cet élément appartient.',
});

/** An entry's number as printed ("12", "1.2", "II"). */
export const itemNumber = printedNumber.meta({
  title: 'Numéro',
  description: 'Tel qu’imprimé dans le document : « 12 », « 1.2 », « II ».',
});

/** Position of an entry in its document (1, 2, 3…): drives order and previous/next. */
export const position = z
  .number()
  .int()
  .positive()
  .meta({ title: 'Position dans le document', description: '1, 2, 3… : fixe l’ordre d’affichage ; unique dans le document.' });

/** Remarks the source makes about the entry itself: "non contractualisé", "financé exclusivement par l'Inserm". */
export const notes = z.array(text).optional().meta({ title: 'Remarques du document' });

/** The MDX body of every entry, which no schema holds: its label and help in the form editor. */
export const BODY_META = {
  title: 'Texte',
  description:
    'Texte libre du fichier, en Markdown : ni script, ni code, ni contenu venu d’un autre site (docs/referents.md, « Ce qu’un corps de texte peut contenir »).',
};
