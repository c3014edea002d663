/**
 * The search of the issue 23's "Done when", on the demo content: « télétravail » is written in the
 * HRS4R plan of inserm-hrs4r-2022 only (its action 4.6); the filters count that query's results,
 * and every result says its type. A fidelity test: it names a demo document, so
 * `npm run site:vierge` removes it with the document (scripts/starter/blank-site.ts). The engine's
 * rule is checked on any content by tests/browser/site/search.spec.ts and fixture/search.spec.ts.
 */
import { expect, test } from '../fixtures.ts';
import { countProblems, searchSeen } from '../search-counts.ts';

test.describe.configure({ timeout: 120_000 });

test('« télétravail » : des filtres qui comptent ses résultats, un type sur chaque résultat', async ({ page }) => {
  const seen = await searchSeen(page, 'télétravail');
  expect(seen.said).toBeGreaterThan(0);
  expect(seen.results.map((r) => r.href)).toContainEqual(expect.stringContaining('inserm-hrs4r-2022/actions/action-4-6/'));
  expect(countProblems(seen)).toEqual([]);
  const type = seen.filters.find((f) => f.key === 'type')!;
  expect(type.choices.reduce((sum, c) => sum + c.count, 0)).toBe(seen.said);
});
