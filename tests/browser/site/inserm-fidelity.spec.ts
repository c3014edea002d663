/**
 * The Inserm plan's document page in a browser (issue 23, "Done when"): at 1,280 px it is under
 * 3,500 px tall (7,459 before), says each figure once, and links its 8 axes within the first
 * 1,200 px. A fidelity test: it names a demo document, so `npm run site:vierge` removes it with the
 * document (scripts/starter/blank-site.ts). The engine's rules are checked on any content by
 * tests/browser/fixture/document-page.spec.ts.
 */
import { expect, test } from '../fixtures.ts';
import { BASE } from '../../site.ts';
import { headingProblems, repeatedFigures } from '../figures.ts';

const DOCUMENT = 'inserm-fiphfp-2023-2026';

test('le plan Inserm : moins de 3 500 px à 1 280 px, chaque chiffre une fois, ses 8 axes liés dans les 1 200 premiers pixels', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${BASE}${DOCUMENT}/`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height, `hauteur : ${height} px`).toBeLessThan(3500);
  expect(await repeatedFigures(page)).toEqual([]);
  expect(await headingProblems(page)).toEqual([]);
  const links = page.locator('main nav.parties li > a');
  await expect(links).toHaveCount(8);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `${BASE}${DOCUMENT}/axe-${n}/`));
  const bottoms = await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().bottom + window.scrollY));
  expect(Math.max(...bottoms), 'le lien du dernier axe se termine avant 1 200 px').toBeLessThan(1200);
});
