/**
 * Writes the blank new-document template (modèle) that a référent fills in to publish a new
 * convention or plan; `npm run tableur:importer -- modele-rempli.xlsx` then creates its files.
 * Usage: npm run tableur:modele [-- --sortie nouveau-document.xlsx]
 */
import { parseArgs } from 'node:util';
import { buildTemplate } from './tableur/modele.ts';

const { values } = parseArgs({ options: { sortie: { type: 'string', default: 'nouveau-document.xlsx' } } });
try {
  const workbook = await buildTemplate();
  await workbook.xlsx.writeFile(values.sortie);
  console.log(`Modèle écrit : ${values.sortie}. Remplissez ses feuilles « Document » et « Actions », puis :`);
  console.log(`  npm run tableur:importer -- ${values.sortie} --essai`);
} catch (error) {
  console.error(`Modèle impossible à écrire : ${(error as Error).message}`);
  process.exit(1);
}
