import type { APIRoute } from 'astro';
import { openDataResponse } from '../../lib/content.ts';
import { paths } from '../../lib/paths.ts';

/** The Frictionless Data Package describing every data file (src/lib/open-data.ts). */
export const GET: APIRoute = () => openDataResponse(paths.dataPackage());
