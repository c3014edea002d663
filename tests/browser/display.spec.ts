/**
 * Display settings and readability on every page template: reflow at 320 px and at 200 % zoom,
 * text spacing (RGAA 10.12), text enlarged to 200 % (10.4), themes chosen by the reader and kept
 * without a flash, Windows high contrast, reduced motion, print.
 */
import type { Page } from '@playwright/test';
import { addStyleSheet } from './csp.ts';
import { expect, test } from './fixtures.ts';
import { BASE, templatePages, urlOf } from '../site.ts';

const templates = templatePages();

/** The override of WCAG 1.4.12 / RGAA 10.12. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/**
 * What a reader would see go wrong: the page scrolling sideways, text cut by a box that hides its
 * overflow, or two pieces of text drawn over each other.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width)
      problems.push(`la page défile horizontalement (${document.documentElement.scrollWidth} px pour ${width})`);
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} « ${(el.textContent ?? '').trim().slice(0, 40)} »`;
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      const clips = (v: string) => v === 'hidden' || v === 'clip';
      if (
        (clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
        (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
      ) {
        problems.push(`texte coupé dans ${describe(el)}`);
      }
    }
    // Every line of every visible text node, then any two that overlap.
    const boxes: { rect: DOMRect; node: Text }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (!node.data.trim() || node.parentElement?.closest('script, style, noscript, .liens-evitement')) continue;
      // Not drawn: hidden, or inside a closed <details>.
      if (!node.parentElement?.checkVisibility({ visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 1 && rect.height > 1) boxes.push({ rect, node });
    }
    const overlapping = new Set<string>();
    // From top to bottom: a line is compared with the lines that start above its bottom edge only
    // (thousands of lines on a long table, not millions of pairs).
    boxes.sort((a, b) => a.rect.top - b.rect.top);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length && boxes[j]!.rect.top < boxes[i]!.rect.bottom - 2; j++) {
        const [a, b] = [boxes[i]!.rect, boxes[j]!.rect];
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (dx > 2 && dy > 2)
          overlapping.add(
            `« ${boxes[i]!.node.data.trim().slice(0, 30)} » et « ${boxes[j]!.node.data.trim().slice(0, 30)} » se chevauchent`,
          );
      }
    }
    return [...problems, ...overlapping];
  });
}

for (const [name, page] of templates) {
  test(`réagencement et espacement du texte : ${name} (${urlOf(page)})`, async ({ page: tab }) => {
    const problems: string[] = [];
    // 320 CSS px is a 1280 px screen at 400 %; 640 px at a device scale of 2 is 200 % zoom.
    await tab.setViewportSize({ width: 320, height: 640 });
    await tab.goto(urlOf(page));
    for (const p of await layoutProblems(tab)) problems.push(`320 px : ${p}`);
    await tab.setViewportSize({ width: 640, height: 400 });
    for (const p of await layoutProblems(tab)) problems.push(`zoom 200 % : ${p}`);
    await addStyleSheet(tab, TEXT_SPACING);
    for (const width of [320, 1280]) {
      await tab.setViewportSize({ width, height: 800 });
      for (const p of await layoutProblems(tab)) problems.push(`espacement du texte, ${width} px : ${p}`);
    }
    await addStyleSheet(tab, 'html { font-size: 200% !important; }');
    for (const p of await layoutProblems(tab)) problems.push(`texte à 200 %, 1280 px : ${p}`);
    expect(problems).toEqual([]);
  });
}

test('the layout check does catch sideways scrolling, cut text and overlapping text', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.setContent(`<!doctype html><html lang="fr"><body>
    <p style="width: 500px">trop large</p>
    <p style="height: 1em; overflow: hidden">une ligne<br>puis une autre coupée</p>
    <p style="position: relative">dessous<span style="position: absolute; left: 0; top: 0">dessus</span></p>
  </body></html>`);
  const problems = (await layoutProblems(page)).join('\n');
  expect(problems).toMatch(/défile horizontalement/);
  expect(problems).toMatch(/texte coupé/);
  expect(problems).toMatch(/se chevauchent/);
});

test('the reader chooses the dark theme: it applies, is kept on the next page, before the first paint', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  // Records the theme at the moment <body> starts, before any paint.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body) {
        (window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? 'système';
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(urlOf(templates.get('action')!));
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await background()).toBe('rgb(255, 255, 255)');
  const settings = page.getByRole('group', { name: "Thème d'affichage" });
  await expect(settings).toBeVisible();
  await settings.getByRole('radio', { name: 'Sombre' }).check();
  expect(await background()).toBe('rgb(22, 22, 22)');
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Recherche' }).click();
  await expect(page).toHaveURL(`${BASE}recherche/`);
  expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
  expect(await background()).toBe('rgb(22, 22, 22)');
  await expect(page.getByRole('radio', { name: 'Sombre' })).toBeChecked();
  // Back to the system's setting: the dark system theme now applies, the light one after it.
  await page.getByRole('radio', { name: 'Celui du système' }).check();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(22, 22, 22)');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.getByRole('radio', { name: 'Clair' }).check();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  expect(await background()).toBe('rgb(255, 255, 255)');
});

test('Windows high contrast: statuses keep a border and their words, focus stays visible', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${BASE}inserm-fiphfp-2023-2026/axe-1/`);
  const badge = page.locator('.statut--non-realise').first();
  await expect(badge).toContainText('Non réalisé');
  expect(await badge.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');
});

test('reduced motion: no animation or transition runs', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(urlOf(templates.get('accueil')!));
  const moving = await page.evaluate(
    () =>
      [...document.querySelectorAll('*')].filter((el) => {
        const s = getComputedStyle(el);
        return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0 || s.scrollBehavior === 'smooth';
      }).length,
  );
  expect(moving).toBe(0);
});

test('print: no navigation chrome, link addresses shown, statuses in words, rows kept whole', async ({ page }) => {
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await page.goto(urlOf(templates.get('axe')!));
  for (const chrome of ['.liens-evitement', '#menu', '.fil-ariane', 'footer', '.entete .recherche']) {
    await expect(page.locator(chrome).first(), chrome).toBeHidden();
  }
  const link = page.locator('main a[href^="/"]').first();
  const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain(await link.getAttribute('href'));
  expect(
    await page
      .locator('tr')
      .first()
      .evaluate((tr) => getComputedStyle(tr).breakInside),
  ).toBe('avoid');
  // Black on white whatever the screen theme.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(255, 255, 255)');
  const pdf = await page.pdf();
  expect(pdf.byteLength).toBeGreaterThan(1000);
});

test('the print version of a document holds every action with its status in words', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${BASE}inserm-fiphfp-2023-2026/imprimer/`);
  await expect(page.locator('.impression__action')).toHaveCount(72);
  await expect(page.locator('.impression__action').filter({ hasText: 'Action n°12 :' })).toContainText(/Statut :\s*○\s*Non réalisé \(NR\)/);
});
