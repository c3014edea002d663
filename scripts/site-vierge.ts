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
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { COLLECTIONS } from '../src/model/collections.ts';
import { readContent } from '../src/model/read.ts';
import { validateAll } from '../src/model/validate.ts';
import { formatReport } from '../src/model/problems.ts';

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

export interface BlankReport {
  documents: string[];
  /** Files and folders removed, relative to the project root. */
  removed: string[];
  /** Files written, relative to the project root. */
  written: string[];
}

const mdxFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')) : []);

/** The documents a project publishes: the files of content/conventions/. */
export function documentsOf(root: string): string[] {
  return mdxFiles(join(root, 'content', COLLECTIONS.conventions.folder)).map((f) => f.replace(/\.mdx$/, ''));
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
 * What the publisher sets once for the whole site. Validated at build by src/model/site.ts:
 * a missing or wrong field stops the build with a message naming it.
 * Written by \`npm run site:vierge\`: replace every « à renseigner » before publishing.
 */
import { parseSite } from './model/site.ts';

export const site = parseSite({
  name: 'Politique handicap (nom du site à renseigner dans src/config.ts)',
  tagline: "Les conventions et plans d'actions de l'organisme en faveur de l'inclusion des personnes en situation de handicap (phrase à renseigner).",
  organisation: 'Organisme éditeur (à renseigner dans src/config.ts)',
  accessibility: {
    // No audit has been carried out yet: the law then requires "non conforme".
    conformity: 'non',
    declarationDate: '${today}',
    nonAccessible: [],
    exemptions: [],
    pagesAudited: [],
    contact: { email: 'adresse-a-renseigner@example.org', postal: 'Organisme éditeur, service à renseigner, adresse à renseigner' },
  },
  // Licence of the open data (page « Données ouvertes », schemas, datapackage.json): 'etalab-2.0'
  // (Licence Ouverte 2.0, the default), 'ODbL-1.0', 'CC-BY-4.0' or 'CC0-1.0'.
  licence: 'etalab-2.0',
  legal: {
    publisher: 'Organisme éditeur (nom et adresse à renseigner dans src/config.ts)',
    director: 'Directeur ou directrice de la publication (à renseigner)',
    host: 'Hébergeur (nom et adresse à renseigner) — le site est un dossier de fichiers statiques, déposable sur tout serveur web.',
  },
});
`;
}

/**
 * Tests of tests/content/ bound to a removed document: they compare it to its source. They go
 * with the document (and the sources with the last of them); the other tests stay.
 */
function contentTestsOf(root: string, documents: string[]): string[] {
  const dir = join(root, 'tests', 'content');
  if (!existsSync(dir)) return [];
  const tests = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
  const bound = tests.filter((f) => documents.some((d) => readFileSync(join(dir, f), 'utf8').includes(d)));
  const out = bound.map((f) => `tests/content/${f}`);
  if (bound.length === tests.length && existsSync(join(dir, 'seeds'))) out.push('tests/content/seeds');
  return out;
}

/** Makes the blank site in `root`. Removes first, then writes: run twice, it gives the same site. */
export function makeBlankSite(root: string, options: BlankOptions): BlankReport {
  const documents = documentsOf(root);
  const removed: string[] = [];
  const remove = (path: string) => {
    if (!existsSync(join(root, path))) return;
    rmSync(join(root, path), { recursive: true, force: true });
    removed.push(path);
  };
  for (const id of documents) {
    remove(`content/${COLLECTIONS.conventions.folder}/${id}.mdx`);
    for (const { folder } of Object.values(COLLECTIONS)) remove(`content/${folder}/${id}`);
  }
  const dropFolder = (folder: string) => mdxFiles(join(root, 'content', folder)).forEach((f) => remove(`content/${folder}/${f}`));
  if (!options.keepGlossary) dropFolder(COLLECTIONS.glossary.folder);
  if (!options.keepOrganisations) dropFolder(COLLECTIONS.organisations.folder);
  for (const path of contentTestsOf(
    root,
    documents.filter((d) => d !== EXAMPLE_ID),
  ))
    remove(path);

  const written: string[] = [];
  const files = { ...exampleFiles(options.today), 'src/config.ts': blankSettings(options.today) };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    written.push(path);
  }
  return { documents, removed, written };
}

/** Validates the content of `root` as `npm run check:content` does: the problems, or none. */
export function checkBlankSite(root: string): string | undefined {
  const { files, problems: readProblems } = readContent(root);
  const { problems } = validateAll(files);
  const all = [...readProblems, ...problems];
  return all.length > 0 ? formatReport(all) : undefined;
}

const USAGE = `Usage : npm run site:vierge -- [--oui] [--garder-glossaire | --sans-glossaire] [--garder-organisations | --sans-organisations] [--dossier <dossier>]`;

/** "keep" flag, "drop" flag, or neither (undefined): both is an error. */
function choice(args: string[], keep: string, drop: string): boolean | undefined {
  if (args.includes(keep) && args.includes(drop)) {
    console.error(`Choisissez ${keep} ou ${drop}, pas les deux.\n${USAGE}`);
    process.exit(1);
  }
  return args.includes(keep) ? true : args.includes(drop) ? false : undefined;
}

async function main() {
  const args = process.argv.slice(2);
  const known = ['--oui', '--garder-glossaire', '--sans-glossaire', '--garder-organisations', '--sans-organisations', '--dossier'];
  const unknown = args.filter((a, i) => a.startsWith('--') && !known.includes(a) && args[i - 1] !== '--dossier');
  if (unknown.length > 0) {
    console.error(`Option inconnue : ${unknown.join(', ')}\n${USAGE}`);
    process.exit(1);
  }
  const at = args.indexOf('--dossier');
  if (at >= 0 && !args[at + 1]) {
    console.error(`--dossier demande un dossier.\n${USAGE}`);
    process.exit(1);
  }
  const root = resolve(at >= 0 ? args[at + 1]! : process.cwd());
  if (!existsSync(join(root, 'content', COLLECTIONS.conventions.folder)) || !existsSync(join(root, 'src', 'config.ts'))) {
    console.error(`${root} n'est pas une copie du projet (content/${COLLECTIONS.conventions.folder}/ ou src/config.ts manque).`);
    process.exit(1);
  }
  const documents = documentsOf(root);
  const yes = args.includes('--oui');
  let keepGlossary = choice(args, '--garder-glossaire', '--sans-glossaire');
  let keepOrganisations = choice(args, '--garder-organisations', '--sans-organisations');

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
    keepGlossary ??= await ask(
      `Garder le glossaire (${mdxFiles(join(root, 'content', COLLECTIONS.glossary.folder)).length} termes génériques) ?`,
    );
    if (keepGlossary !== undefined) {
      keepOrganisations ??= await ask(
        `Garder les organismes et rôles (${mdxFiles(join(root, 'content', COLLECTIONS.organisations.folder)).length} : FIPHFP, Agefiph, référent handicap…) ?`,
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
      `Site vierge prêt dans ${root}.`,
      `  Documents supprimés : ${report.documents.filter((d) => d !== EXAMPLE_ID).join(', ') || 'aucun'}.`,
      `  Glossaire : ${(keepGlossary ?? true) ? 'gardé' : 'supprimé'} ; organismes et rôles : ${(keepOrganisations ?? true) ? 'gardés' : 'supprimés'}.`,
      `  Tests de fidélité aux sources supprimés avec leurs documents : ${report.removed.filter((p) => p.startsWith('tests/')).join(', ') || 'aucun'}.`,
      `  Écrits : ${report.written.join(', ')}.`,
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
}

if (import.meta.main) await main();
