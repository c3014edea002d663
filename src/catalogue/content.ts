/**
 * The queries: the only module that loads collections. It hands every page the same site (the
 * linked catalogue and its indexes, ./site.ts), built once. The content is already validated,
 * schemas and links, by the loader (src/integration/content-loader.ts), which stops the build with
 * the same French report as `npm run check:content`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { CollectionName, Entries, Entry } from '../model/collections.ts';
import { buildSite, type Site } from './site.ts';
import type { Catalogue } from './types.ts';
import { passRunner, type PassRunner } from '../page-pass/page-pass.ts';
import { openData, type OpenData } from '../open-data/open-data.ts';
import { joinBase } from '../lib/paths.ts';
import { site } from '../config.ts';

async function load<C extends CollectionName>(name: C): Promise<Entry<C>[]> {
  const entries = (await getCollection(name)) as CollectionEntry<C>[];
  return entries.map((e) => ({
    id: e.id,
    file: e.filePath ?? `content/${name}/${e.id}.mdx`,
    data: e.data as Entry<C>['data'],
    body: e.body?.trim() || undefined,
  }));
}

/** The site as the pages read it: its catalogue and indexes (./site.ts), and the page pass that runs on it. */
export interface LiveSite extends Site {
  /** The page pass (src/page-pass/page-pass.ts) on one page's <main> content. */
  passPage: PassRunner;
}

let built: Promise<LiveSite> | undefined;

/** The site, built once per build from the collections. */
export function getSite(): Promise<LiveSite> {
  built ??= (async () => {
    const entries: Entries = {
      conventions: await load('conventions'),
      axes: await load('axes'),
      objectives: await load('objectives'),
      actions: await load('actions'),
      sections: await load('sections'),
      procedures: await load('procedures'),
      glossary: await load('glossary'),
      organisations: await load('organisations'),
    };
    const site = buildSite(entries);
    return { ...site, passPage: passRunner(site.pass, site.languages) };
  })();
  return built;
}

/** The catalogue alone, for the routes that need nothing else. */
export async function getCatalogue(): Promise<Catalogue> {
  return (await getSite()).catalogue;
}

let openDataFiles: Promise<OpenData> | undefined;

/**
 * Every file of `donnees/` (data, schemas, package), made once per build from the catalogue and the
 * publisher's settings: the endpoints serve these texts and the data page prints their sizes.
 */
export function getOpenData(): Promise<OpenData> {
  openDataFiles ??= getCatalogue().then((c) =>
    openData(c, {
      licence: site.licence,
      siteName: site.name,
      organisation: site.organisation,
      // The site's public address, base included, when SITE_URL is set (absolute `homepage` and `path`).
      siteUrl: import.meta.env.SITE ? new URL(joinBase(import.meta.env.BASE_URL, ''), import.meta.env.SITE).href : undefined,
    }),
  );
  return openDataFiles;
}

/** One file of `donnees/` as an endpoint's response. */
export async function openDataResponse(path: string): Promise<Response> {
  const { files, schemas, dataPackage } = await getOpenData();
  const file = [...files, ...schemas, dataPackage].find((f) => f.path === path);
  if (!file) throw new Error(`${path} : aucun fichier de données à cette adresse (src/open-data/open-data.ts)`);
  const type = path.endsWith('.csv') ? 'text/csv' : 'application/json';
  return new Response(file.text, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
