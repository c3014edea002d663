/**
 * Evidence attached to a round's status (issue 24): what a reader can open to see what the round
 * reported. Either an address (`url`: another site's, http(s)://, or a page of this site, starting
 * with `/`, counted from the site's root whatever its base path) or a file published with the site
 * (`file`), dropped in public/justificatifs/ and named from that folder: Astro copies public/ as it
 * is into the built site, so the file is served at `justificatifs/<file>` under the site's base.
 *
 * The folder, the accepted types and the file check are written here once: the schema
 * (src/model/action.ts), the content check (src/model/validate.ts) and the pages read them.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { text } from './common.ts';
import { PUBLIC_FOLDER } from './logo.ts';
import type { Entries } from './collections.ts';
import type { Problem } from './problems.ts';
import { EVIDENCE_FOLDER } from './ids.ts';

export { EVIDENCE_FOLDER };

/** A type of file accepted as evidence: its name in words for a link (RGAA 13.3) and its media type. */
export interface EvidenceFormat {
  /** The type's short name, as lists of accepted types say it: « PDF », « ODS », « JPEG ». */
  type: string;
  /** As a link says it: « PDF », « tableur ODS ». */
  name: string;
  mediaType: string;
}

/** One format, two extensions. */
const JPEG: EvidenceFormat = { type: 'JPEG', name: 'image JPEG', mediaType: 'image/jpeg' };

