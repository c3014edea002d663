import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHtml } from 'hast-util-from-html';
import { Matcher } from '../../src/model/matcher.ts';
import { admittedTexts } from '../text-rule.ts';
import { fold } from '../../src/model/text.ts';

const matcher = (forms: string[], caseSensitive = false) => new Matcher([{ value: forms[0], forms, caseSensitive }]);
const mentions = (text: string, m: Matcher<string | undefined>) => m.valuesIn([text]).size > 0;

test('names are found as whole words, whatever the accents, apostrophes, spaces and case', () => {
  const m = matcher(['Médecin de prévention', "Fonds pour l'insertion"]);
  assert.ok(mentions('Le MEDECIN DE PREVENTION est consulté.', m));
  assert.ok(mentions('le Fonds pour l’insertion des personnes', m));
  assert.ok(mentions('le Fonds pour\nl’insertion', m));
  assert.ok(!mentions('les médecins de préventions', m));
});

test('a hyphen joins words, an apostrophe does not', () => {
  const m = matcher(['CAP'], true);
  assert.ok(!mentions('un CAP-BEP', m));
  assert.ok(!mentions('le pré-CAP', m));
  assert.ok(mentions("l'CAP (sic)", m));
  assert.ok(mentions('(CAP)', m));
});

test('acronyms can require their case, so that "cap" the word is not "CAP" the commission', () => {
  const m = matcher(['CAP'], true);
  assert.ok(mentions('passage en CAP', m));
  assert.ok(!mentions('garder le cap', m));
  assert.ok(!mentions('Cap emploi', m));
});

test('one walk finds every entry, nested ones included, and says where', () => {
  const m = new Matcher([
    { value: 'ch', forms: ['correspondant handicap'], caseSensitive: false },
    { value: 'h', forms: ['handicap'], caseSensitive: false },
    { value: 'CAP', forms: ['CAP'], caseSensitive: true },
    { value: 'cap emploi', forms: ['Cap emploi'], caseSensitive: false },
  ]);
  const text = 'Le correspondant handicap et Cap emploi';
  assert.deepEqual(
    m.find(text).map((o) => [text.slice(o.start, o.end), o.values]),
    [
      ['correspondant handicap', ['ch']],
      ['handicap', ['h']],
      ['Cap emploi', ['cap emploi']],
    ],
  );
});

test('fold() strips accents and straightens apostrophes', () => {
  assert.equal(fold('Référent’s ÉTÉ'), "referent's ete");
  assert.equal(fold('ÉTÉ', true), 'ETE');
});

test("an entry's texts are its fields one by one: no occurrence across two fields, identifiers left out", async () => {
  const { textsOf } = await import('../../src/model/texts.ts');
  const texts = textsOf({
    data: { title: 'Le maintien', wording: "dans l'emploi", convention: 'cap-bep', audience: ['rh-referents'], themes: ['cap'] },
    body: 'Texte.',
  });
  assert.deepEqual(texts, ['Le maintien', "dans l'emploi", 'Texte.']);
  const m = matcher(["maintien dans l'emploi"]);
  assert.equal(m.valuesIn(texts).size, 0);
  assert.equal(m.valuesIn(['Le maintien dans l’emploi']).size, 1);
});

test('the text rule: <main> counts, except elements marked data-sans-glossaire, and nothing of a <main> so marked', () => {
  const page = (attrs: string) =>
    fromHtml(`<header>Menu</header><main${attrs}><p>Texte <span>suivi</span></p><p data-sans-glossaire>Étiquette</p><p>Fin</p></main>`);
  assert.deepEqual(admittedTexts(page('')), ['Texte ', 'suivi', 'Fin']);
  assert.deepEqual(admittedTexts(page(' data-sans-glossaire')), []);
});

test('a document’s page history is not its text: a term its update notes name is not cited by it', async () => {
  const { textsOf } = await import('../../src/model/texts.ts');
  const texts = textsOf({
    data: { title: 'Circulaire', summary: 'Le recrutement.', updates: [{ date: '2026-12-07', note: 'Procédure de reclassement revue.' }] },
  });
  assert.deepEqual(texts, ['Circulaire', 'Le recrutement.']);
});
