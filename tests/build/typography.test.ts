/**
 * French typography of the visible text of every built page (issue 20, part 4): the defects a
 * page composes from pieces — a count, a document's level word, a date, a link — and that a
 * reader sees at once: « Nombre de actions », « Bilan 2023-2025.Premier bilan », « sur la
 * pageDonnées ouvertes », « en vigueur depuis le 2026 », « 0 sections ». Each page is parsed once;
 * a self-test injects each defect into a copy of a real page and sees it reported.
 * Run after `npm run build` (scripts/tooling/test.sh does).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import { DIST, builtPages, builtSettings } from '../site.ts';

/** A defect found, with the text around it so that the report shows where. */
interface Defect {
  kind:
    | 'élision'
    | 'espace entre deux phrases'
    | 'espace après une virgule'
    | 'espace avant ou après un lien'
    | 'date sans jour'
    | 'zéro au pluriel';
  excerpt: string;
}

/** Elements whose text flows with the words around it; any other element starts a new block. */
const INLINE = new Set('a abbr b bdi bdo cite data dfn em i mark q s small span strong sub sup time u var del ins label output'.split(' '));
/** Elements whose text is not prose (code, commands, addresses) or not shown. */
const SKIPPED = new Set(['script', 'style', 'template', 'svg', 'code', 'kbd', 'samp', 'pre', 'head']);
/** Stand-in for a skipped inline element (« voir <code>x</code>. »): neither a letter nor a space. */
const OBJECT = '\uFFFC';
/** Marks where a link starts and ends, for the spacing check; removed before the others. */
const LINK = '\uE000';

/**
 * The visible French text of a page: blocks on their own lines, links marked. Passages in another
 * language (`lang` not French, RGAA 8.7) are left out: their grammar is not French.
 */
export function visibleText(root: Root): string {
  const out: string[] = [];
  // A link in a superscript is a note call (« handicap²»): it sits against its word by design.
  let inSup = 0;
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') out.push(node.value);
      else if (node.type === 'element') element(node);
    }
  };
  const element = (e: Element) => {
    const lang = e.properties.lang;
    const inline = INLINE.has(e.tagName);
    if (SKIPPED.has(e.tagName) || (typeof lang === 'string' && !/^fr\b/i.test(lang))) {
      out.push(inline || e.tagName === 'code' || e.tagName === 'kbd' ? OBJECT : '\n');
      return;
    }
    if (e.tagName === 'br') return void out.push('\n');
    if (!inline) out.push('\n');
    const marked = e.tagName === 'a' && inSup === 0;
    if (e.tagName === 'sup') inSup++;
    if (marked) out.push(LINK);
    walk(e.children);
    if (marked) out.push(LINK);
    if (e.tagName === 'sup') inSup--;
    if (!inline) out.push('\n');
  };
  walk(root.children);
  return out.join('').replace(/[ \t\r]+/g, ' ');
}

const VOWEL = 'aeiouàâäéèêëîïôöùûüœæ';
/** Words after which « de », « le », « la » do not elide in writing: numbers read aloud, and « oui ». */
const NO_ELISION = new Set(['un', 'une', 'onze', 'onzième', 'oui', 'ouate']);
/** Invariable nouns ending in s: « 0 fois » is right. */
const INVARIABLE = new Set(['fois', 'mois', 'cas', 'pas', 'prix', 'avis', 'corps']);

/** Each check: a pattern over the text, and a filter for the matches that are not defects. */
const CHECKS: { kind: Defect['kind']; pattern: RegExp; defect?: (m: RegExpExecArray, text: string) => boolean }[] = [
  {
    // « de actions », « le axe », « que il »: before a vowel these elide (« d’actions »). An
    // acronym spelt out letter by letter or read as a word (« de UCANSS »?) is ambiguous: only words
    // with a lower-case letter after the first are checked. « h » is left out: most h here are
    // aspirated (« de handicap »), and a mute one is rare enough to be caught by review.
    kind: 'élision',
    // (No « i » flag: with it, \p{Ll} would match capitals too.)
    pattern: new RegExp(`(?<![\\p{L}\\p{N}’'-])([Dd]e|[Ll][ea]|[Qq]ue) ([${VOWEL}${VOWEL.toUpperCase()}]\\p{Ll}[\\p{L}-]*)`, 'gu'),
    defect: (m) => !NO_ELISION.has(m[2]!.toLowerCase()),
  },
  {
    // « 2023-2025.Premier »: a sentence ends (a word or a number, then . ! ?) and the next starts
    // at once with a capital and a lower-case letter. « 1.2 », « M.Dupont » (one letter before
    // the point) and « L.5212-13 » do not match; an address (« www.Exemple.fr », a path) is let go.
    kind: 'espace entre deux phrases',
    pattern: /[\p{Ll}\d]{2}[.!?…][\p{Lu}]\p{Ll}/gu,
    defect: (m, text) => !/[/@]|www\./.test(tokenAt(text, m.index)),
  },
  {
    // « circulaires),206 actions »: a comma or a semicolon right against the next word. A decimal
    // (« 3,5 ») has a digit before its comma, a list of codes one letter (« catégorie A,B,C », as the
    // source prints it); an address is let go.
    kind: 'espace après une virgule',
    pattern: /(?:\p{L}{2}|[)»])[,;][\p{L}\d]/gu,
    defect: (m, text) => !/[/@=]|www\./.test(tokenAt(text, m.index)),
  },
  {
    // « sur la page<a>Données ouvertes</a> »: a letter or digit right against a link's first or last.
    kind: 'espace avant ou après un lien',
    pattern: new RegExp(`[\\p{L}\\p{N}]${LINK}[\\p{L}\\p{N}]`, 'gu'),
  },
  {
    // « le 2026 »: « le » announces a day (« le 16 novembre 2026 »); a month or a year alone takes
    // « en » or nothing (« depuis 2026 », « en novembre 2026 »).
    kind: 'date sans jour',
    pattern: /(?<![\p{L}’'-])[Ll]e (\d{4})(?![\d\p{L}])/gu,
  },
  {
    // « 0 sections »: zero takes the singular in French (« 0 section », or « aucune section »).
    // « 10 sections » and « 1 000 sections » do not match (a digit or a thousands space before).
    kind: 'zéro au pluriel',
    pattern: /(?<![\d,.])(?<!\d[ \u00a0\u202f])\b0 (\p{Ll}+s)\b/gu,
    defect: (m) => !INVARIABLE.has(m[1]!),
  },
];

/** The run of non-space characters around a position. */
function tokenAt(text: string, index: number): string {
  const start = text.lastIndexOf(' ', index) + 1;
  const end = text.indexOf(' ', index);
  return text
    .slice(start, end === -1 ? undefined : end)
    .split('\n')
    .join(' ');
}

/** The defects of one page's HTML. */
export function typographyDefects(html: string): Defect[] {
  const marked = visibleText(fromHtml(html));
  const plain = marked.replaceAll(LINK, '');
  const found: Defect[] = [];
  for (const { kind, pattern, defect } of CHECKS) {
    const text = kind === 'espace avant ou après un lien' ? marked : plain;
    for (const m of text.matchAll(pattern)) {
      if (defect && !defect(m, text)) continue;
      const excerpt = text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30);
      found.push({ kind, excerpt: excerpt.replaceAll(LINK, '|').replace(/\s+/g, ' ').trim() });
    }
  }
  return found;
}

