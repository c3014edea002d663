import type { APIRoute } from 'astro';
import { getCatalogue } from '../../lib/content.ts';
import { followUpRecords } from '../../lib/export.ts';

export const GET: APIRoute = async () => {
  const { actions } = await getCatalogue();
  return new Response(JSON.stringify(followUpRecords(actions), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
