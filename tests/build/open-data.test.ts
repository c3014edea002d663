/**
 * The open data as built (dist/donnees/, issue 12): every CSV validates against its published
 * Table Schema with tableschema (the Frictionless reference implementation); datapackage.json lists
 * every data file of the folder, none missing, none extra, with the size and hash of the file on
 * disk, and is valid for datapackage, which reads every CSV with the encoding it declares (UTF-8,
 * no byte order mark: issue 19); no CSV cell starts like a formula; the "Données ouvertes" page
 * shows each file with the size of the file, its rows, its schema and the licence chosen in
 * src/config.ts. Run after `npm run build`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { BASE, DIST, builtPages, linksIn, builtSettings } from '../site.ts';
import { selectAll } from '../hast.ts';
import { loadPackage, readTables, validateCsv } from '../open-data.ts';
import { formulaCells } from '../csv-payloads.ts';
import { BOM, OPEN_DATA_CSV, csvCell } from '../../src/open-data/csv.ts';
import { parseCsv } from '../csv.ts';
import { formatSize } from '../../src/lib/format.ts';
import { paths } from '../../src/lib/paths.ts';
import { LICENCES } from '../../src/model/licences.ts';

const site = await builtSettings();

const DATA = join(DIST, 'donnees');
interface Resource {
  name: string;
  path: string;
  format: string;
  mediatype: string;
  encoding: string;
  bytes: number;
  hash: string;
  schema?: string;
  licenses?: unknown;
}
const descriptor = JSON.parse(readFileSync(join(DATA, 'datapackage.json'), 'utf8')) as { resources: Resource[]; licenses: unknown };
const resources = descriptor.resources;
const csvResources = resources.filter((r) => r.format === 'csv');
const text = (name: string) => readFileSync(join(DATA, name), 'utf8');
/** Records of a data file as a reuser counts them: CSV lines after the header, items of the JSON array. */
const rowsOf = (name: string) => (name.endsWith('.csv') ? parseCsv(text(name)).length - 1 : (JSON.parse(text(name)) as unknown[]).length);
const isSchema = (name: string) => name.endsWith('.schema.json');

test('datapackage.json lists every data file of donnees/, none missing, none extra, with the size and hash of the file', () => {
  const onDisk = readdirSync(DATA).filter((f) => /\.(csv|json)$/.test(f) && !isSchema(f) && f !== 'datapackage.json');
  assert.deepEqual(resources.map((r) => r.path).sort(), onDisk.sort());
  assert.deepEqual(
    resources.map((r) => r.path),
    ['actions.csv', 'actions.json', 'elements.csv', 'elements.json', 'suivi.csv', 'suivi.json', 'indicateurs.csv', 'indicateurs.json'],
  );
  // Every schema published is one a CSV points to, and every CSV has one.
  assert.deepEqual(csvResources.map((r) => r.schema).sort(), readdirSync(DATA).filter(isSchema).sort());
  assert.ok(csvResources.length === 4 && csvResources.every((r) => r.schema));
  for (const r of resources) {
    const bytes = readFileSync(join(DATA, r.path));
    assert.equal(r.bytes, statSync(join(DATA, r.path)).size, `${r.path} : taille`);
    assert.equal(r.hash, `sha256:${createHash('sha256').update(bytes).digest('hex')}`, `${r.path} : empreinte`);
    assert.deepEqual(
      [r.format, r.mediatype, r.encoding],
      r.path.endsWith('.csv') ? ['csv', 'text/csv', 'utf-8'] : ['json', 'application/json', 'utf-8'],
    );
  }
  const { title, path } = LICENCES[site.licence];
  assert.deepEqual(descriptor.licenses, [{ name: site.licence, title, path }]);
});

test('datapackage.json is a valid Data Package (datapackage, offline: its profiles are bundled), each CSV with its schema', async () => {
  const pkg = await loadPackage(join(DATA, 'datapackage.json'));
  assert.deepEqual(pkg.errors, []);
  assert.ok(pkg.valid);
  for (const r of csvResources) {
    const schema = JSON.parse(text(r.schema!)) as { fields: { name: string }[] };
    assert.deepEqual(
      pkg.fieldNames(r.name),
      schema.fields.map((f) => f.name),
      r.name,
    );
  }
});

test('every CSV is UTF-8 without a byte order mark, as declared, read whole through datapackage, and no cell starts like a formula', async () => {
  const tables = await readTables(join(DATA, 'datapackage.json'));
  for (const r of csvResources) {
    const bytes = readFileSync(join(DATA, r.path));
    assert.ok(!bytes.subarray(0, 3).equals(Buffer.from(BOM, 'utf8')), `${r.path} : marque d'ordre des octets`);
    assert.deepEqual(tables[r.name], { header: parseCsv(text(r.path))[0], rows: rowsOf(r.path) }, r.path);
    assert.deepEqual(formulaCells(text(r.path), OPEN_DATA_CSV.separator), [], r.path);
  }
});

test('every CSV validates against its published schema with tableschema, every row read', async () => {
  for (const r of csvResources) {
    const schema = JSON.parse(text(r.schema!)) as { fields: { name: string }[]; licenses: unknown };
    assert.deepEqual(
      schema.fields.map((f) => f.name),
      parseCsv(text(r.path))[0],
      `${r.schema} : colonnes`,
    );
    assert.deepEqual(schema.licenses, descriptor.licenses, `${r.schema} : licence`);
    const result = await validateCsv(text(r.path), schema);
    assert.deepEqual(result.errors, [], r.path);
    assert.equal(result.rows, rowsOf(r.path), `${r.path} : lignes lues`);
    // A site may declare no indicator (tests/build/indicators-export.test.ts counts its rows).
    assert.ok(result.rows > 0 || r.path === 'indicateurs.csv', r.path);
  }
});

