/**
 * The fields of a schema as the tools show them (issue 21): each field's French label and help
 * are declared once, with `.meta({ title, description })` on its zod schema (src/model/common.ts
 * and the entity modules), and read back here through zod's public `z.toJSONSchema`, never its
 * private definitions. The form editor, the template workbook and the open-data Table Schema all
 * take their words from here, so that changing a label in a schema changes all three.
 */
import { z } from 'astro/zod';

/** The part of a JSON Schema (draft 2020-12, as zod writes it) that the tools read. */
export interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: string[];
  pattern?: string;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  /** What the field's format check says when it fails (src/model/common.ts). */
  patternMessage?: string;
  /** A text that may span several lines (src/model/common.ts, `multilineText`). */
  multiline?: boolean;
}

/**
 * The JSON Schema of a zod schema, as a form fills it in (`io: 'input'`: a field with a default
 * may be left out). Refinements, which JSON Schema cannot say, are left to the check.
 */
export const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;

/** One field found by its path: its schema, whether it must be given, and the group it sits in. */
export interface FieldAt {
  schema: JsonSchema;
  required: boolean;
  /** The object (or list item) holding the field: its title names the field outside its group ("Bilan : libellé"). */
  parent: JsonSchema;
}

/**
 * The field at `path` ("rounds.label", "dates.due": dots through objects and lists, no index),
 * or undefined when the schema has none there.
 */
export function fieldAt(root: JsonSchema, path: string): FieldAt | undefined {
  let parent = root;
  let found: FieldAt | undefined;
  for (const name of path.split('.')) {
    while (parent.type === 'array' && parent.items) parent = parent.items;
    const schema = parent.properties?.[name];
    if (!schema) return undefined;
    found = { schema, required: (parent.required ?? []).includes(name), parent };
    parent = schema;
  }
  return found;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The label of a field outside its group: "Bilan : libellé" for the `label` of a review round. */
export const qualifiedTitle = (field: FieldAt): string | undefined =>
  field.schema.title === undefined
    ? undefined
    : field.parent.title === undefined
      ? field.schema.title
      : `${field.parent.title} : ${lowerFirst(field.schema.title)}`;

/** The field's label and help, or the problem that stands in their way (for the developer's test). */
export function describedField(
  root: JsonSchema,
  path: string,
  { qualified = false }: { qualified?: boolean } = {},
): { title: string; description?: string; required: boolean; schema: JsonSchema } {
  const field = fieldAt(root, path);
  if (!field) throw new Error(`no field "${path}" in the schema`);
  const title = qualified ? qualifiedTitle(field) : field.schema.title;
  if (title === undefined) throw new Error(`field "${path}" has no title: add .meta({ title: '…' }) to its schema in src/model/`);
  return { title, description: field.schema.description, required: field.required, schema: field.schema };
}
