/**
 * Keyboard use of every page template, in both themes (RGAA 10.7, 12.7, 12.8, 12.13): every
 * focusable element reached in order and visibly focused, no trap; the skip links move focus.
 */
import { expect, test } from '@playwright/test';
import { templatePages, urlOf } from '../site.ts';
import { keyboardWalk } from './keyboard.ts';

const templates = templatePages();

for (const [name, page] of templates) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`clavier, ${colorScheme === 'light' ? 'thème clair' : 'thème sombre'} : ${name} (${urlOf(page)})`, async ({ page: tab }) => {
      // The plan du site has one link per page: some 700 stops, two screenshots each.
      test.setTimeout(420_000);
      await tab.emulateMedia({ colorScheme });
      await tab.goto(urlOf(page));
      const walk = await keyboardWalk(tab);
      expect(walk.expected.length, 'éléments atteignables').toBeGreaterThan(5);
      expect(walk.problems).toEqual([]);
    });
  }
}

test('the skip links are the first stops and move focus to the content, the search and the menu', async ({ page }) => {
  const targets: [string, string][] = [
    ['Aller au contenu', 'main#contenu'],
    ['Aller à la recherche', 'input#recherche-entete-champ'],
    ['Aller au menu', 'nav#menu'],
  ];
  for (const [i, [label, target]] of targets.entries()) {
    await page.goto(urlOf(templates.get('action')!));
    for (let n = 0; n <= i; n++) await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText(label);
    await expect(page.getByRole('link', { name: label })).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator(target)).toBeFocused();
  }
  // From the menu, the next stop is its first link.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Accueil');
  await expect(page.locator(':focus')).toHaveAttribute('href', /\/$/);
});

test('the walk itself fails on a page with an invisible focus or a trap', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="fr"><body>
    <style>a:focus { outline: none; }</style>
    <a href="#a">un</a> <a href="#b">deux</a> <a href="#c">trois</a>
    <a href="#d" style="position:absolute;left:-999px">caché</a>
  </body></html>`);
  const walk = await keyboardWalk(page);
  expect(walk.problems.some((p) => p.includes('focus peu ou pas visible'))).toBe(true);
  expect(walk.problems.some((p) => p.includes('sans être visible'))).toBe(true);
  await page.setContent(`<!doctype html><html lang="fr"><body>
    <a href="#a" id="a">un</a> <a href="#b" id="b">deux</a>
    <script>document.getElementById('b').addEventListener('keydown', (e) => { if (e.key === 'Tab') { e.preventDefault(); document.getElementById('a').focus(); } });</script>
  </body></html>`);
  const trapped = await keyboardWalk(page);
  expect(trapped.problems.join(' ')).toMatch(/reste dans la page/);
});
