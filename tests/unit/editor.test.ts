/**
 * The form editor's configuration (scripts/editor/config.ts) against the model: every field of
 * every schema, at every depth, is in the form with the right widget, required flag, drop-down
 * values and pattern; the relations point at fields that exist; the YAML parses back and is a
 * valid Sveltia CMS configuration; what the CMS writes is read back by the site as written. The
 * comparison reads the schemas through `z.toJSONSchema`, as the generator does, with its own walk,
 * and a self-test shows it fails on a missing field. The local server: tests/unit/editor-server.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse, stringify } from 'yaml';
import { readFrontmatter } from '../../src/model/frontmatter.ts';
import Ajv from 'ajv';
import { COLLECTIONS } from '../../src/model/collections.ts';
import type { JsonSchema } from '../../src/model/fields.ts';
import { validateEntry } from '../../src/model/validate.ts';
import {
  RELATIONS,
  buildCmsConfig,
  buildCollections,
  cmsConfigYaml,
  type CmsCollection,
  type CmsField,
} from '../../scripts/editor/config.ts';
import { CMS_DIR } from '../../scripts/editor/server.ts';

// Read here as zod writes it, not through src/model/fields.ts: the test checks the generator's reading.
const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;

/**
 * Every difference between a JSON Schema object and the form fields made for it, with the path of
 * the field: missing or extra fields, wrong widget, required flag, drop-down values, bounds,
 * pattern. Written apart from the generator's walk (scripts/editor/config.ts), so that a slip in
 * either shows as a difference.
 */
function compare(schema: JsonSchema, fields: CmsField[], at: string, relationPaths: Set<string>): string[] {
  const problems: string[] = [];
  const properties = schema.properties ?? {};
  const byName = new Map(fields.map((f) => [f.name, f]));
  for (const name of byName.keys()) if (!(name in properties)) problems.push(`${at}${name} : champ du formulaire absent du schéma`);
  for (const [name, property] of Object.entries(properties)) {
    const path = `${at}${name}`;
    const field = byName.get(name);
    if (!field) {
      problems.push(`${path} : champ du schéma absent du formulaire`);
      continue;
    }
    const required = (schema.required ?? []).includes(name);
    if ((field.required ?? true) !== required)
      problems.push(`${path} : obligatoire ${required} dans le schéma, ${field.required} dans le formulaire`);
    problems.push(...compareValue(property, field, path, relationPaths));
  }
  return problems;
}

