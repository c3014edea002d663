/**
 * The accessibility declaration (/accessibilite/) is a public legal statement (issue 20, part 5):
 * it claims no check the build does not run, says which automated checks `npm test` runs and that
 * they do not replace an audit, gives the audit from the publisher's settings or « aucun audit »,
 * and has no heading without content under it. Run after `npm run build`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { formatDate } from '../../src/lib/format.ts';
import { DIST, builtSettings } from '../site.ts';

const site = await builtSettings();

const tree = fromHtml(readFileSync(join(DIST, 'accessibilite/index.html'), 'utf8'));
const main = find(tree, (e) => e.tagName === 'main')!;
const text = toString(main).replace(/\s+/g, ' ');

function find(node: Root | Element, test: (e: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Headings of a section's content followed by no content before the next heading of the same or a higher level. */
export function emptyHeadings(root: Element): string[] {
  const blocks = root.children.filter((c): c is Element => c.type === 'element');
  const level = (e: Element) => (/^h[1-6]$/.test(e.tagName) ? Number(e.tagName[1]) : undefined);
  return blocks.flatMap((block, i) => {
    const own = level(block);
    if (own === undefined) return [];
    const next = blocks[i + 1];
    const nextLevel = next && level(next);
    const empty = !next || (nextLevel !== undefined && nextLevel <= own) || (nextLevel === undefined && toString(next).trim() === '');
    return empty ? [toString(block)] : [];
  });
}

test('the declaration claims no check at each build, and names the checks of `npm test` and their limit', () => {
  assert.doesNotMatch(text, /chaque construction/i);
  assert.match(text, /npm test/);
  assert.match(text, /axe-core \(règles WCAG 2\.1 niveaux A et AA\)/);
  assert.match(text, /ne remplacent pas un audit/);
});

test('the audit comes from the settings: its date and result, or « aucun audit »', () => {
  const { auditDate, rate } = site.accessibility;
  if (auditDate) {
    assert.ok(text.includes(formatDate(auditDate)));
    if (rate !== undefined) assert.ok(text.includes(`${rate} %`));
  } else assert.match(text, /Aucun audit de conformité n'a été réalisé à ce jour/);
});

test('the pages of the audit sample are listed only when the settings give them, else the rubric says there are none', () => {
  const rubric = /Pages du site ayant fait l'objet de la vérification de conformité ?Aucune : aucun audit/;
  if (site.accessibility.pagesAudited.length === 0) assert.match(text, rubric);
  else for (const page of site.accessibility.pagesAudited) assert.ok(text.includes(page));
});

test('no heading of the declaration is empty', () => {
  // The headings are children of <main>, as emptyHeadings reads them (else the check would see none).
  assert.ok(main.children.filter((c) => c.type === 'element' && /^h[23]$/.test(c.tagName)).length >= 10);
  assert.deepEqual(emptyHeadings(main), []);
});

test('self-test: an empty heading is found', () => {
  const broken = fromHtml('<main><h2>A</h2><p>x</p><h2>Pages auditées</h2><ul></ul><h2>C</h2></main>', { fragment: true });
  assert.deepEqual(emptyHeadings(find(broken, (e) => e.tagName === 'main')!), ['Pages auditées', 'C']);
});
