/**
 * The numbers Word and LibreOffice display (issue 22), computed on their own from small numbering
 * definitions: restarts, continued lists, nested formats, start overrides, legal numbering,
 * displayed levels.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatNumber,
  OdfCounters,
  WordCounters,
  type OdfLevel,
  type WordLevel,
  type WordNumberingDefinitions,
} from '../../scripts/document-import/numbering.ts';

const level = (format: string, text: string, more: Partial<WordLevel> = {}): WordLevel => ({ start: 1, format, text, ...more });

/** A Word numbering with abstract "A" (and others given) and nums pointing at them. */
function word(
  abstracts: Record<string, WordLevel[]>,
  nums: Record<string, { abstract: string; overrides?: [number, { start?: number; level?: WordLevel }][] }>,
) {
  const definitions: WordNumberingDefinitions = {
    abstracts: new Map(Object.entries(abstracts)),
    nums: new Map(Object.entries(nums).map(([id, n]) => [id, { abstract: n.abstract, overrides: new Map(n.overrides ?? []) }])),
  };
  return new WordCounters(definitions);
}

/** The labels of a walk of [numId, level] paragraphs. */
const labels = (counters: WordCounters, walk: [string, number][]) => walk.map(([num, ilvl]) => counters.next(num, ilvl)?.text);

const outline = [level('decimal', '%1.'), level('decimal', '%1.%2.'), level('lowerLetter', '%3)')];

test('formats: decimal, zero-padded, letters past z, roman', () => {
  assert.deepEqual(
    [1, 9, 10].map((n) => formatNumber(n, 'decimalZero')),
    ['01', '09', '10'],
  );
  assert.deepEqual(
    [1, 26, 27, 28].map((n) => formatNumber(n, 'lowerLetter')),
    ['a', 'z', 'aa', 'bb'],
  );
  assert.equal(formatNumber(3, 'upperLetter'), 'C');
  assert.deepEqual(
    [4, 9, 14, 40, 1994].map((n) => formatNumber(n, 'upperRoman')),
    ['IV', 'IX', 'XIV', 'XL', 'MCMXCIV'],
  );
  assert.equal(formatNumber(12, 'lowerRoman'), 'xii');
  assert.equal(formatNumber(3, 'none'), '');
  assert.equal(formatNumber(3, 'i'), 'iii');
});

test('Word: nested levels, a lower level restarts when a higher one advances', () => {
  const counters = word({ A: outline }, { '1': { abstract: 'A' } });
  assert.deepEqual(
    labels(counters, [
      ['1', 0],
      ['1', 1],
      ['1', 1],
      ['1', 2],
      ['1', 2],
      ['1', 0],
      ['1', 1],
      ['1', 2],
    ]),
    ['1.', '1.1.', '1.2.', 'a)', 'b)', '2.', '2.1.', 'a)'],
  );
});

test('Word: lvlRestart 0 never restarts; lvlRestart 1 restarts only after level 1', () => {
  const never = word({ A: [level('decimal', '%1.'), level('decimal', 'Action %2', { restart: 0 })] }, { '1': { abstract: 'A' } });
  assert.deepEqual(
    labels(never, [
      ['1', 0],
      ['1', 1],
      ['1', 1],
      ['1', 0],
      ['1', 1],
    ]),
    ['1.', 'Action 1', 'Action 2', '2.', 'Action 3'],
  );
  const afterFirst = word(
    { A: [level('decimal', '%1.'), level('decimal', '%1.%2.'), level('decimal', '(%3)', { restart: 1 })] },
    { '1': { abstract: 'A' } },
  );
  assert.deepEqual(
    labels(afterFirst, [
      ['1', 0],
      ['1', 1],
      ['1', 2],
      ['1', 1],
      ['1', 2],
      ['1', 0],
      ['1', 2],
    ]),
    ['1.', '1.1.', '(1)', '1.2.', '(2)', '2.', '(1)'],
  );
});

test('Word: a list interrupted by other paragraphs, or named by another num of the same abstract, continues', () => {
  const counters = word(
    { A: outline, B: [level('upperRoman', '%1.')] },
    { '1': { abstract: 'A' }, '2': { abstract: 'A' }, '3': { abstract: 'B' } },
  );
  assert.deepEqual(
    labels(counters, [
      ['1', 0],
      ['3', 0],
      ['1', 0],
      ['2', 0],
      ['3', 0],
    ]),
    ['1.', 'I.', '2.', '3.', 'II.'],
  );
});

