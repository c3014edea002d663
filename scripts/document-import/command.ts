/**
 * `npm run document:importer -- plan.docx` (issue 22): reads a plan or convention from its Word or
 * LibreOffice file, writes the filled new-document template workbook and the import-quality report
 * beside it; the référent reviews the workbook, then imports it with `npm run tableur:importer`,
 * which checks and writes it like any filled template. Usage: see USAGE below.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { exitWithError, readCommandLine, usageError } from '../cli.ts';
import { slugify } from '../../src/lib/paths.ts';
import { readSource, DocumentReadError } from './source.ts';
import { NoStructureError, recognisePlan } from './structure.ts';
import { planWorkbook, documentValues, fieldsToFill } from './workbook.ts';
import { importReport, uncertainCount } from './report.ts';

const USAGE = `Usage : npm run document:importer -- plan.docx (ou .odt) [options]

Lit le plan ou la convention dans le fichier Word ou LibreOffice et écrit le modèle de nouveau
document rempli (classeur .xlsx) et un rapport d’import à côté. Relisez le classeur, corrigez ce que
le rapport signale, puis : npm run tableur:importer -- <classeur>.

Options :
  --sortie <fichier>      classeur à écrire (par défaut : <nom du fichier>-import.xlsx, à côté de lui)
  --identifiant <id>      identifiant du document (par défaut : tiré du nom du fichier)
  --essai                 n’écrit rien : affiche le rapport seulement
  --direct                importe aussitôt dans le contenu si le rapport ne signale rien à vérifier
                          ni rien à remplir (sinon refuse, sans rien écrire)
  --remplacer             remplace un classeur déjà écrit (sinon l’import le refuse, pour ne pas perdre une relecture)
  --debug                 ajoute aux erreurs leur détail technique
  --aide                  affiche cette aide`;

const { values, positionals } = readCommandLine({
  usage: USAGE,
  options: {
    sortie: { type: 'string' },
    identifiant: { type: 'string' },
    essai: { type: 'boolean', default: false },
    direct: { type: 'boolean', default: false },
    remplacer: { type: 'boolean', default: false },
    debug: { type: 'boolean', default: false },
  },
  positionals: { name: 'fichier à lire (.docx ou .odt)' },
});
if (positionals.length !== 1) usageError(USAGE, 'Donnez un seul fichier à lire (.docx ou .odt).');
if (values.essai && values.direct) usageError(USAGE, '--essai n’écrit rien et --direct importe : choisissez l’un ou l’autre.');
const file = positionals[0]!;
const stem = basename(file, extname(file));
const output = values.sortie ?? join(dirname(file), `${stem}-import.xlsx`);
const reportFile = output.replace(/\.xlsx$/i, '') + '-rapport.txt';
const id = values.identifiant ?? (slugify(stem) || 'document-importe');

try {
  const source = readSource(file);
  const plan = recognisePlan(source);
  const filled = documentValues(plan, id, basename(file));
  const toFill = fieldsToFill(filled, plan);
  const facts = {
    file: basename(file),
    format: source.format === 'docx' ? 'Word .docx' : 'LibreOffice .odt',
    plan,
    toFill,
    notes: source.notes,
  };
  if (values.essai) {
    console.log(importReport(facts));
    console.log('\nEssai : aucun fichier n’a été écrit.');
    process.exit(0);
  }
  const uncertain = uncertainCount(plan);
  // --direct imports only a workbook nobody needs to touch: no decision to check, nothing to fill.
  if (values.direct && (uncertain > 0 || toFill.length > 0)) {
    console.error(importReport(facts));
    const reasons = [
      uncertain > 0 ? `${uncertain === 1 ? 'une décision est' : `${uncertain} décisions sont`} à vérifier` : '',
      toFill.length > 0
        ? `${toFill.length === 1 ? 'un renseignement reste' : `${toFill.length} renseignements restent`} à remplir dans le classeur`
        : '',
    ].filter(Boolean);
    console.error(
      `\nImport direct refusé : ${reasons.join(' et ')} (ci-dessus). Aucun fichier n’a été écrit. ` +
        'Relancez sans --direct pour écrire le classeur, complétez-le, puis importez-le avec npm run tableur:importer.',
    );
    process.exit(1);
  }
  if (existsSync(output) && !values.remplacer) {
    console.error(
      `Le classeur ${output} existe déjà : il peut contenir une relecture en cours, il n’a pas été remplacé. ` +
        'Donnez un autre nom avec --sortie, ou ajoutez --remplacer pour l’écraser.',
    );
    process.exit(1);
  }
  const workbook = await planWorkbook(plan, id, basename(file));
  // Written beside, then renamed: an interrupted run leaves the old workbook or none, never half of one.
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const report = importReport({ ...facts, workbook: output });
  const partial = `${output}.partiel`;
  writeFileSync(partial, buffer);
  renameSync(partial, output);
  writeFileSync(`${reportFile}.partiel`, `${report}\n`);
  renameSync(`${reportFile}.partiel`, reportFile);
  console.log(report);
  console.log(`\nRapport écrit : ${reportFile}.`);
  if (!values.direct) {
    console.log(`Relisez le classeur, remplissez ce qu’il reste, puis : npm run tableur:importer -- ${output} --essai`);
    process.exit(0);
  }
  // The same import as `npm run tableur:importer`, its checks and messages.
  const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'spreadsheet', 'import-command.ts'), output], {
    stdio: 'inherit',
  });
  if (run.status !== 0) rmSync(`${output}.partiel`, { force: true });
  process.exit(run.status ?? 1);
} catch (error) {
  const report =
    error instanceof DocumentReadError
      ? `${error.message}\nAucun fichier n’a été écrit.`
      : error instanceof NoStructureError
        ? `Aucun plan reconnu dans « ${basename(file)} » : ni tableau d’actions (avec une ligne d’en-tête « Actions »), ni paragraphes ouverts par un mot de niveau (« Axe 1 : », « Article 3 », « Action n°12 : »), ni listes numérotées sous des titres. Aucun fichier n’a été écrit.\nPour un tel document, remplissez le modèle : npm run tableur:modele.`
        : undefined;
  exitWithError('Import impossible', error, { report, debug: values.debug });
}
