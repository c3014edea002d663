/**
 * `npm run site:vierge [-- --oui] [--sans-glossaire|--garder-glossaire]
 * [--sans-organisations|--garder-organisations] [--dossier <dir>]`.
 *
 * Turns a copy of this project into a blank site for another public body (`npm run site:vierge`):
 * removes every published document and everything under it, keeps or removes the glossary and
 * the organisations, resets the publisher settings to placeholders, removes the fidelity tests of
 * the removed documents, and writes one short example document, clearly marked, so that the site
 * checks and builds at once. Pure file operations on a folder: the command and the tests run it.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { COLLECTIONS } from '../../src/model/collections.ts';
import { SLUG_PATTERN } from '../../src/model/ids.ts';
import { listContent, readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { formatReport } from '../../src/model/problems.ts';
import { countOf, noun } from '../../src/lib/french.ts';
import { readCommandLine, usageError } from '../cli.ts';

/** Identifier (and folder name) of the example document. */
export const EXAMPLE_ID = 'exemple-plan-handicap';

export interface BlankOptions {
  /** Keep content/glossaire/ (generic terms of disability employment law). */
  keepGlossary: boolean;
  /** Keep content/organisations/ (FIPHFP, Agefiph, référent handicap…). */
  keepOrganisations: boolean;
  /** Date written as the example's publication date and the declaration's date (AAAA-MM-JJ). */
  today: string;
}

/** A path the command left in place, and why (French, for the report). */
export interface Skipped {
  /** Relative to the project root. */
  path: string;
  reason: string;
}

export interface BlankReport {
  /** The documents found: the ids of content/conventions/<id>.mdx, each a regular file. */
  documents: string[];
  /** Files and folders removed, relative to the project root. */
  removed: string[];
  /** Folders kept as asked, relative to the project root. */
  kept: string[];
  /** What the command met and left in place (stray names, links, anything outside its fence). */
  skipped: Skipped[];
  /** Files written, relative to the project root. */
  written: string[];
}

/*
 * The fence (issue 19, « site:vierge deletes what it was told to keep »): a stray `.mdx` in
 * content/conventions/ once made the id "" and removed content/<folder>/ whole, glossary
 * included. Now an id comes only from a name `<id>.mdx` where <id> matches the model's
 * SLUG_PATTERN (no dot, no slash, never empty), from a regular file (a link is never followed),
 * and a path is removed or written only when its real path is the very one the command means:
 * strictly inside its folder, itself where it should be under the project (no link on the way).
 */

const REASONS = {
  link: 'lien symbolique : la commande ne suit ni ne supprime aucun lien ; retirez-le vous-même s’il n’a rien à faire là',
  name: 'nom qui n’est pas un identifiant (lettres minuscules sans accent, chiffres et tirets, puis .mdx) : laissé en place, renommez-le ou supprimez-le vous-même',
  notMdx: 'pas un fichier .mdx : ce n’est pas un document, laissé en place',
  notFile: 'pas un fichier ordinaire (dossier ou fichier spécial) : laissé en place',
  outside: (folder: string) =>
    `hors du dossier ${folder}/ une fois les liens symboliques résolus : la commande n’y supprime ni n’y écrit rien ; remplacez le lien par un vrai dossier`,
};

const posix = (path: string) => path.split(sep).join('/');

/** Whether `path` is strictly inside `folder` (both real paths): never the folder itself, never outside. */
function strictlyInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** `folder` (relative to `root`) as it is, or why not: a link on the way would move the fence. */
function fenceOf(root: string, folder: string): { real: string } | { reason: string } {
  let real: string;
  try {
    real = realpathSync(join(root, folder));
  } catch {
    return { reason: REASONS.outside(folder) }; // a link to nowhere
  }
  return real === join(realpathSync(root), folder) ? { real } : { reason: REASONS.outside(folder) };
}

