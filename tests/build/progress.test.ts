/**
 * Progress at a glance, checked in dist/ (issue 10): every progress table of the built site
 * (`data-progression`, `data-evolution`) gives exactly the counts and percentages computed from
 * the content through the catalogue (src/catalogue/progress.ts), on the pages where it belongs (home
 * and document page for the document, axis page for each axis; issue 23 moved the axes' blocks off
 * the document page), and its chart repeats the same figures. On the document page the table has no
 * total row: the summary line above gives the total. The check is shown to fail on a wrong table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import type { ActionNode, ConventionNode } from '../../src/catalogue/types.ts';
import { NO_STATUS, WITHDRAWN, evolution, progressAt, type Evolution, type Progress } from '../../src/catalogue/progress.ts';
import { CONTENT_ROOT, DIST, builtPages } from '../site.ts';
import { selectAll } from '../hast.ts';
import { PLAN, fixtureCatalogue } from '../unit/catalogue-fixtures.ts';

const { entries } = validateAll(readContent(CONTENT_ROOT).files);
const catalogue = buildCatalogue(entries);
const pages = builtPages();
const tree = (page: string) => fromHtml(readFileSync(join(DIST, page), 'utf8'));

/** Every list whose progress is shown: its id, document, actions, and the pages that show it. */
interface Shown {
  convention: ConventionNode;
  actions: ActionNode[];
  pages: string[];
}
const followed = catalogue.conventions.filter((c) => (c.data.statusScale?.length ?? 0) > 0);
const shown = new Map<string, Shown>();
for (const c of followed) {
  shown.set(c.id, { convention: c, actions: c.actions, pages: ['index.html', `${c.path}index.html`] });
  for (const axis of c.axes)
    shown.set(axis.id, {
      convention: c,
      actions: axis.actions,
      pages: axis.actions.length > 0 ? [`${axis.path}index.html`] : [],
    });
}

const attr = (e: Element, name: string) => {
  const v = e.properties[name];
  return v === undefined ? undefined : String(v);
};
const rows = (table: Element) => selectAll(table, (e) => e.tagName === 'tr' && attr(e, 'dataLigne') !== undefined);
const cells = (row: Element) => selectAll(row, (e) => e.tagName === 'td').map((c) => c.text.trim());
const rowHead = (row: Element) => selectAll(row, (e) => e.tagName === 'th')[0]?.text.trim() ?? '';
/** What a line's row header must say (after the decorative symbol): the status in words, or the words of the other lines. */
const expectedWords = (line: { key: string; status?: { label: string } }) =>
  line.status?.label ?? (line.key === NO_STATUS ? 'Sans statut' : line.key === WITHDRAWN ? 'Retrait ou fusion' : '?');

/**
 * What is wrong with a progress table (data-progression) against the figures computed from the
 * content; `withTotal` false for the document page's table, whose total the summary line gives.
 */
export function progressProblems(table: Element, expected: Progress, withTotal = true): string[] {
  const problems: string[] = [];
  const found = rows(table);
  const want = [...expected.lines.map((l) => ({ ...l, cells: [String(l.count), `${l.percent}\u00a0%`] }))];
  if (withTotal)
    want.push({
      key: 'total',
      count: expected.total,
      percent: 100,
      cells: [String(expected.total), `${expected.total > 0 ? 100 : 0}\u00a0%`],
    });
  const keys = found.map((r) => attr(r, 'dataLigne'));
  if (keys.join('|') !== want.map((w) => w.key).join('|'))
    problems.push(`lignes ${keys.join(', ')} au lieu de ${want.map((w) => w.key).join(', ')}`);
  for (const w of want) {
    const row = found.find((r) => attr(r, 'dataLigne') === w.key);
    if (!row) continue;
    if (cells(row).join(' | ') !== w.cells.join(' | '))
      problems.push(`${w.key} : ${cells(row).join(' | ')} au lieu de ${w.cells.join(' | ')}`);
    const words = w.key === 'total' ? 'Total' : expectedWords(w);
    if (!rowHead(row).includes(words)) problems.push(`${w.key} : en-tête « ${rowHead(row)} » au lieu de « ${words}… »`);
  }
  return problems;
}

