import type { z } from 'astro/zod';

/**
 * One thing wrong with the content, said so that the person who edits the file can fix it:
 * the file, the field, the bad value, what is allowed.
 */
export interface Problem {
  /** Path of the content file, relative to the project root. */
  file: string;
  /** Line in the file (front matter counted), for a problem in the body. */
  line?: number;
  /** Field in the front matter, dotted for nested ones: "parties.0.role". */
  field: string;
  /** What is wrong, in French. */
  message: string;
  /** The value found, when there is one. */
  value?: unknown;
  /** What would be accepted. */
  allowed?: string;
}

const show = (value: unknown): string => {
  if (value === undefined) return '(absent)';
  if (typeof value === 'string') return `« ${value} »`;
  return JSON.stringify(value);
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

/** Turns one zod issue into a Problem, in French. */
export function problemFromIssue(file: string, issue: z.core.$ZodIssue, data: unknown): Problem {
  const field = issue.path.map(String).join('.') || '(front matter)';
  const value = issue.path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) {
        return { file, field, message: 'champ obligatoire manquant', allowed: TYPE_NAMES[issue.expected] ?? issue.expected };
      }
      return { file, field, value, message: 'type de valeur incorrect', allowed: TYPE_NAMES[issue.expected] ?? issue.expected };
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
      return { file, field, value, message: issue.origin === 'array' ? 'liste vide : au moins un élément est attendu' : issue.message };
    default:
      return { file, field, value, message: issue.message };
  }
}

/** One problem as printed in the terminal. */
export function formatProblem(p: Problem): string {
  const lines = [`✗ ${p.file}${p.line ? `, ligne ${p.line}` : ''}`, `  champ « ${p.field} » : ${p.message}`];
  if ('value' in p && p.value !== undefined) lines.push(`  valeur trouvée : ${show(p.value)}`);
  if (p.allowed) lines.push(`  valeurs permises : ${p.allowed}`);
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
