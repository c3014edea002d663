/**
 * Runs on every page as it is built: one pass over the tree of its <main> (src/lib/enrich.ts) marks
 * glossary terms, links cross-references, scopes ids and wraps the documents' tables. Data files
 * (JSON, CSV) pass through untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { getCatalogue } from './lib/content.ts';
import { enrichHtml } from './lib/enrich.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (/\.(json|csv)$/.test(context.url.pathname)) return response;
  const html = await response.text();
  if (!html.includes('<main')) return new Response(html, response);
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const path = decodeURI(context.url.pathname).slice(base.length);
  const enriched = enrichHtml(html, { path, base, catalogue: await getCatalogue() });
  return new Response(enriched, { status: response.status, headers: response.headers });
});
