/**
 * The open data as published (issue 12): every data file of `donnees/` with its exact text, size
 * and number of rows; a Table Schema for each CSV file (`donnees/<table>.schema.json`, after the
 * conventions of schema.data.gouv.fr); and `donnees/datapackage.json`, the Frictionless Data Package
 * that describes them all. The endpoints serve these texts and the data page prints these sizes, so
 * that the page, the package and the files on disk cannot disagree.
 *
 * Pure: no Astro, so that the tests read the same rules (src/catalogue/content.ts gives it the catalogue
 * and the publisher's settings).
 */
import { createHash } from 'node:crypto';
import type { Catalogue } from '../catalogue/types.ts';
import {
  actionsTable,
  followUpRecords,
  followUpTable,
  indicatorRecords,
  indicatorsTable,
  itemRecords,
  itemsTable,
  tableToCsv,
  toRecord,
  type FieldConstraints,
  type FieldInfo,
  type SchemaContext,
  type Table,
} from './export.ts';
import { FORMULA_NOTE, OPEN_DATA_CSV, dialectDescriptor, protectCell } from './csv.ts';
import { paths, slugify } from '../lib/paths.ts';
import { licenceDescriptor, type LicenceKey } from '../model/licences.ts';

/** Version of the schemas: a field added gives a minor version, a field changed a major one (never done: see export.ts). */
const SCHEMA_VERSION = '1.0.0';
/** The Table Schema specification, as schema.data.gouv.fr's schemas name it in `$schema`. */
export const TABLE_SCHEMA_SPEC = 'https://frictionlessdata.io/schemas/table-schema.json';

export interface OpenDataOptions {
  /** Licence chosen in the publisher's settings. */
  licence: LicenceKey;
  /** Name of the site, which the package is named after. */
  siteName: string;
  /** The publishing body: the author of the schemas and the publisher of the package. */
  organisation: string;
  /** Absolute URL of the site's base ("https://intranet.example.org/handicap/"), when known (SITE_URL). */
  siteUrl?: string;
}

/** A file of `donnees/` that is not data: a schema or the package descriptor. */
export interface PublishedFile {
  /** Path relative to the site base: "donnees/actions.schema.json". */
  path: string;
  text: string;
  /** Size in bytes of the text in UTF-8: the size of the file on disk. */
  bytes: number;
}

export interface DataFile extends PublishedFile {
  /** Resource name in the package: "actions-csv". */
  name: string;
  /** Which export: "actions", "elements", "suivi", "indicateurs". */
  table: TableKey;
  format: 'csv' | 'json';
  mediatype: 'text/csv' | 'application/json';
  title: string;
  description: string;
  /** What the JSON file holds beyond the table (the CSV's description applies to both). */
  formatNote?: string;
  /** Records: the CSV's lines after its header, the JSON array's items. */
  rows: number;
  /** The CSV's Table Schema. */
  schema?: PublishedFile;
}

export interface OpenData {
  files: DataFile[];
  schemas: PublishedFile[];
  dataPackage: PublishedFile;
}

type TableKey = 'actions' | 'elements' | 'suivi' | 'indicateurs';

/** What each export is, in French: the page, the schemas and the package say it the same way. */
const TABLES: Record<TableKey, { title: string; description: string; primaryKey: string[] }> = {
  actions: {
    title: 'Actions',
    description:
      'Une ligne par action, mesure ou engagement de chaque document : axe, objectif, numéro, titre, libellé, statut au dernier bilan, responsables, dates et adresse de sa page.',
    primaryKey: ['url'],
  },
  elements: {
    title: 'Éléments des documents',
    description:
      'Une ligne par élément numéroté ou lettré de chaque document (section, article, axe, objectif, action et ses points lettrés, procédure) et par terme du glossaire, organisme ou rôle, avec son adresse.',
    primaryKey: ['url'],
  },
  suivi: {
    title: 'Suivi des actions par bilan',
    description:
      "Une ligne par action et par bilan de son document, du plus ancien au plus récent : statut à ce bilan, retrait, commentaire et justificatif. Les actions d'un document sans bilan n'y figurent pas.",
    primaryKey: ['url', 'round'],
  },
  indicateurs: {
    title: 'Indicateurs par bilan',
    description:
      'Une ligne par indicateur et par bilan de son document, du plus ancien au plus récent : le document, l’action qui le suit (vide pour un indicateur du document lui-même), son libellé, son unité, le sens du progrès, la valeur de départ et la cible (répétées sur chaque ligne), puis la valeur relevée à ce bilan, sa source et sa note. Un bilan sans valeur donne une ligne à la valeur vide ; un document sans bilan, une seule ligne par indicateur.',
    primaryKey: ['convention', 'indicator', 'round'],
  },
};