const pages = builtPages();

test('the visible text of every built page is free of the typography defects composed pages make', () => {
  assert.ok(pages.length > 0, 'aucune page construite : lancez `npm run build` avant ce test');
  const report: string[] = [];
  for (const page of pages) {
    for (const d of typographyDefects(readFileSync(join(DIST, page), 'utf8'))) report.push(`${page} — ${d.kind} : « ${d.excerpt} »`);
  }
  assert.deepEqual(report, [], `${report.length} défauts :\n${report.slice(0, 40).join('\n')}`);
});

test('nothing unfinished reaches a published page: no placeholder, no path of the settings file, no draft banner; a draft says so on every page', async () => {
  // src/model/site.ts refuses a placeholder unless the site is built as a draft (a starter site,
  // npm run site:vierge), which then says so on every page.
  const draft = (await builtSettings()).draft;
  const banner = /class="[^"]*\bbrouillon\b/;
  const read = (page: string) => readFileSync(join(DIST, page), 'utf8');
  if (draft)
    assert.deepEqual(
      pages.filter((page) => !banner.test(read(page))),
      [],
      'version de travail sans bandeau',
    );
  else
    assert.deepEqual(
      pages.filter((page) => /à renseigner|src\/config\.ts/i.test(read(page)) || banner.test(read(page))),
      [],
    );
});

test('self-test: each defect injected into a copy of a real page is reported, and only it', () => {
  const page = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.deepEqual(typographyDefects(page), [], 'la page d’accueil doit être propre pour servir de témoin');
  const inject = (fragment: string) => typographyDefects(page.replace('</main>', `${fragment}</main>`)).map((d) => d.kind);
  assert.deepEqual(inject('<p>Nombre de actions par axe</p>'), ['élision']);
  assert.deepEqual(inject('<p>Voir le axe 2 et que il soit</p>'), ['élision', 'élision']);
  assert.deepEqual(inject('<p>Bilan 2023-2025.Premier bilan du document</p>'), ['espace entre deux phrases']);
  assert.deepEqual(inject('<p>sur la page<a href="#">Données ouvertes</a>.</p>'), ['espace avant ou après un lien']);
  assert.deepEqual(inject('<p>voir <a href="#">ici</a>maintenant</p>'), ['espace avant ou après un lien']);
  assert.deepEqual(inject('<p>5 documents (conventions, circulaires),206 actions</p>'), ['espace après une virgule']);
  assert.deepEqual(inject('<p>en vigueur depuis le 2026</p>'), ['date sans jour']);
  assert.deepEqual(inject('<p>0 sections, 0 procédures</p>'), ['zéro au pluriel', 'zéro au pluriel']);
});

test('self-test: what is right is not reported', () => {
  const page = readFileSync(join(DIST, 'index.html'), 'utf8');
  const fragment = [
    '<p>Nombre d’actions, de documents, de handicap ; le 16 novembre 2026 ; depuis 2026 ; en novembre 2026.</p>',
    '<p>Version 1.2 ; M.Dupont ; article L.5212-13 ; www.Exemple.fr ; voir https://exemple.fr/Page.Html.</p>',
    '<p>Sur la page <a href="#">Données ouvertes</a>, puis l’<a href="#">action</a>, et une note<sup><a href="#n1">1</a></sup>.</p>',
    '<p>Taux de 3,5 % ; catégorie A,B,C ; (a), (b) ; voir https://exemple.fr/?a=1,2.</p>',
    '<p>0 section, 0 fois, 10 sections, 1 000 actions, 1,0 sections ; de un à trois ; de UCANSS.</p>',
    '<p lang="en">the HR Excellence in Research la Ultima de Eu</p>',
    '<p>Voir <code>src/config.ts</code>.</p><h2>Titre</h2><p>Texte</p>',
  ].join('');
  assert.deepEqual(typographyDefects(page.replace('</main>', `${fragment}</main>`)), []);
});
