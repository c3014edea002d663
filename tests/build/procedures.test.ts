/**
 * Procedures step by step in dist/ (issue 23, point 3), for every procedure of the catalogue: each
 * step's heading (h3) carries its number, each « ou » / « et » sub-step is one level lower (h4,
 * govuk-frontend #3677) with its joining word, « (facultatif) » is written; and every page a step
 * names (action, section, glossary entry) says « Fait partie de » before its title, linking to
 * the step's fragment on the procedure page, which exists. Holds on any valid site.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import { stepHeading, subSteps } from '../../src/catalogue/steps.ts';
import type { ProcedureNode, StepNode } from '../../src/catalogue/types.ts';
import { BASE, CONTENT_ROOT, DIST } from '../site.ts';
import { selectAll } from '../hast.ts';
import { findMain } from '../text-rule.ts';

const catalogue = buildCatalogue(validateAll(readContent(CONTENT_ROOT).files).entries);
const read = (path: string) => readFileSync(join(DIST, `${path}index.html`), 'utf8');
const space = (s: string) => s.replace(/\s+/g, ' ').trim();
const headings = (main: Element, tag: string) => selectAll(main, (e) => e.tagName === tag).map((h) => space(h.text));

/** What is wrong with the steps of a procedure's page: an empty list when nothing is. */
function stepProblems(html: string, procedure: ProcedureNode): string[] {
  const main = findMain(fromHtml(html))!;
  const h3 = new Set(headings(main, 'h3'));
  const h4 = headings(main, 'h4');
  const problems: string[] = [];
  for (const step of procedure.steps) {
    const optional = step.data.optional ? ' (facultatif)' : '';
    const expected = space(stepHeading(step.number, step.data.title) + optional);
    if (!h3.has(expected)) problems.push(`titre h3 « ${expected} » absent`);
    const ids = selectAll(main, (e) => e.properties.id === step.anchor);
    if (ids.length !== 1) problems.push(`ancre #${step.anchor} : ${ids.length} élément(s)`);
    const sub = subSteps(step.data);
    for (const [i, item] of (sub?.items ?? []).entries()) {
      const word = i > 0 ? `${sub!.join} ` : '';
      const wanted = space(`${word}${item.title}${item.optional ? ' (facultatif)' : ''}`);
      if (!h4.includes(wanted)) problems.push(`sous-étape h4 « ${wanted} » absente`);
      if (h3.has(wanted) || h3.has(space(item.title))) problems.push(`sous-étape « ${item.title} » au niveau des étapes (h3)`);
    }
  }
  return problems;
}

/** What is wrong with the « Fait partie de » block of a page named by `steps`. */
function partOfProblems(html: string, steps: StepNode[]): string[] {
  const main = findMain(fromHtml(html))!;
  const block = selectAll(main, (e) =>
    String(e.properties.className ?? '')
      .split(' ')
      .includes('fait-partie'),
  )[0];
  if (!block) return steps.length ? ['bloc « Fait partie de » absent'] : [];
  if (!steps.length) return ['bloc « Fait partie de » sur une page qu’aucune étape ne nomme'];
  const problems: string[] = [];
  const order = selectAll(main, (e) => e.tagName === 'h1' || e === block || String(e.properties.className ?? '').includes('fait-partie'));
  if (order[0]?.tagName === 'h1') problems.push('le bloc « Fait partie de » vient après le titre');
  if (!space(block.text).startsWith('Fait partie de :')) problems.push(`le bloc commence par « ${space(block.text).slice(0, 30)} »`);
  const hrefs = selectAll(block, (e) => e.tagName === 'a').map((a) => String(a.properties.href));
  for (const step of steps) if (!hrefs.includes(`${BASE}${step.path}`)) problems.push(`lien vers ${step.path} absent`);
  return problems;
}

test('every procedure page numbers its steps in their headings, sub-steps one level lower, in words', () => {
  for (const procedure of catalogue.procedures) assert.deepEqual(stepProblems(read(procedure.path), procedure), [], procedure.path);
});

test('every page a step names says « Fait partie de » before its title, linked to the step', () => {
  const members = [...catalogue.actions, ...catalogue.sections, ...catalogue.glossary];
  for (const member of members) assert.deepEqual(partOfProblems(read(member.path), member.partOf), [], member.path);
});

test('the checks fail on a sub-step at the steps’ level, a number outside the heading, a block after the title', () => {
  const procedure = catalogue.procedures.find((p) => p.steps.some((s) => subSteps(s.data)));
  const member = [...catalogue.actions, ...catalogue.sections, ...catalogue.glossary].find((m) => m.partOf.length > 0);
  if (!procedure || !member) return;
  const html = read(procedure.path);
  assert.match(stepProblems(html.replace(/<h4>/g, '<h3>').replace(/<\/h4>/g, '</h3>'), procedure).join(), /au niveau des étapes|absente/);
  assert.match(stepProblems(html.replace(/>Étape \d+/g, '>'), procedure).join(), /titre h3 .* absent/);
  const page = read(member.path);
  const h1 = page.match(/<h1[^>]*>[\s\S]*?<\/h1>/)![0];
  const moved = page.replace(h1, '').replace('<div class="fait-partie"', `${h1}<div class="fait-partie"`);
  assert.match(partOfProblems(moved, member.partOf).join(), /après le titre/);
  assert.match(partOfProblems(page, []).join(), /aucune étape/);
});
