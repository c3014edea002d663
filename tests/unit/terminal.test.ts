/**
 * The quiet, French terminal (issue 20, point 7): what the build and the servers print goes
 * through src/integration/terminal.ts. Route lines and Astro's English steps are dropped; warnings and
 * errors are kept whole; the one known-harmless bundler warning is dropped and no other; colour
 * codes go when the output is a file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONTENT_LOADER,
  SITE_BUILD,
  feedLeftOut,
  isHarmlessBundlerWarning,
  searchSummary,
  serverReady,
  shownText,
  siteSummary,
  stripColours,
  type LogEvent,
} from '../../src/integration/terminal.ts';

const event = (level: LogEvent['level'], label: string | null, message: string): LogEvent => ({ level, label, message, newLine: true });

// As Astro 7 and Rolldown write them (copied from a build log of the demo site).
const ROUTE = `  \u001b[34m├─\u001b[39m \u001b[2m/actions/statut/realise/index.html\u001b[22m`;
const DIRECTIVE = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message:
    'The semantics of the module level directive "use astro:head-inject" in "content/conventions/justice-circulaire-2004-21.mdx?astroPropagatedAssets" may not be preserved.',
};
const READY = `\n\u001b[42m\u001b[1m astro \u001b[22m\u001b[49m \u001b[32mv7.3.5\u001b[39m \u001b[2mready in\u001b[22m 412 \u001b[2mms\u001b[22m\n\n\u001b[2m┃\u001b[22m Local    \u001b[36mhttp://localhost:4321/intranet/handicap/\u001b[39m\n\u001b[2m┃\u001b[22m Network  \u001b[2muse --host to expose\u001b[22m\n`;

test('colour codes are removed, the text kept', () => {
  assert.equal(stripColours(ROUTE), '  ├─ /actions/statut/realise/index.html');
  assert.equal(stripColours('sans couleur'), 'sans couleur');
  assert.ok(!stripColours(READY).includes('\u001b'));
});

test('Astro’s route list and English steps are not shown', () => {
  assert.equal(shownText(event('info', null, ROUTE)), undefined);
  assert.equal(shownText(event('info', 'build', '704 page(s) built in 6.40s')), undefined);
  assert.equal(shownText(event('info', 'SKIP_FORMAT', '\u001b[42m\u001b[30m generating static routes \u001b[39m\u001b[49m')), undefined);
  assert.equal(shownText(event('debug', 'build', 'Initial setup...')), undefined);
});

test('our French lines are shown as they are: the summary, the content reloaded in development', () => {
  assert.equal(shownText(event('info', SITE_BUILD, 'Site construit dans dist/ : 1 page')), 'Site construit dans dist/ : 1 page');
  assert.equal(shownText(event('info', CONTENT_LOADER, 'Contenu rechargé : actions/a.mdx')), 'Contenu rechargé : actions/a.mdx');
});

test('warnings and errors are shown whole, after a French prefix', () => {
  const error = 'Le contenu comporte 2 erreurs :\n✗ content/actions/a.mdx\n  champ « status » : valeur inconnue';
  assert.equal(shownText(event('error', 'content', error)), `Erreur (content) : ${error}`);
  assert.equal(shownText(event('warn', 'vite', 'Something else')), 'Avertissement (vite) : Something else');
  assert.equal(shownText(event('error', null, 'Stack')), 'Erreur : Stack');
});

test('Astro’s English preface to our integration’s error is dropped, the French report kept (self-test: another’s stays)', () => {
  const preface = 'An unhandled error occurred while running the \u001b[1m"astro:build:done"\u001b[22m hook';
  assert.equal(shownText(event('error', SITE_BUILD, preface)), undefined);
  assert.equal(shownText(event('error', '@astrojs/mdx', preface)), `Erreur (@astrojs/mdx) : ${preface}`);
  assert.equal(shownText(event('error', 'SKIP_FORMAT', 'Index de recherche incomplet')), 'Index de recherche incomplet');
});

test('the server’s address is given in French, with how to stop it', () => {
  const text = 'Site servi à l’adresse http://localhost:4321/intranet/handicap/ (Ctrl+C pour arrêter).';
  assert.equal(serverReady(READY), text);
  assert.equal(shownText(event('info', 'SKIP_FORMAT', READY)), text);
  assert.equal(serverReady('ready in 3 ms, no address'), undefined);
});

test('only the known-harmless bundler warning is dropped (self-test: its neighbours are kept)', () => {
  assert.equal(isHarmlessBundlerWarning(DIRECTIVE), true);
  assert.equal(
    isHarmlessBundlerWarning({ ...DIRECTIVE, message: DIRECTIVE.message.replace('use astro:head-inject', 'use client') }),
    false,
  );
  assert.equal(isHarmlessBundlerWarning({ ...DIRECTIVE, code: 'CIRCULAR_DEPENDENCY' }), false);
  assert.equal(isHarmlessBundlerWarning({ message: DIRECTIVE.message }), false);
});

test('the summary counts in French: plurals, spaces in thousands, decimal comma', () => {
  assert.equal(
    siteSummary({ pages: 704, documents: 5, milliseconds: 6400 }),
    'Site construit dans dist/ : 704 pages, 5 documents, en 6,4 s.',
  );
  assert.equal(siteSummary({ pages: 1, documents: 0, milliseconds: 950 }), 'Site construit dans dist/ : 1 page, aucun document, en 1,0 s.');
  assert.equal(
    siteSummary({ pages: 5120, documents: 1, milliseconds: 61_000 }),
    'Site construit dans dist/ : 5\u202f120 pages, 1 document, en 61,0 s.',
  );
  assert.equal(
    searchSummary({ indexed: 609, kinds: 'documents, actions', milliseconds: 1234 }),
    'Index de recherche : 609 pages indexées, une par entrée du contenu (documents, actions), en 1,2 s.',
  );
});

test('a build without SITE_URL says in French that the feed is left out and how to publish it', () => {
  const notice = feedLeftOut();
  assert.match(notice, /^Fil d’actualité \(fil\.xml\) non publié : /);
  assert.match(notice, /SITE_URL=https:\/\/\S+ npm run build$/);
});
