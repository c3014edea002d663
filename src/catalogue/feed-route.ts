/**
 * The feed's route (fil.xml), injected by ./site-build.ts only when the site's public address is
 * known (SITE_URL): linked then from every page's <head> and footer.
 */
import type { APIRoute } from 'astro';
import { site } from '../config.ts';
import { getCatalogue } from './content.ts';
import { feedChannel, feedXml } from './feed.ts';

export const GET: APIRoute = async (context) => {
  if (context.site === undefined) throw new Error('Le fil d’actualité demande SITE_URL (src/integration/site-build.ts).');
  const xml = await feedXml(await getCatalogue(), { base: import.meta.env.BASE_URL, site: context.site, ...feedChannel(site.name) });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