/** The stats of `path` itself (a link is not followed), or undefined when nothing is there. */
function lstatOf(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The entry files of a folder (relative to `root`): the ids of its `<id>.mdx` regular files, and
 * every other name it holds, with the reason it is left alone.
 */
export function entriesOf(root: string, folder: string): { ids: string[]; skipped: Skipped[] } {
  const dir = join(root, folder);
  if (!existsSync(dir)) return { ids: [], skipped: [] };
  const fence = fenceOf(root, folder);
  if ('reason' in fence) return { ids: [], skipped: [{ path: `${folder}/`, reason: fence.reason }] };
  const ids: string[] = [];
  const skipped: Skipped[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = posix(join(folder, entry.name));
    const id = entry.name.endsWith('.mdx') ? entry.name.slice(0, -'.mdx'.length) : undefined;
    if (entry.isSymbolicLink()) skipped.push({ path, reason: REASONS.link });
    else if (id === undefined) skipped.push({ path, reason: entry.isFile() ? REASONS.notMdx : REASONS.notFile });
    else if (!entry.isFile()) skipped.push({ path, reason: REASONS.notFile });
    else if (!SLUG_PATTERN.test(id)) skipped.push({ path, reason: REASONS.name });
    else ids.push(id);
  }
  return { ids, skipped };
}

const conventionsFolder = `content/${COLLECTIONS.conventions.folder}`;

/** The documents a project publishes, the ids of content/conventions/<id>.mdx; other names are skipped. */
export function scanDocuments(root: string): { documents: string[]; skipped: Skipped[] } {
  const { ids, skipped } = entriesOf(root, conventionsFolder);
  return { documents: ids, skipped };
}

/**
 * Removes `name` from `folder` (both relative to `root`) when it is strictly inside it, real paths
 * compared, and not a link: the path removed (a folder's with its final "/"), "absent", or what
 * was left and why.
 */
function removeInside(root: string, folder: string, name: string): { removed: string } | 'absent' | Skipped {
  const path = posix(join(folder, name));
  const target = join(root, folder, name);
  const stats = lstatOf(target);
  if (!stats) return 'absent';
  if (stats.isSymbolicLink()) return { path, reason: REASONS.link };
  const fence = fenceOf(root, folder);
  if ('reason' in fence) return { path, reason: fence.reason };
  if (!strictlyInside(realpathSync(target), fence.real)) return { path, reason: REASONS.outside(folder) };
  // rmSync does not follow the links it meets inside a folder: it removes them.
  rmSync(target, { recursive: true });
  return { removed: stats.isDirectory() ? `${path}/` : path };
}

/**
 * Writes `text` at `path` (relative to `root`) unless a link on the way would send it elsewhere:
 * the folders it makes are made under a folder that is itself where it should be.
 */
function writeInside(root: string, path: string, text: string): Skipped | undefined {
  const folder = dirname(path);
  let made = folder;
  while (!lstatOf(join(root, made))) made = dirname(made);
  const fence = fenceOf(root, made);
  if ('reason' in fence) return { path, reason: fence.reason };
  mkdirSync(join(root, folder), { recursive: true });
  if ('reason' in fenceOf(root, folder)) return { path, reason: REASONS.outside(folder) };
  const existing = lstatOf(join(root, path));
  if (existing?.isSymbolicLink()) return { path, reason: REASONS.link };
  if (existing && !existing.isFile()) return { path, reason: REASONS.notFile };
  writeFileSync(join(root, path), text);
  return undefined;
}

/** What the blank site starts with; every text says it is an example or a placeholder. */
export function exampleFiles(today: string): Record<string, string> {
  const folder = (name: keyof typeof COLLECTIONS) => `content/${COLLECTIONS[name].folder}`;
  const year = today.slice(0, 4);
  return {
    [`${folder('conventions')}/${EXAMPLE_ID}.mdx`]: `---
title: "Exemple — Plan d'actions en faveur de l'inclusion des personnes en situation de handicap"
shortTitle: "Exemple — plan handicap"
kind: plan-actions
issuer: "Exemple — service qui émet le document (à remplacer)"
parties:
  - name: "Exemple — votre organisme (à remplacer)"
    role: employeur
dates:
  inForce: "${year}"
summary: "Document d'exemple écrit par npm run site:vierge, à remplacer par votre propre plan : un axe, un objectif, deux actions et une échelle de statuts."
levels:
  axis: { singular: "Axe", plural: "Axes", label: "Axe {n}" }
  objective: { singular: "Objectif", plural: "Objectifs", label: "Objectif {n}" }
  action: { singular: "Action", plural: "Actions", label: "Action {n}" }
statusScale:
  - { code: "R", legend: "Réalisé", status: realise }
  - { code: "EC", legend: "En cours", status: en-cours }
  - { code: "NR", legend: "Non réalisé", status: non-realise }
rounds:
  - id: bilan-exemple
    label: "Bilan d'exemple (à remplacer)"
    period: "${year}"
published: "${today}"
source:
  file: "exemple.pdf"
  note: "Aucun document source : ce document est un exemple."
order: 1
sourceNotes:
  - "Ceci est un exemple, pas un document réel : remplacez-le par votre plan, puis supprimez ses fichiers (content/*/${EXAMPLE_ID}…)."
---

Texte d'introduction du document (exemple à remplacer) : à quoi sert le plan, qui l'a signé, pour
quelle période.
`,
    [`${folder('axes')}/${EXAMPLE_ID}/axe-1.mdx`]: `---
convention: ${EXAMPLE_ID}
number: "1"
title: "Exemple — recrutement et intégration"
---

Texte de l'axe (exemple à remplacer).
`,
    [`${folder('objectives')}/${EXAMPLE_ID}/axe-1-objectif-1.mdx`]: `---
convention: ${EXAMPLE_ID}
axis: "1"
number: "1"
title: "Exemple — accueillir les personnes recrutées"
---
`,
    [`${folder('actions')}/${EXAMPLE_ID}/action-1.mdx`]: `---
convention: ${EXAMPLE_ID}
axis: "1"
objective: "1"
kind: action
number: "1"
order: 1
title: "Exemple — nommer un référent handicap"
wording: "Exemple d'action à remplacer : nommer un référent handicap et faire connaître ses coordonnées à tous les agents."
statuses:
  - { round: bilan-exemple, status: R }
responsible: ["Exemple — service des ressources humaines"]
themes: [pilotage-gouvernance]
audience: [rh-referents]
---
`,
    [`${folder('actions')}/${EXAMPLE_ID}/action-2.mdx`]: `---
convention: ${EXAMPLE_ID}
axis: "1"
objective: "1"
kind: action
number: "2"
order: 2
title: "Exemple — adapter les postes de travail"
wording: "Exemple d'action à remplacer : adapter le poste de travail de chaque agent qui en fait la demande, dans un délai annoncé."
statuses:
  - { round: bilan-exemple, status: EC }
themes: [maintien-emploi]
audience: [personnes-handicapees]
---
`,
  };
}

/** The publisher settings, every value to fill in said so (src/model/site.ts checks them at build). */
export function blankSettings(today: string): string {
  return `/**
 * Ce que l’éditeur du site règle une fois pour tout le site. Vérifié à la construction par
 * src/model/site.ts : un champ absent ou faux arrête la construction avec un message qui le nomme,
 * et une valeur encore provisoire (« à renseigner ») aussi, sauf en version de travail (draft: true).
 * Écrit par \`npm run site:vierge\` : remplacez chaque « à renseigner » avant de publier.
 */
import { parseSite } from './model/site.ts';

export const site = parseSite({
  // Nom du site, en tête de chaque page et à la fin du titre de chaque onglet.
  name: 'Politique handicap (nom du site à renseigner dans src/config.ts)',
  // Une phrase sous le nom, sur la page d’accueil.
  tagline:
    "Les conventions et plans d'actions de l'organisme en faveur de l'inclusion des personnes en situation de handicap (phrase à renseigner).",
  // Qui publie le site (pied de page : « publié par … », déclaration d’accessibilité).
  organisation: 'Organisme éditeur (à renseigner dans src/config.ts)',
  // L’organisme tel que l’en-tête le montre à côté du nom du site : son nom court ; au besoin son
  // logo, fichier SVG ou PNG déposé dans public/, avec le texte qu’il porte :
  // logo: { file: 'logo.svg', alt: 'Nom de l’organisme' } ; et sa couleur d’accent pour chaque
  // thème : accent: { light: '#1f3a93', dark: '#a4bcff' } (une couleur trop peu contrastée est refusée).
  identity: {
    name: 'Nom court de l’organisme (à renseigner)',
  },
  // Version de travail : chaque page le dit tant que les valeurs « à renseigner » restent. Remplacez-les,
  // puis écrivez false : la construction refuse alors toute valeur encore provisoire.
  draft: true,
  // Déclaration d’accessibilité (page « Accessibilité », modèle officiel du RGAA 4.1).
  accessibility: {
    // Aucun audit n’a été réalisé : la loi impose alors « non » conforme. Après un audit, donnez
    // auditDate, auditor, rate (taux de critères respectés) et le niveau qui en découle.
    conformity: 'non',
    declarationDate: '${today}',
    nonAccessible: [],
    exemptions: [],
    // Pages de l’échantillon de l’audit : seulement quand un audit a eu lieu.
    pagesAudited: [],
    // Au moins un moyen de contact : courriel (email), formulaire (form) ou adresse postale (postal).
    contact: { email: 'adresse-a-renseigner@example.org', postal: 'Organisme éditeur, service à renseigner, adresse à renseigner' },
  },
  // Licence des données ouvertes (page « Données ouvertes », schémas, datapackage.json) :
  // 'etalab-2.0' (Licence Ouverte 2.0, par défaut), 'ODbL-1.0', 'CC-BY-4.0' ou 'CC0-1.0'.
  licence: 'etalab-2.0',
  // Mentions légales.
  legal: {
    publisher: 'Organisme éditeur (nom et adresse à renseigner dans src/config.ts)',
    director: 'Directeur ou directrice de la publication (à renseigner)',
    host: 'Hébergeur (nom et adresse à renseigner) — le site est un dossier de fichiers statiques, déposable sur tout serveur web.',
  },
});
`;
}

const TESTS_FOLDER = 'tests/content';
const BROWSER_FIDELITY_FOLDER = 'tests/browser/site';

/**
 * Tests of tests/content/ bound to a removed document: they compare it to its source. They go
 * with the document (and the sources with the last of them); the other tests stay.
 */
function contentTestsOf(root: string, documents: string[]): string[] {
  const tests = testFiles(root, TESTS_FOLDER, '.test.ts');
  const bound = boundTo(root, TESTS_FOLDER, tests, documents);
  return bound.length === tests.length ? [...bound, 'seeds'] : bound;
}

/**
 * Browser fidelity specs bound to a removed document (`tests/browser/site/<name>-fidelity.spec.ts`:
 * the page of one demo document checked in a browser, issue 23). Only the files named so: the
 * site-wide specs of the folder name no document and always stay.
 */
function browserFidelityTestsOf(root: string, documents: string[]): string[] {
  return boundTo(root, BROWSER_FIDELITY_FOLDER, testFiles(root, BROWSER_FIDELITY_FOLDER, '-fidelity.spec.ts'), documents);
}

/** The regular files of `folder` whose name ends with `suffix`. */
function testFiles(root: string, folder: string, suffix: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(suffix))
    .map((d) => d.name);
}