test('self-test: a corrupted copy of a published CSV (unknown status, missing required value) fails its schema', async () => {
  const csv = text('suivi.csv');
  const schema = JSON.parse(text('suivi.schema.json')) as object;
  const lines = csv.split('\r\n');
  const [header, first, second] = parseCsv(`${lines.slice(0, 3).join('\r\n')}\r\n`);
  const at = (name: string) => header!.indexOf(name);
  // Rows 2 and 3 have no line break inside a field: each is one line of the file.
  assert.deepEqual(parseCsv(`${lines[1]}\r\n${lines[2]}\r\n`), [first, second]);
  const row = (cells: string[]) => cells.map((v) => csvCell(v, OPEN_DATA_CSV.separator)).join(OPEN_DATA_CSV.separator);
  const wrongStatus = first!.map((v, i) => (i === at('status') ? 'presque-fini' : v));
  const noRound = second!.map((v, i) => (i === at('round') ? '' : v));
  const corrupted = [lines[0], row(wrongStatus), row(noRound), ...lines.slice(3)].join('\r\n');
  const { errors } = await validateCsv(corrupted, schema);
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.match(errors[0]!, /^ligne 2, colonne status : .*presque-fini.*enum/);
  assert.match(errors[1]!, /^ligne 3, colonne round : .*required/);
});

/**
 * What the data page gets wrong about the files on disk: for each resource, its row in the table,
 * a download link saying its format and the size of the file, its rows, its schema link with the
 * schema's size, and the licence chosen in the settings. Empty when the page tells the truth.
 */
function pageProblems(html: string): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => ok || problems.push(message);
  const main = selectAll(fromHtml(html), (e) => e.tagName === 'main')[0]!;
  const licence = LICENCES[site.licence];
  const clean = (t: string) => t.replace(/\s+/g, ' ').trim();
  const linkIn = (root: Element, href: string) => selectAll(root, (e) => e.tagName === 'a' && e.properties.href === href)[0];
  for (const r of resources) {
    const row = selectAll(main, (e) => e.tagName === 'tr' && e.properties.dataFichier === r.path)[0];
    if (!row) {
      problems.push(`${r.path} : aucune ligne dans le tableau`);
      continue;
    }
    // The link itself says the format and the size of the file on disk (issue 12).
    const download = linkIn(row, `${BASE}donnees/${r.path}`);
    const size = formatSize(statSync(join(DATA, r.path)).size);
    check(
      clean(download?.text ?? '') === `${r.path} (${r.format.toUpperCase()}, ${size})`,
      `${r.path} : lien « ${download?.text} », attendu ${size}`,
    );
    const rows = selectAll(row, (e) => e.tagName === 'td' && e.properties.dataLignes !== undefined)[0];
    check(
      rows?.text.replace(/\s/g, '') === String(rowsOf(r.path)),
      `${r.path} : ${rows?.text} lignes affichées, ${rowsOf(r.path)} dans le fichier`,
    );
    if (r.schema) {
      const schema = linkIn(row, `${BASE}donnees/${r.schema}`);
      const schemaSize = formatSize(statSync(join(DATA, r.schema)).size);
      check(
        clean(schema?.text ?? '') === `${r.schema} (Table Schema, JSON, ${schemaSize})`,
        `${r.path} : lien du schéma « ${schema?.text} »`,
      );
    }
    check(linkIn(row, licence.path)?.text === licence.short, `${r.path} : licence ${licence.short} absente`);
  }
  check(
    selectAll(main, (e) => e.tagName === 'a' && e.properties.href === licence.path).some((a) => a.text === licence.title),
    `licence non nommée en toutes lettres (${licence.title})`,
  );
  const pkg = linkIn(main, `${BASE}${paths.dataPackage()}`);
  const pkgSize = formatSize(statSync(join(DATA, 'datapackage.json')).size);
  check(clean(pkg?.text ?? '') === `datapackage.json (JSON, ${pkgSize})`, `lien du datapackage.json « ${pkg?.text} »`);
  return problems;
}

const dataPage = readFileSync(join(DIST, paths.openData(), 'index.html'), 'utf8');

test('the "Données ouvertes" page lists each file with its format, size and rows, its schema and the licence', () => {
  assert.deepEqual(pageProblems(dataPage), []);
});

test('self-test: a size, a row count or a licence that differs from the files and the settings is seen', () => {
  const [first] = resources;
  const size = formatSize(statSync(join(DATA, first!.path)).size);
  const rows = rowsOf(first!.path);
  const wrong = dataPage
    .replace(`${first!.path} (CSV, ${size})`, `${first!.path} (CSV, 1,0 ko)`)
    .replace(new RegExp(`(data-lignes="${rows}"[^>]*>)[^<]*<`), `$1${rows + 1}<`)
    .replaceAll(`>${LICENCES[site.licence].short}<`, '>CC0 1.0<');
  const problems = pageProblems(wrong);
  assert.ok(
    problems.some((p) => p.startsWith(`${first!.path} : lien`)),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.includes('lignes affichées')),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.includes('licence')),
    problems.join('\n'),
  );
});

test('the data page is reached from the footer of every page, from the plan du site and from the table of all actions', () => {
  const target = `${BASE}${paths.openData()}`;
  for (const page of builtPages()) {
    const source = readFileSync(join(DIST, page), 'utf8');
    assert.ok(linksIn(source, /<footer/, '</footer>').includes(target), `${page} : pied de page`);
  }
  for (const page of [paths.siteMap(), paths.actionsIndex()]) {
    const main = readFileSync(join(DIST, page, 'index.html'), 'utf8')
      .split('<main')[1]!
      .split('</main>')[0]!;
    assert.ok(main.includes(`href="${target}"`), page);
  }
});
