/**
 * The open-data exports: one record per action (`donnees/actions.json` / `.csv`), one per numbered
 * or lettered item (`donnees/elements.*`), and the follow-up, one per action and review round of
 * its document (`donnees/suivi.*`), and the indicators, one per indicator and round of its document
 * (`donnees/indicateurs.*`). Field names are a public contract: later versions add fields,
 * never rename them.
 */
import type {
  ActionNode,
  Catalogue,
  ConventionNode,
  IndicatorValueView,
  IndicatorView,
  RoundEntry,
  RoundView,
} from '../catalogue/types.ts';
import { paths, SLUG_PATTERN } from '../lib/paths.ts';
import { STATUSES, STATUS_KEYS } from '../model/statuses.ts';
import type { z } from 'astro/zod';
import { ACTION_KINDS, actionSchema } from '../model/action.ts';
import { conventionSchema } from '../model/convention.ts';
import { describedField, jsonSchemaOf, type JsonSchema } from '../model/fields.ts';
import { ORGANISATION_KINDS } from '../model/organisation.ts';
import { evidenceTarget, type Evidence } from '../model/evidence.ts';
import { INDICATOR_DIRECTIONS, type Indicator } from '../model/indicator.ts';
import { OPEN_DATA_CSV, writeCsv } from './csv.ts';

/**
 * What the published schema (`donnees/<table>.schema.json`, Table Schema) says of a column, after
 * the conventions of schema.data.gouv.fr: a French title and description, the constraints the data
 * really keeps (the example is the column's first value in the published data, never made up).
 * Declared beside the column's value, so that the CSV and its schema are made from one list and
 * cannot drift.
 */
export interface FieldInfo {
  title: string;
  description: string;
  /** "string" unless said: every value is text as printed; "boolean" columns write oui / non; "number" ones a decimal point. */
  type?: 'string' | 'boolean' | 'number';
  /** Fixed constraints, or constraints that depend on the published content (the documents' scales). */
  constraints?: FieldConstraints | ((context: SchemaContext) => FieldConstraints);
}
export interface FieldConstraints {
  required?: boolean;
  unique?: boolean;
  pattern?: string;
  enum?: string[];
  maxLength?: number;
}
/** What some constraints are made of: the status codes of the published documents' scales. */
export interface SchemaContext {
  indicators: string[];
}
/** One column of an export: its schema, and how a row's value is made. */
export interface Column<S> extends FieldInfo {
  value: (source: S) => string;
}

/** Patterns of the values the site makes itself (ids, addresses, dates), anchored at both ends. */
export const PATTERNS = {
  /** A document id: "inserm-fiphfp-2023-2026". */
  slug: SLUG_PATTERN.source,
  /** A page of the site relative to its base, and an optional fragment: "…/axe-1/#objectif-3". */
  url: '^([a-z0-9]+(-[a-z0-9]+)*/)+(#[a-z0-9]+(-[a-z0-9]+)*)?$',
  /** A date at the precision the source gives: AAAA, AAAA-MM or AAAA-MM-JJ. */
  partialDate: '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$',
};
const STATUS_LABELS = STATUS_KEYS.map((key) => STATUSES[key].label);
const required = { required: true };
/** What an empty value of a column means. */
const NOT_GIVEN = 'Vide quand la source n’en donne pas.';
const NONE = 'Vide quand il n’y en a pas.';
/** How the evidence of one round fits one cell. */
const EVIDENCE_JOINED =
  'Chaque justificatif par son titre suivi de son adresse entre parenthèses (une page ou un fichier du site : relative à la base du site), séparés par « ; ».';
/** A piece of evidence in a cell: "Rapport 2025 (justificatifs/rapport-2025.pdf)". */
const evidenceText = (e: Evidence) => `${e.title} (${evidenceTarget(e).address})`;
/** The codes of the documents' scales; none at all when no document gives statuses (then the column stays empty). */
const indicatorCodes = ({ indicators }: SchemaContext): FieldConstraints =>
  indicators.length > 0 ? { enum: indicators } : { maxLength: 0 };
const documentId = (description: string): FieldInfo => ({
  title: 'Document',
  description,
  constraints: { ...required, pattern: PATTERNS.slug },
});
const pageUrl = (description: string): FieldInfo => ({
  title: 'Adresse',
  description,
  constraints: { ...required, pattern: PATTERNS.url },
});

