/**
 * URLs are a contract (issue 9): every URL the exports publish (dist/donnees/*.json and *.csv)
 * resolves to a built page, its fragment to an element of that page, and none carries a level
 * word of the model its document does not use. The checker's self-test: tests/unit/url-check.test.ts.
 * Run after `npm run build`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { parseCsv } from '../../src/open-data/export.ts';
import { CONTENT_ROOT, DIST, ON_FIXTURE, FIXTURE_ONLY } from '../site.ts';
import { urlProblems, type PublishedUrl } from '../urls.ts';

const { entries } = validateAll(readContent(CONTENT_ROOT).files);
const levels = new Map(entries.conventions.map((c) => [c.id, c.data.levels]));
const DATA = join(DIST, 'donnees');
const page = (path: string) => {
  const file = join(DIST, path, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

/** A field that holds an address: `url`, or a name ending in `Url` (`roundUrl` of the follow-up). */
const isUrlField = (field: string) => field === 'url' || field.endsWith('Url');

/** The data files, as the data package lists them (tests/build/open-data.test.ts: every one, no other). */
const dataFiles = (JSON.parse(readFileSync(join(DATA, 'datapackage.json'), 'utf8')) as { resources: { path: string }[] }).resources.map(
  (r) => r.path,
);

/** Every URL of every export file, with the document its record belongs to. */
function publishedUrls(): PublishedUrl[] {
  const urls: PublishedUrl[] = [];
  for (const name of [...dataFiles].sort()) {
    const text = readFileSync(join(DATA, name), 'utf8');
    if (name.endsWith('.json')) {
      const records = JSON.parse(text) as ({ convention?: string; url?: string } & Record<string, unknown>)[];
      records.forEach((r, i) => {
        assert.equal(typeof r.url, 'string', `donnees/${name}, enregistrement ${i + 1} : champ url absent`);
        for (const field of Object.keys(r).filter(isUrlField))
          urls.push({
            where: `donnees/${name}, enregistrement ${i + 1}, ${field}`,
            convention: r.convention ?? '',
            url: r[field] as string,
          });
      });
    } else if (name.endsWith('.csv')) {
      const [header, ...rows] = parseCsv(text);
      const convention = header!.indexOf('convention');
      assert.ok(header!.includes('url'), `donnees/${name} : colonne url absente`);
      const columns = header!.flatMap((field, at) => (isUrlField(field) ? [{ field, at }] : []));
      rows.forEach((row, i) => {
        for (const { field, at } of columns)
          urls.push({ where: `donnees/${name}, ligne ${i + 2}, ${field}`, convention: row[convention] ?? '', url: row[at]! });
      });
    }
  }
  return urls;
}

test("every URL of every export resolves to a built page or an element of one, in the document's own words", () => {
  const urls = publishedUrls();
  const files = new Set(urls.map((u) => u.where.split(',')[0]));
  for (const f of [
    'donnees/actions.json',
    'donnees/actions.csv',
    'donnees/elements.json',
    'donnees/elements.csv',
    'donnees/suivi.json',
    'donnees/suivi.csv',
  ])
    assert.ok(files.has(f), `${f} lu`);
  // Every action, objective and lettered sub-item is there, so the fragments are checked too.
  assert.ok(urls.filter((u) => u.url.includes('#')).length >= entries.objectives.length);
  assert.deepEqual(
    urlProblems(urls, page, (c) => levels.get(c)),
    [],
  );
});

test(
  'the documents that name their levels otherwise have URLs in their own words (fixture site)',
  { skip: !ON_FIXTURE && FIXTURE_ONLY },
  () => {
    const urls = publishedUrls().map((u) => u.url);
    for (const expected of [
      'accord-essai/section-1/',
      'accord-essai/section-1/#article-2',
      'accord-essai/actions/article-2-a/',
      'accord-essai/partie-1/',
      'plan-essai/axe-1/',
      'plan-essai/axe-1/#objectif-2',
    ]) {
      assert.ok(urls.includes(expected), expected);
    }
  },
);
