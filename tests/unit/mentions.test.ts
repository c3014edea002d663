import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, mentions, nameMatcher } from '../../src/lib/mentions.ts';

test('names are found as whole words, whatever the accents, apostrophes and case', () => {
  const m = nameMatcher(['Médecin de prévention', "Fonds pour l'insertion"]);
  assert.ok(mentions('Le MEDECIN DE PREVENTION est consulté.', m));
  assert.ok(mentions('le Fonds pour l’insertion des personnes', m));
  assert.ok(!mentions('les médecins de préventions', m));
});

test('acronyms can require their case, so that "cap" the word is not "CAP" the commission', () => {
  const m = nameMatcher(['CAP'], true);
  assert.ok(mentions('passage en CAP', m, true));
  assert.ok(!mentions('garder le cap', m, true));
  assert.ok(!mentions('Cap emploi', m, true));
});

test('fold() strips accents and straightens apostrophes', () => {
  assert.equal(fold('Référent’s ÉTÉ'), "referent's ete");
  assert.equal(fold('ÉTÉ', true), 'ETE');
});
