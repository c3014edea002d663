/**
 * axe-core (WCAG 2.1 A and AA) on every page of the build, in the light and the dark theme, at
 * 1280 and 320 CSS pixels wide: zero violations allowed, no rule ignored. The pages come from
 * dist/, not from a hand-kept list. The same visit checks that at 320 px the page does not scroll
 * sideways (RGAA 10.11), that no request leaves the host and that every stylesheet, script and
 * image loads.
 */
import { expect, type Request, type Response } from '@playwright/test';
import { builtPages, urlOf } from '../site.ts';
import { axeViolations, test } from './axe.ts';

const pages = builtPages();
const RENDERINGS = [
  { colorScheme: 'light', width: 1280 },
  { colorScheme: 'dark', width: 1280 },
  { colorScheme: 'dark', width: 320 },
  { colorScheme: 'light', width: 320 },
] as const;
test('the build has pages to check', () => expect(pages.length).toBeGreaterThan(80));

for (const page of pages) {
  test(`axe : ${urlOf(page)}`, async ({ reusedPage: tab }) => {
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
      const response = await tab.goto(urlOf(page));
      // 404.html is served with its own status; every other page must answer 200.
      if (page !== '404.html') expect(response?.status(), 'la page répond').toBe(200);
      // One page load, four renderings: the theme follows the system setting (emulated), the
      // width the viewport. The reader's own choice of theme uses the same colours (unit-tested).
      const violations: string[] = [];
      for (const { colorScheme, width } of RENDERINGS) {
        await tab.emulateMedia({ colorScheme });
        await tab.setViewportSize({ width, height: 800 });
        for (const v of await axeViolations(tab)) violations.push(`${colorScheme} ${width}px : ${v}`);
        if (width === 320) {
          const scrollWidth = await tab.evaluate(() => document.documentElement.scrollWidth);
          if (scrollWidth > 320) violations.push(`${colorScheme} 320px : la page défile horizontalement (${scrollWidth} px de large)`);
        }
      }
      expect(violations, 'violations axe et réagencement').toEqual([]);
      expect(foreign, "requêtes hors de l'hôte").toEqual([]);
      expect(missing, 'ressources introuvables (feuille de style, script, image)').toEqual([]);
    } finally {
      tab.off('request', watch);
      tab.off('response', check);
    }
  });
}
