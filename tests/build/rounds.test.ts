/**
 * The review rounds in dist/ (issue 10): each round's "what changed" page lists exactly the actions
 * that src/catalogue/rounds.ts finds moved, new, withdrawn and not reviewed; each document's rounds page
 * has one row per action and one column per round, each cell the action's status at that round.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import { roundChanges } from '../../src/catalogue/rounds.ts';
import { paths } from '../../src/lib/paths.ts';
import { CONTENT_ROOT, BASE, DIST, ON_FIXTURE } from '../site.ts';
import { selectAll } from '../hast.ts';

const { entries } = validateAll(readContent(CONTENT_ROOT).files);
const catalogue = buildCatalogue(entries);
const tree = (path: string) => fromHtml(readFileSync(join(DIST, path, 'index.html'), 'utf8'));

/** The action pages linked from the section under the heading `id` (up to the next h2). */
function listed(page: ReturnType<typeof tree>, id: string): string[] {
  const main = selectAll(page, (e) => e.tagName === 'main')[0]!;
  const out: string[] = [];
  let inside = false;
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'h2') inside = child.properties.id === id;
      else if (inside && child.tagName === 'a') {
        const path = String(child.properties.href).slice(BASE.length);
        if (/\/actions\/[^/]+\/$/.test(path)) out.push(path);
      } else walk(child);
    }
  };
  walk(main);
  return out;
}

/** The differences between the actions a section should list and those it lists. */
export function mismatches(expected: string[], found: string[]): string[] {
  return [
    ...expected.filter((p) => !found.includes(p)).map((p) => `manque ${p}`),
    ...found.filter((p) => !expected.includes(p)).map((p) => `en trop ${p}`),
  ];
}

const withRounds = catalogue.conventions.filter((c) => c.rounds.length > 0);

test('each round page lists exactly the moved, new, withdrawn, not reviewed and commented actions', () => {
  if (ON_FIXTURE) assert.ok(withRounds.length >= 2);
  for (const c of withRounds) {
    for (const round of c.rounds) {
      const page = tree(round.path);
      const changes = roundChanges(c, round);
      // Merged actions are listed with the action that takes them over: keep the withdrawn ones only.
      const groups: [string, string[]][] = [
        ['modifies', changes.moved.map((m) => m.action.path)],
        ['nouvelles', changes.added.map((a) => a.action.path)],
        ['non-evaluees', changes.notReviewed.map((a) => a.path)],
        // Issue 20: the actions the round comments, in their own table.
        ['commentaires', changes.comments.map((c) => c.action.path)],
      ];
      for (const [id, expected] of groups) assert.deepEqual(mismatches(expected, listed(page, id)), [], `${round.path}#${id}`);
      const withdrawn = listed(page, 'retirees').filter((p) => changes.withdrawn.some((a) => a.path === p));
      assert.deepEqual(
        mismatches(
          changes.withdrawn.map((a) => a.path),
          withdrawn,
        ),
        [],
        `${round.path}#retirees`,
      );
      assert.match(toString(page), new RegExp(`Évaluées pour la première fois : ${changes.added.length || 'aucune'}`));
    }
  }
});

test('the rounds page of a document gives each action its status at each round, in words', () => {
  for (const c of withRounds) {
    const table = selectAll(
      tree(paths.rounds(c.id)),
      (e) => e.tagName === 'table' && String(e.properties.className ?? '').includes('comparaison'),
    )[0]!;
    const rows = selectAll(table, (e) => e.tagName === 'tr').slice(1);
    assert.equal(rows.length, c.actions.length, c.id);
    rows.forEach((row, i) => {
      const cells = selectAll(row, (e) => e.tagName === 'td').map((td) => toString(td).replace(/\s+/g, ' ').trim());
      const expected = c.actions[i]!.history.map((h) => (h.withdrawn ? 'Retirée' : h.status ? h.status.label : 'Pas évaluée'));
      assert.equal(cells.length, c.rounds.length);
      cells.forEach((cell, k) => assert.ok(cell.includes(expected[k]!), `${c.actions[i]!.path} : ${cell} / ${expected[k]}`));
    });
  }
});

test('self-test: the comparison of lists names what is missing and what is extra', () => {
  assert.deepEqual(mismatches(['a/', 'b/'], ['b/', 'c/']), ['manque a/', 'en trop c/']);
  assert.deepEqual(mismatches(['a/'], ['a/']), []);
});
