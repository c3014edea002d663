/**
 * The open data (src/open-data/open-data.ts, issue 12) on the small fixture site: every data file with
 * its exact size and rows, a Table Schema per CSV made from the same columns, a data package that
 * lists them, and sizes printed in French units. The schemas and the package are checked with the
 * Frictionless reference implementations (tableschema, datapackage), offline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openData, TABLE_SCHEMA_SPEC } from '../../src/open-data/open-data.ts';
import { INDICATOR_FIELDS, PATTERNS, type IndicatorRecord } from '../../src/open-data/export.ts';
import { BOM, FORMULA_NOTE, OPEN_DATA_CSV, splitCsv, writeCsv } from '../../src/open-data/csv.ts';
import { parseCsv } from '../csv.ts';
import { formatSize } from '../../src/lib/format.ts';
import { LICENCES } from '../../src/model/licences.ts';
import { STATUS_KEYS } from '../../src/model/statuses.ts';
import { ACCORD, PLAN, catalogueFiles, fixtureCatalogue, withIndicators } from './catalogue-fixtures.ts';
import { loadPackage, readTables, schemaErrors, validateCsv } from '../open-data.ts';
import { PAYLOADS, formulaCells, hostileFiles } from '../csv-payloads.ts';
import { tempDir } from '../temp-dir.ts';

const files = withIndicators();
const catalogue = fixtureCatalogue(files);
const options = { licence: 'etalab-2.0', siteName: 'Politique handicap — essai', organisation: 'Organisme d’essai' } as const;
const data = openData(catalogue, options);
const schemaOf = (path: string) =>
  JSON.parse(data.schemas.find((s) => s.path === path)!.text) as Record<string, unknown> & {
    fields: { name: string; title: string; description: string; example?: string; constraints?: Record<string, unknown> }[];
  };

test('eight data files, a CSV and a JSON per export, each with its exact size in bytes and its rows', () => {
  assert.deepEqual(
    data.files.map((f) => f.path),
    [
      'donnees/actions.csv',
      'donnees/actions.json',
      'donnees/elements.csv',
      'donnees/elements.json',
      'donnees/suivi.csv',
      'donnees/suivi.json',
      'donnees/indicateurs.csv',
      'donnees/indicateurs.json',
    ],
  );
  for (const f of data.files) {
    assert.equal(f.bytes, Buffer.from(f.text, 'utf8').length, f.path);
    const rows = f.format === 'csv' ? parseCsv(f.text).length - 1 : (JSON.parse(f.text) as unknown[]).length;
    assert.equal(f.rows, rows, f.path);
  }
  assert.equal(data.files[0]!.rows, catalogue.actions.length);
  // Accents count for two bytes: the size is that of the file, not the length of the string.
  assert.ok(data.files[0]!.bytes > data.files[0]!.text.length);
});

test('each CSV has a schema whose fields are its columns, in order, titled and described in French', () => {
  for (const f of data.files.filter((file) => file.format === 'csv')) {
    assert.ok(f.schema, f.path);
    const schema = schemaOf(f.schema.path);
    assert.deepEqual(
      schema.fields.map((field) => field.name),
      parseCsv(f.text)[0],
      f.path,
    );
    for (const field of schema.fields) {
      assert.ok(field.title && field.description, `${f.path} : ${field.name}`);
      // Examples come from the data as the file holds it, never made up.
      if (field.example !== undefined)
        assert.ok(
          splitCsv(f.text, OPEN_DATA_CSV.separator).some((row) => row.includes(field.example!)),
          field.name,
        );
    }
    assert.equal(schema.$schema, TABLE_SCHEMA_SPEC);
    assert.deepEqual(schema.licenses, [{ name: 'etalab-2.0', title: LICENCES['etalab-2.0'].title, path: LICENCES['etalab-2.0'].path }]);
    assert.equal(schema.version, '1.0.0');
  }
  assert.equal(data.files.filter((f) => f.schema).length, 4);
  assert.ok(data.files.filter((f) => f.format === 'json').every((f) => !f.schema));
});

test('statuses are closed lists: the shared keys, and the codes of the documents’ scales', () => {
  const actions = schemaOf('donnees/actions.schema.json');
  const constraint = (name: string) => actions.fields.find((f) => f.name === name)!.constraints;
  assert.deepEqual(constraint('status'), { enum: [...STATUS_KEYS] });
  const scale = catalogue.conventions.find((c) => c.id === PLAN)!.data.statusScale!.map((s) => s.code);
  assert.deepEqual(constraint('indicator'), { enum: scale });
  assert.equal((constraint('url') as { unique?: boolean }).unique, true);
  const followUp = schemaOf('donnees/suivi.schema.json');
  assert.deepEqual(followUp.primaryKey, ['url', 'round']);
  const withdrawn = followUp.fields.find((f) => f.name === 'withdrawn') as Record<string, unknown>;
  assert.deepEqual([withdrawn.type, withdrawn.trueValues, withdrawn.falseValues], ['boolean', ['oui'], ['non']]);
});

test('without SITE_URL the schemas give no absolute address; with it, their page and their own address', () => {
  assert.equal(schemaOf('donnees/actions.schema.json').homepage, undefined);
  const withSite = openData(catalogue, { ...options, siteUrl: 'https://intranet.example.org/handicap/' });
  const schema = JSON.parse(withSite.schemas[0]!.text) as { homepage: string; path: string };
  assert.equal(schema.homepage, 'https://intranet.example.org/handicap/donnees/');
  assert.equal(schema.path, 'https://intranet.example.org/handicap/donnees/actions.schema.json');
});

test('the chosen licence is the one every schema and the package carry', () => {
  const odbl = openData(catalogue, { ...options, licence: 'ODbL-1.0' });
  for (const file of [...odbl.schemas, odbl.dataPackage])
    assert.deepEqual((JSON.parse(file.text) as { licenses: unknown }).licenses, [
      { name: 'ODbL-1.0', title: LICENCES['ODbL-1.0'].title, path: LICENCES['ODbL-1.0'].path },
    ]);
});

test('with tableschema: every schema is a valid Table Schema and every CSV of the fixture site validates', async () => {
  for (const s of data.schemas) {
    assert.deepEqual(await schemaErrors(JSON.parse(s.text) as object), [], s.path);
  }
  for (const f of data.files.filter((file) => file.schema))
    assert.deepEqual(await validateCsv(f.text, JSON.parse(f.schema!.text) as object), { rows: f.rows, errors: [] }, f.path);
});

test('self-test: a wrong status, a missing required value or a duplicate address fail the validation', async () => {
  const f = data.files[0]!;
  const schema = JSON.parse(f.schema!.text) as object;
  const [header, ...rows] = parseCsv(f.text);
  const csv = (lines: string[][]) => writeCsv([header!, ...lines], OPEN_DATA_CSV);
  const set = (row: string[], column: string, value: string) => row.map((v, i) => (header![i] === column ? value : v));
  const wrongStatus = await validateCsv(csv([set(rows[0]!, 'status', 'presque-fini'), ...rows.slice(1)]), schema);
  assert.equal(wrongStatus.errors.length, 1);
  assert.match(wrongStatus.errors[0]!, /^ligne 2, colonne status : .*presque-fini/);
  const noTitle = await validateCsv(csv([rows[0]!, set(rows[1]!, 'title', ''), ...rows.slice(2)]), schema);
  assert.match(noTitle.errors.join('\n'), /^ligne 3, colonne title : /);
  const twice = await validateCsv(csv([...rows, rows[0]!]), schema);
  assert.equal(twice.errors.length, 1, twice.errors.join('\n'));
  // The file as written by the shared writer is the published file.
  assert.equal(csv(rows), f.text);
});

test('with datapackage: the package descriptor is valid, read offline as a reuser reads it, and lists every data file with its schema', async () => {
  const dir = downloaded([...data.files, ...data.schemas, data.dataPackage]);
  try {
    const pkg = await loadPackage(join(dir, 'datapackage.json'));
    assert.deepEqual(pkg.errors, []);
    assert.ok(pkg.valid);
    // Each CSV's schema was read from its file, beside the descriptor.
    assert.deepEqual(pkg.fieldNames('actions-csv'), parseCsv(data.files[0]!.text)[0]);
    const descriptor = JSON.parse(data.dataPackage.text) as { resources: { path: string; bytes: number; schema?: string }[] };
    assert.deepEqual(
      descriptor.resources.map((r) => [r.path, r.bytes, r.schema]),
      data.files.map((f) => [f.path.replace('donnees/', ''), f.bytes, f.schema?.path.replace('donnees/', '')]),
    );
    // Self-test: the profile is checked (a size in words, a resource without a path).
    const broken = { ...descriptor, resources: [{ ...descriptor.resources[0], bytes: 'douze' }, { name: 'sans-chemin' }] };
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(broken));
    const invalid = await loadPackage(join(dir, 'datapackage.json'));
    assert.equal(invalid.valid, false);
    assert.ok(invalid.errors.length >= 2, invalid.errors.join(' ; '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The files of `data` written to a new folder, as a reuser downloads them; returns the folder. */
