/**
 * The actions index filters, with and without JavaScript; the shareable URL; search across
 * documents with facets; glossary terms marked in pages.
 */
import { expect, test } from './fixtures.ts';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import { textOf } from '../../src/model/texts.ts';
import { ROWS_PER_PAGE } from '../../src/catalogue/paginate.ts';
import { BASE } from '../site.ts';
import { axeViolations } from './axe.ts';

const catalogue = buildCatalogue(validateAll(readContent(process.cwd()).files).entries);
const rows = 'tbody tr:visible';
const expected = (test: (a: (typeof catalogue.actions)[number]) => boolean) => catalogue.actions.filter(test).length;

const all = catalogue.actions.length;
/** What the status says for `n` matching actions. */
const said = (n: number, page = 1) =>
  n === 0
    ? 'Aucune action ne correspond à ces filtres.'
    : `${n} ${n === 1 ? 'action correspond' : 'actions correspondent'} sur ${all}.${n > ROWS_PER_PAGE ? ` Page ${page} sur ${Math.ceil(n / ROWS_PER_PAGE)}.` : ''}`;
const onPage = (n: number, page = 1) => Math.max(0, Math.min(ROWS_PER_PAGE, n - (page - 1) * ROWS_PER_PAGE));

test('the real site is large enough for its actions table to be split into pages', () => {
  expect(all).toBeGreaterThan(ROWS_PER_PAGE);
});

