/**
 * Reading the open data's CSV files back in the tests, as a reuser should: the values as they
 * were before writing (src/open-data/csv.ts undoes the formula protection). The site itself never
 * reads them, so this lives here, not beside the writer.
 */
import { OPEN_DATA_CSV, readCsvText } from '../src/open-data/csv.ts';

export const parseCsv = (text: string): string[][] => readCsvText(text, OPEN_DATA_CSV.separator);
