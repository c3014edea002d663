/**
 * axe-core (WCAG 2.1 A and AA rules) on every page of the build, zero violations allowed, no rule
 * ignored. axe is injected straight into the page (much faster than @axe-core/playwright on
 * hundreds of pages). The same visit checks that no request leaves the host.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect } from '@playwright/test';
import { builtPages, urlOf } from '../site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }

const pages = builtPages();
test('the build has pages to check', () => expect(pages.length).toBeGreaterThan(80));

for (const page of pages) {
  test(`axe : ${urlOf(page)}`, async ({ page: tab }) => {
    const foreign: string[] = [];
    tab.on('request', (r) => {
      const host = new URL(r.url()).hostname;
      if (!['127.0.0.1', 'localhost'].includes(host) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    const response = await tab.goto(urlOf(page));
    expect(response?.status(), 'la page répond').toBeLessThan(page === '404.html' ? 500 : 400);
    await tab.evaluate(axeSource);
    const violations = await tab.evaluate(async (tags) => {
      // @ts-expect-error axe is injected above
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations as Violation[];
    }, TAGS);
    const summary = violations.map((v) => `${v.id} (${v.help}) : ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    expect(summary, 'violations axe').toEqual([]);
    expect(foreign, 'requêtes hors de l\'hôte').toEqual([]);
  });
}