test('with JavaScript: filtering is instant across all pages, announces the count and puts the state in the URL', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${BASE}actions/`);
  const status = page.locator('#filtres-etat');
  await expect(page.locator(rows)).toHaveCount(ROWS_PER_PAGE);
  // Nothing is fetched until a filter is used.
  await expect(page.locator('#filtres')).toBeVisible();
  expect(requests.filter((r) => r.endsWith('.json'))).toEqual([]);
  await page.getByLabel('Statut').selectOption('non-realise');
  const notDone = expected((a) => a.status?.key === 'non-realise');
  await expect(status).toHaveText(said(notDone));
  await expect(page.locator(rows)).toHaveCount(onPage(notDone));
  expect(requests.filter((r) => r.endsWith('.json'))).toEqual([`${BASE}actions/filtres.json`]);
  await page.getByLabel('Thème').selectOption('apprentissage');
  const both = expected((a) => a.status?.key === 'non-realise' && a.data.themes.includes('apprentissage'));
  await expect(status).toHaveText(said(both));
  await expect(page.locator(rows)).toHaveCount(onPage(both));
  await expect(page).toHaveURL(/\?statut=non-realise&theme=apprentissage$/);
  // The rows drawn are those of the static pages: same cells, same links, status in words.
  const first = catalogue.actions.find((a) => a.status?.key === 'non-realise' && a.data.themes.includes('apprentissage'))!;
  const row = page.locator(rows).first();
  await expect(row.getByRole('rowheader')).toHaveText(first.label);
  await expect(row.getByRole('link')).toHaveAttribute('href', `${BASE}${first.path}`);
  await expect(row.locator('.statut')).toContainText('Non réalisé');
  await page.getByLabel('Mots du titre ou du texte').fill('zzzqx');
  await expect(status).toHaveText(said(0));
  await expect(page.locator(rows)).toHaveCount(0);
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(status).toHaveText(said(all));
  await expect(page.locator(rows)).toHaveCount(ROWS_PER_PAGE);
  await expect(page).toHaveURL(`${BASE}actions/`);
  expect(requests.filter((r) => r.endsWith('.json'))).toHaveLength(1);
});

test('with JavaScript: the filtered rows are paged, the page in the URL, the focus on the table', async ({ page }) => {
  await page.goto(`${BASE}actions/?texte=`);
  await page.getByLabel('Mots du titre ou du texte').fill('');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  const status = page.locator('#filtres-etat');
  await expect(status).toHaveText(said(all));
  const pagination = page.getByRole('navigation', { name: 'Pages du tableau' });
  await expect(pagination).toHaveCount(1);
  await pagination.getByRole('link', { name: 'Page suivante' }).click();
  await expect(status).toHaveText(said(all, 2));
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
  // A filter used from any page starts again at its first page.
  await page.getByLabel('Document').selectOption('inserm-hrs4r-2022');
  await expect(status).toHaveText(said(expected((a) => a.convention.id === 'inserm-hrs4r-2022')));
  await expect(page).toHaveURL(`${BASE}actions/?document=inserm-hrs4r-2022`);
});

test('a shared URL restores the filters and the page', async ({ page }) => {
  await page.goto(`${BASE}actions/?document=inserm-fiphfp-2023-2026&public=jeunes-etudiants&texte=apprentis`);
  await expect(page.getByLabel('Document')).toHaveValue('inserm-fiphfp-2023-2026');
  await expect(page.getByLabel('Public')).toHaveValue('jeunes-etudiants');
  await expect(page.getByLabel('Mots du titre ou du texte')).toHaveValue('apprentis');
  const n = expected(
    (a) =>
      a.convention.id === 'inserm-fiphfp-2023-2026' &&
      a.data.audience.includes('jeunes-etudiants') &&
      /apprentis/i.test(`${a.data.title} ${a.data.wording}`),
  );
  expect(n).toBeGreaterThan(0);
  await expect(page.locator(rows)).toHaveCount(n);
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
      seen.push(...(await page.locator(`${rows} th + td > a`).evaluateAll((links) => links.map((a) => a.getAttribute('href')!))));
      if (n < pages) await page.getByRole('link', { name: 'Page suivante' }).click();
    }
    await expect(page).toHaveURL(`${BASE}actions/page-${pages}/`);
    expect(seen).toEqual(catalogue.actions.map((a) => `${BASE}${a.path}`));
    await page.getByText('Statut (', { exact: false }).click();
    await page.getByRole('link', { name: 'Non réalisé', exact: true }).click();
    await expect(page).toHaveURL(`${BASE}actions/statut/non-realise/`);
    await expect(page.locator(rows)).toHaveCount(onPage(expected((a) => a.status?.key === 'non-realise')));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Actions — Statut : Non réalisé');
  });

  test('a theme page lists the Inserm apprentices actions', async ({ page }) => {
    await page.goto(`${BASE}themes/apprentissage/`);
    const inserm = page
      .locator('section.groupe-document')
      .filter({ has: page.getByRole('link', { name: 'Plan handicap Inserm 2023-2026' }) });
    for (const n of ['14', '15', '16', '17', '18'])
      await expect(inserm.getByRole('link', { name: new RegExp(`^Action n°${n} :`) })).toBeVisible();
  });
});

test('search across documents can be narrowed by kind of item, and says so', async ({ page }) => {
  await page.goto(`${BASE}recherche/?q=${encodeURIComponent('apprentis')}`);
  const status = page.getByRole('status');
  await expect(status).toHaveText(/^\d+ résultats? pour « apprentis »\.$/);
  const all = Number((await status.textContent())!.match(/^\d+/)![0]);
  await page.getByLabel("Type d'élément").selectOption('Action ou engagement');
  await expect(status).toHaveText(/^\d+ résultats? pour « apprentis », filtrés par Type d'élément : Action ou engagement\.$/);
  const actions = Number((await status.textContent())!.match(/^\d+/)![0]);
  expect(actions).toBeGreaterThan(0);
  expect(actions).toBeLessThanOrEqual(all);
  await expect(page).toHaveURL(/type=Action/);
  for (const doc of await page.locator('.resultats__document').allTextContents()) expect(doc.length).toBeGreaterThan(0);
});

test('a search for RQTH lists the glossary entry and every action that mentions it', async ({ page }) => {
  const rqth = catalogue.glossary.find((g) => g.data.term === 'RQTH')!;
  const mentioning = catalogue.actions.filter((a) => /(?<![\p{L}\p{N}])RQTH(?![\p{L}\p{N}])/u.test(textOf(a)));
  expect(mentioning.length).toBeGreaterThan(0);
  await page.goto(`${BASE}recherche/?q=RQTH`);
  await expect(page.getByRole('status')).toHaveText(/^\d+ résultats? pour « RQTH »\.$/);
  const hrefs = await page.locator('#recherche-resultats > li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toContain(`${BASE}${rqth.path}`);
  for (const a of mentioning) expect(hrefs, a.path).toContain(`${BASE}${a.path}`);
  // Narrowed to the glossary, the entry is what remains.
  await page.getByLabel("Type d'élément").selectOption('Glossaire');
  await expect(page.getByRole('status')).toHaveText(/^\d+ résultats? pour « RQTH », filtrés par Type d'élément : Glossaire\.$/);
  await expect(page.locator('#recherche-resultats > li h2 a').first()).toHaveAttribute('href', new RegExp(`${BASE}glossaire/`));
});

test('the first RQTH of a page is marked: its expansion one link away, on focus too', async ({ page }) => {
  const action = catalogue.actions.find((a) => /(?<![\p{L}\p{N}])RQTH(?![\p{L}\p{N}])/u.test(`${a.data.title} ${a.data.wording}`))!;
  await page.goto(`${BASE}${action.path}`);
  const term = page.locator('main a.terme', { has: page.locator('abbr', { hasText: 'RQTH' }) });
  await expect(term).toHaveCount(1);
  await expect(term.locator('abbr')).toHaveAttribute('title', /Reconnaissance de la qualité de travailleur handicapé/i);
  await term.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('RQTH');
  await expect(page.locator('main')).toContainText(/Reconnaissance de la qualité de travailleur handicapé/i);
});
