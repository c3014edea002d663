/**
 * The search page's behaviour. Pagefind's code and index are fetched only when a reader actually
 * searches (a query in the URL or a submitted form), from this site, never from elsewhere.
 * The result count is announced through a role="status" region (RGAA 7.5).
 */
import { siteBase } from '../lib/url.ts';
import { SEARCH_FILTERS } from '../lib/search-filters.ts';

interface PagefindResult {
  data: () => Promise<{
    url: string;
    excerpt: string;
    meta: Record<string, string | undefined>;
    /** The record's filter values (src/layouts/Base.astro, `searchFilters`): its type first among them. */
    filters: Record<string, string[] | undefined>;
  }>;
}
type Filters = Record<string, string>;
interface Pagefind {
  options: (o: { baseUrl?: string; ranking?: Record<string, number> }) => Promise<void>;
  search: (q: string, o?: { filters?: Filters }) => Promise<{ results: PagefindResult[] }>;
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

/** ", filtrés par Type d'élément : Glossaire" — said with the count, so the filters are heard too. */
function describe(filters: Filters): string {
  const parts = SEARCH_FILTERS.filter((f) => filters[f.key]).map((f) => `${f.label} : ${filters[f.key]}`);
  return parts.length ? `, filtrés par ${parts.join(', ')}` : '';
}

const plural = (n: number) => (n === 1 ? '1 résultat' : `${n} résultats`);

async function run(query: string, status: HTMLElement, list: HTMLOListElement, filters: Filters = {}) {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = 'Saisissez un ou plusieurs mots, puis lancez la recherche.';
    return;
  }
  status.textContent = 'Recherche en cours…';
  try {
    const search = await (await loadPagefind()).search(query, { filters });
    const results = await Promise.all(search.results.map((r) => r.data()));
    for (const result of results) {
      const item = document.createElement('li');
      const title = document.createElement('a');
      title.href = result.url;
      title.textContent = result.meta.title ?? result.url;
      const heading = document.createElement('h2');
      heading.append(title);
      item.append(heading);
      // What the item is (its type, the filter every record carries: issue 23), where it sits and
      // its labels, said apart from the excerpt (which holds only the document's own text, see the
      // data-pagefind-ignore marks in the page components).
      const about = [
        result.filters.type?.[0],
        result.meta.document,
        result.meta.statut && `Statut : ${result.meta.statut}`,
        result.meta.responsables && `Responsables : ${result.meta.responsables}`,
      ].filter(Boolean);
      if (about.length > 0) {
        const doc = document.createElement('p');
        doc.className = 'resultats__document';
        doc.textContent = about.join(' — ');
        item.append(doc);
      }
      const excerpt = document.createElement('p');
      // Pagefind's excerpt is text from our own pages with <mark> around the matched words.
      excerpt.innerHTML = result.excerpt;
      item.append(excerpt);
      list.append(item);
    }
    status.textContent =
      results.length === 0
        ? `Aucun résultat pour « ${query} »${describe(filters)}. Essayez un autre mot, ou parcourez les documents depuis le menu ou le plan du site.`
        : `${plural(results.length)} pour « ${query} »${describe(filters)}.`;
  } catch (error) {
    console.error(error);
    status.textContent = "La recherche n'a pas pu être chargée. Parcourez les documents depuis le menu principal.";
  }
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
  const chosen = (): Filters => Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.name, s.value]));

  // The filters' values and counts come from the index: shown once a search has loaded it.
  let filtersShown: Promise<void> | undefined;
  const showFilters = () =>
    (filtersShown ??= (async () => {
      const available = await (await loadPagefind()).filters();
      for (const select of selects) {
        const values = Object.entries(available[select.name] ?? {}).sort(([a], [b]) => a.localeCompare(b, 'fr'));
        for (const [value, n] of values) select.add(new Option(`${value} (${n})`, value));
        const wanted = params.get(select.name);
        if (wanted && values.some(([v]) => v === wanted)) select.value = wanted;
        // A filter with a single value narrows nothing (no document replaced yet: every one is
        // "Non remplacé"): it is not shown, nor reached by keyboard.
        if (values.length < 2 && !select.value && select.parentElement) select.parentElement.hidden = true;
      }
      if (fieldset) fieldset.hidden = false;
    })());

  const search = async () => {
    try {
      await showFilters();
    } catch {
      // run() below says that search could not load
    }
    const filters = chosen();
    const url = new URL(location.href);
    url.search = '';
    url.searchParams.set('q', input.value);
    for (const [name, value] of Object.entries(filters)) url.searchParams.set(name, value);
    history.replaceState(null, '', url);
    await run(input.value, status, list, filters);
  };

  input.value = params.get('q') ?? '';
  if (input.value) void search();
  form.addEventListener('submit', (event: SubmitEvent) => {
    event.preventDefault();
    void search();
  });
  for (const select of selects) select.addEventListener('change', () => void (input.value.trim() && search()));
}
