/**
 * axe-core (WCAG 2.1 A and AA, no rule ignored, zero violations allowed) on built pages, one page
 * load per page, in one or more renderings (theme × width): axe runs in each rendering that asks
 * for it, and in the light theme at 320 px the page must not scroll sideways (RGAA 10.11). The
 * same visit checks that no request leaves the host, that every stylesheet, script and image
 * loads, and that the page breaks nothing of the strict Content-Security-Policy it is served with
 * (nginx with the guide's configuration, scripts/tooling/nginx-preview.ts).
 *
 * Used by the site-wide pass over every page of dist/ (tests/browser/site/accessibility.spec.ts)
 * and by the themes × widths matrix on one page per template of the fixture site
 * (tests/browser/fixture/themes.spec.ts).
 */
import type { Request, Response } from '@playwright/test';
import { BASE, urlOf } from '../site.ts';
import { axeViolations } from './axe.ts';
import { watchCsp } from './csp.ts';
import { expect, test } from './fixtures.ts';

/** A rendering of a page: theme and width; axe runs in it, or (light, 320 px) it must not scroll sideways. */
export interface Rendering {
  colorScheme: 'light' | 'dark';
  width: number;
  axe: boolean;
}
const HEIGHT = 800;

/**
 * One test per page, named `${title} : ${address}`, checking it in `renderings`. The reused page
 * of a worker keeps its width from test to test: each test leaves it in the light theme, at 1280
 * or 320 px, and the next one starts at that width, so that one page costs one resize (a resize
 * before loading would lay out the previous page again for nothing).
 */
export function checkPages(pages: string[], title: string, renderings: Rendering[]): void {
  let colorScheme: Rendering['colorScheme'] = 'light';
  for (const page of pages) {
    test(`${title} : ${urlOf(page)}`, async ({ reusedPage: tab }) => {
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
      const csp = await watchCsp(tab);
      try {
        // From the width the page is at: 1280 px first, or 320 px first (the list read backwards).
        const ordered = tab.viewportSize()?.width === 320 ? [...renderings].reverse() : renderings;
        const set = async (r: Rendering) => {
          if (colorScheme !== r.colorScheme) await tab.emulateMedia({ colorScheme: r.colorScheme });
          colorScheme = r.colorScheme;
          const size = tab.viewportSize();
          if (size?.width !== r.width || size.height !== HEIGHT) await tab.setViewportSize({ width: r.width, height: HEIGHT });
        };
        await set(ordered[0]!);
        const response = await tab.goto(urlOf(page));
        // 404.html is served with its own status; every other page must answer 200.
        if (page !== '404.html') expect(response?.status(), 'la page répond').toBe(200);
        // The theme follows the system setting (emulated), the width the viewport.
        const violations: string[] = [];
        for (const r of ordered) {
          await set(r);
          if (r.axe) for (const v of await axeViolations(tab)) violations.push(`${r.colorScheme} ${r.width}px : ${v}`);
          if (r.colorScheme === 'light' && r.width === 320) {
            const scrollWidth = await tab.evaluate(() => document.documentElement.scrollWidth);
            if (scrollWidth > 320) violations.push(`320px : la page défile horizontalement (${scrollWidth} px de large)`);
          }
        }
        expect(violations, 'violations axe et réagencement').toEqual([]);
        expect(foreign, "requêtes hors de l'hôte").toEqual([]);
        expect(missing, 'ressources introuvables (feuille de style, script, image)').toEqual([]);
        expect(csp.violations, 'violations de la politique de sécurité du contenu (CSP)').toEqual([]);
      } finally {
        csp.stop();
        tab.off('request', watch);
        tab.off('response', check);
        // A test that failed half-way leaves the theme as the next one expects it.
        if (colorScheme !== 'light') await tab.emulateMedia({ colorScheme: 'light' });
        colorScheme = 'light';
      }
    });
  }
}

/** The self-test: the checks fail on a page with a violation or sideways scrolling. */
export function checkPagesSelfTest(): void {
  test('the checks fail on a page with a violation or sideways scrolling', async ({ reusedPage: tab }) => {
    // A page of the site's origin (axe loads from there) but none of its policy: its inline styles apply.
    const url = `${BASE}__essais__/controle-axe.html`;
    await tab.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="fr"><head><title>Essai</title></head><body><main>
          <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
          <p style="color: #bbb; background: #fff">texte peu contrasté</p>
          <p style="width: 500px">trop large</p>
        </main></body></html>`,
      }),
    );
    try {
      await tab.setViewportSize({ width: 320, height: 800 });
      await tab.goto(url);
      const violations = (await axeViolations(tab)).join('\n');
      expect(violations).toMatch(/^image-alt /m);
      expect(violations).toMatch(/^color-contrast /m);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeGreaterThan(320);
    } finally {
      await tab.unroute(url);
    }
  });
}
