/**
 * The command line of every script a référent runs, in French (issue 19): an unknown option
 * (`--essay`), an option without its value, a missing or extra argument prints what is wrong and
 * the script's usage, and exits with code 2 — never node's English ERR_PARSE_ARGS and its stack
 * trace. `--aide` (or `-h`, `--help`) prints the usage and exits 0.
 *
 * Adopting it in a script: replace `parseArgs({ options, allowPositionals })` with
 * `readCommandLine({ usage: USAGE, options, positionals: { name: 'fichier', min: 1 } })`; the
 * values and positionals come back typed as parseArgs gives them.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export interface CommandLine<O extends ParseArgsOptionsConfig> {
  /** The French usage, printed after an error and with --aide: "Usage : npm run … -- …" and what each option does. */
  usage: string;
  options: O;
  /** The arguments that are not options: what one is called in messages ("fichier"), how many are allowed. None when absent. */
  positionals?: { name: string; min?: number; max?: number };
}

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** Raised by `parseCommandLine`: the French message, without the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const HELP = new Set(['aide', 'help', 'h']);

/** The options and arguments, or a UsageError saying in French what is wrong; `null` when help was asked. */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(spec: CommandLine<O>, args: string[]): Parsed<O> | null {
  // A first, lenient pass gives every token, so that each fault can be named in French.
  const { tokens } = parseArgs({ args, options: spec.options, strict: false, allowPositionals: true, tokens: true });
  const errors: string[] = [];
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = spec.options[token.name];
    if (option === undefined) {
      if (HELP.has(token.name)) return null;
      errors.push(`option inconnue : ${token.rawName}`);
    } else if (option.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      // `--sortie --essai`: the next word is an option, not the value the référent forgot.
      errors.push(
        `valeur manquante après ${token.rawName} (écrivez ${token.rawName} <valeur>, ou ${token.rawName}=<valeur> pour une valeur qui commence par « - »)`,
      );
    } else if (option.type === 'boolean' && token.value !== undefined) {
      errors.push(`l’option ${token.rawName} ne prend pas de valeur (trouvé : ${token.rawName}=${token.value})`);
    }
  }
  const { name, min = 0, max = Infinity } = spec.positionals ?? { name: 'argument', max: 0 };
  if (positionals.length > max) {
    errors.push(
      max === 0
        ? `argument inattendu : ${positionals.join(' ')} (cette commande ne prend que des options)`
        : `argument en trop : ${positionals.slice(max).join(' ')} (${max === 1 ? `un seul ${name}` : `${max} au plus`})`,
    );
  }
  if (positionals.length < min) errors.push(`argument manquant : ${name}${min > 1 ? ` (${min} au moins)` : ''}`);
  if (errors.length > 0) throw new UsageError(errors.join('\n'));
  try {
    return parseArgs({ args, options: spec.options, strict: true, allowPositionals: true });
  } catch (error) {
    // Not expected once the tokens are checked; still a French message rather than node's.
    throw new UsageError(`ligne de commande illisible (${(error as { code?: string }).code ?? 'erreur inconnue'})`);
  }
}

/**
 * The script's command line (process.argv): on a fault, the French message and the usage on
 * stderr, exit code 2; with --aide, the usage on stdout, exit code 0.
 */
export function readCommandLine<O extends ParseArgsOptionsConfig>(spec: CommandLine<O>, args = process.argv.slice(2)): Parsed<O> {
  let parsed: Parsed<O> | null;
  try {
    parsed = parseCommandLine(spec, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageError(spec.usage, error.message);
  }
  if (parsed === null) {
    console.log(spec.usage);
    process.exit(0);
  }
  return parsed;
}

/** Prints a fault of the command line (a message in French) and the usage, and exits with code 2. */
export function usageError(usage: string, message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

/** What a system error code means, in French (reading or writing a file). */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'fichier ou dossier introuvable : vérifiez le nom et le dossier (un chemin relatif part du dossier du projet)',
  ENOTDIR: 'chemin impossible : une partie du chemin n’est pas un dossier',
  EISDIR: 'c’est un dossier : donnez le chemin d’un fichier',
  EACCES: 'accès refusé : vous n’avez pas le droit de lire ou d’écrire ici',
  EPERM: 'accès refusé : vous n’avez pas le droit de lire ou d’écrire ici',
  EROFS: 'emplacement en lecture seule : choisissez un autre dossier',
  ENOSPC: 'disque plein : libérez de la place, puis relancez',
  EDQUOT: 'quota de disque atteint : libérez de la place, puis relancez',
  EBUSY: 'fichier occupé par un autre programme : fermez-le (dans le tableur), puis relancez',
  EEXIST: 'un fichier de ce nom existe déjà',
  EMFILE: 'trop de fichiers ouverts à la fois : relancez',
};

/** What a system error code (ENOENT, EACCES…) means, in French; undefined for an unknown code. */
export const systemReason = (code: unknown): string | undefined => (typeof code === 'string' ? SYSTEM_ERRORS[code] : undefined);

/** A system error in French, naming its path; undefined for any other error. */
export function systemError(error: unknown): string | undefined {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  const reason = systemReason(code);
  if (reason === undefined) return undefined;
  return typeof path === 'string' ? `« ${path} » : ${reason}` : reason;
}

/** The project's folder, as it appears in stack frames. */
const PROJECT = new URL('..', import.meta.url).href;

/**
 * A plain Error thrown by the project's own code, whose message is French by the house rule
 * ("coordonnées déjà prises", "aucun document « x »"): its first stack frame is a project file
 * outside node_modules. A TypeError of a bug, or anything a library or node throws, is not.
 */
export function thrownByProject(error: Error): boolean {
  if (error.constructor !== Error) return false;
  const frame = error.stack?.split('\n').find((line) => line.trimStart().startsWith('at '));
  return frame !== undefined && frame.includes(PROJECT) && !frame.includes('/node_modules/');
}

/**
 * Prints why the command failed and exits with code 1. `report`: the French text the script made
 * of one of the project's own errors (a content report, a file that cannot be read), printed as
 * it is. Otherwise a system error is translated, a message of the project's own code is printed
 * after `what`, and anything else is an unexpected failure. The technical text (the library's or
 * node's message, the stack) is printed only with --debug.
 */
export function exitWithError(what: string, error: unknown, options: { report?: string; debug: boolean }): never {
  const e: Error & { detail?: string } = error instanceof Error ? error : new Error(String(error));
  const system = systemError(e);
  const text =
    options.report ??
    (system
      ? `${what} : ${system}.`
      : thrownByProject(e)
        ? `${what} : ${e.message}`
        : `${what} : erreur inattendue${options.debug ? '' : ' ; relancez avec --debug pour en voir le détail technique (à joindre à un signalement)'}.`);
  const detail = options.debug ? `\n\nDétail technique (--debug) :\n${e.detail ? `${e.detail}\n` : ''}${e.stack ?? e.message}` : '';
  console.error(text + detail);
  process.exit(1);
}
