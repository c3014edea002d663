/**
 * Ways across the documents, checked in dist/: theme pages, the actions index and its static
 * per-criterion pages, glossary and organisation pages, terms marked in pages, "cf." links.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/lib/catalogue.ts';
import { buildFacets } from '../../src/lib/facets.ts';
import { THEME_KEYS } from '../../src/model/themes.ts';
import { RELATED_LIMIT } from '../../src/lib/related.ts';
import { BASE, DIST, builtPages, decoded, linksIn } from '../site.ts';

const { entries } = validateAll(readContent(process.cwd()).files);
const catalogue = buildCatalogue(entries);
const pages = new Set(builtPages());
const page = (path: string) => {
  assert.ok(pages.has(`${path}index.html`), `page ${path} absente`);
  return readFileSync(join(DIST, `${path}index.html`), 'utf8');
};
/** Links inside <main>, as base-relative paths. */
const mainLinks = (html: string) => linksIn(html, /<main/, '</main>').map((href) => href.replace(/[#?].*$/, '').slice(BASE.length));
const tableRows = (html: string) => html.match(/<tr data-document=/g)?.length ?? 0;

test('one page per theme, listing exactly the actions and procedures tagged with it', () => {
  assert.equal(catalogue.themes.length, THEME_KEYS.length);
  for (const theme of catalogue.themes) {
    const links = new Set(mainLinks(page(theme.path)));
    for (const item of [...theme.actions, ...theme.procedures]) assert.ok(links.has(item.path), `${theme.key} : ${item.path}`);
    const itemLinks = [...links].filter((l) => /\/(actions|procedures)\/[^/]+\/$/.test(l));
    assert.equal(itemLinks.length, theme.actions.length + theme.procedures.length, theme.key);
  }
});

test('known items sit under their theme', () => {
  const under = (key: string) => new Set(mainLinks(page(`themes/${key}/`)));
  // The apprentices objective of the Inserm plan (axis 1, objective 3): actions 14 to 18.
  for (const n of ['14', '15', '16', '17', '18']) assert.ok(under('apprentissage').has(`inserm-fiphfp-2023-2026/actions/action-${n}/`), `action ${n}`);
  assert.ok(under('secteur-protege-adapte').has('convention-multipartite-2017-2020/actions/article-2-f/'), 'emploi accompagné');
  assert.ok(under('ethique-recherche').has('inserm-hrs4r-2022/actions/action-2-5/'), 'HRS4R 2.5');
  assert.ok(under('recrutement-integration').has('justice-circulaire-2004-21/procedures/titularisation/'), 'titularisation');
});

test('the actions index has one row per action; each static criterion page has exactly its rows', () => {
  assert.equal(tableRows(page('actions/')), entries.actions.length);
  const facets = buildFacets(catalogue.conventions, catalogue.actions);
  let pagesChecked = 0;
  for (const facet of facets) {
    for (const value of facet.values) {
      const html = page(`actions/${facet.key}/${value.value}/`);
      assert.equal(tableRows(html), value.actions.length, `${facet.key}/${value.value}`);
      pagesChecked++;
    }
  }
  const documents = facets.find((f) => f.key === 'document')!;
  assert.equal(documents.values.reduce((n, v) => n + v.actions.length, 0), entries.actions.length);
  assert.ok(pagesChecked > 40);
  // Action 12 of the Inserm plan is not done: it is on the "non réalisé" page.
  assert.ok(mainLinks(page('actions/statut/non-realise/')).includes('inserm-fiphfp-2023-2026/actions/action-12/'));
});

test('every action page links to its themes and to items of other documents on the same themes', () => {
  for (const action of catalogue.actions) {
    const html = page(action.path);
    const links = new Set(mainLinks(html));
    for (const t of action.data.themes) assert.ok(links.has(`themes/${t}/`), `${action.path} → thème ${t}`);
    // A fixed number of related items, whatever the size of the site (src/lib/related.ts).
    const relatedItems = linksIn(html, /id="elements-lies"/, '</main>')
      .map((href) => href.slice(BASE.length))
      .filter((path) => /^[^/]+\/(actions|procedures)\/[^/]+\/$/.test(path) && !path.startsWith(action.convention.path));
    assert.ok(relatedItems.length <= RELATED_LIMIT, `${action.path} : ${relatedItems.length} éléments liés`);
  }
  const html = page('inserm-fiphfp-2023-2026/actions/action-14/');
  assert.match(html, /Sur les mêmes thèmes, dans les autres documents/);
});

test('one page per glossary entry and per organisation, all reachable from their index', () => {
  const glossaryLinks = new Set(mainLinks(page('glossaire/')));
  for (const g of catalogue.glossary) {
    assert.ok(glossaryLinks.has(g.path), g.path);
    assert.ok(decoded(page(g.path)).includes(`<h1>${g.data.term}</h1>`), g.path);
  }
  const organisationLinks = new Set(mainLinks(page('organisations/')));
  for (const o of catalogue.organisations) assert.ok(organisationLinks.has(o.path), o.path);
});

test('organisation and role pages list where the documents name them', () => {
  const links = (id: string) => new Set(mainLinks(page(`organisations/${id}/`)));
  assert.ok(links('fiphfp').has('inserm-fiphfp-2023-2026/'), 'FIPHFP → plan Inserm');
  assert.ok(links('medecin-de-prevention').has('justice-circulaire-2004-21/procedures/titularisation/') || [...links('medecin-de-prevention')].some((l) => l.startsWith('justice-circulaire-2004-21/procedures/')), 'médecin de prévention → procédures Justice');
  assert.ok(links('ministere-de-la-justice').has('justice-circulaire-2004-21/'));
  // An identifier is not text: the plan's folder name "inserm-fiphfp-…" does not make every
  // Inserm action a mention of the FIPHFP.
  const fiphfp = catalogue.organisations.find((o) => o.id === 'fiphfp')!;
  assert.ok(fiphfp.groups.find((g) => g.convention.id === 'inserm-fiphfp-2023-2026')!.actions.length < 10);
  for (const o of catalogue.organisations) assert.ok(o.groups.length > 0, `${o.id} n'est cité nulle part`);
});

test('"cf." references become links when the document has the item, and only then', () => {
  const linked = [...pages].flatMap((p) => [...readFileSync(join(DIST, p), 'utf8').matchAll(/cf\. <a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${p} → ${m[2]}`));
  assert.ok(linked.includes('ucanss-agefiph-2016/preambule/index.html → annexe 1'), linked.join('\n'));
  assert.ok(linked.includes('ucanss-agefiph-2016/preambule/index.html → annexe 4'));
  assert.ok(linked.includes('inserm-hrs4r-2022/actions/action-1-3/index.html → action 7.2'));
  // The Justice circular refers to annexes that the source does not contain: left as text.
  const procedure = page('justice-circulaire-2004-21/procedures/titularisation/');
  assert.match(procedure, /cf\. annexe 8/);
});