/** The files among `tests` (in `folder`) that name one of `documents`. */
function boundTo(root: string, folder: string, tests: string[], documents: string[]): string[] {
  // The whole identifier, not a part of a longer one or of a word (an id « plan » is not in « planning »).
  const names = documents.map((d) => new RegExp(`(?<![a-z0-9-])${d}(?![a-z0-9-])`));
  return tests.filter((f) => {
    const text = readFileSync(join(root, folder, f), 'utf8');
    return names.some((name) => name.test(text));
  });
}

/** The collections whose folders hold one sub-folder per document (axes, actions…): not the glossary nor the organisations. */
const DOCUMENT_PARTS = Object.values(COLLECTIONS)
  .map((c) => c.folder)
  .filter((f) => f !== COLLECTIONS.glossary.folder && f !== COLLECTIONS.organisations.folder);

/**
 * Makes the blank site in `root`. Removes first, then writes: run twice, it gives the same site.
 * Removes only the documents' own files and folders, and the entries of a site-wide collection
 * the options drop, each strictly inside its folder; reports everything else it met.
 */
export function makeBlankSite(root: string, options: BlankOptions): BlankReport {
  const { documents, skipped } = scanDocuments(root);
  const removed: string[] = [];
  const kept: string[] = [];
  const remove = (folder: string, name: string) => {
    const result = removeInside(root, folder, name);
    if (result === 'absent') return;
    if ('removed' in result) removed.push(result.removed);
    else skipped.push(result);
  };
  for (const id of documents) {
    remove(conventionsFolder, `${id}.mdx`);
    for (const folder of DOCUMENT_PARTS) remove(`content/${folder}`, id);
  }
  for (const [folder, keep] of [
    [COLLECTIONS.glossary.folder, options.keepGlossary],
    [COLLECTIONS.organisations.folder, options.keepOrganisations],
  ] as const) {
    if (keep) {
      if (existsSync(join(root, 'content', folder))) kept.push(`content/${folder}/`);
      continue;
    }
    const entries = entriesOf(root, `content/${folder}`);
    skipped.push(...entries.skipped);
    for (const id of entries.ids) remove(`content/${folder}`, `${id}.mdx`);
  }
  const removedDocuments = documents.filter((d) => d !== EXAMPLE_ID);
  for (const name of contentTestsOf(root, removedDocuments)) remove(TESTS_FOLDER, name);
  for (const name of browserFidelityTestsOf(root, removedDocuments)) remove(BROWSER_FIDELITY_FOLDER, name);

  const written: string[] = [];
  const files = { ...exampleFiles(options.today), 'src/config.ts': blankSettings(options.today) };
  for (const [path, text] of Object.entries(files)) {
    const refused = writeInside(root, path, text);
    if (refused) skipped.push(refused);
    else written.push(path);
  }
  return { documents, removed, kept, skipped, written };
}

