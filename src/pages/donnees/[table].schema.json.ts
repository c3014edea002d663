import type { APIRoute, GetStaticPaths } from 'astro';
import { getOpenData, openDataResponse } from '../../catalogue/content.ts';
import { paths } from '../../lib/paths.ts';

/** The Table Schema of each CSV export: `donnees/actions.schema.json`… (src/open-data/open-data.ts). */
export const getStaticPaths = (async () => {
  const { files } = await getOpenData();
  return files.filter((f) => f.schema).map((f) => ({ params: { table: f.table } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => openDataResponse(paths.dataSchema(String(params.table)));