function compareValue(property: JsonSchema, field: CmsField, path: string, relationPaths: Set<string>): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${path} : ${what}`);
  };
  const sameValues = (options: CmsField['options'], values: string[]) =>
    JSON.stringify((options ?? []).map((o) => o.value).sort()) === JSON.stringify([...values].sort());
  const relation = relationPaths.has(path);
  if (relation) {
    expect(field.widget === 'relation', `renvoi attendu, widget ${field.widget}`);
    expect((property.type === 'array') === (field.multiple === true), 'choix multiple seulement pour une liste');
    return problems;
  }
  switch (property.type) {
    case 'string':
      if (property.enum) {
        expect(field.widget === 'select' && !field.multiple, `liste déroulante attendue, widget ${field.widget}`);
        expect(
          sameValues(field.options, property.enum),
          `valeurs ${JSON.stringify(field.options?.map((o) => o.value))} au lieu de ${property.enum.join(', ')}`,
        );
      } else {
        expect(field.widget === 'string' || field.widget === 'text', `texte attendu, widget ${field.widget}`);
        expect(field.pattern?.[0] === property.pattern, `motif ${field.pattern?.[0]} au lieu de ${property.pattern}`);
      }
      break;
    case 'integer':
    case 'number': {
      expect(field.widget === 'number', `nombre attendu, widget ${field.widget}`);
      const integer = property.type === 'integer';
      expect(field.value_type === (integer ? 'int' : 'float'), `type de nombre ${field.value_type}`);
      const lower = property.minimum === -Number.MAX_SAFE_INTEGER ? undefined : property.minimum;
      const min = lower ?? (property.exclusiveMinimum !== undefined ? property.exclusiveMinimum + (integer ? 1 : 0) : undefined);
      const max = property.maximum === Number.MAX_SAFE_INTEGER ? undefined : property.maximum;
      expect(field.min === min && field.max === max, `bornes ${field.min}–${field.max} au lieu de ${min}–${max}`);
      break;
    }
    case 'boolean':
      expect(field.widget === 'boolean', `case à cocher attendue, widget ${field.widget}`);
      break;
    case 'object':
      expect(field.widget === 'object', `groupe attendu, widget ${field.widget}`);
      problems.push(...compare(property, field.fields ?? [], `${path}.`, relationPaths));
      break;
    case 'array': {
      const items = property.items ?? {};
      expect((field.min ?? undefined) === property.minItems, `minimum ${field.min} au lieu de ${property.minItems}`);
      if (items.enum) {
        expect(field.widget === 'select' && field.multiple === true, `liste à choix multiple attendue, widget ${field.widget}`);
        expect(sameValues(field.options, items.enum), 'valeurs de la liste');
      } else if (items.type === 'object') {
        expect(field.widget === 'list' && !!field.fields, `liste de groupes attendue, widget ${field.widget}`);
        problems.push(...compare(items, field.fields ?? [], `${path}.`, relationPaths));
      } else {
        expect(field.widget === 'list' && !!field.field, `liste de valeurs attendue, widget ${field.widget}`);
        if (field.field) problems.push(...compareValue(items, { ...field.field, name: field.name }, path, relationPaths));
      }
      break;
    }
    default:
      problems.push(`${path} : type ${property.type} non vérifié`);
  }
  return problems;
}

/** The links the generator was told to make (its RELATIONS table), as "<collection>.<field…>". */
const relationPaths = new Set(Object.keys(RELATIONS));

function configProblems(collections: Record<string, { schema: z.ZodType }>, cms: CmsCollection[]): string[] {
  const byName = new Map(cms.map((c) => [c.name as string, c]));
  return Object.entries(collections).flatMap(([name, { schema }]) => {
    const collection = byName.get(name);
    if (!collection) return [`${name} : collection absente de l'éditeur`];
    const fields = collection.fields.filter((f) => f.name !== 'body');
    return compare(jsonSchemaOf(schema), fields, `${name}.`, relationPaths);
  });
}

const built = buildCollections();

test('every schema field gets a French label and every drop-down its French values', () => {
  assert.deepEqual(built.problems, []);
  const labels = (fields: CmsField[]): CmsField[] => fields.flatMap((f) => [f, ...(f.field ? [f.field] : []), ...labels(f.fields ?? [])]);
  for (const c of built.collections) {
    for (const f of labels(c.fields)) {
      assert.notEqual(f.label, f.name, `${c.name}.${f.name} : libellé = nom du champ`);
      for (const o of f.options ?? []) assert.notEqual(o.label, o.value, `${c.name}.${f.name} : valeur « ${o.value} » sans libellé`);
    }
  }
});

test('every field of every schema, objects and lists included, is in the form with its widget, required flag and values', () => {
  assert.equal(built.collections.length, Object.keys(COLLECTIONS).length);
  assert.deepEqual(configProblems(COLLECTIONS, built.collections), []);
  // Spot checks, as the référent sees them.
  const actions = built.collections.find((c) => c.name === 'actions')!;
  const field = (c: CmsCollection, name: string) => c.fields.find((f) => f.name === name)!;
  assert.equal(field(actions, 'themes').widget, 'select');
  assert.equal(field(actions, 'themes').multiple, true);
  assert.equal(field(actions, 'themes').min, 1);
  assert.equal(field(actions, 'themes').options?.find((o) => o.value === 'apprentissage')?.label, 'Apprentissage et stages');
  assert.equal(field(actions, 'objective').required, false);
  assert.equal(field(actions, 'statuses').fields?.find((f) => f.name === 'status')?.required, true);
  const conventions = built.collections.find((c) => c.name === 'conventions')!;
  const scale = field(conventions, 'statusScale').fields!.find((f) => f.name === 'status')!;
  assert.equal(scale.options?.find((o) => o.value === 'en-cours')?.label, 'En cours');
  assert.match(field(conventions, 'published').pattern![1], /AAAA-MM-JJ/);
});