/** What the JSON file of each export holds beyond the CSV's description. */
const JSON_NOTES: Record<TableKey, string> = {
  actions:
    "En JSON, les responsables forment une liste, les dates un objet {done, due}, rounds donne ce que chaque bilan du document dit de l'action et indicators ses indicateurs, aux champs des fichiers de contenu.",
  elements: 'En JSON, un objet par ligne, aux mêmes champs que le fichier CSV.',
  suivi: 'En JSON, un objet par ligne, aux mêmes champs que le fichier CSV.',
  indicateurs:
    'En JSON, un objet par ligne, aux mêmes champs que le fichier CSV ; les valeurs sont des nombres, null quand il n’y en a pas.',
};

/** How the CSV files are written, in French, at the head of each schema. */
const CSV_FORMAT =
  "Fichier CSV en UTF-8 (sans marque d'ordre des octets), séparateur virgule, une première ligne d'en-tête ; une valeur vide signifie que la source ne dit rien ; une valeur qui commence comme une formule de tableur est écrite précédée d'une apostrophe (voir la description des champs).";

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const published = (path: string, text: string): PublishedFile => ({ path, text, bytes: utf8Bytes(text) });
const json = (value: unknown) => JSON.stringify(value, null, 2);
/** A file's name inside `donnees/`: paths in the package are relative to it. */
const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * Whether a field's values may start like a formula, and so be written after an apostrophe
 * (src/open-data/csv.ts): text that no pattern or closed list keeps from it. The patterns of the site's
 * own values (ids, addresses, dates) start with a letter or a digit (tested).
 */
function mayBeProtected(info: FieldInfo, constraints: FieldConstraints | undefined): boolean {
  if ((info.type ?? 'string') !== 'string' || constraints?.pattern !== undefined || constraints?.maxLength === 0) return false;
  return constraints?.enum === undefined || constraints.enum.some((value) => protectCell(value) !== value);
}

/**
 * One Table Schema field from a column: its French title and description, its constraints, an
 * example from the data. The schema describes the file as written: the example and the closed
 * lists give values as the CSV holds them, and the description of a text field says how a value
 * starting like a formula is written.
 */
