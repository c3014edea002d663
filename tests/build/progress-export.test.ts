/**
 * The counts of every progress table equal the rows of the follow-up export (issue 10): for each
 * document with statuses, the table of the whole document on its page counts, line by line, the
 * rows of donnees/suivi.json at its latest round (status code, no status, withdrawn).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { DIST, ON_FIXTURE } from '../site.ts';
import { selectAll } from '../hast.ts';

interface Row {
  convention: string;
  round: string;
  indicator: string;
  withdrawn: string;
  url: string;
}
const rows = JSON.parse(readFileSync(join(DIST, 'donnees/suivi.json'), 'utf8')) as Row[];

/** Each line of a document's progress table (data-ligne → count), as the export's rows give it at the latest round. */
export function countsFromExport(rows: Row[], convention: string): Map<string, number> {
  const own = rows.filter((r) => r.convention === convention);
  const rounds = [...new Set(own.map((r) => r.round))];
  const latest = rounds.at(-1);
  const counts = new Map<string, number>();
  const add = (line: string) => counts.set(line, (counts.get(line) ?? 0) + 1);
  // Each action's rows (one per round of its document, in order), by its page.
  const byAction = new Map<string, Row[]>();
  for (const r of own) byAction.set(r.url, [...(byAction.get(r.url) ?? []), r]);
  for (const actionRows of byAction.values()) {
    if (actionRows.some((r) => r.withdrawn === 'oui')) add('retiree');
    else {
      const last = actionRows.find((r) => r.round === latest)!;
      add(last.indicator ? `code:${last.indicator}` : 'sans-statut');
    }
    add('total');
  }
  return counts;
}

/** The counts of the table of the whole document on its page. */
function countsOnPage(convention: string): Map<string, number> {
  const page = fromHtml(readFileSync(join(DIST, convention, 'index.html'), 'utf8'));
  const table = selectAll(page, (e) => e.tagName === 'table' && e.properties.dataProgression === convention)[0];
  assert.ok(table, `${convention} : tableau d'avancement`);
  const counts = new Map<string, number>();
  for (const row of selectAll(table, (e: Element) => e.tagName === 'tr' && e.properties.dataLigne !== undefined)) {
    const count = Number(selectAll(row, (e) => e.tagName === 'td')[0]!.text.trim());
    if (count > 0 || row.properties.dataLigne === 'total') counts.set(String(row.properties.dataLigne), count);
  }
  return counts;
}

/** The lines of the document page's table: no total, which its summary line gives (src/components/ConventionPage.astro). */
function expectedOnPage(rows: Row[], convention: string): Map<string, number> {
  const counts = countsFromExport(rows, convention);
  counts.delete('total');
  return counts;
}

test('each document’s progress table counts exactly the follow-up rows of its latest round', () => {
  const documents = [...new Set(rows.map((r) => r.convention))];
  if (ON_FIXTURE) assert.ok(documents.length >= 2, documents.join(', '));
  for (const convention of documents) {
    assert.deepEqual([...countsOnPage(convention)].sort(), [...expectedOnPage(rows, convention)].sort(), convention);
  }
});

test('self-test: a row more or a status changed in the export shows as a difference', () => {
  const [convention] = [...new Set(rows.map((r) => r.convention))];
  const own = rows.filter((r) => r.convention === convention);
  // A row of the latest round, of an action still in the plan: the one the table counts.
  const latest = [...new Set(own.map((r) => r.round))].at(-1);
  const target = own.find((r) => r.round === latest && r.withdrawn !== 'oui');
  const changed = rows.map((r) => (r === target ? { ...r, indicator: r.indicator === 'R' ? 'NR' : 'R' } : r));
  assert.deepEqual([...expectedOnPage(rows, convention!)].sort(), [...countsOnPage(convention!)].sort());
  assert.notDeepEqual([...expectedOnPage(changed, convention!)].sort(), [...countsOnPage(convention!)].sort());
});
