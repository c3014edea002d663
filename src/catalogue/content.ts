/**
 * The queries: the only module that loads collections. It hands every page the same linked
 * catalogue, built once. The content is already validated, schemas and links, by the loader
 * (./content-loader.ts), which stops the build with the same French report as
 * `npm run check:content`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { CollectionName, Entries, Entry } from '../model/collections.ts';
import { buildCatalogue } from './catalogue.ts';
import type { Catalogue } from './types.ts';
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

let catalogue: Promise<Catalogue> | undefined;

export function getCatalogue(): Promise<Catalogue> {
  catalogue ??= (async () => {
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
    return buildCatalogue(entries);
  })();
  return catalogue;
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
