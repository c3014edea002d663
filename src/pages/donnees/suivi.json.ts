import type { APIRoute } from 'astro';
import { openDataResponse } from '../../lib/content.ts';
import { paths } from '../../lib/paths.ts';

export const GET: APIRoute = () => openDataResponse(paths.followUpJson());
