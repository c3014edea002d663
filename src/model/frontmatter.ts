/**
 * One reading of a content file's front matter, for `npm run check:content`, the build and the dev
 * server alike (all go through src/model/read.ts): where the front matter starts and ends, and its
 * YAML. Anything a reader could take two ways is refused with a French message and the line
 * (and column) in the file, rather than read one way here and another way elsewhere: blank lines
 * before the opening `---`, a front matter never closed, a `---json` or `+++` opening, a closing
 * line that is not `---` alone, a tab used to indent, a key written twice, a number written with
 * leading zeros (`012` is 12 for YAML 1.2, 10 for YAML 1.1). The YAML is read by the `yaml`
 * library (YAML 1.2, core schema), the one the spreadsheet import uses to rewrite these files.
 * Pure: no file system.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLError } from 'yaml';
import type { Problem } from './problems.ts';

/** A problem found while reading a file, before its file name is known. */
export type ReadProblem = Omit<Problem, 'file'>;

export type FrontmatterResult =
  { ok: true; data: Record<string, unknown>; body: string; bodyLine: number; lines: FieldLines } | { ok: false; problems: ReadProblem[] };

/** Where one field (or list item) is written in the file. */
export interface FieldPlace {
  line: number;
  /** The value written there, for a single value (not a list nor a group of fields). */
  value?: string | number | boolean | null;
}

/**
 * Where each field of a front matter is written, so that a problem found later (by the schema, by
 * the links between files) is reported at its line: dotted path ("statuses.0.round") → place.
 */
export interface FieldLines {
  /**
   * The front matter these places describe. A copy changed in memory (the spreadsheet import's
   * changes, checked before they are written) is not described by them: its problems get no line.
   */
  readonly data: unknown;
  readonly places: ReadonlyMap<string, FieldPlace>;
}

const FIELD = '(en-tête)';
const HOW =
  'un en-tête YAML entre deux lignes --- : la première ligne du fichier est ---, puis les champs « nom: valeur », puis une ligne ---';

/** A line as shown in a report: tabs made visible, trimmed. */
const showLine = (line: string) => line.replace(/\t/g, '⇥').trim();

