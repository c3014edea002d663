/**
 * The open-data export: one record per action, in `donnees/actions.json` and `donnees/actions.csv`.
 * Field names are a public contract: later versions add fields, never rename them.
 */
import type { ActionNode } from './catalogue.ts';

export interface ActionRecord {
  /** Convention id ("inserm-fiphfp-2023-2026"). */
  convention: string;
  /** Axis number as printed. */
  axis: string;
  axisTitle: string;
  /** Objective number as printed, empty when the source lists the item directly under the axis. */
  objective: string;
  objectiveTitle: string;
  /** "action" or "mesure". */
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
}

export const RECORD_FIELDS = [
  'convention', 'axis', 'axisTitle', 'objective', 'objectiveTitle', 'kind', 'number',
  'title', 'wording', 'status', 'statusLabel', 'indicator', 'url',
] as const satisfies readonly (keyof ActionRecord)[];

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
  };
}

/** Quotes a CSV field when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * RFC 4180 CSV with CRLF line ends, preceded by a UTF-8 byte order mark so that spreadsheet
 * software opens French accents correctly.
 */
export function toCsv(records: ActionRecord[]): string {
  const rows = [RECORD_FIELDS.join(','), ...records.map((r) => RECORD_FIELDS.map((f) => csvField(r[f])).join(','))];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