/** What is wrong with an evolution table (data-evolution): rows statuses, one count per round. */
export function evolutionProblems(table: Element, expected: Evolution): string[] {
  const problems: string[] = [];
  const rounds = selectAll(table, (e) => e.tagName === 'th' && attr(e, 'dataBilan') !== undefined).map((e) => attr(e, 'dataBilan'));
  if (rounds.join('|') !== expected.rounds.map((r) => r.id).join('|')) problems.push(`bilans ${rounds.join(', ')}`);
  const want = [...expected.lines, { key: 'total', counts: expected.totals }];
  const found = rows(table);
  const keys = found.map((r) => attr(r, 'dataLigne'));
  if (keys.join('|') !== want.map((w) => w.key).join('|'))
    problems.push(`lignes ${keys.join(', ')} au lieu de ${want.map((w) => w.key).join(', ')}`);
  for (const w of want) {
    const row = found.find((r) => attr(r, 'dataLigne') === w.key);
    if (row && cells(row).join(' | ') !== w.counts.join(' | '))
      problems.push(`${w.key} : ${cells(row).join(' | ')} au lieu de ${w.counts.join(' | ')}`);
  }
  return problems;
}

/** The chart beside a table must repeat its figures ("37 (41 %)" per line, in the same order). */
function chartProblems(block: Element, expected: Progress): string[] {
  const figures = selectAll(block, (e) => String(e.properties.className ?? '').includes('progression__nombre')).map((e) =>
    e.text.replace(/\s+/g, ' ').trim(),
  );
  const want = expected.lines.map((l) => `${l.count} (${l.percent} %)`);
  return figures.join(' | ') === want.join(' | ') ? [] : [`graphique : ${figures.join(' | ')} au lieu de ${want.join(' | ')}`];
}

/** Pages holding progress tables: cheap string test first, the tree only for those. */
const withTables = pages.filter((p) => {
  const source = readFileSync(join(DIST, p), 'utf8');
  return source.includes('data-progression=') || source.includes('data-evolution=');
});

