/**
 * `npm run editeur [-- --port 4330]`: generates the form editor's configuration from the model
 * and serves the editor (Sveltia CMS) on http://127.0.0.1:<port>/admin/, for this computer only.
 * The référent opens it in Chrome or Edge, chooses the project folder, edits in forms and saves:
 * the files of content/ are written directly. `npm run check:content` then checks everything.
 */
import { buildCollections } from './config.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CMS_DIR, createEditorServer, isGitRoot } from './server.ts';
import { readCommandLine, usageError } from '../cli.ts';
import { countOf, noun } from '../../src/lib/french.ts';

const USAGE = `Usage : npm run editeur -- [--port <numéro>]

Options :
  --port <numéro>   port local de l’éditeur (par défaut : 4330, ou la variable EDITEUR_PORT)
  --aide            affiche cette aide`;

const { values } = readCommandLine({ usage: USAGE, options: { port: { type: 'string' } } });
const portText = values.port ?? process.env.EDITEUR_PORT ?? '4330';
const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
if (!Number.isInteger(port) || port > 65535) usageError(USAGE, `Port invalide : « ${portText} ». Exemple : npm run editeur -- --port 4330`);

// The form is generated from the model: a field the generator cannot label stops here, in French.
const { problems } = buildCollections();
if (problems.length > 0) {
  console.error(`La configuration de l'éditeur ne peut pas être générée (${countOf(problems.length, noun('problème'))}) :`);
  for (const p of problems) console.error(`  ✗ ${p}`);
  process.exit(1);
}

if (!existsSync(join(CMS_DIR, 'dist', 'sveltia-cms.js'))) {
  console.error("Sveltia CMS n'est pas installé (node_modules/@sveltia/cms) : lancez npm install, sans --omit=dev.");
  process.exit(1);
}

// A request that fails is answered 500 in French and the editor keeps running; the terminal says
// which address failed, without the library's message (issue 19).
const { server, remote, unpatched } = createEditorServer({
  onError: (_error, path) =>
    console.error(
      `✗ L’éditeur n’a pas pu répondre à « ${path} » (erreur interne, la page a reçu un message d’erreur). ` +
        'Si elle revient, arrêtez l’éditeur (Ctrl+C), relancez « npm run editeur » et signalez-la.',
    ),
});
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Le port ${port} est déjà utilisé. Choisissez-en un autre : npm run editeur -- --port ${port + 1}`
      : `L'éditeur n'a pas pu démarrer : ${error.message}`,
  );
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/admin/`;
  const lines = [
    '',
    `Éditeur de formulaires prêt : ${url}`,
    '',
    '1. Ouvrez cette adresse dans Chrome ou Edge (Firefox et Safari ne peuvent pas écrire dans un dossier local).',
    '2. Cliquez sur « Travailler avec un dépôt local » et choisissez le dossier du projet :',
    `   ${process.cwd()}`,
    '3. Modifiez, puis « Enregistrer » : le fichier de content/ est réécrit aussitôt (aucun envoi sur Internet).',
    '4. Ensuite, dans un terminal : npm run check:content (contrôle complet, en français), puis npm start pour relire le site.',
    '',
    'Arrêter l’éditeur : Ctrl+C.',
  ];
  if (!isGitRoot()) {
    lines.push(
      '',
      'Attention : ce dossier n’est pas un dépôt git (pas de .git). L’éditeur refusera de l’ouvrir ;',
      'lancez d’abord « git init » dans ce dossier.',
    );
  }
  if (unpatched.length > 0) {
    lines.push(
      '',
      'Attention : cette version de Sveltia CMS n’a pas pu être corrigée sur ces points (scripts/editor/server.ts, BUNDLE_PATCHES) :',
      ...unpatched.map((why) => `  ✗ ${why}`),
    );
  }
  if (remote.length > 0) {
    lines.push('', `Adresses externes bloquées par le navigateur (fonction indisponible) : ${remote.join(', ')}`);
  }
  console.log(lines.join('\n'));
});
