/**
 * The search page's behaviour. Pagefind's code and index are fetched only when a reader actually
 * searches (a query in the URL or a submitted form), from this site, never from elsewhere.
 * The result count is announced through a role="status" region (RGAA 7.5).
 */

interface PagefindResult {
  data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined> }>;
}
interface Pagefind {
  options: (o: { baseUrl?: string }) => Promise<void>;
  search: (q: string) => Promise<{ results: PagefindResult[] }>;
}

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await module.options({ baseUrl: base });
    return module;
  })();
  return pagefind;
}

const plural = (n: number) => (n === 1 ? '1 résultat' : `${n} résultats`);

async function run(query: string, status: HTMLElement, list: HTMLOListElement) {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = 'Saisissez un ou plusieurs mots, puis lancez la recherche.';
    return;
  }
  status.textContent = 'Recherche en cours…';
  try {
    const search = await (await loadPagefind()).search(query);
    const results = await Promise.all(search.results.map((r) => r.data()));
    for (const result of results) {
      const item = document.createElement('li');
      const title = document.createElement('a');
      title.href = result.url;
      title.textContent = result.meta.title ?? result.url;
      const heading = document.createElement('h2');
      heading.append(title);
      item.append(heading);
      if (result.meta.document) {
        const doc = document.createElement('p');
        doc.className = 'resultats__document';
        doc.textContent = result.meta.document;
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
        ? `Aucun résultat pour « ${query} ». Essayez un autre mot, ou parcourez les documents depuis le menu ou le plan du site.`
        : `${plural(results.length)} pour « ${query} ».`;
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
  if (!form || !input || !status || !list) return;
  const query = new URLSearchParams(location.search).get('q') ?? '';
  input.value = query;
  if (query) void run(query, status, list);
  form.addEventListener('submit', (event: SubmitEvent) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    void run(input.value, status, list);
  });
}
