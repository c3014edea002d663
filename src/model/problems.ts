import { z } from 'astro/zod';
import { textAllowed, textPatternMultiline, visibleText } from './characters.ts';

/**
 * One thing wrong with the content, said so that the person who edits the file can fix it:
 * the file, the field, the bad value, what is allowed.
 */
export interface Problem {
  /** Path of the content file, relative to the project root. */
  file: string;
  /**
   * Line in the file, counted from its first line (the front matter's opening ---): where the field
   * is written (src/model/frontmatter.ts `lineOfField`), where the body goes wrong, or where the
   * YAML does not read. Absent for a field left out at the top, or a file name.
   */
  line?: number;
  /** Column in that line, when known (YAML syntax errors). */
  column?: number;
  /** Field in the front matter, dotted for nested ones: "parties.0.role". */
  field: string;
  /** What is wrong, in French. */
  message: string;
  /** The value found, when there is one. */
  value?: unknown;
  /** What would be accepted. */
  allowed?: string;
}

/**
 * A value as printed in a report: invisible characters (controls, tabs and line breaks included)
 * written as their code (`[U+000B]`, src/model/characters.ts), so that the référent sees where
 * they are, none of them reaches the terminal and each problem keeps its lines.
 */
const show = (value: unknown): string => {
  if (value === undefined) return '(absent)';
  if (typeof value === 'string') return `« ${visibleText(value)} »`;
  return visibleText(JSON.stringify(value));
};

const list = (values: readonly unknown[]): string => values.map((v) => String(v)).join(', ');

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'vrai ou faux (true/false)',
  array: 'une liste',
  object: 'un ensemble de champs',
};

/** The schema that validates the value at `path`, optional and default layers removed. */
function schemaAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): z.ZodType | undefined {
  const unwrap = (s: z.ZodType | undefined): z.ZodType | undefined =>
    s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault ? unwrap(s.unwrap() as z.ZodType) : s;
  let node = unwrap(schema);
  for (const key of path) {
    if (node instanceof z.ZodObject) node = unwrap(node.shape[String(key)] as z.ZodType | undefined);
    else if (node instanceof z.ZodArray) node = unwrap(node.element as z.ZodType);
    else return undefined;
  }
  return node;
}

/** The closed list of values a field takes (an enum, or a list of an enum's values), if it has one. */
function closedValues(schema: z.ZodType | undefined): { values: readonly unknown[]; many: boolean } | undefined {
  if (schema instanceof z.ZodEnum) return { values: schema.options, many: false };
  if (schema instanceof z.ZodArray && schema.element instanceof z.ZodEnum) return { values: schema.element.options, many: true };
  return undefined;
}

/**
 * What a schema says it takes, when its own checks carry no list (`.meta({ allowed })`: a figure is
 * a number written with a point, not "6,1"; an evidence file lies in public/justificatifs/).
 */
function allowedOf(schema: z.ZodType | undefined): string | undefined {
  const allowed = schema?.meta()?.allowed;
  return typeof allowed === 'string' ? allowed : undefined;
}
const withAllowed = (schema: z.ZodType | undefined) => {
  const allowed = allowedOf(schema);
  return allowed === undefined ? {} : { allowed };
};

/**
 * Turns one zod issue into a Problem, in French. Given the schema, a field with a closed list of
 * values (statuses, themes, audiences, kinds…) lists them in "valeurs permises" whatever went wrong.
 */
export function problemFromIssue(file: string, issue: z.core.$ZodIssue, data: unknown, schema?: z.ZodType): Problem {
  const field = issue.path.map(String).join('.') || '(en-tête)';
  const value = issue.path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );
  const target = schemaAt(schema, issue.path);
  const closed = closedValues(target);
  const choices = closed && `${closed.many ? 'une liste de valeurs parmi' : 'une valeur parmi'} : ${list(closed.values)}`;
  switch (issue.code) {
    case 'invalid_type': {
      const allowed = choices ?? allowedOf(target) ?? TYPE_NAMES[issue.expected] ?? issue.expected;
      if (value === undefined) return { file, field, message: 'champ obligatoire manquant', allowed };
      if (value === null) return { file, field, message: 'champ vide : une valeur est attendue après « : »', allowed };
      return { file, field, value, message: 'type de valeur incorrect', allowed };
    }
    case 'invalid_value':
      return { file, field, value, message: 'valeur non autorisée', allowed: list(issue.values) };
    case 'unrecognized_keys':
      return {
        file,
        field: issue.keys.join(', '),
        message: `champ inconnu (faute de frappe ?) : il serait ignoré, il est donc refusé`,
        allowed: 'les champs décrits dans src/model/ pour ce type de contenu',
      };
    case 'too_small':
      if (issue.origin === 'array') {
        // A list that needs more than one item (a step's « ou » possibilities: a single one is no choice).
        const min = Number(issue.minimum);
        const message =
          min > 1 ? `liste trop courte : au moins ${min} éléments sont attendus` : 'liste vide : au moins un élément est attendu';
        return { file, field, value, message, ...(choices ? { allowed: choices } : {}) };
      }
      if (issue.origin === 'number') {
        const min = Number(issue.minimum);
        const integer = target instanceof z.ZodNumber && target.isInt;
        const allowed =
          issue.inclusive || !integer
            ? `un nombre ${issue.inclusive ? 'supérieur ou égal à' : 'strictement supérieur à'} ${min}`
            : `un nombre entier à partir de ${min + 1}`;
        return { file, field, value, message: 'nombre trop petit', allowed };
      }
      return { file, field, value, message: issue.message };
    case 'too_big':
      if (issue.origin === 'number') {
        return {
          file,
          field,
          value,
          message: 'nombre trop grand',
          allowed: `un nombre ${issue.inclusive ? 'inférieur ou égal à' : 'strictement inférieur à'} ${Number(issue.maximum)}`,
        };
      }
      return { file, field, value, message: issue.message };
    case 'invalid_format':
      // A forbidden invisible character (src/model/common.ts): the message names it; say what the field takes.
      if (issue.format === 'regex') {
        const multiline = textPatternMultiline(issue.pattern);
        if (multiline !== undefined) return { file, field, value, message: issue.message, allowed: textAllowed(multiline) };
      }
      return { file, field, value, message: issue.message, ...withAllowed(target) };
    default:
      return { file, field, value, message: issue.message, ...withAllowed(target) };
  }
}

/** One problem as printed in the terminal. */
export function formatProblem(p: Problem): string {
  const lines = [
    `✗ ${visibleText(p.file)}${p.line ? `, ligne ${p.line}` : ''}${p.line && p.column ? `, colonne ${p.column}` : ''}`,
    `  champ « ${visibleText(p.field)} » : ${visibleText(p.message)}`,
  ];
  if ('value' in p && p.value !== undefined) lines.push(`  valeur trouvée : ${show(p.value)}`);
  if (p.allowed) lines.push(`  valeurs permises : ${visibleText(p.allowed)}`);
  return lines.join('\n');
}

/** The whole report: a summary line then each problem. */
export function formatReport(problems: Problem[]): string {
  const head =
    problems.length === 1
      ? 'Le contenu comporte 1 erreur. Corrigez-la puis relancez la construction.'
      : `Le contenu comporte ${problems.length} erreurs. Corrigez-les puis relancez la construction.`;
  return [head, ...problems.map(formatProblem)].join('\n\n');
}

/** Raised when content is invalid; its message is the full French report. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(formatReport(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
