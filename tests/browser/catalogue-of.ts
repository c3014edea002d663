/** The catalogue of a served site, read from the content it was built from (tests/browser/served.ts). */
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import type { Served } from './served.ts';

export function catalogueOf(served: Served): ReturnType<typeof buildCatalogue> {
  return buildCatalogue(validateAll(readContent(served.root).files).entries);
}