/** The schemas whose fields the exports publish: the model's, or a test's. */
export interface ExportModel {
  convention: z.ZodType;
  action: z.ZodType;
}
const MODEL: ExportModel = { convention: conventionSchema, action: actionSchema };

/** The JSON Schemas of the model, read once per set of columns. */
const jsonModel = (model: ExportModel) => ({ convention: jsonSchemaOf(model.convention), action: jsonSchemaOf(model.action) });
type JsonModel = ReturnType<typeof jsonModel>;

/**
 * The title and description of a column that publishes a field of the model: the field's label
 * and help (`.meta()` on its zod schema, issue 21), then what the column says of an empty value.
 * `qualified`: the field's group names it ("Bilan : libellé"), where the table mixes entities.
 */
function modelField(root: JsonSchema, path: string, empty?: string, qualified = false): Pick<FieldInfo, 'title' | 'description'> {
  const { title, description } = describedField(root, path, { qualified });
  return { title, description: [description, empty].filter(Boolean).join(' ') };
}

export interface ActionRecord {
  /** Convention id ("inserm-fiphfp-2023-2026"). */
  convention: string;
  /** Axis number as printed. */
  axis: string;
  axisTitle: string;
  /** Objective number as printed, empty when the source lists the item directly under the axis. */
  objective: string;
  objectiveTitle: string;
  /** "action", "mesure" or "engagement". */
  kind: string;
  /** Number as printed, empty when the source gives none. */
  number: string;
  title: string;
  wording: string;
  /** Shared status key ("realise"), empty when the source gives none. */
  status: string;
  /** Shared status in French ("Réalisé"). */
  statusLabel: string;
  /** Indicator code as printed in the source ("R"). */
  indicator: string;
  /** Page of the action, relative to the site base. */
  url: string;
  /** Bodies responsible, as printed ("RH", "DISC"); empty when the source names none. */
  responsible: string[];
  /** Done and due dates as printed ("2018", "2nd sem. 2022"); empty strings when not given. */
  dates: { done: string; due: string };
  /** What each review round of the document says of the action, oldest first (JSON only: see `donnees/suivi.csv`). */
  rounds: RoundRecord[];
  /** The indicators the action follows, in the words of the content contract (JSON only: see `donnees/indicateurs.csv`). */
  indicators: Indicator[];
}

/** CSV columns: the record's fields, with the list joined and the dates flattened. */
const actionColumns = ({ action }: JsonModel) =>
  ({
    convention: {
      ...documentId("Identifiant du document (convention, plan ou circulaire) auquel appartient l'action."),
      value: (r) => r.convention,
    },
    axis: {
      title: "Numéro de l'axe",
      description: "Numéro de l'axe (ou du thème, de la section, selon le mot du document) tel qu'imprimé dans la source.",
      constraints: required,
      value: (r) => r.axis,
    },
    axisTitle: { title: "Titre de l'axe", description: "Titre de l'axe tel qu'imprimé.", constraints: required, value: (r) => r.axisTitle },
    objective: {
      title: "Numéro de l'objectif",
      description: "Numéro de l'objectif (ou de l'article) tel qu'imprimé ; vide quand la source place l'action directement sous l'axe.",
      value: (r) => r.objective,
    },
    objectiveTitle: {
      title: "Titre de l'objectif",
      description: "Titre de l'objectif ; vide quand il n'y en a pas.",
      value: (r) => r.objectiveTitle,
    },
    kind: {
      ...modelField(action, 'kind'),
      constraints: { ...required, enum: Object.keys(ACTION_KINDS) },
      value: (r) => r.kind,
    },
    number: { ...modelField(action, 'number', NOT_GIVEN), value: (r) => r.number },
    title: { ...modelField(action, 'title'), constraints: required, value: (r) => r.title },
    wording: { ...modelField(action, 'wording'), constraints: required, value: (r) => r.wording },
    status: {
      title: 'Statut (clé)',
      description: 'Statut au dernier bilan, clé commune à tous les documents ; vide quand la source ne donne pas de statut.',
      constraints: { enum: [...STATUS_KEYS] },
      value: (r) => r.status,
    },
    statusLabel: {
      title: 'Statut',
      description: 'Le même statut, en toutes lettres ; vide quand la source ne donne pas de statut.',
      constraints: { enum: STATUS_LABELS },
      value: (r) => r.statusLabel,
    },
    indicator: {
      title: 'Code du statut',
      description: "Code du statut dans l'échelle du document, tel qu'imprimé ; vide quand la source ne donne pas de statut.",
      constraints: indicatorCodes,
      value: (r) => r.indicator,
    },
    url: {
      ...pageUrl("Page de l'action, relative à la base du site."),
      constraints: { ...required, unique: true, pattern: PATTERNS.url },
      value: (r) => r.url,
    },
    responsible: {
      ...modelField(action, 'responsible', 'Séparés par « ; » ; vide quand la source n’en nomme pas.'),
      value: (r) => r.responsible.join(' ; '),
    },
    'dates.done': { ...modelField(action, 'dates.done', NOT_GIVEN), value: (r) => r.dates.done },
    'dates.due': { ...modelField(action, 'dates.due', NOT_GIVEN), value: (r) => r.dates.due },
  }) satisfies Record<string, Column<ActionRecord>>;

