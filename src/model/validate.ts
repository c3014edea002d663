import { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName, type Entries, type Entry, type EntryData } from './collections.ts';
import { problemFromIssue, type Problem } from './problems.ts';
import { checkIntegrity } from './integrity.ts';
import { checkBody } from './body.ts';
import { entryId, ID_PATTERN } from './ids.ts';

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

/** Validates one entry's front matter against its collection's schema. */
export function validateEntry<C extends CollectionName>(
  collection: C,
  file: string,
  id: string,
  frontmatter: unknown,
  body?: string,
): { entry?: Entry<C>; problems: Problem[] } {
  const schema = COLLECTIONS[collection].schema;
  const result = schema.safeParse(frontmatter, { error: FRENCH });
  const problems = checkFileName(file, id);
  if (!result.success) {
    problems.push(...result.error.issues.map((issue) => problemFromIssue(file, issue, frontmatter, schema)));
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
}

/** Validates every file, then the links between them. Returns the entries and every problem. */
export function validateAll(files: RawFile[]): { entries: Entries; problems: Problem[] } {
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
  for (const f of files) {
    const { entry, problems: found } = validateEntry(f.collection, f.file, entryId(f.pathInCollection), f.frontmatter, f.body);
    problems.push(...checkPlace(f.collection, f.file, f.pathInCollection), ...found);
    if (entry) (entries[f.collection] as Entry<typeof f.collection>[]).push(entry);
    // Bodies are published as they are: nothing in them may run code or load from elsewhere.
    bodyProblems.push(...checkBody(f.file, f.body, f.bodyLine));
  }
  // Links are checked only between valid entries: an invalid file is already reported above. An
  // unsafe body leaves its entry valid, so its problems do not hold the links' check back.
  if (problems.length === 0) problems.push(...checkIntegrity(entries));
  return { entries, problems: [...problems, ...bodyProblems] };
}
