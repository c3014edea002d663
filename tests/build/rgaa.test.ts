/**
 * RGAA properties every built page must have, read from dist/: valid HTML (RGAA 8.2, checked by
 * html-validate), skip links first (12.7), three navigation systems in the same place and order
 * (12.1, 12.2), the current page marked (aria-current), the footer mention of the conformity level
 * taken from the publisher's settings, a plan du site that reaches every page (12.3), and a print
 * version that carries every action of its document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import { CONFORMITY } from '../../src/model/site.ts';
import {
  CONTENT_ROOT,
  BASE,
  DIST,
  builtPages,
  decoded,
  isErrorPage,
  linksIn,
  templateOf,
  templatePages,
  urlOf,
  builtSettings,
  ON_FIXTURE,
  TEMPLATES,
} from '../site.ts';

const site = await builtSettings();

const { entries } = validateAll(readContent(CONTENT_ROOT).files);
const catalogue = buildCatalogue(entries);
const pages = builtPages();
const html = new Map(pages.map((p) => [p, readFileSync(join(DIST, p), 'utf8')]));

/** The opening tags of the elements a keyboard reaches, in document order. */
function focusables(source: string): string[] {
  const body = source.slice(source.indexOf('<body'));
  return [...body.matchAll(/<(a|input|button|select|textarea)\b[^>]*>|<[a-z]+\b[^>]*\btabindex="0"[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\btype="hidden"/.test(tag));
}

/**
 * "standard" holds the rules of the HTML specification; "a11y" adds the accessibility ones (unique
 * landmark names, labelled controls, forms with a submit button…); "heading-level" makes sure
 * headings start at h1, with one h1, and never skip a level (RGAA 9.1). The table roles are
 * allowed although implied: the actions tables restyled on a narrow screen must state them, or
 * WebKit drops their table semantics (issue 23, src/styles/global.css `.tableau-actions`).
 */
const validator = () =>
  new HtmlValidate({
    extends: ['html-validate:standard', 'html-validate:a11y'],
    rules: {
      'heading-level': ['error', { allowMultipleH1: false }],
      'no-redundant-role': ['error', { exclude: ['table', 'rowgroup', 'row', 'columnheader', 'rowheader', 'cell'] }],
    },
  });

/**
 * What a page has after its body: nothing but `</html>` is allowed. A script that a page writes
 * after its layout (`<Base>…</Base><script>`) lands after `</html>`, which the HTML parser repairs
 * silently and html-validate does not report.
 */
function afterBody(source: string): string {
  const end = source.lastIndexOf('</body>');
  return end < 0
    ? source
    : source
        .slice(end + '</body>'.length)
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/\s+/g, '');
}

test('every page is valid HTML: no duplicate id, correct nesting, no heading skipped (html-validate, RGAA 8.2, 9.1)', async () => {
  const errors: string[] = [];
  for (const [page, source] of html) {
    const report = await validator().validateString(source, page);
    for (const result of report.results) {
      for (const m of result.messages) errors.push(`${page}:${m.line}:${m.column} ${m.ruleId} — ${m.message}`);
    }
  }
  assert.deepEqual(errors, []);
});

test('the validator does fail on a duplicate id and on a misnested element', async () => {
  const bad = '<!doctype html><html lang="fr"><head><title>t</title></head><body><p id="a"><div id="a">x</div></p></body></html>';
  const report = await validator().validateString(bad, 'faux.html');
  const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
  assert.ok(rules.includes('no-dup-id'), rules.join(', '));
  assert.ok(
    rules.some((r) => ['element-permitted-content', 'close-order', 'no-implicit-close'].includes(r)),
    rules.join(', '),
  );
});

test('the validator does fail on a heading that skips a level (h1 then h3) and on a second h1', async () => {
  const page = (main: string) => `<!doctype html><html lang="fr"><head><title>t</title></head><body><main>${main}</main></body></html>`;
  const rules = async (main: string) =>
    (await validator().validateString(page(main), 'faux.html')).results.flatMap((r) => r.messages.map((m) => m.ruleId));
  assert.deepEqual(await rules('<h1>Document</h1><h3>Identification des parties</h3>'), ['heading-level']);
  assert.deepEqual(await rules('<h1>Document</h1><h2>Partie</h2><h1>Autre</h1>'), ['heading-level']);
  assert.deepEqual(await rules('<h1>Document</h1><h2>Présentation</h2><h3>Identification des parties</h3><h2>Axes</h2>'), []);
});

test('every page ends with its body: nothing after </body> but </html>', () => {
  const wrong = [...html]
    .filter(([, source]) => afterBody(source) !== '</html>')
    .map(([page, source]) => `${page} : ${afterBody(source).slice(0, 120)}`);
  assert.deepEqual(wrong, []);
});

test('the end-of-page check does fail on a script written after </html> or between </body> and </html>', () => {
  const page = (end: string) => `<!doctype html><html lang="fr"><head><title>t</title></head><body><main></main></body>${end}`;
  assert.equal(afterBody(page('</html>\n')), '</html>');
  assert.equal(afterBody(page('\n<!-- fin -->\n</html>')), '</html>');
  assert.notEqual(afterBody(page('</html><script type="module" src="/_astro/index.js"></script>')), '</html>');
  assert.notEqual(afterBody(page('<script>x()</script></html>')), '</html>');
  assert.notEqual(afterBody(page('')), '</html>');
});

test('on every page the three skip links come first and reach the content, the search and the menu', () => {
  for (const [page, source] of html) {
    const first = focusables(source)
      .slice(0, 3)
      .map((tag) => tag.match(/href="([^"]+)"/)?.[1]);
    assert.deepEqual(first, ['#contenu', '#recherche-entete-champ', '#menu'], page);
    for (const id of ['contenu', 'recherche-entete-champ', 'menu']) assert.match(source, new RegExp(`\\sid="${id}"`), `${page} : #${id}`);
  }
});

/** The main menu: the same seven entries whatever the number of documents (issue 9). */
const MENU = ['', 'documents/', 'actions/', 'themes/', 'glossaire/', 'organisations/', 'recherche/'].map((p) => `${BASE}${p}`);

test('every page has the menu, the search form and the plan du site, in the same places and order', () => {
  const menus = new Set<string>();
  for (const [page, source] of html) {
    const menu = linksIn(source, /<nav id="menu"/, '</nav>');
    assert.deepEqual(menu, MENU, `${page} : menu principal`);
    menus.add(menu.join(' '));
    const header = source.slice(source.indexOf('<header'), source.indexOf('</header>'));
    assert.match(header, /<form[^>]*role="search"[^>]*action="[^"]*recherche\/"/, `${page} : recherche dans l'en-tête`);
    const footer = linksIn(source, /<footer/, '</footer>');
    assert.ok(footer.includes(`${BASE}plan-du-site/`), `${page} : lien vers le plan du site`);
    // Same order on every page: skip links, header (name, search, menu), breadcrumb, main, footer.
    const order = ['class="liens-evitement"', '<header', 'role="search"', 'id="menu"', '<main', '<footer'].map((m) => source.indexOf(m));
    assert.ok(
      order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)),
      `${page} : ordre des zones ${order.join(', ')}`,
    );
  }
  assert.equal(menus.size, 1, 'le menu principal est le même sur toutes les pages');
});

