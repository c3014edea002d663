/**
 * The search page's behaviour. Pagefind's code and index are fetched only when a reader actually
 * searches (a query in the URL or a submitted form), from this site, never from elsewhere.
 * Each settled search says its count once, through a role="status" region (RGAA 7.5, WCAG 4.1.3),
 * and every choice of « Affiner les résultats » says how many of the query's results it gives
 * (issue 23).
 */
import { siteBase } from '../lib/url.ts';
import {
  SEARCH_FILTERS,
  allLabel,
  choiceLabel,
  othersThan,
  resultAbout,
  searchOutcome,
  type Chosen,
  type FilterCounts,
} from '../lib/search-filters.ts';

interface PagefindResult {
  data: () => Promise<{
    url: string;
    excerpt: string;
    meta: Record<string, string | undefined>;
    /** The record's filter values (src/layouts/Base.astro, `searchFilters`): its type first among them. */
    filters: Record<string, string[] | undefined>;
  }>;
}
interface PagefindSearch {
  results: PagefindResult[];
  /** For each filter value, the results left if it were chosen too (once `filters()` has loaded them). */
  filters: FilterCounts;
}
interface Pagefind {
  options: (o: { baseUrl?: string; ranking?: Record<string, number> }) => Promise<void>;
  search: (q: string, o?: { filters?: Chosen }) => Promise<PagefindSearch>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${siteBase}pagefind/pagefind.js`)) as Pagefind;
    // The site mixes very short pages (a glossary term, an action) with long ones (a procedure and
    // its steps, a part of a circular). With Pagefind's default (termFrequency 1), a short page
    // that uses a word once outranks the long page about it: "aménagement de poste" put the
    // procedure of that name fifth. Halving the weight of term frequency lets the weighted count
    // (titles weigh 10, data-pagefind-weight on every h1) bring such pages to the top; the
    // expectations are in tests/browser/fixture/search.spec.ts.
    await module.options({ baseUrl: siteBase, ranking: { termFrequency: 0.5 } });
    return module;
  })();
  return pagefind;
}

/** What one filter's choices give for the query: « Tous » and each value. */
interface FilterTally {
  all: number;
  values: Record<string, number>;
}

/**
 * Each filter's counts for the query. A filter left on « Tous » reads Pagefind's counts of the search
 * itself; a filter with a value chosen is counted on the search without it (`othersThan`), one more
 * search each, which Pagefind answers from the chunks already loaded.
 */
async function tally(engine: Pagefind, query: string, chosen: Chosen, search: PagefindSearch): Promise<Record<string, FilterTally>> {
  const tallies: Record<string, FilterTally> = {};
  for (const { key } of SEARCH_FILTERS) {
    const without = chosen[key] ? await engine.search(query, { filters: othersThan(chosen, key) }) : search;
    tallies[key] = { all: without.results.length, values: without.filters[key] ?? {} };
  }
  return tallies;
}

/**
 * Writes the counts into the filters' choices. A value that gives no result stays listed, with
 * « (0) », and cannot be chosen (a disabled option is still read out, as unavailable), unless it is
 * the reader's current choice.
 */
function showCounts(selects: HTMLSelectElement[], tallies: Record<string, FilterTally>) {
  for (const select of selects) {
    const counts = tallies[select.name];
    if (!counts) continue;
    for (const option of select.options) {
      if (option.value === '') {
        option.text = allLabel(counts.all);
        continue;
      }
      const n = counts.values[option.value] ?? 0;
      option.text = choiceLabel(option.value, n);
      option.disabled = n === 0 && option.value !== select.value;
    }
  }
}

/** One result: its title linked, what it is and where it sits, then its excerpt. */
function resultItem(result: Awaited<ReturnType<PagefindResult['data']>>): HTMLLIElement {
  const item = document.createElement('li');
  const title = document.createElement('a');
  title.href = result.url;
  title.textContent = result.meta.title ?? result.url;
  const heading = document.createElement('h2');
  heading.append(title);
  item.append(heading);
  // Said apart from the excerpt, which holds only the document's own text (see the
  // data-pagefind-ignore marks in the page components).
  const about = resultAbout(result);
  if (about) {
    const line = document.createElement('p');
    line.className = 'resultats__document';
    // The type opens the line, set apart so that the eye finds it where a screen reader hears it first.
    const type = result.filters.type?.[0];
    if (type) {
      const label = document.createElement('span');
      label.className = 'resultats__type';
      label.textContent = type;
      line.append(label, about.slice(type.length));
    } else line.textContent = about;
    item.append(line);
  }
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is text from our own pages with <mark> around the matched words.
  excerpt.innerHTML = result.excerpt;
  item.append(excerpt);
  return item;
}

export function startSearch() {
  const form = document.getElementById('recherche-page-formulaire') as HTMLFormElement | null;
  const input = document.querySelector<HTMLInputElement>('#recherche-page-champ');
  const status = document.getElementById('recherche-etat');
  const list = document.getElementById('recherche-resultats') as HTMLOListElement | null;
  const fieldset = document.getElementById('recherche-filtres') as HTMLFieldSetElement | null;
  if (!form || !input || !status || !list) return;
  const selects = SEARCH_FILTERS.map((f) => document.getElementById(`recherche-filtre-${f.key}`)).filter(
    (s): s is HTMLSelectElement => s instanceof HTMLSelectElement,
  );
  const params = new URLSearchParams(location.search);
  const chosen = (): Chosen => Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.name, s.value]));

  // The filters' values come from the index: listed once a search has loaded it (which also loads
  // the filter chunks, without which Pagefind's searches carry no counts).
  let filtersShown: Promise<void> | undefined;
  const showFilters = () =>
    (filtersShown ??= (async () => {
      status.textContent = 'Recherche en cours…';
      const available = await (await loadPagefind()).filters();
      for (const select of selects) {
        const values = Object.keys(available[select.name] ?? {}).sort((a, b) => a.localeCompare(b, 'fr'));
        for (const value of values) select.add(new Option(value, value));
        const wanted = params.get(select.name);
        if (wanted && values.includes(wanted)) select.value = wanted;
        // A filter with a single value narrows nothing (no document replaced yet: every one is
        // "Non remplacé"): it is not shown, nor reached by keyboard.
        if (values.length < 2 && !select.value && select.parentElement) select.parentElement.hidden = true;
      }
    })());

  // A search that settles after a newer one was started writes nothing: the status speaks once,
  // for the query the reader has now (two filters changed in a row, a query typed again).
  let latest = 0;
  const search = async () => {
    const turn = ++latest;
    const query = input.value;
    try {
      await showFilters();
      const filters = chosen();
      const url = new URL(location.href);
      url.search = '';
      url.searchParams.set('q', query);
      for (const [name, value] of Object.entries(filters)) if (value) url.searchParams.set(name, value);
      history.replaceState(null, '', url);
      if (!query.trim()) {
        if (turn !== latest) return;
        list.replaceChildren();
        status.textContent = 'Saisissez un ou plusieurs mots, puis lancez la recherche.';
        return;
      }
      const engine = await loadPagefind();
      const found = await engine.search(query, { filters });
      const [results, tallies] = await Promise.all([Promise.all(found.results.map((r) => r.data())), tally(engine, query, filters, found)]);
      if (turn !== latest) return;
      list.replaceChildren(...results.map(resultItem));
      showCounts(selects, tallies);
      if (fieldset) fieldset.hidden = false;
      status.textContent = searchOutcome(query, results.length, filters);
    } catch (error) {
      console.error(error);
      if (turn !== latest) return;
      list.replaceChildren();
      status.textContent = 'La recherche n’a pas pu être chargée. Parcourez les documents depuis le menu principal.';
    }
  };

  input.value = params.get('q') ?? '';
  if (input.value) void search();
  form.addEventListener('submit', (event: SubmitEvent) => {
    event.preventDefault();
    void search();
  });
  for (const select of selects) select.addEventListener('change', () => void (input.value.trim() && search()));
}
