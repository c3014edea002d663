/** Wires each collection's folder under `content/` to its schema; the model lives in src/model. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTIONS, CONTENT_PATTERN } from './model/collections.ts';
import { entryId } from './model/validate.ts';

const collection = (name: keyof typeof COLLECTIONS) =>
  defineCollection({
    loader: glob({
      pattern: CONTENT_PATTERN,
      base: `./content/${COLLECTIONS[name].folder}`,
      // Same ids as scripts/check-content.ts, so both speak of the same entries.
      generateId: ({ entry }) => entryId(entry),
    }),
    schema: COLLECTIONS[name].schema,
  });

export const collections = {
  conventions: collection('conventions'),
  axes: collection('axes'),
  objectives: collection('objectives'),
  actions: collection('actions'),
  sections: collection('sections'),
  procedures: collection('procedures'),
  glossary: collection('glossary'),
  organisations: collection('organisations'),
};
