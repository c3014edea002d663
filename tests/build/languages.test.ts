/**
 * Passages in another language (issue 12, part 6; RGAA 8.7), checked in dist/: every occurrence of
 * an expression the content declares in another language (a glossary term's `lang`, the
 * `foreignPhrases` of documents and glossary entries) is read in that language wherever a page
 * prints it as text, and only codes of the closed list are used. The expressions come from the
 * content's declarations, through the site's own matcher (src/page-pass/pass.ts `languageMatcher`, built once with the site). On the fixture
 * site (tests/fixtures/site/), the pages of its English expression (« job coaching ») are checked by
 * name, so that removing a declaration, or the marking, fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildSite } from '../../src/catalogue/site.ts';
import { foreignForms, languageRanges } from '../../src/page-pass/foreign.ts';
import { LANGUAGE_KEYS } from '../../src/model/languages.ts';
import type { Matcher } from '../../src/model/matcher.ts';
import { CONTENT_ROOT, DIST, FIXTURE_ONLY, ON_FIXTURE, builtPages } from '../site.ts';
import { selectAll } from '../hast.ts';

const { entries } = validateAll(readContent(CONTENT_ROOT).files);
const { catalogue, languages: matcher } = buildSite(entries);
const pages = builtPages();
const tree = (page: string) => fromHtml(readFileSync(join(DIST, page), 'utf8'));

/** Where a text can hold no mark, or is not read as text. */
const NOT_MARKABLE = new Set(['script', 'style', 'template', 'textarea', 'select', 'option', 'title', 'svg', 'math', 'head']);

/**
 * The checker: the texts of a page's <body> where a declared expression is written outside any
 * element that gives its language (the page's own `<html lang="fr">` aside).
 */
function unmarked(root: Root, m: Matcher<{ lang?: string }>): string[] {
  const out: string[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type === 'element') {
        if (NOT_MARKABLE.has(child.tagName)) continue;
        if (child.properties.lang !== undefined && child.tagName !== 'html') continue;
        walk(child);
      } else if (child.type === 'text') {
        for (const r of languageRanges(m.find(child.value))) out.push(child.value.slice(r.start, r.end));
      }
    }
  };
  walk(root);
  return out;
}

const onFixture = { skip: !ON_FIXTURE && FIXTURE_ONLY };

test('the fixture site declares expressions in another language: a glossary term and a plan’s phrase', onFixture, () => {
  assert.ok(matcher, 'aucune expression déclarée dans une autre langue');
  assert.equal(catalogue.glossary.find((g) => g.id === 'job-coaching')?.data.lang, 'en');
  assert.ok(foreignForms(catalogue).length > 0);
});

test('every declared expression is marked with its language wherever a page prints it as text', () => {
  const problems: string[] = [];
  // A site that declares none has nothing to mark.
  if (matcher) for (const page of pages) for (const text of unmarked(tree(page), matcher)) problems.push(`${page} : « ${text} »`);
  assert.deepEqual(problems, []);
});

test('self-test: the check finds an expression left unmarked (the marks of a real page removed)', onFixture, () => {
  const page = 'plan-essai/actions/action-2/index.html';
  const html = readFileSync(join(DIST, page), 'utf8');
  assert.deepEqual(unmarked(fromHtml(html), matcher!), []);
  const stripped = html.replace(/<span lang="en">([^<]*)<\/span>/g, '$1');
  assert.notEqual(stripped, html);
  assert.ok(unmarked(fromHtml(stripped), matcher!).includes('job coaching'));
});

test('each declaration marks something: every declared expression is read in its language on some page', () => {
  const marked = new Set<string>();
  for (const page of pages) {
    for (const span of selectAll(tree(page), (e) => e.properties.lang !== undefined && e.tagName !== 'html')) {
      assert.ok((LANGUAGE_KEYS as string[]).includes(String(span.properties.lang)), `${page} : lang="${String(span.properties.lang)}"`);
      marked.add(`${String(span.properties.lang)}:${span.text}`);
    }
  }
  for (const form of foreignForms(catalogue))
    assert.ok(marked.has(`${form.lang}:${form.forms[0]}`), `${form.lang}:${form.forms[0]} jamais marqué`);
  for (const g of catalogue.glossary.filter((g) => g.data.lang)) assert.ok(marked.has(`${g.data.lang}:${g.data.term}`), g.id);
});

test(
  'the pages of the English phrase carry lang="en" in the heading, the text and the breadcrumb; never in <title> or attributes (fixture site)',
  onFixture,
  () => {
    const english = (page: string) =>
      selectAll(tree(`${page}index.html`), (e) => e.tagName === 'span' && e.properties.lang === 'en').map((s) => s.text);
    const action = tree('plan-essai/actions/action-2/index.html');
    const h1 = selectAll(action, (e) => e.tagName === 'h1')[0]!;
    assert.deepEqual(
      selectAll(h1, (e) => e.properties.lang === 'en').map((s) => s.text),
      ['job coaching'],
    );
    assert.ok(english('plan-essai/actions/action-2/').length >= 2, 'titre et libellé');
    const term = tree('glossaire/job-coaching/index.html');
    assert.deepEqual(
      selectAll(term, (e) => e.tagName === 'h1').map((h) => selectAll(h, (e) => e.properties.lang === 'en').map((s) => s.text)),
      [['Job coaching']],
    );
    const crumb = selectAll(term, (e) => e.tagName === 'nav' && e.properties.ariaLabel === "Fil d'Ariane")[0]!;
    assert.deepEqual(
      selectAll(crumb, (e) => e.properties.lang === 'en').map((s) => s.text),
      ['Job coaching'],
    );
    // The page title and the description are plain text: no markup can go there.
    const html = readFileSync(join(DIST, 'glossaire/job-coaching/index.html'), 'utf8');
    assert.match(html, /<title>Job coaching — Glossaire — /);
    // A list page (table of all actions) and a theme page get the marks too.
    assert.ok(english('actions/').includes('job coaching'));
    assert.ok(english('themes/recrutement-integration/').includes('job coaching'));
  },
);
