/**
 * The built folder (dist/) against the content: one page per entry, one export record per action,
 * one search record per page; every internal link resolves under the base; nothing is loaded
 * from another host. Run after `npm run build` (scripts/tooling/test.sh does).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import { CSV_COLUMNS, ITEM_FIELDS, type ActionRecord, type ItemRecord } from '../../src/open-data/export.ts';
import { parseCsv } from '../csv.ts';
import { paths } from '../../src/lib/paths.ts';
import { AUDIENCES } from '../../src/model/audiences.ts';
import { CONTENT_ROOT, BASE, DIST, builtPages, decoded, searchRecords, templateOf, ON_FIXTURE } from '../site.ts';

const { entries } = validateAll(readContent(CONTENT_ROOT).files);
const catalogue = buildCatalogue(entries);
const pages = builtPages();
const html = new Map(pages.map((p) => [p, readFileSync(join(DIST, p), 'utf8')]));
const json = JSON.parse(readFileSync(join(DIST, 'donnees/actions.json'), 'utf8')) as ActionRecord[];
const csv = readFileSync(join(DIST, 'donnees/actions.csv'), 'utf8');

test('one page per convention, section, axis, action and procedure', () => {
  const actionPages = pages.filter((p) => /^[^/]+\/actions\/[^/]+\/index\.html$/.test(p));
  const procedurePages = pages.filter((p) => /^[^/]+\/procedures\/[^/]+\/index\.html$/.test(p));
  const axisPages = pages.filter((p) => templateOf(p) === 'axe');
  const sectionPages = pages.filter((p) => templateOf(p) === 'section');
  assert.ok(entries.actions.length > 0);
  assert.equal(actionPages.length, entries.actions.length);
  assert.equal(procedurePages.length, entries.procedures.length);
  assert.equal(axisPages.length, entries.axes.length);
  assert.equal(sectionPages.length, entries.sections.length);
  const axes = catalogue.conventions.flatMap((c) => c.axes);
  const nodes = [
    ...catalogue.conventions,
    ...catalogue.sections,
    ...axes,
    ...catalogue.actions,
    ...catalogue.procedures,
    ...catalogue.glossary,
    ...catalogue.organisations,
  ];
  // Objectives are parts of their axis page, with an anchor; every other entry has its page.
  assert.equal(nodes.length, Object.values(entries).reduce((n, list) => n + list.length, 0) - entries.objectives.length);
  for (const node of nodes) assert.ok(html.has(`${node.path}index.html`), node.path);
  // Lettered sub-items (a., b., c.) are addressable on their action's page.
  for (const action of catalogue.actions) {
    for (const item of action.data.subItems ?? []) {
      const [page, fragment] = paths.subItem(action.id, item.letter).split('#');
      assert.match(html.get(`${page}index.html`)!, new RegExp(`id="${fragment}"`), `${page}#${fragment}`);
    }
  }
  for (const axis of axes) {
    for (const o of axis.objectives)
      assert.match(html.get(`${axis.path}index.html`)!, new RegExp(`id="${o.anchor}"`), `${axis.path}#${o.anchor}`);
  }
});

test('one export record per action, in JSON and in CSV, with the source number, axis, objective and indicator', () => {
  assert.equal(json.length, entries.actions.length);
  const [header, ...rows] = parseCsv(csv);
  assert.deepEqual(header, Object.keys(CSV_COLUMNS));
  assert.equal(rows.length, entries.actions.length);
  for (const [i, action] of catalogue.actions.entries()) {
    const r = json[i]!;
    assert.deepEqual(
      [r.convention, r.number, r.axis, r.objective, r.indicator, r.title, r.url, r.responsible, r.dates],
      [
        action.convention.id,
        action.data.number ?? '',
        action.data.axis,
        action.data.objective ?? '',
        // The status at the document's latest round: none for an action withdrawn or not reviewed then.
        action.data.statuses?.find((s) => s.round === action.convention.data.rounds?.at(-1)?.id)?.status ?? '',
        action.data.title,
        action.path,
        action.data.responsible ?? [],
        { done: action.data.dates?.done ?? '', due: action.data.dates?.due ?? '' },
      ],
    );
    assert.equal(rows[i]![header.indexOf('number')], r.number);
    assert.ok(existsSync(join(DIST, r.url, 'index.html')), `${r.url} existe`);
  }
  // An unnumbered measure and a status label, on known actions of the fixture site.
  if (ON_FIXTURE) {
    const plan = json.filter((r) => r.convention === 'plan-essai');
    assert.deepEqual(
      plan.filter((r) => r.kind === 'mesure').map((r) => [r.axis, r.number, r.indicator]),
      [['10', '', 'EC']],
    );
    assert.equal(plan.find((r) => r.number === '1')?.statusLabel, 'Réalisé');
    assert.equal(json.find((r) => r.convention === 'nouvelle-convention' && r.number === '1')?.statusLabel, 'Réalisé');
  }
});

test('one record per entry and per lettered sub-item in the items export, each leading to its place', () => {
  const items = JSON.parse(readFileSync(join(DIST, 'donnees/elements.json'), 'utf8')) as ItemRecord[];
  const subItems = entries.actions.reduce((n, a) => n + (a.data.subItems?.length ?? 0), 0);
  const total = Object.values(entries).reduce((n, list) => n + list.length, 0);
  assert.equal(items.length, total + subItems);
  const [header, ...rows] = parseCsv(readFileSync(join(DIST, 'donnees/elements.csv'), 'utf8'));
  assert.deepEqual(header, [...ITEM_FIELDS]);
  assert.equal(rows.length, items.length);
  for (const item of items) {
    const [path, fragment] = item.url.split('#');
    const page = html.get(`${path}index.html`);
    assert.ok(page, `${item.url} : page absente`);
    if (fragment) assert.match(page, new RegExp(`id="${fragment}"`), `${item.url} : ancre absente`);
  }
  // Each document's own counts, by type, against its entries.
  const countOf = (convention: string, type: string) => items.filter((i) => i.convention === convention && i.type === type).length;
  for (const c of catalogue.conventions) {
    assert.equal(countOf(c.id, 'procedure'), entries.procedures.filter((p) => p.data.convention === c.id).length, c.id);
    assert.equal(countOf(c.id, 'objectif'), entries.objectives.filter((o) => o.data.convention === c.id).length, c.id);
  }
});

/**
 * The status badge of an action page's card, as read: its words, then the source's code when it
 * differs ("En cours (EC)", "Réalisé"), or undefined without one.
 */
