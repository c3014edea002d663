/**
 * The queries: the only module that loads collections. It hands every page the same linked
 * catalogue, built once. The content is already validated, schemas and links, by the loader
 * (./content-loader.ts), which stops the build with the same French report as
 * `npm run check:content`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { CollectionName, Entries, Entry } from '../model/collections.ts';
import { buildCatalogue, type Catalogue } from './catalogue.ts';

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
