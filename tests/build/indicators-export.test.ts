/**
 * The indicators export as built (dist/donnees/indicateurs.json and .csv, issue 24) against the
 * content read from disk: one row per indicator and round of its document (one without round for a
 * document without rounds), each value the one the indicator's file gives for that round and
 * nothing where it gives none, baseline and target on every row, the JSON and the CSV the same row
 * for row, every action address leading to a built page, and the indicators of `donnees/actions.json`
 * those of the files. Holds on any valid site: on one without indicators, the file has no row.
 * Run after `npm run build`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import type { Indicator } from '../../src/model/indicator.ts';
import { INDICATOR_FIELDS, type ActionRecord, type IndicatorRecord } from '../../src/open-data/export.ts';
import { parseCsv } from '../csv.ts';
import { paths } from '../../src/lib/paths.ts';
import { CONTENT_ROOT, DIST, ON_FIXTURE } from '../site.ts';

const { entries, problems } = validateAll(readContent(CONTENT_ROOT).files);
const json = JSON.parse(readFileSync(join(DIST, paths.indicatorsJson()), 'utf8')) as IndicatorRecord[];
const csv = readFileSync(join(DIST, paths.indicatorsCsv()), 'utf8');
const rounds = new Map(entries.conventions.map((c) => [c.id, (c.data.rounds ?? []).map((r) => r.id)]));

/** Every indicator of the content files, with the document it belongs to and where its table is (its action's page, or its document's indicators page). */
const declared = [
  ...entries.conventions.flatMap((c) =>
    (c.data.indicators ?? []).map((indicator) => ({ convention: c.id, url: paths.indicator(c.id, indicator.id), indicator })),
  ),
  ...entries.actions.flatMap((a) =>
    (a.data.indicators ?? []).map((indicator) => ({
      convention: a.data.convention,
      url: paths.indicator(a.data.convention, indicator.id, a.id),
      indicator,
    })),
  ),
];
const declaredAt = (r: IndicatorRecord) => declared.find((d) => d.convention === r.convention && d.indicator.id === r.indicator);

test('the content is valid', () => {
  assert.deepEqual(problems, []);
});

test('one row per indicator and round of its document, one without round where the document has none', () => {
  const expected = declared.reduce((n, d) => n + Math.max(rounds.get(d.convention)!.length, 1), 0);
  assert.equal(json.length, expected);
  for (const d of declared) {
    const rows = json.filter((r) => r.convention === d.convention && r.indicator === d.indicator.id);
    const own = rounds.get(d.convention)!;
    assert.deepEqual(
      rows.map((r) => r.round),
      own.length > 0 ? own : [''],
      `${d.convention} ${d.indicator.id}`,
    );
  }
  if (ON_FIXTURE) assert.ok(declared.length > 0, 'le site d’essai a des indicateurs');
});

/** What a row says of its indicator, as its file should give it: the fields of the content contract. */
const expectedRow = (indicator: Indicator, round: string) => {
  const value = indicator.values?.find((v) => v.round === round);
  return {
    label: indicator.label,
    unit: indicator.unit,
    direction: indicator.direction,
    'baseline.value': indicator.baseline?.value ?? null,
    'baseline.date': indicator.baseline?.date ?? '',
    'target.value': indicator.target?.value ?? null,
    'target.date': indicator.target?.date ?? '',
    'target.note': indicator.target?.note ?? '',
    value: value?.value ?? null,
    source: value?.source ?? '',
    note: value?.note ?? '',
  };
};

test("every row says what the indicator's file says: baseline and target, and the value for that round or none", () => {
  for (const [i, r] of json.entries()) {
    const where = `donnees/indicateurs.json, enregistrement ${i + 1} (${r.convention}, ${r.indicator}, ${r.round})`;
    const d = declaredAt(r);
    assert.ok(d, `${where} : aucun indicateur de ce nom dans le document`);
    assert.equal(r.url, d.url, where);
    const row = expectedRow(d.indicator, String(r.round));
    assert.deepEqual(Object.fromEntries(Object.keys(row).map((k) => [k, r[k as keyof IndicatorRecord]])), row, where);
  }
  // Known rows of the fixture site: the document's rate rising to its target at three rounds.
  if (!ON_FIXTURE) return;
  assert.deepEqual(
    json.filter((r) => r.convention === 'plan-essai' && r.indicator === 'taux-emploi').map((r) => r.value),
    [5.4, 5.8, 6.1],
  );
});

test('the JSON and the CSV hold the same rows: numbers with a decimal point, an empty cell for none', () => {
  assert.ok(csv.startsWith(`${INDICATOR_FIELDS.join(',')}\r\n`), 'en-tête sans BOM');
  const [header, ...rows] = parseCsv(csv);
  assert.deepEqual(header, INDICATOR_FIELDS);
  assert.equal(rows.length, json.length);
  json.forEach((r, i) => {
    assert.deepEqual(Object.keys(r), INDICATOR_FIELDS, `enregistrement ${i + 1}`);
    assert.deepEqual(
      rows[i],
      Object.values(r).map((v) => (v === null ? '' : String(v))),
      `ligne ${i + 2}`,
    );
  });
});

test('every address of the indicators leads to a built page that holds its anchor', () => {
  const missing = [...new Set(json.map((r) => String(r.url)))].filter((url) => {
    const [page, anchor] = url.split('#');
    const file = join(DIST, page!, 'index.html');
    return !existsSync(file) || !readFileSync(file, 'utf8').includes(`id="${anchor}"`);
  });
  assert.deepEqual(missing, []);
});

test('each record of actions.json carries the indicators of its file, each with its list of values (empty when none)', () => {
  const actions = JSON.parse(readFileSync(join(DIST, paths.exportJson()), 'utf8')) as ActionRecord[];
  const byUrl = new Map(entries.actions.map((a) => [paths.action(a.id), a]));
  for (const a of actions)
    assert.deepEqual(
      a.indicators,
      (byUrl.get(a.url)?.data.indicators ?? []).map((i) => ({ ...i, values: i.values ?? [] })),
      a.url,
    );
});
