/**
 * The feed (fil.xml, RSS 2.0) of the documents' publications, updates and dated review rounds
 * (./dates.ts `feedItems`), written by @astrojs/rss. Pure: the route (./feed-route.ts) and the
 * tests call it with the catalogue, the base and the site's origin.
 */
import { getRssString } from '@astrojs/rss';
import { trapCharacter, trapMessage, visibleText } from '../model/characters.ts';
import { ContentError } from '../model/problems.ts';
import type { Catalogue } from './types.ts';
import { feedItems } from './dates.ts';
import { joinBase } from '../lib/paths.ts';

export interface FeedOptions {
  /** The site's base path (Astro's `base`): `/` or `/intranet/handicap/`. */
  base: string;
  /**
   * The site's public origin (Astro's `site`, from SITE_URL). Required: every link of the feed is
   * a full address, since a feed reader reads the feed apart from the site and cannot resolve a
   * path (issue 20); without SITE_URL the site has no feed (./site-build.ts).
   */
  site: URL | string;
  /** The channel's title and description. */
  title: string;
  description: string;
}

/** The channel's title and description, from the site's name (src/config.ts). */
export function feedChannel(siteName: string): Pick<FeedOptions, 'title' | 'description'> {
  return {
    title: `${siteName} : publications et mises à jour`,
    description: `Publications, mises à jour et bilans des documents publiés sur le site «\u00a0${siteName}\u00a0».`,
  };
}

const CATEGORIES = { publication: 'Publication', update: 'Mise à jour', round: 'Bilan' } as const;

export async function feedXml(catalogue: Catalogue, options: FeedOptions): Promise<string> {
  const origin = new URL(options.site).origin;
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
  checkCharacters(xml);
  return xml;
}

/**
 * A strict XML parser refuses the whole feed for one character XML 1.0 forbids (issue 19: a
 * vertical tab in a round's label gave "PCDATA invalid Char value 11"), and @astrojs/rss writes
 * texts as they are. The model refuses these characters in every text of the content and of
 * src/config.ts (src/model/characters.ts), so one found here came through a value that escaped
 * it: the build stops with the usual French report, naming the element and the text, rather
 * than strip it. Stripping would publish pages that still hold the character (only the feed
 * would be clean) and hide the hole in the model that let it through.
 */
export function checkCharacters(xml: string): void {
  const found = trapCharacter(xml, true);
  if (!found) return;
  // The text the character sits in, between the tags around it.
  const start = xml.lastIndexOf('>', found.index) + 1;
  const end = xml.indexOf('<', found.index);
  const text = xml.slice(start, end === -1 ? undefined : end);
  const trap = trapCharacter(text, true) ?? found;
  const element = /<([\w:]+)[^>]*>$/.exec(xml.slice(0, start))?.[1] ?? '?';
  const item = xml.slice(0, found.index).split('<item>').length - 1;
  throw new ContentError([
    {
      file: 'fil.xml (fil d’actualité)',
      field: item > 0 ? `<${element}> de l’entrée ${item}` : `<${element}> du fil`,
      message: trapMessage(trap, text),
      value: visibleText(text),
      allowed:
        'le texte sans ce caractère : corrigez-le là où il est écrit (le contenu, ou src/config.ts pour le nom du site), puis relancez la construction',
    },
  ]);
}
