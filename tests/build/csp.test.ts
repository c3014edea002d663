/**
 * What the strict Content-Security-Policy of the deployment guide (docs/deploiement/nginx.conf)
 * would refuse, looked for in every built page: a script or a style written in the page, an event
 * handler attribute, a `javascript:` URL, a script, style sheet or image from another site. The browser tests serve the site under that policy and
 * fail on any violation of the pages they open; this reads every page of dist/, so that a refused
 * construct never waits for a browser to open its page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
