/**
 * Generates the configuration of the form editor (Sveltia CMS) from the model: one collection per
 * content collection of src/model/collections.ts, one form field per schema field, walked through
 * the schemas' public JSON Schema (`z.toJSONSchema`: objects, lists, optionals, enums, patterns,
 * bounds), each field's French label and help included (`.meta({ title, description })` on its
 * zod schema, issue 21). Only the links between collections (RELATIONS below) are written here; a
 * schema field without a label, or a drop-down without labels for its values, is a problem
 * reported by `buildCmsConfig`, never an English key in the form.
 */
import type { z } from 'astro/zod';
import { basename } from 'node:path';
import { stringify } from 'yaml';
import { COLLECTIONS, type CollectionName } from '../../src/model/collections.ts';
import { CONVENTION_KINDS, NUMBERING_LABELS, PARTY_ROLES } from '../../src/model/convention.ts';
import { ACTION_KINDS } from '../../src/model/action.ts';
import { INDICATOR_DIRECTIONS } from '../../src/model/indicator.ts';
import { SECTION_KINDS } from '../../src/model/section.ts';
import { ORGANISATION_KINDS } from '../../src/model/organisation.ts';
import { STATUSES } from '../../src/model/statuses.ts';
import { THEMES } from '../../src/model/themes.ts';
import { AUDIENCES } from '../../src/model/audiences.ts';
import { LANGUAGES, LANGUAGE_KEYS } from '../../src/model/languages.ts';
import { SLUG_PATTERN } from '../../src/model/ids.ts';
import { BODY_META } from '../../src/model/common.ts';
import { jsonSchemaOf, type JsonSchema } from '../../src/model/fields.ts';
import { textPattern, textPatternMessage, textPatternMultiline } from '../../src/model/characters.ts';

/** One form field, as Sveltia CMS reads it (https://sveltiacms.app/en/docs/fields). */
export interface CmsField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'number' | 'boolean' | 'select' | 'list' | 'object' | 'relation' | 'markdown';
  required?: boolean;
  hint?: string;
  pattern?: [string, string];
  default?: unknown;
  options?: { label: string; value: string }[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  fields?: CmsField[];
  field?: CmsField;
  collapsed?: boolean;
  summary?: string;
  collection?: string;
  value_field?: string;
  display_fields?: string[];
  search_fields?: string[];
  filters?: { field: string; values: string[] }[];
  modes?: string[];
  sanitize_preview?: boolean;
}

export interface CmsCollection {
  name: CollectionName;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  path?: string;
  extension: 'mdx';
  format: 'frontmatter';
  create: true;
  identifier_field: string;
  summary: string;
  slug: { template: string; editable: string[]; hint: string; pattern: [string, string] };
  sortable_fields?: string[];
  view_groups?: { label: string; field: string }[];
  fields: CmsField[];
}

/**
 * Links between collections, which the schemas write as plain identifiers or printed numbers: a
 * drop-down of the entries of the target collection, narrowed to the same document (and axis).
 */
