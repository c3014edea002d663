import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enrichHtml, termPattern } from '../../src/lib/enrich.ts';

const glossary = [
  { term: 'DIS', expansion: "Délégation à l'intégrité scientifique", path: 'glossaire/dis/' },
  { term: 'intégrité scientifique', caseSensitive: false, path: 'glossaire/integrite-scientifique/' },
  { term: 'CAP', expansion: 'Commission administrative paritaire', path: 'glossaire/cap/' },
].map((g) => ({ ...g, data: g, id: g.path })) as never;
const conventions = [
  { id: 'ucanss', sections: [{ id: 'ucanss/annexe-1', path: 'ucanss/annexe-1/' }], actions: [], axes: [] },
] as never;
const enrich = (main: string, path = 'ucanss/preambule/') =>
  enrichHtml(`<html><body><h1>DIS</h1><main>${main}</main><footer>DIS</footer></body></html>`, { path, base: '/b/', catalogue: { glossary, conventions } });

test('the first occurrence of a term in <main> is marked and linked; later ones and other zones are not', () => {
  const out = enrich('<p>La DIS et la DIS.</p>');
  assert.match(out, /<p>La <a class="terme" href="\/b\/glossaire\/dis\/"><abbr title="Délégation à l&#39;intégrité scientifique|Délégation à l'intégrité scientifique">DIS<\/abbr><\/a> et la DIS\.<\/p>/);
  assert.match(out, /<h1>DIS<\/h1>/);
  assert.match(out, /<footer>DIS<\/footer>/);
});

test('no term is marked inside another mark, a link, a heading or an attribute value', () => {
  const out = enrich('<p title="la DIS">texte</p><a href="/x/">DIS</a><h2>DIS</h2><p>DIS puis intégrité scientifique</p>');
  assert.match(out, /<p title="la DIS">texte<\/p><a href="\/x\/">DIS<\/a><h2>DIS<\/h2>/);
  assert.equal(out.match(/class="terme"/g)?.length, 2);
  assert.doesNotMatch(out, /title="[^"]*<a/);
});

test('a hyphen joins words, so "CAP" is not marked inside "CAP-BEP"', () => {
  assert.ok(!termPattern({ term: 'CAP' } as never).test('un CAP-BEP'));
  assert.ok(termPattern({ term: 'CAP' } as never).test('la CAP compétente'));
});

test('"cf. annexe 1" links when the document has annex 1; "cf. annexe 9" stays text', () => {
  const out = enrich('<p>(cf. annexe 1) et (cf. annexe 9)</p>');
  assert.match(out, /\(cf\. <a href="\/b\/ucanss\/annexe-1\/">annexe 1<\/a>\) et \(cf\. annexe 9\)/);
});

test("a glossary entry's own page does not link the term to itself", () => {
  const out = enrich('<p>La DIS.</p>', 'glossaire/dis/');
  assert.doesNotMatch(out, /glossaire\/dis\//);
});

test('an element marked data-sans-glossaire keeps its text; the term is marked further on', () => {
  const out = enrich('<p class="surtitre" data-sans-glossaire>Plan <span>DIS</span> 2023</p><p>La DIS.</p>');
  assert.match(out, /<p class="surtitre" data-sans-glossaire>Plan <span>DIS<\/span> 2023<\/p><p>La <a class="terme"/);
});
