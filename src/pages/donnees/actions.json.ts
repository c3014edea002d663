import type { APIRoute } from 'astro';
import { getCatalogue } from '../../lib/content.ts';
import { toRecord } from '../../lib/export.ts';

export const GET: APIRoute = async () => {
  const { actions } = await getCatalogue();
  return new Response(JSON.stringify(actions.map(toRecord), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
