/**
 * The build's terminal, as a publisher reads it (issue 20, point 7): the log of the test build
 * (scripts/tooling/test.sh writes `npm run build`'s output to .build.log in the project, a file, so no
 * colour codes are expected) holds the French summary, with the number of pages actually built,
 * and none of Astro's route list, English steps, warnings or colour codes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, builtPages } from '../site.ts';

// BUILD_LOG: another build's log (a build run by hand: `npm run build > fichier 2>&1`).
const LOG = process.env.BUILD_LOG ?? join(process.cwd(), '.build.log');
// The log of the build that wrote dist/: not one older than it.
const current = existsSync(LOG) && statSync(LOG).mtimeMs >= statSync(join(DIST, 'index.html')).mtimeMs;
const skip = current ? false : `${LOG} absent ou plus ancien que dist/ : lancez la construction comme npm test (scripts/tooling/test.sh)`;

/** What makes a build's terminal noisy: each kind of line found, once. */
function noiseIn(log: string): string[] {
  const found: [string, boolean][] = [
    ['liste des routes', /[├└]─/.test(log)],
    ['étape d’Astro en anglais', /\b(Complete!|page\(s\) built|generating static routes|Building static entrypoints)/.test(log)],
    ['avertissement', /\[WARN\]|Avertissement|MODULE_LEVEL_DIRECTIVE|does not exist or is empty/.test(log)],
    ['code de couleur', log.includes('\u001b[')],
  ];
  return found.filter(([, present]) => present).map(([kind]) => kind);
}

test('self-test: the checker finds the noise of Astro’s own terminal', () => {
  const astro = [
    '\u001b[2m10:44:48\u001b[22m \u001b[34m[build]\u001b[39m Building static entrypoints...',
    '\u001b[33m\u001b[1m10:44:49\u001b[22m [WARN] [vite]\u001b[39m [MODULE_LEVEL_DIRECTIVE] The semantics of the module level directive "use astro:head-inject"',
    '10:44:50   ├─ /actions/statut/realise/index.html (+8ms)',
  ].join('\n');
  assert.deepEqual(noiseIn(astro), ['liste des routes', 'étape d’Astro en anglais', 'avertissement', 'code de couleur']);
  assert.deepEqual(noiseIn('Site construit dans dist/ : 3 pages, 1 document, en 2,0 s.'), []);
});

test('the build prints a short French summary, and nothing else', { skip }, () => {
  const log = readFileSync(LOG, 'utf8');
  assert.deepEqual(noiseIn(log), []);
  const pages = /^Site construit dans dist\/ : (\S+) pages?, (?:\d+ documents?|aucun document), en \d+,\d s\.$/m.exec(log);
  assert.ok(pages, log);
  assert.equal(Number(pages[1]!.replace(/\D/g, '')), builtPages().length);
  assert.match(log, /^Index de recherche : \S+ pages? indexées?, une par entrée du contenu \([^)]+\), en \d+,\d s\.$/m);
  assert.ok(log.trim().split('\n').length <= 6, log);
});