test('self-test: the comparison fails on a schema field missing from the form, a form field removed, a wrong required flag', () => {
  const extended = { ...COLLECTIONS, axes: { ...COLLECTIONS.axes, schema: COLLECTIONS.axes.schema.extend({ colour: z.string() }) } };
  assert.deepEqual(configProblems(extended, built.collections), ['axes.colour : champ du schéma absent du formulaire']);

  const removed = structuredClone(built.collections);
  const statuses = removed.find((c) => c.name === 'actions')!.fields.find((f) => f.name === 'statuses')!;
  statuses.fields = statuses.fields!.filter((f) => f.name !== 'evidence');
  assert.deepEqual(configProblems(COLLECTIONS, removed), ['actions.statuses.evidence : champ du schéma absent du formulaire']);

  const loosened = structuredClone(built.collections);
  loosened.find((c) => c.name === 'glossary')!.fields.find((f) => f.name === 'term')!.required = false;
  assert.match(configProblems(COLLECTIONS, loosened).join('\n'), /glossary\.term : obligatoire true/);

  const wrongValues = structuredClone(built.collections);
  wrongValues
    .find((c) => c.name === 'actions')!
    .fields.find((f) => f.name === 'kind')!
    .options!.pop();
  assert.match(configProblems(COLLECTIONS, wrongValues).join('\n'), /actions\.kind : valeurs/);
});

test('self-test: a schema field without a French label, or a list without French values, is a problem, not an English key', () => {
  const extended = {
    ...COLLECTIONS,
    organisations: {
      ...COLLECTIONS.organisations,
      schema: COLLECTIONS.organisations.schema.extend({ website: z.string(), size: z.enum(['petit', 'grand']).meta({ title: 'Taille' }) }),
    },
  } as typeof COLLECTIONS;
  const { problems } = buildCollections(extended);
  assert.deepEqual(problems, [
    "organisations : champ « website » sans libellé français (ajoutez .meta({ title: '…' }) à son schéma dans src/model/)",
    'organisations : liste « size » (petit, grand) sans libellés français (scripts/editor/config.ts, OPTION_LISTS)',
  ]);
});

test('relations point at collections and fields that exist, narrowed to the same document', () => {
  const byName = new Map(built.collections.map((c) => [c.name as string, c]));
  const names = (c: CmsCollection) => new Set(c.fields.map((f) => f.name));
  let count = 0;
  for (const c of built.collections) {
    for (const f of c.fields.filter((f) => f.widget === 'relation')) {
      count++;
      const target = byName.get(f.collection!);
      assert.ok(target, `${c.name}.${f.name} → ${f.collection}`);
      assert.ok(f.value_field === '{{slug}}' || names(target).has(f.value_field!), `${c.name}.${f.name} : value_field ${f.value_field}`);
      for (const filter of f.filters ?? []) {
        assert.ok(names(target).has(filter.field), `${c.name}.${f.name} : filtre ${filter.field}`);
        for (const v of filter.values) {
          const ref = /^\{\{fields\.(\w+)\}\}$/.exec(v)?.[1];
          assert.ok(ref && names(c).has(ref), `${c.name}.${f.name} : filtre ${v}`);
        }
      }
    }
  }
  const actions = byName.get('actions')!;
  const rel = (name: string) => actions.fields.find((f) => f.name === name)!;
  assert.deepEqual(
    [rel('convention').collection, rel('axis').collection, rel('objective').collection],
    ['conventions', 'axes', 'objectives'],
  );
  assert.deepEqual(
    rel('objective').filters?.map((f) => f.field),
    ['convention'],
  );
  assert.match(rel('objective').display_fields![0]!, /\{\{axis\}\}/);
  for (const c of ['axes', 'objectives'])
    assert.equal(byName.get(c)!.fields.find((f) => f.name === 'convention')!.collection, 'conventions');
  assert.equal(byName.get('objectives')!.fields.find((f) => f.name === 'axis')!.collection, 'axes');
  assert.ok(count >= 10);
});