/** Splits the file into front matter and body, then reads the YAML. */
export function readFrontmatter(source: string): FrontmatterResult {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const fail = (problem: ReadProblem): FrontmatterResult => ({ ok: false, problems: [problem] });

  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return fail({ field: FIELD, message: 'fichier vide : l’en-tête est absent', allowed: HOW });
  const opening = lines[first]!;
  if (opening.trimEnd() !== '---') {
    if (/^(---|\+\+\+)/.test(opening)) {
      return fail({
        field: FIELD,
        line: first + 1,
        value: showLine(opening),
        message: 'ouverture de l’en-tête non reconnue : seul l’en-tête YAML est lu, ouvert par une ligne --- seule',
        allowed: HOW,
      });
    }
    return fail({
      field: FIELD,
      line: first + 1,
      value: showLine(opening),
      message: 'en-tête absent : le fichier doit commencer par une ligne ---',
      allowed: HOW,
    });
  }
  if (first > 0) {
    return fail({
      field: FIELD,
      line: 1,
      message: `${first === 1 ? 'une ligne vide' : `${first} lignes vides`} avant l’en-tête : la ligne --- doit être la toute première du fichier`,
      allowed: 'supprimez les lignes vides au début du fichier',
    });
  }
  // The closing line: the first one that starts with ---, which must then be --- alone.
  const close = lines.findIndex((l, i) => i > 0 && l.startsWith('---'));
  if (close < 0) {
    return fail({
      field: FIELD,
      line: 1,
      message: 'en-tête non fermé : la ligne --- qui doit le terminer est introuvable',
      allowed: 'une ligne --- seule après le dernier champ de l’en-tête, avant le texte',
    });
  }
  if (lines[close]!.trimEnd() !== '---') {
    return fail({
      field: FIELD,
      line: close + 1,
      value: showLine(lines[close]!),
      message: 'ligne de fermeture de l’en-tête mal écrite : elle ne doit contenir que ---',
      allowed: 'une ligne --- seule',
    });
  }

  const yamlText = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  const bodyLine = close + 2;
  // Astro's Markdown renderer takes a text that opens with --- (blank lines allowed) for a front
  // matter of its own: the body's first lines would vanish from the page.
  const bodyStart = lines.findIndex((l, i) => i > close && l.trim() !== '');
  if (bodyStart > 0 && /^(---|\+\+\+)/.test(lines[bodyStart]!)) {
    return fail({
      field: '(corps du texte)',
      line: bodyStart + 1,
      value: showLine(lines[bodyStart]!),
      message: 'le texte commence par une ligne --- : elle serait prise pour un second en-tête et le début du texte disparaîtrait',
      allowed: 'du texte avant le trait, ou *** pour tracer un trait de séparation',
    });
  }
  // Where an offset of the YAML text is in the file: the YAML starts on line 2.
  const at = (offset: number) => {
    const before = yamlText.slice(0, offset);
    const line = before.split('\n').length + 1;
    return { line, column: offset - before.lastIndexOf('\n'), text: lines[line - 1] ?? '' };
  };

  const doc = parseDocument(yamlText, { version: '1.2', schema: 'core', uniqueKeys: true, strict: true, prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings].map((error) => yamlProblem(error, at(errorOffset(error, yamlText))));
  if (problems.length > 0) return { ok: false, problems };

  const root = doc.contents;
  if (root === null) {
    const data = {};
    return { ok: true, data, body, bodyLine, lines: { data, places: new Map() } };
  }
  if (!isMap(root)) {
    return fail({
      field: FIELD,
      line: root.range ? at(root.range[0]).line : 2,
      message: 'l’en-tête doit être une suite de champs « nom: valeur », un par ligne',
      allowed: HOW,
    });
  }
  problems.push(...leadingZeros(root, [], at));
  if (problems.length > 0) return { ok: false, problems };
  const data = doc.toJS() as Record<string, unknown>;
  return { ok: true, data, body, bodyLine, lines: { data, places: fieldPlaces(root, '', lineFinder(yamlText)) } };
}

/**
 * The line in the file of an offset in the YAML text (which starts on line 2), found by halving
 * the list of line starts: every field of every file is placed, so no rescan from the top.
 */
function lineFinder(yamlText: string): (offset: number) => number {
  const starts = [0];
  for (let i = yamlText.indexOf('\n'); i >= 0; i = yamlText.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 2;
  };
}

/** The line of every field and list item under `node`, keyed by dotted path; a field's line is its name's. */
function fieldPlaces(node: YamlNode | null, path: string, lineAt: (offset: number) => number, places = new Map<string, FieldPlace>()) {
  const place = (child: string, where: YamlNode | null | undefined, value: YamlNode | null) => {
    const childPath = path ? `${path}.${child}` : child;
    const line = where?.range ? lineAt(where.range[0]) : undefined;
    if (line !== undefined) places.set(childPath, { line, ...(isScalar(value) ? { value: value.value as FieldPlace['value'] } : {}) });
    fieldPlaces(value, childPath, lineAt, places);
  };
  if (isMap(node))
    for (const pair of node.items) {
      const value = pair.value as YamlNode | null;
      place(String(isScalar(pair.key) ? pair.key.value : pair.key), (pair.key as YamlNode | null) ?? value, value);
    }
  else if (isSeq(node)) node.items.forEach((item, i) => place(String(i), item as YamlNode | null, item as YamlNode | null));
  return places;
}

/**
 * The line where a problem's field is written: the field itself; in a list, the item holding the
 * value found (the last one, which is the repeat when a value is written twice); for a field left
 * out, the group it belongs in. Undefined for a field left out at the top, or a file with no place.
 */
export function lineOfField(lines: FieldLines | undefined, field: string, value?: unknown): number | undefined {
  if (!lines) return undefined;
  const exact = lines.places.get(field);
  if (exact && (value === undefined || 'value' in exact)) return exact.line;
  // A value as found in the front matter: a text or a number (a list or a group is not searched for).
  const wanted = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  if (wanted !== undefined) {
    const same = [...lines.places].filter(([path, p]) => path.startsWith(`${field}.`) && 'value' in p && String(p.value) === wanted);
    if (same.length > 0) return same.at(-1)![1].line;
  }
  if (exact) return exact.line;
  const parent = field.lastIndexOf('.');
  return parent > 0 ? lineOfField(lines, field.slice(0, parent)) : undefined;
}

/** Numbers whose writing YAML versions read differently: `012`, `007`, `0o12`, `0x1F`. */
function leadingZeros(node: YamlNode | null, path: string[], at: (offset: number) => { line: number; column: number }): ReadProblem[] {
  if (isMap(node))
    return node.items.flatMap((pair) =>
      leadingZeros(pair.value as YamlNode | null, [...path, String(isScalar(pair.key) ? pair.key.value : pair.key)], at),
    );
  if (isSeq(node)) return node.items.flatMap((item, i) => leadingZeros(item as YamlNode | null, [...path, String(i)], at));
  if (!isScalar(node) || typeof node.value !== 'number' || !node.source || !/^[-+]?0(\d|[oxOX])/.test(node.source)) return [];
  const { line, column } = at(node.range?.[0] ?? 0);
  return [
    {
      field: path.join('.'),
      line,
      column,
      value: node.source,
      message: 'nombre écrit avec un zéro en tête : selon les outils, il serait lu comme un autre nombre',
      allowed: `le nombre sans zéro en tête (${Number(node.source.replace(/^([-+]?)0+(?=\d)/, '$1')) || node.value}), ou entre guillemets ("${node.source}") pour un numéro tel qu'imprimé`,
    },
  ];
}

/**
 * Where to point for an error. An unclosed quote runs to the end of the front matter, where YAML
 * reports it: the line to fix is the one that opens it (a value starting with a quote that has an
 * odd number of them).
 */
function errorOffset(error: YAMLError, yamlText: string): number {
  const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
  if (!quote) return error.pos[0];
  let offset = 0;
  for (const line of yamlText.split('\n')) {
    const start = new RegExp(`^\\s*(?:-\\s+)?(?:[^\\s#"'][^:]*:\\s+)?${quote}`).exec(line);
    if (start && line.split(quote).length % 2 === 0) return offset + start[0].length - 1;
    offset += line.length + 1;
  }
  return error.pos[0];
}

/** One YAML syntax error, in French, at its line and column in the file. */
function yamlProblem(error: YAMLError, where: { line: number; column: number; text: string }): ReadProblem {
  const base = { field: FIELD, line: where.line, column: where.column, value: showLine(where.text) || undefined };
  const m = error.message;
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*(?:-\s+)?["']?([^"':]+)["']?\s*:/.exec(where.text)?.[1]?.trim();
      return {
        ...base,
        field: key ?? FIELD,
        message: 'champ écrit deux fois : un seul des deux serait lu',
        allowed: 'chaque champ une seule fois : supprimez ou fusionnez l’un des deux',
      };
    }
    case 'TAB_AS_INDENT':
      return {
        ...base,
        message: 'tabulation utilisée pour décaler la ligne : l’en-tête ne se décale qu’avec des espaces',
        allowed: 'des espaces (deux par niveau), jamais de tabulation en début de ligne',
      };
    case 'BAD_INDENT':
      return {
        ...base,
        message: 'décalage (indentation) incorrect : la ligne n’est pas alignée sur les autres éléments de même niveau',
        allowed:
          'le même nombre d’espaces en début de ligne pour tous les champs d’un même niveau, et pour tous les éléments « - » d’une liste',
      };
    case 'BAD_DQ_ESCAPE':
      return {
        ...base,
        message: 'barre oblique inverse (\\) inconnue dans un texte entre guillemets doubles',
        allowed: 'doublez la barre (\\\\), ou mettez le texte entre guillemets simples',
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        ...base,
        message: 'deux-points suivi d’une espace dans une valeur sans guillemets, ou ligne sans « nom: » : la ligne ne se lit pas',
        allowed: 'une valeur qui contient « : » entre guillemets : title: "Axe 1 : Recruter"',
      };
    case 'MISSING_CHAR':
      if (/closing ["']quote/.test(m)) {
        const quote = m.includes('"') ? 'double (")' : "simple (')";
        return {
          ...base,
          message: `guillemet ${quote} ouvert mais jamais refermé`,
          allowed: `le texte refermé par le même guillemet ; un guillemet simple dans un texte entre guillemets simples s’écrit ''`,
        };
      }
      if (/Implicit map keys need to be followed by map values/.test(m)) {
        return { ...base, message: 'ligne sans « : » : un champ s’écrit « nom: valeur »', allowed: 'nom: valeur' };
      }
      if (/Missing ,|Missing space after :/.test(m)) {
        return {
          ...base,
          message: 'liste ou ensemble entre crochets ou accolades mal écrit : il manque une virgule ou une espace après « : »',
          allowed: '[a, b, c] ou { round: bilan-2024, status: R }',
        };
      }
      return { ...base, message: 'caractère manquant : la ligne ne se lit pas', allowed: HOW };
    case 'BAD_SCALAR_START':
      return {
        ...base,
        message: 'valeur qui commence par un caractère réservé (@, `, %, |, >…) : elle doit être entre guillemets',
        allowed: 'la valeur entre guillemets doubles : "…"',
      };
    case 'TAG_RESOLVE_FAILED':
      return {
        ...base,
        message: 'étiquette YAML (!…) non reconnue : elle n’est pas permise dans un en-tête',
        allowed: 'la valeur seule, sans « ! »',
      };
    default:
      return { ...base, message: `en-tête YAML illisible (${error.code})`, allowed: HOW };
  }
}

/** The front matter and body of `source`, for a script that reads a file already checked; throws, naming `where`, if this reader refuses it. */
export function frontmatterOrThrow(source: string, where: string): { data: Record<string, unknown>; body: string } {
  const read = readFrontmatter(source);
  if (!read.ok) throw new Error(`${where} : ${read.problems.map((p) => p.message).join(' ; ')}`);
  return { data: read.data, body: read.body };
}