/** Validates the content of `root` as `npm run check:content` does: the problems, or none. */
export function checkBlankSite(root: string): string | undefined {
  let read: ReturnType<typeof readContent>;
  try {
    read = readContent(root);
  } catch (error) {
    return unreadable(root, error as NodeJS.ErrnoException);
  }
  const { problems } = validateAll(read.files);
  const all = [...read.problems, ...problems];
  return all.length > 0 ? formatReport(all) : undefined;
}

/** A file of content/ the reader could not open (a folder named like a .mdx file, no right to read…), in French; links are reported by readContent. */
function unreadable(root: string, error: NodeJS.ErrnoException): string {
  // Node names no file when reading a folder fails: the first entry that is not a file is the one.
  const notFile = listContent(root).find((f) => {
    try {
      return !statSync(f.path).isFile();
    } catch {
      return true;
    }
  });
  const file = error.path ? posix(relative(root, error.path)) : (notFile?.file ?? 'un fichier de content/');
  const why: Record<string, string> = {
    EISDIR: 'c’est un dossier nommé comme un fichier',
    EACCES: 'ses droits ne permettent pas de le lire',
  };
  return `${file} ne peut pas être lu (${why[error.code ?? ''] ?? 'erreur de lecture'}) : retirez-le de content/ ou remplacez-le par un vrai fichier.`;
}

