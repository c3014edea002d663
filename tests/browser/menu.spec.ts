/**
 * The main menu (RGAA 12.1, 12.2, 12.7): seven entries whatever the number of documents; on a
 * narrow screen a native « Menu » disclosure that the keyboard opens, with or without JavaScript;
 * on a wide one the list itself, in one row.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { BASE, templatePages, urlOf } from '../site.ts';

const templates = templatePages();
const ENTRIES = ['Accueil', 'Documents', 'Toutes les actions', 'Thèmes', 'Glossaire', 'Organismes et rôles', 'Recherche'];

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu principal' });

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'avec JavaScript' : 'sans JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('at 320 px the menu is one « Menu » line that the keyboard opens, and the page title shows on the first screen', async ({
      page,
    }) => {
      await page.setViewportSize({ width: 320, height: 568 });
      await page.goto(urlOf(templates.get('action')!));
      const summary = menu(page).locator('summary');
      await expect(summary).toHaveText('Menu');
      await expect(summary).toBeVisible();
      // Folded: the seven links are in the page but neither drawn nor reachable.
      await expect(menu(page).locator('a')).toHaveCount(7);
      for (const link of await menu(page).locator('a').all()) await expect(link).toBeHidden();
      // The menu is its summary's one line, and the page's title starts on the first screen.
      const [nav, line] = [await menu(page).boundingBox(), await summary.boundingBox()];
      expect(nav!.height).toBeLessThanOrEqual(line!.height + 2);
      expect((await page.getByRole('heading', { level: 1 }).boundingBox())!.y).toBeLessThan(568);
      // « Aller au menu », then Tab to the summary, Enter opens it, Tab walks its entries.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.locator(':focus')).toHaveText('Aller au menu');
      await page.keyboard.press('Enter');
      await expect(menu(page)).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(summary).toBeFocused();
      await page.keyboard.press('Enter');
      for (const label of ENTRIES) {
        await page.keyboard.press('Tab');
        await expect(page.locator(':focus')).toHaveText(label);
        await expect(page.locator(':focus')).toBeInViewport();
      }
      // Inside a document, « Documents » is the current rubrique.
      await expect(menu(page).getByRole('link', { name: 'Documents' })).toHaveAttribute('aria-current', 'page');
      await menu(page).getByRole('link', { name: 'Documents' }).click();
      await expect(page).toHaveURL(`${BASE}documents/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Documents publiés');
    });

    test('at 1280 px the seven entries show in one row, and the summary is not drawn', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(urlOf(templates.get('accueil')!));
      await expect(menu(page).locator('summary')).toBeHidden();
      const links = await menu(page).getByRole('link').all();
      expect(await Promise.all(links.map((l) => l.textContent()))).toEqual(ENTRIES);
      const tops = new Set<number>();
      for (const link of links) {
        await expect(link).toBeVisible();
        tops.add(Math.round((await link.boundingBox())!.y));
      }
      expect(tops.size).toBe(1);
      await expect(menu(page).getByRole('link', { name: 'Accueil' })).toHaveAttribute('aria-current', 'page');
      // The list is in the accessibility tree: its links are named, in order.
      await expect(menu(page)).toMatchAriaSnapshot(`
        - navigation "Menu principal":
          - group:
            - list:
              - listitem:
                - link "Accueil"
              - listitem:
                - link "Documents"
              - listitem:
                - link "Toutes les actions"
              - listitem:
                - link "Thèmes"
              - listitem:
                - link "Glossaire"
              - listitem:
                - link "Organismes et rôles"
              - listitem:
                - link "Recherche"
      `);
    });
  });
}
