/**
 * The publisher's logo (src/config.ts, `identity.logo`): a file of public/, SVG or PNG, read once
 * when the settings are, so that a wrong name, a file that is not what its extension says, an SVG
 * that carries a script or an image far too heavy for a header stops the build with what to do,
 * instead of a broken image on every page. Its size gives the `<img>` its width and height, so
 * that nothing moves when it loads.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

/** The folder whose files the site serves as they are. */
export const PUBLIC_FOLDER = 'public';
/** A header logo weighs a few kilobytes; past this, it is not one (a photo, a scan). */
export const LOGO_MAX_BYTES = 512 * 1024;

export interface LogoSize {
  width: number;
  height: number;
}

/** What is wrong with the logo, in words for the publisher; or its size. */
export type LogoReading = { size: LogoSize } | { problem: string; allowed: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SAVE_AGAIN = 'un fichier SVG ou PNG déposé dans public/, par exemple « logo.svg »';

/** Reads and checks `file` (relative to public/) in the project at `root`. */
export function readLogo(root: string, file: string): LogoReading {
  const relative = normalize(file);
  if (relative.startsWith('..') || relative.startsWith(sep) || /^[a-z]+:/i.test(file)) {
    return { problem: 'le logo doit être un fichier du dossier public/ du site, nommé depuis ce dossier', allowed: SAVE_AGAIN };
  }
  const kind = /\.svg$/i.test(file) ? 'SVG' : /\.png$/i.test(file) ? 'PNG' : undefined;
  if (!kind) return { problem: 'le logo doit être au format SVG ou PNG (nom en .svg ou .png)', allowed: SAVE_AGAIN };
  const path = join(root, PUBLIC_FOLDER, relative);
  if (!existsSync(path) || !statSync(path).isFile()) {
    return { problem: `aucun fichier ${PUBLIC_FOLDER}/${relative} : le logo n’a pas été déposé, ou son nom diffère`, allowed: SAVE_AGAIN };
  }
  const bytes = statSync(path).size;
  if (bytes > LOGO_MAX_BYTES) {
    return {
      problem: `le logo pèse ${new Intl.NumberFormat('fr-FR').format(Math.round(bytes / 1024))} Ko ; un logo d’en-tête pèse quelques kilo-octets, et chaque page le charge`,
      allowed: `une version allégée de moins de ${LOGO_MAX_BYTES / 1024} Ko (SVG, ou PNG d’une centaine de pixels de haut)`,
    };
  }
  const content = readFileSync(path);
  const size = kind === 'PNG' ? pngSize(content) : svgSize(content.toString('utf8'));
  if (typeof size === 'string') return { problem: size, allowed: SAVE_AGAIN };
  return { size };
}

/** A PNG's size from its header; a message if the file is not a PNG. */
function pngSize(content: Buffer): LogoSize | string {
  if (content.length < 24 || !content.subarray(0, 8).equals(PNG_SIGNATURE) || content.toString('latin1', 12, 16) !== 'IHDR') {
    return 'le fichier porte l’extension .png mais n’est pas une image PNG : enregistrez-le de nouveau au format PNG depuis votre logiciel';
  }
  return { width: content.readUInt32BE(16), height: content.readUInt32BE(20) };
}

/** An SVG's size from its viewBox, or its width and height; a message if it is not a safe SVG. */
function svgSize(text: string): LogoSize | string {
  const root = /<svg\b[^>]*>/i.exec(text);
  if (!root) {
    return 'le fichier porte l’extension .svg mais n’est pas une image SVG : enregistrez-le de nouveau au format SVG depuis votre logiciel';
  }
  if (/<script\b|\son[a-z]+\s*=|<foreignObject\b|(?:href|src)\s*=\s*["']\s*(?:https?:|javascript:)/i.test(text)) {
    return 'le logo SVG contient un script, du contenu HTML ou un lien vers un autre site : un logo n’en a pas besoin, et le site n’en sert pas';
  }
  const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root[0])?.[1];
  const box = attribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box?.length === 4 && box[2]! > 0 && box[3]! > 0) return { width: Math.round(box[2]!), height: Math.round(box[3]!) };
  const [width, height] = ['width', 'height'].map((n) => Number(/^\s*([\d.]+)\s*(?:px)?\s*$/.exec(attribute(n) ?? '')?.[1]));
  if (width! > 0 && height! > 0) return { width: Math.round(width!), height: Math.round(height!) };
  return 'le logo SVG ne dit pas sa taille : ajoutez à sa balise <svg> un attribut viewBox (« 0 0 largeur hauteur »)';
}
