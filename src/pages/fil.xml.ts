import type { APIRoute } from 'astro';
import { site } from '../config.ts';
import { getCatalogue } from '../lib/content.ts';
import { feedXml } from '../lib/feed.ts';

/** The feed of publications, updates and review rounds, linked from every page's <head> and footer. */
export const GET: APIRoute = async (context) => {
  const xml = await feedXml(await getCatalogue(), {
    base: import.meta.env.BASE_URL,
    site: context.site,
    title: `${site.name} : publications et mises à jour`,
    description: `Publications, mises à jour et bilans des documents publiés sur le site « ${site.name} ».`,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
