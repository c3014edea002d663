/**
 * The form editor speaks French throughout and offers only the local folder (issue 20): the CMS's
 * French strings are completed by scripts/editor/french.ts, and the changes made to its code
 * (BUNDLE_PATCHES) are checked against the version installed, so that an update of Sveltia CMS
 * that adds English texts or moves a patched text fails here instead of reaching a référent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONFIGURATION_MESSAGE,
  FRENCH_TEXTS,
  completeFrench,
  flatStrings,
  isConfigurationKey,
  type Strings,
} from '../../scripts/editor/french.ts';
import { BUNDLE_PATCHES, CMS_DIR, FRENCH_DIGEST, localBundle, patchBundle } from '../../scripts/editor/server.ts';
import { buildCmsConfig } from '../../scripts/editor/config.ts';
import { get, listeningEditor } from '../editor-server.ts';

/** The keys of the English file that a French file still lacks: texts the CMS would show in English. */
function englishLeft(french: Strings, english: Strings): string[] {
  const known = flatStrings(french);
  return [...flatStrings(english).keys()].filter((key) => !known.has(key));
}

const locale = (name: string) => JSON.parse(readFileSync(join(CMS_DIR, 'locales', `${name}.json`), 'utf8')) as Strings;
const french = locale('fr');
const english = locale('en-US');
const bundle = readFileSync(join(CMS_DIR, 'dist', 'sveltia-cms.js'), 'utf8');

test('the French served to the CMS has a text for every key of its English: no English left', () => {
  assert.deepEqual(englishLeft(completeFrench(french, english), english), []);
  // Self-test: the CMS's own French file lacks some (issue 20: "Show Errors"), and the check says so.
  const left = englishLeft(french, english);
  assert.ok(left.includes('show_errors'), left.join(', '));
  assert.deepEqual(englishLeft({ a: 'A' }, { a: 'A', b: { c: 'C' } }), ['b.c']);
});

test('the texts added are for keys the CMS has, and keep its placeholders and plural forms', () => {
  const englishFlat = flatStrings(english);
  const completed = flatStrings(completeFrench(french, english));
  assert.equal(completed.get('show_errors'), 'Afficher les erreurs');
  assert.equal(completed.get('config.error.invalid_regex'), CONFIGURATION_MESSAGE);
  const variables = (s: string) => [...new Set(s.match(/\{\$\w+/g) ?? [])].sort();
  const variants = (s: string) => s.match(/(?:^|\}\}) *(\S+) \{\{/g)?.map((v) => v.replace(/[{}\s]/g, '')) ?? [];
  for (const [key, text] of Object.entries(FRENCH_TEXTS)) {
    const source = englishFlat.get(key);
    assert.ok(source !== undefined, `${key} : clé absente de Sveltia CMS`);
    assert.deepEqual(variables(text), variables(source), `${key} : variables`);
    assert.deepEqual(variants(text), variants(source), `${key} : formes du pluriel`);
    // House typography: typographic apostrophe, spaces inside « » and before « : ».
    assert.doesNotMatch(text, /'|«\S|\S»|[^\s{]:(?!integer)/, `${key} : typographie`);
  }
  assert.ok(isConfigurationKey('config.warning.missing_identifier_field'));
  assert.ok(!isConfigurationKey('show_errors'));
});

test('every change of the CMS code finds its text, exactly once, in the version installed', () => {
  assert.deepEqual(patchBundle(bundle).unpatched, []);
  const { code, unpatched } = localBundle(bundle);
  assert.deepEqual(unpatched, []);
  // The token sign-in is never shown; the local folder is.
  assert.match(code, /W\(d,e=>\{!1&&e\(g\)\}\)/);
  assert.match(code, /Y\(`work_with_local_repo`\)/);
  assert.ok(code.includes(`\`sveltia-cms.locale.editeur-${FRENCH_DIGEST}\``));
  // Self-test: a text missing, or found twice, is reported and nothing is replaced.
  const patch = BUNDLE_PATCHES[1]!;
  assert.deepEqual(patchBundle('rien à corriger'), { code: 'rien à corriger', unpatched: BUNDLE_PATCHES.map((p) => p.why) });
  assert.deepEqual(patchBundle(`${patch.find}${patch.find}`, [patch]).unpatched, [patch.why]);
});

test('the configuration offers the local folder only: no OAuth, the token hidden in the bundle', () => {
  const { backend } = buildCmsConfig();
  assert.deepEqual(backend.auth_methods, ['token']);
  assert.match(backend.repo, /^local\//);
});

const editor = listeningEditor();
const fetchText = async (path: string) => (await get(editor.port, path)).body;

test('the running server gives the CMS the completed French strings, at the address the bundle asks', async () => {
  const served = JSON.parse(await fetchText('/admin/paquets/@sveltia/cms@0.221.1/locales/fr.json')) as Strings;
  assert.deepEqual(englishLeft(served, english), []);
  assert.equal(flatStrings(served).get('show_errors'), 'Afficher les erreurs');
  const code = await fetchText('/admin/sveltia-cms.js');
  // `${base}@${version}/locales/${locale}.json`, the base being this server's copy of the package.
  assert.match(code, /=`\/admin\/paquets\/@sveltia\/cms`/);
  assert.match(code, /`\$\{\w+\}@\$\{\w+\}\/locales`/);
});
