import type { APIRoute } from 'astro';
import { getCatalogue } from '../../lib/content.ts';
import { itemRecords, itemsToCsv } from '../../lib/export.ts';

export const GET: APIRoute = async () =>
  new Response(itemsToCsv(itemRecords(await getCatalogue())), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
