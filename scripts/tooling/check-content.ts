/**
 * Validates every content file (schemas, then links between entries) before the site is built.
 * Prints each problem in French with its file, field, value and what is allowed; exits 1 on any.
 * Run alone with `npm run check:content`.
 */
import { readCommandLine } from '../cli.ts';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { formatReport } from '../../src/model/problems.ts';
import { COLLECTIONS } from '../../src/model/collections.ts';
import { countsOf, noun, type Noun } from '../../src/lib/french.ts';

readCommandLine({
  usage:
    'Usage : npm run check:content\n\nVérifie tout le contenu (dossier content/ du dossier courant) ; sans option.\n  --aide                  affiche cette aide',
  options: {},
});
const root = process.cwd();
const { files, problems: readProblems, unread } = readContent(root);
const { entries, problems } = validateAll(files, unread, { root });
const all = [...readProblems, ...problems];
if (all.length > 0) {
  console.error(formatReport(all));
  process.exit(1);
}
// Only what there is, counted in French: « 1 convention, 12 actions », never « 0 sections ».
const counts = countsOf(
  (Object.keys(entries) as (keyof typeof entries)[]).map((name): [number, Noun] => {
    const { label, plural } = COLLECTIONS[name];
    return [entries[name].length, noun(label, plural)];
  }),
);
console.log(counts ? `Contenu valide : ${counts}.` : 'Contenu valide, mais vide : le dossier content/ ne contient encore aucun fichier.');
