import type { APIRoute } from 'astro';
import { getCatalogue } from '../../lib/content.ts';
import { itemRecords } from '../../lib/export.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(itemRecords(await getCatalogue()), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
