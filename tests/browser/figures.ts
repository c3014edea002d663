/**
 * Figures said once (issue 23, point 1). A figure is what a page marks `data-chiffre="<list
 * id>:<what>"` (a total, a count per status, a share, a number of parts, a completion;
 * ConventionPage says where each is said): the same key twice on a page is the same figure said
 * twice. Numbers are not compared by value, since two different figures may be equal by chance
 * and dates and numbering are not figures. The chart is left out: hidden from assistive
 * technologies, it is its table, drawn. Used by tests/browser/fixture/document-page.spec.ts (with
 * its self-test) and the fidelity specs of tests/browser/site/.
 */
import type { Page } from '@playwright/test';

/** The figures said more than once on the page (keys of `data-chiffre` outside hidden parts), and numbers left unmarked. */
export async function repeatedFigures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll<HTMLElement>('main [data-chiffre]')) {
      if (el.closest('[aria-hidden="true"]')) continue;
      const key = el.dataset.chiffre!;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    for (const [key, n] of seen) if (n > 1) problems.push(`${key} dit ${n} fois`);
    // Every number in a part's figures and in the table cells is a marked figure (no figure said without its key).
    for (const el of document.querySelectorAll<HTMLElement>('main .parties__chiffres, main .progression td')) {
      const clone = el.cloneNode(true) as HTMLElement;
      for (const marked of clone.querySelectorAll('[data-chiffre]')) marked.remove();
      const unmarked = el.matches('[data-chiffre]') ? '' : clone.textContent;
      if (/\d/.test(unmarked) && !el.matches('tfoot td')) problems.push(`nombre non marqué : « ${unmarked.trim()} »`);
    }
    return problems;
  });
}

/** Headings in order: one h1, then no level skipped on the way down. */
export async function headingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const levels = [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map((h) => Number(h.tagName[1]));
    const problems = levels.filter((l) => l === 1).length === 1 ? [] : ['pas exactement un h1'];
    levels.forEach((l, i) => {
      if (i > 0 && l > levels[i - 1]! + 1) problems.push(`h${l} après h${levels[i - 1]}`);
    });
    return problems;
  });
}
