/**
 * What the readers of .docx and .odt share (issue 22): the one error they throw, in French, and
 * the reading of an XML part of the file into a tree, every XML failure said in French.
 */
import { parseXml, XmlError, type XmlElement } from './xml.ts';

/**
 * Why a word-processing file cannot be read: `message` is French, for the référent (the file, what
 * is wrong, what to do); `detail` is the library's or system's English, for --debug only.
 */
export class DocumentReadError extends Error {
  readonly detail?: string;
  constructor(message: string, detail?: string) {
    super(message);
    this.name = 'DocumentReadError';
    this.detail = detail;
  }
}

/** How a damaged file is made whole again, said once for every message that needs it. */
export const SAVE_AGAIN =
  'ouvrez-le dans Word ou LibreOffice Writer et enregistrez-le de nouveau (Fichier › Enregistrer sous, format « Document Word (.docx) » ou « Texte ODF (.odt) »), puis relancez l’import';

/**
 * The largest XML part read: a 100-page plan's body is a few megabytes; past this the file is not
 * a plan, and its tree alone would take gigabytes.
 */
export const MAX_XML_PART = 60 * 1024 * 1024;

/** The XML part `name` of the file, parsed; undefined when the file has no such part. */
export function xmlPart(file: string, parts: Map<string, Buffer>, name: string): XmlElement | undefined {
  const bytes = parts.get(name);
  if (bytes === undefined) return undefined;
  if (bytes.length > MAX_XML_PART) {
    throw new DocumentReadError(
      `« ${file} » : sa partie interne ${name} pèse ${Math.ceil(bytes.length / 1024 / 1024)} Mo, bien au-delà de ce que tient un plan ou une convention ; vérifiez le fichier choisi.`,
    );
  }
  try {
    return parseXml(bytes.toString('utf8'));
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    if (error.doctype) {
      throw new DocumentReadError(
        `« ${file} » : sa partie interne ${name} déclare une DTD (<!DOCTYPE …>), ce que Word et LibreOffice n’écrivent jamais ; ` +
          `par sécurité, l’import ne lit ni ses entités ni aucune ressource extérieure et refuse le fichier : ${SAVE_AGAIN}.`,
        error.message,
      );
    }
    throw new DocumentReadError(
      `« ${file} » est abîmé : sa partie interne ${name} n’est pas du XML bien formé ; ${SAVE_AGAIN}.`,
      error.message,
    );
  }
}

/** "1 image", "3 images": a count with its noun, for the notes. */
export const count = (n: number, singular: string, plural: string): string => `${n} ${n === 1 ? singular : plural}`;
