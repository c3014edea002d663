import type { APIRoute } from 'astro';
import { openDataResponse } from '../../catalogue/content.ts';
import { paths } from '../../lib/paths.ts';

/** The Frictionless Data Package describing every data file (src/open-data/open-data.ts). */
export const GET: APIRoute = () => openDataResponse(paths.dataPackage());
