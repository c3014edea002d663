/**
 * The word-processing file a référent gives (issue 22), recognised by its bytes, not by its name:
 * a .docx (a zip whose relationships name its body, word/document.xml) or an .odt (a zip whose `mimetype` says so) is read
 * into a SourceDocument; anything else is refused in French, saying what the file is and how to
 * get a .docx or .odt: a PDF (its structure is lost: headings are font sizes, numbers plain
 * text), an old .doc or a password-protected file (both OLE compound files), a spreadsheet, a
 * damaged or hostile zip. The zip is read by the bounded reader of the workbooks
 * (../office/zip.ts): the file's size, the expanded size and the number of entries are
 * bounded before anything is inflated, so that a bomb is refused at once.
 */
import { statSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { readZip, ZipError, type ZipFault } from '../office/zip.ts';
import { megabytes, thousands } from '../../src/lib/format.ts';
import type { SourceDocument } from './blocks.ts';
import { docxBody, readDocx } from './docx.ts';
import { readOdt } from './odt.ts';
import { DocumentReadError, SAVE_AGAIN } from './parts.ts';

export { DocumentReadError } from './parts.ts';

/** Bounds on what is read; a plan of a hundred pages with its images is far below each. */
export const LIMITS = {
  /** The file's size. */
  bytes: 50 * 1024 * 1024,
  /** The zip's size once expanded, as its entries declare it (none is inflated past its declaration). */
  expanded: 150 * 1024 * 1024,
  /** The zip's entries. */
  entries: 5_000,
};

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** What to do when the file is not a .docx or .odt, said once. */
const GET_DOCX =
  'ouvrez le document dans Word ou LibreOffice Writer et enregistrez-le au format « Document Word (.docx) » ou « Texte ODF (.odt) » (Fichier › Enregistrer sous), puis relancez l’import';

/** The word-processing file `file`, read; every failure a French DocumentReadError. */
export function readSource(file: string): SourceDocument {
  return readSourceBytes(file, readDocumentFile(file));
}

/** The word-processing file whose bytes are `bytes`, named `file` in the messages. */
export function readSourceBytes(file: string, bytes: Buffer): SourceDocument {
  refuseByFirstBytes(file, bytes);
  const parts = documentParts(file, bytes);
  const body = docxBody(file, parts);
  if (body !== undefined) return withNameNote(readDocx(file, parts, body), file, '.docx');
  const mimetype = parts.get('mimetype')?.toString('latin1').trim() ?? '';
  if (mimetype === ODT_MIMETYPE || mimetype === `${ODT_MIMETYPE}-template`) return withNameNote(readOdt(file, parts), file, '.odt');
  if (parts.has('xl/workbook.xml') || mimetype.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
    throw new DocumentReadError(
      `« ${file} » est un classeur (tableur), pas un document de traitement de texte : un plan saisi dans le classeur modèle s’importe avec « npm run tableur:importer -- ${file} ».`,
    );
  }
  throw new DocumentReadError(
    `« ${file} » est une archive zip, mais ni un document Word (.docx) ni un document LibreOffice Writer (.odt)` +
      `${mimetype ? ` (son type déclaré est « ${mimetype.slice(0, 80)} »)` : ''} ; ${GET_DOCX}.`,
  );
}

/**
 * A .docx named .odt (or the reverse) is read by its content, as Word and LibreOffice open it; the
 * report says so, for the référent to rename it.
 */
function withNameNote(document: SourceDocument, file: string, actual: '.docx' | '.odt'): SourceDocument {
  const named = extname(file).toLowerCase();
  if ((named === '.docx' || named === '.odt') && named !== actual) {
    document.notes.push(`Le fichier porte l’extension ${named} mais c’est un document ${actual} : il a été lu comme tel ; renommez-le.`);
  }
  return document;
}

/** The file's bytes, or a French reason: missing, a folder, empty, too large, unreadable. */
function readDocumentFile(file: string): Buffer {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      throw new DocumentReadError(`« ${file} » est un dossier : donnez le chemin d’un document .docx ou .odt, pas celui d’un dossier.`);
    }
    size = stat.size;
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw systemError(file, error as NodeJS.ErrnoException);
  }
  if (size === 0) {
    throw new DocumentReadError(
      `« ${file} » est vide (0 octet) : le document n’a pas été enregistré jusqu’au bout ; enregistrez-le de nouveau depuis Word ou LibreOffice.`,
    );
  }
  if (size > LIMITS.bytes) {
    throw new DocumentReadError(
      `« ${file} » pèse ${megabytes(size)}, au-delà de la limite de ${megabytes(LIMITS.bytes)} : un plan ou une convention pèse bien moins ; ` +
        'vérifiez le fichier choisi, ou enregistrez une copie du document sans ses images (ou avec des images compressées).',
    );
  }
  try {
    return readFileSync(file);
  } catch (error) {
    throw systemError(file, error as NodeJS.ErrnoException);
  }
}

