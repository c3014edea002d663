import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from '../hast.ts';
import { toHtml } from 'hast-util-to-html';
import { compilePass, languageMatcher, passData, type PassPage } from '../../src/page-pass/pass.ts';
import { passRunner } from '../../src/page-pass/page-pass.ts';
import { mainPlace, placement, textChanges, type ElementFacts } from '../../src/page-pass/rules.ts';
import { fileURLToPath } from 'node:url';

const glossary = [
  { term: 'DIS', expansion: "Délégation à l'intégrité scientifique", path: 'glossaire/dis/' },
  { term: 'intégrité scientifique', caseSensitive: false, path: 'glossaire/integrite-scientifique/' },
  { term: 'CAP', expansion: 'Commission administrative paritaire', path: 'glossaire/cap/' },
  { term: 'CAP-BEP', path: 'glossaire/cap-bep/' },
  { term: "maintien dans l'emploi", caseSensitive: false, path: 'glossaire/maintien/' },
  // A term written in another language: every occurrence, in any case (caseSensitive: false), gets lang.
  { term: 'HR Excellence in Research', caseSensitive: false, lang: 'en', path: 'glossaire/hr-excellence-in-research/' },
].map((g) => ({ data: g, id: g.path, path: g.path }));
const organisations = [{ data: { names: ['DIS'] }, id: 'dis', path: 'organisations/dis/' }];
const conventions = [
  {
    id: 'ucanss',
    // Expressions in another language declared by a document: marked wherever the site prints them, case as written.
    data: {
      foreignPhrases: [
        { text: 'Serious Game', lang: 'en' },
        { text: 'what to do', lang: 'en' },
      ],
    },
    sections: [{ id: 'ucanss/annexe-1', path: 'ucanss/annexe-1/' }],
    actions: [{ data: { number: '7.2' }, path: 'ucanss/actions/action-7-2/' }],
    axes: [],
  },
];
const catalogue = { glossary, organisations, conventions } as never;
const data = passData(catalogue);
const pass = compilePass(data);
/** The pass as a build runs it (in place here): list pages that name nothing in another language are not even parsed. */
const run = passRunner(data, languageMatcher(data));
/** The pass on the content of a page's <main>. */
const passMain = (main: string, path = 'ucanss/preambule/') => pass.main(main, { path, base: '/b/' });
/** The content changed by the pass, parsed back: assertions read the tree, not the spelling of the markup. */
const tree = (main: string, path?: string) => fromHtml(passMain(main, path), { fragment: true });
const terms = (main: string, path?: string) =>
  selectAll(tree(main, path), (e) => e.tagName === 'a' && String(e.properties.className) === 'terme').map((a) => ({
    href: a.properties.href,
    text: a.text,
    title: selectAll(a, (e) => e.tagName === 'abbr')[0]?.properties.title,
  }));

test('the first occurrence of a term in <main> is marked, linked and expanded; later ones are not', () => {
  assert.deepEqual(terms('<p>La DIS et la DIS.</p>'), [
    { href: '/b/glossaire/dis/', text: 'DIS', title: "Délégation à l'intégrité scientifique" },
  ]);
  const out = passMain('<p>La DIS et la DIS.</p>');
  assert.ok(out.startsWith('<p>La <a class="terme"'), out);
  assert.ok(out.endsWith('et la DIS.</p>'), out);
});

test('no term is marked inside a link, a heading or an attribute value; the next occurrence in text is', () => {
  const html = '<p title="la DIS">texte</p><a href="/x/">DIS</a><h2>DIS</h2><p>DIS puis intégrité scientifique</p>';
  const t = tree(html);
  assert.deepEqual(
    terms(html).map((x) => x.href),
    ['/b/glossaire/dis/', '/b/glossaire/integrite-scientifique/'],
  );
  assert.equal(selectAll(t, (e) => e.tagName === 'p')[0]!.properties.title, 'la DIS');
  assert.deepEqual(
    selectAll(t, (e) => e.tagName === 'h2').map((h) => h.children.length),
    [1],
  );
  assert.deepEqual(
    selectAll(t, (e) => e.tagName === 'a' && e.properties.href === '/x/').map((a) => a.text),
    ['DIS'],
  );
  // The marked occurrence is the one in the last paragraph.
  const last = selectAll(t, (e) => e.tagName === 'p').at(-1)!;
  assert.equal(selectAll(last, (e) => e.tagName === 'a').length, 2);
});

test('a hyphen joins words: "CAP" is not found in "CAP-BEP", which is its own term', () => {
  assert.deepEqual(
    terms('<p>un CAP-BEP</p>').map((x) => x.href),
    ['/b/glossaire/cap-bep/'],
  );
  assert.deepEqual(
    terms('<p>un CAP-BEP, puis la CAP</p>').map((x) => x.text),
    ['CAP-BEP', 'CAP'],
  );
  assert.deepEqual(terms('<p>garder le cap</p>'), []);
});

