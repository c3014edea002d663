/**
 * axe-core (WCAG 2.1 A and AA, no rule ignored, zero violations allowed) on every page of the
 * build, read from dist/, not from a hand-kept list. One page load per page:
 * - every page: axe in the light theme at 1280 CSS pixels, then the same page at 320 px must not
 *   scroll sideways (RGAA 10.11);
 * - one page per template (tests/site.ts): axe in the four renderings, light and dark × 1280 and
 *   320 px. The pages of one template share their markup and styles, so a defect of a rendering
 *   shows on the template's page; the reader's own choice of theme uses the same colours
 *   (unit-tested in tests/unit/contrast.test.ts).
 * The same visit checks that no request leaves the host and that every stylesheet, script and
 * image loads.
 */
import { expect, type Request, type Response } from '@playwright/test';
import { builtPages, templatePages, urlOf } from '../site.ts';
import { axeViolations, test } from './axe.ts';

const pages = builtPages();
const templates = new Set(templatePages(pages).values());
const EVERY_PAGE = [{ colorScheme: 'light', width: 1280 }] as const;
const TEMPLATE_PAGE = [
  { colorScheme: 'light', width: 1280 },
  { colorScheme: 'dark', width: 1280 },
  { colorScheme: 'dark', width: 320 },
  { colorScheme: 'light', width: 320 },
] as const;

test('the build has pages to check, and a page per template among them', () => {
  expect(pages.length).toBeGreaterThan(80);
  for (const page of templates) expect(pages).toContain(page);
});

for (const page of pages) {
  const template = templates.has(page);
  test(`axe${template ? ' (clair et sombre, 1280 et 320 px)' : ''} : ${urlOf(page)}`, async ({ reusedPage: tab }) => {
    const foreign: string[] = [];
    const missing: string[] = [];
    const watch = (r: Request) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && !['127.0.0.1', 'localhost'].includes(url.hostname)) foreign.push(r.url());
    };
    const check = (r: Response) => {
      if (r.status() >= 400 && r.request().resourceType() !== 'document') missing.push(`${r.status()} ${r.url()}`);
    };
    tab.on('request', watch);
    tab.on('response', check);
    try {
      // The page is reused from test to test: start each one from the same rendering.
      await tab.emulateMedia({ colorScheme: 'light' });
      await tab.setViewportSize({ width: 1280, height: 800 });
      const response = await tab.goto(urlOf(page));
      // 404.html is served with its own status; every other page must answer 200.
      if (page !== '404.html') expect(response?.status(), 'la page répond').toBe(200);
      // The theme follows the system setting (emulated), the width the viewport.
      const violations: string[] = [];
      for (const { colorScheme, width } of template ? TEMPLATE_PAGE : EVERY_PAGE) {
        await tab.emulateMedia({ colorScheme });
        await tab.setViewportSize({ width, height: 800 });
        for (const v of await axeViolations(tab)) violations.push(`${colorScheme} ${width}px : ${v}`);
      }
      // Every page, whatever was checked above, ends at 320 px: no sideways scrolling.
      await tab.setViewportSize({ width: 320, height: 800 });
      const scrollWidth = await tab.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > 320) violations.push(`320px : la page défile horizontalement (${scrollWidth} px de large)`);
      expect(violations, 'violations axe et réagencement').toEqual([]);
      expect(foreign, "requêtes hors de l'hôte").toEqual([]);
      expect(missing, 'ressources introuvables (feuille de style, script, image)').toEqual([]);
    } finally {
      tab.off('request', watch);
      tab.off('response', check);
    }
  });
}

test('the checks fail on a page with a violation or sideways scrolling', async ({ reusedPage: tab }) => {
  await tab.setViewportSize({ width: 320, height: 800 });
  await tab.setContent(`<!doctype html><html lang="fr"><head><title>Essai</title></head><body><main>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <p style="color: #bbb; background: #fff">texte peu contrasté</p>
    <p style="width: 500px">trop large</p>
  </main></body></html>`);
  const violations = (await axeViolations(tab)).join('\n');
  expect(violations).toMatch(/^image-alt /m);
  expect(violations).toMatch(/^color-contrast /m);
  expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeGreaterThan(320);
});