/** A system error on reading `file`, in French. */
function systemError(file: string, error: NodeJS.ErrnoException): DocumentReadError {
  const reasons: Record<string, string> = {
    ENOENT: 'ce fichier est introuvable ; vérifiez son chemin et son nom, extension comprise (.docx ou .odt)',
    EACCES: 'vous n’avez pas le droit de lire ce fichier ; vérifiez ses droits d’accès',
    EPERM: 'vous n’avez pas le droit de lire ce fichier ; vérifiez ses droits d’accès',
    ENOTDIR: 'un élément de son chemin n’est pas un dossier ; vérifiez le chemin',
    EBUSY: 'le fichier est occupé par un autre programme ; fermez-le et relancez l’import',
  };
  const reason = reasons[error.code ?? ''] ?? `le document n’a pas pu être lu (erreur du système ${error.code ?? 'inconnue'})`;
  return new DocumentReadError(`« ${file} » : ${reason}.`, error.message);
}

/** The first bytes of an OLE compound file: a Word 97-2003 .doc, or an encrypted .docx. */
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Refuses, by their first bytes, the files that are no zip: PDF, OLE, RTF, HTML, text, anything else. */
function refuseByFirstBytes(file: string, bytes: Buffer): void {
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') return;
  if (/^\s*%PDF-/.test(head.slice(0, 1024))) throw new DocumentReadError(pdfMessage(file));
  if (bytes.subarray(0, CFB.length).equals(CFB)) {
    throw new DocumentReadError(
      `« ${file} » est protégé par un mot de passe ou au format .doc ancien (Word 97-2003) : l’import ne peut pas le lire. ` +
        'Ouvrez-le dans Word ou LibreOffice Writer, retirez le mot de passe s’il en a un (Word : Fichier › Informations › Protéger le document › Chiffrer avec mot de passe, champ vidé ; ' +
        'LibreOffice : Fichier › Enregistrer sous, case « Enregistrer avec mot de passe » décochée), puis enregistrez-le au format « Document Word (.docx) » ou « Texte ODF (.odt) » et relancez l’import.',
    );
  }
  throw new DocumentReadError(
    `« ${file} » n’est pas un document Word (.docx) ni LibreOffice Writer (.odt)${whatItIs(file, head, bytes)} ; ${GET_DOCX}.`,
  );
}

/** What a file that is no zip seems to be, for the message: " : c’est un fichier RTF"… */
function whatItIs(file: string, head: string, bytes: Buffer): string {
  if (head.startsWith('{\\rtf')) return ' : c’est un fichier RTF';
  if (/^\s*<(!doctype html|html)/i.test(head)) return ' : c’est une page web (HTML)';
  if (/^\s*<\?xml/.test(head)) return ' : c’est un fichier XML isolé, pas l’archive qu’est un document .docx ou .odt';
  const despite = /\.(docx|odt)$/i.test(file) ? ' malgré son nom' : '';
  return `${despite} : son contenu ${looksLikeText(bytes) ? 'est du texte brut' : 'n’est pas celui d’un document de traitement de texte'}`;
}

/** Text in any 8-bit or UTF-8 encoding: no NUL byte, hardly any control character but tabs and line ends. */
function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return controls <= sample.length / 100;
}

function pdfMessage(file: string): string {
  return (
    `« ${file} » est un PDF : l’import ne lit pas les PDF, qui ne gardent ni les titres, ni la numérotation, ni les tableaux du document d’origine. ` +
    'Ouvrez le document d’origine dans Word ou LibreOffice Writer et enregistrez-le au format « Document Word (.docx) » ou « Texte ODF (.odt) » (Fichier › Enregistrer sous), puis importez ce fichier. ' +
    'Sans document d’origine, Word sait ouvrir un PDF et l’enregistrer en .docx (vérifiez alors le résultat), ' +
    'ou saisissez le plan dans le classeur modèle (npm run tableur:modele) et importez-le avec npm run tableur:importer.'
  );
}

/** The zip's entries within the limits; a ZipError becomes a French message. */
function documentParts(file: string, bytes: Buffer): Map<string, Buffer> {
  try {
    return readZip(bytes, { maxSize: LIMITS.expanded, maxEntries: LIMITS.entries });
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    throw new DocumentReadError(zipMessage(file, error.fault), error.message);
  }
}

/** The French message for a zip that is not one this reader accepts. */
function zipMessage(file: string, fault: ZipFault): string {
  switch (fault.kind) {
    case 'not-zip':
    case 'damaged':
      return `« ${file} » est un document abîmé (copie interrompue, pièce jointe tronquée ?) : reprenez-en une copie intacte, ou ${SAVE_AGAIN}.`;
    case 'encrypted':
      return `« ${file} » est chiffré : l’import ne peut pas le lire ; ouvrez-le dans Word ou LibreOffice Writer, retirez-en le mot de passe et enregistrez-le de nouveau, puis relancez l’import.`;
    case 'unsupported':
      return `« ${file} » est une archive zip d’une forme que Word et LibreOffice n’écrivent pas : ${SAVE_AGAIN}.`;
    case 'too-many-entries':
      return `« ${file} » contient ${thousands(fault.count)} fichiers internes, au-delà de la limite de ${thousands(fault.limit)} : ce n’est pas un document de traitement de texte ordinaire ; vérifiez le fichier choisi.`;
    case 'too-large':
      return `« ${file} » occuperait ${megabytes(fault.size)} une fois décompressé, au-delà de la limite de ${megabytes(fault.limit)} : ce n’est pas un document de traitement de texte ordinaire ; vérifiez le fichier choisi.`;
  }
}
