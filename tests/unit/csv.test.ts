/**
 * The one CSV module (src/open-data/csv.ts, issue 19): no cell of a written CSV starts like a formula,
 * whatever the value, in both dialects the project writes (open data, référents' files), and every
 * value reads back exactly: "-3 postes", "+33 1 …", a real leading apostrophe, and random strings
 * made of the characters that matter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  csvCell,
  CsvTooLarge,
  protectCell,
  readCsvText,
  splitCsv,
  unprotectCell,
  writeCsv,
  type CsvDialect,
} from '../../src/open-data/csv.ts';
import { ORDINARY, PAYLOADS, formulaCells } from '../csv-payloads.ts';

const DIALECTS: Record<string, CsvDialect> = {
  'données ouvertes': { separator: ',', bom: false },
  'fichiers des référents': { separator: ';', bom: true },
};

test('a value starting like a formula gets one leading apostrophe, and loses it again on reading', () => {
  assert.equal(protectCell('=1+1'), "'=1+1");
  assert.equal(protectCell('-3 postes'), "'-3 postes");
  assert.equal(protectCell('\t=1'), "'\t=1");
  assert.equal(protectCell('＝1'), "'＝1");
  // A real apostrophe stays as it is, unless a formula start follows: then one more, so that reading gives it back.
  assert.equal(protectCell("'déjà cité'"), "'déjà cité'");
  assert.equal(protectCell("'=1+1"), "''=1+1");
  assert.equal(protectCell('a=b'), 'a=b');
  assert.equal(protectCell(''), '');
  // A negative number alone runs nothing and stays a number (a Table Schema number column); with anything more, protected.
  for (const value of ['-3', '-0.4', '-0,4', '-1e-7']) assert.equal(protectCell(value), value);
  for (const value of ['-3 postes', '-2+3', '-3-1', '-A1', "'-3"]) assert.equal(protectCell(value), `'${value}`);
  for (const value of [...PAYLOADS, ...ORDINARY]) assert.equal(unprotectCell(protectCell(value)), value, JSON.stringify(value));
  // Protected cells are quoted (OWASP), ordinary ones only when they need it.
  assert.equal(csvCell('=1+1', ','), '"\'=1+1"');
  assert.equal(csvCell("+cmd|' /C calc'!A0", ';'), "\"'+cmd|' /C calc'!A0\"");
  assert.equal(csvCell('simple', ','), 'simple');
  assert.equal(csvCell('a, b', ','), '"a, b"');
  assert.equal(csvCell('a, b', ';'), 'a, b');
  assert.equal(csvCell('dit "oui"', ','), '"dit ""oui"""');
  assert.equal(csvCell(' espace', ';'), '" espace"');
});

test('no payload survives as a formula start in a written CSV, and every value reads back exactly, in both dialects', () => {
  for (const [name, dialect] of Object.entries(DIALECTS)) {
    const rows = [
      ['en-tête', ...PAYLOADS],
      ['ligne', ...ORDINARY, 'fin'],
    ];
    const text = writeCsv(rows, dialect);
    assert.deepEqual(formulaCells(text, dialect.separator), [], name);
    assert.deepEqual(readCsvText(text, dialect.separator), rows, name);
  }
});

test('self-test: the checker sees every payload written raw', () => {
  const raw = `${PAYLOADS.map((p) => `"${p.replace(/"/g, '""')}"`).join(',')}\r\n`;
  assert.deepEqual(formulaCells(raw, ','), PAYLOADS);
});

test('random values made of apostrophes, formula starts, separators, quotes and line breaks read back exactly', () => {
  const alphabet = ["'", "'", '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', ' ', 'a', 'é', '＝'];
  // A small deterministic generator (mulberry32): the same strings at every run.
  let seed = 19;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const value = () => Array.from({ length: Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const rows = Array.from({ length: 400 }, () => Array.from({ length: 5 }, value));
  for (const [name, dialect] of Object.entries(DIALECTS)) {
    const text = writeCsv(rows, dialect);
    assert.deepEqual(formulaCells(text, dialect.separator), [], name);
    assert.deepEqual(readCsvText(text, dialect.separator), rows, name);
  }
});

test('the reader stops past its limits, the last record without a line break included', () => {
  const limits = { rows: 2, columns: 3 };
  assert.deepEqual(splitCsv('a;b;c\r\nd\r\n', ';', limits), [['a', 'b', 'c'], ['d']]);
  for (const [text, what] of [
    ['a;b;c;d\r\n', 'columns'],
    ['a\r\nb\r\nc\r\n', 'rows'],
    ['a\r\nb\r\nc', 'rows'],
  ] as const) {
    assert.throws(
      () => splitCsv(text, ';', limits),
      (error) => error instanceof CsvTooLarge && error.what === what,
      JSON.stringify(text),
    );
  }
});
