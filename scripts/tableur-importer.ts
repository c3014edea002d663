/**
 * Reads a follow-up workbook (or its CSV files) back and writes the changed statuses, comments,
 * titles and wordings into the content; or reads a filled-in new-document template and creates the
 * new document's files. Writes nothing when anything is wrong, or with --essai.
 * Usage: npm run tableur:importer -- fichier.xlsx [--essai] [--contenu dossier]
 *        npm run tableur:importer -- document-1.csv [document-2.csv …] [--essai] [--contenu dossier]
 *   [--bilan id --libelle "…" (--date AAAA-MM | --periode "…")] for a filled-in new-round column
 *        npm run tableur:importer -- modele-rempli.xlsx [--essai] [--contenu dossier]
 *        npm run tableur:importer -- --annuler [--contenu dossier]   undoes an interrupted import
 */
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { formatImportProblem, formatSummary, importCsv, importWorkbook, type ImportResult } from './tableur/import.ts';
import { importTemplate, isTemplate } from './tableur/modele.ts';
import { ContentError } from '../src/model/problems.ts';
import { guardInterruptions, importOrigin, sameSources, settlePendingWrite } from './tableur/journal.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    essai: { type: 'boolean', default: false },
    contenu: { type: 'string', default: 'content' },
    bilan: { type: 'string' },
    libelle: { type: 'string' },
    date: { type: 'string' },
    periode: { type: 'string' },
    annuler: { type: 'boolean', default: false },
  },
});

// ── An interrupted import (issue 19, scripts/tableur/journal.ts) ────────────────────────────────
// Ctrl+C is handled after a write phase, never in its middle. An unfinished import is finished
// when given the same file(s) again, undone with --annuler, and blocks any other import.
const interruptions = guardInterruptions();
if (values.annuler && positionals.length > 0) {
  console.error('L’option --annuler s’emploie sans fichier : npm run tableur:importer -- --annuler [--contenu dossier]');
  process.exit(2);
}
const settled = settlePendingWrite(process.cwd(), values.contenu, {
  undo: values.annuler,
  dryRun: values.essai,
  same: (journal) => sameSources(journal, positionals),
  onStep: interruptions.onStep,
});
if (settled.message) (settled.exitCode ? console.error : console.log)(settled.message);
if (settled.exitCode !== undefined) {
  await interruptions.afterWrite();
  process.exit(settled.exitCode);
}
// ─────────────────────────────────────────────────────────────────────────────────────────────────
if (values.bilan !== undefined && (values.libelle === undefined || (values.date === undefined && values.periode === undefined))) {
  console.error('Un nouveau bilan demande --bilan <identifiant>, --libelle "<libellé>" et --date AAAA-MM ou --periode "<période>".');
  process.exit(2);
}
const newRound =
  values.bilan !== undefined ? { id: values.bilan, label: values.libelle!, date: values.date, period: values.periode } : undefined;
const csv = positionals.length > 0 && positionals.every((f) => /\.csv$/i.test(f));
if (!csv && positionals.length !== 1) {
  console.error(
    'Usage : npm run tableur:importer -- fichier.xlsx [--essai]\n   ou : npm run tableur:importer -- document.csv [autre.csv …] [--essai]',
  );
  process.exit(2);
}
const options = {
  root: process.cwd(),
  contentDir: values.contenu,
  dryRun: values.essai,
  newRound,
  // For the journal (issue 19): the file(s) read, to finish this import if it is interrupted.
  origin: () => importOrigin(positionals, values.contenu),
  onStep: interruptions.onStep,
};

function report(problems: ImportResult['problems'], what: string): never {
  const head = problems.length === 1 ? `${what} comporte 1 erreur` : `${what} comporte ${problems.length} erreurs`;
  console.error([`${head} ; aucun fichier n’a été modifié.`, ...problems.map(formatImportProblem)].join('\n\n'));
  process.exit(1);
}

try {
  let template = false;
  if (!csv) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(positionals[0]!);
    template = isTemplate(workbook);
    if (template) {
      if (newRound) {
        console.error(
          'Un modèle de nouveau document déclare son bilan dans sa feuille « Document » : retirez --bilan, --libelle, --date et --periode.',
        );
        process.exit(2);
      }
      const { problems, id, written, files } = await importTemplate(workbook, options);
      if (problems.length > 0) report(problems, 'Le modèle');
      const list = files.map((f) => `  ${f}`).join('\n');
      if (values.essai)
        console.log(`Essai : le document « ${id} » serait créé avec ${files.length} fichier(s) :\n${list}\nAucun fichier n’a été écrit.`);
      else console.log(`Document « ${id} » créé : ${written.length} fichier(s) écrit(s) :\n${list}`);
      await interruptions.afterWrite(); // a Ctrl+C received while writing is said now (issue 19)
      process.exit(0);
    }
  }
  const { problems, changes, written } = csv ? importCsv(positionals, options) : await importWorkbook(positionals[0]!, options);
  if (problems.length > 0) report(problems, csv ? 'L’import CSV' : 'Le classeur');
  console.log(formatSummary(changes));
  if (values.essai) console.log('Essai : aucun fichier n’a été modifié.');
  else
    console.log(
      written.length === 0
        ? 'Aucun fichier à modifier.'
        : `${written.length} fichier(s) modifié(s) :\n${written.map((f) => `  ${f}`).join('\n')}`,
    );
  await interruptions.afterWrite(); // a Ctrl+C received while writing is said now (issue 19)
} catch (error) {
  console.error(error instanceof ContentError ? error.message : `Import impossible : ${(error as Error).message}`);
  process.exit(1);
}
