/**
 * The catalogue computes every node's path and anchor through src/lib/paths.ts, from the entry's
 * file name and the document's level words: a document of sections, articles and engagements
 * gets `section-1/#article-2`, never the model's `axe-`/`objectif-`. Small fixture, real schemas.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAll, type RawFile } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import { itemRecords } from '../../src/open-data/export.ts';
import { validFiles } from './fixtures.ts';

/** The valid fixture as a document of sections, articles and lettered engagements. */
function multipartite(): RawFile[] {
  return validFiles().map((f): RawFile => {
    const data = f.frontmatter as Record<string, unknown>;
    if (f.collection === 'conventions') {
      return {
        ...f,
        frontmatter: {
          ...data,
          levels: {
            axis: { singular: 'Section', plural: 'Sections', label: 'Section {n}' },
            objective: { singular: 'Article', plural: 'Articles', label: 'Article {n}' },
            action: { singular: 'Engagement', plural: 'Engagements', label: '{n})', numbering: 'objective' },
          },
        },
      };
    }
    if (f.collection === 'axes') return { ...f, file: 'content/axes/essai/section-1.mdx', pathInCollection: 'essai/section-1.mdx' };
    if (f.collection === 'objectives')
      return {
        ...f,
        file: 'content/objectives/essai/article-2.mdx',
        pathInCollection: 'essai/article-2.mdx',
        frontmatter: { ...data, number: '2' },
      };
    if (f.collection === 'actions') {
      const letter = data.number === '1' ? 'a' : 'b';
      return {
        ...f,
        file: `content/actions/essai/article-2-${letter}.mdx`,
        pathInCollection: `essai/article-2-${letter}.mdx`,
        frontmatter: { ...data, objective: '2', kind: 'engagement', number: letter, subItems: [{ letter: 'a', text: 'Premier point' }] },
      };
    }
    return f;
  });
}

test("pages are named after their file, objectives anchored in the document's word", () => {
  const { entries, problems } = validateAll(multipartite());
  assert.deepEqual(problems, []);
  const catalogue = buildCatalogue(entries);
  const axis = catalogue.conventions[0]!.axes[0]!;
  assert.equal(axis.path, 'essai/section-1/');
  assert.equal(axis.crumb, 'Section 1');
  const objective = axis.objectives[0]!;
  assert.equal(objective.anchor, 'article-2');
  assert.equal(objective.path, 'essai/section-1/#article-2');
  const action = catalogue.actions[0]!;
  assert.equal(action.path, 'essai/actions/article-2-a/');
  assert.equal(action.label, 'a)');
  assert.equal(action.crumb, 'Engagement a)');
  const urls = itemRecords(catalogue).map((r) => r.url);
  assert.deepEqual(urls, [
    'essai/',
    'essai/section-1/',
    'essai/section-1/#article-2',
    'essai/actions/article-2-a/',
    'essai/actions/article-2-a/#point-a',
    'essai/actions/article-2-b/',
    'essai/actions/article-2-b/#point-a',
  ]);
  assert.ok(urls.every((u) => !/axe|objectif/.test(u)));
});

test("the model's words stay where the document uses them", () => {
  const catalogue = buildCatalogue(validateAll(validFiles()).entries);
  const axis = catalogue.conventions[0]!.axes[0]!;
  assert.equal(axis.path, 'essai/axe-1/');
  assert.equal(axis.objectives[0]!.path, 'essai/axe-1/#objectif-1');
});
