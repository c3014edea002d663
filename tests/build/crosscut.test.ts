/**
 * Ways across the documents, checked in dist/: theme pages, the actions index and its static
 * per-criterion pages, glossary and organisation pages, terms marked in pages, "cf." links.
 * Glossary and organisation listings are checked against the pages' text with the site's own
 * matcher and text rule (src/page-pass/mentions.ts, read from the built pages by tests/text-rule.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import { buildFacets } from '../../src/catalogue/facets.ts';
import { actionsFilterData, type FilterData } from '../../src/catalogue/filter-data.ts';
import { THEME_KEYS } from '../../src/model/themes.ts';
import { RELATED_LIMIT } from '../../src/catalogue/related.ts';
import { CONTENT_ROOT, BASE, DIST, FIXTURE_ONLY, ON_FIXTURE, builtPages, decoded, linksIn, listPages } from '../site.ts';
import { ROWS_PER_PAGE } from '../../src/catalogue/paginate.ts';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { admittedTexts, findMain } from '../text-rule.ts';
import type { Mentionable } from '../../src/catalogue/types.ts';
import { selectAll } from '../hast.ts';

const { entries } = validateAll(readContent(CONTENT_ROOT).files);
const catalogue = buildCatalogue(entries);
const pages = builtPages();
const built = new Set(pages);
const page = (path: string) => {
  assert.ok(built.has(`${path}index.html`), `page ${path} absente`);
  return readFileSync(join(DIST, `${path}index.html`), 'utf8');
};
/** Links inside <main>, as base-relative paths. */
const mainLinks = (html: string) => linksIn(html, /<main/, '</main>').map((href) => href.replace(/[#?].*$/, '').slice(BASE.length));
/** Links inside <main> of every page of a list split into pages. */
const listLinks = (first: string) => listPages(first, pages).flatMap((p) => mainLinks(page(p)));
/** Links of the rows of the actions table (in their row headers; the table has one body per document), on every page of the list. */
const tableRows = (first: string) =>
  listPages(first, pages).flatMap((p) =>
    [...page(p).matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g)].flatMap(([, body]) =>
      [...body!.matchAll(/<th scope="row"[^>]*>\s*<a href="([^"]+)"/g)].map((m) => m[1]!.slice(BASE.length)),
    ),
  );

test('one page per theme, listing exactly the actions and procedures tagged with it', () => {
  assert.equal(catalogue.themes.length, THEME_KEYS.length);
  for (const theme of catalogue.themes) {
    const links = new Set(listLinks(theme.path));
    for (const item of [...theme.actions, ...theme.procedures]) assert.ok(links.has(item.path), `${theme.key} : ${item.path}`);
    const itemLinks = [...links].filter((l) => /\/(actions|procedures)\/[^/]+\/$/.test(l));
    assert.equal(itemLinks.length, theme.actions.length + theme.procedures.length, theme.key);
  }
});

test('the actions index has one row per action over its pages; each static criterion list has exactly its rows', () => {
  const paths = (list: { path: string }[]) => list.map((a) => a.path);
  assert.deepEqual(tableRows('actions/'), paths(catalogue.actions));
  assert.equal(
    listPages('actions/', pages).length,
    Math.max(1, Math.ceil(catalogue.actions.length / ROWS_PER_PAGE)),
    'le tableau de toutes les actions est découpé en pages de ROWS_PER_PAGE lignes',
  );
  const facets = buildFacets(catalogue.conventions, catalogue.actions);
  let pagesChecked = 0;
  for (const facet of facets) {
    for (const value of facet.values) {
      assert.deepEqual(tableRows(`actions/${facet.key}/${value.value}/`), paths(value.actions), `${facet.key}/${value.value}`);
      pagesChecked++;
    }
  }
  const documents = facets.find((f) => f.key === 'document')!;
  assert.equal(
    documents.values.reduce((n, v) => n + v.actions.length, 0),
    entries.actions.length,
  );
  assert.ok(pagesChecked > 0);
});

test('the compact list read by the filters has every action, with its criteria', () => {
  const data = JSON.parse(readFileSync(join(DIST, 'actions/filtres.json'), 'utf8')) as FilterData;
  assert.deepEqual(
    data.rows.map((r) => r.u),
    catalogue.actions.map((a) => a.path),
  );
  const expected = actionsFilterData(catalogue.conventions, catalogue.actions);
  assert.deepEqual(data, JSON.parse(JSON.stringify(expected)));
});

test('each page of a list links to the next one; every page-N page is reached that way', () => {
  const followed = new Set<string>();
  for (const p of pages) {
    const first = p.match(/^(.*\/)index\.html$/)?.[1];
    if (!first || /\/page-\d+\/$/.test(first)) continue;
    const list = listPages(first, pages);
    for (const [i, path] of list.entries()) {
      if (i > 0) followed.add(`${path}index.html`);
      const html = page(path);
      const nav = linksIn(html, /<nav class="pagination"/, '</nav>').map((h) => h.slice(BASE.length));
      if (list.length === 1) {
        assert.equal(nav.length, 0, `${path} : pas de pagination pour une seule page`);
        continue;
      }
      assert.match(html, new RegExp(`<title>[^<]* — Page ${i + 1} sur ${list.length} — `), `${path} : titre`);
      assert.match(html, new RegExp(`<a href="${BASE}${path}" aria-current="page" aria-label="Page ${i + 1}">`), `${path} : page courante`);
      if (i + 1 < list.length) assert.ok(nav.includes(list[i + 1]!), `${path} → page suivante`);
      if (i > 0) assert.ok(nav.includes(list[i - 1]!), `${path} → page précédente`);
      // A page of a list is not a search record: the entry is, once, on its first page.
      if (i > 0) assert.doesNotMatch(html, /data-pagefind-body/, `${path} : pas un enregistrement de recherche`);
    }
  }
  assert.deepEqual(
    pages.filter((p) => /\/page-\d+\/index\.html$/.test(p) && !followed.has(p)),
    [],
  );
  // Not vacuous where a list is long enough to be split (the fixture site has none).
  if (catalogue.actions.length > ROWS_PER_PAGE) assert.ok(followed.size > 0, 'le tableau des actions a une page 2');
});

test('every action page links to its themes and to items of other documents on the same themes', () => {
  for (const action of catalogue.actions) {
    const html = page(action.path);
    const links = new Set(mainLinks(html));
    for (const t of action.data.themes) assert.ok(links.has(`themes/${t}/`), `${action.path} → thème ${t}`);
    // A fixed number of related items, whatever the size of the site (src/catalogue/related.ts).
    const relatedItems = linksIn(html, /id="elements-lies"/, '</main>')
      .map((href) => href.slice(BASE.length))
      .filter((path) => /^[^/]+\/(actions|procedures)\/[^/]+\/$/.test(path) && !path.startsWith(action.convention.path));
    assert.ok(relatedItems.length <= RELATED_LIMIT, `${action.path} : ${relatedItems.length} éléments liés`);
  }
});

test('one page per glossary entry and per organisation, all reachable from their index', () => {
  const glossaryLinks = new Set(mainLinks(page('glossaire/')));
  for (const g of catalogue.glossary) {
    assert.ok(glossaryLinks.has(g.path), g.path);
    // The term is the heading's whole text (a term in another language inside its <span lang>).
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(decoded(page(g.path)))?.[1]?.replace(/<[^>]+>/g, '');
    assert.equal(heading, g.data.term, g.path);
  }
  const organisationLinks = new Set(mainLinks(page('organisations/')));
  for (const o of catalogue.organisations) assert.ok(organisationLinks.has(o.path), o.path);
});

/** A built page as a tree. */
const treeOf = (path: string) => fromHtml(page(path));
/** The pages a glossary or organisation entry can list: each document's own pages. */
const itemPages = [
  ...catalogue.conventions.flatMap((c) => [c.path, ...c.axes.map((a) => a.path)]),
  ...catalogue.sections.map((s) => s.path),
  ...catalogue.actions.map((a) => a.path),
  ...catalogue.procedures.map((p) => p.path),
];
const entriesWithPages: Mentionable[] = [...catalogue.glossary, ...catalogue.organisations];

/** For each entry, the item pages whose admitted text holds it (the one rule, the one matcher). */
function occurrences(pagesToRead: string[], read: (path: string) => ReturnType<typeof treeOf>): Map<Mentionable, Set<string>> {
  const out = new Map<Mentionable, Set<string>>(entriesWithPages.map((e) => [e, new Set()]));
  for (const path of pagesToRead) {
    const texts = admittedTexts(read(path));
    for (const v of catalogue.matcher.valuesIn(texts)) out.get(v)?.add(path);
  }
  return out;
}

/**
 * For each entry, the item pages its own page (and any page below it) links to from <main>, the
 * headings naming each document excepted (they group the list; they are not part of it).
 */
function listings(read: (path: string) => ReturnType<typeof treeOf>): Map<Mentionable, Set<string>> {
  const items = new Set(itemPages);
  const out = new Map<Mentionable, Set<string>>();
  for (const e of entriesWithPages) {
    const own = [...pages].filter((p) => p.startsWith(e.path)).map((p) => p.replace(/index\.html$/, ''));
    const listed = new Set<string>();
    for (const path of own) {
      const main = findMain(read(path));
      assert.ok(main, `${path} sans <main>`);
      const walk = (node: Element) => {
        for (const el of node.children) {
          if (el.type !== 'element' || /^h[1-6]$/.test(el.tagName)) continue;
          const target =
            el.tagName === 'a' &&
            String(el.properties.href ?? '')
              .replace(/[#?].*$/, '')
              .slice(BASE.length);
          if (target && items.has(target)) listed.add(target);
          walk(el);
        }
      };
      walk(main);
    }
    out.set(e, listed);
  }
  return out;
}

/** Differences between what entries list and where they occur, in words. */
function mismatches(listed: Map<Mentionable, Set<string>>, occurring: Map<Mentionable, Set<string>>): string[] {
  const problems: string[] = [];
  for (const e of entriesWithPages) {
    const l = listed.get(e) ?? new Set();
    const o = occurring.get(e) ?? new Set();
    for (const p of l) if (!o.has(p)) problems.push(`${e.path} liste ${p}, dont le texte ne le contient pas`);
    for (const p of o) if (!l.has(p)) problems.push(`${e.path} ne liste pas ${p}, dont le texte le contient`);
  }
  return problems;
}

const cache = new Map<string, ReturnType<typeof treeOf>>();
const read = (path: string) => {
  let tree = cache.get(path);
  if (!tree) cache.set(path, (tree = treeOf(path)));
  return tree;
};

test('each glossary term and organisation lists exactly the pages whose text names it (one matcher, one text rule)', () => {
  const problems = mismatches(listings(read), occurrences(itemPages, read));
  assert.deepEqual(problems.slice(0, 30), [], `${problems.length} écarts`);
  // Not vacuous on the fixture site, whose entries are each named somewhere (a site may keep
  // glossary terms its documents never use: site:vierge does).
  const listedSomewhere = [...listings(read).values()].filter((s) => s.size > 0).length;
  if (ON_FIXTURE) assert.equal(listedSomewhere, entriesWithPages.length, `${listedSomewhere} entrées listées`);
});

test(
  'self-test: the listing check fails when a listing drops a page, adds one, or a page is left unread',
  { skip: !ON_FIXTURE && FIXTURE_ONLY },
  () => {
    const listed = listings(read);
    const occurring = occurrences(itemPages, read);
    const [entry, set] = [...listed].find(([, s]) => s.size > 1)!;
    const dropped = new Map(listed).set(entry, new Set([...set].slice(1)));
    assert.equal(mismatches(dropped, occurring).length, 1);
    const other = itemPages.find((p) => !set.has(p))!;
    const added = new Map(listed).set(entry, new Set([...set, other]));
    assert.equal(mismatches(added, occurring).length, 1);
    // A page whose text is not read (here: all but one of the entry's pages) shows as listed wrongly.
    assert.ok(
      mismatches(
        listed,
        occurrences(
          itemPages.filter((p) => !set.has(p) || p === [...set][0]),
          read,
        ),
      ).length >=
        set.size - 1,
    );
  },
);

test('a page made only of lists of other pages (<main data-sans-glossaire>) has no term marked, though it names some', () => {
  const isMark = (e: Element) => e.tagName === 'a' && String(e.properties.className) === 'terme';
  const textless = pages
    .filter((p) => p.endsWith('index.html') && /<main\b[^>]*\sdata-sans-glossaire[\s=>]/.test(page(p.replace(/index\.html$/, ''))))
    .map((p) => p.replace(/index\.html$/, ''));
  for (const list of ['actions/', 'themes/', 'plan-du-site/', 'organisations/']) assert.ok(textless.includes(list), list);
  for (const path of textless) assert.deepEqual(selectAll(findMain(read(path))!, isMark), [], path);
  if (!ON_FIXTURE) return;
  // Not vacuous on the fixture site: the matcher finds glossary terms in the text of the actions
  // index (an action's title names the RQTH)…
  const all = selectAll(findMain(read('actions/'))!, () => true).flatMap((e) =>
    e.children.filter((c) => c.type === 'text').map((c) => c.value),
  );
  assert.ok([...catalogue.matcher.valuesIn(all)].some((v) => 'term' in v.data));
  // …and the other pages are read: document pages do carry marks.
  assert.ok(selectAll(findMain(read('accord-essai/preambule/'))!, isMark).length > 0);
});

// Facts of the fixture site (tests/fixtures/site/): the engine's cases, whatever content/ holds.

test('known items sit under their theme (fixture site)', { skip: !ON_FIXTURE && FIXTURE_ONLY }, () => {
  const under = (key: string) => new Set(listLinks(`themes/${key}/`));
  assert.ok(under('formation').has('plan-essai/actions/action-3/'), 'action 3, deux thèmes');
  assert.ok(under('recrutement-integration').has('plan-essai/actions/action-3/'), 'action 3, deux thèmes');
  assert.ok(under('maintien-emploi').has('accord-essai/procedures/amenagement/'), 'procédure');
  assert.ok(!under('formation').has('plan-essai/actions/action-2/'));
  // The same themes in another document: the related items of the action's page.
  assert.match(page('plan-essai/actions/action-3/'), /Sur les mêmes thèmes, dans les autres documents/);
});

test('a filter row gives an action its criteria (fixture site)', { skip: !ON_FIXTURE && FIXTURE_ONLY }, () => {
  const data = JSON.parse(readFileSync(join(DIST, 'actions/filtres.json'), 'utf8')) as FilterData;
  const action3 = data.rows.find((r) => r.u === 'plan-essai/actions/action-3/')!;
  assert.deepEqual(action3.f[data.facets.indexOf('statut')], ['en-cours']);
  assert.equal(action3.n, 'Action n°3');
  assert.ok(listLinks('actions/statut/en-cours/').includes('plan-essai/actions/action-3/'));
});

test('organisation and role pages list where the documents name them (fixture site)', { skip: !ON_FIXTURE && FIXTURE_ONLY }, () => {
  const links = (id: string) => new Set(listLinks(`organisations/${id}/`));
  assert.ok(links('fiphfp').has('plan-essai/'), 'FIPHFP → plan d’essai');
  assert.ok(links('fiphfp').has('plan-essai/actions/action-4/'), 'nom complet du FIPHFP → action 4');
  assert.ok(links('fiphfp').has('accord-essai/procedures/amenagement/'), 'FIPHFP → procédure');
  assert.ok(links('referent-handicap').has('accord-essai/chapitre-1/'), 'référent handicap → chapitre');
  // An identifier is not text: the organisation's id "fiphfp" in no path makes an action a mention.
  assert.ok(!links('fiphfp').has('plan-essai/actions/action-1/'));
  for (const o of catalogue.organisations) assert.ok(o.groups.length > 0, `${o.id} n'est cité nulle part`);
});

test(
  '"cf." references become links when the document has the item, and only then (fixture site)',
  { skip: !ON_FIXTURE && FIXTURE_ONLY },
  () => {
    const linked = [...pages].flatMap((p) =>
      [...readFileSync(join(DIST, p), 'utf8').matchAll(/cf\. <a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${p} → ${m[2]}`),
    );
    assert.deepEqual(linked, ['plan-essai/actions/action-2/index.html → action 3']);
    // The accord refers to an annex it does not contain: left as text.
    assert.match(page('accord-essai/procedures/amenagement/'), /cf\. annexe 8/);
  },
);

test('"CAP" inside "CAP-BEP" is neither marked nor listed; "CAP-BEP" is (fixture site)', { skip: !ON_FIXTURE && FIXTURE_ONLY }, () => {
  const preamble = 'accord-essai/preambule/';
  const terms = selectAll(findMain(read(preamble))!, (e) => e.tagName === 'a' && String(e.properties.className) === 'terme').map((a) =>
    String(a.properties.href).slice(BASE.length),
  );
  assert.ok(terms.includes('glossaire/cap-bep/'), terms.join(' '));
  assert.ok(!terms.includes('glossaire/cap/'), terms.join(' '));
  assert.ok(decoded(page(preamble)).includes('CAP-BEP'));
  const listedBy = (id: string) => listings(read).get(catalogue.glossary.find((g) => g.id === id)!)!;
  assert.ok(listedBy('cap-bep').has(preamble));
  assert.ok(!listedBy('cap').has(preamble));
  // "CAP" alone is a term: the chapter that names it lists it.
  assert.ok(listedBy('cap').has('accord-essai/chapitre-1/'));
});