test('apostrophes, accents and spaces: one text rule', () => {
  assert.deepEqual(
    terms('<p>le MAINTIEN DANS L’EMPLOI</p>').map((x) => x.text),
    ['MAINTIEN DANS L’EMPLOI'],
  );
  assert.deepEqual(
    terms('<p>integrite\n  scientifique</p>').map((x) => x.href),
    ['/b/glossaire/integrite-scientifique/'],
  );
});

test('"cf. annexe 1" and "cf. action 7.2" link to the item when the document has it; "cf. annexe 9" stays text', () => {
  const t = tree('<p>(cf. annexe 1), (cf. l’action 7.2) et (cf. annexe 9)</p>');
  const links = selectAll(t, (e) => e.tagName === 'a').map((a) => ({ href: a.properties.href, text: a.text }));
  assert.deepEqual(links, [
    { href: '/b/ucanss/annexe-1/', text: 'annexe 1' },
    { href: '/b/ucanss/actions/action-7-2/', text: 'action 7.2' },
  ]);
  assert.equal(selectAll(t, (e) => e.tagName === 'p')[0]!.text, '(cf. annexe 1), (cf. l’action 7.2) et (cf. annexe 9)');
  // Another document's page: no annex 1 there.
  assert.deepEqual(
    selectAll(tree('<p>cf. annexe 1</p>', 'autre/preambule/'), (e) => e.tagName === 'a'),
    [],
  );
});

test("a glossary entry's own page does not link the term to itself", () => {
  assert.deepEqual(terms('<p>La DIS.</p>', 'glossaire/dis/'), []);
});

test('an element marked data-sans-glossaire keeps its text; the term is marked further on', () => {
  const t = tree('<p class="surtitre" data-sans-glossaire>Plan <span>DIS</span> 2023</p><p>La DIS.</p>');
  const [kicker, text] = selectAll(t, (e) => e.tagName === 'p');
  assert.equal(selectAll(kicker!, (e) => e.tagName === 'a').length, 0);
  assert.equal(selectAll(text!, (e) => e.tagName === 'a').length, 1);
});

test('ids and what points to them get the prefix inside a scoped container; headings move down, never past h6', () => {
  const html =
    '<div class="texte" data-prefixe-ids="art-6-" data-decalage-titres="2"><h2 id="le-constat">Le constat</h2><h5>b</h5>' +
    '<a href="#le-constat">voir</a><a href="/x/#y">ailleurs</a><label for="c">c</label><section aria-labelledby="a b" aria-describedby="d" aria-controls="e"></section></div>' +
    '<h2 id="dehors">Hors du conteneur</h2>';
  const t = tree(html);
  const div = selectAll(t, (e) => e.tagName === 'div')[0]!;
  assert.equal(div.properties.dataPrefixeIds, undefined, 'the declaration does not reach the page');
  assert.deepEqual(
    selectAll(div, (e) => /^h\d$/.test(e.tagName)).map((h) => [h.tagName, h.properties.id]),
    [
      ['h4', 'art-6-le-constat'],
      ['h6', undefined],
    ],
  );
  assert.deepEqual(
    selectAll(div, (e) => e.tagName === 'a').map((a) => a.properties.href),
    ['#art-6-le-constat', '/x/#y'],
  );
  assert.deepEqual(selectAll(div, (e) => e.tagName === 'label')[0]!.properties.htmlFor, ['art-6-c']);
  const section = selectAll(div, (e) => e.tagName === 'section')[0]!;
  assert.deepEqual(
    [section.properties.ariaLabelledBy, section.properties.ariaDescribedBy, section.properties.ariaControls],
    [['art-6-a', 'art-6-b'], ['art-6-d'], ['art-6-e']],
  );
  assert.deepEqual(
    selectAll(t, (e) => e.properties.id === 'dehors').map((h) => h.tagName),
    ['h2'],
  );
});

test("a table of a document's text gets a named, focusable scroll region; the site's own tables keep theirs", () => {
  const t = tree(
    '<div class="texte"><table><thead><tr><th>Métier</th><th><em>Code</em> emploi</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table></div>' +
      '<section class="tableau" aria-labelledby="x" tabindex="0"><table><caption id="x">Déjà</caption></table></section>',
  );
  const regions = selectAll(t, (e) => e.tagName === 'section');
  assert.equal(regions.length, 2);
  assert.deepEqual(regions[0]!.properties, { className: ['tableau'], tabIndex: 0, ariaLabel: 'Tableau : Métier, Code emploi' });
  assert.equal(regions[0]!.children.filter((c) => c.type === 'element' && c.tagName === 'table').length, 1);
  assert.equal(selectAll(regions[1]!, (e) => e.tagName === 'section').length, 0, 'no region inside a region');
});

