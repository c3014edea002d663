/**
 * The open data checked with the Frictionless reference implementations in JavaScript:
 * tableschema (frictionlessdata/tableschema-js) validates a CSV export against its Table Schema,
 * every row cast and checked (types, required values, closed lists, patterns, unique values and
 * primary key), every error kept; datapackage (frictionlessdata/datapackage-js) reads a
 * datapackage.json as a reuser would, its profiles taken from the copies bundled with the package
 * (no network), each CSV's schema read from its file.
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import tableschema from 'tableschema';

/** What the tests use of datapackage, which ships no types. */
interface DataResource {
  name: string;
  tabular: boolean;
  schema?: { fieldNames: string[] };
  headers: string[] | null;
  read(options?: { keyed?: boolean }): Promise<unknown[]>;
}
interface DataPackageModule {
  Package: {
    load(
      descriptor: string | object,
      options?: { basePath?: string },
    ): Promise<{
      valid: boolean;
      errors: Error[];
      getResource(name: string): DataResource | null;
      resources: DataResource[];
    }>;
  };
}
const datapackage = createRequire(import.meta.url)('datapackage') as DataPackageModule;

/** The data package at `path` (a datapackage.json): whether it is valid, its errors, and each resource's schema as read. */
export async function loadPackage(path: string) {
  const pkg = await datapackage.Package.load(path);
  return {
    valid: pkg.valid,
    errors: pkg.errors.map((e) => e.message),
    fieldNames: (name: string) => pkg.getResource(name)?.schema?.fieldNames,
  };
}

/**
 * Every tabular resource of the package at `path`, read as a reuser's program reads it: the file
 * decoded with the encoding the package declares, its header checked against its schema and every
 * row cast (datapackage's Resource.read). Its header and number of rows, or why it could not be read.
 */
export async function readTables(path: string): Promise<Record<string, { header: string[]; rows: number } | { error: string }>> {
  const pkg = await datapackage.Package.load(path);
  const tables: Record<string, { header: string[]; rows: number } | { error: string }> = {};
  for (const resource of pkg.resources.filter((r) => r.tabular)) {
    try {
      const rows = await resource.read({ keyed: true });
      tables[resource.name] = { header: resource.headers ?? [], rows: rows.length };
    } catch (error) {
      tables[resource.name] = { error: (error as Error).message };
    }
  }
  return tables;
}

/**
 * The typings shipped with tableschema declare `Schema.load` and `table.read` synchronous; both
 * return promises (lib/schema.js, lib/table.js).
 */
const loadSchema = (descriptor: object) => tableschema.Schema.load(descriptor) as unknown as Promise<tableschema.Schema>;

/** Why a Table Schema descriptor is not valid: none when it is. */
export async function schemaErrors(descriptor: object): Promise<string[]> {
  const schema = await loadSchema(descriptor);
  return schema.valid ? [] : (schema.errors as Error[]).map((e) => e.message);
}

interface TableSchemaError extends Error {
  rowNumber?: number;
  columnNumber?: number;
  errors?: TableSchemaError[];
}

/**
 * The rows read and the errors found, one line each: "ligne 3, colonne title : …" (line of the
 * record, header counted as line 1; the validator's own message). The file is read as it is
 * published: UTF-8, comma separator, CRLF line ends (a byte order mark would be skipped: `bom`;
 * that the files have none is checked by reading them through datapackage, `readTables`).
 */
export async function validateCsv(text: string, descriptor: object): Promise<{ rows: number; errors: string[] }> {
  const invalid = await schemaErrors(descriptor);
  if (invalid.length > 0) return { rows: 0, errors: invalid.map((e) => `schéma invalide : ${e}`) };
  const schema = await loadSchema(descriptor);
  const names = schema.fieldNames;
  const table = await tableschema.Table.load(() => Readable.from([Buffer.from(text, 'utf8')]), {
    schema,
    delimiter: ',',
    bom: true,
  });
  const rows = await (table.read({ forceCast: true }) as unknown as Promise<unknown[]>);
  const errors: string[] = [];
  for (const row of rows) {
    if (!(row instanceof Error)) continue;
    const e = row as TableSchemaError;
    const inner = e.errors?.length ? e.errors : [e];
    for (const error of inner) {
      const column = error.columnNumber ? `, colonne ${names[error.columnNumber - 1] ?? error.columnNumber}` : '';
      errors.push(`ligne ${error.rowNumber ?? e.rowNumber ?? '?'}${column} : ${error.message}`);
    }
  }
  return { rows: rows.length, errors };
}
