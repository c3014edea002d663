/**
 * The checker of the exports' URLs (issue 9: URLs are a contract): every URL resolves to a built
 * page, and its fragment to an element of that page; no URL carries a level word of the model that
 * its document does not use (`axe-`, `objectif-` in a document of sections and articles). Pure, so
 * that tests/unit/url-check.test.ts shows it failing on bad URLs; tests/build/urls.test.ts runs it
 * on dist/.
 */
import { GENERIC_LEVELS, type Convention } from '../src/model/convention.ts';
import { DOCUMENT_FOLDERS, slugify } from '../src/lib/paths.ts';

/** One URL as an export publishes it, with the document it belongs to ('' for none). */
export interface PublishedUrl {
  /** Where it was read: "donnees/elements.json, ligne 12". */
  where: string;
  convention: string;
  url: string;
}

/** The built site as the checker needs it: the HTML of a page, by its base-relative path ("x/y/"). */
export type PageSource = (path: string) => string | undefined;

/**
 * The model's level words a document does not use, as they would appear in a URL ("axe",
 * "objectif"): the generic words minus the document's own words for its levels.
 */
export function foreignLevelWords(levels: Convention['levels']): string[] {
  const own = new Set(Object.values(levels).flatMap((l) => [slugify(l.singular), slugify(l.plural)]));
  return Object.values(GENERIC_LEVELS)
    .flatMap((l) => [slugify(l.singular), slugify(l.plural)])
    .filter((word) => !own.has(word));
}

/** Every problem found with the URLs, in French, one line each; empty when all is well. */
export function urlProblems(
  urls: PublishedUrl[],
  page: PageSource,
  levelsOf: (convention: string) => Convention['levels'] | undefined,
): string[] {
  const problems: string[] = [];
  for (const { where, convention, url } of urls) {
    const say = (what: string) => problems.push(`${where} : « ${url} » ${what}`);
    if (url === '' || url.startsWith('/') || /^[a-z]+:/.test(url)) {
      say("n'est pas une adresse relative à la base du site");
      continue;
    }
    const [path, fragment, ...rest] = url.split('#');
    if (rest.length > 0 || fragment === '') say('porte un fragment mal formé');
    const html = page(path!);
    if (html === undefined) say('ne mène à aucune page construite');
    else if (fragment && !new RegExp(`\\sid="${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(html))
      say(`mène à une page sans élément d'id « ${fragment} »`);
    if (convention === '') continue;
    const levels = levelsOf(convention);
    if (!levels) {
      say(`appartient à un document inconnu (« ${convention} »)`);
      continue;
    }
    // The document's own folder name is its id, chosen by the publisher: only what follows counts.
    // So are the site's folders inside it (`actions/`, `procedures/`), shared by every document.
    const own = url.startsWith(`${convention}/`) ? url.slice(convention.length + 1) : url;
    const folders = Object.values(DOCUMENT_FOLDERS) as string[];
    const words = own
      .split(/[/#]/)
      .filter((segment, i) => !(i === 0 && folders.includes(segment)))
      .flatMap((segment) => segment.split('-'));
    for (const word of foreignLevelWords(levels)) {
      if (words.includes(word))
        say(
          `contient « ${word} », un mot que le document n'emploie pas pour ses niveaux (${Object.values(levels)
            .map((l) => l.singular)
            .join(', ')})`,
        );
    }
  }
  return problems;
}
