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

test('the quick look (mayFind) never misses what the full reading finds, and is not always yes', () => {
  // Short texts drawn from the characters the folding treats apart (accents, a combining mark,
  // spaces of several kinds, hyphens, apostrophes, case, a character folding to several), so that
  // forms with a space, a hyphen or an apostrophe inside occur often, in every spelling.
  const alphabet = [...'aAàÀeéÉ', '\u0301', ' ', '\u00a0', '\n', '-', "'", '’', 'x', '한'];
  const m = new Matcher([
    { value: 'ae', forms: ['àe', 'a e'], caseSensitive: false },
    { value: 'ea', forms: ['e-a', "e'a"], caseSensitive: false },
    { value: 'AE', forms: ['AE'], caseSensitive: true },
    { value: 'han', forms: ['한a', 'a한'], caseSensitive: false },
  ]);
  let seed = 7;
  const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), (seed >>> 16) % n);
  const total = 50000;
  let found = 0;
  let looked = 0;
  for (let k = 0; k < total; k++) {
    const text = Array.from({ length: 1 + random(9) }, () => alphabet[random(alphabet.length)]).join('');
    const full = m.scan(text).length > 0;
    const may = m.mayFind(text);
    if (full) found++;
    if (may) looked++;
    assert.ok(!full || may, `mayFind a manqué une occurrence dans ${JSON.stringify(text)}`);
  }
  // Both answers occur: the check can fail, and the look spares the reading of many texts.
  assert.ok(found > total / 20, `trop peu de textes avec une occurrence (${found})`);
  assert.ok(looked < total - total / 4, `le coup d’œil dit oui trop souvent (${looked} sur ${total})`);
});