test('on narrow screens the menu folds into a native disclosure, usable without script', () => {
  for (const [page, source] of html) {
    const nav = source.slice(source.search(/<nav id="menu"/), source.indexOf('</nav>', source.search(/<nav id="menu"/)));
    // <details>/<summary>: the browser opens and closes it, by keyboard too, and says its state.
    assert.match(nav, /^<nav id="menu"[^>]*><details class="navigation__repli"><summary[^>]*>Menu<\/summary><ul[^>]*>/, page);
    assert.doesNotMatch(nav, /<details[^>]*\sopen/, page);
  }
  // From 48rem on the list is drawn and the summary is not, where the browser can style the
  // disclosure's content; elsewhere the folded menu stays (tests/browser check both widths).
  const css = readdirSync(join(DIST, '_astro'))
    .filter((f) => f.endsWith('.css'))
    .map((f) => readFileSync(join(DIST, '_astro', f), 'utf8'))
    .join('');
  assert.match(css, /@supports selector\(::details-content\)/);
  assert.match(css, /\.navigation__repli::details-content\{content-visibility:visible;display:contents\}/);
});

test('every page but the home page and the error pages has a breadcrumb; the current menu item carries aria-current', () => {
  for (const [page, source] of html) {
    if (page !== 'index.html' && !isErrorPage(page)) assert.match(source, /<nav class="fil-ariane" aria-label="Fil d'Ariane">/, page);
  }
  const marked = (source: string) => [...source.matchAll(/<a href="([^"]+)" aria-current="page"/g)].map((m) => m[1]);
  // The page of each convention, and everything under it, marks the « Documents » entry.
  for (const c of catalogue.conventions) {
    for (const page of [
      `${c.path}index.html`,
      `${c.path}imprimer/index.html`,
      `${c.actions[0]?.path ?? c.path}index.html`,
      `${c.procedures[0]?.path ?? c.path}index.html`,
    ]) {
      assert.deepEqual(marked(html.get(page)!), [`${BASE}documents/`], page);
    }
  }
  assert.deepEqual(marked(html.get('documents/index.html')!), [`${BASE}documents/`]);
  assert.deepEqual(marked(html.get('index.html')!), [BASE]);
  assert.deepEqual(marked(html.get('recherche/index.html')!), [`${BASE}recherche/`]);
  assert.deepEqual(marked(html.get('glossaire/index.html')!), [`${BASE}glossaire/`]);
  assert.deepEqual(marked(html.get('plan-du-site/index.html')!), [`${BASE}plan-du-site/`]);
});

