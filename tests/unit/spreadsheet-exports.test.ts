/**
 * Without --sortie, `npm run tableur:exporter` writes into exports/ (scripts/spreadsheet/exports.ts),
 * a folder .gitignore covers, and never into the project's root (issue 20, point 8: an export left
 * in the root showed in `git status` as if it were content).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { EXPORTS_FOLDER, defaultOutput } from '../../scripts/spreadsheet/exports.ts';
import { validFiles } from './fixtures.ts';
import { tempDir } from '../temp-dir.ts';

const project = process.cwd();

/** Runs the exporter in a folder holding only a small content; the folder's entries after it. */
async function exportIn(...args: string[]): Promise<{ entries: string[]; stdout: string; dir: string }> {
  const dir = tempDir('exports-');
  for (const file of validFiles()) {
    mkdirSync(dirname(join(dir, file.file)), { recursive: true });
    writeFileSync(join(dir, file.file), `---\n${stringify(file.frontmatter)}---\n${file.body ?? ''}`);
  }
  const { stdout } = await promisify(execFile)(process.execPath, [join(project, 'scripts/spreadsheet/export-command.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { entries: readdirSync(dir).sort(), stdout, dir };
}

test('the workbook and the CSV files go into exports/, and nothing else into the root', async () => {
  // Side by side: each run is mostly loading the exporter's libraries.
  const [workbook, csv] = await Promise.all([exportIn(), exportIn('--format', 'csv', '--document', 'essai')]);
  try {
    assert.deepEqual(workbook.entries, ['content', EXPORTS_FOLDER]);
    assert.ok(existsSync(join(workbook.dir, defaultOutput('xlsx'))));
    assert.match(workbook.stdout, new RegExp(`^Classeur écrit : ${EXPORTS_FOLDER}/suivi-handicap\\.xlsx `));
  } finally {
    rmSync(workbook.dir, { recursive: true, force: true });
  }
  try {
    assert.deepEqual(csv.entries, ['content', EXPORTS_FOLDER]);
    assert.deepEqual(readdirSync(join(csv.dir, defaultOutput('csv'))), ['essai.csv']);
  } finally {
    rmSync(csv.dir, { recursive: true, force: true });
  }
});

test('git ignores the exports’ folder (self-test: it does not ignore the content)', () => {
  const ignored = (path: string) => spawnSync('git', ['check-ignore', '--quiet', '--no-index', path], { cwd: project }).status === 0;
  assert.equal(ignored(defaultOutput('xlsx')), true);
  assert.equal(ignored(join(defaultOutput('csv'), 'essai.csv')), true);
  assert.equal(ignored('content/conventions/inserm-fiphfp-2023-2026.mdx'), false);
});
