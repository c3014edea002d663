/**
 * What a search shows of its counts, read from the search page, and the check that they are the
 * query's (issue 23): each filter's « Tous (N) » is the number of results, a single-valued filter's
 * choices add up to at most that number (exactly, for the type every record carries), each type's
 * count is the number of results of that type, a choice without results cannot be chosen, and every
 * result says its type. Used on the fixture site (tests/browser/fixture/search.spec.ts) and on the
 * site built from content/ (tests/browser/site/search.spec.ts), with a word of its own catalogue.
 */
import type { Page } from '@playwright/test';
import { SEARCH_FILTERS } from '../../src/lib/search-filters.ts';
import { countOf, noun } from '../../src/lib/french.ts';
import { BASE } from '../site.ts';
import { expect } from './fixtures.ts';

/** A filter as the page shows it after a search: its « Tous » count and each choice's. */
export interface FilterSeen {
  key: string;
  /** The number in « Tous (N) ». */
  all: number;
  choices: { value: string; count: number; disabled: boolean }[];
  /** Hidden: the index has a single value for it. */
  hidden: boolean;
}
export interface SearchSeen {
  /** The count the status region says. */
  said: number;
  /** Each result's line about it (« Glossaire », « Action ou engagement — Plan… — Axe 1 — … »). */
  results: { href: string; about: string }[];
  filters: FilterSeen[];
}

/** A first search fetches Pagefind's code and index: a wait, not a speed requirement. */
const SEARCHED = { timeout: 30_000 };

/** Searches `word` with no filter chosen and reads the status, the results and the filters' choices. */
export async function searchSeen(page: Page, word: string): Promise<SearchSeen> {
  await page.goto(`${BASE}recherche/?q=${encodeURIComponent(word)}`);
  const status = page.getByRole('status');
  await expect(status).toHaveText(/^(\d+ résultats?|Aucun résultat) pour/, SEARCHED);
  const said = Number((await status.textContent())!.match(/^\d+/)?.[0] ?? 0);
  const results = await page.locator('#recherche-resultats > li').evaluateAll((items) =>
    items.map((li) => ({
      href: li.querySelector('h2 a')!.getAttribute('href')!,
      about: li.querySelector('.resultats__document')?.textContent ?? '',
    })),
  );
  const filters = await page.locator('#recherche-filtres select').evaluateAll((selects) =>
    (selects as HTMLSelectElement[]).map((select) => {
      const number = (text: string) => Number(/\((\d+)\)$/.exec(text)?.[1] ?? NaN);
      const [all, ...choices] = [...select.options];
      return {
        key: select.name,
        all: number(all!.text),
        choices: choices.map((o) => ({ value: o.value, count: number(o.text), disabled: o.disabled })),
        hidden: select.closest('[hidden]') !== null,
      };
    }),
  );
  return { said, results, filters };
}

const resultsWord = (n: number) => countOf(n, noun('résultat'));

/** The type a result's line starts with. */
const typeOf = (about: string) => about.split(' — ')[0]!;

/** What is wrong with the counts of a search, in words; empty when they are the query's. */
export function countProblems(seen: SearchSeen): string[] {
  const problems: string[] = [];
  const { said, filters } = seen;
  const listed = seen.results;
  if (listed.length !== said) problems.push(`${resultsWord(said)} annoncés, ${listed.length} listés`);
  const types = filters.find((f) => f.key === 'type');
  if (!types) return [...problems, 'aucun filtre de type'];
  for (const filter of filters) {
    if (filter.hidden) continue;
    const several = SEARCH_FILTERS.find((f) => f.key === filter.key && 'several' in f);
    if (filter.all !== said) problems.push(`${filter.key} : « Tous (${filter.all}) » pour ${resultsWord(said)}`);
    const sum = filter.choices.reduce((n, c) => n + c.count, 0);
    if (!several && sum > said) problems.push(`${filter.key} : ${sum} en tout pour ${resultsWord(said)}`);
    for (const c of filter.choices) {
      if (!(c.count >= 0 && c.count <= said)) problems.push(`${filter.key} : « ${c.value} (${c.count}) » pour ${resultsWord(said)}`);
      if (c.disabled !== (c.count === 0))
        problems.push(`${filter.key} : « ${c.value} (${c.count}) » ${c.disabled ? 'désactivé' : 'activé'}`);
    }
  }
  // Every record carries exactly one type: the type's counts are the results, shared out.
  const typeSum = types.choices.reduce((n, c) => n + c.count, 0);
  if (typeSum !== said) problems.push(`type : ${typeSum} en tout pour ${resultsWord(said)}`);
  for (const c of types.choices) {
    const ofType = listed.filter((r) => typeOf(r.about) === c.value).length;
    if (ofType !== c.count) problems.push(`type « ${c.value} » : ${c.count} annoncés, ${ofType} listés`);
  }
  const values = new Set(types.choices.map((c) => c.value));
  for (const r of listed) if (!values.has(typeOf(r.about))) problems.push(`${r.href} sans type : « ${r.about} »`);
  return problems;
}
