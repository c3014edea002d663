/**
 * The colours of both themes, with the publisher's accent (src/config.ts): the one source of the
 * tokens is src/model/palette.ts, where their contrast is checked; the rest of the styles
 * (src/styles/global.css) only use them.
 */
import type { APIRoute } from 'astro';
import { site } from '../config.ts';
import { paletteCss } from '../model/palette.ts';

export const GET: APIRoute = () =>
  new Response(paletteCss(site.identity.accent), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
