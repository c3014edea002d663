/**
 * The one writer of a new document's files, shared by the template import (template.ts) and
 * `npm run nouveau:document`: it names the files after the document's own level words (as the
 * existing content does: `axe-1`, `axe-1-objectif-2`, `action-12`, `theme-3`, `axe-2-action-1`),
 * renders their front matter, validates them together with the existing content (the same
 * `validateAll` as `npm run check:content`), and writes them through the journalled writer
 * (journal.ts): all of them, or a state every read refuses until it is finished or undone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { COLLECTIONS, type CollectionName } from '../../src/model/collections.ts';
import { readContent } from '../../src/model/read.ts';
import { validateAll, type RawFile } from '../../src/model/validate.ts';
import { ContentError, type Problem } from '../../src/model/problems.ts';
import { slugify } from '../../src/lib/paths.ts';
import { ACTION_KINDS } from '../../src/model/action.ts';
import { flowMap, renderScalar, scalar } from './frontmatter.ts';
import { readFrontmatter } from '../../src/model/frontmatter.ts';
import { writeContent, WriteError, type WriteOptions } from './journal.ts';

/** A new document as plain front-matter data: the convention, its axes, objectives and actions. */
export interface NewDocument {
  id: string;
  /** The convention's front matter, without `order` (the next free position is taken). */
  convention: Record<string, unknown>;
  axes: { number: string; title: string; notes?: string[] }[];
  objectives: { axis: string; number: string; title: string }[];
  /**
   * Each action's front matter, without `convention` and `order` (its position in this list);
   * `kind` is "action" unless given ("mesure", "engagement"); a measure may have no `number`.
   */
  actions: Record<string, unknown>[];
}

/** One file to create: where, which collection, and its front matter. */
export interface PlannedFile {
  /** Path relative to the project root, with `/`. */
  file: string;
  collection: CollectionName;
  pathInCollection: string;
  data: Record<string, unknown>;
  text: string;
}

interface Levels {
  axis: { singular: string };
  objective: { singular: string };
  action: { singular: string; numbering?: 'document' | 'axis' | 'objective' };
}

/**
 * File names (without extension) of a document's entries, after its level words and printed
 * numbers. A measure the document does not number is named by its place among its axis's
 * unnumbered measures, as the content does (`axe-8-mesure-1`, `axe-8-mesure-2`).
 */
const fileNames = (levels: Levels) => {
  const axis = (n: string) => `${slugify(levels.axis.singular)}-${slugify(n)}`;
  const objective = (a: string, n: string) => `${axis(a)}-${slugify(levels.objective.singular)}-${slugify(n)}`;
  const action = (a: string, o: string | undefined, n: string) => {
    const word = `${slugify(levels.action.singular)}-${slugify(n)}`;
    const scope = levels.action.numbering ?? 'document';
    // Numbers restart in each axis or objective: the parent's name keeps file names unique.
    if (scope === 'axis') return `${axis(a)}-${word}`;
    if (scope === 'objective') return o === undefined ? `${axis(a)}-${word}` : `${objective(a, o)}-${word}`;
    return word;
  };
  const measure = (a: string, n: number) => `${axis(a)}-${slugify(ACTION_KINDS.mesure)}-${n}`;
  return { axis, objective, action, measure };
};

/** Lists whose items are one-line maps (the follow-up import adds to `statuses` in this form). */
const FLOW_ITEMS = new Set(['statuses', 'statusScale']);
/** Lists of identifiers, written plain: `[formation, carriere]`. */
const PLAIN_LISTS = new Set(['themes', 'audience']);

/** A value inside a map: a scalar, or a one-line map (a sub-item's `dates`). */
const nested = (k: string, v: unknown) => (v !== null && typeof v === 'object' ? flowMap(v as Record<string, unknown>) : scalar(k, v));

/** The YAML front matter of one file, in the style of the existing content. */
export function renderFrontmatter(data: Record<string, unknown>): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'string')) {
        lines.push(`${key}: [${value.map((v) => (PLAIN_LISTS.has(key) ? renderScalar(v, 'PLAIN') : scalar(key, v))).join(', ')}]`);
      } else {
        lines.push(`${key}:`);
        for (const item of value as Record<string, unknown>[]) {
          if (FLOW_ITEMS.has(key)) lines.push(`  - ${flowMap(item)}`);
          else {
            Object.entries(item).forEach(([k, v], i) => {
              const head = `${i === 0 ? '  - ' : '    '}${k}:`;
              // A list inside an item (an indicator's `values`, issue 24): one one-line map per line.
              if (Array.isArray(v)) lines.push(head, ...v.map((x) => `      - ${flowMap(x as Record<string, unknown>)}`));
              else lines.push(`${head} ${nested(k, v)}`);
            });
          }
        }
      }
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) lines.push(`${key}: {}`);
      else {
        lines.push(`${key}:`);
        for (const [k, v] of entries) {
          lines.push(`  ${k}: ${nested(k, v)}`);
        }
      }
    } else lines.push(`${key}: ${scalar(key, value)}`);
  }
  return `${lines.join('\n')}\n---\n`;
}

