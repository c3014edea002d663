/**
 * What the search index holds, read from the records Pagefind wrote in dist/pagefind/ (the text
 * its excerpts are cut from): the page's title first, then the document's own words, without the
 * site's labels glued to their values ("StatutEn coursIndicateur…", issue 9), its kickers, lists
 * of links or navigation. The labels are kept out by data-pagefind-ignore in the page components,
 * or given as metadata (document, statut, responsables) shown apart from the excerpt. The titles
 * of the evidence of an action's statuses are in its page's record (issue 24).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_ROOT, DIST, searchRecords, ON_FIXTURE } from '../site.ts';
import { buildCatalogue, sectionTrail } from '../../src/catalogue/catalogue.ts';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildSearchIndex, searchEntries } from '../../src/integration/search-index.ts';
import { tempDir } from '../temp-dir.ts';
import { paths } from '../../src/lib/paths.ts';

/** All the text of content/, where a word such as "DuoDay" legitimately has a capital inside. */
function contentText(): string {
  const folder = join(CONTENT_ROOT, 'content');
  return (readdirSync(folder, { recursive: true }) as string[])
    .filter((f) => /\.(mdx?|ya?ml|json)$/.test(f))
    .map((f) => readFileSync(join(folder, f), 'utf8'))
    .join('\n');
}

/**
 * Words made of two glued by the page layout: a lower-case letter, a closing bracket or a full stop
 * followed by a capital ("StatutEn", "(R)Indicateur", "2022).Thème"), unless the sources write the
 * word that way ("DuoDay").
 */
export function gluedWords(content: string, sources: string): string[] {
  const words = content.match(/[^\s,;:!?«»"]*[\p{Ll}).]\p{Lu}[^\s,;:!?«»"]*/gu) ?? [];
  return words.map((w) => w.replace(/^\(|[.)]+$/g, '')).filter((w) => !sources.includes(w));
}

/** Site furniture that is never the document's text: labels, kickers, lists, navigation. */
const FURNITURE = [
  'Note sur le document source',
  "Texte de l'action",
  "Texte de l'engagement",
  'Texte de la mesure',
  'Description dans le document',
  'Voir aussi',
  'Dans les documents',
  'Dans cette partie',
  'Sur les mêmes thèmes',
  'Suivi par bilan',
  'Version à imprimer',
  'Identité du document',
  'Sommaire des',
  'Précédente :',
  'Suivante :',
  'Procédure précédente',
  'Procédure suivante',
  'Partie précédente',
  'Partie suivante',
  'Page précédente',
  'Page suivante',
  'Légende des indicateurs',
  'Cité dans ',
];

export function furnitureIn(content: string): string[] {
  return FURNITURE.filter((f) => content.includes(f));
}

const all = searchRecords();
const sources = contentText();

test('each search record starts with its page title, nothing before (no kicker, no breadcrumb)', () => {
  assert.ok(all.length > 0, 'aucun enregistrement');
  const wrong = all.filter((r) => !r.content.startsWith(r.meta.title!)).map((r) => `${r.url} : « ${r.content.slice(0, 80)} »`);
  assert.deepEqual(wrong, []);
});

test('no search record glues a label to its value, nor holds the site furniture', () => {
  const glued = all.flatMap((r) => gluedWords(r.content, sources).map((w) => `${r.url} : ${w}`));
  assert.deepEqual(glued, []);
  const furniture = all.flatMap((r) => furnitureIn(r.content).map((f) => `${r.url} : « ${f} »`));
  assert.deepEqual(furniture, []);
});

test('labels are metadata, shown apart: the document of each item, the status and responsibles of actions', () => {
  const actions = all.filter((r) => /\/actions\/[^/]+\/$/.test(r.url));
  assert.ok(actions.length > 0);
  for (const r of actions) assert.ok(r.meta.document, r.url);
  // The status and responsibles of a known action of the fixture site.
  if (!ON_FIXTURE) return;
  const action = all.find((r) => r.url.endsWith('/plan-essai/actions/action-3/'));
  assert.equal(action?.meta.statut, 'En cours');
  assert.equal(action?.meta.responsables, 'DRH / Pôle carrières, RH');
});

/**
 * The evidence titles (issue 24) of each action that its page's search record does not hold:
 * `action: title` for each one missing. Empty when a search finds every title on its action.
 */
function unindexedEvidence(records: { url: string; content: string }[], actions: { id: string; titles: string[] }[]): string[] {
  const byUrl = new Map(records.map((r) => [r.url, r.content]));
  return actions.flatMap(({ id, titles }) =>
    titles.filter((t) => !(byUrl.get(`/${paths.action(id)}`) ?? '').includes(t)).map((t) => `${id} : « ${t} »`),
  );
}