test('every page states the conformity level set by the publisher, linked to the declaration', () => {
  const mention = `Accessibilité : ${CONFORMITY[site.accessibility.conformity]}`;
  for (const [page, source] of html) {
    const footer = source.slice(source.indexOf('<footer'));
    assert.match(footer, new RegExp(`<a href="${BASE}accessibilite/"[^>]*>${mention}</a>`), `${page} : « ${mention} »`);
  }
});

test('the accessibility declaration follows the official model', () => {
  const source = decoded(html.get('accessibilite/index.html')!);
  for (const heading of [
    'État de conformité',
    'Résultats des tests',
    'Contenus non accessibles',
    "Établissement de cette déclaration d'accessibilité",
    'Technologies utilisées pour la réalisation du site',
    'Environnement de test',
    "Outils pour évaluer l'accessibilité",
    "Pages du site ayant fait l'objet de la vérification de conformité",
    "Retour d'information et contact",
    'Voies de recours',
  ]) {
    assert.ok(source.includes(`>${heading}</h`), `rubrique « ${heading} »`);
  }
  assert.match(source, /Défenseur des droits/);
  assert.match(source, /article 47 de la loi n° 2005-102/);
  assert.ok(source.includes(CONFORMITY[site.accessibility.conformity]));
});

test('the plan du site, with the plans of the documents it links to, links to every page of the site', () => {
  const plans = pages.filter((p) => p.startsWith('plan-du-site/'));
  assert.ok(plans.length > 1, 'un plan par document');
  const links = new Set(plans.flatMap((p) => linksIn(html.get(p)!, /<main/, '</main>')));
  // Pages 2, 3… of a list are reached from its first page (tests/build/crosscut.test.ts).
  const missing = pages.filter(
    (p) => !isErrorPage(p) && p !== 'plan-du-site/index.html' && !/\/page-\d+\/index\.html$/.test(p) && !links.has(urlOf(p)),
  );
  assert.deepEqual(missing, []);
});

test('each document has a print version with every action, its status in words', () => {
  for (const c of catalogue.conventions) {
    const source = html.has(`${c.path}imprimer/index.html`) ? decoded(html.get(`${c.path}imprimer/index.html`)!) : undefined;
    assert.ok(source, `${c.path}imprimer/`);
    assert.equal(source.match(/class="impression__action"/g)?.length ?? 0, c.actions.length, c.id);
    for (const action of c.actions) {
      if (action.status) assert.ok(source.includes(action.status.label), `${action.path} : « ${action.status.label} »`);
    }
    for (const axis of c.axes) assert.ok(source.includes(axis.data.title), axis.id);
    assert.equal(source.match(/class="impression__procedure"/g)?.length ?? 0, c.procedures.length, `${c.id} : procédures`);
  }
});

test('the theme is applied from <head>, before anything is painted, by a script file of the site (no inline script: CSP)', () => {
  const scripts = new Set<string>();
  for (const [page, source] of html) {
    const head = source.slice(0, source.indexOf('</head>'));
    // A classic script (neither module, async nor defer): it runs before the body is parsed.
    const tag = /<script src="([^"]+)"><\/script>/.exec(head);
    assert.ok(tag, `${page} : pas de script du thème dans <head>`);
    scripts.add(tag[1]!);
  }
  assert.equal(scripts.size, 1, [...scripts].join(', '));
  const [url] = [...scripts];
  assert.match(url!, new RegExp(`^${BASE}_astro/theme-head\\.[\\w-]+\\.js$`));
  assert.match(readFileSync(join(DIST, url!.slice(BASE.length)), 'utf8'), /localStorage\.getItem\('theme'\)/);
});

test('every page belongs to a template that the keyboard, reflow and text-spacing tests visit', () => {
  assert.deepEqual(
    pages.filter((p) => !templateOf(p)),
    [],
  );
  const templates = templatePages(pages);
  for (const [name, page] of templates) assert.equal(templateOf(page), name);
  // The fixture site has a page of every template, but the next pages of a list: its lists are
  // shorter than a page (src/catalogue/paginate.ts).
  if (ON_FIXTURE) {
    assert.deepEqual(
      TEMPLATES.filter((t) => !templates.has(t)),
      ["page suivante d'une liste"],
    );
  }
});
