/**
 * When the site and its documents were published and updated, and what the feed announces: every
 * date comes from the content (`published`, `updates`, `rounds` of each document), never from git
 * or the build's clock, so that a rebuild says the same thing (issue 10).
 *
 * Pure: the site (./site.ts), the layout, the feed and the tests read the same functions.
 */
import type { Catalogue, ConventionNode, RoundView } from './types.ts';
import { anchors } from '../lib/paths.ts';
import { formatDate } from '../lib/format.ts';

/** "Publié le … — Mis à jour le …": the update is absent when there has been none. */
export interface PageDates {
  published: string;
  updated?: string;
}

/** One line of a document's history of changes: its publication, or an update and its note. */
export interface Change {
  date: string;
  note: string;
  /** Fragment id of an update in the history on the document page (none for the publication). */
  anchor?: string;
}

/** What the feed announces: a publication, an update or a dated review round. */
export interface FeedItem {
  kind: 'publication' | 'update' | 'round';
  /** French title, the document's short title included. */
  title: string;
  /** A whole day (AAAA-MM-JJ): the day it happened, or the first day of the month or year the source gives. */
  date: string;
  /** Base-relative path of the page it is about; an update links to its line in the document's history, so each item has its own link (the feed's guid). */
  path: string;
  description: string;
}

/** Dates as AAAA-MM-JJ sort as text; a stable sort keeps the given order on the same day. */
const newestFirst = (a: { date: string }, b: { date: string }) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);
const latest = (dates: string[]) => dates.reduce<string | undefined>((a, d) => (a === undefined || d > a ? d : a), undefined);
const earliest = (dates: string[]) => dates.reduce<string | undefined>((a, d) => (a === undefined || d < a ? d : a), undefined);

/** A document's publication and its latest update (dates are AAAA-MM-JJ, so they sort as text). */
export function documentDates(convention: ConventionNode): PageDates {
  return { published: convention.data.published, updated: latest((convention.data.updates ?? []).map((u) => u.date)) };
}

/**
 * The site's dates: its first publication (the earliest document's), and its latest change: the
 * latest update of any document, or the publication of a later document, which changed the site too.
 */
export function siteDates(conventions: ConventionNode[]): PageDates {
  const published = earliest(conventions.map((c) => c.data.published));
  if (published === undefined) throw new Error('aucun document publié : le site n’a pas de date de publication');
  const updated = latest(conventions.flatMap((c) => [c.data.published, ...(c.data.updates ?? []).map((u) => u.date)]));
  return { published, updated: updated !== undefined && updated > published ? updated : undefined };
}

/** The search filter value of a document's pages: replaced by a newer document, or not. */
export function replacementState(convention: ConventionNode): 'Remplacé' | 'Non remplacé' {
  return convention.replacedBy ? 'Remplacé' : 'Non remplacé';
}

/** A document's history, newest first as GOV.UK lists it: each update with its note, then the publication. */
export function changeHistory(convention: ConventionNode): Change[] {
  const updates = (convention.data.updates ?? []).map((u, i) => ({ ...u, anchor: anchors.update(i + 1) })).sort(newestFirst);
  return [...updates, { date: convention.data.published, note: 'Première publication.' }];
}

/**
 * The day a feed item is dated: a review round dated to the month ("2022-03") or the year takes the
 * first day of it, and its title says the date at the source's precision. A round known only by the
 * period it covers ("2023-2025") gives no day: it has no item.
 */
export function roundDay(round: Pick<RoundView, 'date'>): string | undefined {
  if (round.date === undefined) return undefined;
  const [year, month = '01', day = '01'] = round.date.split('-');
  return `${year}-${month}-${day}`;
}

/** Everything the feed announces, newest first: each publication, each update, each dated review round. */
export function feedItems(catalogue: Catalogue): FeedItem[] {
  const items = catalogue.conventions.flatMap((c): FeedItem[] => {
    const name = c.data.shortTitle;
    return [
      {
        kind: 'publication' as const,
        title: `Publication : ${name}`,
        date: c.data.published,
        path: c.path,
        description: `${c.data.title}. Publication sur ce site le ${formatDate(c.data.published)}. ${c.data.summary}`,
      },
      ...(c.data.updates ?? []).map((u, i) => ({
        kind: 'update' as const,
        title: `Mise à jour : ${name}`,
        date: u.date,
        path: `${c.path}#${anchors.update(i + 1)}`,
        description: u.note,
      })),
      ...c.rounds.flatMap((r) => {
        const day = roundDay(r);
        return day === undefined
          ? []
          : [
              {
                kind: 'round' as const,
                title: `Bilan (${formatDate(r.date!)}) : ${r.label} — ${name}`,
                date: day,
                path: r.path,
                description: r.note ?? `${r.label}, ${formatDate(r.date!)}.`,
              },
            ];
      }),
    ];
  });
  // Newest first; on the same day, the site's order of documents.
  return items.sort(newestFirst);
}
