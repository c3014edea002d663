/**
 * axe-core (WCAG 2.1 A and AA, no rule ignored, zero violations allowed) on every page of the site
 * built from content/, read from dist/, not from a hand-kept list: each page in the light theme at
 * 1280 CSS pixels, and at 320 px it must not scroll sideways (RGAA 10.11); the same visit checks
 * requests, resources and the Content-Security-Policy (tests/browser/page-checks.ts). Nothing here
 * names the content: the pass holds on the demo, on a starter site, on a publisher's own.
 *
 * The other themes and widths are the per-template matrix, on the fixture site
 * (tests/browser/fixture/themes.spec.ts); the contrast of every colour pair of both themes is
 * computed from the tokens (tests/unit/contrast.test.ts).
 */
import { builtPages } from '../../site.ts';
import { expect, test } from '../fixtures.ts';
import { checkPages, checkPagesSelfTest } from '../page-checks.ts';
import { SITE } from '../served.ts';

const pages = builtPages(SITE.dist);

test('the build has pages to check: the home page and the 404 page among them', () => {
  expect(pages).toContain('index.html');
  expect(pages).toContain('404.html');
});

checkPages(pages, 'axe', [
  { colorScheme: 'light', width: 1280, axe: true },
  { colorScheme: 'light', width: 320, axe: false },
]);

checkPagesSelfTest();