test('the content is written as if all of it went through the tree, though only what changes is written again', () => {
  const write = { collapseEmptyAttributes: true, allowDangerousCharacters: true, characterReferences: { useNamedReferences: true } };
  const contents = [
    // Astro's spellings the writer changes: references in text and attributes, empty attributes.
    '<p title="l&#39;axe" data-pagefind-ignore>L&#39;action &quot;DIS&quot; &amp; la CAP &gt; 2</p><option value="">Tous</option>',
    // A term, a "cf." link, a table to wrap, a scoped container, <noscript>, <template>, SVG, a comment.
    '<p>DIS, cf. annexe 1</p><table><tr><th>a</th></tr></table><div data-prefixe-ids="p-"><h2 id="x">CAP</h2><p>la CAP</p></div>' +
      '<noscript><p>Sans JavaScript</p></noscript><template><p>DIS</p></template>' +
      '<svg viewBox="0 0 1 1" aria-hidden="true"><path d="M0 0h1"></path></svg><!-- note -->',
    // Markup the parser must mend (missing end tags): the whole tree path.
    '<ul><li>un<li>deux CAP</ul><p>fin',
  ];
  const page: PassPage = { path: 'ucanss/preambule/', base: '/b/' };
  for (const content of contents) {
    const viaTree = toHtml(pass.tree(fromHtml(content, { fragment: true }), page), write);
    assert.equal(pass.main(content, page), viaTree);
  }
});

/** The passages marked in another language: their language and text, in document order. */
const languages = (main: string, options: Partial<PassPage> = {}) =>
  selectAll(
    fromHtml(pass.main(main, { path: 'ucanss/preambule/', base: '/b/', ...options }), { fragment: true }),
    (e) => e.tagName === 'span' && e.properties.lang !== undefined,
  ).map((e) => `${String(e.properties.lang)}:${e.text}`);

test('every occurrence of a declared expression gets lang, in running text, headings, links and labels alike (RGAA 8.7)', () => {
  assert.deepEqual(
    languages(
      '<h1>Un Serious Game</h1><p>Le label « <em>HR Excellence in research</em> » et un Serious Game.</p>' +
        '<p data-sans-glossaire>Serious Game</p><a href="/x/">HR EXCELLENCE IN RESEARCH</a><td>Serious Game</td>',
    ),
    [
      'en:Serious Game',
      'en:HR Excellence in research',
      'en:Serious Game',
      'en:Serious Game',
      'en:HR EXCELLENCE IN RESEARCH',
      'en:Serious Game',
    ],
  );
  // Case as the document writes it: "serious game" and "WHAT TO DO" are other spellings, not declared.
  assert.deepEqual(languages('<p>un serious game, la fiche WHAT TO DO, what to do</p>'), ['en:what to do']);
  // Whole words only.
  assert.deepEqual(languages('<p>Serious Games</p>'), []);
});

test('a declared term in another language that is marked as a term keeps its link, inside the language mark', () => {
  const out = passMain('<p>Le label HR Excellence in Research, puis HR Excellence in Research.</p>');
  const t = fromHtml(out, { fragment: true });
  const spans = selectAll(t, (e) => e.tagName === 'span' && e.properties.lang === 'en');
  assert.equal(spans.length, 2);
  // The first occurrence: the link to the entry inside the mark; the second: the mark alone.
  assert.deepEqual(
    selectAll(spans[0]!, (e) => e.tagName === 'a').map((a) => [a.properties.href, a.text]),
    [['/b/glossaire/hr-excellence-in-research/', 'HR Excellence in Research']],
  );
  assert.deepEqual(
    selectAll(spans[1]!, (e) => e.tagName === 'a'),
    [],
  );
  // A term inside a passage in another language is still marked (the first DIS here).
  assert.deepEqual(
    terms('<p>what to do DIS</p>').map((x) => x.text),
    ['DIS'],
  );
  assert.deepEqual(languages('<p>what to do DIS</p>'), ['en:what to do']);
});

test('no language mark in attributes, inside an element that already has lang, nor where no element may go', () => {
  const html =
    '<p title="Serious Game" aria-label="HR Excellence in Research">texte</p><p lang="en">a Serious Game</p>' +
    '<select><option>Serious Game</option></select><textarea>Serious Game</textarea>' +
    '<svg><title>Serious Game</title></svg><template><p>Serious Game</p></template>';
  assert.deepEqual(languages(html), []);
  const out = passMain(html);
  assert.match(out, /<p title="Serious Game" aria-label="HR Excellence in Research">texte<\/p>/);
  assert.match(out, /<option>Serious Game<\/option>/);
});

