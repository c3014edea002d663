/** The French helper for counts and elision (src/lib/french.ts, issue 20). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  andList,
  article,
  countOf,
  countsOf,
  de,
  elides,
  genderOf,
  la,
  le,
  levelNoun,
  noun,
  since,
  sinceWords,
} from '../../src/lib/french.ts';
import { itemsInWords } from '../../src/catalogue/item-counts.ts';

test('zero and one take the singular; zero says « aucun » or « aucune » by gender', () => {
  assert.equal(countOf(0, noun('partie')), 'aucune partie');
  assert.equal(countOf(0, noun('axe')), 'aucun axe');
  assert.equal(countOf(1, noun('action')), '1 action');
  assert.equal(countOf(3, noun('partie')), '3 parties');
  assert.equal(countOf(13, noun('procédure')), '13 procédures');
  assert.equal(countOf(2, noun('bureau', 'bureaux')), '2 bureaux');
});

test('a word of unknown gender counts zero as « 0 » with the singular, never « 0 …s »', () => {
  assert.equal(genderOf('zorglub'), undefined);
  assert.equal(countOf(0, noun('zorglub')), '0 zorglub');
});

test('the first word of a compound noun gives its gender', () => {
  assert.equal(countOf(0, noun('action ou mesure', 'actions et mesures')), 'aucune action ou mesure');
  assert.equal(countOf(0, noun('terme du glossaire', 'termes du glossaire')), 'aucun terme du glossaire');
});

test('a document’s level words are counted in lower case with their gender', () => {
  assert.equal(countOf(0, levelNoun({ singular: 'Engagement', plural: 'Engagements' })), 'aucun engagement');
  assert.equal(countOf(3, levelNoun({ singular: 'Partie', plural: 'Parties' })), '3 parties');
  assert.equal(countOf(0, levelNoun({ singular: 'Section', plural: 'Sections' })), 'aucune section');
});

test('only the counts that are not zero are joined', () => {
  assert.equal(
    countsOf([
      [3, noun('partie')],
      [0, noun('axe')],
      [0, noun('action')],
      [13, noun('procédure')],
    ]),
    '3 parties, 13 procédures',
  );
  assert.equal(countsOf([[0, noun('axe')]]), '');
});

test('« de », « le », « la » elide before a vowel or a mute h, not before an aspirated h or a consonant', () => {
  assert.equal(de('actions'), 'd’actions');
  assert.equal(de('engagements'), 'd’engagements');
  assert.equal(de('documents'), 'de documents');
  assert.equal(de('handicap'), 'de handicap');
  assert.equal(de('heures'), 'd’heures');
  assert.equal(le('axe'), 'l’axe');
  assert.equal(le('thème'), 'le thème');
  assert.equal(la('action'), 'l’action');
  assert.equal(la('partie'), 'la partie');
  assert.equal(article(noun('action')), 'l’action');
  assert.equal(article(noun('partie')), 'la partie');
  assert.equal(article(noun('thème')), 'le thème');
  assert.ok(elides('Inserm') && elides('hygiène') && !elides('hauteur') && !elides('yaourt'));
});

test('« depuis » follows the precision of the date', () => {
  assert.equal(since('2023-11-16'), 'depuis le 16 novembre 2023');
  assert.equal(since('2026-11'), 'depuis novembre 2026');
  assert.equal(since('2026'), 'depuis 2026');
  assert.equal(sinceWords('2026'), 'depuis');
});

test('items are counted by kind, in the document’s word for its actions: a measure is not an action', () => {
  const items = (...kinds: ('action' | 'mesure' | 'engagement')[]) => kinds.map((kind) => ({ data: { kind } }));
  const actions = { singular: 'Action', plural: 'Actions' };
  assert.equal(itemsInWords(items('action', 'action', 'mesure'), actions), '2 actions et 1 mesure');
  assert.equal(itemsInWords(items('engagement', 'engagement'), { singular: 'Article', plural: 'Articles' }), '2 engagements');
  assert.equal(itemsInWords([], actions), 'aucune action');
  // A document whose actions are « mesures » counts its measures with them.
  assert.equal(itemsInWords(items('action', 'mesure'), { singular: 'Mesure', plural: 'Mesures' }), '2 mesures');
  assert.equal(andList(['a', 'b', 'c']), 'a, b et c');
});
