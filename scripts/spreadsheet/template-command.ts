/**
 * Writes the blank new-document template (modèle) that a référent fills in to publish a new
 * convention or plan; `npm run tableur:importer -- modele-rempli.xlsx` then creates its files.
 * Usage: see USAGE below (also `npm run tableur:modele -- --aide`).
 */
import { exitWithError, readCommandLine } from '../cli.ts';
import { buildTemplate } from './template.ts';

const USAGE = `Usage : npm run tableur:modele [-- options]

Options :
  --sortie <fichier>      modèle à écrire (par défaut : nouveau-document.xlsx)
  --debug                 ajoute aux erreurs leur détail technique
  --aide                  affiche cette aide`;

const { values } = readCommandLine({
  usage: USAGE,
  options: { sortie: { type: 'string', default: 'nouveau-document.xlsx' }, debug: { type: 'boolean', default: false } },
});
try {
  const workbook = await buildTemplate();
  await workbook.xlsx.writeFile(values.sortie);
  console.log(`Modèle écrit : ${values.sortie}. Remplissez ses feuilles « Document » et « Actions », puis :`);
  console.log(`  npm run tableur:importer -- ${values.sortie} --essai`);
} catch (error) {
  exitWithError('Modèle impossible à écrire', error, { debug: values.debug });
}
