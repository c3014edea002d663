/**
 * The browser tests' `test`: Playwright's, with
 * - `page` checked for Content-Security-Policy violations (tests/browser/csp.ts): a test whose page
 *   had any fails, whatever it checked itself;
 * - `reusedPage`, one browser page per worker, for the accessibility pass over every page (a new
 *   browser context per page costs more than the check itself); that pass checks CSP page by page.
 */
import { expect, test as base, type Page } from '@playwright/test';
import { watchCsp } from './csp.ts';

export { expect };

export const test = base.extend<object, { reusedPage: Page }>({
  page: async ({ page }, use) => {
    const csp = await watchCsp(page);
    await use(page);
    expect(csp.stop(), 'violations de la politique de sécurité du contenu (CSP)').toEqual([]);
  },
  reusedPage: [
    // The address of the site the project visits (playwright.config.ts): a worker runs one project's tests.
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      const page = await context.newPage();
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
});
