/**
 * Identifiers: what a file name becomes once it is an entry, and the parts of an entry's id. One
 * helper each, shared by the model (checks), the catalogue, the paths (src/lib/paths.ts re-exports
 * them) and the tests. Pure: no Astro, no file system.
 */

/** One URL segment: lower-case letters, digits and hyphens ("inserm-fiphfp-2023-2026", "section-1"). */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** An entry id: slugs separated by slashes ("inserm-fiphfp-2023-2026/action-12"). */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;

/** The id of an entry: its path inside the collection folder, without the extension. */
export function entryId(pathInCollection: string): string {
  return pathInCollection.replace(/\\/g, '/').replace(/\.mdx$/, '');
}

/** The file name of an entry inside its convention folder: "inserm…/action-12" → "action-12". */
export function localName(id: string): string {
  return id.slice(id.indexOf('/') + 1);
}

/** The convention folder an entry sits in: "inserm…/action-12" → "inserm…". */
export function conventionOf(id: string): string {
  return id.split('/')[0]!;
}

/** The folder of public/, and so of the built site, that holds evidence files (src/model/evidence.ts). */
export const EVIDENCE_FOLDER = 'justificatifs';

/** Folders at the root of the built site: a document may not take one of these names. */
export const ROOT_FOLDERS = [
  'documents',
  'actions',
  'themes',
  'glossaire',
  'organisations',
  'recherche',
  'donnees',
  'accessibilite',
  'plan-du-site',
  'mentions-legales',
  'erreur',
  'pagefind',
  '_astro',
  EVIDENCE_FOLDER,
];

/**
 * Folders inside a document's folder, beside its axis and section pages: an axis or a section may
 * not take one of these names.
 */
export const DOCUMENT_FOLDERS = { actions: 'actions', procedures: 'procedures', print: 'imprimer', rounds: 'bilans' } as const;
