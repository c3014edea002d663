/**
 * The feed (dist/fil.xml), built only when SITE_URL gives the site's public address: every link of
 * a feed must be a full address (issue 20), and without SITE_URL the build leaves the feed out, and
 * every link to it (src/integration/site-build.ts). Without SITE_URL, the checks below run on the feed the
 * route would write for a stand-in address, and the site is checked to hold no feed and no link to it.
 *
 * The feed: well-formed XML (fast-xml-parser's validator, which is shown to
 * reject a broken feed) that a strict parser reads too (xmllint, libxml2: it refuses the control
 * characters a lenient parser lets through, issue 19; shown to refuse a vertical tab), one item per publication and per update of each document and per review
 * round with a date, read from the content; every link leads to a page of dist/ (and to its
 * fragment), every date is RFC 822; every page links to the feed from its <head> and its footer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import { paths } from '../../src/lib/paths.ts';
import { feedChannel, feedXml } from '../../src/catalogue/feed.ts';
import { CONTENT_ROOT, BASE, DIST, builtPages, linksIn, builtSettings } from '../site.ts';

const site = await builtSettings();

const catalogue = buildCatalogue(validateAll(readContent(CONTENT_ROOT).files).entries);
const FEED = join(DIST, paths.feed());
/** The site's public origin: SITE_URL's, or a stand-in when the build had none (and so no feed). */
const ORIGIN = new URL(process.env.SITE_URL ?? 'https://www.exemple.gouv.fr').origin;
const xml = process.env.SITE_URL
  ? readFileSync(FEED, 'utf8')
  : await feedXml(catalogue, { base: BASE, site: ORIGIN, ...feedChannel(site.name) });

interface Item {
  title: string;
  link: string;
  guid: { '#text': string };
  description: string;
  pubDate: string;
  category: string;
}

/** True, or the validator's error: what makes a feed unreadable. */
const wellFormed = (source: string) => XMLValidator.validate(source);

test('the feed is well-formed XML', () => {
  assert.equal(wellFormed(xml), true);
});

test('the validator does reject a broken feed (unclosed, misnested, bare ampersand)', () => {
  for (const broken of [xml.replace('</channel>', ''), xml.replace('<item>', '<item><title>'), xml.replace('<title>', '<title>R&D ')]) {
    assert.notEqual(wellFormed(broken), true);
  }
});

/**
 * xmllint's verdict on a feed (libxml2, the parser of many feed readers): '' when it reads it, its
 * messages otherwise. The test command installs it (scripts/tooling/ensure-xmllint.sh).
 */
const XMLLINT = spawnSync('xmllint', ['--version']).error === undefined;
const strictXml = (source: string) => {
  const run = spawnSync('xmllint', ['--noout', '-'], { input: source, encoding: 'utf8' });
  return run.status === 0 ? '' : run.stderr || `xmllint : code de sortie ${run.status}`;
};
// Missing, it fails the tests rather than skipping them: a check that silently does not run proves nothing.
const NEEDS_XMLLINT = 'xmllint est introuvable : installez libxml2-utils (bash scripts/tooling/ensure-xmllint.sh), puis relancez';

test('the feed passes a strict XML parser (xmllint)', () => {
  assert.ok(XMLLINT, NEEDS_XMLLINT);
  assert.equal(strictXml(xml), '');
});

test('self-test: the strict parser refuses a control character in a title', () => {
  assert.ok(XMLLINT, NEEDS_XMLLINT);
  // A vertical tab in a title, as a round label with Excel's _x000B_ put it there (issue 19); the
  // validator above lets it through.
  const tab = xml.replace(/<item><title>([^<]{3})/, '<item><title>$1\u000B');
  assert.notEqual(tab, xml);
  assert.match(strictXml(tab), /PCDATA invalid Char value 11/);
  // U+FFFE, a noncharacter: outside XML's characters too (src/model/characters.ts refuses it).
  assert.match(strictXml(xml.replace('<item><title>', '<item><title>\uFFFE')), /Char 0xFFFE out of allowed range/);
});

