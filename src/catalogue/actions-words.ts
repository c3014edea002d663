/**
 * The words of the actions index that change with what it shows: the build writes them for each
 * static page, src/scripts/actions-filter.ts rewrites them for a filtered set (issue 23: after a
 * filter, the introduction, the breadcrumb and the tab title say what the table holds). One
 * definition for both, so that a filtered page reads like a static one.
 */
import { countOf, noun } from '../lib/french.ts';

/** « 206 actions et engagements », « 1 action ou engagement », « aucune action ou engagement ». */
export const actionsCount = (n: number): string => countOf(n, noun('action ou engagement', 'actions et engagements'));

/** « Page 2 sur 3 »; empty for a table of one page. */
export function pageWords(current: number, total: number): string {
  return total > 1 ? `Page ${current} sur ${total}` : '';
}

/**
 * The caption's end for a table of several pages: « , page 1 sur 2 : lignes 1 à 200 », the colon
 * bound to its word by a no-break space (it never starts a line); empty for a table of one page.
 */
export function rowsWords(current: number, total: number, size: number, shown: number): string {
  if (total <= 1) return '';
  const first = (current - 1) * size + 1;
  return `, ${pageWords(current, total).toLowerCase()}\u00a0: lignes ${first} à ${first + shown - 1}`;
}

/** « , en 2 pages de 200 lignes au plus »; empty for a table of one page. */
export function pagesWords(total: number, size: number): string {
  return total > 1 ? `, en ${total} pages de ${size} lignes au plus` : '';
}

/**
 * The introduction of the index once filtered: « 12 actions et engagements sur 206 correspondent
 * aux filtres, en 2 pages de 200 lignes au plus. », « 1 action ou engagement sur 206 correspond
 * aux filtres. », « Aucune action ou engagement ne correspond aux filtres. »
 */
export function filteredIntro(found: number, all: number, total: number, size: number): string {
  if (found === 0) return 'Aucune action ou engagement ne correspond aux filtres.';
  const verb = found === 1 ? 'correspond' : 'correspondent';
  return `${actionsCount(found)} sur ${all} ${verb} aux filtres${pagesWords(total, size)}.`;
}

/** The tab title, as the layout builds it (src/layouts/Base.astro): « Actions filtrées — Page 2 sur 3 — <site> ». */
export function tabTitle(name: string, current: number, total: number, siteName: string): string {
  const page = pageWords(current, total);
  return `${page ? `${name} — ${page}` : name} — ${siteName}`;
}
