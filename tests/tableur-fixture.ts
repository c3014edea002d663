/**
 * A small content folder on disk for the spreadsheet import's tests (issue 19): the valid set of
 * tests/unit/fixtures.ts (one plan « Essai », its round « Bilan 2024 », two actions), written as
 * MDX files, so that an import loads it in milliseconds instead of the whole site's content; and
 * that plan's follow-up sheet as the export writes it, as text rows a test edits before writing
 * them with rawWorkbook or writeCsv.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { validFiles } from './unit/fixtures.ts';
import { documentRows, documentSheets, loadContent, sheetHeaders } from '../scripts/tableur/classeur.ts';

/** A new temporary folder holding content/ with the small valid set; returns the folder. */
export function fixtureContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tableur-essai-'));
  for (const f of validFiles()) {
    mkdirSync(dirname(join(dir, f.file)), { recursive: true });
    writeFileSync(join(dir, f.file), `---\n${stringify(f.frontmatter)}---\n`);
  }
  return dir;
}

/** The « Essai » sheet of the follow-up workbook of the content in `dir`: its name and rows, headers first. */
export function fixtureSheet(dir: string): { name: string; rows: string[][] } {
  const [sheet] = documentSheets(loadContent(dir).entries);
  return { name: sheet!.name, rows: [sheetHeaders(sheet!.convention), ...documentRows(sheet!.convention, sheet!.actions)] };
}
