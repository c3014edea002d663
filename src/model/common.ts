import { z } from 'astro/zod';
import { SLUG_PATTERN } from './ids.ts';
import { textPattern, textPatternMessage, trapCharacter, trapMessage } from './characters.ts';

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
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    error: 'date attendue au format AAAA, AAAA-MM ou AAAA-MM-JJ (par exemple 2023-11-16)',
  })
  .refine(inCalendar, NOT_IN_CALENDAR);

/** A whole calendar date, `2026-11-23`: a day that exists (no 30 February). */
export const fullDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'date attendue au format AAAA-MM-JJ (par exemple 2026-11-23)' })
  // zod runs the refinement even when the format check failed: a text that is no date at all
  // ("30/11/2026") is left to that check's message instead of throwing "Invalid time value".
  .refine(inCalendar, NOT_IN_CALENDAR);

/** An identifier usable in a URL: lower-case letters, digits and hyphens. */
export const slug = z.string().regex(SLUG_PATTERN, {
  error: 'identifiant attendu en minuscules, chiffres et tirets (par exemple inserm-fiphfp-2023-2026)',
});

/** A number exactly as the source prints it: "12", "1.2", "6". */
export const printedNumber = z.string().regex(/^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$/, {
  error: 'numéro attendu tel qu\'imprimé dans la source, entre guillemets (par exemple "12" ou "1.2")',
});

/**
 * Non-empty text, trimmed, free of invisible traps (issue 19, src/model/characters.ts). The check
 * is a pattern so that the form editor gets the very same one (scripts/editor/config.ts reads the
 * schemas' patterns); its message, computed from the value, names the character and where it is
 * (called without a value, by the editor, it says what is allowed). It reads the trimmed text, the
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
    });

/** Non-empty text on one line (a title, a label, a name): no tab, no line break. */
export const text = cleanText(false);

/**
 * Non-empty text that may span several lines (a wording, a summary, a comment, a definition): tab
 * and line feed allowed. The form editor gives it a text area (scripts/editor/config.ts reads
 * `multiline` through `isMultiline`).
 */
export const multilineText = cleanText(true).meta({ multiline: true });

/** Whether a text field may span several lines (built from `multilineText`). */
export const isMultiline = (schema: z.ZodType): boolean => schema.meta()?.multiline === true;

/**
 * Honest remarks about the source itself (a missing heading, an empty article, a broken table of
 * contents). Shown to readers in a "Note sur le document source" box.
 */
export const sourceNotes = z.array(text).optional();

/** The label exactly as printed, when it differs from the document's pattern ("Article premier"). */
export const printedLabel = text.optional();