type Channel = { link: string; item?: Item | Item[] };
const { channel } = (new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { rss: { channel: Channel } }).rss;
const items = [channel.item ?? []].flat();

/** A link of the feed as a path from the host's root. */
const pathOf = (link: string) => new URL(link).pathname + new URL(link).hash;

test('one item per publication, per update and per dated review round of each document', () => {
  const expected = catalogue.conventions.flatMap((c) => [
    `Publication ${c.data.published} ${c.path}`,
    ...(c.data.updates ?? []).map((u, i) => `Mise à jour ${u.date} ${c.path}#mise-a-jour-${i + 1}`),
    ...c.rounds.filter((r) => r.date !== undefined).map((r) => `Bilan ${r.date!.padEnd(10, '-01').slice(0, 10)} ${r.path}`),
  ]);
  const found = items.map((i) => `${i.category} ${new Date(i.pubDate).toISOString().slice(0, 10)} ${pathOf(i.link).slice(BASE.length)}`);
  assert.deepEqual([...found].sort(), [...expected].sort());
  // Not vacuous: every document has its publication.
  assert.equal(items.filter((i) => i.category === 'Publication').length, catalogue.conventions.length);
  for (const i of items) assert.match(i.title, /^(Publication|Mise à jour|Bilan \([^)]+\)) : /, i.title);
});

test('items come newest first, each with its own link (guid)', () => {
  const times = items.map((i) => Date.parse(i.pubDate));
  assert.deepEqual(
    times,
    [...times].sort((a, b) => b - a),
  );
  assert.equal(new Set(items.map((i) => i.guid['#text'])).size, items.length);
  for (const i of items) assert.equal(i.guid['#text'], i.link);
});

test('every link of the feed leads to a built page, and to its fragment', () => {
  for (const link of [channel.link, ...items.map((i) => i.link)]) {
    // A full address: a feed reader reads the feed apart from the site (issue 20).
    assert.equal(new URL(link).origin, ORIGIN, link);
    const [path, fragment] = pathOf(link).split('#') as [string, string | undefined];
    assert.ok(path.startsWith(BASE), link);
    const page = join(DIST, path.slice(BASE.length), 'index.html');
    assert.ok(existsSync(page), `${link} : page absente de dist/`);
    if (fragment) assert.match(readFileSync(page, 'utf8'), new RegExp(`\\sid="${fragment}"`), `${link} : ancre absente`);
  }
});

const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

test('every date is RFC 822, as RSS 2.0 requires, and a real day', () => {
  for (const i of items) {
    assert.match(i.pubDate, RFC_822, i.title);
    assert.ok(!Number.isNaN(Date.parse(i.pubDate)), i.pubDate);
    assert.equal(new Date(Date.parse(i.pubDate)).toUTCString(), i.pubDate, 'le jour existe (pas de 31 février)');
  }
  assert.doesNotMatch('2026-11-29', RFC_822);
  assert.doesNotMatch('Sun, 29 Nov 2026', RFC_822);
});

test(
  'with SITE_URL, every page links to the feed from its <head> and from its footer',
  { skip: !process.env.SITE_URL && 'construction sans SITE_URL' },
  () => {
    const feed = `${BASE}${paths.feed()}`;
    for (const page of builtPages()) {
      const source = readFileSync(join(DIST, page), 'utf8');
      const head = source.slice(0, source.indexOf('</head>'));
      assert.match(head, new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="[^"]+" href="${feed}">`), page);
      assert.ok(linksIn(source, /<footer/, '</footer>').includes(feed), `${page} : lien du pied de page`);
    }
  },
);

test(
  'without SITE_URL, the site has no feed and no page links to one',
  { skip: Boolean(process.env.SITE_URL) && 'construction avec SITE_URL' },
  () => {
    assert.equal(existsSync(FEED), false, 'dist/fil.xml');
    const feed = `${BASE}${paths.feed()}`;
    for (const page of builtPages()) {
      const source = readFileSync(join(DIST, page), 'utf8');
      assert.ok(!source.includes(`href="${feed}"`), `${page} : lien vers le fil absent`);
    }
  },
);
