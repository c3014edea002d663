/**
 * Text without invisible traps (issue 19): the one rule of src/model/characters.ts, the same rule
 * in every string of every schema (content and site settings), in the form editor's patterns
 * (checked against the rule on every code unit, and read as Sveltia CMS reads them), and the
 * feed's last guard. The content reports themselves are pinned in content-errors.test.ts,
 * frontmatter-reading.test.ts and body.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { textPattern, textPatternMessage, textPatternMultiline, trapCharacter, visibleText } from '../../src/model/characters.ts';
import { COLLECTIONS } from '../../src/model/collections.ts';
import { isMultiline } from '../../src/model/common.ts';
import { ContentError } from '../../src/model/problems.ts';
import { parseSite, siteSchema } from '../../src/model/site.ts';
import { buildCollections, cmsConfigYaml, buildCmsConfig, type CmsField } from '../../scripts/editor/config.ts';
import { feedXml } from '../../src/catalogue/feed.ts';
import { fixtureCatalogue } from './catalogue-fixtures.ts';

/** Refused in every text, with the French name the message gives. */
const REFUSED: [string, string][] = [
  ['\u0000', 'caractère nul'],
  ['\u0001', 'caractère de contrôle invisible'],
  ['\u000B', 'tabulation verticale'],
  ['\u000C', 'saut de page'],
  ['\u001B', 'échappement'],
  ['\u007F', 'suppression'],
  ['\u0085', 'saut de ligne de contrôle NEL'],
  ['\u009F', 'caractère de contrôle invisible'],
  ['\u202A', 'contrôle bidirectionnel : début d’incorporation gauche-droite'],
  ['\u202E', 'contrôle bidirectionnel : forçage droite-gauche'],
  ['\u2066', 'contrôle bidirectionnel : isolat gauche-droite'],
  ['\u2069', 'contrôle bidirectionnel : fin d’isolat'],
  ['\uD83D', 'moitié de caractère isolée : substitut UTF-16 sans sa paire'],
  ['\uDE00', 'moitié de caractère isolée : substitut UTF-16 sans sa paire'],
  ['\uFDD0', 'non-caractère Unicode'],
  ['\uFFFE', 'non-caractère Unicode'],
  ['\uFFFF', 'non-caractère Unicode'],
];
/** Refused in a one-line text only. */
const LINE_BREAKS = ['\t', '\n', '\r\n', '\u2028', '\u2029'];
/** French typography and the rest of Unicode: never refused. */
const ALLOWED = [
  'Action\u00A0n°\u202F1 : « recruter » ; l’équipe — fin !',
  'Émoji 😀, famille 👩‍👩‍👧, fauteuil 👩🏽‍🦽, drapeau 🇫🇷, ✔',
  '日本語, العربية, עברית, Ελληνικά, ﬁ, Å, e\u0301',
  'Espaces : \u2009fine\u2009, \u2007chiffre, zéro\u200Blargeur, tiret\u00ADconditionnel',
  '',
];

