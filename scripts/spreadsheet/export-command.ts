/**
 * Writes the follow-up workbook (.xlsx) that référents handicap fill in after each review round,
 * or the same tables as CSV files, one per document (a CSV holds one table).
 * Usage: see USAGE below (also `npm run tableur:exporter -- --aide`).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { exitWithError, readCommandLine, usageError } from '../cli.ts';
import { countOf, noun } from '../../src/lib/french.ts';
import { exportCsv, exportWorkbook } from './workbook.ts';
import { exportOds } from './ods-writing.ts';
import { defaultOutput } from './exports.ts';
import { ContentError } from '../../src/model/problems.ts';

const USAGE = `Usage : npm run tableur:exporter [-- options]

Options :
  --sortie <fichier>      classeur à écrire (par défaut : ${defaultOutput('xlsx')}, ou ${defaultOutput('ods')}) ;
                          avec --format csv, dossier des fichiers (par défaut : ${defaultOutput('csv')})
  --format xlsx|ods|csv   un classeur Excel (par défaut), un classeur LibreOffice (.ods)
                          ou un fichier CSV par document
  --document <identifiant> avec --format csv : ce document seulement
  --contenu <dossier>     dossier du contenu (par défaut : content)
  --debug                 ajoute aux erreurs leur détail technique
  --aide                  affiche cette aide`;

const { values } = readCommandLine({
  usage: USAGE,
  options: {
    sortie: { type: 'string' },
    contenu: { type: 'string', default: 'content' },
    format: { type: 'string', default: 'xlsx' },
    document: { type: 'string' },
    debug: { type: 'boolean', default: false },
  },
});
if (values.format !== 'xlsx' && values.format !== 'ods' && values.format !== 'csv') {
  usageError(USAGE, `Format inconnu : « ${values.format} » ; formats permis : xlsx, ods, csv.`);
}
if (values.format !== 'csv' && values.document !== undefined) {
  usageError(USAGE, '--document ne s’emploie qu’avec --format csv (le classeur réunit tous les documents).');
}
try {
  if (values.format === 'csv') {
    const dir = values.sortie ?? defaultOutput('csv');
    const { files, rows } = exportCsv(dir, process.cwd(), values.contenu, values.document);
    console.log(
      `${countOf(files.length, noun('fichier CSV écrit', 'fichiers CSV écrits', 'm'))} dans ${dir} (${countOf(rows, noun('action'))}) :\n${files.map((f) => `  ${f}`).join('\n')}`,
    );
  } else if (values.format === 'ods') {
    const file = values.sortie ?? defaultOutput('ods');
    mkdirSync(dirname(file), { recursive: true });
    const { sheets, rows } = exportOds(file, process.cwd(), values.contenu);
    console.log(`Classeur LibreOffice écrit : ${file} (${sheets} documents, ${rows} actions).`);
  } else {
    const file = values.sortie ?? defaultOutput('xlsx');
    mkdirSync(dirname(file), { recursive: true });
    const { sheets, rows } = await exportWorkbook(file, process.cwd(), values.contenu);
    console.log(`Classeur écrit : ${file} (${sheets} documents, ${rows} actions).`);
  }
} catch (error) {
  exitWithError('Export impossible', error, { report: error instanceof ContentError ? error.message : undefined, debug: values.debug });
}
