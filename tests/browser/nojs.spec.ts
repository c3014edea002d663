/**
 * Without JavaScript every page reads and every link works; the search explains that it needs
 * JavaScript and points to the plan du site and the documents' pages.
 */
import { expect, test } from './fixtures.ts';
import { BASE, templatePages, urlOf } from '../site.ts';

test.use({ javaScriptEnabled: false });
const templates = templatePages();

for (const [name, page] of templates) {
  test(`sans JavaScript : ${name} (${urlOf(page)})`, async ({ page: tab }) => {
    await tab.goto(urlOf(page));
    await expect(tab.getByRole('heading', { level: 1 })).toBeVisible();
    expect((await tab.locator('main').innerText()).length).toBeGreaterThan(50);
    // The display settings need the script: without it they are not offered at all.
    await expect(tab.getByRole('group', { name: "Thème d'affichage" })).toBeHidden();
    // Links are plain links, to the site's pages (followed in the next test).
    await expect(tab.getByRole('contentinfo').getByRole('link', { name: 'Plan du site' })).toHaveAttribute('href', `${BASE}plan-du-site/`);
  });
}

test('without JavaScript, following a link works: the plan du site from the footer', async ({ page }) => {
  await page.goto(urlOf(templates.get('action')!));
  await page.getByRole('contentinfo').getByRole('link', { name: 'Plan du site' }).click();
  await expect(page).toHaveURL(`${BASE}plan-du-site/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan du site');
});

test('without JavaScript, the search form says that search needs it and where to browse instead', async ({ page }) => {
  await page.goto(urlOf(templates.get('action')!));
  await page.getByRole('searchbox', { name: 'Rechercher une action, un objectif…' }).fill('apprentis');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/recherche\/\?q=apprentis/);
  const notice = page.locator('main .note-source');
  await expect(notice).toContainText('La recherche a besoin de JavaScript');
  await notice.getByRole('link', { name: 'plan du site' }).click();
  await expect(page).toHaveURL(`${BASE}plan-du-site/`);
  await page.goBack();
  await expect(notice.getByRole('link', { name: 'Plan handicap Inserm 2023-2026' })).toHaveAttribute(
    'href',
    `${BASE}inserm-fiphfp-2023-2026/`,
  );
});
