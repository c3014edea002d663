/**
 * The feed (fil.xml, RSS 2.0) of the documents' publications, updates and dated review rounds
 * (./dates.ts `feedItems`), written by @astrojs/rss. Pure: the route (src/pages/fil.xml.ts) and
 * the unit tests call it with the catalogue, the base and the site's origin if any.
 */
import { getRssString } from '@astrojs/rss';
import type { Catalogue } from './catalogue.ts';
import { feedItems } from './dates.ts';
import { joinBase } from './paths.ts';

/**
 * @astrojs/rss needs an absolute `site` and makes every link absolute with it. Without SITE_URL,
 * the site's origin is unknown: the feed is written with this stand-in origin (the `.invalid`
 * top-level domain is reserved and never resolves, RFC 6761), which is then removed, leaving
 * paths from the host's root (`/intranet/handicap/…`), which a feed reader resolves against the
 * feed's own address.
 */
const STAND_IN = 'https://adresse-du-site.invalid';

export interface FeedOptions {
  /** The site's base path (Astro's `base`): `/` or `/intranet/handicap/`. */
  base: string;
  /** The site's public origin (Astro's `site`, from SITE_URL), when set. */
  site?: URL | string;
  /** The channel's title and description. */
  title: string;
  description: string;
}

const CATEGORIES = { publication: 'Publication', update: 'Mise à jour', round: 'Bilan' } as const;

export async function feedXml(catalogue: Catalogue, options: FeedOptions): Promise<string> {
  const origin = options.site === undefined ? STAND_IN : new URL(options.site).origin;
  const url = (path: string) => new URL(joinBase(options.base, path), origin).href;
  const xml = await getRssString({
    title: options.title,
    description: options.description,
    site: url(''),
    customData: '<language>fr</language>',
    items: feedItems(catalogue).map((item) => ({
      title: item.title,
      description: item.description,
      // Midnight UTC of the day: the content gives days, not times.
      pubDate: new Date(`${item.date}T00:00:00Z`),
      link: url(item.path),
      categories: [CATEGORIES[item.kind]],
    })),
  });
  return options.site === undefined ? xml.replaceAll(STAND_IN, '') : xml;
}