/** Accepted evidence files, by extension (lower case, no dot): documents, spreadsheets and images readers can open. */
export const EVIDENCE_FORMATS: Readonly<Record<string, EvidenceFormat>> = {
  pdf: { type: 'PDF', name: 'PDF', mediaType: 'application/pdf' },
  odt: { type: 'ODT', name: 'texte ODT', mediaType: 'application/vnd.oasis.opendocument.text' },
  docx: { type: 'DOCX', name: 'Word DOCX', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  ods: { type: 'ODS', name: 'tableur ODS', mediaType: 'application/vnd.oasis.opendocument.spreadsheet' },
  xlsx: { type: 'XLSX', name: 'Excel XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  csv: { type: 'CSV', name: 'CSV', mediaType: 'text/csv' },
  png: { type: 'PNG', name: 'image PNG', mediaType: 'image/png' },
  jpg: JPEG,
  jpeg: JPEG,
};

const EXTENSIONS = Object.keys(EVIDENCE_FORMATS);

/** The format of an evidence file by its extension, or undefined when the type is not accepted. */
export function evidenceFormat(file: string): EvidenceFormat | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : EVIDENCE_FORMATS[extension];
}

/** Where the file is in the project: public/justificatifs/<file>. */
export const evidenceFilePath = (root: string, file: string) => join(root, PUBLIC_FOLDER, EVIDENCE_FOLDER, file);

/** Where the built site serves it, relative to the site's base (as src/lib/paths.ts writes paths). */
export const evidenceSitePath = (file: string) => `${EVIDENCE_FOLDER}/${file}`;

const TYPES = `${[...new Set(Object.values(EVIDENCE_FORMATS).map((f) => f.type))].join(', ')} (extension ${EXTENSIONS.map((e) => `.${e}`).join(', ')})`;
/** What an evidence file may be, said once for the help, the schema's messages and the file check. */
export const EVIDENCE_FILE_ALLOWED = `un fichier ${TYPES} déposé dans ${PUBLIC_FOLDER}/${EVIDENCE_FOLDER}/ et nommé depuis ce dossier (par exemple « bilan-2025.pdf » ou « 2025/rapport.odt »)`;
const URL_ALLOWED = 'une adresse web commençant par https:// ou http://, ou une page du site commençant par / (par exemple /documents/)';
const EITHER_ALLOWED = `soit url : ${URL_ALLOWED} ; soit file : ${EVIDENCE_FILE_ALLOWED}`;

/** An address: another site's (http, https) or a page of this site (from its root, base path left out). */
const URL_PATTERN = /^(https?:\/\/[^\s/]+\S*|\/\S*)$/;
/**
 * A file's name from the evidence folder: no way out of it (`.`, `..`), no absolute path, none of
 * the characters that Windows refuses or that stand for a drive (`\\`, `:`), none that would end
 * or encode an address (`#`, `%`, `?`).
 */
const FILE_NAME_PATTERN = /^(?!\/)(?!(.*\/)?\.\.?(\/|$))[^\\:*?"<>|#%]+$/;

/**
 * Both are texts first (no invisible character, src/model/common.ts), which the form editor checks
 * through their pattern; what makes an address or a file name is checked at the content check.
 */
const evidenceUrl = text
  .refine((url) => URL_PATTERN.test(url), { error: 'adresse inutilisable : ni une adresse web (https://…), ni une page du site (/…)' })
  .meta({ allowed: URL_ALLOWED });

const evidenceFile = text
  .refine((file) => FILE_NAME_PATTERN.test(file), {
    error: `nom de fichier inutilisable : il se lit depuis le dossier ${PUBLIC_FOLDER}/${EVIDENCE_FOLDER}/, sans en sortir, et ne contient aucun des caractères \\ : * ? " < > | # %`,
  })
  // The type is checked apart from the name, so that the message says which of the two is wrong.
  .refine((file) => !FILE_NAME_PATTERN.test(file) || evidenceFormat(file) !== undefined, {
    error: 'type de fichier refusé : le site ne publie comme justificatif que les documents, tableurs et images courants',
  })
  .meta({ allowed: EVIDENCE_FILE_ALLOWED });

/** One piece of evidence: a title and either an address or a file. */
export const evidenceItem = z
  .strictObject({
    title: text.meta({ title: 'Titre', description: 'Ce que le lien ouvre, tel que le lecteur le lira (« Rapport social unique 2024 »).' }),
    url: evidenceUrl.optional().meta({
      title: 'Adresse',
      description: 'Une adresse web (https://…) ou une page du site (/…) ; ou bien un fichier, pas les deux.',
    }),
    file: evidenceFile.optional().meta({
      title: 'Fichier',
      description: `Un fichier ${TYPES} déposé dans ${PUBLIC_FOLDER}/${EVIDENCE_FOLDER}/, nommé depuis ce dossier ; ou bien une adresse, pas les deux.`,
    }),
  })
  .refine((e) => (e.url === undefined) !== (e.file === undefined), {
    error: 'un justificatif donne soit une adresse (url), soit un fichier (file) : l’un des deux, pas les deux',
  })
  .meta({ title: 'Justificatif', allowed: EITHER_ALLOWED });

export type Evidence = z.infer<typeof evidenceItem>;

/** A round's evidence: a list, even of one (the free text it once was is refused with how to write it). */
export const evidenceList = z.array(evidenceItem).meta({
  allowed:
    'une liste de justificatifs, chacun sur une ligne « - title: … » suivie de « url: … » (une adresse) ou de « file: … » (un fichier)',
});

/** Whether `path` is a regular file (a folder or nothing is not). */
const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * Every evidence file an action names exists in public/justificatifs/ of the project at `root`:
 * a missing one would be a broken link on the page. Its type and name are the schema's to check.
 */
export function checkEvidenceFiles(root: string, entries: Entries): Problem[] {
  const problems: Problem[] = [];
  for (const action of entries.actions) {
    (action.data.statuses ?? []).forEach((s, i) =>
      (s.evidence ?? []).forEach((e, j) => {
        if (e.file === undefined || isFile(evidenceFilePath(root, e.file))) return;
        problems.push({
          file: action.file,
          field: `statuses.${i}.evidence.${j}.file`,
          value: e.file,
          message: `aucun fichier ${PUBLIC_FOLDER}/${EVIDENCE_FOLDER}/${e.file} : le justificatif n’a pas été déposé, ou son nom diffère`,
          allowed: EVIDENCE_FILE_ALLOWED,
        });
      }),
    );
  }
  return problems;
}

/** Where a piece of evidence leads, for a link or an export. */
export interface EvidenceTarget {
  /** Another site's address as written (`external`), or a path of this site relative to its base, as src/lib/paths.ts writes them (its file name unencoded). */
  address: string;
  external: boolean;
  /** For a file published with the site: its type, in words for the link (RGAA 13.3). */
  format?: EvidenceFormat;
}

/** Where `e` leads: its address, a page of the site (from the site's root, base path left out), or its file under justificatifs/. */
export function evidenceTarget(e: Evidence): EvidenceTarget {
  if (e.file !== undefined) return { address: evidenceSitePath(e.file), external: false, format: evidenceFormat(e.file) };
  const url = e.url ?? '';
  return url.startsWith('/') ? { address: url.slice(1), external: false } : { address: url, external: true };
}