export function toRecord(action: ActionNode): ActionRecord {
  return {
    convention: action.convention.id,
    axis: action.axis.data.number,
    axisTitle: action.axis.data.title,
    objective: action.objective?.data.number ?? '',
    objectiveTitle: action.objective?.data.title ?? '',
    kind: action.data.kind,
    number: action.data.number ?? '',
    title: action.data.title,
    wording: action.data.wording,
    status: action.status?.key ?? '',
    statusLabel: action.status?.label ?? '',
    indicator: action.status?.code ?? '',
    url: action.path,
    responsible: action.data.responsible ?? [],
    dates: { done: action.data.dates?.done ?? '', due: action.data.dates?.due ?? '' },
    rounds: action.history.map((entry) => record(ROUND_COLUMNS, { action, entry })),
    indicators: action.indicators.map(indicatorOf),
  };
}

/** An indicator as its file gives it, each value naming its round by id; `values` always a list, empty when the file gives none. */
function indicatorOf({ values, ...indicator }: IndicatorView): Indicator {
  return { ...indicator, values: values.map(({ round, ...value }) => ({ round: round.id, ...value })) };
}

/**
 * An export as a table: its header, what the schema says of each column (same order) and its
 * rows of text. The CSV file and its Table Schema are both made from it.
 */
export interface Table {
  header: string[];
  fields: FieldInfo[];
  rows: string[][];
}

function tableOf<S>(columns: Record<string, Column<S>>, sources: readonly S[]): Table {
  const entries = Object.entries(columns);
  return {
    header: entries.map(([name]) => name),
    fields: entries.map(([, column]) => column),
    rows: sources.map((s) => entries.map(([, column]) => column.value(s))),
  };
}

/** The CSV file of a table (src/open-data/csv.ts: a value starting like a formula is written after an apostrophe). */
export function tableToCsv(table: Table): string {
  return writeCsv([table.header, ...table.rows], OPEN_DATA_CSV);
}

export function actionsTable(records: ActionRecord[], columns: Record<string, Column<ActionRecord>> = CSV_COLUMNS): Table {
  return tableOf(columns, records);
}

/**
 * The second export, `donnees/elements.json` / `.csv`: one record per content entry of every kind
 * (document, section, axis, objective, action, procedure) and per lettered sub-item, so that every
 * numbered or lettered item of the sources can be found and linked to.
 */
export interface ItemRecord {
  convention: string;
  /** "document", "section", "axe", "objectif", "action", "sous-element" or "procedure". */
  type: string;
  /** Number or letter as printed, empty when none. */
  number: string;
  /** Label as shown ("Article premier", "Action n°12", "a"). */
  label: string;
  title: string;
  /** Page (and fragment, for objectives and sub-items) relative to the site base. */
  url: string;
}

/** The kinds of item, as the `type` column writes them. */
const ITEM_TYPES = [
  'document',
  'section',
  'axe',
  'objectif',
  'action',
  'sous-element',
  'procedure',
  'glossaire',
  ...Object.keys(ORGANISATION_KINDS),
];