export function cardStatus(source: string): string | undefined {
  const start = source.indexOf('<dl class="fiche"');
  const card = start < 0 ? '' : source.slice(start, source.indexOf('</dl>', start));
  const badge = /<span class="statut statut--[^"]*"[^>]*>((?:<span[^>]*>[^<]*<\/span>|[^<])*)<\/span>/.exec(card)?.[1];
  return badge && decoded(badge.replace(/<span class="statut__symbole"[^>]*>[^<]*<\/span>/, '').replace(/<[^>]+>/g, '')).trim();
}

const badgeText = (status: { label: string; code: string }) =>
  status.code === status.label ? status.label : `${status.label} (${status.code})`;

test('every action page shows its status at the latest round in its card, in words with its code', () => {
  const wrong = catalogue.actions
    .filter((a) => a.status)
    .map((a) => [a.path, cardStatus(html.get(`${a.path}index.html`)!), badgeText(a.status!)])
    .filter(([, found, expected]) => found !== expected);
  assert.deepEqual(wrong, []);
  // Self-test: the badge of a real page, then the page without it.
  const action = catalogue.actions.find((a) => a.status);
  if (!action) return;
  const source = html.get(`${action.path}index.html`)!;
  assert.equal(cardStatus(source), badgeText(action.status!));
  assert.equal(cardStatus(source.replace(/<span class="statut statut--[^"]*"/, '<span class="autre"')), undefined);
});

/** The publics an action page lists under its « Publics » heading, as [label, link] pairs. */
export function listedPublics(source: string): [string, string][] {
  const list = /<h2[^>]*>Publics<\/h2>\s*<ul[^>]*>([\s\S]*?)<\/ul>/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [decoded(m[2]!), m[1]!]);
}

test('every action page lists its publics, each leading to the table of the actions for that public', () => {
  const wrong = catalogue.actions
    .map((a) => {
      const expected = (a.data.audience ?? []).map((k) => [AUDIENCES[k].label, `${BASE}${paths.actionsFacet('public', k)}`]);
      return [a.path, listedPublics(html.get(`${a.path}index.html`)!), expected] as const;
    })
    .filter(([, found, expected]) => JSON.stringify(found) !== JSON.stringify(expected));
  assert.deepEqual(wrong, []);
  // Each link leads to a built page.
  for (const action of catalogue.actions)
    for (const [, link] of listedPublics(html.get(`${action.path}index.html`)!))
      assert.ok(html.has(`${link.slice(BASE.length)}index.html`), link);
  // Self-test: a page without its list shows none.
  const action = catalogue.actions.find((a) => (a.data.audience ?? []).length > 0);
  if (!action) return;
  const source = html.get(`${action.path}index.html`)!;
  assert.ok(listedPublics(source).length > 0);
  assert.deepEqual(listedPublics(source.replace('>Publics</h2>', '>Autre</h2>')), []);
});

/** The pages marked for the search index (data-pagefind-body) that have no record in it, and the records of no such page. */
export function recordMismatches(pages: Map<string, string>, records: { url: string }[]): string[] {
  const marked = [...pages]
    .filter(([, source]) => source.includes('data-pagefind-body'))
    .map(([page]) => `/${page.replace(/index\.html$/, '')}`);
  const recorded = new Set(records.map((r) => r.url));
  return [
    ...marked.filter((url) => !recorded.has(url)).map((url) => `${url} : page indexée sans enregistrement de recherche`),
    ...[...recorded].filter((url) => !marked.includes(url)).map((url) => `${url} : enregistrement sans page indexée`),
  ];
}

test('every page marked for the index has its search record, and every record its page', () => {
  const records = searchRecords(DIST);
  assert.deepEqual(recordMismatches(html, records), []);
  // Self-test: a record missing (its fragment lost) or one too many is named.
  const [first] = records;
  assert.ok(first, 'aucun enregistrement de recherche');
  assert.deepEqual(recordMismatches(html, records.slice(1)), [`${first.url} : page indexée sans enregistrement de recherche`]);
  assert.deepEqual(recordMismatches(html, [...records, { url: '/ailleurs/' }]), ['/ailleurs/ : enregistrement sans page indexée']);
});

test('one search record per indexed page, and one indexed page per entry', () => {
  const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  const marked = [...html.values()].filter((h) => h.includes('data-pagefind-body')).length;
  const { conventions, axes, actions, sections, procedures, glossary, organisations } = entries;
  assert.equal(
    indexed,
    conventions.length + axes.length + actions.length + sections.length + procedures.length + glossary.length + organisations.length,
  );
  assert.equal(marked, indexed);
});

test('every internal link and asset resolves under the base path', () => {
  const broken: string[] = [];
  for (const [page, source] of html) {
    for (const [, attr, url] of source.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
      if (/^(https?:)?\/\//.test(url!) || url!.startsWith('#') || url!.startsWith('mailto:')) continue;
      const path = url!.split(/[?#]/)[0]!;
      if (!path.startsWith(BASE)) {
        broken.push(`${page} : ${attr}="${url}" ne commence pas par ${BASE}`);
        continue;
      }
      const file = join(DIST, path.slice(BASE.length));
      if (!existsSync(path.endsWith('/') ? join(file, 'index.html') : file)) broken.push(`${page} : ${url} introuvable`);
    }
  }
  assert.deepEqual(broken, []);
});

test('no page loads anything from another host', () => {
  for (const [page, source] of html) {
    assert.doesNotMatch(source, /\s(src|srcset)="(https?:)?\/\//, page);
    assert.doesNotMatch(source, /<link[^>]+href="(https?:)?\/\//, page);
    assert.doesNotMatch(source, /@import\s+url\((https?:)?\/\//, page);
  }
});

test('every page is in French, with one h1 and its own title', () => {
  const titles = new Map<string, string>();
  for (const [page, source] of html) {
    assert.match(source, /<html lang="fr">/, page);
    assert.equal(source.match(/<h1[\s>]/g)?.length, 1, `${page} : un seul h1`);
    const title = source.match(/<title>([^<]+)<\/title>/)?.[1];
    assert.ok(title, `${page} : titre`);
    assert.ok(!titles.has(title), `${page} : titre « ${title} » déjà utilisé par ${titles.get(title)}`);
    titles.set(title, page);
  }
});
