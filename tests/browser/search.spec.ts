/** Search through Pagefind, in the browser, under the publisher's sub-path. */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { BASE } from '../site.ts';
import { keyboardWalk } from './keyboard.ts';

const search = (q: string) => `${BASE}recherche/?q=${encodeURIComponent(q)}`;
/**
 * A first search fetches Pagefind's code and index: on a loaded machine (the suite runs two
 * browsers on two cores) this outlasts the default five seconds. A wait, not a speed requirement.
 */
const SEARCHED = { timeout: 30_000 };
test.describe.configure({ timeout: 120_000 });

test('a search for DuoDay lists actions 4 and 59, and says how many results', async ({ page }) => {
  await page.goto(search('DuoDay'));
  const results = page.locator('#recherche-resultats > li h2 a');
  await expect(page.getByRole('status')).toHaveText(/^\d+ résultats? pour « DuoDay »\.$/, SEARCHED);
  const titles = await results.allTextContents();
  expect(titles.some((t) => t.startsWith('Action n°4 :'))).toBe(true);
  expect(titles.some((t) => t.startsWith('Action n°59 :'))).toBe(true);
  const count = Number((await page.getByRole('status').textContent())!.match(/^\d+/)![0]);
  expect(titles).toHaveLength(count);
  // Result links stay under the sub-path and lead to the action page.
  const href = await results.filter({ hasText: 'Action n°59 :' }).getAttribute('href');
  expect(href).toBe(`${BASE}inserm-fiphfp-2023-2026/actions/action-59/`);
  await results.filter({ hasText: 'Action n°59 :' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Action n°59 : /, SEARCHED);
});

test('the header form leads to results, and an empty result is said in words', async ({ page }) => {
  await page.goto(`${BASE}inserm-fiphfp-2023-2026/`);
  await page.getByRole('searchbox', { name: 'Rechercher une action, un objectif…' }).first().fill('zzzxqw');
  await page.getByRole('button', { name: 'Rechercher' }).first().click();
  await expect(page).toHaveURL(/recherche\/\?q=zzzxqw/);
  await expect(page.getByRole('status')).toHaveText(
    'Aucun résultat pour « zzzxqw ». Essayez un autre mot, ou parcourez les documents depuis le menu ou le plan du site.',
    SEARCHED,
  );
});

test('search code is loaded only on the search page, when a reader searches', async ({ page, baseURL }) => {
  const loaded: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/')) loaded.push(r.url());
  });
  await page.goto(`${BASE}inserm-fiphfp-2023-2026/actions/action-04/`);
  await page.goto(`${BASE}recherche/`);
  await page.waitForLoadState('networkidle');
  expect(loaded).toEqual([]);
  await page.getByRole('searchbox').last().fill('apprentis');
  await page.getByRole('button', { name: 'Rechercher' }).last().click();
  await expect(page.getByRole('status')).toHaveText(/résultats? pour « apprentis »/, SEARCHED);
  // From this site, under its base (the server's address comes from playwright.config.ts).
  expect(loaded.some((u) => u.startsWith(new URL(`${BASE}pagefind/pagefind.js`, baseURL).href))).toBe(true);
});

/** Each query must list the page of the item that carries it, in the right document. */
const EXPECTED: [string, string][] = [
  ['Parthage', 'ucanss-agefiph-2016/actions/axe-2-action-6/'],
  ['emploi accompagné', 'convention-multipartite-2017-2020/actions/article-2-f/'],
];
for (const [query, path] of EXPECTED) {
  test(`a search for « ${query} » lists ${path}`, async ({ page }) => {
    await page.goto(search(query));
    await expect(page.getByRole('status')).toHaveText(/^\d+ résultats? pour/, SEARCHED);
    const hrefs = await page.locator('#recherche-resultats > li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`${BASE}${path}`);
  });
}

/** Words of the page layout glued to their values, as excerpts read before issue 9. */
const LABELS = /(Statut|Indicateur|Thème|Axe|Objectif|Responsables|Rubrique|Réalisé|À réaliser|Glossaire|Définition)(?=\p{Lu}|\d)/u;
/** A lower-case letter or a bracket followed by a capital: "StatutEn", "(R)Indicateur". */
const GLUED = /[\p{Ll})]\p{Lu}/u;

