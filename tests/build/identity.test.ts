/**
 * The publisher's identity (src/config.ts, `identity`) on every page: its name, and its logo when
 * set, in the header, apart from the site's name; the colours of both themes, with its accent,
 * in the stylesheet every page links first. Read from the built folder and its settings, so that
 * it holds on any site.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../src/lib/paths.ts';
import { paletteCss } from '../../src/model/palette.ts';
import { BASE, DIST, builtPages, builtSettings, decoded } from '../site.ts';

const site = await builtSettings();
const pages = builtPages();

test('every page’s header names the publisher apart from the site, its logo with its size', () => {
  const { name, logo } = site.identity;
  assert.ok(pages.length > 0);
  for (const page of pages) {
    const html = readFileSync(join(DIST, page), 'utf8');
    const header = /<header class="entete">([\s\S]*?)<\/header>/.exec(html)?.[1];
    assert.ok(header, `${page} : en-tête absent`);
    const block = /<p class="entete__organisme">([\s\S]*?)<\/p>/.exec(header)?.[1] ?? '';
    assert.ok(decoded(block).includes(`<span>${name}</span>`), `${page} : nom de l’organisme absent de l’en-tête`);
    assert.ok(decoded(header).includes(`>${site.name}</a>`), `${page} : nom du site absent de l’en-tête`);
    if (logo) {
      const img = /<img [^>]*>/.exec(block)?.[0] ?? '';
      assert.match(img, new RegExp(`src="${BASE}${logo.file}"`), `${page} : logo absent`);
      assert.match(img, new RegExp(`width="${logo.width}" height="${logo.height}"`), `${page} : taille du logo absente`);
      assert.match(img, /\salt(?:="[^"]*")?[\s>]/, `${page} : logo sans alternative`);
    } else {
      assert.doesNotMatch(block, /<img/);
    }
  }
  if (logo) assert.ok(existsSync(join(DIST, logo.file)), `${logo.file} absent du dossier construit`);
});

test('the colours are served first, with the publisher’s accent', () => {
  assert.equal(readFileSync(join(DIST, paths.colours()), 'utf8'), paletteCss(site.identity.accent));
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(sheets[0], `${BASE}${paths.colours()}`);
  assert.ok(sheets.length >= 2, 'la feuille de styles du site manque');
});