function field(name: string, info: FieldInfo, values: string[], context: SchemaContext) {
  const declared = typeof info.constraints === 'function' ? info.constraints(context) : info.constraints;
  const constraints = declared?.enum ? { ...declared, enum: declared.enum.map(protectCell) } : declared;
  const example = values.find((v) => v !== '');
  return {
    name,
    title: info.title,
    description: mayBeProtected(info, declared) ? `${info.description} ${FORMULA_NOTE}` : info.description,
    ...(example === undefined ? {} : { example: protectCell(example) }),
    type: info.type ?? 'string',
    ...(info.type === 'boolean' ? { trueValues: ['oui'], falseValues: ['non'] } : {}),
    ...(constraints && Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

/** The Table Schema of an export, with the keys schema.data.gouv.fr asks for at its root. */
export function tableSchema(key: TableKey, table: Table, context: SchemaContext, options: OpenDataOptions) {
  const { title, description, primaryKey } = TABLES[key];
  const absolute = (path: string) => (options.siteUrl ? new URL(path, options.siteUrl).href : undefined);
  return {
    $schema: TABLE_SCHEMA_SPEC,
    name: `${slugify(options.siteName)}-${key}`,
    title: `${title} : schéma du fichier ${key}.csv`,
    description: `${description} ${CSV_FORMAT}`,
    countryCode: 'FR',
    ...(absolute(paths.openData()) ? { homepage: absolute(paths.openData()) } : {}),
    ...(absolute(paths.dataSchema(key)) ? { path: absolute(paths.dataSchema(key)) } : {}),
    version: SCHEMA_VERSION,
    licenses: [licenceDescriptor(options.licence)],
    contributors: [{ title: options.organisation, role: 'author' }],
    fields: table.header.map((name, i) =>
      field(
        name,
        table.fields[i]!,
        table.rows.map((row) => row[i]!),
        context,
      ),
    ),
    primaryKey,
    missingValues: [''],
  };
}

/** Every file of `donnees/`, made once per catalogue. */
export function openData(catalogue: Catalogue, options: OpenDataOptions): OpenData {
  const actions = catalogue.actions.map(toRecord);
  const items = itemRecords(catalogue);
  const followUp = followUpRecords(catalogue.actions);
  const indicators = indicatorRecords(catalogue);
  const context: SchemaContext = {
    indicators: [...new Set(catalogue.conventions.flatMap((c) => (c.data.statusScale ?? []).map((s) => s.code)))],
  };
  const sources: { key: TableKey; table: Table; records: unknown[]; csv: string; json: string }[] = [
    { key: 'actions', table: actionsTable(actions), records: actions, csv: paths.exportCsv(), json: paths.exportJson() },
    { key: 'elements', table: itemsTable(items), records: items, csv: paths.itemsCsv(), json: paths.itemsJson() },
    { key: 'suivi', table: followUpTable(followUp), records: followUp, csv: paths.followUpCsv(), json: paths.followUpJson() },
    {
      key: 'indicateurs',
      table: indicatorsTable(indicators),
      records: indicators,
      csv: paths.indicatorsCsv(),
      json: paths.indicatorsJson(),
    },
  ];
  const files: DataFile[] = [];
  const schemas: PublishedFile[] = [];
  for (const { key, table, records, csv, json: jsonPath } of sources) {
    const { title, description } = TABLES[key];
    const schema = published(paths.dataSchema(key), json(tableSchema(key, table, context, options)));
    schemas.push(schema);
    const common = { table: key, title, rows: records.length };
    files.push({
      ...common,
      ...published(csv, tableToCsv(table)),
      name: `${key}-csv`,
      format: 'csv',
      mediatype: 'text/csv',
      description,
      schema,
    });
    const formatNote = JSON_NOTES[key];
    files.push({
      ...common,
      ...published(jsonPath, json(records)),
      name: `${key}-json`,
      format: 'json',
      mediatype: 'application/json',
      description: `${description} ${formatNote}`,
      formatNote,
    });
  }
  return { files, schemas, dataPackage: published(paths.dataPackage(), json(dataPackage(files, options))) };
}

/**
 * The Frictionless Data Package: every data file as a resource, with its path relative to the
 * descriptor, format, media type, encoding, size and SHA-256 hash; each CSV with its dialect and the
 * path of its schema. The generic "data-package" profile: the JSON files are not tables.
 */
function dataPackage(files: DataFile[], options: OpenDataOptions) {
  const homepage = options.siteUrl ? new URL(paths.openData(), options.siteUrl).href : undefined;
  return {
    profile: 'data-package',
    name: slugify(options.siteName),
    title: `${options.siteName} : données ouvertes`,
    description:
      "Les actions, les éléments numérotés, le suivi par bilan et les indicateurs des conventions et plans d'actions en faveur de l'inclusion des personnes en situation de handicap publiés sur ce site, en CSV (avec leur schéma Table Schema) et en JSON.",
    ...(homepage ? { homepage } : {}),
    version: SCHEMA_VERSION,
    licenses: [licenceDescriptor(options.licence)],
    contributors: [{ title: options.organisation, role: 'publisher' }],
    resources: files.map((f) => ({
      profile: f.format === 'csv' ? 'tabular-data-resource' : 'data-resource',
      name: f.name,
      path: fileName(f.path),
      title: `${f.title} (${f.format.toUpperCase()})`,
      description: f.description,
      format: f.format,
      mediatype: f.mediatype,
      encoding: 'utf-8',
      bytes: f.bytes,
      hash: `sha256:${createHash('sha256').update(f.text).digest('hex')}`,
      ...(f.schema
        ? {
            dialect: dialectDescriptor(OPEN_DATA_CSV),
            schema: fileName(f.schema.path),
          }
        : {}),
    })),
  };
}