test('one collection per content folder, entries of a document in its folder, MDX front matter, body as Markdown', () => {
  for (const c of built.collections) {
    const { folder, schema } = COLLECTIONS[c.name];
    assert.equal(c.folder, `content/${folder}`);
    assert.equal(c.extension, 'mdx');
    assert.equal(c.format, 'frontmatter');
    const perDocument = 'convention' in (schema as unknown as { shape: object }).shape;
    assert.equal(c.path, perDocument ? '{{fields.convention}}/{{slug}}' : undefined);
    assert.equal(c.fields.at(-1)?.name, 'body');
    assert.equal(c.fields.at(-1)?.widget, 'markdown');
  }
});

test('the YAML parses back to the configuration and is valid for Sveltia CMS (its own JSON schema)', () => {
  const config = buildCmsConfig(built, 'projet');
  const yaml = cmsConfigYaml(config);
  assert.deepEqual(parse(yaml), JSON.parse(JSON.stringify(config)));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, logger: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(CMS_DIR, 'schema', 'sveltia-cms.json'), 'utf8')));
  assert.ok(validate(parse(yaml)), JSON.stringify(validate.errors?.slice(0, 3)));
  // Self-test: the CMS schema refuses a misspelt option.
  const broken = parse(yaml) as { collections: { fields: Record<string, unknown>[] }[] };
  broken.collections[0]!.fields[0]!.requierd = true;
  assert.equal(validate(broken), false);
  assert.equal(config.backend.repo, 'local/projet');
  assert.equal(config.output.yaml.quote, 'double');
  assert.equal(config.output.omit_empty_optional_fields, true);
});

test('what the CMS writes (every string double-quoted) reads back as written, and so would unquoted dates (YAML 1.2)', () => {
  const data = {
    title: 'Plan',
    shortTitle: 'Plan',
    kind: 'plan-actions',
    issuer: 'Service',
    parties: [{ name: 'Organisme', role: 'employeur' }],
    dates: { inForce: '2026-01-15' },
    summary: 'Un plan.',
    levels: {
      axis: { singular: 'Axe', plural: 'Axes', label: 'Axe {n}' },
      objective: { singular: 'Objectif', plural: 'Objectifs', label: 'Objectif {n}' },
      action: { singular: 'Action', plural: 'Actions', label: 'Action {n}' },
    },
    published: '2026-11-23',
    source: { file: 'plan.pdf' },
    order: 1,
  };
  const read = (yaml: string) => {
    const file = readFrontmatter(`---\n${yaml}---\n`);
    return file.ok ? validateEntry('conventions', 'content/conventions/plan.mdx', 'plan', file.data).problems : file.problems;
  };
  assert.deepEqual(read(stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })), []);
  // The content reader reads YAML 1.2 (src/model/frontmatter.ts): an unquoted 2026-11-23 stays a text.
  assert.match(stringify(data), /^published: 2026-11-23$/m);
  assert.deepEqual(read(stringify(data)), []);
  // Self-test: the same reading refuses what the schema refuses.
  assert.notDeepEqual(read(stringify({ ...data, kind: 'autre' })), []);
});

/** A form field found by its path of names ("statuses.evidence.url"). */
function formField(collection: string, path: string): CmsField | undefined {
  let fields = built.collections.find((c) => c.name === collection)?.fields ?? [];
  let found: CmsField | undefined;
  for (const name of path.split('.')) {
    found = fields.find((f) => f.name === name);
    fields = found?.fields ?? [];
  }
  return found;
}

