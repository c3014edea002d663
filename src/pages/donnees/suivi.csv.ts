import type { APIRoute } from 'astro';
import { getCatalogue } from '../../lib/content.ts';
import { followUpRecords, followUpToCsv } from '../../lib/export.ts';

export const GET: APIRoute = async () => {
  const { actions } = await getCatalogue();
  return new Response(followUpToCsv(followUpRecords(actions)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