/** The columns of `donnees/elements.*`, in order, with what the schema says of each. */
const ITEM_COLUMNS = {
  convention: {
    ...documentId(
      "Identifiant du document de l'élément ; vide pour les termes du glossaire, organismes et rôles, qui n'appartiennent à aucun document.",
    ),
    constraints: { pattern: PATTERNS.slug },
  },
  type: {
    title: 'Type',
    description:
      "document, section (partie de texte : préambule, article…), axe, objectif, action, sous-element (point lettré d'une action), procedure, glossaire, organisation ou role.",
    constraints: { ...required, enum: ITEM_TYPES },
  },
  number: { title: 'Numéro', description: "Numéro ou lettre tel qu'imprimé ; vide quand il n'y en a pas." },
  label: {
    title: 'Libellé',
    description: "Libellé tel qu'affiché sur le site (« Article premier », « Action n°12 », « Action n°3, a »).",
    constraints: required,
  },
  title: {
    title: 'Titre',
    description: "Titre de l'élément (pour un point lettré, son texte ; pour un sigle, sa forme développée).",
    constraints: required,
  },
  url: {
    ...pageUrl("Page de l'élément (et son ancre, pour un objectif ou un point lettré), relative à la base du site."),
    constraints: { ...required, unique: true, pattern: PATTERNS.url },
  },
} satisfies Record<keyof ItemRecord, FieldInfo>;

export const ITEM_FIELDS = Object.keys(ITEM_COLUMNS) as (keyof ItemRecord)[];

export function itemRecords(catalogue: Catalogue): ItemRecord[] {
  const records: ItemRecord[] = [];
  for (const c of catalogue.conventions) {
    const push = (type: string, number: string | undefined, label: string, title: string, url: string) =>
      records.push({ convention: c.id, type, number: number ?? '', label, title, url });
    push('document', undefined, c.data.shortTitle, c.data.title, c.path);
    for (const s of c.sections) push('section', s.data.number, s.label, s.data.title, s.path);
    for (const a of c.axes) {
      push('axe', a.data.number, a.label, a.data.title, a.path);
      for (const o of a.objectives) push('objectif', o.data.number, o.label, o.data.title, o.path);
    }
    for (const a of c.actions) {
      push('action', a.data.number, a.label, a.data.title, a.path);
      for (const s of a.data.subItems ?? [])
        push('sous-element', s.letter, `${a.label}, ${s.letter}`, s.text, paths.subItem(a.id, s.letter));
    }
    for (const p of c.procedures) push('procedure', p.data.number, 'Procédure', p.data.title, p.path);
  }
  // Entries that belong to no single document: empty `convention`.
  for (const g of catalogue.glossary)
    records.push({
      convention: '',
      type: 'glossaire',
      number: '',
      label: g.data.term,
      title: g.data.expansion ?? g.data.term,
      url: g.path,
    });
  for (const o of catalogue.organisations)
    records.push({ convention: '', type: o.data.kind, number: '', label: o.label, title: o.data.name, url: o.path });
  return records;
}

export function itemsTable(records: ItemRecord[]): Table {
  return { header: ITEM_FIELDS, fields: Object.values(ITEM_COLUMNS), rows: records.map((r) => ITEM_FIELDS.map((f) => r[f])) };
}

/**
 * The follow-up export, `donnees/suivi.json` / `.csv` (issue 10), in long format: one row per
 * action and review round of its document, oldest round first, so that a spreadsheet can filter
 * a round or pivot the statuses. A round that did not review the action gives a row with an empty
 * status (nothing carried over from another round); actions of documents without rounds give no row.
 * Every column is declared once below and both files are made from the same records, so the JSON
 * and the CSV cannot drift: a JSON record is a CSV row with its column names, every value a string.
 */
interface FollowUpSource {
  action: ActionNode;
  /** One entry of `action.history`. */
  entry: RoundEntry;
}
type Columns = Record<string, Column<FollowUpSource>>;

/** What the follow-up says of the action itself. */
const followUpActionColumns = ({ convention, action }: JsonModel) =>
  ({
    convention: { ...documentId("Identifiant du document de l'action."), value: ({ action }) => action.convention.id },
    conventionShortTitle: {
      ...modelField(convention, 'shortTitle', undefined, true),
      constraints: required,
      value: ({ action }) => action.convention.data.shortTitle,
    },
    number: { ...modelField(action, 'number', NOT_GIVEN), value: ({ action }) => action.data.number ?? '' },
    label: {
      title: 'Libellé',
      description: "Libellé de l'action (« Action n°12 », « Mesure non numérotée »).",
      constraints: required,
      value: ({ action }) => action.label,
    },
    title: { ...modelField(action, 'title'), constraints: required, value: ({ action }) => action.data.title },
    url: { ...pageUrl("Page de l'action, relative à la base du site."), value: ({ action }) => action.path },
  }) satisfies Columns;

