/**
 * The actions index filters, with and without JavaScript; the shareable URL; search across
 * documents with facets; glossary terms marked in pages.
 */
import { expect, test } from '@playwright/test';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/lib/catalogue.ts';
import { textOf } from '../../src/lib/crosscut.ts';
import { BASE } from '../site.ts';

const catalogue = buildCatalogue(validateAll(readContent(process.cwd()).files).entries);
const rows = 'tbody tr:visible';
const expected = (test: (a: (typeof catalogue.actions)[number]) => boolean) => catalogue.actions.filter(test).length;

test('with JavaScript: filtering is instant, announces the count and puts the state in the URL', async ({ page }) => {
  await page.goto(`${BASE}actions/`);
  const status = page.locator('#filtres-etat');
  await expect(page.locator(rows)).toHaveCount(catalogue.actions.length);
  await expect(status).toHaveText(`${catalogue.actions.length} actions affichées sur ${catalogue.actions.length}.`);
  await page.getByLabel('Statut').selectOption('non-realise');
  const notDone = expected((a) => a.status?.key === 'non-realise');
  await expect(page.locator(rows)).toHaveCount(notDone);
  await expect(status).toHaveText(`${notDone} actions affichées sur ${catalogue.actions.length}.`);
  await page.getByLabel('Thème').selectOption('apprentissage');
  const both = expected((a) => a.status?.key === 'non-realise' && a.data.themes.includes('apprentissage'));
  await expect(page.locator(rows)).toHaveCount(both);
  await expect(page).toHaveURL(/\?statut=non-realise&theme=apprentissage$/);
  await page.getByLabel('Mots du titre ou du texte').fill('zzzqx');
  await expect(status).toHaveText('Aucune action ne correspond à ces filtres.');
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(page.locator(rows)).toHaveCount(catalogue.actions.length);
  await expect(page).toHaveURL(`${BASE}actions/`);
});

test('a shared URL restores the filters', async ({ page }) => {
  await page.goto(`${BASE}actions/?document=inserm-fiphfp-2023-2026&public=jeunes-etudiants&texte=apprentis`);
  await expect(page.getByLabel('Document')).toHaveValue('inserm-fiphfp-2023-2026');
  await expect(page.getByLabel('Public')).toHaveValue('jeunes-etudiants');
  await expect(page.getByLabel('Mots du titre ou du texte')).toHaveValue('apprentis');
  const n = expected(
    (a) => a.convention.id === 'inserm-fiphfp-2023-2026' && a.data.audience.includes('jeunes-etudiants') && /apprentis/i.test(`${a.data.title} ${a.data.wording}`),
  );
  expect(n).toBeGreaterThan(0);
  await expect(page.locator(rows)).toHaveCount(n);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the full table shows, the filter form does not, and the criterion pages filter', async ({ page }) => {
    await page.goto(`${BASE}actions/`);
    await expect(page.locator(rows)).toHaveCount(catalogue.actions.length);
    await expect(page.locator('#filtres')).toBeHidden();
    await page.getByText('Statut (', { exact: false }).click();
    await page.getByRole('link', { name: 'Non réalisé', exact: true }).click();
    await expect(page).toHaveURL(`${BASE}actions/statut/non-realise/`);
    await expect(page.locator(rows)).toHaveCount(expected((a) => a.status?.key === 'non-realise'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Actions — Statut : Non réalisé');
  });

  test('a theme page lists the Inserm apprentices actions', async ({ page }) => {
    await page.goto(`${BASE}themes/apprentissage/`);
    const inserm = page.locator('section.groupe-document').filter({ has: page.getByRole('link', { name: 'Plan handicap Inserm 2023-2026' }) });
    for (const n of ['14', '15', '16', '17', '18']) await expect(inserm.getByRole('link', { name: new RegExp(`^Action n°${n} :`) })).toBeVisible();
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
