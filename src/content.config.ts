/** Wires each collection to its schema; the model lives in src/model, the loader in src/lib. */
import { defineCollection } from 'astro:content';
import { COLLECTIONS } from './model/collections.ts';
import { contentLoader } from './integration/content-loader.ts';

// The loader validates every entry with these schemas (src/model/validate.ts); they are declared
// here too so that Astro types each collection's data.
const collection = (name: keyof typeof COLLECTIONS) => defineCollection({ loader: contentLoader(name), schema: COLLECTIONS[name].schema });

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
