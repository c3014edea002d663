import type { z } from 'astro/zod';
import { conventionSchema } from './convention.ts';
import { axisSchema } from './axis.ts';
import { objectiveSchema } from './objective.ts';
import { actionSchema } from './action.ts';
import { sectionSchema } from './section.ts';
import { procedureSchema } from './procedure.ts';
import { glossarySchema } from './glossary.ts';
import { organisationSchema } from './organisation.ts';

/**
 * The content collections: where their files live under `content/` and the schema each entry
 * must satisfy. `src/content.config.ts`, `scripts/tooling/check-content.ts` and the tests all read this.
 */
export const COLLECTIONS = {
  conventions: { folder: 'conventions', label: 'convention', plural: 'conventions', schema: conventionSchema },
  axes: { folder: 'axes', label: 'axe', plural: 'axes', schema: axisSchema },
  objectives: { folder: 'objectives', label: 'objectif', plural: 'objectifs', schema: objectiveSchema },
  actions: { folder: 'actions', label: 'action', plural: 'actions', schema: actionSchema },
  sections: { folder: 'sections', label: 'section', plural: 'sections', schema: sectionSchema },
  procedures: { folder: 'procedures', label: 'procédure', plural: 'procédures', schema: procedureSchema },
  glossary: { folder: 'glossaire', label: 'terme du glossaire', plural: 'termes du glossaire', schema: glossarySchema },
  organisations: { folder: 'organisations', label: 'organisme ou rôle', plural: 'organismes et rôles', schema: organisationSchema },
} as const satisfies Record<string, { folder: string; label: string; plural: string; schema: z.ZodType }>;

export type CollectionName = keyof typeof COLLECTIONS;
export type EntryData<C extends CollectionName> = z.infer<(typeof COLLECTIONS)[C]['schema']>;

/** Content files are MDX: front matter for the data, body for free text. */
export const CONTENT_PATTERN = '**/*.mdx';

/** One entry as the integrity checks see it: where it comes from, its id, and its data. */
export interface Entry<C extends CollectionName> {
  id: string;
  /** Path relative to the project root, for error messages. */
  file: string;
  data: EntryData<C>;
  /** The MDX body as written (raw text), when the file has one: used to find names and terms. */
  body?: string;
}

export type Entries = { [C in CollectionName]: Entry<C>[] };
