/**
 * What the strict Content-Security-Policy of the deployment guide (docs/deploiement/nginx.conf)
 * would refuse, looked for in every built page: a script or a style written in the page, an event
 * handler attribute, a `javascript:` URL, a script, style sheet or image from another site. The browser tests serve the site under that policy and
 * fail on any violation of the pages they open; this reads every page of dist/, so that a refused
 * construct never waits for a browser to open its page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, builtPages } from '../site.ts';

/** What in `html` a policy without 'unsafe-inline' refuses, one line each (empty when nothing). */
export function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    if (!/\ssrc=/i.test(tag) && !/\stype="application\/(ld\+)?json"/i.test(tag)) found.push(`script en ligne : ${tag}`);
  }
  for (const [tag] of html.matchAll(/<style\b[^>]*>/gi)) found.push(`élément style : ${tag}`);
  for (const [tag] of html.matchAll(/<[a-z][\w-]*\b[^>]*?\s(style|on[a-z]+)=[^>]*>/gi)) found.push(`attribut en ligne : ${tag}`);
  for (const [attr] of html.matchAll(/\s(?:href|src|action|formaction)="\s*javascript:[^"]*"/gi))
    found.push(`URL javascript: : ${attr.trim()}`);
  // A resource from another site ('self' only): scripts, images, media, frames, and the links that load something.
  for (const [tag] of html.matchAll(
    /<(?:script|img|source|audio|video|iframe|embed|object)\b[^>]*\s(?:src|data)="(?:https?:)?\/\/[^"]*"[^>]*>/gi,
  )) {
    found.push(`ressource venue d'un autre site : ${tag}`);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (/\srel="[^"]*\b(?:stylesheet|icon|preload|modulepreload|manifest)\b/i.test(tag) && /\shref="(?:https?:)?\/\//i.test(tag)) {
      found.push(`ressource venue d'un autre site : ${tag}`);
    }
  }
  return found;
}

test('no built page holds a script, a style or an event handler the CSP would refuse', () => {
  const pages = builtPages();
  // The site's own pages alone (home, lists, sixteen themes, error pages) are over 30.
  assert.ok(pages.length > 30, `${pages.length} pages`);
  const problems = pages.flatMap((page) => inlineCode(readFileSync(join(DIST, page), 'utf8')).map((p) => `${page} : ${p}`));
  assert.deepEqual(problems, []);
});

test('the check finds each refused construct (self-test)', () => {
  const bad = [
    '<script>alert(1)</script>',
    '<style>p{}</style>',
    '<p style="color:red">x</p>',
    '<button onclick="go()">x</button>',
    '<a href="javascript:go()">x</a>',
    '<script src="https://cdn.example.org/lib.js"></script>',
    '<img src="//images.example.org/a.png" alt="">',
    '<link rel="stylesheet" href="https://fonts.example.org/f.css">',
  ];
  for (const html of bad) assert.equal(inlineCode(`<html><body>${html}</body></html>`).length, 1, html);
  const good =
    '<script src="/a.js"></script><script type="module" src="/b.js"></script><p data-style="x">onclick=</p>' +
    '<link rel="canonical" href="https://intranet.example.org/"><a href="https://www.etalab.gouv.fr/">licence</a>';
  assert.deepEqual(inlineCode(good), []);
});

/**
 * What in a script of the site asks to evaluate code, which script-src without 'unsafe-eval'
 * refuses: `eval(`, `new Function(` or `Function(` (a library probing whether it may, as zod
 * does, is reported by the browser all the same). The model's schemas (zod) belong to the build,
 * not to the pages: a page script that imports the model brings the probe with it.
 */
export function evaluatesCode(script: string): string[] {
  return [...script.matchAll(/(?<![\w$.])(?:eval|(?:new\s+)?Function)\s*\(/g)].map((m) =>
    script.slice(Math.max(0, m.index - 30), m.index + 30),
  );
}

test('no script of the site evaluates code nor bundles the model’s schemas', () => {
  const scripts = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
  assert.ok(scripts.length > 0);
  const found = scripts.flatMap((f) => evaluatesCode(readFileSync(join(DIST, '_astro', f), 'utf8')).map((at) => `${f} : …${at}…`));
  assert.deepEqual(found, []);
});

test('the evaluation check finds eval, Function and new Function, not a name that ends so (self-test)', () => {
  assert.equal(evaluatesCode('try{return Function(``),!0}catch{}; eval("1"); x=new Function("a","b")').length, 3);
  assert.deepEqual(evaluatesCode('isFunction(x); obj.eval(y); myeval(z)'), []);
});
