import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scopeHtml } from '../../src/lib/scope-html.ts';

test('ids, the links and labels that point to them get the prefix', () => {
  const html = '<h2 id="le-constat">Le constat</h2><a href="#le-constat">voir</a><a href="/x/#y">ailleurs</a><label for="c">c</label><section aria-labelledby="a b"></section>';
  assert.equal(
    scopeHtml(html, 'art-6-'),
    '<h2 id="art-6-le-constat">Le constat</h2><a href="#art-6-le-constat">voir</a><a href="/x/#y">ailleurs</a><label for="art-6-c">c</label><section aria-labelledby="art-6-a art-6-b"></section>',
  );
});

test('headings move down, never past h6', () => {
  assert.equal(scopeHtml('<h2>a</h2><h5 class="x">b</h5>', 'p-', 2), '<h4>a</h4><h6 class="x">b</h6>');
  assert.equal(scopeHtml('<h2>a</h2>', 'p-', 0), '<h2>a</h2>');
});