/** The report of a run, in French: what was removed, kept, written, and what was left in place and why. */
export function formatBlankReport(root: string, report: BlankReport): string {
  const list = (paths: string[]) => paths.join(', ') || 'aucun';
  const siteWide = [COLLECTIONS.glossary.folder, COLLECTIONS.organisations.folder].map((f) => `content/${f}/`);
  // The entries of a site-wide folder are counted, the documents' files and folders listed.
  const removedIn = (folder: string) => report.removed.filter((p) => p.startsWith(folder)).length;
  const folderState = (folder: string, kept: string, removed: string) =>
    report.kept.includes(folder) ? kept : `${removed} (${countOf(removedIn(folder), noun('fichier'))} .mdx)`;
  const own = report.removed.filter((p) => !siteWide.some((f) => p.startsWith(f)));
  const lines = [
    report.skipped.length === 0
      ? `Site vierge prêt dans ${root}.`
      : `Site vierge préparé dans ${root}, mais ${countOf(report.skipped.length, noun('chemin'))} laissé${report.skipped.length > 1 ? 's' : ''} en place : voyez la fin de ce rapport.`,
    `  Documents supprimés : ${list(report.documents.filter((d) => d !== EXAMPLE_ID))}.`,
    `  Glossaire : ${folderState(siteWide[0]!, 'gardé', 'supprimé')} ; organismes et rôles : ${folderState(siteWide[1]!, 'gardés', 'supprimés')}.`,
    `  Tests de fidélité aux sources supprimés avec leurs documents : ${list(own.filter((p) => p.startsWith('tests/')))}.`,
    `  Fichiers et dossiers des documents supprimés : ${list(own.filter((p) => !p.startsWith('tests/')))}.`,
    `  Écrits : ${list(report.written)}.`,
  ];
  if (report.skipped.length > 0) {
    lines.push(`  Laissés en place, sans rien y supprimer ni écrire (${report.skipped.length}) :`);
    for (const { path, reason } of report.skipped) lines.push(`    - ${path} : ${reason}.`);
  }
  return lines.join('\n');
}

const USAGE = `Usage : npm run site:vierge -- [options]

Options :
  --oui                     confirme la suppression (obligatoire hors d’un terminal interactif)
  --garder-glossaire        garde le glossaire (ou --sans-glossaire pour le supprimer)
  --garder-organisations    garde les organismes et rôles (ou --sans-organisations)
  --dossier <dossier>       agit sur une autre copie du projet (par défaut : le dossier courant)
  --aide                    affiche cette aide`;

