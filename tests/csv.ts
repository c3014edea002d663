/**
 * The open data's CSV files in the tests: made from records, and read back as a reuser should
 * (the values as they were before writing: src/open-data/csv.ts undoes the formula protection).
 * The site writes its files from tables (src/open-data/open-data.ts) and never reads them back,
 * so these shortcuts live here, not beside the writer.
 */
import { OPEN_DATA_CSV, readCsvText } from '../src/open-data/csv.ts';
import {
  actionsTable,
  followUpTable,
  itemsTable,
  tableToCsv,
  type ActionRecord,
  type FollowUpRecord,
  type ItemRecord,
} from '../src/open-data/export.ts';

export const parseCsv = (text: string): string[][] => readCsvText(text, OPEN_DATA_CSV.separator);

export const toCsv = (records: ActionRecord[]): string => tableToCsv(actionsTable(records));
export const itemsToCsv = (records: ItemRecord[]): string => tableToCsv(itemsTable(records));
export const followUpToCsv = (records: FollowUpRecord[]): string => tableToCsv(followUpTable(records));
