/**
 * Reads a follow-up workbook (or its CSV files) back and writes the changed statuses, comments,
 * titles and wordings into the content; or reads a filled-in new-document template and creates the
 * new document's files. Writes nothing when anything is wrong, or with --essai.
 * Usage: see USAGE below (also `npm run tableur:importer -- --aide`).
 */
import { exitWithError, readCommandLine, usageError } from '../cli.ts';
import { countOf, noun } from '../../src/lib/french.ts';
import { formatImportProblem, formatSummary, formatWarnings, importCsv, importWorkbook, type ImportResult } from './import.ts';
import { ReadError, readWorkbook } from './reading.ts';
import { importTemplate, isTemplate } from './template.ts';
import { ContentError } from '../../src/model/problems.ts';
import { guardInterruptions, importOrigin, sameSources, settleBeforeWriting } from './journal.ts';

const USAGE = `Usage : npm run tableur:importer -- classeur.xlsx (ou .ods) [options]
   ou : npm run tableur:importer -- document.csv [autre.csv …] [options]
   ou : npm run tableur:importer -- modele-rempli.xlsx [options]
   ou : npm run tableur:importer -- --annuler [--contenu dossier]

Options :
  --essai                 vérifie et montre ce qui changerait, sans rien écrire
  --contenu <dossier>     dossier du contenu (par défaut : content)
  --bilan <identifiant> --libelle "<libellé>" et --date AAAA-MM ou --periode "<période>"
                          nomment le bilan de la colonne « Nouveau bilan (à renseigner) »
                          (statuts et valeurs des indicateurs)
  --note "<texte>"        avec --bilan : la note datée de la mise à jour du document
                          (par défaut : « <libellé> : statuts des actions mis à jour. »)
  --non-evalues           avec --bilan : publie sans statut à ce bilan les actions dont
                          la cellule du nouveau bilan est vide (sinon l’import les refuse)
  --annuler               défait un import interrompu (sans fichier)
  --debug                 ajoute aux erreurs leur détail technique
  --aide                  affiche cette aide`;

const { values, positionals } = readCommandLine({
  usage: USAGE,
  options: {
    essai: { type: 'boolean', default: false },
    contenu: { type: 'string', default: 'content' },
    bilan: { type: 'string' },
    libelle: { type: 'string' },
    date: { type: 'string' },
    periode: { type: 'string' },
    note: { type: 'string' },
    'non-evalues': { type: 'boolean', default: false },
    annuler: { type: 'boolean', default: false },
    debug: { type: 'boolean', default: false },
  },
  positionals: { name: 'fichier à importer (classeur .xlsx ou .ods, ou fichiers .csv)' },
});

// ── An interrupted import (issue 19, scripts/spreadsheet/journal.ts) ────────────────────────────────
// Ctrl+C is handled after a write phase, never in its middle. An unfinished import is finished
// when given the same file(s) again, undone with --annuler, and blocks any other import.
const interruptions = guardInterruptions();
if (values.annuler && positionals.length > 0) {
  usageError(USAGE, 'L’option --annuler s’emploie sans fichier : npm run tableur:importer -- --annuler [--contenu dossier]');
}
await settleBeforeWriting(
  process.cwd(),
  values.contenu,
  { undo: values.annuler, dryRun: values.essai, same: (journal) => sameSources(journal, positionals) },
  interruptions,
);
// ─────────────────────────────────────────────────────────────────────────────────────────────────
if (values.bilan !== undefined && (values.libelle === undefined || (values.date === undefined && values.periode === undefined))) {
  usageError(USAGE, 'Un nouveau bilan demande --bilan <identifiant>, --libelle "<libellé>" et --date AAAA-MM ou --periode "<période>".');
}
if (values.bilan === undefined && (values.note !== undefined || values['non-evalues'])) {
  usageError(USAGE, '--note et --non-evalues accompagnent un nouveau bilan : ajoutez --bilan, --libelle et --date ou --periode.');
}
const newRound =
  values.bilan !== undefined ? { id: values.bilan, label: values.libelle!, date: values.date, period: values.periode } : undefined;
// Only --annuler goes without a file (above); anything else needs one.
if (positionals.length === 0) usageError(USAGE, 'argument manquant : fichier à importer (classeur .xlsx ou .ods, ou fichiers .csv)');
const csv = positionals.every((f) => /\.csv$/i.test(f));
if (!csv && positionals.length !== 1) usageError(USAGE, 'Un seul classeur à la fois (plusieurs fichiers ne se donnent qu’en CSV).');
const options = {
  root: process.cwd(),
  contentDir: values.contenu,
  dryRun: values.essai,
  newRound,
  allowNotReviewed: values['non-evalues'],
  note: values.note,
  // For the journal (issue 19): the file(s) read, to finish this import if it is interrupted.
  origin: () => importOrigin(positionals, values.contenu),
  onStep: interruptions.onStep,
};

/** The warnings, after the summary or the errors. */
function warn(warnings: ImportResult['warnings']): void {
  const text = formatWarnings(warnings);
  if (text) console.log(`\n${text}`);
}

function report(problems: ImportResult['problems'], warnings: ImportResult['warnings'], what: string): never {
  const head = problems.length === 1 ? `${what} comporte 1 erreur` : `${what} comporte ${problems.length} erreurs`;
  console.error([`${head} ; aucun fichier n’a été modifié.`, ...problems.map(formatImportProblem)].join('\n\n'));
  warn(warnings);
  process.exit(1);
}

try {
  const workbook = csv ? undefined : await readWorkbook(positionals[0]!);
  if (workbook && isTemplate(workbook)) {
    if (newRound) {
      usageError(
        USAGE,
        'Un modèle de nouveau document déclare son bilan dans sa feuille « Document » : retirez --bilan, --libelle, --date et --periode.',
      );
    }
    const { problems, warnings, id, written, files } = await importTemplate(workbook, options);
    if (problems.length > 0) report(problems, warnings, 'Le modèle');
    const list = files.map((f) => `  ${f}`).join('\n');
    if (values.essai)
      console.log(
        `Essai : le document « ${id} » serait créé avec ${countOf(files.length, noun('fichier'))} :\n${list}\nAucun fichier n’a été écrit.`,
      );
    else console.log(`Document « ${id} » créé : ${countOf(written.length, noun('fichier écrit', 'fichiers écrits', 'm'))} :\n${list}`);
    warn(warnings);
    await interruptions.afterWrite(); // a Ctrl+C received while writing is said now (issue 19)
    process.exit(0);
  }
  const { problems, warnings, changes, written, notReviewed, leftOut } = workbook
    ? await importWorkbook(workbook, options)
    : importCsv(positionals, options);
  if (problems.length > 0) report(problems, warnings, csv ? 'L’import CSV' : 'Le classeur');
  console.log(formatSummary(changes, { notReviewed, leftOut }));
  if (values.essai) console.log('Essai : aucun fichier n’a été modifié.');
  else
    console.log(
      written.length === 0
        ? 'Aucun fichier à modifier.'
        : `${countOf(written.length, noun('fichier modifié', 'fichiers modifiés', 'm'))} :\n${written.map((f) => `  ${f}`).join('\n')}`,
    );
  warn(warnings);
  await interruptions.afterWrite(); // a Ctrl+C received while writing is said now (issue 19)
} catch (error) {
  const report =
    error instanceof ContentError
      ? error.message
      : error instanceof ReadError
        ? `Import impossible ; aucun fichier n’a été modifié.\n${error.message}`
        : undefined;
  exitWithError('Import impossible', error, { report, debug: values.debug });
}