test('the label of every indicator and the title of every piece of evidence are in the search record of its action page, and the check can fail', () => {
  const { entries } = validateAll(readContent(CONTENT_ROOT).files);
  const actions = entries.actions.map((a) => ({
    id: a.id,
    titles: [
      ...(a.data.indicators ?? []).map((i) => i.label),
      ...(a.data.statuses ?? []).flatMap((s) => (s.evidence ?? []).map((e) => e.title)),
    ],
  }));
  assert.deepEqual(unindexedEvidence(all, actions), []);
  if (ON_FIXTURE)
    assert.ok(
      actions.some((a) => a.titles.length > 0),
      'le site d’essai a des indicateurs et des justificatifs',
    );
  // Self-test: a title its record does not hold is reported.
  const [first] = entries.actions;
  assert.deepEqual(unindexedEvidence(all, [{ id: first!.id, titles: ['Titre absent zzz'] }]), [`${first!.id} : « Titre absent zzz »`]);
});

test('every search record has one type, the label its result opens with (issue 23)', () => {
  const untyped = all.filter((r) => r.filters.type?.length !== 1).map((r) => `${r.url} : ${JSON.stringify(r.filters.type ?? [])}`);
  assert.deepEqual(untyped, []);
});

test('a record inside a document says where: the parts between the document and itself, as its breadcrumb', () => {
  const catalogue = buildCatalogue(validateAll(readContent(CONTENT_ROOT).files).entries);
  const crumbs = (parts: { crumb: string }[]) => (parts.length > 0 ? parts.map((p) => p.crumb).join(', ') : undefined);
  const expected = new Map<string, string | undefined>([
    ...catalogue.actions.map((a): [string, string | undefined] => [
      a.path,
      crumbs([...sectionTrail(a.axis.section), a.axis, ...(a.objective ? [a.objective] : [])]),
    ]),
    ...catalogue.conventions.flatMap((d) => d.sections.map((s): [string, string | undefined] => [s.path, crumbs(sectionTrail(s.parent))])),
    ...catalogue.conventions.flatMap((d) => d.axes.map((a): [string, string | undefined] => [a.path, crumbs(sectionTrail(a.section))])),
    ...catalogue.conventions.flatMap((d) =>
      d.procedures.map((p): [string, string | undefined] => [p.path, crumbs(sectionTrail(p.section))]),
    ),
    ...catalogue.conventions.map((d): [string, string | undefined] => [d.path, undefined]),
  ]);
  const byUrl = new Map(all.map((r) => [r.url, r]));
  const wrong = [...expected]
    .filter(([path, part]) => byUrl.get(`/${path}`)?.meta.partie !== part)
    .map(([path, part]) => `${path} : « ${byUrl.get(`/${path}`)?.meta.partie} » au lieu de « ${part} »`);
  assert.deepEqual(wrong, []);
  // Some records do sit in a part: the check above is not only about their absence.
  assert.ok([...expected.values()].some(Boolean));
});

test('the checks above do fail on a record glued as before issue 9', () => {
  const before =
    "Plan d'action HRS4R Inserm 2022. Action 5.9 : Obtenir un nouveau financement. StatutEn coursIndicateur lors de l'évaluation (mars 2022).ThèmeThème 5 : Non-discrimination HandicapResponsablesRHÀ réaliser2nd sem. 2022 Texte de l'action. Voir aussi. Le DuoDay.";
  assert.deepEqual(gluedWords(before, 'Le DuoDay'), ['StatutEn', 'coursIndicateur', '2022).ThèmeThème', 'HandicapResponsablesRHÀ']);
  assert.deepEqual(furnitureIn(before), ["Texte de l'action", 'Voir aussi']);
  assert.ok(!before.startsWith('Action 5.9 : Obtenir un nouveau financement'));
});

test('the index build fails, in French, naming each entry without a search record; it passes on the site as built', () => {
  // A copy of the project's content and built pages, with or without one glossary entry more than the pages.
  const root = tempDir('index-recherche-');
  try {
    cpSync(join(CONTENT_ROOT, 'content'), join(root, 'content'), { recursive: true });
    cpSync(DIST, join(root, 'dist'), { recursive: true, filter: (src) => !src.includes(`${join(DIST, 'pagefind')}`) });
    symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'));
    // What the build's integration runs in astro:build:done (src/integration/site-build.ts).
    const indexed = buildSearchIndex(root, join(root, 'dist'));
    assert.equal(indexed, searchEntries(root).length);
    writeFileSync(join(root, 'content/glossaire/zz-sans-page.mdx'), '---\nterm: "ZZ"\ndefinition: "Entrée sans page."\n---\n');
    assert.throws(
      () => buildSearchIndex(root, join(root, 'dist')),
      (error: Error) => {
        assert.match(
          error.message,
          /^Index de recherche incomplet : (\d+) entrées .*, (?!\1)\d+ pages indexées\. Chaque entrée doit avoir sa page/,
        );
        assert.match(
          error.message,
          /\nEntrée sans enregistrement \(page absente de dist\/ ou sans data-pagefind-body\) :\n {2}- content\/glossaire\/zz-sans-page\.mdx$/,
        );
        return true;
      },
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
