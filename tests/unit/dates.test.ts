/**
 * Dates of the pages, history of a document, replaced documents and the feed (src/catalogue/dates.ts,
 * src/catalogue/feed.ts), on the fixtures: a plan published 2024-01-15 with two updates and three dated
 * rounds, an accord published 2023-05-02 without update, and a replaced/replacing pair.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { changeHistory, documentDates, feedItems, replacementState, roundDay, siteDates } from '../../src/catalogue/dates.ts';
import { feedXml } from '../../src/catalogue/feed.ts';
import { paths } from '../../src/lib/paths.ts';
import { ACCORD, NEW, OLD, PLAN, catalogueFiles, fixtureCatalogue, fixtureSite, replacementFiles } from './catalogue-fixtures.ts';

const catalogue = fixtureCatalogue();
const withPair = fixtureCatalogue([...catalogueFiles(), ...replacementFiles()]);
const byId = (id: string, c = catalogue) => c.conventions.find((x) => x.id === id)!;

test('a document shows its publication and its latest update, none when it has had no update', () => {
  assert.deepEqual(documentDates(byId(PLAN)), { published: '2024-01-15', updated: '2026-07-01' });
  assert.deepEqual(documentDates(byId(ACCORD)), { published: '2023-05-02', updated: undefined });
});

test('the site shows its first publication and its latest change, a later publication included', () => {
  assert.deepEqual(siteDates(catalogue.conventions), { published: '2023-05-02', updated: '2026-07-01' });
  assert.deepEqual(siteDates([byId(ACCORD)]), { published: '2023-05-02', updated: undefined });
  // The accord alone, then the plan published later: the site changed that day.
  const plan = byId(PLAN);
  const planWithoutUpdates = { ...plan, data: { ...plan.data, updates: undefined } };
  assert.deepEqual(siteDates([byId(ACCORD), planWithoutUpdates]), { published: '2023-05-02', updated: '2024-01-15' });
  assert.deepEqual(siteDates(withPair.conventions), { published: '2020-03-02', updated: '2027-01-04' });
});

test('the site is built with its dates, which the pages outside any document show', () => {
  assert.deepEqual(fixtureSite().dates, { published: '2023-05-02', updated: '2026-07-01' });
  assert.deepEqual(fixtureSite([...catalogueFiles(), ...replacementFiles()]).dates, { published: '2020-03-02', updated: '2027-01-04' });
});

test('a document’s history lists its updates newest first with their notes, then its publication', () => {
  assert.deepEqual(changeHistory(byId(PLAN)), [
    { date: '2026-07-01', note: 'Bilan 2026 : statuts mis à jour', anchor: 'mise-a-jour-2' },
    { date: '2025-01-10', note: 'Bilan 2024 : statuts mis à jour', anchor: 'mise-a-jour-1' },
    { date: '2024-01-15', note: 'Première publication.' },
  ]);
  assert.deepEqual(changeHistory(byId(ACCORD)), [{ date: '2023-05-02', note: 'Première publication.' }]);
});

test('a replaced document links to the one replacing it, and back', () => {
  const [old, renewed] = [byId(OLD, withPair), byId(NEW, withPair)];
  assert.equal(old.replacedBy, renewed);
  assert.equal(renewed.replaces, old);
  assert.equal(old.replaces, undefined);
  assert.equal(renewed.replacedBy, undefined);
  assert.equal(byId(PLAN, withPair).replacedBy, undefined);
  // Reached from any page of the replaced document, whose route gives the layout its document.
  assert.equal(old.actions[0]!.convention.replacedBy?.id, NEW);
  // The search filter of their pages.
  assert.equal(replacementState(old), 'Remplacé');
  assert.equal(replacementState(renewed), 'Non remplacé');
  assert.equal(replacementState(byId(PLAN, withPair)), 'Non remplacé');
});

test('a round dated to the month or the year is dated from its first day; one known by its period only is not', () => {
  assert.equal(roundDay({ date: '2022-03' }), '2022-03-01');
  assert.equal(roundDay({ date: '2024' }), '2024-01-01');
  assert.equal(roundDay({ date: '2024-06-30' }), '2024-06-30');
  assert.equal(roundDay({}), undefined);
});

test('the feed announces each publication, each update and each dated round, newest first', () => {
  const items = feedItems(catalogue);
  assert.deepEqual(
    items.map((i) => [i.kind, i.date, i.path]),
    [
      ['update', '2026-07-01', `${paths.convention(PLAN)}#mise-a-jour-2`],
      ['round', '2026-06-01', paths.round(PLAN, 'b2026')],
      ['update', '2025-01-10', `${paths.convention(PLAN)}#mise-a-jour-1`],
      ['round', '2025-12-01', paths.round(PLAN, 'b2025')],
      ['round', '2024-12-01', paths.round(PLAN, 'b2024')],
      ['publication', '2024-01-15', paths.convention(PLAN)],
      ['publication', '2023-05-02', paths.convention(ACCORD)],
    ].sort((a, b) => (a[1]! < b[1]! ? 1 : a[1]! > b[1]! ? -1 : 0)),
  );
  assert.equal(new Set(items.map((i) => i.path)).size, items.length, 'un lien par élément (guid)');
  assert.equal(items.find((i) => i.kind === 'round')!.title, 'Bilan (juin 2026) : Bilan 2026 — Plan');
  assert.equal(items.find((i) => i.kind === 'update')!.description, 'Bilan 2026 : statuts mis à jour');
});

test('a round known only by the period it covers has no feed item', () => {
  type Frontmatter = Record<string, unknown>;
  const files = catalogueFiles().map((f) => {
    const data = f.frontmatter as Frontmatter;
    if (f.collection === 'conventions' && data.shortTitle === 'Plan')
      return { ...f, frontmatter: { ...data, rounds: [{ id: 'b2024', label: 'Bilans 2023-2024', period: '2023-2024' }] } };
    // The actions' statuses at the other rounds go too, for the fixture to stay valid.
    if (f.collection === 'actions' && data.convention === PLAN)
      return { ...f, frontmatter: { ...data, statuses: undefined, withdrawn: undefined } };
    return f;
  });
  const items = feedItems(fixtureCatalogue(files));
  assert.deepEqual(
    items.filter((i) => i.kind === 'round'),
    [],
  );
  assert.equal(items.length, 4);
});

const parse = (xml: string) => {
  assert.equal(XMLValidator.validate(xml), true);
  type Item = Record<string, string>;
  const { channel } = (new XMLParser({ ignoreAttributes: false }).parse(xml) as { rss: { channel: Item & { item: Item | Item[] } } }).rss;
  return { channel, items: [channel.item].flat() };
};

test('with the site’s origin, the feed’s links are absolute, under the base', async () => {
  const { channel, items } = parse(
    await feedXml(catalogue, { base: '/intranet/handicap/', site: 'https://exemple.fr', title: 'Fil', description: 'Le fil' }),
  );
  assert.equal(channel.link, 'https://exemple.fr/intranet/handicap/');
  assert.equal(channel.language, 'fr');
  assert.equal(items.length, 7);
  assert.equal(items[0]!.link, `https://exemple.fr/intranet/handicap/${paths.convention(PLAN)}#mise-a-jour-2`);
  assert.equal(items[0]!.pubDate, 'Wed, 01 Jul 2026 00:00:00 GMT');
  assert.equal(items[0]!.category, 'Mise à jour');
});

test('every link of the feed is a full address a feed reader can follow on its own (issue 20)', async () => {
  const { channel, items } = parse(
    await feedXml(catalogue, { base: '/intranet/handicap/', site: 'https://exemple.fr/', title: 'Fil', description: 'Le fil' }),
  );
  for (const link of [channel.link!, ...items.map((i) => i.link!)]) {
    assert.equal(new URL(link).origin, 'https://exemple.fr', link);
    assert.ok(new URL(link).pathname.startsWith('/intranet/handicap/'), link);
  }
});