/** Drops keys whose value is undefined, so that the data reads as the file will. */
function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** The files of a new document under `contentDir`, front matter rendered and read back. */
export function planDocument(doc: NewDocument, contentDir: string, order: number): PlannedFile[] {
  const levels = (doc.convention.levels ?? {}) as Partial<Levels>;
  const names = fileNames({
    axis: { singular: levels.axis?.singular ?? 'axe' },
    objective: { singular: levels.objective?.singular ?? 'objectif' },
    action: { singular: levels.action?.singular ?? 'action', numbering: levels.action?.numbering },
  });
  const planned: PlannedFile[] = [];
  const add = (collection: CollectionName, name: string, data: Record<string, unknown>) => {
    const pathInCollection = collection === 'conventions' ? `${name}.mdx` : `${doc.id}/${name}.mdx`;
    const clean = defined(data);
    const text = renderFrontmatter(clean);
    // Safety net: the text must read back, through the site's own reader, as exactly this data.
    const read = readFrontmatter(text);
    if (!read.ok || !isDeepStrictEqual(read.data, clean)) throw new Error(`écriture de l’en-tête de ${name}.mdx incohérente`);
    planned.push({
      file: `${contentDir}/${COLLECTIONS[collection].folder}/${pathInCollection}`,
      collection,
      pathInCollection,
      data: clean,
      text,
    });
  };
  add('conventions', doc.id, { ...doc.convention, order });
  for (const a of doc.axes) add('axes', names.axis(a.number), { convention: doc.id, number: a.number, title: a.title, notes: a.notes });
  for (const o of doc.objectives)
    add('objectives', names.objective(o.axis, o.number), { convention: doc.id, axis: o.axis, number: o.number, title: o.title });
  /** Unnumbered measures met so far in each axis. */
  const measures = new Map<string, number>();
  doc.actions.forEach((a, i) => {
    const { axis, objective, kind = 'action', number, ...rest } = a as { axis: string; objective?: string; kind?: string; number?: string };
    let name: string;
    if (number === undefined && kind === 'mesure') {
      const n = (measures.get(axis) ?? 0) + 1;
      measures.set(axis, n);
      name = names.measure(axis, n);
    } else name = names.action(axis, objective, number ?? '');
    add('actions', name, { convention: doc.id, axis, objective, kind, number, order: i + 1, ...rest });
  });
  return planned;
}

/**
 * Checks a new document against the existing content: the content must be valid as it is, the
 * id and the files new, and everything must pass the build's checks once the new files are added.
 * Returns the planned files and every problem (new files' problems name the planned file).
 */
export function checkNewDocument(root: string, contentDir: string, doc: NewDocument): { planned: PlannedFile[]; problems: Problem[] } {
  const { files, problems: readProblems } = readContent(root, contentDir);
  const before = validateAll(files);
  if (readProblems.length + before.problems.length > 0) throw new ContentError([...readProblems, ...before.problems]);
  const order = Math.max(0, ...before.entries.conventions.map((c) => c.data.order)) + 1;
  const planned = planDocument(doc, contentDir, order);
  const problems: Problem[] = [];
  if (before.entries.conventions.some((c) => c.id === doc.id)) {
    return {
      planned,
      problems: [
        {
          file: planned[0]!.file,
          field: '(nom du fichier)',
          value: doc.id,
          message: 'identifiant déjà pris par un document du site : un nouveau document ne remplace pas un document publié',
          allowed: 'un identifiant nouveau',
        },
      ],
    };
  }
  const taken = new Set<string>();
  for (const p of planned) {
    if (taken.has(p.file)) {
      problems.push({
        file: p.file,
        field: '(nom du fichier)',
        value: p.pathInCollection,
        message: 'deux éléments du document prendraient ce même nom de fichier (même numéro ?)',
        allowed: 'un numéro unique par élément',
      });
    }
    taken.add(p.file);
    if (existsSync(join(root, p.file))) {
      problems.push({ file: p.file, field: '(nom du fichier)', message: 'ce fichier existe déjà : il ne sera pas remplacé' });
    }
  }
  if (problems.length > 0) return { planned, problems };
  const raw: RawFile[] = planned.map((p) => ({
    collection: p.collection,
    file: p.file,
    pathInCollection: p.pathInCollection,
    // The data the file reads back as, through the content reader (checked in planDocument).
    frontmatter: p.data,
  }));
  // Only the new files' problems: the existing content was valid on its own.
  const { problems: found } = validateAll([...files, ...raw]);
  return { planned, problems: found };
}

/**
 * Writes a new document's files through the journalled writer (journal.ts): interrupted, it leaves
 * either nothing or a state that every read of the content refuses until the command finishes or
 * undoes it. Never replaces an existing file.
 */
export function writeNewDocument(
  root: string,
  files: { file: string; text: string }[],
  options: WriteOptions & { contentDir?: string } = {},
): string[] {
  const existing = files.find((f) => existsSync(join(root, f.file)));
  if (existing) throw new WriteError(`${existing.file} existe déjà : un nouveau document ne remplace aucun fichier`);
  return writeContent(root, options.contentDir ?? 'content', files, options);
}
