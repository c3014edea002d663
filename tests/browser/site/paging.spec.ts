/**
 * The actions table split into pages (issue 9), with and without JavaScript, on the site built
 * from content/ when it has more actions than a page holds (ROWS_PER_PAGE, 200): the fixture site
 * is far smaller. Everything is read from the site's catalogue: nothing names its content. On a
 * smaller site (a starter one) the table has one page, and these tests say so in their skip.
 */
import { filteredIntro, tabTitle } from '../../../src/catalogue/actions-words.ts';
import { ROWS_PER_PAGE } from '../../../src/catalogue/paginate.ts';
import { site } from '../../../src/config.ts';
import { BASE } from '../../site.ts';
import { axeViolations } from '../axe.ts';
import { catalogueOf } from '../catalogue-of.ts';
import { expect, test } from '../fixtures.ts';
import { SITE } from '../served.ts';

const catalogue = catalogueOf(SITE);
const all = catalogue.actions.length;
/** The rows of actions, not those naming the document of the rows under them. */
const rows = 'tbody tr:has(th[scope="row"]):visible';
const expected = (test: (a: (typeof catalogue.actions)[number]) => boolean) => catalogue.actions.filter(test).length;
/** What the status says for `n` matching actions. */
const said = (n: number, page = 1) =>
  `${n} ${n === 1 ? 'action correspond' : 'actions correspondent'} sur ${all}.${n > ROWS_PER_PAGE ? ` Page ${page} sur ${Math.ceil(n / ROWS_PER_PAGE)}.` : ''}`;
const onPage = (n: number, page = 1) => Math.max(0, Math.min(ROWS_PER_PAGE, n - (page - 1) * ROWS_PER_PAGE));
/** The first action's document and status: a filter that keeps some actions. */
const first = catalogue.actions[0];
const status = catalogue.actions.find((a) => a.status)?.status;
/** The site's name, as the layout ends every tab title with it. */
const siteName = site.name;

test.skip(all <= ROWS_PER_PAGE, `le site a ${all} actions, une seule page de tableau (${ROWS_PER_PAGE} lignes au plus)`);

test('with JavaScript: the filtered rows are paged, the page in the URL, the focus on the table', async ({ page }) => {
  await page.goto(`${BASE}actions/?texte=`);
  await page.getByLabel('Mots du titre ou du texte').fill('');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  const state = page.locator('#filtres-etat');
  await expect(state).toHaveText(said(all));
  const pagination = page.getByRole('navigation', { name: 'Pages du tableau' });
  await expect(pagination).toHaveCount(1);
  await pagination.getByRole('link', { name: 'Page suivante' }).click();
  await expect(state).toHaveText(said(all, 2));
  await expect(page).toHaveURL(`${BASE}actions/?page=2`);
  await expect(page.locator('.tableau')).toBeFocused();
  await expect(pagination.getByRole('link', { name: 'Page 2', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle(/^Toutes les actions — Page 2 sur \d+ — /);
  // The rows and links drawn by the script are as accessible as the static ones.
  expect(await axeViolations(page)).toEqual([]);
  await expect(page.locator(rows)).toHaveCount(onPage(all, 2));
  await expect(page.locator(rows).first().getByRole('link')).toHaveAttribute('href', `${BASE}${catalogue.actions[ROWS_PER_PAGE]!.path}`);
  await pagination.getByRole('link', { name: 'Première page' }).click();
  await expect(page).toHaveURL(`${BASE}actions/`);
  await expect(page.locator(rows).first().getByRole('link')).toHaveAttribute('href', `${BASE}${catalogue.actions[0]!.path}`);
  await pagination.getByRole('link', { name: 'Page 2', exact: true }).click();
  const crumbs = page.getByRole('navigation', { name: "Fil d'Ariane" });
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText(`Page 2 sur ${Math.ceil(all / ROWS_PER_PAGE)}`);
  // A filter used from any page starts again at its first page.
  const document = first!.convention.id;
  await page.getByLabel('Document').selectOption(document);
  const found = expected((a) => a.convention.id === document);
  await expect(state).toHaveText(said(found));
  await expect(page).toHaveURL(`${BASE}actions/?document=${document}`);
  // The introduction, the breadcrumb and the tab title follow (issue 23): the pages they name are
  // those of the filtered rows, and the title ends with the site's whole name.
  const pages = Math.ceil(found / ROWS_PER_PAGE);
  await expect(page.locator('.chapo')).toHaveText(filteredIntro(found, all, pages, ROWS_PER_PAGE));
  await expect(page).toHaveTitle(tabTitle('Actions filtrées', 1, pages, siteName));
  if (pages === 1) await expect(crumbs).not.toContainText('Page');
  else await expect(crumbs.locator('[aria-current="page"]')).toHaveText(`Page 1 sur ${pages}`);
});

test('a shared URL restores the page', async ({ page }) => {
  await page.goto(`${BASE}actions/?page=2`);
  await expect(page.locator(rows)).toHaveCount(onPage(all, 2));
  await expect(page.locator(rows).first().getByRole('link')).toHaveAttribute('href', `${BASE}${catalogue.actions[ROWS_PER_PAGE]!.path}`);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the table is in pages linked to one another, the filter form is hidden, and the criterion pages filter', async ({ page }) => {
    await page.goto(`${BASE}actions/`);
    await expect(page.locator(rows)).toHaveCount(ROWS_PER_PAGE);
    await expect(page.locator('#filtres')).toBeHidden();
    // Every action is reached by following the pages.
    const seen: string[] = [];
    const pages = Math.ceil(all / ROWS_PER_PAGE);
    for (let n = 1; n <= pages; n++) {
      await expect(page).toHaveTitle(new RegExp(`^Toutes les actions — Page ${n} sur ${pages} — `));
      await expect(
        page.getByRole('navigation', { name: 'Pages du tableau' }).getByRole('link', { name: `Page ${n}`, exact: true }),
      ).toHaveAttribute('aria-current', 'page');
      seen.push(...(await page.locator(`${rows} th[scope="row"] > a`).evaluateAll((links) => links.map((a) => a.getAttribute('href')!))));
      if (n < pages) await page.getByRole('link', { name: 'Page suivante' }).click();
    }
    await expect(page).toHaveURL(`${BASE}actions/page-${pages}/`);
    expect(seen).toEqual(catalogue.actions.map((a) => `${BASE}${a.path}`));
    if (!status) return;
    await page.getByText('Statut (', { exact: false }).click();
    await page.getByRole('link', { name: status.label, exact: true }).click();
    await expect(page).toHaveURL(`${BASE}actions/statut/${status.key}/`);
    await expect(page.locator(rows)).toHaveCount(onPage(expected((a) => a.status?.key === status.key)));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Actions — Statut : ${status.label}`);
  });
});