function downloaded(files: { path: string; text: string }[]): string {
  const dir = tempDir('donnees-');
  for (const file of files) writeFileSync(join(dir, file.path.replace('donnees/', '')), file.text);
  return dir;
}

test('encoding: the CSV files are UTF-8 without a byte order mark, as declared, and datapackage reads every row of each', async () => {
  const dir = downloaded([...data.files, ...data.schemas, data.dataPackage]);
  try {
    const descriptor = JSON.parse(data.dataPackage.text) as { resources: { name: string; encoding: string }[] };
    assert.ok(descriptor.resources.every((r) => r.encoding === 'utf-8'));
    const csvFiles = data.files.filter((f) => f.format === 'csv');
    for (const f of csvFiles) assert.ok(!f.text.startsWith(BOM), f.path);
    assert.deepEqual(
      await readTables(join(dir, 'datapackage.json')),
      Object.fromEntries(csvFiles.map((f) => [f.name, { header: parseCsv(f.text)[0], rows: f.rows }])),
    );
    // Self-test: with a byte order mark the file no longer reads as declared (the mark joins the first column's name).
    const actions = csvFiles[0]!;
    writeFileSync(join(dir, actions.path.replace('donnees/', '')), BOM + actions.text);
    const tables = await readTables(join(dir, 'datapackage.json'));
    assert.match((tables[actions.name] as { error?: string }).error ?? '', /header names do not match/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('formula-safe: on a hostile site, no CSV cell starts like a formula, each CSV validates against its schema, and the schema says how such a value is written', async () => {
  // Every free text of the indicators starts like a formula too.
  const hostileIndicator = (i: Record<string, unknown>) => ({
    ...i,
    label: PAYLOADS[0],
    unit: '+%',
    ...(i.target ? { target: { ...i.target, note: '=au moins' } } : {}),
    values: ((i.values ?? []) as object[]).map((v) => ({ ...v, source: '@RSU', note: '-0,4 point' })),
  });
  const hostile = openData(fixtureCatalogue(withIndicators(hostileFiles(), hostileIndicator)), options);
  const hostileSchema = (path: string) => JSON.parse(hostile.schemas.find((s) => s.path === path)!.text) as ReturnType<typeof schemaOf>;
  const fieldsOf = (path: string) => hostileSchema(path).fields;
  for (const f of hostile.files.filter((file) => file.schema)) {
    assert.deepEqual(formulaCells(f.text, OPEN_DATA_CSV.separator), [], f.path);
    assert.deepEqual(await validateCsv(f.text, hostileSchema(f.schema!.path)), { rows: f.rows, errors: [] }, f.path);
    assert.match(hostileSchema(f.schema!.path).description as string, /sans marque d'ordre des octets.*apostrophe/);
  }
  // The note goes to the text fields, where a value may start like a formula; not to ids, addresses, dates, closed lists, yes/no.
  const noted = (path: string) =>
    fieldsOf(path)
      .filter((field) => field.description.endsWith(` ${FORMULA_NOTE}`))
      .map((field) => field.name);
  assert.deepEqual(noted('donnees/actions.schema.json'), [
    'axis',
    'axisTitle',
    'objective',
    'objectiveTitle',
    'number',
    'title',
    'wording',
    'indicator',
    'responsible',
    'dates.done',
    'dates.due',
  ]);
  assert.deepEqual(noted('donnees/elements.schema.json'), ['number', 'label', 'title']);
  assert.deepEqual(noted('donnees/suivi.schema.json'), [
    'conventionShortTitle',
    'number',
    'label',
    'title',
    'roundLabel',
    'roundPeriod',
    'indicator',
    'mergedInto',
    'withdrawnNote',
    'comment',
    'evidence',
  ]);
  assert.deepEqual(noted('donnees/indicateurs.schema.json'), [
    'number',
    'label',
    'unit',
    'target.note',
    'roundLabel',
    'roundPeriod',
    'source',
    'note',
  ]);
  // Without a code starting like a formula, the indicator is a closed list that needs no note.
  assert.ok(
    !schemaOf('donnees/actions.schema.json')
      .fields.find((field) => field.name === 'indicator')!
      .description.includes(FORMULA_NOTE),
  );
  // The schema describes the file as written: the closed list and the example as the CSV holds them.
  const actions = fieldsOf('donnees/actions.schema.json');
  assert.ok((actions.find((field) => field.name === 'indicator')!.constraints!.enum as string[]).includes("'-"));
  assert.equal(actions.find((field) => field.name === 'axisTitle')!.example, "''=1+1");
  // The patterns of ids, addresses and dates refuse a formula start: their fields never need the note.
  for (const pattern of Object.values(PATTERNS))
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n', "'=", '＝'])
      assert.ok(!new RegExp(pattern).test(`${start}2024`), `${pattern} : ${start}`);
});

test('sizes in French units: octets, ko, Mo, with a decimal comma', () => {
  assert.equal(formatSize(0), '0 octet');
  assert.equal(formatSize(850), '850 octets');
  assert.equal(formatSize(12_345), '12,3 ko');
  assert.equal(formatSize(89_752), '89,8 ko');
  assert.equal(formatSize(2_500_000), '2,5 Mo');
});

/** The indicators' records of the fixture site, and those of one indicator. */
const indicatorsJson = JSON.parse(data.files.find((f) => f.path === 'donnees/indicateurs.json')!.text) as IndicatorRecord[];
const rowsOf = (indicator: string) => indicatorsJson.filter((r) => r.indicator === indicator);
/** The indicators as the fixture files declare them, by id. */
const declared = new Map(
  files.flatMap((f) =>
    (
      ((f.frontmatter as { indicators?: unknown[] }).indicators ?? []) as {
        id: string;
        baseline?: { value: number };
        target?: { value: number };
        values?: { round: string; value: number }[];
      }[]
    ).map((i) => [i.id, i]),
  ),
);

test('indicateurs: one row per indicator and round of its document, a round without a value left empty, baseline and target on every row', () => {
  const rounds = catalogue.conventions.find((c) => c.id === PLAN)!.rounds.map((r) => r.id);
  // Every indicator of the fixture files, in the order of the site: each document's own first, then its actions'.
  const siteOrder = catalogue.conventions.flatMap((c) => [...c.indicators, ...c.actions.flatMap((a) => a.indicators)].map((i) => i.id));
  assert.deepEqual([...siteOrder].sort(), [...declared.keys()].sort());
  assert.deepEqual([...new Set(indicatorsJson.map((r) => r.indicator))], siteOrder);
  for (const [id, indicator] of declared) {
    const rows = rowsOf(id);
    const convention = rows[0]!.convention;
    const expectedRounds = convention === PLAN ? rounds : [''];
    assert.deepEqual(
      rows.map((r) => r.round),
      expectedRounds,
      id,
    );
    // The value of each round as the file gives it; null where the round has none (the gap shows).
    assert.deepEqual(
      rows.map((r) => r.value),
      expectedRounds.map((round) => indicator.values?.find((v) => v.round === round)?.value ?? null),
      id,
    );
    for (const r of rows) {
      assert.equal(r['baseline.value'], indicator.baseline?.value ?? null, id);
      assert.equal(r['target.value'], indicator.target?.value ?? null, id);
    }
  }
  // A document's own indicator is shown on its document's indicators page; an action's on the action's page.
  assert.deepEqual([rowsOf('taux-emploi')[0]!.number, rowsOf('taux-emploi')[0]!.url], ['', `${PLAN}/indicateurs/#indicateur-taux-emploi`]);
  const action1 = catalogue.actions.find((a) => a.convention.id === PLAN && a.data.number === '1')!;
  assert.deepEqual([rowsOf('recrutements')[0]!.number, rowsOf('recrutements')[0]!.url], ['1', `${action1.path}#indicateur-recrutements`]);
  // The accord has no rounds: one row, without round, so that its target is published all the same.
  assert.deepEqual(
    indicatorsJson.filter((r) => r.convention === ACCORD).map((r) => [r.indicator, r.round, r.value]),
    [['agents-formes', '', null]],
  );
  // The CSV is the JSON as text: numbers with a decimal point, an empty cell for null.
  const [header, ...rows] = parseCsv(data.files.find((f) => f.path === 'donnees/indicateurs.csv')!.text);
  assert.deepEqual(header, INDICATOR_FIELDS);
  assert.deepEqual(
    rows,
    indicatorsJson.map((r) => INDICATOR_FIELDS.map((f) => (r[f] === null ? '' : String(r[f])))),
  );
  assert.ok(rows.some((row) => row[header.indexOf('value')] === '45.5'));
});

test('indicateurs: values are Table Schema numbers, the key is document, indicator and round; self-test: a French comma, a duplicate row fail', async () => {
  const f = data.files.find((file) => file.path === 'donnees/indicateurs.csv')!;
  const schema = JSON.parse(f.schema!.text) as { primaryKey: string[]; fields: { name: string; type: string }[] };
  assert.deepEqual(schema.primaryKey, ['convention', 'indicator', 'round']);
  assert.deepEqual(
    schema.fields.filter((field) => field.type === 'number').map((field) => field.name),
    ['baseline.value', 'target.value', 'value'],
  );
  const [header, ...rows] = parseCsv(f.text);
  const at = header!.indexOf('value');
  const withValue = rows.findIndex((row) => row[at] !== '');
  const comma = rows.map((row, i) => (i === withValue ? row.map((v, j) => (j === at ? v.replace('.', ',') + ',5' : v)) : row));
  const commaErrors = (await validateCsv(writeCsv([header!, ...comma], OPEN_DATA_CSV), schema)).errors;
  assert.equal(commaErrors.length, 1, commaErrors.join('\n'));
  assert.match(commaErrors[0]!, new RegExp(`^ligne ${withValue + 2}, colonne value : `));
  const twice = await validateCsv(writeCsv([header!, ...rows, rows[0]!], OPEN_DATA_CSV), schema);
  assert.equal(twice.errors.length, 1, twice.errors.join('\n'));
});

test('indicateurs: a site without indicators publishes the file with its header and no row', async () => {
  const none = openData(fixtureCatalogue(catalogueFiles()), options);
  const f = none.files.find((file) => file.path === 'donnees/indicateurs.csv')!;
  assert.equal(f.rows, 0);
  assert.deepEqual(parseCsv(f.text), [INDICATOR_FIELDS]);
  assert.deepEqual(await validateCsv(f.text, JSON.parse(f.schema!.text) as object), { rows: 0, errors: [] });
});

test('indicateurs: negative and tiny values are written bare, as numbers the schema reads, and no cell starts like a formula', async () => {
  const negative = (i: Record<string, unknown>) => ({
    ...i,
    values: ((i.values ?? []) as { value: number }[]).map((v, n) => ({ ...v, value: n === 0 ? -0.0000001 : -v.value })),
  });
  const f = openData(fixtureCatalogue(withIndicators(catalogueFiles(), negative)), options).files.find(
    (file) => file.path === 'donnees/indicateurs.csv',
  )!;
  const [header, ...rows] = parseCsv(f.text);
  const values = rows.map((row) => row[header!.indexOf('value')]).filter((v) => v !== '');
  assert.ok(values.includes('-1e-7') && values.includes('-6.1'), values.join(' '));
  assert.deepEqual(formulaCells(f.text, OPEN_DATA_CSV.separator), []);
  assert.deepEqual(await validateCsv(f.text, JSON.parse(f.schema!.text) as object), { rows: f.rows, errors: [] });
});
