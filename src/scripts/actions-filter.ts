/**
 * Filtering of the actions index across every action, although the index is split into pages
 * (issue 9). The form is in the page but hidden until this runs (without JavaScript the pages of
 * the table and the static pages per criterion do the job). On first use of a filter (or when the
 * URL carries one) the compact list of the actions (actions/filtres.json, same host) is fetched
 * once; the rows that match are then drawn here, in pages of the same size, with the same
 * pagination links (same markup as src/components/Pagination.astro). The state lives in the URL (`?statut=non-realise&theme=apprentissage&page=2`),
 * so a filtered view can be shared; the number of matching rows is announced in a role="status"
 * region (RGAA 7.5). The heading, introduction, breadcrumb and tab title follow what the table
 * holds, in the words the build writes for a static page (../catalogue/actions-words.ts, issue 23).
 */
import type { FilterData, FilterRow } from '../catalogue/filter-data.ts';
import { filteredIntro, pageWords as pageOf, rowsWords, tabTitle } from '../catalogue/actions-words.ts';
import { pageWindow, runsOf } from '../catalogue/paginate.ts';

import { fold } from '../model/text.ts';

export function startActionsFilter() {
  const form = document.getElementById('filtres') as HTMLFormElement | null;
  const table = document.getElementById('tableau-actions') as HTMLTableElement | null;
  const status = document.getElementById('filtres-etat');
  if (!form || !table || !status) return;
  const { liste: listUrl = '', racine: root = '', donnees: dataUrl = '', site: siteName = '' } = form.dataset;
  const size = Number(form.dataset.taille) || 100;
  const caption = table.caption!;
  const region = table.closest<HTMLElement>('.tableau')!;
  const staticNav = document.querySelector<HTMLElement>('nav.pagination');
  const selects = [...form.querySelectorAll('select')];
  const text = form.querySelector<HTMLInputElement>('input[name="texte"]')!;
  const headers = [...table.tHead!.rows[0]!.cells].map((c) => c.textContent.trim());
  const title = document.querySelector<HTMLElement>('main h1');
  const intro = document.querySelector<HTMLElement>('.chapo');
  const staticIntro = intro?.textContent ?? '';
  const crumbs = document.querySelector<HTMLOListElement>('.fil-ariane ol');
  const badges = new Map([...form.querySelectorAll<HTMLTemplateElement>('template[data-statut]')].map((t) => [t.dataset.statut!, t]));

  // The client-side pagination, shown instead of the static one once the filters are in use.
  const nav = document.createElement('nav');
  nav.className = 'pagination';
  nav.setAttribute('aria-label', 'Pages du tableau');
  nav.hidden = true;
  region.after(nav);

  let data: Promise<{ rows: FilterRow[]; haystacks: string[]; data: FilterData }> | undefined;
  const load = () =>
    (data ??= fetch(dataUrl)
      .then((r) => {
        if (!r.ok) throw new Error(String(r.status));
        return r.json() as Promise<FilterData>;
      })
      .then((d) => ({ data: d, rows: d.rows, haystacks: d.rows.map((r) => fold(`${r.t} ${r.x}`)) })));

  const state = () => {
    const wanted = selects.filter((s) => s.value).map((s) => [s.name, s.value] as const);
    return { wanted, words: fold(text.value).split(/\s+/).filter(Boolean) };
  };

  const query = (page: number) => {
    const params = new URLSearchParams();
    for (const [facet, value] of state().wanted) params.set(facet, value);
    if (text.value.trim()) params.set('texte', text.value.trim());
    if (page > 1) params.set('page', String(page));
    const q = params.toString();
    return q ? `${listUrl}?${q}` : listUrl;
  };

  // The same cells, roles and order as the static rows (src/components/ActionsIndexPage.astro).
  const cell = (content: string | Node, column: number) => {
    const c = document.createElement(column === 0 ? 'th' : 'td');
    if (column === 0) {
      c.scope = 'row';
      c.setAttribute('role', 'rowheader');
    } else c.setAttribute('role', 'cell');
    if (column === 1) c.className = 'tableau__numero';
    if (column >= 3) c.dataset.libelle = headers[column];
    c.append(content);
    return c;
  };

  const drawRow = (row: FilterRow, d: FilterData) => {
    const tr = document.createElement('tr');
    tr.setAttribute('role', 'row');
    const link = document.createElement('a');
    link.href = `${root}${row.u}`;
    link.textContent = row.t;
    const badge = badges.get(row.b)?.content.cloneNode(true) ?? document.createTextNode(row.b);
    const themes = row.f[2]!.map((t) => d.themes[t] ?? t).join(', ');
    tr.append(cell(link, 0), cell(row.n, 1), cell(badge, 2), cell(row.r ?? 'Non précisé', 3), cell(themes, 4));
    return tr;
  };

  /** One body per run of rows of the same document, headed by its name when the rows span several. */
  const drawBodies = (shown: FilterRow[], matching: FilterRow[], d: FilterData) => {
    const documentOf = (row: FilterRow) => row.f[0]![0]!;
    const grouped = new Set(matching.map(documentOf)).size > 1;
    const rowgroup = () => {
      const body = document.createElement('tbody');
      body.setAttribute('role', 'rowgroup');
      return body;
    };
    const bodies = runsOf(shown, documentOf).map((run) => {
      const body = rowgroup();
      if (grouped) {
        const tr = document.createElement('tr');
        tr.setAttribute('role', 'row');
        tr.className = 'tableau-actions__document';
        const th = document.createElement('th');
        th.scope = 'rowgroup';
        th.setAttribute('role', 'rowheader');
        th.colSpan = headers.length;
        th.textContent = d.documents[run.key] ?? '';
        tr.append(th);
        body.append(tr);
      }
      body.append(...run.items.map((row) => drawRow(row, d)));
      return body;
    });
    for (const body of [...table.tBodies]) body.remove();
    table.append(...(bodies.length ? bodies : [rowgroup()]));
  };

  /** The breadcrumb as the build writes it: the home link kept, then the list and its page. */
  const drawCrumbs = (heading: string, filtered: boolean, current: number, total: number) => {
    if (!crumbs?.firstElementChild) return;
    const item = (label: string, url?: string) => {
      const li = document.createElement('li');
      const inner = document.createElement(url ? 'a' : 'span');
      if (url) (inner as HTMLAnchorElement).href = url;
      else inner.setAttribute('aria-current', 'page');
      inner.textContent = label;
      li.append(inner);
      return li;
    };
    const page = pageOf(current, total);
    crumbs.replaceChildren(
      crumbs.firstElementChild,
      ...(filtered ? [item('Toutes les actions', listUrl)] : []),
      ...(page ? [item(heading, query(1)), item(page)] : [item(heading)]),
    );
  };

  const drawNav = (current: number, total: number) => {
    const list = document.createElement('ul');
    list.className = 'pagination__liste';
    const item = (label: string, page: number, extra: { className?: string; current?: boolean; name?: string } = {}) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = query(page);
      a.textContent = label;
      a.dataset.page = String(page);
      if (extra.className) a.className = extra.className;
      if (extra.current) a.setAttribute('aria-current', 'page');
      if (extra.name) a.setAttribute('aria-label', extra.name);
      li.append(a);
      list.append(li);
    };
    if (current > 1) {
      item('Première page', 1, { className: 'pagination__premiere' });
      item('Page précédente', current - 1, { className: 'pagination__precedente' });
    }
    for (const n of pageWindow(current, total)) {
      if (n === null) {
        const gap = document.createElement('li');
        gap.className = 'pagination__ellipse';
        gap.setAttribute('aria-hidden', 'true');
        gap.textContent = '…';
        list.append(gap);
      } else item(String(n), n, { current: n === current, name: `Page ${n}` });
    }
    if (current < total) {
      item('Page suivante', current + 1, { className: 'pagination__suivante' });
      item('Dernière page', total, { className: 'pagination__derniere' });
    }
    nav.replaceChildren(list);
    nav.hidden = total <= 1;
  };

  const apply = async (page = 1, focus = false) => {
    let loaded;
    try {
      loaded = await load();
    } catch {
      data = undefined;
      status.textContent = "La liste des actions n'a pas pu être chargée : parcourez le tableau page par page ou par critère.";
      return;
    }
    const { wanted, words } = state();
    const column = new Map(loaded.data.facets.map((k, i) => [k, i]));
    const matching = loaded.rows.filter(
      (row, i) =>
        wanted.every(([facet, value]) => row.f[column.get(facet)!]?.includes(value)) &&
        words.every((w) => loaded.haystacks[i]!.includes(w)),
    );
    const total = Math.max(1, Math.ceil(matching.length / size));
    const current = Math.min(Math.max(1, page), total);
    const shown = matching.slice((current - 1) * size, current * size);
    drawBodies(shown, matching, loaded.data);
    const filtered = wanted.length > 0 || words.length > 0;
    const all = loaded.rows.length;
    const pageWords = pageOf(current, total);
    const heading = filtered ? 'Actions filtrées' : 'Toutes les actions';
    caption.textContent = `${heading} (${matching.length} sur ${all})${rowsWords(current, total, size, shown.length)}`;
    status.textContent =
      matching.length === 0
        ? 'Aucune action ne correspond à ces filtres.'
        : `${matching.length} ${matching.length === 1 ? 'action correspond' : 'actions correspondent'} sur ${all}.${pageWords ? ` ${pageWords}.` : ''}`;
    if (staticNav) staticNav.hidden = true;
    drawNav(current, total);
    document.title = tabTitle(heading, current, total, siteName);
    if (title) title.textContent = heading;
    drawCrumbs(heading, filtered, current, total);
    if (intro) intro.textContent = filtered ? filteredIntro(matching.length, all, total, size) : staticIntro;
    history.replaceState(null, '', query(current));
    if (focus) region.focus();
  };

  nav.addEventListener('click', (e) => {
    const link = (e.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!link) return;
    e.preventDefault();
    void apply(Number(link.dataset.page), true);
  });

  // Restore the state from the URL (a shared link).
  const params = new URLSearchParams(location.search);
  for (const select of selects) {
    const value = params.get(select.name);
    if (value && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  text.value = params.get('texte') ?? '';

  form.hidden = false;
  // Typing waits for a short pause, so the count is not announced at every key.
  let typing: ReturnType<typeof setTimeout> | undefined;
  text.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void apply(), 300);
  });
  form.addEventListener('change', () => void apply());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void apply();
  });
  form.addEventListener('reset', () => setTimeout(() => void apply()));
  // Until a filter is used, the page shows its own rows: nothing is fetched.
  if (['page', 'texte', ...selects.map((s) => s.name)].some((k) => params.get(k))) void apply(Number(params.get('page')) || 1);
}
