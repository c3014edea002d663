/**
 * `npm run dev` shows the content check's French report, as the build does. At start, an invalid
 * content stops the server with the report (the loader throws). When a file is broken while the
 * server runs, the loader prints the report in the terminal but Astro keeps the last valid
 * entries, and an MDX body would be compiled with Astro's own reading of the file (an English
 * YAML error): until the content is valid again, every page answers with the report instead.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContentError } from '../model/problems.ts';
import { lastContentError } from './content-error-state.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page shown in place of every page while the content is invalid. */
export function contentErrorPage(error: ContentError): string {
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Erreur dans le contenu</title></head>
<body>
<main>
<h1>Erreur dans le contenu</h1>
<p>Le site ne peut pas être affiché tant que le contenu comporte une erreur. Corrigez le fichier indiqué, enregistrez-le, puis rechargez la page. Le même rapport est affiché par <code>npm run check:content</code> et par la construction.</p>
<pre>${escape(error.message)}</pre>
</main>
</body>
</html>
`;
}

/** The dev server's middleware that puts the report in place of every page (./site-build.ts installs it). */
export function contentErrorMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const error = lastContentError();
  // Pages only: Vite's own requests (modules, styles, HMR) go on.
  if (!error || req.method !== 'GET' || !(req.headers.accept ?? '').includes('text/html')) return next();
  res.statusCode = 500;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(contentErrorPage(error));
}
