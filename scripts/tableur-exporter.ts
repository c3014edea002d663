/**
 * Writes the follow-up workbook (.xlsx) that référents handicap fill in after each review round,
 * or the same tables as CSV files, one per document (a CSV holds one table).
 * Usage: npm run tableur:exporter [-- --sortie fichier.xlsx] [--contenu dossier]
 *        npm run tableur:exporter -- --format csv [--sortie dossier] [--document identifiant]
 */
import { parseArgs } from 'node:util';
import { exportCsv, exportWorkbook } from './tableur/classeur.ts';
import { ContentError } from '../src/model/problems.ts';

const { values } = parseArgs({
  options: {
    sortie: { type: 'string' },
    contenu: { type: 'string', default: 'content' },
    format: { type: 'string', default: 'xlsx' },
    document: { type: 'string' },
  },
});
if (values.format !== 'xlsx' && values.format !== 'csv') {
  console.error(`Format inconnu : « ${values.format} » ; formats permis : xlsx, csv.`);
  process.exit(2);
}
if (values.format === 'xlsx' && values.document !== undefined) {
  console.error('--document ne s’emploie qu’avec --format csv (le classeur réunit tous les documents).');
  process.exit(2);
}
try {
  if (values.format === 'csv') {
    const dir = values.sortie ?? 'suivi-handicap';
    const { files, rows } = exportCsv(dir, process.cwd(), values.contenu, values.document);
    console.log(`${files.length} fichier(s) CSV écrit(s) dans ${dir} (${rows} actions) :\n${files.map((f) => `  ${f}`).join('\n')}`);
  } else {
    const file = values.sortie ?? 'suivi-handicap.xlsx';
    const { sheets, rows } = await exportWorkbook(file, process.cwd(), values.contenu);
    console.log(`Classeur écrit : ${file} (${sheets} documents, ${rows} actions).`);
  }
} catch (error) {
  console.error(error instanceof ContentError ? error.message : `Export impossible : ${(error as Error).message}`);
  process.exit(1);
}