/** The columns that name a round, in the follow-up and the indicators. */
const roundFields = ({ convention }: JsonModel) =>
  ({
    round: { ...modelField(convention, 'rounds.id', undefined, true), constraints: { ...required, pattern: PATTERNS.slug } },
    roundLabel: { ...modelField(convention, 'rounds.label', undefined, true), constraints: required },
    roundDate: {
      ...modelField(convention, 'rounds.date', 'Vide quand le bilan ne donne qu’une période.', true),
      constraints: { pattern: PATTERNS.partialDate },
    },
    roundPeriod: modelField(convention, 'rounds.period', 'Vide quand le bilan ne donne qu’une date.', true),
  }) satisfies Record<string, FieldInfo>;

/** What one round says of the action: also the `rounds` of each record of `donnees/actions.json`. */
const roundColumns = (json: JsonModel) => {
  const { action } = json;
  const fields = roundFields(json);
  return {
    round: { ...fields.round, value: ({ entry }) => entry.round.id },
    roundLabel: { ...fields.roundLabel, value: ({ entry }) => entry.round.label },
    roundDate: { ...fields.roundDate, value: ({ entry }) => entry.round.date ?? '' },
    roundPeriod: { ...fields.roundPeriod, value: ({ entry }) => entry.round.period ?? '' },
    roundUrl: {
      ...pageUrl('Page « Ce qui a changé » du bilan, relative à la base du site.'),
      value: ({ entry }) => entry.round.path,
    },
    indicator: {
      title: 'Code du statut',
      description: "Code du statut à ce bilan dans l'échelle du document (« EC ») ; vide quand le bilan n'a pas évalué l'action.",
      constraints: indicatorCodes,
      value: ({ entry }) => entry.status?.code ?? '',
    },
    status: {
      title: 'Statut (clé)',
      description: "Statut à ce bilan, clé commune à tous les documents ; vide quand le bilan n'a pas évalué l'action.",
      constraints: { enum: [...STATUS_KEYS] },
      value: ({ entry }) => entry.status?.key ?? '',
    },
    statusLabel: {
      title: 'Statut',
      description: "Le même statut, en toutes lettres ; vide quand le bilan n'a pas évalué l'action.",
      constraints: { enum: STATUS_LABELS },
      value: ({ entry }) => entry.status?.label ?? '',
    },
    withdrawn: {
      title: 'Retirée',
      description: "oui au bilan où l'action est retirée (ou fusionnée dans une autre), non sinon.",
      type: 'boolean',
      constraints: required,
      value: ({ entry }) => (entry.withdrawn ? 'oui' : 'non'),
    },
    mergedInto: {
      ...modelField(action, 'withdrawn.mergedInto', 'Donné au bilan de la fusion ; vide sinon.'),
      value: ({ action, entry }) => (entry.withdrawn ? (action.withdrawn?.mergedInto?.data.number ?? '') : ''),
    },
    withdrawnNote: {
      ...modelField(action, 'withdrawn.note', 'Donnée au bilan du retrait ; vide sinon.'),
      value: ({ action, entry }) => (entry.withdrawn ? (action.withdrawn?.note ?? '') : ''),
    },
    comment: { ...modelField(action, 'statuses.comment', NONE), value: ({ entry }) => entry.comment ?? '' },
    evidence: {
      ...modelField(action, 'statuses.evidence', `${EVIDENCE_JOINED} ${NONE}`),
      value: ({ entry }) => (entry.evidence ?? []).map(evidenceText).join(' ; '),
    },
  } satisfies Columns;
};

/**
 * The indicators export, `donnees/indicateurs.json` / `.csv` (issue 24), in long format: one row
 * per indicator and review round of its document, oldest round first, with the indicator's
 * baseline and target on every row, so that a spreadsheet can filter one indicator or pivot the
 * rounds. A round without a value gives a row with an empty value: the reader sees the gap. An
 * indicator of a document without rounds gives one row without round, so that its target is
 * published all the same. Documents in site order, each document's own indicators first, then its
 * actions' in site order.
 */
