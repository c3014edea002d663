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

readCommandLine({
  usage:
    'Usage : npm run check:content\n\nVérifie tout le contenu (dossier content/ du dossier courant) ; sans option.\n  --aide                  affiche cette aide',
  options: {},
});
const root = process.cwd();
const { files, problems: readProblems } = readContent(root);
const { entries, problems } = validateAll(files);
const all = [...readProblems, ...problems];
if (all.length > 0) {
  console.error(formatReport(all));
  process.exit(1);
}
const counts = (Object.keys(entries) as (keyof typeof entries)[]).map((name) => {
  const { label, plural } = COLLECTIONS[name];
  return `${entries[name].length} ${entries[name].length === 1 ? label : plural}`;
});
console.log(`Contenu valide : ${counts.join(', ')}.`);