/** "keep" flag, "drop" flag, or neither (undefined): both is a fault of the command line. */
function choice(keep: boolean, drop: boolean, name: string): boolean | undefined {
  if (keep && drop) usageError(USAGE, `Choisissez --garder-${name} ou --sans-${name}, pas les deux.`);
  return keep ? true : drop ? false : undefined;
}

async function main() {
  const { values } = readCommandLine({
    usage: USAGE,
    options: {
      oui: { type: 'boolean', default: false },
      'garder-glossaire': { type: 'boolean', default: false },
      'sans-glossaire': { type: 'boolean', default: false },
      'garder-organisations': { type: 'boolean', default: false },
      'sans-organisations': { type: 'boolean', default: false },
      dossier: { type: 'string' },
    },
  });
  const root = resolve(values.dossier ?? process.cwd());
  if (!existsSync(join(root, 'content', COLLECTIONS.conventions.folder)) || !existsSync(join(root, 'src', 'config.ts'))) {
    console.error(`${root} n'est pas une copie du projet (content/${COLLECTIONS.conventions.folder}/ ou src/config.ts manque).`);
    process.exit(1);
  }
  const { documents, skipped } = scanDocuments(root);
  const yes = values.oui;
  let keepGlossary = choice(values['garder-glossaire'], values['sans-glossaire'], 'glossaire');
  let keepOrganisations = choice(values['garder-organisations'], values['sans-organisations'], 'organisations');

  if (!yes) {
    if (!process.stdin.isTTY) {
      console.error(`Cette commande supprime des fichiers : confirmez avec --oui.\n${USAGE}`);
      process.exit(1);
    }
    // Lines read one after the other (typed ahead or not); Ctrl+D or an empty input: nothing done.
    const rl = createInterface({ input: process.stdin, terminal: false });
    const lines = rl[Symbol.asyncIterator]();
    const read = async (prompt: string) => {
      process.stdout.write(prompt);
      const { value, done } = await lines.next();
      return done ? undefined : String(value).trim();
    };
    const ask = async (question: string) => {
      const answer = await read(`${question} [O/n] `);
      return answer === undefined ? undefined : !/^n/i.test(answer);
    };
    console.log(`Dossier : ${root}`);
    console.log(`Documents qui seront supprimés, avec leurs axes, objectifs, actions, sections et procédures :`);
    for (const d of documents) console.log(`  - ${d}`);
    if (skipped.length > 0) console.log(`Laissés en place (la commande n’y touchera pas) :`);
    for (const { path, reason } of skipped) console.log(`  - ${path} : ${reason}.`);
    keepGlossary ??= await ask(
      `Garder le glossaire (${entriesOf(root, `content/${COLLECTIONS.glossary.folder}`).ids.length} termes génériques) ?`,
    );
    if (keepGlossary !== undefined) {
      keepOrganisations ??= await ask(
        `Garder les organismes et rôles (${entriesOf(root, `content/${COLLECTIONS.organisations.folder}`).ids.length} : FIPHFP, Agefiph, référent handicap…) ?`,
      );
    }
    const answer =
      keepGlossary !== undefined && keepOrganisations !== undefined ? await read('Tapez « oui » pour confirmer : ') : undefined;
    rl.close();
    if (answer?.toLowerCase() !== 'oui') {
      console.log('\nRien n’a été modifié.');
      process.exit(1);
    }
  }

  const report = makeBlankSite(root, {
    keepGlossary: keepGlossary ?? true,
    keepOrganisations: keepOrganisations ?? true,
    today: new Date().toISOString().slice(0, 10),
  });
  const problems = checkBlankSite(root);
  console.log(
    [
      formatBlankReport(root, report),
      '',
      'Ensuite :',
      '  1. Renseignez src/config.ts (nom du site, organisme, mentions légales, déclaration d’accessibilité) : chaque « à renseigner ».',
      `  2. Remplacez le document d’exemple (content/*/${EXAMPLE_ID}…) par le vôtre : npm run nouveau:document, ou un classeur (npm run tableur:modele), ou le formulaire (npm run editeur).`,
      '  3. npm run check:content, puis npm start pour relire, puis npm run build et déposez dist/.',
    ].join('\n'),
  );
  if (problems) {
    console.error(`\nAttention, le contenu restant n'est pas valide :\n${problems}`);
    process.exit(1);
  }
  // What was left in place needs a look: the run did not do all it was asked.
  if (report.skipped.length > 0) process.exit(1);
}

if (import.meta.main) await main();
