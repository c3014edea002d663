/**
 * Related items ("sur les mêmes thèmes, dans les autres documents"): a fixed number per page,
 * never from the page's own document, those sharing the most themes first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAll, type RawFile } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import { RELATED_LIMIT, relatedIndex } from '../../src/catalogue/related.ts';
import { validFiles } from './fixtures.ts';

/** The fixture's document copied under another name, with actions on the given themes. */
function document(id: string, order: number, themes: string[][]): RawFile[] {
  const [convention, axis, objective, action] = validFiles();
  const rename = (f: RawFile, name: string, change: Record<string, unknown>): RawFile => ({
    ...f,
    file: `content/${f.collection}/${id}/${name}.mdx`,
    pathInCollection: `${id}/${name}.mdx`,
    frontmatter: { ...(f.frontmatter as object), convention: id, ...change },
  });
  return [
    {
      ...convention!,
      file: `content/conventions/${id}.mdx`,
      pathInCollection: `${id}.mdx`,
      frontmatter: { ...(convention!.frontmatter as object), shortTitle: id, order },
    },
    rename(axis!, 'axe-1', {}),
    rename(objective!, 'axe-1-objectif-1', {}),
    ...themes.map((t, i) =>
      rename(action!, `action-${i + 1}`, { number: String(i + 1), order: i + 1, title: `${id} ${i + 1}`, themes: t }),
    ),
  ];
}

const files = [
  ...document('a', 1, [['formation', 'carriere'], ['formation'], ['apprentissage']]),
  ...document('b', 2, [
    ['apprentissage'],
    ['formation'],
    ['formation', 'carriere'],
    ['formation', 'carriere', 'apprentissage'],
    ['carriere'],
    ['formation'],
    ['formation'],
    ['formation'],
    ['formation'],
  ]),
  ...document('c', 3, [['formation'], ['carriere'], ['formation', 'carriere']]),
];
const { entries, problems } = validateAll(files);
const catalogue = buildCatalogue(entries);
/** The lookup as the site builds it, once (src/catalogue/site.ts). */
const related = relatedIndex(catalogue.conventions);
const action = (doc: string, n: number) => catalogue.actions.find((a) => a.convention.id === doc && a.data.number === String(n))!;
const titles = (groups: ReturnType<typeof related>) => groups.flatMap((g) => [...g.actions, ...g.procedures].map((e) => e.data.title));

test('the fixture is valid', () => assert.deepEqual(problems, []));

test("at most a fixed number of items in total, none from the page's own document", () => {
  for (const a of catalogue.actions) {
    const groups = related(a);
    assert.ok(titles(groups).length <= RELATED_LIMIT, a.data.title);
    assert.ok(
      groups.every((g) => g.convention !== a.convention),
      a.data.title,
    );
  }
  // Document b has seven actions on "formation": the page still lists six in all.
  assert.equal(titles(related(action('a', 2))).length, RELATED_LIMIT);
});

test('those sharing the most themes first, alternating between documents, listed in document order', () => {
  // a1 (formation, carrière): b3, b4 and c3 share both themes; then one theme, best of each document in turn.
  assert.deepEqual(titles(related(action('a', 1))), ['b 2', 'b 3', 'b 4', 'c 1', 'c 2', 'c 3']);
  // Grouped by document, in site order, without empty groups.
  assert.deepEqual(
    related(action('c', 2)).map((g) => g.convention.id),
    ['a', 'b'],
  );
});

test('an item whose themes no other document shares gets no related items', () => {
  assert.deepEqual(titles(related(action('b', 1))), ['a 3']);
  const onlyA = buildCatalogue(validateAll(document('a', 1, [['formation'], ['carriere']])).entries);
  assert.deepEqual(relatedIndex(onlyA.conventions)(onlyA.actions[0]!), []);
});