interface IndicatorSource {
  convention: ConventionNode;
  /** The action that follows the indicator; absent for the document's own. */
  action?: ActionNode;
  indicator: IndicatorView;
  /** A round of the document; absent when the document has none. */
  round?: RoundView;
  /** The indicator's value at that round, when it has one. */
  value?: IndicatorValueView;
}
/** A column of the indicators: a number column gives its number (JSON) or nothing. */
interface IndicatorColumn extends FieldInfo {
  value: (source: IndicatorSource) => string | number | undefined;
}
type IndicatorColumns = Record<string, IndicatorColumn>;

/** A number as the CSV writes it: a decimal point, no thousands separator (Table Schema's `number`). */
const numberCell = (value: string | number | undefined) => (value === undefined ? '' : String(value));

const indicatorColumns = (json: JsonModel) => {
  const { action } = json;
  const fields = roundFields(json);
  const NO_ROUND = 'Vide quand le document n’a pas de bilan (l’indicateur a alors une seule ligne, sans valeur).';
  const indicatorField = (path: string, empty?: string) => modelField(action, `indicators.${path}`, empty, true);
  return {
    convention: { ...documentId('Identifiant du document de l’indicateur.'), value: ({ convention }) => convention.id },
    number: {
      ...modelField(action, 'number', 'Vide pour un indicateur du document lui-même, ou quand la source ne numérote pas l’action.'),
      value: ({ action }) => action?.data.number ?? '',
    },
    url: {
      ...pageUrl(
        'Tableau de l’indicateur, relatif à la base du site : sur la page de l’action qui le suit (la colonne url de actions.csv, avec une ancre), ou sur la page Indicateurs du document pour un indicateur du document lui-même.',
      ),
      constraints: { ...required, pattern: PATTERNS.url },
      value: ({ convention, action, indicator }) => paths.indicator(convention.id, indicator.id, action?.id),
    },
    indicator: { ...indicatorField('id'), constraints: { ...required, pattern: PATTERNS.slug }, value: ({ indicator }) => indicator.id },
    label: { ...indicatorField('label'), constraints: required, value: ({ indicator }) => indicator.label },
    unit: { ...indicatorField('unit'), constraints: required, value: ({ indicator }) => indicator.unit },
    direction: {
      ...indicatorField('direction'),
      constraints: { ...required, enum: Object.keys(INDICATOR_DIRECTIONS) },
      value: ({ indicator }) => indicator.direction,
    },
    'baseline.value': {
      ...indicatorField('baseline.value', 'Vide quand la source ne donne pas de valeur de départ.'),
      type: 'number',
      value: ({ indicator }) => indicator.baseline?.value,
    },
    'baseline.date': {
      ...indicatorField('baseline.date', NOT_GIVEN),
      constraints: { pattern: PATTERNS.partialDate },
      value: ({ indicator }) => indicator.baseline?.date ?? '',
    },
    'target.value': {
      ...indicatorField('target.value', 'Vide quand la source ne donne pas de cible.'),
      type: 'number',
      value: ({ indicator }) => indicator.target?.value,
    },
    'target.date': {
      ...indicatorField('target.date', NOT_GIVEN),
      constraints: { pattern: PATTERNS.partialDate },
      value: ({ indicator }) => indicator.target?.date ?? '',
    },
    'target.note': { ...indicatorField('target.note', NOT_GIVEN), value: ({ indicator }) => indicator.target?.note ?? '' },
    round: {
      ...fields.round,
      description: `${fields.round.description ?? ''} ${NO_ROUND}`.trim(),
      constraints: { pattern: PATTERNS.slug },
      value: ({ round }) => round?.id ?? '',
    },
    roundLabel: {
      ...fields.roundLabel,
      description: `${fields.roundLabel.description ?? ''} ${NO_ROUND}`.trim(),
      constraints: {},
      value: ({ round }) => round?.label ?? '',
    },
    roundDate: { ...fields.roundDate, value: ({ round }) => round?.date ?? '' },
    roundPeriod: { ...fields.roundPeriod, value: ({ round }) => round?.period ?? '' },
    value: {
      ...indicatorField('values.value', 'Vide quand le bilan ne donne pas de valeur.'),
      type: 'number',
      value: ({ value }) => value?.value,
    },
    source: { ...indicatorField('values.source', NOT_GIVEN), value: ({ value }) => value?.source ?? '' },
    note: { ...indicatorField('values.note', NONE), value: ({ value }) => value?.note ?? '' },
  } satisfies IndicatorColumns;
};

