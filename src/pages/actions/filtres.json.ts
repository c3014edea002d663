/**
 * The actions in compact form for the filters of the actions index (src/scripts/actions-filter.ts),
 * fetched on first use only: the index itself is split into pages, the filters work across all.
 */
import type { APIRoute } from 'astro';
import { getCatalogue } from '../../catalogue/content.ts';
import { actionsFilterData } from '../../catalogue/filter-data.ts';

export const GET: APIRoute = async () => {
  const { conventions, actions } = await getCatalogue();
  return new Response(JSON.stringify(actionsFilterData(conventions, actions)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