/** The first results of a search: their link, title, what is said about them and their excerpt. */
async function results(page: Page, query: string) {
  await page.goto(search(query));
  await expect(page.getByRole('status')).toHaveText(/^\d+ résultats? pour/, SEARCHED);
  return page.locator('#recherche-resultats > li').evaluateAll((items) =>
    items.map((li) => ({
      href: li.querySelector('h2 a')!.getAttribute('href')!,
      title: li.querySelector('h2')!.textContent,
      about: li.querySelector('.resultats__document')?.textContent ?? '',
      excerpt: li.querySelector('p:last-child')!.textContent,
    })),
  );
}

/** The page a reader looks for ranks among the first three. */
const FIRST_THREE: [string, string][] = [
  ['aménagement de poste', 'justice-circulaire-2004-21/procedures/amenagement-de-poste/'],
  ['titularisation', 'justice-circulaire-2004-21/procedures/titularisation/'],
  ['RQTH', 'glossaire/rqth/'],
  ['DuoDay', 'glossaire/duoday/'],
];
for (const [query, path] of FIRST_THREE) {
  test(`a search for « ${query} » ranks ${path} in the first three, with excerpts that read as sentences`, async ({ page }) => {
    const found = await results(page, query);
    expect(found.slice(0, 3).map((r) => r.href)).toContain(`${BASE}${path}`);
    for (const r of found.slice(0, 10)) {
      // The excerpt is the document's text: no label glued to its value, no kicker before the title.
      expect(r.excerpt, r.href).not.toMatch(LABELS);
      expect(r.excerpt.replace(/DuoDay/g, ''), r.href).not.toMatch(GLUED);
      if (r.about) expect(r.excerpt.startsWith(`${r.about.split(' — ')[0]}.`), r.href).toBe(false);
    }
    // The matched words are marked in the excerpts.
    expect(await page.locator('#recherche-resultats > li p:last-child mark').count()).toBeGreaterThan(0);
  });
}

test('an action found says its document, its status and who is responsible apart from its excerpt', async ({ page }) => {
  const found = await results(page, 'DuoDay');
  const action = found.find((r) => r.href === `${BASE}inserm-hrs4r-2022/actions/action-5-3/`);
  expect(action?.about).toBe("Plan d'action HRS4R Inserm 2022 — Statut : Réalisé — Responsables : RH");
  expect(action?.excerpt).not.toContain('Statut');
});

test('search is usable by keyboard and screen reader: visible label, count announced, logical order, nothing hidden takes focus', async ({
  page,
}) => {
  await page.goto(search('apprentis'));
  await expect(page.locator('label[for="recherche-page-champ"]')).toBeVisible();
  // role="status" is a polite live region: the count is read out when it changes.
  const status = page.getByRole('status');
  await expect(status).toHaveText(/^\d+ résultats? pour « apprentis »\.$/, SEARCHED);
  await page.locator('#recherche-page-champ').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Rechercher' }).last()).toBeFocused();
  // Then the filters, in reading order (the document state, with one value on this site, is not shown), then the results.
  for (const label of ["Type d'élément", 'Document', 'Statut', 'Thème']) {
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(label, { exact: true })).toBeFocused();
  }
  await page.keyboard.press('Tab');
  await expect(page.locator('#recherche-resultats > li h2 a').first()).toBeFocused();
  // A new search replaces the results and announces the new count.
  await page.locator('#recherche-page-champ').fill('DuoDay');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(/^\d+ résultats? pour « DuoDay »\.$/, SEARCHED);
  await page.reload();
  await expect(status).toHaveText(/résultats? pour/, SEARCHED);
  const walk = await keyboardWalk(page);
  expect(walk.problems).toEqual([]);
});