export const RELATIONS: Record<string, Pick<CmsField, 'collection' | 'value_field' | 'display_fields' | 'search_fields' | 'filters'>> = {
  ...Object.fromEntries(
    (['axes', 'objectives', 'actions', 'sections', 'procedures'] as const).map((c) => [
      `${c}.convention`,
      { collection: 'conventions', value_field: '{{slug}}', display_fields: ['{{shortTitle}}'], search_fields: ['title', 'shortTitle'] },
    ]),
  ),
  'conventions.replaces': {
    collection: 'conventions',
    value_field: '{{slug}}',
    display_fields: ['{{shortTitle}}'],
    search_fields: ['title', 'shortTitle'],
  },
  'conventions.replacedBy': {
    collection: 'conventions',
    value_field: '{{slug}}',
    display_fields: ['{{shortTitle}}'],
    search_fields: ['title', 'shortTitle'],
  },
  'objectives.axis': {
    collection: 'axes',
    value_field: 'number',
    display_fields: ['{{number}} — {{title}}'],
    search_fields: ['number', 'title'],
    filters: [{ field: 'convention', values: ['{{fields.convention}}'] }],
  },
  'actions.axis': {
    collection: 'axes',
    value_field: 'number',
    display_fields: ['{{number}} — {{title}}'],
    search_fields: ['number', 'title'],
    filters: [{ field: 'convention', values: ['{{fields.convention}}'] }],
  },
  // Not narrowed to the chosen axis: Sveltia CMS 0.221 offers no objective at all in a new entry
  // once the axis is chosen (a filter on a relation field's value; the same filter works when the
  // entry already exists). Each objective shows its axis instead ("6 — Gouvernance… › 11 — Comité
  // technique national": the CMS shows a relation field by its own display); check:content refuses
  // an objective that is not in the action's axis.
  'actions.objective': {
    collection: 'objectives',
    value_field: 'number',
    display_fields: ['{{axis}} › {{number}} — {{title}}'],
    search_fields: ['axis', 'number', 'title'],
    filters: [{ field: 'convention', values: ['{{fields.convention}}'] }],
  },
  // The glossary entries a procedure's step concerns (issue 23): their pages say « Fait partie de ».
  'procedures.steps.glossary': {
    collection: 'glossary',
    value_field: '{{slug}}',
    display_fields: ['{{term}}'],
    search_fields: ['term', 'expansion'],
  },
  'glossary.seeAlso': {
    collection: 'glossary',
    value_field: '{{slug}}',
    display_fields: ['{{term}}'],
    search_fields: ['term', 'expansion'],
  },
};

/**
 * File names proposed for a new entry (the file name is the page's address). The référent may
 * change it when creating the entry, not afterwards (a renamed page breaks the links to it).
 */
const SLUG_TEMPLATES: Partial<Record<CollectionName, string>> = {
  axes: 'axe-{{fields.number}}',
  objectives: 'objectif-{{fields.axis}}-{{fields.number}}',
  actions: 'action-{{fields.number}}',
  sections: '{{fields.kind}}-{{fields.number}}',
  procedures: 'procedure-{{fields.number}}',
};

/** The languages' drop-down: "Anglais (en)". */
const LANGUAGE_LABELS = Object.fromEntries(
  LANGUAGE_KEYS.map((k) => [k, `${LANGUAGES[k].charAt(0).toUpperCase()}${LANGUAGES[k].slice(1)} (${k})`]),
);

/**
 * The closed lists of the model, with their French labels: a drop-down takes the labels of the
 * list whose values are exactly its own.
 */
const labelOf = (v: unknown) => (typeof v === 'string' ? v : (v as { label: string }).label);
export const OPTION_LISTS: Record<string, string>[] = (
  [
    CONVENTION_KINDS,
    PARTY_ROLES,
    ACTION_KINDS,
    SECTION_KINDS,
    ORGANISATION_KINDS,
    STATUSES,
    THEMES,
    AUDIENCES,
    NUMBERING_LABELS,
    LANGUAGE_LABELS,
    INDICATOR_DIRECTIONS,
  ] as Record<string, unknown>[]
).map((list) => Object.fromEntries(Object.entries(list).map(([k, v]) => [k, labelOf(v)])));

export interface BuildResult {
  collections: CmsCollection[];
  /** Every schema field or value the generator could not turn into a French form field. */
  problems: string[];
}

interface Walk {
  collection: CollectionName;
  problems: string[];
}

/** The field's French label (its schema's `.meta({ title })`), or a problem naming where to write it. */
function labelFor(walk: Walk, path: string[], schema: JsonSchema): string {
  if (schema.title !== undefined) return schema.title;
  walk.problems.push(
    `${walk.collection} : champ « ${path.join('.')} » sans libellé français (ajoutez .meta({ title: '…' }) à son schéma dans src/model/)`,
  );
  return path.join('.');
}