test('the rule: controls, lone surrogates, bidirectional controls and noncharacters refused, each named in French', () => {
  for (const [c, name] of REFUSED) {
    for (const multiline of [false, true]) {
      const found = trapCharacter(`ab${c}cd`, multiline);
      assert.deepEqual(found && { index: found.index, name: found.name }, { index: 2, name }, `${visibleText(c)} ${multiline}`);
      assert.equal(found!.code, `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    }
  }
  for (const c of LINE_BREAKS) {
    assert.equal(trapCharacter(`a${c}b`, false)?.index, 1, JSON.stringify(c));
    assert.equal(trapCharacter(`a${c}b`, true), undefined, JSON.stringify(c));
  }
  assert.equal(trapCharacter('a\rb', true)?.name, 'retour chariot');
  assert.equal(trapCharacter('a\r', true)?.name, 'retour chariot');
  for (const text of ALLOWED) {
    assert.equal(trapCharacter(text), undefined, text);
    assert.equal(trapCharacter(text, true), undefined, text);
  }
});

test('a value is shown with each invisible character as its code, never raw', () => {
  assert.equal(visibleText('Axe\u000B1 \u202Eabc 😀 \uD83D'), 'Axe[U+000B]1 [U+202E]abc 😀 [U+D83D]');
  assert.equal(visibleText('a\tb\nc'), 'a[U+0009]b[U+000A]c');
  assert.equal(visibleText('a\tb\nc', true), 'a\tb\nc');
});

/** Sveltia CMS's reading of a `pattern` (its dist/sveltia-cms.mjs: "/source/flags" or a bare source, g and y dropped). */
function sveltiaRegExp(pattern: string): RegExp | undefined {
  const { pattern: source, flags } = /^\/?(?<pattern>.+?)(?:\/(?<flags>[dgimsuy]*))?$/.exec(pattern)?.groups ?? {};
  return source === undefined ? undefined : new RegExp(source, flags?.replace(/[gy]/g, ''));
}

test('the whole-text patterns agree with the rule on every code unit, alone, in pairs and around line breaks', () => {
  for (const multiline of [false, true]) {
    // As the editor compiles it, and as the schemas hold it.
    const patterns = [textPattern(multiline), sveltiaRegExp(textPattern(multiline).source)!];
    assert.equal(patterns[1]!.source, textPattern(multiline).source, 'Sveltia CMS lit le motif tel quel');
    const agree = (text: string) => {
      const clean = trapCharacter(text, multiline) === undefined;
      for (const pattern of patterns) {
        if (pattern.test(text) !== clean) assert.fail(`${visibleText(text)} (${multiline ? 'plusieurs lignes' : 'une ligne'})`);
      }
    };
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      agree(`a${c}b`);
      agree(c);
    }
    for (const text of ['😀', 'a😀', '😀\uD83D', '\uDE00😀', 'a\r\n', 'a\r', '\r\n\r\n', '\n\r', ...ALLOWED, ...REFUSED.map(([c]) => c)]) {
      agree(text);
    }
  }
});

test('the editor: every text field refuses what the model refuses, a text area exactly where the model allows lines', () => {
  const built = buildCollections();
  const checked: string[] = [];
  const visit = (field: CmsField, path: string, schema: z.ZodType | undefined) => {
    if (field.widget === 'string' || field.widget === 'text' || field.widget === 'markdown') {
      assert.ok(field.pattern, `${path} : pas de motif`);
      const pattern = sveltiaRegExp(field.pattern[0])!;
      const multiline = field.widget !== 'string';
      for (const [c] of REFUSED) assert.equal(pattern.test(`A${c}1`), false, `${path} : ${visibleText(c)} accepté`);
      if (textPatternMultiline(field.pattern[0]) !== undefined) {
        // Free text: the model's own pattern, with its French message; line breaks as the model says.
        assert.equal(field.pattern[0], textPattern(multiline).source, path);
        assert.equal(field.pattern[1], textPatternMessage(multiline), path);
        assert.equal(pattern.test('Titre\u00A0: 😀'), true, path);
        assert.equal(pattern.test('Ligne 1\nLigne 2'), multiline, path);
        if (schema) assert.equal(isMultiline(schema), multiline, `${path} : zone de texte ≠ modèle`);
        assert.doesNotMatch(field.hint ?? '', /invisible/, `${path} : le message du motif ne sert pas d’aide`);
      }
      checked.push(path);
    }
    const shape = schema && unwrapped(schema);
    for (const sub of field.fields ?? []) visit(sub, `${path}.${sub.name}`, shape && childOf(shape, sub.name));
    if (field.field) visit(field.field, `${path}[]`, shape && elementOf(shape));
  };
  for (const c of built.collections) {
    for (const f of c.fields) visit(f, `${c.name}.${f.name}`, f.name === 'body' ? undefined : childOf(COLLECTIONS[c.name].schema, f.name));
  }
  assert.ok(checked.includes('actions.wording') && checked.includes('glossary.variants[]') && checked.includes('axes.body'));
  assert.ok(checked.length > 100, String(checked.length));
  const body = built.collections[0]!.fields.at(-1)!;
  assert.deepEqual(body.pattern, [textPattern(true).source, textPatternMessage(true)]);
  // The YAML the editor reads holds the patterns as written, and no invisible character itself.
  const yaml = cmsConfigYaml(buildCmsConfig(built, 'projet'));
  assert.equal(trapCharacter(yaml, true), undefined);
  const read = parse(yaml) as { collections: { fields: CmsField[] }[] };
  assert.deepEqual(read.collections[0]!.fields.at(-1)!.pattern, body.pattern);
  assert.match(textPatternMessage(false), /^caractère invisible interdit .* : retapez le passage ; ce champ tient sur une seule ligne/);
});

/** The zod schema of a field, wrappers removed (the same walk as the generator's, kept small here). */
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
function unwrapped(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (['optional', 'default', 'prefault', 'nullable', 'readonly'].includes(def.type as string))
    return unwrapped(def.innerType as z.ZodType);
  if (def.type === 'pipe') return unwrapped(def.in as z.ZodType);
  return schema;
}
const childOf = (schema: z.ZodType, name: string) => {
  const inner = unwrapped(schema);
  const def = defOf(inner);
  const shape = (def.type === 'array' ? defOf(unwrapped(def.element as z.ZodType)).shape : def.shape) as
    Record<string, z.ZodType> | undefined;
  return shape?.[name] && unwrapped(shape[name]);
};
const elementOf = (schema: z.ZodType) => unwrapped(defOf(unwrapped(schema)).element as z.ZodType);

/** Every string leaf of a schema (closed lists left out), with its path. */
function stringLeaves(schema: z.ZodType, path: string): [string, z.ZodType][] {
  const inner = unwrapped(schema);
  const def = defOf(inner);
  if (def.type === 'string') return [[path, inner]];
  if (def.type === 'object')
    return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, s]) => stringLeaves(s, `${path}.${k}`));
  if (def.type === 'array') return stringLeaves(def.element as z.ZodType, `${path}[]`);
  return [];
}

test('every string of every schema, content and site settings, refuses the invisible characters; lines only where multi-line', () => {
  const leaves = [...Object.entries(COLLECTIONS).flatMap(([name, c]) => stringLeaves(c.schema, name)), ...stringLeaves(siteSchema, 'site')];
  assert.ok(leaves.length > 100, String(leaves.length));
  const multiline: string[] = [];
  for (const [path, leaf] of leaves) {
    for (const [c] of REFUSED) assert.equal(leaf.safeParse(`A${c}1`).success, false, `${path} : ${visibleText(c)} accepté`);
    if (leaf.safeParse('Ligne 1\nLigne 2 {n}').success) multiline.push(path);
    assert.equal(leaf.safeParse('Ligne 1\nLigne 2 {n}').success, isMultiline(leaf), path);
  }
  // Self-test: a plain z.string() added to a schema is found, and lets the character through.
  const [added] = stringLeaves(z.strictObject({ colour: z.string().optional() }), 'axes');
  assert.deepEqual([added![0], added![1].safeParse('A\u000B1').success], ['axes.colour', true]);
  // The texts that are paragraphs in practice (wordings, comments, summaries, definitions…).
  assert.deepEqual(multiline.sort(), [
    'actions.extension',
    'actions.statuses[].comment',
    'actions.subItems[].text',
    'actions.wording',
    'conventions.summary',
    'glossary.definition',
    'organisations.description',
    'procedures.steps[].alternatives[].text',
    'procedures.steps[].text',
    'procedures.steps[].together[].text',
    'procedures.summary',
  ]);
});

test('the site settings (src/config.ts) refuse them too, in French', () => {
  const settings = {
    name: 'Politique\u202E handicap',
    tagline: 'Phrase.',
    organisation: 'Organisme',
    accessibility: {
      conformity: 'non',
      declarationDate: '2026-11-23',
      nonAccessible: [],
      exemptions: [],
      pagesAudited: ['Acc\u000Bueil'],
      contact: { email: 'a@b.fr' },
    },
    legal: { publisher: 'Éditeur', director: 'Directeur', host: 'Hébergeur' },
  };
  assert.throws(
    () => parseSite(settings),
    (error: Error) => {
      assert.ok(error instanceof ContentError);
      assert.match(
        error.message,
        /✗ src\/config\.ts\n  champ « name » : caractère invisible interdit \(U\+202E, contrôle bidirectionnel : forçage droite-gauche\) après « Politique »[^\n]*\n  valeur trouvée : « Politique\[U\+202E\] handicap »/,
      );
      assert.match(error.message, /champ « accessibility\.pagesAudited\.0 » : caractère invisible interdit \(U\+000B/);
      return true;
    },
  );
});

test('the feed stops the build, naming the element, on a character that escaped the model (never a feed no reader opens)', async () => {
  const catalogue = fixtureCatalogue();
  // A value set past the model, as a bug could: the feed is the last guard.
  (catalogue.conventions[0]!.data as { shortTitle: string }).shortTitle = 'Plan\u000B essai';
  await assert.rejects(
    feedXml(catalogue, { base: '/', site: 'https://exemple.fr', title: 'Fil', description: 'Le fil' }),
    (error: Error) => {
      assert.ok(error instanceof ContentError);
      assert.match(
        error.message,
        /✗ fil\.xml \(fil d’actualité\)\n  champ « <title> de l’entrée \d+ » : caractère invisible interdit \(U\+000B, tabulation verticale\) après « [^»]*Plan »[^\n]*\n  valeur trouvée : « [^»]*Plan\[U\+000B\] essai »\n  valeurs permises : le texte sans ce caractère : corrigez-le là où il est écrit/,
      );
      return true;
    },
  );
  await assert.rejects(
    feedXml(fixtureCatalogue(), { base: '/', site: 'https://exemple.fr', title: 'Fil\u0000', description: 'Le fil' }),
    /champ « <title> du fil »/,
  );
  // Self-test: the same feed without it is written.
  assert.match(
    await feedXml(fixtureCatalogue(), { base: '/', site: 'https://exemple.fr', title: 'Fil', description: 'Le fil' }),
    /^<\?xml/,
  );
});
