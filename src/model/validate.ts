import { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName, type Entries, type Entry, type EntryData } from './collections.ts';
import { problemFromIssue, type Problem } from './problems.ts';
import { checkIntegrity } from './integrity.ts';
import { lineOfField, type FieldLines } from './frontmatter.ts';
import { checkBody } from './body.ts';
import { entryId, ID_PATTERN } from './ids.ts';
import { checkEvidenceFiles } from './evidence.ts';

export { entryId };

/** Checks the file name, since it becomes the entry's URL. */
export function checkFileName(file: string, id: string): Problem[] {
  if (ID_PATTERN.test(id)) return [];
  return [
    {
      file,
      field: '(nom du fichier)',
      value: id,
      message: 'nom de fichier inutilisable dans une adresse web',
      allowed: 'minuscules sans accent, chiffres et tirets, extension .mdx (par exemple action-12.mdx)',
    },
  ];
}

/** Collections whose files sit directly in their folder; the others sit in one folder per document. */
const FLAT: readonly CollectionName[] = ['conventions', 'glossary', 'organisations'];

/** Checks where the file sits: a file in a sub-folder would get an id no page is built for. */
export function checkPlace(collection: CollectionName, file: string, pathInCollection: string): Problem[] {
  const depth = pathInCollection.split('/').length;
  if (!FLAT.includes(collection) || depth === 1) return [];
  const folder = COLLECTIONS[collection].folder;
  return [
    {
      file,
      field: '(emplacement)',
      value: pathInCollection,
      message: `fichier rangé dans un sous-dossier : les fichiers de ce type se placent directement dans le dossier « ${folder}/ »`,
      allowed: file.replace(`/${folder}/${pathInCollection}`, `/${folder}/${pathInCollection.split('/').at(-1)}`),
    },
  ];
}

/** zod's own messages in French, for the checks that carry no message of their own. */
const FRENCH = z.locales.fr().localeError;

/** The dotted path of the field an issue is about: for an unknown field, the field itself (the problem names only its key). */
function issueField(issue: z.core.$ZodIssue): string {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  return path.map(String).join('.');
}

/** Validates one entry's front matter against its collection's schema; `lines` places its problems in the file. */
export function validateEntry<C extends CollectionName>(
  collection: C,
  file: string,
  id: string,
  frontmatter: unknown,
  body?: string,
  lines?: FieldLines,
): { entry?: Entry<C>; problems: Problem[] } {
  const schema = COLLECTIONS[collection].schema;
  const result = schema.safeParse(frontmatter, { error: FRENCH });
  const problems = checkFileName(file, id);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const problem = problemFromIssue(file, issue, frontmatter, schema);
      problems.push(atLine(problem, lineOfField(lines, issueField(issue), problem.value)));
    }
    return { problems };
  }
  return { entry: { id, file, data: result.data as EntryData<C>, body: body?.trim() || undefined }, problems };
}

export interface RawFile {
  collection: CollectionName;
  /** Path relative to the project root. */
  file: string;
  /** Path inside the collection folder. */
  pathInCollection: string;
  frontmatter: unknown;
  body?: string;
  /** Line of the file where the body starts (1 when unknown), for the body's problems. */
  bodyLine?: number;
  /** Where each field is written in the file (src/model/frontmatter.ts), for the problems' lines. */
  lines?: FieldLines;
}

/** A file of a collection whose front matter could not be read (its problem is already reported). */
export interface UnreadFile {
  collection: CollectionName;
  file: string;
  pathInCollection: string;
}

/** The problem with its line, when it has none yet and one is known. */
const atLine = (problem: Problem, line: number | undefined): Problem =>
  problem.line !== undefined || line === undefined ? problem : { ...problem, line };

/** The places of a file's fields, when they describe its front matter as it is now (not a copy changed in memory). */
const linesOf = (f: RawFile): FieldLines | undefined => (f.lines?.data === f.frontmatter ? f.lines : undefined);

/**
 * Validates every file, then the links between the entries that validated: a mistake in one file
 * does not hide a broken link in another. `unread` lists the files whose front matter could not be
 * read at all (src/model/read.ts): like the files that do not validate, what they hold is unknown,
 * and no link that could point to them is reported. Given the project's `root`, the files the
 * content names (evidence, src/model/evidence.ts) must be there too: the content check and the
 * build give it; a check of content alone (a workbook import before its write) may not. Returns
 * the entries and every problem, each at its line in its file when the file's places are known.
 */
export function validateAll(
  files: RawFile[],
  unread: readonly UnreadFile[] = [],
  { root }: { root?: string } = {},
): { entries: Entries; problems: Problem[] } {
  const entries: Entries = {
    conventions: [],
    axes: [],
    objectives: [],
    actions: [],
    sections: [],
    procedures: [],
    glossary: [],
    organisations: [],
  };
  const problems: Problem[] = [];
  const bodyProblems: Problem[] = [];
  const unvalidated: Partial<Record<CollectionName, Map<string, unknown>>> = {};
  const notValidated = (collection: CollectionName, pathInCollection: string, frontmatter?: unknown) =>
    (unvalidated[collection] ??= new Map()).set(entryId(pathInCollection), frontmatter);
  const lines = new Map<string, FieldLines>();
  for (const f of files) {
    const fieldLines = linesOf(f);
    if (fieldLines) lines.set(f.file, fieldLines);
    const id = entryId(f.pathInCollection);
    const { entry, problems: found } = validateEntry(f.collection, f.file, id, f.frontmatter, f.body, fieldLines);
    const misplaced = checkPlace(f.collection, f.file, f.pathInCollection);
    problems.push(...misplaced, ...found);
    // A misplaced file's id is not the one its links expect: it is left out of the links' check too.
    if (entry && misplaced.length === 0) (entries[f.collection] as Entry<typeof f.collection>[]).push(entry);
    else notValidated(f.collection, f.pathInCollection, f.frontmatter);
    // Bodies are published as they are: nothing in them may run code or load from elsewhere.
    bodyProblems.push(...checkBody(f.file, f.body, f.bodyLine));
  }
  for (const f of unread) notValidated(f.collection, f.pathInCollection);
  // Links are checked between the valid entries, whatever is wrong elsewhere. An unsafe body
  // leaves its entry valid, so its problems do not hold the links' check back.
  const published = root === undefined ? [] : checkEvidenceFiles(root, entries);
  const links = [...checkIntegrity(entries, unvalidated), ...published].map((p) =>
    atLine(p, lineOfField(lines.get(p.file), p.field, p.value)),
  );
  return { entries, problems: [...problems, ...links, ...bodyProblems] };
}
