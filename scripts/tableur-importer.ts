/**
 * Reads a follow-up workbook back and writes the changed statuses (and titles, wordings) into the
 * content. Writes nothing when anything is wrong, or with --essai.
 * Usage: npm run tableur:importer -- fichier.xlsx [--essai] [--contenu dossier]
 *   [--bilan id --libelle "…" (--date AAAA-MM | --periode "…")] for a filled-in new-round column
 */
import { parseArgs } from 'node:util';
import { formatImportProblem, formatSummary, importWorkbook } from './tableur/import.ts';
import { ContentError } from '../src/model/problems.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    essai: { type: 'boolean', default: false },
    contenu: { type: 'string', default: 'content' },
    bilan: { type: 'string' },
    libelle: { type: 'string' },
    date: { type: 'string' },
    periode: { type: 'string' },
  },
});
if (values.bilan !== undefined && (values.libelle === undefined || (values.date === undefined && values.periode === undefined))) {
  console.error('Un nouveau bilan demande --bilan <identifiant>, --libelle "<libellé>" et --date AAAA-MM ou --periode "<période>".');
  process.exit(2);
}
const newRound =
  values.bilan !== undefined ? { id: values.bilan, label: values.libelle!, date: values.date, period: values.periode } : undefined;
if (positionals.length !== 1) {
  console.error('Usage : npm run tableur:importer -- fichier.xlsx [--essai]');
  process.exit(2);
}
try {
  const { problems, changes, written } = await importWorkbook(positionals[0]!, {
    root: process.cwd(),
    contentDir: values.contenu,
    dryRun: values.essai,
    newRound,
  });
  if (problems.length > 0) {
    const head = problems.length === 1 ? 'Le classeur comporte 1 erreur' : `Le classeur comporte ${problems.length} erreurs`;
    console.error([`${head} ; aucun fichier n’a été modifié.`, ...problems.map(formatImportProblem)].join('\n\n'));
    process.exit(1);
  }
  console.log(formatSummary(changes));
  if (values.essai) console.log('Essai : aucun fichier n’a été modifié.');
  else
    console.log(
      written.length === 0
        ? 'Aucun fichier à modifier.'
        : `${written.length} fichier(s) modifié(s) :\n${written.map((f) => `  ${f}`).join('\n')}`,
    );
} catch (error) {
  console.error(error instanceof ContentError ? error.message : `Import impossible : ${(error as Error).message}`);
  process.exit(1);
}