test('pages made of lists get the language marks alone; those that name none are left as written', async () => {
  const list =
    '<h2>Liste</h2><ul><li><a href="/a/">Un Serious Game</a> cf. annexe 1 par la DIS</li></ul><table><tbody><tr><td>x</td></tr></tbody></table>';
  assert.deepEqual(languages(list, { languageOnly: true }), ['en:Serious Game']);
  const out = await run(list, { path: 'actions/', base: '/b/', languageOnly: true });
  // No term marked, no "cf." link, no table wrapped: the language marks only.
  assert.equal(out, list.replace('Un Serious Game', 'Un <span lang="en">Serious Game</span>'));
  const plain = '<ul><li><a href="/a/">Sans rien d&#39;anglais</a></li></ul><p>la DIS</p>';
  assert.equal(await run(plain, { path: 'actions/', base: '/b/', languageOnly: true }), plain);
  // Written with a reference by Astro (&#39;), an expression is still seen.
  const quoted = passData({
    glossary,
    organisations,
    conventions: [{ ...conventions[0], data: { foreignPhrases: [{ text: "Pick'n go", lang: 'en' }] } }],
  } as never);
  assert.match(
    await passRunner(quoted, languageMatcher(quoted))('<p>un Pick&#39;n go</p>', { path: 'actions/', base: '/b/', languageOnly: true }),
    /<span lang="en">Pick'n go<\/span>/,
  );
});

/** An element's facts as the rules read them: a plain element unless told otherwise. */
const facts = (tagName: string, more: Partial<ElementFacts> = {}): ElementFacts => ({
  tagName,
  notText: false,
  hasLang: false,
  scrollRegion: false,
  ...more,
});

test('the rule table: what is counted, marked, marked as another language, wrapped or scoped, from the parent’s place', () => {
  const page = mainPlace(false);
  const list = mainPlace(true);
  // Running text: everything goes.
  assert.deepEqual(placement(facts('p'), page).inside, { counted: true, markable: true, foreign: true, structure: true, inRegion: false });
  // A heading, a link: counted, read in another language, but no term marked.
  for (const tag of ['h2', 'a', 'code']) assert.equal(placement(facts(tag), page).inside.markable, false, tag);
  assert.equal(placement(facts('h2'), page).inside.counted, true);
  // Outside the text: neither counted nor marked; a language still marked. Inside a lang: no language mark.
  assert.deepEqual(placement(facts('div', { notText: true }), page).inside, { ...page, counted: false, markable: false });
  assert.equal(placement(facts('p', { hasLang: true }), page).inside.foreign, false);
  assert.equal(placement(facts('option'), page).inside.foreign, false);
  // Tables wrapped once; ids scoped; neither on a page made of lists, which gets the language marks alone.
  assert.equal(placement(facts('table'), page).wrap, true);
  const region = placement(facts('section', { scrollRegion: true }), page).inside;
  assert.equal(placement(facts('table'), region).wrap, false);
  assert.deepEqual(placement(facts('div', { prefixIds: 'p-', shiftHeadings: '2' }), page).scope, { prefix: 'p-', shift: 2 });
  assert.deepEqual(placement(facts('table', { prefixIds: 'p-' }), list), {
    scope: undefined,
    wrap: false,
    inside: { ...list, markable: false, counted: false },
  });
  assert.equal(textChanges(placement(facts('script'), list).inside), false);
});

test('a failure of the pass names the page, in French, the pass’s own error kept as its cause', async () => {
  const worker = fileURLToPath(new URL('../../src/page-pass/worker.ts', import.meta.url));
  const page: PassPage = { path: 'ucanss/preambule/', base: '/b/' };
  const said =
    /^La passe sur la page \/b\/ucanss\/preambule\/ a échoué \((.+)\)\. C’est une erreur du moteur du site, pas du contenu : signalez-la aux développeurs avec ce message\.$/;
  // A page the pass throws on, in the worker thread: not HTML text at all.
  await assert.rejects(passRunner(data, undefined, worker)(42 as never, page), (error: Error) => {
    assert.match(error.message, said);
    assert.match(String(error.cause), /TypeError/);
    return true;
  });
  // A worker thread that cannot even start: every page sent to it says so.
  await assert.rejects(passRunner({ references: 5 as never, findables: [] }, undefined, worker)('<p>x</p>', page), (error: Error) => {
    assert.equal(said.exec(error.message)?.[1], 'le fil de travail s’est arrêté sur une erreur');
    return true;
  });
});