function optionsFor(walk: Walk, path: string[], values: string[]): CmsField['options'] {
  const list = OPTION_LISTS.find((l) => Object.keys(l).length === values.length && values.every((v) => v in l));
  if (!list) {
    walk.problems.push(
      `${walk.collection} : liste « ${path.join('.')} » (${values.join(', ')}) sans libellés français (scripts/editor/config.ts, OPTION_LISTS)`,
    );
    return values.map((v) => ({ label: v, value: v }));
  }
  return values.map((v) => ({ label: list[v]!, value: v }));
}

/** The bounds of a number, as the form asks for them (zod writes ±MAX_SAFE_INTEGER for "none"). */
function boundsOf(schema: JsonSchema, integer: boolean): Pick<CmsField, 'min' | 'max'> {
  const step = integer ? 1 : 0;
  const lower = schema.minimum === -Number.MAX_SAFE_INTEGER ? undefined : schema.minimum;
  const upper = schema.maximum === Number.MAX_SAFE_INTEGER ? undefined : schema.maximum;
  const min = lower ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : undefined);
  const max = upper ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - step : undefined);
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/** The widget, options and constraints a schema calls for, without name or label. */
function widgetFor(walk: Walk, path: string[], schema: JsonSchema, label: string): Omit<CmsField, 'name' | 'label'> {
  const relation = RELATIONS[`${walk.collection}.${path.join('.')}`];
  switch (schema.type) {
    case 'string': {
      if (schema.enum) return { widget: 'select', options: optionsFor(walk, path, schema.enum) };
      if (relation) return { widget: 'relation', ...relation };
      // Free texts carry the model's pattern against invisible characters (src/model/common.ts),
      // the others their format's (dates, identifiers), which refuses them too.
      const message = schema.patternMessage ?? 'valeur mal formée';
      const pattern = schema.pattern === undefined ? {} : { pattern: [schema.pattern, message] as [string, string] };
      return { widget: schema.multiline === true ? 'text' : 'string', ...pattern };
    }
    case 'integer':
    case 'number': {
      const integer = schema.type === 'integer';
      return { widget: 'number', value_type: integer ? 'int' : 'float', ...boundsOf(schema, integer) };
    }
    case 'boolean':
      return { widget: 'boolean', ...(schema.default !== undefined ? { default: schema.default } : {}) };
    case 'object':
      return { widget: 'object', collapsed: false, fields: fieldsOf(walk, path, schema) };
    case 'array': {
      const bounds = schema.minItems ? { min: schema.minItems } : {};
      const element = schema.items ?? {};
      if (relation) return { widget: 'relation', multiple: true, ...bounds, ...relation };
      if (element.enum) return { widget: 'select', multiple: true, ...bounds, options: optionsFor(walk, path, element.enum) };
      if (element.type === 'object') return { widget: 'list', ...bounds, collapsed: true, fields: fieldsOf(walk, path, element) };
      // A list of single values: one sub-field, stored as a plain YAML list.
      return { widget: 'list', ...bounds, field: { name: 'item', label, ...widgetFor(walk, path, element, label) } };
    }
    default:
      walk.problems.push(`${walk.collection} : champ « ${path.join('.')} » d’un type que l’éditeur ne sait pas afficher (${schema.type})`);
      return { widget: 'string' };
  }
}

function fieldsOf(walk: Walk, parent: string[], object: JsonSchema): CmsField[] {
  return Object.entries(object.properties ?? {}).map(([name, schema]) => {
    const path = [...parent, name];
    const label = labelFor(walk, path, schema);
    const widget = widgetFor(walk, path, schema, label);
    // Without a help of its own, a field with a format shows it (dates: "AAAA-MM-JJ"); the
    // pattern of free texts is no format: its message only shows when it fails.
    const pattern = widget.pattern ?? widget.field?.pattern;
    const format = textPatternMultiline(pattern?.[0]) === undefined ? pattern?.[1] : undefined;
    const hint = schema.description ?? (format && format[0]!.toUpperCase() + format.slice(1));
    return {
      name,
      label,
      ...(hint ? { hint } : {}),
      required: (object.required ?? []).includes(name),
      ...widget,
    };
  });
}

