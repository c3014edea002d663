/**
 * Keyboard use of every page template (RGAA 10.7, 12.7, 12.8, 12.13): every
 * focusable element reached in order and visibly focused, no trap; the skip links move focus.
 * On long repetitive pages the focus rendering is compared on the first and last stops (see
 * keyboard.ts); every stop is still reached in order and checked visible.
 */
import { expect, test } from './fixtures.ts';
import { templatePages, urlOf } from '../site.ts';
import { keyboardWalk } from './keyboard.ts';

const templates = templatePages();
/** Stops compared pixel by pixel at each end of a long page: more than a header, menu and footer. */
const EDGES = 25;
/**
 * Every template is walked in the light theme. The focus ring is one rule of the stylesheet for
 * every element, and its contrast in both themes is computed from the tokens
 * (tests/unit/contrast.test.ts): the dark theme is walked on two templates that hold every kind
 * of stop (links, menu, form fields, table regions, status badges), not on all of them. The
 * frame of the pages (header, menu, footer) is compared pixel by pixel once per theme and width
 * in each browser, and again wherever its markup differs (the current menu entry); on the other
 * templates its stops are still reached in order and checked visible (keyboard.ts, skipSeenFrame).
 */
const DARK_TOO = new Set(['action', 'toutes les actions']);

test('the templates walked in the dark theme exist', () => {
  for (const name of DARK_TOO) expect([...templates.keys()]).toContain(name);
});

for (const [name, page] of templates) {
  for (const colorScheme of DARK_TOO.has(name) ? (['light', 'dark'] as const) : (['light'] as const)) {
    test(`clavier, ${colorScheme === 'light' ? 'thème clair' : 'thème sombre'} : ${name} (${urlOf(page)})`, async ({ page: tab }) => {
      // The plan du site and the indexes have hundreds of stops, each reached with Tab.
      test.setTimeout(180_000);
      await tab.emulateMedia({ colorScheme });
      await tab.goto(urlOf(page));
      const walk = await keyboardWalk(tab, { edges: EDGES, skipSeenFrame: true });
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

test('on a long page walked by its edges, a hidden stop in the middle, a faint focus at the end and a trap still fail', async ({
  page,
}) => {
  const links = (n: number, extra: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => `<li><a href="#l${i}" id="l${i}" ${extra(i)}>lien ${i}</a></li>`).join('');
  await page.setContent(`<!doctype html><html lang="fr"><body><ul>
    ${links(100, (i) => (i === 50 ? 'style="position:absolute;left:-999px"' : i === 98 ? 'style="outline:none"' : ''))}
  </ul></body></html>`);
  const walk = await keyboardWalk(page, { edges: 5 });
  expect(walk.expected).toHaveLength(100);
  expect(walk.problems.some((p) => p.includes('lien 50') && p.includes('sans être visible'))).toBe(true);
  expect(walk.problems.some((p) => p.includes('lien 98') && p.includes('focus peu ou pas visible'))).toBe(true);
  await page.setContent(`<!doctype html><html lang="fr"><body><ul>${links(100, () => '')}</ul>
    <script>document.getElementById('l99').addEventListener('keydown', (e) => { if (e.key === 'Tab') { e.preventDefault(); document.getElementById('l0').focus(); } });</script>
  </body></html>`);
  const trapped = await keyboardWalk(page, { edges: 5 });
  expect(trapped.problems.join(' ')).toMatch(/reste dans la page/);
});
