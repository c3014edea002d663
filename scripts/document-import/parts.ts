/**
 * What the readers of .docx and .odt share (issue 22): the one error they throw, in French, and
 * the reading of an XML part of the file into a tree, every XML failure said in French.
 */
import { megabytes, thousands } from '../../src/lib/format.ts';
import type { Paragraph } from './blocks.ts';
import { parseXml, XML_LIMITS, XmlError, type XmlElement } from '../office/xml.ts';

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

/**
 * A table cell's paragraphs, as `read` puts them in a list: one empty paragraph at least (a cell is
 * never without one), placed at the cell, for both readers.
 */
export function paragraphsOfCell(cell: NonNullable<Paragraph['cell']>, read: (into: Paragraph[]) => void): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  read(paragraphs);
  if (paragraphs.length === 0) paragraphs.push({ kind: 'paragraph', index: cell.table, text: '', cell });
  return paragraphs;
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
      `« ${file} » : sa partie interne ${name} pèse ${megabytes(bytes.length)}, bien au-delà de ce que tient un plan ou une convention ; vérifiez le fichier choisi.`,
    );
  }
  try {
    return parseXml(bytes.toString('utf8'));
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    if (error.fault === 'too-deep' || error.fault === 'too-many-elements') {
      const what =
        error.fault === 'too-deep'
          ? `imbrique ses éléments sur plus de ${XML_LIMITS.depth} niveaux`
          : `contient plus de ${thousands(XML_LIMITS.elements)} éléments`;
      throw new DocumentReadError(
        `« ${file} » : sa partie interne ${name} ${what}, bien au-delà de ce que tient un plan ou une convention ; vérifiez le fichier choisi, ou ${SAVE_AGAIN}.`,
        error.message,
      );
    }
    if (error.fault === 'doctype') {
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

/** What a reader met and left out, counted; both readers fill the same counts. */
export interface LeftOut {
  textBoxes: number;
  images: number;
  footnotes: number;
  comments: number;
  nestedTables: number;
  /** Tables cut at the limits of ODF's repetition attributes. */
  truncatedTables: number;
}

export const nothingLeftOut = (): LeftOut => ({ textBoxes: 0, images: 0, footnotes: 0, comments: 0, nestedTables: 0, truncatedTables: 0 });

/** The notes of a SourceDocument for what was left out, in French, for the report. */
export function leftOutNotes(leftOut: LeftOut): string[] {
  const limits = TABLE_LIMITS;
  const notes: string[] = [];
  const n = leftOut;
  if (n.textBoxes > 0) {
    notes.push(
      `${count(n.textBoxes, 'zone de texte laissée', 'zones de texte laissées')} de côté : ${n.textBoxes === 1 ? 'son' : 'leur'} texte n’est pas lu ; ` +
        's’il fait partie du plan, copiez-le dans le corps du document.',
    );
  }
  if (n.images > 0) notes.push(`${count(n.images, 'image ou objet laissé', 'images ou objets laissés')} de côté : seul le texte est lu.`);
  if (n.footnotes > 0)
    notes.push(`${count(n.footnotes, 'note de bas de page ou de fin laissée', 'notes de bas de page ou de fin laissées')} de côté.`);
  if (n.comments > 0) notes.push(`${count(n.comments, 'commentaire laissé', 'commentaires laissés')} de côté.`);
  if (n.nestedTables > 0) {
    notes.push(
      `${count(n.nestedTables, 'tableau imbriqué dans une cellule a été aplati', 'tableaux imbriqués dans une cellule ont été aplatis')} : ` +
        `${n.nestedTables === 1 ? 'ses' : 'leurs'} paragraphes sont lus comme ceux de la cellule.`,
    );
  }
  if (n.truncatedTables > 0) {
    notes.push(
      `${count(n.truncatedTables, 'tableau dépassait', 'tableaux dépassaient')} les limites de lecture (${thousands(limits.rows)} lignes, ` +
        `${thousands(limits.columns)} colonnes, ${thousands(limits.cells)} cellules) par ses lignes ou colonnes répétées : ce qui les dépasse a été laissé de côté.`,
    );
  }
  return notes;
}

/** A cell's text: its paragraphs, each after its label, one a line. */
export const cellText = (paragraphs: Paragraph[]): string =>
  paragraphs.map((p) => (p.label !== undefined ? `${p.label} ${p.text}` : p.text)).join('\n');

/**
 * Bounds on a table's expansion by ODF's repetition attributes (`number-rows-repeated`,
 * `number-columns-repeated`), which a hostile file can set to millions: a plan's largest table
 * holds a few thousand cells; a hostile one stops here, in milliseconds.
 */
export const TABLE_LIMITS = { rows: 10_000, columns: 200, cells: 20_000 };

/**
 * A heading style's id or name in the languages of Word and LibreOffice ("Heading1", "Titre1", "Überschrift1"…), for a
 * style that does not say its outline level (the docx library writes "Heading 1" so); whole, so that "Sous-titre 2" is no heading.
 */
export const HEADING_NAME = /^(?:heading|titre|überschrift|título|titolo|kop)\s*(\d)$/i;
