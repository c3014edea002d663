import type { APIRoute } from 'astro';
import { openDataResponse } from '../../catalogue/content.ts';
import { paths } from '../../lib/paths.ts';

export const GET: APIRoute = () => openDataResponse(paths.indicatorsJson());