test('Word: a startOverride restarts the list where its num begins, then that num continues', () => {
  const counters = word(
    { A: outline },
    {
      '1': { abstract: 'A' },
      '2': { abstract: 'A', overrides: [[0, { start: 1 }]] },
      '3': { abstract: 'A', overrides: [[0, { start: 5 }]] },
    },
  );
  assert.deepEqual(
    labels(counters, [
      ['1', 0],
      ['1', 0],
      ['2', 0],
      ['2', 1],
      ['2', 0],
      ['3', 0],
      ['1', 0],
    ]),
    ['1.', '2.', '1.', '1.1.', '2.', '5.', '6.'],
  );
});

test('Word: a level override replaces the abstract level; start values other than 1', () => {
  const counters = word(
    { A: [level('decimal', '%1.', { start: 0 }), level('lowerLetter', '%2.')] },
    { '1': { abstract: 'A', overrides: [[1, { level: level('lowerRoman', '%2)', { start: 3 }) }]] } },
  );
  assert.deepEqual(
    labels(counters, [
      ['1', 0],
      ['1', 1],
      ['1', 1],
    ]),
    ['0.', 'iii)', 'iv)'],
  );
});

test('Word: isLgl shows every number of the label in decimal', () => {
  const headings = [level('upperRoman', '%1.'), level('decimal', '%1.%2', { legal: true }), level('decimal', '%1.%2')];
  const counters = word({ A: headings }, { '1': { abstract: 'A' } });
  assert.deepEqual(
    labels(counters, [
      ['1', 0],
      ['1', 0],
      ['1', 1],
      ['1', 2],
    ]),
    ['I.', 'II.', '2.1', 'II.1'],
  );
});

test('Word: bullets, a level shown as nothing, a num that does not exist', () => {
  const counters = word({ A: [level('bullet', '\uf0b7'), level('none', '')] }, { '1': { abstract: 'A' } });
  assert.deepEqual(counters.next('1', 0), { text: '•', bullet: true });
  assert.equal(counters.next('1', 1), undefined);
  assert.equal(counters.next('9', 0), undefined);
  assert.equal(counters.next('1', 5), undefined);
});

const odf = (format: string, more: Partial<OdfLevel> = {}): OdfLevel => ({
  format,
  prefix: '',
  suffix: '.',
  displayLevels: 1,
  start: 1,
  ...more,
});

test('ODF: display-levels, prefix and suffix, nested formats restart below', () => {
  const levels = [odf('I', { prefix: 'Axe ', suffix: ' :' }), odf('1', { displayLevels: 2 }), odf('a', { suffix: ')' })];
  const counters = new OdfCounters();
  const list = counters.open('L1', {});
  const walk = [0, 1, 1, 2, 2, 0, 1, 2].map((l) => counters.next(list, levels, l)?.text);
  assert.deepEqual(walk, ['Axe I :', 'I.1.', 'I.2.', 'a)', 'b)', 'Axe II :', 'II.1.', 'a)']);
});

test('ODF: a new list restarts; continue-numbering and continue-list continue; a start value restarts', () => {
  const levels = [odf('1')];
  const counters = new OdfCounters();
  const first = counters.open('L1', { id: 'list1' });
  assert.deepEqual([counters.next(first, levels, 0)?.text, counters.next(first, levels, 0)?.text], ['1.', '2.']);
  const restarted = counters.open('L1', {});
  assert.equal(counters.next(restarted, levels, 0)?.text, '1.');
  const continued = counters.open('L1', { continueNumbering: true });
  assert.equal(counters.next(continued, levels, 0)?.text, '2.');
  const byId = counters.open('L1', { continueList: 'list1' });
  assert.equal(counters.next(byId, levels, 0)?.text, '3.');
  assert.equal(counters.next(byId, levels, 0, 10)?.text, '10.');
  assert.equal(counters.next(byId, levels, 0)?.text, '11.');
  // Another style's list is not continued by continue-numbering.
  const other = counters.open('L2', { continueNumbering: true });
  assert.equal(counters.next(other, levels, 0)?.text, '1.');
});

test('ODF: start values, letters, roman and bullets', () => {
  const levels = [odf('i', { start: 3, suffix: ')' }), { ...odf(''), bullet: '\u2022' }];
  const counters = new OdfCounters();
  const list = counters.open('L', {});
  assert.equal(counters.next(list, levels, 0)?.text, 'iii)');
  assert.deepEqual(counters.next(list, levels, 1), { text: '•', bullet: true });
  assert.equal(counters.next(list, levels, 0)?.text, 'iv)');
});

test('ODF: a continue-list naming an id no list has continues the last list without an id, as LibreOffice writes it', () => {
  const levels = [odf('1')];
  const counters = new OdfCounters();
  const first = counters.open('WWNum1', {});
  counters.next(first, levels, 0);
  counters.open('Other', { id: 'named' });
  const second = counters.open('WWNum2', { continueList: 'list1529672862' });
  assert.equal(counters.next(second, levels, 0)?.text, '2.');
});