/**
 * The columns of the exports made from `model`: the model's by default; a test passes a schema
 * with a changed label and finds it in the Table Schema (tests/unit/field-meta.test.ts).
 */
export function exportColumns(model: ExportModel = MODEL) {
  const json = jsonModel(model);
  const rounds = roundColumns(json);
  return {
    actions: actionColumns(json),
    rounds,
    followUp: { ...followUpActionColumns(json), ...rounds } satisfies Columns,
    indicators: indicatorColumns(json),
  };
}
const COLUMNS = exportColumns();
export const CSV_COLUMNS = COLUMNS.actions;
const ROUND_COLUMNS = COLUMNS.rounds;
const FOLLOW_UP_COLUMNS = COLUMNS.followUp;
const INDICATOR_COLUMNS = COLUMNS.indicators;

type RecordOf<C extends Columns> = { [K in keyof C]: string };
export type RoundRecord = RecordOf<typeof ROUND_COLUMNS>;
export type FollowUpRecord = RecordOf<typeof FOLLOW_UP_COLUMNS>;
/** The follow-up's columns, in order: the CSV header and the keys of every JSON record. */
export const FOLLOW_UP_FIELDS = Object.keys(FOLLOW_UP_COLUMNS) as (keyof FollowUpRecord)[];
/** The keys of each entry of an action's `rounds` in `donnees/actions.json`. */
export const ROUND_FIELDS = Object.keys(ROUND_COLUMNS) as (keyof RoundRecord)[];

function record<C extends Columns>(columns: C, source: FollowUpSource): RecordOf<C> {
  return Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, column.value(source)])) as RecordOf<C>;
}

/** One record per action and round of its document, actions in site order, rounds oldest first. */
export function followUpRecords(actions: readonly ActionNode[]): FollowUpRecord[] {
  return actions.flatMap((action) => action.history.map((entry) => record(FOLLOW_UP_COLUMNS, { action, entry })));
}

export function followUpTable(records: FollowUpRecord[], columns: Columns = FOLLOW_UP_COLUMNS): Table {
  return {
    header: FOLLOW_UP_FIELDS,
    fields: FOLLOW_UP_FIELDS.map((name) => columns[name]!),
    rows: records.map((r) => FOLLOW_UP_FIELDS.map((f) => r[f])),
  };
}

/** A record of `donnees/indicateurs.json`: a CSV row with its column names, numbers as numbers (null when none). */
export type IndicatorRecord = { [K in keyof ReturnType<typeof indicatorColumns>]: string | number | null };
/** The indicators' columns, in order: the CSV header and the keys of every JSON record. */
export const INDICATOR_FIELDS = Object.keys(INDICATOR_COLUMNS) as (keyof IndicatorRecord)[];

/** Where each indicator of a document is followed: the document itself first, then its actions in site order. */
function indicatorsOf(convention: ConventionNode): Omit<IndicatorSource, 'round' | 'value'>[] {
  return [
    ...convention.indicators.map((indicator) => ({ convention, indicator })),
    ...convention.actions.flatMap((action) => action.indicators.map((indicator) => ({ convention, action, indicator }))),
  ];
}

/** One row per indicator and round of its document (one without round when it has none). */
function indicatorSources(catalogue: Catalogue): IndicatorSource[] {
  return catalogue.conventions.flatMap((convention) =>
    indicatorsOf(convention).flatMap((source) =>
      convention.rounds.length === 0
        ? [source]
        : convention.rounds.map((round) => ({ ...source, round, value: source.indicator.values.find((v) => v.round.id === round.id) })),
    ),
  );
}

export function indicatorRecords(catalogue: Catalogue, columns: IndicatorColumns = INDICATOR_COLUMNS): IndicatorRecord[] {
  return indicatorSources(catalogue).map(
    (source) =>
      Object.fromEntries(
        Object.entries(columns).map(([name, column]) => [name, column.value(source) ?? (column.type === 'number' ? null : '')]),
      ) as IndicatorRecord,
  );
}

export function indicatorsTable(records: IndicatorRecord[], columns: IndicatorColumns = INDICATOR_COLUMNS): Table {
  const names = Object.keys(columns) as (keyof IndicatorRecord)[];
  return {
    header: names,
    fields: names.map((name) => columns[name]!),
    rows: records.map((r) => names.map((name) => numberCell(r[name] ?? undefined))),
  };
}