/** The collections of the editor, one per content collection, and what could not be generated. */
export function buildCollections(
  collections: Record<CollectionName, { folder: string; label: string; plural: string; schema: z.ZodType }> = COLLECTIONS,
): BuildResult {
  const problems: string[] = [];
  const result = (Object.keys(collections) as CollectionName[]).map((name): CmsCollection => {
    const { folder, label, plural, schema } = collections[name];
    const walk: Walk = { collection: name, problems };
    const json = jsonSchemaOf(schema);
    if (json.type !== 'object') problems.push(`${name} : le schéma n’est pas un objet`);
    const shape = json.properties ?? {};
    const fields = fieldsOf(walk, [], json);
    // The MDX body: raw Markdown first, so that MDX components and tables are kept as written.
    fields.push({
      name: 'body',
      label: BODY_META.title,
      hint: BODY_META.description,
      required: false,
      widget: 'markdown',
      modes: ['raw', 'rich_text'],
      // The body's characters are checked as every multi-line text's (src/model/body.ts).
      pattern: [textPattern(true).source, textPatternMessage(true)],
    });
    const identifier = ['title', 'term', 'name'].find((f) => f in shape) ?? Object.keys(shape)[0]!;
    // Entries of a document live in a folder named after it: content/<folder>/<document>/<file>.mdx.
    const perDocument = 'convention' in shape;
    return {
      name,
      label: plural[0]!.toUpperCase() + plural.slice(1),
      label_singular: label,
      description: perDocument
        ? `Un fichier par ${label} : content/${folder}/(document)/(nom).mdx`
        : `Un fichier par ${label} : content/${folder}/(nom).mdx`,
      folder: `content/${folder}`,
      ...(perDocument ? { path: '{{fields.convention}}/{{slug}}' } : {}),
      extension: 'mdx',
      format: 'frontmatter',
      create: true,
      identifier_field: identifier,
      summary: 'number' in shape ? `{{number}} — {{${identifier}}}` : `{{${identifier}}}`,
      slug: {
        template: SLUG_TEMPLATES[name] ?? `{{fields.${identifier}}}`,
        editable: ['create'],
        hint: 'Nom du fichier, qui devient l’adresse de la page : minuscules sans accent, chiffres et tirets. Il ne change plus ensuite.',
        pattern: [SLUG_PATTERN.source, 'minuscules sans accent, chiffres et tirets (par exemple action-12)'],
      },
      ...(perDocument ? { view_groups: [{ label: 'Document', field: 'convention' }] } : {}),
      fields,
    };
  });
  return { collections: result, problems };
}

/** The whole editor configuration: local folder only, French slugs, front matter the site reads back. */
export function buildCmsConfig(result: BuildResult = buildCollections(), folderName = basename(process.cwd())) {
  return {
    // Sveltia CMS needs a Git backend in its configuration; the editor only ever uses its "local
    // repository" mode (File System Access API), so no repository is contacted and no sign-in is
    // made. The repository's name is the folder the référent is asked to choose; OAuth sign-in is
    // hidden (a token sign-in would be refused by the browser: see serveur.ts).
    backend: { name: 'github', repo: `local/${folderName}`, branch: 'main', auth_methods: ['token'] },
    app_title: 'Éditeur du contenu',
    // No picture in the content: uploads are not offered outside content/ (the check reports any
    // stray file under content/ anyway).
    media_folder: 'content/.medias-refusees',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-', lowercase: true },
    output: {
      // An empty optional field is left out rather than written as "" (the schemas refuse empty text).
      omit_empty_optional_fields: true,
      // Every string quoted: "2026-11-23" and "12" stay strings when the site reads them back.
      yaml: { quote: 'double', indent_size: 2 },
    },
    collections: result.collections,
  };
}

/** The configuration as YAML, with the schema reference Sveltia CMS checks for. */
export function cmsConfigYaml(config = buildCmsConfig()): string {
  return [
    '# Généré par scripts/editor/config.ts à partir de src/model/ : ne pas modifier à la main.',
    '# yaml-language-server: $schema=https://unpkg.com/@sveltia/cms/schema/sveltia-cms.json',
    stringify(config, { lineWidth: 0 }),
  ].join('\n');
}