test('every progress table gives the counts and percentages computed from the content, beside a chart with the same figures', () => {
  assert.ok(followed.length > 0, 'le site a des documents avec une échelle de statuts');
  const problems: string[] = [];
  const seen = new Map<string, string[]>();
  let tables = 0;
  for (const page of withTables) {
    const root: Root = tree(page);
    for (const block of selectAll(root, (e) =>
      String(e.properties.className ?? '')
        .split(' ')
        .includes('progression'),
    )) {
      const table = selectAll(block, (e) => e.tagName === 'table' && attr(e, 'dataProgression') !== undefined)[0];
      if (!table) {
        problems.push(`${page} : bloc d'avancement sans tableau`);
        continue;
      }
      const of = attr(table, 'dataProgression')!;
      const list = shown.get(of);
      if (!list) {
        problems.push(`${page} : tableau pour « ${of} », qui n'a pas d'échelle de statuts`);
        continue;
      }
      const expected = progressAt(list.convention, list.actions)!;
      const withTotal = page !== `${list.convention.path}index.html`;
      problems.push(
        ...[...progressProblems(table, expected, withTotal), ...chartProblems(block, expected)].map((p) => `${page} (${of}) : ${p}`),
      );
      seen.set(of, [...(seen.get(of) ?? []), page]);
      tables++;
    }
    for (const table of selectAll(root, (e) => e.tagName === 'table' && attr(e, 'dataEvolution') !== undefined)) {
      const of = attr(table, 'dataEvolution')!;
      const list = shown.get(of);
      const expected = list && evolution(list.convention, list.actions);
      if (!expected) problems.push(`${page} : évolution pour « ${of} », qui n'a pas plusieurs bilans`);
      else problems.push(...evolutionProblems(table, expected).map((p) => `${page} (${of}) : ${p}`));
    }
  }
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} erreur(s)`);
  // Each list is shown exactly where it belongs: no page missing, none extra.
  for (const [of, list] of shown) assert.deepEqual((seen.get(of) ?? []).sort(), [...list.pages].sort(), of);
  assert.equal(
    tables,
    [...shown.values()].reduce((n, l) => n + l.pages.length, 0),
  );
});

test('evolution tables are on the rounds and axis pages of every document with several rounds, nowhere else', () => {
  const expected = followed
    .filter((c) => c.rounds.length > 1)
    .flatMap((c) => [`${c.path}bilans/index.html`, ...c.axes.filter((a) => a.actions.length > 0).map((a) => `${a.path}index.html`)]);
  const found = withTables.filter((p) => readFileSync(join(DIST, p), 'utf8').includes('data-evolution='));
  assert.deepEqual(found, expected.sort());
});

test('the checks fail on a wrong table: a count, a percentage, a missing line, a wrong chart, a total', () => {
  const c = followed.find((d) => d.axes.some((a) => a.actions.length > 0))!;
  const axis = c.axes.find((a) => a.actions.length > 0)!;
  const block = (page: string) =>
    selectAll(tree(page), (e) =>
      String(e.properties.className ?? '')
        .split(' ')
        .includes('progression'),
    )[0]!;
  const tableIn = (b: Element) => selectAll(b, (e) => e.tagName === 'table')[0]!;
  const onAxis = block(`${axis.path}index.html`);
  const table = tableIn(onAxis);
  const expected = progressAt(c, axis.actions)!;
  assert.deepEqual(progressProblems(table, expected), [], 'le vrai tableau passe');
  assert.deepEqual(chartProblems(onAxis, expected), []);
  // The same table checked against altered figures: one more action of the first status.
  const wrongCount = { ...expected, lines: expected.lines.map((l, i) => (i === 0 ? { ...l, count: l.count + 1 } : l)) };
  assert.match(progressProblems(table, wrongCount).join('\n'), /^code:.* au lieu de /m);
  assert.match(chartProblems(onAxis, wrongCount).join('\n'), /^graphique : /);
  const wrongPercent = { ...expected, lines: expected.lines.map((l, i) => (i === 1 ? { ...l, percent: l.percent + 1 } : l)) };
  assert.notDeepEqual(progressProblems(table, wrongPercent), []);
  const missingLine = { ...expected, lines: [...expected.lines, { key: WITHDRAWN, count: 0, percent: 0 }] };
  assert.match(progressProblems(table, missingLine).join('\n'), /^lignes /m);
  const wrongTotal = { ...expected, total: expected.total + 1 };
  assert.match(progressProblems(table, wrongTotal).join('\n'), /^total : /m);
  // The document page's table has no total row: it passes without one, and is reported if one is required.
  const onDocument = tableIn(block(`${c.path}index.html`));
  const whole = progressAt(c, c.actions)!;
  assert.deepEqual(progressProblems(onDocument, whole, false), []);
  assert.match(progressProblems(onDocument, whole).join('\n'), /^lignes .* au lieu de .*total$/m);
});

test('the evolution check passes on a right table and fails on a wrong one (three-round fixture plan)', () => {
  const plan = fixtureCatalogue().conventions.find((c) => c.id === PLAN)!;
  const e = evolution(plan, plan.actions)!;
  // A table as ProgressEvolution.astro writes it, made from the fixture's figures.
  const html = (ev: Evolution) =>
    `<table data-evolution="${PLAN}"><thead><tr><th>Statut</th>${ev.rounds.map((r) => `<th data-bilan="${r.id}">${r.label}</th>`).join('')}</tr></thead><tbody>${ev.lines
      .map((l) => `<tr data-ligne="${l.key}"><th>x</th>${l.counts.map((n) => `<td>${n}</td>`).join('')}</tr>`)
      .join('')}</tbody><tfoot><tr data-ligne="total"><th>Total</th>${ev.totals.map((n) => `<td>${n}</td>`).join('')}</tr></tfoot></table>`;
  const table = (ev: Evolution) => selectAll(fromHtml(html(ev), { fragment: true }), (el) => el.tagName === 'table')[0]!;
  assert.deepEqual(evolutionProblems(table(e), e), []);
  const moved = { ...e, lines: e.lines.map((l, i) => (i === 0 ? { ...l, counts: l.counts.map((n, j) => (j === 2 ? n + 1 : n)) } : l)) };
  assert.match(evolutionProblems(table(moved), e).join('\n'), /^code:R : 0 \| 1 \| 2 au lieu de 0 \| 1 \| 1/m);
  assert.match(evolutionProblems(table({ ...e, rounds: e.rounds.slice(1) }), e).join('\n'), /^bilans /m);
});
