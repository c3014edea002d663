import type { APIRoute } from 'astro';
import { getCatalogue } from '../../lib/content.ts';
import { toCsv, toRecord } from '../../lib/export.ts';

export const GET: APIRoute = async () => {
  const { actions } = await getCatalogue();
  return new Response(toCsv(actions.map(toRecord)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
