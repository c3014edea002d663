/**
 * The open-data exports: one record per action (`donnees/actions.json` / `.csv`), one per numbered
 * or lettered item (`donnees/elements.*`), and the follow-up, one per action and review round of
 * its document (`donnees/suivi.*`). Field names are a public contract: later versions add fields,
 * never rename them.
 */
import type { ActionNode, Catalogue, RoundEntry } from './catalogue.ts';
import { paths } from './paths.ts';

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
}

/** CSV columns: the record's fields, with the list joined and the dates flattened. */
export const CSV_COLUMNS = {
  convention: (r: ActionRecord) => r.convention,
  axis: (r: ActionRecord) => r.axis,
  axisTitle: (r: ActionRecord) => r.axisTitle,
  objective: (r: ActionRecord) => r.objective,
  objectiveTitle: (r: ActionRecord) => r.objectiveTitle,
  kind: (r: ActionRecord) => r.kind,
  number: (r: ActionRecord) => r.number,
  title: (r: ActionRecord) => r.title,
  wording: (r: ActionRecord) => r.wording,
  status: (r: ActionRecord) => r.status,
  statusLabel: (r: ActionRecord) => r.statusLabel,
  indicator: (r: ActionRecord) => r.indicator,
  url: (r: ActionRecord) => r.url,
  responsible: (r: ActionRecord) => r.responsible.join(' ; '),
  'dates.done': (r: ActionRecord) => r.dates.done,
  'dates.due': (r: ActionRecord) => r.dates.due,
} satisfies Record<string, (r: ActionRecord) => string>;

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
  };
}

/** Quotes a CSV field when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * RFC 4180 CSV with CRLF line ends, preceded by a UTF-8 byte order mark so that spreadsheet
 * software opens French accents correctly. Every CSV export goes through it.
 */
function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function toCsv(records: ActionRecord[]): string {
  const columns = Object.entries(CSV_COLUMNS);
  return csvText(
    columns.map(([name]) => name),
    records.map((r) => columns.map(([, value]) => value(r))),
  );
}

/** Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes, line breaks). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
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

export const ITEM_FIELDS = ['convention', 'type', 'number', 'label', 'title', 'url'] as const satisfies readonly (keyof ItemRecord)[];

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

export function itemsToCsv(records: ItemRecord[]): string {
  return csvText(
    ITEM_FIELDS,
    records.map((r) => ITEM_FIELDS.map((f) => r[f])),
  );
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
type Columns = Record<string, (s: FollowUpSource) => string>;

/** What the follow-up says of the action itself. */
const ACTION_COLUMNS = {
  /** Document id ("inserm-fiphfp-2023-2026"). */
  convention: ({ action }) => action.convention.id,
  /** Document short title ("Plan FIPHFP"). */
  conventionShortTitle: ({ action }) => action.convention.data.shortTitle,
  /** Number as printed, empty when the source gives none. */
  number: ({ action }) => action.data.number ?? '',
  /** "Action n°12", "Mesure non numérotée". */
  label: ({ action }) => action.label,
  title: ({ action }) => action.data.title,
  /** Page of the action, relative to the site base. */
  url: ({ action }) => action.path,
} satisfies Columns;

/** What one round says of the action: also the `rounds` of each record of `donnees/actions.json`. */
const ROUND_COLUMNS = {
  /** Round id ("bilans-2023-2025"). */
  round: ({ entry }) => entry.round.id,
  /** As the document words it. */
  roundLabel: ({ entry }) => entry.round.label,
  /** AAAA-MM-JJ, AAAA-MM or AAAA; empty when the round gives only a period. */
  roundDate: ({ entry }) => entry.round.date ?? '',
  /** The period it covers, as printed ("2023-2025"); empty when the round gives only a date. */
  roundPeriod: ({ entry }) => entry.round.period ?? '',
  /** The round's "what changed" page, relative to the site base. */
  roundUrl: ({ entry }) => entry.round.path,
  /** Code of the document's scale ("EC"), empty when the round did not review the action. */
  indicator: ({ entry }) => entry.status?.code ?? '',
  /** Shared status key ("en-cours"), empty when not reviewed. */
  status: ({ entry }) => entry.status?.key ?? '',
  /** Shared status in French ("En cours"), empty when not reviewed. */
  statusLabel: ({ entry }) => entry.status?.label ?? '',
  /** "oui" at the round where the action is withdrawn (or merged into another), "non" otherwise. */
  withdrawn: ({ entry }) => (entry.withdrawn ? 'oui' : 'non'),
  /** Number of the action it was merged into, at the round of the merger; empty otherwise. */
  mergedInto: ({ action, entry }) => (entry.withdrawn ? (action.withdrawn?.mergedInto?.data.number ?? '') : ''),
  /** The note on the withdrawal, at that round. */
  withdrawnNote: ({ action, entry }) => (entry.withdrawn ? (action.withdrawn?.note ?? '') : ''),
  /** The round's comment on the action. */
  comment: ({ entry }) => entry.comment ?? '',
  /** What shows the status, as the round gives it. */
  evidence: ({ entry }) => entry.evidence ?? '',
} satisfies Columns;

const FOLLOW_UP_COLUMNS = { ...ACTION_COLUMNS, ...ROUND_COLUMNS } satisfies Columns;

type RecordOf<C extends Columns> = { [K in keyof C]: string };
export type RoundRecord = RecordOf<typeof ROUND_COLUMNS>;
export type FollowUpRecord = RecordOf<typeof FOLLOW_UP_COLUMNS>;
/** The follow-up's columns, in order: the CSV header and the keys of every JSON record. */
export const FOLLOW_UP_FIELDS = Object.keys(FOLLOW_UP_COLUMNS) as (keyof FollowUpRecord)[];
/** The keys of each entry of an action's `rounds` in `donnees/actions.json`. */
export const ROUND_FIELDS = Object.keys(ROUND_COLUMNS) as (keyof RoundRecord)[];

function record<C extends Columns>(columns: C, source: FollowUpSource): RecordOf<C> {
  return Object.fromEntries(Object.entries(columns).map(([name, value]) => [name, value(source)])) as RecordOf<C>;
}

/** One record per action and round of its document, actions in site order, rounds oldest first. */
export function followUpRecords(actions: readonly ActionNode[]): FollowUpRecord[] {
  return actions.flatMap((action) => action.history.map((entry) => record(FOLLOW_UP_COLUMNS, { action, entry })));
}

export function followUpToCsv(records: FollowUpRecord[]): string {
  return csvText(
    FOLLOW_UP_FIELDS,
    records.map((r) => FOLLOW_UP_FIELDS.map((f) => r[f])),
  );
}
