/**
 * The search's counts on the site built from content/, whatever it holds (issue 23): a word of its
 * own catalogue is searched, and each filter's counts must be that query's, every result typed
 * (tests/browser/search-counts.ts, whose self-test runs on the fixture site). Nothing here names
 * the content.
 */
import { catalogueOf } from '../catalogue-of.ts';
import { expect, test } from '../fixtures.ts';
import { countProblems, searchSeen } from '../search-counts.ts';
import { SITE } from '../served.ts';

const catalogue = catalogueOf(SITE);

/**
 * A word most pages of the site share: the longest word of the name of the theme with the most
 * items (« recrutement »…), or of the first document's short title on a site without themes.
 */
function commonWord(): string | undefined {
  const themes = [...catalogue.themes].sort((a, b) => b.actions.length + b.procedures.length - (a.actions.length + a.procedures.length));
  const name = themes[0]?.label ?? catalogue.conventions[0]?.data.shortTitle;
  return name
    ?.split(/[\s’'-]+/)
    .sort((a, b) => b.length - a.length)[0]
    ?.toLowerCase();
}
const word = commonWord();

test.describe.configure({ timeout: 120_000 });

test('a search for a common word of the site counts what it found in every filter, and types every result', async ({ page }) => {
  test.skip(word === undefined, 'le site n’a ni thème ni document');
  const seen = await searchSeen(page, word!);
  expect(seen.said, `aucun résultat pour « ${word} »`).toBeGreaterThan(0);
  expect(countProblems(seen)).toEqual([]);
});