test('indicators (document and action) and the evidence of each status are in the form, with the model’s French labels', () => {
  for (const collection of ['conventions', 'actions']) {
    const indicators = formField(collection, 'indicators')!;
    assert.deepEqual([indicators.widget, indicators.label, indicators.required], ['list', 'Indicateurs', false], collection);
    assert.deepEqual(
      indicators.fields!.map((f) => [f.name, f.label]),
      [
        ['id', 'Identifiant'],
        ['label', 'Libellé'],
        ['unit', 'Unité'],
        ['direction', 'Sens du progrès'],
        ['baseline', 'Valeur de départ'],
        ['target', 'Cible'],
        ['values', 'Valeurs par bilan'],
      ],
      collection,
    );
    assert.deepEqual(
      formField(collection, 'indicators.direction')!.options!.map((o) => o.value),
      ['hausse', 'baisse'],
    );
    // Decimal figures: the form takes 6.1, not only whole numbers.
    for (const path of ['baseline.value', 'target.value', 'values.value'])
      assert.deepEqual(
        [formField(collection, `indicators.${path}`)!.widget, formField(collection, `indicators.${path}`)!.value_type],
        ['number', 'float'],
      );
  }
  // Evidence: a list of a title and either an address or a file; both optional in the form, the
  // check refuses both or neither (see the next test).
  const evidence = formField('actions', 'statuses.evidence')!;
  assert.deepEqual([evidence.widget, evidence.label], ['list', 'Justificatifs']);
  assert.deepEqual(
    evidence.fields!.map((f) => [f.name, f.label, f.required]),
    [
      ['title', 'Titre', true],
      ['url', 'Adresse', false],
      ['file', 'Fichier', false],
    ],
  );
});

test('indicators and evidence as the CMS writes them (every string double-quoted) read back as written', () => {
  const data = {
    convention: 'plan',
    axis: '1',
    kind: 'action',
    number: '1',
    title: 'Recruter',
    wording: 'Recruter des agents.',
    order: 1,
    statuses: [
      {
        round: 'bilan-2025',
        status: 'R',
        evidence: [
          { title: 'Rapport social unique 2025', url: 'https://exemple.fr/rsu-2025' },
          { title: 'Tableau des recrutements', file: 'bilan-2025/recrutements.pdf' },
        ],
      },
    ],
    indicators: [
      {
        id: 'taux-emploi',
        label: 'Taux d’emploi direct',
        unit: '%',
        direction: 'hausse',
        baseline: { value: 5.2, date: '2022-12' },
        target: { value: 6, date: '2025-12', note: 'au moins 6 %' },
        values: [{ round: 'bilan-2025', value: 6.1, source: 'Rapport social unique 2025' }],
      },
    ],
    themes: ['formation'],
    audience: ['tous-agents'],
  };
  const read = (yaml: string) => {
    const file = readFrontmatter(`---\n${yaml}---\n`);
    return file.ok
      ? validateEntry('actions', 'content/actions/plan/action-1.mdx', 'plan/action-1', file.data)
      : { entry: undefined, problems: file.problems };
  };
  const written = stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  const back = read(written);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.entry!.data.indicators, data.indicators);
  assert.deepEqual(back.entry!.data.statuses![0]!.evidence, data.statuses[0]!.evidence);
  // Self-test: the form lets a référent fill both the address and the file, or neither; the check refuses both.
  const withEvidence = (evidence: Record<string, string>) => ({ ...data, statuses: [{ ...data.statuses[0]!, evidence: [evidence] }] });
  const both = withEvidence({ title: 'Rapport', url: 'https://exemple.fr/rapport', file: 'rapport.pdf' });
  const neither = withEvidence({ title: 'Rapport' });
  for (const wrong of [both, neither])
    assert.match(
      read(stringify(wrong, { defaultStringType: 'QUOTE_DOUBLE' }))
        .problems.map((p) => p.message)
        .join('\n'),
      /soit une adresse \(url\), soit un fichier \(file\)/,
    );
});
