/** Search through Pagefind, in the browser, under the publisher's sub-path. */
import { test, expect } from '@playwright/test';
import { BASE } from '../site.ts';
import { keyboardWalk } from './keyboard.ts';

const search = (q: string) => `${BASE}recherche/?q=${encodeURIComponent(q)}`;

test('a search for DuoDay lists actions 4 and 59, and says how many results', async ({ page }) => {
  await page.goto(search('DuoDay'));
  const results = page.locator('#recherche-resultats > li h2 a');
  await expect(page.getByRole('status')).toHaveText(/^\d+ résultats? pour « DuoDay »\.$/);
  const titles = await results.allTextContents();
  expect(titles.some((t) => t.startsWith('Action n°4 :'))).toBe(true);
  expect(titles.some((t) => t.startsWith('Action n°59 :'))).toBe(true);
  const count = Number((await page.getByRole('status').textContent())!.match(/^\d+/)![0]);
  expect(titles).toHaveLength(count);
  // Result links stay under the sub-path and lead to the action page.
  const href = await results.filter({ hasText: 'Action n°59 :' }).getAttribute('href');
  expect(href).toBe(`${BASE}inserm-fiphfp-2023-2026/actions/action-59/`);
  await results.filter({ hasText: 'Action n°59 :' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Action n°59 : /);
});

test('the header form leads to results, and an empty result is said in words', async ({ page }) => {
  await page.goto(`${BASE}inserm-fiphfp-2023-2026/`);
  await page.getByRole('searchbox', { name: 'Rechercher une action, un objectif…' }).first().fill('zzzxqw');
  await page.getByRole('button', { name: 'Rechercher' }).first().click();
  await expect(page).toHaveURL(/recherche\/\?q=zzzxqw/);
  await expect(page.getByRole('status')).toHaveText('Aucun résultat pour « zzzxqw ». Essayez un autre mot, ou parcourez les documents depuis le menu ou le plan du site.');
});

test('search code is loaded only on the search page, when a reader searches', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/pagefind/')) loaded.push(r.url()); });
  await page.goto(`${BASE}inserm-fiphfp-2023-2026/actions/action-04/`);
  await page.goto(`${BASE}recherche/`);
  await page.waitForLoadState('networkidle');
  expect(loaded).toEqual([]);
  await page.getByRole('searchbox').last().fill('apprentis');
  await page.getByRole('button', { name: 'Rechercher' }).last().click();
  await expect(page.getByRole('status')).toHaveText(/résultats? pour « apprentis »/);
  expect(loaded.some((u) => u.startsWith(`http://127.0.0.1:4322${BASE}pagefind/pagefind.js`))).toBe(true);
});

/** Each query must list the page of the item that carries it, in the right document. */
const EXPECTED: [string, string][] = [
  ['Parthage', 'ucanss-agefiph-2016/actions/axe-2-action-6/'],
  ['emploi accompagné', 'convention-multipartite-2017-2020/actions/article-2-f/'],
];
for (const [query, path] of EXPECTED) {
  test(`a search for « ${query} » lists ${path}`, async ({ page }) => {
    await page.goto(search(query));
    await expect(page.getByRole('status')).toHaveText(/^\d+ résultats? pour/);
    const hrefs = await page.locator('#recherche-resultats > li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`${BASE}${path}`);
  });
}

const PROCEDURES: [string, string][] = [
  ['titularisation', 'justice-circulaire-2004-21/procedures/titularisation/'],
  ['aménagement de poste', 'justice-circulaire-2004-21/procedures/amenagement-de-poste/'],
];
for (const [query, path] of PROCEDURES) {
  test(`a search for « ${query} » lists the procedure ${path}`, async ({ page }) => {
    await page.goto(search(query));
    await expect(page.getByRole('status')).toHaveText(/^\d+ résultats? pour/);
    const links = page.locator('#recherche-resultats > li h2 a');
    const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`${BASE}${path}`);
    // The procedure is among the first results, not buried.
    expect(hrefs.indexOf(`${BASE}${path}`)).toBeLessThan(5);
  });
}

test('search is usable by keyboard and screen reader: visible label, count announced, logical order, nothing hidden takes focus', async ({ page }) => {
  await page.goto(search('apprentis'));
  await expect(page.locator('label[for="recherche-page-champ"]')).toBeVisible();
  // role="status" is a polite live region: the count is read out when it changes.
  const status = page.getByRole('status');
  await expect(status).toHaveText(/^\d+ résultats? pour « apprentis »\.$/);
  await page.locator('#recherche-page-champ').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Rechercher' }).last()).toBeFocused();
  // Then the filters, in reading order, then the results.
  for (const label of ["Type d'élément", 'Document', 'Statut', 'Thème']) {
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(label)).toBeFocused();
  }
  await page.keyboard.press('Tab');
  await expect(page.locator('#recherche-resultats > li h2 a').first()).toBeFocused();
  // A new search replaces the results and announces the new count.
  await page.locator('#recherche-page-champ').fill('DuoDay');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(/^\d+ résultats? pour « DuoDay »\.$/);
  await page.reload();
  await expect(status).toHaveText(/résultats? pour/);
  const walk = await keyboardWalk(page);
  expect(walk.problems).toEqual([]);
});
