/**
 * Instant filtering of the actions index. The form is in the page but hidden until this runs
 * (without JavaScript the static pages per criterion do the job). The state lives in the URL
 * (`?statut=non-realise&theme=apprentissage`), so a filtered view can be shared; the number of
 * rows shown is announced in a role="status" region (RGAA 7.5).
 */

import { fold } from '../lib/text.ts';

export function startActionsFilter() {
  const form = document.getElementById('filtres') as HTMLFormElement | null;
  const table = document.getElementById('tableau-actions');
  const status = document.getElementById('filtres-etat');
  if (!form || !table || !status) return;
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')];
  const selects = [...form.querySelectorAll('select')];
  const text = form.querySelector<HTMLInputElement>('input[name="texte"]')!;
  const haystack = new Map(rows.map((r) => [r, fold(r.dataset.texte ?? '')]));

  const apply = () => {
    const wanted = selects.filter((s) => s.value).map((s) => [s.name, s.value] as const);
    const words = fold(text.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const match =
        wanted.every(([facet, value]) => (row.dataset[facet] ?? '').split(' ').includes(value)) &&
        words.every((w) => haystack.get(row)!.includes(w));
      row.hidden = !match;
      if (match) shown++;
    }
    status.textContent =
      shown === 0
        ? 'Aucune action ne correspond à ces filtres.'
        : `${shown} ${shown === 1 ? 'action affichée' : 'actions affichées'} sur ${rows.length}.`;
    const params = new URLSearchParams();
    for (const [facet, value] of wanted) params.set(facet, value);
    if (text.value.trim()) params.set('texte', text.value.trim());
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  };

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
    typing = setTimeout(apply, 300);
  });
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  form.addEventListener('reset', () => setTimeout(apply));
  apply();
}
