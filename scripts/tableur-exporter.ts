/**
 * Writes the follow-up workbook (.xlsx) that référents handicap fill in after each review round.
 * Usage: npm run tableur:exporter [-- --sortie fichier.xlsx] [--contenu dossier]
 */
import { parseArgs } from 'node:util';
import { exportWorkbook } from './tableur/classeur.ts';
import { ContentError } from '../src/model/problems.ts';

const { values } = parseArgs({
  options: { sortie: { type: 'string', default: 'suivi-handicap.xlsx' }, contenu: { type: 'string', default: 'content' } },
});
try {
  const { sheets, rows } = await exportWorkbook(values.sortie, process.cwd(), values.contenu);
  console.log(`Classeur écrit : ${values.sortie} (${sheets} documents, ${rows} actions).`);
} catch (error) {
  console.error(error instanceof ContentError ? error.message : `Export impossible : ${(error as Error).message}`);
  process.exit(1);
}
